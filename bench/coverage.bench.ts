// The coverage matrix at the city's size (issue #13): a 26-task city plan × 38 districts (the registry's 3 and 35
// synthetic ones), every district with its own plan of 26 tasks of which 24 carry a city task (one of them a second
// link), one 不适用, one not taken up; a third of the district tasks with progress. 50 clients ask
// GET /api/plans/:id/coverage at once as the city office, through the real HTTP stack (app.inject, no network);
// p50/p99 over all requests, asked as a browser asks (accept-encoding: gzip, deflate, br). LUOSHI_ANSWER_CACHE_MS=0:
// every request computes (the cold figure); BENCH_CHANGE_MS: a take-up change every n ms meanwhile; a floor
// (GET /api/auth/me, the same clients) in the same run. Run: npx tsx bench/coverage.bench.ts   (PGlite, in memory)
//    LUOSHI_BENCH_PG=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/coverage.bench.ts   (a fresh database there)
import { writeFileSync } from 'node:fs';
import inspector from 'node:inspector/promises';
import { benchDatabase } from './benchDb.js';
import { eq } from 'drizzle-orm';
import { openDb } from '../server/db/client.js';
import { buildApp } from '../server/http/app.js';
import { seedRegistry } from '../server/seed/seedRegistry.js';
import { addUser } from '../server/operations/addUser.js';
import { systemActor } from '../server/policy.js';
import { plans, regions, taskNotApplicable, taskTakeUps, tasks } from '../server/db/schema/index.js';

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 50);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 10);
const DISTRICTS = 38;
const TASKS = 26;
const CHANGE_MS = Number(process.env.BENCH_CHANGE_MS ?? 0);
const { url, drop } = await benchDatabase('coverage');
for (const ev of ['uncaughtException', 'unhandledRejection'] as const) {
  process.on(ev, async (e) => {
    console.error(e);
    await drop?.();
    process.exit(1);
  });
}

const t0 = Date.now();
const handle = await openDb(url);
const db = handle.db;
await seedRegistry(db, systemActor);
const [city] = await db.select().from(regions).where(eq(regions.level, 'city'));
const have = await db.select({ id: regions.id }).from(regions).where(eq(regions.parentId, city.id));
const synthetic = Array.from({ length: DISTRICTS - have.length }, (_, i) => ({ name: `测试区县${String(i + 1).padStart(2, '0')}`, level: 'district', parentId: city.id }));
if (synthetic.length) await db.insert(regions).values(synthetic);
const districts = await db.select({ id: regions.id }).from(regions).where(eq(regions.parentId, city.id));
const [cityPlan] = await db.insert(plans).values({ title: '重庆市城市更新提升实施方案(测试)', regionId: city.id, status: 'active', periodStart: 2025, periodEnd: 2027, settings: {} }).returning();
const upper = await db.insert(tasks).values(Array.from({ length: TASKS }, (_, i) => ({ planId: cityPlan.id, title: `市级任务${i + 1}`, text: '', position: i, searchText: '' }))).returning({ id: tasks.id });
for (const [d, district] of districts.entries()) {
  const [plan] = await db.insert(plans).values({ title: `区县城市更新行动计划${d + 1}`, regionId: district.id, status: 'active', periodStart: 2025, periodEnd: 2027, settings: {} }).returning();
  const own = await db
    .insert(tasks)
    .values(Array.from({ length: TASKS }, (_, i) => ({ planId: plan.id, title: `区县任务${i + 1}`, text: '', position: i, searchText: '', startDate: '2025-01-01', deadline: '2027-12-31', progress: (i + d) % 3 === 0 ? ((i * 7 + d) % 100) : null, reportedStatus: (i + d) % 3 === 0 ? '推进中' : null })))
    .returning({ id: tasks.id });
  const na = (d + 3) % TASKS;
  const none = (d + 7) % TASKS;
  const links = upper.flatMap((u, i) => (i === na || i === none ? [] : [{ upperTaskId: u.id, districtTaskId: own[i].id, regionId: district.id }]));
  links.push({ upperTaskId: upper[(d + 1) % TASKS].id, districtTaskId: own[(d + 2) % TASKS].id, regionId: district.id });
  await db.insert(taskTakeUps).values(links).onConflictDoNothing();
  await db.insert(taskNotApplicable).values({ upperTaskId: upper[na].id, regionId: district.id, reason: '本区县无对应建设内容' });
}
const password = 'Bench-Coverage-2026!';
await addUser(db, systemActor, { username: 'bench_city', displayName: '市规划办(测试)', password, roles: ['office'], regionId: city.id, unitId: null });
await addUser(db, systemActor, { username: 'bench_district', displayName: '区县规划办(测试)', password, roles: ['office'], regionId: districts[0].id, unitId: null });
const seeded = Date.now() - t0;

const app = await buildApp({ db, staticDir: '/nonexistent' });
const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'bench_city', password } });
const cookie = `luoshi_session=${login.cookies.find((c) => c.name === 'luoshi_session')!.value}`;
const route = `/api/plans/${cityPlan.id}/coverage`;
const check = (await app.inject({ method: 'GET', url: route, headers: { cookie } })).json();
if (check.districts?.length !== DISTRICTS || check.rows?.length !== TASKS) throw new Error(`matrix ${check.rows?.length} × ${check.districts?.length}`);
// warm up
for (let i = 0; i < 10; i++) await app.inject({ method: 'GET', url: route, headers: { cookie } });
// BENCH_CPU_PROF=file.cpuprofile: a CPU profile of the timed requests only (not the seeding)
const profiler = process.env.BENCH_CPU_PROF ? new inspector.Session() : null;
if (profiler) {
  profiler.connect();
  await profiler.post('Profiler.enable');
  await profiler.post('Profiler.start');
}
// BENCH_CHANGE_MS=n: meanwhile a district office changes its take-up every n ms (不适用 ⇄ withdrawn, through the
// real routes, audited), so the answer cache is invalidated n ms apart and the readers pay a computation now and then
let changes = 0;
let changing = true;
const changer = CHANGE_MS > 0
  ? (async () => {
      const office = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'bench_district', password } });
      const headers = { cookie: `luoshi_session=${office.cookies.find((c) => c.name === 'luoshi_session')!.value}`, 'x-csrf-token': office.json().csrfToken };
      const task = upper[(0 + 7) % TASKS].id; // not taken up by the first district
      while (changing) {
        await new Promise((r) => setTimeout(r, CHANGE_MS));
        const res = changes % 2 === 0
          ? await app.inject({ method: 'POST', url: `/api/tasks/${task}/not-applicable`, headers, payload: { reason: '本区县无对应建设内容' } })
          : await app.inject({ method: 'POST', url: `/api/tasks/${task}/untake`, headers, payload: {} });
        if (res.statusCode !== 200) throw new Error(`change ${res.statusCode} ${res.body.slice(0, 200)}`);
        changes++;
      }
    })()
  : null;

async function timed(url: string) {
  const times: number[] = [];
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      for (let r = 0; r < ROUNDS; r++) {
        const s = performance.now();
        const res = await app.inject({ method: 'GET', url, headers: { cookie, 'accept-encoding': 'gzip, deflate, br' } });
        times.push(performance.now() - s);
        if (res.statusCode !== 200) throw new Error(`${res.statusCode} ${res.body.slice(0, 200)}`);
      }
    }),
  );
  const wall = performance.now() - started;
  times.sort((a, b) => a - b);
  const pct = (p: number) => times[Math.min(times.length - 1, Math.ceil((p / 100) * times.length) - 1)];
  return `${times.length} requests in ${(wall / 1000).toFixed(1)} s (${(times.length / (wall / 1000)).toFixed(0)} req/s); p50 ${pct(50).toFixed(1)} ms, p99 ${pct(99).toFixed(1)} ms, max ${times[times.length - 1].toFixed(1)} ms`;
}
const matrix = await timed(route);
changing = false;
await changer;
if (profiler) {
  const { profile } = await profiler.post('Profiler.stop');
  writeFileSync(process.env.BENCH_CPU_PROF!, JSON.stringify(profile));
  profiler.disconnect();
}
// the floor: the same clients asking for their own account (session and HTTP stack only), in the same run
const floor = await timed('/api/auth/me');
const links = check.totals;
const cache = Number(process.env.LUOSHI_ANSWER_CACHE_MS ?? 10_000) > 0 ? 'answer cache on' : 'answer cache off (LUOSHI_ANSWER_CACHE_MS=0)';
console.log(`${drop ? 'PostgreSQL' : 'PGlite'}: ${TASKS} tasks × ${DISTRICTS} districts (taken up ${links.taken_up}, 不适用 ${links.not_applicable}, 未落实 ${links.not_taken}); seeded in ${(seeded / 1000).toFixed(1)} s; ${cache}; answer ${(JSON.stringify(check).length / 1024).toFixed(0)} KB`);
console.log(`${CLIENTS} concurrent clients × ${ROUNDS} requests of the matrix${CHANGE_MS > 0 ? ` (a take-up change every ${CHANGE_MS} ms: ${changes} changes)` : ''}: ${matrix}`);
console.log(`floor, GET /api/auth/me the same way: ${floor}`);
await app.close();
await handle.close();
await drop?.();
