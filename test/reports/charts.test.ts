import { describe, expect, it } from 'vitest';
import { indicatorEvaluationChart, taskProgressChart } from '../../server/reports/charts/options.js';
import { renderChart } from '../../server/reports/charts/render.js';

describe('server-side charts', () => {
  it('renders the evaluation chart to SVG and a PNG twice its size', () => {
    const chart = renderChart(indicatorEvaluationChart({ achieved_early: 3, ahead: 4, on_track: 5, behind: 3 }), 600, 320);
    const svg = chart.svg.toString('utf8');
    expect(svg.startsWith('<svg')).toBe(true);
    for (const label of ['提前完成', '快于预期', '符合序时进度', '滞后']) expect(svg).toContain(label);
    expect(chart.png.subarray(1, 4).toString()).toBe('PNG');
    expect(chart.png.readUInt32BE(16)).toBe(1200); // IHDR width
    expect(chart.png.readUInt32BE(20)).toBe(640);
  });

  it('renders the task progress chart with one bar per chapter', () => {
    const rows = [
      { name: '二、提升城市发展能级，建设“新区大城”', total: 4, completed: 1, onTrack: 2, behind: 1, notReported: 0, notStarted: 0 },
      { name: '三、提升城市规划水平', total: 4, completed: 1, onTrack: 1, behind: 1, notReported: 0, notStarted: 1 },
    ];
    const svg = renderChart(taskProgressChart(rows), 600, 200).svg.toString('utf8');
    expect(svg).toContain('三、提升城市规划水平');
    expect(svg).toContain('二、提升城市发展能级，建…'); // cut at 12 characters
    expect(svg).toContain('已完成');
  });
});
