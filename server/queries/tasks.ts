import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { AppError } from '../../shared/errors.js';
import { encodeTaskCursor, type Task, type TaskCursor } from '../../shared/api.js';
import type { DbOrTx } from '../db/client.js';
import { documents, outlineNodes, plans, taskUnits, tasks, units } from '../db/schema/index.js';
import { taskStatusRows } from '../db/schema/taskStatus.js';
import { combine, isAdmin, seesRegion, taskScope, unitTaskRoles, type Actor } from '../policy.js';
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

/** What a page is read as: the tasks' keys with their maintained status row (none: the status is computed). */
const pageColumns = { id: tasks.id, planId: tasks.planId, position: tasks.position, asOf: taskStatusRows.asOf, status: taskStatusRows.status };
export type PageRow = { id: number; asOf: string | null; status: unknown; task?: typeof tasks.$inferSelect };

/**
 * A keyset page: the first `pageSize` tasks after `cursor` that `where` keeps (it may name task_statuses), in list
 * order, and the cursor after the last of them when more follow (one row more is read to know). No count and no
 * offset: any page costs what the first one does. The tasks are read whole with their keys (`task`): at most
 * pageSize + 1 rows, in index order or sorted from a unit's range, so no second statement reads them again.
 */
export async function keysetRows(db: DbOrTx, where: SQL | undefined, cursor: TaskCursor | null, pageSize: number) {
  const rows = await db
    .select({ task: tasks, asOf: taskStatusRows.asOf, status: taskStatusRows.status })
    .from(tasks)
    .leftJoin(taskStatusRows, eq(taskStatusRows.taskId, tasks.id))
    .where(and(where, afterCursor(cursor)))
    .orderBy(...taskOrder)
    .limit(pageSize + 1);
  const page: PageRow[] = rows.slice(0, pageSize).map((r) => ({ id: r.task.id, asOf: r.asOf, status: r.status, task: r.task }));
  const last = page.at(-1)?.task;
  return { rows: page, nextCursor: rows.length > pageSize && last ? encodeTaskCursor(last) : null };
}

/** A numbered page and the total: the count, then the page's keys (sorted on the index's columns). */
export async function numberedRows(db: DbOrTx, where: SQL | undefined, page: number, pageSize: number) {
  const withRow = eq(taskStatusRows.taskId, tasks.id);
  const [{ total }] = await db.select({ total: sql<number>`count(*)::int` }).from(tasks).leftJoin(taskStatusRows, withRow).where(where);
  const rows = await db.select(pageColumns).from(tasks).leftJoin(taskStatusRows, withRow).where(where).orderBy(...taskOrder).limit(pageSize).offset((page - 1) * pageSize);
  return { rows: rows as PageRow[], total };
}

/** Full rows of the given tasks, hydrated, in the order of `ids`. */
export async function hydrateIds(db: DbOrTx, ids: number[]): Promise<Task[]> {
  if (!ids.length) return [];
  const rows = await db.select().from(tasks).where(inArray(tasks.id, ids));
  const byId = new Map(rows.map((r) => [r.id, r]));
  return hydrate(db, ids.map((id) => byId.get(id)).filter((r): r is (typeof rows)[number] => !!r));
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

export { and };
