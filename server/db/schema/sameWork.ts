// The same work across plans of one region (issue #13): a task or an indicator of one plan linked to one of another
// plan of the same region that describes the same work (城市更新 action plan and 十四五 outline). Proposed from the
// text (jieba tokens, the units, the indicator's name and measure), then confirmed or rejected by the region's
// office; a rejected pair is not proposed again. Kept in one order: item_a < item_b.
import { pgTable, serial, integer, text, timestamp, doublePrecision, jsonb, index, uniqueIndex } from 'drizzle-orm/pg-core';
import { indicators, plans, tasks } from './plan.js';
import { regions, users } from './core.js';

export const sameWorkLinks = pgTable(
  'same_work_links',
  {
    id: serial('id').primaryKey(),
    /** task | indicator */
    kind: text('kind').notNull(),
    regionId: integer('region_id').notNull().references(() => regions.id),
    taskA: integer('task_a').references(() => tasks.id, { onDelete: 'cascade' }),
    taskB: integer('task_b').references(() => tasks.id, { onDelete: 'cascade' }),
    indicatorA: integer('indicator_a').references(() => indicators.id, { onDelete: 'cascade' }),
    indicatorB: integer('indicator_b').references(() => indicators.id, { onDelete: 'cascade' }),
    planA: integer('plan_a').notNull().references(() => plans.id, { onDelete: 'cascade' }),
    planB: integer('plan_b').notNull().references(() => plans.id, { onDelete: 'cascade' }),
    /** proposed | confirmed | rejected */
    status: text('status').notNull().default('proposed'),
    score: doublePrecision('score').notNull().default(0),
    /** why it was proposed, in words (共同词语…, 同一单位…, 指标名称相同…) */
    reasons: jsonb('reasons').$type<string[]>().notNull().default([]),
    proposedBy: integer('proposed_by').references(() => users.id),
    proposedAt: timestamp('proposed_at', { withTimezone: true }).notNull().defaultNow(),
    decidedBy: integer('decided_by').references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    /** the office's note when it rejects (optional) */
    note: text('note'),
  },
  (t) => [
    uniqueIndex('same_work_links_tasks').on(t.taskA, t.taskB),
    uniqueIndex('same_work_links_indicators').on(t.indicatorA, t.indicatorB),
    index('same_work_links_plan_a').on(t.planA),
    index('same_work_links_plan_b').on(t.planB),
    index('same_work_links_task_b').on(t.taskB),
    index('same_work_links_indicator_b').on(t.indicatorB),
  ],
);
