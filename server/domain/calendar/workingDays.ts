import { addDays, dayOfWeek, parseIsoDate } from '../dates.js';
import { defaultCalendar, type WorkingCalendar } from './calendarData.js';

export type DueDatePolicy = 'before' | 'after';

export function isWorkingDay(date: string, cal: WorkingCalendar = defaultCalendar): boolean {
  parseIsoDate(date);
  if (cal.workdays.has(date)) return true;
  if (cal.holidays.has(date)) return false;
  const dow = dayOfWeek(date);
  return dow !== 0 && dow !== 6;
}

/** The holiday's name, '调休上班' for a make-up working day, '周末' or null. */
export function dayKind(
  date: string,
  cal: WorkingCalendar = defaultCalendar,
): { working: boolean; label: string | null } {
  const working = isWorkingDay(date, cal);
  const makeUp = cal.workdays.get(date);
  if (makeUp) return { working, label: `调休上班(${makeUp})` };
  const holiday = cal.holidays.get(date);
  if (holiday) return { working, label: holiday };
  return { working, label: working ? null : '周末' };
}

// The longest run of non-working days in any notice is 9 (2026 Spring Festival); the bound
// only guards against a corrupt calendar looping forever.
const MAX_SEARCH = 60;

function step(date: string, dir: 1 | -1, cal: WorkingCalendar): string {
  let d = date;
  for (let i = 0; i < MAX_SEARCH; i++) {
    d = addDays(d, dir);
    if (isWorkingDay(d, cal)) return d;
  }
  throw new Error(`${MAX_SEARCH}天内找不到工作日: ${date}`);
}

/** First working day strictly after `date`. */
export function nextWorkingDay(date: string, cal: WorkingCalendar = defaultCalendar): string {
  return step(date, 1, cal);
}

/** Last working day strictly before `date`. */
export function previousWorkingDay(date: string, cal: WorkingCalendar = defaultCalendar): string {
  return step(date, -1, cal);
}

/**
 * A due date on a holiday or weekend moves to a working day. Default 'before': offices read
 * "25日前报送" as a deadline that must still be reachable, so it moves earlier, not later.
 */
export function adjustDueDate(
  date: string,
  policy: DueDatePolicy = 'before',
  cal: WorkingCalendar = defaultCalendar,
): string {
  if (isWorkingDay(date, cal)) return date;
  return policy === 'before' ? previousWorkingDay(date, cal) : nextWorkingDay(date, cal);
}

/** `n` working days after `date` (n = 0 returns `date` itself, working or not). */
export function addWorkingDays(date: string, n: number, cal: WorkingCalendar = defaultCalendar): string {
  let d = date;
  const dir = n >= 0 ? 1 : -1;
  for (let i = 0; i < Math.abs(n); i++) d = step(d, dir, cal);
  return d;
}

/** Working days in [from, to], both inclusive. */
export function countWorkingDays(from: string, to: string, cal: WorkingCalendar = defaultCalendar): number {
  let n = 0;
  for (let d = from; d <= to; d = addDays(d, 1)) if (isWorkingDay(d, cal)) n++;
  return n;
}

/**
 * Working days from `today` to a deadline, as a countdown reads them: the working days after today up to and
 * including the deadline (due tomorrow, a working day → 1; due today → 0), negative once it has passed
 * (−the working days after the deadline up to and including today: due yesterday, today a working day → −1).
 */
export function workingDaysUntil(today: string, deadline: string, cal: WorkingCalendar = defaultCalendar): number {
  if (deadline === today) return 0;
  if (deadline > today) return countWorkingDays(addDays(today, 1), deadline, cal);
  const late = countWorkingDays(addDays(deadline, 1), today, cal);
  return late ? -late : 0; // never −0
}
