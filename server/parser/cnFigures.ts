// Figures written in Chinese numerals, read as digits for the target stage:
// "百分之九十五" → 95%, "翻一番" → 2倍, "增长两成" → 20%, "提高五个百分点" → 5个百分点,
// "新增泊位十个" → 10个. A lone "一" before a measure word ("一次", "一批", "一件事") is prose, not a figure.
import type { VEdit } from './virtual.js';

const DIGIT: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** "三千五百" → 3500, "十二" → 12, "一百零五" → 105; null for anything else */
export function cnNumber(s: string): number | null {
  if (!s || !/^[零〇一二两三四五六七八九十百千]+$/.test(s)) return null;
  let total = 0;
  let cur = 0;
  let prevDigit = false;
  for (const c of s) {
    const step = c === '千' ? 1000 : c === '百' ? 100 : c === '十' ? 10 : 0;
    if (step) {
      total += (cur || 1) * step;
      cur = 0;
      prevDigit = false;
    } else {
      const d = DIGIT[c];
      if (prevDigit && d !== 0 && cur !== 0) return null; // "二三" is not a number
      cur = d;
      prevDigit = true;
    }
  }
  return total + cur;
}

function cnDecimal(int: string, frac: string | undefined): number | null {
  const n = cnNumber(int);
  if (n === null) return null;
  if (!frac) return n;
  let f = '';
  for (const c of frac) {
    const d = DIGIT[c];
    if (d === undefined) return null;
    f += d;
  }
  return Number(`${n}.${f}`);
}

const N = '[零〇一二两三四五六七八九十百千]';
// measure words a counted figure is written with (never 年/月/位: "三年内", "前三位")
const COUNT = '(?:个(?!人)|家|所|座|条|处|项|件|套|台|辆|艘|张|名|批|种|栋|幢|场|户|亩|公顷|公里|平方米|吨)';
// "两万人", "三亿元"; but "千亿级", "百万" are magnitudes, not figures
const MAGNITUDE = '[万亿](?!级)';
const RE = new RegExp(
  [
    `百分之(${N}+)(?:点([零〇一二三四五六七八九]+))?`, // 1,2
    `翻(一|两|二|三)?番`, // 3
    `(?<![${'零〇一二两三四五六七八九十百千'}])([一二两三四五六七八九])成(?=以上|以下|左右|以内|[,;。、)的]|$)`, // 4
    `(?<![零〇一二两三四五六七八九十百千第每])(${N}+)(?=个百分点|百分点|倍)`, // 5
    `(?<![零〇一二两三四五六七八九十百千第每之\\d])((?:[二两三四五六七八九十百千]${N}*|一[十百千]${N}*))(?=${COUNT})`, // 6
    `(?<![零〇一二两三四五六七八九十百千第每之\\d])([二两三四五六七八九]${N}*)(?=${MAGNITUDE})`, // 7
  ].join('|'),
  'g',
);

/** the words that lead to the level a doubling reaches: "…增加一倍,达到2000家", "…翻番、突破6000亿元" (targets.ts too) */
export const REACHES_SRC = String.raw`(?:力争|争取|努力)?(?:达到|达|突破|超过)\s*(?:约)?`;
// "数量增加一倍,达到2000家", "实现翻番、突破6000亿元": the level the doubling reaches is the figure to reach
const LEVEL_AFTER = new RegExp(String.raw`^(?:以上)?[,、]?${REACHES_SRC}[\d零〇一二两三四五六七八九十百千]`);

const PROGRAMME = /^[件项大](?:(?:民生|惠民|为民)?实事|(?:民生|惠民)工程)/;

// "三年内,实现全县8个乡镇…全覆盖", "到2025年,实现…全覆盖": coverage of everything by a set time is 100%
const FULL_COVER = /全覆盖(?=[,;。)]|$)/g;
const DUE = /(?:19|20)\d\d\s*年|[一二两三四五]\s*年内|\d\s*年内|十[一二三四五六七八九]五["”]?(?:末|期末|期间)/;

function coverEdits(text: string, out: VEdit[]) {
  FULL_COVER.lastIndex = 0;
  for (let m = FULL_COVER.exec(text); m; m = FULL_COVER.exec(text)) {
    const from = Math.max(text.lastIndexOf('。', m.index), text.lastIndexOf(';', m.index)) + 1;
    const sentence = text.slice(from, m.index);
    // only a dated aim, and one the sentence states ("实现/达到"), not a task's passing mention
    const clause = sentence.slice(Math.max(sentence.lastIndexOf(','), sentence.lastIndexOf('，')) + 1);
    // "基本全覆盖" is nearly all, not a figure
    if (!DUE.test(sentence) || !/^(?:[^,]{0,6})?实现/.test(clause) || /基本$/.test(clause)) continue;
    out.push({ start: m.index, end: m.index + 3, text: '覆盖100%' });
  }
}

export function cnFigureEdits(text: string): VEdit[] {
  const out: VEdit[] = [];
  if (text.includes('全覆盖')) coverEdits(text, out);
  if (!/[一二两三四五六七八九十百千]/.test(text)) return out;
  RE.lastIndex = 0;
  for (let m = RE.exec(text); m; m = RE.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    let rep: string | null = null;
    if (m[1] !== undefined) {
      const v = m[1] === '百' ? 100 : cnDecimal(m[1], m[2]);
      if (v !== null) rep = `${v}%`;
    } else if (m[0].startsWith('翻')) {
      if (LEVEL_AFTER.test(text.slice(end, end + 14))) continue;
      const n = m[3] ? DIGIT[m[3]] : 1;
      rep = `${2 ** n}倍`;
    } else if (m[4] !== undefined) {
      rep = `${DIGIT[m[4]] * 10}%`;
    } else {
      // "实施十件民生实事", "十项重点工程": the size of a named programme, not a figure to reach
      if (m[6] !== undefined && PROGRAMME.test(text.slice(end, end + 8))) continue;
      if (m[5] !== undefined && text[end] === '倍' && LEVEL_AFTER.test(text.slice(end + 1, end + 15))) continue;
      const v = cnNumber(m[5] ?? m[6] ?? m[7]);
      if (v !== null && v > 0) rep = String(v);
    }
    if (rep !== null) out.push({ start, end, text: rep });
  }
  return out.length > 1 ? out.sort((a, b) => a.start - b.start) : out;
}
