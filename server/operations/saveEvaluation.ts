// The office's evaluation report drafts: created with the problems and next steps the units
// reported (to be edited), then edited; the tables are drawn from live data at export.
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { AppError } from '../../shared/errors.js';
import { createEvaluationBodySchema, narrativeSchema, updateEvaluationBodySchema } from '../../shared/evaluation.js';
import { evaluations } from '../db/schema/index.js';
import { writeAudit } from '../audit.js';
import { now } from '../clock.js';
import { can } from '../policy.js';
import { todayInShanghai } from '../domain/dates.js';
import { getVisiblePlan } from '../queries/plans.js';
import { defaultIssuingOffice, evaluationSpan, getVisibleEvaluation, readNarrative } from '../queries/evaluations.js';
import { reportItems } from '../queries/planRecords.js';
import type { OpContext } from './context.js';

export async function createEvaluation({ db, actor }: OpContext, planId: number, input: z.input<typeof createEvaluationBodySchema>) {
  const data = createEvaluationBodySchema.parse(input);
  const { p: plan } = await getVisiblePlan(db, actor, planId);
  if (!can(actor, 'evaluation.manage')) throw new AppError('FORBIDDEN');
  const today = todayInShanghai(now());
  const span = evaluationSpan(plan, data.kind, data.year, today);
  const items = await reportItems(db, plan.id, span.from, span.to);
  const narrative = narrativeSchema.parse({ problems: items.problems, nextSteps: items.nextSteps });
  const issuingOffice = data.issuingOffice ?? (await defaultIssuingOffice(db, plan));
  return db.transaction(async (tx) => {
    const [dup] = await tx.select({ id: evaluations.id }).from(evaluations).where(and(eq(evaluations.planId, planId), eq(evaluations.kind, data.kind), eq(evaluations.year, data.year)));
    if (dup) throw new AppError('EVALUATION_EXISTS', { id: dup.id });
    const at = now();
    const [row] = await tx
      .insert(evaluations)
      .values({ planId, kind: data.kind, year: data.year, title: data.title, issuingOffice, date: data.date ?? today, narrative, createdBy: actor.userId, updatedBy: actor.userId, createdAt: at, updatedAt: at })
      .returning();
    await writeAudit(tx, actor, { action: 'evaluation.create', entityType: 'evaluation', entityId: row.id, planId, after: { kind: row.kind, year: row.year, title: row.title, issuingOffice, date: row.date } });
    return row;
  });
}

export async function updateEvaluation({ db, actor }: OpContext, id: number, input: z.input<typeof updateEvaluationBodySchema>) {
  const { expectedUpdatedAt, narrative, ...fields } = updateEvaluationBodySchema.parse(input);
  const { row: current } = await getVisibleEvaluation(db, actor, id);
  if (!can(actor, 'evaluation.manage')) throw new AppError('FORBIDDEN');
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(evaluations).where(eq(evaluations.id, id)).for('update');
    if (expectedUpdatedAt && row.updatedAt.toISOString() !== expectedUpdatedAt) throw new AppError('CONFLICT', { updatedAt: row.updatedAt.toISOString() });
    const before = readNarrative(row.narrative);
    const sent = Object.keys(narrative ?? {}) as (keyof typeof before)[];
    const next = narrative ? narrativeSchema.parse({ ...before, ...narrative }) : before;
    const [saved] = await tx.update(evaluations).set({ ...fields, narrative: next, updatedBy: actor.userId, updatedAt: now() }).where(eq(evaluations.id, id)).returning();
    const changed = sent;
    await writeAudit(tx, actor, {
      action: 'evaluation.update', entityType: 'evaluation', entityId: id, planId: current.planId,
      before: { ...Object.fromEntries(Object.keys(fields).map((k) => [k, row[k as keyof typeof row]])), narrative: Object.fromEntries(changed.map((k) => [k, before[k]])) },
      after: { ...fields, narrative: Object.fromEntries(changed.map((k) => [k, next[k]])) },
    });
    return saved;
  });
}
