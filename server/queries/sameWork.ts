// The same work across plans of one region (issue #13), read side: the links of a plan (proposed, confirmed,
// rejected) for its office, and the links of one task or indicator for its detail, each oriented so that `here` is
// the item asked about and `there` the other plan's. Linked indicators whose figures for a year differ carry the
// conflict. Items of a plan the actor cannot see are left out.
import { and, eq, inArray, ne, or, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.js';
import { indicators, plans, sameWorkLinks, tasks } from '../db/schema/index.js';
import { combine, canManagePlan, planScope, type Actor } from '../policy.js';
import { AppError } from '../../shared/errors.js';
import type { SameWorkKind, SameWorkLink, SameWorkList, SameWorkStatus } from '../../shared/sameWork.js';
import { figureConflicts } from '../domain/sameWork.js';
import { getVisiblePlan } from './plans.js';
import { getVisibleTask } from './tasks.js';
import { yearTargets } from './status.js';

type LinkRow = typeof sameWorkLinks.$inferSelect;
type Item = SameWorkLink['here'] & { targets?: ReturnType<typeof yearTargets> };

const period = (p: { periodStart: number | null; periodEnd: number | null }) =>
  p.periodStart && p.periodEnd ? `${p.periodStart}—${p.periodEnd}年` : p.periodEnd ? `至${p.periodEnd}年` : null;

/** the tasks and indicators a set of links names, with their plans */
async function itemsOf(db: DbOrTx, rows: LinkRow[]) {
  const taskIds = [...new Set(rows.flatMap((r) => (r.kind === 'task' ? [r.taskA!, r.taskB!] : [])))];
  const indIds = [...new Set(rows.flatMap((r) => (r.kind === 'indicator' ? [r.indicatorA!, r.indicatorB!] : [])))];
  const planCols = { planTitle: plans.title, periodStart: plans.periodStart, periodEnd: plans.periodEnd };
  const [ts, is] = await Promise.all([
    taskIds.length ? db.select({ id: tasks.id, title: tasks.title, planId: tasks.planId, ...planCols }).from(tasks).innerJoin(plans, eq(plans.id, tasks.planId)).where(inArray(tasks.id, taskIds)) : [],
    indIds.length ? db.select({ i: indicators, ...planCols }).from(indicators).innerJoin(plans, eq(plans.id, indicators.planId)).where(inArray(indicators.id, indIds)) : [],
  ]);
  const out = new Map<string, Item>();
  for (const t of ts) out.set(`task:${t.id}`, { id: t.id, title: t.title, planId: t.planId, planTitle: t.planTitle, planPeriod: period(t), unit: null });
  for (const { i, ...p } of is) out.set(`indicator:${i.id}`, { id: i.id, title: i.name, planId: i.planId, planTitle: p.planTitle, planPeriod: period(p), unit: i.unit, targets: yearTargets(i) });
  return out;
}

/** the plans among `ids` the actor may see */
async function visiblePlans(db: DbOrTx, actor: Actor, ids: number[]): Promise<Set<number>> {
  if (!ids.length) return new Set();
  const rows = await db.select({ id: plans.id }).from(plans).where(combine(inArray(plans.id, [...new Set(ids)]), planScope(actor)));
  return new Set(rows.map((r) => r.id));
}

/** Links oriented from one side: `hereIs(row)` says whether side A is the one asked about. */
async function present(db: DbOrTx, actor: Actor, rows: LinkRow[], hereIsA: (r: LinkRow) => boolean): Promise<SameWorkLink[]> {
  const items = await itemsOf(db, rows);
  const seen = await visiblePlans(db, actor, rows.flatMap((r) => [r.planA, r.planB]));
  const out: SameWorkLink[] = [];
  for (const r of rows) {
    const kind = r.kind as SameWorkKind;
    const a = items.get(`${kind}:${kind === 'task' ? r.taskA : r.indicatorA}`);
    const b = items.get(`${kind}:${kind === 'task' ? r.taskB : r.indicatorB}`);
    if (!a || !b) continue;
    const [here, there] = hereIsA(r) ? [a, b] : [b, a];
    if (!seen.has(here.planId) || !seen.has(there.planId)) continue;
    const conflicts = kind === 'indicator' && r.status !== 'rejected'
      ? figureConflicts({ name: here.title, unit: here.unit, targets: here.targets ?? [] }, { name: there.title, unit: there.unit, targets: there.targets ?? [], planTitle: there.planTitle })
      : [];
    const strip = ({ targets: _t, ...x }: Item) => x;
    out.push({ id: r.id, kind, status: r.status as SameWorkStatus, score: r.score, reasons: r.reasons, here: strip(here), there: strip(there), conflicts, decidedAt: r.decidedAt ? r.decidedAt.toISOString() : null, note: r.note });
  }
  return out;
}

const order = (a: SameWorkLink, b: SameWorkLink) => {
  const rank: Record<SameWorkStatus, number> = { proposed: 0, confirmed: 1, rejected: 2 };
  return rank[a.status] - rank[b.status] || (a.kind === b.kind ? 0 : a.kind === 'indicator' ? -1 : 1) || b.score - a.score || a.id - b.id;
};

function counted(items: SameWorkLink[], canDecide: boolean): SameWorkList {
  const counts = { proposed: 0, confirmed: 0, rejected: 0, conflicts: 0 };
  for (const l of items) {
    counts[l.status]++;
    if (l.conflicts.length) counts.conflicts++;
  }
  return { canDecide, items: items.sort(order), counts };
}

/** A plan's links to the other plans of its region: what its office proposes, confirms and rejects. */
export async function sameWorkOfPlan(db: DbOrTx, actor: Actor, planId: number): Promise<SameWorkList> {
  const { p } = await getVisiblePlan(db, actor, planId);
  const rows = await db.select().from(sameWorkLinks).where(or(eq(sameWorkLinks.planA, planId), eq(sameWorkLinks.planB, planId)));
  return counted(await present(db, actor, rows, (r) => r.planA === planId), canManagePlan(actor, p));
}

/** A task's or an indicator's links (proposed and confirmed; rejected ones are no link): its detail shows them. */
export async function sameWorkOfItem(db: DbOrTx, actor: Actor, kind: SameWorkKind, id: number): Promise<SameWorkList> {
  let planId: number;
  if (kind === 'task') planId = (await getVisibleTask(db, actor, id)).planId;
  else {
    const [ind] = await db.select({ planId: indicators.planId }).from(indicators).where(eq(indicators.id, id));
    if (!ind) throw new AppError('NOT_FOUND');
    planId = ind.planId;
  }
  const { p } = await getVisiblePlan(db, actor, planId);
  const [a, b] = kind === 'task' ? [sameWorkLinks.taskA, sameWorkLinks.taskB] : [sameWorkLinks.indicatorA, sameWorkLinks.indicatorB];
  const rows = await db.select().from(sameWorkLinks).where(and(or(eq(a, id), eq(b, id)), ne(sameWorkLinks.status, 'rejected')));
  return counted(await present(db, actor, rows, (r) => (kind === 'task' ? r.taskA : r.indicatorA) === id), canManagePlan(actor, p));
}

/** One link of a plan (either side), for the office's decision; NOT_FOUND when it is no link of this plan. */
export async function linkOfPlan(db: DbOrTx, planId: number, linkId: number): Promise<LinkRow> {
  const cond: SQL = and(eq(sameWorkLinks.id, linkId), or(eq(sameWorkLinks.planA, planId), eq(sameWorkLinks.planB, planId)))!;
  const [row] = await db.select().from(sameWorkLinks).where(cond);
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}
