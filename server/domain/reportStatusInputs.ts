// What a report's write changes of its task's status inputs (issue #15 phase 14): the rules a save or a review uses to
// compute the task's status from the inputs it read before the write, so that it writes the status row once, in the
// write's own statement (queries/status.ts reportStatusAfter, statusWrite), instead of the row being marked by the
// report's trigger and stored again after a second read. Pure: the caller reads, computes and writes.

/** The report states in which a report counts for its task's status (sent to the unit's head or to the office). */
export const SENT_REPORT_STATUSES: readonly string[] = ['unit_review', 'submitted', 'accepted'];

/** A report as its task's status reads it: its state and figures, its period's start and label (statusFacts' row). */
export interface ReportForStatus {
  taskId: number;
  status: string;
  progress: number | null;
  reportedStatus: string | null;
  start: string;
  label: string;
}

/**
 * The task's reports sent from the due period (`dueStart`) on, as they are once `written` is written in its period:
 * the one read for that period (a task has one report a period, its period's start names it) replaced by it, dropped
 * when it is not sent (a draft, a returned report), added when it is sent and of the due period or later. `sent`: the
 * reports read before the write (their order kept). No due period: none count.
 */
export function reportsSentAfterWrite<R extends ReportForStatus>(sent: readonly R[], written: R, dueStart: string | null): R[] {
  if (dueStart === null) return [];
  const rows = sent.filter((r) => !(r.taskId === written.taskId && r.start === written.start));
  if (SENT_REPORT_STATUSES.includes(written.status) && written.start >= dueStart) rows.push(written);
  return rows;
}

/** What a report's write may change of the inputs of its task's status. */
export type ReportStatusFields = Pick<ReportForStatus, 'status' | 'progress' | 'reportedStatus'>;

/**
 * Whether writing `after` over `before` (none: a new report) changes an input of its task's status: a new report
 * always; a report written again when its state, progress or reported status differ — the condition on which the
 * report's update trigger marks the status row (migration 0011, for a report that keeps its task and period). A save
 * that changes none of them (a draft's text edited) leaves the status as it is.
 */
export function reportChangesStatus(before: ReportStatusFields | null | undefined, after: ReportStatusFields): boolean {
  if (!before) return true;
  return before.status !== after.status || (before.progress ?? null) !== (after.progress ?? null) || (before.reportedStatus ?? null) !== (after.reportedStatus ?? null);
}
