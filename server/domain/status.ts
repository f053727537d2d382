// Task status (任务状态): compares reported progress with 序时进度, the share of the task's
// time that has elapsed.
import { z } from 'zod';
import { daysBetween, isoDateSchema } from './dates.js';
import { round } from './format.js';
import { TASK_STATE_LABELS, TASK_STATES, taskStatusReason, type TaskStatusFacts } from '../../shared/statusWords.js';

// the reported statuses and the thresholds are plan settings: one declaration, in shared/planSettings.ts
import { reportedTaskStatusSchema, taskThresholdsSchema, type ReportedTaskStatus, type TaskThresholds } from '../../shared/planSettings.js';
export { reportedTaskStatusSchema, taskThresholdsSchema, type ReportedTaskStatus, type TaskThresholds };


/**
 * The version of the rules below and of the reasons' words (shared/statusWords.ts): stored status rows (issue #15) are
 * recomputed when it changes, like when the shipped holiday calendar changes (jobs/statusRows.ts). Raise it with any
 * change that moves a task's colour, state or reason.
 */
export const STATUS_RULES_VERSION = 1;

export const statusColorSchema = z.enum(['green', 'yellow', 'red', 'grey', 'blue']);
export type StatusColor = z.infer<typeof statusColorSchema>;

/** The states and their words live in shared/statusWords.ts (one vocabulary for server, app and public page). */
export const taskStateSchema = z.enum(TASK_STATES);
export type TaskState = z.infer<typeof taskStateSchema>;
export { TASK_STATE_LABELS };

export const taskStatusInputSchema = z.object({
  start: isoDateSchema.nullable(),
  deadline: isoDateSchema.nullable(),
  progress: z.number().min(0).max(100).nullable(), // latest reported %, null when none given
  reportedStatus: reportedTaskStatusSchema.nullable(),
  hasReportForCurrentPeriod: z.boolean(),
  /**
   * Whether a report was ever due from the task: it has a lead unit and a reporting period has come due since it
   * began. False: 无应报进展 (grey) unless an accepted report says otherwise — never 未报送, never red for silence.
   */
  reportsDue: z.boolean().default(true),
  /** The first due date ahead when no period has come due yet (said in the reason). */
  firstDue: isoDateSchema.nullable().default(null),
  /** why no report was due: no lead unit, or no period due yet */
  noReportsWhy: z.enum(['no_lead_unit', 'no_period_due']).default('no_period_due'),
  /**
   * The freshest report (of the due period or later) sent to the office and not yet reviewed: the status is judged on
   * its figures and said as 已报送待审核, so 60 % just entered never reads "未填写进度".
   */
  pending: z.object({ progress: z.number().min(0).max(100).nullable(), reportedStatus: reportedTaskStatusSchema.nullable(), periodLabel: z.string() }).nullable().default(null),
  /** the due period's report waits for the unit's head (单位负责人预审): said in the reason of 未报送 */
  withUnitHead: z.boolean().default(false),
  asOf: isoDateSchema,
  thresholds: taskThresholdsSchema.default({ yellowGap: 10, redGap: 30, blockedColor: 'red' }),
});
export type TaskStatusInput = z.input<typeof taskStatusInputSchema>;

export const taskStatusSchema = z.object({
  color: statusColorSchema,
  state: taskStateSchema,
  pace: z.number().nullable(), // 序时进度 %
  gap: z.number().nullable(), // pace − progress, percentage points; positive = behind
  progress: z.number().nullable(), // the % judged: the accepted one, or the report waiting for review
  reason: z.string(),
});
export type TaskStatus = z.infer<typeof taskStatusSchema>;

/**
 * 序时进度: days elapsed / days in the task, both counted inclusively (asOf is taken as
 * end of day, so the deadline itself reads 100%). Rounded to 0.1 so that boundaries such as
 * "exactly 10 points behind" are decided on the number people see.
 */
export function timeElapsedPace(startDate: string, deadline: string, asOf: string): number {
  if (deadline < startDate) throw new RangeError(`完成时限${deadline}早于开始时间${startDate}`);
  if (asOf < startDate) return 0;
  if (asOf >= deadline) return 100;
  const total = daysBetween(startDate, deadline) + 1;
  const elapsed = daysBetween(startDate, asOf) + 1;
  return round((elapsed / total) * 100, 1);
}

export function computeTaskStatus(input: TaskStatusInput): TaskStatus {
  const i = taskStatusInputSchema.parse(input);
  const judged = judgeTaskStatus(i);
  // a report waiting for the office is its own state, coloured by its figures
  if (i.pending && judged.state !== 'not_started' && judged.state !== 'nothing_due') return { ...judged, state: 'awaiting_review' };
  return judged;
}

function judgeTaskStatus(i: z.output<typeof taskStatusInputSchema>): TaskStatus {
  const t = i.thresholds;
  const pending = i.pending ? { periodLabel: i.pending.periodLabel } : null;
  const reportedStatus = i.pending ? i.pending.reportedStatus ?? i.reportedStatus : i.reportedStatus;
  const pace = i.start && i.deadline ? timeElapsedPace(i.start, i.deadline, i.asOf) : null;
  // 未开始 reported after the start date means nothing has been done: progress 0.
  const given = i.pending ? i.pending.progress ?? i.progress : i.progress;
  const progress = given ?? (reportedStatus === '未开始' ? 0 : null);
  const gap = pace !== null && progress !== null ? round(pace - progress, 1) : null;
  const out = (color: StatusColor, state: TaskState, facts: TaskStatusFacts): TaskStatus => ({ color, state, pace, gap, progress, reason: taskStatusReason(facts) });
  const hasAccepted = i.progress !== null || i.reportedStatus !== null;

  if (reportedStatus === '已完成' || (progress !== null && progress >= 100)) {
    return out('blue', 'completed', { kind: 'completed', pending });
  }
  if (i.start && i.asOf < i.start) {
    return out('grey', 'not_started', { kind: 'not_started', start: i.start });
  }
  if (!i.reportsDue && !hasAccepted && !i.pending) {
    const deadlinePassed = i.deadline && i.asOf > i.deadline ? i.deadline : null;
    return out('grey', 'nothing_due', { kind: 'nothing_due', why: i.noReportsWhy, deadlinePassed, firstDue: i.firstDue });
  }
  if (i.deadline && i.asOf > i.deadline) {
    return out('red', 'overdue', { kind: 'overdue', deadline: i.deadline, lateDays: daysBetween(i.deadline, i.asOf), progress, pending });
  }
  if (reportedStatus === '受阻') {
    return out(t.blockedColor, 'blocked', { kind: 'blocked', pace, progress, pending });
  }
  if (!i.hasReportForCurrentPeriod && !i.pending) {
    return out('grey', 'not_reported', { kind: 'not_reported', pace, withUnitHead: i.withUnitHead });
  }
  const selfBehind = reportedStatus === '滞后';
  if (pace === null || progress === null || gap === null) {
    const facts: TaskStatusFacts = pace === null ? { kind: 'no_pace', selfBehind, pending } : { kind: 'no_progress', selfBehind, pending };
    return selfBehind ? out('yellow', 'behind', facts) : out('green', 'on_track', facts);
  }
  const paced = (band: 'red' | 'yellow' | 'self_behind' | 'ok'): TaskStatusFacts => ({ kind: 'paced', pace, progress, gap, band, pending });
  if (gap > t.redGap) return out('red', 'seriously_behind', paced('red'));
  if (gap >= t.yellowGap) return out('yellow', 'behind', paced('yellow'));
  if (selfBehind) return out('yellow', 'behind', paced('self_behind'));
  return out('green', 'on_track', paced('ok'));
}
