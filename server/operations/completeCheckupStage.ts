// The office closes the current stage of a check-up year (issue #14): 采集数值 once values are in, 查找问题 once every
// problem is assigned, 问题转项目 once every problem is a task or a project. Closing 问题转项目 rolls the check-up's
// candidate projects (linked to its problems, not completed or terminated, not yet in a list of next year) into next
// year's 储备库 of the library, through the library's own roll (project_years, project_moves, audit rows) in the same
// transaction. The stage, when and by whom, and the rolled projects are kept in checkups.cycle. Audited.
import { and, eq, inArray, sql } from 'drizzle-orm';
import { checkupProblemLinks, checkupProblems, checkups, projects, projectYears } from '../db/schema/index.js';
import { AppError } from '../../shared/errors.js';
import { checkupCycleStoredSchema, CHECKUP_STAGE_LABELS, type CheckupStage } from '../../shared/checkup.js';
import { currentStage, stageBlocker } from '../domain/checkupCycle.js';
import { cycleFacts, getVisibleCheckup, requireCheckupManager } from '../queries/checkups.js';
import { canManageProject } from '../queries/projects.js';
import { writeAudit } from '../audit.js';
import { now } from '../clock.js';
import { rollProjectsIn } from './rollProjects.js';
import type { OpContext } from './context.js';

export async function completeCheckupStage({ db, actor }: OpContext, id: number, stage: CheckupStage) {
  return db.transaction(async (tx) => {
    const c = await getVisibleCheckup(tx, actor, id);
    requireCheckupManager(actor, c);
    const [locked] = await tx.select({ cycle: checkups.cycle }).from(checkups).where(eq(checkups.id, id)).for('update');
    const stored = checkupCycleStoredSchema.parse(locked.cycle ?? {});
    if (currentStage(stored) !== stage) throw new AppError('CHECKUP_STAGE_ORDER', { stage, current: currentStage(stored) });
    const facts = (await cycleFacts(tx, [id])).get(id)!;
    const blocker = stageBlocker(stage, facts);
    if (blocker) throw new AppError('CHECKUP_STAGE_NOT_READY', { stage, facts }, `“${CHECKUP_STAGE_LABELS[stage]}”尚不能完成:${blocker}`);
    const at = now().toISOString();
    let rolled: number[] = [];
    if (stage === 'project') {
      const nextYear = c.year + 1;
      const linked = await tx
        .selectDistinct({ id: projects.id, regionId: projects.regionId, phase: projects.phase })
        .from(checkupProblemLinks)
        .innerJoin(checkupProblems, eq(checkupProblems.id, checkupProblemLinks.problemId))
        .innerJoin(projects, eq(projects.id, checkupProblemLinks.projectId))
        .where(and(eq(checkupProblems.checkupId, id), sql`${projects.phase} not in ('completed', 'terminated')`));
      const listed = linked.length ? await tx.select({ projectId: projectYears.projectId }).from(projectYears).where(and(inArray(projectYears.projectId, linked.map((p) => p.id)), eq(projectYears.year, nextYear))) : [];
      const taken = new Set(listed.map((r) => r.projectId));
      // a project already in a list of next year keeps it; one the office cannot run (placed above it) is left alone
      const moves = linked.filter((p) => !taken.has(p.id) && canManageProject(actor, p)).map((p) => ({ projectId: p.id, list: 'reserve' as const }));
      if (moves.length) await rollProjectsIn(tx, actor, { year: nextYear, moves });
      rolled = moves.map((m) => m.projectId);
    }
    const done = { ...stored.done, [stage]: stage === 'project' ? { at, by: actor.userId, rolled } : { at, by: actor.userId } };
    await tx.update(checkups).set({ cycle: { ...stored, done } }).where(eq(checkups.id, id));
    await writeAudit(tx, actor, { action: 'checkup.stage_complete', entityType: 'checkup', entityId: id, before: { stage, done: false }, after: { stage, done: true, at, facts, rolled } });
    return { id, stage, rolled };
  });
}
