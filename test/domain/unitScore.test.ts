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
    expect(s.components.reduce((a, c) => a + (c.points ?? 0), 0)).toBeCloseTo(s.total!, 9);
  });
  it('a component with nothing due is 不适用 and the total is re-weighted over the others, said in words', () => {
    const r = computeUnitScore({ ...unit, notices: { total: 0, answeredOnTime: 0 } });
    expect(r.components[3]).toMatchObject({ applicable: false, points: null, ratio: null, formula: '督办按期回复率 不适用:本期无到期督办件' });
    // 27.0 + 25.4 + 16.0 + 8.0 = 76.4 over the applicable weights 90, scaled to 100
    expect(r).toMatchObject({ subtotal: 76.4, applicableWeight: 90, maxTotal: 100, total: 84.9 });
    expect(r.reweighting).toBe('督办按期回复率不适用;按适用项权重 90 折算:76.4 ÷ 90 × 100 = 84.9');
    expect(s.reweighting).toBeNull();
  });
  it('reports due and none submitted: 0 on punctuality and 0 in total, never full marks', () => {
    const silent = computeUnitScore({ ...unit, reporting: { due: 3, onTime: 0 }, tasks: { blue: 0, green: 0, yellow: 0, red: 0 }, indicators: { achieved_early: 0, ahead: 0, on_track: 0, behind: 0 }, notices: { total: 0, answeredOnTime: 0 }, revisions: { submitted: 0, returned: 0 } });
    expect(silent.components[0]).toMatchObject({ applicable: true, points: 0, formula: '按时报送率 0/3 × 30 = 0.0' });
    expect(silent.total).toBe(0);
  });
  it('nothing due at all: no total (listed apart, not ranked)', () => {
    const idle = computeUnitScore({ ...unit, reporting: { due: 0, onTime: 0 }, tasks: { blue: 0, green: 0, yellow: 0, red: 0 }, indicators: { achieved_early: 0, ahead: 0, on_track: 0, behind: 0 }, notices: { total: 0, answeredOnTime: 0 }, revisions: { submitted: 0, returned: 0 } });
    expect(idle.total).toBeNull();
    expect(idle.components.every((c) => !c.applicable)).toBe(true);
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
  it('ties share a rank; a tie across the award line gets no award and a note says why', () => {
    const r = rankUnits(scores, { topN: 2, bottomN: 1 });
    expect(r.items.map((x) => [x.unitName, x.rank, x.award, x.awardUndecided])).toEqual([
      ['乙', 1, '猛虎奖', null],
      ['丙', 2, null, '猛虎奖'],
      ['甲', 2, null, '猛虎奖'],
      ['庚', 4, null, null],
      ['丁', 5, null, null],
      ['己', 6, null, '蜗牛奖'],
      ['戊', 6, null, '蜗牛奖'],
    ]);
    expect(r.notes).toEqual([
      '第 2 名有 2 个单位同分(90.0),超出“猛虎奖”前 2 名的名额,得分不能区分,同分单位均未评“猛虎奖”。',
      '倒数第 1 名有 2 个单位同分(60.0),超出“蜗牛奖”后 1 名的名额,得分不能区分,同分单位均未评“蜗牛奖”。',
    ]);
  });
  it('a tie inside the award line shares the award', () => {
    const r = rankUnits(scores, { topN: 3, bottomN: 2 });
    expect(r.items.filter((x) => x.award).map((x) => [x.unitName, x.award])).toEqual([['乙', '猛虎奖'], ['丙', '猛虎奖'], ['甲', '猛虎奖'], ['己', '蜗牛奖'], ['戊', '蜗牛奖']]);
    expect(r.notes).toEqual([]);
  });
  it('everyone tied: nobody can be separated, no award', () => {
    const r = rankUnits(scores.map((x) => ({ ...x, total: 70 })), { topN: 3, bottomN: 3 });
    expect(r.items.every((x) => x.rank === 1 && x.award === null && x.awardUndecided === '猛虎奖、蜗牛奖')).toBe(true);
    expect(r.notes).toEqual(['参加排名的 7 个单位全部同分(70.0),得分不能区分,不评“猛虎奖”“蜗牛奖”。']);
  });
  it('custom award names and N = 0', () => {
    const r = rankUnits(scores, { topN: 1, bottomN: 0, topAward: '红旗单位' });
    expect(r.items.filter((x) => x.award).map((x) => [x.unitName, x.award])).toEqual([['乙', '红旗单位']]);
  });
  it('a unit in the top never also gets the bottom award', () => {
    const r = rankUnits(scores.slice(0, 2), { topN: 1, bottomN: 3 });
    expect(r.items.map((x) => x.award)).toEqual(['猛虎奖', '蜗牛奖']);
  });
  it('an award must separate: a lone unit, or the lowest units inside a wide top line, get no top award', () => {
    const lone = rankUnits([{ unitId: 1, unitName: '甲', total: 50 }], { topN: 1, bottomN: 1 });
    expect(lone.items[0]).toMatchObject({ award: null, awardUndecided: '猛虎奖、蜗牛奖' });
    expect(lone.notes).toEqual(['只有 1 个单位参加排名,无从比较,不评“猛虎奖”“蜗牛奖”。']);
    const three = rankUnits([{ unitId: 1, unitName: '甲', total: 90 }, { unitId: 2, unitName: '乙', total: 50 }, { unitId: 3, unitName: '丙', total: 50 }], { topN: 3, bottomN: 3 });
    expect(three.items.map((x) => [x.unitName, x.award])).toEqual([['甲', '猛虎奖'], ['丙', '蜗牛奖'], ['乙', '蜗牛奖']]);
  });
  it('empty list', () => {
    expect(rankUnits([])).toEqual({ items: [], notes: [] });
  });
});
