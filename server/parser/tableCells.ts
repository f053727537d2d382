// Recovers tables from flattened text. Word/HTML conversions leave either one cell per
// tab-indented line (rows split by blank lines, long cells wrapped onto untabbed lines) or
// one row per line with cells split by tabs, runs of spaces or "|".
import type { NormalizedDoc, Line } from './types.js';

export interface Cell {
  text: string;
  start: number; // normalized offsets
  end: number;
}
export interface TableRow {
  cells: Cell[];
  start: number;
  end: number;
}
export interface Table {
  title: string | null;
  header: Cell[];
  rows: TableRow[];
  notes: Cell[];
  start: number;
  end: number;
  /** line indexes [lineFrom, lineTo) covered by the title, cells and notes */
  lineFrom: number;
  lineTo: number;
}

const cache = new WeakMap<NormalizedDoc, Table[]>();

export function findTables(doc: NormalizedDoc): Table[] {
  let t = cache.get(doc);
  if (!t) {
    t = scan(doc.lines);
    cache.set(doc, t);
  }
  return t;
}

const isCellLine = (l: Line) => l.text.charCodeAt(0) === 9;
const isBlank = (l: Line) => l.text.trim() === '';
const ROW_SPLIT = /\t+|\s*[|｜]\s*| {2,}|　+/;

function cellOf(line: Line, from: number, to: number): Cell {
  const raw = line.text.slice(from, to);
  const lead = raw.length - raw.trimStart().length;
  const text = raw.trim();
  const start = line.start + from + lead;
  return { text, start, end: start + text.length };
}

/** cells of a one-row-per-line table line, or null when the line is not one */
function splitRow(line: Line): Cell[] | null {
  const text = line.text;
  if (!/\t|[|｜]| {2,}|　/.test(text.trim())) return null;
  const cells: Cell[] = [];
  const re = new RegExp(ROW_SPLIT.source, 'g');
  let from = 0;
  for (let m = re.exec(text); ; m = re.exec(text)) {
    const to = m ? m.index : text.length;
    if (to > from || m === null) cells.push(cellOf(line, from, to));
    if (!m) break;
    from = m.index + m[0].length;
    if (m[0].length === 0) re.lastIndex++;
  }
  const filled = cells.filter((c) => c.text);
  if (filled.length < 3) return null;
  // outer pipes leave empty first/last cells
  if (/^\s*[|｜]/.test(text) && cells[0] && !cells[0].text) cells.shift();
  if (/[|｜]\s*$/.test(text) && cells.length && !cells[cells.length - 1].text) cells.pop();
  // a prose sentence with a few double spaces is not a row
  if (filled.some((c) => c.text.length > 80)) return null;
  return cells;
}

function scan(lines: Line[]): Table[] {
  const tables: Table[] = [];
  let i = 0;
  while (i < lines.length) {
    if (isCellLine(lines[i]) && !isBlank(lines[i])) {
      const t = scanCellPerLine(lines, i);
      if (t) {
        tables.push(t);
        i = t.lineTo;
        continue;
      }
    }
    const row = splitRow(lines[i]);
    if (row) {
      const t = scanRowPerLine(lines, i, row);
      if (t) {
        tables.push(t);
        i = t.lineTo;
        continue;
      }
    }
    i++;
  }
  return tables;
}

function scanCellPerLine(lines: Line[], first: number): Table | null {
  const rows: TableRow[] = [];
  let cur: Cell[] = [];
  const flush = () => {
    if (cur.length) rows.push({ cells: cur, start: cur[0].start, end: cur[cur.length - 1].end });
    cur = [];
  };
  let i = first;
  for (; i < lines.length; i++) {
    const l = lines[i];
    if (isCellLine(l) && !isBlank(l)) {
      const lead = l.text.length - l.text.replace(/^\t+/, '').length;
      cur.push(cellOf(l, lead, l.text.length));
    } else if (isCellLine(l)) {
      cur.push({ text: '', start: l.end, end: l.end });
    } else if (isBlank(l)) {
      flush();
      let j = i + 1;
      while (j < lines.length && isBlank(lines[j]) && !isCellLine(lines[j])) j++;
      if (j >= lines.length || !isCellLine(lines[j])) break;
      i = j - 1;
    } else {
      // an untabbed line right after a cell is that cell wrapped, unless it reads as prose
      const prev = lines[i - 1];
      const next = lines[i + 1];
      const wrapped = cur.length > 0 && prev && isCellLine(prev) && (l.text.length <= 24 || (next && (isCellLine(next) || isBlank(next))));
      if (!wrapped) break;
      const c = cur[cur.length - 1];
      const text = l.text.trim();
      cur[cur.length - 1] = { text: c.text + text, start: c.text ? c.start : l.start, end: l.start + l.text.trimEnd().length };
    }
  }
  flush();
  const cellCount = rows.reduce((n, r) => n + r.cells.length, 0);
  if (rows.length < 2 || cellCount < 6) return null;
  return finish(lines, first, i, rows);
}

function scanRowPerLine(lines: Line[], first: number, firstRow: Cell[]): Table | null {
  const rows: TableRow[] = [{ cells: firstRow, start: firstRow[0].start, end: firstRow[firstRow.length - 1].end }];
  let i = first + 1;
  for (; i < lines.length; i++) {
    if (isBlank(lines[i])) {
      if (i + 1 < lines.length && splitRow(lines[i + 1])) continue;
      break;
    }
    if (/^\s*[|｜]?\s*:?-{3,}/.test(lines[i].text)) continue; // markdown rule line
    const r = splitRow(lines[i]);
    if (!r) break;
    rows.push({ cells: r, start: r[0].start, end: r[r.length - 1].end });
  }
  if (rows.length < 2) return null;
  return finish(lines, first, i, rows);
}

const TITLE_RE = /^(?:附)?表\s*[\d一二三四五六七八九十]+|指标|目标|一览表/;
const NOTE_RE = /^(?:备注|注|说明)\s*[:：]?\s*(?:\d|[\u4e00-\u9fa5])/;

function finish(lines: Line[], first: number, end: number, rows: TableRow[]): Table {
  let lineFrom = first;
  let title: string | null = null;
  for (let j = first - 1, seen = 0; j >= 0 && seen < 2; j--) {
    const t = lines[j].text.trim();
    if (!t) continue;
    seen++;
    if (TITLE_RE.test(t) || (t.length <= 50 && !/[。;]$/.test(t))) {
      title = t;
      lineFrom = j;
    }
    break;
  }
  const notes: Cell[] = [];
  let lineTo = end;
  for (let j = end, blanks = 0; j < lines.length && blanks <= 2; j++) {
    const t = lines[j].text.trim();
    if (!t) {
      blanks++;
      continue;
    }
    if (!NOTE_RE.test(t) && !(notes.length && /^\d+[.、．]/.test(t))) break;
    notes.push(cellOf(lines[j], 0, lines[j].text.length));
    lineTo = j + 1;
  }
  const [header, ...body] = rows;
  const last = body.length ? body[body.length - 1] : header;
  return {
    title,
    header: header.cells,
    rows: body,
    notes,
    start: lines[lineFrom].start,
    end: notes.length ? notes[notes.length - 1].end : last.end,
    lineFrom,
    lineTo: Math.max(lineTo, end),
  };
}
