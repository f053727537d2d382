// Where a request spends its time: per route, ms per request in all and in the database, and the costliest queries.
// Run: npx tsx bench/api-profile.bench.ts /api/auth/me "/api/plans/1/tasks?pageSize=50" …
import { openDb } from '../server/db/client.js';
import { buildApp } from '../server/http/app.js';
import { seedDemo, DEMO_PASSWORD } from '../server/seed/demo.js';
const handle = await openDb('memory://');
await seedDemo(handle.db);
const client = (handle.db as any).$client ?? (handle.db as any).session?.client;
const stats = new Map<string, { n: number; ms: number }>();
for (const m of ['query', 'exec']) {
  const orig = client[m].bind(client);
  client[m] = async (q: string, ...a: unknown[]) => { const t0 = performance.now(); try { return await orig(q, ...a); } finally { const k = q.replace(/\s+/g, ' ').slice(0, 140); const s = stats.get(k) ?? { n: 0, ms: 0 }; s.n++; s.ms += performance.now() - t0; stats.set(k, s); } };
}
const app = await buildApp({ db: handle.db, staticDir: '/nonexistent' });
const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'yc_office', password: DEMO_PASSWORD } });
const cookie = `luoshi_session=${login.cookies.find((c) => c.name === 'luoshi_session')!.value}`;
for (const url of process.argv.slice(2)) {
  stats.clear();
  const N = 20; const t0 = performance.now();
  for (let i = 0; i < N; i++) { const r = await app.inject({ method: 'GET', url, headers: { cookie } }); if (r.statusCode !== 200) console.log(r.statusCode, r.body.slice(0, 200)); }
  const total = (performance.now() - t0) / N;
  const dbms = [...stats.values()].reduce((a, s) => a + s.ms, 0) / N;
  console.log(`\n${url}: ${total.toFixed(1)} ms/req, db ${dbms.toFixed(1)} ms/req`);
  for (const [k, s] of [...stats].sort((a, b) => b[1].ms - a[1].ms).slice(0, 8)) console.log(`  ${(s.ms / N).toFixed(2)}ms x${s.n / N} ${k}`);
}
process.exit(0);
