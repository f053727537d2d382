// An Excel sheet pasted as text (tab-separated) writes a cell that holds line breaks or quotes
// inside double quotes, doubling the quotes within: 1⇥"推进""县域医共体""建设"⇥"区卫健局⏎区医保局"⇥….
// This pass puts each such row back on one line: the wrapping quotes go, "" becomes ", and a
// line break inside the cell becomes "、" between unit names ("区发改局⏎区财政局") or nothing after
// punctuation or before a note ("…7.2张;⏎每千人口…", "区卫健局⏎(区老龄办)"). Offsets are kept.
import { applyEdits, type Edit, type Mapped } from './edits.js';
import { looksLikeUnit } from './units.js';

const MAX_CELL = 2000;

export function joinQuotedCells(cur: Mapped): Mapped {
  const text = cur.text;
  if (!text.includes('\t"')) return cur;
  const edits: Edit[] = [];
  let i = text.indexOf('\t"');
  while (i >= 0) {
    const open = i + 1;
    const close = closingQuote(text, open);
    if (close < 0) {
      i = text.indexOf('\t"', open + 1);
      continue;
    }
    edits.push({ start: open, end: open + 1, text: '' }, { start: close, end: close + 1, text: '' });
    let lineStart = open + 1;
    for (let k = open + 1; k < close; k++) {
      const c = text[k];
      if (c === '"' && text[k + 1] === '"') {
        edits.push({ start: k, end: k + 1, text: '' });
        k++;
      } else if (c === '\n') {
        const before = text.slice(lineStart, k).trim();
        const after = text.slice(k + 1, close).split('\n')[0].trim();
        const units = looksLikeUnit(before.replace(/""/g, '"')) && !/^[((]/.test(after) && after.length > 0;
        edits.push({ start: k, end: k + 1, text: units && !/[、,,;;。:]$/.test(before) ? '、' : '' });
        lineStart = k + 1;
      }
    }
    i = text.indexOf('\t"', close + 1);
  }
  return applyEdits(cur, edits);
}

/** The quote closing the cell opened at `open`, followed by a tab, a line break or the end; -1 if none. */
function closingQuote(text: string, open: number): number {
  const limit = Math.min(text.length, open + MAX_CELL);
  for (let k = open + 1; k < limit; k++) {
    if (text[k] !== '"') continue;
    if (text[k + 1] === '"') {
      k++;
      continue;
    }
    const next = text[k + 1];
    return next === undefined || next === '\t' || next === '\n' ? k : -1;
  }
  return -1;
}
