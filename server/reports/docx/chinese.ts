// Chinese numbering and dates as official documents write them.

const digits = '零一二三四五六七八九';

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 35 → 三十五 (headings never run past 99). */
export function chineseNumber(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) return String(n);
  if (n < 10) return digits[n];
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : digits[tens]}十${ones ? digits[ones] : ''}`;
}

/** GB/T 9704-2012 writes 成文日期 in Arabic numerals: 2026年11月22日 (no leading zeros). */
export function chineseDate(iso: string): string {
  const [y, m, d] = iso.split('-').map((p) => Number(p));
  return d ? `${y}年${m}月${d}日` : `${y}年${m}月`;
}

/** Width in full-width characters: ASCII letters and digits take half a character. */
export function charWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += ch.charCodeAt(0) < 0x7f ? 0.5 : 1;
  return w;
}

/** Second-level heading marker: （一）, full-width brackets as in print. */
export const parenNumber = (n: number): string => `\uFF08${chineseNumber(n)}\uFF09`;
