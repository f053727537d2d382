// Indicator status (指标监测): the four classes of the mid-term / final evaluation reports,
// 提前完成 / 快于预期 / 符合序时进度 / 滞后, plus 'no_data'.
import { z } from 'zod';
import { comparatorSchema, indicatorAttributeSchema } from '../../shared/parsedPlan.js';
import { asOfSchema, elapsedYears, expectedValue, indicatorKindSchema } from './indicatorExpected.js';
import { decimalsOf, fmtFixed, round } from './format.js';
import { statusColorSchema } from './status.js';

export const indicatorDirectionSchema = z.enum(['higher_better', 'lower_better']);
export type IndicatorDirection = z.infer<typeof indicatorDirectionSchema>;

export const indicatorStateSchema = z.enum(['achieved_early', 'ahead', 'on_track', 'behind', 'no_data']);
export type IndicatorState = z.infer<typeof indicatorStateSchema>;

export const INDICATOR_STATE_LABELS: Record<IndicatorState, string> = {
  achieved_early: '提前完成',
  ahead: '快于预期',
  on_track: '符合序时进度',
  behind: '滞后',
  no_data: '暂无数据',
};

export const indicatorStatusInputSchema = z
  .object({
    baseline: z.number().nullable(),
    baselineYear: z.number().int(),
    target: z.number(),
    targetMax: z.number().nullable().default(null), // upper bound of a 'range' target
    targetYear: z.number().int(),
    kind: indicatorKindSchema,
    actual: z.number().nullable(),
    actualDate: asOfSchema, // the date (or year) the actual value refers to
    /** Null: inferred from the comparator ('<=' / '<' → lower_better), else from the target's side of the baseline. */
    direction: indicatorDirectionSchema.nullable().default(null),
    attribute: indicatorAttributeSchema.nullable().default('expected'),
    comparator: comparatorSchema.default('>='),
    /** Relative band around the expected value for 预期性 indicators (0.05 = ±5%). */
    tolerance: z.number().min(0).max(1).default(0.05),
    /** Absolute floor of the band, for expected values at or near zero. */
    toleranceAbsolute: z.number().min(0).default(0),
    /** annual_growth only: `actual` is the growth rate achieved (%), compared with the target rate. */
    actualIsRate: z.boolean().default(false),
    /** Decimals in the reason sentence; null: max(1, decimals used in the inputs). */
    decimals: z.number().int().min(0).max(6).nullable().default(null),
  })
  .refine((v) => v.targetYear > v.baselineYear, '目标年份必须晚于基期年份');
export type IndicatorStatusInput = z.input<typeof indicatorStatusInputSchema>;

export const indicatorStatusSchema = z.object({
  color: statusColorSchema,
  state: indicatorStateSchema,
  direction: indicatorDirectionSchema,
  expected: z.number().nullable(), // 应达值, rounded to the shown decimals
  actual: z.number().nullable(),
  gap: z.number().nullable(), // shortfall against expected: positive = behind, negative = ahead
  reason: z.string(),
});
export type IndicatorStatus = z.infer<typeof indicatorStatusSchema>;

type Parsed = z.output<typeof indicatorStatusInputSchema>;

export function inferDirection(v: Pick<Parsed, 'direction' | 'comparator' | 'kind' | 'baseline' | 'target'>): IndicatorDirection {
  if (v.direction) return v.direction;
  if (v.comparator === '<=' || v.comparator === '<') return 'lower_better';
  if (v.kind === 'level' && v.baseline !== null && v.target < v.baseline) return 'lower_better';
  if (v.kind === 'annual_growth' && v.target < 0) return 'lower_better';
  return 'higher_better';
}

function meets(actual: number, bound: number, dir: IndicatorDirection, strict: boolean): boolean {
  if (dir === 'higher_better') return strict ? actual > bound : actual >= bound;
  return strict ? actual < bound : actual <= bound;
}

export function computeIndicatorStatus(input: IndicatorStatusInput): IndicatorStatus {
  const v = indicatorStatusInputSchema.parse(input);
  const direction = inferDirection(v);
  const lower = direction === 'lower_better';
  // A range target is a floor for higher-is-better and a ceiling for lower-is-better.
  const target = v.comparator === 'range' && lower && v.targetMax !== null ? v.targetMax : v.target;
  const strict = v.comparator === '>' || v.comparator === '<';
  const d = v.decimals ?? Math.min(4, Math.max(1, decimalsOf(v.baseline), decimalsOf(target), decimalsOf(v.actual)));
  const f = (x: number) => fmtFixed(x, d);
  const verb = lower ? '应控制在' : '应达';
  const span = v.targetYear - v.baselineYear;
  const beforeTargetYear = elapsedYears(v.baselineYear, v.targetYear, v.actualDate) < span;

  const rateMode = v.kind === 'annual_growth' && v.actualIsRate;
  const finalValue = rateMode
    ? target
    : expectedValue({ ...v, target, asOf: v.targetYear });
  // When the baseline already satisfies a floor/ceiling, the indicator is a limit to stay
  // within, not a path to travel: expected is the target itself every year.
  const alreadyWithin =
    !rateMode && v.kind === 'level' && v.baseline !== null && finalValue !== null && meets(v.baseline, finalValue, direction, strict);
  const rawExpected = rateMode || alreadyWithin
    ? target
    : expectedValue({ ...v, target, asOf: v.actualDate });
  const expected = rawExpected === null ? null : round(rawExpected, d);

  const base = (state: IndicatorState, color: z.infer<typeof statusColorSchema>, gap: number | null, reason: string): IndicatorStatus =>
    ({ color, state, direction, expected, actual: v.actual, gap, reason });

  if (v.actual === null) return base('no_data', 'grey', null, '暂无实际值');
  if (expected === null || finalValue === null) {
    return base('no_data', 'grey', null, `缺少基期值,无法计算应达值(实际${f(v.actual)})`);
  }
  if (v.kind === 'annual_growth' && !rateMode && v.baseline === 0) {
    // Any growth rate on zero is still zero, so a level comparison would call every value "done".
    return base('no_data', 'grey', null, `基期值为0,无法按年均增速推算应达值,请按增速填报(实际${f(v.actual)})`);
  }
  const actual = v.actual;
  // Decide on the rounded numbers shown in the sentence so a reader can re-check it by hand.
  const gap = round(lower ? actual - expected : expected - actual, d);
  const band = round(Math.max(v.tolerance * Math.abs(expected), v.toleranceAbsolute), d);
  const binding = v.attribute === 'binding';
  const head = `${verb}${f(expected)},实际${f(actual)}`;

  if (!rateMode && !alreadyWithin && beforeTargetYear && meets(actual, round(finalValue, d), direction, strict)) {
    return base('achieved_early', 'blue', gap, `目标值${f(finalValue)}(${v.targetYear}年),实际${f(actual)},已提前完成`);
  }
  // 约束性 indicators have zero tolerance on the shortfall side: any shortfall is 滞后, shown red.
  const behindBand = binding ? 0 : band;
  if (alreadyWithin) {
    // Staying under a ceiling (or above a floor) is all that is asked: no "ahead" for a limit.
    const [within, breached] = lower ? ['未突破目标值', '突破目标值'] : ['不低于目标值', '低于目标值'];
    if (meets(actual, expected, direction, strict)) return base('on_track', 'green', gap, `${head},${within},符合序时进度`);
    if (gap <= behindBand) return base('on_track', 'green', gap, `${head},差距${f(gap)}在允许范围(±${f(band)})内,符合序时进度`);
    return base('behind', binding ? 'red' : 'yellow', gap, `${head},${breached}${f(gap)}`);
  }
  if (gap > behindBand) return base('behind', binding ? 'red' : 'yellow', gap, `${head},落后${f(gap)}`);
  if (-gap > band) return base('ahead', 'green', gap, `${head},快于预期${f(-gap)}`);
  if (gap > 0) return base('on_track', 'green', gap, `${head},差距${f(gap)}在允许范围(±${f(band)})内,符合序时进度`);
  return base('on_track', 'green', gap, `${head},符合序时进度`);
}
