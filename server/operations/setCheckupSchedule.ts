// The office sets the due dates of a check-up year's stages (采集数值, 查找问题, 问题转项目); the dates must follow
// the stages' order. Dates not given keep their value (the office's earlier one, else the default of
// domain/checkupCycle.ts). Audited with the dates before and after.
import { eq } from 'drizzle-orm';
import { checkups } from '../db/schema/index.js';
import { AppError } from '../../shared/errors.js';
import { checkupCycleStoredSchema, type CheckupStage } from '../../shared/checkup.js';
import { dueDatesOf, scheduleError } from '../domain/checkupCycle.js';
import { getVisibleCheckup, requireCheckupManager } from '../queries/checkups.js';
import { writeAudit } from '../audit.js';
import type { OpContext } from './context.js';

export async function setCheckupSchedule({ db, actor }: OpContext, id: number, dueDates: Partial<Record<CheckupStage, string>>) {
  return db.transaction(async (tx) => {
    const c = await getVisibleCheckup(tx, actor, id);
    requireCheckupManager(actor, c);
    const stored = checkupCycleStoredSchema.parse(c.cycle ?? {});
    const next = { ...stored, dueDates: { ...stored.dueDates, ...dueDates } };
    const error = scheduleError(dueDatesOf(c.year, next));
    if (error) throw new AppError('CHECKUP_SCHEDULE_ORDER', { dueDates: dueDatesOf(c.year, next) }, error);
    await tx.update(checkups).set({ cycle: next }).where(eq(checkups.id, id));
    await writeAudit(tx, actor, { action: 'checkup.schedule', entityType: 'checkup', entityId: id, before: { dueDates: dueDatesOf(c.year, stored) }, after: { dueDates: dueDatesOf(c.year, next) } });
    return { id, dueDates: dueDatesOf(c.year, next) };
  });
}
