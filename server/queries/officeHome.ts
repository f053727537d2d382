// The office's 今日待办: reports waiting for review, lead units overdue, tasks that name no unit, 督办 fed back
// and waiting for 复核, imports waiting for review — across every plan the office may see and runs.
import { and, asc, desc, eq, inArray, ne, sql } from 'drizzle-orm';
import type { OfficeHome } from '../../shared/home.js';
import type { Db } from '../db/client.js';
import { imports, notices, plans, reportPeriods, reports, tasks, units } from '../db/schema/index.js';
import { todayInShanghai } from '../domain/dates.js';
import { missingReports } from './missingReports.js';
import { canManagePlan, combine, importScope, planScope, type Actor } from '../policy.js';
import { lastDuePeriod, runSettings } from './calendar.js';
import { deadlineOut, reportingPeriodToday } from './homePlans.js';

const LIST = 20;
const rowsOf = <T>(res: unknown) => (res as { rows: T[] }).rows;

export async function officeHome(db: Db, actor: Actor, today: string): Promise<OfficeHome> {
  // plans it may see (planScope) and runs (canManagePlan): a district reads the city's plans but does not review them
  const visible = await db.select().from(plans).where(combine(planScope(actor), ne(plans.status, 'archived'))).orderBy(asc(plans.id));
  const run = visible.filter((p) => canManagePlan(actor, p));
  const ids = run.length ? run.map((p) => p.id) : [-1];
  const titleOf = new Map(run.map((p) => [p.id, p.title]));

  // reports waiting for the office
  const pendingWhere = and(inArray(reports.planId, ids), eq(reports.status, 'submitted'));
  const [{ n: pendingTotal }] = await db.select({ n: sql<number>`count(*)::int` }).from(reports).where(pendingWhere);
  const pending = await db
    .select({ reportId: reports.id, planId: reports.planId, taskId: reports.taskId, taskTitle: tasks.title, unitName: units.name, periodKey: reportPeriods.key, periodLabel: reportPeriods.label, dueDate: reportPeriods.dueDate, submittedAt: reports.submittedAt })
    .from(reports)
    .innerJoin(tasks, eq(tasks.id, reports.taskId))
    .innerJoin(units, eq(units.id, reports.unitId))
    .innerJoin(reportPeriods, eq(reportPeriods.id, reports.periodId))
    .where(pendingWhere)
    .orderBy(asc(reports.submittedAt), asc(reports.id))
    .limit(LIST);

  // lead units with reports missing for the last period due: the same count the reminders and 督办 rules use
  const overdueUnits: OfficeHome['overdueUnits'] = [];
  for (const plan of run) {
    if (!reportingPeriodToday(plan, today)) continue; // an ended plan is no longer chased
    const due = lastDuePeriod(plan, today, runSettings(plan));
    if (!due) continue;
    for (const u of await missingReports(db, plan.id, due.key))
      overdueUnits.push({ planId: plan.id, planTitle: plan.title, unitId: u.unitId, unitName: u.unitName, periodKey: due.key, periodLabel: due.label, deadline: deadlineOut(today, due.dueDate, true), missingTasks: u.tasks.length });
  }
  overdueUnits.sort((a, b) => a.deadline.date.localeCompare(b.deadline.date) || b.missingTasks - a.missingTasks || a.planId - b.planId || a.unitId - b.unitId);

  // tasks that name no unit (a named unit, or the towns or districts as addressees): nobody reports on them
  const idList = sql.join(ids.map((i) => sql`${i}`), sql`, `);
  const unassigned = rowsOf<{ planId: number; taskId: number; title: string; n: number; rank: number }>(
    await db.execute(sql`select * from (
        select t.plan_id as "planId", t.id as "taskId", t.title, count(*) over (partition by t.plan_id)::int as n,
               row_number() over (partition by t.plan_id order by t.position, t.id)::int as rank
        from tasks t
        where t.plan_id in (${idList}) and t.parent_task_id is null
          and not exists (select 1 from task_units tu where tu.task_id = t.id and (tu.unit_id is not null or tu.scope in ('all_towns', 'all_districts')))
      ) x where rank <= 3 order by "planId", rank`),
  );
  const unassignedTasks: OfficeHome['unassignedTasks'] = [];
  for (const r of unassigned) {
    let entry = unassignedTasks.find((e) => e.planId === r.planId);
    if (!entry) unassignedTasks.push((entry = { planId: r.planId, planTitle: titleOf.get(r.planId) ?? '', count: Number(r.n), examples: [] }));
    entry.examples.push({ taskId: r.taskId, title: r.title });
  }
  unassignedTasks.sort((a, b) => b.count - a.count || a.planId - b.planId);

  // 督办 waiting for 复核
  const recheckWhere = and(inArray(notices.planId, ids), eq(notices.status, 'fed_back'));
  const [{ n: recheckTotal }] = await db.select({ n: sql<number>`count(*)::int` }).from(notices).where(recheckWhere);
  const recheck = await db
    .select({ noticeId: notices.id, planId: notices.planId, unitName: units.name, title: notices.title, level: notices.level, fedBackAt: notices.fedBackAt })
    .from(notices)
    .innerJoin(units, eq(units.id, notices.unitId))
    .where(recheckWhere)
    .orderBy(asc(notices.fedBackAt), asc(notices.id))
    .limit(LIST);

  // imports parsed and waiting for review: the import scope (its region's and its own uploads)
  const importWhere = combine(importScope(actor), eq(imports.status, 'review'));
  const [{ n: importTotal }] = await db.select({ n: sql<number>`count(*)::int` }).from(imports).where(importWhere);
  const reviewing = await db
    .select({ importId: imports.id, filename: imports.filename, title: sql<string | null>`${imports.parsed}->'meta'->>'title'`, taskCount: sql<number>`coalesce(jsonb_array_length(${imports.parsed}->'tasks'), 0)::int`, createdAt: imports.createdAt })
    .from(imports)
    .where(importWhere)
    .orderBy(desc(imports.id))
    .limit(LIST);

  return {
    asOf: today,
    planCount: run.length,
    counts: {
      pendingReview: Number(pendingTotal),
      overdueUnits: overdueUnits.length,
      unassignedTasks: unassignedTasks.reduce((n, e) => n + e.count, 0),
      noticesToRecheck: Number(recheckTotal),
      importsInReview: Number(importTotal),
    },
    pendingReview: pending.map((r) => ({
      reportId: r.reportId, planId: r.planId, planTitle: titleOf.get(r.planId) ?? '', taskId: r.taskId, taskTitle: r.taskTitle, unitName: r.unitName,
      periodKey: r.periodKey, periodLabel: r.periodLabel, submittedAt: r.submittedAt?.toISOString() ?? null,
      late: r.submittedAt ? todayInShanghai(r.submittedAt) > r.dueDate : false,
    })),
    overdueUnits,
    unassignedTasks,
    noticesToRecheck: recheck.map((n) => ({ ...n, planTitle: titleOf.get(n.planId) ?? '', level: n.level as 'blue', fedBackAt: n.fedBackAt?.toISOString() ?? null })),
    importsInReview: reviewing.map((i) => ({ ...i, taskCount: Number(i.taskCount), createdAt: i.createdAt.toISOString() })),
  };
}
