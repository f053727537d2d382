import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { AppError } from '../../shared/errors.js';
import { updatePlanBodySchema } from '../../shared/api.js';
import { documents, plans } from '../db/schema/index.js';
import { writeAudit } from '../audit.js';
import { planSearchText } from '../search.js';
import { getVisiblePlan } from '../queries/plans.js';
import { canManagePlan } from '../policy.js';
import type { OpContext } from './context.js';
import type { DbOrTx } from '../db/client.js';

/**
 * A plan's parents may not be the plan itself or any plan below it (a plan that names it as a parent,
 * directly or further down): that would make a cycle. Parent changes are serialised by a transaction-level
 * advisory lock, so two concurrent changes cannot each close half of a cycle.
 */
async function assertNoParentCycle(tx: DbOrTx, planId: number, parentIds: number[]) {
  await tx.execute(sql`select pg_advisory_xact_lock(72617)`);
  const rows = await tx.select({ id: plans.id, parents: plans.parentPlanIds }).from(plans);
  const children = new Map<number, number[]>();
  for (const r of rows) for (const parent of r.parents ?? []) children.set(parent, [...(children.get(parent) ?? []), r.id]);
  const below = new Set<number>([planId]);
  const queue = [planId];
  while (queue.length) {
    for (const c of children.get(queue.pop()!) ?? []) {
      if (below.has(c)) continue;
      below.add(c);
      queue.push(c);
    }
  }
  const cyclic = parentIds.filter((id) => below.has(id));
  if (cyclic.length) throw new AppError('PLAN_PARENT_CYCLE', { parentPlanIds: cyclic });
}

export async function updatePlan({ db, actor }: OpContext, planId: number, input: z.input<typeof updatePlanBodySchema>) {
  const patch = updatePlanBodySchema.parse(input);
  const { p } = await getVisiblePlan(db, actor, planId);
  if (!canManagePlan(actor, p)) throw new AppError('FORBIDDEN');
  if (patch.parentPlanIds) {
    if (patch.parentPlanIds.includes(planId)) throw new AppError('PLAN_PARENT_CYCLE', { parentPlanIds: [planId] });
    for (const id of patch.parentPlanIds) await getVisiblePlan(db, actor, id);
  }
  return db.transaction(async (tx) => {
    if (patch.parentPlanIds?.length) await assertNoParentCycle(tx, planId, patch.parentPlanIds);
    const { version: expected, ...changes } = patch;
    // a new title is searched with the plan's full text, as at import
    const [doc] = changes.title && p.documentId ? await tx.select({ text: documents.text }).from(documents).where(eq(documents.id, p.documentId)) : [];
    // compare-and-set on the version the editor read: a stale save changes nothing and gets 409
    const [row] = await tx
      .update(plans)
      .set({ ...changes, ...(changes.title ? { searchText: planSearchText(changes.title, doc?.text) } : {}), version: sql`${plans.version} + 1`, updatedAt: new Date() })
      .where(and(eq(plans.id, planId), expected === undefined ? undefined : eq(plans.version, expected)))
      .returning();
    if (!row) throw new AppError('CONFLICT', { currentVersion: p.version });
    const before = Object.fromEntries(Object.keys(changes).map((k) => [k, (p as Record<string, unknown>)[k]]));
    await writeAudit(tx, actor, { action: 'plan.update', entityType: 'plan', entityId: planId, planId, before, after: changes });
    return row;
  });
}
