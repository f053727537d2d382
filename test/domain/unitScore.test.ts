import { describe, expect, it } from 'vitest';
import { computeUnitScore, rankUnits, type UnitScoreInput } from '../../server/domain/unitScore.js';

const unit: UnitScoreInput = {
  unitId: 1,
  unitName: '发展改革委',
  reporting: { due: 10, onTime: 9 },
  tasks: { blue: 2, green: 8, yellow: 2, red: 1 },
  indicators: { achieved_early: 1, ahead: 1, on_track: 2, behind: 1 },
  notices: { total: 4, answeredOnTime: 3 },
  revisions: { submitted: 10, returned: 2 },
};

describe('computeUnitScore', () => {
  const s = computeUnitScore(unit);
  it('shows every component with a formula that recomputes by hand', () => {
    expect(s.components.map((c) => c.formula)).toEqual([
      '按时报送率 9/10 × 30 = 27.0',
      '任务进展 (蓝2×1+绿8×1+黄2×0.5+红1×0)/13 × 30 = 25.4',
      '指标完成 (提前完成1×1+快于预期1×1+符合序时进度2×1+滞后1×0)/5 × 20 = 16.0',
      '督办按期回复率 3/4 × 10 = 7.5',
      '报告一次通过率 (10−2)/10 × 10 = 8.0',
    ]);
  });
  it('total is the sum of the shown points', () => {
    expect(s.total).toBe(83.9);
    expect(s.maxTotal).toBe(100);
    expect(s.components.reduce((a, c) => a + c.points, 0)).toBeCloseTo(s.total, 9);
  });
  it('nothing due scores full marks and says so', () => {
    const r = computeUnitScore({ ...unit, notices: { total: 0, answeredOnTime: 0 } });
    expect(r.components[3]).toMatchObject({ points: 10, ratio: 1, formula: '督办按期回复率 本期无考核事项,按满分计 10.0' });
  });
  it('perfect and worst units', () => {
    const perfect = computeUnitScore({
      ...unit,
      reporting: { due: 12, onTime: 12 },
      tasks: { blue: 1, green: 5, yellow: 0, red: 0 },
      indicators: { achieved_early: 0, ahead: 0, on_track: 3, behind: 0 },
      notices: { total: 2, answeredOnTime: 2 },
      revisions: { submitted: 12, returned: 0 },
    });
    expect(perfect.total).toBe(100);
    const worst = computeUnitScore({
      ...unit,
      reporting: { due: 12, onTime: 0 },
      tasks: { blue: 0, green: 0, yellow: 0, red: 4 },
      indicators: { achieved_early: 0, ahead: 0, on_track: 0, behind: 3 },
      notices: { total: 2, answeredOnTime: 0 },
      revisions: { submitted: 3, returned: 3 },
    });
    expect(worst.total).toBe(0);
  });
  it('weights and factors are configurable per plan', () => {
    const r = computeUnitScore(unit, {
      weights: { reporting: 50, tasks: 50, indicators: 0, notices: 0, revisions: 0 },
      taskFactors: { blue: 1, green: 1, yellow: 0, red: 0 },
    });
    expect(r.components[1].formula).toBe('任务进展 (蓝2×1+绿8×1+黄2×0+红1×0)/13 × 50 = 38.5');
    expect(r.total).toBe(83.5); // 45.0 + 38.5
    expect(r.maxTotal).toBe(100);
  });
  it('partial weights fill from defaults', () => {
    expect(computeUnitScore(unit, { weights: { reporting: 40 } }).maxTotal).toBe(110);
  });
  it.each([
    [{ reporting: { due: 3, onTime: 4 } }],
    [{ notices: { total: 1, answeredOnTime: 2 } }],
    [{ revisions: { submitted: 1, returned: 2 } }],
    [{ tasks: { blue: -1, green: 0, yellow: 0, red: 0 } }],
  ])('rejects impossible counts %o', (patch) => {
    expect(() => computeUnitScore({ ...unit, ...patch } as UnitScoreInput)).toThrow();
  });
});

describe('rankUnits', () => {
  const scores = [
    { unitId: 1, unitName: '甲', total: 90 },
    { unitId: 2, unitName: '乙', total: 95 },
    { unitId: 3, unitName: '丙', total: 90 },
    { unitId: 4, unitName: '丁', total: 70 },
    { unitId: 5, unitName: '戊', total: 60 },
    { unitId: 6, unitName: '己', total: 60 },
    { unitId: 7, unitName: '庚', total: 80 },
  ];
  it('ties share a rank and all tied units get the award', () => {
    const r = rankUnits(scores, { topN: 2, bottomN: 1 });
    expect(r.map((x) => [x.unitName, x.rank, x.award])).toEqual([
      ['乙', 1, '猛虎奖'],
      ['丙', 2, '猛虎奖'],
      ['甲', 2, '猛虎奖'],
      ['庚', 4, null],
      ['丁', 5, null],
      ['己', 6, '蜗牛奖'],
      ['戊', 6, '蜗牛奖'],
    ]);
  });
  it('custom award names and N = 0', () => {
    const r = rankUnits(scores, { topN: 1, bottomN: 0, topAward: '红旗单位' });
    expect(r.filter((x) => x.award).map((x) => [x.unitName, x.award])).toEqual([['乙', '红旗单位']]);
  });
  it('a unit in the top never also gets the bottom award', () => {
    const r = rankUnits(scores.slice(0, 2), { topN: 1, bottomN: 3 });
    expect(r.map((x) => x.award)).toEqual(['猛虎奖', '蜗牛奖']);
    expect(rankUnits([{ unitId: 1, unitName: '甲', total: 50 }], { topN: 1, bottomN: 1 })[0].award).toBe('猛虎奖');
  });
  it('empty list', () => {
    expect(rankUnits([])).toEqual([]);
  });
});
