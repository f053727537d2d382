// The app as `luoshi serve` runs it (no scheduler), for bench/city.bench.ts, plus two bench-only routes:
//   GET  /__bench/bare       the floor: a route that does nothing, behind the same hooks (session, compression)
//   POST/GET /__bench/same   the floor of an answer's size: GET sends the bytes POSTed (a route's compressed answer)
//   GET  /__bench/idle       answers once no statement has run for 0.5 s (the bench waits for it between routes)
//   POST /__bench/capture    {path, cookie, fresh?}: runs one request (fresh: with the answer cache off) and answers the
//                            SQL statements it sent, with their values
// Prints "listening <port>" when ready. DATABASE_URL names the database (a PGlite data directory too); LUOSHI_BENCH_LAZY_POOL=1 leaves the pool's
// connections to open in the first requests (as before `openConnections`, for a before/after pair); LUOSHI_WARM_UP=0 leaves out
// the start's warm-up pass (http/warmUp.ts); LUOSHI_WARM_UP_HTTP=0 runs its passes as saveReport calls, not through the
// HTTP route (phase 10's warm-up, for a before/after pair).
import pg from 'pg';
import { openDb } from '../../server/db/client.js';
import { buildApp } from '../../server/http/app.js';
import { changeClockOf } from '../../server/db/changeClock.js';
import { warmUpSubmissions } from '../../server/http/warmUp.js';

let captured: { text: string; values: unknown[] }[] | null = null;
const query = pg.Client.prototype.query as (...a: unknown[]) => unknown;
(pg.Client.prototype as unknown as { query: unknown }).query = function (this: pg.Client, config: unknown, values?: unknown, cb?: unknown) {
  if (captured) {
    const c = config as { text?: string; values?: unknown[] };
    captured.push({ text: typeof config === 'string' ? config : (c.text ?? ''), values: (Array.isArray(values) ? values : c.values) ?? [] });
  }
  return query.call(this, config, values, cb);
};

const handle = await openDb(process.env.DATABASE_URL);
const app = await buildApp({ db: handle.db, staticDir: '/nonexistent' });
app.get('/__bench/bare', async () => ({ ok: true }));
// the floor of an answer's size (city.bench.ts --floor-same): the bytes of a route's answer as its client received them
// (compressed), set once by POST with their content-encoding, then sent as they are by GET behind the same hooks — the
// socket's and the client's share of a big answer, without the route's gate, cache lookup or handler
let same: { body: Buffer; encoding?: string } = { body: Buffer.alloc(0) };
app.addContentTypeParser('application/octet-stream', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));
app.post('/__bench/same', async (req) => {
  const encoding = req.headers['x-content-encoding'];
  same = { body: req.body as Buffer, encoding: typeof encoding === 'string' && encoding ? encoding : undefined };
  return { bytes: same.body.length };
});
app.get('/__bench/same', async (_req, reply) => {
  reply.type('application/json; charset=utf-8');
  if (same.encoding) reply.header('content-encoding', same.encoding);
  return reply.send(same.body);
});
// requests whose client gave up at the end of a run are still being answered: busy until the pool has been idle 0.5 s
// (PGlite, one connection in this thread: until no other request has been open for 0.5 s)
const pool = (handle.db as unknown as { $client: pg.Pool }).$client;
// (the count only on PGlite: on PostgreSQL the pool says it, and the bare route the floor is measured on stays hook-free)
let open = 0;
if (handle.kind === 'pglite') {
  app.addHook('onRequest', async () => void open++);
  app.addHook('onResponse', async () => void open--);
}
const busy = () => (handle.kind === 'pg' ? pool.totalCount - pool.idleCount > 0 || pool.waitingCount > 0 : open > 1);
app.get('/__bench/idle', async () => {
  for (let quiet = 0, i = 0; i < 1200; i++) {
    quiet = busy() ? 0 : quiet + 1;
    if (quiet >= 5) return { idle: true };
    await new Promise((r) => setTimeout(r, 100));
  }
  return { idle: false };
});
app.post('/__bench/capture', async (req) => {
  const { path, cookie, fresh } = req.body as { path: string; cookie: string; fresh?: boolean };
  captured = [];
  // fresh: with the answer cache off for this one request (what a miss sends; the bench is idle meanwhile)
  const was = process.env.LUOSHI_ANSWER_CACHE_MS;
  if (fresh) process.env.LUOSHI_ANSWER_CACHE_MS = '0';
  try {
    const res = await app.inject({ method: 'GET', url: path, headers: { cookie } });
    return { status: res.statusCode, bytes: res.rawPayload.length, statements: captured };
  } finally {
    captured = null;
    if (fresh) {
      if (was === undefined) delete process.env.LUOSHI_ANSWER_CACHE_MS;
      else process.env.LUOSHI_ANSWER_CACHE_MS = was;
    }
  }
});
// as `luoshi serve` does: the pool's connections open before the first request (db/client.ts)
if (!process.env.LUOSHI_BENCH_LAZY_POOL) await handle.openConnections();
// as `luoshi serve` does: submission passes on every connection through the HTTP route, rolled back (http/warmUp.ts;
// LUOSHI_WARM_UP=0: not)
if (process.env.LUOSHI_WARM_UP !== '0') {
  const t0 = performance.now();
  const w = await warmUpSubmissions(handle, process.env.LUOSHI_WARM_UP_HTTP === '0' ? undefined : app);
  console.error(`[server] warm-up: ${w.complete} of ${w.connections} connections ran a submission, ${w.passes} passes${w.http ? ' through HTTP' : ''}, rolled back (${(performance.now() - t0).toFixed(0)} ms)`);
}
// the answer cache's change clock listening before the first request (db/changeClock.ts)
for (let i = 0; i < 100 && changeClockOf(handle.db)?.listening === false; i++) await new Promise((r) => setTimeout(r, 50));
await app.listen({ port: Number(process.env.PORT ?? 0), host: '127.0.0.1' });
console.log(`listening ${(app.server.address() as { port: number }).port}`);
const stop = async () => {
  await app.close();
  await handle.close();
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
