// An indicator row may carry targets for several years (2023年目标 | 2025年目标). A level indicator's path
// then runs through each of them in turn: before the first milestone it starts at the baseline, after it
// the milestone is the new starting point. Growth rates and five-year totals keep the baseline and take the
// target of the year in question, since a rate or a total is stated from the base year.
import type { IndicatorKind } from './indicatorExpected.js';

export interface YearTarget {
  year: number | null;
  value: number | null;
  valueMax?: number | null;
  comparator?: string;
}

export interface TargetSegment {
  baselineYear: number;
  baseline: number | null;
  targetYear: number;
  target: number;
  targetMax: number | null;
  comparator: string | null;
  /** an interim target, not the row's last one */
  interim: boolean;
}

/**
 * The baseline-to-target segment that governs `asOfYear`: the first target year at or after it,
 * or the last one once every target year has passed. Null when no target has a year after the baseline and a value.
 */
export function targetSegment(
  ind: { baselineYear: number | null; baselineValue: number | null; kind: IndicatorKind | string },
  targets: YearTarget[],
  asOfYear: number,
): TargetSegment | null {
  if (ind.baselineYear == null) return null;
  const base = ind.baselineYear;
  const usable = targets
    .filter((t): t is YearTarget & { year: number; value: number } => t.year != null && t.value != null && t.year > base)
    .sort((a, b) => a.year - b.year);
  if (!usable.length) return null;
  const i = usable.findIndex((t) => t.year >= asOfYear);
  const idx = i === -1 ? usable.length - 1 : i;
  const t = usable[idx];
  const prev = ind.kind === 'level' && idx > 0 ? usable[idx - 1] : null;
  return {
    baselineYear: prev ? prev.year : base,
    baseline: prev ? prev.value : ind.baselineValue,
    targetYear: t.year,
    target: t.value,
    targetMax: t.valueMax ?? null,
    comparator: t.comparator ?? null,
    interim: idx < usable.length - 1,
  };
}
