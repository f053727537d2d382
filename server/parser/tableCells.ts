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
const ROW_SPLIT = /\t|\s*[|｜]\s*| {2,}|\u3000+/;

function cellOf(line: Line, from: number, to: number): Cell {
  const raw = line.text.slice(from, to);
  const lead = raw.length - raw.trimStart().length;
  const text = raw.trim();
  const start = line.start + from + lead;
  return { text, start, end: start + text.length };
}

/** cells of a one-row-per-line table line, or null when the line is not one; `loose` takes group rows */
function splitRow(line: Line, loose = false): Cell[] | null {
  // trailing tabs are empty cells; trailing spaces are nothing
  const text = line.text.replace(/[ \u3000]+$/, '');
  if (!/\t|[|｜]| {2,}|\u3000/.test(text.trim())) return null;
  const cells: Cell[] = [];
  const re = new RegExp(ROW_SPLIT.source, 'g');
  // an HTML row starts with its first cell's tab; leading spaces are indentation
  let from = text.length - text.replace(/^(?:\t| +)/, '').length;
  re.lastIndex = from;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    cells.push(cellOf(line, from, m.index));
    from = m.index + m[0].length;
  }
  cells.push(cellOf(line, from, text.length));
  // outer pipes leave empty first/last cells
  if (/^\s*[|｜]/.test(text) && cells.length && !cells[0].text) cells.shift();
  if (/[|｜]$/.test(text) && cells.length && !cells[cells.length - 1].text) cells.pop();
  const filled = cells.filter((c) => c.text);
  if (cells.length < 2 || filled.length < (loose ? 1 : 3)) return null;
  // a prose sentence with a few double spaces is not a row
  if (filled.some((c) => c.text.length > 80)) return null;
  return cells;
}

function scan(lines: Line[]): Table[] {
  const tables: Table[] = [];
  let i = 0;
  while (i < lines.length) {
    const inner = lines[i].text.replace(/^\t/, '');
    if (isCellLine(lines[i]) && !isBlank(lines[i]) && !inner.includes('\t')) {
      const t = scanCellPerLine(lines, i);
      if (t) {
        tables.push(t);
        i = t.lineTo;
        continue;
      }
    }
    if (HEADER_WORD.test(lines[i].text.trim()) && i + 1 < lines.length && (isBlank(lines[i + 1]) || HEADER_WORD.test(lines[i + 1].text.trim()))) {
      const t = scanCellPerParagraph(lines, i);
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
      // (a PDF's text puts one or two blank lines between rows: "指 标  2025 年  属 性 ⏎⏎⏎ 1.…(%)  >7.5  预期性")
      const next = isBlank(lines[i + 1] ?? lines[i]) && i + 2 < lines.length ? i + 2 : i + 1;
      if (next < lines.length && splitRow(lines[next])) continue;
      break;
    }
    if (/^\s*[|｜]?\s*:?-{3,}/.test(lines[i].text)) continue; // markdown rule line
    const r = splitRow(lines[i], true);
    // a group row may be mostly empty, but it still has (nearly) the header's cells
    if (!r || r.length < Math.min(3, firstRow.length - 1)) break;
    rows.push({ cells: r, start: r[0].start, end: r[r.length - 1].end });
  }
  if (rows.length < 2) return null;
  return finish(lines, first, i, rows);
}

// header cells of an indicator table; a docx read as plain text gives one paragraph per cell
const HEADER_WORD = /^(?:序号|编号|指标名称|指标|类别|领域|单位|属性|指标属性|备注|[^。,;]{0,8}(?:年|目标|基期|现状|预期|完成|规划|基数)[^。,;]{0,6})$/;

/**
 * cells as paragraphs split by one blank line, an empty cell adding two more blank lines; or the same with its
 * spacing halved (normalize drops a page's uniform blank line): cells on consecutive lines, an empty cell one blank
 */
function scanCellPerParagraph(lines: Line[], first: number): Table | null {
  const cells: Cell[] = [];
  let blanks = 0;
  // the blank lines between two filled cells: set by the first gap
  let gap = -1;
  let i = first;
  for (; i < lines.length; i++) {
    const l = lines[i];
    if (isBlank(l)) {
      blanks++;
      continue;
    }
    const t = l.text.trim();
    if (cells.length === 1 && gap < 0) gap = Math.min(blanks, 1);
    if (cells.length && (t.length > 60 || NOTE_RE.test(t) || blanks < gap)) break;
    for (let k = 0; cells.length && k < Math.floor((blanks - gap) / (gap + 1)); k++) cells.push({ text: '', start: l.start, end: l.start });
    cells.push(cellOf(l, 0, l.text.length));
    blanks = 0;
  }
  while (i > first && isBlank(lines[i - 1])) i--;
  let width = 0;
  while (width < cells.length && HEADER_WORD.test(cells[width].text)) width++;
  if (width < 3 || cells.length < width * 3) return null;
  const rows: TableRow[] = [];
  for (let k = 0; k + width <= cells.length; k += width) {
    const row = cells.slice(k, k + width);
    rows.push({ cells: row, start: row[0].start, end: row[row.length - 1].end });
  }
  return finish(lines, first, i, rows);
}

const TITLE_RE = /^(?:附)?表\s*[\d一二三四五六七八九十]+|指标|目标|一览表/;
const NOTE_RE = /^(?:备注|注|说明)\s*[:：]?\s*(?:\d|[\u4e00-\u9fa5])/;

function finish(lines: Line[], first: number, end: number, rows: TableRow[]): Table {
  let lineFrom = first;
  let title: string | null = null;
  // only the nearest non-blank line above the table may be its title
  for (let j = first - 1; j >= 0; j--) {
    const t = lines[j].text.trim();
    if (!t) continue;
    // "…不少于25人。年度目标如下:" is a paragraph leading into the table, not its title: its figures stay prose
    if ((TITLE_RE.test(t) && !/[。;!?](?=.)/.test(t)) || (t.length <= 50 && !/[。;]$/.test(t))) {
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
