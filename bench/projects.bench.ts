// The project library at the size of 004 (issue #14): list (first page, each filter, a status filter, text search),
// detail, and the two Excel exports of the 338 专栏 projects the demo enters, through the real HTTP stack
// (app.inject, no network), as 永川区's office. p50/p99 over N requests per route, on the embedded database and on
// PostgreSQL. Run: npx tsx bench/projects.bench.ts            (PGlite, in memory)
//            LUOSHI_BENCH_PG=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/projects.bench.ts   (a fresh database there)
import { benchDatabase } from './benchDb.js';
import { sql } from 'drizzle-orm';
import { openDb } from '../server/db/client.js';
import { buildApp } from '../server/http/app.js';
import { seedDemo, DEMO_PASSWORD } from '../server/seed/demo.js';

const N = Number(process.env.BENCH_N ?? 200);
const { url, drop } = await benchDatabase('projects');
// a failed run leaves no database behind
process.on('uncaughtException', async (e) => {
  console.error(e);
  await drop?.();
  process.exit(1);
});
process.on('unhandledRejection', async (e) => {
  console.error(e);
  await drop?.();
  process.exit(1);
});
const t0 = Date.now();
const handle = await openDb(url);
await seedDemo(handle.db);
const seeded = Date.now() - t0;
const inLibrary = ((await handle.db.execute(sql`select count(*)::int as n from projects where plan_id = (select id from plans where title like '%永川区国民经济%')`)) as unknown as { rows: { n: number }[] }).rows[0].n;
const app = await buildApp({ db: handle.db, staticDir: '/nonexistent' });
const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'yc_office', password: DEMO_PASSWORD } });
const cookie = `luoshi_session=${login.cookies.find((c) => c.name === 'luoshi_session')!.value}`;
const first = (await app.inject({ method: 'GET', url: '/api/projects?phase=construction&pageSize=1', headers: { cookie } })).json().items[0].id;
const month = new Date().toISOString().slice(0, 7);
const routes = [
  '/api/projects',
  '/api/projects?pageSize=500',
  '/api/projects?phase=construction',
  '/api/projects?list=annual&year=' + month.slice(0, 4),
  '/api/projects?status=red',
  `/api/projects?q=${encodeURIComponent('水库')}`,
  `/api/projects/${first}`,
  '/api/projects/export',
  `/api/projects/ledger?period=${month}`,
];
const pct = (xs: number[], p: number) => xs[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)];
console.log(`${drop ? 'PostgreSQL' : 'PGlite'}: 004 projects in the library ${inLibrary}; demo seeded in ${(seeded / 1000).toFixed(1)} s; N = ${N} per route (exports ${Math.min(N, Number(process.env.BENCH_N_EXPORT ?? 50))})`);
console.log('| route | rows | p50 ms | p99 ms |');
console.log('|---|---|---|---|');
for (const route of routes) {
  const times: number[] = [];
  let rows = '';
  const n = route.includes('export') || route.includes('ledger') ? Math.min(N, Number(process.env.BENCH_N_EXPORT ?? 50)) : N;
  for (let i = 0; i < n + 10; i++) {
    const s = performance.now();
    const r = await app.inject({ method: 'GET', url: route, headers: { cookie } });
    const ms = performance.now() - s;
    if (r.statusCode !== 200) throw new Error(`${route}: ${r.statusCode} ${r.body.slice(0, 200)}`);
    if (i >= 10) times.push(ms); // the first 10 warm up
    if (i === 0) rows = r.headers['content-type']?.toString().includes('json') ? String(r.json().total ?? r.json().items?.length ?? 1) : `${(r.rawPayload.length / 1024).toFixed(0)} KB`;
  }
  times.sort((a, b) => a - b);
  console.log(`| \`${route}\` | ${rows} | ${pct(times, 50).toFixed(1)} | ${pct(times, 99).toFixed(1)} |`);
}
await app.close();
await handle.close?.();
await drop?.();
process.exit(0);
