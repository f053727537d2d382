// Task completion tables of an evaluation report, by chapter and by lead unit.
import type { FileChild } from 'docx';
import type { TaskCountRow } from '../../../shared/reportDocs.js';
import { percent, sumCounts } from '../summarize.js';
import { officialTable, tableCaption, type CellSpec } from './table.js';

export function taskSentence(rows: TaskCountRow[]): string {
  const t = sumCounts(rows);
  if (!t.total) return '本期暂无纳入监测的重点任务。';
  const parts = [`已完成${t.completed}项`, `正常推进${t.onTrack}项`, `滞后${t.behind}项`];
  if (t.notReported) parts.push(`未报送${t.notReported}项`);
  if (t.notStarted) parts.push(`未开始${t.notStarted}项`);
  return `纳入监测的${t.total}项重点任务中，${parts.join('、')}，完成率${percent(t.completed, t.total)}。`;
}

/** No total row for units: a jointly led task counts once for each lead unit. */
export function taskCountTable(rows: TaskCountRow[], nameHeader: string, caption: string, withTotal = true): FileChild[] {
  const headers = ['序号', nameHeader, '任务数', '已完成', '正常推进', '滞后', '未报送', '未开始', '完成率'];
  const line = (r: TaskCountRow, seq: string, bold = false): CellSpec[] => [
    { text: seq, align: 'center', bold },
    { text: r.name, bold },
    ...[r.total, r.completed, r.onTrack, r.behind, r.notReported, r.notStarted].map((n) => ({ text: String(n), align: 'center' as const, bold })),
    { text: percent(r.completed, r.total), align: 'center', bold },
  ];
  const body = rows.map((r, i) => line(r, String(i + 1)));
  if (withTotal && rows.length > 1) body.push(line(sumCounts(rows), '', true));
  return [tableCaption(caption), officialTable(headers, body, [10, 44, 14, 14, 17, 14, 14, 14, 15] /* mm */)];
}
