// A check-up problem is carried by a project of the library (issue #14): the office links a project of the
// check-up's region (or a region below it); the problem is marked 已转任务/项目. Audited.
import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { checkupProblemLinks, checkupProblems, projects } from '../db/schema/index.js';
import { AppError } from '../../shared/errors.js';
import { turnProblemIntoProjectBodySchema } from '../../shared/checkup.js';
import { writeAudit } from '../audit.js';
import { getVisibleProblem, requireCheckupManager } from '../queries/checkups.js';
import type { OpContext } from './context.js';

export async function turnProblemIntoProject({ db, actor }: OpContext, problemId: number, input: z.input<typeof turnProblemIntoProjectBodySchema>) {
  const data = turnProblemIntoProjectBodySchema.parse(input);
  const { problem, checkup } = await getVisibleProblem(db, actor, problemId);
  requireCheckupManager(actor, checkup);
  if (problem.status === 'met') throw new AppError('CHECKUP_PROBLEM_MET');
  // the project's region (its own, else its plan's) must lie in the check-up's region tree
  const res = await db.execute(sql`with recursive down(id) as (select ${checkup.regionId}::int union select r.id from regions r join down on r.parent_id = down.id)
    select pr.id, pr.owner_unit_id as "ownerUnitId" from projects pr left join plans pl on pl.id = pr.plan_id
    where pr.id = ${data.projectId} and coalesce(pr.region_id, pl.region_id) in (select id from down)`);
  const [project] = (res as unknown as { rows: { id: number; ownerUnitId: number | null }[] }).rows;
  if (!project) {
    const [exists] = await db.select({ id: projects.id }).from(projects).where(eq(projects.id, data.projectId));
    throw new AppError(exists ? 'CHECKUP_PROJECT_OUTSIDE' : 'NOT_FOUND', { projectId: data.projectId });
  }
  return db.transaction(async (tx) => {
    const [linked] = await tx.select({ id: checkupProblemLinks.id }).from(checkupProblemLinks).where(and(eq(checkupProblemLinks.problemId, problemId), eq(checkupProblemLinks.projectId, data.projectId)));
    if (!linked) await tx.insert(checkupProblemLinks).values({ problemId, projectId: data.projectId, createdBy: actor.userId });
    const assignedUnitId = problem.assignedUnitId ?? project.ownerUnitId;
    const [row] = await tx.update(checkupProblems).set({ status: 'acted', assignedUnitId, assignedAt: problem.assignedAt ?? (assignedUnitId ? new Date() : null) }).where(eq(checkupProblems.id, problemId)).returning();
    await writeAudit(tx, actor, { action: 'checkup_problem.project', entityType: 'checkup_problem', entityId: problemId, before: { status: problem.status, assignedUnitId: problem.assignedUnitId }, after: { status: row.status, assignedUnitId: row.assignedUnitId, projectId: data.projectId } });
    return { problemId, projectId: data.projectId };
  });
}
