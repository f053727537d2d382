// Demo (issue #14): 004's 专栏 projects enter 永川区's project library with what the plan's text gives (owners,
// sums, places, years: operations/enterPlanProjects.ts), the office rolls this year's lists and moves some phases
// (spread deterministically over the projects), and a few projects under construction get three months of
// synthetic investment reports from their owner unit. Every step goes through the office's or unit's own operation.
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { projects, units, users } from '../db/schema/index.js';
import { actorForUser } from '../auth/sessions.js';
import { setClock } from '../clock.js';
import { addMonths, todayInShanghai } from '../domain/dates.js';
import { enterPlanProjects } from '../operations/enterPlanProjects.js';
import { rollProjects } from '../operations/rollProjects.js';
import { moveProjectPhase } from '../operations/moveProjectPhase.js';
import { updateProject } from '../operations/updateProject.js';
import { submitProjectReport } from '../operations/submitProjectReport.js';
import type { ProjectList } from '../../shared/projects.js';

export async function demoProjects(db: Db, planId: number | undefined, log: (s: string) => void) {
  if (!planId) return;
  const t0 = Date.now();
  const actorOf = async (username: string) => {
    const [u] = await db.select().from(users).where(eq(users.username, username));
    return u ? actorForUser(db, u, null) : null;
  };
  const office = await actorOf('yc_office');
  if (!office) return;
  const entered = await enterPlanProjects({ db, actor: office }, planId);
  const rows = await db.select().from(projects).where(eq(projects.planId, planId)).orderBy(asc(projects.position), asc(projects.id));
  const owned = rows.filter((p) => p.ownerUnitId !== null).length;
  log(`  项目库:004 的 ${rows.length} 个专栏项目入库,${entered.changed} 个按原文补充了业主单位、投资、镇街或完成年份(${owned} 个有业主单位)`);

  // this year's lists: every third project into the annual plan, every third into the rolling list, the rest stay in reserve
  const today = todayInShanghai(new Date());
  const year = Number(today.slice(0, 4));
  const listOf = (i: number): ProjectList => (['annual', 'rolling', 'reserve'] as const)[i % 3];
  const moves = rows.map((p, i) => ({ projectId: p.id, list: listOf(i) })).filter((m) => m.list !== 'reserve');
  const t1 = Date.now();
  await rollProjects({ db, actor: office }, { year, moves });
  const t2 = Date.now();
  // phases: half of the annual ones are under construction, a few of those finished; some reserve ones in 前期; two stopped
  const annual = rows.filter((_, i) => listOf(i) === 'annual');
  // units with a demo reporter (区水利局, 区交通局 …): their first annual projects are among those under construction
  const reporters = await db.select({ id: users.id, unitId: users.unitId }).from(users).where(and(sql`${users.unitId} is not null`, sql`${users.roles} @> '["unit_reporter"]'::jsonb`));
  const byUnit = new Map(reporters.map((r) => [r.unitId!, r.id]));
  // at most three projects per unit, six in all
  const perUnit = new Map<number, number>();
  const reported = annual.filter((p) => p.ownerUnitId !== null && byUnit.has(p.ownerUnitId) && (perUnit.set(p.ownerUnitId, (perUnit.get(p.ownerUnitId) ?? 0) + 1).get(p.ownerUnitId)! <= 3)).slice(0, 6);
  const building = [...reported, ...annual.filter((p, i) => i % 4 === 0 && !reported.includes(p))];
  for (const p of building) await moveProjectPhase({ db, actor: office }, p.id, { phase: 'construction' });
  for (const p of building.slice(-3)) await moveProjectPhase({ db, actor: office }, p.id, { phase: 'completed' });
  const reserve = rows.filter((_, i) => listOf(i) !== 'annual');
  for (const p of reserve.filter((_, i) => i % 16 === 0)) await moveProjectPhase({ db, actor: office }, p.id, { phase: 'preparation' });
  for (const p of reserve.filter((_, i) => i % 4 === 1).slice(0, 2)) await moveProjectPhase({ db, actor: office }, p.id, { phase: 'terminated', reason: '与其他专栏项目合并实施' });

  const t3 = Date.now();
  // synthetic monthly reports: those projects under construction whose owner unit has a demo reporter, three months back
  const chosen = reported.length ? await db.select().from(projects).where(sql`${projects.id} in (${sql.join(reported.map((p) => sql`${p.id}`), sql`, `)})`).orderBy(asc(projects.id)) : [];
  const [y, m] = [year, Number(today.slice(5, 7))];
  let sent = 0;
  for (const [k, p] of chosen.entries()) {
    // the office fills in what the plan's text does not give: total investment and dates (synthetic, for the demo)
    const total = 2000 * (k + 2);
    const start = addMonths(y, m, -8 - k);
    const finish = addMonths(y, m, 16);
    const row = await updateProject({ db, actor: office }, p.id, {
      version: p.version, totalInvestment: total, startDate: `${start.year}-${String(start.month).padStart(2, '0')}-01`, finishDate: `${finish.year}-${String(finish.month).padStart(2, '0')}-28`,
    });
    const [u] = await db.select().from(users).where(eq(users.id, byUnit.get(p.ownerUnitId!)!));
    const reporter = await actorForUser(db, u, null);
    let cumulative = Math.round(total * (0.12 + 0.05 * k));
    for (let back = 3; back >= 1; back--) {
      const at = addMonths(y, m, -back);
      const period = `${at.year}-${String(at.month).padStart(2, '0')}`;
      const month = Math.round(total * (k === 4 ? 0.005 : 0.03 + 0.01 * (k % 3)));
      cumulative += month;
      setClock(() => new Date(`${period}-20T02:00:00Z`));
      try {
        await submitProjectReport({ db, actor: reporter }, row.id, { period, monthInvestment: month, cumulativeInvestment: cumulative, progressText: progressWords(k, back) });
        sent++;
      } finally {
        setClock(null);
      }
    }
  }
  const names = chosen.length ? (await db.select({ name: units.name }).from(units).where(sql`${units.id} in (${sql.join([...new Set(chosen.map((p) => p.ownerUnitId!))].map((i) => sql`${i}`), sql`, `)})`)).map((u) => u.name) : [];
  log(`  项目库:${year}年 ${moves.length} 个项目滚动入年度计划或三年滚动,${building.length} 个在建(其中 3 个竣工),${chosen.length} 个在建项目有 ${sent} 条合成的月度投资报送(${names.join('、')})(${Date.now() - t0} ms: 入库 ${t1 - t0}、滚动 ${t2 - t1}、阶段 ${t3 - t2}、报送 ${Date.now() - t3})`);
}

function progressWords(k: number, back: number): string {
  const steps = [['完成施工图设计审查', '场地平整完成60%', '桩基施工完成30%'], ['完成招标,施工单位进场', '主体结构施工至3层', '主体结构封顶'], ['管网开挖2公里', '管网铺设完成5公里', '完成管网铺设8公里,开始路面恢复']];
  return steps[k % 3][3 - back];
}
