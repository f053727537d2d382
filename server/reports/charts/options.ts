// Chart options for the evaluation reports. Plain ECharts options, no interactivity:
// they end up as images in a printed document.
import type { EChartsCoreOption } from 'echarts';
import { evaluationColours, evaluationLabels, evaluationOrder } from '../labels.js';
import type { ClassifiedEvaluation, TaskCountRow } from '../../../shared/reportDocs.js';

export function indicatorEvaluationChart(counts: Record<ClassifiedEvaluation, number>): EChartsCoreOption {
  return {
    title: { text: '主要指标评价分类', left: 'center', textStyle: { fontSize: 16 } },
    grid: { left: 60, right: 30, top: 70, bottom: 40 },
    xAxis: { type: 'category', data: evaluationOrder.map((e) => evaluationLabels[e]) },
    yAxis: { type: 'value', name: '项', minInterval: 1 },
    series: [
      {
        type: 'bar',
        barWidth: '45%',
        label: { show: true, position: 'top' },
        data: evaluationOrder.map((e) => ({ value: counts[e], itemStyle: { color: `#${evaluationColours[e]}` } })),
      },
    ],
  };
}

const stackParts = [
  ['completed', '已完成', '#4472C4'],
  ['onTrack', '正常推进', '#70AD47'],
  ['behind', '滞后', '#E06666'],
  ['notReported', '未报送', '#BFBFBF'],
  ['notStarted', '未开始', '#E7E6E6'],
] as const;

/** Horizontal stacked bars, one per chapter; long chapter names are cut so the plot keeps its width. */
export function taskProgressChart(rows: TaskCountRow[]): EChartsCoreOption {
  const names = rows.map((r) => (r.name.length > 12 ? `${r.name.slice(0, 12)}…` : r.name));
  return {
    title: { text: '重点任务推进情况（按章节）', left: 'center', textStyle: { fontSize: 16 } },
    legend: { bottom: 0 },
    grid: { left: 170, right: 40, top: 40, bottom: 70 },
    yAxis: { type: 'category', data: names, inverse: true },
    xAxis: { type: 'value', name: '项', minInterval: 1 },
    series: stackParts.map(([field, name, color]) => ({
      name,
      type: 'bar',
      stack: 'tasks',
      itemStyle: { color },
      label: { show: true, formatter: (p: { value: number }) => (p.value ? String(p.value) : '') },
      data: rows.map((r) => r[field]),
    })),
  };
}

export function taskChartHeight(rowCount: number): number {
  return Math.max(220, 120 + rowCount * 28);
}
