// The file an import reads. An upload arrives as a temporary file already hashed while it streamed
// (server/http/upload.ts), so the server's own thread never holds, copies or hashes it in one piece; the CLI
// and the demo seed pass bytes in memory. Either way the parse worker reads the source itself, and the
// bytes are read back (asynchronously) only when a parsed file is stored.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { ParseSource } from '../parser/worker/jobs.js';

/** how many leading bytes are kept for telling formats apart (an .xlsx names xl/ in its first entries) */
export const HEAD_BYTES = 1 << 16;

export interface ImportFile {
  sha256: string;
  size: number;
  /** the first HEAD_BYTES bytes */
  head: Uint8Array;
  /** what a parse worker reads */
  source: ParseSource;
  /** the whole file, for storing it */
  read(): Promise<Uint8Array>;
}

/** An upload already on disk (path), with the hash, size and head taken while it was written. */
export function importFileAt(path: string, sha256: string, size: number, head: Uint8Array): ImportFile {
  return { sha256, size, head, source: { path }, read: () => readFile(path) };
}

export function importFileOf(bytes: Uint8Array): ImportFile {
  return {
    sha256: createHash('sha256').update(bytes).digest('hex'),
    size: bytes.byteLength,
    head: bytes.subarray(0, HEAD_BYTES),
    source: { bytes },
    read: async () => bytes,
  };
}

/** what importPlan and importTable take: bytes in memory (CLI, seed) or an upload's file */
export type ImportInput = ({ bytes: Uint8Array } | { file: ImportFile }) & { filename: string; regionId?: number | null };

export const importFileOfInput = (input: ImportInput): ImportFile => ('file' in input ? input.file : importFileOf(input.bytes));

/**
 * A file's bytes as the value of a bytea column. PGlite turns a Uint8Array parameter into hex one byte at a time
 * in JavaScript (0.3–0.6 s per MB on the server's own thread); Node's native hex encoding and the database's
 * decode() take a fraction of that (docs/benchmarks.md). node-postgres sends the same hex text either way.
 */
export function byteaValue(bytes: Uint8Array): SQL {
  return sql`decode(${Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex')}, 'hex')`;
}

/** A bytea column read back as hex and turned into bytes natively (PGlite parses bytea one byte at a time, too). */
export const byteaColumn = (column: AnyColumn) => sql<Buffer>`encode(${column}, 'hex')`.mapWith((hex: string) => Buffer.from(hex, 'hex'));
