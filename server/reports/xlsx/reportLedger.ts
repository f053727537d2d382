// The unit's reporting ledger (工作进展台账) as offices keep it in Excel: one row per lead task with 推进状态,
// 完成进度, 完成情况, 存在问题, 下步计划. Written prefilled for the period, read back from whatever the unit made of
// it: the header row is found the way the task-division import finds its own (headerDetect.ts classifyHeader for
// the task columns, cellText for the cells), with the ledger's own columns recognised first.
import type ExcelJS from 'exceljs';
import { AppError } from '../../../shared/errors.js';
import { cellText } from './cellText.js';
import { findHeaderRow, loadWorkbook, rowTexts } from './readWorkbook.js';
import { classifyHeader } from './headerDetect.js';
import { addTableSheet, newWorkbook, toBuffer, type ColumnSpec } from './sheet.js';

export type LedgerField = 'seq' | 'plan' | 'title' | 'period' | 'reportedStatus' | 'progress' | 'progressText' | 'problems' | 'nextSteps' | 'taskId' | 'other';

export const ledgerFieldLabels: Record<LedgerField, string> = {
  seq: '序号', plan: '规划', title: '任务', period: '报送期', reportedStatus: '推进状态', progress: '完成进度(%)', progressText: '完成情况',
  problems: '存在问题', nextSteps: '下步计划', taskId: '任务编号', other: '不读取',
};

const ledgerPatterns: [LedgerField, RegExp][] = [
  ['taskId', /任务编号|任务ID|编号\(系统\)/i],
  ['period', /报送期|报告期|所属月份|月份|期次/],
  ['plan', /^(所属)?规划(名称)?$|规划名称|所属规划|文件名称/],
  ['problems', /问题|困难/],
  ['nextSteps', /下步|下一步|打算|工作计划|下阶段/],
  ['progressText', /完成情况|进展情况|推进情况|工作进展|进展$|落实情况|工作成效/],
  ['reportedStatus', /状态|完成状态|推进状态/],
  ['progress', /进度|百分比|完成比例|完成率/],
];

/** What a ledger column holds: its own columns first, then the task-division table's (序号, 任务…). */
export function classifyLedgerHeader(text: string): LedgerField | null {
  const t = text.replace(/\s+/g, '');
  if (!t) return null;
  if (/进度安排|时间安排|完成时限/.test(t)) return 'other';
  for (const [field, re] of ledgerPatterns) if (re.test(t)) return field;
  const f = classifyHeader(t);
  if (f === 'seq') return 'seq';
  if (f === 'title' || f === 'text') return 'title';
  return f ? 'other' : null;
}

export interface LedgerCell {
  text: string;
  /** a number as entered; a percent-formatted cell (0.6 shown as 60%) gives 60 */
  number: number | null;
}
export interface LedgerSheetRow {
  rowNumber: number;
  cells: Partial<Record<LedgerField, LedgerCell>>;
}
export interface LedgerSheet {
  sheetName: string;
  headerRow: number;
  columns: { header: string; field: LedgerField }[];
  rows: LedgerSheetRow[];
}

function numberOf(cell: ExcelJS.Cell): number | null {
  let v = cell.value as unknown;
  if (v && typeof v === 'object' && 'result' in (v as object)) v = (v as { result: unknown }).result;
  if (typeof v === 'number' && Number.isFinite(v)) return /%/.test(cell.numFmt ?? '') ? Math.round(v * 100 * 1000) / 1000 : v;
  return null;
}

/** A ledger's header names the task (or its number) and at least one report column; the more known columns the better. */
function ledgerHeaderScore(cells: string[]): number {
  const known = new Set(cells.map(classifyLedgerHeader).filter((f): f is LedgerField => f !== null && f !== 'other'));
  const reportCols = ['reportedStatus', 'progress', 'progressText', 'problems', 'nextSteps'].filter((f) => known.has(f as LedgerField)).length;
  return (known.has('title') || known.has('taskId')) && reportCols ? known.size : 0;
}

export async function readReportLedger(buffer: Uint8Array | ArrayBuffer): Promise<LedgerSheet> {
  const wb = await loadWorkbook(buffer);
  for (const ws of wb.worksheets) {
    if (!ws.rowCount) continue;
    // the header: the row among the first 30 naming the task (or its number) and most of the ledger's columns
    const headerRow = findHeaderRow(ws, 30, ledgerHeaderScore);
    if (headerRow === null) continue;
    const headers = rowTexts(ws, headerRow);
    // a field named by two columns is read from the first
    const seen = new Set<LedgerField>();
    const fields = headers.map(classifyLedgerHeader).map((f): LedgerField | null => {
      if (!f || f === 'other' || seen.has(f)) return f === null ? null : 'other';
      seen.add(f);
      return f;
    });
    const columns = fields.flatMap((f, i) => (f ? [{ header: headers[i], field: f }] : []));
    const rows: LedgerSheetRow[] = [];
    for (let r = headerRow + 1; r <= ws.rowCount; r++) {
      const row = ws.getRow(r);
      const cells: LedgerSheetRow['cells'] = {};
      let any = false;
      fields.forEach((f, i) => {
        if (!f || f === 'other') return;
        const cell = row.getCell(i + 1);
        const text = cellText(cell);
        if (text) any = true;
        cells[f] = { text, number: numberOf(cell) };
      });
      if (any) rows.push({ rowNumber: r, cells });
    }
    return { sheetName: ws.name, headerRow, columns, rows };
  }
  throw new AppError('LEDGER_NO_HEADER');
}

export interface LedgerOutRow {
  plan: string;
  task: string;
  period: string;
  reportedStatus: string | null;
  progress: number | null;
  progressText: string;
  problems: string;
  nextSteps: string;
  taskId: number;
}

export const ledgerColumns: ColumnSpec[] = [
  { header: '序号', width: 6, align: 'center' },
  { header: '规划', width: 24 },
  { header: '重点任务', width: 44 },
  { header: '报送期', width: 10, align: 'center' },
  { header: '推进状态', width: 10, align: 'center' },
  { header: '完成进度(%)', width: 10, align: 'center' },
  { header: '完成情况', width: 44 },
  { header: '存在问题', width: 30 },
  { header: '下步计划', width: 30 },
  { header: '任务编号', width: 10, align: 'center' },
];

/** The period's ledger, prefilled (this period's draft, else the last period's report), with a 推进状态 list. */
export async function buildReportLedgerXlsx(title: string, rows: LedgerOutRow[], statuses: readonly string[]): Promise<Buffer> {
  const wb = newWorkbook(title);
  const ws = addTableSheet(wb, '工作进展台账', ledgerColumns, rows.map((r, i) => [i + 1, r.plan, r.task, r.period, r.reportedStatus, r.progress, r.progressText, r.problems, r.nextSteps, r.taskId]));
  for (let i = 0; i < rows.length; i++) {
    ws.getCell(i + 2, 5).dataValidation = { type: 'list', allowBlank: false, formulae: [`"${statuses.join(',')}"`], showErrorMessage: true, errorTitle: '推进状态', error: `请从列表中选择:${statuses.join('、')}` };
    ws.getCell(i + 2, 6).dataValidation = { type: 'decimal', operator: 'between', allowBlank: true, formulae: [0, 100], showErrorMessage: true, errorTitle: '完成进度', error: '请填写 0 到 100 之间的数字' };
  }
  return toBuffer(wb);
}
