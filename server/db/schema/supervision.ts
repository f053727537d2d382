// 督办: a notice to a unit about a red task, a red indicator or a missing report.
import { pgTable, serial, integer, text, timestamp, index, uniqueIndex, check } from 'drizzle-orm/pg-core';
import { noticeLevelSchema, noticeStatusSchema } from '../../../shared/reporting.js';
import { oneOf } from './checks.js';
import { indicators, plans, tasks } from './plan.js';
import { units, users } from './core.js';

export const notices = pgTable(
  'notices',
  {
    id: serial('id').primaryKey(),
    planId: integer('plan_id').notNull().references(() => plans.id, { onDelete: 'cascade' }),
    unitId: integer('unit_id').notNull().references(() => units.id),
    taskId: integer('task_id').references(() => tasks.id, { onDelete: 'set null' }),
    indicatorId: integer('indicator_id').references(() => indicators.id, { onDelete: 'set null' }),
    periodKey: text('period_key'),
    kind: text('kind').notNull(), // red_task | red_indicator | missing_report | manual
    origin: text('origin').notNull(), // rule | manual
    title: text('title').notNull(),
    requirement: text('requirement').notNull(), // 整改要求
    level: text('level').notNull().default('blue'), // noticeLevelSchema: blue → yellow → red as deadlines pass
    status: text('status').notNull().default('issued'), // noticeStatusSchema: issued | signed | handled | fed_back | rechecked | closed
    responseDeadline: text('response_deadline').notNull(), // YYYY-MM-DD
    feedback: text('feedback'),
    recheckNote: text('recheck_note'),
    /** when the unit (last) fed back; a failed recheck keeps it, the next feedback moves it */
    fedBackAt: timestamp('fed_back_at', { withTimezone: true }),
    /** rule-made notices: one per (kind, subject, period), whichever instance makes it */
    dedupeKey: text('dedupe_key'),
    issuedBy: integer('issued_by').references(() => users.id),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull().defaultNow(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('notices_dedupe').on(t.dedupeKey),
    index('notices_plan').on(t.planId),
    index('notices_unit').on(t.unitId),
    // the statuses of the notice's state machine (domain/noticeFlow.ts) and its levels, from shared/
    check('notices_status_check', oneOf(t.status, noticeStatusSchema.options)),
    check('notices_level_check', oneOf(t.level, noticeLevelSchema.options)),
  ],
);
