// 单位负责人预审: a head of the reporting unit approves a report waiting for it (it goes on to the office as
// submitted) or returns it to the unit's reporter with a reason. Only a unit_head of that same unit may.
import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { AppError } from '../../shared/errors.js';
import { unitReviewBodySchema } from '../../shared/reporting.js';
import { reports } from '../db/schema/index.js';
import { writeAudit } from '../audit.js';
import { now } from '../clock.js';
import { getVisibleReport } from '../queries/reports.js';
import { effectiveState, shanghaiToday } from '../queries/calendar.js';
import { notifyUsers, unitUsers } from './notifyUnit.js';
import { refreshTaskStatuses } from '../queries/status.js';
import type { OpContext } from './context.js';

export async function reviewUnitReport({ db, actor }: OpContext, reportId: number, input: z.input<typeof unitReviewBodySchema>) {
  const data = unitReviewBodySchema.parse(input);
  const { r, p, task } = await getVisibleReport(db, actor, reportId);
  if (!actor.roles.includes('unit_head') || actor.unitId !== r.unitId) throw new AppError('REPORT_NOT_UNIT_HEAD');
  if (data.decision === 'return' && data.reason.length < 2) throw new AppError('REPORT_RETURN_REASON_REQUIRED');
  const today = shanghaiToday(now());
  return db.transaction(async (tx) => {
    const [cur] = await tx.select().from(reports).where(eq(reports.id, reportId)).for('update');
    if (cur.status !== 'unit_review') throw new AppError('REPORT_NOT_IN_UNIT_REVIEW', { status: cur.status });
    const at = now();
    if (data.decision === 'return') {
      // an internal return: the office never saw it, so it is not counted in `returns` (a score input)
      const [row] = await tx.update(reports).set({ status: 'returned', returnReason: data.reason, updatedAt: at, version: sql`${reports.version} + 1` }).where(eq(reports.id, reportId)).returning();
      await writeAudit(tx, actor, { action: 'report.unit_return', entityType: 'report', entityId: reportId, planId: r.planId, before: { status: cur.status }, after: { status: 'returned', reason: data.reason } });
      await refreshTaskStatuses(tx, [r.taskId]);
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
    const [row] = await tx
      .update(reports)
      .set({ status: 'submitted', returnReason: null, submittedAt: at, submissions: cur.submissions + 1, updatedAt: at, version: sql`${reports.version} + 1` })
      .where(eq(reports.id, reportId))
      .returning();
    await refreshTaskStatuses(tx, [r.taskId]);
    await writeAudit(tx, actor, { action: 'report.unit_approve', entityType: 'report', entityId: reportId, planId: r.planId, before: { status: cur.status }, after: { status: 'submitted' } });
    return row;
  });
}
