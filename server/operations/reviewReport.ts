// The office accepts a submitted report or returns it with a reason. Acceptance moves the task's
// progress and status and records the indicator values the unit reported.
import { z } from 'zod';
import { AppError } from '../../shared/errors.js';
import { reviewBodySchema } from '../../shared/reporting.js';
import { indicatorValues } from '../db/schema/index.js';
import { writeAudit } from '../audit.js';
import { now } from '../clock.js';
import { canManagePlan } from '../policy.js';
import { getReportForReview, type ReportForReview } from '../queries/reports.js';
import { notifyUnit } from './notifyUnit.js';
import { refreshTaskStatuses } from '../queries/status.js';
import { reportStep, requireReportActor } from '../domain/reportFlow.js';
import { holdForReview, writeReview } from './reviewWrite.js';
import type { OpContext } from './context.js';

/**
 * `gated`: the report with its task and plan as the route gate read them (access.ts `loads: 'report_for_review'`), else
 * read here (the bulk review) — one statement either way (issue #15 phase 15: before, the report with its period, the
 * task, its units, its plan's title and the plan, five). The report as written and its period (the route's answer).
 */
export async function reviewReport({ db, actor }: OpContext, reportId: number, input: z.input<typeof reviewBodySchema>, gated?: ReportForReview) {
  const data = reviewBodySchema.parse(input);
  const { report: r, task, plan, taskVisible, planVisible } = gated?.report.id === reportId ? gated : await getReportForReview(db, actor, reportId);
  // the report through its task's visibility (getVisibleReport's), its plan through the plan's (getVisiblePlan's)
  if (!taskVisible || !planVisible) throw new AppError('NOT_FOUND');
  const action = data.decision === 'return' ? 'return' : 'accept';
  const office = canManagePlan(actor, plan);
  requireReportActor(action, { ofUnit: actor.unitId === r.unitId, unitHead: actor.roles.includes('unit_head'), office });
  if (data.decision === 'return' && data.reason.length < 2) throw new AppError('REPORT_RETURN_REASON_REQUIRED');
  return db.transaction(async (tx) => {
    // the report held with its period, whether a later period's report was accepted and its task's status inputs, in
    // one statement; the review, an acceptance's progress of the task, their audit rows and the task's status row in
    // one more (issue #15 phases 14 and 15: reviewWrite.ts)
    const held = await holdForReview(tx, reportId, plan);
    if (!held) throw new AppError('NOT_FOUND');
    const { cur, period: p } = held;
    const step = reportStep(cur.status, action);
    const at = now();
    if (step.action === 'return') {
      const { row, statusWritten } = await writeReview(tx, actor, 'return', held, step.to, {
        at, by: actor.userId, reason: data.reason, audit: { action: step.audit, before: { status: cur.status }, after: { status: step.to, reason: data.reason } },
      });
      if (!statusWritten) await refreshTaskStatuses(tx, [r.taskId]);
      await notifyUnit(tx, { unitId: r.unitId }, { kind: 'report', title: `${p.label}进展报告被退回`, body: `任务「${task.title}」的报告被退回:${data.reason}`, link: `/tasks/${r.taskId}`, planId: r.planId }, at);
      return { row, period: p };
    }
    // an older period accepted late must not overwrite a newer period's progress
    const progress = cur.progress ?? (cur.reportedStatus === '已完成' ? 100 : task.progress);
    const moves = held.newer ? undefined : { progress, reportedStatus: cur.reportedStatus };
    const { row, statusWritten } = await writeReview(tx, actor, 'accept', held, step.to, {
      at, by: actor.userId, task: moves,
      audit: { action: step.audit, before: { status: cur.status }, after: { status: step.to } },
      taskAudit: { before: { progress: task.progress, reportedStatus: task.reportedStatus }, after: { ...moves, reportId } },
    });
    if (!statusWritten) await refreshTaskStatuses(tx, [r.taskId]);
    if (cur.indicatorValues.length) {
      await tx.insert(indicatorValues).values(cur.indicatorValues.map((v) => ({ indicatorId: v.indicatorId, unitId: r.unitId, date: p.end, value: v.value, reportId, createdBy: actor.userId })));
      await writeAudit(tx, actor, { action: 'indicator.values', entityType: 'report', entityId: reportId, planId: r.planId, after: { date: p.end, unitId: r.unitId, values: cur.indicatorValues } });
    }
    return { row, period: p };
  });
}
