// The points of an indicator's small chart: baseline → reported values → target, in the indicator's own terms
// (a growth-rate indicator compares rates, a cumulative one compares five-year totals).
import type { Indicator } from '../api';
import { indicatorKindLabels } from '../labels';

export interface SeriesPoint {
  year: number;
  value: number;
  label: string;
}

export function indicatorSeries(x: Indicator): SeriesPoint[] | null {
  if (x.baselineValue === null || x.targetValue === null) return null;
  const unit = x.unit ?? '';
  const kind = x.kind === 'level' ? '' : `(${indicatorKindLabels[x.kind] ?? ''})`;
  const by = x.baselineYear ?? (x.targetYear ? x.targetYear - 5 : 0);
  const ty = x.targetYear ?? by + 5;
  const pts: SeriesPoint[] = [{ year: by, value: x.baselineValue, label: `基期${by ? ` ${by}年` : ''}:${x.baselineText ?? x.baselineValue}${unit}${kind}` }];
  for (const v of x.values) {
    const y = Number(v.date.slice(0, 4));
    if (y > by && y <= ty && v.unitId === null) pts.push({ year: y, value: v.value, label: `${y}年实际:${v.value}${unit}` });
  }
  for (const t of x.targets ?? []) {
    if (t.year !== null && t.value !== null && t.year > by && t.year < ty) pts.push({ year: t.year, value: t.value, label: `阶段目标 ${t.year}年:${t.text || t.value}${unit}${kind}` });
  }
  pts.push({ year: ty, value: x.targetValue, label: `目标 ${ty}年:${x.targetText ?? x.targetValue}${unit}${kind}` });
  return pts.sort((a, b) => a.year - b.year);
}
