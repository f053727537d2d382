// What a task's computed status needs to know of its reports and units beyond the task row (issue #11, one vocabulary
// of status): which tasks have a report for the due period (or later) in the office's hands, which wait with their
// unit's head, the freshest report still waiting for the office's review (已报送待审核, judged on its figures), and
// which tasks have a lead unit at all (no lead unit: no report is ever owed, 无应报进展). Read in two queries for any
// number of tasks; queries/status.ts feeds them to domain/status.ts computeTaskStatus.
// NB for maintained status rows (issue #15): besides reports' status/period, these facts move with a report's
// progress/reported status while submitted and with task_units lead rows.
import { and, eq, gte, inArray, isNotNull, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.js';
import { preparedStatement } from '../db/prepared.js';
import { reportPeriods, reports, taskUnits } from '../db/schema/index.js';
import { reportedTaskStatusSchema } from '../domain/status.js';
import { SENT_REPORT_STATUSES, type ReportForStatus } from '../domain/reportStatusInputs.js';

export interface PendingReport {
  progress: number | null;
  reportedStatus: '未开始' | '推进中' | '已完成' | '滞后' | '受阻' | null;
  periodLabel: string;
}

export interface StatusFacts {
  /** a submitted or accepted report of the due period or a later one */
  reported: Set<number>;
  /** a report of the due period or later waits for the unit's head (单位负责人预审) */
  withUnitHead: Set<number>;
  /** the freshest report sent to the office, when it still waits for review */
  pending: Map<number, PendingReport>;
  /** tasks with a lead unit (reports are owed by it, as the reminders and 督办 count) */
  led: Set<number>;
}

const sentColumns = { taskId: reports.taskId, status: reports.status, progress: reports.progress, reportedStatus: reports.reportedStatus, start: reportPeriods.start, label: reportPeriods.label };
/** the report states that count (domain/reportStatusInputs.ts) */
export const sentStatuses = [...SENT_REPORT_STATUSES];
/**
 * The reports sent for tasks of one plan from a period on, built once (db/prepared.ts): a report's save asks it for its
 * task. Named for a few tasks; for more, planned with the list each time (the best plan depends on its length).
 */
const sentInPlan = (named: boolean) =>
  preparedStatement(
    `status_sent_${named ? 'few' : 'many'}`,
    (db, name) =>
      db
        .select(sentColumns)
        .from(reports)
        .innerJoin(reportPeriods, eq(reportPeriods.id, reports.periodId))
        .where(and(sql`${reports.taskId} = any(${sql.placeholder('taskIds')}::int[])`, inArray(reports.status, sentStatuses), eq(reportPeriods.planId, sql.placeholder('planId')), gte(reportPeriods.start, sql.placeholder('start'))))
        .prepare(name),
    { named },
  );
const sentInPlanFew = sentInPlan(true);
const sentInPlanMany = sentInPlan(false);
const FEW = 50;

/** A report sent (statusFacts' statement's row): its task, state, figures and its period's start and label. */
export type SentReport = ReportForStatus;

/**
 * `since`: per plan, the first period that counts, "the due one on" (none when no period is due yet); `led`: the tasks
 * with a lead unit, when the caller read them already; `sent`: the reports sent of these tasks in one plan from a start
 * on, when the caller read them already — used when that is exactly `since` (else read here).
 */
export async function statusFacts(db: DbOrTx, taskIds: number[], since: { planId: number; start: string }[], led?: Set<number>, known?: { planId: number; start: string; rows: SentReport[] }): Promise<StatusFacts> {
  const out: StatusFacts = { reported: new Set(), withUnitHead: new Set(), pending: new Map(), led: new Set() };
  if (!taskIds.length) return out;
  if (since.length) {
    const ids = new Set(taskIds);
    const sent: SentReport[] =
      known && since.length === 1 && known.planId === since[0].planId && known.start === since[0].start
        ? known.rows.filter((r) => ids.has(r.taskId))
        : since.length === 1
        ? await (taskIds.length <= FEW ? sentInPlanFew : sentInPlanMany)(db, { taskIds, planId: since[0].planId, start: since[0].start })
        : await db
            .select(sentColumns)
            .from(reports)
            .innerJoin(reportPeriods, eq(reportPeriods.id, reports.periodId))
            .where(and(inArray(reports.taskId, taskIds), inArray(reports.status, sentStatuses), or(...since.map((p) => and(eq(reportPeriods.planId, p.planId), gte(reportPeriods.start, p.start))))));
    const freshest = new Map<number, SentReport>();
    for (const r of sent) {
      if (r.status === 'unit_review') {
        out.withUnitHead.add(r.taskId);
        continue;
      }
      out.reported.add(r.taskId);
      if ((freshest.get(r.taskId)?.start ?? '') < r.start) freshest.set(r.taskId, r);
    }
    for (const [taskId, r] of freshest)
      if (r.status === 'submitted')
        out.pending.set(taskId, {
          progress: r.progress == null ? null : Math.max(0, Math.min(100, r.progress)),
          reportedStatus: reportedTaskStatusSchema.safeParse(r.reportedStatus).data ?? null,
          periodLabel: r.label,
        });
  }
  if (led) {
    for (const id of taskIds) if (led.has(id)) out.led.add(id);
    return out;
  }
  const leads = await db.selectDistinct({ taskId: taskUnits.taskId }).from(taskUnits).where(and(inArray(taskUnits.taskId, taskIds), eq(taskUnits.role, 'lead'), isNotNull(taskUnits.unitId)));
  for (const r of leads) out.led.add(r.taskId);
  return out;
}
