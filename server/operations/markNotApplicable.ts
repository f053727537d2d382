// A district office says an upper task does not apply to its district (issue #13), with the reason the city sees.
// Refused while the district still links tasks to it; a second marking replaces the reason. Audited.
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { taskNotApplicable, taskTakeUps } from '../db/schema/index.js';
import { AppError } from '../../shared/errors.js';
import { notApplicableBodySchema } from '../../shared/takeUp.js';
import { requireTakeUpRight } from '../access.js';
import { writeAudit } from '../audit.js';
import { visibleUpperTask } from '../queries/takeUp.js';
import type { OpContext } from './context.js';

export async function markNotApplicable({ db, actor }: OpContext, upperTaskId: number, input: z.input<typeof notApplicableBodySchema>) {
  const data = notApplicableBodySchema.parse(input);
  const upper = await visibleUpperTask(db, actor, upperTaskId);
  const regionId = await requireTakeUpRight(db, actor, upper.regionId);
  return db.transaction(async (tx) => {
    const linked = await tx.select({ id: taskTakeUps.id }).from(taskTakeUps).where(and(eq(taskTakeUps.upperTaskId, upperTaskId), eq(taskTakeUps.regionId, regionId))).limit(1);
    if (linked.length) throw new AppError('TAKE_UP_HAS_LINKS');
    const [before] = await tx.select().from(taskNotApplicable).where(and(eq(taskNotApplicable.upperTaskId, upperTaskId), eq(taskNotApplicable.regionId, regionId)));
    const [row] = before
      ? await tx.update(taskNotApplicable).set({ reason: data.reason, createdBy: actor.userId, createdAt: new Date() }).where(eq(taskNotApplicable.id, before.id)).returning()
      : await tx.insert(taskNotApplicable).values({ upperTaskId, regionId, reason: data.reason, createdBy: actor.userId }).returning();
    await writeAudit(tx, actor, { action: 'task.not_applicable', entityType: 'task', entityId: upperTaskId, planId: upper.planId, before: before ? { regionId, reason: before.reason } : undefined, after: { regionId, reason: row.reason } });
    return { upperTaskId, regionId, reason: row.reason };
  });
}
