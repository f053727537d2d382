// 单位负责人预审: a head of the reporting unit approves a report waiting for it (it goes on to the office as
// submitted) or returns it to the unit's reporter with a reason. Only a unit_head of that same unit may.
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { AppError } from '../../shared/errors.js';
import { unitReviewBodySchema } from '../../shared/reporting.js';
import { plans } from '../db/schema/index.js';
import { writeAudit } from '../audit.js';
import { now } from '../clock.js';
import { getVisibleReport } from '../queries/reports.js';
import { effectiveState, shanghaiToday } from '../queries/calendar.js';
import { notifyUsers, unitUsers } from './notifyUnit.js';
import { refreshTaskStatuses } from '../queries/status.js';
import { reportStep, requireReportActor } from '../domain/reportFlow.js';
import { holdForReview, writeReview } from './reviewWrite.js';
import type { OpContext } from './context.js';

export async function reviewUnitReport({ db, actor }: OpContext, reportId: number, input: z.input<typeof unitReviewBodySchema>) {
  const data = unitReviewBodySchema.parse(input);
  const { r, p, task } = await getVisibleReport(db, actor, reportId);
  const action = data.decision === 'return' ? 'unit_return' : 'unit_approve';
  // the office is no party here: only a head of the report's own unit
  requireReportActor(action, { ofUnit: actor.unitId === r.unitId, unitHead: actor.roles.includes('unit_head'), office: false });
  if (data.decision === 'return' && data.reason.length < 2) throw new AppError('REPORT_RETURN_REASON_REQUIRED');
  const today = shanghaiToday(now());
  // the plan's calendar: the due period its task's status is computed from (reviewWrite.ts)
  const [plan] = await db.select({ id: plans.id, settings: plans.settings, periodStart: plans.periodStart, periodEnd: plans.periodEnd }).from(plans).where(eq(plans.id, r.planId));
  return db.transaction(async (tx) => {
    // the report held with its task's status inputs; the review and the task's status row in one statement (issue #15
    // phase 14: the row written once)
    const held = await holdForReview(tx, reportId, plan);
    if (!held) throw new AppError('NOT_FOUND');
    const { cur } = held;
    const step = reportStep(cur.status, action);
    const at = now();
    if (step.action === 'unit_return') {
      // an internal return: the office never saw it, so it is not counted in `returns` (a score input)
      const { row, statusWritten } = await writeReview(tx, 'unit_return', held, step.to, { at, reason: data.reason });
      await writeAudit(tx, actor, { action: step.audit, entityType: 'report', entityId: reportId, planId: r.planId, before: { status: cur.status }, after: { status: step.to, reason: data.reason } });
      if (!statusWritten) await refreshTaskStatuses(tx, [r.taskId]);
      const reporters = await unitUsers(tx, r.unitId, ['unit_reporter']);
      await notifyUsers(
        tx,
        [...reporters.map((u) => u.id), ...(cur.submittedBy && cur.submittedBy !== actor.userId ? [cur.submittedBy] : [])],
        { kind: 'report', title: `${p.label}进展报告被单位负责人退回`, body: `任务「${task.title}」的报告被${actor.displayName}退回:${data.reason}`, link: `/reports?plan=${r.planId}`, planId: r.planId },
        at,
      );
      return row;
    }
    // approving hands the report to the office: the period must still take submissions
    const state = effectiveState(p, p.lockOverride, today);
    if (state === 'locked') throw new AppError('REPORT_PERIOD_LOCKED', { period: p.key });
    // the report reaches the office now: that is the submission the due date and the scores judge
    const { row, statusWritten } = await writeReview(tx, 'unit_approve', held, step.to, { at });
    if (!statusWritten) await refreshTaskStatuses(tx, [r.taskId]);
    await writeAudit(tx, actor, { action: step.audit, entityType: 'report', entityId: reportId, planId: r.planId, before: { status: cur.status }, after: { status: step.to } });
    return row;
  });
}
