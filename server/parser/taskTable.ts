// Task lists published as tables, flattened to text: a header row such as
// 序号|重点任务|牵头单位|责任单位|配合单位|完成时限 with cells on one line (split by
// "|", tabs or runs of spaces) or one cell per line.
import type { ParsedUnit } from '../../shared/parsedPlan.js';
import type { ParseContext, Line } from './types.js';
import { parseUnitList, looksLikeUnit, splitUnitList } from './units.js';
import { readInline, hasRoleVerb, readLabelledCell } from './labelNotes.js';
import { parseDeadline } from './deadline.js';
import { COUNT_UNIT } from './targetsWords.js';
import { fragsV, type Frag } from './virtual.js';
import { signatureRows, type SignatureRow } from './signatureRows.js';
import { unitRunRows } from './unitRunRows.js';
import { splitCellRuns } from './cellRuns.js';
import { columnOf, type Column } from './columns.js';
import { findGluedTables } from './gluedTable.js';
import { findBoxTables } from './boxTable.js';
import { ORGAN_END, REGION_START, isLeadLabel, roleOfCore } from './vocabulary.js';


const SEP = /[ \t]*\|[ \t]*|\t+|[ \u3000]{2,}/;

// a header cell the word list does not know, read by its structure: a unit column names a role or ends
// on what a unit is ("主办单位", "协办部门"); a time column names a time; anything else is text
const UNIT_HEAD = /^(?!各|有关|相关|其他|其它|市|区|县|省)[\u4e00-\u9fa5]{0,5}(?:单位|部门|主体|科室|处室|股室)$|^(?:牵头|主办|主责|责任|配合|协办|参与|协同|协助|落实)[\u4e00-\u9fa5]{0,3}(?:单位|部门|主体|科室|处室|股室|方)?$/;
const TIME_HEAD = /^[\u4e00-\u9fa5]{0,4}(?:时限|时间|安排|进度|节点|日期)[\u4e00-\u9fa5]{0,2}$/;
type Loose = Column | 'text';
function looseColumn(cell: string): Loose | null {
  // "责任单位(加黑为牵头单位)": a note on how to read the column is no part of its name
  const c = cell.replace(/\s/g, '').replace(/\([^)]{1,6}\)$/, '').replace(/\((?:加黑|加粗|标黑|排名第一|列第一|第一个|首位)[^)]{0,10}\)$/, '');
  const known = columnOf(c);
  if (known) return known;
  // "省重点民生实事项目名称": what the row is; "1-8月实际完成情况", "完成率%": progress, no part of the task
  if (c.length <= 16 && /^[\u4e00-\u9fa5]{2,12}(?:项目名称|事项名称|任务名称|实事名称|工作名称)$/.test(c)) return 'task';
  if (c.length <= 16 && /完成情况|完成率|进展情况|进度情况|推进情况|工作进展/.test(c)) return 'other';
  // the unit that scores or checks the work ("评分部门", "考核单位") is not one that does it
  if (/^(?:评分|考核|监督|督查|督办|审核|评价)(?:单位|部门)$/.test(c)) return 'other';
  // a list of people is no task table
  if (/^(?:姓名|职务|职级|电话|联系电话|联系方式|手机|联系人|邮箱)$/.test(c)) return 'other';
  // "2024年建设内容": the year a column is for says nothing of what it holds
  if (/^(?:19|20)\d{2}年度?[\u4e00-\u9fa5]{2,}$/.test(c)) return looseColumn(c.replace(/^(?:19|20)\d{2}年度?/, ''));
  if (!c || c.length > 8 || !/^[\u4e00-\u9fa5]+$/.test(c)) return null;
  if (UNIT_HEAD.test(c) && !/(清单|事项|内容|任务|措施|目标|要求|名称)$/.test(c)) {
    return /^(?:牵头|主办|主责|责任|配合|协办|参与|协同|协助|落实)/.test(c) ? roleOfCore(c) : 'responsible';
  }
  if (TIME_HEAD.test(c)) return 'deadline';
  return 'text';
}
/**
 * A header read by structure: a unit column and either a time column or a second unit column make a
 * task table; its first text column (not 序号) is the task, a second one the detail.
 */
function inferHeader(cells: string[]): Column[] | null {
  const loose = cells.map(looseColumn);
  if (loose.some((c) => c === null)) return null;
  const units = loose.filter((c) => c === 'lead' || c === 'responsible' || c === 'cooperating').length;
  // one unit column is enough beside a 序号 and a column naming the task ("序号 | 项目名称 | 责任单位 | …")
  // …or as the last column after the points it assigns ("工作要求 | 一级要点 | 二级要点 | 责任科室", a 政务公开 要点 division, fv01)
  const pointsThenUnit = units === 1 && loose.length >= 3 && (loose[loose.length - 1] === 'responsible' || loose[loose.length - 1] === 'lead') && cells.slice(0, -1).every((c, k) => loose[k] === 'seq' || /(?:要点|任务|内容|措施|事项|要求)$/.test(c.replace(/\s/g, '')));
  if (units < 1 || !(loose.includes('deadline') || units >= 2 || pointsThenUnit || ((loose[0] === 'seq' || loose[1] === 'seq') && loose.some((c) => c === 'task' || c === 'text')))) return null;
  // (the finest points, right before the unit, are the tasks; the columns before them group the rows)
  if (pointsThenUnit && !loose.includes('task')) {
    const out = loose.map((c, k): Column => (k === loose.length - 1 ? (c as Column) : k === loose.length - 2 ? 'task' : c === 'seq' ? 'seq' : 'other'));
    return isTaskHeader(out) ? out : null;
  }
  const firstUnit = loose.findIndex((c) => c === 'lead' || c === 'responsible' || c === 'cooperating');
  let hasTask = loose.includes('task');
  let hasDetail = loose.includes('detail');
  const out: Column[] = [];
  for (let k = 0; k < loose.length; k++) {
    const c = loose[k] as Loose;
    if (c !== 'text') {
      out.push(c);
      continue;
    }
    // text columns stand before the units: a text cell after them is other
    if (k > firstUnit) out.push('other');
    else if (!hasTask) {
      out.push('task');
      hasTask = true;
    } else if (!hasDetail) {
      out.push('detail');
      hasDetail = true;
    } else out.push('other');
  }
  return isTaskHeader(out) ? out : null;
}

function cellsOf(line: string, pipe: boolean): { text: string; start: number }[] {
  const out: { text: string; start: number }[] = [];
  if (pipe) {
    const bars = [-1];
    for (let i = 0; i < line.length; i++) if (line[i] === '|') bars.push(i);
    bars.push(line.length);
    for (let k = 0; k + 1 < bars.length; k++) {
      const raw = line.slice(bars[k] + 1, bars[k + 1]);
      const edge = k === 0 || k === bars.length - 2;
      // "| a | b |": the nothing outside the outer bars is not a cell
      if (edge && !raw.trim()) continue;
      out.push({ text: raw.trim(), start: bars[k] + 1 + (raw.length - raw.trimStart().length) });
    }
    return out;
  }
  if (line.includes('\t')) {
    // tab-separated rows keep their empty cells, so columns stay aligned
    let pos = 0;
    const parts = line.split('\t');
    parts.forEach((raw, k) => {
      if (!(k === 0 && !raw.trim())) out.push({ text: raw.trim(), start: pos + (raw.length - raw.trimStart().length) });
      pos += raw.length + 1;
    });
    return out;
  }
  // a cell never holds a run of two spaces: that run is the column gap
  const r = /\S(?:(?![ \u3000]{2})[^\t])*/g;
  let m: RegExpExecArray | null;
  while ((m = r.exec(line))) out.push({ text: m[0].trimEnd(), start: m.index });
  return out;
}

export interface TableTask {
  start: number;
  end: number;
  title: string;
  text: string;
  lead: ParsedUnit[];
  responsible: ParsedUnit[];
  cooperating: ParsedUnit[];
  leaders: string[];
  deadlineText: string | null;
  unitsStart: number | null;
  unitsEnd: number | null;
  /** the task and detail cells as written, each a list of fragments (a wrapped cell has several) */
  cells: Frag[][];
  /** cells of a figure column ("2024年计划投资(亿元)" | "35") with their header */
  figures?: { text: string; start: number; header: string }[];
  /** the row's own measure ("万亩", "%") from a 单位/计量单位 column: the unit of its bare figures */
  measure?: string;
  /** the year a task or goal column's header names ("2022年度任务目标"): the year its figures are due */
  headerYear?: number;
  /** units only in a 责任单位 column, as one plain list */
  plainList?: boolean;
  /** the task's number in the text ("二(一)1") when the table names it only so */
  ref?: string;
}

export interface TaskTable {
  start: number;
  end: number;
  caption: string;
  rows: TableTask[];
}

interface Cell {
  text: string;
  start: number; // normalized
  /** a cell wrapped over several lines: its pieces in order (absent: one piece, `text` at `start`) */
  frags?: Frag[];
}

const fragsOf = (c: Cell): Frag[] => c.frags ?? [{ text: c.text, start: c.start }];
const cellEnd = (c: Cell): number => {
  const f = fragsOf(c);
  const last = f[f.length - 1];
  return last.start + last.text.length;
};
/** two cells read as one: a wrapped cell joins without a break */
function joinCells(a: Cell, b: Cell, sep = ''): Cell {
  if (!a.text) return b;
  if (!b.text) return a;
  return { text: a.text + sep + b.text, start: a.start, frags: [...fragsOf(a), ...(sep ? [{ text: sep, start: b.start }] : []), ...fragsOf(b)] };
}

/** a cell read as its pieces in the normalized text (a box or glued table's cell); none: an empty cell at `at` */
function fragsCell(f: Frag[] | undefined, at: number): Cell {
  if (!f?.length) return { text: '', start: at };
  return f.length === 1 ? f[0] : { text: f.map((x) => x.text).join(''), start: f[0].start, frags: f };
}

/** a cell written over several lines, read as one (joined by `sep`); no lines: an empty cell at `at` */
function linesCell(ls: Line[], sep: string, at: number): Cell {
  if (!ls.length) return { text: '', start: at };
  return ls
    .map((l) => ({ text: l.text.trim(), start: l.start + (l.text.length - l.text.trimStart().length) }))
    .reduce((a: Cell | null, b: Cell) => (a ? joinCells(a, b, sep) : b), null as Cell | null)!;
}

const cache = new WeakMap<object, TaskTable[]>();

/** Task tables of the document (computed once per document: the task and target stages both read them). */
export function findTaskTables(ctx: ParseContext): TaskTable[] {
  let t = cache.get(ctx.doc);
  if (!t) {
    t = scanTaskTables(ctx);
    cache.set(ctx.doc, t);
  }
  return t;
}

function scanTaskTables(ctx: ParseContext): TaskTable[] {
  const lines = splitCellRuns(ctx.doc.lines);
  const tables: TaskTable[] = [];
  for (let i = 0; i < lines.length; i++) {
    const hdr = headerAt(lines, i);
    if (!hdr) continue;
    const caption = captionAbove(lines, i);
    const { rows, next } = hdr.perLine ? rowsPerLine(lines, hdr.next, hdr.columns, i) : rowsOneLine(lines, hdr.next, hdr.columns, hdr.pipe, hdr.single);
    if (rows.length === 0) continue;
    const tasks = rows.map((r) => rowTask(ctx, r, hdr.columns, hdr.marks, hdr.names));
    tables.push({ start: lines[i].start, end: lines[next - 1].end, caption, rows: tasks });
    i = next - 1;
  }
  for (const h of headerlessTables(lines, tables)) {
    const { rows, next } = rowsOneLine(lines, h.from, h.columns, h.pipe);
    if (rows.length < 3) continue;
    tables.push({ start: lines[h.from].start, end: lines[next - 1].end, caption: captionAbove(lines, h.from), rows: rows.map((r) => rowTask(ctx, r, h.columns)) });
  }
  tables.push(...barSegmentTables(ctx, lines, tables));
  tables.push(...headerlessBarTables(ctx, lines, tables));
  for (const h of headerlessBlocks(lines, tables)) {
    tables.push({ start: lines[h.from].start, end: lines[h.next - 1].end, caption: captionAbove(lines, h.from), rows: h.rows.map((r) => rowTask(ctx, r, h.columns)) });
  }
  for (const b of findBoxTables(lines)) {
    tables.push({ start: b.start, end: b.end, caption: captionAbove(lines, b.lineFrom), rows: b.rows.map((r) => rowTask(ctx, r.map((f) => fragsCell(f, b.start)), b.columns)) });
  }
  for (const g of findGluedTables(ctx, tables)) {
    tables.push({ start: g.start, end: g.end, caption: '', rows: g.rows.map((r) => rowTask(ctx, r.cells.map((f) => fragsCell(f, g.start)), g.columns)) });
  }
  return tables.sort((a, b) => a.start - b.start);
}

/**
 * "1 | 完成27所学校…改造提升。 | 县教育局 | 已经安装…": a "|" table whose header the page lost (a page cut at its
 * top, a table continued from the page before). Its columns are read from what the cells hold: a 序号 of
 * running numbers, a column of unit names in most rows, dates; the first text column is the task.
 */
function headerlessTables(lines: Line[], found: TaskTable[]): { from: number; columns: Column[]; pipe: boolean }[] {
  const out: { from: number; columns: Column[]; pipe: boolean }[] = [];
  const taken = (p: number) => found.some((t) => t.start <= p && p <= t.end);
  for (let i = 0; i < lines.length; i++) {
    // "|" rows of a web page, tab-separated rows of a pasted sheet, or cells parted by runs of spaces in a text
    // copy: the same table spelled three ways
    const pipe = lines[i].text.includes('|');
    const parted = (t: string) => (pipe ? t.includes('|') : t.includes('\t') || /\S[ \u3000]{2,}\S/.test(t));
    const row0 = parted(lines[i].text) && !taken(lines[i].start) ? cellsOf(lines[i].text, pipe) : [];
    if (row0.length < 3) continue;
    // the run of rows of the same width, blank or lone "|" lines between
    const run: { text: string; start: number }[][] = [];
    let j = i;
    for (; j < lines.length && run.length < 40; j++) {
      const t = lines[j].text;
      if (!t.trim() || /^[\s|]*$/.test(t)) continue;
      const cs = parted(t) ? cellsOf(t, pipe) : [];
      if (cs.length !== row0.length) break;
      run.push(cs);
    }
    if (run.length < 3) {
      i = Math.max(i, j - 1);
      continue;
    }
    const cols = headerlessColumns(run);
    if (!cols) {
      i = j - 1;
      continue;
    }
    out.push({ from: i, columns: cols, pipe });
    i = j - 1;
  }
  return out;
}

/**
 * The columns of rows without a header, from what their cells hold: a 序号 of running numbers, a column of unit
 * names in most rows (the first such is responsible), dates, and the first text column before the units is the task.
 */
function headerlessColumns(run: { text: string }[][]): Column[] | null {
  const w = run[0].length;
  // rows of an indicator table (约束性/预期性, 【累计】) are read by the indicator reader, not as tasks
  if (run.some((r) => r.some((c) => /^(?:约束性|预期性)$|^[[【〔].{0,20}[\]】〕]$/.test(c.text)))) return null;
  const share = (k: number, f: (t: string) => boolean) => run.filter((r) => r[k] && f(r[k].text)).length / run.length;
  const cols: (Column | null)[] = Array.from({ length: w }, () => null);
  if (share(0, (t) => /^\d{1,3}$/.test(t)) >= 0.8) cols[0] = 'seq';
  const unitK = cols.findIndex((c, k) => c === null && share(k, (t) => unitCell(t) || hasRoleVerb(t)) >= 0.6);
  if (unitK < 1) return null;
  cols[unitK] = 'responsible';
  for (let k = 0; k < w; k++) if (cols[k] === null && share(k, (t) => !!parseDeadline(t) && t.length <= 20) >= 0.6) cols[k] = 'deadline';
  let task = false;
  for (let k = 0; k < w; k++) {
    if (cols[k] !== null) continue;
    if (k < unitK && !task) {
      cols[k] = 'task';
      task = true;
    } else cols[k] = k < unitK ? 'detail' : 'other';
  }
  if (!task || share(cols.indexOf('task'), (t) => t.length >= 4) < 0.8) return null;
  return cols as Column[];
}

/**
 * "1 ⏎ 完成27所学校…改造提升。 ⏎ 县教育局 ⏎ 已经安装… ⏎ 按时序推进 ⏎⏎ 2 ⏎ …": the same headerless table with every cell
 * on a line of its own, each row opened by its running number alone on a line. Rows of one width make the table;
 * its columns are read as headerlessColumns reads them.
 */
function headerlessBlocks(lines: Line[], found: TaskTable[]): { from: number; next: number; rows: Cell[][]; columns: Column[] }[] {
  const out: { from: number; next: number; rows: Cell[][]; columns: Column[] }[] = [];
  const taken = (p: number) => found.some((t) => t.start <= p && p <= t.end) || out.some((t) => lines[t.from].start <= p && p <= lines[t.next - 1].end);
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].text.trim() !== '1' || taken(lines[i].start)) continue;
    const rows: Cell[][] = [];
    let cur: Cell[] = [];
    let j = i;
    for (; j < lines.length; j++) {
      const t = lines[j].text.trim();
      if (!t) continue;
      if (t === String(rows.length + 2) && cur.length) {
        rows.push(cur);
        cur = [];
      } else if (t.length > 300 || (cur.length > 12)) break;
      cur.push({ text: t, start: lines[j].start + (lines[j].text.length - lines[j].text.trimStart().length) });
    }
    // the last row ends where a line no longer fits the width of the rows before it
    if (rows.length >= 2 && cur.length >= rows[0].length) {
      rows.push(cur.slice(0, rows[0].length));
      const endCell = cur[rows[0].length - 1];
      j = lines.findIndex((l) => l.start <= endCell.start && endCell.start <= l.end) + 1;
    } else if (rows.length) j = lines.findIndex((l) => l.start > rows[rows.length - 1][rows[rows.length - 1].length - 1].start);
    const w = rows[0]?.length ?? 0;
    if (rows.length < 3 || w < 3 || rows.filter((r) => r.length === w).length < rows.length * 0.8) continue;
    const columns = headerlessColumns(rows.filter((r) => r.length === w));
    if (!columns) continue;
    out.push({ from: i, next: j > i ? j : lines.length, rows: rows.filter((r) => r.length === w), columns });
    i = (j > i ? j : lines.length) - 1;
  }
  return out;
}

/**
 * "序号 ⏎ | ⏎ 主要工作目标 ⏎ | ⏎ … ⏎ | ⏎ 14 ⏎ | ⏎ 聚力推动制造业… ⏎ | ⏎ 县发展改革委 ⏎ 县经济和信息化局 ⏎ | ⏎ …": a table whose
 * cells are parted by lines holding only "|", a cell running over several lines (one unit per line). The header
 * is the run of cells the column lists know; the cells after it fill rows of the header's width.
 */
function barSegmentTables(ctx: ParseContext, lines: Line[], found: TaskTable[]): TaskTable[] {
  const out: TaskTable[] = [];
  const bar = (k: number) => k < lines.length && /^\s*\|\s*$/.test(lines[k].text);
  const taken = (p: number) => found.some((t) => t.start <= p && p <= t.end);
  for (let i = 0; i + 1 < lines.length; i++) {
    if (!lines[i].text.trim() || !bar(i + 1) || bar(i) || taken(lines[i].start) || columnOf(lines[i].text.trim()) === null) continue;
    // the cells: lines between bars; a cell of more than 12 lines is prose, the table has ended
    const segs: { lines: Line[] }[] = [];
    let cur: Line[] = [];
    let k = i;
    for (; k < lines.length; k++) {
      if (bar(k)) {
        if (cur.length) segs.push({ lines: cur });
        cur = [];
        continue;
      }
      if (!lines[k].text.trim()) continue;
      if (cur.length >= 12) break;
      cur.push(lines[k]);
    }
    if (cur.length && cur.length < 12) segs.push({ lines: cur });
    // a header opening on 序号 ends where the first row's number stands; its other names may be any short words
    const head = (g: { lines: Line[] }) => (g.lines.length === 1 ? g.lines[0].text.trim() : '');
    let w = 0;
    if (columnOf(head(segs[0])) === 'seq') while (w < segs.length && w < 12 && head(segs[w]) && !/^\d{1,4}$/.test(head(segs[w])) && head(segs[w]).length <= 16) w++;
    else while (w < segs.length && columnOf(head(segs[w])) !== null) w++;
    if (w < 3) continue;
    const names = segs.slice(0, w).map(head);
    const known = names.map(columnOf);
    const read = known.every((c) => c !== null) && isTaskHeader(known) ? (known as Column[]) : inferHeader(names);
    if (!read) continue;
    let columns = read.map(plainSpec);
    let rows: Cell[][] = [];
    for (let r = w; r + w <= segs.length; r += w) rows.push(segs.slice(r, r + w).map((g, c) => linesCell(g.lines, UNIT_COL(columns[c]) ? '、' : '', lines[i].start)));
    let last = rows.length ? segs[w + rows.length * w - 1].lines : [];
    // rows that do not line up with the header (a merged group cell printed on its group's first row, a task
    // column holding a title and its wording): each row ends on its unit cell and its deadline cell
    const anchored = anchoredBarRows(segs.slice(w), columns, lines[i].start);
    if (anchored && anchored.rows.length >= 2 && misaligned(rows, columns)) {
      rows = anchored.rows;
      columns = anchored.columns;
      last = anchored.last;
    }
    if (rows.length < 2) continue;
    // a reading begun inside this header (its first name taken for a caption) parts the same cells worse
    const firstRow = rows[0][0].start;
    for (let f = found.length - 1; f >= 0; f--) if (found[f].start > lines[i].start && found[f].start < firstRow) found.splice(f, 1);
    out.push({ start: lines[i].start, end: last[last.length - 1].end, caption: captionAbove(lines, i), rows: rows.map((r) => rowTask(ctx, r, columns, undefined, names)) });
    while (i < lines.length && lines[i].end < last[last.length - 1].end) i++;
  }
  return out;
}

const DEADLINE_WORDS = /^(?:长期坚持|持续推进|每年开展|常态化|长期)/;
const isDeadlineSeg = (g: Line[]) => {
  const t = g.map((l) => l.text.trim()).join('');
  return t.length <= 30 && (!!parseDeadline(t) || DEADLINE_WORDS.test(t) || /^(?:(?:19|20)\d{2}年)?\d{1,2}月/.test(t));
};
// "市公安局等": a unit cell's name, its "等" tail left aside
const unitName = (t: string) => looksLikeUnit(t.trim().replace(/等$/, ''));
const isUnitSeg = (g: Line[]) => g.length > 0 && g.every((l) => unitName(l.text));
const GROUP_ROW_CELL = /^[一二三四五六七八九十]{1,3}[、.．]/;

/** a table whose rows the header's width cannot part: its unit column's cells are mostly not names */
function misaligned(rows: Cell[][], columns: Column[]): boolean {
  const u = columns.findIndex(UNIT_COL);
  if (u < 0 || !rows.length) return true;
  const bad = rows.filter((r) => !r[u]?.text || !r[u].text.split('、').every(unitName)).length;
  return bad * 3 >= rows.length;
}

/**
 * "一、强化…监管机制 | 严格定点协议管理 | 切实加强…。 | 市医保局 | 2021年12月底前完成并长期坚持 | 强化医保医师管理 | …": a
 * header ending on a unit column and a deadline column; a row closes where a deadline cell follows a unit cell.
 * A group cell ("一、…") is set aside; the first other cell is the task, the cells up to the units its wording.
 */
function anchoredBarRows(segs: { lines: Line[] }[], columns: Column[], at: number): { rows: Cell[][]; columns: Column[]; last: Line[] } | null {
  const n = columns.length;
  if (n < 3 || columns[n - 1] !== 'deadline' || !UNIT_COL(columns[n - 2])) return null;
  const read: Column[] = ['task', 'detail', columns[n - 2], 'deadline'];
  const rows: Cell[][] = [];
  let cur: { lines: Line[] }[] = [];
  let last: Line[] = [];
  for (const g of segs) {
    cur.push(g);
    if (cur.length >= 3 && isDeadlineSeg(g.lines) && isUnitSeg(cur[cur.length - 2].lines)) {
      const body = cur.slice(0, -2).filter((x, k) => !(k === 0 && x.lines.length === 1 && GROUP_ROW_CELL.test(x.lines[0].text.trim())));
      if (body.length >= 1) {
        const detail = body.slice(1).flatMap((x) => x.lines);
        rows.push([linesCell(body[0].lines, '', at), linesCell(detail, '', at), linesCell(cur[cur.length - 2].lines, '、', at), linesCell(g.lines, '', at)]);
        last = g.lines;
      }
      cur = [];
    } else if (cur.length > 6) break; // (cells that close no row: the table has ended)
  }
  return rows.length ? { rows, columns: read, last } : null;
}

/**
 * "1 ⏎ | ⏎ 一、经济社会发展的主要预期目标 ⏎ | ⏎ 农村常住居民人均可支配收入与全省同步增长。 ⏎ | ⏎ 法规科 ⏎ | ⏎ 潘秀峰 ⏎ | ⏎ 2024年底前 ⏎ | ⏎ 2 ⏎ …":
 * the bar-parted table of a page stored without its header. Two bars in a row are an empty cell; each row opens
 * on its running number; a merged 类别 cell ("二、…", printed on the first row of its group only) makes a row one
 * cell wider and is set aside. The columns are read from what the cells hold, as headerlessColumns reads them.
 */
function headerlessBarTables(ctx: ParseContext, lines: Line[], found: TaskTable[]): TaskTable[] {
  const out: TaskTable[] = [];
  const bar = (k: number) => k < lines.length && /^\s*\|\s*$/.test(lines[k].text);
  const taken = (p: number) => [...found, ...out].some((t) => t.start <= p && p <= t.end);
  for (let i = 0; i + 1 < lines.length; i++) {
    if (lines[i].text.trim() !== '1' || !bar(i + 1) || taken(lines[i].start)) continue;
    // the cells: the lines between two bars (none: an empty cell); prose of many lines ends the table
    const segs: Line[][] = [];
    let cur: Line[] = [];
    let k = i;
    for (; k < lines.length; k++) {
      if (bar(k)) {
        segs.push(cur);
        cur = [];
        continue;
      }
      if (!lines[k].text.trim()) continue;
      if (cur.length >= 12 || lines[k].text.length > 400) break;
      cur.push(lines[k]);
    }
    if (cur.length && cur.length < 12) segs.push(cur);
    const only = (g: Line[]) => (g.length === 1 ? g[0].text.trim() : '');
    const rowsSegs: Line[][][] = [];
    for (const g of segs) {
      if (only(g) === String(rowsSegs.length + 1)) rowsSegs.push([g]);
      else if (rowsSegs.length) rowsSegs[rowsSegs.length - 1].push(g);
    }
    if (rowsSegs.length < 3) continue;
    const group = (r: Line[][]) => r.length > 2 && /^[一二三四五六七八九十]{1,3}[、.．]/.test(only(r[1]));
    const plain = (r: Line[][]) => (group(r) ? [r[0], ...r.slice(2)] : r);
    const widths = new Map<number, number>();
    for (const r of rowsSegs.slice(0, -1)) widths.set(plain(r).length, (widths.get(plain(r).length) ?? 0) + 1);
    const w = [...widths.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 0;
    // the last row ends after its width's cells; what follows is the page going on
    const last = plain(rowsSegs[rowsSegs.length - 1]);
    const rows = [...rowsSegs.slice(0, -1).map(plain), ...(last.length >= w ? [last.slice(0, w)] : [])].filter((r) => r.length === w);
    if (w < 3 || rows.length < 3 || rows.length < (rowsSegs.length - 1) * 0.8) continue;
    const cellOf = (g: Line[], sep: string) => linesCell(g, sep, lines[i].start);
    const columns = headerlessColumns(rows.map((r) => r.map((g) => cellOf(g, '、'))).map((r) => r.map((c) => ({ text: c.text.split('、')[0] }))));
    if (!columns) continue;
    const tableRows = rows.map((r) => r.map((g, c) => cellOf(g, UNIT_COL(columns[c]) ? '、' : '')));
    const lastCell = rows[rows.length - 1].flat().pop()!;
    out.push({ start: lines[i].start, end: lastCell.end, caption: captionAbove(lines, i), rows: tableRows.map((r) => rowTask(ctx, r, columns)) });
    while (i < lines.length && lines[i].end < lastCell.end) i++;
  }
  return out;
}

// only a one-line header keeps a 建设内容 column apart: elsewhere it is read as the task's detail
const plainSpec = (c: Column): Column => (c === 'spec' ? 'detail' : c);

function isTaskHeader(cols: (Column | null)[]): boolean {
  const known = cols.filter((c) => c !== null).length;
  const hasTask = cols.includes('task') || cols.includes('detail') || cols.includes('ref') || cols.includes('spec');
  const hasUnit = cols.some((c) => c === 'lead' || c === 'responsible' || c === 'cooperating' || c === 'mark');
  return known >= 3 && hasTask && hasUnit;
}

interface Header {
  columns: Column[];
  next: number;
  perLine: boolean;
  pipe: boolean;
  /** a matrix of one column per unit: the header cell naming each 'mark' column's unit */
  marks?: (Cell | undefined)[];
  /** the header cells as written (one-line headers) */
  names?: string[];
  /** cells parted by single spaces */
  single?: boolean;
}

/** 主责/主办/主要责任 columns lead unless the header also has a 牵头 column (vocabulary.ts) */
function headerAt(lines: Line[], i: number): Header | null {
  const h0 = headerAt0(lines, i);
  if (!h0) return h0;
  const names = h0.names ?? (h0.perLine ? lines.slice(i, h0.next).map((l) => cellLine(l.text)).filter(Boolean) : null);
  if (!names || names.length !== h0.columns.length) return h0;
  // a one-cell-per-line header keeps its names too: a figure column's header says what the figure is
  const h = h0.names ? h0 : { ...h0, names };
  if (!names.some((n, k) => h.columns[k] === 'lead' && isLeadLabel(n.replace(/\s/g, '')))) return h;
  return { ...h, columns: h.columns.map((c, k) => (c === 'lead' && !isLeadLabel(names[k].replace(/\s/g, '')) && /主要责任|主责|主办/.test(names[k]) ? 'responsible' : c)) };
}

/** a line holding one cell; a page may close each cell with " |" */
const cellLine = (t: string) => t.trim().replace(/[ \t]*\|$/, '').trim();

// a header cell's note on a line of its own ("(单位)", "(部门)")
const NOTE_LINE = /^[(（](?:单位|部门|科室|股室|处室|单位名称|部门单位)[)）]$/;
// header words that name the row's indicator rather than its work
const WEAK_TASK = /^(?:指标|指标名称|考核指标|项目)$/;

function headerAt0(lines: Line[], i: number): Header | null {
  const t = lines[i].text;
  if (t.trim().length > 120) return null;
  const pipe = t.includes('|');
  if (SEP.test(t.trim())) {
    const raw = cellsOf(t, pipe);
    const cells = raw.map((c) => columnOf(c.text));
    // "责任主体" over "牵头单位 | 配合单位" on the next row: the lower row names the columns
    const two = cells.length >= 3 ? twoRowHeader(lines, i, raw, cells, pipe) : null;
    if (two) return { ...two, columns: two.columns.map(plainSpec) };
    const matrix = (pipe || t.includes('\t')) && cells.length >= 4 ? matrixHeader(lines[i], raw, cells) : null;
    if (matrix) return { ...matrix, columns: matrix.columns.map(plainSpec), next: i + 1, perLine: false, pipe };
    if (cells.length >= 3 && cells.every((c) => c !== null) && isTaskHeader(cells)) return { columns: cells as Column[], next: i + 1, perLine: false, pipe, names: raw.map((c) => c.text) };
    const inferred = cells.length >= 3 && !cells.every((c) => c !== null) ? inferHeader(raw.map((c) => c.text)) : null;
    if (inferred) return { columns: inferred.map(plainSpec), next: i + 1, perLine: false, pipe, names: raw.map((c) => c.text) };
    // "序号 | 项目名称 | 责任单位 | 目标任务 | 1- 8月 实际完成情况": columns the lists know make the table, the others are other
    const known = cells.filter((c) => c !== null).length;
    const loose = cells.map((c) => c ?? 'other') as Column[];
    // a project ledger's "|" header, half its columns figures the lists do not name ("至2021年底累计完成投资",
    // "2022年工作计划"): 序号, the row's name and a unit column make it a task table still
    const ledger = pipe && cells[0] === 'seq' && known * 2 >= raw.filter((c) => c.text).length && cells.some((c) => c === 'task') && cells.some((c) => c !== null && UNIT_COL(c));
    if (cells.length >= 4 && known >= 3 && (known >= cells.length - 2 || ledger) && isTaskHeader(cells) && cells[0] !== null) return { columns: loose.map(plainSpec), next: i + 1, perLine: false, pipe, names: raw.map((c) => c.text) };
  } else if (/^\S{1,8}(?: \S{1,8}){3,11}$/.test(t.trim())) {
    // "序号 任务名称 具体措施 牵头单位 …": cells parted by single spaces
    const raw = t.trim().split(' ');
    const cells = raw.map(columnOf);
    const cols = cells.every((c) => c !== null) && isTaskHeader(cells) ? (cells as Column[]) : inferHeader(raw);
    if (cols) return { columns: cols.map(plainSpec), next: i + 1, perLine: false, pipe: false, single: true, names: raw };
  }
  // one header cell per line
  const cols: Column[] = [];
  const words: string[] = [];
  let j = i;
  while (j < lines.length) {
    const tx = cellLine(lines[j].text);
    if (!tx) {
      if (cols.length === 0) return null;
      j++;
      continue;
    }
    // "责任股室 ⏎ (单位)": a header cell broken before its note
    if (cols.length && NOTE_LINE.test(tx)) {
      j++;
      continue;
    }
    // "指标名称 ⏎ 单位 ⏎ 2022年 ⏎ 2025年 ⏎ 牵头单位": an indicator list's measure and year columns, not units or a stop
    let c = cols.length && /^(?:计量)?单位$/.test(tx) ? 'other' : cols.length && /^(?:19|20)\d{2}年(?:目标|目标值|底)?$/.test(tx) ? 'other' : columnOf(tx);
    // "名 称 ⏎ 责任单位 ⏎ 工作任务与目标" (ey05): a ledger's first column names its rows ("项目 ⏎ 名称" is one cell broken)
    if (!c && !cols.length && tx.replace(/\s/g, '') === '名称' && !/^项目$/.test(prevCellText(lines, i))) c = 'task';
    // "指标 ⏎ 工作任务": beside the task column, an indicator column only groups the rows
    const weak = cols.findIndex((x, k) => x === 'task' && WEAK_TASK.test(words[k]));
    if (c === 'task' && weak >= 0 && !WEAK_TASK.test(tx)) cols[weak] = 'other';
    // "项目名称 ⏎ 具体任务及目标", "名 称 ⏎ 工作任务与目标": a second column naming the work says what it is in detail
    else if (c === 'task' && /^(?:项目)?名称$/.test((words[cols.indexOf('task')] ?? '').replace(/\s/g, '')) && !cols.includes('detail')) c = 'detail';
    // a header names each column once and has a handful of them
    if (!c || (c !== 'other' && c !== 'detail' && cols.includes(c)) || cols.length >= 12) break;
    cols.push(plainSpec(c));
    words.push(tx);
    j++;
  }
  if (cols.length >= 3 && isTaskHeader(cols)) return { columns: cols, next: j, perLine: true, pipe: false };
  // header words the list does not know: the longest run of header-like lines that reads as a task header
  // (it opens on a column the list knows: a title line above is no header cell)
  // (or on a category column the 序号 follows: "考核项目 ⏎ 序号 ⏎ 考核指标 …")
  // (a title above the header, "重点任务分解表", is no category column)
  const category = (x: string) => x.length <= 6 && !/[表单案划知]$/.test(x) && looseColumn(x) === 'text';
  if (!columnOf(cellLine(t)) && !(category(cellLine(t)) && columnOf(nextCellText(lines, i)) === 'seq')) return null;
  const texts: string[] = [];
  const at: number[] = [];
  for (let k = i; k < lines.length && texts.length < 12; k++) {
    const tx = cellLine(lines[k].text);
    if (!tx) continue;
    if (!looseColumn(tx)) break;
    // a word the list does not know right before the first row's number is that row's first cell
    if (texts.length >= 3 && !columnOf(tx) && nextCellText(lines, k) === '1') break;
    texts.push(tx);
    at.push(k);
  }
  for (let n = texts.length; n >= 3; n--) {
    const inferred = inferHeader(texts.slice(0, n));
    if (inferred && new Set(inferred.filter((c) => c !== 'other' && c !== 'detail')).size === inferred.filter((c) => c !== 'other' && c !== 'detail').length) {
      return { columns: inferred.map(plainSpec), next: at[n - 1] + 1, perLine: true, pipe: false };
    }
  }
  return null;
}

/**
 * A responsibility matrix: one column per unit ("镇党政办 | 镇财政局 | …") whose cells mark the
 * task's lead (●) or cooperating (○) units. The other header cells name ordinary columns.
 */
function matrixHeader(line: Line, raw: { text: string; start: number }[], cells: (Column | null)[]): { columns: Column[]; marks: (Cell | undefined)[] } | null {
  const marks: (Cell | undefined)[] = [];
  const columns: Column[] = [];
  let units = 0;
  for (let k = 0; k < raw.length; k++) {
    const c = cells[k];
    const tx = raw[k].text;
    if (c && c !== 'lead' && c !== 'responsible' && c !== 'cooperating') columns.push(c);
    else if (tx && !c && looksLikeUnit(tx) && UNIT_NAME_END.test(tx)) {
      columns.push('mark');
      marks[k] = { text: tx, start: line.start + raw[k].start };
      units++;
    } else return null;
  }
  if (units < 2 || !columns.some((c) => c === 'task' || c === 'detail')) return null;
  return { columns, marks };
}
const UNIT_NAME_END = /(局|厅|委|委员会|办|办公室|部|政府|中心|管委会|集团|公司|院|分局|分行|党委|街道|镇|乡|所|站|队|社|会|处|室|科|\))$/;
// filled marks give the lead, hollow ones the cooperating units (the legend of most matrices)
// or the role written out in the cell ("牵头" / "配合", with no legend)
const LEAD_MARK = /^(?:[●★▲■◆√✓✔]|牵头|主责|牵头单位)$/;
const COOP_MARK = /^(?:[○☆△□◇◎]|配合|参与|协办|协同|协助|配合单位)$/;
const RESP_MARK = /^(?:负责|责任|责任单位|落实)$/;

/** units under one merged header cell: "责任主体" over "牵头单位 | 配合单位" */
const GROUP_CELL = /^(责任主体|责任单位|责任部门|责任分工|分工|实施主体|落实主体|承办单位|单位)$/;

/**
 * A header of two rows: a merged cell ("责任主体", colspan 2) over the cells that name its columns
 * ("牵头单位 | 配合单位"). A saved page whose spans were expanded repeats the other cells in the second
 * row and leaves the merged cell's other columns empty; flattened text may give the second row only
 * the cells under the merged one.
 */
function twoRowHeader(
  lines: Line[],
  i: number,
  raw: { text: string }[],
  cells: (Column | null)[],
  pipe: boolean,
): { columns: Column[]; next: number; perLine: boolean; pipe: boolean } | null {
  const group = raw.findIndex((c) => GROUP_CELL.test(c.text.replace(/\s/g, '')));
  if (group < 0) return null;
  let j = i + 1;
  while (j < lines.length && j <= i + 2 && !lines[j].text.trim()) j++;
  if (j >= lines.length || !SEP.test(lines[j].text.trim())) return null;
  const sub = cellsOf(lines[j].text, pipe).map((c) => (c.text ? columnOf(c.text) : null));
  const roles = (cs: (Column | null)[]) => cs.length >= 2 && cs.every((c) => c === 'lead' || c === 'responsible' || c === 'cooperating' || c === 'leaders');
  let columns: (Column | null)[] | null = null;
  const named = sub.filter((c) => c !== null);
  if (sub.length === raw.length && group + 1 < raw.length && !raw[group + 1].text.trim()) {
    // the grid of a page (the merged cell left its other columns empty): each column takes the
    // lower row's name, else the upper's
    columns = sub.map((c, k) => c ?? cells[k]);
  } else if (roles(named)) {
    const sub = named;
    // only the sub-cells: they take the merged cell's place (and the empty cells it left)
    let span = 1;
    while (group + span < raw.length && !raw[group + span].text.trim()) span++;
    columns = [...cells.slice(0, group), ...sub, ...cells.slice(group + span)];
  }
  if (!columns || columns.length < 3 || !columns.every((c) => c !== null) || !isTaskHeader(columns)) return null;
  return { columns: columns as Column[], next: j + 1, perLine: false, pipe };
}

function captionAbove(lines: Line[], i: number): string {
  for (let k = i - 1; k >= 0 && k >= i - 3; k--) if (lines[k].text.trim()) return lines[k].text.trim();
  return '';
}

function rowsOneLine(lines: Line[], from: number, columns: Column[], pipe: boolean, single = false): { rows: Cell[][]; next: number } {
  const rows: Cell[][] = [];
  let i = from;
  for (; i < lines.length; i++) {
    const l = lines[i];
    if (!l.text.trim()) {
      // a saved web page parts its rows by blank lines: the table goes on while tab rows follow
      if (rows.length && !(!pipe && nextTabRow(lines, i + 1, columns.length))) break;
      continue;
    }
    if (pipe && /^[\s|:-]+$/.test(l.text)) continue; // markdown rule line
    let cells: Cell[] = (single ? singleCells(l.text) : cellsOf(l.text, pipe)).map((c) => ({ text: c.text, start: l.start + c.start }));
    // "一、以公开助力… | (一)加强… | 1 | 进一步增强… | units | 持续推进 |": the first row of a group carries its merged
    // heading cells before its own, into the empty columns the header leaves at its end
    if (pipe && cells.length > 2 && SECTION_CELL.test(cells[0].text.trim())) cells = withoutGroupCells(cells, columns);
    if (single && columns[0] === 'seq' && !/^\d{1,3}$/.test(cells[0]?.text ?? '')) {
      // "一、经济社会发展主要预期目标": a section row between rows
      if (SECTION_CELL.test(l.text.trim()) && l.text.trim().length <= 40) continue;
      // a row's unit cell and its free text wrapped onto lines of their own ("区林业局", "…同比增长3.4%。")
      if (rows.length) {
        const prev = rows[rows.length - 1];
        const whole: Cell = { text: l.text.trim(), start: l.start + (l.text.length - l.text.trimStart().length) };
        const uk = columns.map((c, k) => k).filter((k) => UNIT_COL(columns[k])).pop();
        const ok = columns.map((c, k) => k).filter((k) => columns[k] === 'other').pop();
        if (uk !== undefined && looksLikeUnit(whole.text) && whole.text.length <= 30) {
          prev[uk] = prev[uk].text ? joinCells(prev[uk], whole, '、') : whole;
          continue;
        }
        // "县生态环境分局 2024年12月底": the rest of a unit cell left open ("…、县自然资源局、"), then the row's deadline
        const dk = columns.indexOf('deadline');
        const words = singleCells(l.text).map((c) => ({ text: c.text, start: l.start + c.start }));
        const open = [...prev.keys()].filter((k) => UNIT_COL(columns[k]) && /[、,]$/.test(prev[k].text)).pop();
        if (open !== undefined && words.length >= 2 && dk >= 0 && !prev[dk].text && parseDeadline(words[words.length - 1].text) && words.slice(0, -1).every((w) => looksLikeUnit(w.text.replace(/[、,]$/, '')))) {
          for (const w of words.slice(0, -1)) prev[open] = joinCells(prev[open], w);
          prev[dk] = words[words.length - 1];
          continue;
        }
        if (ok !== undefined && uk !== undefined && ok > uk && prev[uk].text) {
          prev[ok] = prev[ok].text ? joinCells(prev[ok], whole, ' ') : whole;
          continue;
        }
      }
    }
    // a single-space table has rows of exactly its columns, unless its text cells hold spaces too:
    // then the unit cells are the last words of the row and the text is what stands between
    if (single && cells.length !== columns.length) {
      // a row whose deadline cell is empty ("4 开展全民健身活动 县文旅局 县教体局") or still to come on the next line
      const last = columns.length - 1;
      const noDeadline = () => {
        if (columns[last] !== 'deadline' || parseDeadline(cells[cells.length - 1]?.text ?? '')) return null;
        const f = singleFit(cells, columns.slice(0, last));
        return f ? [...f, { text: '', start: l.end }] : null;
      };
      const fitted = singleFit(cells, columns) ?? noDeadline();
      if (!fitted) break;
      cells = fitted;
    }
    // a section row spanning all columns ("一、壮大先进制造业集群") or the header typed again mid-table
    if (skippableRow(l.text, pipe)) continue;
    if (cells.length < 2) break;
    // "| | 事”改革 | 记等高频… |": a row with an empty 序号 continues the cells of the row above
    const keepsEmpty = pipe || l.text.includes('\t');
    // a tab row opening on a tab left its 序号 empty (cellsOf drops that first empty cell)
    if (!pipe && /^\t/.test(l.text) && columns[0] === 'seq' && rows.length && !/^\d{1,3}$/.test(cells[0].text)) cells.unshift({ text: '', start: l.start });
    if (keepsEmpty && rows.length && columns[0] === 'seq' && !cells[0].text && cells.some((c) => c.text)) {
      const prev = rows[rows.length - 1];
      columns.forEach((col, k) => {
        const c = cells[k];
        if (!c || !c.text) return;
        const unit = col === 'lead' || col === 'responsible' || col === 'cooperating';
        // "市财政局" then "市税务局" on the next line: two names, not one wrapped name
        const sep = unit && /(局|厅|委|办|部|院|会|中心|公司|集团|政府|街道|镇|乡|处)$/.test(prev[k].text) && /^(市|区|县|各|省|国家)/.test(c.text) ? '、' : '';
        prev[k] = joinCells(prev[k], c, sep);
      });
      continue;
    }
    // "| 2.持续开展… | 县农业农村局 | 2025年11月底前 | ||": a page that drops a row's merged cells pads the row at
    // its end; the empty cells there stand for the missing ones at its start
    if (pipe) while (cells.length > 2 && !cells[cells.length - 1].text) cells.pop();
    // "投资 | 工程主要形象进度 | 完成 投资 | % |…": the header's second line, sub-columns of the first, before any row
    if (pipe && !rows.length && columns[0] === 'seq' && !/^\d{1,3}$/.test(cells[0]?.text ?? '') && !cells.some((c) => unitCell(c.text))) continue;
    // whitespace-separated rows lose empty cells: a short row fills from the left, unless its unit cell then
    // falls on no unit: a merged cell at the row's start (the category over several rows) is the one missing
    let shift = 0;
    // "2 | 特困供养… | 陈宣群 | 市民政局": the 序号 stands left of its column, the merged cells before it missing
    const sCol = columns.indexOf('seq');
    const num = sCol > 0 && cells.length < columns.length && !/^\d{1,3}$/.test(cells[sCol]?.text ?? '') ? cells.findIndex((c, k) => k < sCol && /^\d{1,3}$/.test(c.text)) : -1;
    if (num >= 0) shift = sCol - num;
    const uCol = columns.findIndex(UNIT_COL);
    // "2、… | 加强… | 市规划局 市建设局 | 有关部门 | 2010年9月20日前 |": a short row closing on the deadline of the
    // header's last column lines up from the right, when that puts a unit under the first unit column
    const gap = columns.length - cells.length;
    if (
      !shift &&
      gap > 0 &&
      uCol >= gap &&
      columns[columns.length - 1] === 'deadline' &&
      cells.length >= 3 &&
      cells[cells.length - 1].text.length <= 20 &&
      parseDeadline(cells[cells.length - 1].text) &&
      unitCell(cells[uCol - gap].text)
    )
      shift = gap;
    if (!shift && uCol >= 0 && !(cells[uCol] && (unitCell(cells[uCol].text) || hasRoleVerb(cells[uCol].text) || !cells[uCol].text))) {
      const most = Math.min(uCol, Math.max(columns.length - cells.length, 2));
      for (let o = 1; o <= most; o++) {
        const c = cells[uCol - o];
        // (or the row's last cell saying who does what: "办公室牵头,各科室按职责分工落实", fv01)
        if (c && (unitCell(c.text) || (uCol - o === cells.length - 1 && uCol === columns.length - 1 && /牵头(?!\))|配合|协助|协办/.test(c.text)))) {
          shift = o;
          // "加快…管网规划建设。 | 市建设局 | 市生态环境局、市经信局 |": the row's run of unit cells opens on the
          // first unit column, not its last one
          while (shift < most && cells[uCol - shift - 1] && unitCell(cells[uCol - shift - 1].text)) shift++;
          break;
        }
      }
    }
    const row = columns.map((_, k) => cells[k - shift] ?? { text: '', start: l.end });
    // …and a merged unit cell at the row's end ("实施主体" printed on its group's first row) is the row above's
    if (pipe && shift > 0 && rows.length && sCol >= 0 && !row[sCol].text)
      columns.forEach((c, k) => {
        if (k - shift >= cells.length && UNIT_COL(c) && !row[k].text && rows[rows.length - 1][k]?.text) row[k] = rows[rows.length - 1][k];
      });
    // a "|" row with more cells than its header (a second header line's sub-columns): its unit cell stands to the
    // right of the unit column; the unit cell is the one that names units
    if (pipe && !shift && uCol >= 0 && !unitCell(row[uCol].text)) {
      const right = cells.findIndex((c, k) => k > uCol && k <= uCol + 4 && !UNIT_COL(columns[k] ?? 'other') && unitCell(c.text));
      if (right > 0) row[uCol] = cells[right];
    }
    rows.push(row);
    if (cells.length + shift > columns.length) {
      const extra = cells.slice(columns.length - 1 - shift);
      const last = rows[rows.length - 1];
      last[columns.length - 1] = { text: extra.map((c) => c.text).join(' '), start: extra[0].start };
    }
  }
  return { rows, next: i };
}

/** A single-space row whose text cells hold spaces: seq first, unit cells (and a deadline) last, text between. */
function singleFit(cells: Cell[], columns: Column[]): Cell[] | null {
  const firstUnit = columns.findIndex(UNIT_COL);
  if (firstUnit >= 0 && columns.slice(firstUnit).some((c) => c === 'other')) return singleFitTail(cells, columns, firstUnit);
  if (firstUnit < 0 || columns.slice(firstUnit).some((c) => !UNIT_COL(c) && c !== 'deadline')) return null;
  const tailN = columns.length - firstUnit;
  const tail = cells.slice(cells.length - tailN);
  if (!tail.every((c, k) => (columns[firstUnit + k] === 'deadline' ? true : unitLine(c.text) || looksLikeUnit(splitUnitList(c.text, 0)[0]?.text ?? '')))) return null;
  const out: Cell[] = [];
  let lo = 0;
  for (let k = 0; k < firstUnit; k++) {
    const c = columns[k];
    if (c === 'seq' && /^\d{1,3}$/.test(cells[lo].text)) out.push(cells[lo++]);
    else if (c === 'seq') out.push({ text: '', start: cells[lo].start });
    else break;
  }
  const textCols = firstUnit - out.length;
  const mid = cells.slice(lo, cells.length - tailN);
  if (textCols < 1 || mid.length < 1) return null;
  // fewer words than text columns: the empty (merged) cells are the first ones
  if (mid.length < textCols) return [...out, ...Array.from({ length: textCols - mid.length }, () => ({ text: '', start: mid[0].start })), ...mid, ...tail];
  // the text columns: one word each from the left, the last one takes the rest (joined by its spaces)
  for (let k = 0; k < textCols; k++) {
    if (k < textCols - 1 && mid.length - k > textCols - k) out.push(mid[k]);
    else if (k === textCols - 1) out.push(mid.slice(Math.min(k, mid.length - 1)).reduce((a, b) => joinCells(a, b, ' ')));
    else out.push({ text: '', start: mid[0].start });
  }
  return [...out, ...tail];
}

/**
 * "1 地区生产总值增长6%以上。 区发展改革委 地区生产总值同比增长2.9%。": columns after the units hold free text
 * (推进情况, 备注). The units are the first run of unit names after the task's words; what follows them
 * fills the columns after the units, the last one taking the rest.
 */
function singleFitTail(cells: Cell[], columns: Column[], firstUnit: number): Cell[] | null {
  const seq = columns[0] === 'seq' && /^\d{1,3}$/.test(cells[0]?.text ?? '') ? 1 : 0;
  const isUnit = (c: Cell) => unitLine(c.text) || (looksLikeUnit(splitUnitList(c.text, 0)[0]?.text ?? '') && splitUnitList(c.text, 0).every((p) => looksLikeUnit(p.text)));
  let u = seq + 1;
  while (u < cells.length && !isUnit(cells[u])) u++;
  if (u >= cells.length) return null;
  let v = u;
  while (v < cells.length && isUnit(cells[v])) v++;
  const unitCols = columns.slice(firstUnit).filter(UNIT_COL).length;
  const out: Cell[] = columns.map(() => ({ text: '', start: cells[0].start }));
  if (seq) out[0] = cells[0];
  const textCols = columns.map((c, k) => k).filter((k) => k < firstUnit && columns[k] !== 'seq');
  const mid = cells.slice(seq, u);
  if (!textCols.length || !mid.length) return null;
  textCols.forEach((k, i) => {
    if (i === textCols.length - 1) out[k] = mid.slice(Math.min(i, mid.length - 1)).reduce((a, b) => joinCells(a, b, ' '));
    else if (i < mid.length - 1) out[k] = mid[i];
  });
  const units = cells.slice(u, v);
  const uCols = columns.map((c, k) => k).filter((k) => k >= firstUnit && UNIT_COL(columns[k]));
  uCols.forEach((k, i) => {
    if (i === uCols.length - 1) out[k] = units.slice(Math.min(i, units.length - 1)).reduce((a, b) => joinCells(a, b, '、'));
    else if (i < units.length) out[k] = units[i];
  });
  if (unitCols < 1) return null;
  const rest = cells.slice(v);
  const after = columns.map((c, k) => k).filter((k) => k >= firstUnit && !UNIT_COL(columns[k]));
  if (rest.length && after.length) {
    const dl = after.find((k) => columns[k] === 'deadline');
    let r = rest;
    if (dl !== undefined && parseDeadline(r[0].text)) {
      out[dl] = r[0];
      r = r.slice(1);
    }
    const others = after.filter((k) => columns[k] !== 'deadline');
    if (r.length && others.length) out[others[others.length - 1]] = r.reduce((a, b) => joinCells(a, b, ' '));
  }
  return out;
}

function singleCells(line: string): { text: string; start: number }[] {
  const out: { text: string; start: number }[] = [];
  const r = /[^ \t\u3000]+/g;
  let m: RegExpExecArray | null;
  while ((m = r.exec(line))) out.push({ text: m[0], start: m.index });
  return out;
}

// a row whose one filled cell is a heading: "一、…", "(二)…", "第三部分 …"
const SECTION_CELL = /^(?:[一二三四五六七八九十]{1,3}[、.．]|[(（][一二三四五六七八九十]{1,3}[)）]|第[一二三四五六七八九十\d]{1,3}(?:部分|章|节|篇))\s*\S/;

function withoutGroupCells(cells: Cell[], columns: Column[]): Cell[] {
  let spare = 0;
  while (spare < columns.length && columns[columns.length - 1 - spare] === 'other') spare++;
  let k = 0;
  while (k < spare && k < cells.length - 2 && SECTION_CELL.test(cells[k].text.trim()) && cells[k].text.trim().length <= 40) k++;
  if (!k) return cells;
  const shifted = [...cells.slice(k), ...cells.slice(0, k).map((c) => ({ text: '', start: c.start }))];
  // (only where the shift puts unit names under the unit column)
  const u = columns.findIndex(UNIT_COL);
  return u >= 0 && shifted[u] && unitCell(shifted[u].text.replace(/负责落实$|负责$|牵头$/, '')) ? shifted : cells;
}

/** A row that is no task: a section heading spanning the table, or a repeated (part of the) header. */
function skippableRow(text: string, pipe: boolean): boolean {
  if (!pipe && !text.includes('\t')) return false;
  const filled = cellsOf(text, pipe).filter((c) => c.text);
  if (filled.length === 1) return SECTION_CELL.test(filled[0].text) && filled[0].text.length <= 40;
  if (filled.length < 3) return false;
  const named = filled.filter((c) => columnOf(c.text) !== null || GROUP_CELL.test(c.text.replace(/\s/g, ''))).length;
  return named >= filled.length - 1 && named >= 3 && filled.some((c) => columnOf(c.text) === 'seq' || columnOf(c.text) === 'task');
}

function nextTabRow(lines: Line[], j: number, width: number): boolean {
  while (j < lines.length && (!lines[j].text.trim() || skippableRow(lines[j].text, false))) j++;
  if (j >= lines.length || !lines[j].text.includes('\t')) return false;
  return cellsOf(lines[j].text, false).filter((c) => c.text).length >= Math.min(3, width);
}

function rowsPerLine(lines: Line[], from: number, columns: Column[], headerAt0 = from): { rows: Cell[][]; next: number } {
  // "考核项目 | 序号 | …": a category column before the 序号, printed once over its group of rows (a merged
  // cell): rows open on their number, the category lines between rows are skipped
  if (columns[0] !== 'seq' && columns[1] === 'seq' && (columns[0] === 'other' || columns[0] === 'task')) {
    const got = rowsPerLine0(lines, from, columns.slice(1), headerAt0, true);
    return { rows: got.rows.map((r) => [{ text: '', start: r[0].start }, ...r]), next: got.next };
  }
  // no 序号 opens the rows: rows found by the shape of their first cells (a name, then a figure)
  if (!columns.includes('seq') && UNIT_COL(columns[columns.length - 1])) {
    const sig = signatureRows(lines, from, columns.length + 2);
    if (sig) return { rows: sig.rows.map((r) => sigCells(r, columns)), next: sig.next };
    const runs = unitRunRows(lines, from, columns);
    if (runs) return runs;
  }
  return rowsPerLine0(lines, from, columns, headerAt0);
}

/** A row read by its shape, laid onto the header's columns: name, figure, the text between, the units. */
function sigCells(r: SignatureRow, columns: Column[]): Cell[] {
  const out: Cell[] = columns.map(() => ({ text: '', start: r.cells[0].start }));
  const t = columns.findIndex((c) => c === 'task' || c === 'detail');
  const u = columns.findIndex(UNIT_COL);
  const free = columns.map((_, k) => k).filter((k) => k !== t && k !== u);
  out[Math.max(0, t)] = r.cells[0];
  r.cells.slice(1).forEach((c, k) => {
    const at = free[Math.min(k, free.length - 1)];
    out[at] = out[at].text ? joinCells(out[at], c, ' ') : c;
  });
  if (r.units && u >= 0) out[u] = r.units;
  return out;
}

// a line holding only a bar: the parting between two cells of a page that stores one cell per run of lines
const LONE_BAR = /^\s*[|｜]\s*$/;

function rowsPerLine0(lines: Line[], from: number, columns: Column[], headerAt0 = from, grouped = false): { rows: Cell[][]; next: number } {
  const rows: Cell[][] = [];
  const hasSeq = columns[0] === 'seq';
  // a PDF page break inside the table repeats the document's running title and the column header
  const above = new Set<string>();
  for (let k = Math.max(0, headerAt0 - 40); k < headerAt0; k++) {
    const t = lines[k].text.trim();
    if (t.length >= 6) above.add(t);
  }
  // a page that parts its cells by blank lines (a blank between header cells): one blank is no table end
  const spaced = lines.slice(headerAt0, from).some((l) => !l.text.trim() || LONE_BAR.test(l.text));
  // a page that closes every cell with " |": a lone "|" is an empty cell, kept so the columns stay aligned
  const head = lines.slice(headerAt0, from).filter((l) => l.text.trim());
  const piped = head.length >= 3 && head.every((l) => /\|\s*$/.test(l.text));
  // a page that parts its cells by a lone "|" on a line of its own (normalize.ts joinBarCells): the bar is the blank
  // (rows opened by their 序号 only: without it the width alone would part them, and a cell the header does not name shifts
  // every row after it)
  const barred = !piped && hasSeq && head.filter((l) => LONE_BAR.test(l.text)).length >= 2;
  let i = from;
  let cur: Cell[] | null = null;
  for (; i < lines.length; i++) {
    const l = lines[i];
    const raw = l.text.trim();
    const t = piped ? cellLine(raw) : barred && LONE_BAR.test(raw) ? '' : raw;
    if (!t) {
      // ("教体局 |" ⏎ "|" ⏎ "2 |": after a full row and before the next row's number, a lone "|" is the cell of an
      // empty first column, no cell of this row)
      if (piped && raw && cur && !(hasSeq && cur.length >= columns.length && seqOf(nextCellText(lines, i)) === seqOf(cur[0].text) + 1)) cur.push({ text: '', start: l.start });
      continue;
    }
    if (above.has(t) || PAGE_MARK.test(t)) continue;
    // a page that closes every cell with " |": a line without the bar after a full row is the text after the table
    // ("四区划分:" under a ledger, ey05)
    if (piped && !/[|｜]\s*$/.test(raw) && (!cur || cur.length >= columns.length)) break;
    if (columnOf(t) === columns[0]) {
      const again = headerAt(lines, i);
      if (again && again.perLine && again.columns.join() === columns.join()) {
        i = again.next - 1;
        continue;
      }
    }
    // a section row ("一、做大做强主导产业") between rows: the next row's number follows it
    if (hasSeq && SECTION_CELL.test(t) && t.length <= 40 && (!cur || cur.length >= 3)) {
      let k = i + 1;
      while (k < lines.length && !lines[k].text.trim()) k++;
      if (k < lines.length && /^\d{1,3}$/.test(lines[k].text.trim())) continue;
    }
    // a group's category between rows (or before the first): the next row's number follows it
    if (grouped && !SEQ_CELL.test(t) && t.length <= 30) {
      let k = i + 1;
      while (k < lines.length && !cellLine(lines[k].text)) k++;
      const nx = k < lines.length ? cellLine(lines[k].text) : '';
      if (!cur ? seqOf(nx) === 1 : cur.length >= columns.length && seqOf(nx) === seqOf(cur[0].text) + 1) continue;
    }
    const cell = { text: t, start: l.start + (l.text.length - l.text.trimStart().length) };
    // a new row opens on its number (the next one: a figure wrapped onto a line of its own is no 序号)
    if (hasSeq && SEQ_CELL.test(t) && (!cur || (cur.length >= 2 && (seqOf(t) === seqOf(cur[0].text) + 1 || cur.length >= columns.length)))) {
      if (cur) rows.push(cur);
      cur = [cell];
      continue;
    }
    if (!cur) {
      if (hasSeq) break;
      cur = [];
    }
    if (cur.length >= columns.length) {
      // a row is full and no new number follows: the table is over, unless a cell wrapped
      // onto more lines and the next number is still to come
      const dlTail = columns[columns.length - 1] === 'deadline' && (deadlineAhead(lines, i) || (DEADLINE_HEAD.test(cur[cur.length - 1].text) && DEADLINE_TAIL.test(t)));
      if (hasSeq && !nextNumberAhead(lines, i, Number(cur[0].text), above, spaced) && !dlTail) break;
      if (hasSeq) {
        cur.push(cell);
        continue;
      }
      rows.push(cur);
      cur = [];
    }
    cur.push(cell);
  }
  if (cur && cur.length >= 2) rows.push(cur);
  let end = i;
  while (end > from && !lines[end - 1].text.trim()) end--;
  // bar-parted cells lie only where the rows have the header's width: a page whose rows carry a cell the header does
  // not name (w02: the row's name before its 序号) is left to the headerless reader
  if (barred && rows.filter((r) => r.length === columns.length).length < rows.length * 0.8) return { rows: [], next: from };
  const t = columns.findIndex((c) => c === 'task' || c === 'detail');
  // the widest first line of the first text column: a line that wide was wrapped, a narrower one ends its cell
  const textWidth = t < 0 ? 0 : Math.max(0, ...rows.map((r) => (r[t] ? width(r[t].text) : 0)));
  return { rows: rows.map((r) => fitRow(r, columns, textWidth).map((c) => c ?? { text: '', start: r[r.length - 1].start })), next: Math.max(end, from + 1) };
}

/** the nearest non-empty line above line i, as a cell's text ("" at the top) */
function prevCellText(lines: Line[], i: number): string {
  for (let k = i - 1; k >= 0; k--) {
    const tx = cellLine(lines[k].text);
    if (tx) return tx.replace(/\s/g, '');
  }
  return '';
}

/** the next line's cell after line i that holds text */
function nextCellText(lines: Line[], i: number): string {
  for (let k = i + 1; k < lines.length && k < i + 4; k++) if (cellLine(lines[k].text)) return cellLine(lines[k].text);
  return '';
}

// a row's number, or an indicator's code ("G1", "G2") in an assessment sheet
const SEQ_CELL = /^(?:[A-Z]{1,2})?\d{1,3}$/;
const seqOf = (t: string): number => (SEQ_CELL.test(t) ? Number(t.replace(/^[A-Z]+/, '')) : NaN);

// page furniture a PDF leaves between rows: "— 2 —", "第2页", "第 2 页 共 5 页", "2/5"
const PAGE_MARK = /^(?:[-—–]\s*\d{1,3}\s*[-—–]|第\s*\d{1,3}\s*页(?:\s*[,，]?\s*共\s*\d{1,3}\s*页)?|\d{1,3}\s*\/\s*\d{1,3})$/;

/** display width: CJK characters take two columns, ASCII one */
function width(s: string): number {
  let w = 0;
  for (let i = 0; i < s.length; i++) w += s.charCodeAt(i) < 128 ? 1 : 2;
  return w;
}

/** The last row, wrapped: its deadline cell is still to come before the blank line that ends the table. */
function deadlineAhead(lines: Line[], i: number): boolean {
  for (let k = i; k < lines.length && k < i + 6; k++) {
    const t = lines[k].text.trim();
    if (!t || t.length > 30) return false;
    if (/^\d{1,3}$/.test(t)) return false;
    if (parseDeadline(t)) return true;
  }
  return false;
}

/** Whether the row numbered n is followed, before a blank line, by row n+1. */
function nextNumberAhead(lines: Line[], i: number, n: number, skip?: Set<string>, spaced = false): boolean {
  for (let k = i, seen = 0; k < lines.length && seen < 16; k++) {
    const t = lines[k].text.trim();
    if (!t && !(spaced && k + 1 < lines.length && lines[k + 1].text.trim())) return false;
    if (!t) continue;
    if (skip?.has(t) || PAGE_MARK.test(t) || columnOf(t)) continue;
    seen++;
    if (t === String(n + 1)) return true;
  }
  return false;
}

/**
 * A row with more lines than columns has a cell wrapped over several lines: the columns
 * before the last text column and those after it keep one line each, the text column takes the rest.
 */
function fitRow(r: Cell[], columns: Column[], textWidth = 0): (Cell | undefined)[] {
  // a PDF drops empty cells: a short row still ends with its deadline when it reads as one
  const dl = columns.lastIndexOf('deadline');
  if (r.length < columns.length && dl === columns.length - 1 && parseDeadline(r[r.length - 1].text)) {
    return columns.map((_, k) => (k === dl ? r[r.length - 1] : k < r.length - 1 ? r[k] : undefined));
  }
  const run = fitUnitRun(r, columns) ?? fitAroundDeadline(r, columns) ?? fitByContent(r, columns);
  if (run) return run;
  if (r.length <= columns.length) return columns.map((_, k) => r[k]);
  const wrapped = fitWrapped(r, columns, textWidth);
  if (wrapped) return wrapped;
  // a unit cell wrapped: "…、各街道⏎办事处", "市财政局、⏎市税务局"
  const firstUnit = columns.findIndex((c) => c === 'lead' || c === 'responsible' || c === 'cooperating');
  r = [...r];
  for (let k = r.length - 1; k > Math.max(0, firstUnit) && r.length > columns.length; k--) {
    const cont = /[、,]$/.test(r[k - 1].text) || /^(办事处|管委会|委员会|有限公司|有限责任公司|集团|分局|分公司|中心|人民政府|政府)([、,]|$)/.test(r[k].text);
    if (cont && !parseDeadline(r[k].text)) r.splice(k - 1, 2, joinCells(r[k - 1], r[k]));
  }
  if (r.length <= columns.length) return columns.map((_, k) => r[k]);
  let t = -1;
  columns.forEach((c, k) => {
    if (c === 'task' || c === 'detail') t = k;
  });
  if (t < 0) return columns.map((_, k) => r[k]);
  const tail = columns.length - 1 - t;
  const mid = r.slice(t, r.length - tail);
  const joined: Cell = mid.reduce((a, b) => joinCells(a, b));
  return [...r.slice(0, t), joined, ...r.slice(r.length - tail)];
}

// a cell holding only a figure, with at most a bound before it ("186", "≥2%", "不低于95")
const BARE_FIGURE = /^(?:[≥≤><]|不低于|不少于|不超过|不高于)?\s*\d+(?:\.\d+)?\s*%?$/;
/** "3000万吨左右", "100个以上": a bound written after the figure */
export const FIGURE_BOUND = /\s*(?:左右|及以上|以上|以下|以内)$/;
/** "1300人", "7699套", "2所": a goal cell holding only a count and its measure word */
const COUNTED_FIGURE = /^(?:[≥≤><]|不低于|不少于|不超过|不高于)?\s*\d+(?:\.\d+)?\s*([\u4e00-\u9fa5·]{1,4})$/;
const goalFigure = (t0: string, t = t0.replace(FIGURE_BOUND, '')) => BARE_FIGURE.test(t) || (COUNTED_FIGURE.test(t) && (COUNT_UNIT.test(COUNTED_FIGURE.exec(t)![1]) || /^[万亿]?元$/.test(COUNTED_FIGURE.exec(t)![1])));
// a cell left empty on purpose: "/", "—", "无"
const EMPTY_CELL = /^(?:[/／—–-]+|无|暂无)$/;
const unitLine = (t: string) => EMPTY_CELL.test(t) || looksLikeUnit(t.replace(/[、,]$/, '')) || /^(办事处|管委会|委员会|有限公司|有限责任公司|集团|分局|分公司|中心|人民政府|政府)[、,]?$/.test(t);
const UNIT_WRAP = (a: string, b: string) => /[、,]$/.test(a) || /^(办事处|管委会|委员会|有限公司|有限责任公司|集团|分局|分公司|中心|人民政府|政府)([、,]|$)/.test(b);

/**
 * A row of a table with one cell per line whose unit columns close the row (a deadline may follow):
 * the unit cells are the run of lines that read as unit names at the row's end, one line per unit
 * column from the left and the rest in the last one ("区卫健局 ⏎ 区红十字会 ⏎ 区行政执法局": the lead,
 * then the units that help); the text before them fills the text columns from the right, since a
 * merged cell (a category over several rows) is printed only on the first row of its group.
 */
function fitUnitRun(r: Cell[], columns: Column[]): (Cell | undefined)[] | null {
  const firstUnit = columns.findIndex(UNIT_COL);
  if (firstUnit < 0) return null;
  let lastUnit = firstUnit;
  while (lastUnit + 1 < columns.length && UNIT_COL(columns[lastUnit + 1])) lastUnit++;
  const tail = columns.length - 1 - lastUnit;
  if (tail > 1 || (tail === 1 && columns[columns.length - 1] !== 'deadline' && columns[columns.length - 1] !== 'other')) return null;
  const pre = columns.slice(0, firstUnit);
  if (!pre.some((c) => c === 'task' || c === 'detail') || pre.some((c) => c === 'leaders' || c === 'figure')) return null;
  let hi = r.length;
  const out: (Cell | undefined)[] = columns.map(() => undefined);
  if (tail === 1 && columns[columns.length - 1] === 'deadline') {
    if (hi < 2 || !(parseDeadline(r[hi - 1].text) || DEADLINE_HEAD.test(r[hi - 1].text))) return null;
    out[columns.length - 1] = r[--hi];
  } else if (tail === 1) {
    // a last column of units that only score or check the work ("评分部门"): its one line closes the row
    if (hi < 3 || !unitLine(r[hi - 1].text)) return null;
    out[columns.length - 1] = r[--hi];
  }
  let lo = hi;
  while (lo > 1 && unitLine(r[lo - 1].text)) lo--;
  const names = r.slice(lo, hi);
  if (!names.some((c) => !EMPTY_CELL.test(c.text))) return null;
  // the seq column and the text columns
  let at = 0;
  const textCols: number[] = [];
  pre.forEach((c, k) => {
    if (c === 'seq' && at < lo && SEQ_CELL.test(r[at].text)) out[k] = r[at++];
    else if (c !== 'seq') textCols.push(k);
  });
  const texts = r.slice(at, lo);
  if (!texts.length || !textCols.length) return null;
  if (texts.length <= textCols.length) texts.forEach((c, n) => (out[textCols[textCols.length - texts.length + n]] = c));
  else {
    textCols.slice(0, -1).forEach((k, n) => (out[k] = texts[n]));
    out[textCols[textCols.length - 1]] = texts.slice(textCols.length - 1).reduce((a, b) => joinCells(a, b));
  }
  fillUnitColumns(out, names, firstUnit, lastUnit - firstUnit + 1);
  return out;
}

/**
 * Unit lines into `count` unit columns from `first`: a name wrapped onto the next line joins it, each other line is a
 * name of its own; one per column from the left, the rest in the last; "/" and "—" cells fill nothing.
 */
function fillUnitColumns(out: (Cell | undefined)[], names: Cell[], first: number, count: number): void {
  const cells: Cell[] = [];
  for (const c of names) {
    const last = cells[cells.length - 1];
    if (last && UNIT_WRAP(last.text, c.text)) cells[cells.length - 1] = joinCells(last, c);
    else cells.push(c);
  }
  for (let n = 0; n < count && n < cells.length; n++) {
    const mine = n === count - 1 ? cells.slice(n) : [cells[n]];
    const kept = mine.filter((c) => !EMPTY_CELL.test(c.text));
    out[first + n] = kept.length ? kept.reduce((a, b) => joinCells(a, b, '、')) : undefined;
  }
}

/**
 * A row of a progress table read one cell per line, its deadline followed by progress columns ("牵头责任单位 |
 * 计划完成时间 | 目前完成情况 | 是否达到序时进度"): the deadline cell anchors the row — the lines between the text and
 * it are the units (two units on two lines, a stray figure the page left dropped), the lines after it fill the
 * columns after it in order.
 */
function fitAroundDeadline(r: Cell[], columns: Column[]): (Cell | undefined)[] | null {
  const firstUnit = columns.findIndex(UNIT_COL);
  const dlCol = columns.indexOf('deadline');
  if (firstUnit < 1 || dlCol < firstUnit || columns.slice(firstUnit, dlCol).some((c) => !UNIT_COL(c))) return null;
  const pre = columns.slice(0, firstUnit);
  if (!pre.some((c) => c === 'task' || c === 'detail') || pre.filter((c) => c !== 'seq').length !== 1) return null;
  const textAt = pre[0] === 'seq' && /^\d{1,3}$/.test(r[0]?.text ?? '') ? 1 : 0;
  // the first line after the text that reads as a deadline
  let d = -1;
  for (let k = textAt + 2; k < r.length && k <= textAt + 6; k++) {
    if (parseDeadline(r[k].text) && r[k].text.length <= 20) {
      d = k;
      break;
    }
  }
  if (d < 0) return null;
  const names = r.slice(textAt + 1, d).filter((c) => !/^\d{1,2}$/.test(c.text));
  if (!names.length || !names.every((c) => unitCell(c.text))) return null;
  const out: (Cell | undefined)[] = columns.map(() => undefined);
  if (textAt) out[0] = r[0];
  out[pre.findIndex((c) => c !== 'seq')] = r[textAt];
  fillUnitColumns(out, names, firstUnit, dlCol - firstUnit);
  out[dlCol] = r[d];
  r.slice(d + 1, d + 1 + columns.length - dlCol - 1).forEach((c, n) => (out[dlCol + 1 + n] = c));
  return out;
}

/**
 * A numbered row of a table read one cell per line whose merged cells (a group's category, its deadline, its leader,
 * its units) stand only on the group's first row: after the number, short category lines, the task's wording, then
 * lines told apart by what they hold — a deadline, a person, unit names — in any of the later columns.
 */
function fitByContent(r: Cell[], columns: Column[]): (Cell | undefined)[] | null {
  // a row with one line per column is read by position
  if (r.length === columns.length || columns[0] !== 'seq' || !/^\d{1,3}$/.test(r[0]?.text ?? '')) return null;
  const t = columns.findIndex((c) => c === 'task' || c === 'detail');
  const uCols = columns.map((c, k) => (UNIT_COL(c) ? k : -1)).filter((k) => k >= 0);
  if (t < 0 || !uCols.length || uCols[0] < t) return null;
  const after = columns.slice(t + 1);
  if (!after.every((c) => UNIT_COL(c) || c === 'deadline' || c === 'leaders' || c === 'other')) return null;
  const before = columns.slice(1, t);
  if (!before.every((c) => c === 'other')) return null;
  // the task's wording: the first line that reads as a sentence, after at most as many short lines as category columns
  let w = -1;
  for (let k = 1; k < r.length && k <= 1 + before.length; k++) {
    const x = r[k].text;
    if (x.length > 12 || /[。;,]/.test(x) || /\d/.test(x)) {
      w = k;
      break;
    }
  }
  if (w < 0) return null;
  const out: (Cell | undefined)[] = columns.map(() => undefined);
  out[0] = r[0];
  r.slice(1, w).forEach((c, n) => (out[1 + n] = c));
  out[t] = r[w];
  const dl = columns.indexOf('deadline');
  const ld = columns.indexOf('leaders');
  const units: Cell[] = [];
  const rest: Cell[] = [];
  for (const c of r.slice(w + 1)) {
    if (dl > t && !out[dl] && c.text.length <= 20 && (parseDeadline(c.text) || DEADLINE_HEAD.test(c.text))) out[dl] = c;
    else if (unitCell(c.text) && !rest.length) units.push(c);
    else if (ld > t && !out[ld] && !units.length && isPerson(c.text.replace(/\s/g, ''))) out[ld] = c;
    else rest.push(c);
  }
  const tailOther = columns.lastIndexOf('other');
  if (rest.length && !(tailOther > t && rest.every((c) => c.text.length <= 40))) return null;
  if (rest.length) out[tailOther] = rest.reduce((a, b) => joinCells(a, b, ' '));
  // one line per unit column from the left, the rest in the last ("区农业农村局 ⏎ 区发展改革局、…": the lead, then those who help)
  uCols.forEach((k, n) => {
    const mine = n === uCols.length - 1 ? units.slice(n) : units.slice(n, n + 1);
    if (mine.length) out[k] = mine.reduce((a, b) => joinCells(a, b, '、'));
  });
  return out;
}

// the rest of a deadline wrapped onto its own line: "2024年11月⏎底前"
const DEADLINE_TAIL = /^(?:\d{1,2}\s*月)?(?:\d{1,2}\s*日)?(?:底|末|上旬|中旬|下旬)?(?:前|以前|之前)?$/;
const unitCell = (t: string) => unitLine(t) || (splitUnitList(t, 0).length > 0 && splitUnitList(t, 0).every((p) => looksLikeUnit(p.text)));
const UNIT_COL = (c: Column) => c === 'lead' || c === 'responsible' || c === 'cooperating';
// the first line of a wrapped deadline cell: "2024年12月⏎底前", "长期坚持"
const DEADLINE_HEAD = /^(?:(?:19|20)\d{2}\s*年|\d{1,2}\s*月|[上下]半年|(?:第)?[一二三四]季度|年底|年内|长期|持续|常态|立行立改|即知即改|即时|每年|每季|每月|(?:19|20)\d{2}[-./]\d)/;
// a person or a post and a person: "刘建明", "副县长 王志刚", "王健副市长", "刘建明、王丽华"
const PERSON_ONE = String.raw`(?:[\u4e00-\u9fa5]{1,8}?(?:长|书记|主任|秘书长|委员|主席|调研员)[ \u3000]*)?[\u4e00-\u9fa5·]{2,4}(?:[ \u3000]*[\u4e00-\u9fa5]{0,6}(?:长|书记|主任|秘书长|主席))?`;
const PERSON = new RegExp(`^${PERSON_ONE}(?:[、,][ \u3000]*${PERSON_ONE})*$`);
// organ endings and region prefixes: vocabulary.ts (ORGAN_END, REGION_START)
const ORGAN_START = REGION_START;
// a line of a detail cell states figures or reads as a sentence; a line of a unit list does neither
const SENTENCE_LINE = /[,。;:!?]|\d+(?:\.\d+)?\s*(?:%|个|万|亿|家|项|件|户|人|元|公里|吨|张|所|次|条|处|台|亩|座|套|天|日)/;
const isPerson = (t: string) => PERSON.test(t) && !ORGAN_END.test(t) && !DEADLINE_HEAD.test(t);

/**
 * A row of a PDF table read one cell per line where any cell may wrap onto several lines: the
 * cells are told apart by what they hold — the deadline from the end, then a leader's name, unit
 * lists that open on an organ, and the text columns split where a line is narrower than the column.
 */
function fitWrapped(r: Cell[], columns: Column[], textWidth: number): (Cell | undefined)[] | null {
  let t = -1;
  columns.forEach((c, k) => {
    if (c === 'task' || c === 'detail') t = k;
  });
  const firstText = columns.findIndex((c) => c === 'task' || c === 'detail');
  if (t < 0 || !columns.slice(t + 1).some(UNIT_COL) || columns.slice(0, firstText).some((c) => c !== 'seq' && c !== 'other' && c !== 'ref')) return null;
  const out: (Cell | undefined)[] = columns.map(() => undefined);
  const join = (a: number, b: number): Cell | undefined => (a < b ? r.slice(a, b).reduce((x, y) => joinCells(x, y)) : undefined);
  // columns before the text: one line each
  let lo = 0;
  for (let k = 0; k < firstText; k++) out[k] = r[lo++];
  let hi = r.length;
  for (let k = columns.length - 1; k > t; k--) {
    const c = columns[k];
    if (hi <= lo + 1) break;
    if (c === 'deadline') {
      for (let j = hi - 1; j > lo && j >= hi - 3; j--) {
        if (DEADLINE_HEAD.test(r[j].text)) {
          out[k] = join(j, hi);
          hi = j;
          break;
        }
      }
    } else if (c === 'leaders') {
      if (isPerson(r[hi - 1].text)) out[k] = r[--hi];
    } else if (UNIT_COL(c)) {
      let s = -1;
      const left = columns[k - 1];
      if (left === 'leaders') {
        for (let j = hi - 2; j > lo; j--) if (isPerson(r[j].text) && ORGAN_START.test(r[j + 1].text)) {
          s = j + 1;
          break;
        }
      } else if (UNIT_COL(left)) {
        for (let j = hi - 1; j > lo + 1; j--) if (ORGAN_START.test(r[j].text) && ORGAN_END.test(r[j - 1].text)) {
          s = j;
          break;
        }
      } else {
        for (let j = hi - 1; j > lo && !SENTENCE_LINE.test(r[j].text); j--) if (ORGAN_START.test(r[j].text)) s = j;
      }
      if (s < 0) s = hi - 1;
      out[k] = join(s, hi);
      hi = s;
    } else {
      out[k] = r[--hi];
    }
  }
  // the text columns share what is left; the first ends on a line narrower than its column, or
  // before the first line that reads as a sentence
  const texts = columns.map((c, k) => (k >= firstText && k <= t && (c === 'task' || c === 'detail') ? k : -1)).filter((k) => k >= 0);
  let at = lo;
  texts.forEach((k, n) => {
    if (n === texts.length - 1) {
      out[k] = join(at, hi);
      at = hi;
      return;
    }
    let e = at + 1;
    while (e < hi - 1) {
      const w = width(r[e - 1].text);
      if (w < textWidth - 2 || /[。;!?]$/.test(r[e - 1].text)) break;
      if (/[,。;:!?]/.test(r[e].text) || width(r[e].text) > textWidth + 1) break;
      e++;
    }
    out[k] = join(at, Math.min(e, hi));
    at = Math.min(e, hi);
  });
  return out;
}

function rowTask(ctx: ParseContext, row: Cell[], columns: Column[], marks?: (Cell | undefined)[], names?: string[]): TableTask {
  const task: TableTask = {
    start: Math.min(...row.filter((c) => c.text).map((c) => c.start)),
    end: Math.max(...row.filter((c) => c.text).map(cellEnd)),
    title: '',
    text: '',
    lead: [],
    responsible: [],
    cooperating: [],
    leaders: [],
    deadlineText: null,
    unitsStart: null,
    unitsEnd: null,
    cells: [],
  };
  columns.forEach((col, k) => {
    const c = row[k];
    if (!c || !c.text) return;
    if (col === 'mark') {
      const h = marks?.[k];
      const mark = c.text.replace(/\s/g, '');
      const role = LEAD_MARK.test(mark) ? 'lead' : COOP_MARK.test(mark) ? 'cooperating' : RESP_MARK.test(mark) ? 'responsible' : null;
      if (h && role) task[role].push(...parseUnitList(ctx, h.text, h.start, true).units);
      return;
    }
    if (col === 'figure') {
      if (names?.[k]) (task.figures ??= []).push({ text: c.text, start: c.start, header: names[k] });
      return;
    }
    if (col === 'other' && names?.[k] && /^(?:计量)?单位$/.test(names[k].replace(/\s/g, '')) && c.text.trim().length <= 8) task.measure = c.text.trim();
    // "目标任务: 186" in an assessment table: a bare figure in the goal column is the row's target
    if (col === 'detail' && names?.[k] && goalFigure(c.text.trim())) (task.figures ??= []).push({ text: c.text.trim(), start: c.start, header: names[k] });
    if (col === 'spec') {
      // where the table gives each row its figure in a column of its own, the 建设内容 only describes
      if (!columns.includes('figure')) task.cells.push(fragsOf(c));
      task.text = task.text ? `${task.text}\n${c.text}` : c.text;
      return;
    }
    if (col === 'task' || col === 'detail') {
      task.cells.push(fragsOf(c));
      const hy = names?.[k] ? /((?:19|20)\d{2})年(?:度)?(?:主要)?(?:任务|目标|计划|工作)/.exec(names[k]) : null;
      if (hy) task.headerYear = Number(hy[1]);
    }
    if (col === 'ref') task.ref = c.text;
    else if (col === 'task') task.title = c.text;
    else if (col === 'detail') task.text = task.text ? `${task.text}\n${c.text}` : c.text;
    else if (col === 'deadline') task.deadlineText = c.text;
    else if (col === 'leaders') task.leaders.push(...c.text.split(/[、,;,]/).map((x) => x.trim()).filter(Boolean));
    else if (col === 'lead' || col === 'responsible' || col === 'cooperating') {
      // a wrapped cell is read as one text whose offsets map back to its pieces
      const vctx = c.frags ? virtualCtx(ctx, c.frags) : ctx;
      const off = c.frags ? 0 : c.start;
      const labelled = c.frags ? null : readLabelledCell(ctx, c.text, c.start);
      const byVerb = labelled ?? (hasRoleVerb(c.text) ? readInline(vctx, c.text, off, col) : null);
      if (byVerb) for (const r of ['lead', 'responsible', 'cooperating'] as const) task[r].push(...byVerb[r]);
      else {
        const parsed = parseUnitList(vctx, c.text, off, true);
        // a sentence that landed in a unit column (a row cut short, a column shifted) names no units
        if (parsed.rejected.length > parsed.units.length || parsed.rejected.some((p) => p.text.length > 15)) return;
        // "牵头单位及主要负责人": "市民政局 伍泽国" names the unit and its head, a person and no unit
        const heads = names?.[k] && /负责人|责任人/.test(names[k]) ? new Set(c.text.split(/\s+/).filter((w) => /^[\u4e00-\u9fa5]{2,3}$/.test(w) && !looksLikeUnit(w))) : null;
        if (heads?.size) {
          task.leaders.push(...heads);
          parsed.units = parsed.units.filter((u) => !heads.has(u.raw));
        }
        task[col].push(...parsed.units.filter((u) => !parsed.marked.includes(u)));
        task.lead.push(...parsed.marked);
      }
      task.unitsStart = Math.min(task.unitsStart ?? c.start, c.start);
      task.unitsEnd = Math.max(task.unitsEnd ?? 0, cellEnd(c));
    }
  });
  task.plainList = columns.includes('responsible') && !columns.includes('lead') && !columns.includes('cooperating') && task.lead.length + task.cooperating.length === 0;
  // "工作任务 | 具体要求" over "1 | 进一步增强…": the task column holds only the row's number, the wording is the detail's
  if (SEQ_CELL.test(task.title.trim()) && task.text) task.title = '';
  if (!task.title) task.title = leadPhrase(task.text.split('\n')[0]);
  // a row cut short whose words all sit left of the task column (the page ends inside it): its last words say what it is
  if (!task.title) task.title = leadPhrase(row.findLast((c, k) => c?.text && columns[k] === 'other')?.text ?? '');
  if (!task.text) task.text = task.title;
  task.title = leadPhrase(task.title);
  return task;
}

/** A context whose offsets index the joined text of a wrapped cell; sources map back to its pieces. */
function virtualCtx(ctx: ParseContext, frags: Frag[]): ParseContext {
  const v = fragsV(frags);
  const doc = ctx.doc;
  return {
    ...ctx,
    doc: {
      ...doc,
      toSource: (s: number, e: number) => {
        const a = v.pos[Math.max(0, Math.min(s, v.text.length))];
        const b = e > s ? v.pos[Math.min(e, v.text.length) - 1] + 1 : a;
        return doc.toSource(a, b);
      },
    },
  };
}

/** The lead phrase of a task ("打造“十字轴线”发展带。构建…" → "打造“十字轴线”发展带"). */
/** a title cut before a note or a clause keeps no comma, 、, ; or : at its end */
export const trimTitleTail = (title: string): string => title.trim().replace(/[,,、;;:]+$/, '');

export function leadPhrase(text: string): string {
  // "开展青年就业见习活动,市人力社保局配合…": a title cut before its note keeps no comma at its end
  const t = trimTitleTail(text);
  const stop = t.search(/[。;!?]/);
  if (stop > 0 && stop <= 60) return t.slice(0, stop);
  return t.length <= 60 ? t.replace(/[。;]$/, '') : t.slice(0, 40) + '…';
}

