// The district at a glance (leaders, and the office's overview): every plan in force with its status counts,
// progress and reporting; the district's lead units with theirs; the lagging list. Status is the computed one
// (queries/status.ts taskStatuses → domain/status), progress the plan roll-up (domain/rollup), missing reports
// what the reminders and 督办 rules count (jobs/remind.ts missingReports).
import { and, asc, eq, inArray, ne, sql } from 'drizzle-orm';
import type { DistrictHome } from '../../shared/home.js';
import type { Db } from '../db/client.js';
import { notices, plans, regions, taskUnits, tasks, units } from '../db/schema/index.js';
import { countColors, rollupProgress } from '../domain/rollup.js';
import { missingReports } from './missingReports.js';
import { combine, isAdmin, planScope, type Actor } from '../policy.js';
import { lastDuePeriod, runSettings } from './calendar.js';
import { reportingPeriodToday } from './homePlans.js';
import { taskStatuses } from './status.js';

const LAGGING = 100;

export async function districtHome(db: Db, actor: Actor, today: string): Promise<DistrictHome> {
  const planRows = await db
    .select({ p: plans, regionName: regions.name })
    .from(plans)
    .leftJoin(regions, eq(regions.id, plans.regionId))
    .where(combine(planScope(actor), eq(plans.status, 'active')))
    .orderBy(asc(plans.id));
  const ownRegion = (regionId: number | null) => isAdmin(actor) || (regionId !== null && actor.regionIds.includes(regionId));
  const planIds = planRows.length ? planRows.map((r) => r.p.id) : [-1];
  const taskRows = await db
    .select({ id: tasks.id, planId: tasks.planId, parentTaskId: tasks.parentTaskId, title: tasks.title, weight: tasks.weight, position: tasks.position, startDate: tasks.startDate, deadline: tasks.deadline, progress: tasks.progress, reportedStatus: tasks.reportedStatus, createdAt: tasks.createdAt })
    .from(tasks)
    .where(inArray(tasks.planId, planIds))
    .orderBy(asc(tasks.planId), asc(tasks.position), asc(tasks.id));
  const status = await taskStatuses(db, taskRows, today);
  const leads = await db
    .select({ taskId: taskUnits.taskId, unitId: taskUnits.unitId, unitName: units.name, regionId: units.regionId })
    .from(taskUnits)
    .innerJoin(units, eq(units.id, taskUnits.unitId))
    .innerJoin(tasks, eq(tasks.id, taskUnits.taskId))
    .where(and(inArray(tasks.planId, planIds), eq(taskUnits.role, 'lead')))
    .orderBy(asc(taskUnits.position));
  const openNotices = await db
    .select({ planId: notices.planId, unitId: notices.unitId, n: sql<number>`count(*)::int` })
    .from(notices)
    .where(and(inArray(notices.planId, planIds), ne(notices.status, 'closed')))
    .groupBy(notices.planId, notices.unitId);
  const colorOf = (taskId: number) => status.get(taskId)!.color;

  // per plan: the roll-up, and the reports of the last period due while the plan takes reports
  const missingByUnit = new Map<number, number>();
  const outPlans: DistrictHome['plans'] = [];
  for (const { p, regionName } of planRows) {
    const mine = taskRows.filter((t) => t.planId === p.id);
    const roll = rollupProgress(mine.map((t) => ({ id: t.id, weight: t.weight, progress: t.progress == null ? null : Math.max(0, Math.min(100, t.progress)), color: colorOf(t.id) })));
    const due = reportingPeriodToday(p, today) ? lastDuePeriod(p, today, runSettings(p)) : null;
    let dueReports = 0;
    let missingTasks = 0;
    let missingUnits = 0;
    if (due) {
      const leadTasks = new Set(leads.filter((l) => mine.some((t) => t.id === l.taskId && t.parentTaskId === null && t.reportedStatus !== '已完成')).map((l) => l.taskId));
      dueReports = leadTasks.size;
      const missing = await missingReports(db, p.id, due.key);
      missingUnits = missing.length;
      missingTasks = new Set(missing.flatMap((u) => u.tasks.map((t) => t.id))).size;
      for (const u of missing) missingByUnit.set(u.unitId, (missingByUnit.get(u.unitId) ?? 0) + u.tasks.length);
    }
    outPlans.push({
      planId: p.id, title: p.title, regionName, periodStart: p.periodStart, periodEnd: p.periodEnd, issuedAbove: !ownRegion(p.regionId),
      taskCount: roll.taskCount, progress: roll.progress, counts: roll.counts,
      period: due ? { key: due.key, label: due.label, dueDate: due.dueDate } : null,
      dueReports, missingReports: missingTasks, missingUnits,
      openNotices: openNotices.filter((n) => n.planId === p.id).reduce((a, n) => a + Number(n.n), 0),
    });
  }

  // the district's own lead units, over the tasks they lead (sub-tasks are their own breakdown, not counted again)
  const topLevel = new Set(taskRows.filter((t) => t.parentTaskId === null).map((t) => t.id));
  const byUnit = new Map<number, { unitName: string; plans: Set<number>; tasks: number[] }>();
  for (const l of leads) {
    if (!l.unitId || !topLevel.has(l.taskId) || !ownRegion(l.regionId)) continue;
    const e = byUnit.get(l.unitId) ?? { unitName: l.unitName, plans: new Set<number>(), tasks: [] };
    if (e.tasks.includes(l.taskId)) continue;
    e.tasks.push(l.taskId);
    e.plans.add(taskRows.find((t) => t.id === l.taskId)!.planId);
    byUnit.set(l.unitId, e);
  }
  const outUnits: DistrictHome['units'] = [...byUnit].map(([unitId, e]) => ({
    unitId, unitName: e.unitName, planCount: e.plans.size, leadTasks: e.tasks.length, counts: countColors(e.tasks.map(colorOf)),
    missingReports: missingByUnit.get(unitId) ?? 0,
    openNotices: openNotices.filter((n) => n.unitId === unitId).reduce((a, n) => a + Number(n.n), 0),
  }));
  outUnits.sort((a, b) => b.counts.red - a.counts.red || b.missingReports - a.missingReports || b.counts.yellow - a.counts.yellow || a.unitName.localeCompare(b.unitName, 'zh'));

  // red and yellow tasks of the district's own plans, or led by its units
  const planOf = new Map(planRows.map((r) => [r.p.id, r.p]));
  const leadNames = (taskId: number) => [...new Set(leads.filter((l) => l.taskId === taskId).map((l) => l.unitName))];
  const relevant = (t: (typeof taskRows)[number]) => ownRegion(planOf.get(t.planId)!.regionId) || leads.some((l) => l.taskId === t.id && ownRegion(l.regionId));
  const lagging = taskRows.filter((t) => (colorOf(t.id) === 'red' || colorOf(t.id) === 'yellow') && relevant(t));
  const severity = (taskId: number) => (colorOf(taskId) === 'red' ? 0 : 1);
  lagging.sort((a, b) => severity(a.id) - severity(b.id) || (status.get(b.id)!.gap ?? -1) - (status.get(a.id)!.gap ?? -1) || a.planId - b.planId || a.position - b.position);

  return {
    asOf: today,
    plans: outPlans,
    units: outUnits,
    lagging: lagging.slice(0, LAGGING).map((t) => ({ taskId: t.id, title: t.title, planId: t.planId, planTitle: planOf.get(t.planId)!.title, leadUnits: leadNames(t.id), status: status.get(t.id)! })),
    laggingTotal: { red: lagging.filter((t) => colorOf(t.id) === 'red').length, yellow: lagging.filter((t) => colorOf(t.id) === 'yellow').length },
  };
}
