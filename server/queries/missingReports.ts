// Who has not reported for a period: the count the reminders, the 督办 rules, 催报 and the home pages share.
import { and, eq, inArray, isNotNull, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.js';
import { reportPeriods, reports, taskUnits, tasks, units } from '../db/schema/index.js';

export interface MissingUnit {
  unitId: number;
  unitName: string;
  tasks: { id: number; title: string }[];
}

/**
 * Lead units with tasks that have no submitted or accepted report for the period. Completed tasks need none;
 * sub-tasks are the lead unit's own breakdown and are reported through their parent, so they are not chased.
 */
export async function missingReports(db: DbOrTx, planId: number, periodKey: string, leads?: Promise<LeadLink[]>): Promise<MissingUnit[]> {
  const [lead, done] = await Promise.all([leads ?? leadLinks(db, planId), periodDone(db, planId, periodKey)]);
  const doneIds = new Set(done.map((d) => d.taskId));
  const byUnit = new Map<number, MissingUnit>();
  for (const r of lead) {
    if (r.reportedStatus === '已完成' || doneIds.has(r.taskId)) continue;
    const u = byUnit.get(r.unitId) ?? { unitId: r.unitId, unitName: r.unitName, tasks: [] };
    u.tasks.push({ id: r.taskId, title: r.title });
    byUnit.set(r.unitId, u);
  }
  return [...byUnit.values()].sort((a, b) => a.unitId - b.unitId);
}

/** A lead unit's link to a task of the plan (not a sub-task), with the unit's name. */
export interface LeadLink {
  taskId: number;
  title: string;
  reportedStatus: string | null;
  unitId: number;
  unitName: string;
}

/** Every lead link of the plan's tasks (sub-tasks aside) to a unit: what missingReports and the board count over. */
export async function leadLinks(db: DbOrTx, planId: number): Promise<LeadLink[]> {
  const rows = await db
    .select({ taskId: tasks.id, title: tasks.title, reportedStatus: tasks.reportedStatus, unitId: taskUnits.unitId, unitName: units.name })
    .from(taskUnits)
    .innerJoin(tasks, eq(tasks.id, taskUnits.taskId))
    .innerJoin(units, eq(units.id, taskUnits.unitId))
    .where(and(eq(tasks.planId, planId), isNull(tasks.parentTaskId), eq(taskUnits.role, 'lead'), isNotNull(taskUnits.unitId)));
  return rows.map((r) => ({ ...r, unitId: r.unitId! }));
}

async function periodDone(db: DbOrTx, planId: number, periodKey: string) {
  // the period by its own key (plan, key): one row, then its reports (reports_period) — not the plan's every report
  // of the two statuses joined with the periods of every plan (city size: 3.3–7.4 → 0.7 ms)
  return db
    .select({ taskId: reports.taskId })
    .from(reports)
    .innerJoin(reportPeriods, eq(reportPeriods.id, reports.periodId))
    .where(
      and(eq(reports.planId, planId), eq(reportPeriods.planId, planId), eq(reportPeriods.key, periodKey), inArray(reports.status, ['submitted', 'accepted'])),
    );
}
