// Indicator tables → ParsedIndicator rows. The column layout comes from the header cells,
// so any table with a name (or attribute/unit) column and a baseline or target column works.
import type { ParsedIndicator } from '../../shared/parsedPlan.js';
import type { ParseContext } from './types.js';
import { findTables, type Cell, type Table } from './tableCells.js';
import { UNIT_RE_SRC, isEmptyCell, looksLikeUnit, parseCell, yearOf } from './numbers.js';
import { unitAsWritten } from './numbersContext.js';
import { gluedIndicators } from './gluedTargets.js';

// "8950人", "≥90%", "2.36万个以上": a figure cell that writes its unit after the number
const CELL_UNIT = new RegExp(`^[^\\d]{0,4}\\d+(?:\\.\\d+)?(?:\\s*[-~～—至]\\s*\\d+(?:\\.\\d+)?)?\\s*(${UNIT_RE_SRC})\\s*(?:以上|以下|以内|左右)?$`);

/** the unit the target cells of a row write after their figures, when they all write the same one */
function cellUnit(ctx: ParseContext, cells: Cell[]): string | null {
  let unit: string | null = null;
  for (const c of cells) {
    const m = CELL_UNIT.exec(c.text.trim());
    if (!m) return null;
    const at = c.text.indexOf(m[1], c.text.search(/\d/));
    const u = at >= 0 ? unitAsWritten(ctx.doc, c.start + at, c.start + at + m[1].length, m[1]) : m[1];
    if (unit !== null && u !== unit) return null;
    unit = u;
  }
  return unit;
}

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
  // "全市新增造林面积(万亩)(5年新增量)": the unit, then a note on the figure
  const noted = /^(.*\S)\s*\(([^()]*)\)(\([^()]*\))$/.exec(name);
  if (noted && looksLikeUnit(noted[2]) && !looksLikeUnit(noted[3].slice(1, -1))) return { name: `${noted[1].trim()}${noted[3]}`, unit: noted[2].trim() };
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

const isLegend = (item: string) => /带\s*[*＊【[]|[*＊]\s*(?:为|表示)|【】\s*(?:为|表示)/.test(item);

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
      unit: first('unit') || nameUnit || (child ? parent!.unit : null) || cellUnit(ctx, get('target').filter((i) => !isEmptyCell(cells[i].text)).map((i) => cells[i])) || null,
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
  const grid = findTables(ctx.doc).map((t) => ({ t, rows: fromTable(ctx, t, planStart) }));
  const flat = flatChosen(ctx, planStart, grid);
  const lines = ctx.doc.lines;
  // a table read cell by cell here is not read again as a grid
  const taken = (a: number, b: number) => flat.some(({ t }) => lines[t.lineFrom].start <= b && a <= lines[t.lineTo - 1].end);
  return [...grid.filter((g) => !taken(g.t.start, g.t.end)).flatMap((g) => g.rows), ...flat.flatMap((f) => f.rows), ...gluedIndicators(ctx)];
}

const valued = (rows: ParsedIndicator[]) => rows.reduce((n, r) => n + r.targets.filter((t) => t.value !== null).length, 0);

/** the flattened tables read here, where they give more figures than the grid reading of the same lines */
function flatChosen(ctx: ParseContext, planStart: number | null, grid: { t: Table; rows: ParsedIndicator[] }[]) {
  const lines = ctx.doc.lines;
  return findFlatTables(ctx.doc)
    .map((t) => ({ t, rows: flatIndicators(ctx, t, planStart) }))
    .filter((f) => {
      if (!f.rows.length) return false;
      const a = lines[f.t.lineFrom].start;
      const b = lines[f.t.lineTo - 1].end;
      const over = grid.filter((g) => g.t.start <= b && a <= g.t.end).flatMap((g) => g.rows);
      return valued(f.rows) > valued(over);
    });
}

/** line spans [lineFrom, lineTo) of the flattened indicator tables that give rows */
export function flatIndicatorLines(ctx: ParseContext): [number, number][] {
  const grid = findTables(ctx.doc).map((t) => ({ t, rows: fromTable(ctx, t, null) }));
  return flatChosen(ctx, null, grid).map(({ t }) => [t.lineFrom, t.lineTo]);
}

// ---- indicator tables flattened to one cell per line ----------------------------------------------
// "序号 |⏎指 标 |⏎单位 |⏎2025年 |⏎1 |⏎全市生产总值年均增长率 |⏎% |⏎5左右 |…" or the same with blank lines
// between cells: a web page's table copied as text. Rows are found by their running numbers ("1", "2", …)
// or by numbered names ("1.学前教育毛入园率(%)"); each row's cells fill the header's columns in order.

export interface FlatTable {
  title: string | null;
  header: Cell[];
  rows: Cell[][];
  /** the section line each row stands under ("一、经济增长"), where the table has them */
  sections?: (string | null)[];
  lineFrom: number;
  lineTo: number;
}

const FLAT_HEAD =
  /^(?:序号|编号|指标|指标名称|主要指标|考核指标|项目|项目名称|单位|计量单位|属性|指标属性|指标性质|备注|类别|分类|领域|基期值?|现状值?|目标值?|预期目标|规划目标|年均(?:\[累计\]|〔累计〕|【累计】)?|["“]?十[一二三四五六七八九]五["”]?(?:目标|末|期末)?|(?:19|20)\d\d年(?:目标值?|预期值?|基期值?|现状值?|实绩|实际值?|完成值?|预计值?)?)$/;
const flatCache = new WeakMap<object, FlatTable[]>();

function flatCell(l: { text: string; start: number }): Cell | null {
  const lead = l.text.length - l.text.replace(/^[\s|｜]+/, '').length;
  const text = l.text.slice(lead).replace(/[\s|｜]+$/, '');
  if (!text) return null;
  return { text, start: l.start + lead, end: l.start + lead + text.length };
}

const isShortCell = (t: string) => t.length <= 40 && !/[。;!?]/.test(t);
const headKey = (t: string) => t.replace(/[\s"“”'‘’]/g, '');

export function findFlatTables(doc: ParseContext['doc']): FlatTable[] {
  let found = flatCache.get(doc);
  if (found) return found;
  found = [];
  const lines = doc.lines;
  for (let i = 0; i < lines.length; i++) {
    const c0 = flatCell(lines[i]);
    // a header cell alone on its line (a table row on one line is read by findTables)
    if (!c0 || !FLAT_HEAD.test(headKey(c0.text)) || /[|｜\t]\s*\S/.test(lines[i].text.replace(/[\s|｜]+$/, ''))) continue;
    const t = readFlat(doc, i);
    if (t) {
      found.push(t);
      i = t.lineTo - 1;
    }
  }
  flatCache.set(doc, found);
  return found;
}

function readFlat(doc: ParseContext['doc'], first: number): FlatTable | null {
  const lines = doc.lines;
  const cells: { c: Cell; line: number }[] = [];
  let lastLine = first;
  for (let i = first; i < lines.length; i++) {
    const raw = lines[i].text;
    if (!raw.trim() || /^[\s|｜]+$/.test(raw)) continue;
    // one cell per line: a line holding several cells, or prose, ends the table
    if (/\S\s*[|｜\t]\s*\S/.test(raw.trim().replace(/[\s|｜]+$/, ''))) break;
    const c = flatCell(lines[i]);
    if (!c || !isShortCell(c.text)) break;
    cells.push({ c, line: i });
    lastLine = i;
  }
  let h = 0;
  while (h < cells.length && FLAT_HEAD.test(headKey(cells[h].c.text))) h++;
  // "苏州市 | 张家港 | …": the columns after the unit column are named by what they hold figures for
  if (h >= 3 && /^(?:序号|编号)$/.test(headKey(cells[0].c.text)) && cells.slice(0, h).some((x) => /单位/.test(x.c.text)))
    while (h < cells.length && h < 30 && /^[\u4e00-\u9fa5]{2,8}$/.test(cells[h].c.text) && cells[h].c.text !== '1') h++;
  let header = cells.slice(0, h).map((x) => ({ ...x.c, text: headKey(x.c.text) }));
  if (h < 3 || !header.some((c) => /指标|名称|项目/.test(c.text))) return null;
  const body = cells.slice(h);
  let indexCol = /^(?:序号|编号)$/.test(header[0].text);
  // "领域 ⏎ 指标 ⏎ 2025年" over "残疾预防知识普及行动 ⏎ 1 ⏎ 重点人群…普及率 ⏎ >85%": the running number stands where the
  // header names the category, the category printed once before its group's first row
  if (!indexCol && /^(?:类别|分类|领域)$/.test(header[0].text) && ['1', '2', '3'].every((n) => body.some((x) => x.c.text === n))) {
    header = [{ ...header[0], text: '序号' }, ...header.slice(1)];
    indexCol = true;
  }
  const rows: Cell[][] = [];
  const sections: (string | null)[] = [];
  if (indexCol) {
    // "1", "2", …: a running number followed by a name starts each row
    let k = 1;
    let cur: Cell[] | null = null;
    for (let j = 0; j < body.length; j++) {
      const t = body[j].c.text;
      const next = body[j + 1]?.c.text ?? '';
      if (t === String(k) && /[\u4e00-\u9fa5]/.test(next) && parseCell(next).value === null) {
        if (cur) rows.push(cur);
        cur = [body[j].c];
        k++;
      } else if (cur) cur.push(body[j].c);
      else if (rows.length === 0 && j > 2) return null;
    }
    if (cur) rows.push(cur);
  } else {
    // "1.学前教育毛入园率(%)": a numbered name starts each row; "一、发展水平" is a section. Without numbers
    // ("农业增加值(亿元)" ⏎ "81.53" ⏎ "163"), a name — words, not a figure — starts each row.
    const numberedName = /^\d{1,2}[.、．](?!\d)\S/;
    const numbered = body.some(({ c }) => numberedName.test(c.text));
    const startsRow = (t: string) => (numbered ? numberedName.test(t) : /[\u4e00-\u9fa5]{2}/.test(t) && parseCell(t).value === null && !isEmptyCell(t));
    let cur: Cell[] | null = null;
    let section: string | null = null;
    const push = (r: Cell[]) => {
      rows.push(r);
      sections.push(section);
    };
    for (const { c } of body) {
      if (/^[一二三四五六七八九十]+、/.test(c.text)) {
        if (cur) push(cur);
        cur = null;
        section = c.text.replace(/^[一二三四五六七八九十]+、\s*/, '') || null;
      } else if (startsRow(c.text)) {
        if (cur) push(cur);
        cur = [c];
      } else if (cur) cur.push(c);
    }
    if (cur) push(cur);
  }
  if (rows.length < 2) return null;
  // the widest row sets the width; a spanning header cell ("“十四五”目标" over 2025年 and 年均) is dropped
  const widths = new Map<number, number>();
  for (const r of rows) widths.set(r.length, (widths.get(r.length) ?? 0) + 1);
  const width = [...widths].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0][0];
  // a category column ("类别" over "一、经济增长") holds the section lines, not a cell of each row
  const cols = (indexCol ? header : header.filter((c) => !/^(?:序号|编号)$/.test(c.text))).filter((c, j, all) => !(j === 0 && all.length === width + 1 && /^(?:类别|分类|领域)$/.test(c.text)));
  while (cols.length > width) {
    const k = cols.findIndex((c, j) => j + 1 < cols.length && !/(?:19|20)\d\d/.test(c.text) && /目标|十[一二三四五六七八九]五/.test(c.text) && (yearOf(cols[j + 1].text) !== null || /目标|年均/.test(cols[j + 1].text)));
    if (k < 0) break;
    cols.splice(k, 1);
  }
  if (cols.length !== width) return null;
  // the title: the nearest short line above
  let title: string | null = null;
  for (let j = first - 1; j >= 0 && j >= first - 3; j--) {
    const t = lines[j].text.trim();
    if (!t) continue;
    if (t.length <= 50 && !/[。;]$/.test(t)) title = t;
    break;
  }
  return { title, header: cols, rows, sections: sections.length === rows.length && sections.some(Boolean) ? sections : undefined, lineFrom: first, lineTo: lastLine + 1 };
}

// "[累计达到1000]", "五年累计约20": the words around a cumulative figure
const CUM_WORDS = /^(?:累计达到|累计达|五年累计|累计|达到)(约)?/;

function flatIndicators(ctx: ParseContext, t: FlatTable, planStart: number | null): ParsedIndicator[] {
  const cols = columnsOf(t.header, t.title, planStart);
  const titleYear = t.title ? yearOf(t.title) : null;
  const roles = cols.length ? cols.map((c) => c.role) : [];
  if (!roles.includes('name')) {
    // "序号 | 指标名称 | 单位 | 苏州市 | 张家港 | …": one target column per area
    const ni = t.header.findIndex((c) => /指标|名称|项目/.test(c.text));
    const ui = t.header.findIndex((c) => /单位/.test(c.text));
    if (ni < 0 || ui < 0 || t.header.length - ui - 1 < 2) return [];
    for (let j = 0; j < t.header.length; j++) roles[j] = j === ni ? 'name' : j === ui ? 'unit' : j > ui ? 'target' : 'index';
  }
  const areas = cols.length === 0;
  // "2025年 | 年均[累计]": the yearly-growth or five-year column is a target of the same year
  const due = Math.max(...cols.filter((c) => c.role === 'target' && c.year !== null).map((c) => c.year!));
  t.header.forEach((c, j) => {
    if (!areas && /^年均/.test(c.text) && roles[j] === 'other') {
      roles[j] = 'target';
      cols[j] = { role: 'target', year: Number.isFinite(due) ? due : null };
    }
  });
  const out: ParsedIndicator[] = [];
  for (const [k, r] of t.rows.entries()) {
    const get = (role: Role) => roles.map((x, j) => (x === role && j < r.length ? j : -1)).filter((j) => j >= 0);
    const ni = get('name')[0];
    if (ni === undefined) continue;
    const { name, unit: nameUnit } = splitName(r[ni].text.replace(/^\d{1,2}[.、．]/, ''));
    const ui = get('unit')[0];
    let unit = ui !== undefined && !isEmptyCell(r[ui].text) ? r[ui].text : nameUnit;
    // "增幅(%)": the unit in brackets after what is measured
    const inner = unit ? /\(([^()]+)\)$/.exec(unit) : null;
    if (inner && looksLikeUnit(inner[1])) unit = inner[1];
    const targets = get('target')
      .filter((j) => !isEmptyCell(r[j].text))
      .map((j) => {
        const text = r[j].text.replace(/^[[〔【]/, '').replace(/[\]〕】]$/, '');
        const cum = CUM_WORDS.exec(text);
        const v = parseCell(cum ? text.slice(cum[0].length) : text);
        const year = areas ? titleYear : (cols[j]?.year ?? null);
        return { year, value: v.value, valueMax: v.valueMax, text: r[j].text, comparator: cum?.[1] ? ('approx' as const) : v.comparator, kind: text !== r[j].text ? ('cumulative' as const) : v.kind };
      });
    const cellsU = unit ?? (get('target').length ? cellUnit(ctx, get('target').filter((j) => !isEmptyCell(r[j].text)).map((j) => r[j])) : null);
    const attr = get('attribute').map((j) => r[j].text)[0] ?? '';
    const bi = get('baseline')[0];
    out.push({
      name: areas ? name : name,
      unit: cellsU ?? null,
      attribute: /约束/.test(attr) ? 'binding' : /预期/.test(attr) ? 'expected' : null,
      category: t.sections?.[k] ?? null,
      table: t.title,
      baseline: bi === undefined ? null : valueObj(r[bi].text, cols[bi]?.year ?? null),
      targets,
      actual: null,
      note: null,
      source: ctx.doc.toSource(r[0].start, r[r.length - 1].end),
    });
  }
  return out;
}
