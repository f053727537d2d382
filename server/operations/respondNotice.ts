// A notice's lifecycle: the unit signs, handles and feeds back; the office rechecks and closes. The steps are data in
// domain/noticeFlow.ts; each is a compare-and-set on the status, audited.
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { AppError } from '../../shared/errors.js';
import { recheckNoticeBodySchema, respondNoticeBodySchema } from '../../shared/reporting.js';
import { notices } from '../db/schema/index.js';
import { writeAudit } from '../audit.js';
import { now } from '../clock.js';
import { canManagePlan } from '../policy.js';
import { getVisiblePlan } from '../queries/plans.js';
import { getVisibleNotice } from '../queries/notices.js';
import { noticeStep, type NoticeTransition } from '../domain/noticeFlow.js';
import type { OpContext } from './context.js';

async function move(ctx: OpContext, id: number, { from, to, action }: NoticeTransition, set: Partial<typeof notices.$inferInsert>, extra: object = {}) {
  return ctx.db.transaction(async (tx) => {
    const at = now();
    const [row] = await tx.update(notices).set({ ...set, status: to, updatedAt: at }).where(and(eq(notices.id, id), eq(notices.status, from))).returning();
    if (!row) throw new AppError('NOTICE_INVALID_TRANSITION', { expected: from });
    await writeAudit(tx, ctx.actor, { action: `notice.${action}`, entityType: 'notice', entityId: id, planId: row.planId, before: { status: from }, after: { status: to, ...extra } });
    return row;
  });
}

export async function respondNotice(ctx: OpContext, id: number, input: z.input<typeof respondNoticeBodySchema>) {
  const data = respondNoticeBodySchema.parse(input);
  const n = await getVisibleNotice(ctx.db, ctx.actor, id);
  // only the unit the notice is addressed to answers it
  if (ctx.actor.unitId !== n.unitId) throw new AppError('FORBIDDEN');
  const step = noticeStep(n.status, data.action);
  if (data.action === 'feedback' && data.text.length < 2) throw new AppError('VALIDATION_FAILED', { text: '请填写整改落实情况' });
  // the feedback step records when the unit fed back (the time a response deadline is judged against)
  return move(ctx, id, step, data.action === 'feedback' ? { feedback: data.text, fedBackAt: now() } : {}, data.text ? { text: data.text } : {});
}

export async function recheckNotice(ctx: OpContext, id: number, input: z.input<typeof recheckNoticeBodySchema>) {
  const data = recheckNoticeBodySchema.parse(input);
  const n = await getVisibleNotice(ctx.db, ctx.actor, id);
  if (!canManagePlan(ctx.actor, (await getVisiblePlan(ctx.db, ctx.actor, n.planId)).p)) throw new AppError('FORBIDDEN');
  // a failed recheck sends the notice back to the unit to handle again
  const step = noticeStep(n.status, data.passed ? 'recheck' : 'recheck_fail');
  return move(ctx, id, step, { recheckNote: data.note || null }, { passed: data.passed, note: data.note });
}

export async function closeNotice(ctx: OpContext, id: number) {
  const n = await getVisibleNotice(ctx.db, ctx.actor, id);
  if (!canManagePlan(ctx.actor, (await getVisiblePlan(ctx.db, ctx.actor, n.planId)).p)) throw new AppError('FORBIDDEN');
  return move(ctx, id, noticeStep(n.status, 'close'), { closedAt: now() });
}
