// A district office takes up a task of a plan above it (issue #13): links it to one or more of the district's own
// tasks, or creates a district task from it in a plan of the district. Linking ends a 不适用 record. Audited.
import { and, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { plans, taskNotApplicable, taskTakeUps, tasks } from '../db/schema/index.js';
import { AppError } from '../../shared/errors.js';
import { takeUpBodySchema } from '../../shared/takeUp.js';
import { requireTakeUpRight } from '../access.js';
import { writeAudit } from '../audit.js';
import { visibleUpperTask } from '../queries/takeUp.js';
import { createTask } from './saveTask.js';
import type { OpContext } from './context.js';

export async function takeUpTask(ctx: OpContext, upperTaskId: number, input: z.input<typeof takeUpBodySchema>) {
  const { db, actor } = ctx;
  const data = takeUpBodySchema.parse(input);
  const upper = await visibleUpperTask(db, actor, upperTaskId);
  const regionId = await requireTakeUpRight(db, actor, upper.regionId);
  const ids = [...new Set(data.taskIds)];
  if (ids.length) {
    const own = await db.select({ id: tasks.id }).from(tasks).innerJoin(plans, eq(plans.id, tasks.planId)).where(and(inArray(tasks.id, ids), eq(plans.regionId, regionId)));
    if (own.length !== ids.length) throw new AppError('TAKE_UP_TASK_NOT_DISTRICT', { taskIds: ids.filter((i) => !own.some((o) => o.id === i)) });
  }
  if (data.create) {
    const [plan] = await db.select({ regionId: plans.regionId }).from(plans).where(eq(plans.id, data.create.planId));
    if (!plan || plan.regionId !== regionId) throw new AppError('TAKE_UP_TASK_NOT_DISTRICT', { planId: data.create.planId });
    // createTask checks the office manages the plan and audits the new task in its own transaction
    const created = await createTask(ctx, data.create.planId, { title: data.create.title ?? upper.title, text: upper.text });
    ids.push(created.id);
  }
  return db.transaction(async (tx) => {
    const rows = await tx
      .insert(taskTakeUps)
      .values(ids.map((districtTaskId) => ({ upperTaskId, districtTaskId, regionId, createdBy: actor.userId })))
      .onConflictDoNothing()
      .returning();
    for (const r of rows) {
      await writeAudit(tx, actor, { action: 'task.take_up', entityType: 'task', entityId: upperTaskId, planId: upper.planId, after: { regionId, districtTaskId: r.districtTaskId } });
    }
    const cleared = await tx.delete(taskNotApplicable).where(and(eq(taskNotApplicable.upperTaskId, upperTaskId), eq(taskNotApplicable.regionId, regionId))).returning();
    for (const n of cleared) {
      await writeAudit(tx, actor, { action: 'task.applicable', entityType: 'task', entityId: upperTaskId, planId: upper.planId, before: { regionId, reason: n.reason } });
    }
    return { upperTaskId, regionId, taskIds: ids, linked: rows.map((r) => r.districtTaskId) };
  });
}
