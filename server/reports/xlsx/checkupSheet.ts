// 城市体检 data sheets (issue #14): read the values table offices keep in Excel, in either shape —
//   wide: 指标 | (编号) | 永川区 | 青峰镇 | …   (one column per area)
//   long: 指标 | 区域 | 数值                      (one row per indicator × area)
// The header row is found among the first rows; every row that cannot be read is reported with its row number and
// nothing is saved until the table is clean. Also writes the blank template in the wide shape.
import { AppError } from '../../../shared/errors.js';
import { loadWorkbook, rowTexts } from './readWorkbook.js';
import { checkExpandedSize } from '../../parser/limits.js';
import { addTableSheet, newWorkbook, toBuffer } from './sheet.js';

export interface SheetIndicator { id: number; code: string; name: string; measure: string }
export interface SheetArea { id: number; name: string }
export interface SheetRowError { row: number; column: string | null; message: string }
export interface SheetValue { row: number; indicatorId: number; regionId: number; value: number }
export interface CheckupSheet { sheetName: string; headerRow: number; layout: 'wide' | 'long'; rows: number; values: SheetValue[]; errors: SheetRowError[] }

const MAX_ROWS = 5000;
const INDICATOR_HEAD = /^(指标|指标名称|指标项|体检指标|指标内容)$/;
const CODE_HEAD = /^(编号|指标编号|代码|指标代码)$/;
const AREA_HEAD = /^(区域|区县|镇街|街镇|地区|行政区|片区|区域名称)$/;
const VALUE_HEAD = /^(数值|现状值|指标值|体检值|值|数据|实际值)$/;

/** "城市生活污水集中收集率(%)" and "城市生活污水集中收集率" are the same indicator */
const norm = (s: string) => s.replace(/[\s\u3000]/g, '').replace(/[((][^()()]*[))]$/, '').replace(/[,、]/g, '');
/** "永川区" in the header may read "永川" */
const areaKey = (s: string) => s.replace(/[\s\u3000]/g, '').replace(/(街道|镇|乡|区|县|市)$/, '');

/** "12.5", "12.5%", "1,234" → number; anything else is not a value */
export function parseNumber(text: string): number | null {
  const t = text.replace(/[\s,,]/g, '').replace(/%$/, '');
  if (!/^[-+]?(\d+(\.\d+)?|\.\d+)$/.test(t)) return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
}

export async function readCheckupSheet(bytes: Uint8Array, indicators: SheetIndicator[], areas: SheetArea[]): Promise<CheckupSheet> {
  // a zip that declares more than the import caps inflated is refused before anything is inflated
  checkExpandedSize(bytes);
  const wb = await loadWorkbook(bytes, MAX_ROWS);
  const byName = new Map(indicators.map((i) => [norm(i.name), i]));
  const byCode = new Map(indicators.map((i) => [i.code.toUpperCase(), i]));
  const areaOf = new Map(areas.flatMap((a) => [[a.name.replace(/\s/g, ''), a], [areaKey(a.name), a]] as [string, SheetArea][]));
  for (const ws of wb.worksheets) {
    const width = ws.columnCount;
    for (let h = 1; h <= Math.min(ws.rowCount, 20); h++) {
      const head = rowTexts(ws, h, width).map((c) => c.replace(/[\s\u3000]/g, ''));
      const nameCol = head.findIndex((c) => INDICATOR_HEAD.test(c));
      const codeCol = head.findIndex((c) => CODE_HEAD.test(c));
      if (nameCol < 0 && codeCol < 0) continue;
      const areaCol = head.findIndex((c) => AREA_HEAD.test(c));
      const valueCol = head.findIndex((c) => VALUE_HEAD.test(c));
      const areaCols = head.map((c, i) => ({ i, area: c ? areaOf.get(c) ?? areaOf.get(areaKey(c)) : undefined })).filter((x): x is { i: number; area: SheetArea } => !!x.area);
      const layout = areaCol >= 0 && valueCol >= 0 ? 'long' : areaCols.length ? 'wide' : null;
      if (!layout) continue;
      const values: SheetValue[] = [];
      const errors: SheetRowError[] = [];
      const seen = new Map<string, number>();
      let rows = 0;
      const colName = (i: number) => head[i] || `第${i + 1}列`;
      for (let r = h + 1; r <= ws.rowCount; r++) {
        const cells = rowTexts(ws, r, width);
        if (!cells.some(Boolean)) continue;
        rows++;
        const code = codeCol >= 0 ? cells[codeCol].toUpperCase() : '';
        const name = nameCol >= 0 ? cells[nameCol] : '';
        const ind = (code && byCode.get(code)) || (name && byName.get(norm(name))) || undefined;
        if (!ind) {
          // a section line such as "一、生态宜居" carries no value: skipped, not an error
          const rest = cells.filter((c, i) => i !== nameCol && i !== codeCol && c);
          if (!rest.length) continue;
          errors.push({ row: r, column: colName(nameCol >= 0 ? nameCol : codeCol), message: `未找到指标“${name || code}”(本次体检指标体系中没有该名称或编号)` });
          continue;
        }
        const put = (col: number, area: SheetArea | undefined, areaText: string) => {
          const text = cells[col];
          if (!text) return;
          if (!area) {
            errors.push({ row: r, column: colName(col), message: `区域“${areaText}”不在本次体检范围内` });
            return;
          }
          const value = parseNumber(text);
          if (value === null) {
            errors.push({ row: r, column: colName(col), message: `“${text}”不是数字` });
            return;
          }
          const key = `${ind.id}|${area.id}`;
          if (seen.has(key)) {
            errors.push({ row: r, column: colName(col), message: `“${ind.name}”在${area.name}的数值重复(第${seen.get(key)}行已填)` });
            return;
          }
          seen.set(key, r);
          values.push({ row: r, indicatorId: ind.id, regionId: area.id, value });
        };
        if (layout === 'wide') for (const { i, area } of areaCols) put(i, area, area.name);
        else {
          const areaText = cells[areaCol].replace(/[\s\u3000]/g, '');
          if (!areaText) {
            if (cells[valueCol]) errors.push({ row: r, column: colName(areaCol), message: '未填写区域' });
            continue;
          }
          put(valueCol, areaOf.get(areaText) ?? areaOf.get(areaKey(areaText)), areaText);
        }
      }
      return { sheetName: ws.name, headerRow: h, layout, rows, values, errors };
    }
  }
  throw new AppError('CHECKUP_IMPORT_NO_HEADER');
}

/** The blank (or filled) values table in the wide shape, as the import reads it back. */
export async function buildCheckupSheet(title: string, indicators: (SheetIndicator & { aspect: string; standard: number | null; unitName: string | null })[], areas: SheetArea[], value: (indicatorId: number, regionId: number) => number | null): Promise<Buffer> {
  const wb = newWorkbook(title);
  addTableSheet(
    wb,
    '体检数据',
    [
      { header: '编号', width: 8 },
      { header: '方面', width: 10 },
      { header: '指标', width: 40 },
      { header: '单位', width: 10 },
      { header: '标准值', width: 10 },
      { header: '数据提供单位', width: 18 },
      ...areas.map((a) => ({ header: a.name, width: 12 })),
    ],
    indicators.map((i) => [i.code, i.aspect, i.name, i.measure, i.standard, i.unitName ?? '', ...areas.map((a) => value(i.id, a.id))]),
  );
  return toBuffer(wb);
}
