// Projects: the items of 专栏 boxes, and candidates named in prose lists ("推进A、B等项目建设").
import type { OutlineNode, ParsedProject } from '../../shared/parsedPlan.js';
import type { Line, ParseContext } from './types.js';
import { indexOutline } from './numbersContext.js';

const COLUMN_TITLE = /^\s*专栏\s*(?:\d+|[一二三四五六七八九十]+)(?:[:.、\s]|(?=[\u4e00-\u9fa5“"]))/;
const HEADING = /^\s*(?:第[一二三四五六七八九十百零〇\d]+[章节篇部分]|[一二三四五六七八九十]+、|\([一二三四五六七八九十]+\))/;
const ITEM_MARKER = /^\s*(?:\d{1,2}[.、]|\(\d{1,2}\)|[①-⑳]|[-•●■◆▲])?\s*/;
const GROUP = /^([^:。,;()]{2,24}):\s*(.+)$/;
const PROJECT_END =
  /(?:项目|工程|水库|公路|高速|铁路|轨道|大道|干线|快线|线|路|桥|隧道|港|码头|泊位|枢纽|站|场|厂|中心|基地|园区|园|馆|院|校|医院|城|综合体|平台|小镇|街区|片区|公园|湿地|管网|设施|系统|装置|实验室|示范区|改造|整治|治理|修复|建设)$/;
const LEAD_VERB =
  /^(?:加快推进|加快建设|规划建设|高标准建设|全力推进|积极推进|积极推动|加快|推进|推动|启动|实施|新建|续建|改建|扩建|改扩建|建设|建成|开工|完成|打造|谋划|争取|力争|研究|布局|深化|实现|启动建设|开展|提升|完善)+/;
const INLINE =
  /(?:推进|加快|实施|建设|建成|打造|改造|推动|启动|开工|续建|新建|谋划|争取|规划|布局|储备)([^。;,:()]{2,200}?)等[^。;,、:()]{0,10}?(?:项目|工程)/g;

interface Draft extends Omit<ParsedProject, 'id' | 'outlineId'> {
  at: number; // normalized offset, for the outline lookup and ordering
}

export function extractProjects(ctx: ParseContext, outline: OutlineNode[]): ParsedProject[] {
  const { doc } = ctx;
  const drafts: Draft[] = [];
  const inColumn = new Set<number>();
  const lines = doc.lines;
  for (let i = 0; i < lines.length; i++) {
    if (!COLUMN_TITLE.test(lines[i].text)) continue;
    const title = lines[i].text.trim();
    let j = i + 1;
    for (; j < lines.length; j++) {
      const t = lines[j].text;
      if (!t.trim() || COLUMN_TITLE.test(t) || HEADING.test(t)) break;
      inColumn.add(j);
      drafts.push(...columnLine(ctx, title, lines[j]));
    }
    inColumn.add(i);
    i = j - 1;
  }
  lines.forEach((l, i) => {
    if (!inColumn.has(i)) drafts.push(...inlineCandidates(ctx, l));
  });
  drafts.sort((a, b) => a.at - b.at);
  const idx = indexOutline(doc, outline);
  return drafts.map(({ at, ...d }, k) => ({ id: `p${k + 1}`, ...d, outlineId: idx.nodeAt(at)?.id ?? null }));
}

interface Piece {
  name: string;
  start: number;
  end: number;
}

/** split on list separators outside parentheses, keeping offsets */
function pieces(text: string, base: number): Piece[] {
  const out: Piece[] = [];
  let depth = 0;
  let from = 0;
  for (let k = 0; k <= text.length; k++) {
    const c = text[k];
    if (c === '(') depth++;
    else if (c === ')') depth = Math.max(0, depth - 1);
    if (k === text.length || (depth === 0 && /[、,;。]/.test(c))) {
      const raw = text.slice(from, k);
      const lead = raw.length - raw.trimStart().length;
      const stripped = raw.trim().replace(LEAD_VERB, '');
      const name = stripped.replace(/等(?:一批)?(?:重点)?(?:项目|工程)?$/, '').replace(/(.{3,})建设$/, '$1').trim();
      const start = base + from + lead + (raw.trim().length - stripped.length);
      if (name) out.push({ name, start, end: start + name.length });
      from = k + 1;
    }
  }
  return out;
}

// a line that describes one place or scheme rather than listing projects
const DESCRIPTIVE = /^(?:依托|以|按照|借鉴|立足|围绕|主要|作为|聚焦|发展|拓展|突出|坚持|结合|利用|即|在|对|着力|加强|提供|构建|形成)/;
const projectLike = (p: Piece) => p.name.length >= 3 && p.name.length <= 40 && PROJECT_END.test(p.name);

function columnLine(ctx: ParseContext, column: string, line: Line): Draft[] {
  const lead = line.text.length - line.text.replace(ITEM_MARKER, '').length;
  const text = line.text.slice(lead).trim();
  const base = line.start + lead;
  const g = GROUP.exec(text);
  const group = g ? g[1].trim() : null;
  const contentAt = g ? text.indexOf(g[2], g[1].length) : 0;
  const listed = DESCRIPTIVE.test(g ? g[2] : text) ? [] : pieces(g ? g[2] : text, base + contentAt).filter(projectLike);
  const src = ctx.doc.toSource(line.start + lead, line.start + lead + text.length);
  if (listed.length)
    return listed.map((p) => ({ kind: 'column', column, group, name: p.name, text, source: ctx.doc.toSource(p.start, p.end), at: p.start }));
  // a described item ("城东科技生态城片区:拓展面积约10平方公里,…") is one project named by its label
  const name = group ?? text.split(/[,;。:]/)[0].slice(0, 40);
  return [{ kind: 'column', column, group: null, name, text, source: src, at: base }];
}

function inlineCandidates(ctx: ParseContext, line: Line): Draft[] {
  const out: Draft[] = [];
  // "…等项目/工程": without 等 before a 项目 or 工程 the lazy 200-character search would only backtrack
  const t = line.text;
  const deng = t.indexOf('等');
  if (deng < 0 || (t.indexOf('项目', deng) < 0 && t.indexOf('工程', deng) < 0)) return out;
  INLINE.lastIndex = 0;
  for (let m = INLINE.exec(line.text); m; m = INLINE.exec(line.text)) {
    const listAt = m.index + m[0].indexOf(m[1]);
    const items = pieces(m[1], line.start + listAt);
    // "城镇、经济、旅游等…": a list of fields, not of projects
    if (!items.length || items.some((p) => p.name.length < 3 || p.name.length > 40)) continue;
    if (items.length === 1 && !PROJECT_END.test(items[0].name)) continue;
    for (const p of items)
      out.push({ kind: 'inline', column: null, group: null, name: p.name, text: m[0], source: ctx.doc.toSource(p.start, p.end), at: p.start });
  }
  return out;
}
