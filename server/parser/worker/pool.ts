// Uploads are decoded and parsed in worker threads, never on the server's own thread: a hostile file
// can then exhaust only its worker's heap (the worker dies, the server answers IMPORT_TOO_COMPLEX) or its
// time (the worker is terminated, IMPORT_TIMEOUT), while every other request is served as before.
// A bounded queue turns a flood of uploads into IMPORT_BUSY instead of unbounded memory.
import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import { AppError, errorCatalogue, type ErrorCode } from '../../../shared/errors.js';
import type { DocumentResult, ParseJob, TableResult } from './jobs.js';
import { num } from '../limits.js';
import type { TaskDivisionPreview } from '../../reports/index.js';

export const poolSettings = {
  // two workers measured better than one on a 2-core machine (bench/hostile-upload.bench.ts: p99 of other
  // requests 91–102 ms against 200 ms): one long sheet no longer holds every other upload in the queue
  threads: num('LUOSHI_PARSE_THREADS', Math.max(2, availableParallelism() - 1)),
  queue: num('LUOSHI_PARSE_QUEUE', 16),
  heapMb: num('LUOSHI_PARSE_HEAP_MB', 768),
  timeoutMs: num('LUOSHI_PARSE_TIMEOUT_MS', 60_000),
};

let pool: Piscina | null = null;

function getPool(): Piscina {
  pool ??= new Piscina({
    filename: new URL('./entry.mjs', import.meta.url).href,
    minThreads: 0,
    maxThreads: poolSettings.threads,
    maxQueue: poolSettings.queue,
    idleTimeout: 30_000,
    resourceLimits: { maxOldGenerationSizeMb: poolSettings.heapMb, maxYoungGenerationSizeMb: 64, stackSizeMb: 8 },
  });
  return pool;
}

/** Ends the workers (server shutdown, end of a test file). */
export async function closeParsePool(): Promise<void> {
  const p = pool;
  pool = null;
  await p?.close({ force: true });
}

type Reply<T> = { ok: true; value: T } | { ok: false; code: string | null; details: unknown; message: string };

async function run<T>(job: ParseJob): Promise<T> {
  let reply: Reply<T>;
  // a copy crosses the thread boundary, so the caller's buffer (stored afterwards) is never detached
  const bytes = new Uint8Array(job.bytes);
  try {
    reply = await getPool().run({ ...job, bytes }, { signal: AbortSignal.timeout(poolSettings.timeoutMs), transferList: [bytes.buffer] });
  } catch (e) {
    const err = e as { name?: string; code?: string; message?: string };
    if (err.name === 'AbortError' || err.name === 'TimeoutError') throw new AppError('IMPORT_TIMEOUT', { seconds: poolSettings.timeoutMs / 1000 });
    if (err.code === 'ERR_WORKER_OUT_OF_MEMORY' || /out of memory|heap/i.test(err.message ?? '')) throw new AppError('IMPORT_TOO_COMPLEX', { what: 'memory', maxMb: poolSettings.heapMb });
    if (/queue is full/i.test(err.message ?? '')) throw new AppError('IMPORT_BUSY');
    throw new AppError('IMPORT_CORRUPT', { reason: String(err.message ?? e).slice(0, 200) });
  }
  if (reply.ok) return reply.value;
  if (reply.code && reply.code in errorCatalogue) throw new AppError(reply.code as ErrorCode, (reply.details ?? undefined) as never);
  throw new AppError('IMPORT_CORRUPT', { reason: reply.message });
}

export const parseDocumentInWorker = (job: Omit<Extract<ParseJob, { kind: 'document' }>, 'kind'>) => run<DocumentResult>({ kind: 'document', ...job });
export const readTableInWorker = (job: Omit<Extract<ParseJob, { kind: 'table' }>, 'kind'>) => run<TableResult>({ kind: 'table', ...job });
export const sheetNamesInWorker = (bytes: Uint8Array) => run<string[]>({ kind: 'sheets', bytes });
export const previewTableInWorker = (bytes: Uint8Array, opts: { sheet?: string | number; headerRow?: number }) => run<TaskDivisionPreview>({ kind: 'preview', bytes, ...opts });

/** Changes the pool's caps (tests use small ones); the running workers are ended first. */
export async function configureParsePool(settings: Partial<typeof poolSettings>): Promise<void> {
  await closeParsePool();
  Object.assign(poolSettings, settings);
}
