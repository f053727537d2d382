import { describe, expect, it } from 'vitest';
import { computeTaskStatus, timeElapsedPace, type TaskStatusInput } from '../../server/domain/status.js';

describe('timeElapsedPace (序时进度)', () => {
  it.each([
    ['2026-01-01', '2026-12-31', '2025-12-31', 0, 'before start'],
    ['2026-01-01', '2026-12-31', '2026-01-01', 0.3, 'first day counts as one day'],
    ['2026-01-01', '2026-12-31', '2026-06-30', 49.6, '181/365'],
    ['2026-01-01', '2026-12-31', '2026-12-31', 100, 'deadline itself'],
    ['2026-01-01', '2026-12-31', '2027-03-01', 100, 'after deadline'],
    ['2026-01-01', '2026-01-10', '2026-01-06', 60, '6/10'],
    ['2026-03-05', '2026-03-05', '2026-03-05', 100, 'one-day task'],
  ])('%s..%s at %s → %s (%s)', (start, deadline, asOf, pace) => {
    expect(timeElapsedPace(start, deadline, asOf)).toBe(pace);
  });
  it('rejects a deadline before the start', () => {
    expect(() => timeElapsedPace('2026-02-01', '2026-01-01', '2026-01-15')).toThrow(/早于/);
  });
});

// 10-day task, day 6 → pace 60%
const base: TaskStatusInput = {
  start: '2026-01-01',
  deadline: '2026-01-10',
  progress: 60,
  reportedStatus: '推进中',
  hasReportForCurrentPeriod: true,
  asOf: '2026-01-06',
};

describe('computeTaskStatus', () => {
  it.each([
    // progress, color, state, gap
    [60, 'green', 'on_track', 0],
    [55, 'green', 'on_track', 5],
    [50.1, 'green', 'on_track', 9.9],
    [50, 'yellow', 'behind', 10], // exactly 10 points → yellow
    [35, 'yellow', 'behind', 25],
    [30, 'yellow', 'behind', 30], // exactly 30 points → still yellow
    [29.9, 'red', 'seriously_behind', 30.1],
    [0, 'red', 'seriously_behind', 60],
    [80, 'green', 'on_track', -20],
  ] as const)('progress %s → %s %s (gap %s)', (progress, color, state, gap) => {
    const s = computeTaskStatus({ ...base, progress });
    expect(s).toMatchObject({ color, state, gap, pace: 60 });
  });

  it('writes the reason in Chinese', () => {
    expect(computeTaskStatus({ ...base, progress: 35 }).reason).toBe('序时进度60%,实际进度35%,落后25个百分点');
    expect(computeTaskStatus({ ...base, progress: 80 }).reason).toBe('序时进度60%,实际进度80%,快于序时进度20个百分点');
    expect(computeTaskStatus({ ...base, progress: 55 }).reason).toContain('在允许范围内');
    expect(computeTaskStatus({ ...base, progress: 60 }).reason).toContain('持平');
  });

  it.each([
    [{ reportedStatus: '已完成', progress: 80 }, 'blue', 'completed'],
    [{ progress: 100 }, 'blue', 'completed'],
    [{ progress: 100, asOf: '2026-02-01' }, 'blue', 'completed'], // completed beats overdue
    [{ asOf: '2025-12-31', progress: null, hasReportForCurrentPeriod: false }, 'grey', 'not_started'],
    [{ asOf: '2026-01-11', progress: 90 }, 'red', 'overdue'],
    [{ asOf: '2026-01-11', progress: null, hasReportForCurrentPeriod: false }, 'red', 'overdue'],
    [{ hasReportForCurrentPeriod: false }, 'grey', 'not_reported'],
    [{ reportedStatus: '受阻', progress: 58 }, 'red', 'blocked'],
    [{ reportedStatus: '受阻', thresholds: { blockedColor: 'yellow' } }, 'yellow', 'blocked'],
    [{ reportedStatus: '滞后', progress: 58 }, 'yellow', 'behind'], // unit says so, even within 10 points
    [{ reportedStatus: '未开始', progress: null }, 'red', 'seriously_behind'], // nothing done at 60%
    [{ progress: null }, 'green', 'on_track'],
    [{ progress: null, reportedStatus: '滞后' }, 'yellow', 'behind'],
    [{ start: null, progress: 10 }, 'green', 'on_track'],
    [{ progress: 45, thresholds: { yellowGap: 5, redGap: 15 } }, 'yellow', 'behind'],
    [{ progress: 44, thresholds: { yellowGap: 5, redGap: 15 } }, 'red', 'seriously_behind'],
  ] as const)('%o → %s %s', (patch, color, state) => {
    const s = computeTaskStatus({ ...base, ...patch } as TaskStatusInput);
    expect(s.color).toBe(color);
    expect(s.state).toBe(state);
  });

  it('explains overdue, not reported, blocked and not started', () => {
    expect(computeTaskStatus({ ...base, asOf: '2026-01-13', progress: 90 }).reason).toBe(
      '已超过完成时限2026-01-10(逾期3天),实际进度90%,尚未完成',
    );
    expect(computeTaskStatus({ ...base, hasReportForCurrentPeriod: false }).reason).toBe('本报送期未报送进展(当前序时进度60%)');
    expect(computeTaskStatus({ ...base, reportedStatus: '受阻', progress: 35 }).reason).toBe(
      '单位报告推进受阻,需协调解决;序时进度60%,实际进度35%',
    );
    expect(computeTaskStatus({ ...base, asOf: '2025-12-01' }).reason).toBe('计划于2026-01-01开始,尚未到开始时间');
  });

  it('a year-long task at mid-year', () => {
    const s = computeTaskStatus({ ...base, deadline: '2026-12-31', asOf: '2026-06-30', progress: 35 });
    expect(s).toMatchObject({ pace: 49.6, gap: 14.6, color: 'yellow' });
  });

  it('validates inputs', () => {
    expect(() => computeTaskStatus({ ...base, progress: 120 })).toThrow();
    expect(() => computeTaskStatus({ ...base, thresholds: { yellowGap: 40, redGap: 30 } })).toThrow();
  });
});

describe('computeTaskStatus: the states of one vocabulary (issue #11)', () => {
  it('a report waiting for the office is 已报送待审核, judged on its own figures, never "未填写进度"', () => {
    const pending = { progress: 60, reportedStatus: '推进中' as const, periodLabel: '2026年1月' };
    const s = computeTaskStatus({ ...base, progress: null, reportedStatus: null, pending });
    expect(s).toMatchObject({ state: 'awaiting_review', color: 'green', gap: 0 });
    expect(s.reason).toBe('2026年1月进展已报送,待规划办审核;序时进度60%,实际进度60%,与序时进度持平');
    expect(s.reason).not.toContain('未填写进度');
    // a pending 20 % at a 60 % pace keeps its red colour while it waits
    expect(computeTaskStatus({ ...base, pending: { ...pending, progress: 20 } })).toMatchObject({ state: 'awaiting_review', color: 'red' });
    // even when the due period itself was not reported, the report in hand is what is judged
    expect(computeTaskStatus({ ...base, hasReportForCurrentPeriod: false, progress: null, reportedStatus: null, pending }).state).toBe('awaiting_review');
  });

  it('no report ever due: 无应报进展, grey — never 未报送 and never red for silence', () => {
    const none = { ...base, progress: null, reportedStatus: null, hasReportForCurrentPeriod: true, reportsDue: false };
    expect(computeTaskStatus({ ...none, noReportsWhy: 'no_lead_unit' })).toMatchObject({ state: 'nothing_due', color: 'grey', reason: '未明确牵头单位,尚无应报进展' });
    expect(computeTaskStatus({ ...none, firstDue: '2026-01-25' }).reason).toBe('尚未到首个报送截止日(2026-01-25),无应报进展');
    // past its deadline without anybody ever asked: said, not painted red
    const late = computeTaskStatus({ ...none, asOf: '2026-02-01', noReportsWhy: 'no_lead_unit' });
    expect(late).toMatchObject({ state: 'nothing_due', color: 'grey' });
    expect(late.reason).toContain('完成时限2026-01-10已过');
    // an accepted figure is judged as usual
    expect(computeTaskStatus({ ...none, progress: 10 }).state).toBe('seriously_behind');
  });

  it('a report still with the unit head is not yet with the office: 未报送, and the reason says where it is', () => {
    const s = computeTaskStatus({ ...base, hasReportForCurrentPeriod: false, withUnitHead: true });
    expect(s).toMatchObject({ state: 'not_reported', color: 'grey' });
    expect(s.reason).toBe('本报送期进展尚在单位负责人审核,未报送规划办(当前序时进度60%)');
  });
});
