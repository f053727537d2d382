// A small line per indicator: baseline → target, with reported values in between.
import { useEffect, useRef } from 'react';
import type { Indicator } from '../api';
import { echarts } from './echarts';
import { indicatorSeries } from './indicatorSeries';
import { tooltipLines } from '../chartTooltip';

export function IndicatorSpark({ indicator }: { indicator: Indicator }) {
  const el = useRef<HTMLDivElement>(null);
  const points = indicatorSeries(indicator);
  useEffect(() => {
    if (!el.current || !points) return;
    const chart = echarts.init(el.current, undefined, { renderer: 'svg' });
    const down = indicator.direction === 'down';
    chart.setOption({
      animation: false,
      grid: { left: 4, right: 4, top: 8, bottom: 4 },
      xAxis: { type: 'category', show: false, data: points.map((p) => `${p.year}年`), boundaryGap: false },
      yAxis: { type: 'value', show: false, scale: points.some((p) => p.value < 0) },
      tooltip: { trigger: 'item', confine: true, formatter: (p: { dataIndex: number }) => tooltipLines([points[p.dataIndex]?.label ?? '']) },
      series: [
        {
          type: 'line',
          data: points.map((p) => p.value),
          symbolSize: 6,
          lineStyle: { width: 2, color: down ? '#389e0d' : '#b4232a', type: points.length === 2 ? 'dashed' : 'solid' },
          itemStyle: { color: down ? '#389e0d' : '#b4232a' },
        },
      ],
    });
    return () => chart.dispose();
  }, [indicator, points?.length]); // eslint-disable-line react-hooks/exhaustive-deps
  if (!points) return <span className="muted" style={{ fontSize: 12 }}>无可比数值</span>;
  return <div ref={el} className="spark" role="img" aria-label={points.map((p) => p.label).join(';')} />;
}
