// The office assigns a check-up problem to the unit that will fix it (issue #14); the unit's people get an in-app
// message in the same transaction. Audited.
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { checkupIndicators, checkupProblemLinks, checkupProblems, regions } from '../db/schema/index.js';
import { AppError } from '../../shared/errors.js';
import { assignProblemBodySchema, type CheckupDirection } from '../../shared/checkup.js';
import { gapText } from '../domain/checkup.js';
import { notifyUnit } from './notifyUnit.js';
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
  const [ind] = await db.select().from(checkupIndicators).where(eq(checkupIndicators.id, problem.indicatorId));
  const [area] = await db.select({ name: regions.name }).from(regions).where(eq(regions.id, problem.regionId));
  return db.transaction(async (tx) => {
    const linked = (await tx.select({ id: checkupProblemLinks.id }).from(checkupProblemLinks).where(eq(checkupProblemLinks.problemId, problemId)).limit(1)).length > 0;
    const status = linked ? 'acted' : 'assigned';
    const [row] = await tx.update(checkupProblems).set({ assignedUnitId: data.unitId, assignedAt: new Date(), note: data.note || problem.note, status }).where(eq(checkupProblems.id, problemId)).returning();
    await writeAudit(tx, actor, { action: 'checkup_problem.assign', entityType: 'checkup_problem', entityId: problemId, before: { assignedUnitId: problem.assignedUnitId, status: problem.status, note: problem.note }, after: { assignedUnitId: row.assignedUnitId, status: row.status, note: row.note } });
    const body = `${checkup.year}年城市体检:${area.name}${ind.name}${gapText(problem.value, problem.standard, ind.direction as CheckupDirection, ind.measure)}。${data.note ? `整改要求:${data.note}` : ''}`;
    await notifyUnit(tx, { unitId: data.unitId }, { kind: 'checkup_problem', title: `城市体检问题请整改:${area.name}${ind.name}`, body, link: `/checkups/${checkup.id}` }, new Date());
    return row;
  });
}
