import { describe, expect, it } from 'vitest';
import { elapsedYears, expectedValue } from '../../server/domain/indicatorExpected.js';
import { computeIndicatorStatus, type IndicatorStatusInput } from '../../server/domain/indicatorStatus.js';

describe('expectedValue', () => {
  const level = { baseline: 30, baselineYear: 2025, target: 40, targetYear: 2030, kind: 'level' } as const;
  it.each([
    [level, 2027, 34],
    [level, 2025, 30],
    [level, 2024, 30], // before the baseline nothing is expected yet
    [level, 2030, 40],
    [level, 2032, 40], // after the target year the target stays
    [{ ...level, target: 20 }, 2027, 26], // decreasing level
    [{ ...level, baseline: 0, target: 10 }, 2026, 2], // zero baseline
    [{ ...level, kind: 'annual_growth', baseline: 100, target: 6 }, 2027, 112.36],
    [{ ...level, kind: 'annual_growth', baseline: 100, target: 6 }, 2030, 133.8226],
    [{ ...level, kind: 'annual_growth', baseline: 100, target: -3 }, 2027, 94.09], // negative growth
    [{ ...level, kind: 'annual_growth', baseline: 0, target: 6 }, 2027, 0],
    [{ ...level, kind: 'cumulative', baseline: null, target: 500 }, 2027, 200],
    [{ ...level, kind: 'cumulative', baseline: null, target: 500 }, 2030, 500],
  ] as const)('%o at %s → %s', (v, asOf, expected) => {
    expect(expectedValue({ ...v, asOf })).toBeCloseTo(expected, 3);
  });

  it('uses fractions of a year for dates', () => {
    expect(elapsedYears(2025, 2030, '2026-12-31')).toBe(1);
    expect(elapsedYears(2025, 2030, '2026-06-30')).toBeCloseTo(181 / 365, 6);
    expect(expectedValue({ ...level, asOf: '2026-06-30' })).toBeCloseTo(30 + (10 * 181) / 365 / 5, 6);
  });

  it('returns null without a baseline, throws on a target year not after the base', () => {
    expect(expectedValue({ ...level, baseline: null, asOf: 2027 })).toBeNull();
    expect(expectedValue({ ...level, kind: 'annual_growth', baseline: null, asOf: 2027 })).toBeNull();
    expect(() => expectedValue({ ...level, targetYear: 2025, asOf: 2027 })).toThrow();
  });
});

// 30 (2025) → 38 (2030): expected 33.2 in 2027
const gdpShare: IndicatorStatusInput = {
  baseline: 30,
  baselineYear: 2025,
  target: 38,
  targetYear: 2030,
  kind: 'level',
  actual: 31,
  actualDate: 2027,
  attribute: 'expected',
};

describe('computeIndicatorStatus — level, higher is better', () => {
  it.each([
    // actual, attribute, state, color, gap
    [31.0, 'expected', 'behind', 'yellow', 2.2],
    [31.0, 'binding', 'behind', 'red', 2.2],
    [31.6, 'expected', 'on_track', 'green', 1.6], // band 5% × 33.2 = 1.7
    [31.5, 'expected', 'on_track', 'green', 1.7], // exactly on the band edge
    [31.4, 'expected', 'behind', 'yellow', 1.8],
    [33.1, 'binding', 'behind', 'red', 0.1], // binding: zero tolerance
    [33.2, 'binding', 'on_track', 'green', 0],
    [34.9, 'binding', 'on_track', 'green', -1.7],
    [35.0, 'expected', 'ahead', 'green', -1.8],
    [38.0, 'expected', 'achieved_early', 'blue', -4.8],
    [38.0, 'binding', 'achieved_early', 'blue', -4.8],
  ] as const)('actual %s (%s) → %s %s gap %s', (actual, attribute, state, color, gap) => {
    const s = computeIndicatorStatus({ ...gdpShare, actual, attribute });
    expect(s).toMatchObject({ state, color, gap, expected: 33.2, direction: 'higher_better' });
  });

  it('reason sentences', () => {
    expect(computeIndicatorStatus(gdpShare).reason).toBe('应达33.2,实际31.0,落后2.2');
    expect(computeIndicatorStatus({ ...gdpShare, actual: 35 }).reason).toBe('应达33.2,实际35.0,快于预期1.8');
    expect(computeIndicatorStatus({ ...gdpShare, actual: 33.2 }).reason).toBe('应达33.2,实际33.2,符合序时进度');
    expect(computeIndicatorStatus({ ...gdpShare, actual: 32 }).reason).toBe('应达33.2,实际32.0,差距1.2在允许范围(±1.7)内,符合序时进度');
    expect(computeIndicatorStatus({ ...gdpShare, actual: 38.5 }).reason).toBe('目标值38.0(2030年),实际38.5,已提前完成');
  });

  it('meeting the target in the target year is on track, not early', () => {
    expect(computeIndicatorStatus({ ...gdpShare, actual: 38, actualDate: 2030 }).state).toBe('on_track');
    expect(computeIndicatorStatus({ ...gdpShare, actual: 38, actualDate: '2030-12-31' }).state).toBe('on_track');
    expect(computeIndicatorStatus({ ...gdpShare, actual: 38, actualDate: '2030-06-30' }).state).toBe('achieved_early');
  });

  it('a strict comparator needs more than the target', () => {
    expect(computeIndicatorStatus({ ...gdpShare, comparator: '>', actual: 38 }).state).not.toBe('achieved_early');
    expect(computeIndicatorStatus({ ...gdpShare, comparator: '>', actual: 38.1 }).state).toBe('achieved_early');
  });

  it('tolerance is configurable', () => {
    expect(computeIndicatorStatus({ ...gdpShare, tolerance: 0.1 }).state).toBe('on_track');
    expect(computeIndicatorStatus({ ...gdpShare, actual: 33, tolerance: 0 }).state).toBe('behind');
  });

  it('uses a date for the actual value', () => {
    // mid-2026: 30 + 8 × (181/365)/5 = 30.79
    const s = computeIndicatorStatus({ ...gdpShare, actual: 30.5, actualDate: '2026-06-30' });
    expect(s.expected).toBe(30.8);
    expect(s.state).toBe('on_track');
  });

  it('before and after the plan period', () => {
    expect(computeIndicatorStatus({ ...gdpShare, actual: 30, actualDate: 2024 })).toMatchObject({ expected: 30, state: 'on_track' });
    expect(computeIndicatorStatus({ ...gdpShare, actual: 37, actualDate: 2032 })).toMatchObject({ expected: 38, state: 'on_track' });
    expect(computeIndicatorStatus({ ...gdpShare, actual: 36, actualDate: 2032 })).toMatchObject({ expected: 38, state: 'behind' });
  });
});

describe('computeIndicatorStatus — lower is better', () => {
  // energy intensity 0.50 → 0.43 (binding): 2027 expected 0.472 → shown 0.47
  const energy: IndicatorStatusInput = {
    baseline: 0.5,
    baselineYear: 2025,
    target: 0.43,
    targetYear: 2030,
    kind: 'level',
    actual: 0.48,
    actualDate: 2027,
    attribute: 'binding',
    comparator: '<=',
  };
  it.each([
    [0.48, 'behind', 'red', 0.01],
    [0.47, 'on_track', 'green', 0],
    [0.46, 'on_track', 'green', -0.01],
    [0.44, 'ahead', 'green', -0.03],
    [0.43, 'achieved_early', 'blue', -0.04],
  ] as const)('binding actual %s → %s %s gap %s', (actual, state, color, gap) => {
    const s = computeIndicatorStatus({ ...energy, actual });
    expect(s).toMatchObject({ state, color, gap, expected: 0.47, direction: 'lower_better' });
  });

  it('reason', () => {
    expect(computeIndicatorStatus(energy).reason).toBe('应控制在0.47,实际0.48,落后0.01');
  });

  it('direction inferred from a falling target without a comparator', () => {
    const s = computeIndicatorStatus({ ...energy, comparator: undefined, direction: undefined });
    expect(s.direction).toBe('lower_better');
    expect(computeIndicatorStatus({ ...energy, direction: 'higher_better' }).direction).toBe('higher_better');
  });

  it('a ceiling the baseline already meets is a limit, not a path', () => {
    // PM2.5 ≤ 35, baseline 30: expected stays 35
    const pm: IndicatorStatusInput = { ...energy, baseline: 30, target: 35, actual: 33 };
    expect(computeIndicatorStatus(pm)).toMatchObject({ state: 'on_track', expected: 35 });
    expect(computeIndicatorStatus({ ...pm, actual: 20 }).state).toBe('on_track'); // no "ahead" under a limit
    expect(computeIndicatorStatus({ ...pm, actual: 35 }).state).toBe('on_track');
    expect(computeIndicatorStatus({ ...pm, actual: 36 })).toMatchObject({ state: 'behind', color: 'red', reason: '应控制在35.0,实际36.0,突破目标值1.0' });
    expect(computeIndicatorStatus({ ...pm, actual: 36, attribute: 'expected' }).color).toBe('green'); // within the 5% band
    expect(computeIndicatorStatus({ ...pm, actual: 37, attribute: 'expected' }).color).toBe('yellow');
  });

  it('a floor the baseline already meets (forest cover ≥ 40, baseline 42)', () => {
    const forest: IndicatorStatusInput = { ...energy, baseline: 42, target: 40, comparator: '>=', direction: 'higher_better', actual: 41 };
    expect(computeIndicatorStatus(forest)).toMatchObject({ state: 'on_track', expected: 40, reason: '应达40.0,实际41.0,不低于目标值,符合序时进度' });
    expect(computeIndicatorStatus({ ...forest, actual: 39.5 })).toMatchObject({ state: 'behind', color: 'red', reason: '应达40.0,实际39.5,低于目标值0.5' });
  });

  it('a range target uses its upper bound as the ceiling', () => {
    const s = computeIndicatorStatus({ ...energy, baseline: 5, target: 3, targetMax: 3.5, comparator: 'range', direction: 'lower_better', actual: 3.4, actualDate: 2028 });
    expect(s.state).toBe('achieved_early');
  });
});

describe('computeIndicatorStatus — annual growth', () => {
  const gdp: IndicatorStatusInput = {
    baseline: 1000,
    baselineYear: 2025,
    target: 6,
    targetYear: 2030,
    kind: 'annual_growth',
    actual: 1100,
    actualDate: 2027,
  };
  it.each([
    [1100, 'on_track', 1123.6], // band 56.2
    [1050, 'behind', 1123.6],
    [1200, 'ahead', 1123.6],
    [1340, 'achieved_early', 1123.6], // 1000 × 1.06^5 = 1338.2
  ] as const)('level %s → %s (expected %s)', (actual, state, expected) => {
    expect(computeIndicatorStatus({ ...gdp, actual })).toMatchObject({ state, expected });
  });

  it('negative growth: a shrinking indicator where lower is better', () => {
    const coal: IndicatorStatusInput = { ...gdp, baseline: 100, target: -3, actual: 95, attribute: 'binding' };
    const s = computeIndicatorStatus(coal);
    expect(s).toMatchObject({ direction: 'lower_better', expected: 94.1, state: 'behind', color: 'red', gap: 0.9 });
    expect(computeIndicatorStatus({ ...coal, actual: 94 }).state).toBe('on_track');
    expect(computeIndicatorStatus({ ...coal, actual: 85 }).state).toBe('achieved_early'); // 100 × 0.97^5 = 85.9
  });

  it('compares rates when the actual is a growth rate', () => {
    const rate = { ...gdp, actualIsRate: true };
    expect(computeIndicatorStatus({ ...rate, actual: 5.2 })).toMatchObject({ state: 'behind', expected: 6, gap: 0.8, reason: '应达6.0,实际5.2,落后0.8' });
    expect(computeIndicatorStatus({ ...rate, actual: 5.8 }).state).toBe('on_track');
    expect(computeIndicatorStatus({ ...rate, actual: 7 }).state).toBe('ahead'); // rates are never "early"
  });

  it('zero baseline: growth on zero cannot be judged as a level, only as a rate', () => {
    const s = computeIndicatorStatus({ ...gdp, baseline: 0, actual: 0 });
    expect(s).toMatchObject({ state: 'no_data', color: 'grey' });
    expect(s.reason).toContain('基期值为0');
    expect(computeIndicatorStatus({ ...gdp, baseline: 0, actual: 6.1, actualIsRate: true }).state).toBe('on_track');
  });
});

describe('computeIndicatorStatus — cumulative', () => {
  const afforestation: IndicatorStatusInput = {
    baseline: null,
    baselineYear: 2025,
    target: 500,
    targetYear: 2030,
    kind: 'cumulative',
    actual: 150,
    actualDate: 2027,
    attribute: 'binding',
  };
  it.each([
    [150, 'behind', 'red'],
    [200, 'on_track', 'green'],
    [215, 'ahead', 'green'],
    [500, 'achieved_early', 'blue'],
  ] as const)('cumulative %s → %s', (actual, state, color) => {
    expect(computeIndicatorStatus({ ...afforestation, actual })).toMatchObject({ state, color, expected: 200 });
  });
  it('nothing expected at the baseline year', () => {
    expect(computeIndicatorStatus({ ...afforestation, actual: 0, actualDate: 2025 })).toMatchObject({ expected: 0, state: 'on_track' });
  });
});

describe('computeIndicatorStatus — zero baseline and no data', () => {
  it('zero baseline level', () => {
    const s = computeIndicatorStatus({ ...gdpShare, baseline: 0, target: 10, actual: 0, actualDate: 2026 });
    expect(s).toMatchObject({ expected: 2, state: 'behind', gap: 2 });
    expect(computeIndicatorStatus({ ...gdpShare, baseline: 0, target: 10, actual: 2, actualDate: 2026 }).state).toBe('on_track');
  });
  it('an absolute tolerance gives a band around zero', () => {
    const z = { ...gdpShare, baseline: 0, target: 0, actual: -0.1, actualDate: 2027, comparator: '<=' as const };
    expect(computeIndicatorStatus({ ...z, actual: 0.1 }).state).toBe('behind');
    expect(computeIndicatorStatus({ ...z, actual: 0.1, toleranceAbsolute: 0.2 }).state).toBe('on_track');
  });
  it('no actual value', () => {
    expect(computeIndicatorStatus({ ...gdpShare, actual: null })).toMatchObject({ state: 'no_data', color: 'grey', reason: '暂无实际值' });
  });
  it('no baseline for a level indicator', () => {
    const s = computeIndicatorStatus({ ...gdpShare, baseline: null });
    expect(s.state).toBe('no_data');
    expect(s.reason).toContain('缺少基期值');
  });
});
