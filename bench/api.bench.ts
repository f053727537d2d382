// Requests per second for two read routes on the real app (embedded database, demo-sized data), over loopback.
// Run: npx tsx bench/api.bench.ts [seconds] [concurrency]
import { openDb } from '../server/db/client.js';
import { buildApp } from '../server/http/app.js';
import { seedDemo, DEMO_PASSWORD } from '../server/seed/demo.js';

const seconds = Number(process.argv[2] ?? 5);
const concurrency = Number(process.argv[3] ?? 32);
const handle = await openDb(process.env.BENCH_DB ?? 'memory://');
await seedDemo(handle.db);
const app = await buildApp({ db: handle.db, staticDir: '/nonexistent' });
await app.listen({ port: 0, host: '127.0.0.1' });
const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'yc_office', password: DEMO_PASSWORD }) });
const cookie = login.headers.get('set-cookie')!.split(';')[0];

async function run(path: string) {
  let n = 0;
  let errors = 0;
  const lat: number[] = [];
  const end = Date.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (Date.now() < end) {
        const t0 = performance.now();
        const res = await fetch(base + path, { headers: { cookie } });
        await res.arrayBuffer();
        lat.push(performance.now() - t0);
        if (res.ok) n++;
        else errors++;
      }
    }),
  );
  lat.sort((a, b) => a - b);
  return { path, rps: Math.round(n / seconds), p50: lat[Math.floor(lat.length / 2)].toFixed(1), p99: lat[Math.floor(lat.length * 0.99)].toFixed(1), errors };
}

const rows = [await run('/api/auth/me'), await run('/api/plans'), await run('/api/plans/1/tasks?pageSize=50')];
console.log(`| route | req/s | p50 ms | p99 ms | errors |\n|---|---:|---:|---:|---:|`);
for (const r of rows) console.log(`| GET ${r.path} | ${r.rps} | ${r.p50} | ${r.p99} | ${r.errors} |`);
console.log(`(${seconds}s each, ${concurrency} concurrent, ${process.env.BENCH_DB ? 'PostgreSQL server' : 'PGlite in memory'}; node ${process.version}; rss ${Math.round(process.memoryUsage().rss / 1e6)} MB)`);
await app.close();
await handle.close();
