// A short server cache of answers (issue #15): a plan's status, its status dashboard, its ranking, its board, its
// coverage matrix, the task lists (a plan's, a unit's own, the task search), the plan list and plan search. The key holds everything the answer
// depends on: the route and its normalised query, the calendar date, and — where the answer is read through the
// policy's scopes — the actor's scope (policy.ts `scopeKey`). The route table has already checked that the actor may
// see the record before the cache is asked, so a cached answer is never shown to someone who could not have computed it.
//
// Kept only while nothing changed: every change writes an audit row in its own transaction (house rule). The stamp an
// entry is kept under is read before any statement of its answer: the change clock's count of the database's change
// notifications (db/changeClock.ts — no statement; this process's own transactions move it as they commit), or, while
// the clock is not listening, the database's change stamp (db/changeStamp.ts: the newest audit id, with the oldest open
// writer — one index lookup). An entry from another stamp is dropped. The date is part of the key (statuses move with
// the calendar). A TTL (LUOSHI_ANSWER_CACHE_MS, 10 s by default; 0 turns the cache off) bounds what neither can see (a
// change written without an audit row); past it, an entry whose stamp still holds is sent while one request works out
// its replacement (no fifty-client stall).
// The JSON is made once per entry and compressed once per encoding; an ETag answers 304 to a client that has it.
import { createHash } from 'node:crypto';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.js';
import { changeStampColumn, stampOf } from '../db/changeStamp.js';
import { changeClockOf } from '../db/changeClock.js';
import { JsonText } from '../jsonText.js';

interface Entry {
  stamp: string;
  at: number;
  value: unknown;
  json?: string;
  /** the JSON's UTF-8 bytes, made once: a string answer would be measured and encoded again for every client */
  body?: Buffer;
  etag?: string;
  br?: Buffer;
  gzip?: Buffer;
}

/**
 * At most this many answers per database, and at most this many bytes of their text (JSON and its compressed forms:
 * a plan's status of 300 tasks is ~80 KB of JSON, ~12 KB compressed; a list page of 50 tasks ~60 KB, ~10 KB). The
 * least recently used go first.
 */
const MAX_ENTRIES = 2000;
const MAX_BYTES = 64 * 1024 * 1024;
interface Cache {
  entries: Map<string, Entry>;
  pending: Map<string, Promise<Entry>>;
  bytes: number;
  /** the key used last (already last in `entries`: a hit on it need not move it) */
  lastKey?: string;
}
/** per database handle (a process may hold more than one: tests, two instances in one process) */
const caches = new WeakMap<object, Cache>();
function cacheOf(db: DbOrTx): Cache {
  let c = caches.get(db);
  if (!c) caches.set(db, (c = { entries: new Map(), pending: new Map(), bytes: 0 }));
  return c;
}
const sizeOf = (e: Entry) => (e.json?.length ?? 0) * 2 + (e.body?.length ?? 0) + (e.br?.length ?? 0) + (e.gzip?.length ?? 0);
function remove(c: Cache, key: string) {
  const e = c.entries.get(key);
  if (!e) return;
  c.bytes -= sizeOf(e);
  c.entries.delete(key);
}
/** counts what an entry holds now (its text made, a compressed form added), then drops the oldest over the limits */
function account(c: Cache, e: Entry, before: number) {
  c.bytes += sizeOf(e) - before;
  while ((c.entries.size > MAX_ENTRIES || c.bytes > MAX_BYTES) && c.entries.size > 1) remove(c, c.entries.keys().next().value!);
}

export const answerCacheMs = () => Number(process.env.LUOSHI_ANSWER_CACHE_MS ?? 10_000);

/**
 * The stamp an answer is kept under, read before any of its statements: the change clock's count while it receives the
 * database's notifications (db/changeClock.ts: no statement), else the database's change stamp (db/changeStamp.ts).
 */
async function changeStamp(db: DbOrTx): Promise<string> {
  const counted = changeClockOf(db)?.stamp();
  if (counted) return counted;
  return databaseStamp(db);
}
async function databaseStamp(db: DbOrTx): Promise<string> {
  const rows = (await db.execute(sql`select ${changeStampColumn} as id`)) as unknown as { rows?: { id: string | null }[] } | { id: string | null }[];
  const list = Array.isArray(rows) ? rows : (rows.rows ?? []);
  return stampOf(list[0]?.id);
}

/** The entry of this key made under this stamp, within its lifetime, or undefined; a hit becomes the most recently used. */
function liveEntry(c: Cache, key: string, stamp: string, ttl: number): Entry | undefined {
  const hit = c.entries.get(key);
  if (!hit || hit.stamp !== stamp || Date.now() - hit.at >= ttl) return undefined;
  // most recently used last: the first key is the one to drop
  if (c.lastKey !== key) {
    c.entries.delete(key);
    c.entries.set(key, hit);
    c.lastKey = key;
  }
  return hit;
}

async function entryFor(db: DbOrTx, key: string, compute: () => Promise<unknown>, knownStamp?: string): Promise<Entry> {
  const c = cacheOf(db);
  const { entries, pending } = c;
  const stamp = knownStamp ?? (await changeStamp(db));
  const ttl = answerCacheMs();
  const live = liveEntry(c, key, stamp, ttl);
  if (live) return live;
  const hit = entries.get(key);
  // one computation per key and stamp: fifty clients missing together wait for the same one
  const flight = `${key}\u0000${stamp}`;
  let p = pending.get(flight);
  if (!p) {
    p = (async () => {
      const value = await compute();
      const entry: Entry = { stamp, at: Date.now(), value };
      // an answer that is JSON text already (a task list: http/routes/tasks.ts) is kept as that text
      if (value instanceof JsonText) {
        entry.json = value.text;
        entry.value = undefined;
      }
      remove(c, key);
      entries.set(key, entry);
      c.lastKey = key;
      account(c, entry, 0);
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

/** A value shared by everyone who may see it (callers must not change it), cached as above. Not for JSON text. */
export async function cachedValue<T>(db: DbOrTx, key: string, compute: () => Promise<T>): Promise<T> {
  if (answerCacheMs() <= 0) return compute();
  return (await entryFor(db, key, compute)).value as T;
}

/** An answer as a handler returns it: JSON text (JsonText) goes out as it is. */
function asAnswer(reply: FastifyReply, value: unknown): unknown {
  if (!(value instanceof JsonText)) return value;
  reply.type('application/json; charset=utf-8');
  return value.text;
}

/**
 * Sends a whole answer from the cache: the JSON made once (or the JSON text `compute` gives, server/jsonText.ts),
 * compressed once per encoding (brotli, else gzip), an ETag, 304 when the client already has it. Returns the reply (the
 * handler's result). `opts.stamp`: the stamp the caller read in this request before any statement of the answer (the
 * route gate's `owner.stamp`: the change clock's count, or db/changeStamp.ts `changeStampColumn`), else it is read here. With the cache off the answer is computed and sent as
 * the handler would have sent it.
 */
export async function sendCachedAnswer(db: DbOrTx, req: FastifyRequest, reply: FastifyReply, key: string, compute: () => Promise<unknown>, opts: { stamp?: string } = {}): Promise<unknown> {
  const ttl = answerCacheMs();
  if (ttl <= 0) return asAnswer(reply, await compute());
  const c = cacheOf(db);
  // a hit with the stamp in hand (the gate's, or the change clock's) is found without waiting on anything
  const stamp = opts.stamp ?? changeClockOf(db)?.stamp() ?? undefined;
  const e = (stamp !== undefined ? liveEntry(c, key, stamp, ttl) : undefined) ?? (await entryFor(db, key, compute, stamp));
  const size = sizeOf(e);
  if (e.json === undefined) {
    e.json = JSON.stringify(e.value);
    e.value = undefined; // the text is what is sent from now on: the objects are not kept
  }
  e.etag ??= `"a${e.stamp}-${createHash('sha1').update(e.json).digest('base64url').slice(0, 16)}"`;
  // private: the answer is for signed-in users who may see the plan; no-cache: asked again each time (304 if unchanged)
  reply.header('etag', e.etag).header('cache-control', 'private, no-cache').header('vary', 'accept-encoding, cookie');
  if (req.headers['if-none-match'] === e.etag) return reply.code(304).send();
  reply.type('application/json; charset=utf-8');
  const accepted = String(req.headers['accept-encoding'] ?? '');
  if (e.json.length >= 1024 && /\bbr\b/.test(accepted)) {
    e.br ??= brotliCompressSync(e.json, { params: { [zlib.BROTLI_PARAM_QUALITY]: 5 } });
    if (c.entries.get(key) === e) account(c, e, size);
    return reply.header('content-encoding', 'br').send(e.br);
  }
  if (e.json.length >= 1024 && /\bgzip\b/.test(accepted)) {
    e.gzip ??= gzipSync(e.json);
    if (c.entries.get(key) === e) account(c, e, size);
    return reply.header('content-encoding', 'gzip').send(e.gzip);
  }
  e.body ??= Buffer.from(e.json);
  if (c.entries.get(key) === e) account(c, e, size);
  return reply.send(e.body);
}

/** Tests: forget every entry of a database. */
export function clearAnswerCache(db: DbOrTx): void {
  const c = cacheOf(db);
  c.entries.clear();
  c.bytes = 0;
}
