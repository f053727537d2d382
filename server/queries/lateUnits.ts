// Units late with their reports, counted once for every screen the way the 督办 rule counts them
// (jobs/supervise.ts): an active plan's last period whose due date has passed, its lead units with tasks that have
// no submitted or accepted report for it (jobs/remind.ts missingReports). The board, the office's home page and the
// 督办 therefore never disagree on "逾期未报".
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.js';
import { notices, plans } from '../db/schema/index.js';
import { missingReports, type LeadLink, type MissingUnit } from './missingReports.js';
import { lastDuePeriod, runSettings } from './calendar.js';
import type { ReportingPeriod } from '../domain/reportingPeriods.js';

type PlanRow = typeof plans.$inferSelect;

export interface LateUnits {
  period: ReportingPeriod | null;
  units: MissingUnit[];
}

/** `leads`: the plan's lead links when the caller reads them anyway (missingReports.ts leadLinks). */
export async function lateUnits(db: DbOrTx, plan: PlanRow, today: string, leads?: Promise<LeadLink[]>): Promise<LateUnits> {
  if (plan.status !== 'active') return { period: null, units: [] };
  const period = lastDuePeriod(plan, today, runSettings(plan));
  if (!period) return { period: null, units: [] };
  return { period, units: await missingReports(db, plan.id, period.key, leads) };
}

/** The count of a plan's open 督办 for reports not sent (kind missing_report), as an expression (one statement may read several). */
export const openMissingReportNoticesCount = (planId: number) =>
  sql<number>`(select count(*)::int from ${notices} where ${and(eq(notices.planId, planId), eq(notices.kind, 'missing_report'), inArray(notices.status, ['issued', 'signed', 'handled', 'fed_back', 'rechecked']))})`;
