// Cell values as the reviewer reads them. Merged cells: exceljs hands every cell of a
// merge the master's value, so a 重点任务 merged over five rows reads on all five.
import type ExcelJS from 'exceljs';

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function valueText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return `${v.getUTCFullYear()}-${pad(v.getUTCMonth() + 1)}-${pad(v.getUTCDate())}`;
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('formula' in v || 'sharedFormula' in v) return valueText((v as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
    if ('text' in v) return String((v as ExcelJS.CellHyperlinkValue).text);
    if ('error' in v) return '';
  }
  return String(v);
}

/**
 * One line per cell, since the plan text renders one row per line. A line break becomes a
 * space: in unit cells it separates units ("永川高新区管委会⏎各街镇政府"), in text it is layout.
 */
export function cellText(cell: ExcelJS.Cell): string {
  return valueText(cell.value).replace(/[\s\u3000]*[\r\n]+[\s\u3000]*/g, ' ').replace(/\u3000/g, ' ').trim();
}
