// The city edits its check-up's indicator system (issue #14): add, change or remove one indicator. A new standard or
// direction re-judges every value of the indicator, opening or clearing problems. Audited.
import { and, eq, max } from 'drizzle-orm';
import { z } from 'zod';
import { checkupIndicators, checkupValues } from '../db/schema/index.js';
import { AppError } from '../../shared/errors.js';
import { saveCheckupIndicatorBodySchema } from '../../shared/checkup.js';
import { requireUnitsInRegion } from '../access.js';
import { writeAudit } from '../audit.js';
import { getVisibleCheckup, requireCheckupManager } from '../queries/checkups.js';
import { refreshProblems } from './saveCheckupValues.js';
import type { OpContext } from './context.js';

export async function saveCheckupIndicator({ db, actor }: OpContext, checkupId: number, input: z.input<typeof saveCheckupIndicatorBodySchema>) {
  const data = saveCheckupIndicatorBodySchema.parse(input);
  const checkup = await getVisibleCheckup(db, actor, checkupId);
  requireCheckupManager(actor, checkup);
  const unitId = data.op === 'delete' ? null : data.indicator.unitId;
  if (unitId) await requireUnitsInRegion(db, [unitId], checkup.regionId);
  const current = data.op === 'create' ? null : (await db.select().from(checkupIndicators).where(and(eq(checkupIndicators.id, data.indicatorId), eq(checkupIndicators.checkupId, checkupId))))[0];
  if (data.op !== 'create' && !current) throw new AppError('NOT_FOUND');
  const code = data.op === 'delete' ? null : data.indicator.code;
  if (code && code !== current?.code) {
    const [taken] = await db.select({ id: checkupIndicators.id }).from(checkupIndicators).where(and(eq(checkupIndicators.checkupId, checkupId), eq(checkupIndicators.code, code)));
    if (taken) throw new AppError('CHECKUP_INDICATOR_CODE_TAKEN', { code });
  }
  return db.transaction(async (tx) => {
    if (data.op === 'create') {
      const [{ last }] = await tx.select({ last: max(checkupIndicators.position) }).from(checkupIndicators).where(eq(checkupIndicators.checkupId, checkupId));
      const [row] = await tx.insert(checkupIndicators).values({ ...data.indicator, checkupId, position: (last ?? 0) + 1 }).returning();
      await writeAudit(tx, actor, { action: 'checkup.indicator_create', entityType: 'checkup', entityId: checkupId, after: row });
      return row;
    }
    if (data.op === 'delete') {
      await tx.delete(checkupIndicators).where(eq(checkupIndicators.id, current!.id)); // values, problems and their links go with it
      await writeAudit(tx, actor, { action: 'checkup.indicator_delete', entityType: 'checkup', entityId: checkupId, before: current });
      return current!;
    }
    const [row] = await tx.update(checkupIndicators).set(data.indicator).where(eq(checkupIndicators.id, current!.id)).returning();
    await writeAudit(tx, actor, { action: 'checkup.indicator_update', entityType: 'checkup', entityId: checkupId, before: current, after: row });
    if (row.standard !== current!.standard || row.direction !== current!.direction) {
      const cells = await tx.select({ indicatorId: checkupValues.indicatorId, regionId: checkupValues.regionId }).from(checkupValues).where(eq(checkupValues.indicatorId, row.id));
      await refreshProblems(tx, actor, checkupId, cells);
    }
    return row;
  });
}
