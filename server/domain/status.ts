// Task status (任务状态): compares reported progress with 序时进度, the share of the task's
// time that has elapsed.
import { z } from 'zod';
import { daysBetween, isoDateSchema } from './dates.js';
import { fmtPct, round } from './format.js';
import { reportedTaskStatusSchema, taskThresholdsSchema } from '../../shared/planSettings.js';

export { reportedTaskStatusSchema, taskThresholdsSchema } from '../../shared/planSettings.js';
export type { ReportedTaskStatus, TaskThresholds } from '../../shared/planSettings.js';


export const statusColorSchema = z.enum(['green', 'yellow', 'red', 'grey', 'blue']);
export type StatusColor = z.infer<typeof statusColorSchema>;

export const taskStateSchema = z.enum([
  'not_reported', // 未报送
  'on_track', // 正常推进
  'behind', // 滞后
  'seriously_behind', // 严重滞后
  'overdue', // 逾期未完成
  'completed', // 已完成
  'blocked', // 受阻
  'not_started', // 未到开始时间
]);
export type TaskState = z.infer<typeof taskStateSchema>;

export const TASK_STATE_LABELS: Record<TaskState, string> = {
  not_reported: '未报送',
  on_track: '正常推进',
  behind: '滞后',
  seriously_behind: '严重滞后',
  overdue: '逾期未完成',
  completed: '已完成',
  blocked: '受阻',
  not_started: '未开始',
};


export const taskStatusInputSchema = z.object({
  start: isoDateSchema.nullable(),
  deadline: isoDateSchema.nullable(),
  progress: z.number().min(0).max(100).nullable(), // latest reported %, null when none given
  reportedStatus: reportedTaskStatusSchema.nullable(),
  hasReportForCurrentPeriod: z.boolean(),
  asOf: isoDateSchema,
  thresholds: taskThresholdsSchema.default({ yellowGap: 10, redGap: 30, blockedColor: 'red' }),
});
export type TaskStatusInput = z.input<typeof taskStatusInputSchema>;

export const taskStatusSchema = z.object({
  color: statusColorSchema,
  state: taskStateSchema,
  pace: z.number().nullable(), // 序时进度 %
  gap: z.number().nullable(), // pace − progress, percentage points; positive = behind
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

function paceSentence(pace: number, progress: number): string {
  return `序时进度${fmtPct(pace)}%,实际进度${fmtPct(progress)}%`;
}

export function computeTaskStatus(input: TaskStatusInput): TaskStatus {
  const i = taskStatusInputSchema.parse(input);
  const t = i.thresholds;
  const pace = i.start && i.deadline ? timeElapsedPace(i.start, i.deadline, i.asOf) : null;
  // 未开始 reported after the start date means nothing has been done: progress 0.
  const progress = i.progress ?? (i.reportedStatus === '未开始' ? 0 : null);
  const gap = pace !== null && progress !== null ? round(pace - progress, 1) : null;
  const out = (color: StatusColor, state: TaskState, reason: string): TaskStatus => ({ color, state, pace, gap, reason });

  if (i.reportedStatus === '已完成' || (progress !== null && progress >= 100)) {
    return out('blue', 'completed', '已完成');
  }
  if (i.start && i.asOf < i.start) {
    return out('grey', 'not_started', `计划于${i.start}开始,尚未到开始时间`);
  }
  if (i.deadline && i.asOf > i.deadline) {
    const late = daysBetween(i.deadline, i.asOf);
    const prog = progress === null ? '未报送进度' : `实际进度${fmtPct(progress)}%`;
    return out('red', 'overdue', `已超过完成时限${i.deadline}(逾期${late}天),${prog},尚未完成`);
  }
  if (i.reportedStatus === '受阻') {
    const detail = pace !== null && progress !== null ? `;${paceSentence(pace, progress)}` : '';
    return out(t.blockedColor, 'blocked', `单位报告推进受阻,需协调解决${detail}`);
  }
  if (!i.hasReportForCurrentPeriod) {
    const detail = pace !== null ? `(当前序时进度${fmtPct(pace)}%)` : '';
    return out('grey', 'not_reported', `本报送期未报送进展${detail}`);
  }
  const selfBehind = i.reportedStatus === '滞后';
  if (pace === null || progress === null || gap === null) {
    const why = pace === null ? '未设开始时间或完成时限,无法计算序时进度' : '已报送,但未填写进度百分比';
    return selfBehind ? out('yellow', 'behind', `单位自报滞后;${why}`) : out('green', 'on_track', why);
  }
  const base = paceSentence(pace, progress);
  if (gap > t.redGap) return out('red', 'seriously_behind', `${base},落后${fmtPct(gap)}个百分点`);
  if (gap >= t.yellowGap) return out('yellow', 'behind', `${base},落后${fmtPct(gap)}个百分点`);
  if (selfBehind) return out('yellow', 'behind', `${base},单位自报滞后`);
  if (gap > 0) return out('green', 'on_track', `${base},落后${fmtPct(gap)}个百分点,在允许范围内`);
  if (gap < 0) return out('green', 'on_track', `${base},快于序时进度${fmtPct(-gap)}个百分点`);
  return out('green', 'on_track', `${base},与序时进度持平`);
}
