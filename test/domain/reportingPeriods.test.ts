import { describe, expect, it } from 'vitest';
import { generatePeriods, periodFor, periodState, type ReportingPeriod } from '../../server/domain/reportingPeriods.js';

describe('generatePeriods', () => {
  it('monthly by default, due the 25th, moved before weekends and holidays', () => {
    const ps = generatePeriods({ startMonth: '2026-01', endMonth: '2026-12' });
    expect(ps).toHaveLength(12);
    expect(ps.map((p) => p.key)).toEqual([
      '2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06',
      '2026-07', '2026-08', '2026-09', '2026-10', '2026-11', '2026-12',
    ]);
    expect(ps[2]).toMatchObject({ label: '2026年3月', start: '2026-03-01', end: '2026-03-31', dueDate: '2026-03-25', opensOn: '2026-03-01' });
    expect(ps[0].dueDate).toBe('2026-01-23'); // 25 Jan 2026 is a Sunday
    expect(ps[3]).toMatchObject({ nominalDueDate: '2026-04-25', dueDate: '2026-04-24' }); // Saturday
    expect(ps[1].end).toBe('2026-02-28');
  });

  it.each([
    ['quarterly', ['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4'], ['2026年第一季度', '2026年第二季度', '2026年第三季度', '2026年第四季度']],
    ['half_year', ['2026-H1', '2026-H2'], ['2026年上半年', '2026年下半年']],
    ['annual', ['2026'], ['2026年度']],
  ] as const)('%s keys and labels', (frequency, keys, labels) => {
    const ps = generatePeriods({ frequency, startMonth: '2026-01', endMonth: '2026-12' });
    expect(ps.map((p) => p.key)).toEqual(keys);
    expect(ps.map((p) => p.label)).toEqual(labels);
  });

  it('quarter spans and due dates', () => {
    const [q1, q2, q3, q4] = generatePeriods({ frequency: 'quarterly', startMonth: '2026-01', endMonth: '2026-12' });
    expect(q1).toMatchObject({ start: '2026-01-01', end: '2026-03-31', dueDate: '2026-03-25', opensOn: '2026-03-01' });
    expect(q2).toMatchObject({ start: '2026-04-01', end: '2026-06-30', dueDate: '2026-06-25' });
    expect(q3).toMatchObject({ start: '2026-07-01', end: '2026-09-30', dueDate: '2026-09-24' }); // 中秋 Friday 25 Sep
    expect(q4).toMatchObject({ start: '2026-10-01', end: '2026-12-31', dueDate: '2026-12-25' });
  });

  it('periods overlapping a mid-quarter start keep their full span', () => {
    const ps = generatePeriods({ frequency: 'quarterly', startMonth: '2025-11', endMonth: '2026-02' });
    expect(ps.map((p) => p.key)).toEqual(['2025-Q4', '2026-Q1']);
    expect(ps[0].start).toBe('2025-10-01');
  });

  it('due in the following month, with a holiday pushing it earlier', () => {
    // Q3 2025 report due 5 Oct 2025 → inside National Day → 30 Sep
    const [q3] = generatePeriods({ frequency: 'quarterly', dueDay: 5, dueMonthOffset: 1, startMonth: '2025-07', endMonth: '2025-09' });
    // the window opens on the 1st of the month the due date moved into, never after the due date
    expect(q3).toMatchObject({ nominalDueDate: '2025-10-05', dueDate: '2025-09-30', opensOn: '2025-09-01' });
    const [q3after] = generatePeriods({ frequency: 'quarterly', dueDay: 5, dueMonthOffset: 1, duePolicy: 'after', startMonth: '2025-07', endMonth: '2025-09' });
    expect(q3after).toMatchObject({ dueDate: '2025-10-09', opensOn: '2025-10-01' });
  });

  it('due day 31 clamps to the month end, policy after moves forward', () => {
    const ps = generatePeriods({ dueDay: 31, duePolicy: 'after', startMonth: '2026-02', endMonth: '2026-04' });
    expect(ps.map((p) => p.nominalDueDate)).toEqual(['2026-02-28', '2026-03-31', '2026-04-30']);
    expect(ps[0].dueDate).toBe('2026-02-28'); // make-up Saturday is a working day
    expect(ps[2].dueDate).toBe('2026-04-30');
  });

  it('spring festival month: due 25 Feb 2026 is a working Wednesday', () => {
    const [feb] = generatePeriods({ startMonth: '2026-02', endMonth: '2026-02' });
    expect(feb.dueDate).toBe('2026-02-25');
  });

  it('locksOn after grace working days, or calendar days', () => {
    const [sep] = generatePeriods({ startMonth: '2025-09', endMonth: '2025-09' });
    // due Thu 25 Sep; 5 working days: 26, 28 (make-up Sun), 29, 30 Sep, 9 Oct → locks 10 Oct
    expect(sep.dueDate).toBe('2025-09-25');
    expect(sep.locksOn).toBe('2025-10-10');
    const [sepCal] = generatePeriods({ graceUnit: 'calendar', graceDays: 5, startMonth: '2025-09', endMonth: '2025-09' });
    expect(sepCal.locksOn).toBe('2025-10-01');
    const [noGrace] = generatePeriods({ graceDays: 0, startMonth: '2025-09', endMonth: '2025-09' });
    expect(noGrace.locksOn).toBe('2025-09-26');
  });

  it('opensDaysBeforeDue', () => {
    const [m] = generatePeriods({ opensDaysBeforeDue: 10, startMonth: '2026-03', endMonth: '2026-03' });
    expect(m.opensOn).toBe('2026-03-15');
  });

  it('rejects a reversed range and bad months', () => {
    expect(() => generatePeriods({ startMonth: '2026-05', endMonth: '2026-04' })).toThrow();
    expect(() => generatePeriods({ startMonth: '2026-13', endMonth: '2027-01' })).toThrow();
  });

  it('covers a five-year plan', () => {
    expect(generatePeriods({ startMonth: '2026-01', endMonth: '2030-12' })).toHaveLength(60);
    expect(generatePeriods({ frequency: 'quarterly', startMonth: '2026-01', endMonth: '2030-12' })).toHaveLength(20);
  });

  it('answers the same input with the same frozen periods (shared by every caller)', () => {
    const input = { frequency: 'quarterly' as const, dueDay: 10, dueMonthOffset: 1, startMonth: '2026-01', endMonth: '2026-12' };
    const first = generatePeriods(input);
    expect(generatePeriods({ ...input })).toBe(first);
    expect(Object.isFrozen(first) && first.every((p) => Object.isFrozen(p))).toBe(true);
    expect(() => ((first[0] as { dueDate: string }).dueDate = '2026-01-01')).toThrow(TypeError);
    // another input is worked out on its own
    expect(generatePeriods({ ...input, dueDay: 11 })[0].nominalDueDate).toBe('2026-04-11');
    expect(first[0].nominalDueDate).toBe('2026-04-10');
  });
});

describe('periodFor', () => {
  it.each([
    ['2026-03-15', 'monthly', '2026-03'],
    ['2026-03-31', 'quarterly', '2026-Q1'],
    ['2026-04-01', 'quarterly', '2026-Q2'],
    ['2026-12-31', 'quarterly', '2026-Q4'],
    ['2026-06-30', 'half_year', '2026-H1'],
    ['2026-07-01', 'half_year', '2026-H2'],
    ['2026-07-01', 'annual', '2026'],
  ] as const)('%s %s → %s', (date, frequency, key) => {
    expect(periodFor(date, { frequency }).key).toBe(key);
  });
});

describe('periodState', () => {
  // March 2026: opens 1 Mar, due 25 Mar (Wed), locks after 5 working days → 2026-04-02 (1 Apr is the 5th)
  const march: ReportingPeriod = generatePeriods({ startMonth: '2026-03', endMonth: '2026-03' })[0];
  it('has the expected lock date', () => expect(march.locksOn).toBe('2026-04-02'));
  it.each([
    ['2026-02-28', false, 'upcoming'],
    ['2026-03-01', false, 'open'],
    ['2026-03-21', false, 'open'],
    ['2026-03-22', false, 'due_soon'],
    ['2026-03-25', false, 'due_soon'],
    ['2026-03-26', false, 'overdue'],
    ['2026-03-26', true, 'closed'],
    ['2026-04-01', false, 'overdue'],
    ['2026-04-02', false, 'locked'],
    ['2026-04-02', true, 'locked'],
  ] as const)('%s submitted=%s → %s', (today, submitted, state) => {
    expect(periodState(march, today, { submitted })).toBe(state);
  });
  it('due_soon window is configurable', () => {
    expect(periodState(march, '2026-03-20', { dueSoonDays: 5 })).toBe('due_soon');
    expect(periodState(march, '2026-03-24', { dueSoonDays: 0 })).toBe('open');
  });
});
