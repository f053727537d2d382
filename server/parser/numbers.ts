// Number, unit, comparator and period vocabulary shared by the indicator, target and project stages.
import type { Comparator } from '../../shared/parsedPlan.js';

const CN_DIGIT: Record<string, number> = {
  〇: 0, 零: 0, O: 0, o: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};

/** "二〇三五" → 2035 (digit by digit, as years are written). */
export function cnDigitsToNumber(s: string): number | null {
  let n = 0;
  for (const ch of s) {
    const d = CN_DIGIT[ch];
    if (d === undefined) return null;
    n = n * 10 + d;
  }
  return n;
}

/** "十" "十四" "二十六" → number; small counting numerals only (outline markers, 十X五 periods). */
export function cnSmallNumber(s: string): number | null {
  if (!s) return null;
  const i = s.indexOf('十');
  if (i < 0) return s.length === 1 ? (CN_DIGIT[s] ?? null) : null;
  const tens = i === 0 ? 1 : CN_DIGIT[s.slice(0, i)];
  const ones = i === s.length - 1 ? 0 : CN_DIGIT[s.slice(i + 1)];
  if (tens === undefined || ones === undefined || s.length > 3) return null;
  return tens * 10 + ones;
}

/** The last year of the Nth five-year plan: 十三五 → 2020, 十四五 → 2025. */
export function fiveYearPlanEnd(n: number): number {
  return 2010 + 5 * (n - 11);
}

const PLAN_RE = /["“”']?十([一二三四五六七八九])五["“”']?/;

/** A year named in a header cell or phrase: "2020年", "二〇三五年", "“十三五”" (its end year). */
export function yearOf(text: string): number | null {
  const m = /(?<!\d)((?:19|20)\d\d)\s*年?(?!\d)/.exec(text);
  if (m) return Number(m[1]);
  const c = /([〇零一二三四五六七八九]{4})年/.exec(text);
  if (c) return cnDigitsToNumber(c[1]);
  const p = PLAN_RE.exec(text);
  if (p) return fiveYearPlanEnd(10 + (CN_DIGIT[p[1]] ?? 0));
  return null;
}

// Measure words and units, longest first so "平方公里" wins over "公里".
const BASE_UNITS = [
  '个百分点', '百分点', '个工作日', '工作日', '个月', '场次', '架次', '列次', '吨公里', '人公里', '平方公里', '平方千米', '平方米', '平米', '延米', '盏', '羽', '组', '例', '根', '期', '块', '立方米', '公里', '千米', '公顷', '标准煤', '千瓦时',
  '千瓦', '兆瓦', '标准箱', '标箱', '人次', '床位', '美元', '小时', '分钟', '微克/立方米', '微克每立方米', '批次', '延长米', '毫克/升', '微克', '毫克', '元', '人', '户', '家', '个', '所', '座', '条', '处',
  '项', '件', '堂', '套', '台', '辆', '艘', '张', '床', '册', '名', '位', '批', '种', '类', '次', '场', '栋', '幢', '间',
  '棵', '株', '头', '只', '斤', '片', '穴', '岁', '年', '天', '日', '倍', '亩', '吨', '列', '米', '度', '篇', '部', '支', '枚', '单', '宗', '瓶', '份', '核', '方',
  '%', '‰', '‱', '℃', '°C', '摄氏度', 'mg/L', 'mg/l', 'mg/m³', 'mg/m3', 'μg/m³', 'μg/m3', 'ug/m3', 'dB', 'kWh', 'km²', 'kg', 'km', 'kW', 'MW', 'GW', 'kV', 'TEU', 'm²', '㎡', '吨标准煤', '千克', '公斤', '兆瓦时', '千伏安', '千伏', 'PFlops', 'EFlops', 'P',
].sort((a, b) => b.length - a.length);
const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const BASE_RE_SRC = BASE_UNITS.map(esc).join('|');
/** magnitude + unit, optionally "/unit" ("公里/平方公里", "万元/人·年"). */
export const UNIT_RE_SRC = `(?:[万亿千百十兆]{0,2}(?:${BASE_RE_SRC})(?:\\((?:${BASE_RE_SRC})\\))?(?:\\/[万亿千百十]?(?:${BASE_RE_SRC}|[\\u4e00-\\u9fa5]{1,2})(?:·[\\u4e00-\\u9fa5])?)?|万|亿|\\/10万|\\/万)`;
const UNIT_ONLY_RE = new RegExp(`^(?:${UNIT_RE_SRC})$`);

/** Whether a parenthesized piece of an indicator name is a unit ("%", "万元/人·年", "类"). */
export function looksLikeUnit(s: string): boolean {
  const t = s.trim();
  if (!t || t.length > 10 || /\d/.test(t)) return false;
  return UNIT_ONLY_RE.test(t) || /^[万亿千百]?[\u4e00-\u9fa5]{1,4}\/[\u4e00-\u9fa5·]{1,5}$/.test(t);
}

const ROMAN: Record<string, number> = { Ⅰ: 1, Ⅱ: 2, Ⅲ: 3, Ⅳ: 4, Ⅴ: 5, Ⅵ: 6 };

export interface CellValue {
  value: number | null;
  valueMax: number | null;
  comparator: Comparator;
  kind: 'level' | 'annual_growth' | 'cumulative';
  text: string;
}

/** Whether a table cell holds no figure at all ("", "—", "-", "/"). */
export function isEmptyCell(text: string): boolean {
  return /^[\s—–\-/／、…]*$/.test(text);
}

const CMP_PREFIX: [RegExp, Comparator][] = [
  [/^(?:≤|≦|<=|＜=|不超过|不高于)/, '<='],
  [/^(?:≥|≧|>=|＞=|不低于|不少于)/, '>='],
  [/^(?:<|＜|低于|小于)/, '<'],
  [/^(?:>|＞|高于|大于|超过)/, '>'],
  [/^(?:约|~|～|≈)/, 'approx'],
];

/** A value cell of an indicator table: "11*", "≤【1600】", "<0.019", "1.95:1", "Ⅱ-Ⅳ", "—". */
export function parseCell(raw: string): CellValue {
  const text = raw.trim();
  let s = text.replace(/\s+/g, '');
  let kind: CellValue['kind'] = 'level';
  if (/[*＊]/.test(s)) kind = 'annual_growth';
  else if (/[【[〔].*[】\]〕]/.test(s)) kind = 'cumulative';
  s = s.replace(/[*＊【】[\]〔〕]/g, '');
  let comparator: Comparator = '=';
  for (const [re, c] of CMP_PREFIX) {
    const m = re.exec(s);
    if (m) {
      comparator = c;
      s = s.slice(m[0].length);
      break;
    }
  }
  if (/以上$/.test(s)) comparator = '>=';
  else if (/(?:以下|以内)$/.test(s)) comparator = '<=';
  else if (/左右$/.test(s)) comparator = 'approx';
  const none = { value: null, valueMax: null, comparator, kind, text };
  const ratio = /^(\d+(?:\.\d+)?):1$/.exec(s);
  if (ratio) return { ...none, value: Number(ratio[1]) };
  if (/^\d+(?:\.\d+)?(?::\d+(?:\.\d+)?){2,}$/.test(s)) return none;
  const roman = /^([ⅠⅡⅢⅣⅤⅥ])(?:[-—~～至]([ⅠⅡⅢⅣⅤⅥ]))?类?$/.exec(s);
  if (roman) {
    const a = ROMAN[roman[1]];
    const b = roman[2] ? ROMAN[roman[2]] : null;
    return { ...none, value: a, valueMax: b, comparator: b ? 'range' : comparator };
  }
  const num = /^(-?\d+(?:\.\d+)?)%?(?:[-—~～至](\d+(?:\.\d+)?)%?)?[\u4e00-\u9fa5%]{0,4}$/.exec(s);
  if (!num) return none;
  const value = Number(num[1]);
  const valueMax = num[2] !== undefined ? Number(num[2]) : null;
  return { ...none, value, valueMax, comparator: valueMax !== null ? 'range' : comparator };
}
