// The office moves a project along 谋划储备 → 前期 → 年度计划 → 在建 → 竣工, one step back, or to 终止 (with a
// reason). Other moves are refused (domain/projectStatus.ts allowedPhaseMoves). History row + audit, one transaction.
import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { moveProjectPhaseBodySchema, type ProjectPhase } from '../../shared/projects.js';
import { AppError } from '../../shared/errors.js';
import { projectMoves, projects } from '../db/schema/index.js';
import type { DbOrTx } from '../db/client.js';
import type { Actor } from '../policy.js';
import { writeAudit } from '../audit.js';
import { now } from '../clock.js';
import { allowedPhaseMoves, phaseMoveAllowed } from '../domain/projectStatus.js';
import { canManageProject, projectScope } from '../queries/projects.js';
import type { OpContext } from './context.js';

/** The project locked for a change by someone who runs it: invisible → 404, visible but not the actor's → 403. */
export async function loadManagedProject(tx: DbOrTx, actor: Actor, id: number) {
  const [row] = await tx.select().from(projects).where(and(eq(projects.id, id), projectScope(actor) ?? sql`true`)).for('update');
  if (!row) throw new AppError('NOT_FOUND');
  if (!canManageProject(actor, row)) throw new AppError('FORBIDDEN');
  return row;
}

export async function moveProjectPhase({ db, actor }: OpContext, id: number, input: z.input<typeof moveProjectPhaseBodySchema>) {
  const data = moveProjectPhaseBodySchema.parse(input);
  return db.transaction(async (tx) => {
    const p = await loadManagedProject(tx, actor, id);
    if (data.version !== undefined && data.version !== p.version) throw new AppError('CONFLICT', { currentVersion: p.version });
    const from = p.phase as ProjectPhase;
    if (!phaseMoveAllowed(from, data.phase)) throw new AppError('PROJECT_PHASE_NOT_ALLOWED', { from, to: data.phase, allowed: allowedPhaseMoves(from) });
    const reason = data.reason?.trim() || null;
    if (data.phase === 'terminated' && (!reason || reason.length < 2)) throw new AppError('PROJECT_TERMINATION_REASON');
    const [row] = await tx
      .update(projects)
      .set({ phase: data.phase, phaseReason: data.phase === 'terminated' ? reason : null, version: p.version + 1, updatedAt: now() })
      .where(eq(projects.id, id))
      .returning();
    await tx.insert(projectMoves).values({ projectId: id, kind: 'phase', fromValue: from, toValue: data.phase, reason, createdBy: actor.userId });
    await writeAudit(tx, actor, { action: 'project.phase', entityType: 'project', entityId: id, planId: p.planId, before: { phase: from }, after: { phase: data.phase, reason } });
    return row;
  });
}
