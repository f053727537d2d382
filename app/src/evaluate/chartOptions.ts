// Chart options built from API data: status counts by chapter or unit, indicator trajectories, reporting rates.
import type { EChartsCoreOption } from 'echarts/core';
import { lightHex, lightLabels, lightMeaning } from '../run/runLabels';
import { axisTooltip } from '../chartTooltip';
import type { IndicatorDashboard, StatusDashboard } from '../../../shared/evaluation';

/** a row's tasks by colour, as the status dashboard (and the public plan page) counts them */
type Counts = StatusDashboard['byChapter'][number]['counts'];
const order: (keyof Counts)[] = ['blue', 'green', 'yellow', 'red', 'grey'];
// series named by what each colour means (shared/statusWords.ts), as the table and the public page say it
const words: Record<string, string> = lightMeaning;

const short = (s: string, n = 12) => (s.length > n ? s.slice(0, n) + '…' : s);

/** Horizontal stacked bars: one row per chapter or unit, one segment per colour. */
export function statusBars(rows: { name: string; counts: Counts }[]): EChartsCoreOption {
  const names = rows.map((r) => r.name).reverse();
  return {
    // the tooltip names the row in full (the axis shortens it)
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, formatter: axisTooltip({ header: (p) => names[p.dataIndex] ?? '' }) },
    legend: { top: 0, itemWidth: 14, itemHeight: 10, data: order.map((c) => words[c]) },
    grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: names.map((n) => short(n)), axisLabel: { fontSize: 11 } },
    series: order.map((c) => ({
      name: words[c],
      type: 'bar',
      stack: 'all',
      itemStyle: { color: lightHex[c] },
      data: rows.map((r) => r.counts[c]).reverse(),
    })),
  };
}

export function trajectory(points: IndicatorDashboard['items'][number]['points'], unit: string | null): EChartsCoreOption {
  return {
    tooltip: { trigger: 'axis', formatter: axisTooltip({ value: (v) => (v === null || v === undefined ? '—' : `${v}${unit ?? ''}`) }) },
    legend: { top: 0, data: ['应达值', '实际值'] },
    grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: points.map((p) => `${p.year}年`), boundaryGap: false },
    yAxis: { type: 'value', scale: true, name: unit ?? '' },
    series: [
      { name: '应达值', type: 'line', data: points.map((p) => p.expected), lineStyle: { type: 'dashed', color: '#8c8c8c' }, itemStyle: { color: '#8c8c8c' }, connectNulls: true },
      { name: '实际值', type: 'line', data: points.map((p) => p.actual), lineStyle: { color: '#b4232a', width: 2 }, itemStyle: { color: '#b4232a' }, connectNulls: true },
    ],
  };
}

export function reportingRates(periods: { label: string; rate: number | null; onTimeRate: number | null }[]): EChartsCoreOption {
  const pct = (x: number | null) => x; // already in percent
  return {
    tooltip: { trigger: 'axis', formatter: axisTooltip({ value: (v) => (v === null || v === undefined ? '—' : `${v}%`) }) },
    legend: { top: 0, data: ['报送率', '按时报送率'] },
    grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: periods.map((p) => p.label.replace(/^\d{4}年/, '')) },
    yAxis: { type: 'value', min: 0, max: 100, name: '%' },
    series: [
      { name: '报送率', type: 'bar', data: periods.map((p) => pct(p.rate)), itemStyle: { color: '#1677ff' } },
      { name: '按时报送率', type: 'line', data: periods.map((p) => pct(p.onTimeRate)), itemStyle: { color: '#b4232a' } },
    ],
  };
}

export { lightLabels };
