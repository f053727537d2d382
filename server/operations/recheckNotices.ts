// 批量复核: the office rechecks many fed-back 督办 of one plan at once (passed, or back to the unit to handle again,
// with one note). Each notice goes through recheckNotice — its compare-and-set and audit row — so one that is not
// waiting for 复核 is named with its error and the others are rechecked.
import { and, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { AppError } from '../../shared/errors.js';
import { recheckNoticesBodySchema } from '../../shared/bulk.js';
import { notices } from '../db/schema/index.js';
import { canManagePlan } from '../policy.js';
import { getVisiblePlan } from '../queries/plans.js';
import { eachRow } from './batchRows.js';
import { recheckNotice } from './respondNotice.js';
import type { OpContext } from './context.js';

export async function recheckNotices(ctx: OpContext, planId: number, input: z.input<typeof recheckNoticesBodySchema>) {
  const data = recheckNoticesBodySchema.parse(input);
  const { p: plan } = await getVisiblePlan(ctx.db, ctx.actor, planId);
  if (!canManagePlan(ctx.actor, plan)) throw new AppError('FORBIDDEN');
  if (!data.passed && data.note.length < 2) throw new AppError('VALIDATION_FAILED', [{ path: ['note'], message: '复核不通过须写明理由' }]);
  const ofPlan = new Set((await ctx.db.select({ id: notices.id }).from(notices).where(and(eq(notices.planId, plan.id), inArray(notices.id, data.noticeIds)))).map((r) => r.id));
  const res = await eachRow(data.noticeIds, async (id) => {
    if (!ofPlan.has(id)) throw new AppError('NOT_FOUND');
    await recheckNotice(ctx, id, { passed: data.passed, note: data.note });
  });
  return { items: res.items, done: res.done, failed: res.failed };
}
