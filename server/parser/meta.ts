// extractMeta: what the plan is (title, region, level, type, period). The title is the
// plan's own name, not the web page's; a masked district ("XX区") is read from the body.
import type { ParsedPlan } from '../../shared/parsedPlan.js';
import type { DecodedInput } from './decode.js';
import type { NormalizedDoc, ParseContext } from './types.js';
import { CITY, registryRegions } from './registry.js';
import type { NormalizedDocEx } from './normalize.js';

type Meta = ParsedPlan['meta'];

const TYPE_WORD = '(?:纲要|规划|行动计划|工作计划|计划|实施方案|工作方案|方案|实施意见|意见|决定|决议|办法|要点|细则|任务分工|任务清单|分解表|分工表|工作清单|责任清单)';
// "…行动计划(2023—2025年)": a period after the type word is still the title
const TITLE_LINE = new RegExp(
  `^[^。,;:!?]{4,80}${TYPE_WORD}(?:[((](?:全文|试行|征求意见稿|草案|修订|摘要|(?:19|20)\\d{2}\\s*[-—–~至]\\s*(?:19|20)\\d{2}\\s*年?)[))])?$`,
);
// "《水磨沟区…行动方案(2024—2027年)》": the period in parentheses is not part of the name
const QUOTED = new RegExp(`《([^《》]{4,80}${TYPE_WORD})(?:[((](?:试行|(?:19|20)\\d{2}\\s*[-—–~至]\\s*(?:19|20)\\d{2}\\s*年?)[))])?》`, 'g');

export function extractMeta(ctx: ParseContext, decoded: Omit<DecodedInput, 'text'>): Meta {
  const doc = ctx.doc as NormalizedDocEx;
  for (const f of doc.fixes ?? []) ctx.warnings.push(f);
  const title = findTitle(doc);
  if (!title) ctx.warnings.push({ code: 'META_TITLE_MISSING', message: '未能识别规划标题(原文开头可能缺失),请补充', source: null });
  const region = findRegion(ctx, title ?? '');
  const period = findPeriod(title ?? '', doc.text);
  return {
    title: title ?? '',
    format: decoded.format,
    encoding: decoded.encoding,
    charCount: doc.original.length,
    region,
    level: !region ? null : region === CITY || /[^区县]市$/.test(region) ? 'municipal' : /(镇|街道|乡)$/.test(region) ? 'town' : 'district',
    type: title ? typeOf(title) : null,
    periodStart: period?.[0] ?? null,
    periodEnd: period?.[1] ?? null,
  };
}

/** The plan's title: a stand-alone title line near the top, else the plan named in 《》 there. */
export function findTitle(doc: NormalizedDoc): string | null {
  const head = doc.lines.slice(0, 60).map((l) => l.text.trim()).filter(Boolean);
  for (const l of head) {
    if (/^(关于)?印发|的通知$|^关于/.test(l)) continue;
    if (TITLE_LINE.test(l)) return l.replace(/[((](全文)[))]$/, '');
  }
  for (const l of head.slice(0, 12)) {
    const m = [...l.matchAll(QUOTED)].map((x) => x[1]).find((t) => !/^国务院|^中共中央/.test(t));
    if (m) return m;
  }
  return null;
}

/** "关于2024年《政府工作报告》重点工作任务分解的通知": the notice line, for a document whose own title was not found */
export function noticeTitle(doc: NormalizedDoc): string {
  for (const l of doc.lines.slice(0, 15)) {
    const t = l.text.trim();
    if (/^(?:[^。,;:!?]{0,30})?关于[^。,;:!?]{4,80}的(?:通知|通报|意见|决定)$/.test(t)) return t;
  }
  return '';
}

function typeOf(title: string): Meta['type'] {
  if (/纲要$/.test(title) || /纲要/.test(title)) return '纲要';
  if (/方案$/.test(title)) return '实施方案';
  if (/计划$/.test(title)) return '行动计划';
  if (/(决定|决议|意见)$/.test(title)) return '决定';
  if (/规划$/.test(title)) return '专项规划';
  return '其他';
}

/** Region from the title; if masked or absent there, the district the body keeps naming. */
function findRegion(ctx: ParseContext, title: string): string | null {
  const regions = registryRegions(ctx.registry).filter((r) => r !== CITY);
  const short = (r: string) => r.replace(/(自治县|区|县)$/, '');
  for (const r of regions) if (title.includes(r)) return r;
  const m = /^(?:重庆市)?([\u4e00-\u9fff]{2,3}(?:区|县))(?!域|级)/.exec(title);
  if (m && !/^XX|某|城区|新区|全区/.test(m[1])) return m[1];
  const other = otherCity(title);
  if (other) return other;
  const text = ctx.doc.text;
  // no title found: the first line still names the city whose plan this is ("太原市…分工表")
  const first = ctx.doc.lines.find((l) => l.text.trim())?.text.trim() ?? '';
  const firstCity = !title && first.length <= 80 ? otherCity(first) : null;
  if (firstCity) return firstCity;
  let best: string | null = null;
  let bestN = 0;
  for (const r of regions) {
    const n = text.split(short(r)).length - 1;
    if (n > bestN) [best, bestN] = [r, n];
  }
  // a district plan says 全区/我区; a city plan names districts only in passing
  const districtVoice = /我区|全区|区委|区政府/.test(text);
  if (best && bestN >= 3 && (districtVoice || !/^重庆市/.test(title))) return best;
  const byUnits = regionByOwnUnits(ctx, text);
  if (byUnits && districtVoice) return byUnits;
  // "全市" alone does not say which city: the registry's city must be named somewhere
  if (/^重庆市/.test(title) || (/市政府|全市|市委/.test(text.slice(0, 3000)) && text.includes('重庆'))) return CITY;
  return byUnits;
}

/**
 * Another city's plan ("成都市…", "成都市武侯区…"): its "市X" units are that city's, not
 * Chongqing's, so the region must not fall back to 重庆市. "城市更新…" is not a city.
 */
function otherCity(title: string): string | null {
  const m = /^(?!重庆)([\u4e00-\u9fff]{2,3}(?:市|州))(?!场|民|级|域|政|容|委)([\u4e00-\u9fff]{2,3}(?:区|县|市)(?!域|级))?/.exec(title);
  const notCity = /[城超夜集股楼全本我各该]市$/;
  if (!m || notCity.test(m[1])) return null;
  return m[2] && !/^(城区|新区|全区)$/.test(m[2]) && !notCity.test(m[2]) ? m[1] + m[2] : m[1];
}

/** A plan that never names its district still names that district's own units and towns. */
function regionByOwnUnits(ctx: ParseContext, text: string): string | null {
  const owners = new Map<string, Set<string>>();
  for (const u of ctx.registry)
    for (const n of [u.name, ...u.aliases])
      if (n.length >= 4 && !/^(区|市|县)/.test(n)) owners.set(n, (owners.get(n) ?? new Set()).add(u.region));
  const hits = new Map<string, number>();
  for (const [name, regs] of owners) {
    if (regs.size !== 1) continue;
    const [r] = regs;
    if (r === CITY) continue;
    const n = text.split(name).length - 1;
    if (n) hits.set(r, (hits.get(r) ?? 0) + n);
  }
  const ranked = [...hits].sort((a, b) => b[1] - a[1]);
  if (!ranked.length || ranked[0][1] < 2 || (ranked[1] && ranked[1][1] * 2 > ranked[0][1])) return null;
  return ranked[0][0];
}

const FIVE_YEAR: Record<string, number> = { 十一五: 2006, 十二五: 2011, 十三五: 2016, 十四五: 2021, 十五五: 2026, 十六五: 2031 };
const ORDINAL_FIVE_YEAR: Record<string, string> = { 十一: '十一五', 十二: '十二五', 十三: '十三五', 十四: '十四五', 十五: '十五五' };

export function findPeriod(title: string, text: string): [number, number] | null {
  const fy = /(十[一二三四五六]五)/.exec(title) ?? null;
  if (fy) return [FIVE_YEAR[fy[1]], FIVE_YEAR[fy[1]] + 4];
  const ord = /第(十[一二三四五])个五年/.exec(title);
  if (ord) {
    const s = FIVE_YEAR[ORDINAL_FIVE_YEAR[ord[1]]];
    return [s, s + 4];
  }
  const range = /((?:19|20)\d{2})\s*[-—–~至到]\s*((?:19|20)\d{2})\s*年/.exec(title);
  if (range) return [Number(range[1]), Number(range[2])];
  const single = /((?:19|20)\d{2})年/.exec(title);
  if (single) return [Number(single[1]), Number(single[1])];
  // no period in the title: a range stated at the top of the text
  const top = /((?:19|20)\d{2})\s*[-—–~至]\s*((?:19|20)\d{2})\s*年/.exec(text.slice(0, 2000));
  if (top && Number(top[2]) > Number(top[1]) && Number(top[2]) - Number(top[1]) <= 15) return [Number(top[1]), Number(top[2])];
  return null;
}
