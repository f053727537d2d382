// The office's period board: who has reported, who is late, the red and yellow items, open notices.
import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.js';
import { plans, reportPeriods, reports, tasks } from '../db/schema/index.js';
import type { Actor } from '../policy.js';
import { currentPeriod, findPeriod, periodOut, runSettings } from './calendar.js';
import { indicatorStatuses, taskStatuses } from './status.js';
import { listNotices } from './notices.js';
import { lateUnits, openMissingReportNoticesCount } from './lateUnits.js';
import { leadLinks } from './missingReports.js';

/** what the board's red and yellow lists and their status need */
const boardTaskColumns = {
  id: tasks.id, planId: tasks.planId, parentTaskId: tasks.parentTaskId, startDate: tasks.startDate, deadline: tasks.deadline,
  progress: tasks.progress, reportedStatus: tasks.reportedStatus, createdAt: tasks.createdAt, title: tasks.title,
};

/**
 * The board: what it counts is read in parallel, each part in one statement — the period's stored row with the two
 * counts (reports waiting for review, open 督办 for missing reports), the lead links (shared with the late units'
 * count), the period's reports, the tasks (then their maintained status rows), the indicators, the last due period's reports,
 * the open notices the actor may see (one statement with their units' names and plans' titles).
 */
export async function periodBoard(db: DbOrTx, actor: Actor, plan: typeof plans.$inferSelect, key: string | null, today: string) {
  const settings = runSettings(plan);
  const period = key ? findPeriod(plan, key, settings) : currentPeriod(plan, today, settings);
  const leads = leadLinks(db, plan.id);
  leads.catch(() => undefined); // awaited below (a failure fails the board once, not as an unhandled rejection)
  const [head, lead, inPeriod, taskRows, inds, late, noticeList] = await Promise.all([
    boardHead(db, plan.id, period.key),
    leads,
    // the period's reports by task: the period by its key (report_periods_plan_key), then its reports (reports_period)
    db.select({ taskId: reports.taskId, status: reports.status }).from(reports).innerJoin(reportPeriods, eq(reportPeriods.id, reports.periodId)).where(and(eq(reportPeriods.planId, plan.id), eq(reportPeriods.key, period.key))),
    db.select(boardTaskColumns).from(tasks).where(eq(tasks.planId, plan.id)),
    indicatorStatuses(db, plan, today),
    // 逾期未报 as the 督办 count it: the last period due, whichever period the board shows
    lateUnits(db, plan, today, leads),
    listNotices(db, actor, { planId: plan.id, open: true }),
  ]);
  const statusByTask = new Map<number, string>();
  for (const r of inPeriod) if (!statusByTask.has(r.taskId)) statusByTask.set(r.taskId, r.status);
  const statusOf = (taskId: number) => statusByTask.get(taskId) ?? null;
  const byUnit = new Map<number, { unitId: number; unitName: string; tasks: number; unitReview: number; submitted: number; accepted: number; returned: number; missing: number; late: boolean }>();
  for (const l of lead) {
    const u = byUnit.get(l.unitId) ?? { unitId: l.unitId, unitName: l.unitName, tasks: 0, unitReview: 0, submitted: 0, accepted: 0, returned: 0, missing: 0, late: false };
    const s = statusOf(l.taskId);
    u.tasks++;
    if (s === 'unit_review') u.unitReview++; // still with the unit's head: not yet reported to the office
    else if (s === 'submitted') u.submitted++;
    else if (s === 'accepted') u.accepted++;
    else if (s === 'returned') u.returned++;
    if (s !== 'submitted' && s !== 'accepted' && l.reportedStatus !== '已完成') u.missing++;
    u.late = u.missing > 0 && today > period.dueDate;
    byUnit.set(l.unitId, u);
  }
  const st = await taskStatuses(db, taskRows, today);
  const pick = (color: string) => taskRows.filter((t) => st.get(t.id)?.color === color).map((t) => ({ taskId: t.id, title: t.title, reason: st.get(t.id)!.reason }));
  return {
    period: periodOut(period, head.lockOverride, today),
    overdue: {
      period: late.period ? { key: late.period.key, label: late.period.label, dueDate: late.period.dueDate } : null,
      units: late.units.map((u) => ({ unitId: u.unitId, unitName: u.unitName, missing: u.tasks.length })),
      openNotices: head.openNotices,
    },
    units: [...byUnit.values()].sort((a, b) => Number(b.late) - Number(a.late) || b.missing - a.missing || a.unitId - b.unitId),
    red: pick('red'),
    yellow: pick('yellow'),
    indicators: inds.filter((i) => i.color === 'red' || i.color === 'yellow').map((i) => ({ indicatorId: i.indicatorId, name: i.name, color: i.color, reason: i.reason })),
    notices: noticeList,
    pendingReview: head.pending,
  };
}

/** The period's stored lock (null: none, or no row yet), the reports waiting for review and the open 督办 for missing reports: one statement. */
async function boardHead(db: DbOrTx, planId: number, periodKey: string): Promise<{ lockOverride: string | null; pending: number; openNotices: number }> {
  // every report has its period (a required foreign key): counted on reports alone, index reports_plan_status
  const [row] = await db
    .select({
      lockOverride: sql<string | null>`(select ${reportPeriods.lockOverride} from ${reportPeriods} where ${and(eq(reportPeriods.planId, planId), eq(reportPeriods.key, periodKey))})`,
      pending: sql<number>`(select count(*)::int from ${reports} where ${and(eq(reports.planId, planId), eq(reports.status, 'submitted'))})`,
      openNotices: openMissingReportNoticesCount(planId),
    })
    .from(sql`(select 1) as one`);
  return row;
}
