// Maintained task status (issue #15): each task's computed status as of a Beijing date, so that status pages,
// dashboards, the board and the ranking read small rows instead of recomputing from reports. The figures are the
// outputs of server/domain/status.ts computeTaskStatus (queries/status.ts computes them); a row is only used for the
// date it was computed for. Rewritten in the transaction of each report, review and task change; database triggers
// (migration) drop a task's row when its reports or status inputs change, and a plan's rows when its settings,
// years or period dates change, so a writer that does not refresh leaves no stale row (the next read recomputes it).
import { pgTable, integer, text, timestamp, jsonb, index } from 'drizzle-orm/pg-core';
import { plans, tasks } from './plan.js';

export const taskStatusRows = pgTable(
  'task_statuses',
  {
    taskId: integer('task_id').primaryKey().references(() => tasks.id, { onDelete: 'cascade' }),
    planId: integer('plan_id').notNull().references(() => plans.id, { onDelete: 'cascade' }),
    /** the Beijing date the status was computed for: the status moves with the calendar (序时进度, due periods) */
    asOf: text('as_of').notNull(),
    /** colour and state apart for the filters (?status=, the board's red and yellow lists) */
    color: text('color').notNull(),
    state: text('state').notNull(),
    /** the whole computed status as the API gives it (queries/status.ts TaskStatusOut) */
    status: jsonb('status').$type<Record<string, unknown>>().notNull().default({}),
    /** bumped by the triggers whenever an input changes: a computation stores its result only if the row's
     * generation is still the one it read (a status computed from a snapshot older than a change is never kept) */
    gen: integer('gen').notNull().default(0),
    computedAt: timestamp('computed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // a plan's tasks of one colour or state (?status=, the board's red and yellow lists)
    index('task_statuses_plan_color').on(t.planId, t.asOf, t.color),
    index('task_statuses_plan_state').on(t.planId, t.asOf, t.state),
  ],
);
