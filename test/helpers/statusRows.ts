// The task's maintained status row in the compare-and-set tests (issue #15 phases 13–15): the columns the status rules
// read, and what a row left marked by a concurrent change must come to.
import { eq } from 'drizzle-orm';
import { expect } from 'vitest';
import type { Db } from '../../server/db/client.js';
import { tasks } from '../../server/db/schema/index.js';
import { taskStatusRows } from '../../server/db/schema/taskStatus.js';
import { computeTaskStatuses, taskStatuses } from '../../server/queries/status.js';
import { now } from '../../server/clock.js';
import { todayInShanghai } from '../../server/domain/dates.js';

/** a task's columns the status rules read */
export const statusCols = { id: tasks.id, planId: tasks.planId, parentTaskId: tasks.parentTaskId, startDate: tasks.startDate, deadline: tasks.deadline, progress: tasks.progress, reportedStatus: tasks.reportedStatus, createdAt: tasks.createdAt };

/**
 * The row left marked (no date, generation `gen`: the change's and the write's), then its next reader computes the status
 * with the change (a task completed: progress 100) in and stores it at the same generation.
 */
export async function expectMarkedThenStored(db: Db, taskId: number, gen: number): Promise<void> {
  const [row] = await db.select().from(taskStatusRows).where(eq(taskStatusRows.taskId, taskId));
  expect(row).toMatchObject({ asOf: '', gen });
  const today = todayInShanghai(now());
  const [task] = await db.select(statusCols).from(tasks).where(eq(tasks.id, taskId));
  expect(task.progress).toBe(100);
  const reference = (await computeTaskStatuses(db, [task], today)).get(task.id);
  expect((await taskStatuses(db, [task], today)).get(task.id)).toEqual(reference);
  const [after] = await db.select().from(taskStatusRows).where(eq(taskStatusRows.taskId, taskId));
  expect(after).toMatchObject({ asOf: today, gen, status: reference });
}
