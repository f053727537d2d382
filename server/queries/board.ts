// The office's period board: who has reported, who is late, the red and yellow items, open notices.
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.js';
import { plans, reports, taskUnits, tasks, units } from '../db/schema/index.js';
import type { Actor } from '../policy.js';
import { currentPeriod, findPeriod, periodOut, runSettings, storedPeriod } from './calendar.js';
import { indicatorStatuses, taskStatuses } from './status.js';
import { listNotices } from './notices.js';
import { lateUnits, openMissingReportNotices } from './lateUnits.js';

/** what the board's red and yellow lists and their status need */
const boardTaskColumns = {
  id: tasks.id, planId: tasks.planId, parentTaskId: tasks.parentTaskId, startDate: tasks.startDate, deadline: tasks.deadline,
  progress: tasks.progress, reportedStatus: tasks.reportedStatus, createdAt: tasks.createdAt, title: tasks.title,
};

export async function periodBoard(db: DbOrTx, actor: Actor, plan: typeof plans.$inferSelect, key: string | null, today: string) {
  const settings = runSettings(plan);
  const period = key ? findPeriod(plan, key, settings) : currentPeriod(plan, today, settings);
  const stored = await storedPeriod(db, plan.id, period.key);
  const lead = await db
    .select({ taskId: tasks.id, reportedStatus: tasks.reportedStatus, unitId: taskUnits.unitId, unitName: units.name })
    .from(taskUnits)
    .innerJoin(tasks, eq(tasks.id, taskUnits.taskId))
    .innerJoin(units, eq(units.id, taskUnits.unitId))
    .where(and(eq(tasks.planId, plan.id), isNull(tasks.parentTaskId), eq(taskUnits.role, 'lead')));
  // the period's reports by task (index reports_period)
  const inPeriod = stored ? await db.select({ taskId: reports.taskId, status: reports.status }).from(reports).where(eq(reports.periodId, stored.id)) : [];
  const statusByTask = new Map<number, string>();
  for (const r of inPeriod) if (!statusByTask.has(r.taskId)) statusByTask.set(r.taskId, r.status);
  const statusOf = (taskId: number) => statusByTask.get(taskId) ?? null;
  const byUnit = new Map<number, { unitId: number; unitName: string; tasks: number; unitReview: number; submitted: number; accepted: number; returned: number; missing: number; late: boolean }>();
  for (const l of lead) {
    const u = byUnit.get(l.unitId!) ?? { unitId: l.unitId!, unitName: l.unitName, tasks: 0, unitReview: 0, submitted: 0, accepted: 0, returned: 0, missing: 0, late: false };
    const s = statusOf(l.taskId);
    u.tasks++;
    if (s === 'unit_review') u.unitReview++; // still with the unit's head: not yet reported to the office
    else if (s === 'submitted') u.submitted++;
    else if (s === 'accepted') u.accepted++;
    else if (s === 'returned') u.returned++;
    if (s !== 'submitted' && s !== 'accepted' && l.reportedStatus !== '已完成') u.missing++;
    u.late = u.missing > 0 && today > period.dueDate;
    byUnit.set(l.unitId!, u);
  }
  const taskRows = await db.select(boardTaskColumns).from(tasks).where(eq(tasks.planId, plan.id));
  const st = await taskStatuses(db, taskRows, today);
  const pick = (color: string) => taskRows.filter((t) => st.get(t.id)?.color === color).map((t) => ({ taskId: t.id, title: t.title, reason: st.get(t.id)!.reason }));
  const inds = await indicatorStatuses(db, plan, today);
  // every report has its period (a required foreign key): counted on reports alone, index reports_plan_status
  const [{ pending }] = await db.select({ pending: sql<number>`count(*)::int` }).from(reports).where(and(eq(reports.planId, plan.id), eq(reports.status, 'submitted')));
  // 逾期未报 as the 督办 count it: the last period due, whichever period the board shows
  const late = await lateUnits(db, plan, today);
  return {
    period: periodOut(period, stored?.lockOverride, today),
    overdue: {
      period: late.period ? { key: late.period.key, label: late.period.label, dueDate: late.period.dueDate } : null,
      units: late.units.map((u) => ({ unitId: u.unitId, unitName: u.unitName, missing: u.tasks.length })),
      openNotices: await openMissingReportNotices(db, plan.id),
    },
    units: [...byUnit.values()].sort((a, b) => Number(b.late) - Number(a.late) || b.missing - a.missing || a.unitId - b.unitId),
    red: pick('red'),
    yellow: pick('yellow'),
    indicators: inds.filter((i) => i.color === 'red' || i.color === 'yellow').map((i) => ({ indicatorId: i.indicatorId, name: i.name, color: i.color, reason: i.reason })),
    notices: await listNotices(db, actor, { planId: plan.id, open: true }),
    pendingReview: pending,
  };
}
