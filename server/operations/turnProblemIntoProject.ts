// A check-up problem is carried by a project of the library (issue #14): the office links a project of the
// check-up's region (or a region below it), or enters a new one for it through the library's own insertProject
// (createProject's checks and audit, origin 'checkup'), in the same transaction as the link. The problem is marked
// 已转任务/项目 and assigned to the project's owner unit when it had no unit yet. Audited.
import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { checkupIndicators, checkupProblemLinks, checkupProblems, projects, regions } from '../db/schema/index.js';
import { AppError } from '../../shared/errors.js';
import { turnProblemIntoProjectBodySchema, type CheckupDirection } from '../../shared/checkup.js';
import { createProjectBodySchema } from '../../shared/projects.js';
import { writeAudit } from '../audit.js';
import { gapText } from '../domain/checkup.js';
import { getVisibleProblem, requireCheckupManager } from '../queries/checkups.js';
import { insertProject } from './createProject.js';
import type { OpContext } from './context.js';

export async function turnProblemIntoProject({ db, actor }: OpContext, problemId: number, input: z.input<typeof turnProblemIntoProjectBodySchema>) {
  const data = turnProblemIntoProjectBodySchema.parse(input);
  const { problem, checkup } = await getVisibleProblem(db, actor, problemId);
  requireCheckupManager(actor, checkup);
  if (problem.status === 'met') throw new AppError('CHECKUP_PROBLEM_MET');
  let existing: { id: number; ownerUnitId: number | null } | null = null;
  if ('projectId' in data) {
    // the project's region (its own, else its plan's) must lie in the check-up's region tree
    const res = await db.execute(sql`with recursive down(id) as (select ${checkup.regionId}::int union select r.id from regions r join down on r.parent_id = down.id)
      select pr.id, pr.owner_unit_id as "ownerUnitId" from projects pr left join plans pl on pl.id = pr.plan_id
      where pr.id = ${data.projectId} and coalesce(pr.region_id, pl.region_id) in (select id from down)`);
    existing = (res as unknown as { rows: { id: number; ownerUnitId: number | null }[] }).rows[0] ?? null;
    if (!existing) {
      const [exists] = await db.select({ id: projects.id }).from(projects).where(eq(projects.id, data.projectId));
      throw new AppError(exists ? 'CHECKUP_PROJECT_OUTSIDE' : 'NOT_FOUND', { projectId: data.projectId });
    }
  }
  const [ind] = await db.select().from(checkupIndicators).where(eq(checkupIndicators.id, problem.indicatorId));
  const [area] = await db.select({ name: regions.name }).from(regions).where(eq(regions.id, problem.regionId));
  const fresh =
    'create' in data
      ? createProjectBodySchema.parse({
          name: data.create.name ?? `${area.name}${ind.name}补短板项目`,
          text: data.create.text ?? `${checkup.year}年城市体检发现:${area.name}${ind.name}${gapText(problem.value, problem.standard, ind.direction as CheckupDirection, ind.measure)}。`,
          regionId: problem.regionId,
          ownerUnitId: data.create.ownerUnitId ?? problem.assignedUnitId ?? null,
          category: data.create.category ?? '城市更新',
          location: data.create.location ?? area.name,
          totalInvestment: data.create.totalInvestment ?? null,
          lng: data.create.lng ?? null,
          lat: data.create.lat ?? null,
          origin: 'checkup',
        })
      : null;
  return db.transaction(async (tx) => {
    const project = existing ?? (await insertProject(tx, actor, fresh!));
    const [linked] = await tx.select({ id: checkupProblemLinks.id }).from(checkupProblemLinks).where(and(eq(checkupProblemLinks.problemId, problemId), eq(checkupProblemLinks.projectId, project.id)));
    if (!linked) await tx.insert(checkupProblemLinks).values({ problemId, projectId: project.id, createdBy: actor.userId });
    const assignedUnitId = problem.assignedUnitId ?? project.ownerUnitId;
    const [row] = await tx.update(checkupProblems).set({ status: 'acted', assignedUnitId, assignedAt: problem.assignedAt ?? (assignedUnitId ? new Date() : null) }).where(eq(checkupProblems.id, problemId)).returning();
    await writeAudit(tx, actor, { action: 'checkup_problem.project', entityType: 'checkup_problem', entityId: problemId, before: { status: problem.status, assignedUnitId: problem.assignedUnitId }, after: { status: row.status, assignedUnitId: row.assignedUnitId, projectId: project.id, created: !existing } });
    return { problemId, projectId: project.id, created: !existing };
  });
}
