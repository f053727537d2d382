// The one authorization module for roles. The route table (http/app.ts) calls `requirePermission` with the
// permission each route declares — handlers never repeat it (test/static/routeGate.test.ts) — and queries are
// scoped with the *Scope helpers below; ownership of records is decided by access.ts.
import { and, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import { AppError } from '../shared/errors.js';
import { imports, plans, tasks } from './db/schema/index.js';
import { permissionSchema, roleSchema, type Role, type Permission } from '../shared/roles.js';

export { roleSchema };
export type { Role, Permission };

export interface Actor {
  userId: number | null; // null: the public or the system
  username: string;
  displayName: string;
  roles: Role[];
  unitId: number | null;
  regionIds: number[]; // the user's region and every region below it
  ip?: string | null;
}

export const publicActor: Actor = { userId: null, username: 'public', displayName: '公众', roles: [], unitId: null, regionIds: [], ip: null };
export const systemActor: Actor = { userId: null, username: 'system', displayName: '系统', roles: ['admin'], unitId: null, regionIds: [], ip: null };

const grants: Record<Role, Permission[]> = {
  admin: ['session', 'plan.read', 'plan.import', 'plan.manage', 'task.read', 'task.manage', 'unit.read', 'unit.manage', 'user.manage', 'audit.read', 'report.read', 'report.submit', 'report.review', 'notice.manage', 'evaluation.read', 'evaluation.manage', 'checkup.read', 'checkup.submit', 'checkup.manage'],
  office: ['session', 'plan.read', 'plan.import', 'plan.manage', 'task.read', 'task.manage', 'unit.read', 'unit.manage', 'audit.read', 'report.read', 'report.review', 'notice.manage', 'evaluation.read', 'evaluation.manage', 'checkup.read', 'checkup.submit', 'checkup.manage'],
  unit_head: ['session', 'plan.read', 'task.read', 'unit.read', 'report.read', 'report.submit', 'report.review_unit', 'notice.respond', 'audit.read', 'checkup.read', 'checkup.submit'],
  unit_reporter: ['session', 'plan.read', 'task.read', 'unit.read', 'report.read', 'report.submit', 'notice.respond', 'checkup.read', 'checkup.submit'],
  leader: ['session', 'plan.read', 'task.read', 'unit.read', 'report.read', 'audit.read', 'evaluation.read', 'checkup.read'],
  evaluator: ['session', 'plan.read', 'task.read', 'unit.read', 'report.read', 'evaluation.read', 'checkup.read'],
};

/** Every permission the actor's roles grant, in the catalogue's order (sent by GET /api/auth/me). */
export function permissionsOf(actor: Actor): Permission[] {
  return permissionSchema.options.filter((p) => p !== 'public' && can(actor, p));
}

export function can(actor: Actor, permission: Permission): boolean {
  if (permission === 'public') return true;
  return actor.roles.some((r) => grants[r]?.includes(permission));
}

export function requirePermission(actor: Actor, permission: Permission): void {
  if (permission === 'public') return;
  if (actor.userId === null && actor !== systemActor) throw new AppError('UNAUTHENTICATED');
  if (!can(actor, permission)) throw new AppError('FORBIDDEN');
}

/** Roles that see a whole region's plans rather than their unit's tasks. */
export function seesRegion(actor: Actor): boolean {
  return actor.roles.some((r) => r === 'admin' || r === 'office' || r === 'leader' || r === 'evaluator');
}
export function isAdmin(actor: Actor): boolean {
  return actor.roles.includes('admin');
}

/**
 * (task_id, role, named) of every task a unit takes part in: where it is named (named), and, for a town, where the
 * task is addressed to 各镇街 in a plan of its district or of the city above it (not named). Read from the stored
 * membership (unit_tasks, kept by the triggers of migration 0016): one index range per unit, in list order, instead
 * of the 各镇街 rule evaluated per request; `luoshi db verify` recomputes a sample with `computedUnitTaskRoles`.
 * `planId`: the unit's tasks of one plan (a narrower range of the same index).
 */
export function unitTaskRoles(unitId: number, planId?: number): SQL {
  return sql`select task_id, role, named from unit_tasks where unit_id = ${unitId}${planId ? sql` and plan_id = ${planId}` : sql``}`;
}

/**
 * The same membership computed from the links (what unit_tasks must hold): the unit's own links, and for a town the
 * 各镇街 links of the plans of its region and of the region above it. For the check only (db verify, tests).
 */
export function computedUnitTaskRoles(unitId: number): SQL {
  return sql`select t.id as task_id, t.plan_id, t.position, tu.role, true as named from task_units tu join tasks t on t.id = tu.task_id
      where tu.unit_id = ${unitId}
    union
    select t.id, t.plan_id, t.position, tu.role, false from units u
      join plans p on p.region_id = u.region_id or p.region_id = (select parent_id from regions where id = u.region_id)
      join tasks t on t.plan_id = p.id
      join task_units tu on tu.task_id = t.id and tu.scope = 'all_towns' and tu.unit_id is null
      where u.id = ${unitId} and u.kind = 'town'`;
}

/** Which of planScope's conditions applies to the actor (all, its regions' and those above, its unit's, none). */
type PlanScopeShape = 'all' | 'region' | 'unit' | 'none';
function planScopeShape(actor: Actor): PlanScopeShape {
  if (isAdmin(actor)) return 'all';
  if (seesRegion(actor)) return 'region';
  return actor.unitId ? 'unit' : 'none';
}
function planScopeOf(shape: PlanScopeShape, regionIds: SQL, unitId: SQL): SQL | undefined {
  if (shape === 'all') return undefined;
  // a region's people also see plans issued above them that cascade down (a municipal scheme reaches a town)
  if (shape === 'region')
    return sql`(${plans.regionId} = any(${regionIds}) or ${plans.regionId} in (with recursive up(id) as (select parent_id from regions where id = any(${regionIds}) union select g.parent_id from regions g join up on g.id = up.id) select id from up where id is not null))`;
  if (shape === 'unit') return sql`${plans.id} in (select plan_id from unit_tasks where unit_id = ${unitId})`;
  return sql`false`;
}
const noRegion = [-1];
const regionIdsOf = (actor: Actor) => (actor.regionIds.length ? actor.regionIds : noRegion);
/** scopeKey's text per list of regions (the list is never changed in place: an actor gets a new one when its user's region changes) */
const regionKeys = new WeakMap<number[], string>();

/**
 * The actor's scope as the scopes below compute it (planScope, taskScope and, through them, noticeScope and the task
 * lists): two actors with the same key see the same plans, tasks and notices. For the key of a cached answer read
 * through these scopes (http/answerCache.ts): the shape, and what the shape reads — every region of a region's
 * people, the unit of a unit's people; nothing for all or none.
 */
export function scopeKey(actor: Actor): string {
  const shape = planScopeShape(actor);
  if (shape === 'region') {
    // made once per list of regions (a session's actor keeps its list: a city office's is ~1,000 ids, joined on every
    // request of its cached answers otherwise)
    const ids = regionIdsOf(actor);
    let key = regionKeys.get(ids);
    if (key === undefined) regionKeys.set(ids, (key = `region:${ids.join(',')}`));
    return key;
  }
  if (shape === 'unit') return `unit:${actor.unitId}`;
  return shape;
}

/**
 * Condition on `plans` for the plans the actor may see. The region list goes as one array parameter (a city office's
 * is ~100 regions, ~1,000 with all the towns): drizzle builds each separate parameter on every request.
 */
export function planScope(actor: Actor): SQL | undefined {
  return planScopeOf(planScopeShape(actor), sql`${sql.param(regionIdsOf(actor))}::int[]`, sql`${actor.unitId}`);
}

/**
 * planScope for a prepared statement (access.ts, the route gate): the condition with the placeholders `regionIds`
 * (int[]) and `unitId`, the values for them, and its shape — one prepared statement per shape.
 */
export function preparedPlanScope(actor: Actor): { shape: PlanScopeShape; cond: SQL | undefined; values: { regionIds: number[]; unitId: number | null } } {
  const shape = planScopeShape(actor);
  return { shape, cond: planScopeOf(shape, sql`${sql.placeholder('regionIds')}::int[]`, sql`${sql.placeholder('unitId')}`), values: { regionIds: regionIdsOf(actor), unitId: actor.unitId } };
}

/** Condition on `tasks` for the tasks the actor may see. */
export function taskScope(actor: Actor): SQL | undefined {
  return taskScopeOf(planScopeShape(actor), sql`${sql.param(regionIdsOf(actor))}::int[]`, sql`${actor.unitId}`);
}
function taskScopeOf(shape: PlanScopeShape, regionIds: SQL, unitId: SQL): SQL | undefined {
  if (shape === 'all') return undefined;
  if (shape === 'region') return sql`${tasks.planId} in (select ${plans.id} from ${plans} where ${planScopeOf(shape, regionIds, unitId)})`;
  if (shape === 'unit') return sql`${tasks.id} in (select task_id from unit_tasks where unit_id = ${unitId})`;
  return sql`false`;
}

/**
 * planScope and taskScope for a statement built once (db/prepared.ts): the conditions with the placeholders
 * `regionIds` (int[]) and `unitId`, their values, and the shape — one statement per shape.
 */
export function preparedScopes(actor: Actor): { shape: PlanScopeShape; plan: SQL | undefined; task: SQL | undefined; values: { regionIds: number[]; unitId: number | null } } {
  const shape = planScopeShape(actor);
  const [regionIds, unitId] = [sql`${sql.placeholder('regionIds')}::int[]`, sql`${sql.placeholder('unitId')}`];
  return { shape, plan: planScopeOf(shape, regionIds, unitId), task: taskScopeOf(shape, regionIds, unitId), values: { regionIds: regionIdsOf(actor), unitId: actor.unitId } };
}

/** Condition on `imports`: an office sees the imports of its region and its own uploads. */
export function importScope(actor: Actor): SQL | undefined {
  if (isAdmin(actor)) return undefined;
  const mine = actor.userId ? sql`${imports.createdBy} = ${actor.userId}` : sql`false`;
  if (!seesRegion(actor) || !actor.regionIds.length) return mine;
  return or(mine, inArray(imports.regionId, actor.regionIds)) as SQL;
}

/** May the actor change what a plan of this region holds? Its own region's office (or one above it), or an admin. */
export function writesRegion(actor: Actor, regionId: number | null): boolean {
  if (isAdmin(actor)) return true;
  return regionId !== null && actor.regionIds.includes(regionId);
}

/**
 * Only the office (or admin) changes a plan, and only a plan its own region (or one below) issued: a district
 * reads the city's plans that reach it but never changes them.
 */
export function canManagePlan(actor: Actor, plan: { regionId: number | null }): boolean {
  return can(actor, 'plan.manage') && writesRegion(actor, plan.regionId);
}

/** Does the actor head a lead unit of the task (the unit head who breaks the task into sub-tasks)? */
export function headsLeadUnit(actor: Actor, task: { units: { role: string; unitId: number | null }[] }): boolean {
  return actor.roles.includes('unit_head') && actor.unitId !== null && task.units.some((u) => u.role === 'lead' && u.unitId === actor.unitId);
}

/**
 * What the actor may do to one task, sent with it (GET /api/tasks/:id `can`) so the app shows only what the server
 * would allow: manage = change or delete it (PATCH/DELETE /api/tasks/:id: the office of the plan's region or one
 * above it — a district reads the city's tasks but changes none); split = break it into sub-tasks as the head of its
 * lead unit (POST /api/tasks/:id/subtasks).
 */
export function taskRights(actor: Actor, plan: { regionId: number | null }, task: { units: { role: string; unitId: number | null }[] }): { manage: boolean; split: boolean } {
  return {
    manage: can(actor, 'task.manage') && canManagePlan(actor, plan),
    split: can(actor, 'report.submit') && (canManagePlan(actor, plan) || headsLeadUnit(actor, task)),
  };
}

export function combine(...conds: (SQL | undefined)[]): SQL | undefined {
  const list = conds.filter((c): c is SQL => !!c);
  return list.length ? and(...list) : undefined;
}

export function onlyUnit(actor: Actor, unitId: number): boolean {
  return seesRegion(actor) || actor.unitId === unitId;
}

export { eq };
