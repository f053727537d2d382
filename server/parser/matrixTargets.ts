// A plan's quantities laid out as a matrix: one row per place or unit, one column per measure with its unit in
// the header ("城市 | 县(市、区) | 小区数(个) | 楼栋数(栋) | 户数(户)" then "历下区 | 226 | 1276 | 56525"). Each figure
// is a target of that place: how binding quantities go down to districts and towns. Pages flatten such tables
// one cell per line (often closed by " |", rows parted by "|||" lines) or one row per line; both are read as a
// stream of cells, and a row ends with its last measure.
import type { Line } from './types.js';

export interface Cell {
  text: string;
  start: number;
}
export interface MatrixTarget {
  subject: string;
  value: number;
  unit: string | null;
  start: number; // offset of the figure in the normalized text
  text: string;
}
export interface MatrixTable {
  lineFrom: number;
  lineTo: number; // exclusive
  caption: string;
  targets: MatrixTarget[];
  /** a place-column matrix: each row handed to the places with a figure in it (the total column left out) */
  rows?: { label: string; start: number; end: number; places: Cell[] }[];
  /** a place-row matrix whose label column names places or units ("乡镇 | 新种任务(亩)"): each row the place's quota */
  unitRows?: { label: Cell; start: number; end: number; text: string }[];
  /** the label column names places ("地区", "乡镇"), not units in general ("单位") */
  placeRows?: boolean;
}

// "小区数(个)", "计划投资(亿元)", "建筑面积(万平方米)": a measure with its unit
const MEASURE_UNIT = /^([\u4e00-\u9fa5A-Za-z]{2,20}?)\s*[(（]([^()（）、,]{1,8})[)）]$/;
// "建筑面积", "户数", "改造面积": a measure named without a unit
const MEASURE_NAME = /^[\u4e00-\u9fa5]{1,10}(?:数|面积|投资|金额|产值|规模|长度|里程|数量|户数|人数|个数|目标|任务)$/;
// what a row is about: a place, a unit, a project
// (the heads of a column of places: the rows are places, however their names are spaced — PLACE_LABEL_HEAD)
const PLACE_HEADS = String.raw`地区|乡镇|街道|镇街|县\(市、区\)|县\(市\)区|县(?:市|区)|区县|县区|市州|市\(州\)|地市|设区市|省份|省\(区、市\)|省\(自治区、直辖市\)|乡\(镇\)|乡镇\(街道\)|镇\(街道\)|村\(社区\)`;
const LABEL_HEAD = new RegExp(`^(?:序号|城市|市|县|区|单位|责任单位|考核单位|名称|项目名称|类别|${PLACE_HEADS})$`);
// the first letters a header word of `head` (an anchored alternation, "^(?:序号|城市|…)$") opens on: a line whose first
// cell opens on none of them starts no such table (the readers ask every line, most of them prose)
function openingLetters(head: RegExp): RegExp {
  const src = head.source.slice('^(?:'.length, -')$'.length);
  const first = new Set<string>();
  let depth = 0;
  for (let k = 0; k < src.length; k++) {
    const c = src[k];
    if (c === '\\') k++;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    if ((k === 0 || (src[k - 1] === '|' && depth === 0)) && /[\u4e00-\u9fa5]/.test(c)) first.add(c);
  }
  return new RegExp(`^[\\s|｜]*[${[...first].join('')}]`);
}
const LABEL_HEAD_OPEN = openingLetters(LABEL_HEAD);
const FIGURE = /^-?\d+(?:\.\d+)?$/;
const EMPTY = /^(?:[/／—–-]+|无)$/;
const PIPES = /^[\s|｜]*$/;

// (tableAt tries every line as a header and reads the lines after it: each line is cut into cells once; callers get
// their own array)
const cellsRead = new WeakMap<Line, Cell[]>();
function cellsOf(line: Line): Cell[] {
  let got = cellsRead.get(line);
  if (!got) cellsRead.set(line, (got = cutCells(line)));
  return got.slice();
}
function cutCells(line: Line): Cell[] {
  const t = line.text;
  if (!t.trim() || PIPES.test(t)) return [];
  let parts = t.includes('|') || t.includes('｜') ? t.split(/[|｜]/) : t.includes('\t') ? t.split('\t') : t.split(/ {2,}/);
  // "万州区 1900 300" under "责任单位 外贸出口目标 实到外资目标": a quota table whose cells a single space parts — a row
  // of a name and figures only, or a header of short names only
  if (parts.filter((p) => p.trim()).length === 1) {
    const words = t.trim().split(/ /);
    if (words.length >= 2 && words.length <= 8 && (words.slice(1).every((w) => /^\d+(?:\.\d+)?$/.test(w)) || words.every((w) => /^[\u4e00-\u9fa5()]{2,12}$/.test(w))))
      parts = t.split(/ /);
  }
  const out: Cell[] = [];
  let at = 0;
  for (const p of parts) {
    const lead = p.length - p.trimStart().length;
    if (p.trim()) out.push({ text: p.trim(), start: line.start + at + lead });
    at += p.length + 1;
  }
  return out;
}

const isMeasure = (t: string) => {
  const c = t.replace(/\s/g, '');
  return !LABEL_HEAD.test(c) && (MEASURE_UNIT.test(c) || MEASURE_NAME.test(c));
};

const readTables = new WeakMap<Line[], MatrixTable[]>();

/** The matrix tables of a document, each with its targets. */
export function findMatrixTables(lines: Line[]): MatrixTable[] {
  // read once per document: the targets stage and the tasks stage both ask (callers only read the answer)
  const known = readTables.get(lines);
  if (known) return known;
  const tables: MatrixTable[] = [];
  for (let i = 0; i < lines.length; i++) {
    const got = tableAt(lines, i) ?? placeColumnTableAt(lines, i) ?? placeRowsAt(lines, i);
    if (!got) continue;
    tables.push(got);
    i = got.lineTo - 1;
  }
  readTables.set(lines, tables);
  return tables;
}

function tableAt(lines: Line[], i: number): MatrixTable | null {
  if (!LABEL_HEAD_OPEN.test(lines[i].text)) return null;
  // the header: one line of cells, or one cell per line, opening on a label column
  const first = cellsOf(lines[i]);
  const head = first[0]?.text.replace(/\s/g, '') ?? '';
  if (!first.length || !LABEL_HEAD.test(head)) return null;
  // a place column ("地区", "乡镇"): its rows are places, however their names are spaced
  const placeHead = PLACE_LABEL_HEAD.test(head);
  let header: Cell[] = [];
  let j = i;
  if (first.length >= 3 || (first.length === 2 && placeHead)) {
    header = first;
    j = i + 1;
  } else {
    for (; j < lines.length && j < i + 14; j++) {
      const cs = cellsOf(lines[j]);
      if (PIPES.test(lines[j].text) && lines[j].text.trim()) {
        j++;
        break;
      }
      // a blank line closes the header as a "||||" line does (the same page copied without its bars)
      if (!lines[j].text.trim()) {
        if (header.length >= 3) {
          j++;
          break;
        }
        continue;
      }
      if (cs.length !== 1 || FIGURE.test(cs[0].text) || cs[0].text.length > 16) break;
      header.push(cs[0]);
    }
  }
  const m0 = header.findIndex((c) => isMeasure(c.text));
  if (m0 < 1) return null;
  // "合同外资(万美元) | 到位外资(万美元) | … | 备注" then "本年任务 | 本年任务 | 其中:外省 | 本年任务": the header's second
  // line, read cell by cell after the remarks column — one sub-column a measure, and a 其中 sub-column a part of the
  // measure before it (real-FP fp01), not a quota of its own (fixtures/real/README.md, session 24)
  let parts: boolean[] | null = null;
  const r0 = header.findIndex((c, n) => n > m0 && REMARK_HEAD.test(c.text.replace(/\s/g, '')));
  if (r0 > m0 + 1 && header.length > r0 + 1) {
    const subs = header.slice(r0 + 1).map((c) => c.text.replace(/\s/g, ''));
    const own = subs.filter((t) => !/^其中/.test(t)).length;
    if (own === r0 - m0 && !/^其中/.test(subs[0]) && subs.every((t) => t.length <= 8 && !FIGURE.test(t) && !REMARK_HEAD.test(t))) {
      parts = subs.map((t) => /^其中/.test(t));
      header = header.slice(0, r0 + 1);
    }
  }
  // "乡镇 | 新种任务(亩) | 备注": a remarks column after the measures holds words, not figures
  let tail = 0;
  while (tail < header.length - m0 - 1 && REMARK_HEAD.test(header[header.length - 1 - tail].text.replace(/\s/g, ''))) tail++;
  const measures = header.slice(m0, header.length - tail);
  // "分阶段任务(亩) | 合计": a total column after the measures it sums — each row's last figure is its quota (the
  // cells before it, under a second header line "春种 | 夏种", its breakdown)
  const total = measures.length >= 2 && TOTAL_HEAD.test(measures[measures.length - 1].text.replace(/\s/g, '')) && MEASURE_UNIT.test(measures[0].text.replace(/\s/g, ''));
  if (!measures.every((c, n) => isMeasure(c.text) || (total && n === measures.length - 1))) return null;
  // (a single measure only with its unit written and a remarks column beside it)
  // (or a place column's quota: "地区 | 单位规上工业增加值能耗降幅目标(%)" then "城 厢 | 3.4")
  if (measures.length < 2 && !((tail || placeHead) && MEASURE_UNIT.test(measures[0].text.replace(/\s/g, '')))) return null;
  // "金额单位:万美元" on the line above the header: the unit every measure is counted in
  let shared: string | null = null;
  for (let u = i - 1; u >= 0 && u >= i - 2; u--) {
    const got = /^\s*(?:金额|计量|数量)?单位\s*[::]\s*([\u4e00-\u9fa5%]{1,6})\s*$/.exec(lines[u].text);
    if (got) shared = got[1];
    if (lines[u].text.trim()) break;
  }
  if (!shared && !measures.some((c) => MEASURE_UNIT.test(c.text.replace(/\s/g, '')))) return null;
  // each figure column's measure, and whether it is a part of that measure (a 其中 sub-column)
  let m = -1;
  const colMeasure = parts ? parts.map((part) => (part ? m : ++m)) : measures.map((_, n) => n);
  const k = colMeasure.length;
  const rows: { label: Cell[]; figures: Cell[]; end: number }[] = [];
  let cur: Cell[] = [];
  let end = j;
  let strays = 0;
  let remarkDue = false;
  const flush = (oneLine = false) => {
    // with a remarks column, a row on one line has its figures right after its label (an empty remark leaves no
    // cell); a row read cell by cell ends with its figures, and a remark left over from the row before is no label
    const figs = tail && oneLine ? cur.slice(m0, m0 + k) : cur.slice(-k);
    const label = (tail && oneLine ? cur.slice(0, m0) : cur.slice(0, cur.length - k)).filter((c) => (!FIGURE.test(c.text) || c.text.length > 3) && !(tail && !oneLine && (c.text.length > 12 || /[,,。;;:]/.test(c.text.replace(/^其中[:：]/, '')))));
    const last = cur[cur.length - 1];
    if (cur.length > k && figs.length === k && figs.every((c) => FIGURE.test(c.text) || EMPTY.test(c.text)) && label.length) rows.push({ label, figures: figs, end: last.start + last.text.length });
    cur = [];
  };
  // the total's sub-columns on a header line of their own, before any row
  const sub = total && j < lines.length ? cellsOf(lines[j]) : [];
  if (sub.length >= 2 && sub.every((c) => !FIGURE.test(c.text) && c.text.length <= 8)) j++;
  for (; j < lines.length; j++) {
    const l = lines[j];
    if (!l.text.trim()) continue;
    if (PIPES.test(l.text)) {
      if (cur.length) flush();
      remarkDue = false;
      continue;
    }
    const cs = cellsOf(l);
    if (cs.some((c) => c.text.length > 40)) break;
    if (total && cs.length > 1) {
      // a row on one line: its label, then its figures, the last of them the total (an empty cell leaves none)
      const f = cs.findIndex((c, n) => n > 0 && FIGURE.test(c.text));
      const figs = f > 0 ? cs.slice(f).filter((c) => FIGURE.test(c.text)) : [];
      const label = f > 0 ? cs.slice(0, f).filter((c) => !/^\d{1,3}$/.test(c.text)) : [];
      if (figs.length && label.length) {
        const last = figs[figs.length - 1];
        rows.push({ label, figures: [last], end: last.start + last.text.length });
        end = j + 1;
        continue;
      }
      if (rows.length) break;
      continue;
    }
    if (cs.length > 1) {
      if (cur.length) flush();
      cur = cs;
      flush(true);
      end = j + 1;
      continue;
    }
    // with a remarks column a row read cell by cell runs label, figures, remark: a word right after a row's last
    // figure is its remark ("含LG全部", fp01) unless a figure follows it, when it is the next row's label
    if (remarkDue) {
      remarkDue = false;
      if (!FIGURE.test(cs[0].text) && !FIGURE.test(nextCell(lines, j + 1)?.text ?? '')) continue;
    }
    cur.push(cs[0]);
    // a row ends with its k-th figure in a row of figures
    const last = cur.slice(-k);
    if (last.length === k && last.every((c) => FIGURE.test(c.text) || EMPTY.test(c.text)) && cur.length > k) {
      flush();
      end = j + 1;
      strays = 0;
      remarkDue = tail > 0;
    } else if (!FIGURE.test(cs[0].text) && ++strays > 4) break;
  }
  // a page cut inside a row ("其中:食品工业园 | 3800 | 1800 | 3 |" and nothing after): the figures it has, in column order
  if (j >= lines.length && cur.length >= 2 && !FIGURE.test(cur[0].text) && cur.slice(1).every((c) => FIGURE.test(c.text) || EMPTY.test(c.text))) {
    const lastCell = cur[cur.length - 1];
    rows.push({ label: [cur[0]], figures: cur.slice(1), end: lastCell.start + lastCell.text.length });
    end = j;
  }
  if (rows.length < 3) return null;
  // "园区外" (the county outside its park): the rest of a row above, no body's quota (fp01)
  for (let n = rows.length - 1; n >= 0; n--) if (rows[n].label.length === 1 && REST_ROW.test(rows[n].label[0].text.replace(/\s/g, ''))) rows.splice(n, 1);
  const targets: MatrixTarget[] = [];
  for (const r of rows) {
    const label = r.label
      .map((c) => c.text.replace(/^(?:其中[:：]\s*)?(?:\d{1,3}[.、．]\s*)?/, '').replace(/[:：]$/, ''))
      .filter((t) => !/^\d{1,3}$/.test(t))
      .join('');
    r.figures.forEach((f, n) => {
      if (!FIGURE.test(f.text) || parts?.[n]) return;
      const h = measures[total ? 0 : colMeasure[n]].text.replace(/\s/g, '');
      const mu = MEASURE_UNIT.exec(h);
      targets.push({ subject: `${label}${mu ? mu[1] : h}${total ? '合计' : ''}`, value: Number(f.text), unit: mu ? mu[2] : shared, start: f.start, text: f.text });
    });
  }
  // rows of places or units by name ("长安镇 | 2150"): each is handed its quota; a total row is no one's
  // ("序号 | 乡镇 | …": the label column after a running number names the places too)
  const labelHead = /^(?:序号|编号)$/.test(head) && m0 >= 2 ? header[1].text.replace(/\s/g, '') : head;
  const unitRows = UNIT_LABEL_HEAD.test(labelHead)
    ? rows.filter((r) => r.label.length === 1 && !TOTAL_ROW.test(r.label[0].text.replace(/\s/g, ''))).map((r) => ({ label: ownLabel(r.label[0]), start: r.label[0].start, end: r.end, text: `${r.label[0].text} ${r.figures.map((f, n) => `${measures[total ? measures.length - 1 : colMeasure[n]].text.replace(/\s/g, '')} ${f.text}`).join(' ')}` }))
    : [];
  return { lineFrom: i, lineTo: Math.max(end, i + 1), caption: captionAbove(lines, i, 4), targets, ...(unitRows.length ? { unitRows, placeRows: placeHead || PLACE_LABEL_HEAD.test(labelHead) } : {}) };
}
const REMARK_HEAD = /^(?:备注|说明|备 注)$/;
const TOTAL_HEAD = /^(?:合计|小计|总计)$/;
// a label column that names who gets the row, not what the row is about
const PLACE_LABEL_HEAD = new RegExp(`^(?:${PLACE_HEADS})$`);
const UNIT_LABEL_HEAD = new RegExp(`^(?:${PLACE_HEADS}|单位|责任单位|考核单位)$`);
const TOTAL_ROW = /^(?:合计|总计|小计|全\s*[县市区省镇乡州国](?:合计|总计)?|[\u4e00-\u9fa5]{0,4}(?:合计|总计))$/;

// The transposed matrix: one column per place, one row per measure ("考核项目及内容 | 全市 | 巴州区 | 恩阳区 | … | 分值 |
// 考核实施单位", then "地区生产总值(亿元) | 466 | 112 | 45 | …"), how a city hands its yearly targets to its counties.
// Merged cells go missing when a page flattens it one cell per line, so a row is its label and the figures that
// follow it, read into the place columns in order; figures past the last place (分值) are not targets.
const PLACE = /^(?:全(?:市|区|县|省|州|镇)|[\u4e00-\u9fa5]{1,8}(?:区|县|市|镇|乡|街道|旗|开发区|园区|新区))$/;
const TOTAL_PLACE = /^全(?:市|区|县|省|州|镇)$/;
// the label columns before the places, and the columns after them
const ROW_HEAD = /^(?:序号|目标类别|类别|考核项目(?:及内容)?|考核内容|考核指标|指标(?:名称|内容)?|主要指标|项目|目标任务|任务|内容|计量单位|单位)$/;
const ROW_HEAD_OPEN = openingLetters(ROW_HEAD);
const UNIT_HEAD = /^(?:计量单位|单位)$/;
const TAIL_HEAD = /^(?:分值|权重|考核(?:实施)?单位|考核部门|实施单位|责任单位|牵头单位|备注)$/;
const UNIT_IN_LABEL = /^(.+?)\s*[(（]([^()（）]{0,8})[)）]$/;

function placeColumnTableAt(lines: Line[], i: number): MatrixTable | null {
  if (!ROW_HEAD_OPEN.test(lines[i].text)) return null;
  const first = cellsOf(lines[i]);
  if (first.length !== 1 || !ROW_HEAD.test(first[0].text.replace(/\s/g, ''))) return null;
  // the header: single short cells, blank lines between, until the first cell that is no header
  const header: Cell[] = [];
  let j = i;
  for (; j < lines.length && header.length < 20; j++) {
    const cs = cellsOf(lines[j]);
    if (!cs.length) continue;
    if (cs.length !== 1) return null;
    const c = cs[0].text.replace(/\s/g, '');
    const stage = header.some((h) => PLACE.test(h.text)) ? (header.some((h) => TAIL_HEAD.test(h.text)) ? 'tail' : 'places') : 'head';
    if (stage === 'head' && (ROW_HEAD.test(c) || PLACE.test(c))) header.push({ ...cs[0], text: c });
    else if (stage === 'places' && (PLACE.test(c) || TAIL_HEAD.test(c))) header.push({ ...cs[0], text: c });
    else if (stage === 'tail' && TAIL_HEAD.test(c)) header.push({ ...cs[0], text: c });
    else break;
  }
  const placeCells = header.filter((h) => PLACE.test(h.text) && !ROW_HEAD.test(h.text));
  const places = placeCells.map((h) => h.text);
  const before = header.slice(0, header.findIndex((h) => PLACE.test(h.text)));
  if (places.length < 3 || !before.length) return null;
  const unitColumn = before.some((h) => UNIT_HEAD.test(h.text));
  const targets: MatrixTarget[] = [];
  const rowsOut: NonNullable<MatrixTable['rows']> = [];
  let label: Cell | null = null;
  let unit: string | null = null;
  let figures: Cell[] = [];
  let end = j;
  let idle = 0;
  const close = () => {
    if (label && figures.length) {
      const m = UNIT_IN_LABEL.exec(label.text);
      const name = (m ? m[1] : label.text).replace(/^\d{1,3}[.、．]\s*/, '');
      const u = m ? m[2].trim() || null : unit;
      const own = figures.slice(0, places.length);
      own.forEach((f, n) => {
        if (FIGURE.test(f.text)) targets.push({ subject: `${places[n]}${name}`, value: Number(f.text), unit: u, start: f.start, text: f.text });
      });
      const last = own[own.length - 1];
      rowsOut.push({ label: label.text, start: label.start, end: last.start + last.text.length, places: placeCells.filter((p, n) => own[n] && FIGURE.test(own[n].text) && !TOTAL_PLACE.test(p.text)) });
    }
    label = null;
    unit = null;
    figures = [];
  };
  for (; j < lines.length; j++) {
    const cs = cellsOf(lines[j]);
    if (!cs.length) continue;
    if (cs.some((c) => c.text.length > 40) || /^[(（][一二三四五六七八九十]+[)）]/.test(cs[0].text)) break;
    for (const c of cs) {
      const t = c.text.replace(/\s/g, '');
      if (FIGURE.test(t) || EMPTY.test(t)) {
        if (label) {
          figures.push({ ...c, text: t });
          end = j + 1;
          idle = 0;
        }
      } else if (label && !figures.length && unitColumn && unit === null && t.length <= 6) {
        unit = t;
      } else {
        close();
        // a label names a measure; a category cell ("主要经济指标") is replaced by the next one
        if (t.length <= 30) label = { ...c, text: t };
        idle++;
      }
    }
    if (idle > 8) break;
  }
  close();
  if (rowsOut.length < 2) return null;
  return { lineFrom: i, lineTo: Math.max(end, i + 1), caption: captionAbove(lines, i, 6), targets, rows: rowsOut };
}

// A quota table flattened to "place figure figure … [word]" rows under a header of short names and a shared unit
// ("昆明市林业局 单位:亩" / "县(市)区 辖区绿化 天保工程 …" / "五华区 1000 200 2250 已启动", real-FQ fq07): empty
// cells leave no gap, so only a row's first figure is sure of its column; each figure is the place's quota in the
// shared unit, the place responsible (fixtures/real/README.md, session 18)
const ROW_WORDS = /^([\u4e00-\u9fa5()（）]{2,12})((?:[ \t\u3000]+\d+(?:\.\d+)?)+)(?:[ \t\u3000]+[\u4e00-\u9fa5]{1,8})?\s*$/;
const SHARED_UNIT = /(?:^|\s)(?:金额|计量|数量)?单位\s*[:：]\s*([\u4e00-\u9fa5%]{1,6})\s*$/;

function placeRowsAt(lines: Line[], i: number): MatrixTable | null {
  // (a cheap test first: every line of a document is asked)
  const first = /^\s*([^\s]{1,12})[ \t\u3000]/.exec(lines[i].text);
  if (!first || !PLACE_LABEL_HEAD.test(first[1]) || lines[i].text.length > 120) return null;
  const head = lines[i].text.trim().split(/[ \t\u3000]+/);
  if (head.length < 2 || !head.every((w) => /^[\u4e00-\u9fa5()（）:“”"]{2,16}$/.test(w))) return null;
  let shared: string | null = null;
  for (let u = i - 1; u >= 0 && u >= i - 3 && !shared; u--) shared = SHARED_UNIT.exec(lines[u].text)?.[1] ?? null;
  if (!shared) return null;
  let j = i + 1;
  // a second header line of sub-columns; its 其中 word a part of the cell before it, not a quota of its own — where
  // one cell stands before it (its words, joined, a short name: "调整后 任务"), the rows' second figure
  let part = -1;
  for (; j < lines.length && j <= i + 2; j++) {
    const ws = lines[j].text.trim().split(/[ \t\u3000]+/);
    if (!lines[j].text.trim() || ROW_WORDS.test(lines[j].text) || !ws.every((w) => !/\d/.test(w) && w.length <= 16)) break;
    const q = ws.findIndex((w) => /^其中/.test(w));
    if (q > 0 && ws.slice(0, q).join('').length <= 6) part = 1;
  }
  const rows: { place: Cell; figures: Cell[]; end: number }[] = [];
  let end = j;
  for (; j < lines.length; j++) {
    const l = lines[j];
    if (!l.text.trim()) continue;
    const m = ROW_WORDS.exec(l.text);
    if (!m || !PLACE.test(m[1])) break;
    const at = l.start + l.text.indexOf(m[1]);
    const figures: Cell[] = [];
    const re = /\d+(?:\.\d+)?/g;
    for (let f = re.exec(m[2]); f; f = re.exec(m[2])) figures.push({ text: f[0], start: at + m[1].length + f.index });
    const last = figures[figures.length - 1];
    rows.push({ place: { text: m[1], start: at }, figures, end: last.start + last.text.length });
    end = j + 1;
  }
  if (rows.length < 3) return null;
  const targets: MatrixTarget[] = [];
  for (const r of rows)
    r.figures.forEach((f, n) => {
      if (n === part) return;
      targets.push({ subject: `${r.place.text}${n === 0 && head[1] ? head[1] : `第${n + 1}项`}`, value: Number(f.text), unit: shared, start: f.start, text: f.text });
    });
  const unitRows = rows.filter((r) => !TOTAL_ROW.test(r.place.text)).map((r) => ({ label: r.place, start: r.place.start, end: r.end, text: `${r.place.text} ${r.figures.map((f) => `${f.text}${shared}`).join(' ')}` }));
  // the table's title above its unit line ("2009年…任务分配表" / "昆明市林业局 单位:亩")
  let c = i - 1;
  while (c > 0 && (!lines[c].text.trim() || SHARED_UNIT.test(lines[c].text))) c--;
  return { lineFrom: i, lineTo: end, caption: captionAbove(lines, c + 1, 4), targets, unitRows, placeRows: true };
}

const REST_ROW = /^[\u4e00-\u9fa5]{1,6}(?:以外|之外|外)$/;
/** "其中:经济技术开发区": a row inside the row above, named without its 其中 */
function ownLabel(c: Cell): Cell {
  const m = /^其中[:：]\s*/.exec(c.text);
  return m ? { text: c.text.slice(m[0].length), start: c.start + m[0].length } : c;
}

/** the first cell of the next line that holds one */
function nextCell(lines: Line[], from: number): Cell | null {
  for (let j = from; j < lines.length && j < from + 4; j++) {
    const cs = cellsOf(lines[j]);
    if (cs.length) return cs[0];
  }
  return null;
}

/** the nearest non-blank line within `reach` lines above a table: its caption ("2023年城镇老旧小区改造计划表") */
function captionAbove(lines: Line[], i: number, reach: number): string {
  for (let b = i - 1; b >= 0 && b >= i - reach; b--) {
    const t = lines[b].text.replace(/[|｜]/g, '').trim();
    if (t) return t;
  }
  return '';
}
