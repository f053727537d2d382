// Tables drawn with box-drawing characters (┌─┬─┐ │ ├─┼─┤ └─┴─┘), as old plain-text pages and text exports keep
// them: every cell hard-wrapped at a fixed width, merged cells drawn by leaving a column's border out
// ("├────┤ │府,市财政局、国│ 效 │": the first column parts there, the others run on). Each line is cut at its
// verticals into one piece per column; a piece of only ─ closes that column's cell. A row is a cell of the task
// column; the cells of the other columns it lies beside (merged cells: every row they span) are its cells.
// Sub-points marked △ / ● / ○ under a headline cell belong to the headline's row.
import type { Line } from './types.js';
import type { Frag } from './virtual.js';
import { columnOf, type Column } from './columns.js';

export interface BoxTable {
  start: number;
  end: number;
  /** the index of the table's top border line */
  lineFrom: number;
  columns: Column[];
  /** per row, per column: the cell's pieces in the normalized text (absent: empty) */
  rows: (Frag[] | undefined)[][];
}

const BOX_LINE = /^[ \t\u3000]*[┌├│└┃┏┣┗╔╠╚║]/;
const VERTICAL = /[│┃├┤┼┌┐└┘┬┴┏┓┗┛┣┫╋┳┻║╔╗╚╝╠╣╬╦╩]/;
const RULE = /^[\s─━═┄┈-]*$/;
const SUB_POINT = /^[△▲●○◆◇■□☆★]/;

interface Piece {
  rule: boolean;
  text: string;
  start: number;
}

/** a line cut at its verticals: one piece per column between the outer borders */
function piecesOf(line: Line): Piece[] {
  const out: Piece[] = [];
  const t = line.text;
  let s = -1;
  for (let i = 0; i <= t.length; i++) {
    if (i === t.length || VERTICAL.test(t[i])) {
      if (s >= 0 && i > s) {
        const raw = t.slice(s, i);
        const lead = raw.length - raw.trimStart().length;
        out.push({ rule: RULE.test(raw) && /[─━═]/.test(raw), text: raw.trim(), start: line.start + s + lead });
      } else if (s >= 0) out.push({ rule: false, text: '', start: line.start + i });
      s = i + 1;
    }
  }
  // the piece after the right border is no column
  if (out.length && !out[out.length - 1].text && !out[out.length - 1].rule) out.pop();
  return out;
}

interface BoxCell {
  from: number; // first line index (within the block) of the cell
  to: number;
  frags: Frag[];
}

/** Box tables of the document. */
export function findBoxTables(lines: Line[]): BoxTable[] {
  const out: BoxTable[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!/^[ \t\u3000]*[┌┏╔]/.test(lines[i].text)) continue;
    let j = i + 1;
    while (j < lines.length && BOX_LINE.test(lines[j].text) && !/^[ \t\u3000]*[└┗╚]/.test(lines[j].text)) j++;
    const block = lines.slice(i + 1, j);
    const end = j < lines.length && /^[ \t\u3000]*[└┗╚]/.test(lines[j].text) ? lines[j].end : (block.at(-1)?.end ?? lines[i].end);
    const table = readBlock(block);
    if (table) out.push({ ...table, start: lines[i].start, end, lineFrom: i });
    i = j;
  }
  return out;
}

function readBlock(block: Line[]): Omit<BoxTable, 'start' | 'end' | 'lineFrom'> | null {
  const cut = block.map(piecesOf);
  const width = mostCommon(cut.filter((p) => p.length).map((p) => p.length));
  if (width < 2) return null;
  // per column, its cells: pieces run on until a rule piece closes the cell
  const cells: BoxCell[][] = Array.from({ length: width }, () => []);
  const open: (BoxCell | null)[] = new Array(width).fill(null);
  cut.forEach((pieces, li) => {
    if (pieces.length !== width) return;
    pieces.forEach((p, k) => {
      if (p.rule) {
        if (open[k]) cells[k].push(open[k]!);
        open[k] = null;
        return;
      }
      if (!p.text) {
        if (open[k]) open[k]!.to = li;
        return;
      }
      if (!open[k]) open[k] = { from: li, to: li, frags: [] };
      open[k]!.to = li;
      open[k]!.frags.push({ text: p.text, start: p.start });
    });
  });
  open.forEach((c, k) => c && cells[k].push(c));
  // the header: the first cell of each column, its letters spaced out for width ("工 作 任 务")
  const names = cells.map((col) => (col[0]?.frags.map((f) => f.text).join('') ?? '').replace(/\s/g, ''));
  const columns = names.map((n) => columnOf(n) ?? 'other');
  const taskCol = columns.findIndex((c) => c === 'task' || c === 'detail');
  if (taskCol < 0 || !columns.some((c) => c === 'lead' || c === 'responsible' || c === 'cooperating')) return null;
  const body = cells.map((col) => col.slice(1).filter((c) => c.frags.length));
  // rows: the task column's cells, sub-points joined to the headline above
  const rowCells: (BoxCell & { subs: Frag[] })[] = [];
  for (const c of body[taskCol]) {
    const prev = rowCells.at(-1);
    if (prev && SUB_POINT.test(c.frags[0].text)) {
      prev.to = c.to;
      prev.subs.push(...c.frags);
    } else rowCells.push({ ...c, subs: [] });
  }
  const rows = rowCells.map((r) => [
    ...columns.map((_, k) => {
      if (k === taskCol) return r.frags;
      // the other column's cell beside the row's first line (a merged cell beside every row it spans)
      const beside = body[k].find((c) => c.from <= r.from && r.from <= c.to) ?? body[k].find((c) => c.from <= r.to && r.from <= c.to);
      return beside?.frags;
    }),
    r.subs.length ? r.subs : undefined,
  ]);
  // the sub-points are the row's text beside its headline
  return rows.length ? { columns: [...columns, 'detail'], rows } : null;
}

function mostCommon(xs: number[]): number {
  const n = new Map<number, number>();
  for (const x of xs) n.set(x, (n.get(x) ?? 0) + 1);
  let best = 0;
  let most = 0;
  for (const [x, c] of n) if (c > most || (c === most && x > best)) [best, most] = [x, c];
  return best;
}
