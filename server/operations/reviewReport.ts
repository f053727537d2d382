// The office accepts a submitted report or returns it with a reason. Acceptance moves the task's
// progress and status and records the indicator values the unit reported.
import { and, eq, gt, sql } from 'drizzle-orm';
import { z } from 'zod';
import { AppError } from '../../shared/errors.js';
import { reviewBodySchema } from '../../shared/reporting.js';
import { indicatorValues, reportPeriods, reports, tasks } from '../db/schema/index.js';
import { writeAudit } from '../audit.js';
import { now } from '../clock.js';
import { canManagePlan } from '../policy.js';
import { getVisiblePlan } from '../queries/plans.js';
import { getVisibleReport } from '../queries/reports.js';
import { notifyUsers, unitUsers } from './notifyUnit.js';
import { refreshTaskStatuses } from '../queries/status.js';
import { reportStep, requireReportActor } from '../domain/reportFlow.js';
import type { OpContext } from './context.js';

export async function reviewReport({ db, actor }: OpContext, reportId: number, input: z.input<typeof reviewBodySchema>) {
  const data = reviewBodySchema.parse(input);
  const { r, p, task } = await getVisibleReport(db, actor, reportId);
  const action = data.decision === 'return' ? 'return' : 'accept';
  const office = canManagePlan(actor, (await getVisiblePlan(db, actor, r.planId)).p);
  requireReportActor(action, { ofUnit: actor.unitId === r.unitId, unitHead: actor.roles.includes('unit_head'), office });
  if (data.decision === 'return' && data.reason.length < 2) throw new AppError('REPORT_RETURN_REASON_REQUIRED');
  return db.transaction(async (tx) => {
    const [cur] = await tx.select().from(reports).where(eq(reports.id, reportId)).for('update');
    const step = reportStep(cur.status, action);
    const at = now();
    if (step.action === 'return') {
      const [row] = await tx.update(reports).set({ status: step.to, returnReason: data.reason, returns: cur.returns + 1, reviewedAt: at, reviewedBy: actor.userId, updatedAt: at, version: sql`${reports.version} + 1` }).where(eq(reports.id, reportId)).returning();
      await writeAudit(tx, actor, { action: step.audit, entityType: 'report', entityId: reportId, planId: r.planId, before: { status: cur.status }, after: { status: step.to, reason: data.reason } });
      await refreshTaskStatuses(tx, [r.taskId]);
      const people = await unitUsers(tx, r.unitId);
      await notifyUsers(tx, people.map((u) => u.id), { kind: 'report', title: `${p.label}进展报告被退回`, body: `任务「${task.title}」的报告被退回:${data.reason}`, link: `/tasks/${r.taskId}`, planId: r.planId }, at);
      return row;
    }
    const [row] = await tx.update(reports).set({ status: step.to, returnReason: null, reviewedAt: at, reviewedBy: actor.userId, updatedAt: at, version: sql`${reports.version} + 1` }).where(eq(reports.id, reportId)).returning();
    await writeAudit(tx, actor, { action: step.audit, entityType: 'report', entityId: reportId, planId: r.planId, before: { status: cur.status }, after: { status: step.to } });
    // an older period accepted late must not overwrite a newer period's progress
    const [newer] = await tx
      .select({ id: reports.id })
      .from(reports)
      .innerJoin(reportPeriods, eq(reportPeriods.id, reports.periodId))
      .where(and(eq(reports.taskId, r.taskId), eq(reports.status, 'accepted'), gt(reportPeriods.start, p.start)))
      .limit(1);
    if (!newer) {
      const progress = cur.progress ?? (cur.reportedStatus === '已完成' ? 100 : task.progress);
      await tx.update(tasks).set({ progress, reportedStatus: cur.reportedStatus, updatedAt: at, version: sql`${tasks.version} + 1` }).where(eq(tasks.id, r.taskId));
      await writeAudit(tx, actor, { action: 'task.progress', entityType: 'task', entityId: r.taskId, planId: r.planId, before: { progress: task.progress, reportedStatus: task.reportedStatus }, after: { progress, reportedStatus: cur.reportedStatus, reportId } });
    }
    await refreshTaskStatuses(tx, [r.taskId]);
    if (cur.indicatorValues.length) {
      await tx.insert(indicatorValues).values(cur.indicatorValues.map((v) => ({ indicatorId: v.indicatorId, unitId: r.unitId, date: p.end, value: v.value, reportId, createdBy: actor.userId })));
      await writeAudit(tx, actor, { action: 'indicator.values', entityType: 'report', entityId: reportId, planId: r.planId, after: { date: p.end, unitId: r.unitId, values: cur.indicatorValues } });
    }
    return row;
  });
}
