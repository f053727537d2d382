// Server-side chart rendering: ECharts draws SVG without a DOM (ssr mode), resvg
// rasterises the same SVG into the PNG that Word needs as a fallback for viewers
// without SVG support. resvg-js ships its native binary inside npm packages.
import * as echarts from 'echarts';
import { Resvg } from '@resvg/resvg-js';

/** CJK-capable families first; resvg and Word each take the first one they have. */
export const chartFontFamily = "'Microsoft YaHei', 'PingFang SC', 'Noto Sans CJK SC', 'WenQuanYi Micro Hei', 'Source Han Sans SC', sans-serif";

export interface RenderedChart {
  svg: Buffer;
  png: Buffer;
  width: number;
  height: number;
}

export function renderChartSvg(option: echarts.EChartsCoreOption, width: number, height: number): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({ animation: false, textStyle: { fontFamily: chartFontFamily }, ...option });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

/** 2x zoom keeps the fallback sharp at print size. */
export function svgToPng(svg: string, width: number): Buffer {
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'width', value: width * 2 },
    background: '#ffffff',
    font: { loadSystemFonts: true, defaultFontFamily: 'WenQuanYi Micro Hei' },
  });
  return Buffer.from(resvg.render().asPng());
}

export function renderChart(option: echarts.EChartsCoreOption, width = 600, height = 320): RenderedChart {
  const svg = renderChartSvg(option, width, height);
  return { svg: Buffer.from(svg, 'utf8'), png: svgToPng(svg, width), width, height };
}
