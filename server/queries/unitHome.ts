// A unit's 今日待办 (reporter, head, town): this period's report of every task it leads and its part in the tasks
// it helps with, across every plan that takes reports today; the 督办 waiting for it; for a head, the 预审 queue.
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { UnitHome } from '../../shared/home.js';
import type { Db } from '../db/client.js';
import { notices, plans, reportContributions, reportPeriods, reports, tasks, units } from '../db/schema/index.js';
import { combine, planScope, taskScope, unitTaskRoles, type Actor } from '../policy.js';
import { periodOut, storedPeriods } from './calendar.js';
import { deadlineOut, reportingPeriodToday } from './homePlans.js';
import { noticeScope } from './notices.js';
import { taskStatuses } from './status.js';

const rowsOf = <T>(res: unknown) => (res as { rows: T[] }).rows;
/** 督办 states in which the unit has the next step (签收, 办理, 反馈) */
const UNIT_STEPS = ['issued', 'signed', 'handled'];

export async function unitHome(db: Db, actor: Actor, today: string): Promise<UnitHome> {
  const out: UnitHome = {
    asOf: today, unitName: null,
    counts: { toReport: 0, overdue: 0, returned: 0, waiting: 0, accepted: 0, contributionsOpen: 0, notices: 0, unitReview: 0 },
    reports: [], contributions: [], notices: [], unitReview: [],
  };
  const unitId = actor.unitId;
  if (!unitId) return out;
  const [unit] = await db.select({ name: units.name }).from(units).where(eq(units.id, unitId));
  out.unitName = unit?.name ?? null;

  // the unit's roles: where it is named, and (a town) where the task is addressed to 各镇街
  const roles = rowsOf<{ taskId: number; role: string; named: boolean }>(
    await db.execute(sql`select mine.task_id as "taskId", mine.role, mine.named from (${unitTaskRoles(unitId)}) as mine`),
  );
  const taskIds = [...new Set(roles.map((r) => r.taskId))];
  const taskRows = taskIds.length
    ? await db
        .select({ id: tasks.id, planId: tasks.planId, parentTaskId: tasks.parentTaskId, title: tasks.title, position: tasks.position, startDate: tasks.startDate, deadline: tasks.deadline, progress: tasks.progress, reportedStatus: tasks.reportedStatus, createdAt: tasks.createdAt })
        .from(tasks)
        .where(combine(inArray(tasks.id, taskIds), isNull(tasks.parentTaskId), taskScope(actor)))
        .orderBy(asc(tasks.planId), asc(tasks.position), asc(tasks.id))
    : [];
  const planIds = [...new Set(taskRows.map((t) => t.planId))];
  const planRows = planIds.length ? await db.select().from(plans).where(combine(inArray(plans.id, planIds), planScope(actor))) : [];
  // each plan that takes reports today, with its period as the unit sees it (the office's lock or unlock applies)
  const periods = new Map<number, { out: ReturnType<typeof periodOut>; periodId: number | null }>();
  for (const plan of planRows) {
    const p = reportingPeriodToday(plan, today);
    if (!p) continue;
    const stored = (await storedPeriods(db, plan.id)).find((s) => s.key === p.key);
    periods.set(plan.id, { out: periodOut(p, stored?.lockOverride, today), periodId: stored?.id ?? null });
  }
  const titleOf = new Map(planRows.map((p) => [p.id, p.title]));
  const live = taskRows.filter((t) => periods.has(t.planId));
  // a lead the unit is named as: the period's one report is its to write (saveReport); a town addressed as a lead
  // only through 各镇街 gives its part, as a contribution, beside the named lead units' report
  const isLead = (taskId: number) => roles.some((r) => r.taskId === taskId && r.role === 'lead' && r.named);
  const lead = live.filter((t) => isLead(t.id));
  const helping = live.filter((t) => !isLead(t.id));

  // the period's report of each lead task (one per task and period, whichever lead unit wrote it)
  const periodIds = [...periods.values()].map((p) => p.periodId).filter((x): x is number => x !== null);
  const reportRows = lead.length && periodIds.length
    ? await db.select({ id: reports.id, taskId: reports.taskId, periodId: reports.periodId, status: reports.status, returnReason: reports.returnReason }).from(reports)
        .where(and(inArray(reports.taskId, lead.map((t) => t.id)), inArray(reports.periodId, periodIds)))
    : [];
  const status = await taskStatuses(db, lead, today);
  for (const t of lead) {
    const { out: period, periodId } = periods.get(t.planId)!;
    const r = reportRows.find((x) => x.taskId === t.id && x.periodId === periodId);
    // a task reported complete needs no more reports (as the reminders and 督办 rules read it)
    if (!r && t.reportedStatus === '已完成') continue;
    const open = period.state !== 'locked';
    const todo = open && (!r || r.status === 'draft' || r.status === 'returned');
    out.reports.push({
      planId: t.planId, planTitle: titleOf.get(t.planId) ?? '', taskId: t.id, taskTitle: t.title,
      period: { key: period.key, label: period.label, dueDate: period.dueDate, state: period.state },
      deadline: deadlineOut(today, period.dueDate, todo),
      reportId: r?.id ?? null, reportStatus: (r?.status as UnitHome['reports'][number]['reportStatus']) ?? null, returnReason: r?.status === 'returned' ? r.returnReason : null,
      todo, taskStatus: status.get(t.id)!,
    });
  }
  // overdue first, then what is still to do, each by its due date
  const rank = (x: UnitHome['reports'][number]) => (x.deadline.overdue ? 0 : x.todo ? 1 : 2);
  out.reports.sort((a, b) => rank(a) - rank(b) || a.deadline.date.localeCompare(b.deadline.date));

  // the unit's part in tasks it helps with
  const given = helping.length && periodIds.length
    ? await db.select({ taskId: reportContributions.taskId, periodId: reportContributions.periodId }).from(reportContributions)
        .where(and(eq(reportContributions.unitId, unitId), inArray(reportContributions.taskId, helping.map((t) => t.id)), inArray(reportContributions.periodId, periodIds)))
    : [];
  for (const t of helping) {
    const { out: period, periodId } = periods.get(t.planId)!;
    const mine = roles.filter((r) => r.taskId === t.id);
    const role = mine.some((r) => r.role === 'lead') ? 'lead' : mine.some((r) => r.role === 'responsible') ? 'responsible' : 'cooperating';
    const done = given.some((g) => g.taskId === t.id && g.periodId === periodId);
    out.contributions.push({
      planId: t.planId, planTitle: titleOf.get(t.planId) ?? '', taskId: t.id, taskTitle: t.title, role, viaAllTowns: !mine.some((r) => r.named),
      period: { key: period.key, label: period.label, dueDate: period.dueDate, state: period.state },
      deadline: deadlineOut(today, period.dueDate, !done && period.state !== 'locked'), given: done,
    });
  }
  out.contributions.sort((a, b) => Number(a.given) - Number(b.given) || Number(b.deadline.overdue) - Number(a.deadline.overdue) || a.deadline.date.localeCompare(b.deadline.date));

  // 督办 waiting for the unit's next step
  const open = await db
    .select({ noticeId: notices.id, planId: notices.planId, planTitle: plans.title, title: notices.title, level: notices.level, status: notices.status, responseDeadline: notices.responseDeadline })
    .from(notices)
    .innerJoin(plans, eq(plans.id, notices.planId))
    .where(combine(noticeScope(actor), eq(notices.unitId, unitId), inArray(notices.status, UNIT_STEPS)))
    .orderBy(asc(notices.responseDeadline), asc(notices.id));
  out.notices = open.map((n) => ({ ...n, level: n.level as 'blue', status: n.status as 'issued', deadline: deadlineOut(today, n.responseDeadline, true) }));

  // 单位负责人预审: the unit's reports its reporters sent to the head
  if (actor.roles.includes('unit_head')) {
    const waiting = await db
      .select({ reportId: reports.id, planId: reports.planId, planTitle: plans.title, taskId: reports.taskId, taskTitle: tasks.title, periodLabel: reportPeriods.label, submittedAt: reports.submittedAt })
      .from(reports)
      .innerJoin(tasks, eq(tasks.id, reports.taskId))
      .innerJoin(plans, eq(plans.id, reports.planId))
      .innerJoin(reportPeriods, eq(reportPeriods.id, reports.periodId))
      .where(and(eq(reports.unitId, unitId), eq(reports.status, 'unit_review')))
      .orderBy(asc(reports.submittedAt), asc(reports.id));
    out.unitReview = waiting.map((w) => ({ ...w, submittedAt: w.submittedAt?.toISOString() ?? null }));
  }

  const rs = out.reports;
  out.counts = {
    toReport: rs.filter((r) => r.todo).length,
    overdue: rs.filter((r) => r.deadline.overdue).length,
    returned: rs.filter((r) => r.reportStatus === 'returned').length,
    waiting: rs.filter((r) => r.reportStatus === 'unit_review' || r.reportStatus === 'submitted').length,
    accepted: rs.filter((r) => r.reportStatus === 'accepted').length,
    contributionsOpen: out.contributions.filter((c) => !c.given).length,
    notices: out.notices.length,
    unitReview: out.unitReview.length,
  };
  return out;
}
