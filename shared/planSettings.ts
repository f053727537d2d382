// The per-plan knobs of every rule in server/domain, in one schema the API stores in plans.settings and hands back
// to the domain functions unchanged: the reporting calendar, task-status thresholds, indicator and split
// tolerances, unit scores and awards. Contracts only; the rules that read them live in server/domain.
import { z } from 'zod';
import { rankOptionsSchema, unitScoreConfigSchema } from './scoring.js';

export const reportingFrequencySchema = z.enum(['monthly', 'quarterly', 'half_year', 'annual']);
export type ReportingFrequency = z.infer<typeof reportingFrequencySchema>;

export const reportingConfigSchema = z.object({
  frequency: reportingFrequencySchema.default('monthly'),
  /** Day of month the report is due; clamped to the month's length (31 → 28 in February). */
  dueDay: z.number().int().min(1).max(31).default(25),
  /** 0: due in the period's last month ("每月25日前报送当月进展"); 1: in the month after ("季后次月10日前"). */
  dueMonthOffset: z.number().int().min(0).max(3).default(0),
  duePolicy: z.enum(['before', 'after']).default('before'),
  /** Late reports are still accepted for this many days after the due date; then the period locks. */
  graceDays: z.number().int().min(0).max(60).default(5),
  graceUnit: z.enum(['working', 'calendar']).default('working'),
  /** Null: the period opens on the 1st of the month in which it is due. */
  opensDaysBeforeDue: z.number().int().min(0).max(366).nullable().default(null),
  /** 'due_soon' this many calendar days before the due date (inclusive). */
  dueSoonDays: z.number().int().min(0).max(31).default(3),
});
export type ReportingConfig = z.infer<typeof reportingConfigSchema>;
export type ReportingConfigInput = z.input<typeof reportingConfigSchema>;

/** 填报状态: what a unit says of its task in a report. */
export const reportedTaskStatusSchema = z.enum(['未开始', '推进中', '已完成', '滞后', '受阻']);
export type ReportedTaskStatus = z.infer<typeof reportedTaskStatusSchema>;

export const taskThresholdsSchema = z
  .object({
    yellowGap: z.number().min(0).max(100).default(10),
    redGap: z.number().min(0).max(100).default(30),
    /** 受阻 is red by default: only someone above the unit can unblock it, and red is the list leaders see. */
    blockedColor: z.enum(['red', 'yellow']).default('red'),
  })
  .refine((t) => t.yellowGap <= t.redGap, '黄灯阈值不能大于红灯阈值');
export type TaskThresholds = z.infer<typeof taskThresholdsSchema>;

// prefault, not default: zod 4 returns a default as-is, while a prefault is parsed, so inner
// defaults fill in when a plan has saved only some of its settings.
export const planDomainSettingsSchema = z.object({
  reporting: reportingConfigSchema.prefault({}),
  taskThresholds: taskThresholdsSchema.prefault({}),
  indicator: z
    .object({
      tolerance: z.number().min(0).max(1).default(0.05),
      toleranceAbsolute: z.number().min(0).default(0),
    })
    .prefault({}),
  split: z
    .object({
      toleranceRelative: z.number().min(0).max(1).default(0.001),
      toleranceAbsolute: z.number().min(0).default(0),
    })
    .prefault({}),
  unitScore: unitScoreConfigSchema.prefault({}),
  ranking: rankOptionsSchema.prefault({}),
});
export type PlanDomainSettings = z.infer<typeof planDomainSettingsSchema>;
export type PlanDomainSettingsInput = z.input<typeof planDomainSettingsSchema>;
