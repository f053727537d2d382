// Maintained task status when the calendar moves (issue #15): a status depends on the date (序时进度, the period due,
// deadlines passing), so rows computed yesterday are recomputed for today by this job, plan by plan, before the day's
// first readers ask (a reader finding an old row recomputes it anyway). Run by the scheduler; idempotent, and safe on
// several instances at once (a row is written only at the generation read, rows another instance holds are skipped).
import { and, asc, eq, inArray, ne } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { taskStatusRows, tasks } from '../db/schema/index.js';
import { todayInShanghai } from '../domain/dates.js';
import { taskStatuses } from '../queries/status.js';

/** Recomputes the rows not holding `at`'s date; returns how many plans and tasks it went through. */
export async function refreshStatusRows(db: Db, at: Date): Promise<{ plans: number; tasks: number }> {
  const today = todayInShanghai(at);
  const stale = await db.selectDistinct({ planId: taskStatusRows.planId }).from(taskStatusRows).where(ne(taskStatusRows.asOf, today)).orderBy(asc(taskStatusRows.planId));
  let count = 0;
  for (const { planId } of stale) {
    const rows = await db
      .select({ id: tasks.id, planId: tasks.planId, parentTaskId: tasks.parentTaskId, startDate: tasks.startDate, deadline: tasks.deadline, progress: tasks.progress, reportedStatus: tasks.reportedStatus, createdAt: tasks.createdAt })
      .from(tasks)
      .where(and(eq(tasks.planId, planId), inArray(tasks.id, db.select({ id: taskStatusRows.taskId }).from(taskStatusRows).where(and(eq(taskStatusRows.planId, planId), ne(taskStatusRows.asOf, today))))));
    await taskStatuses(db, rows, today);
    count += rows.length;
  }
  return { plans: stale.length, tasks: count };
}
