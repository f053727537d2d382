// Take-up (issue #13): a district's own tasks that carry a task of a plan above it, and the upper tasks a
// district has said do not apply to it. Many-to-many: one district task may serve several upper tasks.
import { pgTable, serial, integer, text, timestamp, index, uniqueIndex } from 'drizzle-orm/pg-core';
import { tasks } from './plan.js';
import { regions, users } from './core.js';

export const taskTakeUps = pgTable(
  'task_take_ups',
  {
    id: serial('id').primaryKey(),
    upperTaskId: integer('upper_task_id').notNull().references(() => tasks.id, { onDelete: 'cascade' }),
    districtTaskId: integer('district_task_id').notNull().references(() => tasks.id, { onDelete: 'cascade' }),
    /** the district whose office made the link (the district task's plan region) */
    regionId: integer('region_id').notNull().references(() => regions.id),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('task_take_ups_pair').on(t.upperTaskId, t.districtTaskId),
    index('task_take_ups_upper_region').on(t.upperTaskId, t.regionId),
    index('task_take_ups_district_task').on(t.districtTaskId),
  ],
);

export const taskNotApplicable = pgTable(
  'task_not_applicable',
  {
    id: serial('id').primaryKey(),
    upperTaskId: integer('upper_task_id').notNull().references(() => tasks.id, { onDelete: 'cascade' }),
    regionId: integer('region_id').notNull().references(() => regions.id),
    reason: text('reason').notNull(),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('task_not_applicable_pair').on(t.upperTaskId, t.regionId)],
);
