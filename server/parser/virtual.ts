// Virtual text: a string the stages read that is not one contiguous stretch of the normalized
// text — a table cell wrapped over several rows ("…增长15⏎%以上" joined back), or a figure written
// in Chinese numerals and read as digits ("百分之九十五" → "95%"). Every character keeps the
// normalized offset it came from, so sources and quotes still point at the published wording.
import type { NormalizedDoc } from './types.js';

export interface VText {
  text: string;
  /** pos[i] = normalized offset of char i; pos[text.length] = just past the last char */
  pos: Int32Array;
  /** brk[i] = 1 when char i starts a new fragment (not contiguous with char i-1) */
  brk: Uint8Array;
}

export interface Frag {
  text: string;
  start: number; // normalized
}

export function fragsV(frags: Frag[]): VText {
  const text = frags.map((f) => f.text).join('');
  const pos = new Int32Array(text.length + 1);
  const brk = new Uint8Array(text.length);
  let i = 0;
  for (const f of frags) {
    for (let k = 0; k < f.text.length; k++) {
      pos[i] = f.start + k;
      if (k === 0 && i > 0) brk[i] = 1;
      i++;
    }
  }
  const last = frags.length ? frags[frags.length - 1] : null;
  pos[text.length] = last ? last.start + last.text.length : 0;
  return { text, pos, brk };
}

export function lineV(text: string, start: number): VText {
  return fragsV([{ text, start }]);
}

export interface VEdit {
  start: number;
  end: number;
  text: string;
}

/** Replaces non-overlapping spans; replacement chars spread over the replaced span, the last one maps to its last char. */
export function rewriteV(v: VText, edits: VEdit[]): VText {
  if (!edits.length) return v;
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  const parts: string[] = [];
  const pos: number[] = [];
  const brk: number[] = [];
  let at = 0;
  const copy = (from: number, to: number) => {
    parts.push(v.text.slice(from, to));
    for (let i = from; i < to; i++) {
      pos.push(v.pos[i]);
      brk.push(v.brk[i]);
    }
  };
  for (const e of sorted) {
    if (e.start < at || e.end <= e.start || !e.text) continue;
    copy(at, e.start);
    const a = v.pos[e.start];
    const b = v.pos[e.end - 1];
    const n = e.text.length;
    parts.push(e.text);
    for (let k = 0; k < n; k++) {
      pos.push(k === n - 1 ? b : Math.min(b, a + Math.floor((k * (b - a + 1)) / n)));
      brk.push(k === 0 ? v.brk[e.start] : 0);
    }
    at = e.end;
  }
  copy(at, v.text.length);
  pos.push(v.pos[v.text.length]);
  return { text: parts.join(''), pos: Int32Array.from(pos), brk: Uint8Array.from(brk) };
}

/** normalized [start, end) of the virtual span [s, e) */
export function spanV(v: VText, s: number, e: number): { start: number; end: number } {
  const start = v.pos[Math.min(s, v.text.length)];
  return { start, end: e > s ? v.pos[e - 1] + 1 : start };
}

/** The wording behind a virtual span: the normalized text of each fragment it touches, joined. */
export function quoteV(doc: NormalizedDoc, v: VText, s: number, e: number): string {
  if (e <= s) return '';
  const out: string[] = [];
  let runStart = v.pos[s];
  for (let i = s + 1; i < e; i++) {
    if (v.brk[i]) {
      out.push(doc.text.slice(runStart, v.pos[i - 1] + 1));
      runStart = v.pos[i];
    }
  }
  out.push(doc.text.slice(runStart, v.pos[e - 1] + 1));
  return out.join('');
}
