// 一图呈现 (issue #14): the city's districts coloured by how their plans stand or by what their check-up found, and
// the projects that have a point. Only what the actor may see is counted: another district's area stays grey.
// Boundaries: server/data/geo/chongqing-districts.json (names matched to regions by name). A district's towns (镇街) come
// with it, judged by the same rules from what lies in each town: the plans issued for the town, the tasks of the
// district's and towns' plans its unit takes part in (a town is a unit of its district, kind "town", of the same name;
// named on the task or as one of 各镇街: the stored membership, unit_tasks), its check-up values and problems, its projects. No town boundary ships (server/data/geo/README.md): the app lists them.
import { readFileSync } from 'node:fs';
import { and, asc, desc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.js';
import { checkupProblems, checkups, checkupValues, plans, projects, regions, tasks, unitTasks, units } from '../db/schema/index.js';
import { combine, planScope, type Actor } from '../policy.js';
import { checkupScope } from './checkups.js';
import { projectScope } from './projects.js';
import { taskStatuses } from './status.js';
import type { MapAnswer } from '../../shared/checkup.js';
import { PROJECT_PHASE_LABELS, type ProjectPhase } from '../../shared/projects.js';

const geoFile = new URL('../data/geo/chongqing-districts.json', import.meta.url);
let names: string[] | null = null;
/** the division names of the boundary file */
export function mapAreaNames(): string[] {
  if (!names) names = (JSON.parse(readFileSync(geoFile, 'utf8')) as { features: { properties: { name: string } }[] }).features.map((f) => f.properties.name);
  return names;
}

type Area = MapAnswer['areas'][number];
type Town = Area['towns'][number];
/** a district or a town: what the colouring rules write */
type Judged = { value: number | null; color: Area['color']; text: string };

async function districtRegions(db: DbOrTx) {
  const [city] = await db.select({ id: regions.id }).from(regions).where(and(eq(regions.name, '重庆市'), eq(regions.level, 'city')));
  const rows = city ? await db.select({ id: regions.id, name: regions.name }).from(regions).where(eq(regions.parentId, city.id)) : [];
  const towns = rows.length ? await db.select({ id: regions.id, parentId: regions.parentId, name: regions.name }).from(regions).where(inArray(regions.parentId, rows.map((r) => r.id))).orderBy(asc(regions.id)) : [];
  const below = new Map<number, number>(towns.map((t) => [t.id, t.parentId!]));
  return { byName: new Map(rows.map((r) => [r.name, r.id])), towns, districtOf: (regionId: number) => below.get(regionId) ?? regionId };
}

/** plan status: the share of judged tasks on track (green or blue) */
function judgePlans(target: Judged, c: Record<string, number>, planCount: number, unitTasks = 0, allTowns = 0): void {
  const total = Object.values(c).reduce((x, y) => x + y, 0);
  const judged = total - (c.grey ?? 0);
  const ok = (c.green ?? 0) + (c.blue ?? 0);
  const share = judged ? Math.round((ok / judged) * 1000) / 10 : null;
  target.value = share;
  target.color = share === null ? 'grey' : share >= 80 ? 'green' : share >= 50 ? 'yellow' : 'red';
  const part = `本镇街单位参与的任务${unitTasks}项${allTowns ? `(其中“各镇街”任务${allTowns}项)` : ''}`;
  const whose = !unitTasks ? `${planCount}个规划、${total}项任务` : planCount ? `本镇街${planCount}个规划及${part},共${total}项任务` : part;
  target.text = `${whose}:正常推进或已完成${ok}项,滞后(黄)${c.yellow ?? 0}项,严重滞后(红)${c.red ?? 0}项,未到期或未判定${c.grey ?? 0}项${share === null ? '' : `;正常推进占比 ${share}%`}`;
}

/** check-up result: the problems found (not met) in the year shown */
function judgeCheckup(target: Judged, t: { n: number; open: number; assigned: number; acted: number }, year: number): void {
  target.value = t.n;
  target.color = t.n === 0 ? 'green' : t.n <= 3 ? 'yellow' : 'red';
  target.text = t.n ? `${year}年城市体检发现${t.n}个问题:待分派${t.open}个,已分派${t.assigned}个,已转任务/项目${t.acted}个` : `${year}年城市体检:已填报数值,未发现问题`;
}

export async function mapAnswer(db: DbOrTx, actor: Actor, mode: 'plans' | 'checkup', year: number | undefined, today: string): Promise<MapAnswer> {
  const { byName, towns: townRows, districtOf } = await districtRegions(db);
  const areas = new Map<string, Area>(
    mapAreaNames().map((name) => [name, { regionId: byName.get(name) ?? null, name, value: null, color: 'grey', text: byName.has(name) ? '无数据' : '未接入本系统', plans: [], checkupId: null, checkupYear: null, projectCount: 0, towns: [] }]),
  );
  const areaById = new Map([...areas.values()].filter((a) => a.regionId !== null).map((a) => [a.regionId!, a]));
  const towns = new Map<number, Town>();
  for (const t of townRows) {
    const a = areaById.get(t.parentId!);
    if (!a) continue;
    const town: Town = { regionId: t.id, name: t.name, value: null, color: 'grey', text: '无数据', projectCount: 0 };
    a.towns.push(town);
    towns.set(t.id, town);
  }
  const townPlans = new Map<Town, number>();
  const areaOf = (regionId: number | null) => {
    if (regionId === null) return undefined;
    const d = districtOf(regionId);
    for (const a of areas.values()) if (a.regionId === d) return a;
    return undefined;
  };

  // the plans the actor sees, of each district (and of its towns)
  const planRows = await db.select({ id: plans.id, title: plans.title, regionId: plans.regionId }).from(plans).where(combine(planScope(actor), eq(plans.status, 'active'))).orderBy(asc(plans.id));
  for (const p of planRows) {
    areaOf(p.regionId)?.plans.push({ id: p.id, title: p.title });
    const town = p.regionId === null ? undefined : towns.get(p.regionId);
    if (town) townPlans.set(town, (townPlans.get(town) ?? 0) + 1);
  }

  // the district's latest check-up the actor may read, whatever the colouring (checkup mode: the year shown)
  const scope = checkupScope(actor);
  const ups = await db.select({ id: checkups.id, regionId: checkups.regionId, year: checkups.year }).from(checkups).where(scope).orderBy(desc(checkups.year), asc(checkups.id));
  const checkupYear = mode === 'checkup' ? (year ?? ups[0]?.year ?? null) : null;
  for (const c of ups) {
    const a = areaOf(c.regionId);
    if (a && a.regionId === c.regionId && a.checkupId === null && (checkupYear === null || c.year === checkupYear)) {
      a.checkupId = c.id;
      a.checkupYear = c.year;
    }
  }

  // the projects of each district (and its towns) the actor may see, with a point or not
  const counts = await db.select({ regionId: projects.regionId, n: sql<number>`count(*)::int` }).from(projects).where(and(isNotNull(projects.regionId), projectScope(actor))).groupBy(projects.regionId);
  for (const c of counts) {
    const a = areaOf(c.regionId);
    if (a) a.projectCount += Number(c.n);
    const town = c.regionId === null ? undefined : towns.get(c.regionId);
    if (town) town.projectCount += Number(c.n);
  }

  let legend: string;
  let shownYear: number | null = null;
  if (mode === 'plans') {
    legend = '按规划任务状态着色:正常推进(绿色或蓝色)任务占已判定任务的比例 ≥ 80% 为绿,50%–80% 为黄,低于 50% 为红;无任务或尚无已判定的任务为灰';
    const ids = planRows.filter((p) => areaOf(p.regionId)).map((p) => p.id);
    const taskRows = ids.length
      ? await db.select({ id: tasks.id, planId: tasks.planId, parentTaskId: tasks.parentTaskId, startDate: tasks.startDate, deadline: tasks.deadline, progress: tasks.progress, reportedStatus: tasks.reportedStatus, createdAt: tasks.createdAt }).from(tasks).where(inArray(tasks.planId, ids))
      : [];
    const status = await taskStatuses(db, taskRows, today);
    const planRegion = new Map(planRows.map((p) => [p.id, p.regionId]));
    // a town's tasks: those of the plans issued for it, and those of the plans shown its unit takes part in (named, or
    // as one of 各镇街)
    const townUnits = ids.length && towns.size
      ? await db.select({ taskId: unitTasks.taskId, named: sql<boolean>`bool_or(${unitTasks.named})`, name: units.name, regionId: units.regionId }).from(unitTasks).innerJoin(units, eq(units.id, unitTasks.unitId)).where(and(eq(units.kind, 'town'), inArray(unitTasks.planId, ids))).groupBy(unitTasks.taskId, units.name, units.regionId)
      : [];
    const townByUnit = new Map([...towns.entries()].map(([id, town]) => [`${districtOf(id)}|${town.name}`, town]));
    const unitTasksOf = new Map<number, { town: Town; named: boolean }[]>();
    for (const u of townUnits) {
      const town = townByUnit.get(`${u.regionId}|${u.name}`);
      if (town) unitTasksOf.set(u.taskId, [...(unitTasksOf.get(u.taskId) ?? []), { town, named: !!u.named }]);
    }
    const tally = new Map<Area, Record<string, number>>();
    const townTally = new Map<Town, Record<string, number>>();
    const townUnitCount = new Map<Town, number>();
    const townAllCount = new Map<Town, number>();
    const add = <K>(m: Map<K, Record<string, number>>, k: K, color: string) => {
      const c = m.get(k) ?? {};
      c[color] = (c[color] ?? 0) + 1;
      m.set(k, c);
    };
    for (const t of taskRows) {
      const regionId = planRegion.get(t.planId) ?? null;
      const a = areaOf(regionId);
      const s = status.get(t.id);
      if (!a || !s) continue;
      add(tally, a, s.color);
      const own = regionId === null ? undefined : towns.get(regionId);
      if (own) add(townTally, own, s.color);
      for (const { town, named } of unitTasksOf.get(t.id) ?? []) {
        if (town === own) continue;
        add(townTally, town, s.color);
        townUnitCount.set(town, (townUnitCount.get(town) ?? 0) + 1);
        if (!named) townAllCount.set(town, (townAllCount.get(town) ?? 0) + 1);
      }
    }
    for (const [a, c] of tally) judgePlans(a, c, a.plans.length);
    for (const [town, c] of townTally) judgePlans(town, c, townPlans.get(town) ?? 0, townUnitCount.get(town) ?? 0, townAllCount.get(town) ?? 0);
  } else {
    shownYear = checkupYear;
    legend = `按${shownYear ?? ''}年城市体检结果着色:有数值且未发现问题为绿,问题 1–3 个为黄,4 个及以上为红;无体检数据为灰`;
    if (shownYear !== null) {
      const list = ups.filter((c) => c.year === shownYear);
      const ids = list.map((c) => c.id);
      if (ids.length) {
        const valued = await db.selectDistinct({ regionId: checkupValues.regionId }).from(checkupValues).where(inArray(checkupValues.checkupId, ids));
        const probs = await db.select({ regionId: checkupProblems.regionId, status: checkupProblems.status, checkupId: checkupProblems.checkupId }).from(checkupProblems).where(inArray(checkupProblems.checkupId, ids));
        type Tally = { n: number; open: number; assigned: number; acted: number };
        const tally = new Map<Area | Town, Tally>();
        const ofRegion = (regionId: number) => [areaOf(regionId), towns.get(regionId)].filter((x): x is Area | Town => !!x);
        for (const v of valued) for (const k of ofRegion(v.regionId)) if (!tally.has(k)) tally.set(k, { n: 0, open: 0, assigned: 0, acted: 0 });
        for (const p of probs) {
          if (p.status === 'met') continue;
          for (const k of ofRegion(p.regionId)) {
            const t = tally.get(k) ?? { n: 0, open: 0, assigned: 0, acted: 0 };
            t.n++;
            t[p.status as 'open' | 'assigned' | 'acted']++;
            tally.set(k, t);
          }
          const a = areaOf(p.regionId);
          if (a && a.checkupId === null) {
            a.checkupId = p.checkupId;
            a.checkupYear = shownYear;
          }
        }
        for (const [k, t] of tally) judgeCheckup(k, t, shownYear);
      }
    }
  }

  // projects with a point that the actor may see (the library's scope): a click opens the project
  const pointRows = await db
    .select({ id: projects.id, name: projects.name, lng: projects.lng, lat: projects.lat, regionId: projects.regionId, phase: projects.phase, location: projects.location })
    .from(projects)
    .where(and(isNotNull(projects.lng), isNotNull(projects.lat), projectScope(actor)))
    .orderBy(asc(projects.id))
    .limit(2000);
  const regionName = new Map([...areas.values()].filter((a) => a.regionId !== null).map((a) => [a.regionId!, a.name]));
  const points = pointRows.map((p) => ({ id: p.id, name: p.name, lng: p.lng!, lat: p.lat!, regionName: p.regionId ? regionName.get(districtOf(p.regionId)) ?? null : null, text: [p.location, PROJECT_PHASE_LABELS[p.phase as ProjectPhase]].filter(Boolean).join(' · ') }));

  return { mode, year: shownYear, legend, areas: [...areas.values()], points };
}
