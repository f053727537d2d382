// A review's statements (issue #15 phase 14): the report held with its period, whether a later period's report was
// accepted, and its task's status inputs, in one statement; then the report's review, the task's progress when an
// acceptance moves it, and the task's status row, in one — the row written once (a compare-and-set on the generation
// read, queries/status.ts statusWrite), not marked by the report's and the task's triggers and stored again after a
// second read (migration 0022) — with their audit rows (phase 15: written by the same statement, audit.ts
// auditRowsFromEach, as a report's save writes its own; before, writeAudit's insert after it, one for each). reviewReport
// and reviewUnitReport use them.
import { eq, getTableColumns, sql } from 'drizzle-orm';
import { reportPeriods, reports } from '../db/schema/index.js';
import { auditRowsFromEach, auditValues, noteAudited } from '../audit.js';
import { prepareSqlAs, preparedStatement } from '../db/prepared.js';
import { now } from '../clock.js';
import { lastDuePeriod, runSettings } from '../queries/calendar.js';
import { reportStatusAfter, statusInputsSubquery, statusWrite, statusWriteValues, type StatusInputs } from '../queries/status.js';
import { todayInShanghai } from '../domain/dates.js';
import type { DbOrTx } from '../db/client.js';
import type { plans } from '../db/schema/index.js';
import type { PeriodRow } from '../queries/calendar.js';
import type { Actor } from '../policy.js';

type ReportRow = typeof reports.$inferSelect;

/**
 * The report FOR UPDATE, its period's row, whether a report of a later period of its task was accepted, and
 * its task's status inputs from the due period `dueStart` on, in one statement (one snapshot).
 */
const heldForReview = preparedStatement('report_held_for_review', (db, name) => {
  const r = db.select().from(reports).where(eq(reports.id, sql.placeholder('id'))).for('update').as('r');
  const per = db.select().from(reportPeriods).where(sql`${reportPeriods.id} = ${r.periodId}`).as('per');
  const st = statusInputsSubquery(db, undefined, r.taskId).as('st');
  const report = Object.fromEntries(Object.keys(getTableColumns(reports)).map((k) => [k, r[k as keyof typeof r]])) as { [K in keyof ReportRow]: (typeof r)[K & keyof typeof r] };
  const period = Object.fromEntries(Object.keys(getTableColumns(reportPeriods)).map((k) => [k, per[k as keyof typeof per]])) as { [K in keyof PeriodRow]: (typeof per)[K] };
  const status = Object.fromEntries(Object.keys(st._.selectedFields).map((k) => [k, st[k as keyof typeof st]])) as { [K in keyof typeof st._.selectedFields]: (typeof st)[K] };
  return db
    .select({
      report, period, status,
      newer: sql<boolean>`exists (select 1 from reports r3 join report_periods p3 on p3.id = r3.period_id where r3.task_id = ${r.taskId} and r3.status = 'accepted' and p3.start > ${per.start})`,
    })
    .from(r)
    .innerJoinLateral(per, sql`true`)
    .leftJoinLateral(st, sql`true`)
    .prepare(name);
});

export type ReviewKind = 'return' | 'accept' | 'unit_return' | 'unit_approve';

/**
 * The review's update of the report (its status, reason, review and submission fields, version + 1), for an acceptance
 * the task's progress and reported status (when `applyTask`: no later period's report was accepted), their audit rows
 * (the report's, and the task's when it moved: the placeholders of auditValues' prefixes `audit` and `taskAudit`) and
 * the task's status row, in one statement; the report as written.
 */
const reviewStatement = (kind: ReviewKind) =>
  preparedStatement(`report_review_${kind}`, (db, name) => {
    const ph = sql.placeholder;
    const at = sql`${ph('at')}::timestamptz`;
    const set: Record<string, unknown> = { status: ph('status'), updatedAt: at, version: sql`${reports.version} + 1` };
    if (kind === 'return') Object.assign(set, { returnReason: ph('reason'), returns: sql`${reports.returns} + 1`, reviewedAt: at, reviewedBy: ph('by') });
    if (kind === 'accept') Object.assign(set, { returnReason: null, reviewedAt: at, reviewedBy: ph('by') });
    if (kind === 'unit_return') Object.assign(set, { returnReason: ph('reason') });
    if (kind === 'unit_approve') Object.assign(set, { returnReason: null, submittedAt: at, submissions: sql`${reports.submissions} + 1` });
    const update = db.update(reports).set(set as Partial<typeof reports.$inferInsert>).where(eq(reports.id, ph('id'))).returning();
    const task =
      kind === 'accept'
        ? sql`, t as (update tasks set progress = ${ph('taskProgress')}::float8, reported_status = ${ph('taskReportedStatus')}::text, updated_at = ${at}, version = version + 1
            where id = ${ph('taskId')}::int and ${ph('applyTask')}::boolean returning id, plan_id)`
        : sql``;
    // the report's audit row, then the task's (an acceptance that moved it): one insert, in that order
    const audit = auditRowsFromEach([
      { source: sql`r`, entityId: sql`r.id`, planId: sql`r.plan_id` },
      ...(kind === 'accept' ? [{ source: sql`t`, entityId: sql`t.id`, planId: sql`t.plan_id`, prefix: 'taskAudit' }] : []),
    ]);
    return prepareSqlAs<ReportRow>(
      db,
      sql`with r as (${update.getSQL()})${task}, a as (${audit}), ${statusWrite(sql`r`, sql`w`, kind === 'accept' ? { tasks: sql`t` } : {})} select r.* from r cross join w`,
      getTableColumns(reports),
      name,
    );
  });
const statements = { return: reviewStatement('return'), accept: reviewStatement('accept'), unit_return: reviewStatement('unit_return'), unit_approve: reviewStatement('unit_approve') };

/** The report held for a review, with what its statement needs to write the task's status with it. */
export interface HeldForReview {
  cur: ReportRow;
  period: PeriodRow;
  /** a report of a later period of the task was accepted: an acceptance leaves the task's progress */
  newer: boolean;
  inputs: StatusInputs | null;
  dueStart: string | null;
}

/** The report held (FOR UPDATE) with its period, `newer` and its task's status inputs, in one statement. */
export async function holdForReview(tx: DbOrTx, reportId: number, plan: Pick<typeof plans.$inferSelect, 'id' | 'settings' | 'periodStart' | 'periodEnd'>): Promise<HeldForReview | null> {
  const dueStart = lastDuePeriod(plan, todayInShanghai(now()), runSettings(plan))?.start ?? null;
  const [held] = await heldForReview(tx, { id: reportId, dueStart });
  if (!held) return null;
  return { cur: held.report as ReportRow, period: held.period as PeriodRow, newer: !!held.newer, inputs: (held.status as StatusInputs | null) ?? null, dueStart };
}

/**
 * Writes the review: the report moved to `to` with the kind's fields and its audit row (`audit`: the report's action,
 * before and after), for an acceptance the task's progress (`task`, none: left as it is) with its audit row
 * (`taskAudit`'s before and after, action task.progress), and the task's status computed from the inputs held and the
 * report as reviewed, written at the generation read (else — no inputs, another due period — the row is marked by the
 * triggers and `statusWritten` is false: the caller refreshes it). The report as written.
 */
export async function writeReview(
  tx: DbOrTx, actor: Actor, kind: ReviewKind, held: HeldForReview, to: string,
  v: {
    at: Date; by?: number | null; reason?: string | null; task?: { progress: number | null; reportedStatus: string | null };
    audit: { action: string; before?: unknown; after?: unknown }; taskAudit?: { before?: unknown; after?: unknown };
  },
): Promise<{ row: ReportRow; statusWritten: boolean }> {
  const { cur, inputs, dueStart, period } = held;
  const taskAudit = { action: 'task.progress', entityType: 'task', ...v.taskAudit };
  const computed = inputs
    ? await reportStatusAfter(tx, inputs, dueStart, { taskId: cur.taskId, status: to, progress: cur.progress, reportedStatus: cur.reportedStatus, start: period.start, label: period.label }, v.task)
    : null;
  const [row] = await statements[kind](tx, {
    id: cur.id, status: to, at: v.at.toISOString(), by: v.by ?? null, reason: v.reason ?? null,
    taskId: cur.taskId, applyTask: !!v.task, taskProgress: v.task?.progress ?? null, taskReportedStatus: v.task?.reportedStatus ?? null,
    ...auditValues(tx, actor, { entityType: 'report', ...v.audit }),
    ...(kind === 'accept' ? auditValues(tx, actor, taskAudit, 'taskAudit') : {}),
    ...statusWriteValues(computed),
  });
  // the change clock told of the rows the statement audited, as writeAudit does
  noteAudited(tx, { planId: cur.planId, entityType: 'report' });
  if (kind === 'accept' && v.task) noteAudited(tx, { planId: cur.planId, entityType: 'task' });
  return { row, statusWritten: !!computed };
}
