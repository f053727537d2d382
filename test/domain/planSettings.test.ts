import { describe, expect, it } from 'vitest';
import { readPlanDomainSettings } from '../../server/domain/planSettings.js';
import { resolveDeadline, resolveTaskStart } from '../../server/domain/taskDates.js';

describe('readPlanDomainSettings', () => {
  it('fills every default from an empty record', () => {
    const s = readPlanDomainSettings({});
    expect(s.reporting).toMatchObject({ frequency: 'monthly', dueDay: 25, duePolicy: 'before', graceDays: 5 });
    expect(s.taskThresholds).toEqual({ yellowGap: 10, redGap: 30, blockedColor: 'red' });
    expect(s.indicator.tolerance).toBe(0.05);
    expect(s.unitScore.weights).toEqual({ reporting: 30, tasks: 30, indicators: 20, notices: 10, revisions: 10 });
    expect(s.ranking).toEqual({ topN: 3, bottomN: 3, topAward: '猛虎奖', bottomAward: '蜗牛奖' });
    expect(readPlanDomainSettings(null).reporting.dueDay).toBe(25);
  });
  it('keeps saved values, fills the rest, ignores foreign keys', () => {
    const s = readPlanDomainSettings({ reporting: { frequency: 'quarterly' }, taskThresholds: { redGap: 40 }, unitScore: { weights: { reporting: 40 } }, theme: 'x' });
    expect(s.reporting).toMatchObject({ frequency: 'quarterly', dueDay: 25 });
    expect(s.taskThresholds).toEqual({ yellowGap: 10, redGap: 40, blockedColor: 'red' });
    expect(s.unitScore.weights.reporting).toBe(40);
    expect(s.unitScore.weights.tasks).toBe(30);
    expect('theme' in s).toBe(false);
  });
  it('rejects invalid settings', () => {
    expect(() => readPlanDomainSettings({ reporting: { dueDay: 32 } })).toThrow();
    expect(() => readPlanDomainSettings({ taskThresholds: { yellowGap: 50 } })).toThrow();
  });
});

describe('task dates', () => {
  it.each([
    ['2026-06', '2026-06-30'],
    ['2026-12', '2026-12-31'],
    ['2028-02', '2028-02-29'],
    ['2026-06-15', '2026-06-15'],
    [null, null],
  ])('resolveDeadline(%s) = %s', (d, expected) => {
    expect(resolveDeadline(d)).toBe(expected);
  });
  it('rejects malformed deadlines', () => {
    expect(() => resolveDeadline('2026-13')).toThrow();
    expect(() => resolveDeadline('2026')).toThrow();
  });
  it('task start', () => {
    expect(resolveTaskStart(2026)).toBe('2026-01-01');
    expect(resolveTaskStart(2026, '2026-04-10')).toBe('2026-04-10');
    expect(resolveTaskStart(2026, '2025-11-01')).toBe('2026-01-01');
  });
});
