// A unit's report grid (批量填报): every lead task due this period across the plans taking reports — the same
// list as the unit's home page (unitHome), so the two never disagree — with the report as it stands and the
// latest report of an earlier period to copy ("复制上月").
import { and, desc, inArray, lt, eq } from 'drizzle-orm';
import type { ReportGrid, ReportGridRow } from '../../shared/bulk.js';
import type { Db } from '../db/client.js';
import { reportPeriods, reports } from '../db/schema/index.js';
import type { Actor } from '../policy.js';
import { unitHome } from './unitHome.js';

export async function reportGrid(db: Db, actor: Actor, today: string): Promise<ReportGrid> {
  const home = await unitHome(db, actor, today);
  const due = home.reports;
  const out: ReportGrid = { asOf: today, unitName: home.unitName, rows: [] };
  if (!due.length) return out;
  const taskIds = due.map((r) => r.taskId);
  const reportIds = due.map((r) => r.reportId).filter((x): x is number => x !== null);
  const current = reportIds.length ? await db.select().from(reports).where(inArray(reports.id, reportIds)) : [];
  // earlier periods' reports of these tasks, newest first; the first one per task below its current period is "上月"
  const earlier = await db
    .select({ taskId: reports.taskId, status: reports.status, reportedStatus: reports.reportedStatus, progress: reports.progress, progressText: reports.progressText, problems: reports.problems, nextSteps: reports.nextSteps, key: reportPeriods.key, label: reportPeriods.label })
    .from(reports)
    .innerJoin(reportPeriods, eq(reportPeriods.id, reports.periodId))
    .where(and(inArray(reports.taskId, taskIds), lt(reportPeriods.key, due.reduce((m, r) => (r.period.key > m ? r.period.key : m), ''))))
    .orderBy(desc(reportPeriods.key), desc(reports.id));
  for (const d of due) {
    const r = current.find((x) => x.id === d.reportId) ?? null;
    const prev = earlier.find((e) => e.taskId === d.taskId && e.key < d.period.key) ?? null;
    const row: ReportGridRow = {
      planId: d.planId, planTitle: d.planTitle, taskId: d.taskId, taskTitle: d.taskTitle, period: d.period,
      editable: d.period.state !== 'locked' && (!r || r.status === 'draft' || r.status === 'returned'),
      report: r && { id: r.id, status: r.status as 'draft', version: r.version, returnReason: r.returnReason, reportedStatus: r.reportedStatus, progress: r.progress, progressText: r.progressText, problems: r.problems, nextSteps: r.nextSteps },
      previous: prev && { periodKey: prev.key, periodLabel: prev.label, status: prev.status as 'draft', reportedStatus: prev.reportedStatus, progress: prev.progress, progressText: prev.progressText, problems: prev.problems, nextSteps: prev.nextSteps },
    };
    out.rows.push(row);
  }
  // what is still to write first, then by plan and task as the plan lists them
  out.rows.sort((a, b) => Number(b.editable) - Number(a.editable));
  return out;
}
