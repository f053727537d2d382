// Uploads are decoded and parsed in worker threads, never on the server's own thread: a hostile file
// can then exhaust only its worker's heap (the worker dies, the server answers IMPORT_TOO_COMPLEX) or its
// time (the worker is terminated, IMPORT_TIMEOUT), while every other request is served as before.
// A bounded queue turns a flood of uploads into IMPORT_BUSY instead of unbounded memory.
import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import { AppError, errorCatalogue, type ErrorCode } from '../../../shared/errors.js';
import type { DocumentResult, ParseJob, ParseSource, TableResult } from './jobs.js';
import { num } from '../limits.js';
import type { TaskDivisionPreview } from '../../reports/index.js';

export const poolSettings = {
  // two workers measured better than one on a 2-core machine (bench/hostile-upload.bench.ts: p99 of other
  // requests 91–102 ms against 200 ms): one long sheet no longer holds every other upload in the queue
  threads: num('LUOSHI_PARSE_THREADS', Math.max(2, availableParallelism() - 1)),
  queue: num('LUOSHI_PARSE_QUEUE', 16),
  heapMb: num('LUOSHI_PARSE_HEAP_MB', 768),
  timeoutMs: num('LUOSHI_PARSE_TIMEOUT_MS', 60_000),
  // parse threads run at a lower CPU priority than the server's own thread (Linux, where a thread has its own
  // nice value): on a machine with few cores a long parse then takes what the requests leave, rather than
  // half of it (bench/hostile-upload.bench.ts). 0 = the server's own priority; at most 19.
  nice: Math.min(19, Math.max(0, Math.round(Number(process.env.LUOSHI_PARSE_NICE ?? 10) || 0))),
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
    workerData: { nice: poolSettings.nice },
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
  // an upload's temporary file is read by the worker; bytes in memory cross as a copy (transferred), so the
  // caller's buffer (stored afterwards) is never detached
  const bytes = 'bytes' in job.source ? new Uint8Array(job.source.bytes) : null;
  try {
    reply = await getPool().run(bytes ? { ...job, source: { bytes } } : job, { signal: AbortSignal.timeout(poolSettings.timeoutMs), transferList: bytes ? [bytes.buffer] : [] });
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

type Job<K extends ParseJob['kind']> = Omit<Extract<ParseJob, { kind: K }>, 'kind'>;
export const parseDocumentInWorker = (job: Job<'document'>) => run<DocumentResult>({ kind: 'document', ...job });
export const readTableInWorker = (job: Job<'table'>) => run<TableResult>({ kind: 'table', ...job });
export const sheetNamesInWorker = (source: ParseSource) => run<string[]>({ kind: 'sheets', source });
export const previewTableInWorker = (source: ParseSource, opts: { sheet?: string | number; headerRow?: number }) => run<TaskDivisionPreview>({ kind: 'preview', source, ...opts });

/** Changes the pool's caps (tests use small ones); the running workers are ended first. */
export async function configureParsePool(settings: Partial<typeof poolSettings>): Promise<void> {
  await closeParsePool();
  Object.assign(poolSettings, settings);
}
