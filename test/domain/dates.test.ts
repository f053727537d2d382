import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  dayOfWeek,
  dayOfYear,
  daysBetween,
  isoDateSchema,
  isValidIsoDate,
  lastOfMonth,
  todayInShanghai,
} from '../../server/domain/dates.js';

describe('dates', () => {
  it.each([
    ['2024-02-29', true],
    ['2025-02-29', false],
    ['2026-13-01', false],
    ['2026-1-01', false],
    ['2026-04-31', false],
    ['2026-12-31', true],
  ])('isValidIsoDate(%s) = %s', (s, ok) => {
    expect(isValidIsoDate(s)).toBe(ok);
    expect(isoDateSchema.safeParse(s).success).toBe(ok);
  });

  it('adds days across month, year and DST-free boundaries', () => {
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(addDays('2026-03-08', 30)).toBe('2026-04-07');
    expect(daysBetween('2026-01-01', '2026-12-31')).toBe(364);
    expect(daysBetween('2026-12-31', '2026-01-01')).toBe(-364);
  });

  it('weekday, day of year, month ends', () => {
    expect(dayOfWeek('2026-11-22')).toBe(0);
    expect(dayOfYear('2024-12-31')).toBe(366);
    expect(lastOfMonth(2026, 2)).toBe('2026-02-28');
    expect(lastOfMonth(2028, 2)).toBe('2028-02-29');
    expect(addMonths(2026, 11, 3)).toEqual({ year: 2027, month: 2 });
    expect(addMonths(2026, 1, -1)).toEqual({ year: 2025, month: 12 });
  });

  it('today in Shanghai is ahead of UTC late in the UTC evening', () => {
    expect(todayInShanghai(new Date('2026-03-24T16:30:00Z'))).toBe('2026-03-25');
    expect(todayInShanghai(new Date('2026-03-24T15:59:59Z'))).toBe('2026-03-24');
  });

  it('today in Shanghai, asked instant after instant across midnight there and back, is each instant’s own date', () => {
    const at = (iso: string) => todayInShanghai(new Date(iso));
    expect([
      at('2026-03-24T15:59:00Z'),
      at('2026-03-24T15:59:59.999Z'),
      at('2026-03-24T16:00:00Z'),
      at('2026-03-24T15:59:30Z'),
      at('2026-12-31T16:00:00Z'),
    ]).toEqual(['2026-03-24', '2026-03-24', '2026-03-25', '2026-03-24', '2027-01-01']);
  });
});
