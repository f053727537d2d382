// Project library rules (docs/domain.md §10): allowed phase moves, status in words against 序时进度, sums and years
// read from a project's own text.
import { describe, expect, it } from 'vitest';
import { allowedPhaseMoves, computeProjectStatus, finishFromText, investmentFromText } from '../../server/domain/projectStatus.js';

const base = { phase: 'construction' as const, startDate: '2026-01-01', finishDate: '2026-12-31', totalInvestment: 1000, completedInvestment: 0, reportedLastDue: true, anyPeriodDue: true, asOf: '2026-06-30' };

describe('phase moves', () => {
  it('one step on, one step back, 终止 before 竣工; final phases stay', () => {
    expect(allowedPhaseMoves('planning')).toEqual(['preparation', 'terminated']);
    expect(allowedPhaseMoves('construction')).toEqual(['completed', 'scheduled', 'terminated']);
    expect(allowedPhaseMoves('completed')).toEqual([]);
    expect(allowedPhaseMoves('terminated')).toEqual([]);
  });
});

describe('status', () => {
  it('compares the investment rate with 序时进度 (181/365 = 49.6%) with the task thresholds 10 / 30', () => {
    expect(computeProjectStatus({ ...base, completedInvestment: 400 })).toMatchObject({ color: 'green', state: 'on_track', pace: 49.6, investmentRate: 40, gap: 9.6 });
    expect(computeProjectStatus({ ...base, completedInvestment: 396 })).toMatchObject({ color: 'yellow', state: 'behind', gap: 10 });
    expect(computeProjectStatus({ ...base, completedInvestment: 196 })).toMatchObject({ color: 'yellow', gap: 30 });
    expect(computeProjectStatus({ ...base, completedInvestment: 195 })).toMatchObject({ color: 'red', state: 'seriously_behind' });
    expect(computeProjectStatus({ ...base, completedInvestment: 600 }).reason).toBe('序时进度49.6%,投资完成60%(累计600万元/总投资1000万元),快于序时进度10.4个百分点');
  });
  it('judges milestones: late start, overdue finish, unreported period, missing figures', () => {
    expect(computeProjectStatus({ ...base, phase: 'preparation', asOf: '2026-01-20' })).toMatchObject({ color: 'yellow', state: 'late_start', reason: '计划于2026-01-01开工,已过19天,仍处于前期阶段' });
    expect(computeProjectStatus({ ...base, phase: 'scheduled', asOf: '2026-03-01' })).toMatchObject({ color: 'red', state: 'late_start' });
    expect(computeProjectStatus({ ...base, phase: 'planning', startDate: '2027-01-01', finishDate: '2027-12-31' })).toMatchObject({ color: 'grey', state: 'not_started' });
    expect(computeProjectStatus({ ...base, asOf: '2027-01-05', completedInvestment: 900 })).toMatchObject({ color: 'red', state: 'overdue', reason: '已超过计划竣工时间2026-12-31(逾期5天),投资完成90%,尚未竣工' });
    expect(computeProjectStatus({ ...base, reportedLastDue: false })).toMatchObject({ color: 'grey', state: 'not_reported' });
    expect(computeProjectStatus({ ...base, totalInvestment: null })).toMatchObject({ color: 'grey', state: 'no_data' });
    expect(computeProjectStatus({ ...base, phase: 'completed' })).toMatchObject({ color: 'blue', state: 'completed' });
    expect(computeProjectStatus({ ...base, phase: 'terminated', phaseReason: '规划调整' }).reason).toBe('项目已终止:规划调整');
  });
});

describe('from the text', () => {
  it('reads an investment sum only when it is named as investment', () => {
    expect(investmentFromText('项目总投资约12亿元,建设泊位4个')).toBe(120000);
    expect(investmentFromText('计划投资3500万元')).toBe(3500);
    expect(investmentFromText('到2025年,茶园总面积15万亩,实现产值15亿元')).toBeNull();
    expect(investmentFromText('网上年销售额5000万元以上')).toBeNull();
  });
  it('reads the year a project is to be finished', () => {
    expect(finishFromText('到2025年,建成物流仓储用地面积25公顷')).toBe('2025-12-31');
    expect(finishFromText('2024年建成投用')).toBe('2024-12-31');
    expect(finishFromText('建设2个智慧果园')).toBeNull();
  });
});
