// Chinese numerals as used in outline markers ("二十六", "一百零二", "〇").
const DIGIT: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

export function cnToInt(s: string): number | null {
  if (/^\d+$/.test(s)) return Number(s);
  if (!s || !/^[零〇一二两三四五六七八九十百]+$/.test(s)) return null;
  let total = 0;
  let cur = 0;
  for (const c of s) {
    if (c === '百') {
      total += (cur || 1) * 100;
      cur = 0;
    } else if (c === '十') {
      total += (cur || 1) * 10;
      cur = 0;
    } else cur = DIGIT[c];
  }
  return total + cur;
}

const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';
export function circledToInt(c: string): number | null {
  const i = CIRCLED.indexOf(c);
  return i >= 0 ? i + 1 : null;
}

/** "二〇三五" / "2035" → 2035 (digit-by-digit year words). */
export function yearWord(s: string): number | null {
  if (/^\d{4}$/.test(s)) return Number(s);
  if (!/^[零〇一二三四五六七八九]{4}$/.test(s)) return null;
  return Number([...s].map((c) => DIGIT[c]).join(''));
}
