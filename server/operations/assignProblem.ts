// The office assigns a check-up problem to the unit that will fix it (issue #14). Audited.
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { checkupProblemLinks, checkupProblems } from '../db/schema/index.js';
import { AppError } from '../../shared/errors.js';
import { assignProblemBodySchema } from '../../shared/checkup.js';
import { requireUnitsInRegion } from '../access.js';
import { writeAudit } from '../audit.js';
import { getVisibleProblem, requireCheckupManager } from '../queries/checkups.js';
import type { OpContext } from './context.js';

export async function assignProblem({ db, actor }: OpContext, problemId: number, input: z.input<typeof assignProblemBodySchema>) {
  const data = assignProblemBodySchema.parse(input);
  const { problem, checkup } = await getVisibleProblem(db, actor, problemId);
  requireCheckupManager(actor, checkup);
  if (problem.status === 'met') throw new AppError('CHECKUP_PROBLEM_MET');
  await requireUnitsInRegion(db, [data.unitId], checkup.regionId);
  return db.transaction(async (tx) => {
    const linked = (await tx.select({ id: checkupProblemLinks.id }).from(checkupProblemLinks).where(eq(checkupProblemLinks.problemId, problemId)).limit(1)).length > 0;
    const status = linked ? 'acted' : 'assigned';
    const [row] = await tx.update(checkupProblems).set({ assignedUnitId: data.unitId, assignedAt: new Date(), note: data.note || problem.note, status }).where(eq(checkupProblems.id, problemId)).returning();
    await writeAudit(tx, actor, { action: 'checkup_problem.assign', entityType: 'checkup_problem', entityId: problemId, before: { assignedUnitId: problem.assignedUnitId, status: problem.status, note: problem.note }, after: { assignedUnitId: row.assignedUnitId, status: row.status, note: row.note } });
    return row;
  });
}
