// Offset-preserving text rewriting: every pass maps its output back to the
// original through the previous map, so sources survive any number of passes.

export interface Edit {
  start: number;
  end: number;
  text: string;
}

export interface Mapped {
  text: string;
  /** map[i] = original offset of char i; map[text.length] = original length */
  map: Int32Array;
}

// 0, 1, 2, …: copied, not counted out, for each document (counting runs once per parse, too few times to be optimised)
let ramp = new Int32Array(0);
export function identity(text: string): Mapped {
  if (ramp.length < text.length + 1) {
    ramp = new Int32Array(Math.max(text.length + 1, ramp.length * 2));
    for (let i = 0; i < ramp.length; i++) ramp[i] = i;
  }
  return { text, map: ramp.slice(0, text.length + 1) };
}

/** Applies non-overlapping edits (any order). Replacement chars of equal length map 1:1. */
export function applyEdits(src: Mapped, edits: Edit[]): Mapped {
  if (edits.length === 0) return src;
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  // keep the non-overlapping ones (the earlier wins) and size the output once: this runs on every character
  const kept: Edit[] = [];
  let pos = 0;
  let length = src.text.length;
  for (const e of sorted) {
    if (e.start < pos) continue;
    kept.push(e);
    length += e.text.length - (e.end - e.start);
    pos = e.end;
  }
  const parts: string[] = [];
  // replacements of the same length map 1:1, so the map is the one in hand (maps are never written after they are
  // made); a fresh map per pass is most of a pass's cost on a long document
  if (length === src.text.length && kept.every((e) => e.text.length === e.end - e.start)) {
    pos = 0;
    for (const e of kept) {
      parts.push(src.text.slice(pos, e.start), e.text);
      pos = e.end;
    }
    parts.push(src.text.slice(pos));
    return { text: parts.join(''), map: src.map };
  }
  const out = new Int32Array(length + 1);
  let o = 0;
  pos = 0;
  const copy = (from: number, to: number) => {
    if (to <= from) return;
    parts.push(src.text.slice(from, to));
    out.set(src.map.subarray(from, to), o);
    o += to - from;
  };
  for (const e of kept) {
    copy(pos, e.start);
    const span = e.end - e.start;
    parts.push(e.text);
    for (let k = 0; k < e.text.length; k++) {
      // same length: 1:1; otherwise spread over the replaced span, insertions take the next char's offset
      const j = span === 0 ? e.start : e.start + Math.min(k, span - 1);
      out[o++] = src.map[j];
    }
    pos = e.end;
  }
  copy(pos, src.text.length);
  out[o] = src.map[src.text.length];
  return { text: parts.join(''), map: out };
}

/** Edits for every match of a global regex; `fn` returns the replacement or null to leave it. */
export function regexEdits(text: string, re: RegExp, fn: (m: RegExpExecArray) => string | null): Edit[] {
  const edits: Edit[] = [];
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    const r = fn(m);
    if (r !== null && r !== m[0]) edits.push({ start: m.index, end: m.index + m[0].length, text: r });
  }
  return edits;
}
