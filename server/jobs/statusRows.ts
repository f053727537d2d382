// Maintained task status when the calendar moves (issue #15): a status depends on the date (序时进度, the period due,
// deadlines passing), so rows computed yesterday are recomputed for today by this job, plan by plan, before the day's
// first readers ask (a reader finding an old row recomputes it anyway). Run by the scheduler; idempotent, and safe on
// several instances at once (a row is written only at the generation read, rows another instance holds are skipped).
// The rules and the working calendar (holiday notices) are code, not rows: when a release changes them, the job marks
// every row first (status_rules keeps the fingerprint the rows were computed with; migration 0012).
import { createHash } from 'node:crypto';
import { and, asc, eq, inArray, ne, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { taskStatusRows, tasks } from '../db/schema/index.js';
import { todayInShanghai } from '../domain/dates.js';
import { STATUS_RULES_VERSION } from '../domain/status.js';
import shippedHolidays from '../domain/calendar/holidays.json' with { type: 'json' };
import { taskStatuses } from '../queries/status.js';

/** What the stored statuses were computed with: the rules' version and the shipped holiday calendar. */
export const statusRulesFingerprint = (): string =>
  createHash('sha256').update(`${STATUS_RULES_VERSION}\n${JSON.stringify(shippedHolidays)}`).digest('hex').slice(0, 32);

/**
 * Marks every stored status (date cleared, generation + 1) when the rules or the calendar are not those the rows were
 * computed with, and records the new fingerprint, in one transaction (two instances meeting the new rules at once may
 * both mark: only extra recomputation).
 * Returns whether the rows were marked.
 */
export async function checkStatusRules(db: Db, fingerprint = statusRulesFingerprint()): Promise<boolean> {
  return db.transaction(async (tx) => {
    const res = (await tx.execute(sql`select fingerprint from status_rules where id = 1 for update`)) as unknown as { rows: { fingerprint: string }[] };
    if (res.rows[0]?.fingerprint === fingerprint) return false;
    await tx.execute(sql`insert into status_rules (id, fingerprint) values (1, ${fingerprint}) on conflict (id) do update set fingerprint = excluded.fingerprint, updated_at = now()`);
    await tx.execute(sql`update task_statuses set as_of = '', gen = gen + 1 where as_of <> ''`);
    return true;
  });
}

/** Recomputes the rows not holding `at`'s date; returns how many plans and tasks it went through. */
export async function refreshStatusRows(db: Db, at: Date, opts: { fingerprint?: string } = {}): Promise<{ plans: number; tasks: number; rulesChanged: boolean }> {
  const rulesChanged = await checkStatusRules(db, opts.fingerprint);
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
  return { plans: stale.length, tasks: count, rulesChanged };
}
