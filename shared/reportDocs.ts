// Input contracts of the report builders. Callers (the API) pass plain data;
// every builder parses its input with these schemas first, so a bad payload
// fails with a ZodError before any document is assembled.
import { z } from 'zod';
import { TASK_STATES } from './statusWords.js';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
const isoDateTime = z.string().regex(/^\d{4}-\d{2}-\d{2}([ T]\d{2}:\d{2}(:\d{2})?.*)?$/);

/**
 * 提前完成 / 快于预期 / 符合序时进度 / 滞后 / 暂无数据: the `state` of server/domain's
 * computeIndicatorStatus, passed through as is. null reads as no_data.
 */
export const indicatorEvaluationSchema = z.enum(['achieved_early', 'ahead', 'on_track', 'behind', 'no_data']);
export type IndicatorEvaluation = z.infer<typeof indicatorEvaluationSchema>;
export type ClassifiedEvaluation = Exclude<IndicatorEvaluation, 'no_data'>;

/** The `state` of server/domain's computeTaskStatus, passed through as is. */
export const taskStatusSchema = z.enum(TASK_STATES);
export type TaskStatus = z.infer<typeof taskStatusSchema>;
/** The domain's traffic-light colour; when given it colours the ledger's status cell. */
export const statusColorSchema = z.enum(['green', 'yellow', 'red', 'grey', 'blue']);

export const indicatorAttributeSchema = z.enum(['binding', 'expected']); // 约束性 / 预期性
export const indicatorKindSchema = z.enum(['level', 'annual_growth', 'cumulative']); // 水平值 / 年均增速 / 累计值

/** One indicator row. Values are display text ("7.5*", "【120】", "≤0.019") so nothing is lost in formatting. */
export const indicatorRowSchema = z.object({
  name: z.string().min(1),
  unit: z.string().nullable().default(null),
  attribute: indicatorAttributeSchema.nullable().default(null),
  kind: indicatorKindSchema.nullable().default(null),
  baselineYear: z.number().int().nullable().default(null),
  baseline: z.string().nullable().default(null),
  targetYear: z.number().int().nullable().default(null),
  target: z.string().nullable().default(null),
  latestYear: z.number().int().nullable().default(null),
  latest: z.string().nullable().default(null),
  /** what the schedule expects by now (序时进度值) */
  expected: z.string().nullable().default(null),
  evaluation: indicatorEvaluationSchema.nullable().default(null),
});
export type IndicatorRow = z.infer<typeof indicatorRowSchema>;

export const taskLedgerRowSchema = z.object({
  chapter: z.string().nullable().default(null),
  title: z.string().min(1),
  lead: z.array(z.string()).default([]),
  responsible: z.array(z.string()).default([]),
  cooperating: z.array(z.string()).default([]),
  deadline: z.string().nullable().default(null), // "2025-12" or free text "长期坚持"
  status: taskStatusSchema,
  color: statusColorSchema.nullable().default(null),
  latestProgress: z.string().nullable().default(null),
  updatedAt: isoDateTime.nullable().default(null),
});
export type TaskLedgerRow = z.infer<typeof taskLedgerRowSchema>;

/** Task counts of one chapter or one unit. summarizeTasks() computes these from ledger rows. */
export const taskCountRowSchema = z.object({
  name: z.string(),
  total: z.number().int().nonnegative(),
  completed: z.number().int().nonnegative(),
  onTrack: z.number().int().nonnegative(),
  behind: z.number().int().nonnegative(), // 滞后 + 严重滞后 + 逾期未完成 + 受阻
  notReported: z.number().int().nonnegative(),
  notStarted: z.number().int().nonnegative(),
});
export type TaskCountRow = z.infer<typeof taskCountRowSchema>;

/** A problem or next step, usually drawn from unit reports; `units`/`period` say where it came from. */
export const reportItemSchema = z.object({
  title: z.string().nullable().default(null),
  text: z.string().min(1),
  units: z.array(z.string()).default([]),
  period: z.string().nullable().default(null),
});
export type ReportItem = z.infer<typeof reportItemSchema>;

export const narrativeSectionSchema = z.object({
  heading: z.string().min(1),
  paragraphs: z.array(z.string()).default([]),
  subsections: z.array(z.object({ heading: z.string().min(1), paragraphs: z.array(z.string()).default([]) })).default([]),
});

export const evaluationKindSchema = z.enum(['annual', 'midterm', 'final']);
export type EvaluationKind = z.infer<typeof evaluationKindSchema>;

export const evaluationReportInputSchema = z.object({
  kind: evaluationKindSchema,
  planTitle: z.string().min(1),
  /** defaults to planTitle + 年度监测报告 / 实施中期评估报告 / 实施总结评估报告 */
  title: z.string().nullable().default(null),
  /** the monitored year for annual reports (used in the default title) */
  year: z.number().int().nullable().default(null),
  issuingOffice: z.string().min(1),
  date: isoDate,
  /** office-edited text; empty arrays leave the generated parts alone */
  narrative: z
    .object({
      foreword: z.array(z.string()).default([]),
      overview: z.array(z.string()).default([]),
      indicators: z.array(z.string()).default([]),
      tasks: z.array(z.string()).default([]),
      extraSections: z.array(narrativeSectionSchema).default([]),
      closing: z.array(z.string()).default([]),
    })
    .prefault({}),
  indicators: z.array(indicatorRowSchema).default([]),
  tasksByChapter: z.array(taskCountRowSchema).default([]),
  tasksByUnit: z.array(taskCountRowSchema).default([]),
  problems: z.array(reportItemSchema).default([]),
  nextSteps: z.array(reportItemSchema).default([]),
  charts: z.boolean().default(true),
});
export type EvaluationReportInput = z.input<typeof evaluationReportInputSchema>;
export type EvaluationReport = z.infer<typeof evaluationReportInputSchema>;

export const supervisionNoticeInputSchema = z.object({
  noticeNumber: z.string().min(1), // 发文字号, e.g. 永规督〔2026〕3号
  title: z.string().nullable().default(null), // defaults to 督办通知
  recipient: z.string().min(1), // 主送单位
  intro: z.string().nullable().default(null),
  items: z
    .array(
      z.object({
        task: z.string().min(1),
        problem: z.string().nullable().default(null),
        requirement: z.string().nullable().default(null),
        deadline: isoDate.nullable().default(null),
      }),
    )
    .min(1),
  responseDeadline: isoDate,
  issuingOffice: z.string().min(1),
  date: isoDate,
  contact: z.object({ name: z.string(), phone: z.string() }).nullable().default(null),
});
export type SupervisionNoticeInput = z.input<typeof supervisionNoticeInputSchema>;
export type SupervisionNotice = z.infer<typeof supervisionNoticeInputSchema>;

export const taskLedgerInputSchema = z.object({
  title: z.string().nullable().default(null),
  tasks: z.array(taskLedgerRowSchema),
});
export type TaskLedgerInput = z.input<typeof taskLedgerInputSchema>;

export const indicatorSheetInputSchema = z.object({
  title: z.string().nullable().default(null),
  indicators: z.array(indicatorRowSchema),
});
export type IndicatorSheetInput = z.input<typeof indicatorSheetInputSchema>;

export const reviewResultSchema = z.enum(['pending', 'approved', 'returned']); // 待审核 / 通过 / 退回
export const reportingRecordRowSchema = z.object({
  period: z.string().min(1), // 报送期, e.g. 2026年10月
  unit: z.string().min(1),
  task: z.string().min(1),
  status: taskStatusSchema.nullable().default(null),
  submittedAt: isoDateTime.nullable().default(null), // null = not submitted
  onTime: z.boolean().nullable().default(null),
  review: reviewResultSchema.nullable().default(null),
});
export type ReportingRecordRow = z.infer<typeof reportingRecordRowSchema>;
export const reportingRecordInputSchema = z.object({
  title: z.string().nullable().default(null),
  records: z.array(reportingRecordRowSchema),
});
export type ReportingRecordInput = z.input<typeof reportingRecordInputSchema>;
