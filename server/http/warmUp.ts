// A server's first requests after a start paid for what runs once (issue #15, phase 9): on each PostgreSQL connection the
// first run of a statement parses it (a named one, db/prepared.ts), opens the relations it reads and the indexes and
// triggers it writes through, compiles the triggers' PL/pgSQL functions and plans their statements; in this process
// the code of the submission path is compiled on its first call. A deadline's surge right after a start paid all of it
// in its first second. `luoshi serve` runs, before it listens, one pass of the real submission code (saveReport: the
// task's scope, its period, its report, the audit row, the task's status row) on every connection of the pool, each in
// a transaction that is rolled back: nothing is stored, no notification is sent, no audit row is left.
import { eq, sql } from 'drizzle-orm';
import { AppError } from '../../shared/errors.js';
import type { DbHandle } from '../db/client.js';
import type { Actor } from '../policy.js';
import { saveReport } from '../operations/saveReport.js';
import { plans } from '../db/schema/index.js';
import { currentPeriod, runSettings, shanghaiToday } from '../queries/calendar.js';
import { now } from '../clock.js';

/** passes per connection: PostgreSQL's plan cache keeps a named statement's generic plan from its sixth run (LUOSHI_WARM_UP_PASSES: another count, for a bench pair) */
const passesWanted = () => Math.max(1, Number(process.env.LUOSHI_WARM_UP_PASSES ?? 6) || 6);

/** thrown to roll a pass back */
class WarmUpDone extends Error {}

/**
 * One submission on each of the pool's connections (PGlite: its one), rolled back, and the same again to LUOSHI_WARM_UP_PASSES (6) in all
 * (the pool hands each pass a free connection: about as many on each connection). Tasks with a lead unit, of active
 * plans, no report sent yet for the period their plan takes today (a pass refused on its way — a period locked, a report already sent — warms up
 * less; the next task is tried, three per connection at most). Answers how many connections' first passes and how
 * many passes in all ran a submission to its end.
 */
export async function warmUpSubmissions(handle: DbHandle): Promise<{ connections: number; complete: number; passes: number }> {
  const connections = handle.connections;
  // the period each active plan takes reports for today (calendar.ts currentPeriod): a pass on a task whose report for
  // it was sent already is refused on its way (phase 10: judged by the plan's latest stored period instead, which on a
  // database whose periods are stored ahead is every task, the warm-up found only refused tasks after a few surges)
  const today = shanghaiToday(now());
  const active = await handle.db.select({ id: plans.id, settings: plans.settings, periodStart: plans.periodStart, periodEnd: plans.periodEnd }).from(plans).where(eq(plans.status, 'active'));
  if (!active.length) return { connections, complete: 0, passes: 0 };
  const keys = active.map((p) => currentPeriod(p, today, runSettings(p)).key);
  // among the newest 20,000 tasks (a bounded read; it stops at the tasks it needs), those with no report sent for their
  // plan's period of today (read through the index of a task's reports by period: no report row is read)
  const res = (await handle.db.execute(sql`with cur (plan_id, key) as (select * from unnest(${sql.param(active.map((p) => p.id))}::int[], ${sql.param(keys)}::text[]))
    select t.id as task_id, (select min(tu.unit_id) from task_units tu where tu.task_id = t.id and tu.role = 'lead') as unit_id
      from (select id, plan_id from tasks order by id desc limit 20000) t
      join cur on cur.plan_id = t.plan_id
     where exists (select 1 from task_units tu where tu.task_id = t.id and tu.role = 'lead' and tu.unit_id is not null)
       and not exists (select 1 from reports r join report_periods rp on rp.id = r.period_id
                        where r.task_id = t.id and rp.plan_id = t.plan_id and rp.key = cur.key and r.status <> 'draft')
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
