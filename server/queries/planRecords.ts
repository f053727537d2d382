// A plan's data in the shape the Word and Excel builders take: the task ledger, the indicator
// table, the reporting record, and problems / next steps drawn from the units' reports.
import { and, asc, desc, eq, gte, inArray, lte } from 'drizzle-orm';
import type { IndicatorRow, ReportItem, ReportingRecordRow, TaskLedgerRow } from '../../shared/reportDocs.js';
import type { DbOrTx } from '../db/client.js';
import { indicators, outlineNodes, plans, reportPeriods, reports, taskUnits, tasks, units } from '../db/schema/index.js';
import { generatePeriods } from '../domain/reportingPeriods.js';
import { round } from '../domain/format.js';
import { todayInShanghai } from '../domain/dates.js';
import { indicatorStatuses, taskStatuses } from './status.js';
import { runSettings } from './calendar.js';

type PlanRow = typeof plans.$inferSelect;

/** Beijing wall-clock time "YYYY-MM-DD HH:mm", as offices read timestamps. */
export function beijingTime(d: Date): string {
  return new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
}
const num = (x: number | null | undefined) => (x == null ? null : String(round(x, 2)));

/** Top-level outline title of every node: tasks are counted under their chapter. */
async function chapterNames(db: DbOrTx, planId: number): Promise<Map<number, string>> {
  const nodes = await db.select().from(outlineNodes).where(eq(outlineNodes.planId, planId));
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const out = new Map<number, string>();
  for (const n of nodes) {
    let top = n;
    for (let guard = 0; top.parentId && byId.has(top.parentId) && guard < 20; guard++) top = byId.get(top.parentId)!;
    out.set(n.id, `${top.marker}${top.title}`);
  }
  return out;
}

export async function taskLedgerRows(db: DbOrTx, plan: PlanRow, asOf: string): Promise<(TaskLedgerRow & { taskId: number })[]> {
  const rows = await db.select().from(tasks).where(eq(tasks.planId, plan.id)).orderBy(asc(tasks.position), asc(tasks.id));
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  const st = await taskStatuses(db, rows, asOf);
  const chapters = await chapterNames(db, plan.id);
  const tu = await db.select({ taskId: taskUnits.taskId, role: taskUnits.role, raw: taskUnits.raw, name: units.name }).from(taskUnits).leftJoin(units, eq(units.id, taskUnits.unitId)).where(inArray(taskUnits.taskId, ids)).orderBy(asc(taskUnits.position));
  const accepted = await db
    .select({ taskId: reports.taskId, progressText: reports.progressText, progress: reports.progress })
    .from(reports)
    .innerJoin(reportPeriods, eq(reportPeriods.id, reports.periodId))
    .where(and(inArray(reports.taskId, ids), eq(reports.status, 'accepted'), lte(reportPeriods.start, asOf)))
    .orderBy(desc(reportPeriods.start));
  const names = (taskId: number, role: string) => tu.filter((x) => x.taskId === taskId && x.role === role).map((x) => x.name ?? x.raw);
  return rows.map((t) => {
    const s = st.get(t.id)!;
    const last = accepted.find((a) => a.taskId === t.id);
    const latestProgress = last ? [last.progress != null ? `进度${round(last.progress, 1)}%` : '', last.progressText].filter(Boolean).join(';') || null : null;
    return {
      taskId: t.id,
      chapter: t.outlineNodeId ? (chapters.get(t.outlineNodeId) ?? null) : null,
      title: t.title,
      lead: names(t.id, 'lead'),
      responsible: names(t.id, 'responsible'),
      cooperating: names(t.id, 'cooperating'),
      deadline: t.deadline ?? t.deadlineText,
      status: s.state as TaskLedgerRow['status'],
      color: s.color,
      latestProgress,
      updatedAt: beijingTime(t.updatedAt),
    };
  });
}

export async function indicatorRows(db: DbOrTx, plan: PlanRow, asOf: string): Promise<IndicatorRow[]> {
  const rows = await db.select().from(indicators).where(eq(indicators.planId, plan.id)).orderBy(asc(indicators.position), asc(indicators.id));
  const st = await indicatorStatuses(db, plan, asOf);
  return rows.map((ind) => {
    const s = st.find((x) => x.indicatorId === ind.id);
    return {
      name: ind.name,
      unit: ind.unit,
      attribute: ind.attribute === 'binding' || ind.attribute === 'expected' ? ind.attribute : null,
      kind: ['level', 'annual_growth', 'cumulative'].includes(ind.kind) ? (ind.kind as IndicatorRow['kind']) : null,
      baselineYear: ind.baselineYear,
      baseline: ind.baselineText ?? num(ind.baselineValue),
      targetYear: ind.targetYear,
      target: ind.targetText ?? num(ind.targetValue),
      latestYear: s?.actualDate ? Number(s.actualDate.slice(0, 4)) : null,
      latest: num(s?.actual),
      expected: num(s?.expected),
      evaluation: (s?.state as IndicatorRow['evaluation']) ?? null,
    };
  });
}

const reportedToState: Record<string, ReportingRecordRow['status']> = { 已完成: 'completed', 受阻: 'blocked', 滞后: 'behind', 推进中: 'on_track', 未开始: 'not_started' };
const reviewOf: Record<string, ReportingRecordRow['review']> = { submitted: 'pending', accepted: 'approved', returned: 'returned' };

/** Every lead unit × task × period of the year that is due (or already reported): the report, or 未报送. */
export type RecordRow = ReportingRecordRow & { periodKey: string; dueDate: string };
export async function reportingRecordRows(db: DbOrTx, plan: PlanRow, year: number, today: string): Promise<RecordRow[]> {
  const periods = generatePeriods({ ...runSettings(plan).reporting, startMonth: `${year}-01`, endMonth: `${year}-12` });
  const taskRows = await db.select().from(tasks).where(eq(tasks.planId, plan.id)).orderBy(asc(tasks.position), asc(tasks.id));
  if (!taskRows.length) return [];
  const leads = await db.select({ taskId: taskUnits.taskId, unitId: taskUnits.unitId, name: units.name }).from(taskUnits).innerJoin(units, eq(units.id, taskUnits.unitId)).where(and(inArray(taskUnits.taskId, taskRows.map((t) => t.id)), eq(taskUnits.role, 'lead')));
  const reportRows = await db
    .select({ r: reports, key: reportPeriods.key })
    .from(reports)
    .innerJoin(reportPeriods, eq(reportPeriods.id, reports.periodId))
    .where(and(eq(reports.planId, plan.id), gte(reportPeriods.start, `${year}-01-01`), lte(reportPeriods.start, `${year}-12-31`)));
  const start = (t: (typeof taskRows)[number]) => t.startDate ?? (plan.periodStart ? `${plan.periodStart}-01-01` : '0000-01-01');
  const out: RecordRow[] = [];
  for (const p of periods)
    for (const t of taskRows) {
      if (start(t) > p.end) continue;
      for (const l of leads.filter((x) => x.taskId === t.id)) {
        const r = reportRows.find((x) => x.key === p.key && x.r.taskId === t.id)?.r;
        const sent = r && r.status !== 'draft' && r.submittedAt;
        if (!sent && p.dueDate >= today) continue;
        out.push({
          periodKey: p.key,
          dueDate: p.dueDate,
          period: p.label,
          unit: l.name,
          task: t.title,
          status: sent ? (reportedToState[r.reportedStatus ?? ''] ?? null) : null,
          submittedAt: sent ? beijingTime(r.submittedAt!) : null,
          onTime: sent ? todayInShanghai(r.submittedAt!) <= p.dueDate : null,
          review: sent ? (reviewOf[r.status] ?? null) : null,
        });
      }
    }
  return out;
}

/** 存在问题 / 下步打算 from the latest submitted or accepted report of each task in the span. */
export async function reportItems(db: DbOrTx, planId: number, from: string, to: string): Promise<{ problems: ReportItem[]; nextSteps: ReportItem[] }> {
  const rows = await db
    .select({ taskId: reports.taskId, problems: reports.problems, nextSteps: reports.nextSteps, label: reportPeriods.label, title: tasks.title, unit: units.name })
    .from(reports)
    .innerJoin(reportPeriods, eq(reportPeriods.id, reports.periodId))
    .innerJoin(tasks, eq(tasks.id, reports.taskId))
    .innerJoin(units, eq(units.id, reports.unitId))
    .where(and(eq(reports.planId, planId), inArray(reports.status, ['submitted', 'accepted']), gte(reportPeriods.start, from), lte(reportPeriods.start, to)))
    .orderBy(desc(reportPeriods.start), asc(reports.taskId));
  const seen = new Set<number>();
  const latest = rows.filter((r) => (seen.has(r.taskId) ? false : (seen.add(r.taskId), true)));
  const item = (r: (typeof latest)[number], text: string): ReportItem => ({ title: r.title, text, units: [r.unit], period: r.label });
  return {
    problems: latest.filter((r) => r.problems.trim()).slice(0, 50).map((r) => item(r, r.problems.trim())),
    nextSteps: latest.filter((r) => r.nextSteps.trim()).slice(0, 50).map((r) => item(r, r.nextSteps.trim())),
  };
}
