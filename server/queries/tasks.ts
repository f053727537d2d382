import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { AppError } from '../../shared/errors.js';
import type { Task, TaskCursor } from '../../shared/api.js';
import type { DbOrTx } from '../db/client.js';
import { documents, outlineNodes, plans, taskUnits, tasks, units } from '../db/schema/index.js';
import { taskStatusRows } from '../db/schema/taskStatus.js';
import { combine, isAdmin, preparedScopes, seesRegion, taskScope, unitTaskRoles, type Actor } from '../policy.js';
import { preparedStatement } from '../db/prepared.js';
import { matchSearch } from '../search.js';

export interface TaskFilter {
  planId?: number;
  unitId?: number;
  role?: 'lead' | 'responsible' | 'cooperating';
  outlineNodeId?: number;
  q?: string;
  page: number;
  pageSize: number;
}

function unitFilter(unitId?: number, role?: string, planId?: number): SQL | undefined {
  if (!unitId && !role) return undefined;
  if (unitId) {
    // the unit's own roles, including a town's part in tasks addressed to 各镇街 (stored: unit_tasks), of the plan
    return sql`${tasks.id} in (select task_id from (${unitTaskRoles(unitId, planId)}) as mine${role ? sql` where role = ${role}` : sql``})`;
  }
  return sql`${tasks.id} in (select ${taskUnits.taskId} from ${taskUnits} where ${taskUnits.role} = ${role})`;
}

/** Tasks under a chapter include those of its sub-sections. */
function outlineFilter(nodeId?: number): SQL | undefined {
  if (!nodeId) return undefined;
  return sql`${tasks.outlineNodeId} in (with recursive o as (select id from outline_nodes where id = ${nodeId} union all select c.id from outline_nodes c join o on c.parent_id = o.id) select id from o)`;
}

/** The condition of a task list: the actor's scope and the filters (page and page size aside). */
export function taskWhere(actor: Actor, f: Omit<TaskFilter, 'page' | 'pageSize'>): SQL | undefined {
  // a unit's own filter on its own unit is inside its scope already (the same tasks, or fewer with a role): asked once
  const scope = f.unitId && !seesRegion(actor) && !isAdmin(actor) && actor.unitId === f.unitId ? undefined : taskScope(actor);
  return combine(scope, f.planId ? eq(tasks.planId, f.planId) : undefined, unitFilter(f.unitId, f.role, f.planId), outlineFilter(f.outlineNodeId), matchSearch(tasks.searchText, f.q));
}

/** The order of every task list (index tasks_plan_position). */
export const taskOrder = [asc(tasks.planId), asc(tasks.position), asc(tasks.id)];

/** After `c` in the order of every task list: a row comparison the index tasks_plan_position answers as a range. */
export const afterCursor = (c: TaskCursor | null | undefined): SQL | undefined =>
  c ? sql`(${tasks.planId}, ${tasks.position}, ${tasks.id}) > (${c.planId}, ${c.position}, ${c.id})` : undefined;

/**
 * One list item as JSON, shaped by the database from a task row `t` (issue #15, phase 5): the fields of `hydrate`
 * (units with their names, in the same order; the source span; updatedAt in ISO form, to the millisecond) but the
 * chapter and the status, which the process puts in (`itemJson`). row_to_json writes compact JSON (json_build_object
 * and json_agg put spaces and line breaks between the parts: 10 % more bytes on a page).
 */
const itemObject = sql.raw(`row_to_json((select x from (select t.id as "id", t.version as "version", t.plan_id as "planId",
  t.outline_node_id as "outlineNodeId", t.parent_task_id as "parentTaskId", t.title as "title", t.text as "text",
  coalesce((select ('[' || string_agg(row_to_json((select u from (select tu.unit_id as "unitId", coalesce(un.name, tu.raw) as "name",
      tu.raw as "raw", tu.role as "role", tu.scope as "scope") u))::text, ',' order by tu.role, tu.position) || ']')::json
    from task_units tu left join units un on un.id = tu.unit_id where tu.task_id = t.id), '[]'::json) as "units",
  t.leaders as "leaders", t.deadline as "deadline", t.weight as "weight", t.progress as "progress", t.reported_status as "reportedStatus",
  t.assignee as "assignee", t.target_text as "targetText", t.standard as "standard", t.start_date as "startDate", t.deadline_text as "deadlineText",
  case when t.source_start is null then null else json_build_object('start', t.source_start, 'end', coalesce(t.source_end, t.source_start)) end as "source",
  to_char(t.updated_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "updatedAt") x))::text`);

/** A page's row as `itemRows` reads it: the item's JSON, its keys, its status row, and the outline nodes of its chapter. */
export interface ItemRow {
  id: number;
  plan_id: number;
  position: number;
  title: string;
  /** the status row's date and JSON (null: no row) */
  as_of: string | null;
  status: string | null;
  /** the task's outline node and that node's parent */
  n_marker: string | null;
  n_title: string | null;
  n_parent_id: number | null;
  p_marker: string | null;
  p_title: string | null;
  item: string;
  /** numbered pages: the count of every task `where` keeps */
  total?: number;
}

/**
 * A page of list items in one statement: the tasks `where` keeps (it may name task_statuses) in list order after
 * `cursor` (keyset) or from `offset` (numbered, then with the total as an init plan), `limit` of them, each with its
 * status row, its outline node and that node's parent, as the JSON of `itemObject`. The page is chosen first (the
 * same index ranges as before); the units, nodes and JSON are made for its rows only.
 */
export async function itemRows(db: DbOrTx, where: SQL | undefined, page: { cursor?: TaskCursor | null; offset?: number; limit: number; total?: boolean }): Promise<ItemRow[]> {
  const cond = and(where, afterCursor(page.cursor)) ?? sql`true`;
  const total = page.total ? sql`, (select count(*)::int from ${tasks} left join ${taskStatusRows} on ${eq(taskStatusRows.taskId, tasks.id)} where ${where ?? sql`true`}) as total` : sql``;
  // the page's keys first (narrow rows through the sort of a unit's range), then its tasks whole by id
  const res = await db.execute(sql`select k.id, k.plan_id, k.position, t.title, k.as_of, k.status::text as status,
      n.marker as n_marker, n.title as n_title, n.parent_id as n_parent_id, pn.marker as p_marker, pn.title as p_title, ${itemObject} as item${total}
    from (select ${tasks.id}, ${tasks.planId}, ${tasks.position}, ${taskStatusRows.asOf}, ${taskStatusRows.status}
      from ${tasks} left join ${taskStatusRows} on ${eq(taskStatusRows.taskId, tasks.id)}
      where ${cond} order by ${sql.join(taskOrder, sql`, `)} limit ${page.limit}${page.offset ? sql` offset ${page.offset}` : sql``}) as k
    join tasks t on t.id = k.id left join outline_nodes n on n.id = t.outline_node_id left join outline_nodes pn on pn.id = n.parent_id
    order by k.plan_id, k.position, k.id`);
  return (res as unknown as { rows: ItemRow[] }).rows;
}

/** The chapter a list shows for a row of `itemRows`: the rule of `hydrate` (a heading task is placed under the heading above it). */
export function chapterOfRow(r: Pick<ItemRow, 'title' | 'n_marker' | 'n_title' | 'n_parent_id' | 'p_marker' | 'p_title'>): string | null {
  if (r.n_title == null) return null;
  const up = r.n_title.trim() === r.title.trim() && r.n_parent_id && r.p_title != null;
  return up ? `${r.p_marker}${r.p_title}` : `${r.n_marker}${r.n_title}`;
}

/** A row's item JSON with its chapter and status (JSON text) put in. */
export const itemJson = (r: ItemRow, statusJson: string): string => `{"chapter":${JSON.stringify(chapterOfRow(r))},"status":${statusJson},${r.item.slice(1)}`;

/** The count of the tasks `where` keeps (it may name task_statuses). */
export async function countTasks(db: DbOrTx, where: SQL | undefined): Promise<number> {
  const [{ total }] = await db.select({ total: sql<number>`count(*)::int` }).from(tasks).leftJoin(taskStatusRows, eq(taskStatusRows.taskId, tasks.id)).where(where);
  return total;
}

export async function hydrate(db: DbOrTx, rows: (typeof tasks.$inferSelect)[]): Promise<Task[]> {
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  const tu = await db
    .select({ tu: taskUnits, name: units.name })
    .from(taskUnits)
    .leftJoin(units, eq(units.id, taskUnits.unitId))
    .where(inArray(taskUnits.taskId, ids))
    .orderBy(asc(taskUnits.role), asc(taskUnits.position));
  const nodeIds = [...new Set(rows.map((r) => r.outlineNodeId).filter((x): x is number => !!x))];
  const own = nodeIds.length ? await db.select().from(outlineNodes).where(inArray(outlineNodes.id, nodeIds)) : [];
  // a task that is a heading itself ("(四)践行高品质示范") is placed under the heading above it
  const parentIds = [...new Set(own.map((n) => n.parentId).filter((x): x is number => !!x && !nodeIds.includes(x)))];
  const nodes = parentIds.length ? [...own, ...(await db.select().from(outlineNodes).where(inArray(outlineNodes.id, parentIds)))] : own;
  const nodeById = new Map(nodes.map((n) => [n.id, n]));
  const chapterOf = (r: (typeof rows)[number]) => {
    const node = r.outlineNodeId == null ? undefined : nodeById.get(r.outlineNodeId);
    const shown = node && node.title.trim() === r.title.trim() && node.parentId ? (nodeById.get(node.parentId) ?? node) : node;
    return shown ? `${shown.marker}${shown.title}` : null;
  };
  const unitsOf = new Map<number, typeof tu>();
  for (const x of tu) (unitsOf.get(x.tu.taskId) ?? unitsOf.set(x.tu.taskId, []).get(x.tu.taskId)!).push(x);
  return rows.map((r) => {
    return {
      id: r.id, version: r.version, planId: r.planId, outlineNodeId: r.outlineNodeId, chapter: chapterOf(r), parentTaskId: r.parentTaskId,
      title: r.title, text: r.text,
      units: (unitsOf.get(r.id) ?? []).map((x) => ({ unitId: x.tu.unitId, name: x.name ?? x.tu.raw, raw: x.tu.raw, role: x.tu.role as 'lead', scope: x.tu.scope })),
      leaders: r.leaders, deadline: r.deadline, weight: r.weight, progress: r.progress, reportedStatus: r.reportedStatus, assignee: r.assignee,
      targetText: r.targetText, standard: r.standard, startDate: r.startDate, deadlineText: r.deadlineText,
      source: r.sourceStart == null ? null : { start: r.sourceStart, end: r.sourceEnd ?? r.sourceStart },
      updatedAt: r.updatedAt.toISOString(),
    };
  });
}

export async function getVisibleTask(db: DbOrTx, actor: Actor, id: number) {
  const [row] = await db.select().from(tasks).where(combine(eq(tasks.id, id), taskScope(actor)));
  if (!row) throw new AppError('NOT_FOUND');
  const [task] = await hydrate(db, [row]);
  const [plan] = await db.select({ title: plans.title, documentId: plans.documentId }).from(plans).where(eq(plans.id, row.planId));
  let quote: string | null = null;
  if (plan.documentId && row.sourceStart != null) {
    // offsets are UTF-16 (JS) positions, so slice in JS rather than with SQL substr (code points)
    const [doc] = await db.select({ text: documents.text }).from(documents).where(eq(documents.id, plan.documentId));
    quote = doc ? doc.text.slice(row.sourceStart, row.sourceEnd ?? row.sourceStart) : null;
  }
  return { ...task, quote, planTitle: plan.title, row };
}

/**
 * A visible task's title and units (unit and role) with its plan's row, the plan visible too, in one statement: what a
 * report or a contribution needs to know of them. getVisibleTask reads the whole task for showing it (its chapter, the
 * plan's title, the source quote: a statement each, and the plan's whole document for the quote), getVisiblePlan the
 * plan in one more.
 */
/**
 * What getVisibleTaskWithPlan reads of a task joined with its plan (the route gate of a submission reads the same
 * columns in its own statement, access.ts `loads: 'task_with_plan'`).
 */
export const taskWithPlanColumns = {
  id: tasks.id, planId: tasks.planId, title: tasks.title,
  // as text: the drivers hand json back differently (node-postgres parses it, drizzle's PGlite session does not)
  units: sql<string>`coalesce((select json_agg(json_build_object('unitId', tu.unit_id, 'role', tu.role)) from task_units tu where tu.task_id = ${tasks.id}), '[]'::json)::text`,
  plan: plans,
};
type TaskWithPlanRow = { id: number; planId: number; title: string; units: string; plan: typeof plans.$inferSelect };
/** A visible task's title and units with its plan's row (getVisibleTaskWithPlan's answer). */
export type VisibleTaskWithPlan = Omit<TaskWithPlanRow, 'units'> & { units: { unitId: number | null; role: string }[] };
export const toVisibleTaskWithPlan = (row: TaskWithPlanRow): VisibleTaskWithPlan => ({ ...row, units: JSON.parse(row.units) as VisibleTaskWithPlan['units'] });

/** getVisibleTaskWithPlan's statement (every report's save or submission), one per shape of the scopes, built once (db/prepared.ts) */
const taskWithPlanStatement = (shape: string, taskCond: SQL | undefined, planCond: SQL | undefined) =>
  preparedStatement(`task_with_plan_${shape}`, (db, name) =>
    db
      .select(taskWithPlanColumns)
      .from(tasks)
      .innerJoin(plans, eq(plans.id, tasks.planId))
      .where(combine(sql`${tasks.id} = ${sql.placeholder('id')}`, taskCond, planCond))
      .prepare(name),
  );
const taskWithPlanStatements = new Map<string, ReturnType<typeof taskWithPlanStatement>>();

export async function getVisibleTaskWithPlan(db: DbOrTx, actor: Actor, id: number): Promise<VisibleTaskWithPlan> {
  const scope = preparedScopes(actor);
  let statement = taskWithPlanStatements.get(scope.shape);
  if (!statement) taskWithPlanStatements.set(scope.shape, (statement = taskWithPlanStatement(scope.shape, scope.task, scope.plan)));
  const [row] = await statement(db, { id, ...scope.values });
  if (!row) throw new AppError('NOT_FOUND');
  return toVisibleTaskWithPlan(row);
}

export { and };
