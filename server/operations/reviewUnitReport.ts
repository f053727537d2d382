// 单位负责人预审: a head of the reporting unit approves a report waiting for it (it goes on to the office as
// submitted) or returns it to the unit's reporter with a reason. Only a unit_head of that same unit may.
import { z } from 'zod';
import { AppError } from '../../shared/errors.js';
import { unitReviewBodySchema } from '../../shared/reporting.js';
import { now } from '../clock.js';
import { getReportForReview, type ReportForReview } from '../queries/reports.js';
import { effectiveState, shanghaiToday } from '../queries/calendar.js';
import { notifyUnit } from './notifyUnit.js';
import { refreshTaskStatuses } from '../queries/status.js';
import { reportStep, requireReportActor } from '../domain/reportFlow.js';
import { holdForReview, writeReview } from './reviewWrite.js';
import type { OpContext } from './context.js';

/**
 * `gated`: the report with its task and plan as the route gate read them (access.ts `loads: 'report_for_review'`), else
 * read here — one statement either way (issue #15 phase 15: before, the report with its period, the task, its units,
 * its plan's title and the plan's calendar, five). The report as written and its period (the route's answer).
 */
export async function reviewUnitReport({ db, actor }: OpContext, reportId: number, input: z.input<typeof unitReviewBodySchema>, gated?: ReportForReview) {
  const data = unitReviewBodySchema.parse(input);
  // the plan's calendar with them: the due period its task's status is computed from (reviewWrite.ts)
  const { report: r, task, plan, taskVisible } = gated?.report.id === reportId ? gated : await getReportForReview(db, actor, reportId);
  // the report through its task's visibility (getVisibleReport's)
  if (!taskVisible) throw new AppError('NOT_FOUND');
  const action = data.decision === 'return' ? 'unit_return' : 'unit_approve';
  // the office is no party here: only a head of the report's own unit
  requireReportActor(action, { ofUnit: actor.unitId === r.unitId, unitHead: actor.roles.includes('unit_head'), office: false });
  if (data.decision === 'return' && data.reason.length < 2) throw new AppError('REPORT_RETURN_REASON_REQUIRED');
  const today = shanghaiToday(now());
  return db.transaction(async (tx) => {
    // the report held with its period and its task's status inputs; the review, its audit row and the task's status row
    // in one statement (issue #15 phases 14 and 15: the row written once)
    const held = await holdForReview(tx, reportId, plan);
    if (!held) throw new AppError('NOT_FOUND');
    const { cur, period: p } = held;
    const step = reportStep(cur.status, action);
    const at = now();
    if (step.action === 'unit_return') {
      // an internal return: the office never saw it, so it is not counted in `returns` (a score input)
      const { row, statusWritten } = await writeReview(tx, actor, 'unit_return', held, step.to, {
        at, reason: data.reason, audit: { action: step.audit, before: { status: cur.status }, after: { status: step.to, reason: data.reason } },
      });
      if (!statusWritten) await refreshTaskStatuses(tx, [r.taskId]);
      await notifyUnit(
        tx,
        { unitId: r.unitId, roles: ['unit_reporter'], also: cur.submittedBy && cur.submittedBy !== actor.userId ? [cur.submittedBy] : [] },
        { kind: 'report', title: `${p.label}进展报告被单位负责人退回`, body: `任务「${task.title}」的报告被${actor.displayName}退回:${data.reason}`, link: `/reports?plan=${r.planId}`, planId: r.planId },
        at,
      );
      return { row, period: p };
    }
    // approving hands the report to the office: the period must still take submissions
    const state = effectiveState(p, p.lockOverride, today);
    if (state === 'locked') throw new AppError('REPORT_PERIOD_LOCKED', { period: p.key });
    // the report reaches the office now: that is the submission the due date and the scores judge
    const { row, statusWritten } = await writeReview(tx, actor, 'unit_approve', held, step.to, { at, audit: { action: step.audit, before: { status: cur.status }, after: { status: step.to } } });
    if (!statusWritten) await refreshTaskStatuses(tx, [r.taskId]);
    return { row, period: p };
  });
}
