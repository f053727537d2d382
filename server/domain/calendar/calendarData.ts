// The shipped State Council holiday notices, validated once at load so a bad edit to the
// JSON fails loudly at start-up instead of silently turning a holiday into a working day.
import { z } from 'zod';
import { addDays, isoDateSchema } from '../dates.js';
import shipped from './holidays.json' with { type: 'json' };

const holidayRangeSchema = z
  .object({ name: z.string().min(1), from: isoDateSchema, to: isoDateSchema })
  .refine((r) => r.from <= r.to, '假期起止日期颠倒');

export const holidayYearSchema = z.object({
  provisional: z.boolean(),
  source: z.string(),
  holidays: z.array(holidayRangeSchema),
  workdays: z.array(z.object({ date: isoDateSchema, for: z.string() })),
});

export const holidayDataSchema = z.object({
  $comment: z.string().optional(),
  years: z.record(z.string().regex(/^\d{4}$/), holidayYearSchema),
});
export type HolidayData = z.infer<typeof holidayDataSchema>;

export interface WorkingCalendar {
  /** date → holiday name (放假) */
  holidays: ReadonlyMap<string, string>;
  /** date → holiday it makes up for (调休上班) */
  workdays: ReadonlyMap<string, string>;
  years: ReadonlyMap<number, { provisional: boolean; source: string }>;
}

export function buildCalendar(data: unknown): WorkingCalendar {
  const parsed = holidayDataSchema.parse(data);
  const holidays = new Map<string, string>();
  const workdays = new Map<string, string>();
  const years = new Map<number, { provisional: boolean; source: string }>();
  for (const [year, y] of Object.entries(parsed.years)) {
    years.set(Number(year), { provisional: y.provisional, source: y.source });
    for (const r of y.holidays) {
      for (let d = r.from; d <= r.to; d = addDays(d, 1)) holidays.set(d, r.name);
    }
    for (const w of y.workdays) workdays.set(w.date, w.for);
  }
  for (const d of workdays.keys()) {
    if (holidays.has(d)) throw new Error(`节假日数据矛盾: ${d} 既是放假日又是调休上班日`);
  }
  return { holidays, workdays, years };
}

export const defaultCalendar: WorkingCalendar = buildCalendar(shipped);

export type CalendarCoverage = 'official' | 'provisional' | 'weekends_only';

/** Whether a year's dates come from a published notice; outside the data only weekends are known. */
export function calendarCoverage(year: number, cal: WorkingCalendar = defaultCalendar): CalendarCoverage {
  const y = cal.years.get(year);
  if (!y) return 'weekends_only';
  return y.provisional ? 'provisional' : 'official';
}
