// normalize: turns the decoded text into what the stages read (simplified Chinese,
// ASCII punctuation, no web/page junk) while keeping map[i] → original offset.
// Each pass rewrites through applyEdits so offsets compose across passes.
import { ORGAN_END } from './vocabulary.js';
import * as OpenCC from 'opencc-js/t2cn';
import { makeDoc } from './doc.js';
import { applyEdits, identity, regexEdits, type Edit, type Mapped } from './edits.js';
import type { NormalizedDoc } from './types.js';
import { dropPageFooters, joinBareLabels, joinBrokenNotes, joinBrokenTitles, joinHardWraps, joinLabelListWraps, joinLeadingSemicolons } from './wraps.js';
import { joinQuotedCells } from './quotedCells.js';
import { MARKER_START, PINYIN_NOTE, widthFold } from './chars.js';
import type { ParseWarning } from '../../shared/parsedPlan.js';

export { MARKER_START, widthFold };

/** What normalize changed that a reviewer should know about (turned into warnings by the stages). */
export type NormalizeFix = ParseWarning;

export interface NormalizedDocEx extends NormalizedDoc {
  fixes: NormalizeFix[];
  /** the text was a paginated OCR dump whose line breaks meant nothing */
  paginated: boolean;
}

let converter: ((s: string) => string) | null = null;
export function t2s(s: string): string {
  converter ??= OpenCC.Converter({ from: 'tw', to: 'cn' });
  return converter(s);
}

export function normalize(original: string): NormalizedDocEx {
  const fixes: NormalizeFix[] = [];
  let cur: Mapped = identity(original);
  const src = (m: Mapped, s: number, e: number) => {
    const start = m.map[s];
    return { start, end: e > s ? m.map[e - 1] + 1 : start };
  };

  // line breaks and invisible characters
  cur = applyEdits(cur, regexEdits(cur.text, /\r\n?|[\ufeff\u200b-\u200d\u2060\u00ad]/g, (m) => (m[0][0] === '\r' ? '\n' : '')));
  // spaces closing a line say nothing (a tab may: an empty last cell), and hide a hard wrap from the joiners
  cur = applyEdits(cur, regexEdits(cur.text, /[ \u00a0\u3000]+(?=\n)/g, () => ''));
  cur = singleSpace(cur);
  // Word bookmark tags left by converters
  cur = applyEdits(cur, regexEdits(cur.text, /\[bookmark: [^\]\n]*\]/g, () => ''));
  // non-breaking spaces a mirror turned into "?" before a heading or a label ("???(一)第一检查督导组;", "艾 ?进")
  cur = applyEdits(cur, regexEdits(cur.text, /^\?+(?=[(（][一二三四五六七八九十\d]|[一二三四五六七八九十]、)|\?(?<=[\u4e00-\u9fa5] \?)(?=[\u4e00-\u9fa5])/gm, () => ''));
  cur = { text: widthFold(cur.text), map: cur.map };
  cur = joinDigitGroups(cur);
  cur = removePinyin(cur, fixes, src);
  cur = toSimplified(cur, fixes);
  cur = joinQuotedCells(cur);
  cur = removeJunkLines(cur, fixes, src);
  const paged = stripPageCounters(cur, fixes);
  cur = paged.doc;
  cur = fixOcr(cur, fixes, src);
  cur = halfWidthStops(cur);
  cur = dropPageFooters(cur);
  cur = joinBarCells(cur);
  if (!paged.paginated) cur = joinHardWraps(cur);
  cur = joinLeadingSemicolons(cur);
  cur = joinBareLabels(cur);
  cur = joinLabelListWraps(cur);
  cur = joinBrokenNotes(cur);
  cur = joinBrokenTitles(cur);
  cur = joinSemicolonBreaks(cur);
  if (paged.paginated) cur = reflow(cur);
  else if (runOn(cur.text)) cur = reflow(cur, true);
  flagMojibake(cur, fixes, src);

  const doc = makeDoc(original, cur.text, cur.map);
  return Object.assign(doc, { fixes, paginated: paged.paginated });
}

type SrcFn = (m: Mapped, s: number, e: number) => { start: number; end: number };

const BAR_LINE = /^[ \t]*[|｜][ \t]*$/;
/**
 * "完成2022年度 ⏎ 乡村振兴示范村建设 ⏎ | ⏎ 区农业农村委*、 ⏎ 区规划资源局 ⏎ | ⏎ …": a table a page stores one cell per run of
 * lines with a lone "|" between cells (real-DA da10). The lines between two bars are one cell, broken where the
 * table's column was narrow: they are joined, so the table readers see one cell per line as on other such pages.
 */
function joinBarCells(cur: Mapped): Mapped {
  const lines = cur.text.split('\n');
  let bars = 0;
  for (const l of lines) if (BAR_LINE.test(l)) bars++;
  if (bars < 6) return cur;
  const starts: number[] = [];
  let pos = 0;
  for (const l of lines) {
    starts.push(pos);
    pos += l.length + 1;
  }
  const edits: Edit[] = [];
  for (let k = 1; k < lines.length; k++) {
    if (!BAR_LINE.test(lines[k - 1]) || BAR_LINE.test(lines[k]) || !lines[k].trim()) continue;
    let e = k;
    while (e + 1 < lines.length && !BAR_LINE.test(lines[e + 1]) && lines[e + 1].trim()) e++;
    // (a cell of a dozen lines or more, or one the page does not close with a bar, is prose: left as it is; lines that
    // close with a bar of their own, "规划司 |", are cells already, a lone bar among them an empty one)
    const own = lines.slice(k, e + 1).some((l) => /[|｜][ \t]*$/.test(l));
    if (e > k && e - k < 12 && !own && e + 1 < lines.length && BAR_LINE.test(lines[e + 1]))
      for (let j = k; j < e; j++) {
        // "产业科 ⏎ 市畜牧中心 ⏎ 市农技中心": names of bodies a line each stay apart, by a space (units.ts splits there)
        const names = ORGAN_END.test(lines[j].trim()) && ORGAN_END.test(lines[j + 1].trim()) && lines[j + 1].trim().length <= 20;
        edits.push({ start: starts[j] + lines[j].length, end: starts[j] + lines[j].length + 1, text: names ? ' ' : '' });
      }
    k = e;
  }
  return edits.length ? applyEdits(cur, edits) : cur;
}

// A pinyin syllable with or without tone marks; real parentheses hold Chinese or other words.
const PINYIN_SYLLABLE =
  /^(zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?(i|u|ü|v)?[aeiouüvāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜê]+(ng|n|r)?$/;
const TONED = /[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]/;


function removePinyin(cur: Mapped, fixes: NormalizeFix[], src: SrcFn): Mapped {
  let count = 0;
  let first: { start: number; end: number } | null = null;
  // the pattern starts at "(" (no leading lookbehind) so the engine can skip ahead to each one
  const edits = regexEdits(cur.text, PINYIN_NOTE, (m) => {
    const syl = m[1];
    if (!PINYIN_SYLLABLE.test(syl)) return null;
    // after a non-Chinese character (mojibake, Latin) only tone marks make it pinyin
    const before = m.index > 0 ? cur.text.charCodeAt(m.index - 1) : 0;
    if (!(before >= 0x3400 && before <= 0x9fff) && !TONED.test(syl)) return null;
    // toneless one-letter "(a)" may be a list label; require tone marks for short ones
    if (syl.length < 2 && !TONED.test(syl)) return null;
    count++;
    first ??= src(cur, m.index, m.index + m[0].length);
    return '';
  });
  // a lone toneless syllable is too weak a signal; a document with pinyin has it everywhere
  if (count < 3 && !edits.some((e) => TONED.test(cur.text.slice(e.start, e.end)))) return cur;
  if (count > 0) fixes.push({ code: 'NORMALIZED_PINYIN', message: `已去除字后夹注的拼音 ${count} 处`, source: first });
  return applyEdits(cur, edits);
}

// Characters that exist only in traditional writing and are common in plans.
const TRAD_ONLY = new Set('發區業產實為動這個們會來說時國經開關與對過還從應機進設計劃規務體將總鎮縣議員點於權創聯農網轉協質醫鄉統優');
// a flag per code point of the CJK block: this scan runs over every character of every import
const TRAD_FLAG = new Uint8Array(0x9fff - 0x4e00 + 1);
for (const ch of TRAD_ONLY) TRAD_FLAG[ch.charCodeAt(0) - 0x4e00] = 1;

// valid in simplified writing too (显著, 乾坤): their conversion says nothing about the script
const AMBIGUOUS = new Set('著乾於餘藉瞭隻夥佔係');

function toSimplified(cur: Mapped, fixes: NormalizeFix[]): Mapped {
  const sample = cur.text;
  let trad = 0;
  let cjk = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c >= 0x4e00 && c <= 0x9fff) {
      cjk++;
      trad += TRAD_FLAG[c - 0x4e00];
    }
  }
  if (sample.length < 2000 && cjk > 0) {
    // short excerpts: let the converter itself count, the sample list is too small to judge
    const conv = t2s(sample);
    trad = 0;
    if (conv.length === sample.length) for (let i = 0; i < sample.length; i++) if (conv[i] !== sample[i] && !AMBIGUOUS.has(sample[i])) trad++;
  }
  // simplified text has none of these; a quoted traditional name must not trigger a conversion
  // a short excerpt qualifies by its share; a long text needs several hits so one quoted name does not flip it
  if (cjk === 0 || trad / cjk < 0.01 || (trad < 5 && trad / cjk < 0.1)) return cur;
  const whole = t2s(cur.text);
  fixes.push({ code: 'NORMALIZED_TRADITIONAL', message: '原文为繁体字,已转换为简体字进行识别(原文位置不变)', source: null });
  if (whole.length === cur.text.length) return { text: whole, map: cur.map };
  // a phrase conversion changed length somewhere: convert line by line, char by char where needed
  const edits: Edit[] = [];
  let start = 0;
  for (const line of cur.text.split('\n')) {
    const conv = t2s(line);
    if (conv !== line) {
      if (conv.length === line.length) edits.push({ start, end: start + line.length, text: conv });
      else
        for (let i = 0; i < line.length; i++) {
          const c = t2s(line[i]);
          if (c !== line[i]) edits.push({ start: start + i, end: start + i + 1, text: c });
        }
    }
    start += line.length + 1;
  }
  return applyEdits(cur, edits);
}

// Web page furniture: breadcrumbs, share bars, copyright, ICP numbers, model-site blurbs.
const JUNK_LINE = [
  /^(当前位置|您的位置|您现在的位置|首页\s*[>>])/,
  /时间[::].{0,40}来源[::]/,
  /^(来源|发布时间|发布日期|作者|责任编辑|编辑|浏览次数|阅读次数|点击数)[::]/,
  /小编|供大家参考|仅供参考|欢迎阅读|下载本文/,
  /^(推荐访问|相关推荐|相关文章|热门文章|上一篇|下一篇|分享到|扫一扫|打印本页|关闭窗口|【?\s*字体)/,
  /版权所有|Powered by|All Rights Reserved|备案号|ICP备|许可证编号|举报电话[::]?\s*[\d(（]|举报邮箱[::]|运营维护[::]/i,
  /^地址[::].{0,60}(邮编|电话)/,
  // a portal's terms below its articles: "本网转载其他媒体之稿件…", "本网确认后将在24小时内移除相关争议内容"
  /本网(?:站)?(?:转载|确认后|自有版权|许可)|(?:侵权|争议内容).{0,20}(?:移除|删除)|请相关权利人联系/,
  // a model-document site's page title: "2024XX区…(全文)"
  /^\s*\d{4}.{0,60}[((](全文|完整版|范文|通用\d*篇|精选\d*篇|\d+篇)[))]\s*$/,
];
const JUNK_WINDOW = 15;
// "主办:XX市人民政府办公室 承办:XX市信息中心": a site's sponsor line, told from an activity plan's "主办:省爱卫会" by the
// site words on it or beside it
// ("主管单位:重庆出版集团  主办单位:…", "协办单位:…" in a portal's footer)
const SPONSOR = /^(?:主管|主办|承办|协办)(?:单位)?[::]/;
// ("主办:中共绵阳市委宣传部中国文明网 | 四川文明网 | 部网旧版": sites named in a bar of links)
const SITE_WORDS = /网站|网址|门户|信息中心|版权|ICP|技术支持|运维|维护单位|电话|邮编|备案|Copyright|[a-z]+\.(?:gov\.)?cn|网\s*(?:[|｜]|$)|网旧版|网新版/i;
function siteSponsor(lines: { text: string }[], i: number): boolean {
  if (!SPONSOR.test(lines[i].text.trim())) return false;
  for (let k = Math.max(0, i - 2); k <= Math.min(lines.length - 1, i + 2); k++) if (SITE_WORDS.test(lines[k].text)) return true;
  return false;
}

function removeJunkLines(cur: Mapped, fixes: NormalizeFix[], src: SrcFn): Mapped {
  const t = cur.text;
  let s = 0;
  const lines = t.split('\n').map((text) => {
    const l = { start: s, end: s + text.length, text };
    s += text.length + 1;
    return l;
  });
  const nonEmpty = lines.map((l, i) => (l.text.trim() ? i : -1)).filter((i) => i >= 0);
  const window = new Set([...nonEmpty.slice(0, JUNK_WINDOW), ...nonEmpty.slice(-JUNK_WINDOW)]);
  const edits: Edit[] = [];
  for (const i of window) {
    const l = lines[i];
    const x = l.text.trim();
    if (x.length > 200 || !(JUNK_LINE.some((re) => re.test(x)) || siteSponsor(lines, i))) continue;
    edits.push({ start: l.start, end: Math.min(l.end + 1, t.length), text: '' });
  }
  if (edits.length) {
    const first = edits.reduce((a, b) => (a.start < b.start ? a : b));
    fixes.push({ code: 'NORMALIZED_WEB_JUNK', message: `已忽略网页导航、版权等无关内容 ${edits.length} 行`, source: src(cur, first.start, first.end) });
  }
  return applyEdits(cur, edits);
}

/**
 * A paginated dump ("1、…⏎2、…⏎3、…") numbers nearly every line in one running sequence;
 * real numbered items cover few lines and restart. Counters and page breaks are dropped.
 */
function stripPageCounters(cur: Mapped, fixes: NormalizeFix[]): { doc: Mapped; paginated: boolean } {
  const re = /(^|\n)(\d{1,4})、/g;
  const hits: { at: number; len: number; n: number; nl: boolean }[] = [];
  let m: RegExpExecArray | null;
  while ((m = re.exec(cur.text))) hits.push({ at: m.index, len: m[0].length, n: Number(m[2]), nl: m[1] === '\n' });
  const nonEmpty = cur.text.split('\n').filter((l) => l.trim()).length;
  // a document-sharing site's page ("…请在淘文阁 - 分享文档赚钱的网站上搜索"): its pages are counted "1、" "2、" "3、" even
  // in a short excerpt
  const sharing = /淘文阁|人人文库|原创力文档|豆丁|道客巴巴|分享文档/.test(cur.text.slice(0, 400));
  if (hits.length < (sharing ? 3 : 5) || hits.length < nonEmpty * 0.6) return { doc: cur, paginated: false };
  let seq = 0;
  for (let i = 1; i < hits.length; i++) if (hits[i].n === hits[i - 1].n + 1) seq++;
  if (seq < (hits.length - 1) * 0.8) return { doc: cur, paginated: false };
  // page breaks fall mid-sentence; a numbered list ends each item with punctuation
  let midSentence = 0;
  for (const h of hits) if (h.nl && !/[。;!?)”:.]\s*$/.test(cur.text.slice(Math.max(0, h.at - 4), h.at))) midSentence++;
  if (midSentence < (hits.length - 1) * 0.5) return { doc: cur, paginated: false };
  const edits: Edit[] = [];
  let expect = hits[0].n;
  for (const h of hits) {
    if (h.n < expect || h.n > expect + 3) continue; // a restart is a real list, not a page
    expect = h.n + 1;
    edits.push({ start: h.at, end: h.at + h.len, text: '' });
  }
  fixes.push({ code: 'NORMALIZED_PAGE_COUNTERS', message: `文本为分页识别件,已去除行首页码 ${edits.length} 处并接续跨页文字`, source: null });
  return { doc: applyEdits(cur, edits), paginated: true };
}

// Known OCR confusions: a character read as its split radicals or as Latin letters.
// `needle`: a literal every match contains; the pattern runs only when it occurs (most texts have none of them,
// and patterns that open with a lookbehind make the engine try every position)
const OCR_TABLE: { re: RegExp; to: string; needle: string; skip?: number }[] = [
  { re: /%o(?![a-z])/g, to: '%。', needle: '%o' },
  { re: /至U/g, to: '到', needle: '至U' },
  { re: /J办/g, to: '协', needle: 'J办' },
  { re: /J11(?=[\u4e00-\u9fff])/g, to: '川', needle: 'J11' },
  { re: /(?<=[\u4e00-\u9fff])T本(?=[\u4e00-\u9fff])/g, to: '体', needle: 'T本' },
  // `skip`: the match opens with context that stays (a lookbehind here would be tried at every position)
  { re: /[。;,]L(?=[\u4e00-\u9fff])/g, to: '', needle: 'L', skip: 1 },
  // labels of responsibility notes as OCR misreads them: 贵/责, 仼/任, ";" for ":"
  { re: /贵任(?=单位|部门)/g, to: '责任', needle: '贵任' },
  { re: /责仼(?=单位|部门)/g, to: '责任', needle: '责仼' },
  // 伩 for 位: "牵头单伩"
  ...['牵头', '责任', '配合'].map((l) => ({ re: new RegExp(`${l}单伩`, 'g'), to: `${l}单位`, needle: '单伩' })),
  { re: /;(?<=\((?:牵头|责任|配合)(?:单位|部门);)(?=[\u4e00-\u9fff])/g, to: ':', needle: ';' },
  // 単 (the Japanese form) for 单: "责任単位"
  { re: /単(?=[ \t\u3000]*位)/g, to: '单', needle: '単' },
  // "牵 头 单 位:", "责 任 单 位": a label spaced out by OCR or justified type
  ...['牵头单位', '责任单位', '配合单位', '牵头部门', '责任部门', '配合部门'].map((l) => ({
    re: new RegExp(`${[...l].join('[ \\t\\u3000]*')}(?=[ \\t\\u3000]*:)`, 'g'),
    to: l,
    needle: l[0],
  })),
];

function fixOcr(cur: Mapped, fixes: NormalizeFix[], src: SrcFn): Mapped {
  const edits: Edit[] = [];
  for (const { re, to, needle, skip = 0 } of OCR_TABLE) {
    if (!cur.text.includes(needle)) continue;
    for (const e of regexEdits(cur.text, re, () => to).map((x) => ({ ...x, start: x.start + skip }))) {
      if (edits.some((x) => x.start < e.end && e.start < x.end)) continue;
      edits.push(e);
      const was = cur.text.slice(e.start, e.end);
      fixes.push({ code: 'OCR_FIXED', message: `疑似识别错误“${was}”,已按“${to || '(删除)'}”识别`, source: src(cur, e.start, e.end) });
    }
  }
  return applyEdits(cur, edits);
}

// "…抓好落实." / "…达到60%.2023年…": a half-width "." ending a sentence (not "3.5", not the "1." or "一." of an item)
const HALF_STOP = /\.(?<=[\u4e00-\u9fff%"”)]\.)(?<!^[ \t]*[一二三四五六七八九十]{1,3}\.)(?!\.)/gm;

// "1,200萬人", "8,827,620元": a figure written with thousands separators is one figure — each group after the first
// exactly three digits ("5,20" stays), and never after 分别 ("PM10分别为157,154,155微克/立方米" is three figures). After
// widthFold: the store gives "，" as "," anyway, so a page's comma cannot say which it was.
const DIGIT_GROUPS = /(?<![\d.,])\d{1,3}(?:,\d{3})+(?![\d,])/g;
function joinDigitGroups(cur: Mapped): Mapped {
  if (!/\d,\d{3}/.test(cur.text)) return cur;
  const edits: { start: number; end: number; text: string }[] = [];
  for (const m of cur.text.matchAll(DIGIT_GROUPS)) {
    if (/分别[^,;。，；]{0,10}$/.test(cur.text.slice(Math.max(0, m.index - 12), m.index))) continue;
    for (let k = m[0].indexOf(','); k >= 0; k = m[0].indexOf(',', k + 1)) edits.push({ start: m.index + k, end: m.index + k + 1, text: '' });
  }
  return edits.length ? applyEdits(cur, edits) : cur;
}

/** A PDF text layer typed with half-width punctuation ends its sentences with ".": read them as "。". */
function halfWidthStops(cur: Mapped): Mapped {
  const t = cur.text;
  const full = t.match(/。/g)?.length ?? 0;
  // an upper bound first, with a pattern the engine can scan fast: most documents stop here
  const rough = t.match(/[\u4e00-\u9fff%"”)]\.(?!\.)/g)?.length ?? 0;
  if (rough < 3 || rough < full * 2) return cur;
  const half = t.match(HALF_STOP)?.length ?? 0;
  // only a document that writes "." by habit, where "。" is rare
  if (half < 3 || half < full * 2) return cur;
  return applyEdits(cur, regexEdits(t, HALF_STOP, () => '。'));
}

/**
 * A page that puts a blank line after every line (each paragraph or table cell its own <p>) says nothing with
 * its blank lines: readers that take a blank line as the end of a row or an item would see every cell alone.
 * When no break between two lines of text goes without a blank line and most have exactly one, every run of breaks
 * is halved: the page's blank line disappears, and the runs that meant something keep their proportion.
 */
function singleSpace(cur: Mapped): Mapped {
  const t = cur.text;
  // (no-break spaces count as spaces here: the width fold comes later)
  const breaks = t.match(/\n(?<=[^\s\u00a0][ \t\u3000\u00a0]*\n)(?:[ \t\u3000\u00a0]*\n)*(?=[ \t\u3000\u00a0]*[^\s\u00a0])/g) ?? [];
  if (breaks.length < 3) return cur;
  const single = breaks.filter((b) => b === '\n').length;
  const double = breaks.filter((b) => (b.match(/\n/g) ?? []).length === 2).length;
  if (double < breaks.length * 0.5 || single > breaks.length * 0.05) return cur;
  return applyEdits(
    cur,
    regexEdits(t, /\n(?:[ \t\u3000\u00a0]*\n)+/g, (m) => {
      // halved, so a run that marked empty cells (mammoth: two more breaks per empty cell) still counts them
      const n = (m[0].match(/\n/g) ?? []).length;
      return '\n'.repeat(Math.ceil(n / 2));
    }),
  );
}

/** Some exports break the line after every ";": a clause that goes on is not a new paragraph. */
function joinSemicolonBreaks(cur: Mapped): Mapped {
  const t = cur.text;
  // only a document that breaks after ";" by habit; a single ";" at a line end may end a paragraph
  const broken = (t.match(/;[ \t]*\n(?=[^\n])/g) ?? []).length;
  const all = (t.match(/;/g) ?? []).length;
  const habit = broken >= 3 && broken >= all * 0.3;
  return applyEdits(
    cur,
    regexEdits(t, /;[ \t]*\n(?=[^\n])/g, (m) => {
      const next = t.slice(m.index + m[0].length, m.index + m[0].length + 24);
      if (!next.trim() || MARKER_START.test(next)) return null;
      // "3.…;⏎4.30%以上…": the next item of a numbered list, its number glued to a figure
      const prev = t.slice(t.lastIndexOf('\n', m.index - 1) + 1, m.index);
      if (/^\s*\d{1,2}[.、．]/.test(prev) && /^\s*\d{1,2}[.．]\d/.test(next)) return null;
      // the second half of a note ("…;⏎责任单位:…") always continues it
      if (!habit && !/^[ \t]*(牵头|责任|配合|协同|主要|参与|协办)[^:\n]{0,6}:/.test(next)) return null;
      // …but a heading closed by ";" ("(一)第一检查督导组;⏎责任领导:…⏎责任单位:…") keeps its label lines below it
      if (!/[::]/.test(prev) && /^\s*(?:[(（][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}、)[^。;]{1,30}$/.test(prev) && /^[ \t]*[\u4e00-\u9fa5]{2,6}:/.test(next)) return null;
      return ';';
    }),
  );
}

/**
 * A page kept as one long line (its paragraphs' breaks lost on the way into the store): nothing else splits it, and
 * the outline would see one paragraph. (Read without splitting the page: it stops at the fourth line of text.)
 */
function runOn(t: string): boolean {
  let lines = 0;
  let long = false;
  for (let at = 0; at <= t.length; ) {
    const nl = t.indexOf('\n', at);
    const end = nl < 0 ? t.length : nl;
    if (/\S/.test(t.slice(at, end))) {
      if (++lines > 3) return false;
      if (end - at > 300) long = true;
    }
    at = end + 1;
  }
  return long;
}

// a heading's marker: "(1)…", "1.…", "一、", "(一)", "——…"
// ("…开发区)。 2、固定资产投资增长25%": an item numbered with 、 too)
const MARK_AHEAD = String.raw`(?=\(\d{1,2}\)[\u4e00-\u9fff]|\d{1,2} ?[.、](?!\d)[\u4e00-\u9fff]|[一二三四五六七八九十]{1,3}、|\([一二三四五六七八九十]{1,3}\)|——[\u4e00-\u9fff])`;
const REFLOW_SRC = String.raw`(?<=[。;)”])${MARK_AHEAD}`;
// a run-on line also loses the 。 before a heading: a comma or a title's last word may stand there
const REFLOW_RUN_ON_SRC = String.raw`(?<=[。;)”,:][ \u3000]*|[\u4e00-\u9fff][ \u3000]+)${MARK_AHEAD}|(?<=[\u4e00-\u9fff]{4})(?=\([一二三四五六七八九十]{1,3}\)[\u4e00-\u9fff])`;

/** In a reflowed page dump, headings run on inside a line: give each marker its own line. */
function reflow(cur: Mapped, runOnLine = false): Mapped {
  const re = new RegExp(runOnLine ? REFLOW_RUN_ON_SRC : REFLOW_SRC, 'g');
  const edits: Edit[] = [];
  let m: RegExpExecArray | null;
  while ((m = re.exec(cur.text))) {
    edits.push({ start: m.index, end: m.index, text: '\n' });
    re.lastIndex = m.index + 1;
    // "(一)燃煤散烧 由规财科负责。": a short title, then its item's text after a space — the title's own line
    // ("(五) 切实加强动态报告工作 环保…", "(一)动员部署阶段(5月) 各县…": a space after the marker, a span in parentheses)
    const title = runOnLine ? /^(?:\([一二三四五六七八九十\d]{1,3}\)|[一二三四五六七八九十]{1,3}、|\d{1,2}\.) ?[\u4e00-\u9fff、]{2,20}(?:\([^()\s]{1,8}\))?(?= \S)/.exec(cur.text.slice(m.index, m.index + 40)) : null;
    if (title) edits.push({ start: m.index + title[0].length, end: m.index + title[0].length + 1, text: '\n' });
  }
  return applyEdits(cur, edits);
}

function flagMojibake(cur: Mapped, fixes: NormalizeFix[], src: SrcFn) {
  if (!cur.text.includes('?') && !cur.text.includes('\ufffd')) return;
  const re = /[\u4e00-\u9fff][?\ufffd]+[!^a-z\u4e00-\u9fff]|\ufffd+/g;
  let m: RegExpExecArray | null;
  let n = 0;
  while ((m = re.exec(cur.text)) && n < 20) {
    n++;
    fixes.push({ code: 'ENCODING_DAMAGED', message: '此处文字乱码,无法识别', source: src(cur, m.index, m.index + m[0].length) });
  }
}
