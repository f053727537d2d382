// Take-up and coverage (issue #13), read side: a district's take-up list for a plan above it, and the matrix of
// the plan's tasks × the districts below it with a rolled-up status per task. One level down the same: a town's
// list for its district's plan, and the district's tasks × its towns (镇街). Status colours are the tasks' own
// computed statuses (queries/status.ts `taskStatuses`); nothing here recomputes them.
import { and, asc, eq, gte, inArray, isNull, or, sql, type AnyColumn } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.js';
import { outlineNodes, plans, regions, reportPeriods, reports, taskNotApplicable, taskTakeUps, tasks, taskUnits, units } from '../db/schema/index.js';
import { AppError } from '../../shared/errors.js';
import { combine, taskScope, type Actor } from '../policy.js';
import { readsRegion } from '../access.js';
import { getVisiblePlan } from './plans.js';
import { taskStatuses } from './status.js';
import { currentPeriod, lastDuePeriod, runSettings } from './calendar.js';
import type { TaskStatusOut } from '../../shared/reporting.js';
import { rollupRuleSchema, TAKE_UP_STATE_LABELS, type Coverage, type RollupRule, type TakeUpList, type TakeUpState, type TakeUpSuggestions } from '../../shared/takeUp.js';
import { can, canManagePlan, isAdmin } from '../policy.js';
import { describeRollupRule, levelWord, rollupDistricts, worstColor } from '../domain/districtRollup.js';
import { scoreSuggestion } from '../domain/takeUpSuggestions.js';
import { searchTokens } from '../search.js';

export { COLOR_SEVERITY, worstColor } from '../domain/districtRollup.js';

/** The plan's roll-up rule (plans.settings.rollup); a bad or missing value is the default, the worst colour. */
export function rollupRuleOf(plan: { settings: unknown }): RollupRule {
  const parsed = rollupRuleSchema.safeParse((plan.settings as Record<string, unknown> | null)?.rollup ?? {});
  return parsed.success ? parsed.data : rollupRuleSchema.parse({});
}

const upperColumns = { id: tasks.id, title: tasks.title, position: tasks.position };
const statusColumns = {
  id: tasks.id, planId: tasks.planId, parentTaskId: tasks.parentTaskId, startDate: tasks.startDate, deadline: tasks.deadline,
  progress: tasks.progress, reportedStatus: tasks.reportedStatus, createdAt: tasks.createdAt,
};

/** The plan's own top-level tasks (sub-tasks are the lead unit's breakdown, not a line districts take up). */
async function upperTasks(db: DbOrTx, planId: number) {
  return db.select(upperColumns).from(tasks).where(and(eq(tasks.planId, planId), isNull(tasks.parentTaskId))).orderBy(asc(tasks.position), asc(tasks.id));
}

async function links(db: DbOrTx, upperIds: number[], regionIds: number[]) {
  if (!upperIds.length || !regionIds.length) return [];
  // with what the linked task's status is computed from (queries/status.ts taskStatuses): no second query by ids
  return db
    .select({ upperTaskId: taskTakeUps.upperTaskId, regionId: taskTakeUps.regionId, taskId: taskTakeUps.districtTaskId, createdAt: taskTakeUps.createdAt, createdBy: taskTakeUps.createdBy, title: tasks.title, planId: tasks.planId, planTitle: plans.title, task: statusColumns })
    .from(taskTakeUps)
    .innerJoin(tasks, eq(tasks.id, taskTakeUps.districtTaskId))
    .innerJoin(plans, eq(plans.id, tasks.planId))
    .where(and(inArray(taskTakeUps.upperTaskId, upperIds), inArray(taskTakeUps.regionId, regionIds)))
    .orderBy(asc(taskTakeUps.id));
}

async function notApplicable(db: DbOrTx, upperIds: number[], regionIds: number[]) {
  if (!upperIds.length || !regionIds.length) return [];
  return db.select().from(taskNotApplicable).where(and(inArray(taskNotApplicable.upperTaskId, upperIds), inArray(taskNotApplicable.regionId, regionIds)));
}

/** The computed statuses of the linked tasks (their rows came with the links). */
async function statusesOf(db: DbOrTx, ls: { task: TaskStatusRow }[], today: string) {
  const rows = [...new Map(ls.map((l) => [l.task.id, l.task])).values()];
  if (!rows.length) return new Map<number, TaskStatusOut>();
  return taskStatuses(db, rows, today);
}
type TaskStatusRow = Parameters<typeof taskStatuses>[1][number];

/** `column = any($1)`: a list of ids as one array parameter — the matrix's ~950 linked tasks as 950 parameters were a third of its CPU time (drizzle builds each) */
const anyOf = (column: AnyColumn, ids: number[]) => sql`${column} = any(${sql.param(ids)}::int[])`;

/**
 * The linked tasks that are reporting (issue #13): a report of theirs for the current period reached the office
 * (submitted or accepted). The current period is the one last due — the period 未报送 is judged against — or a later
 * one; before any period is due, the period in force or a later one. One query for the plans, one for the reports.
 */
export async function reportingTasks(db: DbOrTx, ids: number[], today: string): Promise<Set<number>> {
  const out = new Set<number>();
  const wanted = [...new Set(ids)];
  if (!wanted.length) return out;
  const planRows = await db
    .selectDistinct({ id: plans.id, settings: plans.settings, periodStart: plans.periodStart, periodEnd: plans.periodEnd })
    .from(plans)
    .innerJoin(tasks, eq(tasks.planId, plans.id))
    .where(anyOf(tasks.id, wanted));
  // the districts' plans mostly share one calendar: each distinct (period, settings) is worked out once — building the
  // periods was most of the matrix's time at 38 districts (bench/coverage.bench.ts)
  const startOf = new Map<string, string>();
  const since = planRows.map((plan) => {
    const key = `${plan.periodStart}|${plan.periodEnd}|${JSON.stringify(plan.settings ?? {})}`;
    let start = startOf.get(key);
    if (start === undefined) {
      const settings = runSettings(plan);
      start = (lastDuePeriod(plan, today, settings) ?? currentPeriod(plan, today, settings)).start;
      startOf.set(key, start);
    }
    return and(eq(reportPeriods.planId, plan.id), gte(reportPeriods.start, start))!;
  });
  if (!since.length) return out;
  const rows = await db
    .selectDistinct({ taskId: reports.taskId })
    .from(reports)
    .innerJoin(reportPeriods, eq(reportPeriods.id, reports.periodId))
    .where(and(anyOf(reports.taskId, wanted), inArray(reports.status, ['submitted', 'accepted']), or(...since)));
  for (const r of rows) out.add(r.taskId);
  return out;
}

/** What the regions below a region are called, from the level of the region itself (city → 区县, district → 镇街). */
async function wordBelow(db: DbOrTx, regionId: number | null) {
  if (regionId === null) return levelWord('district');
  const [r] = await db.select({ level: regions.level }).from(regions).where(eq(regions.id, regionId));
  return levelWord(r?.level === 'district' ? 'town' : 'district');
}

/**
 * A district's take-up list for an upper plan: each upper task with the district's linked tasks (and their computed
 * status), or 不适用 with the reason, or nothing yet. `regionId` defaults to the actor's own region.
 */
export async function takeUpList(db: DbOrTx, actor: Actor, planId: number, regionId: number | undefined, today: string): Promise<TakeUpList> {
  const { p } = await getVisiblePlan(db, actor, planId);
  const rid = regionId ?? actor.regionIds[0];
  if (!rid || !readsRegion(actor, rid)) throw new AppError('NOT_FOUND');
  const [region] = await db.select({ id: regions.id, name: regions.name, parentId: regions.parentId, level: regions.level }).from(regions).where(eq(regions.id, rid));
  if (!region) throw new AppError('NOT_FOUND');
  const ups = await upperTasks(db, p.id);
  const ids = ups.map((u) => u.id);
  const [ls, nas, districtPlans] = await Promise.all([
    links(db, ids, [rid]),
    notApplicable(db, ids, [rid]),
    db.select({ id: plans.id, title: plans.title }).from(plans).where(eq(plans.regionId, rid)).orderBy(asc(plans.id)),
  ]);
  // a linked task the actor cannot see is still counted, with its title (the district's office sees all of it)
  const [st, rep] = await Promise.all([statusesOf(db, ls, today), reportingTasks(db, ls.map((l) => l.taskId), today)]);
  const counts = { taken_up: 0, reporting: 0, not_applicable: 0, not_taken: 0 };
  const items = ups.map((u) => {
    const mine = ls.filter((l) => l.upperTaskId === u.id);
    const na = nas.find((n) => n.upperTaskId === u.id);
    const state: TakeUpState = mine.length ? 'taken_up' : na ? 'not_applicable' : 'not_taken';
    counts[state]++;
    if (mine.some((l) => rep.has(l.taskId))) counts.reporting++;
    return {
      task: u, state, reason: na?.reason ?? null, markedAt: na ? na.createdAt.toISOString() : null,
      links: mine.map((l) => ({ taskId: l.taskId, title: l.title, planId: l.planId, planTitle: l.planTitle, status: st.get(l.taskId)!, linkedAt: l.createdAt.toISOString(), linkedBy: l.createdBy, reporting: rep.has(l.taskId) })),
    };
  });
  // only the office of a region directly below the plan's takes it up (a town its district's plan, not the city's)
  const canWrite = can(actor, 'task.manage') && actor.regionIds[0] === rid && p.regionId !== null && region.parentId === p.regionId;
  const word = levelWord(region.level);
  return { plan: { id: p.id, title: p.title, regionId: p.regionId }, region: { id: region.id, name: region.name, word }, districtPlans: canWrite ? districtPlans : [], canWrite, items, counts };
}

async function parentOf(db: DbOrTx, regionId: number) {
  const [r] = await db.select({ parentId: regions.parentId }).from(regions).where(eq(regions.id, regionId));
  return r?.parentId ?? null;
}

/**
 * Who asks, as far as the coverage matrix depends on it: the plan, the districts below its region that the actor may
 * read (the city: all; a district: its own column) and whether the actor may set the rule. Nothing else of the actor
 * goes into the matrix. Only where the actor's right to read the plan is already checked: by the route table
 * (routeAccess read('plan'), before the handler runs) or by `coverage` below. One round trip: the plan's four columns
 * (its row holds up to 100,000 characters of search text) with the regions below it.
 */
export async function coverageScope(db: DbOrTx, actor: Actor, planId: number) {
  const rows = await db
    .select({ id: plans.id, title: plans.title, regionId: plans.regionId, settings: plans.settings, below: { id: regions.id, name: regions.name, level: regions.level } })
    .from(plans)
    .leftJoin(regions, eq(regions.parentId, plans.regionId))
    .where(eq(plans.id, planId))
    .orderBy(asc(regions.id));
  if (!rows.length) throw new AppError('NOT_FOUND');
  const { below: _, ...p } = rows[0];
  const allDistricts = rows.flatMap((r) => (r.below ? [r.below] : []));
  return { p, allDistricts, districts: allDistricts.filter((d) => readsRegion(actor, d.id)), canSetRule: canManagePlan(actor, p) };
}
export type CoverageScope = Awaited<ReturnType<typeof coverageScope>>;

/**
 * The cache key of a matrix (http/answerCache.ts), made without a query from what the route gate read of the plan
 * (access.ts RecordOwner: the plan and its issuing region) and from the actor: the day, whether it may set the rule
 * and every region it reads (the columns are the regions below the plan's region it reads). So a session whose roles
 * or region change, and a plan whose region changes (even by a write no audit row stamps), ask for another entry;
 * the data — take-up, statuses, the region tree, the plan's title and rule — is held to the gate's change stamp.
 */
export const coverageKey = (actor: Actor, plan: { planId: number; regionId: number | null }, today: string) =>
  `coverage|${plan.planId}|${plan.regionId}|${today}|${canManagePlan(actor, plan) ? 'rule' : 'read'}|${isAdmin(actor) ? 'all' : actor.regionIds.join(',')}`;

/**
 * The coverage matrix: the plan's tasks × the districts below its region that the actor may see (the city: all;
 * a district: its own column). Each cell: 未落实 / 不适用 / 已落实 with the worst colour of the linked tasks.
 */
export async function coverage(db: DbOrTx, actor: Actor, planId: number, today: string): Promise<Coverage> {
  await getVisiblePlan(db, actor, planId);
  return coverageFor(db, await coverageScope(db, actor, planId), today);
}

/** The matrix for a scope (coverageScope): computed from the scope alone, never from the actor. */
export async function coverageFor(db: DbOrTx, scope: CoverageScope, today: string): Promise<Coverage> {
  const { p, allDistricts, districts, canSetRule } = scope;
  const [word, ups] = await Promise.all([wordBelow(db, p.regionId), upperTasks(db, p.id)]);
  const ids = ups.map((u) => u.id);
  const dIds = districts.map((d) => d.id);
  const [ls, nas] = await Promise.all([links(db, ids, dIds), notApplicable(db, ids, dIds)]);
  const [st, rep] = await Promise.all([statusesOf(db, ls, today), reportingTasks(db, ls.map((l) => l.taskId), today)]);
  const zero = () => ({ taken_up: 0, reporting: 0, not_applicable: 0, not_taken: 0 });
  const dCounts = new Map(districts.map((d) => [d.id, { counts: zero(), colors: { green: 0, yellow: 0, red: 0, grey: 0, blue: 0 } }]));
  const linkKey = new Map<string, typeof ls>();
  for (const l of ls) {
    const k = `${l.upperTaskId}:${l.regionId}`;
    (linkKey.get(k) ?? linkKey.set(k, []).get(k)!).push(l);
  }
  const naKey = new Map(nas.map((n) => [`${n.upperTaskId}:${n.regionId}`, n]));
  const rule = rollupRuleOf(p);
  const totals = zero();
  const rows = ups.map((u) => {
    const counts = zero();
    const cells = districts.map((d) => {
      const mine = linkKey.get(`${u.id}:${d.id}`) ?? [];
      const na = naKey.get(`${u.id}:${d.id}`);
      const state: TakeUpState = mine.length ? 'taken_up' : na ? 'not_applicable' : 'not_taken';
      const color = state === 'taken_up' ? worstColor(mine.map((l) => st.get(l.taskId)?.color ?? 'grey')) : null;
      const reporting = state === 'taken_up' && mine.some((l) => rep.has(l.taskId));
      const dc = dCounts.get(d.id)!;
      for (const c of [counts, totals, dc.counts]) {
        c[state]++;
        if (reporting) c.reporting++;
      }
      if (color) dc.colors[color]++;
      const label = state === 'taken_up' ? mine.map((l) => st.get(l.taskId)?.label ?? '').filter(Boolean).join('、') || TAKE_UP_STATE_LABELS.taken_up : TAKE_UP_STATE_LABELS[state];
      return { regionId: d.id, state, color, reporting, label, taskIds: mine.map((l) => l.taskId), reason: na?.reason ?? null };
    });
    return { task: u, cells, counts, rollup: rollupDistricts(cells, rule, word) };
  });
  // the whole district list names the weights (a district reads only its own column, the rule is the city's)
  const names = new Map(allDistricts.map((d) => [d.id, d.name]));
  return {
    plan: { id: p.id, title: p.title, regionId: p.regionId }, rule: describeRollupRule(rule, names, word), rollupRule: rule, canSetRule, levelWord: word,
    districts: districts.map((d) => ({ ...d, ...dCounts.get(d.id)! })), rows, totals,
  };
}

/** The upper task (visible to the actor) and its plan's region, for the take-up operations. */
export async function visibleUpperTask(db: DbOrTx, actor: Actor, taskId: number) {
  const [row] = await db
    .select({ id: tasks.id, title: tasks.title, text: tasks.text, planId: tasks.planId, regionId: plans.regionId })
    .from(tasks)
    .innerJoin(plans, eq(plans.id, tasks.planId))
    .where(combine(eq(tasks.id, taskId), taskScope(actor)));
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}


/** a unit's name without the level it belongs to: 市住房城乡建委 and 区住房城乡建委 are the same kind of office */
const unitKind = (name: string) => name.replace(/^(重庆市|[\u4e00-\u9fff]{1,4}(区|县))/, '').replace(/^(市|区|县)/, '');

/** Each outline node's chapter path (its title and its ancestors'), for the tasks' chapters in suggestions. */
async function chapterPaths(db: DbOrTx, planIds: number[]) {
  const nodes = planIds.length ? await db.select({ id: outlineNodes.id, parentId: outlineNodes.parentId, title: outlineNodes.title }).from(outlineNodes).where(inArray(outlineNodes.planId, [...new Set(planIds)])) : [];
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const memo = new Map<number, { chapter: string; chapterTokens: string }>();
  return (nodeId: number | null) => {
    if (nodeId === null || !byId.has(nodeId)) return { chapter: null, chapterTokens: '' };
    let hit = memo.get(nodeId);
    if (!hit) {
      const titles: string[] = [];
      for (let n = byId.get(nodeId), guard = 0; n && guard < 20; n = n.parentId === null ? undefined : byId.get(n.parentId), guard++) titles.unshift(n.title);
      hit = { chapter: byId.get(nodeId)!.title, chapterTokens: searchTokens(titles.join('\n')) };
      memo.set(nodeId, hit);
    }
    return hit;
  };
}

/**
 * Suggestions for taking up an upper task (issue #13): the actor's district's (or town's) own top-level tasks ranked by the words
 * they share with it (the jieba tokens kept in tasks.search_text, Dice coefficient), the kinds of units involved
 * (市住房城乡建委 ~ 区住房城乡建委) and their chapters (domain/takeUpSuggestions.ts). Only proposed, with the reasons in
 * words; a person confirms by linking.
 */
export async function takeUpSuggestions(db: DbOrTx, actor: Actor, upperTaskId: number, limit = 5): Promise<TakeUpSuggestions> {
  const upper = await visibleUpperTask(db, actor, upperTaskId);
  const rid = actor.regionIds[0];
  if (!rid || upper.regionId === null || (await parentOf(db, rid)) !== upper.regionId) return { items: [] };
  const [u] = await db.select({ searchText: tasks.searchText, outlineNodeId: tasks.outlineNodeId }).from(tasks).where(eq(tasks.id, upperTaskId));
  const candidates = await db
    .select({ id: tasks.id, title: tasks.title, searchText: tasks.searchText, outlineNodeId: tasks.outlineNodeId, planId: tasks.planId, planTitle: plans.title })
    .from(tasks)
    .innerJoin(plans, eq(plans.id, tasks.planId))
    .where(and(eq(plans.regionId, rid), isNull(tasks.parentTaskId), sql`${tasks.id} not in (select district_task_id from task_take_ups where upper_task_id = ${upperTaskId})`));
  if (!candidates.length) return { items: [] };
  const [unitRows, chapterOf] = await Promise.all([
    db
      .select({ taskId: taskUnits.taskId, name: units.name })
      .from(taskUnits)
      .innerJoin(units, eq(units.id, taskUnits.unitId))
      .where(inArray(taskUnits.taskId, [upperTaskId, ...candidates.map((c) => c.id)])),
    chapterPaths(db, [upper.planId, ...candidates.map((c) => c.planId)]),
  ]);
  const kindsOf = (id: number) => unitRows.filter((r) => r.taskId === id).map((r) => unitKind(r.name)).filter(Boolean);
  const mine = { searchText: u.searchText, unitKinds: kindsOf(upperTaskId), ...chapterOf(u.outlineNodeId) };
  const scored = candidates.map((c) => ({
    taskId: c.id, title: c.title, planId: c.planId, planTitle: c.planTitle,
    ...scoreSuggestion(mine, { searchText: c.searchText, unitKinds: kindsOf(c.id), ...chapterOf(c.outlineNodeId) }),
  }));
  return { items: scored.filter((x) => x.score > 0).sort((a, b) => b.score - a.score || a.taskId - b.taskId).slice(0, limit) };
}
