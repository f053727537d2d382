import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { AppError } from '../../shared/errors.js';
import { updatePlanBodySchema } from '../../shared/api.js';
import { plans } from '../db/schema/index.js';
import { writeAudit } from '../audit.js';
import { searchTokens } from '../search.js';
import { getVisiblePlan } from '../queries/plans.js';
import { canManagePlan } from '../policy.js';
import type { OpContext } from './context.js';

export async function updatePlan({ db, actor }: OpContext, planId: number, input: z.input<typeof updatePlanBodySchema>) {
  const patch = updatePlanBodySchema.parse(input);
  const { p } = await getVisiblePlan(db, actor, planId);
  if (!canManagePlan(actor)) throw new AppError('FORBIDDEN');
  if (patch.parentPlanIds) {
    if (patch.parentPlanIds.includes(planId)) throw new AppError('VALIDATION_FAILED', { parentPlanIds: '不能以自身为上位规划' });
    for (const id of patch.parentPlanIds) await getVisiblePlan(db, actor, id);
  }
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(plans)
      .set({ ...patch, ...(patch.title ? { searchText: searchTokens(patch.title) } : {}), updatedAt: new Date() })
      .where(eq(plans.id, planId))
      .returning();
    const before = Object.fromEntries(Object.keys(patch).map((k) => [k, (p as Record<string, unknown>)[k]]));
    await writeAudit(tx, actor, { action: 'plan.update', entityType: 'plan', entityId: planId, planId, before, after: patch });
    return row;
  });
}
