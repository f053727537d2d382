// Data for the office's charts (ECharts): status by chapter and by lead unit, indicator
// trajectories (expected against actual, year by year), reporting completion per period.
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.js';
import { indicatorValues, indicators, plans, taskUnits, tasks, units } from '../db/schema/index.js';
import { expectedValue } from '../domain/indicatorExpected.js';
import { round } from '../domain/format.js';
import { countColors, rollupProgress } from '../domain/rollup.js';
import { INDICATOR_STATE_LABELS, type IndicatorState } from '../domain/indicatorStatus.js';
import { indicatorStatuses, planTaskStatus, yearTargets } from './status.js';
import { targetSegment } from '../domain/indicatorMilestones.js';
import { reportingRecordRows } from './planRecords.js';

type PlanRow = typeof plans.$inferSelect;

export async function statusDashboard(db: DbOrTx, plan: PlanRow, today: string) {
  // the tasks' status and roll-ups without the indicator pass that /status adds
  const s = await planTaskStatus(db, plan, today);
  const leads = s.tasks.length ? await db.select({ taskId: taskUnits.taskId, unitId: taskUnits.unitId, name: units.name }).from(taskUnits).innerJoin(units, eq(units.id, taskUnits.unitId)).innerJoin(tasks, eq(tasks.id, taskUnits.taskId)).where(and(eq(tasks.planId, plan.id), eq(taskUnits.role, 'lead'))).orderBy(asc(taskUnits.taskId), asc(taskUnits.id)) : [];
  const byUnit = new Map<number, { unitId: number; unitName: string; taskIds: Set<number> }>();
  for (const l of leads) {
    const u = byUnit.get(l.unitId!) ?? { unitId: l.unitId!, unitName: l.name, taskIds: new Set<number>() };
    u.taskIds.add(l.taskId);
    byUnit.set(l.unitId!, u);
  }
  return {
    asOf: today,
    byChapter: s.chapters.map((c) => ({ outlineNodeId: c.outlineNodeId, title: c.title, progress: c.progress, taskCount: c.taskCount, counts: { ...countColors([]), ...c.counts } })),
    byUnit: [...byUnit.values()].map((u) => {
      const mine = s.tasks.filter((t) => u.taskIds.has(t.taskId));
      const r = rollupProgress(mine.map((t) => ({ id: t.taskId, weight: t.weight, progress: t.progress == null ? null : Math.max(0, Math.min(100, t.progress)), color: t.status.color })));
      return { unitId: u.unitId, unitName: u.unitName, taskCount: mine.length, progress: r.progress, counts: countColors(mine.map((t) => t.status.color)) };
    }).sort((a, b) => b.taskCount - a.taskCount || a.unitId - b.unitId),
  };
}

/** One point per year, baseline year to target year: 应达值 at each year-end and the last value reported in that year. */
export async function indicatorTrajectories(db: DbOrTx, plan: PlanRow, today: string) {
  const rows = await db.select().from(indicators).where(eq(indicators.planId, plan.id)).orderBy(asc(indicators.position), asc(indicators.id));
  const values = rows.length ? await db.select().from(indicatorValues).where(and(inArray(indicatorValues.indicatorId, rows.map((r) => r.id)), isNull(indicatorValues.unitId))).orderBy(asc(indicatorValues.date), asc(indicatorValues.id)) : [];
  const st = await indicatorStatuses(db, plan, today);
  return rows.map((ind) => {
    const s = st.find((x) => x.indicatorId === ind.id);
    const points: { year: number; expected: number | null; actual: number | null }[] = [];
    const from = ind.baselineYear ?? plan.periodStart;
    const to = ind.targetYear ?? plan.periodEnd;
    if (from && to && to >= from && to - from <= 50) {
      for (let year = from; year <= to; year++) {
        let expected: number | null = null;
        const seg = targetSegment(ind, yearTargets(ind), year);
        if (seg) {
          const kind = (['level', 'annual_growth', 'cumulative'].includes(ind.kind) ? ind.kind : 'level') as 'level';
          const v = expectedValue({ baseline: seg.baseline, baselineYear: seg.baselineYear, target: seg.target, targetYear: seg.targetYear, kind, asOf: year });
          expected = v == null ? null : round(v, 2);
        }
        const inYear = values.filter((v) => v.indicatorId === ind.id && v.date.startsWith(`${year}-`));
        let actual = inYear.length ? inYear[inYear.length - 1].value : null;
        if (year === ind.baselineYear && actual == null) actual = ind.baselineValue;
        // a split indicator's whole (its units' values combined) is only known from its status
        if (actual == null && s?.actual != null && s.actualDate?.startsWith(`${year}-`)) actual = s.actual;
        points.push({ year, expected, actual: actual == null ? null : round(actual, 2) });
      }
    }
    const state = (s?.state ?? 'no_data') as IndicatorState;
    return { indicatorId: ind.id, name: ind.name, unit: ind.unit, attribute: ind.attribute, state, label: INDICATOR_STATE_LABELS[state] ?? state, color: s?.color ?? 'grey', points };
  });
}

export async function reportingDashboard(db: DbOrTx, plan: PlanRow, year: number, today: string) {
  const rows = await reportingRecordRows(db, plan, year, today);
  const keys = [...new Set(rows.map((r) => r.periodKey))];
  return {
    asOf: today,
    periods: keys.map((key) => {
      const mine = rows.filter((r) => r.periodKey === key);
      const submitted = mine.filter((r) => r.submittedAt).length;
      const onTime = mine.filter((r) => r.onTime === true).length;
      const pct = (n: number) => (mine.length ? round((n / mine.length) * 100, 1) : null);
      return {
        key, label: mine[0].period, dueDate: mine[0].dueDate, due: mine.length, submitted, onTime,
        accepted: mine.filter((r) => r.review === 'approved').length, returned: mine.filter((r) => r.review === 'returned').length,
        rate: pct(submitted), onTimeRate: pct(onTime),
      };
    }),
  };
}
