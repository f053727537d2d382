// Indicator tables → ParsedIndicator rows. The column layout comes from the header cells,
// so any table with a name (or attribute/unit) column and a baseline or target column works.
import type { ParsedIndicator } from '../../shared/parsedPlan.js';
import type { ParseContext } from './types.js';
import { findTables, type Cell, type Table } from './tableCells.js';
import { isEmptyCell, looksLikeUnit, parseCell, yearOf } from './numbers.js';

type Role = 'index' | 'category' | 'name' | 'unit' | 'attribute' | 'baseline' | 'target' | 'actual' | 'note' | 'other';
interface Column {
  role: Role;
  year: number | null;
}

function roleOf(h: string): Role | 'year' {
  if (/序号|编号|^No\.?$/i.test(h)) return 'index';
  if (/类别|领域|分类|维度|方面/.test(h)) return 'category';
  if (/属性|性质/.test(h)) return 'attribute';
  if (/^(?:计量)?单位$/.test(h)) return 'unit';
  if (/备注|说明/.test(h)) return 'note';
  // a task table's 完成时限 or 牵头单位 is no indicator column
  if (/时限|时间|节点|牵头|责任|配合/.test(h)) return 'other';
  if (/完成|实际|实现值|达成/.test(h)) return 'actual';
  if (/名称|^指标$|指标项|^项目$/.test(h)) return 'name';
  if (/目标|规划值|预期|期末|规划/.test(h)) return 'target';
  if (/基期|基数|基准|现状|预计值|基础值|基年/.test(h)) return 'baseline';
  if (yearOf(h) !== null) return 'year';
  return 'other';
}

export function columnsOf(header: Cell[], title: string | null, planStart: number | null = null): Column[] {
  const titleYear = title ? yearOf(title) : null;
  const cols: (Column & { plainYear?: boolean; named?: boolean })[] = header.map((c) => {
    const h = c.text.replace(/[\s"“”'‘’]/g, '');
    const r = roleOf(h);
    const year = yearOf(h);
    if (r === 'year') return { role: 'target', year, plainYear: true };
    return { role: r, year: r === 'target' || r === 'actual' ? (year ?? titleYear) : year, named: r === 'name' };
  });
  // "2020年 | 2025年": the earliest bare year is the base, later ones are targets
  // "2020年 | 2023年目标 | 2025年目标": a bare year before every target year is the base too
  const plain = cols.filter((c) => c.plainYear);
  const hasBase = cols.some((c) => c.role === 'baseline');
  const targetYears = cols.filter((c) => c.role === 'target' && !c.plainYear && c.year != null).map((c) => c.year!);
  // "2024年 | 2025年 | 2026年" of a 年度目标 table: three years in a row, each a year's target
  const years = plain.map((c) => c.year ?? NaN);
  const yearly = plain.length >= 3 && years.every((y, k) => k === 0 || y === years[k - 1] + 1);
  const min = Math.min(...plain.map((c) => c.year ?? Infinity));
  // "2025年 | 2027年 | 2030年" of a 2025—2030 plan: no year is before the plan, every one is a target
  const allAhead = planStart != null && Number.isFinite(min) && min >= planStart;
  if (!hasBase && plain.length && !yearly && !allAhead) {
    const beforeTargets = targetYears.length > 0 && targetYears.every((y) => y > min);
    if (plain.length > 1 || beforeTargets) for (const c of plain) if (c.year === min) c.role = 'baseline';
  }
  if (!cols.some((c) => c.role === 'name')) {
    const i = cols.findIndex((c) => c.role === 'other');
    if (i >= 0) cols[i].role = 'name';
  }
  // without a 指标/名称 header, only an attribute or unit column says the rows are indicators
  const indicatorLike = cols.some((c) => c.named || c.role === 'attribute' || c.role === 'unit');
  if (!indicatorLike || !cols.some((c) => c.role === 'target' || c.role === 'baseline')) return [];
  return cols.map(({ role, year }) => ({ role, year }));
}

const splitName = (raw: string): { name: string; unit: string | null } => {
  const name = raw.replace(/^[#＃\s]+/, '').trim();
  const m = /^(.*\S)\s*\(([^()]*)\)$/.exec(name);
  if (m && looksLikeUnit(m[2])) return { name: m[1].trim(), unit: m[2].trim() };
  return { name, unit: null };
};

/** "备注:1.…;2.…" → its numbered items */
function noteItems(notes: Cell[]): string[] {
  const text = notes
    .map((n) => n.text)
    .join('\n')
    .replace(/^(?:备注|注|说明)\s*[:：]?\s*/, '');
  return text
    .split(/(?:^|(?<=[;；。,，\s]))\d{1,2}(?:、|[.．](?!\d))/)
    .map((s) => s.replace(/[;；。,，\s]+$/, '').trim())
    .filter(Boolean);
}

const isLegend = (item: string) => /带\s*[*＊【\[]|[*＊]\s*(?:为|表示)|【】\s*(?:为|表示)/.test(item);

function valueObj(text: string, year: number | null) {
  if (isEmptyCell(text)) return null;
  const v = parseCell(text);
  return { year, value: v.value, text: v.text };
}

function fromTable(ctx: ParseContext, table: Table, planStart: number | null): ParsedIndicator[] {
  const cols = columnsOf(table.header, table.title, planStart);
  const roles = new Set(cols.map((c) => c.role));
  if (!roles.has('name')) return [];
  const catIdx = cols.findIndex((c) => c.role === 'category');
  const out: (ParsedIndicator & { _category: string | null })[] = [];
  let section: string | null = null;
  let parent: { name: string; unit: string | null } | null = null;
  let lastCategory: string | null = null;
  for (const row of table.rows) {
    let cells = row.cells;
    // a merged category cell appears only in its group's first row
    if (cells.length === cols.length - 1 && catIdx >= 0) cells = [...cells.slice(0, catIdx), { text: '', start: row.start, end: row.start }, ...cells.slice(catIdx)];
    const get = (role: Role) => cols.map((c, i) => (c.role === role ? i : -1)).filter((i) => i >= 0 && i < cells.length);
    const first = (role: Role) => {
      const i = get(role)[0];
      return i === undefined ? '' : cells[i].text;
    };
    const rawName = first('name');
    if (!rawName) continue;
    const index = first('index');
    const valueRoles: Role[] = ['baseline', 'target', 'actual', 'attribute', 'unit'];
    const hasValues = valueRoles.some((r) => get(r).some((i) => !isEmptyCell(cells[i].text)));
    const { name, unit: nameUnit } = splitName(rawName);
    if (catIdx >= 0 && cells[catIdx]?.text) lastCategory = splitName(cells[catIdx].text).name;
    if (!hasValues) {
      if (/^\d+$/.test(index)) parent = { name, unit: nameUnit };
      else {
        section = name.replace(/^[一二三四五六七八九十]+[、.]\s*/, '');
        parent = null;
      }
      continue;
    }
    const child = parent && (/^[#＃]/.test(rawName) || (!index && roles.has('index')));
    if (!child) parent = null;
    const attr = first('attribute');
    const targets = get('target')
      .filter((i) => !isEmptyCell(cells[i].text))
      .map((i) => {
        const v = parseCell(cells[i].text);
        return { year: cols[i].year, value: v.value, valueMax: v.valueMax, text: v.text, comparator: v.comparator, kind: v.kind };
      });
    const bi = get('baseline')[0];
    const ai = get('actual')[0];
    const noteCell = first('note');
    out.push({
      name,
      unit: first('unit') || nameUnit || (child ? parent!.unit : null) || null,
      attribute: /约束/.test(attr) ? 'binding' : /预期/.test(attr) ? 'expected' : null,
      category: child ? parent!.name : (lastCategory ?? section),
      table: table.title,
      baseline: bi === undefined ? null : valueObj(cells[bi].text, cols[bi].year),
      targets,
      actual: ai === undefined ? null : valueObj(cells[ai].text, cols[ai].year),
      note: isEmptyCell(noteCell) ? null : noteCell,
      source: ctx.doc.toSource(row.start, row.end),
      _category: child ? parent!.name : null,
    });
  }
  attachNotes(out, noteItems(table.notes));
  return out.map(({ _category, ...ind }) => ind);
}

/** Table notes go to the rows they name; otherwise to the attribute class they name, or to all rows. */
function attachNotes(rows: (ParsedIndicator & { _category: string | null })[], items: string[]) {
  for (const item of items) {
    if (isLegend(item)) continue;
    let hit = rows.filter((r) => (r.name.length >= 2 && item.includes(r.name)) || (r._category !== null && item.includes(r._category)));
    if (!hit.length) {
      if (/约束性/.test(item)) hit = rows.filter((r) => r.attribute === 'binding');
      else if (/预期性/.test(item)) hit = rows.filter((r) => r.attribute === 'expected');
      else hit = rows;
    }
    for (const r of hit) r.note = r.note ? `${r.note};${item}` : item;
  }
}

/** tables whose figures are indicators (prose target extraction leaves them alone) */
export function isIndicatorTable(t: Table): boolean {
  return columnsOf(t.header, t.title).some((c) => c.role === 'name');
}

export function extractIndicators(ctx: ParseContext, planStart: number | null = null): ParsedIndicator[] {
  return findTables(ctx.doc).flatMap((t) => fromTable(ctx, t, planStart));
}
