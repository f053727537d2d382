// A district office withdraws its take-up of an upper task (issue #13): one link (taskId), or every link and the
// 不适用 record of its district, so the task is back to 未落实. Each removed row is audited.
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { taskNotApplicable, taskTakeUps } from '../db/schema/index.js';
import { AppError } from '../../shared/errors.js';
import { untakeBodySchema } from '../../shared/takeUp.js';
import { requireTakeUpRight } from '../access.js';
import { writeAudit } from '../audit.js';
import { visibleUpperTask } from '../queries/takeUp.js';
import type { OpContext } from './context.js';

export async function untakeTask({ db, actor }: OpContext, upperTaskId: number, input: z.input<typeof untakeBodySchema>) {
  const data = untakeBodySchema.parse(input);
  const upper = await visibleUpperTask(db, actor, upperTaskId);
  const regionId = await requireTakeUpRight(db, actor, upper.regionId);
  return db.transaction(async (tx) => {
    const mine = and(eq(taskTakeUps.upperTaskId, upperTaskId), eq(taskTakeUps.regionId, regionId));
    const removed = await tx.delete(taskTakeUps).where(data.taskId ? and(mine, eq(taskTakeUps.districtTaskId, data.taskId)) : mine).returning();
    for (const r of removed) {
      await writeAudit(tx, actor, { action: 'task.untake', entityType: 'task', entityId: upperTaskId, planId: upper.planId, before: { regionId, districtTaskId: r.districtTaskId } });
    }
    const cleared = data.taskId ? [] : await tx.delete(taskNotApplicable).where(and(eq(taskNotApplicable.upperTaskId, upperTaskId), eq(taskNotApplicable.regionId, regionId))).returning();
    for (const n of cleared) {
      await writeAudit(tx, actor, { action: 'task.applicable', entityType: 'task', entityId: upperTaskId, planId: upper.planId, before: { regionId, reason: n.reason } });
    }
    if (!removed.length && !cleared.length) throw new AppError('NOT_FOUND');
    return { upperTaskId, regionId, removed: removed.map((r) => r.districtTaskId), clearedNotApplicable: cleared.length > 0 };
  });
}
