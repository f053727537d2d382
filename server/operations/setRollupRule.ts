// The issuing region's office chooses how a plan's tasks are rolled up from the districts that carry them
// (issue #13): the worst colour, the share on track with its threshold, or weighted by district. Kept in
// plans.settings.rollup; weights only for the districts directly below the plan's region. Audited.
import { and, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import { AppError } from '../../shared/errors.js';
import { rollupRuleBodySchema, rollupRuleSchema, type RollupRule } from '../../shared/takeUp.js';
import { plans, regions } from '../db/schema/index.js';
import { writeAudit } from '../audit.js';
import { now } from '../clock.js';
import { canManagePlan } from '../policy.js';
import { getVisiblePlan } from '../queries/plans.js';
import { rollupRuleOf } from '../queries/takeUp.js';
import type { OpContext } from './context.js';

export async function setRollupRule({ db, actor }: OpContext, planId: number, input: z.input<typeof rollupRuleBodySchema>): Promise<RollupRule> {
  const data = rollupRuleBodySchema.parse(input);
  const { p: plan } = await getVisiblePlan(db, actor, planId);
  if (!canManagePlan(actor, plan)) throw new AppError('FORBIDDEN');
  const current = rollupRuleOf(plan);
  const given = data.weights ?? Object.entries(current.weights).map(([id, weight]) => ({ regionId: Number(id), weight }));
  const ids = [...new Set(given.map((w) => w.regionId))];
  if (ids.length) {
    const below = plan.regionId === null ? [] : await db.select({ id: regions.id }).from(regions).where(and(inArray(regions.id, ids), eq(regions.parentId, plan.regionId)));
    if (below.length !== ids.length) throw new AppError('ROLLUP_WEIGHT_NOT_DISTRICT', { regionIds: ids.filter((id) => !below.some((b) => b.id === id)) });
  }
  const next = rollupRuleSchema.parse({
    kind: data.kind,
    threshold: data.threshold ?? current.threshold,
    // a weight of 1 is the default: not stored, so the sentence names only the districts that differ
    weights: Object.fromEntries(given.filter((w) => w.weight !== 1).map((w) => [String(w.regionId), w.weight])),
  });
  return db.transaction(async (tx) => {
    // only the rollup key changes: a concurrent change of another setting is kept
    await tx
      .update(plans)
      .set({ settings: sql`coalesce(${plans.settings}, '{}'::jsonb) || jsonb_build_object('rollup', ${JSON.stringify(next)}::jsonb)`, updatedAt: now(), version: sql`${plans.version} + 1` })
      .where(eq(plans.id, planId));
    await writeAudit(tx, actor, { action: 'plan.rollup_rule', entityType: 'plan', entityId: planId, planId, before: current, after: next });
    return next;
  });
}
