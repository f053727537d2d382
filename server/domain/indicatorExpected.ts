// 应达值: where an indicator should stand at a point in time, given its baseline and target.
import { z } from 'zod';
import { dayOfYear, daysInYear, isoDateSchema, parseIsoDate } from './dates.js';
import { indicatorKindSchema } from '../../shared/parsedPlan.js';

export { indicatorKindSchema };
export type IndicatorKind = z.infer<typeof indicatorKindSchema>;

/** A year (taken as its year-end) or a calendar date. */
export const asOfSchema = z.union([z.number().int().min(1900).max(2200), isoDateSchema]);
export type AsOf = z.infer<typeof asOfSchema>;

export const expectedValueInputSchema = z
  .object({
    baseline: z.number().nullable(), // value at the end of baselineYear (基期值)
    baselineYear: z.number().int(),
    target: z.number(), // level: the target value; annual_growth: 年均增长 %; cumulative: the period total
    targetYear: z.number().int(),
    kind: indicatorKindSchema,
    asOf: asOfSchema,
  })
  .refine((v) => v.targetYear > v.baselineYear, '目标年份必须晚于基期年份');
export type ExpectedValueInput = z.input<typeof expectedValueInputSchema>;

/**
 * Years since the baseline, fractional within a year (2026-07-01 with base 2025 → ≈0.5),
 * clamped to [0, targetYear − baselineYear]: before the base nothing is expected yet, and
 * after the target year the target itself is what is expected.
 */
export function elapsedYears(baselineYear: number, targetYear: number, asOf: AsOf): number {
  let t: number;
  if (typeof asOf === 'number') {
    t = asOf - baselineYear;
  } else {
    const { year } = parseIsoDate(asOf);
    t = year - baselineYear - 1 + dayOfYear(asOf) / daysInYear(year);
  }
  return Math.min(Math.max(t, 0), targetYear - baselineYear);
}

/** Null when the inputs cannot give a value (no baseline for a level or growth indicator). */
export function expectedValue(input: ExpectedValueInput): number | null {
  const v = expectedValueInputSchema.parse(input);
  const span = v.targetYear - v.baselineYear;
  const t = elapsedYears(v.baselineYear, v.targetYear, v.asOf);
  switch (v.kind) {
    case 'level':
      return v.baseline === null ? null : v.baseline + ((v.target - v.baseline) * t) / span;
    case 'annual_growth':
      // Compound, not linear: "年均增长6%" means each year is 1.06 × the year before.
      return v.baseline === null ? null : v.baseline * (1 + v.target / 100) ** t;
    case 'cumulative':
      // A five-year total accrues in proportion to time; the baseline is not part of it.
      return (v.target * t) / span;
  }
}
