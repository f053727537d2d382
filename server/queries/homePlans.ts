// What the home pages (今日待办) share: which plans take reports today and in which period, and deadlines in
// working days. The calendar is the plan's own (queries/calendar.ts, domain/reportingPeriods.ts).
import type { DeadlineOut } from '../../shared/home.js';
import type { plans } from '../db/schema/index.js';
import { workingDaysUntil } from '../domain/calendar/index.js';
import { addDays } from '../domain/dates.js';
import type { ReportingPeriod } from '../domain/reportingPeriods.js';
import { currentPeriod, runSettings } from './calendar.js';

type PlanRow = typeof plans.$inferSelect;

/** How far ahead a period that has not opened yet still counts as this period's work. */
const OPENS_WITHIN_DAYS = 31;

/**
 * The period a plan takes reports for now (the oldest one not locked), or null when it takes none: a plan not in
 * force (draft, archived), one whose every period is locked (it has ended), or one whose next period opens more
 * than a month ahead (it has not begun, or its reporting starts later).
 */
export function reportingPeriodToday(plan: PlanRow, today: string): ReportingPeriod | null {
  if (plan.status !== 'active') return null;
  const p = currentPeriod(plan, today, runSettings(plan));
  return today < p.locksOn && p.opensOn <= addDays(today, OPENS_WITHIN_DAYS) ? p : null;
}

/** `outstanding`: the thing is still to be done, so a passed date makes it overdue. */
export function deadlineOut(today: string, date: string, outstanding: boolean): DeadlineOut {
  return { date, workingDays: workingDaysUntil(today, date), overdue: outstanding && today > date };
}
