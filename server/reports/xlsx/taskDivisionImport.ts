// Reading a 任务分工表 workbook into a preview the reviewer can check and re-map
// before it becomes a ParsedPlan: title rows above the header, the header row
// (one or two rows), heading rows inside the table, blank rows dropped.
import { AppError } from '../../../shared/errors.js';
import { findHeaderRow, loadWorkbook, rowTexts } from './readWorkbook.js';
import { classifyHeader, headerScore, mappingFromHeaders } from './headerDetect.js';
import { columnMappingSchema, type ColumnMapping, type TaskField } from '../../../shared/evaluation.js';

export interface PreviewRow {
  rowNumber: number; // 1-based, as Excel shows it
  cells: string[];
  /** 'heading': a row like "一、产业发展" spanning the table; 'note': 注/备注 lines under it */
  kind: 'task' | 'heading' | 'note';
}

export interface TaskDivisionPreview {
  sheetName: string;
  titleLines: string[];
  headerRow: number; // 1-based; the last header row when the header spans two
  headers: string[];
  rows: PreviewRow[];
  mapping: ColumnMapping;
}

export interface ReadOptions {
  sheet?: string | number; // name or 0-based index; default: the first sheet with a task-division header
  mapping?: ColumnMapping; // overrides the detected fields column by column
  maxHeaderScan?: number;
  headerRow?: number; // 1-based; skips detection when the reviewer points at the header
}

const headingPattern = /^(第[一二三四五六七八九十百]+[章节部分篇]|[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[)）])/;

function classifyRow(cells: string[], mapping: ColumnMapping): PreviewRow['kind'] {
  const filled = cells.filter(Boolean);
  const distinct = new Set(filled);
  if (distinct.size === 1) {
    const only = filled[0];
    if (/^(注|备注|说明)[:：]?/.test(only)) return 'note';
    const seqCol = Object.entries(mapping).find(([, f]) => f === 'seq')?.[0];
    const seqOnly = seqCol !== undefined && cells[Number(seqCol)] === only && filled.length === 1;
    if (!seqOnly && (filled.length > 1 || headingPattern.test(only))) return 'heading';
  }
  return 'task';
}

export async function readTaskDivisionTable(buffer: Uint8Array | ArrayBuffer, opts: ReadOptions = {}): Promise<TaskDivisionPreview> {
  const wb = await loadWorkbook(buffer);
  const scan = opts.maxHeaderScan ?? 30;
  const sheets = opts.sheet === undefined ? wb.worksheets : [typeof opts.sheet === 'number' ? wb.worksheets[opts.sheet] : wb.getWorksheet(opts.sheet)];
  for (const ws of sheets) {
    if (!ws || !ws.rowCount) continue;
    const width = ws.columnCount;
    let headerRow = opts.headerRow ?? findHeaderRow(ws, scan, headerScore, width);
    if (headerRow === null) continue;
    let headers = rowTexts(ws, headerRow, width);
    // two-row header: 责任单位 merged over 牵头单位 | 配合单位 in the row below
    const below = rowTexts(ws, headerRow + 1, width);
    const belowFields = below.filter(Boolean).map(classifyHeader);
    if (belowFields.length && belowFields.every((f) => f !== null && f !== 'seq')) {
      headers = headers.map((h, i) => (below[i] && below[i] !== h ? below[i] : h));
      headerRow += 1;
    }
    headers = headers.map((h) => h.replace(/\s+/g, '')); // "完成⏎时限" is one label
    const detected = mappingFromHeaders(headers);
    const mapping: ColumnMapping = { ...detected, ...(opts.mapping ? columnMappingSchema.parse(opts.mapping) : {}) };
    const titleLines: string[] = [];
    for (let r = 1; r < headerRow; r++) {
      const line = [...new Set(rowTexts(ws, r, width).filter(Boolean))].join(' ');
      if (line && !headers.includes(line)) titleLines.push(line);
    }
    const rows: PreviewRow[] = [];
    for (let r = headerRow + 1; r <= ws.rowCount; r++) {
      const cells = rowTexts(ws, r, width);
      if (!cells.some(Boolean)) continue;
      rows.push({ rowNumber: r, cells, kind: classifyRow(cells, mapping) });
    }
    return { sheetName: ws.name, titleLines, headerRow, headers, rows, mapping: normalizeMapping(mapping) };
  }
  throw new AppError('IMPORT_NO_TEXT', undefined, '未找到任务分工表的表头（需包含“任务”列和“牵头单位”等列），请检查文件或指定列对应关系');
}

function normalizeMapping(m: ColumnMapping): ColumnMapping {
  return Object.fromEntries(Object.entries(m).map(([k, v]) => [Number(k), v as TaskField]));
}
