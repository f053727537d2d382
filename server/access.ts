// Authorization by ownership, the second half of the policy (policy.ts holds the role grants and the
// visibility scopes). Every route declares which record it loads and what it does to it (`access` in
// http/route.ts); the route table calls `authorizeRecord` before the handler runs:
//   read  — the record must be visible to the actor (the same scopes as the lists);
//   write — the record's plan must be issued by the actor's own region or one below it. A district
//           reads the city's plans that reach it but never changes them; it takes part through its own
//           tasks, reports and notices, which the operations check unit by unit (`take_part`).
import { eq, sql, type SQL } from 'drizzle-orm';
import { AppError } from '../shared/errors.js';
import type { DbOrTx } from './db/client.js';
import { changeStampColumn, stampOf } from './db/changeStamp.js';
import { changeClockOf } from './db/changeClock.js';
import { type Actor, importScope, isAdmin, preparedPlanScope, preparedScopes, scopeKey, taskScope, writesRegion } from './policy.js';

export { writesRegion };
import { projects } from './db/schema/index.js';
import { projectScope } from './queries/projects.js';
import { attachments, checkups, evaluations, imports, indicators, notices, plans, regions, reports, tasks, units, users } from './db/schema/index.js';
import { checkupScope } from './queries/checkups.js';
import { taskWithPlanColumns, toVisibleTaskWithPlan, type VisibleTaskWithPlan } from './queries/tasks.js';
import { reportForReviewColumns, type ReportForReview } from './queries/reports.js';

export const recordKinds = ['plan', 'task', 'report', 'attachment', 'indicator', 'notice', 'evaluation', 'import', 'unit', 'user', 'notification', 'project', 'checkup', 'checkup_problem', 'none'] as const;
export type RecordKind = (typeof recordKinds)[number];
export type AccessAction = 'read' | 'write' | 'take_part';

export interface Access {
  record: RecordKind;
  action: AccessAction;
  /** the route parameter holding the record's id (default `id`) */
  param?: string;
  /** why a route loads no record (record 'none') */
  reason?: string;
  /**
   * 'task_with_plan' (a task's record only): the gate's statement also reads the task's title and units with its plan's
   * row, handed to the handler as `owner.task` when the task and its plan are visible — what getVisibleTaskWithPlan
   * would read in a statement of its own (a report's or a contribution's submission: one round trip, not two).
   * 'report_for_review' (a report's record only): the gate's statement also reads the report's task and plan and what the
   * actor sees of them (queries/reports.ts reportForReviewColumns), handed to the handler as `owner.report` — what
   * getReportForReview would read (a review: one round trip before its transaction, not seven, issue #15 phase 15)
   */
  loads?: 'task_with_plan' | 'report_for_review';
}

/** How a record of each kind reaches its plan: a query giving the plan's id (`id`: the record's id, or a placeholder). */
const planIdOf: Partial<Record<RecordKind, (id: SQL) => SQL>> = {
  plan: (id) => id,
  task: (id) => sql`select ${tasks.planId} from ${tasks} where ${tasks.id} = ${id}`,
  report: (id) => sql`select ${reports.planId} from ${reports} where ${reports.id} = ${id}`,
  attachment: (id) => sql`select r.plan_id from ${attachments} a join ${reports} r on r.id = a.report_id where a.id = ${id}`,
  indicator: (id) => sql`select ${indicators.planId} from ${indicators} where ${indicators.id} = ${id}`,
  notice: (id) => sql`select ${notices.planId} from ${notices} where ${notices.id} = ${id}`,
  evaluation: (id) => sql`select ${evaluations.planId} from ${evaluations} where ${evaluations.id} = ${id}`,
};

/**
 * What the route gate read of a record's plan, handed to the handler (http/route.ts `owner`): the plan, its issuing
 * region and the change stamps — the change clock's read before the gate's statement (db/changeClock.ts), or, while the
 * clock is not listening, the database's stamp read in that statement (db/changeStamp.ts) — so a cached answer keyed on
 * them needs no query of its own (http/answerCache.ts). `stamp`: for an answer about this plan alone (its lists,
 * status, dashboards, board: moved by a change of the plan or one that names no plan; for a record other than a plan,
 * the same as `stampAll`); `stampAll`: for an answer that reads other plans too (coverage: moved by every change).
 */
export interface RecordOwner {
  planId: number;
  regionId: number | null;
  stamp: string;
  stampAll: string;
  /** the task with its plan as getVisibleTaskWithPlan reads it, read by the gate (Access `loads`); absent when not visible */
  task?: VisibleTaskWithPlan;
  /** the report with its task and plan as getReportForReview reads it, read by the gate (Access `loads`) */
  report?: ReportForReview;
}

/**
 * The gate's statement for one kind of record and one shape of the actor's plan scope, prepared once per database
 * handle: it runs on every request of a plan's routes (a cached answer's only statement), and PostgreSQL planning it
 * afresh each time was most of its cost (2.0 → 0.5 ms a statement on the shared machine, scratch measurement).
 */
const gateStatements = new WeakMap<object, Map<string, ReturnType<typeof gateStatement> | ReturnType<typeof taskWithPlanGateStatement> | ReturnType<typeof reportForReviewGateStatement>>>();
/** names are per connection; a serial keeps one name to one text whatever the handle */
let gateStatementSerial = 0;
function gateStatement(db: DbOrTx, kind: RecordKind, scope: SQL) {
  return db
    .select({ planId: plans.id, regionId: plans.regionId, inScope: sql<boolean>`${scope}`, stamp: changeStampColumn })
    .from(plans)
    .where(sql`${plans.id} = (${planIdOf[kind]!(sql`${sql.placeholder('id')}`)})`)
    .prepare(`gate_${kind}_${gateStatementSerial++}`);
}
/**
 * The gate's statement for a task whose route loads it with its plan (Access `loads: 'task_with_plan'`): the same row
 * as gateStatement's for a task (its plan, region, the task's scope as `inScope`, the stamp) with getVisibleTaskWithPlan's
 * columns and whether its `where` would hold (`visible`: the task's scope and the plan's) — one statement, not two.
 */
function taskWithPlanGateStatement(db: DbOrTx, actor: Actor) {
  const scopes = preparedScopes(actor);
  const { plan, ...task } = taskWithPlanColumns;
  const inTaskScope = sql`(${scopes.task ?? sql`true`}) is true`;
  return db
    .select({
      planId: plans.id, regionId: plans.regionId, inScope: sql<boolean>`${inTaskScope}`, stamp: changeStampColumn,
      visible: sql<boolean>`${inTaskScope} and (${scopes.plan ?? sql`true`}) is true`, task, plan,
    })
    .from(tasks)
    .innerJoin(plans, eq(plans.id, tasks.planId))
    .where(sql`${tasks.id} = ${sql.placeholder('id')}`)
    .prepare(`gate_task_with_plan_${gateStatementSerial++}`);
}

/**
 * The gate's statement for a report whose route reviews it (Access `loads: 'report_for_review'`): the same row as
 * gateStatement's for a report (its plan, region, the stamp; `inScope` unused: a report is visible by its task) with
 * getReportForReview's columns, from which the route gate's visibility follows (the task in the actor's task scope,
 * `taskVisible`, or the report the actor's unit's own — what `visible` below asks in one or two statements of its own).
 */
function reportForReviewGateStatement(db: DbOrTx, actor: Actor) {
  const scopes = preparedScopes(actor);
  return db
    .select({
      planId: plans.id, regionId: plans.regionId, inScope: sql<boolean>`false`, stamp: changeStampColumn,
      ...reportForReviewColumns(scopes),
    })
    .from(reports)
    .innerJoin(tasks, eq(tasks.id, reports.taskId))
    .innerJoin(plans, eq(plans.id, reports.planId))
    .where(sql`${reports.id} = ${sql.placeholder('id')}`)
    .prepare(`gate_report_for_review_${gateStatementSerial++}`);
}

/**
 * What the gate's statement answered for a plan, kept per database handle under the plan's change stamp
 * (db/changeClock.ts): the same plan and the same scope (policy.ts `scopeKey`, everything `preparedPlanScope` sends)
 * under the same stamp is the same row — the plan's region, the region tree and a unit's task membership move every
 * stamp when they change, audited or not (migration 0018) — so a cached answer's request sends no statement at all.
 * Plans only: the routes answered from the cache are a plan's (a task's or a report's gate asks more than the row).
 * At most GATE_ENTRIES rows (all dropped past it); none while the clock is not listening (the statement then reads
 * the database's stamp) or the answer cache is off.
 */
interface GateEntry {
  row: (Omit<RecordOwner, 'stamp' | 'stampAll'> & { inScope: boolean }) | null;
  stamp: string;
  at: number;
  /** the row with the stamps it was last handed out with (a hit hands the same object out again while they hold) */
  owner?: RecordOwner & { inScope: boolean };
}
const GATE_ENTRIES = 20_000;
interface GateAnswers {
  size: number;
  /** per scope (scopeKey's text, made once per actor's list: a Map key hashed once), per plan */
  byScope: Map<string, Map<number, GateEntry>>;
}
const gateAnswers = new WeakMap<object, GateAnswers>();
const gateLifetimeMs = () => Number(process.env.LUOSHI_ANSWER_CACHE_MS ?? 10_000);

/** The change clock's stamps, read before the gate's statement (for a plan: its own and everything's), or null. */
function clockStamps(db: DbOrTx, planId: number | null): { stamp: string; stampAll: string } | null {
  if (gateLifetimeMs() <= 0) return null;
  const clock = changeClockOf(db);
  const stampAll = clock?.stamp();
  if (!clock || !stampAll) return null;
  return { stamp: planId === null ? stampAll : clock.stamp(planId)!, stampAll };
}

/** The gate's rows of this scope (the Map the plan's row is kept in). */
function gateRows(db: DbOrTx, actor: Actor): { rows: Map<number, GateEntry>; answers: GateAnswers } {
  let answers = gateAnswers.get(db);
  if (!answers) gateAnswers.set(db, (answers = { size: 0, byScope: new Map() }));
  const scopeText = scopeKey(actor);
  let rows = answers.byScope.get(scopeText);
  if (!rows) answers.byScope.set(scopeText, (rows = new Map()));
  return { rows, answers };
}

type Owning = (RecordOwner & { inScope: boolean; visible?: boolean }) | null;
type Stamps = ReturnType<typeof clockStamps>;

/**
 * The plan (with its issuing region) a record belongs to, or null when the record does not exist — in one statement
 * with whether the plan lies in the actor's scope (`planScope`, all a plan's, an indicator's or an evaluation's
 * visibility comes to) and the database's change stamp; kept in `kept` (a plan's gate rows) under the clock's stamp.
 */
async function owningPlan(db: DbOrTx, actor: Actor, kind: RecordKind, id: number, stamps: Stamps, kept: ReturnType<typeof gateRows> | null, loads?: Access['loads']): Promise<Owning> {
  if (!planIdOf[kind]) return null;
  const byTask = isByTask(kind);
  const scope = kind === 'task' ? preparedScopes(actor) : preparedPlanScope(actor);
  const withTask = kind === 'task' && loads === 'task_with_plan';
  const withReport = kind === 'report' && loads === 'report_for_review';
  const key = withReport ? `report_for_review|${scope.shape}` : `${withTask ? 'task_with_plan' : kind}|${byTask && kind !== 'task' ? 'task' : scope.shape}`;
  let statements = gateStatements.get(db);
  if (!statements) gateStatements.set(db, (statements = new Map()));
  let statement = statements.get(key);
  if (!statement)
    statements.set(key, (statement = withReport ? reportForReviewGateStatement(db, actor) : withTask ? taskWithPlanGateStatement(db, actor) : gateStatement(db, kind, gateScope(kind, actor))));
  const [found] = (await statement.execute({ id, ...scope.values })) as (Awaited<ReturnType<ReturnType<typeof gateStatement>['execute']>>[number] &
    Partial<Omit<Awaited<ReturnType<ReturnType<typeof taskWithPlanGateStatement>['execute']>>[number], 'plan'>> &
    Partial<Awaited<ReturnType<ReturnType<typeof reportForReviewGateStatement>['execute']>>[number]>)[];
  const task = withTask && found?.task && found.plan && found.visible === true ? toVisibleTaskWithPlan({ ...(found.task as Omit<VisibleTaskWithPlan, 'plan' | 'units'> & { units: string }), plan: found.plan as VisibleTaskWithPlan['plan'] }) : undefined;
  const report: ReportForReview | undefined =
    withReport && found?.report && found.task && found.plan
      ? { report: found.report, task: found.task as ReportForReview['task'], plan: found.plan as ReportForReview['plan'], taskVisible: found.taskVisible === true, planVisible: found.planVisible === true }
      : undefined;
  // a report's visibility read by the statement itself (visible below asks no more)
  // (the task's scope asked once, as `taskVisible`: before session 23 the statement asked it a second time for this)
  const seen = withReport && found ? { visible: found.taskVisible === true || (actor.unitId != null && found.report?.unitId === actor.unitId) } : {};
  const row = found ? { planId: found.planId, regionId: found.regionId, inScope: found.inScope === true, ...seen, ...(task ? { task } : {}), ...(report ? { report } : {}) } : null;
  if (kept && stamps) {
    const { answers, rows } = kept;
    if (answers.size >= GATE_ENTRIES) {
      for (const m of answers.byScope.values()) m.clear();
      answers.size = 0;
    }
    if (!rows.has(id)) answers.size++;
    rows.set(id, { row, stamp: stamps.stamp, at: Date.now() });
  }
  const db0 = found ? stampOf(found.stamp) : '';
  return row && { ...row, stamp: stamps?.stamp ?? db0, stampAll: stamps?.stampAll ?? db0 };
}
/** a task's, a report's or an attachment's visibility is its task's (visible below): the plan's scope is not asked */
const isByTask = (kind: RecordKind) => kind === 'task' || kind === 'report' || kind === 'attachment';
/**
 * What the gate's statement answers as `inScope`: for a plan (an indicator, an evaluation, a notice) the plan's scope;
 * for a task its own task scope, asked in the same statement (a task's routes — a report's submission first of all —
 * send one statement for the gate, not two, issue #15 phase 10); for a report or an attachment nothing (visible below).
 */
function gateScope(kind: RecordKind, actor: Actor): SQL {
  if (kind === 'task') return sql`exists (select 1 from ${tasks} where ${tasks.id} = ${sql.placeholder('id')} and ${preparedScopes(actor).task ?? sql`true`})`;
  if (isByTask(kind)) return sql`false`;
  return preparedPlanScope(actor).cond ?? sql`true`;
}

/** The gate's row kept for this plan and scope under its current stamp: the row (null: no such plan), or undefined. */
function keptOwningPlan(kept: ReturnType<typeof gateRows> | null, id: number, stamps: Stamps): Owning | undefined {
  if (!kept || !stamps) return undefined;
  const hit = kept.rows.get(id);
  if (!hit || hit.stamp !== stamps.stamp || Date.now() - hit.at >= gateLifetimeMs()) return undefined;
  if (!hit.row) return null;
  if (hit.owner?.stampAll !== stamps.stampAll) hit.owner = { ...hit.row, ...stamps };
  return hit.owner;
}

/**
 * The route gate for a plan decided without a statement or an await when it can be: its row is kept for this scope
 * under the plan's current stamp (every request of a cached answer). The same checks as authorizeRecord's; undefined
 * when the row must be read (authorizeRecord then). The route table asks this first.
 */
export function keptRecordOwner(db: DbOrTx, actor: Actor, access: Access, id: number): RecordOwner | undefined {
  if (access.record !== 'plan') return undefined;
  const stamps = clockStamps(db, id);
  if (!stamps) return undefined;
  const owner = keptOwningPlan(gateRows(db, actor), id, stamps);
  if (owner === undefined) return undefined;
  if (!owner || !(isAdmin(actor) || owner.inScope)) throw new AppError('NOT_FOUND');
  if (access.action === 'write' && !writesRegion(actor, owner.regionId)) throw new AppError('FORBIDDEN');
  return owner;
}

async function visible(db: DbOrTx, actor: Actor, kind: RecordKind, id: number, inScope: boolean): Promise<boolean> {
  if (isAdmin(actor)) return true;
  // a task's own scope was asked by the gate's statement (gateScope)
  if (kind === 'task') return inScope;
  if (kind === 'report' || kind === 'attachment') {
    const taskId =
      kind === 'report'
        ? sql`(select ${reports.taskId} from ${reports} where ${reports.id} = ${id})`
        : sql`(select r.task_id from ${attachments} a join ${reports} r on r.id = a.report_id where a.id = ${id})`;
    const [row] = await db.select({ id: tasks.id }).from(tasks).where(sql`${tasks.id} = ${taskId} and ${taskScope(actor) ?? sql`true`}`);
    if (row) return true;
    // a unit sees its own report even where the task's scope is drawn from another role
    if (actor.unitId) {
      const [mine] = await db.select({ id: reports.id }).from(reports).where(sql`${reports.id} = ${kind === 'report' ? sql`${id}` : sql`(select report_id from ${attachments} where id = ${id})`} and ${reports.unitId} = ${actor.unitId}`);
      return !!mine;
    }
    return false;
  }
  if (kind === 'notice' && actor.unitId) {
    const [n] = await db.select({ id: notices.id }).from(notices).where(sql`${notices.id} = ${id} and ${notices.unitId} = ${actor.unitId}`);
    if (n) return true;
  }
  return inScope;
}

/**
 * Checks the declared access to one record. An invisible record is NOT_FOUND (its existence is not
 * disclosed); a visible record the actor may not change is FORBIDDEN. Returns the record's plan as read
 * (`RecordOwner`) for records that belong to a plan, else null.
 */
export async function authorizeRecord(db: DbOrTx, actor: Actor, access: Access, id: number): Promise<RecordOwner | null> {
  if (access.record === 'none') return null;
  if (access.record === 'import') {
    const [row] = await db.select({ id: imports.id, regionId: imports.regionId }).from(imports).where(sql`${imports.id} = ${id} and ${importScope(actor) ?? sql`true`}`);
    if (!row) throw new AppError('NOT_FOUND');
    return null;
  }
  if (access.record === 'unit') {
    const [u] = await db.select({ regionId: units.regionId }).from(units).where(eq(units.id, id));
    if (!u) throw new AppError('NOT_FOUND');
    if (access.action === 'write' && !writesRegion(actor, u.regionId)) throw new AppError('FORBIDDEN');
    return null;
  }
  if (access.record === 'user') {
    const [u] = await db.select({ id: users.id, regionId: users.regionId }).from(users).where(eq(users.id, id));
    if (!u) throw new AppError('NOT_FOUND');
    if (!isAdmin(actor) && actor.userId !== u.id) throw new AppError('FORBIDDEN');
    return null;
  }
  if (access.record === 'notification') return null; // the operation reads only the actor's own rows
  if (access.record === 'checkup' || access.record === 'checkup_problem') {
    // a check-up belongs to a region, not a plan: visible through checkupScope, changed by its region's office
    const checkupId = access.record === 'checkup' ? sql`${id}` : sql`(select checkup_id from checkup_problems where id = ${id})`;
    const scope = checkupScope(actor);
    const [c] = await db.select({ regionId: checkups.regionId }).from(checkups).where(sql`${checkups.id} = ${checkupId} and ${scope ?? sql`true`}`);
    if (!c) throw new AppError('NOT_FOUND');
    if (access.action === 'write' && !writesRegion(actor, c.regionId)) throw new AppError('FORBIDDEN');
    return null;
  }
  if (access.record === 'project') {
    // a library project belongs to a region (plan optional): visible through projectScope, run by its region's office;
    // take_part (reports) is the owner unit's, checked by submitProjectReport
    const [p] = await db.select({ regionId: projects.regionId }).from(projects).where(sql`${projects.id} = ${id} and ${projectScope(actor) ?? sql`true`}`);
    if (!p) throw new AppError('NOT_FOUND');
    if (access.action === 'write' && !writesRegion(actor, p.regionId)) throw new AppError('FORBIDDEN');
    return null;
  }
  const stamps = planIdOf[access.record] ? clockStamps(db, access.record === 'plan' ? id : null) : null;
  const kept = access.record === 'plan' && stamps ? gateRows(db, actor) : null;
  const hit = keptOwningPlan(kept, id, stamps);
  const owner = hit !== undefined ? hit : await owningPlan(db, actor, access.record, id, stamps, kept, access.loads);
  // a plan's, an indicator's or an evaluation's visibility is the plan's scope (visible below, without a query)
  const byPlan = access.record === 'plan' || access.record === 'indicator' || access.record === 'evaluation';
  // a report's read by the gate's statement itself (Access `loads: 'report_for_review'`): its `visible`
  const seen = owner && (byPlan ? isAdmin(actor) || owner.inScope : owner.visible !== undefined ? isAdmin(actor) || owner.visible : await visible(db, actor, access.record, id, owner.inScope));
  if (!owner || !seen) throw new AppError('NOT_FOUND');
  if (access.action === 'write' && !writesRegion(actor, owner.regionId)) throw new AppError('FORBIDDEN');
  return { planId: owner.planId, regionId: owner.regionId, stamp: owner.stamp, stampAll: owner.stampAll, ...(owner.task ? { task: owner.task } : {}), ...(owner.report ? { report: owner.report } : {}) };
}

/** The region a new record may be placed in: the actor's own tree only. */
export function requireOwnRegion(actor: Actor, regionId: number | null | undefined): void {
  if (regionId == null) return;
  if (!writesRegion(actor, regionId)) throw new AppError('FORBIDDEN', { regionId });
}

/** May the actor read an audit trail of this entity type and id? Whoever may read the record itself. */
export async function authorizeHistory(db: DbOrTx, actor: Actor, entityType: string, id: number): Promise<void> {
  const kind = (recordKinds as readonly string[]).includes(entityType) ? (entityType as RecordKind) : null;
  if (kind && kind !== 'none' && kind !== 'notification') {
    if (kind === 'user' && !isAdmin(actor) && actor.userId !== id) throw new AppError('NOT_FOUND');
    if (kind === 'unit') {
      const [u] = await db.select({ regionId: units.regionId }).from(units).where(eq(units.id, id));
      if (!u || !(isAdmin(actor) || actor.regionIds.includes(u.regionId) || actor.unitId === id)) throw new AppError('NOT_FOUND');
      return;
    }
    await authorizeRecord(db, actor, { record: kind, action: 'read' }, id);
    return;
  }
  // regions, reminders, notifications: system bookkeeping, for the administrator
  if (!isAdmin(actor)) throw new AppError('NOT_FOUND');
}

/**
 * Units named on a plan's tasks or sent its notices must belong to the plan's region or a region below it:
 * a district cannot draw another district's units into its plan (they would then see it).
 */
export async function requireUnitsInRegion(db: DbOrTx, unitIds: number[], regionId: number | null): Promise<void> {
  const ids = [...new Set(unitIds)];
  if (!ids.length) return;
  if (regionId === null) throw new AppError('FORBIDDEN', { units: ids });
  const list = sql.join(ids.map((i) => sql`${i}`), sql`, `);
  const res = await db.execute(sql`with recursive down(id) as (select ${regionId}::int union select r.id from regions r join down on r.parent_id = down.id)
    select u.id from units u where u.id in (${list}) and u.region_id not in (select id from down)`);
  const outside = (res as unknown as { rows: { id: number }[] }).rows.map((r) => r.id);
  if (outside.length) throw new AppError('UNIT_OUTSIDE_REGION', { units: outside });
}

/**
 * The units a reviewer maps an import's names to: those of the plan's region tree or of a region above it (a
 * municipal department a district plan names), the same units the import's own name matching reaches
 * (queries/units.ts unitMatcher) — never another district's.
 */
export async function requireUnitsInReach(db: DbOrTx, unitIds: number[], regionId: number | null): Promise<void> {
  const ids = [...new Set(unitIds)];
  if (!ids.length || regionId === null) return;
  const list = sql.join(ids.map((i) => sql`${i}`), sql`, `);
  const res = await db.execute(sql`with recursive down(id) as (select ${regionId}::int union select r.id from regions r join down on r.parent_id = down.id),
    up(id) as (select parent_id from regions where id = ${regionId} union select g.parent_id from regions g join up on g.id = up.id)
    select u.id from units u where u.id in (${list}) and u.region_id not in (select id from down) and u.region_id not in (select id from up where id is not null)`);
  const outside = (res as unknown as { rows: { id: number }[] }).rows.map((r) => r.id);
  if (outside.length) throw new AppError('UNIT_OUTSIDE_REGION', { units: outside });
}

/**
 * The region an import belongs to: the one the office chose, else the one the document names when it lies in
 * the office's own tree, else the office's own. A district importing the city's scheme keeps its copy its own.
 */
export function importRegion(actor: Actor, chosen: number | null | undefined, detected: number | undefined): number | null {
  return chosen ?? (detected !== undefined && writesRegion(actor, detected) ? detected : undefined) ?? actor.regionIds[0] ?? null;
}

/**
 * Take-up (issue #13): the district (or town) whose links the actor writes is its own region, and the upper task's
 * plan must be issued by the region directly above it. A district office writes only its own district's links; the city (or another
 * district) reads them but never writes them. Returns the district's region id.
 */
export async function requireTakeUpRight(db: DbOrTx, actor: Actor, upperPlanRegionId: number | null): Promise<number> {
  const own = actor.regionIds[0];
  if (!own || upperPlanRegionId === null || own === upperPlanRegionId) throw new AppError('TAKE_UP_NOT_BELOW');
  // one level down only: a district takes up the city's plan, a town (镇街) its district's — a town's work for the
  // city's task goes through its district's task, which is what the city's matrix shows
  const [region] = await db.select({ parentId: regions.parentId }).from(regions).where(eq(regions.id, own));
  if (region?.parentId !== upperPlanRegionId) throw new AppError('TAKE_UP_NOT_BELOW');
  return own;
}

/** Which districts' take-up the actor may read: its own region and those below it (the city: all), an admin all. */
export function readsRegion(actor: Actor, regionId: number): boolean {
  return isAdmin(actor) || actor.regionIds.includes(regionId);
}
