// Reporting periods (报送周期) of a plan and where "today" stands in each.
import { z } from 'zod';
import { addWorkingDays, adjustDueDate, defaultCalendar, type WorkingCalendar } from './calendar/index.js';
import {
  addDays,
  addMonths,
  daysInMonth,
  firstOfMonth,
  formatIsoDate,
  isoDateSchema,
  lastOfMonth,
  minDate,
  parseIsoDate,
  yearMonthSchema,
} from './dates.js';
import { reportingConfigSchema, reportingFrequencySchema, type ReportingConfig, type ReportingConfigInput, type ReportingFrequency } from '../../shared/planSettings.js';

export { reportingFrequencySchema, reportingConfigSchema } from '../../shared/planSettings.js';
export type { ReportingFrequency, ReportingConfig, ReportingConfigInput } from '../../shared/planSettings.js';


export const reportingPeriodSchema = z.object({
  key: z.string(), // '2026-03' | '2026-Q1' | '2026-H1' | '2026'
  label: z.string(), // '2026年3月' | '2026年第一季度' | '2026年上半年' | '2026年度'
  frequency: reportingFrequencySchema,
  start: isoDateSchema,
  end: isoDateSchema,
  dueDate: isoDateSchema, // working-day adjusted
  nominalDueDate: isoDateSchema, // before adjustment, for "原定X日,遇节假日调整"
  opensOn: isoDateSchema,
  locksOn: isoDateSchema, // first day on which the period is locked
});
export type ReportingPeriod = z.infer<typeof reportingPeriodSchema>;

export const periodStateSchema = z.enum(['upcoming', 'open', 'due_soon', 'overdue', 'closed', 'locked']);
export type PeriodState = z.infer<typeof periodStateSchema>;

const MONTHS_PER_PERIOD: Record<ReportingFrequency, number> = {
  monthly: 1,
  quarterly: 3,
  half_year: 6,
  annual: 12,
};

const QUARTER_NAMES = ['一', '二', '三', '四'];

function keyAndLabel(freq: ReportingFrequency, year: number, firstMonth: number): { key: string; label: string } {
  switch (freq) {
    case 'monthly':
      return { key: `${year}-${String(firstMonth).padStart(2, '0')}`, label: `${year}年${firstMonth}月` };
    case 'quarterly': {
      const q = (firstMonth - 1) / 3;
      return { key: `${year}-Q${q + 1}`, label: `${year}年第${QUARTER_NAMES[q]}季度` };
    }
    case 'half_year':
      return firstMonth === 1
        ? { key: `${year}-H1`, label: `${year}年上半年` }
        : { key: `${year}-H2`, label: `${year}年下半年` };
    case 'annual':
      return { key: `${year}`, label: `${year}年度` };
  }
}

/** Periods are aligned to the calendar (Q1 = Jan–Mar), not to the plan's start month. */
function periodStartMonth(freq: ReportingFrequency, month: number): number {
  const n = MONTHS_PER_PERIOD[freq];
  return Math.floor((month - 1) / n) * n + 1;
}

function buildPeriod(
  freq: ReportingFrequency,
  year: number,
  firstMonth: number,
  cfg: ReportingConfig,
  cal: WorkingCalendar,
): ReportingPeriod {
  const n = MONTHS_PER_PERIOD[freq];
  const last = addMonths(year, firstMonth, n - 1);
  const dueMonth = addMonths(last.year, last.month, cfg.dueMonthOffset);
  const nominalDueDate = formatIsoDate(
    dueMonth.year,
    dueMonth.month,
    Math.min(cfg.dueDay, daysInMonth(dueMonth.year, dueMonth.month)),
  );
  const dueDate = adjustDueDate(nominalDueDate, cfg.duePolicy, cal);
  const lastAccepted =
    cfg.graceUnit === 'working' ? addWorkingDays(dueDate, cfg.graceDays, cal) : addDays(dueDate, cfg.graceDays);
  // A holiday can pull the due date back into the previous month (5 Oct → 30 Sep); the
  // window then opens on the 1st of that month so it is never a single day long.
  const opensOn =
    cfg.opensDaysBeforeDue === null
      ? minDate(firstOfMonth(dueMonth.year, dueMonth.month), `${dueDate.slice(0, 7)}-01`)
      : addDays(dueDate, -cfg.opensDaysBeforeDue);
  return {
    ...keyAndLabel(freq, year, firstMonth),
    frequency: freq,
    start: firstOfMonth(year, firstMonth),
    end: lastOfMonth(last.year, last.month),
    dueDate,
    nominalDueDate,
    opensOn,
    locksOn: addDays(lastAccepted, 1),
  };
}

export const generatePeriodsInputSchema = reportingConfigSchema.extend({
  startMonth: yearMonthSchema, // 'YYYY-MM', e.g. the plan's first month
  endMonth: yearMonthSchema,
});
export type GeneratePeriodsInput = z.input<typeof generatePeriodsInputSchema>;

/**
 * generatePeriods' answers per calendar and input: a plan's periods are asked for by every report saved, every status
 * worked out and every board (three years of months, each due date walked over the working days: ~0.1 ms), and they
 * depend on nothing else. Frozen, since they are shared; at most MEMO_MAX inputs per calendar (then it starts again).
 */
const memo = new WeakMap<WorkingCalendar, Map<string, readonly ReportingPeriod[]>>();
const MEMO_MAX = 1000;

/** Every period that overlaps [startMonth, endMonth]; periods keep their full natural span. The array and its periods are frozen (shared by every caller). */
export function generatePeriods(input: GeneratePeriodsInput, cal: WorkingCalendar = defaultCalendar): readonly ReportingPeriod[] {
  let known = memo.get(cal);
  if (!known) memo.set(cal, (known = new Map()));
  const key = JSON.stringify(input);
  let periods = known.get(key);
  if (!periods) {
    periods = Object.freeze(computePeriods(input, cal).map((p) => Object.freeze(p)));
    if (known.size >= MEMO_MAX) known.clear();
    known.set(key, periods);
  }
  return periods;
}

function computePeriods(input: GeneratePeriodsInput, cal: WorkingCalendar): ReportingPeriod[] {
  const { startMonth, endMonth, ...rest } = generatePeriodsInputSchema.parse(input);
  const cfg = reportingConfigSchema.parse(rest);
  if (startMonth > endMonth) throw new RangeError(`起始月份${startMonth}晚于结束月份${endMonth}`);
  const n = MONTHS_PER_PERIOD[cfg.frequency];
  const [sy, sm] = startMonth.split('-').map(Number);
  const [ey, em] = endMonth.split('-').map(Number);
  const out: ReportingPeriod[] = [];
  let cur = { year: sy, month: periodStartMonth(cfg.frequency, sm) };
  while (cur.year * 12 + cur.month <= ey * 12 + em) {
    out.push(buildPeriod(cfg.frequency, cur.year, cur.month, cfg, cal));
    cur = addMonths(cur.year, cur.month, n);
  }
  return out;
}

/** The period of the given frequency whose span contains `date`. */
export function periodFor(
  date: string,
  config: ReportingConfigInput = {},
  cal: WorkingCalendar = defaultCalendar,
): ReportingPeriod {
  const cfg = reportingConfigSchema.parse(config);
  const { year, month } = parseIsoDate(date);
  return buildPeriod(cfg.frequency, year, periodStartMonth(cfg.frequency, month), cfg, cal);
}

/**
 * Order matters: a locked period stays locked even if it was submitted; `submitted` only
 * turns a past-due period from 'overdue' into 'closed' (nothing left to chase).
 */
export function periodState(
  period: Pick<ReportingPeriod, 'opensOn' | 'dueDate' | 'locksOn'>,
  today: string,
  opts: { submitted?: boolean; dueSoonDays?: number } = {},
): PeriodState {
  const dueSoonDays = opts.dueSoonDays ?? 3;
  if (today >= period.locksOn) return 'locked';
  if (today < period.opensOn) return 'upcoming';
  if (today > period.dueDate) return opts.submitted ? 'closed' : 'overdue';
  if (today >= addDays(period.dueDate, -dueSoonDays)) return 'due_soon';
  return 'open';
}
