// 一图呈现 (issue #14): the city's districts coloured by how their plans stand or by what their check-up found, and
// the projects that have a point. Only what the actor may see is counted: another district's area stays grey.
// Boundaries: server/data/geo/chongqing-districts.json (names matched to regions by name).
import { readFileSync } from 'node:fs';
import { and, asc, desc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.js';
import { checkupProblems, checkups, checkupValues, plans, projects, regions, tasks } from '../db/schema/index.js';
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

async function districtRegions(db: DbOrTx) {
  const [city] = await db.select({ id: regions.id }).from(regions).where(and(eq(regions.name, '重庆市'), eq(regions.level, 'city')));
  const rows = city ? await db.select({ id: regions.id, name: regions.name }).from(regions).where(eq(regions.parentId, city.id)) : [];
  const towns = rows.length ? await db.select({ id: regions.id, parentId: regions.parentId }).from(regions).where(inArray(regions.parentId, rows.map((r) => r.id))) : [];
  const below = new Map<number, number>(towns.map((t) => [t.id, t.parentId!]));
  return { byName: new Map(rows.map((r) => [r.name, r.id])), districtOf: (regionId: number) => below.get(regionId) ?? regionId };
}

export async function mapAnswer(db: DbOrTx, actor: Actor, mode: 'plans' | 'checkup', year: number | undefined, today: string): Promise<MapAnswer> {
  const { byName, districtOf } = await districtRegions(db);
  const areas = new Map<string, Area>(
    mapAreaNames().map((name) => [name, { regionId: byName.get(name) ?? null, name, value: null, color: 'grey', text: byName.has(name) ? '无数据' : '未接入本系统', plans: [], checkupId: null, checkupYear: null, projectCount: 0 }]),
  );
  const areaOf = (regionId: number | null) => {
    if (regionId === null) return undefined;
    const d = districtOf(regionId);
    for (const a of areas.values()) if (a.regionId === d) return a;
    return undefined;
  };

  // the plans the actor sees, of each district (and of its towns)
  const planRows = await db.select({ id: plans.id, title: plans.title, regionId: plans.regionId }).from(plans).where(combine(planScope(actor), eq(plans.status, 'active'))).orderBy(asc(plans.id));
  for (const p of planRows) areaOf(p.regionId)?.plans.push({ id: p.id, title: p.title });

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
    const tally = new Map<Area, Record<string, number>>();
    for (const t of taskRows) {
      const a = areaOf(planRegion.get(t.planId) ?? null);
      const s = status.get(t.id);
      if (!a || !s) continue;
      const c = tally.get(a) ?? {};
      c[s.color] = (c[s.color] ?? 0) + 1;
      tally.set(a, c);
    }
    for (const [a, c] of tally) {
      const total = Object.values(c).reduce((x, y) => x + y, 0);
      const judged = total - (c.grey ?? 0);
      const ok = (c.green ?? 0) + (c.blue ?? 0);
      const share = judged ? Math.round((ok / judged) * 1000) / 10 : null;
      a.value = share;
      a.color = share === null ? 'grey' : share >= 80 ? 'green' : share >= 50 ? 'yellow' : 'red';
      a.text = `${a.plans.length}个规划、${total}项任务:正常推进或已完成${ok}项,滞后(黄)${c.yellow ?? 0}项,严重滞后(红)${c.red ?? 0}项,未到期或未判定${c.grey ?? 0}项${share === null ? '' : `;正常推进占比 ${share}%`}`;
    }
  } else {
    shownYear = checkupYear;
    legend = `按${shownYear ?? ''}年城市体检结果着色:有数值且未发现问题为绿,问题 1–3 个为黄,4 个及以上为红;无体检数据为灰`;
    if (shownYear !== null) {
      const list = ups.filter((c) => c.year === shownYear);
      const ids = list.map((c) => c.id);
      if (ids.length) {
        const valued = await db.selectDistinct({ regionId: checkupValues.regionId }).from(checkupValues).where(inArray(checkupValues.checkupId, ids));
        const probs = await db.select({ regionId: checkupProblems.regionId, status: checkupProblems.status, checkupId: checkupProblems.checkupId }).from(checkupProblems).where(inArray(checkupProblems.checkupId, ids));
        const tally = new Map<Area, { n: number; open: number; assigned: number; acted: number }>();
        for (const v of valued) {
          const a = areaOf(v.regionId);
          if (a && !tally.has(a)) tally.set(a, { n: 0, open: 0, assigned: 0, acted: 0 });
        }
        for (const p of probs) {
          const a = areaOf(p.regionId);
          if (!a || p.status === 'met') continue;
          const t = tally.get(a) ?? { n: 0, open: 0, assigned: 0, acted: 0 };
          t.n++;
          t[p.status as 'open' | 'assigned' | 'acted']++;
          tally.set(a, t);
          if (a.checkupId === null) {
            a.checkupId = p.checkupId;
            a.checkupYear = shownYear;
          }
        }
        for (const [a, t] of tally) {
          a.value = t.n;
          a.color = t.n === 0 ? 'green' : t.n <= 3 ? 'yellow' : 'red';
          a.text = t.n ? `${shownYear}年城市体检发现${t.n}个问题:待分派${t.open}个,已分派${t.assigned}个,已转任务/项目${t.acted}个` : `${shownYear}年城市体检:已填报数值,未发现问题`;
        }
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
