// A plan's reporting calendar: its run settings, its periods (materialized on first touch so the
// office can lock one), and which period "now" refers to.
import { and, eq, sql } from 'drizzle-orm';
import { AppError } from '../../shared/errors.js';
import { runSettingsSchema, type PeriodOut, type RunSettings } from '../../shared/reporting.js';
import type { DbOrTx } from '../db/client.js';
import { preparedStatement } from '../db/prepared.js';
import { plans, reportPeriods } from '../db/schema/index.js';
import { generatePeriods, periodFor, periodState, type ReportingPeriod } from '../domain/reportingPeriods.js';
import { todayInShanghai } from '../domain/dates.js';

type PlanRow = Pick<typeof plans.$inferSelect, 'id' | 'settings' | 'periodStart' | 'periodEnd'>;
export type PeriodRow = typeof reportPeriods.$inferSelect;

/** Plan settings as the run reads them; a broken stored value falls back to the defaults rather than stopping reminders. */
export function runSettings(plan: Pick<PlanRow, 'settings'>): RunSettings {
  const parsed = runSettingsSchema.safeParse(plan.settings ?? {});
  return parsed.success ? parsed.data : runSettingsSchema.parse({});
}

/** Periods from a year before `today` (or the plan's start) to a year after it (or the plan's end). */
export function periodsAround(plan: PlanRow, today: string, settings = runSettings(plan)): readonly ReportingPeriod[] {
  const year = Number(today.slice(0, 4));
  const from = Math.max(year - 1, plan.periodStart ?? year - 1);
  const to = Math.max(from, Math.min(year + 1, plan.periodEnd ?? year + 1));
  const all = generatePeriods({ ...settings.reporting, startMonth: `${from}-01`, endMonth: `${to}-12` });
  const first = settings.startMonth ? `${settings.startMonth}-01` : null;
  return first ? all.filter((p) => p.end >= first) : all;
}

/** The period a report goes to by default: the oldest one not locked yet (late reports still land in their own period). */
export function currentPeriod(plan: PlanRow, today: string, settings = runSettings(plan)): ReportingPeriod {
  const all = periodsAround(plan, today, settings);
  // a start month beyond the window leaves no period: today's own is the answer then
  return all.find((p) => today < p.locksOn) ?? all[all.length - 1] ?? periodFor(today, settings.reporting);
}

/** The last period whose due date has passed: 未报送 is judged against it. Null before the first one. */
export function lastDuePeriod(plan: PlanRow, today: string, settings = runSettings(plan)): ReportingPeriod | null {
  const past = periodsAround(plan, today, settings).filter((p) => p.dueDate < today);
  return past.length ? past[past.length - 1] : null;
}

/** The due date of the first period a task that began on `start` will owe, when none has come due yet (null: none in sight). */
export function firstDueDate(plan: PlanRow, start: string, today: string, settings = runSettings(plan)): string | null {
  return periodsAround(plan, today, settings).find((p) => p.end >= start && p.dueDate >= today)?.dueDate ?? null;
}

export function findPeriod(plan: Pick<PlanRow, 'settings'>, key: string, settings = runSettings(plan)): ReportingPeriod {
  if (!/^\d{4}/.test(key)) throw new AppError('NOT_FOUND', { period: key });
  const year = Number(key.slice(0, 4));
  const p = generatePeriods({ ...settings.reporting, startMonth: `${year}-01`, endMonth: `${year}-12` }).find((x) => x.key === key);
  if (!p) throw new AppError('NOT_FOUND', { period: key });
  return p;
}

/**
 * The period row, inserted if missing and its dates kept in step with the calendar, held for the rest of the
 * transaction: `share` (a report or a contribution written to it: any number at once, but not while the office locks
 * it, and the office's lock waits for them) or `update` (the office's lock). When the row is there with the calendar's
 * dates it is only read (one statement; before, every report rewrote the row and so waited for every other report of
 * the period in the plan).
 */
/** ensurePeriod's read, held FOR SHARE or FOR UPDATE: built once (db/prepared.ts), every report's save sends it */
const heldPeriodStatement = (hold: 'share' | 'update') =>
  preparedStatement(`period_for_${hold}`, (db, name) =>
    db.select().from(reportPeriods).where(and(eq(reportPeriods.planId, sql.placeholder('planId')), eq(reportPeriods.key, sql.placeholder('key')))).for(hold).prepare(name),
  );
const heldPeriod = { share: heldPeriodStatement('share'), update: heldPeriodStatement('update') };

/** Does a stored period row hold the calendar's dates for it (else ensurePeriod writes them)? */
export function periodHolds(row: PeriodRow, p: ReportingPeriod): boolean {
  return row.label === p.label && row.start === p.start && row.end === p.end && row.dueDate === p.dueDate && row.opensOn === p.opensOn && row.locksOn === p.locksOn;
}

export async function ensurePeriod(tx: DbOrTx, planId: number, p: ReportingPeriod, hold: 'share' | 'update' = 'share'): Promise<PeriodRow> {
  const dates = { label: p.label, start: p.start, end: p.end, dueDate: p.dueDate, opensOn: p.opensOn, locksOn: p.locksOn };
  const [held] = await heldPeriod[hold](tx, { planId, key: p.key });
  if (held && periodHolds(held, p)) return held;
  const [row] = await tx
    .insert(reportPeriods)
    .values({ planId, key: p.key, ...dates })
    .onConflictDoUpdate({ target: [reportPeriods.planId, reportPeriods.key], set: dates })
    .returning();
  return row;
}

export async function storedPeriods(db: DbOrTx, planId: number): Promise<PeriodRow[]> {
  return db.select().from(reportPeriods).where(eq(reportPeriods.planId, planId));
}

export async function storedPeriod(db: DbOrTx, planId: number, key: string): Promise<PeriodRow | undefined> {
  const [row] = await db.select().from(reportPeriods).where(and(eq(reportPeriods.planId, planId), eq(reportPeriods.key, key)));
  return row;
}

/** The calendar's state, overridden by the office's lock or unlock. */
export function effectiveState(p: Pick<ReportingPeriod, 'opensOn' | 'dueDate' | 'locksOn'>, override: string | null | undefined, today: string, submitted = false) {
  if (override === 'locked') return 'locked' as const;
  if (override === 'open') return periodState({ ...p, locksOn: '9999-12-31' }, today, { submitted });
  return periodState(p, today, { submitted });
}

export function periodOut(p: ReportingPeriod, override: string | null | undefined, today: string): PeriodOut {
  return {
    key: p.key, label: p.label, start: p.start, end: p.end, dueDate: p.dueDate, nominalDueDate: p.nominalDueDate, opensOn: p.opensOn, locksOn: p.locksOn,
    state: effectiveState(p, override, today), lockOverride: (override as 'locked' | 'open' | null) ?? null,
  };
}

export const shanghaiToday = (d: Date) => todayInShanghai(d);
