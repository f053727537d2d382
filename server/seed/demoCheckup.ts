// Demo (issue #14): 永川区's 城市体检 for 2024 and 2025, each step through the office's and units' own operations
// (audited). 2024 starts from the national indicator set; the office sets its local standards and the units that
// provide the values; 区住房城乡建委's reporter enters its indicators, the office the rest; the problems found are
// assigned, turned into tasks of 永川's 城市更新 plan (000) and into library projects. 2025 keeps the edited system,
// and its values show last year's problems moving: solved, better, unchanged, worse, and one new problem.
// The figures are synthetic (made for the demo), not 永川区's published statistics.
import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { checkupIndicators, regions, units, users } from '../db/schema/index.js';
import { actorForUser } from '../auth/sessions.js';
import { createCheckup } from '../operations/createCheckup.js';
import { saveCheckupIndicator } from '../operations/saveCheckupIndicator.js';
import { saveCheckupValues } from '../operations/saveCheckupValues.js';
import { assignProblem } from '../operations/assignProblem.js';
import { turnProblemIntoTask } from '../operations/turnProblemIntoTask.js';
import { turnProblemIntoProject } from '../operations/turnProblemIntoProject.js';
import { completeCheckupStage } from '../operations/completeCheckupStage.js';
import { checkupDetail } from '../queries/checkups.js';
import type { Actor } from '../policy.js';

/** code → [local standard (null: keep the national one), providing unit] */
const SYSTEM: Record<string, [number | null, string]> = {
  A09: [90, '区城市管理局'], // 公园绿地服务半径覆盖率 %
  A11: [null, '区住房城乡建委'], // 城市生活污水集中收集率 % (national: ≥ 70)
  B01: [60, '区住房城乡建委'], // 完整居住社区覆盖率 %
  B03: [100, '区民政局'], // 社区老年服务站覆盖率 %
  B04: [85, '区教委'], // 普惠性幼儿园覆盖率 %
  B06: [2.6, '区体育局'], // 人均社区体育场地面积 平方米
  C01: [0, '区城市管理局'], // 城市内涝积水点密度 个/平方公里
  D02: [8, '区交通局'], // 城市道路网密度 公里/平方公里
  F04: [80, '区住房城乡建委'], // 实施专业化物业管理的住宅小区占比 %
};
/** year → code → area → value (synthetic) */
const VALUES: Record<number, Record<string, Record<string, number>>> = {
  2024: {
    A09: { 永川区: 92.5, 中山路街道: 96, 胜利路街道: 94, 青峰镇: 71 },
    A11: { 永川区: 64.8, 中山路街道: 82, 胜利路街道: 79, 青峰镇: 48 },
    B01: { 永川区: 42, 中山路街道: 58, 胜利路街道: 51, 青峰镇: 20 },
    B03: { 永川区: 78, 中山路街道: 100, 胜利路街道: 92, 青峰镇: 60 },
    B04: { 永川区: 86, 中山路街道: 90, 胜利路街道: 88, 青峰镇: 79 },
    B06: { 永川区: 2.1, 中山路街道: 1.6, 胜利路街道: 2.3, 青峰镇: 2.8 },
    C01: { 永川区: 0 },
    D02: { 永川区: 6.2, 中山路街道: 9.1, 胜利路街道: 8.4 },
    F04: { 永川区: 71, 中山路街道: 88, 胜利路街道: 83, 青峰镇: 35 },
  },
  2025: {
    A09: { 永川区: 93.1, 中山路街道: 96, 胜利路街道: 95, 青峰镇: 74 },
    A11: { 永川区: 71.2, 中山路街道: 84, 胜利路街道: 81, 青峰镇: 55 },
    B01: { 永川区: 51, 中山路街道: 63, 胜利路街道: 57, 青峰镇: 28 },
    B03: { 永川区: 78, 中山路街道: 100, 胜利路街道: 95, 青峰镇: 60 },
    B04: { 永川区: 83, 中山路街道: 89, 胜利路街道: 86, 青峰镇: 76 },
    B06: { 永川区: 2.4, 中山路街道: 1.9, 胜利路街道: 2.5, 青峰镇: 2.9 },
    C01: { 永川区: 0.3 },
    D02: { 永川区: 6.5, 中山路街道: 9.2, 胜利路街道: 8.6 },
    F04: { 永川区: 75, 中山路街道: 90, 胜利路街道: 85, 青峰镇: 41 },
  },
};

export async function demoCheckup(db: Db, planId: number | undefined, log: (s: string) => void) {
  const t0 = Date.now();
  const actorOf = async (username: string): Promise<Actor | null> => {
    const [u] = await db.select().from(users).where(eq(users.username, username));
    return u ? actorForUser(db, u, null) : null;
  };
  const office = await actorOf('yc_office');
  const jw = await actorOf('yc_jw');
  if (!office) return;
  const [yc] = await db.select().from(regions).where(and(eq(regions.name, '永川区'), eq(regions.level, 'district')));
  const areaRows = await db.select({ id: regions.id, name: regions.name }).from(regions).where(eq(regions.parentId, yc.id));
  const areaId = new Map([[yc.name, yc.id], ...areaRows.map((a) => [a.name, a.id] as [string, number])]);
  const unitId = async (name: string) => (await db.select({ id: units.id }).from(units).where(and(eq(units.name, name), eq(units.regionId, yc.id))))[0]?.id ?? null;

  let problems = 0;
  for (const year of [2024, 2025]) {
    const c = await createCheckup({ db, actor: office }, { regionId: yc.id, year });
    const indicators = await db.select().from(checkupIndicators).where(eq(checkupIndicators.checkupId, c.id));
    const idOf = new Map(indicators.map((i) => [i.code, i]));
    if (year === 2024) {
      // the city's own system: local standards and the units that provide the values (kept by 2025)
      for (const [code, [standard, unit]] of Object.entries(SYSTEM)) {
        const ind = idOf.get(code)!;
        await saveCheckupIndicator({ db, actor: office }, c.id, { op: 'update', indicatorId: ind.id, indicator: { unitId: await unitId(unit), ...(standard !== null ? { standard } : {}) } });
      }
    }
    const cells = (pick: (unit: string) => boolean) =>
      Object.entries(VALUES[year]).filter(([code]) => pick(SYSTEM[code][1])).flatMap(([code, byArea]) => Object.entries(byArea).map(([area, value]) => ({ indicatorId: idOf.get(code)!.id, regionId: areaId.get(area)!, value })));
    // 区住房城乡建委 enters its own indicators (as a unit reports); the office enters the others
    if (jw) await saveCheckupValues({ db, actor: jw }, c.id, { values: cells((u) => u === '区住房城乡建委') });
    await saveCheckupValues({ db, actor: office }, c.id, { values: cells((u) => u !== '区住房城乡建委' || !jw) });
    // the values are in: the office closes the year's first stage (体检日程), as it would on the page
    await completeCheckupStage({ db, actor: office }, c.id, 'collect');
    const d = await checkupDetail(db, office, c.id);
    problems += d.problems.length;
    const find = (code: string, area = '永川区') => d.problems.find((p) => p.code === code && p.regionName === area);
    if (year === 2024) {
      const b01 = find('B01');
      if (b01 && planId) await turnProblemIntoTask({ db, actor: office }, b01.id, { planId, unitId: (await unitId('区住房城乡建委'))!, deadline: '2025-12' });
      const a11 = find('A11');
      if (a11) await turnProblemIntoProject({ db, actor: office }, a11.id, { create: { name: '永川区城区污水管网补短板工程', ownerUnitId: (await unitId('区住房城乡建委'))!, category: '城市更新', location: '永川区中心城区', totalInvestment: 18600, lng: 105.927, lat: 29.356 } });
      const b03 = find('B03');
      if (b03) {
        await assignProblem({ db, actor: office }, b03.id, { unitId: (await unitId('区民政局'))!, note: '2025年底前实现社区老年服务站全覆盖' });
        if (planId) await turnProblemIntoTask({ db, actor: office }, b03.id, { planId, deadline: '2025-12' });
      }
      const d02 = find('D02');
      if (d02) await assignProblem({ db, actor: office }, d02.id, { unitId: (await unitId('区交通局'))!, note: '结合城市更新打通断头路、加密支路网' });
      const f04 = find('F04', '青峰镇');
      if (f04) await assignProblem({ db, actor: office }, f04.id, { unitId: (await unitId('青峰镇')) ?? (await unitId('区住房城乡建委'))!, note: '推动老旧小区引入专业化物业服务' });
    } else {
      const b04 = find('B04');
      if (b04) await assignProblem({ db, actor: office }, b04.id, { unitId: (await unitId('区教委'))!, note: '新增普惠性学位,2026年恢复至85%以上' });
      const c01 = find('C01');
      if (c01) await turnProblemIntoProject({ db, actor: office }, c01.id, { create: { name: '永川区城区易涝点整治工程', ownerUnitId: (await unitId('区城市管理局'))!, category: '城市更新', location: '永川区胜利路街道', totalInvestment: 5200, lng: 105.905, lat: 29.35 } });
    }
  }
  log(`城市体检:永川区2024、2025年,共发现 ${problems} 个问题,已分派并转为任务/项目(${Date.now() - t0} ms)`);
}
