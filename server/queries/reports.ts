// Reports as the API shows them, read through the task's visibility.
import { asc, count, desc, eq, inArray, sql } from 'drizzle-orm';
import { AppError } from '../../shared/errors.js';
import type { PlanReportItem, ReportOut, ReportStatus } from '../../shared/reporting.js';
import type { DbOrTx } from '../db/client.js';
import { preparedStatement } from '../db/prepared.js';
import { attachments, plans, reportContributions, reportPeriods, reports, tasks, units } from '../db/schema/index.js';
import { todayInShanghai } from '../domain/dates.js';
import { combine, preparedScopes, taskScope, type Actor } from '../policy.js';
import { getVisibleTask } from './tasks.js';

type ReportRow = typeof reports.$inferSelect;
type PeriodRow = typeof reportPeriods.$inferSelect;

/** Reports as the API shows them; `attachments: false` when none of them can have any (created in this transaction). */
export async function toReportOut(db: DbOrTx, rows: { r: ReportRow; p: PeriodRow }[], opts: { attachments?: boolean } = {}): Promise<ReportOut[]> {
  const ids = rows.map((x) => x.r.id);
  const files = ids.length && opts.attachments !== false
    ? await db.select({ id: attachments.id, reportId: attachments.reportId, filename: attachments.filename, kind: attachments.kind, size: attachments.size, createdAt: attachments.createdAt }).from(attachments).where(inArray(attachments.reportId, ids)).orderBy(asc(attachments.id))
    : [];
  return rows.map(({ r, p }) => ({
    id: r.id, planId: r.planId, taskId: r.taskId, unitId: r.unitId, period: { key: p.key, label: p.label, dueDate: p.dueDate },
    status: r.status as ReportOut['status'], reportedStatus: r.reportedStatus, progress: r.progress,
    progressText: r.progressText, problems: r.problems, nextSteps: r.nextSteps, indicatorValues: r.indicatorValues, warnings: r.warnings,
    returnReason: r.returnReason, submissions: r.submissions, returns: r.returns, version: r.version,
    submittedAt: r.submittedAt?.toISOString() ?? null, reviewedAt: r.reviewedAt?.toISOString() ?? null,
    // late is judged on the Beijing date of the (last) submission
    late: r.submittedAt ? todayInShanghai(r.submittedAt) > p.dueDate : false,
    attachments: files.filter((f) => f.reportId === r.id).map((f) => ({ id: f.id, filename: f.filename, kind: f.kind, size: f.size, createdAt: f.createdAt.toISOString() })),
  }));
}

/** The report if the actor may see its task, else NOT_FOUND. */
export async function getVisibleReport(db: DbOrTx, actor: Actor, id: number) {
  const [row] = await db.select({ r: reports, p: reportPeriods }).from(reports).innerJoin(reportPeriods, eq(reportPeriods.id, reports.periodId)).where(eq(reports.id, id));
  if (!row) throw new AppError('NOT_FOUND');
  const task = await getVisibleTask(db, actor, row.r.taskId);
  return { ...row, task };
}

/**
 * What a review reads of a report before its transaction (issue #15 phase 15), in one statement: the report's task and
 * plan (for its notifications, an acceptance's progress and audit row, the plan's calendar and who manages it) and
 * whether the actor sees the task (`taskVisible`: getVisibleReport's condition) and the plan (`planVisible`:
 * getVisiblePlan's), each from policy.ts's scopes with the placeholders `regionIds` and `unitId`. The route gate of a
 * review reads the same columns in its own statement (access.ts `loads: 'report_for_review'`).
 */
export function reportForReviewColumns(scopes: Pick<ReturnType<typeof preparedScopes>, 'task' | 'plan'>) {
  return {
    report: { id: reports.id, planId: reports.planId, taskId: reports.taskId, unitId: reports.unitId },
    task: { title: tasks.title, progress: tasks.progress, reportedStatus: tasks.reportedStatus },
    plan: { id: plans.id, regionId: plans.regionId, settings: plans.settings, periodStart: plans.periodStart, periodEnd: plans.periodEnd },
    taskVisible: sql<boolean>`(${scopes.task ?? sql`true`}) is true`,
    planVisible: sql<boolean>`(${scopes.plan ?? sql`true`}) is true`,
  };
}
/** reportForReviewColumns' row: the report to review with its task and plan, and what the actor sees of them */
export interface ReportForReview {
  report: Pick<ReportRow, 'id' | 'planId' | 'taskId' | 'unitId'>;
  task: Pick<typeof tasks.$inferSelect, 'title' | 'progress' | 'reportedStatus'>;
  plan: Pick<typeof plans.$inferSelect, 'id' | 'regionId' | 'settings' | 'periodStart' | 'periodEnd'>;
  taskVisible: boolean;
  planVisible: boolean;
}
/** getReportForReview's statement, one per shape of the scopes, built once (db/prepared.ts) */
const reportForReviewStatement = (shape: string, scopes: Pick<ReturnType<typeof preparedScopes>, 'task' | 'plan'>) =>
  preparedStatement(`report_for_review_${shape}`, (db, name) =>
    db
      .select(reportForReviewColumns(scopes))
      .from(reports)
      .innerJoin(tasks, eq(tasks.id, reports.taskId))
      .innerJoin(plans, eq(plans.id, reports.planId))
      .where(sql`${reports.id} = ${sql.placeholder('id')}`)
      .prepare(name),
  );
const reportForReviewStatements = new Map<string, ReturnType<typeof reportForReviewStatement>>();

/** The report to review with its task and plan (reportForReviewColumns), or NOT_FOUND when there is no such report. */
export async function getReportForReview(db: DbOrTx, actor: Actor, id: number): Promise<ReportForReview> {
  const scopes = preparedScopes(actor);
  let statement = reportForReviewStatements.get(scopes.shape);
  if (!statement) reportForReviewStatements.set(scopes.shape, (statement = reportForReviewStatement(scopes.shape, scopes)));
  const [row] = await statement(db, { id, ...scopes.values });
  if (!row) throw new AppError('NOT_FOUND');
  return { ...row, taskVisible: row.taskVisible === true, planVisible: row.planVisible === true };
}

export async function listTaskReports(db: DbOrTx, taskId: number) {
  const rows = await db.select({ r: reports, p: reportPeriods }).from(reports).innerJoin(reportPeriods, eq(reportPeriods.id, reports.periodId)).where(eq(reports.taskId, taskId)).orderBy(desc(reportPeriods.start));
  const contributions = await db
    .select({ c: reportContributions, key: reportPeriods.key, unitName: units.name })
    .from(reportContributions)
    .innerJoin(reportPeriods, eq(reportPeriods.id, reportContributions.periodId))
    .innerJoin(units, eq(units.id, reportContributions.unitId))
    .where(eq(reportContributions.taskId, taskId))
    .orderBy(desc(reportPeriods.start), asc(reportContributions.id));
  return {
    items: await toReportOut(db, rows),
    contributions: contributions.map(({ c, key, unitName }) => ({ id: c.id, unitId: c.unitId, unitName, periodKey: key, text: c.text, updatedAt: c.updatedAt.toISOString() })),
  };
}

export interface PlanReportFilter {
  period?: string;
  status?: ReportStatus;
  unitId?: number;
  page: number;
  pageSize: number;
}

/**
 * A plan's reports, newest period first, through the task scope: the office and leaders see the plan's,
 * a unit those of the tasks it holds a role in. The caller has checked that the plan is visible.
 */
export async function listPlanReports(db: DbOrTx, actor: Actor, planId: number, f: PlanReportFilter): Promise<{ items: PlanReportItem[]; total: number; page: number; pageSize: number }> {
  const where = combine(
    eq(reports.planId, planId),
    taskScope(actor),
    f.period ? eq(reportPeriods.key, f.period) : undefined,
    f.status ? eq(reports.status, f.status) : undefined,
    f.unitId ? eq(reports.unitId, f.unitId) : undefined,
  );
  const [{ n }] = await db.select({ n: count() }).from(reports).innerJoin(reportPeriods, eq(reportPeriods.id, reports.periodId)).innerJoin(tasks, eq(tasks.id, reports.taskId)).where(where);
  const rows = await db
    .select({ r: reports, p: reportPeriods, taskTitle: tasks.title, unitName: units.name })
    .from(reports)
    .innerJoin(reportPeriods, eq(reportPeriods.id, reports.periodId))
    .innerJoin(tasks, eq(tasks.id, reports.taskId))
    .innerJoin(units, eq(units.id, reports.unitId))
    .where(where)
    .orderBy(desc(reportPeriods.start), asc(reports.unitId), asc(reports.taskId))
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize);
  const out = await toReportOut(db, rows);
  return { items: out.map((r, i) => ({ ...r, taskTitle: rows[i].taskTitle, unitName: rows[i].unitName })), total: Number(n), page: f.page, pageSize: f.pageSize };
}
