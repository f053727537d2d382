// What runs inside a parse worker: decoding and parsing of one upload, or the reading of one workbook.
// Every job is a plain function of plain data (it crosses a thread boundary), and returns plain data.
// An upload arrives as the path of its temporary file (server/http/upload.ts): the worker reads it, so the
// server's own thread never holds, copies or hashes the whole file at once.
import { readFile } from 'node:fs/promises';
import type { ParsedPlan } from '../../../shared/parsedPlan.js';
import type { RegistryUnit } from '../types.js';
import { decodeInput, type DecodedInput } from '../decode.js';
import { parseText } from '../index.js';
import { checkExpandedSize } from '../limits.js';
import { readTaskDivisionTable, toParsedPlan, type ColumnMapping, type TaskDivisionPreview } from '../../reports/index.js';

/** what a job reads: an upload's temporary file, or bytes already in memory (a stored document, the CLI) */
export type ParseSource = { path: string } | { bytes: Uint8Array };

export type ParseJob =
  | { kind: 'document'; source: ParseSource; filename: string; registry: RegistryUnit[]; region: string | null }
  | { kind: 'table'; source: ParseSource; registry: RegistryUnit[]; sheet?: string | number; headerRow?: number; mapping?: ColumnMapping; title?: string; region?: string | null }
  | { kind: 'preview'; source: ParseSource; sheet?: string | number; headerRow?: number }
  | { kind: 'sheets'; source: ParseSource };

export interface DocumentResult {
  decoded: DecodedInput;
  parsed: ParsedPlan;
}
export interface TableResult {
  preview: TaskDivisionPreview;
  parsed: ParsedPlan;
}

/** a Buffer seen as a plain Uint8Array (what the decoders got when bytes were cloned across), without a copy */
const plain = (b: Buffer) => new Uint8Array(b.buffer, b.byteOffset, b.byteLength);

export async function runJob(job: ParseJob): Promise<DocumentResult | TableResult | TaskDivisionPreview | string[]> {
  const bytes = 'path' in job.source ? plain(await readFile(job.source.path)) : job.source.bytes;
  checkExpandedSize(bytes);
  if (job.kind === 'document') {
    const decoded = await decodeInput(bytes, job.filename);
    const parsed = parseText(decoded.text, { registry: job.registry, region: job.region, includeText: false }, { format: decoded.format, encoding: decoded.encoding });
    return { decoded, parsed };
  }
  if (job.kind === 'table') {
    const preview = await readTaskDivisionTable(bytes, { sheet: job.sheet, headerRow: job.headerRow, mapping: job.mapping });
    const parsed = toParsedPlan(preview, job.mapping ?? preview.mapping, { title: job.title, region: job.region ?? undefined, registry: job.registry });
    return { preview, parsed };
  }
  if (job.kind === 'preview') return readTaskDivisionTable(bytes, { sheet: job.sheet, headerRow: job.headerRow });
  const ExcelJS = (await import('exceljs')).default;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer);
  return wb.worksheets.map((w) => w.name);
}
