// 定人、定责、定目标、定时间、定标准: the lead unit's head (or the office) breaks a task into sub-tasks,
// each with a person, a target, a deadline and a standard. The sub-task stays with the parent's lead unit.
import { z } from 'zod';
import { subtaskBodySchema } from '../../shared/reporting.js';
import { getVisibleTask } from '../queries/tasks.js';
import { createTask } from './saveTask.js';
import type { OpContext } from './context.js';

export async function createSubtask(ctx: OpContext, parentTaskId: number, input: z.input<typeof subtaskBodySchema>) {
  const data = subtaskBodySchema.parse(input);
  const parent = await getVisibleTask(ctx.db, ctx.actor, parentTaskId);
  const lead = parent.units.filter((u) => u.role === 'lead' && u.unitId).map((u) => ({ unitId: u.unitId!, role: 'lead' as const }));
  // createTask checks that the actor heads a lead unit of the parent, or manages the plan
  return createTask(ctx, parent.planId, { ...data, parentTaskId, outlineNodeId: parent.outlineNodeId, units: lead });
}
