// 指标分解: the office splits an indicator's target to units and towns; the shares must add back up.
import { eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { AppError } from '../../shared/errors.js';
import { indicatorSplitBodySchema } from '../../shared/reporting.js';
import { indicatorUnits, indicators, units } from '../db/schema/index.js';
import { writeAudit } from '../audit.js';
import { canManagePlan } from '../policy.js';
import { getVisiblePlan } from '../queries/plans.js';
import { validateIndicatorSplit } from '../domain/indicatorSplit.js';
import { runSettings } from '../queries/calendar.js';
import type { OpContext } from './context.js';

export async function splitIndicator({ db, actor }: OpContext, indicatorId: number, input: z.input<typeof indicatorSplitBodySchema>) {
  const data = indicatorSplitBodySchema.parse(input);
  const [ind] = await db.select().from(indicators).where(eq(indicators.id, indicatorId));
  if (!ind) throw new AppError('NOT_FOUND');
  const { p: plan } = await getVisiblePlan(db, actor, ind.planId);
  const tolerance = runSettings(plan).split;
  if (!canManagePlan(actor, plan)) throw new AppError('FORBIDDEN');
  const ids = [...new Set(data.shares.map((s) => s.unitId))];
  const found = await db.select({ id: units.id, name: units.name }).from(units).where(inArray(units.id, ids));
  if (found.length !== ids.length) throw new AppError('VALIDATION_FAILED', { units: ids.filter((i) => !found.some((f) => f.id === i)) });
  if (ind.targetValue == null) throw new AppError('INDICATOR_SPLIT_INVALID', { errors: [{ code: 'no_target', unit: null, message: `${ind.name}没有数值目标,无法分解` }] });
  const name = (id: number) => found.find((f) => f.id === id)!.name;
  const check = validateIndicatorSplit({
    indicatorName: ind.name, total: ind.targetValue, measure: data.measure, mode: data.mode, ...tolerance, direction: ind.direction === 'lower_better' ? 'lower_better' : 'higher_better',
    // by unit id so two units with one name in different regions stay distinct
    shares: data.shares.map((s) => ({ unit: String(s.unitId), value: s.share, weight: s.weight })),
  });
  if (!check.ok) throw new AppError('INDICATOR_SPLIT_INVALID', { ...check, errors: check.errors.map((e) => ({ ...e, unit: e.unit ? name(Number(e.unit)) : null, message: e.message.replace(/「(\d+)」/g, (_m, id) => `「${name(Number(id))}」`) })) });
  return db.transaction(async (tx) => {
    const before = await tx.select().from(indicatorUnits).where(eq(indicatorUnits.indicatorId, indicatorId));
    await tx.delete(indicatorUnits).where(eq(indicatorUnits.indicatorId, indicatorId));
    const rows = await tx.insert(indicatorUnits).values(data.shares.map((s) => ({ indicatorId, unitId: s.unitId, share: s.share, weight: data.measure === 'ratio' ? s.weight : null }))).returning();
    await writeAudit(tx, actor, {
      action: 'indicator.split', entityType: 'indicator', entityId: indicatorId, planId: ind.planId,
      before: before.map((b) => ({ unitId: b.unitId, share: b.share, weight: b.weight })), after: { measure: data.measure, mode: data.mode, shares: data.shares, aggregate: check.aggregate },
    });
    return { ...check, shares: rows.map((r) => ({ unitId: r.unitId, unitName: name(r.unitId), share: r.share, weight: r.weight })) };
  });
}
