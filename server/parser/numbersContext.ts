// Where a line sits: its outline node (deepest node starting at or before it) and that node's ancestors.
import type { OutlineNode } from '../../shared/parsedPlan.js';
import type { NormalizedDoc } from './types.js';
import { t2s } from './normalize.js';
import { PINYIN_NOTE } from './chars.js';

export interface OutlineIndex {
  /** the node a normalized offset falls under, or null before the first heading */
  nodeAt(nOffset: number): OutlineNode | null;
  /** the node and its ancestors, innermost first */
  chain(node: OutlineNode | null): OutlineNode[];
}

export function indexOutline(doc: NormalizedDoc, outline: OutlineNode[]): OutlineIndex {
  const nodes = [...outline].sort((a, b) => a.source.start - b.source.start);
  const starts = nodes.map((n) => n.source.start);
  const byId = new Map(outline.map((n) => [n.id, n]));
  return {
    nodeAt(nOffset) {
      const orig = doc.map[Math.max(0, Math.min(nOffset, doc.text.length))];
      let lo = 0;
      let hi = starts.length - 1;
      let found = -1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if (starts[mid] <= orig) {
          found = mid;
          lo = mid + 1;
        } else hi = mid - 1;
      }
      return found < 0 ? null : nodes[found];
    },
    chain(node) {
      const out: OutlineNode[] = [];
      for (let n = node; n && out.length < 20; n = n.parentId ? (byId.get(n.parentId) ?? null) : null) out.push(n);
      return out;
    },
  };
}

/**
 * The "十X五" plan a document names most (ties: the later one): the plan it is about; earlier ones are
 * history. A single mention ("“十五五”末,…") says when one target is due, not what the document is.
 */
export function currentPlanNumber(text: string): number | null {
  const count = new Map<number, number>();
  for (const m of text.matchAll(/十([一二三四五六七八九])(?:五|个五年)/g)) {
    const plan = 11 + '一二三四五六七八九'.indexOf(m[1]);
    count.set(plan, (count.get(plan) ?? 0) + 1);
  }
  let best: number | null = null;
  for (const [plan, n] of count) if (best === null || n > count.get(best)! || (n === count.get(best)! && plan > best)) best = plan;
  return best !== null && count.get(best)! >= 2 ? best : null;
}

// a reading aid in the stored page: "萬(wàn)個(gè)"

/** a unit in the script the page is written in: "萬個" on a traditional page (read as "万个"); `unit` spans normalized [nStart, nEnd) */
export function unitAsWritten(doc: NormalizedDoc, nStart: number, nEnd: number, unit: string): string {
  if (!/[\u4e00-\u9fa5]/.test(unit) || doc.text.length === 0) return unit;
  const src = doc.toSource(nStart, nEnd);
  const orig = doc.original.slice(src.start, src.end).replace(PINYIN_NOTE, '');
  // the same measure in the other script, not a figure read from words ("翻一番" → "2倍")
  return orig !== unit && orig.length === unit.length && t2s(orig) === unit ? orig : unit;
}

/**
 * A measure read from a header or a 单位 cell, given without its place: in a page written in traditional
 * characters, the spelling of its first occurrence in the page ("万亩" → "萬畝").
 */
// (every target of a table asks for its measure: each measure is looked up in the page once)
const writtenIn = new WeakMap<NormalizedDoc, Map<string, string>>();
export function unitWrittenInDoc(doc: NormalizedDoc, unit: string | null): string | null {
  if (!unit || !/[\u4e00-\u9fa5]/.test(unit) || doc.text === doc.original) return unit;
  let seen = writtenIn.get(doc);
  if (!seen) writtenIn.set(doc, (seen = new Map()));
  let got = seen.get(unit);
  if (got === undefined) {
    const at = doc.text.indexOf(unit);
    got = at < 0 ? unit : unitAsWritten(doc, at, at + unit.length, unit);
    seen.set(unit, got);
  }
  return got;
}
