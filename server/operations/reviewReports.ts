// The office accepts or returns many submitted reports of one plan at once (one reason for all returns). Each
// report goes through reviewReport — its checks, its transaction, its audit rows and messages — so a report that
// is no longer waiting, or belongs to another plan, is named with its error and the others are reviewed.
import { and, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { AppError } from '../../shared/errors.js';
import { reviewReportsBodySchema } from '../../shared/bulk.js';
import { reports } from '../db/schema/index.js';
import { canManagePlan } from '../policy.js';
import { getVisiblePlan } from '../queries/plans.js';
import { eachRow } from './batchRows.js';
import { reviewReport } from './reviewReport.js';
import type { OpContext } from './context.js';

export async function reviewReports(ctx: OpContext, planId: number, input: z.input<typeof reviewReportsBodySchema>) {
  const data = reviewReportsBodySchema.parse(input);
  const { p: plan } = await getVisiblePlan(ctx.db, ctx.actor, planId);
  if (!canManagePlan(ctx.actor, plan)) throw new AppError('FORBIDDEN');
  // one reason for the whole batch: refused before anything is done
  if (data.decision === 'return' && data.reason.length < 2) throw new AppError('REPORT_RETURN_REASON_REQUIRED');
  const ofPlan = new Set((await ctx.db.select({ id: reports.id }).from(reports).where(and(eq(reports.planId, plan.id), inArray(reports.id, data.reportIds)))).map((r) => r.id));
  const res = await eachRow(data.reportIds, async (id) => {
    if (!ofPlan.has(id)) throw new AppError('NOT_FOUND');
    await reviewReport(ctx, id, { decision: data.decision, reason: data.reason });
  });
  return { items: res.items, done: res.done, failed: res.failed };
}
