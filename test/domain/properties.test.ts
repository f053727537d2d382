// Invariants over many random inputs, alongside the hand-picked tables.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { adjustDueDate, isWorkingDay, nextWorkingDay, previousWorkingDay } from '../../server/domain/calendar/index.js';
import { addDays } from '../../server/domain/dates.js';
import { periodFor } from '../../server/domain/reportingPeriods.js';
import { computeTaskStatus, timeElapsedPace } from '../../server/domain/status.js';

const dateIn2024to2027 = fc.integer({ min: 0, max: 4 * 365 }).map((n) => addDays('2024-01-01', n));

describe('properties', () => {
  it('adjusted due dates are working days on the chosen side', () => {
    fc.assert(
      fc.property(dateIn2024to2027, (d) => {
        const before = adjustDueDate(d, 'before');
        const after = adjustDueDate(d, 'after');
        expect(isWorkingDay(before) && isWorkingDay(after)).toBe(true);
        expect(before <= d && d <= after).toBe(true);
        expect(previousWorkingDay(d) < d && d < nextWorkingDay(d)).toBe(true);
      }),
    );
  });

  it('every date lies inside its own period, and the due date is not before the period opens', () => {
    const freq = fc.constantFrom('monthly', 'quarterly', 'half_year', 'annual' as const);
    fc.assert(
      fc.property(dateIn2024to2027, freq, (d, frequency) => {
        const p = periodFor(d, { frequency });
        expect(p.start <= d && d <= p.end).toBe(true);
        expect(p.opensOn <= p.dueDate && p.dueDate < p.locksOn).toBe(true);
      }),
    );
  });

  it('pace is monotone in time and within 0..100', () => {
    fc.assert(
      fc.property(dateIn2024to2027, fc.integer({ min: 0, max: 900 }), dateIn2024to2027, (start, len, asOf) => {
        const deadline = addDays(start, len);
        const a = timeElapsedPace(start, deadline, asOf);
        const b = timeElapsedPace(start, deadline, addDays(asOf, 1));
        expect(a >= 0 && a <= 100 && b >= a).toBe(true);
      }),
    );
  });

  it('more progress never makes a task colour worse', () => {
    const rank = { blue: 0, green: 1, grey: 1, yellow: 2, red: 3 } as const;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99 }), fc.integer({ min: 1, max: 30 }), (p, extra) => {
        const input = { start: '2026-01-01', deadline: '2026-12-31', reportedStatus: '推进中' as const, hasReportForCurrentPeriod: true, asOf: '2026-09-01' };
        const lo = computeTaskStatus({ ...input, progress: p });
        const hi = computeTaskStatus({ ...input, progress: Math.min(100, p + extra) });
        expect(rank[hi.color]).toBeLessThanOrEqual(rank[lo.color]);
      }),
    );
  });
});
