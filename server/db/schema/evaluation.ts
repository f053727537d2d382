// 评估: the office's drafts of the annual monitoring, mid-term and final evaluation reports.
// Only what the office writes is stored; tables and counts are drawn from live data at export.
import { pgTable, serial, integer, text, timestamp, jsonb, uniqueIndex } from 'drizzle-orm/pg-core';
import { plans } from './plan.js';
import { users } from './core.js';

export const evaluations = pgTable(
  'evaluations',
  {
    id: serial('id').primaryKey(),
    planId: integer('plan_id').notNull().references(() => plans.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(), // annual | midterm | final
    year: integer('year').notNull(), // the monitored year; for mid-term and final the year evaluated up to
    title: text('title'), // null: the standard title from the plan's
    issuingOffice: text('issuing_office').notNull(),
    date: text('date').notNull(), // YYYY-MM-DD printed under the signature
    /** foreword, overview, indicators, tasks, extraSections, closing, problems, nextSteps */
    narrative: jsonb('narrative').$type<Record<string, unknown>>().notNull().default({}),
    createdBy: integer('created_by').references(() => users.id),
    updatedBy: integer('updated_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('evaluations_plan_kind_year').on(t.planId, t.kind, t.year)],
);
