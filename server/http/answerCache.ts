// A short server cache for answers that are the same for everyone who may see them (issue #15): a plan's status, its
// status dashboard, its ranking, the actor-free part of its board. Only for routes whose answer does not depend on who
// asks — the route table has already checked that the actor may see the record before the cache is asked, so a
// cached answer is never shown to someone who could not have computed it.
//
// Kept only while nothing changed: every change writes an audit row in its own transaction (house rule), so the newest
// audit id is a stamp of the data — read per request with one index lookup; an entry from another stamp is dropped.
// The date is part of the key (statuses move with the calendar). A TTL (LUOSHI_ANSWER_CACHE_MS, 10 s by default;
// 0 turns the cache off) bounds what the stamp cannot see: a transaction that committed after a newer one; past it,
// an entry whose stamp still holds is sent while one request works out its replacement (no fifty-client stall).
// The JSON is made once per entry and compressed once per encoding; an ETag answers 304 to a client that has it.
import { createHash } from 'node:crypto';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.js';
import { changeStampColumn, stampOf } from '../db/changeStamp.js';

interface Entry {
  stamp: string;
  at: number;
  value: unknown;
  json?: string;
  etag?: string;
  br?: Buffer;
  gzip?: Buffer;
}

/** at most this many answers per database (a plan's status of 300 tasks is ~80 KB of JSON, ~12 KB compressed) */
const MAX_ENTRIES = 300;
/** per database handle (a process may hold more than one: tests, two instances in one process) */
const caches = new WeakMap<object, { entries: Map<string, Entry>; pending: Map<string, Promise<Entry>> }>();
function cacheOf(db: DbOrTx) {
  let c = caches.get(db);
  if (!c) caches.set(db, (c = { entries: new Map(), pending: new Map() }));
  return c;
}

export const answerCacheMs = () => Number(process.env.LUOSHI_ANSWER_CACHE_MS ?? 10_000);

/** The newest audit id: moves with every committed change (each writes an audit row in its transaction). */
async function changeStamp(db: DbOrTx): Promise<string> {
  const rows = (await db.execute(sql`select ${changeStampColumn} as id`)) as unknown as { rows?: { id: number | null }[] } | { id: number | null }[];
  const list = Array.isArray(rows) ? rows : (rows.rows ?? []);
  return stampOf(list[0]?.id);
}

async function entryFor(db: DbOrTx, key: string, compute: () => Promise<unknown>, knownStamp?: string): Promise<Entry> {
  const { entries, pending } = cacheOf(db);
  const stamp = knownStamp ?? (await changeStamp(db));
  const ttl = answerCacheMs();
  const hit = entries.get(key);
  if (hit && hit.stamp === stamp && Date.now() - hit.at < ttl) return hit;
  // one computation per key and stamp: fifty clients missing together wait for the same one
  const flight = `${key}\u0000${stamp}`;
  let p = pending.get(flight);
  if (!p) {
    p = (async () => {
      const entry: Entry = { stamp, at: Date.now(), value: await compute() };
      entries.delete(key);
      entries.set(key, entry);
      if (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!);
      return entry;
    })().finally(() => pending.delete(flight));
    pending.set(flight, p);
  }
  // only the lifetime ran out and nothing changed: the answer in hand is still right for this stamp — it is sent while
  // one request works the next one out (the calendar's day is in the key), so fifty clients do not all wait at once.
  // A changed stamp never gets the old answer.
  if (hit && hit.stamp === stamp) {
    p.catch(() => undefined);
    return hit;
  }
  return p;
}

/** A value shared by everyone who may see it (callers must not change it), cached as above. */
export async function cachedValue<T>(db: DbOrTx, key: string, compute: () => Promise<T>): Promise<T> {
  if (answerCacheMs() <= 0) return compute();
  return (await entryFor(db, key, compute)).value as T;
}

/**
 * Sends a whole answer from the cache: the JSON made once, compressed once per encoding (brotli, else gzip), an ETag,
 * 304 when the client already has it. Returns the reply (the handler's result). `opts.stamp`: the stamp the caller read
 * in this request (db/changeStamp.ts `changeStampColumn`), else it is read here.
 */
export async function sendCachedAnswer(db: DbOrTx, req: FastifyRequest, reply: FastifyReply, key: string, compute: () => Promise<unknown>, opts: { stamp?: string } = {}): Promise<unknown> {
  if (answerCacheMs() <= 0) return compute();
  const e = await entryFor(db, key, compute, opts.stamp);
  if (e.json === undefined) {
    e.json = JSON.stringify(e.value);
    e.etag = `"a${e.stamp}-${createHash('sha1').update(e.json).digest('base64url').slice(0, 16)}"`;
    e.value = undefined; // the text is what is sent from now on: the objects are not kept
  }
  // private: the answer is for signed-in users who may see the plan; no-cache: asked again each time (304 if unchanged)
  reply.header('etag', e.etag).header('cache-control', 'private, no-cache').header('vary', 'accept-encoding, cookie');
  if (req.headers['if-none-match'] === e.etag) return reply.code(304).send();
  reply.type('application/json; charset=utf-8');
  const accepted = String(req.headers['accept-encoding'] ?? '');
  if (e.json.length >= 1024 && /\bbr\b/.test(accepted)) {
    e.br ??= brotliCompressSync(e.json, { params: { [zlib.BROTLI_PARAM_QUALITY]: 5 } });
    return reply.header('content-encoding', 'br').send(e.br);
  }
  if (e.json.length >= 1024 && /\bgzip\b/.test(accepted)) {
    e.gzip ??= gzipSync(e.json);
    return reply.header('content-encoding', 'gzip').send(e.gzip);
  }
  return reply.send(e.json);
}

/** Tests: forget every entry of a database. */
export function clearAnswerCache(db: DbOrTx): void {
  cacheOf(db).entries.clear();
}
