// The top bar's search (issue #11): plans by title and full text, tasks, units and indicators, each group read
// through the policy's scopes (planScope, taskScope; units of the regions the caller sees, or of the tasks its
// unit takes part in), so a hit is never a record the caller could not open.
import { and, asc, desc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { SearchOut } from '../../shared/search.js';
import type { DbOrTx } from '../db/client.js';
import { documents, indicators, plans, regions, taskUnits, tasks, units } from '../db/schema/index.js';
import { combine, isAdmin, planScope, seesRegion, taskScope, type Actor } from '../policy.js';
import { likePattern, matchSearch } from '../search.js';

/** Units the actor may see in search: a region's people their regions', those above and below; a unit's people its own and its partners'. */
function unitScope(actor: Actor): SQL | undefined {
  if (isAdmin(actor)) return undefined;
  if (seesRegion(actor)) {
    const ids = actor.regionIds.length ? actor.regionIds : [-1];
    const list = sql.join(ids.map((i) => sql`${i}`), sql`, `);
    return sql`${units.regionId} in (
      with recursive down(id) as (select id from regions where id in (${list}) union select g.id from regions g join down on g.parent_id = down.id),
      up(id) as (select parent_id from regions where id in (${list}) union select g.parent_id from regions g join up on g.id = up.id)
      select id from down union select id from up where id is not null)`;
  }
  if (!actor.unitId) return sql`false`;
  const visibleTasks = taskScope(actor);
  return or(eq(units.id, actor.unitId), sql`${units.id} in (select ${taskUnits.unitId} from ${taskUnits} where ${taskUnits.unitId} is not null and ${taskUnits.taskId} in (select ${tasks.id} from ${tasks} where ${visibleTasks ?? sql`true`}))`);
}

const count = sql<number>`count(*)::int`;

export async function search(db: DbOrTx, actor: Actor, q: string, limit: number): Promise<SearchOut> {
  const like = likePattern(q);

  // plans: the words in the title or anywhere in the plan's text (its search text holds both)
  const planWhere = combine(planScope(actor), or(ilike(plans.title, like), matchSearch(plans.searchText, q)));
  const titleFirst = sql`case when ${plans.title} ilike ${like} then 0 else 1 end`;
  const [planTotal] = await db.select({ n: count }).from(plans).where(planWhere);
  const planRows = await db
      .select({ id: plans.id, title: plans.title, status: plans.status, regionName: regions.name, documentId: plans.documentId })
      .from(plans)
      .leftJoin(regions, eq(regions.id, plans.regionId))
      .where(planWhere)
      .orderBy(titleFirst, desc(plans.id))
      .limit(limit);
  // the words around the first place the text holds the query, for the plans whose title does not
  const textOnly = planRows.filter((p) => !p.title.toLowerCase().includes(q.toLowerCase()) && p.documentId);
  const excerpts = new Map<number, string>();
  if (textOnly.length) {
    const rows = await db
      .select({
        id: documents.id,
        excerpt: sql<string | null>`case when strpos(${documents.text}, ${q}) > 0 then substr(${documents.text}, greatest(strpos(${documents.text}, ${q}) - 24, 1), ${q.length + 56}) end`,
      })
      .from(documents)
      .where(inArray(documents.id, textOnly.map((p) => p.documentId!)));
    // Word's bookmark marks ([bookmark: _GoBack]) the decoded text keeps are no words of the plan
    for (const r of rows) if (r.excerpt) excerpts.set(r.id, r.excerpt.replace(/\[[A-Za-z]+:[^\]]*\]/g, '').replace(/\s+/g, ' ').trim());
  }

  // tasks: title and text (jieba tokens), or the title as typed
  const taskWhere = combine(taskScope(actor), or(ilike(tasks.title, like), matchSearch(tasks.searchText, q)));
  const [taskTotal] = await db.select({ n: count }).from(tasks).where(taskWhere);
  const taskRows = await db
      .select({ id: tasks.id, title: tasks.title, planId: tasks.planId, planTitle: plans.title })
      .from(tasks)
      .innerJoin(plans, eq(plans.id, tasks.planId))
      .where(taskWhere)
      .orderBy(sql`case when ${tasks.title} ilike ${like} then 0 else 1 end`, desc(tasks.planId), asc(tasks.position), asc(tasks.id))
      .limit(limit);

  // units: name or alias
  const unitWhere = combine(unitScope(actor), or(ilike(units.name, like), sql`${units.aliases}::text ilike ${like}`));
  const [unitTotal] = await db.select({ n: count }).from(units).where(unitWhere);
  const unitRows = await db
      .select({ id: units.id, name: units.name, kind: units.kind, regionName: regions.name })
      .from(units)
      .leftJoin(regions, eq(regions.id, units.regionId))
      .where(unitWhere)
      .orderBy(sql`length(${units.name})`, asc(units.id))
      .limit(limit);

  // indicators of the plans the caller may see
  const ps = planScope(actor);
  const indicatorWhere = and(ilike(indicators.name, like), ps ? sql`${indicators.planId} in (select ${plans.id} from ${plans} where ${ps})` : undefined);
  const [indicatorTotal] = await db.select({ n: count }).from(indicators).where(indicatorWhere);
  const indicatorRows = await db
      .select({ id: indicators.id, name: indicators.name, unit: indicators.unit, planId: indicators.planId, planTitle: plans.title })
      .from(indicators)
      .innerJoin(plans, eq(plans.id, indicators.planId))
      .where(indicatorWhere)
      .orderBy(desc(indicators.planId), asc(indicators.position), asc(indicators.id))
      .limit(limit);

  return {
    q,
    plans: {
      total: planTotal.n,
      items: planRows.map((p) => {
        const inTitle = p.title.toLowerCase().includes(q.toLowerCase()) || !p.documentId;
        return { id: p.id, title: p.title, regionName: p.regionName, status: p.status, matchedIn: inTitle ? ('title' as const) : ('text' as const), excerpt: inTitle ? null : (excerpts.get(p.documentId!) ?? null) };
      }),
    },
    tasks: { total: taskTotal.n, items: taskRows },
    units: { total: unitTotal.n, items: unitRows },
    indicators: { total: indicatorTotal.n, items: indicatorRows },
  };
}
