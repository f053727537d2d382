// Tables whose cells lost every separator: a Word table copied as plain text by a document-sharing site
// ("序号工作内容目标任务责任单位备注1将…。市委宣传部、市城管委,…各区(市)县政府2完善…") or a policy site's table
// glued cell to cell ("…进行督办。市行政审批局市司法局市级相关单位,各区县政府、西咸新区管委会2022年9月底").
// The header is one run of column names; each row ends with its unit cells and its deadline glued on. A row is
// read from its end: the deadline, then the unit names back to the row's last sentence end; the cells of several
// unit columns part where two names meet with no separator between them.
import type { Line, ParseContext } from './types.js';
import type { Frag } from './virtual.js';
import { columnOf, type Column } from './columns.js';
import { parseUnitList } from './units.js';
import { ORGAN_END_SRC, REGION_START } from './vocabulary.js';

export interface GluedRow {
  /** the row's cells, one per column (absent: empty), each as its pieces in the normalized text */
  cells: (Frag[] | undefined)[];
}
export interface GluedTable {
  start: number;
  end: number;
  columns: Column[];
  rows: GluedRow[];
}

const UNIT_COLS = new Set<Column>(['lead', 'responsible', 'cooperating']);
// a column of text the header names by what it holds ("陕西省《工作要点》部署任务", "西安市落实措施")
const TEXT_HEAD = /^[\u4e00-\u9fa5《》〈〉“”]{2,16}?(任务|措施|内容|事项)$/;

/** "序号工作内容目标任务责任单位备注": the column names of a header run together, or null */
export function gluedHeader(s: string): { columns: Column[]; length: number } | null {
  // the longest prefix of `s` cut into column names; fewest names for that length
  const best: ({ columns: Column[] } | null)[] = new Array(s.length + 1).fill(null);
  best[0] = { columns: [] };
  let end = 0;
  for (let i = 0; i < s.length; i++) {
    if (!best[i]) continue;
    for (let len = 2; len <= 16 && i + len <= s.length; len++) {
      const piece = s.slice(i, i + len);
      const col = columnOf(piece) ?? (TEXT_HEAD.test(piece) ? (/措施|内容/.test(piece) ? 'detail' : 'task') : null);
      if (!col) continue;
      const cand = { columns: [...best[i]!.columns, col] };
      if (!best[i + len] || best[i + len]!.columns.length > cand.columns.length) best[i + len] = cand;
      end = Math.max(end, i + len);
    }
  }
  for (let k = end; k > 0; k--) {
    const b = best[k];
    if (!b) continue;
    const cols = b.columns;
    if (cols.length >= 3 && cols.some((c) => UNIT_COLS.has(c)) && cols.some((c) => c === 'task' || c === 'detail')) return { columns: cols, length: k };
    return null;
  }
  return null;
}

// the end of a row: its deadline cell, then what the 备注 column may hold
const DEADLINE_END = /(?:(?:(?:19|20)\d{2}年)?(?:\d{1,2}月(?:\d{1,2}日)?(?:底|末|上旬|中旬|下旬)?|年底|年内|上半年|下半年)(?:前|以前|之前)?|长期坚持|持续推进|长期)$/;
// two names meeting with nothing between them: an organ's ending, then a name opening on its level or place
const GLUED_AT = new RegExp(`(?:${ORGAN_END_SRC}|\\))(?=${REGION_START.source.slice(1)})`, 'g');

/** the unit cells of a row's tail, split into `count` columns where names meet without a separator */
function splitColumns(tail: string, count: number): [number, number][] {
  const cuts: number[] = [];
  GLUED_AT.lastIndex = 0;
  for (let m = GLUED_AT.exec(tail); m; m = GLUED_AT.exec(tail)) {
    const at = m.index + m[0].length;
    if (at > 0 && at < tail.length && !/[、,,;;]/.test(tail[at - 1])) cuts.push(at);
    GLUED_AT.lastIndex = at + 1;
  }
  // a cell of several names glued line by line keeps them: the last cuts part the columns
  const used = cuts.slice(Math.max(0, cuts.length - (count - 1)));
  const bounds = [0, ...used, tail.length];
  const out: [number, number][] = [];
  for (let i = 0; i + 1 < bounds.length; i++) out.push([bounds[i], bounds[i + 1]]);
  return out;
}

/** pieces of a stretch of stream text, in the normalized text */
function fragsAt(stream: Frag[], from: number, to: number): Frag[] {
  const out: Frag[] = [];
  let at = 0;
  for (const f of stream) {
    const a = Math.max(from, at);
    const b = Math.min(to, at + f.text.length);
    if (a < b) out.push({ text: f.text.slice(a - at, b - at), start: f.start + (a - at) });
    at += f.text.length;
  }
  return out;
}

/** One row's cells from its text in the stream: [from, to) holds the row after its number. */
function readRow(ctx: ParseContext, stream: Frag[], text: string, from: number, to: number, columns: Column[], seq: Frag[] | null): GluedRow | null {
  let body = text.slice(from, to).replace(/\s+$/, '');
  const dl = DEADLINE_END.exec(body);
  let deadline: [number, number] | null = null;
  if (dl && columns.includes('deadline')) {
    deadline = [from + dl.index, from + body.length];
    body = body.slice(0, dl.index);
  }
  const stop = Math.max(body.lastIndexOf('。'), body.lastIndexOf(';'), body.lastIndexOf('!'), body.lastIndexOf('?'));
  if (stop < 4) return null;
  const tail = body.slice(stop + 1).trim();
  const tailAt = from + body.indexOf(tail, stop + 1);
  if (tail.length < 2 || tail.length > 200) return null;
  const parsed = parseUnitList(ctx, tail, 0, true);
  if (!parsed.units.length || parsed.rejected.some((p) => p.text.length > 15) || parsed.rejected.length > parsed.units.length) return null;
  const unitCols = columns.map((c, k) => (UNIT_COLS.has(c) ? k : -1)).filter((k) => k >= 0);
  const cells: (Frag[] | undefined)[] = columns.map(() => undefined);
  splitColumns(tail, unitCols.length).forEach(([a, b], i) => (cells[unitCols[i]] = fragsAt(stream, tailAt + a, tailAt + b)));
  const textCol = columns.findIndex((c) => c === 'task' || c === 'detail');
  cells[textCol] = fragsAt(stream, from, from + stop + 1);
  if (deadline) cells[columns.indexOf('deadline')] = fragsAt(stream, deadline[0], deadline[1]);
  if (seq && columns[0] === 'seq') cells[0] = seq;
  return { cells };
}

// a document-sharing site's page number opening a line ("2、住建局…"): no part of the table
const PAGE_MARK = /^(\d{1,3})、/;

/** Glued task tables of the document. */
export function findGluedTables(ctx: ParseContext, taken: { start: number; end: number }[]): GluedTable[] {
  const lines = ctx.doc.lines;
  const out: GluedTable[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (taken.some((t) => t.start <= line.start && line.start < t.end)) continue;
    const at = line.text.indexOf('序号');
    if (at < 0 || /[|\t]|\S {2,}\S/.test(line.text)) continue;
    const hdr = gluedHeader(line.text.slice(at));
    if (!hdr) continue;
    const rest = at + hdr.length;
    const numbered = /^\s*1(?![\d.年月日%])[\u4e00-\u9fa5]/.test(line.text.slice(rest));
    const table = numbered ? runRows(ctx, lines, i, rest, hdr.columns) : lineRows(ctx, lines, i + 1, hdr.columns);
    if (table && table.rows.length) {
      out.push({ ...table, start: line.start + at });
      i = lines.findIndex((l) => l.end >= table.end);
      if (i < 0) break;
    }
  }
  return out;
}

/** Rows one per line after the header ("(1)…。市行政审批局市司法局…2022年9月底"); other lines are section rows. */
function lineRows(ctx: ParseContext, lines: Line[], from: number, columns: Column[]): Omit<GluedTable, 'start'> | null {
  const rows: GluedRow[] = [];
  let end = 0;
  let misses = 0;
  for (let j = from; j < lines.length && misses < 12; j++) {
    const l = lines[j];
    if (!l.text.trim()) continue;
    const stream = [{ text: l.text, start: l.start }];
    const mark = /^\s*(?:[((]\d{1,3}[))]|\d{1,3}[.、.])/.exec(l.text);
    const row = readRow(ctx, stream, l.text, mark ? mark[0].length : 0, l.text.length, columns, mark ? [{ text: mark[0].trim(), start: l.start + mark[0].indexOf(mark[0].trim()) }] : null);
    if (row) {
      rows.push(row);
      end = l.end;
      misses = 0;
    } else misses++;
  }
  return rows.length ? { end, columns, rows } : null;
}

/** Rows glued one after another, each opening on its running number, across lines and page marks. */
function runRows(ctx: ParseContext, lines: Line[], i: number, rest: number, columns: Column[]): Omit<GluedTable, 'start'> | null {
  const stream: Frag[] = [{ text: lines[i].text.slice(rest), start: lines[i].start + rest }];
  let page = Number(PAGE_MARK.exec(lines[i].text)?.[1] ?? 0);
  for (let j = i + 1; j < lines.length && j < i + 400; j++) {
    let t = lines[j].text;
    let off = 0;
    const pm = PAGE_MARK.exec(t);
    if (page && pm && Number(pm[1]) === page + 1) {
      page++;
      off = pm[0].length;
      t = t.slice(off);
    }
    if (!t.trim()) continue;
    stream.push({ text: t, start: lines[j].start + off });
  }
  const text = stream.map((f) => f.text).join('');
  // the running numbers: n+1 after a name's end or a sentence's, before the row's first words
  const starts: { at: number; len: number }[] = [];
  let from = 0;
  for (let n = 1; n < 500; n++) {
    const re = new RegExp(`(?<=^|[\\u4e00-\\u9fa5)。])${n}(?![\\d.年月日%])(?=[\\u4e00-\\u9fa5“])`, 'g');
    re.lastIndex = from;
    const m = re.exec(text);
    if (!m) break;
    starts.push({ at: m.index, len: String(n).length });
    from = m.index + m[0].length;
  }
  const rows: GluedRow[] = [];
  let endAt = 0;
  for (let k = 0; k < starts.length; k++) {
    const s = starts[k];
    const to = k + 1 < starts.length ? starts[k + 1].at : text.length;
    const row = readRow(ctx, stream, text, s.at + s.len, to, columns, fragsAt(stream, s.at, s.at + s.len));
    if (!row) continue;
    rows.push(row);
    endAt = to;
  }
  if (rows.length < 2) return null;
  const last = fragsAt(stream, endAt - 1, endAt)[0];
  return { end: last ? last.start + 1 : lines[i].end, columns, rows };
}
