// The deadline surge of issue #15 on a generated city (bench/city/generate.ts) on PostgreSQL: --count report
// submissions (5,000) sent over --seconds (60) at an even rate, each by a reporter of its own, each to a task whose
// report for the period open now is not submitted yet; then the database is counted: every 200 is stored once
// (status submitted, submissions = 1, submitted by its sender) with one report.submit audit row, every other answer
// left nothing, no 5xx, no deadlock (pg_stat_database). Latency is timed from each request's planned send time (a
// late send counts against it).
//
//   npx tsx bench/surge.bench.ts [--db postgres://…/luoshi_bench_city] [--count 5000] [--seconds 60] [--seed 1]
//                                [--warm 300] [--no-notify] [--server DIR/bench/city/server.ts] [--cpu-prof DIR] [--node-args 'trace-gc']
//
// The app runs as its own process (bench/city/server.ts, as bench/city.bench.ts runs it; LUOSHI_DB_POOL passed
// through). Before the surge, --warm draft saves (300; other tasks, other reporters, over 5 s) warm it up as a server
// that has been running before a deadline is (the report route compiled, the pool's connections open: a cold server
// answered its first seconds of a surge in 0.2-0.4 s before the pool's connections were opened at start, phase 8);
// --warm 0: nothing before the surge, the server cold. Besides the whole run's latency, it is given by planned send
// (0-1 s, 1-2 s, 2-5 s, the rest) and the first seconds' answers and CPU every 0.5 s (where a cold start goes). The reporters are bench users made for the surge
// (surge_u<unit>_<n>, the lead unit's reporter role, the bench password), one per submission, with a session row
// written beside them (no password hashing in the run); they are kept and reused by later runs. The tasks are drawn
// (--seed) from plans whose open period takes a reporter's submission straight to the office (no unit head's
// pre-review), outside the plan bench/city.bench.ts reads, and are left submitted: each run draws tasks not submitted
// yet. While it runs, the backends' wait events are sampled every 100 ms (a wait on the notify queue's lock shows as
// Lock/object) and a LISTEN connection counts the change notifications. --no-notify disables migration 0017/0019's
// audit trigger for the run (re-enabled after): the same surge without the notifications, for a before/after pair.
// --cpu-prof: the server's CPU profile, written to DIR; --node-args: the server's node options (its output then on stderr). "server CPU" is the app process's (user: JavaScript and the
// collector; system: the kernel's part), "postgres CPU" every PostgreSQL process's on the machine (others' included),
// "this bench's own CPU" its HTTP client's, on the same cores (phase 11).
// --server-db DIR: the server on an embedded PGlite data directory (a copy of a generated database: `luoshi db backup` of
// it, `luoshi db restore` into DIR), where the embedded database stops; the bench reads and writes DIR itself before
// the server starts and after it stops (one process at a time), and the PostgreSQL-only watchers (wait events,
// notifications, deadlocks, PostgreSQL's CPU) are left out.
// --readers N: meanwhile N of the surge's reporters read their unit's task list (GET /api/me/tasks) one after another,
// each as soon as its last answer came, for as long as the surge runs: what a page costs while every write moves the
// answer cache's stamp (their latency is given apart; each must answer 200).
// Results: a markdown summary on stdout, JSON in /tmp/surge-bench-<time>.json.
import { spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { DEFAULT_BENCH_DB } from './city/config.js';
import { spawnBenchServer } from './city/spawnServer.js';
import { cpuOf, keepAliveSender, postgresCpu } from './city/measure.js';
import { currentPeriod, effectiveState, runSettings, shanghaiToday } from '../server/queries/calendar.js';
import { SESSION_COOKIE } from '../server/auth/sessions.js';
import { benchArgs } from './city/args.js';
import { openDb } from '../server/db/client.js';

const args = benchArgs();
const count = Number(args.get('count') ?? 5000);
const seconds = Number(args.get('seconds') ?? 60);
const seed = args.get('seed') ?? String(Date.now());
const dbUrl = args.get('db') ?? process.env.LUOSHI_BENCH_DB ?? DEFAULT_BENCH_DB;
const noNotify = args.has('no-notify');
const warm = Number(args.get('warm') ?? 300);
const readers = Number(args.get('readers') ?? 0);
const serverScript = args.get('server') ?? path.join(import.meta.dirname, 'city/server.ts');
const embedded = args.get('server-db');
if (embedded && noNotify) throw new Error('--no-notify is for PostgreSQL (the embedded database has no trigger to disable)');

interface Conn { query(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>; end(): Promise<void> }
async function connect(): Promise<Conn> {
  if (embedded) {
    const handle = await openDb(embedded, { migrate: false });
    const pglite = (handle.db as unknown as { $client: { query(t: string, v?: unknown[]): Promise<{ rows: unknown[] }> } }).$client;
    return { query: (t, v) => pglite.query(t, v), end: () => handle.close() };
  }
  const c = new pg.Client({ connectionString: dbUrl });
  await c.connect();
  return c;
}
let client = await connect();
const q = async <T>(text: string, values: unknown[] = []) => (await client.query(text, values)).rows as T[];
const openTable = async () => {
  await client.query('create temp table surge_open (plan_id int primary key, period_id int)');
  await client.query(`insert into surge_open select * from unnest($1::int[], $2::int[])`, [open.map((o) => o.planId), open.map((o) => o.periodId)]);
};
const log = (s: string) => console.error(`[${new Date().toISOString().slice(11, 19)}] ${s}`);

// ---------- the tasks: one per submission, in plans whose open period takes a reporter's submission ----------
// the plan bench/city.bench.ts reads (the first plan of the first district) is left alone
const [benchPlan] = await q<{ id: number }>(`select p.id from plans p join regions r on r.id = p.region_id
  where r.name = (select name from regions where level = 'district' order by id limit 1) order by p.id limit 1`);
const today = shanghaiToday(new Date());
const plans = await q<{ id: number; settings: unknown; period_start: number | null; period_end: number | null }>(`select id, settings, period_start, period_end from plans `);
const overrides = new Map((await q<{ plan_id: number; key: string; lock_override: string | null; id: number }>(`select plan_id, key, lock_override, id from report_periods`)).map((r) => [`${r.plan_id}|${r.key}`, r]));
const open: { planId: number; key: string; periodId: number | null }[] = [];
for (const p of plans) {
  if (p.id === benchPlan?.id) continue;
  const plan = { id: p.id, settings: p.settings as never, periodStart: p.period_start, periodEnd: p.period_end };
  const settings = runSettings(plan);
  if (settings.unitHeadReview) continue;
  const period = currentPeriod(plan, today, settings);
  const row = overrides.get(`${p.id}|${period.key}`);
  const state = effectiveState(period, row?.lock_override, today);
  if (state === 'locked' || state === 'upcoming') continue;
  open.push({ planId: p.id, key: period.key, periodId: row?.id ?? null });
}
if (!open.length) throw new Error(`no plan has a period open on ${today}`);
await openTable();
// a task with a lead unit, no report for the open period or a draft never submitted; one lead unit (the lowest id)
const drawn = await q<{ task_id: number; plan_id: number; unit_id: number }>(`
  select t.id task_id, t.plan_id, l.unit_id from tasks t join surge_open o on o.plan_id = t.plan_id
    cross join lateral (select min(tu.unit_id) unit_id from task_units tu where tu.task_id = t.id and tu.role = 'lead' and tu.unit_id is not null) l
   where l.unit_id is not null
     and not exists (select 1 from reports r where r.task_id = t.id and r.period_id = o.period_id and (r.status <> 'draft' or r.submissions > 0))
   order by md5(t.id::text || $1) limit $2`, [seed, count + warm]);
if (drawn.length < count + warm) throw new Error(`only ${drawn.length} tasks left to submit in ${open.length} open plans (asked for ${count} + ${warm} to warm up)`);
const periodKeyOf = new Map(open.map((o) => [o.planId, o.key]));

// ---------- the reporters: one per submission, made once and kept ----------
const perUnit = new Map<number, number>();
const allSenders = drawn.map((t) => {
  const n = (perUnit.get(t.unit_id) ?? 0) + 1;
  perUnit.set(t.unit_id, n);
  return `surge_u${t.unit_id}_${n}`;
});
const [template] = await q<{ password_hash: string }>(`select password_hash from users where username like '%\\_rep' order by id limit 1`);
const made = await q<{ n: number }>(`
  with want as (select * from unnest($1::text[], $2::int[]) as w(username, unit_id))
  insert into users (username, display_name, password_hash, roles, unit_id, region_id)
  select w.username, '突击填报员 ' || w.username, $3, '["unit_reporter"]'::jsonb, w.unit_id, u.region_id
    from want w join units u on u.id = w.unit_id
   where not exists (select 1 from users x where x.username = w.username)
  returning 1 n`, [allSenders, drawn.map((t) => t.unit_id), template.password_hash]);
const userIds = new Map((await q<{ id: number; username: string }>(`select id, username from users where username = any($1)`, [allSenders])).map((u) => [u.username, u.id]));
const allSessions = allSenders.map(() => ({ token: randomBytes(32).toString('base64url'), csrf: randomBytes(24).toString('base64url') }));
await client.query(`insert into sessions (id, user_id, csrf_token, expires_at, ip)
  select * from unnest($1::text[], $2::int[], $3::text[]) as s(id, user_id, csrf), lateral (select now() + interval '12 hours', '127.0.0.1') x`,
  [allSessions.map((s) => createHash('sha256').update(s.token).digest('hex')), allSenders.map((u) => userIds.get(u)!), allSessions.map((s) => s.csrf)]);
// the first `warm` tasks and reporters warm the server up (drafts, not counted); the rest are the surge's
const [targets, senders, sessions] = [drawn.slice(warm), allSenders.slice(warm), allSessions.slice(warm)];
const [warmTargets, warmSessions] = [drawn.slice(0, warm), allSessions.slice(0, warm)];
const leadUnits = new Set(targets.map((t) => t.unit_id)).size;
log(`${targets.length} tasks in ${new Set(targets.map((t) => t.plan_id)).size} plans (${open.length} with an open period on ${today}), ${leadUnits} lead units, ${senders.length} reporters (${made.length} made now; ${warm} more tasks and reporters to warm up)`);

// ---------- the notification trigger (--no-notify) ----------
const setNotify = (on: boolean) => client.query(`alter table audit_events ${on ? 'enable' : 'disable'} trigger audit_events_notify`);
if (noNotify) await setNotify(false);
const restore = async () => {
  if (noNotify) await setNotify(true).catch((e) => log(`could not re-enable audit_events_notify: ${e}`));
};

// ---------- the server ----------
const profileDir = args.get('cpu-prof');
// without their dashes (a value starting with -- would read as an option here): 'trace-gc max-semi-space-size=32'
const nodeArgs = args.get('node-args')?.split(' ').filter(Boolean).map((a) => `--${a}`) ?? [];
// (the embedded database is the server's alone while it runs)
if (embedded) await client.end();
const { server, port } = await spawnBenchServer(serverScript, embedded ?? dbUrl, [...nodeArgs, ...(profileDir ? ['--cpu-prof', '--cpu-prof-dir', profileDir] : [])]).catch(async (e) => {
  await restore();
  throw e;
});
const stopServer = () => {
  if (server.exitCode === null) server.kill('SIGTERM');
};
process.on('SIGINT', () => {
  stopServer();
  void restore().finally(() => process.exit(130));
});
try {
  const base = `http://127.0.0.1:${port}`;
  const send = keepAliveSender(base);

  // warm-up, as a server that has been up before the deadline is: --warm draft saves (other tasks, other reporters,
  // over 5 s: the report route's code compiled, the pool's connections open), then the surge's reporters' sessions read
  // once each (its cache entry as a day of use would have it) by 200 GETs of a task's reports
  const warmGap = 5000 / Math.max(1, warm);
  const warmed = await Promise.all(warmTargets.map(async (t, i) => {
    await new Promise((r) => setTimeout(r, i * warmGap));
    return send('POST', `/api/tasks/${t.task_id}/reports`, { cookie: `${SESSION_COOKIE}=${warmSessions[i].token}`, 'x-csrf-token': warmSessions[i].csrf, 'content-type': 'application/json' },
      JSON.stringify({ reportedStatus: '推进中', progress: 30, progressText: '草稿', submit: false }));
  }));
  const warmRefused = warmed.filter((r) => r.statusCode !== 200);
  if (warmRefused.length) throw new Error(`warm-up drafts: ${warmRefused.length} refused, e.g. ${warmRefused[0].statusCode} ${warmRefused[0].text.slice(0, 200)}`);
  for (let i = 0; i < (warm > 0 ? Math.min(200, targets.length) : 0); i++) {
    const res = await send('GET', `/api/tasks/${targets[i].task_id}/reports`, { cookie: `${SESSION_COOKIE}=${sessions[i].token}` });
    if (res.statusCode !== 200) throw new Error(`warm-up GET /api/tasks/${targets[i].task_id}/reports as ${senders[i]}: ${res.statusCode}`);
  }

  // ---------- watchers: notifications counted, wait events sampled ----------
  const listener = embedded ? null : new pg.Client({ connectionString: dbUrl });
  await listener?.connect();
  let notifications = 0;
  listener?.on('notification', () => notifications++);
  await listener?.query('listen luoshi_change');
  const waits = new Map<string, number>();
  let samples = 0;
  const sampler = embedded ? null : new pg.Client({ connectionString: dbUrl });
  await sampler?.connect();
  let sampling = !embedded;
  const sampling$ = (async () => {
    while (sampling && sampler) {
      const { rows } = await sampler.query(`select coalesce(wait_event_type || '/' || wait_event, 'CPU') w, count(*)::int n from pg_stat_activity
        where datname = current_database() and state = 'active' and pid <> pg_backend_pid() and application_name <> 'luoshi change listener' group by 1`);
      samples++;
      for (const r of rows) waits.set(r.w, (waits.get(r.w) ?? 0) + r.n);
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  const dbStat = async () =>
    embedded
      ? { deadlocks: '0', xact_commit: '0', xact_rollback: '0', sessions: '0' }
      : (await q<{ deadlocks: string; xact_commit: string; xact_rollback: string; sessions: string }>(`select deadlocks, xact_commit, xact_rollback, sessions from pg_stat_database where datname = current_database()`))[0];
  const statBefore = await dbStat();
  // (the embedded database's clock is this machine's: a second early, so no row of the run is missed)
  const [{ now: startedAt }] = embedded ? [{ now: new Date(Date.now() - 1000) }] : await q<{ now: Date }>('select now()');
  const loadBefore = loadavg();
  const pgBefore = postgresCpu();
  const cpuBefore = cpuOf(server.pid!);
  // this process's own CPU (its HTTP client): on the same cores as the server and PostgreSQL, unlike 5,000 reporters' browsers
  const benchCpuBefore = process.cpuUsage();

  // ---------- the surge: submission i planned at i × seconds / count ----------
  log(`surge: ${count} submissions over ${seconds} s (load ${loadBefore.map((x) => x.toFixed(2)).join(' ')})`);
  const gap = (seconds * 1000) / count;
  const t0 = performance.now();
  const results: { status: number; ms: number; lateMs: number; code?: string; reportId?: number }[] = new Array(count);
  const submit = async (i: number, planned: number) => {
    const sent = performance.now();
    const t = targets[i];
    try {
      const res = await send('POST', `/api/tasks/${t.task_id}/reports`,
        { cookie: `${SESSION_COOKIE}=${sessions[i].token}`, 'x-csrf-token': sessions[i].csrf, 'content-type': 'application/json' },
        JSON.stringify({ reportedStatus: '推进中', progress: 40 + (i % 60), progressText: `截止日前报送:第${i + 1}份,工作按计划推进。`, problems: '', nextSteps: '按期推进下一阶段工作', submit: true }));
      const text = res.text;
      const body = text ? JSON.parse(text) : {};
      done++;
      results[i] = { status: res.statusCode, ms: performance.now() - planned, lateMs: sent - planned, code: body?.error?.code, reportId: res.statusCode === 200 ? body.id : undefined };
    } catch (e) {
      results[i] = { status: 0, ms: performance.now() - planned, lateMs: sent - planned, code: String(e) };
    }
  };
  // the first seconds, every 0.5 s: answers done, the server's and PostgreSQL's CPU (where a cold server's time goes)
  const timeline: { at: number; done: number; serverMs: number; postgresMs: number }[] = [];
  let done = 0;
  const pgCpuAt = () => [...postgresCpu().entries()].reduce((sum, [pid, ms]) => sum + ms - (pgBefore.get(pid) ?? 0), 0);
  const ticker = setInterval(() => {
    const c = cpuOf(server.pid!);
    if (timeline.length < 20) timeline.push({ at: (performance.now() - t0) / 1000, done, serverMs: c.user + c.system - cpuBefore.user - cpuBefore.system, postgresMs: pgCpuAt() });
  }, 500);
  // the readers: each a reporter of the surge reading its unit's task list again and again until the last submission
  let surging = true;
  const reads: { ms: number; status: number }[] = [];
  const reading = Array.from({ length: readers }, async (_, k) => {
    const cookie = `${SESSION_COOKIE}=${sessions[(k * 7919) % sessions.length].token}`;
    while (surging) {
      const at = performance.now();
      const res = await send('GET', '/api/me/tasks?page=1&pageSize=50', { cookie });
      reads.push({ ms: performance.now() - at, status: res.statusCode });
    }
  });
  const inFlight: Promise<void>[] = [];
  for (let i = 0; i < count; i++) {
    const planned = t0 + i * gap;
    const wait = planned - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    inFlight.push(submit(i, planned));
  }
  await Promise.all(inFlight);
  surging = false;
  await Promise.all(reading);
  clearInterval(ticker);
  const wall = (performance.now() - t0) / 1000;
  const cpuAfter = cpuOf(server.pid!);
  const benchCpu = process.cpuUsage(benchCpuBefore);
  const pgAfter = postgresCpu();
  let pgCpuMs = 0;
  for (const [pid, ms] of pgAfter) pgCpuMs += ms - (pgBefore.get(pid) ?? 0);
  const cpuMs = { user: cpuAfter.user - cpuBefore.user, system: cpuAfter.system - cpuBefore.system };
  const loadAfter = loadavg();
  await new Promise((r) => setTimeout(r, 500)); // the last notifications
  sampling = false;
  await sampling$;
  const statAfter = await dbStat();
  await listener?.end();
  await sampler?.end();
  if (embedded) {
    stopServer();
    if (server.exitCode === null) await new Promise((r) => server.once('exit', r));
    client = await connect();
    await openTable();
  }

  // ---------- counted afterwards ----------
  const ok = results.map((r, i) => ({ r, i })).filter(({ r }) => r.status === 200);
  const stored = await q<{ task_id: number; rows: number; submitted: number; once: number; by_sender: number; audits: number; report_ids: number[] }>(`
    with t as (select * from unnest($1::int[], $2::int[]) as t(task_id, user_id))
    select t.task_id,
           count(r.id)::int rows,
           count(r.id) filter (where r.status = 'submitted')::int submitted,
           count(r.id) filter (where r.submissions = 1)::int once,
           count(r.id) filter (where r.submitted_by = t.user_id)::int by_sender,
           coalesce(sum((select count(*) from audit_events a where a.entity_type = 'report' and a.entity_id = r.id::text and a.action = 'report.submit' and a.at >= $3)), 0)::int audits,
           array_remove(array_agg(r.id), null) report_ids
      from t join tasks k on k.id = t.task_id
      left join surge_open o on o.plan_id = k.plan_id
      left join report_periods p on p.plan_id = k.plan_id and p.key = $4::jsonb ->> k.plan_id::text
      left join reports r on r.task_id = t.task_id and r.period_id = p.id
     group by t.task_id`,
    [targets.map((t) => t.task_id), senders.map((u) => userIds.get(u)!), startedAt, JSON.stringify(Object.fromEntries(periodKeyOf))]);
  const byTask = new Map(stored.map((s) => [s.task_id, s]));
  let lost = 0, duplicated = 0, wrongAudit = 0, leftByRefused = 0, mismatchedId = 0;
  for (const { r, i } of ok) {
    const s = byTask.get(targets[i].task_id)!;
    if (s.rows === 0 || s.submitted === 0 || s.by_sender === 0) lost++;
    if (s.rows > 1 || s.once !== s.rows) duplicated++;
    if (s.audits !== 1) wrongAudit++;
    if (!s.report_ids.includes(r.reportId!)) mismatchedId++;
  }
  for (const [i, r] of results.entries()) if (r.status !== 200 && byTask.get(targets[i].task_id)!.audits > 0) leftByRefused++;
  const [{ audit_rows: auditRows }] = await q<{ audit_rows: number }>(`select count(*)::int audit_rows from audit_events where action = 'report.submit' and at >= $1 and actor_user_id = any($2)`, [startedAt, [...userIds.values()]]);

  const ms = results.map((r) => r.ms).sort((a, b) => a - b);
  const pct = (p: number) => ms[Math.min(ms.length - 1, Math.ceil((p / 100) * ms.length) - 1)];
  const statuses = new Map<string, number>();
  for (const r of results) statuses.set(`${r.status}${r.code ? ' ' + r.code : ''}`, (statuses.get(`${r.status}${r.code ? ' ' + r.code : ''}`) ?? 0) + 1);
  const late = results.map((r) => r.lateMs).sort((a, b) => a - b);
  const summary = {
    date: new Date().toISOString(), commit: codeOf(path.resolve(path.dirname(serverScript), '../..')), today, seed, notify: !noNotify, count, seconds, wall,
    load: { before: loadBefore, after: loadAfter }, plans: new Set(targets.map((t) => t.plan_id)).size, units: leadUnits, reporters: new Set(senders).size,
    statuses: Object.fromEntries(statuses), latency: { p50: pct(50), p90: pct(90), p99: pct(99), max: ms[ms.length - 1] },
    bySecond: [[0, 1], [1, 2], [2, 5], [5, seconds]].map(([from, to]) => {
      const part = results.filter((_, i) => i * gap >= from * 1000 && i * gap < to * 1000).map((r) => r.ms).sort((a, b) => a - b);
      const at = (p: number) => part[Math.min(part.length - 1, Math.ceil((p / 100) * part.length) - 1)] ?? 0;
      return { from, to, n: part.length, p50: at(50), p99: at(99), max: part[part.length - 1] ?? 0 };
    }),
    timeline,
    sendLateMs: { p99: late[Math.ceil(0.99 * late.length) - 1], max: late[late.length - 1] },
    serverCpuMsPerSubmission: { user: cpuMs.user / count, system: cpuMs.system / count }, postgresCpuMsPerSubmission: pgCpuMs / count, notifications,
    benchCpuMsPerSubmission: (benchCpu.user + benchCpu.system) / 1000 / count,
    deadlocks: Number(statAfter.deadlocks) - Number(statBefore.deadlocks), rollbacks: Number(statAfter.xact_rollback) - Number(statBefore.xact_rollback),
    connectionsOpened: Number(statAfter.sessions) - Number(statBefore.sessions),
    check: { accepted: ok.length, lost, duplicated, wrongAudit, mismatchedId, leftByRefused, auditRows },
    reads: readers ? (() => {
      const r = reads.map((x) => x.ms).sort((a, b) => a - b);
      const at = (p: number) => r[Math.min(r.length - 1, Math.ceil((p / 100) * r.length) - 1)] ?? 0;
      return { readers, count: r.length, notOk: reads.filter((x) => x.status !== 200).length, p50: at(50), p90: at(90), p99: at(99), max: r[r.length - 1] ?? 0 };
    })() : null,
    waits: Object.fromEntries([...waits].sort((a, b) => b[1] - a[1]).map(([w, n]) => [w, +(n / samples).toFixed(2)])),
  };
  writeFileSync(`/tmp/surge-bench-${Date.now()}.json`, JSON.stringify({ ...summary, results }, null, 1));
  const f = (x: number) => x.toFixed(0);
  console.log(`\n### Deadline surge ${summary.date} (${summary.commit}, notify ${summary.notify ? 'on' : 'off'})\n`);
  console.log(`${count} submissions over ${seconds} s (wall ${wall.toFixed(1)} s), ${summary.reporters} reporters, ${summary.units} lead units, ${summary.plans} plans; load ${loadBefore.map((x) => x.toFixed(2)).join(' ')} → ${loadAfter.map((x) => x.toFixed(2)).join(' ')}`);
  console.log(`answers: ${[...statuses].map(([k, n]) => `${k} × ${n}`).join(', ')}`);
  console.log(`latency from planned send: p50 ${f(pct(50))} ms, p90 ${f(pct(90))} ms, p99 ${f(pct(99))} ms, max ${f(ms[ms.length - 1])} ms (sends late: p99 ${summary.sendLateMs.p99.toFixed(1)} ms)`);
  console.log(`by planned send: ${summary.bySecond.map((b) => `${b.from}–${b.to} s p50 ${f(b.p50)} p99 ${f(b.p99)} max ${f(b.max)}`).join('; ')} ms`);
  console.log(`first seconds (at s: answered, server CPU ms, postgres CPU ms, each since the start): ${timeline.slice(0, 16).map((t) => `${t.at.toFixed(1)}: ${t.done}, ${t.serverMs}, ${t.postgresMs}`).join('; ')}`);
  console.log(`server CPU ${(summary.serverCpuMsPerSubmission.user + summary.serverCpuMsPerSubmission.system).toFixed(2)} ms/submission (user ${summary.serverCpuMsPerSubmission.user.toFixed(2)}, system ${summary.serverCpuMsPerSubmission.system.toFixed(2)}); postgres CPU ${(pgCpuMs / count).toFixed(2)} ms/submission; this bench's own CPU (its client) ${summary.benchCpuMsPerSubmission.toFixed(2)} ms/submission; notifications ${notifications}; deadlocks ${summary.deadlocks}; rollbacks ${summary.rollbacks}; connections opened meanwhile ${summary.connectionsOpened}`);
  console.log(`counted: ${ok.length} accepted, lost ${lost}, duplicated ${duplicated}, audit rows ≠ 1: ${wrongAudit}, answered id not stored: ${mismatchedId}, refused but written: ${leftByRefused}; report.submit audit rows by the surge's reporters: ${auditRows}`);
  if (summary.reads) console.log(`readers: ${summary.reads.readers} reporters reading GET /api/me/tasks meanwhile: ${summary.reads.count} reads (${summary.reads.notOk} not 200), p50 ${f(summary.reads.p50)} ms, p90 ${f(summary.reads.p90)} ms, p99 ${f(summary.reads.p99)} ms, max ${f(summary.reads.max)} ms`);
  console.log(`backends by wait event (mean per 100 ms sample): ${Object.entries(summary.waits).map(([w, n]) => `${w} ${n}`).join(', ')}`);
  const pass = (!summary.reads || summary.reads.notOk === 0) && ok.length === count && lost === 0 && duplicated === 0 && wrongAudit === 0 && mismatchedId === 0 && leftByRefused === 0 && auditRows === count && summary.deadlocks === 0 && pct(99) <= 300;
  console.log(`\n${pass ? 'PASS' : 'FAIL'}: all ${count} accepted, none lost or duplicated, one audit row each, no deadlock, p99 ≤ 300 ms`);
  process.exitCode = pass ? 0 : 1;
  send.close();
} finally {
  stopServer();
  await restore();
  // (the embedded database's connection is closed already if the run stopped while the server had it)
  await client.end().catch(() => {});
}


/** the commit the server ran from, '+ changes' when its server code (the parser's aside) differs from it */
function codeOf(dir: string): string {
  const git = (...a: string[]) => spawnSync('git', ['-C', dir, ...a], { encoding: 'utf8' });
  const head = git('rev-parse', '--short', 'HEAD').stdout.trim();
  return git('diff', '--quiet', 'HEAD', '--', 'server', 'shared', 'bench/city', ':(exclude)server/parser').status === 0 ? head : `${head} + changes`;
}
