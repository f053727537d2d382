import { describe, expect, it } from 'vitest';
import { validateIndicatorSplit, type IndicatorSplitInput } from '../../server/domain/indicatorSplit.js';

const jobs: IndicatorSplitInput = {
  indicatorName: '城镇新增就业',
  total: 100,
  measure: 'absolute',
  shares: [
    { unit: '甲镇', value: 33.3 },
    { unit: '乙镇', value: 33.3 },
    { unit: '丙街道', value: 33.4 },
  ],
};

describe('validateIndicatorSplit — absolute quantities', () => {
  it('accepts an exact split despite float noise', () => {
    const r = validateIndicatorSplit(jobs);
    expect(r).toMatchObject({ ok: true, difference: 0, errors: [] });
    expect(r.aggregate).toBeCloseTo(100, 9);
  });
  it.each([
    [99.95, true], // within 0.1% of 100
    [99.9, true], // exactly on the edge
    [99.8, false],
    [100.2, false],
  ])('sum %s → ok %s', (sum, ok) => {
    const r = validateIndicatorSplit({ ...jobs, shares: [{ unit: '甲镇', value: sum }] });
    expect(r.ok).toBe(ok);
  });
  it('explains a mismatch in Chinese', () => {
    const r = validateIndicatorSplit({ ...jobs, shares: [{ unit: '甲镇', value: 60 }, { unit: '乙镇', value: 38 }] });
    expect(r.ok).toBe(false);
    expect(r.errors[0]).toEqual({ code: 'mismatch', unit: null, message: '各单位分解值合计为98.0,总目标为100.0,相差-2.0,超出允许误差±0.1' });
  });
  it('cover mode: a floor may be over-allocated, not under', () => {
    expect(validateIndicatorSplit({ ...jobs, mode: 'cover', shares: [{ unit: '甲镇', value: 120 }] }).ok).toBe(true);
    const r = validateIndicatorSplit({ ...jobs, mode: 'cover', shares: [{ unit: '甲镇', value: 90 }] });
    expect(r.errors[0].message).toBe('各单位分解值合计为90.0,总目标为100.0,缺口10.0,分解后无法保证完成总目标');
  });
  it('cover mode, lower is better: a cap may be under-allocated, not over', () => {
    const cap = { ...jobs, indicatorName: '能源消费总量', mode: 'cover', direction: 'lower_better' } as const;
    expect(validateIndicatorSplit({ ...cap, shares: [{ unit: '甲镇', value: 95 }] }).ok).toBe(true);
    const r = validateIndicatorSplit({ ...cap, shares: [{ unit: '甲镇', value: 105 }] });
    expect(r.errors[0]).toMatchObject({ code: 'excess', message: '各单位分解值合计为105.0,总目标为100.0,超出5.0,分解后突破总目标上限' });
  });
  it('flags empty splits, duplicates and negatives', () => {
    expect(validateIndicatorSplit({ ...jobs, shares: [] }).errors[0]).toMatchObject({ code: 'empty', message: '城镇新增就业尚未分解到任何单位' });
    const r = validateIndicatorSplit({ ...jobs, shares: [{ unit: '甲镇', value: 110 }, { unit: '甲镇', value: -10 }] });
    expect(r.errors.map((e) => e.code)).toEqual(['duplicate_unit', 'negative_value']);
    expect(r.errors[0].message).toBe('单位「甲镇」重复出现');
  });
  it('absolute tolerance', () => {
    expect(validateIndicatorSplit({ ...jobs, toleranceAbsolute: 2, shares: [{ unit: '甲镇', value: 98 }] }).ok).toBe(true);
  });
});

describe('validateIndicatorSplit — ratios', () => {
  // energy intensity falls 13.5%; towns' reductions averaged by their base-year energy use
  const ratio: IndicatorSplitInput = {
    indicatorName: '单位GDP能耗下降',
    total: 13.5,
    measure: 'ratio',
    shares: [
      { unit: '甲镇', value: 15, weight: 200 },
      { unit: '乙镇', value: 12, weight: 200 },
    ],
  };
  it('weighted average equal to the target', () => {
    expect(validateIndicatorSplit(ratio)).toMatchObject({ ok: true, aggregate: 13.5 });
  });
  it('unequal weights move the average', () => {
    const r = validateIndicatorSplit({ ...ratio, shares: [{ unit: '甲镇', value: 15, weight: 100 }, { unit: '乙镇', value: 12, weight: 300 }] });
    expect(r.aggregate).toBeCloseTo(12.75, 9);
    expect(r.ok).toBe(false);
    expect(r.errors[0].message).toBe('各单位按权重加权平均为12.8,总目标为13.5,相差-0.8,超出允许误差±0.01');
  });
  it('requires weights', () => {
    const r = validateIndicatorSplit({ ...ratio, shares: [{ unit: '甲镇', value: 15 }, { unit: '乙镇', value: 12, weight: 1 }] });
    expect(r.errors).toEqual([{ code: 'missing_weight', unit: '甲镇', message: '单位「甲镇」缺少权重(如基期总量),无法计算加权平均' }]);
    expect(r.aggregate).toBeNull();
  });
  it('rejects all-zero weights', () => {
    const r = validateIndicatorSplit({ ...ratio, shares: [{ unit: '甲镇', value: 15, weight: 0 }] });
    expect(r.errors[0].code).toBe('zero_weight');
  });
  it('a plain sum of ratios would be wrong: 15 + 12 is not checked against 13.5', () => {
    expect(validateIndicatorSplit({ ...ratio, measure: 'absolute' }).ok).toBe(false);
  });
});
