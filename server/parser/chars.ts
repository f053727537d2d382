// Character- and line-level shapes read by several stages (normalize, wraps, units). A leaf module: it imports
// nothing, so the stages that share it never import each other in a cycle (test/static/importFlow.test.ts).

/** Starts of outline markers and unit labels: a line starting with one is never a continuation. */
export const MARKER_START =
  /^[ \t]*(第[一二三四五六七八九十百零〇\d]+[章节篇部分条]|[一二三四五六七八九十百]+[、.]|\([一二三四五六七八九十百]+\)|\d{1,3}[.、．](?!\d)|\(\d{1,3}\)|[①-⑳]|——|[-•●■◆▲▶►◇○□★☆▪]|[ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ]{1,3}[、.]?[\u4e00-\u9fff]|[A-H][.、][\u4e00-\u9fff]|表\d|专栏)/;

/** Full-width ASCII forms and odd spaces to ASCII; length-preserving so the map is untouched. */
export function widthFold(text: string): string {
  return text.replace(/[\uff01-\uff5e\u3000\u00a0\u2002\u2003\u2009\u2236\ufe6a]/g, (ch) => {
    const c = ch.charCodeAt(0);
    if (c >= 0xff01 && c <= 0xff5e) return String.fromCharCode(c - 0xfee0);
    if (c === 0x2236) return ':'; // ∶ ratio colon
    if (c === 0xfe6a) return '%'; // ﹪
    return ' ';
  });
}

/** A pinyin note after a character in a mirror ("鎮(zhèn)"), in either width of bracket; group 1 is the syllable. */
export const PINYIN_NOTE = /[(（]([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüê]{1,7})[)）]/g;
