// A small HTML-to-text reader for saved government web pages: drops scripts, styles,
// navigation, headers, footers and forms, keeps paragraph breaks and table cells.
const DROP = /<(script|style|noscript|nav|footer|header|aside|form|select|button|iframe|svg|template)\b[^>]*>[\s\S]*?<\/\1\s*>/gi;
const BLOCK = /<\/?(p|div|br|li|ul|ol|h[1-6]|tr|table|tbody|thead|section|article|blockquote|pre|dd|dt|dl|hr|center)\b[^>]*>/gi;
const CELL = /<\/?(td|th)\b[^>]*>/gi;

const ENTITIES: Record<string, string> = {
  nbsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", ldquo: '“', rdquo: '”', lsquo: '‘', rsquo: '’',
  mdash: '—', ndash: '–', hellip: '…', middot: '·', times: '×', divide: '÷', le: '≤', ge: '≥', plusmn: '±', deg: '°',
  permil: '‰', bull: '•', emsp: ' ', ensp: ' ', thinsp: ' ', copy: '©', reg: '®', yen: '¥', sup2: '²', sup3: '³',
};

const SPAN_ATTR = /\b(?:rowspan|colspan)\s*=\s*["']?\s*0*(?:[2-9]|[1-9]\d)/i;
const spanOf = (attrs: string, name: string): number => {
  const m = new RegExp(`\\b${name}\\s*=\\s*["']?\\s*(\\d+)`, 'i').exec(attrs);
  return m ? Math.max(1, Math.min(Number(m[1]), 50)) : 1;
};

/**
 * A table with merged cells (rowspan/colspan) rebuilt as a plain grid: a cell spanning rows is
 * repeated in each row it covers, so every row carries its 责任单位 or 完成时限 however the page merged
 * them; a cell spanning columns keeps its place and leaves the columns it covers empty.
 */
function expandSpans(table: string): string {
  if (!SPAN_ATTR.test(table)) return table;
  const open = /^<table\b[^>]*>/i.exec(table)?.[0] ?? '<table>';
  const rows = [...table.matchAll(/<tr\b[^>]*>([\s\S]*?)(?=<tr\b|<\/tbody|<\/thead|<\/tfoot|<\/table|$)/gi)].map((m) => m[1]);
  if (!rows.length) return table;
  // carried[col] = a cell from a row above still covering this column, with the rows it has left
  const carried: ({ html: string; left: number } | undefined)[] = [];
  const out: string[] = [];
  for (const row of rows) {
    const cells = [...row.matchAll(/<(td|th)\b([^>]*)>([\s\S]*?)(?:<\/\1\s*>|(?=<(?:td|th)\b)|(?=<\/tr)|$)/gi)].map((m) => ({
      html: m[3].replace(/<\/tr\s*>[\s\S]*$/i, ''),
      tag: m[1].toLowerCase(),
      rows: spanOf(m[2], 'rowspan'),
      cols: spanOf(m[2], 'colspan'),
    }));
    const grid: string[] = [];
    const tags: string[] = [];
    let col = 0;
    const fillCarried = () => {
      while (carried[col]) {
        const c = carried[col]!;
        grid[col] = c.html;
        if (--c.left <= 0) carried[col] = undefined;
        col++;
      }
    };
    for (const c of cells) {
      fillCarried();
      for (let k = 0; k < c.cols; k++) {
        grid[col + k] = k === 0 ? c.html : '';
        tags[col + k] = c.tag;
        if (c.rows > 1) carried[col + k] = { html: k === 0 ? c.html : '', left: c.rows - 1 };
      }
      col += c.cols;
    }
    fillCarried();
    for (let k = col; k < carried.length; k++) {
      const c = carried[k];
      if (!c) continue;
      grid[k] = c.html;
      if (--c.left <= 0) carried[k] = undefined;
    }
    // a header cell stays <th>: the Word reader joins a header's hand-wrapped lines without a separator
    out.push(`<tr>${Array.from(grid, (h, k) => (tags[k] === 'th' ? `<th>${h ?? ''}</th>` : `<td>${h ?? ''}</td>`)).join('')}</tr>`);
  }
  return `${open}${out.join('')}</table>`;
}

/**
 * A cell listing names one per line ("新区经信局<br/>新区商务局"): its short lines are one list, so the
 * row stays on one line of text. A cell whose lines read as sentences or labelled notes keeps its breaks.
 */
function joinCellLines(cell: string): string {
  const open = cell.indexOf('>') + 1;
  const close = cell.lastIndexOf('</');
  const inner = cell.slice(open, close > open ? close : cell.length);
  const parts = inner.split(/<br\s*\/?>/i).map((p) => p.replace(/<[^>]+>/g, '').replace(/&nbsp;|[\s\u3000]/g, ''));
  const lines = parts.filter(Boolean);
  if (lines.length < 2 || lines.some((p) => p.length > 24 || /[,，。;；:：!！?？]|\d/.test(p))) return cell;
  // a line that is only "(…)" belongs to the name above it: "区工信局<br>(区大数据局)"
  const joined = lines.reduce((a, p, k) => (k === 0 ? p : /^[(（][^()（）]{1,20}[)）]$/.test(p) ? a + p : a + '、' + p), '');
  return cell.slice(0, open) + joined + cell.slice(close > open ? close : cell.length);
}

function cellParagraphs(cell: string): string {
  // several paragraphs in a cell of a web page keep their breaks (a cell of several tasks)
  if ((cell.match(/<p\b/gi) ?? []).length !== 1) return cell;
  return cell.replace(/\s*<\/p\s*>\s*<p\b[^>]*>\s*/gi, '<br/>').replace(/<\/?p\b[^>]*>/gi, '');
}

/**
 * A cell of a Word table (mammoth's HTML): its paragraphs become one line. A list of short names is
 * joined by "、" (joinCellLines); paragraphs that read as sentences or sub-items are joined by a
 * space, so the row stays one line of text and keeps all its columns.
 */
function joinWordCell(cell: string): string {
  const open = cell.indexOf('>') + 1;
  const close = cell.lastIndexOf('</');
  const inner = cell.slice(open, close > open ? close : cell.length);
  const parts = inner
    .split(/<\/p\s*>\s*<p\b[^>]*>|<br\s*\/?>/i)
    .map((p) => p.replace(/<[^>]+>/g, '').replace(/[\s\u00a0\u3000]+$/g, '').replace(/^[\s\u00a0\u3000]+/g, ''))
    .filter(Boolean);
  const names = parts.length > 1 && parts.every((p) => p.length <= 24 && !/[,，。;；:：!！?？]|\d/.test(p));
  // a header cell's short lines are one heading wrapped by hand ("“十三五”" ⏎ "目标"), not a list of names
  const heading = names && /^<th\b/i.test(cell) && parts.every((p) => p.length <= 8);
  return cell.slice(0, open) + parts.join(heading ? '' : names ? '、' : ' ') + cell.slice(close > open ? close : cell.length);
}

export interface HtmlToTextOptions {
  /** mammoth's HTML of a .docx: cells hold <p> paragraphs, which are joined onto the row's line */
  word?: boolean;
}

/** a paragraph's HTML ends mid-sentence (see endsMidSentence) */
function unfinished(inner: string): boolean {
  const t = inner.replace(/<[^>]+>/g, '').replace(/&nbsp;|[\s\u00a0\u3000]+$/g, '');
  return !!t && endsMidSentence(t);
}

/** a paragraph's text ends mid-sentence: after ";" "," "、" or with a bracket still open (Word and PDF alike) */
export function endsMidSentence(t: string): boolean {
  if (/[;；,，、]$/.test(t)) return true;
  let depth = 0;
  for (const ch of t) {
    if (ch === '(' || ch === '（') depth++;
    else if ((ch === ')' || ch === '）') && depth > 0) depth--;
  }
  return depth > 0;
}

/**
 * Word paragraphs (mammoth's HTML). A paragraph that ends mid-sentence ("…改造;" or a note broken as
 * "(牵头单位:X;" ⏎ "责任单位:Y)") goes on with the next paragraph after a plain line break, as the same
 * text does in a .txt; other paragraphs stay blocks (a blank line between them). A table of one cell
 * (a 专栏 box, a framed note) is a box of paragraphs, not a data table: its paragraphs stay lines.
 */
function wordParagraphs(s: string): string {
  s = s.replace(/<table\b[^>]*>(?:(?!<table\b)[\s\S])*?<\/table\s*>/gi, (table) => {
    const cells = table.match(/<(td|th)\b/gi) ?? [];
    if (cells.length !== 1) return table;
    const inner = /<(td|th)\b[^>]*>([\s\S]*?)<\/\1\s*>/i.exec(table)?.[2] ?? '';
    const paras = inner.split(/<\/p\s*>\s*<p\b[^>]*>/i).map((p) => p.replace(/<\/?p\b[^>]*>/gi, '').trim()).filter(Boolean);
    return `<p>${paras.join('<br/>')}</p>`;
  });
  // a file spaced with empty paragraphs (Enter pressed twice, as in most Word files typed in an office) shows
  // its blank lines where its author put them: paragraphs are lines, an empty paragraph a blank line
  const empty = /<p\b[^>]*>(?:\s|&nbsp;|<a\b[^>]*>\s*<\/a>)*<\/p\s*>/gi;
  const spacers = (s.match(empty) ?? []).length;
  if (spacers >= 3 && spacers >= (s.match(/<p\b/gi) ?? []).length * 0.05) {
    return s
      .replace(empty, '<hr/>')
      .replace(/<\/(?:p|h[1-6])\s*>\s*<(?:p|h[1-6])\b[^>]*>/gi, '<br/>');
  }
  s = s.replace(/<p\b[^>]*>(?:\s|&nbsp;|<a\b[^>]*>\s*<\/a>)*<\/p\s*>/gi, '');
  return s.replace(/<\/p\s*>\s*<p\b[^>]*>/gi, (m, at: number, all: string) => {
    const start = all.lastIndexOf('<p', at);
    const inner = start < 0 ? '' : all.slice(all.indexOf('>', start) + 1, at);
    return start >= 0 && !/<\/?(?:td|th|tr|table)\b/i.test(inner) && unfinished(inner) ? '<br/>' : m;
  });
}

export function htmlToText(html: string, opts: HtmlToTextOptions = {}): string {
  let s = html.replace(/<!--[\s\S]*?-->/g, '').replace(DROP, '');
  if (opts.word) s = wordParagraphs(s);
  if (SPAN_ATTR.test(s)) s = s.replace(/<table\b[^>]*>(?:(?!<table\b)[\s\S])*?<\/table\s*>/gi, expandSpans);
  // source line breaks inside a table row are layout, not text: a row stays one line
  s = s.replace(/<tr\b[\s\S]*?<\/tr\s*>/gi, (row) => (row.includes('\n') ? row.replace(/\s*\n\s*/g, '') : row));
  // paragraphs inside a cell are lines of the cell, not blocks that end the row
  if (/<(td|th)\b[^>]*>\s*<p\b/i.test(s)) s = s.replace(/<(td|th)\b[^>]*>(?:(?!<\/?(?:td|th|tr|table)\b)[\s\S])*<\/\1\s*>/gi, cellParagraphs);
  if (opts.word) {
    s = s.replace(/<(td|th)\b[^>]*>(?:(?!<\/?(?:td|th|tr|table)\b)[\s\S])*<\/\1\s*>/gi, joinWordCell);
    // a Word table's rows are consecutive lines, as in an .xlsx: no blank line between rows
    s = s.replace(/<\/tr\s*>(?:\s*<\/?(?:thead|tbody|tfoot)\b[^>]*>)*\s*<tr\b[^>]*>/gi, '<tr>');
  }
  else if (/<br\b/i.test(s)) s = s.replace(/<(td|th)\b[^>]*>(?:(?!<\/?(?:td|th|tr|table)\b)[\s\S])*?<br\b(?:(?!<\/?(?:td|th|tr|table)\b)[\s\S])*<\/\1\s*>/gi, joinCellLines);
  // elements marked as navigation or footer by class/id are page furniture too
  s = s.replace(/<(div|ul|section)\b[^>]*(class|id)="[^"]*\b(nav|menu|footer|breadcrumb|crumb|share|sidebar|copyright)\b[^"]*"[^>]*>[\s\S]*?<\/\1>/gi, '');
  s = s.replace(CELL, (t) => (t.startsWith('</') ? '' : '\t')).replace(BLOCK, '\n').replace(/<[^>]+>/g, '');
  s = s.replace(/&(#x[0-9a-f]+|#\d+|[a-z][a-z0-9]*);/gi, (m, e: string) => {
    if (e[0] === '#') {
      const cp = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(cp) && cp > 0 && cp < 0x110000 ? String.fromCodePoint(cp) : m;
    }
    return ENTITIES[e.toLowerCase()] ?? m;
  });
  return s
    .split('\n')
    .map((l) => l.replace(/[ \u00a0]+$/g, '').replace(/^[ \u00a0]+(?=\S)/, (w) => (w.length > 1 ? '  ' : '')))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
