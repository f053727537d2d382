// What a plan holds besides its tasks: the original document, indicators with their values, projects (专栏) and the
// figures named in its text. The caller has checked the plan is visible (getVisiblePlan).
import { asc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.js';
import { documents, indicatorValues, indicators, projects, targets } from '../db/schema/index.js';

const src = (s: number | null, e: number | null) => (s == null ? null : { start: s, end: e ?? s });

export async function planDocument(db: DbOrTx, plan: { documentId: number | null }): Promise<{ filename: string | null; text: string }> {
  if (!plan.documentId) return { filename: null, text: '' };
  const [doc] = await db.select({ filename: documents.filename, text: documents.text }).from(documents).where(eq(documents.id, plan.documentId));
  return doc;
}

export async function planIndicators(db: DbOrTx, planId: number) {
  const rows = await db.select().from(indicators).where(eq(indicators.planId, planId)).orderBy(asc(indicators.position));
  const values = rows.length
    ? await db
        .select()
        .from(indicatorValues)
        .where(inArray(indicatorValues.indicatorId, rows.map((r) => r.id)))
        .orderBy(asc(indicatorValues.date))
    : [];
  return rows.map(({ sourceStart, sourceEnd, position: _p, ...r }) => ({
    ...r,
    source: src(sourceStart, sourceEnd),
    values: values.filter((v) => v.indicatorId === r.id).map((v) => ({ date: v.date, value: v.value, unitId: v.unitId })),
  }));
}

export async function planProjects(db: DbOrTx, planId: number) {
  const rows = await db.select().from(projects).where(eq(projects.planId, planId)).orderBy(asc(projects.position));
  return rows.map(({ sourceStart, sourceEnd, position: _p, outlineNodeId: _o, ...r }) => ({ ...r, source: src(sourceStart, sourceEnd) }));
}

export async function planTargets(db: DbOrTx, planId: number) {
  const rows = await db.select().from(targets).where(eq(targets.planId, planId)).orderBy(asc(targets.id));
  return rows.map(({ sourceStart, sourceEnd, planId: _p, outlineNodeId: _o, ...r }) => ({ ...r, source: src(sourceStart, sourceEnd) }));
}
