// Reading an uploaded workbook, one way for every Excel import (任务分工表, project list, reporting ledger, check-up
// values): loaded or refused as IMPORT_CORRUPT, refused past a row cap counted over all its sheets, a row read as the
// texts of its cells (cellText), and the header row found among the first rows by the caller's own score.
import ExcelJS from 'exceljs';
import { AppError } from '../../../shared/errors.js';
import { limits, tooComplex } from '../../parser/limits.js';
import { cellText } from './cellText.js';

/** The workbook in `bytes`; IMPORT_CORRUPT if it is none, IMPORT_TOO_COMPLEX (sheetRows) past `maxRows` rows in all. */
export async function loadWorkbook(bytes: Uint8Array | ArrayBuffer, maxRows: number = limits.sheetRows): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as ArrayBuffer);
  } catch {
    throw new AppError('IMPORT_CORRUPT');
  }
  const total = wb.worksheets.reduce((n, w) => n + w.rowCount, 0);
  if (total > maxRows) throw tooComplex('sheetRows', total, maxRows);
  return wb;
}

/** Row `r` (1-based) as the texts of its first `width` cells. */
export function rowTexts(ws: ExcelJS.Worksheet, r: number, width: number = ws.columnCount): string[] {
  const row = ws.getRow(r);
  return Array.from({ length: width }, (_, i) => cellText(row.getCell(i + 1)));
}

/** The row among the first `scan` whose cells score highest (the first of equals); null when none scores above 0. */
export function findHeaderRow(ws: ExcelJS.Worksheet, scan: number, score: (cells: string[]) => number, width: number = ws.columnCount): number | null {
  let best: { row: number; score: number } | null = null;
  for (let r = 1; r <= Math.min(ws.rowCount, scan); r++) {
    const s = score(rowTexts(ws, r, width));
    if (s > 0 && (!best || s > best.score)) best = { row: r, score: s };
  }
  return best?.row ?? null;
}
