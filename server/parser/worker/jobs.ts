// What runs inside a parse worker: decoding and parsing of one upload, or the reading of one workbook.
// Every job is a plain function of plain data (it crosses a thread boundary), and returns plain data.
import type { ParsedPlan } from '../../../shared/parsedPlan.js';
import type { RegistryUnit } from '../types.js';
import { decodeInput, type DecodedInput } from '../decode.js';
import { parseText } from '../index.js';
import { checkExpandedSize } from '../limits.js';
import { readTaskDivisionTable, toParsedPlan, type ColumnMapping, type TaskDivisionPreview } from '../../reports/index.js';

export type ParseJob =
  | { kind: 'document'; bytes: Uint8Array; filename: string; registry: RegistryUnit[]; region: string | null }
  | { kind: 'table'; bytes: Uint8Array; registry: RegistryUnit[]; sheet?: string | number; headerRow?: number; mapping?: ColumnMapping; title?: string; region?: string | null }
  | { kind: 'preview'; bytes: Uint8Array; sheet?: string | number; headerRow?: number }
  | { kind: 'sheets'; bytes: Uint8Array };

export interface DocumentResult {
  decoded: DecodedInput;
  parsed: ParsedPlan;
}
export interface TableResult {
  preview: TaskDivisionPreview;
  parsed: ParsedPlan;
}

export async function runJob(job: ParseJob): Promise<DocumentResult | TableResult | TaskDivisionPreview | string[]> {
  checkExpandedSize(job.bytes);
  if (job.kind === 'document') {
    const decoded = await decodeInput(job.bytes, job.filename);
    const parsed = parseText(decoded.text, { registry: job.registry, region: job.region, includeText: false }, { format: decoded.format, encoding: decoded.encoding });
    return { decoded, parsed };
  }
  if (job.kind === 'table') {
    const preview = await readTaskDivisionTable(job.bytes, { sheet: job.sheet, headerRow: job.headerRow, mapping: job.mapping });
    const parsed = toParsedPlan(preview, job.mapping ?? preview.mapping, { title: job.title, region: job.region ?? undefined, registry: job.registry });
    return { preview, parsed };
  }
  if (job.kind === 'preview') return readTaskDivisionTable(job.bytes, { sheet: job.sheet, headerRow: job.headerRow });
  const ExcelJS = (await import('exceljs')).default;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(job.bytes.buffer, job.bytes.byteOffset, job.bytes.byteLength) as unknown as ArrayBuffer);
  return wb.worksheets.map((w) => w.name);
}
