import { describe, expect, it } from 'vitest';
import {
  addWorkingDays,
  adjustDueDate,
  buildCalendar,
  calendarCoverage,
  countWorkingDays,
  dayKind,
  defaultCalendar,
  isWorkingDay,
  nextWorkingDay,
  previousWorkingDay,
  workingDaysUntil,
  type DueDatePolicy,
} from '../../server/domain/calendar/index.js';
import { addDays } from '../../server/domain/dates.js';

describe('isWorkingDay', () => {
  it.each([
    // 2025 National Day + Mid-Autumn: 10-01..10-08 off, 09-28 (Sun) and 10-11 (Sat) worked
    ['2025-09-26', true, 'Friday before'],
    ['2025-09-28', true, 'make-up Sunday'],
    ['2025-09-30', true, 'Tuesday before the holiday'],
    ['2025-10-01', false, 'National Day'],
    ['2025-10-06', false, 'Mid-Autumn inside the holiday'],
    ['2025-10-08', false, 'last day of the 8-day holiday'],
    ['2025-10-09', true, 'first working day after'],
    ['2025-10-11', true, 'make-up Saturday'],
    ['2025-10-12', false, 'ordinary Sunday'],
    // 2026 Spring Festival: 02-15..02-23 off; 02-14 and 02-28 (Saturdays) worked
    ['2026-02-13', true, 'Friday before'],
    ['2026-02-14', true, 'make-up Saturday before'],
    ['2026-02-15', false, '腊月二十八'],
    ['2026-02-17', false, '正月初一'],
    ['2026-02-23', false, 'Monday, 正月初七'],
    ['2026-02-24', true, 'back to work'],
    ['2026-02-28', true, 'make-up Saturday after'],
    // 2024 and 2025 Spring Festival
    ['2024-02-04', true, '2024 make-up Sunday'],
    ['2024-02-09', true, '2024 除夕 was not a statutory holiday'],
    ['2024-02-10', false, '2024 正月初一'],
    ['2024-02-18', true, '2024 make-up Sunday after'],
    ['2025-01-26', true, '2025 make-up Sunday'],
    ['2025-01-28', false, '2025 除夕 is a statutory holiday from 2025'],
    ['2025-02-04', false, '2025 正月初七'],
    ['2025-02-08', true, '2025 make-up Saturday'],
    // other holidays
    ['2024-01-01', false, '元旦 2024'],
    ['2025-01-01', false, '元旦 2025'],
    ['2026-01-02', false, '元旦 2026 bridge Friday'],
    ['2026-01-04', true, '元旦 2026 make-up Sunday'],
    ['2025-04-04', false, '清明 2025'],
    ['2026-04-06', false, '清明 2026 Monday'],
    ['2025-05-05', false, '劳动节 2025'],
    ['2025-04-27', true, '劳动节 2025 make-up Sunday'],
    ['2026-05-09', true, '劳动节 2026 make-up Saturday'],
    ['2026-06-19', false, '端午 2026'],
    ['2026-09-25', false, '中秋 2026'],
    ['2026-09-20', true, '国庆 2026 make-up Sunday'],
    ['2026-10-10', true, '国庆 2026 make-up Saturday'],
    ['2024-09-14', true, '中秋 2024 make-up Saturday'],
    ['2024-10-12', true, '国庆 2024 make-up Saturday'],
    // ordinary days and uncovered years
    ['2026-03-25', true, 'Wednesday'],
    ['2026-03-28', false, 'Saturday'],
    ['2030-10-01', true, 'outside the data: weekends only (a Tuesday)'],
    ['2027-10-01', false, '2027 provisional 国庆'],
  ])('%s → %s (%s)', (date, expected) => {
    expect(isWorkingDay(date)).toBe(expected);
  });

  it('rejects malformed and impossible dates', () => {
    expect(() => isWorkingDay('2026-2-3')).toThrow();
    expect(() => isWorkingDay('2026-02-30')).toThrow();
  });
});

describe('next / previous working day', () => {
  it.each([
    ['2025-09-30', '2025-10-09', '2025-09-29'],
    ['2025-10-03', '2025-10-09', '2025-09-30'],
    ['2026-02-13', '2026-02-14', '2026-02-12'],
    ['2026-02-20', '2026-02-24', '2026-02-14'],
    ['2026-03-27', '2026-03-30', '2026-03-26'],
    ['2025-12-31', '2026-01-04', '2025-12-30'],
  ])('%s → next %s, previous %s', (date, next, prev) => {
    expect(nextWorkingDay(date)).toBe(next);
    expect(previousWorkingDay(date)).toBe(prev);
  });
});

describe('adjustDueDate', () => {
  it.each([
    ['2026-03-25', 'before', '2026-03-25', 'working day stays'],
    ['2026-04-25', 'before', '2026-04-24', 'Saturday → Friday'],
    ['2026-04-25', 'after', '2026-04-27', 'Saturday → Monday'],
    ['2025-10-05', 'before', '2025-09-30', 'National Day → before the holiday'],
    ['2025-10-05', 'after', '2025-10-09', 'National Day → after the holiday'],
    ['2026-02-25', 'before', '2026-02-25', 'Wednesday after Spring Festival'],
    ['2026-02-22', 'before', '2026-02-14', 'inside Spring Festival → the make-up Saturday'],
    ['2026-02-22', 'after', '2026-02-24', 'inside Spring Festival → after'],
    ['2026-01-25', 'before', '2026-01-23', 'ordinary Sunday'],
    ['2026-10-11', 'before', '2026-10-10', 'Sunday after the make-up Saturday'],
  ])('%s %s → %s (%s)', (date, policy, expected) => {
    expect(adjustDueDate(date, policy as DueDatePolicy)).toBe(expected);
  });

  it('defaults to before', () => {
    expect(adjustDueDate('2026-04-25')).toBe('2026-04-24');
  });
});

describe('working-day arithmetic', () => {
  it('adds working days across a holiday', () => {
    expect(addWorkingDays('2025-09-30', 1)).toBe('2025-10-09');
    expect(addWorkingDays('2025-09-30', 0)).toBe('2025-09-30');
    expect(addWorkingDays('2025-10-09', -1)).toBe('2025-09-30');
  });
  it('counts working days in October 2025 (23 days minus 6 holiday weekdays plus one make-up Saturday)', () => {
    expect(countWorkingDays('2025-10-01', '2025-10-31')).toBe(18);
  });
  // Weekdays minus statutory days (11 in 2024, 13 from 2025): 调休 only moves days around, so a
  // wrong date in the data shows up here as a wrong total.
  it.each([
    [2024, 262 - 11],
    [2025, 261 - 13],
    [2026, 261 - 13],
  ])('%i has %i working days', (year, n) => {
    expect(countWorkingDays(`${year}-01-01`, `${year}-12-31`)).toBe(n);
  });
  it('counts the working days left to a deadline, and those since it passed, as a countdown reads them', () => {
    expect(workingDaysUntil('2025-09-30', '2025-09-30')).toBe(0); // due today
    expect(workingDaysUntil('2025-09-29', '2025-09-30')).toBe(1);
    expect(workingDaysUntil('2025-09-30', '2025-10-09')).toBe(1); // the holiday counts for nothing
    expect(workingDaysUntil('2025-09-26', '2025-10-09')).toBe(4); // 09-28 make-up Sunday, 09-29, 09-30, 10-09
    expect(workingDaysUntil('2025-10-09', '2025-09-30')).toBe(-1); // due before the holiday, today the first day back
    expect(workingDaysUntil('2025-10-04', '2025-09-30')).toBe(0); // passed, but no working day since: not yet a day late
    expect(workingDaysUntil('2026-12-04', '2026-11-25')).toBe(-7);
  });
});

describe('calendar data', () => {
  it('reports coverage per year', () => {
    expect(calendarCoverage(2024)).toBe('official');
    expect(calendarCoverage(2026)).toBe('official');
    expect(calendarCoverage(2027)).toBe('provisional');
    expect(calendarCoverage(2031)).toBe('weekends_only');
  });
  it('every make-up working day falls on a weekend', () => {
    for (const d of defaultCalendar.workdays.keys()) {
      const dow = new Date(`${d}T00:00:00Z`).getUTCDay();
      expect([0, 6]).toContain(dow);
    }
  });
  it('2025 onward has the statutory 11 + 2 days inside the holiday ranges', () => {
    // 元旦1 春节4 清明1 劳动2 端午1 中秋1 国庆3 = 13 statutory days since the 2024 revision
    for (const year of [2025, 2026]) {
      const weekdaysOff = [...defaultCalendar.holidays.keys()].filter((d) => d.startsWith(`${year}`)).length;
      expect(weekdaysOff).toBeGreaterThanOrEqual(13);
    }
  });
  it('labels days', () => {
    expect(dayKind('2025-10-01')).toEqual({ working: false, label: '国庆节、中秋节' });
    expect(dayKind('2026-02-28')).toEqual({ working: true, label: '调休上班(春节)' });
    expect(dayKind('2026-03-28')).toEqual({ working: false, label: '周末' });
    expect(dayKind('2026-03-27')).toEqual({ working: true, label: null });
  });
  it('rejects a contradictory calendar', () => {
    const bad = {
      years: {
        '2030': {
          provisional: false,
          source: 't',
          holidays: [{ name: 'x', from: '2030-01-05', to: '2030-01-06' }],
          workdays: [{ date: '2030-01-05', for: 'x' }],
        },
      },
    };
    expect(() => buildCalendar(bad)).toThrow(/矛盾/);
  });
  it('accepts a custom calendar', () => {
    const cal = buildCalendar({
      years: { '2030': { provisional: false, source: 't', holidays: [{ name: 'x', from: '2030-01-07', to: '2030-01-07' }], workdays: [] } },
    });
    expect(isWorkingDay('2030-01-07', cal)).toBe(false);
    expect(isWorkingDay('2030-01-07')).toBe(true);
    expect(addDays('2030-01-07', 1)).toBe('2030-01-08');
  });
});
