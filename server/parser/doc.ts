// Builds a NormalizedDoc from normalized text plus its offset map.
import type { Line, NormalizedDoc } from './types.js';

export function makeDoc(original: string, text: string, map: Int32Array): NormalizedDoc {
  if (map.length !== text.length + 1) throw new Error(`offset map length ${map.length} != ${text.length + 1}`);
  const lines: Line[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || text.charCodeAt(i) === 10) {
      lines.push({ start, end: i, text: text.slice(start, i) });
      start = i + 1;
    }
  }
  return {
    original,
    text,
    map,
    lines,
    toSource(nStart: number, nEnd: number) {
      const s = Math.max(0, Math.min(nStart, text.length));
      const e = Math.max(s, Math.min(nEnd, text.length));
      const start = map[s];
      // the end maps to just after the last included character, so deletions after it are not swallowed
      const end = e > s ? map[e - 1] + 1 : start;
      return { start, end: Math.max(start, Math.min(end, original.length)) };
    },
  };
}

/** A document whose normalized text is the original (for stage tests). */
export function identityDoc(text: string): NormalizedDoc {
  const map = new Int32Array(text.length + 1);
  for (let i = 0; i <= text.length; i++) map[i] = i;
  return makeDoc(text, text, map);
}
