// Confirming or rejecting a link of the same work (issue #13), the step both confirmSameWorkLink and
// rejectSameWorkLink take: the link must join the plan named in the route, the office must manage both plans it
// joins, and the new status (with the note) is written with its audit row in one transaction.
import { eq, inArray } from 'drizzle-orm';
import { plans, sameWorkLinks } from '../db/schema/index.js';
import { AppError } from '../../shared/errors.js';
import type { SameWorkStatus } from '../../shared/sameWork.js';
import { canManagePlan } from '../policy.js';
import { writeAudit } from '../audit.js';
import { now } from '../clock.js';
import { linkOfPlan } from '../queries/sameWork.js';
import { getVisiblePlan } from '../queries/plans.js';
import type { OpContext } from './context.js';

/** confirm or reject one link of a plan: the office must manage both plans it joins */
export async function decideSameWorkLink({ db, actor }: OpContext, planId: number, linkId: number, status: Exclude<SameWorkStatus, 'proposed'>, note: string | null) {
  await getVisiblePlan(db, actor, planId);
  const link = await linkOfPlan(db, planId, linkId);
  const both = await db.select({ id: plans.id, regionId: plans.regionId }).from(plans).where(inArray(plans.id, [link.planA, link.planB]));
  if (both.length !== 2 || !both.every((p) => canManagePlan(actor, p))) throw new AppError('FORBIDDEN');
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(sameWorkLinks).where(eq(sameWorkLinks.id, linkId)).for('update');
    if (!before) throw new AppError('NOT_FOUND');
    if (before.status === status && (before.note ?? null) === note) return { id: linkId, status };
    const [row] = await tx.update(sameWorkLinks).set({ status, note, decidedBy: actor.userId, decidedAt: now() }).where(eq(sameWorkLinks.id, linkId)).returning();
    await writeAudit(tx, actor, {
      action: status === 'confirmed' ? 'same_work.confirm' : 'same_work.reject', entityType: 'same_work_link', entityId: linkId, planId,
      before: { status: before.status, note: before.note }, after: { status: row.status, note: row.note },
    });
    return { id: linkId, status: row.status as SameWorkStatus };
  });
}
