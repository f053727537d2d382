// The original document text, split into paragraphs. Paragraphs are memoised and skipped by the
// browser while off screen (content-visibility), so a 200 KB text stays responsive: a click
// re-renders only the paragraphs whose highlight changed.
import { memo, useEffect, useMemo, useRef, type MouseEvent } from 'react';

export interface Mark {
  start: number;
  end: number;
  /** 'hl' (the item) or 'hl-unit' (a unit mention inside it) */
  cls: 'hl' | 'hl-unit';
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
  cls: string;
}

const Paragraph = memo(
  function Paragraph({ p, marks }: { p: Para; marks: LocalMark[]; markKey: string }) {
    if (!marks.length) return <p className="source-para" data-s={p.start}>{p.text || '\u200b'}</p>;
    // cut the line at every mark boundary; the item mark wraps the whole range, unit marks sit inside it
    const cuts = new Set<number>([0, p.text.length]);
    for (const m of marks) {
      cuts.add(m.s);
      cuts.add(m.e);
    }
    const points = [...cuts].sort((a, b) => a - b);
    const parts = [];
    for (let i = 0; i < points.length - 1; i++) {
      const a = points[i];
      const b = points[i + 1];
      if (a === b) continue;
      const unit = marks.find((m) => m.cls === 'hl-unit' && m.s <= a && m.e >= b);
      const item = marks.find((m) => m.cls === 'hl' && m.s <= a && m.e >= b);
      const chunk = p.text.slice(a, b);
      if (unit) parts.push(<mark key={a} className="hl hl-unit">{chunk}</mark>);
      else if (item) parts.push(<mark key={a} className="hl">{chunk}</mark>);
      else parts.push(chunk);
    }
    return (
      <p className="source-para is-hit" data-s={p.start}>
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
        list.push({ s, e, cls: m.cls });
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
        return <Paragraph key={p.start} p={p} marks={m ?? EMPTY} markKey={m ? m.map((x) => `${x.s}-${x.e}-${x.cls}`).join(';') : ''} />;
      })}
    </div>
  );
}
