// Calendar dates as 'YYYY-MM-DD' strings. All arithmetic runs on UTC day numbers so that
// the server's own time zone can never shift a date (a Shanghai date is just a label here).
import { z } from 'zod';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isValidIsoDate(s: string): boolean {
  const m = ISO_DATE.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

export const isoDateSchema = z
  .string()
  .regex(ISO_DATE, '日期格式应为YYYY-MM-DD')
  .refine(isValidIsoDate, '日期不存在');
export type IsoDate = z.infer<typeof isoDateSchema>;

export const yearMonthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为YYYY-MM');

export function parseIsoDate(s: string): { year: number; month: number; day: number } {
  if (!isValidIsoDate(s)) throw new RangeError(`无效日期: ${s}`);
  return { year: Number(s.slice(0, 4)), month: Number(s.slice(5, 7)), day: Number(s.slice(8, 10)) };
}

export function formatIsoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInYear(year: number): number {
  return isLeapYear(year) ? 366 : 365;
}

function toDayNumber(s: string): number {
  const { year, month, day } = parseIsoDate(s);
  return Date.UTC(year, month - 1, day) / 86_400_000;
}

function fromDayNumber(n: number): string {
  const d = new Date(n * 86_400_000);
  return formatIsoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

export function addDays(date: string, days: number): string {
  return fromDayNumber(toDayNumber(date) + days);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return toDayNumber(to) - toDayNumber(from);
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: string): number {
  return new Date(toDayNumber(date) * 86_400_000).getUTCDay();
}

/** 1 for 1 January. */
export function dayOfYear(date: string): number {
  return daysBetween(`${date.slice(0, 4)}-01-01`, date) + 1;
}

export function firstOfMonth(year: number, month: number): string {
  return formatIsoDate(year, month, 1);
}

export function lastOfMonth(year: number, month: number): string {
  return formatIsoDate(year, month, daysInMonth(year, month));
}

/** Moves by whole months, keeping (year, month) arithmetic free of day overflow. */
export function addMonths(year: number, month: number, delta: number): { year: number; month: number } {
  const idx = year * 12 + (month - 1) + delta;
  return { year: Math.floor(idx / 12), month: (idx % 12) + 1 };
}

export function minDate(a: string, b: string): string {
  return a <= b ? a : b;
}

export function maxDate(a: string, b: string): string {
  return a >= b ? a : b;
}

const shanghaiFormatter = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** the last minute asked and its date: Intl's formatting was ~0.1 ms of every cached answer (bench/coverage.bench.ts) */
let lastDay = { minute: NaN, day: '' };

/** The calendar date in Beijing time at instant `now` (a 23:30 UTC instant is already tomorrow there). */
export function todayInShanghai(now: Date = new Date()): string {
  // UTC+8 all year: the date there changes only on a whole minute, so one minute has one date
  const minute = Math.floor(now.getTime() / 60_000);
  if (minute !== lastDay.minute) lastDay = { minute, day: shanghaiFormatter.format(now) };
  return lastDay.day;
}
