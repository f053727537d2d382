// The original document text, split into paragraphs. Paragraphs are memoised and skipped by the
// browser while off screen (content-visibility), so a 200 KB text stays responsive: a click
// re-renders only the paragraphs whose highlight changed.
import { memo, useEffect, useMemo, useRef, type MouseEvent } from 'react';

/**
 * 'hl' (the selected item) or 'hl-unit' (a unit mention inside it); the 'src-*' classes mark every item of a
 * kind in the plan's original (clickable, drawn lighter). Where marks overlap, hl-unit wins over hl, hl over
 * the rest, and among those the narrowest span (a target inside a task's sentence) shows.
 */
export type MarkClass = 'hl' | 'hl-unit' | 'src-task' | 'src-indicator' | 'src-target' | 'src-project';

export interface Mark {
  start: number;
  end: number;
  cls: MarkClass;
}

interface Para {
  start: number;
  text: string;
}

export function splitParagraphs(text: string): Para[] {
  const out: Para[] = [];
  let pos = 0;
  for (const line of text.split('\n')) {
    out.push({ start: pos, text: line });
    pos += line.length + 1;
  }
  return out;
}

interface LocalMark {
  s: number;
  e: number;
  cls: MarkClass;
  /** length of the whole mark (across paragraphs): the narrower one shows on top */
  len: number;
}

const rank = (c: MarkClass) => (c === 'hl-unit' ? 2 : c === 'hl' ? 1 : 0);
const markClassName = (c: MarkClass) => (c === 'hl-unit' ? 'hl hl-unit' : c === 'hl' ? 'hl' : `src ${c}`);

function topMark(marks: LocalMark[], a: number, b: number): LocalMark | null {
  let best: LocalMark | null = null;
  for (const m of marks) {
    if (m.s > a || m.e < b) continue;
    if (!best || rank(m.cls) > rank(best.cls) || (rank(m.cls) === rank(best.cls) && m.len < best.len)) best = m;
  }
  return best;
}

/** Word bookmark tags left by converters: the parser drops them (normalize.ts), so the reader does not see them
 * either. They stay in the DOM, hidden, so offsets computed from a click still index the stored text. */
const NOISE = /\[bookmark: [^\]\n]*\]/g;

function noiseRanges(text: string): [number, number][] {
  if (!text.includes('[bookmark:')) return [];
  return [...text.matchAll(NOISE)].map((m) => [m.index, m.index + m[0].length]);
}

const Paragraph = memo(
  function Paragraph({ p, marks }: { p: Para; marks: LocalMark[]; markKey: string }) {
    const noise = noiseRanges(p.text);
    if (!marks.length && !noise.length) return <p className="source-para" data-s={p.start}>{p.text || '\u200b'}</p>;
    // cut the line at every mark boundary; each piece shows the mark on top there (unit > item > the rest)
    const cuts = new Set<number>([0, p.text.length]);
    for (const m of marks) {
      cuts.add(m.s);
      cuts.add(m.e);
    }
    for (const [a, b] of noise) {
      cuts.add(a);
      cuts.add(b);
    }
    const points = [...cuts].sort((a, b) => a - b);
    const parts = [];
    for (let i = 0; i < points.length - 1; i++) {
      const a = points[i];
      const b = points[i + 1];
      if (a === b) continue;
      const chunk = p.text.slice(a, b);
      if (noise.some(([s, e]) => s <= a && e >= b)) {
        parts.push(<span key={a} hidden>{chunk}</span>);
        continue;
      }
      const top = topMark(marks, a, b);
      parts.push(top ? <mark key={a} className={markClassName(top.cls)}>{chunk}</mark> : chunk);
    }
    // a paragraph with the selection is always laid out, so scrolling to it lands exactly
    const hit = marks.some((m) => m.cls === 'hl' || m.cls === 'hl-unit');
    return (
      <p className={hit ? 'source-para is-hit' : 'source-para'} data-s={p.start}>
        {parts}
      </p>
    );
  },
  (a, b) => a.p === b.p && a.markKey === b.markKey,
);

const EMPTY: LocalMark[] = [];

/** Binary search: index of the paragraph that contains `offset`. */
function paraAt(paras: Para[], offset: number): number {
  let lo = 0;
  let hi = paras.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (paras[mid].start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export interface SourceTextProps {
  text: string;
  marks: Mark[];
  /** changes whenever the view should scroll to the first item mark */
  scrollToken?: number;
  onPick?: (offset: number) => void;
  onSelectRange?: (range: { start: number; end: number } | null) => void;
  label?: string;
}

/** Offset in the whole text of a DOM position inside a paragraph. */
function offsetOf(node: Node, nodeOffset: number): number | null {
  const el = (node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement)?.closest('[data-s]') as HTMLElement | null;
  if (!el) return null;
  const r = document.createRange();
  r.setStart(el, 0);
  r.setEnd(node, nodeOffset);
  return Number(el.dataset.s) + r.toString().replace(/\u200b/g, '').length;
}

export function SourceText({ text, marks, scrollToken, onPick, onSelectRange, label = '原文' }: SourceTextProps) {
  const paras = useMemo(() => splitParagraphs(text), [text]);
  const box = useRef<HTMLDivElement>(null);

  // paragraph index → its local marks (only for paragraphs that have any)
  const local = useMemo(() => {
    const map = new Map<number, LocalMark[]>();
    for (const m of marks) {
      if (m.end <= m.start) continue;
      const first = paraAt(paras, m.start);
      const last = paraAt(paras, Math.max(m.start, m.end - 1));
      for (let i = first; i <= last; i++) {
        const p = paras[i];
        const s = Math.max(0, m.start - p.start);
        const e = Math.min(p.text.length, m.end - p.start);
        if (e <= s) continue;
        const list = map.get(i) ?? [];
        list.push({ s, e, cls: m.cls, len: m.end - m.start });
        map.set(i, list);
      }
    }
    return map;
  }, [marks, paras]);

  useEffect(() => {
    if (scrollToken === undefined) return;
    const el = box.current?.querySelector('mark.hl:not(.hl-unit)') ?? box.current?.querySelector('mark.hl');
    if (el) (el as HTMLElement).scrollIntoView({ block: 'center', behavior: 'auto' });
  }, [scrollToken]);

  const onMouseUp = (e: MouseEvent) => {
    if (e.button !== 0) return;
    const sel = window.getSelection();
    if (!sel || !sel.anchorNode || !box.current?.contains(sel.anchorNode)) return;
    if (sel.isCollapsed) {
      const off = offsetOf(sel.anchorNode, sel.anchorOffset);
      onSelectRange?.(null);
      if (off !== null) onPick?.(off);
      return;
    }
    const range = sel.getRangeAt(0);
    const a = offsetOf(range.startContainer, range.startOffset);
    const b = offsetOf(range.endContainer, range.endOffset);
    if (a !== null && b !== null && b > a) onSelectRange?.({ start: a, end: b });
  };

  return (
    <div ref={box} className="source-pane" tabIndex={0} role="document" aria-label={label} onMouseUp={onMouseUp}>
      {paras.map((p, i) => {
        const m = local.get(i);
        return <Paragraph key={p.start} p={p} marks={m ?? EMPTY} markKey={m ? m.map((x) => `${x.s}-${x.e}-${x.cls}-${x.len}`).join(';') : ''} />;
      })}
    </div>
  );
}
