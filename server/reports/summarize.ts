// Counts that the evaluation reports print: indicator classes and task status per chapter or unit.
import { evaluationOrder } from './labels.js';
import type { ClassifiedEvaluation, IndicatorRow, TaskCountRow, TaskLedgerRow } from '../../shared/reportDocs.js';

export type EvaluationCounts = Record<ClassifiedEvaluation, number> & { none: number; total: number };

export function countEvaluations(rows: Pick<IndicatorRow, 'evaluation'>[]): EvaluationCounts {
  const counts = Object.fromEntries(evaluationOrder.map((e) => [e, 0])) as EvaluationCounts;
  counts.none = 0;
  counts.total = rows.length;
  for (const r of rows) {
    if (r.evaluation && r.evaluation !== 'no_data') counts[r.evaluation] += 1;
    else counts.none += 1;
  }
  return counts;
}

function emptyCount(name: string): TaskCountRow {
  return { name, total: 0, completed: 0, onTrack: 0, behind: 0, notReported: 0, notStarted: 0 };
}

function add(row: TaskCountRow, status: TaskLedgerRow['status'], color?: string | null): void {
  row.total += 1;
  // a report waiting for review counts where its colour puts it (shared/statusWords.ts: judged on its figures)
  if (status === 'awaiting_review') status = color === 'blue' ? 'completed' : color === 'green' ? 'on_track' : color === 'grey' ? 'not_reported' : 'behind';
  if (status === 'completed') row.completed += 1;
  else if (status === 'on_track') row.onTrack += 1;
  else if (status === 'not_reported') row.notReported += 1;
  else if (status === 'not_started' || status === 'nothing_due') row.notStarted += 1; // nothing owed yet
  else row.behind += 1; // behind, seriously_behind, overdue, blocked
}

/**
 * Per chapter in first-seen order, and per lead unit (a task led jointly counts for
 * each of its lead units, so unit rows may add up to more than the task total).
 */
export function summarizeTasks(tasks: (Pick<TaskLedgerRow, 'chapter' | 'lead' | 'status'> & { color?: string | null })[]): {
  byChapter: TaskCountRow[];
  byUnit: TaskCountRow[];
} {
  const chapters = new Map<string, TaskCountRow>();
  const units = new Map<string, TaskCountRow>();
  for (const t of tasks) {
    const ch = t.chapter ?? '未分章节';
    if (!chapters.has(ch)) chapters.set(ch, emptyCount(ch));
    add(chapters.get(ch)!, t.status, t.color);
    for (const u of new Set(t.lead)) {
      if (!units.has(u)) units.set(u, emptyCount(u));
      add(units.get(u)!, t.status, t.color);
    }
  }
  const byUnit = [...units.values()].sort((a, b) => b.total - a.total || a.name.localeCompare(b.name, 'zh'));
  return { byChapter: [...chapters.values()], byUnit };
}

export function sumCounts(rows: TaskCountRow[]): TaskCountRow {
  const total = emptyCount('合计');
  for (const r of rows) {
    total.total += r.total;
    total.completed += r.completed;
    total.onTrack += r.onTrack;
    total.behind += r.behind;
    total.notReported += r.notReported;
    total.notStarted += r.notStarted;
  }
  return total;
}

export function percent(part: number, whole: number): string {
  return whole ? `${((part / whole) * 100).toFixed(1)}%` : '—';
}
