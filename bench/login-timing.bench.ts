// Login answer time for an unknown name, a known name with a wrong password, and a disabled account, through the real
// app (Fastify inject, embedded database). Each attempt uses its own name and its own address, so no throttling or
// slowing delay is involved; the cases alternate so machine load falls on all of them alike.
// Run: npx tsx bench/login-timing.bench.ts [rounds]   (figures in docs/benchmarks.md; timing is never asserted in tests)
import { eq } from 'drizzle-orm';
import { openDb } from '../server/db/client.js';
import { users } from '../server/db/schema/index.js';
import { buildApp } from '../server/http/app.js';
import { addUser } from '../server/operations/addUser.js';
import { systemActor } from '../server/policy.js';

const rounds = Number(process.argv[2] ?? 40);
const handle = await openDb(process.env.BENCH_DB ?? 'memory://');
const app = await buildApp({ db: handle.db, staticDir: '/nonexistent' });
await app.ready();

const strong = 'Bench-Known-Pass-42';
const known: string[] = [];
const disabled: string[] = [];
for (let i = 0; i < rounds; i++) {
  known.push((await addUser(handle.db, systemActor, { username: `bench_k${i}`, displayName: '基准', password: strong, roles: ['office'] })).username);
  const d = await addUser(handle.db, systemActor, { username: `bench_d${i}`, displayName: '基准', password: strong, roles: ['office'] });
  await handle.db.update(users).set({ disabled: true }).where(eq(users.id, d.id));
  disabled.push(d.username);
}

let addr = 0;
const nextAddress = () => `10.${(++addr >> 16) & 255}.${(addr >> 8) & 255}.${addr & 255}`;
async function attempt(username: string) {
  const t0 = performance.now();
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: 'Wrong-Guess-99' }, remoteAddress: nextAddress() });
  return { ms: performance.now() - t0, status: res.statusCode, body: res.body };
}

// warm-up (the first unknown name computes the dummy hash)
for (let i = 0; i < 3; i++) await attempt(`warm_${i}`);

const cases = { 'unknown name': [] as number[], 'known name, wrong password': [] as number[], 'disabled account, wrong password': [] as number[] };
const answers = new Map<string, Set<string>>();
for (let i = 0; i < rounds; i++) {
  const order: [keyof typeof cases, string][] = [
    ['unknown name', `nobody_${i}`],
    ['known name, wrong password', known[i]],
    ['disabled account, wrong password', disabled[i]],
  ];
  if (i % 2) order.reverse();
  for (const [k, name] of order) {
    const r = await attempt(name);
    cases[k].push(r.ms);
    answers.set(k, (answers.get(k) ?? new Set()).add(`${r.status} ${r.body}`));
  }
}

const q = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];
console.log('| case | median ms | p10 ms | p90 ms | answers |\n|---|---:|---:|---:|---|');
for (const [k, xs] of Object.entries(cases)) console.log(`| ${k} | ${q(xs, 0.5).toFixed(1)} | ${q(xs, 0.1).toFixed(1)} | ${q(xs, 0.9).toFixed(1)} | ${[...answers.get(k)!].join(' / ')} |`);
const med = (k: keyof typeof cases) => q(cases[k], 0.5);
console.log(`known/unknown median ratio: ${(med('known name, wrong password') / med('unknown name')).toFixed(2)}; ${rounds} rounds, ${process.env.BENCH_DB ? 'PostgreSQL' : 'PGlite in memory'}, node ${process.version}`);
await app.close();
await handle.close();
