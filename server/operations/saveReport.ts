// The lead unit writes its progress report for a task and period, as a draft or submitted.
// Entry checks that are judgement calls (已完成 below 100%, progress going backwards) are
// warnings stored on the report for the reviewer, not refusals: the unit may be right.
import { and, desc, eq, getTableColumns, inArray, isNotNull, lt, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import { AppError } from '../../shared/errors.js';
import { reportBodySchema } from '../../shared/reporting.js';
import { indicatorUnits, indicators, reportPeriods, reports, type ReportWarning } from '../db/schema/index.js';
import { auditRowsFrom, auditValues, noteAudited } from '../audit.js';
import { prepareSqlAs, preparedStatement } from '../db/prepared.js';
import { now } from '../clock.js';
import { fmtPct } from '../domain/format.js';
import { getVisibleTaskWithPlan, type VisibleTaskWithPlan } from '../queries/tasks.js';
import { currentPeriod, effectiveState, ensurePeriod, findPeriod, lastDuePeriod, periodHolds, runSettings, shanghaiToday, type PeriodRow } from '../queries/calendar.js';
import { toReportOut } from '../queries/reports.js';
import { notifyUnit } from './notifyUnit.js';
import { refreshTaskStatuses, reportStatusAfter, statusInputsSubquery, statusWrite, statusWriteValues } from '../queries/status.js';
import { reportChangesStatus } from '../domain/reportStatusInputs.js';
import { reportStep, requireReportActor, submitAction } from '../domain/reportFlow.js';
import type { OpContext } from './context.js';

export function reportWarnings(input: { reportedStatus: string; progress: number | null }, lastAccepted: number | null): ReportWarning[] {
  const w: ReportWarning[] = [];
  if (input.reportedStatus === '已完成' && input.progress !== null && input.progress < 100)
    w.push({ code: 'completed_below_100', message: `状态为"已完成",但进度为${fmtPct(input.progress)}%,请核实` });
  if (input.progress !== null && lastAccepted !== null && input.progress < lastAccepted)
    w.push({ code: 'progress_backwards', message: `本期进度${fmtPct(input.progress)}%低于上次审核通过的${fmtPct(lastAccepted)}%` });
  return w;
}

// the statements of a report's first save or submission, built once (db/prepared.ts): a deadline's surge sends them
// thousands of times a minute, from a server perhaps just started
/** what a save reads of the report it replaces */
const heldColumns = ['id', 'status', 'version', 'submissions', 'reportedStatus', 'progress'] as const satisfies readonly (keyof typeof reports.$inferSelect)[];
/**
 * The period held FOR SHARE (first), the task's report in it FOR UPDATE and the latest accepted progress before the
 * period starts, in one statement (issue #15 phase 10: three round trips, one). No row when the period has none yet:
 * ensurePeriod then writes it and the statement is sent again (phase 15: before, the report, the last accepted
 * progress and, after the insert, the status inputs were read apart, and the status row written twice). The task's
 * status inputs too
 * (queries/status.ts statusInputsSubquery), from the due period `dueStart` on: the report's status is computed from them
 * and the report to be written, and written with it (a new report's since issue #15 phase 13, one saved again since
 * phase 14).
 */
const heldForSave = preparedStatement('report_held_for_save', (db, name) => {
  const p = db.select().from(reportPeriods).where(and(eq(reportPeriods.planId, sql.placeholder('planId')), eq(reportPeriods.key, sql.placeholder('key')))).for('share').as('p');
  const r = db
    .select(Object.fromEntries(heldColumns.map((c) => [c, reports[c]])) as Pick<typeof reports, (typeof heldColumns)[number]>)
    .from(reports)
    .where(and(eq(reports.taskId, sql.placeholder('taskId')), eq(reports.periodId, p.id)))
    .for('update')
    .as('r');
  const [r2, p2] = [alias(reports, 'r2'), alias(reportPeriods, 'p2')];
  const accepted = db
    .select({ progress: r2.progress })
    .from(r2)
    .innerJoin(p2, eq(p2.id, r2.periodId))
    .where(and(eq(r2.taskId, sql.placeholder('taskId')), eq(r2.status, 'accepted'), lt(p2.start, sql.placeholder('start')), isNotNull(r2.progress)))
    .orderBy(desc(p2.start))
    .limit(1);
  // the task's status inputs (issue #15 phases 13 and 14)
  const st = statusInputsSubquery(db).as('st');
  const period = Object.fromEntries(Object.keys(getTableColumns(reportPeriods)).map((k) => [k, p[k as keyof typeof p]])) as { [K in keyof PeriodRow]: (typeof p)[K] };
  const report = Object.fromEntries(heldColumns.map((c) => [c, r[c]])) as { [K in (typeof heldColumns)[number]]: (typeof r)[K] };
  const status = Object.fromEntries(Object.keys(st._.selectedFields).map((k) => [k, st[k as keyof typeof st]])) as { [K in keyof typeof st._.selectedFields]: (typeof st)[K] };
  return db
    .select({ period, report, lastAccepted: sql<number | null>`(${accepted})`.mapWith(Number), status })
    .from(p)
    .leftJoinLateral(r, sql`true`)
    .leftJoinLateral(st, sql`true`)
    .prepare(name);
});
/** every column a new report is given (a draft: no submission yet) */
const newReportColumns = [
  'planId', 'taskId', 'periodId', 'unitId', 'status', 'reportedStatus', 'progress', 'progressText', 'problems', 'nextSteps', 'indicatorValues', 'warnings',
  'submissions', 'submittedAt', 'submittedBy', 'createdBy', 'createdAt', 'updatedAt', 'version',
] as const satisfies readonly (keyof typeof reports.$inferInsert)[];
/** A statement writing reports, prepared with the audit row of each row it returns (a data-modifying CTE). */
/** `withStatus`: a further CTE named `w` after them (the report's task's status row, queries/status.ts statusWrite) */
const withAuditRow = (db: Parameters<typeof prepareSqlAs>[0], write: { getSQL(): SQL }, name: string, withStatus?: SQL) =>
  prepareSqlAs<typeof reports.$inferSelect>(
    db,
    sql`with r as (${write.getSQL()}), a as (${auditRowsFrom(sql`r`, sql`r.id`, sql`r.plan_id`)})${withStatus ? sql`, ${withStatus} select r.* from r cross join w` : sql` select * from r`}`,
    getTableColumns(reports),
    name,
  );
/**
 * A new report, its audit row and its task's status row, in one statement (a data-modifying CTE, issue #15 phase 10;
 * the status row since phase 13: queries/status.ts statusWrite, written only at the generation read, else marked by
 * the report's trigger): the report as written.
 */
const insertReport = preparedStatement('report_insert_audited', (db, name) => {
  const insert = db
    .insert(reports)
    // a null for a timestamp placeholder is not drizzle's to encode (its encoder calls toISOString): given as text
    .values(Object.fromEntries(newReportColumns.map((c) => [c, c === 'submittedAt' ? sql`${sql.placeholder(c)}::timestamptz` : sql.placeholder(c)])) as unknown as typeof reports.$inferInsert)
    .returning();
  return withAuditRow(db, insert, name, statusWrite(sql`r`, sql`w`));
});
/**
 * A report saved again (a draft, a returned report), its audit row and its task's status row, in one statement built
 * once (a data-modifying CTE, as a new report's; issue #15 phase 11: a draft then submitted sent its audit row apart;
 * the status row since phase 14, as a new report's, migration 0022): its new figures, state and version, the report as
 * written.
 */
const updatedColumns = ['reportedStatus', 'progress', 'progressText', 'problems', 'nextSteps', 'indicatorValues', 'warnings', 'updatedAt', 'version', 'status'] as const satisfies readonly (keyof typeof reports.$inferInsert)[];
const updateReport = (submit: boolean) =>
  preparedStatement(`report_update_audited_${submit ? 'submit' : 'save'}`, (db, name) => {
    const update = db
      .update(reports)
      .set(
        Object.fromEntries(
          [...updatedColumns, ...(submit ? (['submittedAt', 'submittedBy', 'submissions'] as const) : [])].map((c) => [c, c === 'submittedAt' || c === 'updatedAt' ? sql`${sql.placeholder(c)}::timestamptz` : sql.placeholder(c)]),
        ) as unknown as Partial<typeof reports.$inferInsert>,
      )
      .where(eq(reports.id, sql.placeholder('id')))
      .returning();
    return withAuditRow(db, update, name, statusWrite(sql`r`, sql`w`));
  });
const updateReportStatement = { save: updateReport(false), submit: updateReport(true) };

/** `gated`: the task with its plan as the route gate read it (access.ts `loads: 'task_with_plan'`), else read here */
export async function saveReport({ db, actor }: OpContext, taskId: number, input: z.input<typeof reportBodySchema>, gated?: VisibleTaskWithPlan) {
  const data = reportBodySchema.parse(input);
  const { plan, ...task } = gated?.id === taskId ? gated : await getVisibleTaskWithPlan(db, actor, taskId);
  const settings = runSettings(plan);
  const unitHead = actor.roles.includes('unit_head');
  // 单位负责人预审: a reporter's submission first goes to a head of the unit; a head's own goes straight on
  const action = data.submit ? submitAction(settings, { unitHead }) : 'save';
  const ofUnit = !!actor.unitId && task.units.some((u) => u.role === 'lead' && u.unitId === actor.unitId);
  requireReportActor(action, { ofUnit, unitHead, office: false });
  const unitId = actor.unitId!; // of the lead unit: checked just above
  const today = shanghaiToday(now());
  const period = data.period ? findPeriod(plan, data.period, settings) : currentPeriod(plan, today, settings);

  if (data.indicatorValues.length) {
    const ids = data.indicatorValues.map((v) => v.indicatorId);
    const owned = await db
      .select({ id: indicatorUnits.indicatorId })
      .from(indicatorUnits)
      .innerJoin(indicators, eq(indicators.id, indicatorUnits.indicatorId))
      .where(and(eq(indicators.planId, plan.id), eq(indicatorUnits.unitId, unitId), inArray(indicatorUnits.indicatorId, ids)));
    const notOwned = ids.filter((i) => !owned.some((o) => o.id === i));
    if (notOwned.length) throw new AppError('REPORT_INDICATOR_NOT_OWNED', { indicatorIds: notOwned });
  }

  return db.transaction(async (tx) => {
    // the period held, the report held, the last accepted progress and the task's status inputs in one statement (the
    // period's row as the calendar has it: else ensurePeriod writes it — the plan's first report of the period, or its
    // dates moved — and the same statement is sent again, reading the row as written)
    const dueStart = lastDuePeriod(plan, today, settings)?.start ?? null;
    const heldValues = { planId: plan.id, key: period.key, taskId, start: period.start, dueStart };
    let [held] = await heldForSave(tx, heldValues);
    if (!held || !periodHolds(held.period, period)) {
      await ensurePeriod(tx, plan.id, period);
      [held] = await heldForSave(tx, heldValues);
      if (!held) throw new Error(`period ${period.key} of plan ${plan.id} not held after ensurePeriod`);
    }
    const prow = held.period;
    const state = effectiveState(period, prow.lockOverride, today);
    if (state === 'locked') throw new AppError('REPORT_PERIOD_LOCKED', { period: period.key });
    if (data.submit && state === 'upcoming') throw new AppError('REPORT_PERIOD_NOT_OPEN', { period: period.key, opensOn: period.opensOn });
    const existing = held.report ?? undefined;
    const step = reportStep(existing?.status, action);
    // the reporter and the unit head may edit one draft: whoever saves from an older version is told, not overwritten
    if (existing && data.version !== undefined && data.version !== existing.version) throw new AppError('CONFLICT', { currentVersion: existing.version });
    const warnings = reportWarnings(data, held.lastAccepted);
    const at = now();
    const toUnitHead = step.action === 'submit_to_head';
    const fields = {
      reportedStatus: data.reportedStatus, progress: data.progress, progressText: data.progressText, problems: data.problems, nextSteps: data.nextSteps,
      indicatorValues: data.indicatorValues, warnings, updatedAt: at, version: (existing?.version ?? 0) + 1,
      status: step.to,
      // `submissions` counts what reached the office; the head's approval counts it (reviewUnitReport)
      ...(data.submit ? { submittedAt: at, submittedBy: actor.userId, submissions: (existing?.submissions ?? 0) + (toUnitHead ? 0 : 1) } : {}),
    };
    const { submit: _s, period: _p, version: _v, ...after } = data;
    const audit = {
      action: step.audit, entityType: 'report', planId: plan.id,
      before: existing ? { status: existing.status, reportedStatus: existing.reportedStatus, progress: existing.progress } : null,
      after: { ...after, period: period.key, status: step.to, warnings },
    };
    let row: typeof reports.$inferSelect;
    // the task's status, computed from the inputs read with the period and the report held and the report as it is
    // written, written in the report's statement (none: the row is marked there and read again below). A report saved
    // again that changes no status input (a draft's text) leaves a row holding today's figures as it is: nothing to write
    const inputs = held.status;
    const unchanged = !!inputs && !reportChangesStatus(existing, fields) && inputs.statusAsOf === today;
    const computed = inputs && !unchanged ? await reportStatusAfter(tx, inputs, dueStart, { taskId, status: fields.status, progress: fields.progress, reportedStatus: fields.reportedStatus, start: prow.start, label: prow.label }) : null;
    if (existing) {
      // the report, its audit row and its task's status row in one statement
      [row] = await updateReportStatement[data.submit ? 'submit' : 'save'](tx, {
        ...fields, updatedAt: at.toISOString(), ...(data.submit ? { submittedAt: at.toISOString() } : {}), id: existing.id,
        ...auditValues(tx, actor, audit), ...statusWriteValues(computed),
      });
    } else {
      // the report, its audit row and its task's status row in one statement
      [row] = await insertReport(tx, {
        submittedBy: null, submissions: 0, ...fields, submittedAt: fields.submittedAt?.toISOString() ?? null,
        planId: plan.id, taskId, periodId: prow.id, unitId, createdBy: actor.userId, createdAt: at,
        ...auditValues(tx, actor, audit), ...statusWriteValues(computed),
      });
    }
    noteAudited(tx, audit);
    // the task's maintained status moves with its reports: rewritten before this commits. Written with the report (or,
    // when another transaction changed an input since it was read, left marked for its next reader); a report whose
    // period or inputs were not read with it, from its inputs read now (its facts with them)
    if (!computed && !unchanged) await refreshTaskStatuses(tx, [taskId], { plan });
    if (toUnitHead) {
      await notifyUnit(
        tx,
        { unitId, roles: ['unit_head'], except: actor.userId },
        { kind: 'report', title: `${period.label}进展报告待您审核`, body: `${actor.displayName}报送了任务「${task.title}」的${period.label}进展报告,请审核后报规划办,或退回修改。`, link: `/reports?plan=${plan.id}&tab=unit-review`, planId: plan.id },
        at,
      );
    }
    // the answer as the API shows it, from what this transaction wrote and holds (no statement after the commit): a
    // report just created has no attachments yet
    const [out] = await toReportOut(tx, [{ r: row, p: prow }], { attachments: !!existing });
    return out;
  });
}
