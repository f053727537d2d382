// A check-up problem becomes a task of one of the region's plans (issue #14): createTask makes it (its own checks
// and audit), then the problem is linked to it, assigned to its lead unit and marked 已转任务/项目 (audited).
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { checkupIndicators, checkupProblemLinks, checkupProblems, regions } from '../db/schema/index.js';
import { AppError } from '../../shared/errors.js';
import { turnProblemIntoTaskBodySchema, type CheckupDirection } from '../../shared/checkup.js';
import { writeAudit } from '../audit.js';
import { gapText } from '../domain/checkup.js';
import { getVisibleProblem, requireCheckupManager } from '../queries/checkups.js';
import { createTask } from './saveTask.js';
import type { OpContext } from './context.js';

export async function turnProblemIntoTask(ctx: OpContext, problemId: number, input: z.input<typeof turnProblemIntoTaskBodySchema>) {
  const { db, actor } = ctx;
  const data = turnProblemIntoTaskBodySchema.parse(input);
  const { problem, checkup } = await getVisibleProblem(db, actor, problemId);
  requireCheckupManager(actor, checkup);
  if (problem.status === 'met') throw new AppError('CHECKUP_PROBLEM_MET');
  const unitId = data.unitId ?? problem.assignedUnitId;
  if (!unitId) throw new AppError('CHECKUP_PROBLEM_NO_UNIT');
  const [ind] = await db.select().from(checkupIndicators).where(eq(checkupIndicators.id, problem.indicatorId));
  const [area] = await db.select({ name: regions.name }).from(regions).where(eq(regions.id, problem.regionId));
  const title = data.title ?? `补齐${area.name}“${ind.name}”短板`;
  const text = `${checkup.year}年城市体检发现:${area.name}${ind.name}${gapText(problem.value, problem.standard, ind.direction as CheckupDirection, ind.measure)}。`;
  // createTask checks the office runs the plan and the unit lies in its region, and audits the task
  const task = await createTask(ctx, data.planId, { title, text, deadline: data.deadline ?? null, units: [{ unitId, role: 'lead' }] });
  return db.transaction(async (tx) => {
    await tx.insert(checkupProblemLinks).values({ problemId, taskId: task.id, createdBy: actor.userId });
    const [row] = await tx.update(checkupProblems).set({ status: 'acted', assignedUnitId: problem.assignedUnitId ?? unitId, assignedAt: problem.assignedAt ?? new Date() }).where(eq(checkupProblems.id, problemId)).returning();
    await writeAudit(tx, actor, { action: 'checkup_problem.task', entityType: 'checkup_problem', entityId: problemId, before: { status: problem.status, assignedUnitId: problem.assignedUnitId }, after: { status: row.status, assignedUnitId: row.assignedUnitId, taskId: task.id, planId: data.planId } });
    return { problemId, taskId: task.id, planId: data.planId };
  });
}
