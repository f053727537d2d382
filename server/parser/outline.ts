// parseOutline: the heading tree. Marker styles follow the national convention for
// official documents (第X篇 > 第X章 > 第X节 > 一、 > (一) > 1. > (1) > ①); a document
// may skip levels, so depth comes from the styles it actually uses.
import type { OutlineNode } from '../../shared/parsedPlan.js';
import type { ParseContext, Line } from './types.js';
import { cnToInt, circledToInt } from './numerals.js';

// also: "01⏎总体目标" sections of web articles (sec), Ⅰ/Ⅱ (roman), 第X条 articles (art), A./B. (alpha),
// and ★▶◆● bullets (sym1…sym4, ranked in the order the document first uses them)
type Style = 'part' | 'chap' | 'sec' | 'sect' | 'roman' | 'art' | 'cn' | 'pcn' | 'alpha' | 'num' | 'pnum' | 'circ' | 'sym1' | 'sym2' | 'sym3' | 'sym4' | 'dash' | 'plain';
const RANK: Record<Style, number> = {
  part: 0, chap: 1, sec: 1.5, sect: 2, plain: 2.5, roman: 2.6, art: 2.8, cn: 3, pcn: 4, alpha: 4.5, num: 5, pnum: 6, circ: 7,
  sym1: 7.1, sym2: 7.2, sym3: 7.3, sym4: 7.4, dash: 8,
};
const SYMBOLS = '▶►◆◇●○■□★☆▪•';
const KINDS: OutlineNode['kind'][] = ['chapter', 'section', 'item', 'subitem', 'point'];

const N = '[一二三四五六七八九十百零〇两]+';
const PATTERNS: { style: Style; re: RegExp }[] = [
  { style: 'part', re: new RegExp(`^(第(${N}|\\d+)(?:篇|部分))\\s*`) },
  { style: 'chap', re: new RegExp(`^(第(${N}|\\d+)章)\\s*`) },
  { style: 'sect', re: new RegExp(`^(第(${N}|\\d+)节)\\s*`) },
  { style: 'art', re: new RegExp(`^(第(${N}|\\d+)条)\\s*`) },
  { style: 'roman', re: /^(([ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ]{1,3})[、.]?)\s*(?=[\u4e00-\u9fff])/ },
  { style: 'cn', re: /^(([一二三四五六七八九十百]+)[、.])\s*/ },
  { style: 'pcn', re: /^(\(([一二三四五六七八九十百]+)\))\s*/ },
  // ("1.2009年底前,完成…": a date straight after the marker is no decimal; "1.2022年度…" in a list of attachments stays one)
  { style: 'num', re: /^((\d{1,2}) ?[.、](?=(?:19|20)\d{2}年(?:底|末|内|前|\d{1,2}月)|\D|$))\s*/ },
  { style: 'alpha', re: /^(([A-H])[.、])\s*(?=[\u4e00-\u9fff])/ },
  { style: 'pnum', re: /^(\((\d{1,2})\))\s*/ },
  { style: 'circ', re: /^(([①-⑳]))\s*/ },
  { style: 'dash', re: /^(——)\s*/ },
];

export interface OutlineDraft {
  style: Style;
  marker: string;
  number: number | null;
  title: string;
  /** normalized offsets of the heading (marker to end of title) and of the line */
  start: number;
  end: number;
}

/** Normalized start of each heading, for the stages that follow (sources are original offsets). */
const starts = new WeakMap<OutlineNode, number>();
export function headingStart(ctx: ParseContext, node: OutlineNode): number {
  return starts.get(node) ?? normIndex(ctx.doc.map, node.source.start);
}

export function parseOutline(ctx: ParseContext): OutlineNode[] {
  const drafts = findHeadings(ctx);
  const nodes = buildTree(ctx, drafts);
  nodes.forEach((n, i) => starts.set(n, drafts[i].start));
  return nodes;
}

export function findHeadings(ctx: ParseContext): OutlineDraft[] {
  const lines = ctx.doc.lines;
  const out: OutlineDraft[] = [];
  let lastNum = 0;
  for (let li = 0; li < lines.length; li++) {
    const line = lines[li];
    if (line.text.startsWith('\t')) continue; // flattened table cells are not headings
    const lead = line.text.length - line.text.trimStart().length;
    const body = line.text.slice(lead);
    // "2.5月底前完成…" after item 1: the next item, its number glued to a month
    const month = /^(\d{1,2})[.．](?=(?:1[0-2]|[1-9])月)/.exec(body);
    if (month && lastNum > 0 && Number(month[1]) === lastNum + 1) {
      const titled = titleOf(body.slice(month[0].length), 'num');
      out.push({ style: 'num', marker: month[0], number: lastNum + 1, title: titled.title, start: line.start + lead, end: line.start + lead + month[0].length + titled.len });
      lastNum++;
      continue;
    }
    for (const { style, re } of PATTERNS) {
      const m = re.exec(body);
      if (!m) continue;
      const rest = body.slice(m[0].length);
      if (!rest.trim() && style !== 'chap' && style !== 'sect' && style !== 'part') break;
      const num = style === 'dash' ? null : style === 'circ' ? circledToInt(m[2]) : style === 'roman' ? romanToInt(m[2]) : style === 'alpha' ? m[2].charCodeAt(0) - 64 : cnToInt(m[2]);
      const titled = titleOf(rest, style);
      const len = titled.len;
      let title = titled.title;
      let end = line.start + lead + m[0].length + len;
      // a chapter title broken over two lines ends in a comma; the next line completes it
      if ((style === 'chap' || style === 'part' || style === 'sect') && li + 1 < lines.length) {
        const next = lines[li + 1].text.trim();
        const after = lines[li + 2]?.text.trim() ?? '';
        const broken = /[,、]$/.test(title) || (next.length <= 30 && !/[,:]/.test(next) && !after);
        if (broken && next && next.length <= 40 && !/[。;]/.test(next) && !PATTERNS.some((p) => p.re.test(next))) {
          title += next;
          end = lines[li + 1].end;
          li++;
        }
      }
      out.push({ style, marker: m[1].replace(/\s+/g, ''), number: num, title, start: line.start + lead, end });
      if (style === 'num' && num !== null) lastNum = num;
      break;
    }
  }
  out.push(...sectionNumbers(lines), ...symbolBullets(lines));
  // 第X条 heads articles only in a document written in articles, not in a sentence that cites one
  if (out.filter((d) => d.style === 'art').length < 3) out.splice(0, out.length, ...out.filter((d) => d.style !== 'art'));
  if (out.filter((d) => d.style !== 'dash').length < 3) out.push(...plainHeadings(lines));
  return out.sort((a, b) => a.start - b.start);
}

const ROMAN = 'ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ';
function romanToInt(s: string): number {
  return [...s].reduce((n, c) => n + ROMAN.indexOf(c) + 1, 0);
}

/** "01⏎总体目标": a two-digit number alone on its line, the section's title on the next one. */
function sectionNumbers(lines: Line[]): OutlineDraft[] {
  const out: OutlineDraft[] = [];
  for (let i = 0; i + 1 < lines.length; i++) {
    const m = /^\s*(0[1-9]|[1-9]\d?)\s*$/.exec(lines[i].text);
    if (!m || !/^0/.test(m[1])) continue;
    const next = lines[i + 1].text.trim();
    if (next.length < 2 || next.length > 20 || /[。,;:\d]/.test(next)) continue;
    const lead = lines[i].text.length - lines[i].text.trimStart().length;
    out.push({ style: 'sec', marker: m[1], number: Number(m[1]), title: next, start: lines[i].start + lead, end: lines[i + 1].end });
  }
  return out.length >= 2 ? out : [];
}

/**
 * ★ ▶ ◆ ● bullets of web articles. A bullet that is a title alone ("▶ 提升商圈能级") heads the
 * bullets right under it, which are its text, not items of their own; any other bullet is an item.
 */
function symbolBullets(lines: Line[]): OutlineDraft[] {
  const out: OutlineDraft[] = [];
  const order: string[] = [];
  let underTitle = false;
  for (const line of lines) {
    const lead = line.text.length - line.text.trimStart().length;
    const body = line.text.slice(lead);
    if (!body) {
      underTitle = false;
      continue;
    }
    if (!SYMBOLS.includes(body[0])) continue;
    const rest = body.slice(1).trimStart();
    if (rest.length < 2) continue;
    const titleOnly = rest.length <= 25 && !/[。,;:!?]/.test(rest);
    if (underTitle && !titleOnly) continue;
    underTitle = titleOnly;
    if (!order.includes(body[0])) order.push(body[0]);
    const rank = Math.min(order.indexOf(body[0]), 3);
    const { title, len } = titleOf(rest, 'sym1');
    const start = line.start + lead;
    out.push({ style: (['sym1', 'sym2', 'sym3', 'sym4'] as const)[rank], marker: body[0], number: null, title, start, end: start + (body.length - rest.length) + len });
  }
  return out;
}

/** The heading's title: the whole short line, or the lead phrase of a run-in item. */
function titleOf(rest: string, style: Style): { title: string; len: number } {
  const stop = rest.search(/[。;!?]/);
  if (stop < 0) {
    const t = rest.trimEnd();
    if (t.length <= 60 || style === 'chap' || style === 'sect' || style === 'part') return { title: t, len: t.length };
    const cut = t.slice(0, 40);
    return { title: cut, len: cut.length };
  }
  if (stop <= 60) return { title: rest.slice(0, stop), len: stop + 1 };
  const cut = rest.slice(0, 40);
  return { title: cut, len: cut.length };
}

/** Documents without markers (news write-ups) head themes with short stand-alone lines. */
function plainHeadings(lines: Line[]): OutlineDraft[] {
  const out: OutlineDraft[] = [];
  const isHead = (l: Line | undefined) => {
    const t = l?.text.trim() ?? '';
    return t.length >= 2 && t.length <= 25 && !/[。,;:!?()、“”《》\d%]/.test(t) && !l!.text.startsWith('\t');
  };
  for (let i = 1; i < lines.length; i++) {
    if (!isHead(lines[i])) continue;
    let j = i;
    while (j + 1 < lines.length && isHead(lines[j + 1])) j++;
    let k = j + 1;
    while (k < lines.length && k < j + 5 && !lines[k].text.trim()) k++;
    const after = lines[k];
    if (after && after.text.trim().length > 40) {
      const parts = lines.slice(i, j + 1).map((l) => l.text.trim());
      const start = lines[i].start + (lines[i].text.length - lines[i].text.trimStart().length);
      out.push({ style: 'plain', marker: '', number: null, title: parts.join(' '), start, end: lines[j].end });
    }
    i = j;
  }
  return out;
}

function buildTree(ctx: ParseContext, drafts: OutlineDraft[]): OutlineNode[] {
  const styles = [...new Set(drafts.map((d) => d.style))].filter((s) => s !== 'dash' && s !== 'part').sort((a, b) => RANK[a] - RANK[b]);
  const kindOf = (s: Style): OutlineNode['kind'] =>
    s === 'part' ? 'part' : s === 'dash' ? 'bullet' : KINDS[Math.min(styles.indexOf(s), KINDS.length - 1)];
  const nodes: OutlineNode[] = [];
  const stack: { rank: number; node: OutlineNode; lastChild: Map<Style, number>; used: Set<string> }[] = [];
  const lastGlobal = new Map<Style, number>();
  const rootLast = new Map<Style, number>();
  const rootUsed = new Set<string>();
  for (const d of drafts) {
    const rank = RANK[d.style];
    while (stack.length && stack[stack.length - 1].rank >= rank) stack.pop();
    const parent = stack[stack.length - 1];
    const siblings = parent ? parent.lastChild : rootLast;
    const used = parent ? parent.used : rootUsed;
    const node: OutlineNode = {
      id: `o${nodes.length + 1}`,
      parentId: parent ? parent.node.id : null,
      level: stack.length + 1,
      kind: kindOf(d.style),
      marker: d.marker,
      number: d.number,
      title: d.title.trim(),
      source: ctx.doc.toSource(d.start, d.end),
    };
    if (d.number !== null) {
      const key = `${d.style}${d.number}`;
      const prev = siblings.get(d.style);
      if (d.number === 1 && prev !== undefined && prev >= 1 && RANK[d.style] <= RANK.sect) {
        // a fresh 第一节 under the same chapter: the chapter heading between them is missing
        ctx.warnings.push({
          code: 'OUTLINE_PARENT_MISSING',
          message: `标题“${node.marker}${node.title}”序号重新从一开始,其上级标题可能缺失`,
          source: node.source,
        });
        for (const k of [...used]) if (k.startsWith(d.style)) used.delete(k);
      } else if (used.has(key) && d.number === (prev ?? 0) + 1) repeated(ctx, node, null);
      else checkNumber(ctx, d, node, prev, lastGlobal.get(d.style));
      used.add(key);
      siblings.set(d.style, d.number);
      lastGlobal.set(d.style, d.number);
    }
    nodes.push(node);
    stack.push({ rank, node, lastChild: new Map(), used: new Set() });
  }
  return nodes;
}

function checkNumber(ctx: ParseContext, d: OutlineDraft, node: OutlineNode, prevSibling: number | undefined, prevGlobal: number | undefined) {
  const n = d.number!;
  // first child: a restart at 1 or a run-on from the previous parent's numbering are both fine
  if (prevSibling === undefined) {
    if (n === 1 || (prevGlobal !== undefined && n === prevGlobal + 1)) return;
    if (prevGlobal !== undefined && n <= prevGlobal) return;
    if (n > 1 && (prevGlobal === undefined || n > prevGlobal + 1)) skipped(ctx, node, (prevGlobal ?? 0) + 1, n);
    return;
  }
  if (n === prevSibling + 1) return;
  if (n <= prevSibling) repeated(ctx, node, prevSibling);
  else skipped(ctx, node, prevSibling + 1, n);
}

function repeated(ctx: ParseContext, node: OutlineNode, prev: number | null) {
  const why = prev === null ? '与前文同级标题重复' : `与前文重复或倒序(前一个为第${prev}个)`;
  ctx.warnings.push({ code: 'OUTLINE_NUMBER_REPEATED', message: `标题序号“${node.marker}”${why},已按原文保留`, source: node.source });
}

function skipped(ctx: ParseContext, node: OutlineNode, from: number, to: number) {
  const missing = to - from === 1 ? `第${from}个` : `第${from}至第${to - 1}个`;
  ctx.warnings.push({
    code: 'OUTLINE_NUMBER_SKIPPED',
    message: `标题“${node.marker}${node.title}”之前缺少${missing}同级标题(可能原文缺失或未能识别)`,
    source: node.source,
  });
}

/** Normalized index of an original offset (map is monotonic). */
export function normIndex(map: Int32Array, orig: number): number {
  let lo = 0;
  let hi = map.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (map[mid] < orig) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
