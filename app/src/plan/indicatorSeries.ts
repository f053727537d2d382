// The points of an indicator's small chart: baseline → target (a growth rate is projected onto the level).
import type { Indicator } from '../api';

export interface SeriesPoint {
  year: number;
  value: number;
  label: string;
}

export function indicatorSeries(x: Indicator): SeriesPoint[] | null {
  if (x.baselineValue === null || x.baselineYear === null || x.targetValue === null) return null;
  const unit = x.unit ?? '';
  const pts: SeriesPoint[] = [{ year: x.baselineYear, value: x.baselineValue, label: `基期 ${x.baselineYear}年:${x.baselineText ?? x.baselineValue}${unit}` }];
  for (const v of x.values) {
    const y = Number(v.date.slice(0, 4));
    if (y > x.baselineYear && v.unitId === null) pts.push({ year: y, value: v.value, label: `${y}年实际:${v.value}${unit}` });
  }
  const ty = x.targetYear ?? x.baselineYear + 5;
  if (x.kind === 'annual_growth') {
    const years = ty - x.baselineYear;
    if (years <= 0) return null;
    const projected = x.baselineValue * Math.pow(1 + x.targetValue / 100, years);
    pts.push({ year: ty, value: Number(projected.toFixed(2)), label: `${ty}年(按年均增长${x.targetValue}%推算):${projected.toFixed(2)}${unit}` });
  } else if (x.kind === 'level') {
    pts.push({ year: ty, value: x.targetValue, label: `目标 ${ty}年:${x.targetText ?? x.targetValue}${unit}` });
  } else return null;
  return pts.sort((a, b) => a.year - b.year);
}
