// The office's reviews on a generated city (bench/city/generate.ts) on PostgreSQL (issue #15 phase 15): --count
// submitted reports (400) of plans without a unit head's pre-review, drawn by --seed, each accepted (or returned:
// --decision return) through POST /api/reports/:id/review by an office of the plan's region, --concurrency at a time
// (1: one click after another, the latency of a review alone); the first --warm (20) not counted (a cold server's
// first statements). Then counted: every 200 left its report accepted (returned) with exactly one report.accept
// (report.return) audit row, no 5xx, no deadlock. The offices are bench users (review_office_<region>, the bench
// password) with a session row written beside them, kept and reused; the reports reviewed are left reviewed, so each
// run draws reports still submitted.
//
//   npx tsx bench/review.bench.ts [--db postgres://…/luoshi_bench_city] [--count 400] [--warm 20] [--concurrency 1]
//                                 [--decision accept|return] [--seed 1] [--server DIR/bench/city/server.ts]
//
// "server CPU" is the app process's, "postgres CPU" every PostgreSQL process's on the machine (others' included), as
// bench/surge.bench.ts measures them. Results: a markdown summary on stdout.
import { spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { DEFAULT_BENCH_DB } from './city/config.js';
import { spawnBenchServer } from './city/spawnServer.js';
import { cpuOf, keepAliveSender, postgresCpu } from './city/measure.js';
import { runSettings } from '../server/queries/calendar.js';
import { SESSION_COOKIE } from '../server/auth/sessions.js';
import { benchArgs } from './city/args.js';

const args = benchArgs();
const count = Number(args.get('count') ?? 400);
const warm = Number(args.get('warm') ?? 20);
const concurrency = Math.max(1, Number(args.get('concurrency') ?? 1));
const decision = args.get('decision') === 'return' ? 'return' : 'accept';
const seed = args.get('seed') ?? String(Date.now());
const dbUrl = args.get('db') ?? process.env.LUOSHI_BENCH_DB ?? DEFAULT_BENCH_DB;
const serverScript = args.get('server') ?? path.join(import.meta.dirname, 'city/server.ts');

const client = new pg.Client({ connectionString: dbUrl });
await client.connect();
const q = async <T>(text: string, values: unknown[] = []) => (await client.query(text, values)).rows as T[];
const log = (s: string) => console.error(`[${new Date().toISOString().slice(11, 19)}] ${s}`);

// ---------- the reports: submitted, in plans whose reports go straight to the office ----------
const plans = await q<{ id: number; settings: unknown; region_id: number }>(`select id, settings, region_id from plans where region_id is not null`);
const direct = plans.filter((p) => !runSettings({ settings: p.settings as never }).unitHeadReview);
const regionOf = new Map(direct.map((p) => [p.id, p.region_id]));
const drawn = await q<{ id: number; plan_id: number }>(`select id, plan_id from reports where status = 'submitted' and plan_id = any($1) order by md5(id::text || $2) limit $3`,
  [direct.map((p) => p.id), seed, count + warm]);
if (drawn.length < count + warm) throw new Error(`only ${drawn.length} submitted reports left (asked for ${count} + ${warm})`);

// ---------- the offices: one per region of the drawn reports' plans, made once and kept ----------
const regions = [...new Set(drawn.map((r) => regionOf.get(r.plan_id)!))];
const [template] = await q<{ password_hash: string }>(`select password_hash from users where username like '%\\_rep' order by id limit 1`);
await client.query(`insert into users (username, display_name, password_hash, roles, region_id)
  select 'review_office_' || r, '审核员 ' || r, $2, '["office"]'::jsonb, r from unnest($1::int[]) r
   where not exists (select 1 from users x where x.username = 'review_office_' || r)`, [regions, template.password_hash]);
const officeOf = new Map((await q<{ id: number; region_id: number }>(`select id, region_id from users where username = any($1)`, [regions.map((r) => `review_office_${r}`)])).map((u) => [u.region_id, u.id]));
const sessionOf = new Map(regions.map((r) => [r, { token: randomBytes(32).toString('base64url'), csrf: randomBytes(24).toString('base64url') }]));
await client.query(`insert into sessions (id, user_id, csrf_token, expires_at, ip)
  select * from unnest($1::text[], $2::int[], $3::text[]) as s(id, user_id, csrf), lateral (select now() + interval '12 hours', '127.0.0.1') x`,
  [regions.map((r) => createHash('sha256').update(sessionOf.get(r)!.token).digest('hex')), regions.map((r) => officeOf.get(r)!), regions.map((r) => sessionOf.get(r)!.csrf)]);
log(`${count} + ${warm} submitted reports in ${new Set(drawn.map((r) => r.plan_id)).size} plans, ${regions.length} offices; ${decision}, ${concurrency} at a time`);

// ---------- the server ----------
const { server, port } = await spawnBenchServer(serverScript, dbUrl, []);
const stopServer = () => {
  if (server.exitCode === null) server.kill('SIGTERM');
};
process.on('SIGINT', () => {
  stopServer();
  process.exit(130);
});
try {
  const base = `http://127.0.0.1:${port}`;
  const post = keepAliveSender(base);
  const send = (url: string, headers: Record<string, string>, body: string) => post('POST', url, headers, body);
  const serverCpu = (pid: number) => {
    const c = cpuOf(pid);
    return c.user + c.system;
  };
  const body = JSON.stringify(decision === 'accept' ? { decision } : { decision, reason: '请补充佐证材料' });
  const review = async (r: { id: number; plan_id: number }) => {
    const s = sessionOf.get(regionOf.get(r.plan_id)!)!;
    const t = performance.now();
    const res = await send(`/api/reports/${r.id}/review`, { cookie: `${SESSION_COOKIE}=${s.token}`, 'x-csrf-token': s.csrf, 'content-type': 'application/json' }, body);
    return { id: r.id, status: res.statusCode, ms: performance.now() - t, code: res.statusCode === 200 ? undefined : (JSON.parse(res.text || '{}')?.error?.code as string | undefined) };
  };
  const run = async (list: typeof drawn) => {
    const out: Awaited<ReturnType<typeof review>>[] = [];
    let next = 0;
    await Promise.all(Array.from({ length: concurrency }, async () => {
      while (next < list.length) out.push(await review(list[next++]));
    }));
    return out;
  };
  const warmed = await run(drawn.slice(0, warm));
  const refused = warmed.filter((r) => r.status !== 200);
  if (refused.length) throw new Error(`warm-up: ${refused.length} refused, e.g. ${refused[0].status} ${refused[0].code}`);

  const dbStat = async () => (await q<{ deadlocks: string }>(`select deadlocks from pg_stat_database where datname = current_database()`))[0];
  const statBefore = await dbStat();
  const [{ now: startedAt }] = await q<{ now: Date }>('select now()');
  const loadBefore = loadavg();
  const pgBefore = postgresCpu();
  const cpuBefore = serverCpu(server.pid!);
  const t0 = performance.now();
  const results = await run(drawn.slice(warm));
  const wall = (performance.now() - t0) / 1000;
  const serverMs = serverCpu(server.pid!) - cpuBefore;
  let pgMs = 0;
  for (const [pid, ms] of postgresCpu()) pgMs += ms - (pgBefore.get(pid) ?? 0);
  const loadAfter = loadavg();
  const statAfter = await dbStat();

  // ---------- counted afterwards ----------
  const okIds = results.filter((r) => r.status === 200).map((r) => r.id);
  const to = decision === 'accept' ? 'accepted' : 'returned';
  const [check] = await q<{ wrong_status: number; wrong_audit: number }>(`
    select count(*) filter (where r.status <> $2)::int wrong_status,
           count(*) filter (where (select count(*) from audit_events a where a.entity_type = 'report' and a.entity_id = r.id::text and a.action = $3 and a.at >= $4) <> 1)::int wrong_audit
      from reports r where r.id = any($1)`, [okIds, to, `report.${decision}`, startedAt]);
  const ms = results.map((r) => r.ms).sort((a, b) => a - b);
  const pct = (p: number) => ms[Math.min(ms.length - 1, Math.ceil((p / 100) * ms.length) - 1)];
  const statuses = new Map<string, number>();
  for (const r of results) statuses.set(`${r.status}${r.code ? ' ' + r.code : ''}`, (statuses.get(`${r.status}${r.code ? ' ' + r.code : ''}`) ?? 0) + 1);
  const deadlocks = Number(statAfter.deadlocks) - Number(statBefore.deadlocks);
  const f = (x: number) => x.toFixed(1);
  console.log(`\n### Reviews ${new Date().toISOString()} (${codeOf(path.resolve(path.dirname(serverScript), '../..'))}, ${decision}, ${concurrency} at a time)\n`);
  console.log(`${results.length} reviews in ${wall.toFixed(1)} s (${(results.length / wall).toFixed(1)} a second) after ${warm} to warm up; load ${loadBefore.map((x) => x.toFixed(2)).join(' ')} → ${loadAfter.map((x) => x.toFixed(2)).join(' ')}`);
  console.log(`answers: ${[...statuses].map(([k, n]) => `${k} × ${n}`).join(', ')}`);
  console.log(`latency: p50 ${f(pct(50))} ms, p90 ${f(pct(90))} ms, p99 ${f(pct(99))} ms, max ${f(ms[ms.length - 1])} ms`);
  console.log(`server CPU ${(serverMs / results.length).toFixed(2)} ms/review; postgres CPU ${(pgMs / results.length).toFixed(2)} ms/review; deadlocks ${deadlocks}`);
  console.log(`counted: ${okIds.length} answered 200, not ${to}: ${check.wrong_status}, report.${decision} audit rows ≠ 1: ${check.wrong_audit}`);
  const pass = okIds.length === results.length && check.wrong_status === 0 && check.wrong_audit === 0 && deadlocks === 0;
  console.log(`\n${pass ? 'PASS' : 'FAIL'}: every review answered 200, its report ${to} with one audit row, no deadlock`);
  process.exitCode = pass ? 0 : 1;
  post.close();
} finally {
  stopServer();
  await client.end();
}

/** the commit the server ran from, '+ changes' when its server code (the parser's aside) differs from it */
function codeOf(dir: string): string {
  const git = (...a: string[]) => spawnSync('git', ['-C', dir, ...a], { encoding: 'utf8' });
  const head = git('rev-parse', '--short', 'HEAD').stdout.trim();
  return git('diff', '--quiet', 'HEAD', '--', 'server', 'shared', 'bench/city', ':(exclude)server/parser').status === 0 ? head : `${head} + changes`;
}
