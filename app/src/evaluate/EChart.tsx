// One ECharts chart in a box, resized with the window; `label` is read out for screen readers.
import { useEffect, useRef } from 'react';
import type { EChartsCoreOption } from 'echarts/core';
import { echarts } from './echartsParts';
import { uiFont } from '../uiFont';

export default function EChart({ option, label, height = 320 }: { option: EChartsCoreOption; label: string; height?: number }) {
  const el = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!el.current) return;
    const chart = echarts.init(el.current, undefined, { renderer: 'svg' });
    chart.setOption({ animation: false, textStyle: { fontFamily: uiFont }, ...option });
    const onResize = () => chart.resize();
    window.addEventListener('resize', onResize);
    return () => {
      window.removeEventListener('resize', onResize);
      chart.dispose();
    };
  }, [option]);
  return <div ref={el} className="chart-box" style={{ height }} role="img" aria-label={label} />;
}
