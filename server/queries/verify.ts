// `luoshi db verify` (issue #15): the stored figures recomputed for a sample and compared with what is stored.
// - unit_tasks: a unit's task membership (migration 0016 triggers) against the links it comes from
//   (policy.ts computedUnitTaskRoles: named links, and a town's part in tasks addressed to 各镇街);
// - task_statuses: rows holding today's date against the status rules (queries/status.ts computeTaskStatuses).
// Read-only; a mismatch is reported, never repaired here (the triggers and the status job are what keep the rows).
import { isDeepStrictEqual } from 'node:util';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.js';
import { tasks } from '../db/schema/index.js';
import { taskStatusRows } from '../db/schema/taskStatus.js';
import { computedUnitTaskRoles } from '../policy.js';
import { computeTaskStatuses } from './status.js';

const rowsOf = <T>(res: unknown) => (res as { rows: T[] }).rows;

interface Membership { task_id: number; plan_id: number; position: number; role: string; named: boolean }
const key = (m: Membership) => `${m.task_id}:${m.plan_id}:${m.position}:${m.role}:${m.named}`;

export interface UnitTasksCheck {
  units: number;
  rows: number;
  /** per unit whose stored membership differs: rows that should be there and are not, rows that should not be */
  wrong: { unitId: number; missing: string[]; extra: string[] }[];
}

/** The membership of `sample` units drawn at random (0: every unit), or of the units named, recomputed and compared. */
export async function verifyUnitTasks(db: DbOrTx, opts: { sample?: number; unitIds?: number[] } = {}): Promise<UnitTasksCheck> {
  const ids = opts.unitIds
    ?? rowsOf<{ id: number }>(await db.execute(opts.sample ? sql`select id from units order by random() limit ${opts.sample}` : sql`select id from units order by id`)).map((r) => r.id);
  const out: UnitTasksCheck = { units: ids.length, rows: 0, wrong: [] };
  for (const unitId of ids) {
    const stored = rowsOf<Membership>(await db.execute(sql`select task_id, plan_id, position, role, named from unit_tasks where unit_id = ${unitId}`)).map(key);
    const computed = new Set(rowsOf<Membership>(await db.execute(computedUnitTaskRoles(unitId))).map(key));
    out.rows += stored.length;
    const have = new Set(stored);
    const missing = [...computed].filter((k) => !have.has(k));
    // a row stored twice is as wrong as one that should not be there
    const extra = stored.filter((k, i) => !computed.has(k) || stored.indexOf(k) !== i);
    if (missing.length || extra.length) out.wrong.push({ unitId, missing, extra });
  }
  return out;
}

export interface StatusRowsCheck {
  rows: number;
  wrong: { taskId: number; stored: unknown; computed: unknown }[];
}

/** `sample` task status rows holding `today` (0: all of them), recomputed from the rules and compared. */
export async function verifyTaskStatuses(db: DbOrTx, today: string, opts: { sample?: number } = {}): Promise<StatusRowsCheck> {
  const picked = rowsOf<{ task_id: number }>(await db.execute(opts.sample
    ? sql`select task_id from task_statuses where as_of = ${today} order by random() limit ${opts.sample}`
    : sql`select task_id from task_statuses where as_of = ${today}`)).map((r) => r.task_id);
  const out: StatusRowsCheck = { rows: 0, wrong: [] };
  for (let i = 0; i < picked.length; i += 500) {
    const ids = picked.slice(i, i + 500);
    const stored = await db.select({ taskId: taskStatusRows.taskId, status: taskStatusRows.status }).from(taskStatusRows).where(and(inArray(taskStatusRows.taskId, ids), eq(taskStatusRows.asOf, today)));
    const rows = await db
      .select({ id: tasks.id, planId: tasks.planId, parentTaskId: tasks.parentTaskId, startDate: tasks.startDate, deadline: tasks.deadline, progress: tasks.progress, reportedStatus: tasks.reportedStatus, createdAt: tasks.createdAt })
      .from(tasks)
      .where(inArray(tasks.id, stored.map((s) => s.taskId)));
    const computed = await computeTaskStatuses(db, rows, today);
    for (const s of stored) {
      out.rows++;
      // as the row holds it: through JSON (fields left undefined are absent)
      const c = JSON.parse(JSON.stringify(computed.get(s.taskId) ?? null));
      if (!isDeepStrictEqual(s.status, c)) out.wrong.push({ taskId: s.taskId, stored: s.status, computed: c });
    }
  }
  return out;
}
