// A unit writes many reports at once (the report grid, or a ledger upload once confirmed): each row goes through
// saveReport — the same checks, version compare-and-set, warnings, 预审 routing and audit row — in its own
// transaction, so a refused row is named with its error and leaves nothing half-saved, and the others are saved.
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { saveReportsBodySchema } from '../../shared/bulk.js';
import { reportPeriods, reports } from '../db/schema/index.js';
import { eachRow } from './batchRows.js';
import { saveReport } from './saveReport.js';
import type { OpContext } from './context.js';

export async function saveReports(ctx: OpContext, input: z.input<typeof saveReportsBodySchema>) {
  const data = saveReportsBodySchema.parse(input);
  const res = await eachRow(
    data.items.map((i) => i.taskId),
    async (taskId, index) => {
      const { taskId: _t, ...body } = data.items[index] as Record<string, unknown>;
      // a grid row carries no indicator values: those already on the report stay as they are
      if (body.indicatorValues === undefined && typeof body.period === 'string') {
        const [existing] = await ctx.db
          .select({ indicatorValues: reports.indicatorValues })
          .from(reports)
          .innerJoin(reportPeriods, eq(reportPeriods.id, reports.periodId))
          .where(and(eq(reports.taskId, taskId), eq(reportPeriods.key, body.period)));
        if (existing) body.indicatorValues = existing.indicatorValues;
      }
      const row = await saveReport(ctx, taskId, { ...(body as object), submit: data.submit } as never);
      return { reportId: row.id, status: row.status, version: row.version };
    },
  );
  return { items: res.items.map((i) => ({ ...i, ...(res.values.get(i.id) ?? {}) })), done: res.done, failed: res.failed };
}
