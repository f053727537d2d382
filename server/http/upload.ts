// The one uploaded file of a multipart request, with the import size limit and an optional regionId field.
// The file streams to a temporary file and is hashed chunk by chunk on its way there, so the server's own
// thread never gathers, copies or hashes a whole upload at once (a 20 MB upload read into memory used to stall
// every other request for a few hundred ms); the parse worker reads the file by its path. withUpload removes
// the file whatever happens: success, a refused or failed file, an error, a client that goes away mid-upload.
import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../../shared/errors.js';
import { idStringSchema } from '../../shared/input.js';
import { HEAD_BYTES, importFileAt, type ImportFile } from '../operations/importFile.js';
import { assertWellFormed } from './edge.js';

export const MAX_UPLOAD = 20 * 1024 * 1024;

export interface Upload {
  file: ImportFile;
  filename: string;
  regionId: number | null;
}

/** where uploads wait while they are read: LUOSHI_UPLOAD_DIR, else luoshi-uploads in the system's temporary directory */
export const uploadDir = () => process.env.LUOSHI_UPLOAD_DIR || join(tmpdir(), 'luoshi-uploads');

const STALE_MS = 60 * 60 * 1000;
const ready = new Map<string, Promise<void>>();

/** Creates the directory (owner only) once per process and removes what a killed process left there (files older than an hour). */
function prepare(dir: string): Promise<void> {
  let p = ready.get(dir);
  if (!p) {
    p = (async () => {
      await mkdir(dir, { recursive: true, mode: 0o700 });
      const cutoff = Date.now() - STALE_MS;
      for (const name of await readdir(dir).catch(() => [] as string[])) {
        if (!name.endsWith('.upload')) continue;
        const at = join(dir, name);
        const s = await stat(at).catch(() => null);
        if (s && s.mtimeMs < cutoff) await rm(at, { force: true });
      }
    })();
    p.catch(() => ready.delete(dir));
    ready.set(dir, p);
  }
  return p;
}

/** Receives the request's file into a temporary file, runs `use` with it, and removes the file afterwards in every case. */
export async function withUpload<T>(req: FastifyRequest, use: (upload: Upload) => Promise<T>): Promise<T> {
  const dir = uploadDir();
  await prepare(dir);
  const path = join(dir, `${randomUUID()}.upload`);
  try {
    return await use(await receive(req, path));
  } finally {
    await rm(path, { force: true });
  }
}

async function receive(req: FastifyRequest, path: string): Promise<Upload> {
  const file = await req.file();
  if (!file) throw new AppError('IMPORT_EMPTY');
  const hash = createHash('sha256');
  const head: Buffer[] = [];
  let size = 0;
  let headSize = 0;
  const tap = new Transform({
    transform(chunk: Buffer, _enc, done) {
      hash.update(chunk);
      size += chunk.length;
      if (headSize < HEAD_BYTES) {
        const part = chunk.subarray(0, HEAD_BYTES - headSize);
        head.push(Buffer.from(part));
        headSize += part.length;
      }
      done(null, chunk);
    },
  });
  try {
    await pipeline(file.file, tap, createWriteStream(path, { flags: 'wx', mode: 0o600 }));
  } catch (e) {
    if ((e as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE' || file.file.truncated) throw new AppError('IMPORT_TOO_LARGE');
    throw e;
  }
  // the multipart limit is one byte over MAX_UPLOAD, so a file over the limit arrives truncated and too long
  if (file.file.truncated || size > MAX_UPLOAD) throw new AppError('IMPORT_TOO_LARGE');
  // the form's text fields and the file name pass the same edge check as a JSON body; regionId is an id
  const fields = file.fields as Record<string, { type?: string; value?: unknown } | { type?: string; value?: unknown }[] | undefined>;
  const values = Object.fromEntries(Object.entries(fields).map(([k, f]) => [k, (Array.isArray(f) ? f : [f]).filter((x) => x?.type === 'field').map((x) => x!.value)]));
  assertWellFormed({ filename: file.filename, fields: values });
  const field = (fields.regionId && !Array.isArray(fields.regionId) ? fields.regionId : undefined)?.value;
  let regionId: number | null = null;
  if (field !== undefined && field !== '') {
    const parsed = idStringSchema.safeParse(field);
    if (!parsed.success) throw new AppError('VALIDATION_FAILED', parsed.error.issues.map((i) => ({ ...i, path: ['regionId'] })));
    regionId = parsed.data;
  }
  return { file: importFileAt(path, hash.digest('hex'), size, Buffer.concat(head)), filename: file.filename || 'upload', regionId };
}
