// Contracts for running a plan: calendar and thresholds settings, reports, status, board, notices, notifications.
import { z } from 'zod';
import { patchSchema } from './patch.js';
import { planDomainSettingsSchema, reportedTaskStatusSchema, reportingConfigSchema } from './planSettings.js';
import { taskStatusOutSchema } from './api.js';
import { idSchema, idStringSchema, MAX_UNITS, unique, uniqueBy, webhookUrlSchema } from './input.js';

export { reportedTaskStatusSchema };

export const recipientLevelSchema = z.enum(['unit', 'head', 'office', 'leader']);
export const channelSchema = z.enum(['app', 'email', 'webhook']);

/** Fires once per period for each recipient when today ≥ due date + offsetDays and the report is still missing. */
export const reminderRuleSchema = z.object({
  key: z.string().regex(/^[a-z0-9_]{1,30}$/),
  offsetDays: z.number().int().min(-31).max(60), // negative: before the due date
  recipients: z.array(recipientLevelSchema).min(1).max(20).overwrite(unique),
  channels: z.array(channelSchema).min(1).max(20).overwrite(unique),
});
export type ReminderRule = z.infer<typeof reminderRuleSchema>;

export const defaultReminderRules: ReminderRule[] = [
  { key: 'before', offsetDays: -3, recipients: ['unit'], channels: ['app', 'email'] },
  { key: 'due', offsetDays: 0, recipients: ['unit', 'head'], channels: ['app', 'email'] },
  { key: 'after', offsetDays: 1, recipients: ['unit', 'head', 'office'], channels: ['app', 'email', 'webhook'] },
  { key: 'leader', offsetDays: 5, recipients: ['leader'], channels: ['app', 'email'] },
];

/**
 * Everything under plans.settings that running the plan reads: the domain's own knobs
 * (reporting calendar, taskThresholds, indicator and split tolerances, scores) plus the run's.
 * Other keys are left alone.
 */
export const runSettingsSchema = planDomainSettingsSchema.extend({
  /** First month whose report is expected ('YYYY-MM'); null: the plan's first year. Earlier periods are neither chased nor counted as missing. */
  startMonth: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/).nullable().default(null),
  /** 单位负责人预审: a unit reporter's submission waits for a unit head of the same unit before it reaches the office. */
  unitHeadReview: z.boolean().default(false),
  reminders: z
    .object({
      rules: z.array(reminderRuleSchema).default(defaultReminderRules),
      webhookUrl: z.string().url().nullable().default(null), // DingTalk / WeCom group robot
    })
    .prefault({}),
  supervision: z
    .object({
      autoIssue: z.boolean().default(true),
      /** a missing report becomes a notice this many days after the due date */
      missingReportAfterDays: z.number().int().min(0).max(60).default(3),
      responseWorkingDays: z.number().int().min(1).max(60).default(5),
      escalationWorkingDays: z.number().int().min(1).max(60).default(3),
      /** how a notice (and each escalation) reaches the unit: in the app, by e-mail to its people, by the group robot */
      channels: z.array(channelSchema).min(1).default(['app', 'email', 'webhook']),
    })
    .prefault({}),
});
export type RunSettings = z.infer<typeof runSettingsSchema>;
export const runSettingsPatchSchema = z.object({
  reporting: patchSchema(reportingConfigSchema).optional(),
  startMonth: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/).nullable().optional(),
  unitHeadReview: z.boolean().optional(),
  taskThresholds: z.object({ yellowGap: z.number().min(0).max(100), redGap: z.number().min(0).max(100), blockedColor: z.enum(['red', 'yellow']) }).partial().optional(),
  indicator: z.object({ tolerance: z.number().min(0).max(1), toleranceAbsolute: z.number().min(0) }).partial().optional(),
  split: z.object({ toleranceRelative: z.number().min(0).max(1), toleranceAbsolute: z.number().min(0) }).partial().optional(),
  reminders: z.object({ rules: z.array(reminderRuleSchema).max(20), webhookUrl: webhookUrlSchema.nullable() }).partial().optional(),
  supervision: z.object({ autoIssue: z.boolean(), missingReportAfterDays: z.number().int().min(0).max(60), responseWorkingDays: z.number().int().min(1).max(60), escalationWorkingDays: z.number().int().min(1).max(60), channels: z.array(channelSchema).min(1).max(20).overwrite(unique) }).partial().optional(),
});
export type RunSettingsPatch = z.input<typeof runSettingsPatchSchema>;

export const periodOutSchema = z.object({
  key: z.string(), label: z.string(), start: z.string(), end: z.string(), dueDate: z.string(), nominalDueDate: z.string().optional(),
  opensOn: z.string(), locksOn: z.string(),
  state: z.enum(['upcoming', 'open', 'due_soon', 'overdue', 'closed', 'locked']),
  lockOverride: z.enum(['locked', 'open']).nullable(),
});
export type PeriodOut = z.infer<typeof periodOutSchema>;
export const reportingCalendarSchema = z.object({ settings: runSettingsSchema, current: periodOutSchema, periods: z.array(periodOutSchema) });
export type ReportingCalendar = z.infer<typeof reportingCalendarSchema>;

export const statusColorSchema = taskStatusOutSchema.shape.color;
export { taskStatusOutSchema };
export type TaskStatusOut = z.infer<typeof taskStatusOutSchema>;

const num = z.number({ error: '请填写数字' }).finite();
export const reportBodySchema = z.object({
  period: z.string().max(10).optional(), // defaults to the period open now
  reportedStatus: reportedTaskStatusSchema,
  progress: num.min(0).max(100).nullable().default(null),
  progressText: z.string().trim().max(5000).default(''),
  problems: z.string().trim().max(5000).default(''),
  nextSteps: z.string().trim().max(5000).default(''),
  indicatorValues: z.array(z.object({ indicatorId: idSchema, value: num })).max(100).overwrite(uniqueBy((v) => v.indicatorId)).default([]),
  submit: z.boolean().default(false),
  /** the version of the report the form was filled from: a stale save gets 409 with the current one */
  version: z.number().int().positive().optional(),
});
export const reviewBodySchema = z.object({ decision: z.enum(['accept', 'return']), reason: z.string().trim().max(2000).default('') });
/** 单位负责人预审: approve (the report goes on to the office) or return to the unit's reporter with a reason. */
export const unitReviewBodySchema = z.object({ decision: z.enum(['approve', 'return']), reason: z.string().trim().max(2000).default('') });
/** draft → (unit_review →) submitted → accepted | returned; unit_review only when the plan has 单位负责人预审 on. */
export const reportStatusSchema = z.enum(['draft', 'unit_review', 'submitted', 'accepted', 'returned']);
export type ReportStatus = z.infer<typeof reportStatusSchema>;
export const contributionBodySchema = z.object({ period: z.string().max(10).optional(), text: z.string().trim().min(1).max(5000) });

export const reportWarningSchema = z.object({ code: z.string(), message: z.string() });
export const attachmentOutSchema = z.object({ id: z.number(), filename: z.string(), kind: z.string(), size: z.number(), createdAt: z.string() });
export type AttachmentOut = z.infer<typeof attachmentOutSchema>;
export const reportOutSchema = z.object({
  id: z.number(), planId: z.number(), taskId: z.number(), unitId: z.number(), period: z.object({ key: z.string(), label: z.string(), dueDate: z.string() }),
  status: reportStatusSchema, reportedStatus: z.string().nullable(), progress: z.number().nullable(),
  progressText: z.string(), problems: z.string(), nextSteps: z.string(),
  indicatorValues: z.array(z.object({ indicatorId: z.number(), value: z.number() })),
  warnings: z.array(reportWarningSchema), returnReason: z.string().nullable(), submissions: z.number(), returns: z.number(),
  submittedAt: z.string().nullable(), reviewedAt: z.string().nullable(), late: z.boolean(),
  attachments: z.array(attachmentOutSchema),
  version: z.number(),
});
export type ReportOut = z.infer<typeof reportOutSchema>;
/** GET /api/plans/:id/reports: the plan's reports, filtered and paged, each with its task and unit named. */
export const planReportsQuerySchema = z.object({
  period: z.string().min(4).max(10).optional(),
  status: reportStatusSchema.optional(),
  unitId: idStringSchema.optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export const planReportItemSchema = reportOutSchema.extend({ taskTitle: z.string(), unitName: z.string() });
export type PlanReportItem = z.infer<typeof planReportItemSchema>;
export const planReportsOutSchema = z.object({ items: z.array(planReportItemSchema), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });
export type PlanReports = z.infer<typeof planReportsOutSchema>;
export const contributionOutSchema = z.object({ id: z.number(), unitId: z.number(), unitName: z.string(), periodKey: z.string(), text: z.string(), updatedAt: z.string() });
export type ContributionOut = z.infer<typeof contributionOutSchema>;

export const subtaskBodySchema = z.object({
  title: z.string().trim().min(2).max(500),
  text: z.string().trim().max(10000).default(''),
  assignee: z.string().trim().min(1).max(50), // 定人
  targetText: z.string().trim().min(1).max(500), // 定目标
  deadline: z.string().regex(/^\d{4}-\d{2}(-\d{2})?$/), // 定时间
  standard: z.string().trim().min(1).max(500), // 定标准
  weight: z.number().positive().max(100).default(1),
});

export const indicatorSplitBodySchema = z.object({
  measure: z.enum(['absolute', 'ratio']).default('absolute'),
  mode: z.enum(['equal', 'cover']).default('equal'),
  shares: z
    .array(z.object({ unitId: idSchema, share: num, weight: num.nullable().default(null) }))
    .min(1)
    .max(MAX_UNITS)
    .refine((s) => new Set(s.map((x) => x.unitId)).size === s.length, { message: '同一单位只能分解一次' }),
});

export const indicatorStatusOutSchema = z.object({
  indicatorId: z.number(), name: z.string(), attribute: z.string().nullable(), color: statusColorSchema, state: z.string(), label: z.string(),
  expected: z.number().nullable(), actual: z.number().nullable(), actualDate: z.string().nullable(), gap: z.number().nullable(), reason: z.string(),
  units: z.array(z.object({ unitId: z.number(), share: z.number().nullable(), actual: z.number().nullable(), color: statusColorSchema, reason: z.string() })),
});
export const rollupOutSchema = z.object({ progress: z.number().nullable(), taskCount: z.number(), counts: z.record(z.string(), z.number()) });
export const planStatusOutSchema = z.object({
  asOf: z.string(),
  period: periodOutSchema.nullable(), // the last period whose due date has passed: what 未报送 refers to
  // plan, chapters and tasks are left out by ?only=indicators
  plan: rollupOutSchema.optional(),
  chapters: z.array(rollupOutSchema.extend({ outlineNodeId: z.number(), title: z.string() })).optional(),
  tasks: z.array(z.object({ taskId: z.number(), title: z.string(), weight: z.number(), progress: z.number().nullable(), status: taskStatusOutSchema })).optional(),
  indicators: z.array(indicatorStatusOutSchema),
});
export type PlanStatusOut = z.infer<typeof planStatusOutSchema>;

export const noticeStatusSchema = z.enum(['issued', 'signed', 'handled', 'fed_back', 'rechecked', 'closed']);
/** a notice's urgency: blue, then yellow and red as its deadlines pass */
export const noticeLevelSchema = z.enum(['blue', 'yellow', 'red']);
export const noticeOutSchema = z.object({
  id: z.number(), planId: z.number(), planTitle: z.string(), unitId: z.number(), unitName: z.string(), taskId: z.number().nullable(), indicatorId: z.number().nullable(), periodKey: z.string().nullable(),
  kind: z.string(), origin: z.string(), title: z.string(), requirement: z.string(), level: noticeLevelSchema, status: noticeStatusSchema,
  responseDeadline: z.string(), feedback: z.string().nullable(), recheckNote: z.string().nullable(), issuedAt: z.string(), closedAt: z.string().nullable(),
  /** when the unit last fed back (the notice.feedback step), null before it has */
  fedBackAt: z.string().nullable(),
});
export type NoticeOut = z.infer<typeof noticeOutSchema>;
export const createNoticeBodySchema = z.object({
  unitId: idSchema,
  taskId: idSchema.nullable().default(null),
  indicatorId: idSchema.nullable().default(null),
  title: z.string().trim().min(2).max(200),
  requirement: z.string().trim().min(2).max(5000),
  responseDeadline: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
});
export const respondNoticeBodySchema = z.object({ action: z.enum(['sign', 'handle', 'feedback']), text: z.string().trim().max(5000).default('') });
export const recheckNoticeBodySchema = z.object({ passed: z.boolean(), note: z.string().trim().max(5000).default('') });

export const boardSchema = z.object({
  period: periodOutSchema,
  units: z.array(z.object({ unitId: z.number(), unitName: z.string(), tasks: z.number(), unitReview: z.number(), submitted: z.number(), accepted: z.number(), returned: z.number(), missing: z.number(), late: z.boolean() })),
  /** 逾期未报: lead units missing reports for the last period due — what the 督办 rule counts — and its open notices */
  overdue: z.object({
    period: z.object({ key: z.string(), label: z.string(), dueDate: z.string() }).nullable(),
    units: z.array(z.object({ unitId: z.number(), unitName: z.string(), missing: z.number() })),
    openNotices: z.number(),
  }),
  red: z.array(z.object({ taskId: z.number(), title: z.string(), reason: z.string() })),
  yellow: z.array(z.object({ taskId: z.number(), title: z.string(), reason: z.string() })),
  indicators: z.array(z.object({ indicatorId: z.number(), name: z.string(), color: statusColorSchema, reason: z.string() })),
  notices: z.array(noticeOutSchema),
  pendingReview: z.number(),
});
export type Board = z.infer<typeof boardSchema>;

export const notificationOutSchema = z.object({ id: z.number(), kind: z.string(), title: z.string(), body: z.string(), link: z.string().nullable(), planId: z.number().nullable(), readAt: z.string().nullable(), createdAt: z.string() });
export type NotificationOut = z.infer<typeof notificationOutSchema>;
export const deliveryOutSchema = z.object({ id: z.number(), noticeId: z.number().nullable(), channel: z.string(), target: z.string(), subject: z.string(), status: z.string(), attempts: z.number(), lastError: z.string().nullable(), nextAttemptAt: z.string(), sentAt: z.string().nullable() });
