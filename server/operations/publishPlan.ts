// Publishing a plan on the public page, with care (issue #11): the office previews exactly what the public will see
// (queries/publicPlans.ts buildPublicPlan) and confirms that preview by its fingerprint; if the page changed since
// (a report accepted, a task edited), publishing is refused with PUBLISH_PREVIEW_STALE and nothing is stored.
// Withdrawing needs no preview. Both are audited (plan.publish / plan.unpublish) in the same transaction.
import { createHash } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { AppError } from '../../shared/errors.js';
import type { publishPlanBodySchema } from '../../shared/evaluation.js';
import { plans } from '../db/schema/index.js';
import { writeAudit } from '../audit.js';
import { canManagePlan } from '../policy.js';
import { getVisiblePlan } from '../queries/plans.js';
import { buildPublicPlan } from '../queries/publicPlans.js';
import type { DbOrTx } from '../db/client.js';
import type { Actor } from '../policy.js';
import type { OpContext } from './context.js';

type PublicPage = Awaited<ReturnType<typeof buildPublicPlan>>;

/** A short hash of the page as the public would read it: the same page gives the same fingerprint. */
export function pageFingerprint(page: PublicPage): string {
  return createHash('sha256').update(JSON.stringify(page)).digest('hex').slice(0, 32);
}

/** The office's preview: the public page of a plan it runs, published or not, and its fingerprint. */
export async function previewPublicPlan(db: DbOrTx, actor: Actor, planId: number, today: string) {
  const row = await getVisiblePlan(db, actor, planId);
  if (!canManagePlan(actor, row.p)) throw new AppError('FORBIDDEN');
  const page = await buildPublicPlan(db, row, today);
  return { published: row.p.published, fingerprint: pageFingerprint(page), page };
}

export async function publishPlan({ db, actor }: OpContext, planId: number, body: z.output<typeof publishPlanBodySchema>, today: string) {
  const { p } = await getVisiblePlan(db, actor, planId);
  if (!canManagePlan(actor, p)) throw new AppError('FORBIDDEN');
  return db.transaction(async (tx) => {
    let summary: Record<string, unknown> = {};
    if (body.publish) {
      const now = await previewPublicPlan(tx, actor, planId, today);
      if (now.fingerprint !== body.fingerprint) throw new AppError('PUBLISH_PREVIEW_STALE', { fingerprint: now.fingerprint });
      summary = { fingerprint: now.fingerprint, asOf: now.page.asOf, taskCount: now.page.taskCount, counts: now.page.counts, progress: now.page.progress };
    }
    const [row] = await tx.update(plans).set({ published: body.publish, version: sql`${plans.version} + 1`, updatedAt: new Date() }).where(eq(plans.id, planId)).returning();
    await writeAudit(tx, actor, { action: body.publish ? 'plan.publish' : 'plan.unpublish', entityType: 'plan', entityId: planId, planId, before: { published: p.published }, after: { published: body.publish, ...summary } });
    return row;
  });
}
