// Rows of a table flattened one cell per line, with no 序号 to open each row and with merged cells
// printed once: "宏观调控 ⏎ 地区生产总值增长率 ⏎ 3 ⏎ 年终…考核 ⏎ 区发改局区统计局 ⏎ 社会消费品零售总额增长率 ⏎ 3 ⏎
// 地方公共财政收入增长率 ⏎ …". Counting lines cannot part such rows (a row without its unit cell shifts every
// row after it), so a row is found by the shape of its first two cells: a name followed by a figure (分值,
// 权重, a target) opens a row wherever that shape recurs. Unit cells close a row; a row whose unit cell is
// merged with the row above takes the units printed above it, as the reader of the printed table does.
import type { Line } from './types.js';
import { looksLikeUnit } from './units.js';

export type SigColumn = 'task' | 'unit' | 'other';
export interface SigCell {
  text: string;
  start: number;
}

type Kind = 'num' | 'unit' | 'text';
// "3", "0.5", "≥2%", "低于 4.1", "100%": a figure cell
const FIGURE = /^(?:[≥≤<>]|不低于|不高于|低于|高于|约)?\s*\d+(?:\.\d+)?\s*(?:%|‰)?$/;
const EMPTY = /^(?:[/／—–-]+|无)$/;
const kindOf = (t: string): Kind => (FIGURE.test(t) ? 'num' : EMPTY.test(t) || (t.length <= 40 && looksLikeUnit(t)) ? 'unit' : 'text');

export interface SignatureRow {
  cells: SigCell[]; // [name, figure, …middle…]
  units: SigCell | null; // the row's own unit cell (several unit lines joined)
  inherited: boolean; // units taken from the row above (a merged cell)
}

/**
 * Rows from line `from` on, or null when the table does not have this shape (its second column holds no
 * figures), so the caller keeps its own reading. The table ends at a long line (a paragraph) or at the end.
 */
export function signatureRows(lines: Line[], from: number, maxCells: number): { rows: SignatureRow[]; next: number } | null {
  const cells: (SigCell & { kind: Kind })[] = [];
  let i = from;
  for (; i < lines.length; i++) {
    const t = lines[i].text.trim();
    if (!t) continue;
    if (t.length > 80) break;
    cells.push({ text: t, start: lines[i].start + (lines[i].text.length - lines[i].text.trimStart().length), kind: kindOf(t) });
  }
  const opens = (k: number) => k + 1 < cells.length && cells[k].kind === 'text' && cells[k + 1].kind === 'num';
  let starts: number[] = [];
  for (let k = 0; k < cells.length; k++) if (opens(k)) starts.push(k);
  // "1、地区生产总值增长率 ⏎ 与市保持同步 ⏎ 9.8% ⏎ 区发改委 ⏎ 2、区级财政收入增长率 …": the name cell carries the
  // row's number; rows open where the numbers run 1, 2, 3…
  const numbered: number[] = [];
  for (let k = 0; k < cells.length; k++) {
    const n = /^(\d{1,3})[、.．](?!\d)/.exec(cells[k].text);
    if (n && Number(n[1]) === numbered.length + 1) numbered.push(k);
  }
  if (numbered.length >= 3 && numbered.length >= starts.length) starts = numbered;
  // the shape must recur through the table, not be met by chance
  if (starts.length < 3) return null;
  const rows: SignatureRow[] = [];
  let lastUnits: SigCell | null = null;
  let end = cells.length;
  for (let s = 0; s < starts.length; s++) {
    const a = starts[s];
    let b = s + 1 < starts.length ? starts[s + 1] : cells.length;
    // units close a row: the last run of unit names in it (a wrapped "百分点" earlier is no unit cell); text
    // after them is the category of the rows that follow (a merged cell)
    let v = b;
    while (v > a + 1 && cells[v - 1].kind !== 'unit') v--;
    let u = v;
    while (u > a + 1 && cells[u - 1].kind === 'unit') u--;
    if (u === v) u = v = b;
    if (s + 1 === starts.length) {
      // the last row: anything after its units is no longer the table
      b = Math.min(b, Math.max(v, Math.min(a + maxCells, cells.length)));
      end = b;
    }
    // a row longer than the table is wide has run past the table
    if (u - a > maxCells) {
      end = a + maxCells;
      break;
    }
    const own = u < v ? joinUnits(lines, cells.slice(u, v)) : null;
    const units = own ?? lastUnits;
    rows.push({ cells: cells.slice(a, u), units, inherited: !own && !!units });
    if (own) lastUnits = own;
  }
  if (rows.length < 3) return null;
  const lastCell = cells[Math.max(0, end - 1)];
  const next = lines.findIndex((l, k) => k >= from && l.start > lastCell.start);
  return { rows, next: next < 0 ? lines.length : next };
}

/** Unit lines as one cell; each line break becomes "、" padded with spaces, so offsets still point into the source. */
function joinUnits(_lines: Line[], cs: SigCell[]): SigCell {
  let text = cs[0].text;
  for (let k = 1; k < cs.length; k++) {
    const gap = cs[k].start - (cs[k - 1].start + cs[k - 1].text.length);
    text += '、' + ' '.repeat(Math.max(0, gap - 1)) + cs[k].text;
  }
  return { text, start: cs[0].start };
}
