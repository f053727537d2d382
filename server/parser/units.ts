// Unit lists as written in responsibility notes: "区发展改革委、区财政局等区级有关部门,各镇街".
// Each name keeps its raw text and source; catch-alls become honest scoped mentions.
import type { ParsedUnit } from '../../shared/parsedPlan.js';
import type { ParseContext } from './types.js';
import { ELSEWHERE, lookupRegion, namesOtherCity, resolveUnit } from './registry.js';
import * as OpenCC from 'opencc-js/t2cn';
import { PINYIN_NOTE, widthFold } from './chars.js';
import { BARE_ETC, GENERIC_BODY, ORGAN_END, REGION_START, SECTOR_FIELD } from './vocabulary.js';

// Names end in an organ word; text that does not is commentary, not a unit.
export const UNIT_SUFFIX =
  /(局|委|办|部|院|会|政协|人大|中心|公司|集团|政府|街道|镇|乡|队|所|站|处|室|馆|团|社|行|厅|署|关|台|校|学|组|联|司|区|县|科|股|班|点|场|园|厂|营|车务段|工务段|电务段|机务段|公路段|航道段|管理段|总队|支队|大队|分局|分行|支行|银行|协会|单位|部门|机构|街|村)$/;

// every town and street of the district ("相关镇街" is only some of them: an `others` mention)
const TOWN_WORDS =
  '(镇街|街镇|镇\\(街道\\)|乡镇\\(街道\\)|街道\\(镇\\)|街道\\(乡镇\\)|镇\\(街\\)|乡\\(镇\\)|乡\\(镇、街道\\)|镇、街道|乡镇、街道|街道、乡镇|乡镇街道|镇人民政府、?街道办事处|乡镇人民政府、?街道办事处|镇政府、?街道办事处|镇街政府|街镇政府|乡镇人民政府|乡镇政府|镇人民政府|乡镇|街道|街道办事处)';
// ("各街道板块": Nanjing's districts name their streets and parks 板块)
const ALL_TOWNS = new RegExp(`^(各|全区各|所有|全部)${TOWN_WORDS}(?:板块)?$|^${TOWN_WORDS.replace('|乡镇|街道|街道办事处)', ')')}$`);
const SOME_TOWNS = new RegExp(`^(相关|有关|部分|涉及)${TOWN_WORDS}$`);
// every district or county government, in the ways cities name them ("各地": every place under the issuer)
const ALL_DISTRICTS =
  /^(各|全市各|所有)(区县|县\(市、?区\)|县市区|区\(县、?市\)|区\(县\)|县\(区\)|区市县|区、县|区、县\(市\)|区\(市\)县|县\(市\)区|市\(县\)、?区|县\(市\)、区|区县\(市\)|区|县|市\(州\)|市州|县\(市\)|市|地|地区|地市|地方)(\(自治县\))?(人民)?(政府|党委和政府|党委、政府)?$|^区县(\(自治县\))?(人民)?政府$/;
const OTHERS = /^(其他|其它|各|相关|有关)?(区级|市级|县级|镇级|市直|区直|县直|区|市|县)?(有关|相关|其他|各)?(部门|单位|部门单位|责任单位|职能部门|成员单位|部门和单位|机构|板块)$/;
const GROUP = /成员单位$/;
// "有关区县" names some districts, not all of them
const SOME_DISTRICTS = /^(相关|有关|部分)区县(\(自治县\))?(人民)?(政府)?$/;
// "相关管委会" / "各园区管委会": several unnamed units of one kind
const PLURAL = /^(各|相关|有关)(?!区县)(.{1,10})$/;
// "X等区级有关部门" / "X等部门": X is named, the rest is a catch-all
const COUNTED_TAIL = /^(.+?)(?:等)?[一二三四五六七八九十两\d]{1,3}(?:个|家)?(?:部门|单位)$/;
// ("区财政局等区政府有关部门": the tail names the government whose departments they are)
const ETC = /^(.+?)等((?:多个?|多家)?(区级|市级|县级|市直|区直|县直|区|市|县)?(?:政府|人民政府)?(有关|相关|其他)?(部门|单位|部门和单位|职能部门|区县|镇街)?)$/;

// a trailing "(…)" of 2–6 characters that names no organ, place or scope: a person or a remit
const ASIDE = /^(.{2,30}?)\((?!含|不含|除|包括|牵头|配合|责任)([\u4e00-\u9fa5·]{2,6})\)$/u;
const ASIDE_KEEP = /(局|委|办|部|院|会|中心|公司|集团|政府|街道|社区|镇|乡|村|队|所|站|处|室|馆|团|社|行|厅|署|市|区|县|州|旗|科|股|组|单位|部门|企业|机构|两委)$/;

interface Piece {
  text: string;
  start: number; // normalized offset
  /** characters of the source inside the piece that its text leaves out (a wrapped name's space) */
  gap?: number;
}

/** Splits on 、,; (and the "/" of ledgers: "市发改委/市财政局"; a lone "/" is none) outside parentheses; joins "各镇人民政府、街道办事处" back together. */
/** a level of government or a kind of place, named without a place: every one of them is meant after 各, some of them
 * after 相关/有关 ("相关市、县政府": one collective either way, its levels not split) */
const LEVEL = '(?:[区县市州盟旗]|特区|开发区|园区|乡镇|镇|乡|街道|镇街|村|社区)';
const LEVELS_HEAD = new RegExp(`^(?:各|全[省市]各|相关|有关)${LEVEL}(?:\\([^)]{1,6}\\))?(?:、${LEVEL}(?:\\([^)]{1,6}\\))?)*$`);
const LEVEL_TAIL = new RegExp(`^${LEVEL}(?:\\([^)]{1,6}\\))?(?:(?:人民)?政府|党委|管委会|办事处)?(?:\\([^)]{1,6}\\))?(?:(?:及|和|与)[\\u4e00-\\u9fa5()]{2,20})?$`);

export function splitUnitList(value: string, offset: number): Piece[] {
  const pieces: Piece[] = [];
  let depth = 0;
  let s = 0;
  for (let i = 0; i <= value.length; i++) {
    const c = value[i];
    // "各县〔市、区〕政府": a note in 〔〕 is part of the name too
    if (c === '(' || c === '〔') depth++;
    else if (c === ')' || c === '〕') depth = Math.max(0, depth - 1);
    if (i === value.length || (depth === 0 && (c === '、' || c === ',' || c === ';' || c === ',' || c === ' ' || c === '\t' || c === '/' || c === '/'))) {
      pushTrimmed(pieces, value.slice(s, i), offset + s);
      s = i + 1;
    } else if (depth === 0 && (c === '”' || c === '〉' || c === '》' || c === '」') && QUOTE_OPEN[c] === value[s + countSpace(value, s)]) {
      // "“市住房城乡建设局”“市城管局”" / "〈市城管局〉〈市公安局〉": each name in its own marks, no separator
      pushTrimmed(pieces, value.slice(s, i + 1), offset + s);
      s = i + 1;
    }
  }
  // rejoin pairs that only make sense together
  for (let i = 0; i + 1 < pieces.length; i++) {
    // "市、县、区人民政府", "市、县政府": bare levels sharing the government named after the last, one collective as
    // "各市、县政府" is (real-GC gc02); a bare level alone names no body
    if (/^[市县区州乡镇]$/.test(pieces[i].text)) {
      let j = i + 1;
      while (j < pieces.length && /^[市县区州乡镇]$/.test(pieces[j].text)) j++;
      if (j < pieces.length && /^[市县区州乡镇](?:人民)?政府$/.test(pieces[j].text))
        pieces.splice(i, j - i + 1, { text: value.slice(pieces[i].start - offset, pieces[j].start - offset + pieces[j].text.length), start: pieces[i].start });
      if (i + 1 >= pieces.length) break;
    }
    // "各州、市人民政府", "各县、市、区政府", "各盟、市": every body of those levels, one collective — the middle
    // levels are joined first so the pair rule below sees "各县、市" + "区政府"
    while (i + 2 < pieces.length && /^(各|全[省市]各)(特区|[区县市州盟旗])(\([^)]{1,6}\))?$/.test(pieces[i].text) && /^(特区|[区县市州盟旗])(\([^)]{1,6}\))?$/.test(pieces[i + 1].text) && /^(特区|[区县市州盟旗])/.test(pieces[i + 2].text)) {
      pieces.splice(i, 2, { text: value.slice(pieces[i].start - offset, pieces[i + 1].start - offset + pieces[i + 1].text.length), start: pieces[i].start });
    }
    const a = pieces[i].text;
    const b = pieces[i + 1].text;
    // "各区、县(市)政府": one list of every district and county, not "各区" and a county
    // "各市(县)、区人民政府": the same, with the level's note before the 、
    // "各开发区、镇(街道)", "各县、区人民政府(管委会)": a bare level after it shares the 各; "…县(市)政府及开发区管委会"
    // keeps what is joined after it (readPiece parts the 及)
    const levels = LEVELS_HEAD.test(a) && LEVEL_TAIL.test(b);
    // "各街道、镇": the reverse order, a bare 镇/乡镇 after "各街道"
    const streetsTowns = /^(各|相关)街道(办事处)?$/.test(a) && /^(乡镇|镇|乡)(人民政府|政府)?$/.test(b);
    // "市直有关部门、单位": one catch-all over two kinds of body
    const kinds = /(有关|相关|各)(部门|单位)$/.test(a) && /^(单位|部门|机构)$/.test(b);
    // "各村(居)、部门", "各镇(街道)、管委会": a bare kind of body after a list opened by 各 shares the 各 (README, session 11)
    const sharedEach = /^各/.test(a) && /^(?:部门|单位|管委会|村|社区|园区)$/.test(b);
    // "节能与综合 利用司": a name wrapped in its cell, the space where the line broke; the first half names no body
    // "住房城乡 建设厅", "各市(州) 人民政府": a PDF's line break inside one name — the first half names no body on
    // its own, or the second is a body with no place
    const space = value[pieces[i + 1].start - offset - 1] === ' ';
    const spaced =
      space &&
      ((/[与和及]$|[与和及][\u4e00-\u9fa5]{1,4}$/.test(a) && !ORGAN_END.test(a) && (ORGAN_END.test(b) || /司$/.test(b)) && !REGION_START.test(b)) ||
        (/^[\u4e00-\u9fa5]{2,6}$/.test(a) && (/城乡$/.test(a) || (!ORGAN_END.test(a) && !looksLikeUnit(a))) && /^[\u4e00-\u9fa5]{1,4}(?:厅|局|委|办|部)$/.test(b) && !REGION_START.test(b)) ||
        (GENERIC_BODY.test(b) && /^(?:各|[\u4e00-\u9fa5]{1,6}(?:市|县|区|州|镇|乡))/.test(a)));
    if (spaced) {
      pieces.splice(i, 2, { text: a + b, start: pieces[i].start, gap: pieces[i + 1].start - pieces[i].start - a.length });
      continue;
    }
    if (levels || streetsTowns || kinds || sharedEach || (/(镇|乡镇|镇人民政府|镇政府)$/.test(a) && /^街道(办事处)?$/.test(b) && /^(各|相关)/.test(a))) {
      pieces.splice(i, 2, { text: value.slice(pieces[i].start - offset, pieces[i + 1].start - offset + b.length), start: pieces[i].start });
    }
  }
  return pieces;
}

const QUOTE_OPEN: Record<string, string> = { '”': '“', '〉': '〈', '》': '《', '」': '「' };
function countSpace(v: string, at: number): number {
  let n = 0;
  while (v[at + n] === ' ' || v[at + n] === '\t') n++;
  return n;
}

function pushTrimmed(out: Piece[], raw: string, start: number) {
  let lead = raw.length - raw.trimStart().length;
  let text = raw.trim().replace(/[。.]$/, '');
  // a name wrapped in its own marks: the name is what is inside
  const q = /^([“〈《「])([^“”〈〉《》「」]{2,40})([”〉》」])$/.exec(text);
  if (q && QUOTE_OPEN[q[3]] === q[1]) {
    text = q[2];
    lead += 1;
  }
  if (text) out.push({ text, start: start + lead });
}

export interface UnitParse {
  units: ParsedUnit[];
  /** units marked "(牵头)" inside a list ("市城管局(牵头)、市生态环境局"): they lead */
  marked: ParsedUnit[];
  /** pieces that did not read as units (commentary or damage) */
  rejected: Piece[];
}

/** Reads one label's value into unit mentions; `offset` is the value's normalized start. */
export function parseUnitList(ctx: ParseContext, value: string, offset: number, lenient = false): UnitParse {
  const sectors = sectorList(value, offset);
  if (sectors) return { units: sectors.map((p) => mention(ctx, p.text, p.start, 'unit')), marked: [], rejected: [] };
  const units: ParsedUnit[] = [];
  const marked: ParsedUnit[] = [];
  const rejected: Piece[] = [];
  const pieces = townPieces(splitUnitList(value, offset));
  const towns = bareTowns(pieces);
  for (const p of pieces.slice(0, towns)) {
    const name = TOWN_TAIL.exec(p.text)?.[1] ?? p.text;
    units.push(mention(ctx, name, p.start, 'unit'));
  }
  for (let p of pieces.slice(towns)) {
    // "即县水务局牵头,…" after a sentence announcing the list: 即 ("namely") is no part of the name
    if (/^即[市区县省州镇乡]/.test(p.text)) p = { text: p.text.slice(1), start: p.start + 1 };
    // ("区农业农村委*" under "(加*号为牵头部门)": the star marks the lead)
    const mark = /\((牵头|牵头单位|牵头部门)\)$|(?<=[\u4e00-\u9fa5)])[*★]$/.exec(p.text);
    if (mark) p = { text: p.text.slice(0, mark.index), start: p.start };
    // "盘龙区政府主要领导" under "责任单位及责任人": the unit's head is the person in charge, the unit is the name
    const head = /(?:主要领导|主要负责人|主要负责同志|负责同志)$/.exec(p.text);
    if (head && head.index >= 2 && UNIT_SUFFIX.test(p.text.slice(0, head.index))) p = { text: p.text.slice(0, head.index), start: p.start };
    // "市投资促进局(何静)", "市城市管理局(停车泊位)": a person or a remit in parentheses is no part of the name
    const aside = ASIDE.exec(p.text);
    // "区科学技术局(区科协)": a second name of the same level is the organ's other plate, no aside
    const plate = aside && /^[市区县省州旗]/.test(aside[2]) && aside[2][0] === aside[1][0];
    if (aside && !plate && UNIT_SUFFIX.test(aside[1]) && !ASIDE_KEEP.test(aside[2])) p = { text: aside[1], start: p.start };
    // "牵头单位:区商" where the page ends: a name cut short is no unit (the last of a list is kept as written)
    const cut = units.length === 0 && p.text.length < 4 && !UNIT_SUFFIX.test(p.text) && p.start + p.text.length >= ctx.doc.text.trimEnd().length;
    const got = readPiece(ctx, p) ?? (lenient && !cut && plainName(p.text) ? [mention(ctx, p.text, p.start, 'unit')] : null);
    // the source of a name rejoined across its wrap runs to its last character, the space inside included
    const joined = got?.length === 1 && p.gap ? got[0].source : undefined;
    if (joined && p.gap) joined.end = Math.max(joined.end, ctx.doc.toSource(p.start, p.start + p.text.length + p.gap).end);
    if (got) units.push(...got);
    else rejected.push(p);
    if (got && mark) marked.push(...got);
  }
  return { units, marked, rejected };
}


export function sectorList(value: string, offset: number): Piece[] | null {
  // ("建设、工商等行业主管、监管部门": after 等, the kind of office they share before 部门)
  const m =
    /^(.+?)(等)(?:有关|相关)?(?:行业)?(?:主管|监管|执法)(?:[、和及](?:主管|监管|执法))?部门$/.exec(value.trim()) ??
    /^(.+?)(等)?(?:有关|相关)?(?:职能)?部门$/.exec(value.trim());
  if (!m) return null;
  const lead = value.length - value.trimStart().length;
  // "发改和粮食物资储备、农业农村等部门": two fields joined by 和 (a field's own 和, "住房和城乡建设", stays whole)
  const pieces = splitUnitList(m[1], offset + lead).flatMap((p) => {
    const two = SECTOR_FIELD.test(p.text) || p.gap ? null : /^(.+?)(?:和|及)(.+)$/.exec(p.text);
    return two && SECTOR_FIELD.test(two[1]) && SECTOR_FIELD.test(two[2])
      ? [{ ...p, text: two[1] }, { ...p, text: two[2], start: p.start + two[1].length + 1 }]
      : [p];
  });
  if (!pieces.length || (pieces.length < 2 && !m[2]) || !pieces.every((p) => SECTOR_FIELD.test(p.text))) return null;
  // "民政、财政、扶贫部门": the shared word stays on the last name, as written
  if (!m[2]) {
    const last = pieces[pieces.length - 1];
    pieces[pieces.length - 1] = { text: `${last.text}部门`, start: last.start };
  }
  return pieces;
}

// "大番坡等镇人民政府": the last of towns named bare, then the kind they share
const TOWN_TAIL_SRC = String.raw`([\u4e00-\u9fa5]{2,4})等(?:乡镇|镇乡|镇|乡|街道|镇街)(?:人民政府|政府|办事处)?`;
const TOWN_TAIL = new RegExp(`^${TOWN_TAIL_SRC}$`);
// …and what follows it after 和/及 ("…等镇人民政府和各街道办事处")
const TOWN_TAIL_AND = new RegExp(`^(${TOWN_TAIL_SRC})(?:和|及)(.{2,})$`);
/**
 * "久隆、沙埠、康熙岭、大番坡等镇人民政府(和各街道办事处)": towns named bare before the kind they share; each bare name
 * is the town (the tail adds nobody by name, fixtures/real/README.md). The number of pieces that are such towns, from the
 * first, or 0.
 */
export function bareTowns(pieces: Piece[]): number {
  const k = pieces.findIndex((p) => TOWN_TAIL.test(p.text));
  return k >= 1 && pieces.slice(0, k).every((p) => /^[\u4e00-\u9fa5]{2,4}$/.test(p.text)) ? k + 1 : 0;
}
/** the pieces of a list with "…等镇人民政府和各街道办事处" parted at its 和/及 (splitUnitList keeps a tail's 和) */
export function townPieces(pieces: Piece[]): Piece[] {
  return pieces.flatMap((p) => {
    const m = TOWN_TAIL_AND.exec(p.text);
    return m ? [{ text: m[1], start: p.start }, { text: m[3], start: p.start + m[1].length + 1 }] : [p];
  });
}

/** a place charged by name ("郑州市", "其他省辖市(含济源示范区)"): a unit as the page names it */
export function placeUnit(ctx: ParseContext, read: string, start: number): ParsedUnit {
  return mention(ctx, read, start, 'unit');
}

function mention(ctx: ParseContext, read: string, start: number, scope: ParsedUnit['scope'], name?: string): ParsedUnit {
  const source = ctx.doc.toSource(start, start + read.length);
  // the name is looked up as read (simplified, junk removed); `raw` is what the page wrote
  const raw = asWritten(ctx, read, source);
  // a pinyin note after the last character is part of what was written: the source covers it too
  if (raw.length > source.end - source.start && ctx.doc.original.startsWith(raw, source.start)) source.end = source.start + raw.length;
  if (scope !== 'unit') return { raw, name: name ?? read, known: true, scope, source };
  const r = resolveUnit(read, ctx.registry, regionOf(ctx, read));
  return { raw, name: r.name, known: r.known, scope, source };
}

let t2s: ((s: string) => string) | null = null;
// a pinyin note a mirror page put after a character: "經(jīng)"

/**
 * A unit's name as the page wrote it: in traditional characters on a traditional page, with a mirror's
 * pinyin notes, as long as it is the same name read (only the script, the notes and the width differ).
 */
function asWritten(ctx: ParseContext, read: string, source: { start: number; end: number }): string {
  const orig = ctx.doc.original.slice(source.start, source.end);
  if (orig === read || orig.includes('\n') || orig.length > read.length * 3 + 8) return read;
  // a mirror's pinyin notes ("鎮(zhèn)公路站") are junk the mirror added, not part of the name: the name keeps its
  // script, without them (as every labeller of the real pages wrote it)
  const folded = widthFold(orig).replace(PINYIN_NOTE, '');
  if (folded === read) return folded;
  t2s ??= OpenCC.Converter({ from: 'tw', to: 'cn' });
  return t2s(folded) === read ? folded : read;
}

const lookups = new WeakMap<object, string | null>();
/**
 * The plan's region for looking `raw` up (see lookupRegion). Only a district's generic names
 * ("区财政局", "县水务局") are kept from the registry when the plan never names Chongqing: its "市X"
 * names are still the city's, as the region-less snippets of Chongqing plans need.
 */
function regionOf(ctx: ParseContext, raw: string): string | null {
  if (ctx.region) return ctx.region;
  if (!/^[区县]/.test(raw)) {
    // "宣城市人民政府…": a plan that names another city keeps that city's "市X" names unknown too
    if (!cityLookups.has(ctx.doc)) cityLookups.set(ctx.doc, namesOtherCity(ctx.doc.text, ctx.registry) ? ELSEWHERE : null);
    return cityLookups.get(ctx.doc) ?? null;
  }
  if (!lookups.has(ctx.doc)) lookups.set(ctx.doc, lookupRegion(null, ctx.doc.text, ctx.registry));
  return lookups.get(ctx.doc) ?? null;
}
const cityLookups = new WeakMap<object, string | null>();

const ACTION = /着力|推进|推动|加快|加强|一批|开展|提升|实施|打造|完善|积极|深化|强化|构建|支持|鼓励|引导|落实|不再|列出|均需|按照|围绕|任务|工作/;

// "市城市更新工作领导小组办公室", "…改造工作专班": the action word is part of the organ's name
const NAMED_BODY = /(?:工作|推进|建设|改革|任务)(?=(?:工作)?(?:领导小组|专班|指挥部|委员会|联席会议|办公室|推进组|小组|中心|办))|工作(?=[局站队部委处组]$|(?:督查|督导|督办|协调|推进|指导|考核)(?:办|室|组|处)$)/g;

/** "市市场监管局(市知识产权局)", "各区人民政府(含开发区管委会)": the name is what stands before the note */
export function withoutTrailingNote(text: string): string {
  // ("新区科技和人才局〈区科技局〉": a second plate in angle brackets, ff04)
  return text.length > 4 ? text.replace(/\([^()]{1,20}\)$|(?<=[\u4e00-\u9fa5])〈[^〈〉]{2,20}〉$/, '') : text;
}

export function looksLikeUnit(text: string): boolean {
  // "区农业农村委*": a star marking the lead (parseUnitList reads it) is no part of the name
  if (/[\u4e00-\u9fa5)][*★]$/.test(text)) text = text.slice(0, -1);
  if (text.length < 2 || text.length > 40) return false;
  // "市“五水共治”办": a campaign's name in quotes inside an office's name
  if (/^(?:各|市|区|县|省|州|镇|乡|街道|[\u4e00-\u9fa5]{2,5}(?:省|市|区|县|镇|乡))“[\u4e00-\u9fa5]{2,8}”[\u4e00-\u9fa5]{1,6}$/.test(text)) return looksLikeUnit(text.replace(/[“”]/g, ''));
  // long figures belong to sentences, except a service number in an organ's name ("市12345热线管理中心")
  if (/[。!?:"“”]/.test(text) || /\d{3,}(?!\d*(?:热线|服务热线|政务服务|便民服务|指挥中心))/.test(text)) return false;
  // "排在首位的为牵头单位": a rule about a list, not a name in it
  if (/首位|第一位|为牵头|是牵头|下同|同上/.test(text)) return false;
  // "由我局牵头实施", "本委负责": the page's own body by pronoun, no name to keep (fixtures/real/README.md, real-DB db03)
  if (/^(?:我|本)(?:局|委|办|厅|院|中心|部|所|站|队|室|科|处|股)$/.test(text)) return false;
  // words of action belong to sentences, not to names of organs
  if (ACTION.test(text.replace(NAMED_BODY, ''))) return false;
  const base = withoutTrailingNote(text);
  if (base.length > 30) return false;
  // "规划布局要讲究…", "发展格局": words that end as an organ's name does and name none
  if (/(?:布局|格局|大局|全局|开局|变局|结局|僵局|破局|办法|办理|举办|承办|创办|交办|代办|主办|(?<!社)会办|分办|(?<!政)协办|包办|申办|部署|全部|内部|外部|局部|部分)$/.test(base)) return false;
  // "各企业", "各相关企业": the enterprises a letter is addressed to, a collective as "各单位" is
  // "由属地和市公安局负责落实": the locality where it happens, its government (real-AC ac12, real-GC gc08)
  if (base === '属地') return true;
  return UNIT_SUFFIX.test(base) || ALL_TOWNS.test(base) || ALL_DISTRICTS.test(base) || PLACE.test(base) || /^(?:各|各类|各相关|各有关)[\u4e00-\u9fa5]{0,6}企业$/.test(base);
}

// "银川市、石嘴山市、吴忠市人民政府配合": a city, prefecture or banner named bare in a list is its government; not
// "全市", "本市", "智慧城市", "国际都市", "县级市"
const PLACE = /^(?![各全本该每])[\u4e00-\u9fa5]{2,10}(?<![城都超级])(?:市|州|盟|旗)$/;

/** Under an explicit label ("责任单位:电信、移动"), a short plain name is a unit even without an organ word. */
function plainName(text: string): boolean {
  // "排在首位的为牵头单位", "下同": a rule about the list, not a name in it
  return text.length >= 2 && text.length <= 12 && !ACTION.test(text) && !/[。!?:"“”\d]|牵头|下同|同上|首位|第一/.test(text);
}

// "各区县政府按职责分工负责": the verb says what the unit does, it is not part of the name
const VERB_TAIL = /(按职责分工负责|按职责分工落实|按职责负责|分工负责|共同负责|负责落实|分别负责|负责|牵头|配合|参与)$/;

function readPiece(ctx: ParseContext, p: Piece): ParsedUnit[] | null {
  const v = VERB_TAIL.exec(p.text);
  if (v && v.index >= 2) p = { text: p.text.slice(0, v.index), start: p.start };
  const t = p.text;
  // a trailing note decides the scope by the name before it; the mention keeps the note
  const b = withoutTrailingNote(t);
  if (b !== t && (ALL_TOWNS.test(b) || ALL_DISTRICTS.test(b))) return [mention(ctx, t, p.start, ALL_TOWNS.test(b) ? 'all_towns' : 'all_districts', ALL_TOWNS.test(b) ? '各镇街' : '各区县政府')];
  if (SOME_DISTRICTS.test(t) || SOME_TOWNS.test(t)) return [mention(ctx, t, p.start, 'others', t)];
  if (ALL_TOWNS.test(t)) return [mention(ctx, t, p.start, 'all_towns', '各镇街')];
  if (ALL_DISTRICTS.test(t)) return [mention(ctx, t, p.start, 'all_districts', '各区县政府')];
  if (GROUP.test(t) && t.length > 4) return [mention(ctx, t, p.start, 'group_members')];
  if (OTHERS.test(t)) return [mention(ctx, t, p.start, 'others', '其他有关单位')];
  if (PLURAL.test(t) && UNIT_SUFFIX.test(t) && !/^.{2,8}(?:部门|单位)(?:和|及|与)/.test(t)) return [mention(ctx, t, p.start, 'others', t)];
  // "区卫生健康委和区医保局": two names joined by 和/及/与 (but "区规划和自然资源局" is one)
  // ("区发展和改革局和统计局": the 和 of the first name is not where the two part: then the last 和 is)
  const ends = (x: RegExpExecArray | null) => !!x && /(局|委|办|部|院|会|中心|公司|集团|政府|街道办事处|队|所|站|处|室|馆|团|社|行|厅|署|联|单位|部门)$/.test(x[1]);
  const lazy = /^(.{2,20}?)(和|及|与|以及)(.{3,20})$/.exec(t);
  const last = lazy && !ends(lazy) ? /^(.{2,20})(和|及|与|以及)(.{3,20})$/.exec(t) : null;
  const joined = last && ends(last) && looksLikeUnit(last[1]) ? last : lazy;
  // "区农业农村和水利局": a left part that names no organ and a right part with no level of its own share one name
  const twoNames = joined && (/(局|委|办|部|院|会|中心|公司|集团|政府|街道办事处|队|所|站|处|室|馆|团|社|行|厅|署|联|单位|部门)$/.test(joined[1]) || /^(市|区|县|省|州|各|镇|乡|街道)/.test(joined[3]));
  // "各县(市、区)党委和人民政府", "高新区党工委和管委会": a body with no place of its own is the left one's place's
  if (joined && twoNames && !GENERIC_BODY.test(joined[3]) && looksLikeUnit(joined[1]) && !resolveUnit(t, ctx.registry, regionOf(ctx, t)).known) {
    const right = { text: joined[3], start: p.start + joined[1].length + joined[2].length };
    // "环保厅和内蒙古电力监管办及相关盟市": the right part may itself be two names joined
    const rightUnits = looksLikeUnit(right.text) ? (readPiece(ctx, right) ?? []) : /[和及与]/.test(right.text) ? readPiece(ctx, right) : null;
    if (rightUnits) return [...(readPiece(ctx, { text: joined[1], start: p.start }) ?? []), ...rightUnits];
  }
  // "区发改局区统计局": two names run together where a cell lost its separator; the second opens on its level
  const glued = t.length >= 7 ? GLUED.exec(t) : null;
  if (glued && looksLikeUnit(glued[1]) && looksLikeUnit(glued[2]) && !resolveUnit(t, ctx.registry, regionOf(ctx, t)).known) {
    const a = readPiece(ctx, { text: glued[1], start: p.start });
    const b = readPiece(ctx, { text: glued[2], start: p.start + glued[1].length });
    if (a && b) return [...a, ...b];
  }
  // "…、市场监督管理局七部门": the count of the bodies just named adds nobody
  const counted = COUNTED_TAIL.exec(t);
  if (counted && looksLikeUnit(counted[1])) return readPiece(ctx, { text: counted[1], start: p.start });
  const etc = ETC.exec(t);
  if (etc && looksLikeUnit(etc[1])) {
    const head = readPiece(ctx, { text: etc[1], start: p.start }) ?? [];
    const tail = t.slice(etc[1].length);
    // a bare "等" ("市司法局等按职责分工负责") names no further body: nothing to assign it to
    // nor does "等部门" / "等单位" without 有关/相关 or a level ("区融媒体中心等部门配合"): only X is named
    if (BARE_ETC.test(tail)) return head;
    // "县扶贫办等有关部门": a tail with no level adds nobody by name either (fixtures/real/README.md: only X); one with a
    // level ("等区级有关部门", the corpus's 000) names that level's other bodies, a catch-all the office assigns
    if (head.length && /^等(?:多个?|多家)?(?:有关|相关|其他)(?:职能)?(?:部门|单位|部门和单位|部门单位)$/.test(tail)) return head;
    return [...head, mention(ctx, tail, p.start + etc[1].length, 'others', '其他有关单位')];
  }
  if (!looksLikeUnit(t)) return null;
  return [mention(ctx, t, p.start, 'unit')];
}

const GLUED = /^((?:区|市|县|省)[\u4e00-\u9fa5]{1,14}?(?:局|厅|委|办|中心|政府|公司|集团|管委会))((?:区|市|县|省)[\u4e00-\u9fa5]{1,14}(?:局|厅|委|办|中心|政府|公司|集团|管委会))$/;

/** A UNIT_UNKNOWN warning once per unknown name. */
export function warnUnknownUnits(ctx: ParseContext, units: ParsedUnit[], seen: Set<string>) {
  for (const u of units) {
    if (u.known || seen.has(u.name)) continue;
    seen.add(u.name);
    ctx.warnings.push({
      code: 'UNIT_UNKNOWN',
      message: `单位“${u.raw}”不在单位库中,已按原文保留,请确认或新建`,
      source: u.source ?? null,
    });
  }
}
