// Text copied out of a PDF keeps the page's line breaks: every full line ends mid-sentence,
// so a note or a unit name can be cut in two ("…;责任⏎单位:市城市管理局"). Such a document
// is recognised by its many lines of one width that end without punctuation, and its lines
// are joined back; page footers ("- 2 -") between them go first.
import { applyEdits, regexEdits, type Edit, type Mapped } from './edits.js';
import { MARKER_START } from './chars.js';

const FOOTER = /(^|\n)[ \t\u3000]*[-—–][ \t]*\d{1,3}[ \t]*[-—–][ \t]*(?=\n|$)/g;
// a line starting with a label or a list marker never continues the line above
const LABEL_START = /^[ \t]*(牵头|责任|配合|协同|主要|参与|协办|完成时|主管|实施|落实)[^:\n]{0,6}:/;

/** display width: CJK characters take two columns, ASCII one */
function width(s: string): number {
  let w = 0;
  for (let i = 0; i < s.length; i++) w += s.charCodeAt(i) < 128 ? 1 : 2;
  return w;
}

export function dropPageFooters(cur: Mapped): Mapped {
  const t = cur.text;
  // the running title a PDF repeats at the top of every page, right after the page mark
  const after: { start: number; end: number; text: string }[] = [];
  FOOTER.lastIndex = 0;
  for (let m = FOOTER.exec(t); m; m = FOOTER.exec(t)) {
    const s = m.index + m[0].length + 1;
    const e = t.indexOf('\n', s);
    if (s >= t.length || e < 0) continue;
    const line = t.slice(s, e).trim();
    if (line.length >= 6 && line.length <= 40 && !/[。,;:!?]/.test(line)) after.push({ start: s, end: e + 1, text: line });
  }
  const count = new Map<string, number>();
  for (const a of after) count.set(a.text, (count.get(a.text) ?? 0) + 1);
  const edits: Edit[] = after.filter((a) => (count.get(a.text) ?? 0) >= 2).map((a) => ({ start: a.start, end: a.end, text: '' }));
  const dropped = edits.length ? applyEdits(cur, edits) : cur;
  return applyEdits(dropped, regexEdits(dropped.text, FOOTER, () => ''));
}

export function joinHardWraps(cur: Mapped): Mapped {
  const lines = cur.text.split('\n');
  const widths = lines.map((l) => width(l.trimEnd()));
  const body = widths.filter((w) => w >= 20).sort((a, b) => a - b);
  if (body.length < 6) return cur;
  const full = body[Math.floor(body.length * 0.75)];
  // table rows (cells split by "|", tabs or runs of spaces) are lines of their own, however wide
  const cells = (l: string) => /[|｜\t]|\S(?: {2,}|\u3000)\S/.test(l);
  const isFull = (i: number) => widths[i] >= full * 0.85 && widths[i] <= full + 4 && !cells(lines[i]);
  let fullCount = 0;
  let open = 0;
  lines.forEach((l, i) => {
    if (!isFull(i)) return;
    fullCount++;
    if (!/[。;!?:)”]$/.test(l.trimEnd())) open++;
  });
  const nonEmpty = widths.filter((w) => w > 0).length;
  // paragraphs on one line each end in punctuation; wrapped pages end lines anywhere
  // (a short page of many short label lines still wraps nearly every full line mid-sentence)
  if (fullCount < 5 || fullCount < nonEmpty * (open >= fullCount * 0.9 ? 0.4 : 0.5) || open < fullCount * 0.6) return cur;
  const edits: Edit[] = [];
  let pos = 0;
  for (let i = 0; i + 1 < lines.length; i++) {
    pos += lines[i].length;
    const next = lines[i + 1];
    if (isFull(i) && !/[。!?]$/.test(lines[i].trimEnd()) && next.trim() && !cells(next) && !MARKER_START.test(next) && !LABEL_START.test(next)) {
      const lead = next.length - next.trimStart().length;
      edits.push({ start: pos, end: pos + 1 + lead, text: '' });
    }
    pos += 1;
  }
  return applyEdits(cur, edits);
}

/** index of the ")" that closes a "(" opened before `s`, skipping nested "(…)" like "各县(市)区"; -1 if none */
function closingParen(s: string): number {
  let depth = 0;
  const re = /[()\n]/g;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    if (m[0] === '\n') return -1;
    if (m[0] === '(') depth++;
    else if (depth-- === 0) return m.index;
  }
  return -1;
}

const PAGE_NO_LEAD = /^[ \t]*(?:\d{1,3}[ \t]+(?=[\u4e00-\u9fff]))?/;

/** "(牵头单位:X⏎;责任单位:Y)": a line that opens with ";" and a label goes on the line above */
export function joinLeadingSemicolons(cur: Mapped): Mapped {
  return applyEdits(cur, regexEdits(cur.text, /\n(?=[ \t]*[;,][ \t]*(牵头|责任|配合|协同|主要)[^:\n]{0,6}:)/g, () => ''));
}

/**
 * "(牵头单位:…;责任单位:市财政⏎局、市经信局)": a note broken once, even mid-name. The line
 * holds an unclosed "(" with a label (or a role word and a comma) after it, and the next line closes it
 * before any "。" (a nested "各县(市)区" is skipped); a page number opening that line is dropped.
 */
export function joinBrokenNotes(cur: Mapped): Mapped {
  const t = cur.text;
  const edits: Edit[] = [];
  let start = 0;
  while (start < t.length) {
    const end = t.indexOf('\n', start);
    if (end < 0) break;
    const line = t.slice(start, end);
    const open = line.lastIndexOf('(');
    const next = t.slice(end + 1, Math.min(t.length, end + 1 + 160));
    const seg = open >= 0 ? line.slice(open) : '';
    let close: number;
    if (
      open >= 0 &&
      line.indexOf(')', open) < 0 &&
      // a labelled note, or an inline one cut right after its role word: "(X、Y牵头,⏎Z负责)"
      (/(牵头|责任|配合|协同)[^:()]{0,6}:/.test(seg) || /(牵头|配合|协同|协助|参与)[,、;][ \t]*$/.test(seg)) &&
      (close = closingParen(next)) > 0 &&
      !/[。\n]/.test(next.slice(0, close)) &&
      !MARKER_START.test(next)
    ) {
      // a scanned page's number printed at the start of the continued line ("3 市住房城乡建设局,…)")
      const lead = next.length - next.replace(PAGE_NO_LEAD, '').length;
      edits.push({ start: end, end: end + 1 + lead, text: '' });
    }
    start = end + 1;
  }
  return applyEdits(cur, edits);
}

/**
 * "协同责任单位:A、B,⏎C": a label line whose list ends in "," or "、" goes on with the next line,
 * when that line is a short run of names (no label, no list marker, no sentence stop).
 */
export function joinLabelListWraps(cur: Mapped): Mapped {
  const t = cur.text;
  const edits: Edit[] = [];
  let start = 0;
  while (start < t.length) {
    const end = t.indexOf('\n', start);
    if (end < 0) break;
    const line = t.slice(start, end);
    const tail = line.trimEnd();
    const last = tail.charCodeAt(tail.length - 1);
    if ((last === 0x2c || last === 0x3001) && LABEL_START.test(line)) {
      let nEnd = t.indexOf('\n', end + 1);
      if (nEnd < 0) nEnd = t.length;
      const next = t.slice(end + 1, nEnd);
      if (next.trim() && next.length <= 60 && !/[。:;!?]/.test(next) && !LABEL_START.test(next) && !MARKER_START.test(next)) {
        const lead = next.length - next.trimStart().length;
        edits.push({ start: end, end: end + 1 + lead, text: '' });
      }
    }
    start = end + 1;
  }
  return applyEdits(cur, edits);
}

// a role or time label alone on its line, without its colon: "责任单位⏎卫健局、文旅局⏎配合单位⏎各乡镇"
const BARE_LABEL = /^[ \t]*(?:牵头|责任|配合|协办|主办|承办|主责|协同|参与|落实)(?:单位|部门)[ \t]*[:]?[ \t]*$|^[ \t]*(?:完成时限|完成时间|时间节点|责任领导|牵头领导)[ \t]*[:]?[ \t]*$/;
const UNIT_ENDING = /(?:局|厅|委|办|政府|中心|乡镇|街道|乡|镇|部|院|会|公司|集团|队|所|站|处|科|室|区|县|市|联)(?:[、,]|$)/;
const HEADER_WORD = /^(?:[\u4e00-\u9fa5]{0,6}(?:单位|部门|科室|处室|股室|负责人|时间|时限|情况|内容|任务|名称|序号|备注|领导|措施|目标))$/;
const TIME_WORD = /\d{1,2}月|年底|年内|季度|长期|持续|底前|月前/;

/**
 * "责任单位⏎卫健局、文旅局": a page that puts a label and its value on two lines (a form laid out as rows) reads as
 * "责任单位:卫健局、文旅局". Only where the next line is what the label names (unit names, a time), so a table's
 * header cells one per line ("责任单位⏎完成时限") stay apart.
 */
export function joinBareLabels(cur: Mapped): Mapped {
  const t = cur.text;
  const edits: Edit[] = [];
  const re = /^[^\n]*$/gm;
  const lines: { start: number; text: string }[] = [];
  for (let m = re.exec(t); m; m = re.exec(t)) {
    lines.push({ start: m.index, text: m[0] });
    if (m[0] === '') re.lastIndex++;
  }
  for (let k = 0; k + 1 < lines.length; k++) {
    const label = lines[k].text;
    if (!BARE_LABEL.test(label)) continue;
    let n = k + 1;
    if (!lines[n].text.trim() && n + 1 < lines.length) n++;
    const next = lines[n].text.trim();
    // the next header cell of a table laid out one cell per line ("牵头单位⏎负责科室⏎负责人") is no value
    if (!next || next.length > 80 || BARE_LABEL.test(next) || MARKER_START.test(next) || /[。;]/.test(next) || HEADER_WORD.test(next)) continue;
    const fits = /时限|时间|节点/.test(label) ? TIME_WORD.test(next) : /领导/.test(label) || UNIT_ENDING.test(next);
    if (!fits) continue;
    const colon = /:\s*$/.test(label);
    const from = lines[k].start + label.trimEnd().length;
    edits.push({ start: from, end: lines[n].start + (lines[n].text.length - lines[n].text.trimStart().length), text: colon ? '' : ':' });
    // "主办单位:⏎自治区农牧厅⏎自治区林业厅⏎中共**县委员会": a label with its colon, its units a line each below it
    if (!colon || /时限|时间|节点|领导/.test(label)) continue;
    for (let j = n + 1; j < lines.length; j++) {
      const more = lines[j].text.trim();
      if (!more || more.length > 30 || BARE_LABEL.test(more) || MARKER_START.test(more) || /[。;:,]/.test(more) || HEADER_WORD.test(more) || !UNIT_ENDING.test(more)) break;
      edits.push({ start: lines[j - 1].start + lines[j - 1].text.trimEnd().length, end: lines[j].start + (lines[j].text.length - lines[j].text.trimStart().length), text: '、' });
    }
  }
  return applyEdits(cur, edits);
}

/**
 * "深入宣传贯彻《⏎食品安全法》,制定宣传方案": a line broken inside a document's title goes on with the next line, which
 * closes the 《 within a few characters (a title is never split over two paragraphs).
 */
export function joinBrokenTitles(cur: Mapped): Mapped {
  const t = cur.text;
  const edits: Edit[] = [];
  // each line searched on its own: a lastIndexOf from the line's end would walk back over every earlier line
  for (let start = 0, end = t.indexOf('\n'); end >= 0; start = end + 1, end = t.indexOf('\n', start)) {
    const open = t.slice(start, end).lastIndexOf('《');
    if (open < 0 || t.slice(start + open, end).includes('》')) continue;
    const close = t.slice(end + 1, end + 42).indexOf('》');
    const next = t.slice(end + 1, end + 1 + close);
    if (close >= 0 && !/[\n。;《]/.test(next) && !MARKER_START.test(next)) edits.push({ start: end, end: end + 1, text: '' });
  }
  return applyEdits(cur, edits);
}
