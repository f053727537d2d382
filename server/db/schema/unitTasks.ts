// A unit's task membership, stored (issue #15): every task a unit takes part in and its role there — where it is
// named (task_units.unit_id) and, for a town, where the task is addressed to 各镇街 in a plan of its district or of the
// region above it. The lists of a unit (/api/me/tasks, ?unitId=), its scope and its home read an index range of these
// rows instead of evaluating the 各镇街 rule per request. Kept by database triggers (migration 0016) on task_units,
// tasks (plan, position), units (kind, region), plans (region) and regions (parent), in the statement that changes an
// input, so any writer — a route, an import, a script — leaves it right; `luoshi db verify` recomputes a sample.
import { pgTable, integer, text, boolean, index, uniqueIndex } from 'drizzle-orm/pg-core';
import { tasks } from './plan.js';
import { units } from './core.js';

export const unitTasks = pgTable(
  'unit_tasks',
  {
    unitId: integer('unit_id').notNull().references(() => units.id, { onDelete: 'cascade' }),
    taskId: integer('task_id').notNull().references(() => tasks.id, { onDelete: 'cascade' }),
    /** the task's plan and position, copied so a unit's tasks are one index range in list order (plan, position, id) */
    planId: integer('plan_id').notNull(),
    position: integer('position').notNull(),
    role: text('role').notNull(), // lead | responsible | cooperating
    /** true: the unit is named on the task; false: a town, as one of 各镇街 */
    named: boolean('named').notNull(),
  },
  (t) => [
    // one row per unit, task, role and way; the task's rows for the triggers that rewrite them
    uniqueIndex('unit_tasks_task_unit').on(t.taskId, t.unitId, t.role, t.named),
    // a unit's tasks in list order, by plan: what the lists and the scope read (index only)
    index('unit_tasks_unit').on(t.unitId, t.planId, t.position, t.taskId, t.role, t.named),
  ],
);
