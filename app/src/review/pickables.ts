// Everything in a parsed plan that points at the original text, to go from a click in the text to an item.
import type { ParsedPlan } from '../../../shared/parsedPlan';

export type ItemType = 'task' | 'indicator' | 'target' | 'project' | 'warning' | 'unit';

export interface Selection {
  type: ItemType;
  /** task id, project id, or the index in its list; for units the task id and role/index */
  key: string;
}

export interface Pickable extends Selection {
  start: number;
  end: number;
}

export function pickables(p: ParsedPlan): Pickable[] {
  const out: Pickable[] = [];
  for (const t of p.tasks) {
    out.push({ type: 'task', key: t.id, start: t.source.start, end: t.source.end });
    for (const role of ['lead', 'responsible', 'cooperating'] as const)
      t[role].forEach((u, i) => {
        if (u.source) out.push({ type: 'unit', key: `${t.id}|${role}|${i}`, start: u.source.start, end: u.source.end });
      });
  }
  p.indicators.forEach((x, i) => out.push({ type: 'indicator', key: String(i), start: x.source.start, end: x.source.end }));
  p.targets.forEach((x, i) => out.push({ type: 'target', key: String(i), start: x.source.start, end: x.source.end }));
  for (const x of p.projects) out.push({ type: 'project', key: x.id, start: x.source.start, end: x.source.end });
  p.warnings.forEach((w, i) => {
    if (w.source) out.push({ type: 'warning', key: String(i), start: w.source.start, end: w.source.end });
  });
  return out;
}

/**
 * The item at `offset`: the smallest range containing it, preferring the type of the open tab.
 * A unit mention counts as its task unless the units tab is open.
 */
export function pickAt(items: Pickable[], offset: number, prefer: ItemType | null): Selection | null {
  const hits = items.filter((x) => x.start <= offset && offset < Math.max(x.end, x.start + 1));
  if (!hits.length) return null;
  const smallest = (list: Pickable[]) => list.reduce((a, b) => (b.end - b.start < a.end - a.start ? b : a));
  const preferred = prefer ? hits.filter((h) => h.type === prefer) : [];
  if (preferred.length) return smallest(preferred);
  const nonWarning = hits.filter((h) => h.type !== 'warning' && h.type !== 'unit');
  if (nonWarning.length) return smallest(nonWarning);
  const unit = hits.find((h) => h.type === 'unit');
  if (unit) return { type: 'task', key: unit.key.split('|')[0] };
  return smallest(hits);
}
