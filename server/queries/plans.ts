import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { AppError } from '../../shared/errors.js';
import type { PlanDetail, PlanSummary } from '../../shared/api.js';
import type { DbOrTx } from '../db/client.js';
import { indicators, outlineNodes, plans, regions, tasks } from '../db/schema/index.js';
import { canManagePlan, combine, planScope, scopeKey, type Actor } from '../policy.js';
import { matchSearch, searchQuery } from '../search.js';

export interface PlanFilter {
  q?: string;
  status?: string;
  page: number;
  pageSize: number;
}

/**
 * The key of a plan list answer in the answer cache (http/answerCache.ts, issue #15): everything `listPlans` reads
 * besides the data — the actor's scope (policy.ts `scopeKey`: the actor is read through `planScope` only; no summary
 * field depends on who asks), the status filter, the search as the tsquery it becomes (search.ts `searchQuery`: '城市
 * 更新', ' 城市更新 ' and '城市更新!' are one answer), the page and its size. No date: nothing in a summary moves with
 * the calendar (progress is the tasks' stored figure). A filter added to PlanFilter fails to compile here until it is
 * in the key.
 */
export function planListKey(actor: Actor, f: PlanFilter): string {
  const { q, status, page, pageSize, ...rest } = f;
  const none: Record<string, never> = rest;
  void none;
  return `plans|${scopeKey(actor)}|${JSON.stringify([status ?? null, searchQuery(q) ?? null, page, pageSize])}`;
}

/**
 * A page of the plans the actor may see, with the total: one statement (issue #15, phase 5) — the count as an init
 * plan and each plan's task and indicator figures as subqueries on its own rows (`summaryStats`), read for the page's
 * plans only. A page past the end has no row to carry the total: then it is counted alone.
 */
export async function listPlans(db: DbOrTx, actor: Actor, f: PlanFilter) {
  const where = combine(planScope(actor), f.status ? eq(plans.status, f.status) : undefined, matchSearch(plans.searchText, f.q));
  const rows = await db
    .select({ p: summaryPlanColumns, regionName: regions.name, ...summaryStats, total: sql<number>`(select count(*)::int from ${plans} where ${where ?? sql`true`})` })
    .from(plans)
    .leftJoin(regions, eq(regions.id, plans.regionId))
    .where(where)
    .orderBy(desc(plans.id))
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize);
  const total = rows.length ? rows[0].total : f.page === 1 ? 0 : (await db.select({ total: sql<number>`count(*)::int` }).from(plans).where(where))[0].total;
  return { items: rows.map(toSummary), total, page: f.page, pageSize: f.pageSize };
}

/** What a summary reads of a plan's row (not its settings or search text). */
const summaryPlanColumns = {
  id: plans.id, title: plans.title, level: plans.level, type: plans.type, periodStart: plans.periodStart, periodEnd: plans.periodEnd,
  status: plans.status, published: plans.published, regionId: plans.regionId, createdAt: plans.createdAt,
};
// drizzle leaves a column unqualified in a statement over one table: `${plans.id}` inside a subquery on tasks would read
// tasks.id there (every plan's task count was 1); the outer plan's id is named with its table
const OUTER_PLAN_ID = sql.raw('"plans"."id"');
/** A plan's task count and progress (the status roll-up's definition: weighted mean over tasks that have reported progress) and indicator count. */
const summaryStats = {
  taskCount: sql<number>`(select count(*)::int from ${tasks} where ${tasks.planId} = ${OUTER_PLAN_ID})`,
  progress: sql<number | null>`(select sum(${tasks.progress} * ${tasks.weight}) / nullif(sum(${tasks.weight}) filter (where ${tasks.progress} is not null), 0) from ${tasks} where ${tasks.planId} = ${OUTER_PLAN_ID})`,
  indicatorCount: sql<number>`(select count(*)::int from ${indicators} where ${indicators.planId} = ${OUTER_PLAN_ID})`,
};

function toSummary({ p, regionName, taskCount, indicatorCount, progress }: { p: Pick<typeof plans.$inferSelect, keyof typeof summaryPlanColumns>; regionName: string | null; taskCount: number; indicatorCount: number; progress: number | null }): PlanSummary {
  return {
    id: p.id, title: p.title, level: p.level, type: p.type, periodStart: p.periodStart, periodEnd: p.periodEnd,
    status: p.status as PlanSummary['status'], published: p.published, regionId: p.regionId, regionName,
    taskCount, indicatorCount, progress: progress == null ? null : Math.round(Number(progress) * 10) / 10,
    createdAt: p.createdAt.toISOString(),
  };
}

async function summarize(db: DbOrTx, rows: { p: typeof plans.$inferSelect; regionName: string | null }[]): Promise<PlanSummary[]> {
  const ids = rows.map((r) => r.p.id);
  if (!ids.length) return [];
  const stats = await db.select({ id: plans.id, ...summaryStats }).from(plans).where(inArray(plans.id, ids));
  return rows.map(({ p, regionName }) => {
    const st = stats.find((s) => s.id === p.id);
    return toSummary({ p, regionName, taskCount: st?.taskCount ?? 0, indicatorCount: st?.indicatorCount ?? 0, progress: st?.progress ?? null });
  });
}

/** The plan if the actor may see it, else NOT_FOUND (no hint that it exists). */
export async function getVisiblePlan(db: DbOrTx, actor: Actor, id: number) {
  const [row] = await db.select({ p: plans, regionName: regions.name, regionLevel: regions.level }).from(plans).leftJoin(regions, eq(regions.id, plans.regionId)).where(combine(eq(plans.id, id), planScope(actor)));
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

const SECRET_KEY = /webhook|token|secret|password|smtp|url/i;

/** Settings as people who cannot manage the plan see them: webhook addresses and credentials hidden. */
export function redactSecrets(value: Record<string, unknown>): Record<string, unknown> {
  const walk = (v: unknown, key: string): unknown => {
    if (typeof v === 'string') return SECRET_KEY.test(key) ? '***' : v;
    if (Array.isArray(v)) return v.map((x) => walk(x, key));
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x, k)]));
    return v;
  };
  return walk(value, '') as Record<string, unknown>;
}

export async function getPlanDetail(db: DbOrTx, actor: Actor, id: number): Promise<PlanDetail> {
  const row = await getVisiblePlan(db, actor, id);
  const [summary] = await summarize(db, [row]);
  const outline = await db.select().from(outlineNodes).where(eq(outlineNodes.planId, id)).orderBy(asc(outlineNodes.position));
  const manage = canManagePlan(actor, row.p);
  return {
    ...summary,
    regionLevel: row.regionLevel,
    outline: outline.map((n) => ({ id: n.id, parentId: n.parentId, level: n.level, kind: n.kind, marker: n.marker, title: n.title, position: n.position, source: n.sourceStart == null ? null : { start: n.sourceStart, end: n.sourceEnd ?? n.sourceStart } })),
    notes: row.p.notes,
    settings: manage ? row.p.settings : redactSecrets(row.p.settings),
    documentId: row.p.documentId,
    parentPlanIds: row.p.parentPlanIds,
    version: row.p.version,
    can: { manage },
  };
}

export { and };
