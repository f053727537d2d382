// Latency of the routes issue #15 names, on a generated city (bench/city/generate.ts) on PostgreSQL, with the floor
// measured in the same run: a bare route behind the same hooks, and each route's own SQL alone through pgbench.
//
//   npx tsx bench/city/generate.ts --size district          # once: loads luoshi_bench
//   npx tsx bench/city.bench.ts [--seconds 10] [--connections 50] [--rounds 1] [--only status,board] [--explain] [--no-sql] [--floor-each] [--floor-same] [--server DIR/bench/city/server.ts] [--cpu-prof DIR]
//   npx tsx bench/city.bench.ts --check-plans --only cursor      # only the plan check of the keyset pages, exit 1 if one fails
//
// The app runs as its own process (bench/city/server.ts, DATABASE_URL = --db, LUOSHI_DB_POOL passed through), the load
// comes from autocannon in this process. For each route: autocannon for --seconds at --connections, then the
// statements one request of it sends (captured in the server) replayed by pgbench at the same concurrency, each
// client running the whole sequence as one transaction (a request that sends none — an answer cache hit with the change
// clock listening — has no SQL alone: 'none', its floor is the bare route). --explain prints EXPLAIN ANALYZE of each route's two
// slowest statements. "server CPU" is the app process's CPU time (from /proc) per request sent, robust to what
// others run on the machine. --floor-each: the bare route is measured again right before each route, and each route's
// ratio is also given against that floor of the same moment. --floor-same: also right before each route, the bare route
// sending that route's answer as its client receives it (the same compressed bytes, its content-encoding: /__bench/same)
// — what the answer's size costs the socket and the client (autocannon keeps each body as a string: a compressed body's
// bytes are decoded as UTF-8 on the same cores), apart from the route's own work. Before the load, the keyset routes' page statements are EXPLAINed: each must use an index and
// no statement of theirs may scan a large table whole (unit_tasks among them). Results: markdown tables on stdout, JSON in /tmp/city-bench-<time>.json.
import { spawnSync } from 'node:child_process';
import { request } from 'node:http';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir, cpus, loadavg } from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { BENCH_PASSWORD, DEFAULT_BENCH_DB } from './city/config.js';
import { spawnBenchServer } from './city/spawnServer.js';
import { benchArgs } from './city/args.js';

const args = benchArgs();
const seconds = Number(args.get('seconds') ?? 10);
const connections = Number(args.get('connections') ?? 50);
const rounds = Number(args.get('rounds') ?? 1);
const only = args.get('only')?.split(',');
const dbUrl = args.get('db') ?? process.env.LUOSHI_BENCH_DB ?? DEFAULT_BENCH_DB;
const withSql = !args.has('no-sql');
const explain = args.has('explain');

const client = new pg.Client({ connectionString: dbUrl });
await client.connect();
const one = async <T>(q: string, v: unknown[] = []) => (await client.query(q, v)).rows[0] as T;
const sizes = await one<Record<string, string>>(`select (select count(*) from regions where level = 'district') districts, (select count(*) from units) units,
  (select count(*) from plans) plans, (select count(*) from tasks) tasks, (select count(*) from task_units) links, (select count(*) from reports) reports,
  (select count(*) from report_contributions) contributions, (select count(*) from audit_events) audit, pg_size_pretty(pg_database_size(current_database())) size`);
// the first plan of the first district, its busiest lead unit, the town taking part in the most tasks
const plan = await one<{ id: number }>(`select p.id from plans p join regions r on r.id = p.region_id where r.name = (select name from regions where level = 'district' order by id limit 1) order by p.id limit 1`);
const lead = await one<{ unit_id: number }>(`select tu.unit_id from task_units tu join tasks t on t.id = tu.task_id where t.plan_id = $1 and tu.role = 'lead' group by 1 order by count(*) desc, 1 limit 1`, [plan.id]);
const town = await one<{ username: string }>(`select u.username from users u join units n on n.id = u.unit_id where n.kind = 'town' and u.username like '%_rep'
  order by (select count(*) from task_units tu where tu.unit_id = n.id) desc, u.id limit 1`);
const office = await one<{ username: string }>(`select u.username from users u join plans p on p.region_id = u.region_id where p.id = $1 and u.username like '%_office'`, [plan.id]);

// ---------- the server ----------
// --server: another checkout's copy of bench/city/server.ts (the code before a change, for a before/after pair)
const serverScript = args.get('server') ?? path.join(import.meta.dirname, 'city/server.ts');
// --cpu-prof DIR: the server's CPU profile, written to DIR when it stops
// --server-db DIR: the server on an embedded PGlite data directory holding the same rows as --db (`luoshi db backup` of
// --db restored into DIR), to find where the embedded database stops; the setup reads and the plan check still read --db,
// and a request's statements are not captured (PGlite's are not pg's): no SQL alone
const serverDb = args.get('server-db') ?? dbUrl;
const { server, port } = await spawnBenchServer(serverScript, serverDb, args.has('cpu-prof') ? ['--cpu-prof', '--cpu-prof-dir', args.get('cpu-prof')!] : []);
const base = `http://127.0.0.1:${port}`;
async function login(username: string) {
  const res = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: BENCH_PASSWORD }) });
  if (!res.ok) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  return res.headers.get('set-cookie')!.split(';')[0];
}
const cookies = { office: await login(office.username), town: await login(town.username) };

// the town's list: its number of numbered pages, and the cursor its last page starts after (walked page by page)
async function townListPages() {
  const get = async (q: string) => (await fetch(`${base}/api/me/tasks?${q}`, { headers: { cookie: cookies.town } })).json() as Promise<{ total?: number; nextCursor?: string | null }>;
  const total = (await get('pageSize=1')).total ?? 0;
  const last = Math.max(1, Math.ceil(total / 50));
  let cursor = '';
  for (let p = 1; p < last; p++) cursor = (await get(`pageSize=50&cursor=${encodeURIComponent(cursor)}`)).nextCursor ?? '';
  return { total, last, cursor };
}
const townPages = await townListPages();

const routes = ([
  { name: 'plan tasks ?unitId=', path: `/api/plans/${plan.id}/tasks?unitId=${lead.unit_id}`, as: 'office' },
  { name: 'plan tasks ?status=red', path: `/api/plans/${plan.id}/tasks?status=red`, as: 'office' },
  { name: '/api/me/tasks', path: `/api/me/tasks`, as: 'town' },
  { name: '/plans/:id/status', path: `/api/plans/${plan.id}/status`, as: 'office' },
  { name: 'dashboard/status', path: `/api/plans/${plan.id}/dashboard/status`, as: 'office' },
  { name: 'dashboard/ranking', path: `/api/plans/${plan.id}/dashboard/ranking`, as: 'office' },
  { name: 'board', path: `/api/plans/${plan.id}/board`, as: 'office' },
  // keyset pages (cursor=: the first; a cursor far into the town's list against the numbered page there)
  { name: 'plan tasks ?unitId= cursor', path: `/api/plans/${plan.id}/tasks?unitId=${lead.unit_id}&cursor=`, as: 'office' },
  { name: 'plan tasks ?status=red cursor', path: `/api/plans/${plan.id}/tasks?status=red&cursor=`, as: 'office' },
  { name: '/api/me/tasks cursor', path: `/api/me/tasks?cursor=`, as: 'town' },
  { name: '/api/me/tasks last page', path: `/api/me/tasks?page=${townPages.last}`, as: 'town' },
  { name: '/api/me/tasks cursor last page', path: `/api/me/tasks?cursor=${encodeURIComponent(townPages.cursor)}`, as: 'town' },
  { name: 'task search', path: `/api/plans/${plan.id}/tasks?q=${encodeURIComponent('排水管网')}`, as: 'office' },
  { name: 'plan search', path: `/api/plans?q=${encodeURIComponent('城市更新')}`, as: 'office' },
] satisfies { name: string; path: string; as: 'office' | 'town' }[] as { name: string; path: string; as: 'office' | 'town' }[]).filter((r) => !only || only.some((o) => r.name.includes(o)));


// ---------- measuring ----------
interface Measure { rps: number; p50: number; p99: number; errors: number; cpuMs?: number }
/** CPU time the server process has used so far, ms (user + system, from /proc: robust to the load others put on the machine). */
const serverCpuMs = () => {
  try {
    const f = readFileSync(`/proc/${server.pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(f[11]) + Number(f[12])) * 1000) / 100; // utime, stime in clock ticks (100 a second)
  } catch {
    return NaN;
  }
};
async function http(pathname: string, cookie: string, duration = seconds): Promise<Measure> {
  const cpu0 = serverCpuMs();
  const r = await autocannon({ url: base + pathname, connections, duration, timeout: 120, headers: { cookie, 'accept-encoding': 'gzip, br' } });
  // a request still unanswered when the time is up is not counted by autocannon: wait for the server to drain
  await fetch(`${base}/__bench/idle`);
  // the server's CPU per request it was sent: those still unanswered at the end were answered during the idle wait,
  // and their CPU is in the figure (the idle wait's own polling is a few requests, not counted)
  const cpuMs = (serverCpuMs() - cpu0) / Math.max(1, r.requests.sent);
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.non2xx + r.errors + r.timeouts, cpuMs };
}

const literal = (v: unknown): string => {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'number' || typeof v === 'bigint') return String(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (v instanceof Date) return `'${v.toISOString()}'`;
  // an array parameter (the scope's region ids) is a PostgreSQL array literal, not JSON
  if (Array.isArray(v)) return `'{${v.map((x) => (typeof x === 'number' ? String(x) : `"${String(x).replace(/["\\]/g, '\\$&')}"`)).join(',')}}'`.replace(/'/g, (q, k, all) => (k === 0 || k === all.length - 1 ? q : "''"));
  return `'${(typeof v === 'string' ? v : JSON.stringify(v)).replace(/'/g, "''")}'`;
};
const inline = (s: { text: string; values: unknown[] }) => s.values.reduceRight<string>((t, v, i) => t.replaceAll(new RegExp(`\\$${i + 1}(?!\\d)`, 'g'), literal(v)), s.text);

async function capture(pathname: string, cookie: string, fresh = false) {
  const res = await fetch(`${base}/__bench/capture`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ path: pathname, cookie, fresh }) });
  return (await res.json()) as { status: number; bytes: number; statements: { text: string; values: unknown[] }[] };
}

/** The statements as one pgbench transaction, --connections clients for --seconds: p99 of the whole sequence. */
function pgbench(statements: string[]): Measure {
  const dir = mkdtempSync(path.join(tmpdir(), 'city-pgbench-'));
  const script = path.join(dir, 'route.sql');
  writeFileSync(script, statements.map((s) => s.replace(/\s+/g, ' ') + ';').join('\n') + '\n');
  const u = new URL(dbUrl);
  const r = spawnSync('pgbench', ['-n', '-c', String(connections), '-j', '2', '-T', String(seconds), '-f', script, '-l', '--log-prefix', path.join(dir, 'log'),
    '-h', u.hostname, '-p', u.port || '5432', '-U', u.username || 'postgres', u.pathname.slice(1)], { cwd: dir, encoding: 'utf8' });
  const lat: number[] = [];
  for (const f of readdirSync(dir).filter((x) => x.startsWith('log'))) for (const line of readFileSync(path.join(dir, f), 'utf8').split('\n')) if (line) lat.push(Number(line.split(' ')[2]) / 1000);
  rmSync(dir, { recursive: true, force: true });
  const tps = Number(/tps = ([\d.]+) \(without initial/.exec(r.stdout)?.[1] ?? NaN);
  const failed = Number(/number of failed transactions: (\d+)/.exec(r.stdout)?.[1] ?? 0);
  if (r.status !== 0) console.error(r.stderr);
  lat.sort((a, b) => a - b);
  return { rps: tps, p50: lat[Math.floor(lat.length / 2)] ?? NaN, p99: lat[Math.floor(lat.length * 0.99)] ?? NaN, errors: failed };
}

const load = () => loadavg().map((x) => x.toFixed(1)).join(' ');
console.error(`# ${new Date().toISOString()} ${cpus().length}× ${cpus()[0].model}, node ${process.version}, load ${load()}`);
console.error(`# data: ${JSON.stringify(sizes)}; plan #${plan.id}, unit ${lead.unit_id}, town user ${town.username}; ${connections} clients, ${seconds}s, ${rounds} round(s), pool ${process.env.LUOSHI_DB_POOL ?? 'default'}`);

// what one request of each route sends, captured while the server is idle
const captures = new Map<string, Awaited<ReturnType<typeof capture>>>();
// the last request captured is what the load mostly sends (an answer cache, maintained rows filled by the ones
// before); "SQL alone" replays it, and the miss's statement count is printed beside it ("first request")
const firstCounts = new Map<string, number>();
// the first request is captured with the answer cache off (`fresh`: what a miss sends — the plan check reads it; the
// town's list was walked above, so its first page would be a hit), then the route is asked once to fill the cache and
// once more: that request is what SQL alone replays
const firstCaptures = new Map<string, Awaited<ReturnType<typeof capture>>>();
for (const r of routes) {
  const first = await capture(r.path, cookies[r.as], true);
  if (first.status !== 200) throw new Error(`${r.path}: ${first.status}`);
  firstCounts.set(r.name, first.statements.length);
  firstCaptures.set(r.name, first);
  await capture(r.path, cookies[r.as]);
  captures.set(r.name, await capture(r.path, cookies[r.as]));
}
// ---------- plan check (not a test: the data is the generated city) ----------
// Each keyset route's page statement (the one ordered by plan, position, id with a limit) must be read through an
// index, and none of the route's statements may scan a whole large table. EXPLAIN ANALYZE of the statements of the
// route's first request (an answer cache's miss: the second request is a hit, the gate's statement alone).
interface PlanNode { 'Node Type': string; 'Relation Name'?: string; 'Index Name'?: string; Plans?: PlanNode[] }
const LARGE = ['tasks', 'task_units', 'unit_tasks', 'task_statuses', 'reports', 'report_contributions', 'audit_events'];
const nodesOf = (n: PlanNode): PlanNode[] => [n, ...(n.Plans ?? []).flatMap(nodesOf)];
const planChecks: { route: string; ms: number; indexes: string; seqScans: string; ok: boolean }[] = [];
// (the embedded database's statements are not captured: no plan to check)
for (const r of serverDb === dbUrl ? routes.filter((x) => x.path.includes('cursor=')) : []) {
  let page: { ms: number; indexes: string[] } | null = null;
  const seq = new Set<string>();
  for (const st of firstCaptures.get(r.name)!.statements) {
    const q = inline(st);
    if (!/^\s*(select|with)/i.test(q)) continue;
    const { rows } = await client.query(`explain (analyze, costs off, format json) ${q}`);
    const top = (rows[0] as Record<string, [{ Plan: PlanNode; 'Execution Time': number }]>)['QUERY PLAN'][0];
    const nodes = nodesOf(top.Plan);
    for (const n of nodes) if (n['Node Type'] === 'Seq Scan' && LARGE.includes(n['Relation Name'] ?? '')) seq.add(n['Relation Name']!);
    // the page statement: tasks in list order with a limit (whatever columns it reads with the keys)
    if (/order by "tasks"\."plan_id" asc, "tasks"\."position" asc, "tasks"\."id" asc limit/i.test(q))
      page = { ms: top['Execution Time'], indexes: [...new Set(nodes.filter((n) => n['Index Name']).map((n) => `${n['Node Type']} ${n['Index Name']}`))] };
  }
  planChecks.push({ route: r.name, ms: page?.ms ?? NaN, indexes: page?.indexes.join('; ') || '(none)', seqScans: [...seq].join(', ') || '–', ok: !!page && page.indexes.length > 0 && seq.size === 0 });
}
if (planChecks.length) {
  console.log(`\n| keyset route | page statement ms | read through | seq scans of large tables | check |\n|---|---:|---|---|---|`);
  for (const c of planChecks) console.log(`| ${c.route} | ${c.ms.toFixed(2)} | ${c.indexes} | ${c.seqScans} | ${c.ok ? 'index ✓' : '**FAIL**'} |`);
  if (args.has('check-plans')) {
    server.kill('SIGTERM');
    await client.end();
    process.exit(planChecks.every((c) => c.ok) ? 0 : 1);
  }
}

const results: Record<string, { http: Measure[]; sql: Measure[]; statements: number; bytes: number }> = {};
/** --floor-each: per route, the bare route measured right before it in each round */
const floorEach = args.has('floor-each');
const floors: Record<string, Measure[]> = {};
/** --floor-same: per route, the bare route sending the route's answer bytes, measured right before it */
const floorSame = args.has('floor-same');
const sameFloors: Record<string, Measure[]> = {};
/** the route's answer as the client receives it (not decoded): its bytes and content-encoding */
const rawAnswer = (pathname: string, cookie: string) =>
  new Promise<{ body: Buffer; encoding: string }>((resolve, reject) => {
    request(base + pathname, { headers: { cookie, 'accept-encoding': 'gzip, br' } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ body: Buffer.concat(chunks), encoding: String(res.headers['content-encoding'] ?? '') }));
      res.on('error', reject);
    }).end();
  });
const bare: Measure[] = [];
for (let round = 1; round <= rounds; round++) {
  await http('/__bench/bare', cookies.office, 2); // warm-up
  bare.push(await http('/__bench/bare', cookies.office));
  console.error(`round ${round}: bare ${bare.at(-1)!.rps.toFixed(0)} req/s p99 ${bare.at(-1)!.p99} ms (load ${load()})`);
  for (const r of routes) {
    const cookie = cookies[r.as];
    const cap = captures.get(r.name)!;
    const entry = (results[r.name] ??= { http: [], sql: [], statements: cap.statements.length, bytes: cap.bytes });
    // --floor-each: the bare route measured again right before this route (the floor of the same moment: on shared cores
    // the bare route's p99 moves with what else runs, minute to minute)
    if (floorEach) {
      await http('/__bench/bare', cookies.office, 2);
      (floors[r.name] ??= []).push(await http('/__bench/bare', cookies.office));
    }
    if (floorSame) {
      const answer = await rawAnswer(r.path, cookie);
      await fetch(`${base}/__bench/same`, { method: 'POST', headers: { 'content-type': 'application/octet-stream', 'x-content-encoding': answer.encoding, cookie: cookies.office }, body: new Uint8Array(answer.body) });
      await http('/__bench/same', cookies.office, 2);
      (sameFloors[r.name] ??= []).push(await http('/__bench/same', cookies.office));
    }
    await http(r.path, cookie, 2); // warm-up
    entry.http.push(await http(r.path, cookie));
    // a request that sends no statement (an answer cache hit with the change clock listening): its SQL alone is nothing,
    // the floor is the bare route
    if (withSql && cap.statements.length) entry.sql.push(pgbench(cap.statements.map(inline)));
    const h = entry.http.at(-1)!;
    const s = entry.sql.at(-1);
    const adjacent = floors[r.name]?.at(-1);
    const sameSize = sameFloors[r.name]?.at(-1);
    console.error(`  ${r.name}: ${h.rps.toFixed(1)} req/s p99 ${h.p99} ms, server CPU ${h.cpuMs?.toFixed(2)} ms/answer${h.errors ? ` (${h.errors} errors)` : ''}${adjacent ? ` (bare route just before: p99 ${adjacent.p99} ms, CPU ${adjacent.cpuMs?.toFixed(2)} ms)` : ''}${sameSize ? ` (the same bytes: p99 ${sameSize.p99} ms, CPU ${sameSize.cpuMs?.toFixed(2)} ms)` : ''}; SQL alone ${s ? `${s.rps.toFixed(1)} tps p99 ${s.p99.toFixed(0)} ms` : '-'}; ${cap.statements.length} statements (first request ${firstCounts.get(r.name)}), ${cap.bytes} bytes (load ${load()})`);
    if (explain && round === 1) {
      const timed: { ms: number; text: string; plan: string }[] = [];
      for (const st of cap.statements) {
        const q = inline(st);
        if (!/^\s*(select|with)/i.test(q)) continue;
        const { rows } = await client.query(`explain (analyze, buffers, costs off) ${q}`);
        const planText = rows.map((x: Record<string, string>) => x['QUERY PLAN']).join('\n');
        timed.push({ ms: Number(/Execution Time: ([\d.]+)/.exec(planText)?.[1] ?? 0), text: q, plan: planText });
      }
      timed.sort((a, b) => b.ms - a.ms);
      for (const t of timed.slice(0, 2)) console.log(`\n#### ${r.name}: ${t.ms} ms\n\n\`\`\`sql\n${t.text.slice(0, 600)}\n\`\`\`\n\n\`\`\`\n${t.plan}\n\`\`\``);
    }
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
const bareP99 = median(bare.map((b) => b.p99));
console.log(`\n| route | req/s | p99 ms | server CPU ms/answer | SQL alone p99 ms | SQL alone tps | ratio to floor |${floorEach ? ' bare route just before: p99 ms | ratio to it |' : ''}${floorSame ? ' the same bytes: p99 ms | CPU ms | ratio to it |' : ''} statements | bytes |\n|---|---:|---:|---:|---:|---:|---:|${floorEach ? '---:|---:|' : ''}${floorSame ? '---:|---:|---:|' : ''}---:|---:|`);
console.log(`| bare route | ${median(bare.map((b) => b.rps)).toFixed(0)} | ${bareP99} | ${median(bare.map((b) => b.cpuMs ?? NaN)).toFixed(2)} | | | |${floorEach ? ' | |' : ''}${floorSame ? ' | | |' : ''} 0 | |`);
for (const [name, e] of Object.entries(results)) {
  const p99 = median(e.http.map((m) => m.p99));
  const sqlP99 = e.sql.length ? median(e.sql.map((m) => m.p99)) : NaN;
  const floor = Math.max(bareP99, Number.isNaN(sqlP99) ? 0 : sqlP99);
  const sqlCell = Number.isNaN(sqlP99) ? (withSql && e.statements === 0 ? 'none' : '–') : sqlP99.toFixed(0);
  // against the bare route measured just before it (with SQL alone's p99 when larger), the median over rounds
  const near = floorEach ? median((floors[name] ?? []).map((b) => b.p99)) : NaN;
  const nearCells = floorEach ? ` ${near} | ${(p99 / Math.max(near, Number.isNaN(sqlP99) ? 0 : sqlP99)).toFixed(1)}× |` : '';
  const same = sameFloors[name] ?? [];
  const sameCells = floorSame ? ` ${median(same.map((m) => m.p99))} | ${median(same.map((m) => m.cpuMs ?? NaN)).toFixed(2)} | ${(p99 / median(same.map((m) => m.p99))).toFixed(1)}× |` : '';
  console.log(`| ${name} | ${median(e.http.map((m) => m.rps)).toFixed(1)} | ${p99} | ${median(e.http.map((m) => m.cpuMs ?? NaN)).toFixed(2)} | ${sqlCell} | ${e.sql.length ? median(e.sql.map((m) => m.rps)).toFixed(1) : '–'} | ${(p99 / floor).toFixed(1)}× |${nearCells}${sameCells} ${e.statements} | ${e.bytes} |`);
}
const out = path.join(tmpdir(), `city-bench-${Date.now()}.json`);
writeFileSync(out, JSON.stringify({ at: new Date().toISOString(), sizes, plan: plan.id, connections, seconds, bare, floors, sameFloors, results, planChecks }, null, 2));
console.error(`# ${out}`);
server.kill('SIGTERM');
await client.end();
