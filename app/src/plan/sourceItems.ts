// The items of a saved plan that point into its original document, keyed "task-12", "indicator-3", …
// One list serves the marks in the 原文 tab, finding the item under a click, and the 定位 search.
import type { PlanDetail, Task } from '../../../shared/api';
import type { Indicator, Project, Target } from '../api';
import type { Mark, MarkClass } from '../components/SourceText';

export type SourceKind = 'task' | 'indicator' | 'target' | 'project';
export const SOURCE_KINDS: SourceKind[] = ['task', 'indicator', 'target', 'project'];
export const sourceKindLabels: Record<SourceKind, string> = { task: '任务', indicator: '指标', target: '目标', project: '项目' };

export interface SourceItem {
  key: string;
  kind: SourceKind | 'outline';
  id: number;
  label: string;
  start: number;
  end: number;
}

type Outline = PlanDetail['outline'];

export function sourceItems(tasks: Task[], indicators: Indicator[], targets: Target[], projects: Project[], outline: Outline): SourceItem[] {
  const out: SourceItem[] = [];
  const add = (kind: SourceItem['kind'], id: number, label: string, s: { start: number; end: number } | null) => {
    if (s && s.end > s.start) out.push({ key: `${kind}-${id}`, kind, id, label, start: s.start, end: s.end });
  };
  for (const t of tasks) add('task', t.id, t.title, t.source);
  for (const x of indicators) add('indicator', x.id, x.name, x.source);
  for (const x of targets) add('target', x.id, x.subject, x.source);
  for (const x of projects) add('project', x.id, x.name, x.source);
  for (const n of outline) add('outline', n.id, `${n.marker}${n.title}`, n.source);
  return out.sort((a, b) => a.start - b.start || b.end - a.end);
}

export function parseItemKey(key: string | null | undefined): { kind: SourceItem['kind']; id: number } | null {
  const m = /^(task|indicator|target|project|outline)-(\d+)$/.exec(key ?? '');
  return m ? { kind: m[1] as SourceItem['kind'], id: Number(m[2]) } : null;
}

/** The marks of every shown kind, plus the selected item on top. */
export function sourceMarks(items: SourceItem[], shown: Set<SourceKind>, selected: string | null): Mark[] {
  const marks: Mark[] = [];
  for (const it of items) {
    if (it.kind !== 'outline' && shown.has(it.kind)) marks.push({ start: it.start, end: it.end, cls: `src-${it.kind}` as MarkClass });
  }
  const sel = selected ? items.find((it) => it.key === selected) : undefined;
  if (sel) marks.push({ start: sel.start, end: sel.end, cls: 'hl' });
  return marks;
}

/** The item under a click: the narrowest shown span that contains the offset. */
export function itemAt(items: SourceItem[], shown: Set<SourceKind>, offset: number): SourceItem | null {
  let best: SourceItem | null = null;
  for (const it of items) {
    if (it.start > offset) break; // sorted by start
    if (it.kind === 'outline' || !shown.has(it.kind) || offset >= it.end) continue;
    if (!best || it.end - it.start < best.end - best.start) best = it;
  }
  return best;
}
