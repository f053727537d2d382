// Reads of the project library (issue #14), scoped as plans are: an office, leader or evaluator sees the projects of
// its region and below (and those placed above it, as it sees the plans issued above it); a unit's people see the
// projects their unit owns. Status is computed on read (domain/projectStatus.ts) for the rows the filters leave.
import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { AppError } from '../../shared/errors.js';
import type { ProjectListQuery, ProjectOut, ProjectPhase, ProjectList } from '../../shared/projects.js';
import type { DbOrTx } from '../db/client.js';
import { indicators, outlineNodes, plans, projectLinks, projectMoves, projectReports, projectYears, projects, regions, tasks, units, users } from '../db/schema/index.js';
import { can, isAdmin, seesRegion, writesRegion, type Actor } from '../policy.js';
import { computeProjectStatus } from '../domain/projectStatus.js';
import { generatePeriods, type ReportingPeriod } from '../domain/reportingPeriods.js';
import { runSettings } from './calendar.js';

/** Condition on `projects` for the projects the actor may see. */
export function projectScope(actor: Actor): SQL | undefined {
  if (isAdmin(actor)) return undefined;
  if (seesRegion(actor)) {
    const ids = actor.regionIds.length ? actor.regionIds : [-1];
    const list = sql.join(ids.map((i) => sql`${i}`), sql`, `);
    return sql`(${projects.regionId} in (${list}) or ${projects.regionId} in (with recursive up(id) as (select parent_id from regions where id in (${list}) union select g.parent_id from regions g join up on g.id = up.id) select id from up where id is not null))`;
  }
  if (actor.unitId) return sql`${projects.ownerUnitId} = ${actor.unitId}`;
  return sql`false`;
}

/** May the actor run this project (edit, move, roll, link)? The office of its region or one above it. */
export function canManageProject(actor: Actor, p: { regionId: number | null }): boolean {
  return can(actor, 'plan.manage') && writesRegion(actor, p.regionId);
}
export function canReportProject(actor: Actor, p: { ownerUnitId: number | null }): boolean {
  return can(actor, 'report.submit') && actor.unitId !== null && actor.unitId === p.ownerUnitId;
}

type PlanSettingsRow = { id: number; settings: unknown };

/** The reporting calendar's periods of a project: its plan's settings, or the defaults (monthly, due the 25th). */
export function projectPeriods(plan: PlanSettingsRow | null, today: string): { settings: ReturnType<typeof runSettings>; periods: readonly ReportingPeriod[] } {
  // the same settings and day give the same calendar: kept (a few dozen entries at most) instead of recomputed per request
  const key = `${today}|${JSON.stringify(plan?.settings ?? {})}`;
  const hit = calendars.get(key);
  if (hit) return hit;
  const settings = runSettings({ settings: (plan?.settings ?? {}) as Record<string, unknown> });
  const year = Number(today.slice(0, 4));
  const out = { settings, periods: generatePeriods({ ...settings.reporting, startMonth: `${year - 1}-01`, endMonth: `${year + 1}-12` }) };
  if (calendars.size >= 64) calendars.delete(calendars.keys().next().value!);
  calendars.set(key, out);
  return out;
}
const calendars = new Map<string, ReturnType<typeof runSettings> extends infer S ? { settings: S; periods: readonly ReportingPeriod[] } : never>();

/** The last period whose due date has passed (未报送 is judged against it), per distinct plan; null before the first. */
function lastDueFor(plan: PlanSettingsRow | null, today: string): ReportingPeriod | null {
  const past = projectPeriods(plan, today).periods.filter((p) => p.dueDate < today);
  return past.length ? past[past.length - 1] : null;
}

const columns = {
  id: projects.id, name: projects.name, text: projects.text, location: projects.location, regionId: projects.regionId, regionName: regions.name,
  ownerUnitId: projects.ownerUnitId, ownerUnitName: units.name, lng: projects.lng, lat: projects.lat, category: projects.category,
  totalInvestment: projects.totalInvestment, fundingSources: projects.fundingSources, startDate: projects.startDate, finishDate: projects.finishDate,
  phase: projects.phase, phaseReason: projects.phaseReason, list: projects.list, listYear: projects.listYear,
  completedInvestment: projects.completedInvestment, progressText: projects.progressText, lastPeriod: projects.lastPeriod,
  planId: projects.planId, planTitle: plans.title, planSettings: plans.settings, column: projects.column, outlineNodeId: projects.outlineNodeId,
  origin: projects.origin, version: projects.version,
};
type Row = Omit<ProjectOut, 'status' | 'plannedInvestment' | 'phase' | 'list'> & { phase: string; list: string; planSettings: unknown };
type Calendar = { due: ReportingPeriod | null; th: { yellowGap: number; redGap: number } };

function shape(actor: Actor, r: Row, planned: number | null, today: string, cache: Map<number, Calendar>): ProjectOut {
  const key = r.planId ?? 0;
  if (!cache.has(key)) {
    const plan = r.planId ? { id: r.planId, settings: r.planSettings } : null;
    cache.set(key, { due: lastDueFor(plan, today), th: projectPeriods(plan, today).settings.taskThresholds });
  }
  const { due, th } = cache.get(key)!;
  const status = computeProjectStatus({
    phase: r.phase as ProjectPhase, phaseReason: r.phaseReason, startDate: r.startDate, finishDate: r.finishDate, totalInvestment: r.totalInvestment,
    completedInvestment: r.completedInvestment, anyPeriodDue: !!due, reportedLastDue: !!due && !!r.lastPeriod && r.lastPeriod >= due.key, asOf: today,
    thresholds: { yellowGap: th.yellowGap, redGap: th.redGap },
  });
  const { planSettings: _s, ...rest } = r;
  return { ...rest, phase: r.phase as ProjectPhase, list: r.list as ProjectList, plannedInvestment: planned, status, canManage: canManageProject(actor, r) } as ProjectOut;
}

function filters(actor: Actor, q: Partial<ProjectListQuery>, year: number): SQL | undefined {
  const conds: (SQL | undefined)[] = [projectScope(actor)];
  if (q.phase) conds.push(eq(projects.phase, q.phase));
  if (q.list) conds.push(q.year ? sql`${projects.id} in (select project_id from project_years where year = ${year} and list = ${q.list})` : eq(projects.list, q.list));
  if (q.regionId) conds.push(sql`${projects.regionId} in (with recursive down(id) as (select ${q.regionId}::int union select r.id from regions r join down on r.parent_id = down.id) select id from down)`);
  if (q.ownerUnitId) conds.push(eq(projects.ownerUnitId, q.ownerUnitId));
  if (q.category) conds.push(eq(projects.category, q.category));
  if (q.planId) conds.push(eq(projects.planId, q.planId));
  if (q.q) conds.push(sql`${projects.searchText} like ${'%' + q.q.replace(/[\\%_]/g, (c) => '\\' + c) + '%'}`);
  const list = conds.filter((c): c is SQL => !!c);
  return list.length ? and(...list) : undefined;
}

/** The projects the caller runs first (its own region's, when it may manage), then those it only reads. */
function manageableFirst(actor: Actor): SQL[] {
  if (!can(actor, 'plan.manage') || isAdmin(actor)) return [];
  const ids = actor.regionIds.length ? actor.regionIds : [-1];
  return [sql`case when ${projects.regionId} in (${sql.join(ids.map((i) => sql`${i}`), sql`, `)}) then 0 else 1 end`];
}

function baseQuery(db: DbOrTx, year: number) {
  return db
    .select({ ...columns, planned: projectYears.plannedInvestment })
    .from(projects)
    .leftJoin(regions, eq(regions.id, projects.regionId))
    .leftJoin(units, eq(units.id, projects.ownerUnitId))
    .leftJoin(plans, eq(plans.id, projects.planId))
    .leftJoin(projectYears, and(eq(projectYears.projectId, projects.id), eq(projectYears.year, year)));
}

/** Every project the filters leave, with its status and this year's planned investment (the export reads all of them). */
export async function listAllProjects(db: DbOrTx, actor: Actor, q: Partial<ProjectListQuery>, today: string): Promise<ProjectOut[]> {
  const year = q.year ?? Number(today.slice(0, 4));
  const rows = await baseQuery(db, year)
    .where(filters(actor, q, year))
    .orderBy(...manageableFirst(actor), asc(projects.regionId), asc(projects.planId), asc(projects.position), asc(projects.id));
  const cache = new Map<number, Calendar>();
  const out = rows.map(({ planned, ...r }) => shape(actor, r as unknown as Row, planned, today, cache));
  return q.status ? out.filter((p) => p.status.color === q.status) : out;
}

export async function listProjects(db: DbOrTx, actor: Actor, q: ProjectListQuery, today: string) {
  const canManage = can(actor, 'plan.manage');
  if (q.status) {
    // status is computed, not stored: every row the other filters leave is judged, then paged
    const all = await listAllProjects(db, actor, q, today);
    const start = (q.page - 1) * q.pageSize;
    return { items: all.slice(start, start + q.pageSize), total: all.length, page: q.page, pageSize: q.pageSize, canManage };
  }
  // without a status filter only the page's rows are read and judged
  const year = q.year ?? Number(today.slice(0, 4));
  const where = filters(actor, q, year);
  const [{ n }] = await db.select({ n: sql<number>`count(*)::int` }).from(projects).where(where);
  const rows = await baseQuery(db, year)
    .where(where)
    .orderBy(...manageableFirst(actor), asc(projects.regionId), asc(projects.planId), asc(projects.position), asc(projects.id))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  const cache = new Map<number, Calendar>();
  return { items: rows.map(({ planned, ...r }) => shape(actor, r as unknown as Row, planned, today, cache)), total: n, page: q.page, pageSize: q.pageSize, canManage };
}

/** One visible project (404 otherwise), shaped. */
export async function getVisibleProject(db: DbOrTx, actor: Actor, id: number, today: string): Promise<ProjectOut> {
  const year = Number(today.slice(0, 4));
  const [row] = await db
    .select({ ...columns, planned: projectYears.plannedInvestment })
    .from(projects)
    .leftJoin(regions, eq(regions.id, projects.regionId))
    .leftJoin(units, eq(units.id, projects.ownerUnitId))
    .leftJoin(plans, eq(plans.id, projects.planId))
    .leftJoin(projectYears, and(eq(projectYears.projectId, projects.id), eq(projectYears.year, year)))
    .where(and(eq(projects.id, id), projectScope(actor) ?? sql`true`));
  if (!row) throw new AppError('NOT_FOUND');
  const { planned, ...r } = row;
  return shape(actor, r as unknown as Row, planned, today, new Map());
}

export async function projectReportsOf(db: DbOrTx, projectId: number) {
  const rows = await db.select().from(projectReports).where(eq(projectReports.projectId, projectId)).orderBy(desc(projectReports.periodEnd));
  return rows.map((r) => ({
    id: r.id, periodKey: r.periodKey, periodEnd: r.periodEnd, monthInvestment: r.monthInvestment, cumulativeInvestment: r.cumulativeInvestment,
    progressText: r.progressText, note: r.note, unitId: r.unitId, version: r.version, createdAt: r.createdAt.toISOString(), updatedAt: r.updatedAt.toISOString(),
  }));
}

/** Titles of linked plan items; a link the actor cannot see is shown without its title. */
async function linkTitles(db: DbOrTx, projectId: number) {
  const links = await db.select().from(projectLinks).where(eq(projectLinks.projectId, projectId)).orderBy(asc(projectLinks.id));
  const ids = (k: string) => links.filter((l) => l.kind === k).map((l) => l.targetId);
  const t = ids('task').length ? await db.select({ id: tasks.id, title: tasks.title, planId: tasks.planId }).from(tasks).where(inArray(tasks.id, ids('task'))) : [];
  const i = ids('indicator').length ? await db.select({ id: indicators.id, title: indicators.name, planId: indicators.planId }).from(indicators).where(inArray(indicators.id, ids('indicator'))) : [];
  const o = ids('outline').length ? await db.select({ id: outlineNodes.id, title: sql<string>`${outlineNodes.marker} || ' ' || ${outlineNodes.title}`, planId: outlineNodes.planId }).from(outlineNodes).where(inArray(outlineNodes.id, ids('outline'))) : [];
  const by = { task: t, indicator: i, outline: o } as const;
  return links.map((l) => {
    const hit = (by[l.kind as keyof typeof by] as { id: number; title: string; planId: number }[]).find((x) => x.id === l.targetId);
    return { kind: l.kind as 'task' | 'indicator' | 'outline', targetId: l.targetId, title: hit?.title ?? '(已删除)', planId: hit?.planId ?? null };
  });
}

export async function projectDetail(db: DbOrTx, actor: Actor, id: number, today: string) {
  const project = await getVisibleProject(db, actor, id, today);
  const years = await db.select({ year: projectYears.year, list: projectYears.list, plannedInvestment: projectYears.plannedInvestment }).from(projectYears).where(eq(projectYears.projectId, id)).orderBy(asc(projectYears.year));
  const moves = await db
    .select({ id: projectMoves.id, kind: projectMoves.kind, year: projectMoves.year, fromValue: projectMoves.fromValue, toValue: projectMoves.toValue, reason: projectMoves.reason, createdAt: projectMoves.createdAt, by: users.displayName })
    .from(projectMoves)
    .leftJoin(users, eq(users.id, projectMoves.createdBy))
    .where(eq(projectMoves.projectId, id))
    .orderBy(asc(projectMoves.id));
  const [plan] = project.planId ? await db.select({ id: plans.id, settings: plans.settings }).from(plans).where(eq(plans.id, project.planId)) : [];
  const { periods } = projectPeriods(plan ?? null, today);
  const reports = await projectReportsOf(db, id);
  const current = periods.find((p) => today < p.locksOn && today >= p.opensOn) ?? periods.find((p) => today < p.locksOn)!;
  return {
    project,
    years: years.filter((y) => y.list !== null || y.plannedInvestment !== null).map((y) => ({ year: y.year, list: (y.list ?? 'reserve') as ProjectList, plannedInvestment: y.plannedInvestment })),
    moves: moves.map((m) => ({ ...m, createdAt: m.createdAt.toISOString() })),
    links: await linkTitles(db, id),
    reports,
    canManage: canManageProject(actor, project),
    canReport: canReportProject(actor, project),
    currentPeriod: { key: current.key, label: current.label, dueDate: current.dueDate },
  };
}

/** The monthly investment ledger of a period: every project the filters leave, with its report of that period (if any). */
export async function investmentLedger(db: DbOrTx, actor: Actor, q: Partial<ProjectListQuery>, period: string, today: string) {
  const year = q.year ?? Number(today.slice(0, 4));
  const [items, reps] = await Promise.all([
    listAllProjects(db, actor, q, today),
    // the period's reports of the projects the same filters leave: one query, not a list of ids
    db
      .select({ report: projectReports })
      .from(projectReports)
      .innerJoin(projects, and(eq(projects.id, projectReports.projectId), eq(projectReports.periodKey, period)))
      .where(filters(actor, q, year))
      .then((rows) => rows.map((r) => r.report)),
  ]);
  const byProject = new Map(reps.map((r) => [r.projectId, r]));
  return items.map((p) => ({ project: p, report: byProject.get(p.id) ?? null }));
}

/** The library export: every project the filters leave, and the 本月完成投资 of each one's latest reported period. */
export async function projectLibraryExport(db: DbOrTx, actor: Actor, q: Partial<ProjectListQuery>, today: string) {
  const year = q.year ?? Number(today.slice(0, 4));
  const [items, months] = await Promise.all([
    listAllProjects(db, actor, q, today),
    db
      .select({ projectId: projectReports.projectId, month: projectReports.monthInvestment })
      .from(projectReports)
      .innerJoin(projects, and(eq(projects.id, projectReports.projectId), eq(projects.lastPeriod, projectReports.periodKey)))
      .where(filters(actor, q, year)),
  ]);
  return { items, monthOf: new Map(months.map((m) => [m.projectId, m.month])) };
}
