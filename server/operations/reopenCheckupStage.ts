// The office reopens the last closed stage of a check-up year (e.g. values corrected after 采集数值 was closed).
// Only the last closed stage can be reopened, so the stages stay closed in their order. Projects already rolled into
// next year's 储备库 stay there (the library keeps its own history; the office rolls them again if needed). Audited.
import { eq } from 'drizzle-orm';
import { checkups } from '../db/schema/index.js';
import { AppError } from '../../shared/errors.js';
import { CHECKUP_STAGES, checkupCycleStoredSchema, type CheckupStage } from '../../shared/checkup.js';
import { getVisibleCheckup, requireCheckupManager } from '../queries/checkups.js';
import { writeAudit } from '../audit.js';
import type { OpContext } from './context.js';

export async function reopenCheckupStage({ db, actor }: OpContext, id: number, stage: CheckupStage) {
  return db.transaction(async (tx) => {
    const c = await getVisibleCheckup(tx, actor, id);
    requireCheckupManager(actor, c);
    const [locked] = await tx.select({ cycle: checkups.cycle }).from(checkups).where(eq(checkups.id, id)).for('update');
    const stored = checkupCycleStoredSchema.parse(locked.cycle ?? {});
    const last = [...CHECKUP_STAGES].reverse().find((s) => stored.done[s]);
    if (last !== stage) throw new AppError('CHECKUP_STAGE_ORDER', { stage, lastClosed: last ?? null });
    const before = stored.done[stage];
    const done = { ...stored.done };
    delete done[stage];
    await tx.update(checkups).set({ cycle: { ...stored, done } }).where(eq(checkups.id, id));
    await writeAudit(tx, actor, { action: 'checkup.stage_reopen', entityType: 'checkup', entityId: id, before: { stage, done: true, ...before }, after: { stage, done: false } });
    return { id, stage };
  });
}
