// 城市体检 (issue #14), read side and visibility. A region's people (office, leader, evaluator) see the check-ups of
// their region, those below it and those above it (the city's check-up reaches a district); a unit's people see the
// check-ups where their unit provides an indicator's values or has a problem assigned to it.
import { and, asc, desc, eq, inArray, lt, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.js';
import { checkupIndicators, checkupProblemLinks, checkupProblems, checkups, checkupValues, projects, regions, tasks, units } from '../db/schema/index.js';
import { AppError } from '../../shared/errors.js';
import { can, isAdmin, seesRegion, writesRegion, type Actor } from '../policy.js';
import { gapText, meetsStandard, problemMovement } from '../domain/checkup.js';
import { describeCycle, type CycleFacts } from '../domain/checkupCycle.js';
import { now } from '../clock.js';
import { todayInShanghai } from '../domain/dates.js';
import { checkupCycleStoredSchema, PROBLEM_STATUS_LABELS, type CheckupDetail, type CheckupDirection, type CheckupProblem, type Movement, type ProblemStatus } from '../../shared/checkup.js';

/** Condition on `checkups` for the check-ups the actor may see. */
export function checkupScope(actor: Actor): SQL | undefined {
  if (isAdmin(actor)) return undefined;
  if (seesRegion(actor)) {
    const ids = actor.regionIds.length ? actor.regionIds : [-1];
    const list = sql.join(ids.map((i) => sql`${i}`), sql`, `);
    return sql`(${checkups.regionId} in (${list}) or ${checkups.regionId} in (with recursive up(id) as (select parent_id from regions where id in (${list}) union select g.parent_id from regions g join up on g.id = up.id) select id from up where id is not null))`;
  }
  if (actor.unitId) {
    return sql`(${checkups.id} in (select checkup_id from checkup_indicators where unit_id = ${actor.unitId}) or ${checkups.id} in (select checkup_id from checkup_problems where assigned_unit_id = ${actor.unitId}))`;
  }
  return sql`false`;
}

export async function getVisibleCheckup(db: DbOrTx, actor: Actor, id: number) {
  const scope = checkupScope(actor);
  const [row] = await db.select().from(checkups).where(scope ? and(eq(checkups.id, id), scope) : eq(checkups.id, id));
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

/** The office of the check-up's region (or one above it), or an admin, runs it. */
export function canManageCheckup(actor: Actor, checkup: { regionId: number }): boolean {
  return can(actor, 'checkup.manage') && writesRegion(actor, checkup.regionId);
}
export function requireCheckupManager(actor: Actor, checkup: { regionId: number }): void {
  if (!canManageCheckup(actor, checkup)) throw new AppError('FORBIDDEN');
}

/** The areas a check-up holds values for: its region, then the regions directly below it. */
export async function checkupAreas(db: DbOrTx, regionId: number) {
  const [own] = await db.select({ id: regions.id, name: regions.name, level: regions.level }).from(regions).where(eq(regions.id, regionId));
  if (!own) throw new AppError('NOT_FOUND');
  const below = await db.select({ id: regions.id, name: regions.name, level: regions.level }).from(regions).where(eq(regions.parentId, regionId)).orderBy(asc(regions.id));
  return [own, ...below];
}

/** The counts the cycle's words and checks use (domain/checkupCycle.ts), for many check-ups in four grouped queries. */
export async function cycleFacts(db: DbOrTx, ids: number[]): Promise<Map<number, CycleFacts>> {
  const out = new Map<number, CycleFacts>(ids.map((id) => [id, { indicators: 0, valued: 0, problems: 0, open: 0, acted: 0, candidates: 0 }]));
  if (!ids.length) return out;
  const list = sql.join(ids.map((i) => sql`${i}`), sql`, `);
  const rowsOf = (r: unknown) => (r as { rows: Record<string, number>[] }).rows;
  const ind = rowsOf(await db.execute(sql`select checkup_id as id, count(*)::int as n from checkup_indicators where checkup_id in (${list}) group by checkup_id`));
  const val = rowsOf(await db.execute(sql`select checkup_id as id, count(distinct indicator_id)::int as n from checkup_values where checkup_id in (${list}) group by checkup_id`));
  const prob = rowsOf(
    await db.execute(sql`select checkup_id as id, count(*) filter (where status <> 'met')::int as problems, count(*) filter (where status = 'open')::int as open,
      count(*) filter (where status = 'acted')::int as acted from checkup_problems where checkup_id in (${list}) group by checkup_id`),
  );
  const cand = rowsOf(
    await db.execute(sql`select p.checkup_id as id, count(distinct l.project_id)::int as n from checkup_problem_links l join checkup_problems p on p.id = l.problem_id
      join projects pr on pr.id = l.project_id where p.checkup_id in (${list}) and pr.phase not in ('completed', 'terminated') group by p.checkup_id`),
  );
  for (const r of ind) out.get(r.id)!.indicators = Number(r.n);
  for (const r of val) out.get(r.id)!.valued = Number(r.n);
  for (const r of prob) Object.assign(out.get(r.id)!, { problems: Number(r.problems), open: Number(r.open), acted: Number(r.acted) });
  for (const r of cand) out.get(r.id)!.candidates = Number(r.n);
  return out;
}

/** The check-up's dated cycle as the office reads it (stages, what is due, in words). */
export function cycleOf(c: { year: number; cycle: unknown }, facts: CycleFacts, today = todayInShanghai(now())) {
  return describeCycle(c.year, checkupCycleStoredSchema.parse(c.cycle ?? {}), today, facts);
}

export async function listCheckups(db: DbOrTx, actor: Actor, filter: { regionId?: number } = {}, today = todayInShanghai(now())) {
  const scope = checkupScope(actor);
  const rows = await db
    .select({
      id: checkups.id, regionId: checkups.regionId, regionName: regions.name, year: checkups.year, title: checkups.title, cycle: checkups.cycle,
      indicatorCount: sql<number>`(select count(*)::int from checkup_indicators i where i.checkup_id = ${checkups.id})`,
      problemCount: sql<number>`(select count(*)::int from checkup_problems p where p.checkup_id = ${checkups.id} and p.status <> 'met')`,
      openProblemCount: sql<number>`(select count(*)::int from checkup_problems p where p.checkup_id = ${checkups.id} and p.status = 'open')`,
    })
    .from(checkups)
    .innerJoin(regions, eq(regions.id, checkups.regionId))
    .where(and(scope, filter.regionId ? eq(checkups.regionId, filter.regionId) : undefined))
    .orderBy(desc(checkups.year), asc(checkups.regionId));
  const facts = await cycleFacts(db, rows.map((r) => r.id));
  return { items: rows.map(({ cycle, ...r }) => ({ ...r, cycle: cycleOf({ year: r.year, cycle }, facts.get(r.id)!, today) })) };
}

/** The same region's check-up of the year before (the latest earlier one). */
export async function previousCheckup(db: DbOrTx, checkup: { regionId: number; year: number }) {
  const [prev] = await db.select().from(checkups).where(and(eq(checkups.regionId, checkup.regionId), lt(checkups.year, checkup.year))).orderBy(desc(checkups.year)).limit(1);
  return prev ?? null;
}

type LinkRow = { problemId: number; taskId: number | null; taskTitle: string | null; planId: number | null; projectId: number | null; projectName: string | null };
async function problemLinks(db: DbOrTx, problemIds: number[]): Promise<Map<number, LinkRow[]>> {
  const by = new Map<number, LinkRow[]>();
  if (!problemIds.length) return by;
  const rows = await db
    .select({ problemId: checkupProblemLinks.problemId, taskId: checkupProblemLinks.taskId, taskTitle: tasks.title, planId: tasks.planId, projectId: checkupProblemLinks.projectId, projectName: projects.name })
    .from(checkupProblemLinks)
    .leftJoin(tasks, eq(tasks.id, checkupProblemLinks.taskId))
    .leftJoin(projects, eq(projects.id, checkupProblemLinks.projectId))
    .where(inArray(checkupProblemLinks.problemId, problemIds))
    .orderBy(asc(checkupProblemLinks.id));
  for (const r of rows) by.set(r.problemId, [...(by.get(r.problemId) ?? []), r]);
  return by;
}

export async function checkupDetail(db: DbOrTx, actor: Actor, id: number, today = todayInShanghai(now())): Promise<CheckupDetail> {
  const c = await getVisibleCheckup(db, actor, id);
  const areas = await checkupAreas(db, c.regionId);
  const areaName = new Map(areas.map((a) => [a.id, a.name]));
  const indicatorRows = await db
    .select({ i: checkupIndicators, unitName: units.name })
    .from(checkupIndicators)
    .leftJoin(units, eq(units.id, checkupIndicators.unitId))
    .where(eq(checkupIndicators.checkupId, id))
    .orderBy(asc(checkupIndicators.position), asc(checkupIndicators.id));
  const indicators = indicatorRows.map(({ i, unitName }) => ({
    id: i.id, code: i.code, aspect: i.aspect, name: i.name, measure: i.measure, direction: i.direction as CheckupDirection, standard: i.standard,
    kind: i.kind, unitId: i.unitId, note: i.note, position: i.position, unitName,
  }));
  const byId = new Map(indicators.map((i) => [i.id, i]));
  const valueRows = await db.select().from(checkupValues).where(eq(checkupValues.checkupId, id));
  const values = valueRows.map((v) => {
    const ind = byId.get(v.indicatorId)!;
    return { indicatorId: v.indicatorId, regionId: v.regionId, value: v.value, note: v.note, source: v.source, meets: meetsStandard(v.value, ind.standard, ind.direction), updatedAt: v.updatedAt.toISOString() };
  });
  const problemRows = await db
    .select({ p: checkupProblems, unitName: units.name })
    .from(checkupProblems)
    .leftJoin(units, eq(units.id, checkupProblems.assignedUnitId))
    .where(eq(checkupProblems.checkupId, id))
    .orderBy(asc(checkupProblems.id));
  const links = await problemLinks(db, problemRows.map((r) => r.p.id));

  // year on year: the previous check-up's values (for this year's problems) and problems (judged on this year's values)
  const prev = await previousCheckup(db, c);
  let prevValueOf = new Map<string, number>();
  let previousYear: CheckupDetail['previousYear'] = null;
  if (prev) {
    const prevValues = await db
      .select({ code: checkupIndicators.code, regionId: checkupValues.regionId, value: checkupValues.value })
      .from(checkupValues)
      .innerJoin(checkupIndicators, eq(checkupIndicators.id, checkupValues.indicatorId))
      .where(eq(checkupValues.checkupId, prev.id));
    prevValueOf = new Map(prevValues.map((v) => [`${v.code}|${v.regionId}`, v.value]));
    const prevProblems = await db
      .select({ id: checkupProblems.id, code: checkupIndicators.code, name: checkupIndicators.name, measure: checkupIndicators.measure, direction: checkupIndicators.direction, standard: checkupIndicators.standard, regionId: checkupProblems.regionId, value: checkupProblems.value, status: checkupProblems.status })
      .from(checkupProblems)
      .innerJoin(checkupIndicators, eq(checkupIndicators.id, checkupProblems.indicatorId))
      .where(eq(checkupProblems.checkupId, prev.id))
      .orderBy(asc(checkupIndicators.position), asc(checkupProblems.id));
    const prevLinks = await problemLinks(db, prevProblems.map((p) => p.id));
    const nowValue = new Map(valueRows.map((v) => [`${byId.get(v.indicatorId)!.code}|${v.regionId}`, v.value]));
    const nowIndicator = new Map(indicators.map((i) => [i.code, i]));
    const counts: Record<string, number> = {};
    const movements = prevProblems
      .filter((p) => p.status !== 'met')
      .map((p) => {
        const current = nowIndicator.get(p.code);
        // judged against this year's standard when the indicator is still in the system, else last year's
        const standard = current ? current.standard : p.standard;
        const m = problemMovement(p.value, nowValue.get(`${p.code}|${p.regionId}`) ?? null, standard, (current?.direction ?? p.direction) as CheckupDirection, current?.measure ?? p.measure);
        counts[m.movement] = (counts[m.movement] ?? 0) + 1;
        return {
          problemId: p.id, code: p.code, indicatorName: p.name, regionId: p.regionId, regionName: areaName.get(p.regionId) ?? '', lastValue: p.value,
          value: nowValue.get(`${p.code}|${p.regionId}`) ?? null, movement: m.movement, text: m.text,
          tasks: (prevLinks.get(p.id) ?? []).filter((l) => l.taskId).map((l) => ({ id: l.taskId!, title: l.taskTitle ?? '', planId: l.planId! })),
        };
      });
    previousYear = { id: prev.id, year: prev.year, movements, counts };
  }

  const problems: CheckupProblem[] = problemRows.map(({ p, unitName }) => {
    const ind = byId.get(p.indicatorId)!;
    const last = prev ? prevValueOf.get(`${ind.code}|${p.regionId}`) : undefined;
    let previous: CheckupProblem['previous'] = null;
    if (prev) {
      if (last === undefined) previous = { year: prev.year, value: null, movement: 'new' as Movement, text: `${prev.year}年体检无该项数值,本年新发现` };
      else if (meetsStandard(last, ind.standard, ind.direction)) previous = { year: prev.year, value: last, movement: 'new' as Movement, text: `${prev.year}年为 ${last}${ind.measure},达标;本年新出现` };
      else {
        const m = problemMovement(last, p.value, ind.standard, ind.direction, ind.measure);
        previous = { year: prev.year, value: last, movement: m.movement, text: m.text };
      }
    }
    const ls = links.get(p.id) ?? [];
    return {
      id: p.id, checkupId: p.checkupId, indicatorId: p.indicatorId, code: ind.code, aspect: ind.aspect, indicatorName: ind.name, measure: ind.measure, direction: ind.direction,
      regionId: p.regionId, regionName: areaName.get(p.regionId) ?? '', value: p.value, standard: p.standard,
      gapText: p.status === 'met' ? `现状 ${p.value}${ind.measure},已达到标准值 ${p.standard}${ind.measure}` : gapText(p.value, p.standard, ind.direction, ind.measure),
      status: p.status as ProblemStatus, statusLabel: PROBLEM_STATUS_LABELS[p.status as ProblemStatus],
      assignedUnitId: p.assignedUnitId, assignedUnitName: unitName, note: p.note,
      tasks: ls.filter((l) => l.taskId).map((l) => ({ id: l.taskId!, title: l.taskTitle ?? '', planId: l.planId! })),
      projects: ls.filter((l) => l.projectId).map((l) => ({ id: l.projectId!, name: l.projectName ?? '' })),
      previous,
    };
  });

  // the region's own problems first, then its areas in order; within an area, the indicator system's order
  const areaOrder = new Map(areas.map((a, i) => [a.id, i]));
  problems.sort((a, b) => (areaOrder.get(a.regionId) ?? 0) - (areaOrder.get(b.regionId) ?? 0) || (byId.get(a.indicatorId)!.position - byId.get(b.indicatorId)!.position) || a.id - b.id);
  const manage = canManageCheckup(actor, c);
  const [region] = await db.select({ name: regions.name }).from(regions).where(eq(regions.id, c.regionId));
  const facts = (await cycleFacts(db, [c.id])).get(c.id)!;
  return {
    cycle: cycleOf(c, facts, today),
    id: c.id, regionId: c.regionId, regionName: region?.name ?? '', year: c.year, title: c.title, basis: c.basis,
    indicatorCount: indicators.length, problemCount: problems.filter((p) => p.status !== 'met').length, openProblemCount: problems.filter((p) => p.status === 'open').length,
    areas, indicators, values, problems, previousYear, canManage: manage,
    editableIndicatorIds: manage ? indicators.map((i) => i.id) : actor.unitId && can(actor, 'checkup.submit') ? indicators.filter((i) => i.unitId === actor.unitId).map((i) => i.id) : [],
  };
}

/** A problem the actor may see (through its check-up), with the check-up row. */
export async function getVisibleProblem(db: DbOrTx, actor: Actor, problemId: number) {
  const [p] = await db.select().from(checkupProblems).where(eq(checkupProblems.id, problemId));
  if (!p) throw new AppError('NOT_FOUND');
  const checkup = await getVisibleCheckup(db, actor, p.checkupId);
  return { problem: p, checkup };
}
