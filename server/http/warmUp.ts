// A server's first requests after a start paid for what runs once (issue #15, phase 9): on each PostgreSQL connection the
// first run of a statement parses it (a named one, db/prepared.ts), opens the relations it reads and the indexes and
// triggers it writes through, compiles the triggers' PL/pgSQL functions and plans their statements; in this process
// the code of the submission path is compiled on its first call. A deadline's surge right after a start paid all of it
// in its first second. `luoshi serve` runs, before it listens, one pass of the real submission code (saveReport: the
// task's scope, its period, its report, the audit row, the task's status row) on every connection of the pool, each in
// a transaction that is rolled back: nothing is stored, no notification is sent, no audit row is left.
import { sql } from 'drizzle-orm';
import { AppError } from '../../shared/errors.js';
import type { DbHandle } from '../db/client.js';
import type { Actor } from '../policy.js';
import { saveReport } from '../operations/saveReport.js';

/** passes per connection: PostgreSQL's plan cache keeps a named statement's generic plan from its sixth run (LUOSHI_WARM_UP_PASSES: another count, for a bench pair) */
const passesWanted = () => Math.max(1, Number(process.env.LUOSHI_WARM_UP_PASSES ?? 6) || 6);

/** thrown to roll a pass back */
class WarmUpDone extends Error {}

/**
 * One submission on each of the pool's connections (PGlite: its one), rolled back, and the same again to LUOSHI_WARM_UP_PASSES (6) in all
 * (the pool hands each pass a free connection: about as many on each connection). Tasks with a lead unit, of active
 * plans, not reported on lately (a pass refused on its way — a period locked, a report already sent — warms up
 * less; the next task is tried, three per connection at most). Answers how many connections' first passes and how
 * many passes in all ran a submission to its end.
 */
export async function warmUpSubmissions(handle: DbHandle): Promise<{ connections: number; complete: number; passes: number }> {
  const connections = handle.connections;
  // among the newest 20,000 tasks (a bounded read; it stops at the tasks it needs), those with no report sent in their
  // plan's latest period (read through the index of a task's reports by period: no report row is read)
  const res = (await handle.db.execute(sql`select t.id as task_id, (select min(tu.unit_id) from task_units tu where tu.task_id = t.id and tu.role = 'lead') as unit_id
      from (select id, plan_id from tasks order by id desc limit 20000) t
      join plans p on p.id = t.plan_id and p.status = 'active'
     where exists (select 1 from task_units tu where tu.task_id = t.id and tu.role = 'lead' and tu.unit_id is not null)
       and not exists (select 1 from reports r where r.task_id = t.id and r.status <> 'draft'
                        and r.period_id = (select max(rp.id) from report_periods rp where rp.plan_id = t.plan_id))
     limit ${connections * 3}`)) as unknown as { rows: { task_id: number; unit_id: number }[] };
  const candidates = res.rows.map((r) => ({ taskId: Number(r.task_id), unitId: Number(r.unit_id) }));
  let complete = 0;
  let passes = 0;
  let next = 0;
  // all connections at once (each pass holds its own until it rolls back), each taking the next task left
  await Promise.all(
    Array.from({ length: Math.min(connections, candidates.length) }, async () => {
      while (next < candidates.length) {
        const { taskId, unitId } = candidates[next++];
        // a reporter of the task's lead unit, as a session would make one (no user row: nothing is kept)
        const actor: Actor = { userId: null, username: 'warm-up', displayName: '启动预热', roles: ['unit_reporter'], unitId, regionIds: [], ip: null };
        const pass = () =>
          handle.db.transaction(async (tx) => {
            await saveReport({ db: tx, actor }, taskId, { reportedStatus: '推进中', progress: 0, progressText: '启动预热', submit: true });
            throw new WarmUpDone();
          });
        try {
          await pass();
        } catch (e) {
          if (e instanceof WarmUpDone) {
            complete++;
            passes++;
            // the same task again, LUOSHI_WARM_UP_PASSES (6) in all: PostgreSQL plans a named statement anew for its first five runs on a
            // connection (its plan cache's custom plans) and keeps one plan from the sixth; V8 compiles the path's
            // code after more runs than one (issue #15 phase 10)
            for (let i = 1, n = passesWanted(); i < n; i++) {
              await pass().catch((again: unknown) => {
                if (!(again instanceof WarmUpDone)) throw again;
              });
              passes++;
            }
            return;
          }
          // a refusal on the way (the period, the report's state): the next task
          if (!(e instanceof AppError)) throw e;
        }
      }
    }),
  );
  return { connections, complete, passes };
}
