// 指标分解: a binding indicator split to units or towns must add back up to the whole.
import { z } from 'zod';
import { decimalsOf, fmtFixed, round } from './format.js';

export const splitShareSchema = z.object({
  unit: z.string().trim().min(1),
  value: z.number(),
  /** Ratios only: what the unit's ratio is an average over (e.g. its base-year GDP or energy use). */
  weight: z.number().nullable().default(null),
});

export const indicatorSplitInputSchema = z.object({
  indicatorName: z.string().default('指标'),
  total: z.number(), // the whole's target
  /** absolute: quantities that add (新增就业、减排量); ratio: rates/percentages that average. */
  measure: z.enum(['absolute', 'ratio']),
  /** equal: must match within tolerance; cover: must reach the whole (a floor, or a ceiling for lower_better). */
  mode: z.enum(['equal', 'cover']).default('equal'),
  direction: z.enum(['higher_better', 'lower_better']).default('higher_better'),
  toleranceRelative: z.number().min(0).max(1).default(0.001),
  toleranceAbsolute: z.number().min(0).default(0),
  shares: z.array(splitShareSchema),
});
export type IndicatorSplitInput = z.input<typeof indicatorSplitInputSchema>;

export const splitIssueSchema = z.object({
  code: z.enum(['empty', 'duplicate_unit', 'negative_value', 'missing_weight', 'zero_weight', 'mismatch', 'shortfall', 'excess']),
  unit: z.string().nullable(),
  message: z.string(),
});
export type SplitIssue = z.infer<typeof splitIssueSchema>;

export const indicatorSplitResultSchema = z.object({
  ok: z.boolean(),
  aggregate: z.number().nullable(), // sum (absolute) or weighted average (ratio)
  difference: z.number().nullable(), // aggregate − total
  allowed: z.number(), // tolerance actually applied, in the indicator's unit
  errors: z.array(splitIssueSchema),
});
export type IndicatorSplitResult = z.infer<typeof indicatorSplitResultSchema>;

export function validateIndicatorSplit(input: IndicatorSplitInput): IndicatorSplitResult {
  const v = indicatorSplitInputSchema.parse(input);
  const errors: SplitIssue[] = [];
  const allowed = Math.max(v.toleranceAbsolute, v.toleranceRelative * Math.abs(v.total));
  const d = Math.min(4, Math.max(1, decimalsOf(v.total), ...v.shares.map((s) => decimalsOf(s.value))));
  const f = (x: number) => fmtFixed(x, d);
  // A small tolerance (0.1% of 13.5) would print as "±0.0"; show enough decimals to see it.
  const allowedText = allowed === 0 ? '0' : fmtFixed(allowed, Math.max(d, Math.min(4, Math.ceil(-Math.log10(allowed)))));
  const fail = (aggregate: number | null, difference: number | null): IndicatorSplitResult => ({
    ok: errors.length === 0,
    aggregate,
    difference,
    allowed,
    errors,
  });

  if (v.shares.length === 0) {
    errors.push({ code: 'empty', unit: null, message: `${v.indicatorName}尚未分解到任何单位` });
    return fail(null, null);
  }
  const seen = new Set<string>();
  for (const s of v.shares) {
    if (seen.has(s.unit)) errors.push({ code: 'duplicate_unit', unit: s.unit, message: `单位「${s.unit}」重复出现` });
    seen.add(s.unit);
    if (v.measure === 'absolute' && v.total >= 0 && s.value < 0) {
      errors.push({ code: 'negative_value', unit: s.unit, message: `单位「${s.unit}」的分解值${f(s.value)}不能为负数` });
    }
    if (v.measure === 'ratio' && (s.weight === null || s.weight < 0)) {
      errors.push({ code: 'missing_weight', unit: s.unit, message: `单位「${s.unit}」缺少权重(如基期总量),无法计算加权平均` });
    }
  }

  let aggregate: number;
  let what: string;
  if (v.measure === 'absolute') {
    aggregate = v.shares.reduce((a, s) => a + s.value, 0);
    what = '各单位分解值合计';
  } else {
    if (errors.some((e) => e.code === 'missing_weight')) return fail(null, null);
    const wSum = v.shares.reduce((a, s) => a + (s.weight ?? 0), 0);
    if (wSum <= 0) {
      errors.push({ code: 'zero_weight', unit: null, message: '各单位权重合计为0,无法计算加权平均' });
      return fail(null, null);
    }
    aggregate = v.shares.reduce((a, s) => a + s.value * (s.weight ?? 0), 0) / wSum;
    what = '各单位按权重加权平均';
  }
  // Rounded so float noise (33.3 + 33.3 + 33.4) never fails an exact split.
  const difference = round(aggregate - v.total, 9);
  const shown = `${what}为${f(aggregate)},总目标为${f(v.total)}`;
  if (v.mode === 'equal') {
    if (Math.abs(difference) > allowed) {
      errors.push({
        code: 'mismatch',
        unit: null,
        message: `${shown},相差${difference > 0 ? '+' : ''}${f(difference)},超出允许误差±${allowedText}`,
      });
    }
  } else if (v.direction === 'higher_better' && difference < -allowed) {
    errors.push({ code: 'shortfall', unit: null, message: `${shown},缺口${f(-difference)},分解后无法保证完成总目标` });
  } else if (v.direction === 'lower_better' && difference > allowed) {
    errors.push({ code: 'excess', unit: null, message: `${shown},超出${f(difference)},分解后突破总目标上限` });
  }
  return fail(aggregate, difference);
}
