// Rows of a task table flattened one cell per line where a cell may hold several lines: a goal and its "——" sub-goals,
// then the units of its unit columns one to a line ("1.妇女…享有良好的基本卫生服务。 ⏎ ——…筛查率达到80%以上。 ⏎ 省卫生厅 ⏎
// 省发改委 ⏎ 省财政厅 ⏎ 2.提高孕产妇医疗保健水平。 ⏎ …"). Counting lines cannot part such rows (a cell's lines are
// not counted anywhere), so a row is the text lines up to a run of unit names, and the run is its units: the
// first fills the first unit column (a 主要责任单位 holds one unit in such tables), the rest the last one.
import type { Line } from './types.js';
import type { Column } from './columns.js';
import { looksLikeUnit } from './units.js';
import { REGION_START } from './vocabulary.js';

interface Cell {
  text: string;
  start: number;
}

const SENTENCE = /[,,。;;::!?、]|\d/;
// a unit line after another one: "人口计生", "省新闻出版" (a name the page shortened, in a run of names)
const SHORT_NAME = /^[\u4e00-\u9fa5()]{2,12}$/;

/** Rows from line `from` on, or null when the lines do not alternate text and unit runs (the caller reads them). */
export function unitRunRows(lines: Line[], from: number, columns: Column[]): { rows: Cell[][]; next: number } | null {
  const task = columns.findIndex((c) => c === 'task' || c === 'detail');
  const unitCols = columns.map((c, k) => (c === 'lead' || c === 'responsible' || c === 'cooperating' ? k : -1)).filter((k) => k >= 0);
  if (task < 0 || !unitCols.length) return null;
  const rows: Cell[][] = [];
  let text: Cell[] = [];
  let units: Cell[] = [];
  const flush = () => {
    if (!text.length || !units.length) return;
    const row: Cell[] = columns.map(() => ({ text: '', start: text[0].start }));
    row[task] = { text: text.map((c) => c.text).join(''), start: text[0].start };
    const [first, ...rest] = units;
    if (unitCols.length === 1) row[unitCols[0]] = { text: units.map((u) => u.text).join('、'), start: first.start };
    else {
      row[unitCols[0]] = first;
      if (rest.length) row[unitCols[unitCols.length - 1]] = { text: rest.map((u) => u.text).join('、'), start: rest[0].start };
    }
    rows.push(row);
    text = [];
    units = [];
  };
  let i = from;
  let last = from;
  for (; i < lines.length; i++) {
    const t = lines[i].text.trim();
    if (!t) continue;
    if (t.length > 200) break;
    const start = lines[i].start + (lines[i].text.length - lines[i].text.trimStart().length);
    const unitLike =
      t.length <= 25 && !SENTENCE.test(t) && (looksLikeUnit(t) || (units.length > 0 && SHORT_NAME.test(t)) || (REGION_START.test(t) && SHORT_NAME.test(t)));
    if (unitLike && text.length) units.push({ text: t, start });
    else {
      if (units.length) flush();
      // a unit run with no text before it opens no row
      if (unitLike) continue;
      text.push({ text: t, start });
    }
    last = i + 1;
  }
  flush();
  // the shape must hold across the table: several rows, most of the lines read
  if (rows.length < 3) return null;
  return { rows, next: Math.max(last, from + 1) };
}
