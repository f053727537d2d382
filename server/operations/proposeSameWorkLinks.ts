// The office of a plan's region asks which tasks and indicators of the region's other plans describe the same work
// (issue #13): tasks by similar text (the jieba tokens in tasks.search_text, weighted by how rare each word is) and
// the same units; indicators by the same (or nearly the same) name and the same measure. Each new pair is stored as
// a proposal — nothing is linked until the office confirms it — with its reasons in words, and audited. A pair
// already proposed, confirmed or rejected is left as it is (a rejected pair is not proposed again).
import { and, eq, inArray, isNull, ne } from 'drizzle-orm';
import { z } from 'zod';
import { indicators, plans, sameWorkLinks, tasks, taskUnits, units } from '../db/schema/index.js';
import { AppError } from '../../shared/errors.js';
import { proposeSameWorkBodySchema } from '../../shared/sameWork.js';
import { canManagePlan } from '../policy.js';
import { writeAudit } from '../audit.js';
import { getVisiblePlan } from '../queries/plans.js';
import { subjectWords } from '../queries/conflicts.js';
import { proposeIndicatorPairs, proposeTaskPairs, type ProposedPair } from '../domain/sameWork.js';
import type { DbOrTx } from '../db/client.js';
import type { OpContext } from './context.js';

async function tasksFor(db: DbOrTx, planIds: number[]) {
  if (!planIds.length) return [];
  const rows = await db.select({ id: tasks.id, planId: tasks.planId, searchText: tasks.searchText }).from(tasks).where(and(inArray(tasks.planId, planIds), isNull(tasks.parentTaskId)));
  if (!rows.length) return [];
  const us = await db.select({ taskId: taskUnits.taskId, id: units.id, name: units.name }).from(taskUnits).innerJoin(units, eq(units.id, taskUnits.unitId)).where(inArray(taskUnits.taskId, rows.map((r) => r.id)));
  const byTask = new Map<number, { id: number; name: string }[]>();
  for (const u of us) (byTask.get(u.taskId) ?? byTask.set(u.taskId, []).get(u.taskId)!).push({ id: u.id, name: u.name });
  return rows.map((r) => ({ id: r.id, planId: r.planId, tokens: r.searchText.split(' ').filter(Boolean), units: byTask.get(r.id) ?? [] }));
}

async function indicatorsFor(db: DbOrTx, planIds: number[]) {
  if (!planIds.length) return [];
  const rows = await db.select({ id: indicators.id, planId: indicators.planId, name: indicators.name, unit: indicators.unit }).from(indicators).where(inArray(indicators.planId, planIds));
  return rows.map((r) => ({ ...r, words: [...subjectWords(r.name).set] }));
}

export async function proposeSameWorkLinks({ db, actor }: OpContext, planId: number, input: z.input<typeof proposeSameWorkBodySchema>) {
  const data = proposeSameWorkBodySchema.parse(input);
  const { p } = await getVisiblePlan(db, actor, planId);
  if (!canManagePlan(actor, p)) throw new AppError('FORBIDDEN');
  if (p.regionId === null) return { proposed: 0, tasks: 0, indicators: 0 };
  const others = (await db.select({ id: plans.id }).from(plans).where(and(eq(plans.regionId, p.regionId), ne(plans.id, planId)))).map((r) => r.id);
  const pairs: { kind: 'task' | 'indicator'; pair: ProposedPair }[] = [];
  if (others.length && data.kinds.includes('task')) {
    const [here, there] = await Promise.all([tasksFor(db, [planId]), tasksFor(db, others)]);
    for (const pair of proposeTaskPairs(here, there)) pairs.push({ kind: 'task', pair });
  }
  if (others.length && data.kinds.includes('indicator')) {
    const [here, there] = await Promise.all([indicatorsFor(db, [planId]), indicatorsFor(db, others)]);
    for (const pair of proposeIndicatorPairs(here, there)) pairs.push({ kind: 'indicator', pair });
  }
  const regionId = p.regionId;
  return db.transaction(async (tx) => {
    let n = { task: 0, indicator: 0 };
    for (const { kind, pair } of pairs) {
      // one order for a pair, whichever plan proposed it: the unique index then holds it once
      const flip = pair.a > pair.b;
      const [a, b, pa, pb] = flip ? [pair.b, pair.a, pair.planB, pair.planA] : [pair.a, pair.b, pair.planA, pair.planB];
      const items = kind === 'task' ? { taskA: a, taskB: b } : { indicatorA: a, indicatorB: b };
      const [row] = await tx
        .insert(sameWorkLinks)
        .values({ kind, regionId, ...items, planA: pa, planB: pb, score: pair.score, reasons: pair.reasons, proposedBy: actor.userId })
        .onConflictDoNothing()
        .returning();
      if (!row) continue;
      n = { ...n, [kind]: n[kind] + 1 };
      await writeAudit(tx, actor, { action: 'same_work.propose', entityType: 'same_work_link', entityId: row.id, planId, after: { kind, ...items, planA: pa, planB: pb, score: pair.score, reasons: pair.reasons } });
    }
    return { proposed: n.task + n.indicator, tasks: n.task, indicators: n.indicator };
  });
}
