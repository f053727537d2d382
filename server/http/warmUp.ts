// A server's first requests after a start paid for what runs once (issue #15, phase 9): on each PostgreSQL connection the
// first run of a statement parses it (a named one, db/prepared.ts), opens the relations it reads and the indexes and
// triggers it writes through, compiles the triggers' PL/pgSQL functions and plans their statements; in this process
// the code of the submission path is compiled on its first call. A deadline's surge right after a start paid all of it
// in its first second. `luoshi serve` runs, before it listens, passes of a report's submission (the task's scope, its
// period, its report, the audit row, the task's status row) on every connection of the pool, each in a transaction
// that is rolled back: nothing is stored, no notification is sent, no audit row is left. Given the app (phase 11), a
// pass is the real HTTP request — `POST /api/tasks/:id/reports` through app.inject: routing, the session hook, the
// CSRF check, the route gate's statement, the body's validation, the handler, the answer's serialization — as a
// rehearsal (db/rehearsal.ts: its transaction rolled back, its answer sent as if committed), with a session held in
// this process only (auth/sessions.ts processSession); the session statement a surge's new reporters send is run apart
// on every connection (a token with no row).
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { eq, sql } from 'drizzle-orm';
import { AppError } from '../../shared/errors.js';
import type { DbHandle } from '../db/client.js';
import type { Actor } from '../policy.js';
import { saveReport } from '../operations/saveReport.js';
import { plans } from '../db/schema/index.js';
import { currentPeriod, runSettings, shanghaiToday } from '../queries/calendar.js';
import { now } from '../clock.js';
import { rehearsal } from '../db/rehearsal.js';
import { processSession, resolveSession, SESSION_COOKIE } from '../auth/sessions.js';

/** passes per connection: PostgreSQL's plan cache keeps a named statement's generic plan from its sixth run (LUOSHI_WARM_UP_PASSES: another count, for a bench pair) */
const passesWanted = () => Math.max(1, Number(process.env.LUOSHI_WARM_UP_PASSES ?? 6) || 6);

/** thrown to roll a pass back */
class WarmUpDone extends Error {}

/** the body of a warm-up pass: a submission (what a deadline's surge sends) */
const passBody = { reportedStatus: '推进中', progress: 0, progressText: '启动预热', submit: true } as const;

/**
 * One submission on each of the pool's connections (PGlite: its one), rolled back, and the same again to LUOSHI_WARM_UP_PASSES (6) in all
 * (the pool hands each pass a free connection: about as many on each connection). Tasks with a lead unit, of active
 * plans, no report sent yet for the period their plan takes today (a pass refused on its way — a period locked, a report already sent — warms up
 * less; the next task is tried, three per connection at most). With `app`, each pass is the HTTP request through the
 * app (a rehearsal, see above) and the session statement runs LUOSHI_WARM_UP_PASSES times on every connection first.
 * Answers how many connections' first passes and how many passes in all ran a submission to its end, and whether
 * they went through HTTP.
 */
export async function warmUpSubmissions(handle: DbHandle, app?: FastifyInstance): Promise<{ connections: number; complete: number; passes: number; http: boolean }> {
  const connections = handle.connections;
  const http = !!app;
  // the app's plugins loaded now: an inject into an app not ready yet would run in the context its loading began in,
  // outside the rehearsal
  await app?.ready();
  // the session statement (auth/sessions.ts), as every new reporter of a surge sends it: a token with no row, on every
  // connection at once (each pool connection busy with one), as often as a pass
  if (app)
    for (let i = 0; i < passesWanted(); i++)
      await Promise.all(Array.from({ length: connections }, () => resolveSession(handle.db, randomBytes(32).toString('base64url'), null)));
  // the period each active plan takes reports for today (calendar.ts currentPeriod): a pass on a task whose report for
  // it was sent already is refused on its way (phase 10: judged by the plan's latest stored period instead, which on a
  // database whose periods are stored ahead is every task, the warm-up found only refused tasks after a few surges)
  const today = shanghaiToday(now());
  const active = await handle.db.select({ id: plans.id, settings: plans.settings, periodStart: plans.periodStart, periodEnd: plans.periodEnd }).from(plans).where(eq(plans.status, 'active'));
  if (!active.length) return { connections, complete: 0, passes: 0, http };
  const keys = active.map((p) => currentPeriod(p, today, runSettings(p)).key);
  // among the newest 20,000 tasks (a bounded read; it stops at the tasks it needs), those with no report sent for their
  // plan's period of today (read through the index of a task's reports by period: no report row is read)
  const res = (await handle.db.execute(sql`with cur (plan_id, key) as (select * from unnest(${sql.param(active.map((p) => p.id))}::int[], ${sql.param(keys)}::text[]))
    select t.task_id, t.unit_id, u.id as user_id, u.username, u.display_name
      from (select t.id as task_id, (select min(tu.unit_id) from task_units tu where tu.task_id = t.id and tu.role = 'lead') as unit_id
              from (select id, plan_id from tasks order by id desc limit 20000) t
              join cur on cur.plan_id = t.plan_id
             where exists (select 1 from task_units tu where tu.task_id = t.id and tu.role = 'lead' and tu.unit_id is not null)
               and not exists (select 1 from reports r join report_periods rp on rp.id = r.period_id
                                where r.task_id = t.id and rp.plan_id = t.plan_id and rp.key = cur.key and r.status <> 'draft')
             limit ${connections * 3}) t
      -- a reporter of the lead unit, whom the HTTP pass acts as (the route wants a signed-in user; nothing is written as them)
      left join lateral (select id, username, display_name from users u
                          where u.unit_id = t.unit_id and u.roles ? 'unit_reporter' and not u.disabled order by id limit 1) u on true`)) as unknown as {
    rows: { task_id: number; unit_id: number; user_id: number | null; username: string | null; display_name: string | null }[];
  };
  // through HTTP only the tasks whose lead unit has a reporter
  const candidates = res.rows
    .filter((r) => !app || r.user_id !== null)
    .map((r) => ({ taskId: Number(r.task_id), unitId: Number(r.unit_id), user: r.user_id === null ? null : { id: Number(r.user_id), username: r.username!, displayName: r.display_name! } }));
  let complete = 0;
  let passes = 0;
  let next = 0;
  // all connections at once (each pass holds its own until it rolls back), each taking the next task left
  await Promise.all(
    Array.from({ length: Math.min(connections, candidates.length) }, async () => {
      while (next < candidates.length) {
        const { taskId, unitId, user } = candidates[next++];
        // a reporter of the task's lead unit, as a session would make one (called directly: no user needed)
        const actor: Actor = user
          ? { userId: user.id, username: user.username, displayName: user.displayName, roles: ['unit_reporter'], unitId, regionIds: [], ip: null }
          : { userId: null, username: 'warm-up', displayName: '启动预热', roles: ['unit_reporter'], unitId, regionIds: [], ip: null };
        /** one pass: true when it ran the submission to its end (rolled back), false when refused on its way */
        let pass: (i: number) => Promise<boolean>;
        let done = () => {};
        if (app) {
          const session = processSession(handle.db, actor);
          done = session.drop;
          pass = async (i) => {
            const res = await rehearsal(() =>
              app.inject({
                method: 'POST',
                url: `/api/tasks/${taskId}/reports`,
                // every other pass asks for a compressed answer, as a browser does (the compression hook's path)
                headers: { cookie: `${SESSION_COOKIE}=${session.token}`, 'x-csrf-token': session.csrfToken, 'content-type': 'application/json', ...(i % 2 ? { 'accept-encoding': 'br, gzip' } : {}) },
                payload: JSON.stringify(passBody),
              }),
            );
            if (res.statusCode === 200) return true;
            // a refusal on the way (the period, the report's state); anything else is not the warm-up's to hide
            if (res.statusCode >= 500) throw new Error(`warm-up: POST /api/tasks/${taskId}/reports answered ${res.statusCode} ${res.body.slice(0, 200)}`);
            return false;
          };
        } else {
          pass = () =>
            handle.db
              .transaction(async (tx) => {
                await saveReport({ db: tx, actor }, taskId, passBody);
                throw new WarmUpDone();
              })
              .catch((e: unknown) => {
                if (e instanceof WarmUpDone) return true;
                // a refusal on the way (the period, the report's state): the next task
                if (e instanceof AppError) return false;
                throw e;
              });
        }
        try {
          if (!(await pass(0))) continue;
          complete++;
          passes++;
          // the same task again, LUOSHI_WARM_UP_PASSES (6) in all: PostgreSQL plans a named statement anew for its first five runs on a
          // connection (its plan cache's custom plans) and keeps one plan from the sixth; V8 compiles the path's
          // code after more runs than one (issue #15 phase 10)
          for (let i = 1, n = passesWanted(); i < n; i++) {
            await pass(i);
            passes++;
          }
          return;
        } finally {
          done();
        }
      }
    }),
  );
  return { connections, complete, passes, http };
}
