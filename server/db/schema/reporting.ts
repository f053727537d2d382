// Running a plan: reporting periods (materialized when first touched, so the office can lock one),
// progress reports per task and period, cooperating units' contributions, attachments.
import { pgTable, serial, integer, text, timestamp, jsonb, doublePrecision, index, uniqueIndex, customType, check } from 'drizzle-orm/pg-core';
import { reportedTaskStatusSchema } from '../../../shared/planSettings.js';
import { reportStatusSchema } from '../../../shared/reporting.js';
import { oneOf } from './checks.js';
import { plans, tasks } from './plan.js';
import { units, users } from './core.js';

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => 'bytea' });

export const reportPeriods = pgTable(
  'report_periods',
  {
    id: serial('id').primaryKey(),
    planId: integer('plan_id').notNull().references(() => plans.id, { onDelete: 'cascade' }),
    key: text('key').notNull(), // '2026-03' | '2026-Q1' | …
    label: text('label').notNull(),
    start: text('start').notNull(),
    end: text('end').notNull(),
    dueDate: text('due_date').notNull(),
    opensOn: text('opens_on').notNull(),
    locksOn: text('locks_on').notNull(),
    /** the office's override of the calendar: 'locked' early, or 'open' again after locksOn */
    lockOverride: text('lock_override'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('report_periods_plan_key').on(t.planId, t.key)],
);

export interface ReportWarning {
  code: 'completed_below_100' | 'progress_backwards' | 'progress_without_status';
  message: string;
}

export const reports = pgTable(
  'reports',
  {
    id: serial('id').primaryKey(),
    planId: integer('plan_id').notNull().references(() => plans.id, { onDelete: 'cascade' }),
    taskId: integer('task_id').notNull().references(() => tasks.id, { onDelete: 'cascade' }),
    periodId: integer('period_id').notNull().references(() => reportPeriods.id),
    unitId: integer('unit_id').notNull().references(() => units.id), // the lead unit reporting
    status: text('status').notNull().default('draft'), // reportStatusSchema: draft | unit_review | submitted | accepted | returned
    reportedStatus: text('reported_status'), // reportedTaskStatusSchema: 未开始 | 推进中 | 已完成 | 滞后 | 受阻
    progress: doublePrecision('progress'),
    progressText: text('progress_text').notNull().default(''), // 进展情况
    problems: text('problems').notNull().default(''), // 存在问题
    nextSteps: text('next_steps').notNull().default(''), // 下步打算
    indicatorValues: jsonb('indicator_values').$type<{ indicatorId: number; value: number }[]>().notNull().default([]),
    warnings: jsonb('warnings').$type<ReportWarning[]>().notNull().default([]),
    returnReason: text('return_reason'),
    submissions: integer('submissions').notNull().default(0), // 1 = first submission; >1 after returns
    returns: integer('returns').notNull().default(0),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    submittedBy: integer('submitted_by').references(() => users.id),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    reviewedBy: integer('reviewed_by').references(() => users.id),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** optimistic concurrency: a save names the version it read; a stale one gets 409 */
    version: integer('version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('reports_task_period').on(t.taskId, t.periodId),
    // a period's reports (the board, scores of a period) and a plan's reports by status (pending review, the report list's filter)
    index('reports_period').on(t.periodId, t.status),
    index('reports_plan').on(t.planId, t.status),
    index('reports_unit').on(t.unitId, t.periodId),
    // the statuses of the report's state machine (domain/reportFlow.ts) and the reported statuses, from shared/
    check('reports_status_check', oneOf(t.status, reportStatusSchema.options)),
    check('reports_reported_status_check', oneOf(t.reportedStatus, reportedTaskStatusSchema.options)),
  ],
);

/** A responsible or cooperating unit's part of a task's progress in a period. */
export const reportContributions = pgTable(
  'report_contributions',
  {
    id: serial('id').primaryKey(),
    taskId: integer('task_id').notNull().references(() => tasks.id, { onDelete: 'cascade' }),
    periodId: integer('period_id').notNull().references(() => reportPeriods.id),
    unitId: integer('unit_id').notNull().references(() => units.id),
    text: text('text').notNull(),
    createdBy: integer('created_by').references(() => users.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('report_contributions_task_period_unit').on(t.taskId, t.periodId, t.unitId)],
);

/** Bytes live in the database (shared by every instance); the user's file name is display text only. */
export const attachments = pgTable(
  'attachments',
  {
    id: serial('id').primaryKey(),
    reportId: integer('report_id').notNull().references(() => reports.id, { onDelete: 'cascade' }),
    filename: text('filename').notNull(),
    kind: text('kind').notNull(), // pdf | docx | xlsx | jpg | png
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    content: bytea('content').notNull(),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('attachments_report').on(t.reportId)],
);
