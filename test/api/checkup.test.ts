// 城市体检 (issue #14): the loop the seeds describe — the national indicator set, values entered by the unit that
// provides them (and imported from Excel, with row errors before anything is saved), problems judged where a value
// misses its standard, assigned, turned into a task or a library project, and next year's check-up saying in words
// whether each problem moved. Plus who may do what, and the map's colours.
import { beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { checkupValues, projects, regions, taskUnits, tasks, units } from '../../server/db/schema/index.js';
import { problemMovement } from '../../server/domain/checkup.js';
import { useTestApp, type Client } from '../helpers/app.js';
import { auditChecks } from '../helpers/audit.js';
import { makeClient, makePlan, makeUnit, regionId } from '../helpers/factories.js';
import { expandingDocx } from '../helpers/hostileFiles.js';

const t = useTestApp();
const { audited } = auditChecks(() => t.handle.db);

let yc: number;
let tl: number;
let town: { id: number; name: string };
let unitA: number;
let unitB: number;
let office: Client;
let tlOffice: Client;
let cityOffice: Client;
let leader: Client;
let reporterA: Client;
let reporterB: Client;
let planId: number;
let c2025: number;
let c2026: number;
const ind: Record<string, number> = {};

interface Detail {
  id: number; year: number; indicatorCount: number; basis: string; canManage: boolean; editableIndicatorIds: number[];
  areas: { id: number; name: string }[];
  indicators: { id: number; code: string; name: string; standard: number | null; direction: string; unitId: number | null }[];
  values: { indicatorId: number; regionId: number; value: number; meets: boolean | null; source: string }[];
  problems: { id: number; code: string; regionId: number; value: number; status: string; gapText: string; assignedUnitId: number | null; tasks: { id: number }[]; projects: { id: number }[]; previous: { movement: string; text: string } | null }[];
  previousYear: { year: number; counts: Record<string, number>; movements: { code: string; movement: string; text: string }[] } | null;
}
const detail = async (c: Client, id: number) => {
  const res = await c.get(`/api/checkups/${id}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Detail;
};
const problemOf = (d: Detail, code: string, regionId = yc) => d.problems.find((p) => p.code === code && p.regionId === regionId);

async function xlsx(rows: (string | number | null)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('体检数据');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

beforeAll(async () => {
  const db = t.handle.db;
  yc = await regionId(db, '永川区');
  tl = await regionId(db, '铜梁区');
  [town] = await db.select({ id: regions.id, name: regions.name }).from(regions).where(eq(regions.parentId, yc)).limit(1);
  unitA = (await makeUnit(db, '永川区')).id;
  unitB = (await makeUnit(db, '永川区')).id;
  planId = (await makePlan(db, { region: '永川区', title: '永川区城市更新行动计划', periodStart: 2025, periodEnd: 2027 })).plan.id;
  office = (await makeClient(t.app, db, ['office'], { region: '永川区' })).client;
  tlOffice = (await makeClient(t.app, db, ['office'], { region: '铜梁区' })).client;
  cityOffice = (await makeClient(t.app, db, ['office'], { region: '重庆市' })).client;
  leader = (await makeClient(t.app, db, ['leader'], { region: '永川区' })).client;
  reporterA = (await makeClient(t.app, db, ['unit_reporter'], { region: '永川区', unitId: unitA })).client;
  reporterB = (await makeClient(t.app, db, ['unit_reporter'], { region: '永川区', unitId: unitB })).client;
});

describe('a check-up year', () => {
  it('starts from the national indicator set, once per region and year, in the office’s own region only', async () => {
    const res = await audited(['checkup.create'], () => office.post('/api/checkups', { regionId: yc, year: 2025 }));
    expect(res.statusCode, res.body).toBe(200);
    const d = res.json() as Detail;
    c2025 = d.id;
    expect(d.basis).toContain('城市体检指标体系');
    expect(d.indicatorCount).toBeGreaterThan(50);
    expect(d.areas[0]).toMatchObject({ id: yc, name: '永川区' });
    expect(d.areas.map((a) => a.id)).toContain(town.id);
    for (const i of d.indicators) ind[i.code] = i.id;
    // the standards the national text states
    expect(d.indicators.find((i) => i.name === '新建建筑中绿色建筑占比')).toMatchObject({ standard: 100, direction: 'higher' });
    expect(d.indicators.find((i) => i.name === '城市生活污水集中收集率')).toMatchObject({ standard: 70 });
    expect(d.indicators.find((i) => i.name === '新建住宅建筑高度超过80米的数量')).toMatchObject({ standard: 0, direction: 'lower' });

    const again = await office.post('/api/checkups', { regionId: yc, year: 2025 });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('CHECKUP_EXISTS');
    const other = await tlOffice.post('/api/checkups', { regionId: yc, year: 2024 });
    expect(other.statusCode).toBe(403);
    expect((await reporterA.post('/api/checkups', { regionId: yc, year: 2024 })).statusCode).toBe(403);
  });

  it('the office edits the system: a standard of its own and the unit that provides the values', async () => {
    const body = { op: 'update', indicatorId: ind.B06, indicator: { standard: 2, unitId: unitA } };
    const res = await audited(['checkup.indicator_update'], () => office.post(`/api/checkups/${c2025}/indicators`, body));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ standard: 2, unitId: unitA });
    // another district's unit cannot provide 永川区's values
    const foreign = (await makeUnit(t.handle.db, '铜梁区')).id;
    expect((await office.post(`/api/checkups/${c2025}/indicators`, { op: 'update', indicatorId: ind.B06, indicator: { unitId: foreign } })).statusCode).toBe(403);
    const dup = await office.post(`/api/checkups/${c2025}/indicators`, { op: 'create', indicator: { code: 'B06', aspect: '特色', name: '重复编号', direction: 'higher' } });
    expect(dup.json().error.code).toBe('CHECKUP_INDICATOR_CODE_TAKEN');
    const own = await office.post(`/api/checkups/${c2025}/indicators`, { op: 'create', indicator: { code: 'Y01', aspect: '特色指标', name: '城市山地步道长度', measure: '公里', direction: 'higher', standard: 50, kind: '特色指标' } });
    expect(own.statusCode, own.body).toBe(200);
    ind.Y01 = own.json().id;
    expect((await reporterA.post(`/api/checkups/${c2025}/indicators`, body)).statusCode).toBe(403);
  });

  it('the providing unit enters its values; a value that misses the standard opens a problem', async () => {
    // before it provides an indicator, unit B takes no part: the check-up is hidden from it
    expect((await reporterB.get(`/api/checkups/${c2025}`)).statusCode).toBe(404);
    const d0 = await detail(reporterA, c2025);
    expect(d0.editableIndicatorIds).toEqual([ind.B06]);
    const res = await audited(['checkup.values', 'checkup_problem.found'], () =>
      reporterA.post(`/api/checkups/${c2025}/values`, { values: [{ indicatorId: ind.B06, regionId: yc, value: 1.5 }, { indicatorId: ind.B06, regionId: town.id, value: 2.4 }] }),
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().opened).toHaveLength(1);
    const d = await detail(office, c2025);
    expect(d.values.find((v) => v.indicatorId === ind.B06 && v.regionId === town.id)).toMatchObject({ value: 2.4, meets: true });
    const p = problemOf(d, 'B06')!;
    expect(p).toMatchObject({ value: 1.5, status: 'open' });
    expect(p.gapText).toBe('现状 1.5平方米,低于标准值 2平方米,差 0.5平方米');
    expect(problemOf(d, 'B06', town.id)).toBeUndefined();
  });

  it('refuses values a unit does not provide, areas outside the check-up and values that are no number, and stores nothing', async () => {
    const before = await t.handle.db.select().from(checkupValues).where(eq(checkupValues.checkupId, c2025));
    const notMine = await reporterA.post(`/api/checkups/${c2025}/values`, { values: [{ indicatorId: ind.A07, regionId: yc, value: 90 }] });
    expect(notMine.statusCode).toBe(403);
    expect(notMine.json().error.code).toBe('CHECKUP_INDICATOR_NOT_OWNED');
    const outside = await office.post(`/api/checkups/${c2025}/values`, { values: [{ indicatorId: ind.B06, regionId: tl, value: 3 }] });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().error.code).toBe('CHECKUP_AREA_INVALID');
    const text = await reporterA.post(`/api/checkups/${c2025}/values`, { values: [{ indicatorId: ind.B06, regionId: yc, value: '见附件' }] });
    expect(text.statusCode).toBe(400);
    expect(text.json().error.code).toBe('VALIDATION_FAILED');
    expect((await tlOffice.post(`/api/checkups/${c2025}/values`, { values: [{ indicatorId: ind.B06, regionId: yc, value: 3 }] })).statusCode).toBe(404);
    expect(await t.handle.db.select().from(checkupValues).where(eq(checkupValues.checkupId, c2025))).toEqual(before);
  });

  it('a corrected value clears an untouched problem', async () => {
    await audited(['checkup.values', 'checkup_problem.found'], () => office.post(`/api/checkups/${c2025}/values`, { values: [{ indicatorId: ind.A11, regionId: yc, value: 65 }] }));
    expect(problemOf(await detail(office, c2025), 'A11')).toMatchObject({ status: 'open', value: 65 });
    await audited(['checkup.values', 'checkup_problem.cleared'], () => office.post(`/api/checkups/${c2025}/values`, { values: [{ indicatorId: ind.A11, regionId: yc, value: 72 }] }));
    expect(problemOf(await detail(office, c2025), 'A11')).toBeUndefined();
  });

  it('the office assigns a problem and turns it into a task of its plan; the unit then sees it', async () => {
    const p = problemOf(await detail(office, c2025), 'B06')!;
    expect((await tlOffice.post(`/api/checkup-problems/${p.id}/assign`, { unitId: unitB })).statusCode).toBe(404);
    expect((await leader.post(`/api/checkup-problems/${p.id}/assign`, { unitId: unitB })).statusCode).toBe(403);
    const a = await audited(['checkup_problem.assign'], () => office.post(`/api/checkup-problems/${p.id}/assign`, { unitId: unitB, note: '请区体育局会同镇街补齐社区体育场地' }));
    expect(a.statusCode, a.body).toBe(200);
    expect(a.json()).toMatchObject({ status: 'assigned', assignedUnitId: unitB });
    // unit B now takes part: it sees the check-up and its problem, and was told in the app
    expect(problemOf(await detail(reporterB, c2025), 'B06')).toMatchObject({ assignedUnitId: unitB });
    const inbox = (await reporterB.get('/api/me/notifications')).json() as { items: { title: string; body: string; link: string | null }[] };
    expect(inbox.items.find((n) => n.title === '城市体检问题请整改:永川区人均社区体育场地面积')).toMatchObject({ link: `/checkups/${c2025}`, body: '2025年城市体检:永川区人均社区体育场地面积现状 1.5平方米,低于标准值 2平方米,差 0.5平方米。整改要求:请区体育局会同镇街补齐社区体育场地' });

    const r = await audited(['task.create', 'checkup_problem.task'], () => office.post(`/api/checkup-problems/${p.id}/task`, { planId, deadline: '2026-12' }));
    expect(r.statusCode, r.body).toBe(200);
    const taskId = r.json().taskId as number;
    const [task] = await t.handle.db.select().from(tasks).where(eq(tasks.id, taskId));
    expect(task.planId).toBe(planId);
    expect(task.title).toBe('补齐永川区“人均社区体育场地面积”短板');
    expect(task.text).toContain('2025年城市体检发现');
    const [lead] = await t.handle.db.select().from(taskUnits).where(and(eq(taskUnits.taskId, taskId), eq(taskUnits.role, 'lead')));
    expect(lead.unitId).toBe(unitB);
    const after = problemOf(await detail(office, c2025), 'B06')!;
    expect(after).toMatchObject({ status: 'acted', assignedUnitId: unitB });
    expect(after.tasks.map((x) => x.id)).toEqual([taskId]);
    // a plan of another district is not the office's to add tasks to
    const tlPlan = (await makePlan(t.handle.db, { region: '铜梁区' })).plan.id;
    expect((await office.post(`/api/checkup-problems/${p.id}/task`, { planId: tlPlan })).statusCode).toBe(404);
  });

  it('a problem is carried by a library project of the region, not by another district’s', async () => {
    await office.post(`/api/checkups/${c2025}/values`, { values: [{ indicatorId: ind.A07, regionId: yc, value: 80 }, { indicatorId: ind.A04, regionId: yc, value: 2 }] });
    const p = problemOf(await detail(office, c2025), 'A07')!;
    const db = t.handle.db;
    const [own] = await db.insert(projects).values({ kind: 'manual', name: '永川区绿色建筑示范项目', text: '新建公共建筑按二星级以上绿色建筑标准建设', regionId: yc, ownerUnitId: unitA }).returning();
    const [other] = await db.insert(projects).values({ kind: 'manual', name: '铜梁区某项目', text: '', regionId: tl }).returning();
    const refused = await office.post(`/api/checkup-problems/${p.id}/project`, { projectId: other.id });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('CHECKUP_PROJECT_OUTSIDE');
    const res = await audited(['checkup_problem.project'], () => office.post(`/api/checkup-problems/${p.id}/project`, { projectId: own.id }));
    expect(res.statusCode, res.body).toBe(200);
    expect(problemOf(await detail(office, c2025), 'A07')).toMatchObject({ status: 'acted', assignedUnitId: unitA, projects: [{ id: own.id, name: '永川区绿色建筑示范项目' }] });
  });

  it('or enters a new project into the library for it (the library’s rules and audit), in one step', async () => {
    const p = problemOf(await detail(office, c2025), 'A04')!;
    const res = await audited(['project.create', 'checkup_problem.project'], () => office.post(`/api/checkup-problems/${p.id}/project`, { create: { ownerUnitId: unitA, totalInvestment: 1200 } }));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().created).toBe(true);
    const [row] = await t.handle.db.select().from(projects).where(eq(projects.id, res.json().projectId));
    expect(row).toMatchObject({ name: '永川区新建住宅建筑高度超过80米的数量补短板项目', regionId: yc, ownerUnitId: unitA, totalInvestment: 1200, origin: 'checkup' });
    expect(row.text).toBe('2025年城市体检发现:永川区新建住宅建筑高度超过80米的数量现状 2栋,高于标准值 0栋,超出 2栋。');
    // an owner unit of another district is refused by the library's own check, and nothing is written
    const foreign = (await makeUnit(t.handle.db, '铜梁区')).id;
    const refused = await audited([], () => office.post(`/api/checkup-problems/${p.id}/project`, { create: { name: '另一个项目', ownerUnitId: foreign } }));
    expect(refused.statusCode).toBe(403);
    expect(problemOf(await detail(office, c2025), 'A04')!.projects).toHaveLength(1);
  });

  it('the city’s office reads and runs a district’s check-up; a leader reads it; another district does not see it', async () => {
    expect((await detail(cityOffice, c2025)).canManage).toBe(true);
    expect((await detail(leader, c2025)).canManage).toBe(false);
    expect((await tlOffice.get(`/api/checkups/${c2025}`)).statusCode).toBe(404);
    expect((await tlOffice.get('/api/checkups')).json().items).toEqual([]);
    expect((await office.get('/api/checkups')).json().items.map((c: { id: number }) => c.id)).toEqual([c2025]);
  });
});

describe('next year', () => {
  it('keeps the edited system and says in words whether each problem moved', async () => {
    const res = await office.post('/api/checkups', { regionId: yc, year: 2026 });
    expect(res.statusCode, res.body).toBe(200);
    const d0 = res.json() as Detail;
    c2026 = d0.id;
    expect(d0.basis).toBe('沿用2025年体检指标体系');
    const b06 = d0.indicators.find((i) => i.code === 'B06')!;
    expect(b06).toMatchObject({ standard: 2, unitId: unitA });
    expect(d0.indicators.find((i) => i.code === 'Y01')).toBeTruthy();
    const id = (code: string) => d0.indicators.find((i) => i.code === code)!.id;
    await office.post(`/api/checkups/${c2026}/values`, { values: [
      { indicatorId: id('B06'), regionId: yc, value: 1.8 }, // better, still short of 2
      { indicatorId: id('A07'), regionId: yc, value: 100 }, // solved
      { indicatorId: id('A04'), regionId: yc, value: 3 }, // worse
    ] });
    const d = await detail(office, c2026);
    expect(d.previousYear).toMatchObject({ year: 2025, counts: { better: 1, solved: 1, worse: 1 } });
    const m = Object.fromEntries(d.previousYear!.movements.map((x) => [x.code, x]));
    expect(m.B06.text).toBe('上年 1.5平方米,本年 1.8平方米,较上年上升 0.3平方米,有所好转,距标准值 2平方米 仍差 0.2平方米');
    expect(m.A07).toMatchObject({ movement: 'solved' });
    expect(m.A07.text).toContain('已达到标准值 100%');
    expect(m.A04).toMatchObject({ movement: 'worse' });
    expect(m.A04.text).toContain('问题加重');
    // this year's problems carry last year's comparison
    expect(problemOf(d, 'B06')!.previous).toMatchObject({ movement: 'better' });
    expect(problemOf(d, 'A04')!.previous).toMatchObject({ movement: 'worse', text: '上年 2栋,本年 3栋,较上年上升 1栋,问题加重,距标准值 0栋 仍差 3栋' });
    expect(problemOf(d, 'A07')).toBeUndefined();
  });

  it('movement words for unchanged values and missing ones', () => {
    expect(problemMovement(5, 5, 10, 'higher', '%')).toMatchObject({ movement: 'unchanged', text: '上年 5%,本年 5%,与上年持平,问题未见改善,距标准值 10% 仍差 5%' });
    expect(problemMovement(5, null, 10, 'higher', '%').movement).toBe('no_value');
    expect(problemMovement(3, 1, 0, 'lower', '个').movement).toBe('better');
  });
});

describe('Excel import of check-up values', () => {
  it('lists every row that cannot be read and saves nothing; a dry run shows the same without saving', async () => {
    const file = await xlsx([
      ['永川区2026年城市体检数据表'],
      ['编号', '指标', '永川区', town.name],
      ['', '一、生态宜居'],
      ['A11', '城市生活污水集中收集率(%)', 68, '71%'],
      ['', '城市不存在的指标', 5, null],
      ['A01', '区域开发强度', '见附件', 30],
      ['A11', '城市生活污水集中收集率', 69, null],
    ]);
    const before = await t.handle.db.select().from(checkupValues).where(eq(checkupValues.checkupId, c2026));
    const res = await audited([], () => office.upload(`/api/checkups/${c2026}/import`, '体检数据.xlsx', file));
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error.code).toBe('CHECKUP_IMPORT_ROWS');
    const errors = res.json().error.details.errors as { row: number; column: string | null; message: string }[];
    expect(errors.map((e) => e.row)).toEqual([5, 6, 7]);
    expect(errors[0].message).toContain('未找到指标“城市不存在的指标”');
    expect(errors[1]).toMatchObject({ column: '永川区', message: '“见附件”不是数字' });
    expect(errors[2].message).toContain('数值重复(第4行已填)');
    expect(res.json().error.details).toMatchObject({ headerRow: 2, layout: 'wide' });
    expect(await t.handle.db.select().from(checkupValues).where(eq(checkupValues.checkupId, c2026))).toEqual(before);

    const dry = await office.upload(`/api/checkups/${c2026}/import?dryRun=1`, '体检数据.xlsx', file);
    expect(dry.statusCode, dry.body).toBe(200);
    expect(dry.json()).toMatchObject({ saved: false, headerRow: 2, layout: 'wide' });
    expect(dry.json().errors).toHaveLength(3);
    expect(await t.handle.db.select().from(checkupValues).where(eq(checkupValues.checkupId, c2026))).toEqual(before);
  });

  it('saves a clean table in either shape, judges the values and audits the import', async () => {
    const wide = await xlsx([['编号', '指标', '永川区', town.name], ['A11', '城市生活污水集中收集率(%)', 68, '71%']]);
    const res = await audited(['checkup.import_values', 'checkup_problem.found'], () => office.upload(`/api/checkups/${c2026}/import`, '体检数据.xlsx', wide));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ saved: true, errors: [] });
    const d = await detail(office, c2026);
    const a11 = d.indicators.find((i) => i.code === 'A11')!.id;
    expect(d.values.filter((v) => v.indicatorId === a11).map((v) => [v.regionId, v.value, v.source]).sort()).toEqual([[yc, 68, 'import'], [town.id, 71, 'import']].sort());
    expect(problemOf(d, 'A11')).toMatchObject({ value: 68, previous: { movement: 'new' } });

    const long = await xlsx([['指标', '区域', '数值'], ['城市生活污水集中收集率', '永川', 70.5], ['城市生活污水集中收集率', '铜梁区', 50]]);
    const bad = await office.upload(`/api/checkups/${c2026}/import`, 'long.xlsx', long);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.errors).toEqual([{ row: 3, column: '数值', message: '区域“铜梁区”不在本次体检范围内' }]);
    const ok = await office.upload(`/api/checkups/${c2026}/import`, 'long.xlsx', await xlsx([['指标', '区域', '数值'], ['城市生活污水集中收集率', '永川', 70.5]]));
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().layout).toBe('long');
    expect(problemOf(await detail(office, c2026), 'A11')).toBeUndefined(); // 70.5 ≥ 70: the untouched problem is cleared
  });

  it('a unit imports only the indicators it provides; a file without a header is refused', async () => {
    const res = await reporterA.upload(`/api/checkups/${c2026}/import`, 'x.xlsx', await xlsx([['指标', '永川区'], ['城市生活污水集中收集率', 80]]));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.errors[0].message).toContain('不由本单位提供数据');
    const none = await office.upload(`/api/checkups/${c2026}/import`, 'x.xlsx', await xlsx([['名称', '数量'], ['甲', 1]]));
    expect(none.json().error.code).toBe('CHECKUP_IMPORT_NO_HEADER');
    const junk = await office.upload(`/api/checkups/${c2026}/import`, 'x.xlsx', Buffer.from('not a workbook'));
    expect(junk.json().error.code).toBe('IMPORT_CORRUPT');
    // a small zip that declares 70 MB once inflated is refused before anything is inflated
    const bomb = await office.upload(`/api/checkups/${c2026}/import`, 'x.xlsx', expandingDocx(70));
    expect(bomb.statusCode).toBe(413);
    expect(bomb.json().error.code).toBe('IMPORT_TOO_COMPLEX');
    const exported = await office.get(`/api/checkups/${c2026}/export`);
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['content-type']).toContain('spreadsheetml');
    // the exported table reads back as it is: no errors, the same values
    const back = await office.upload(`/api/checkups/${c2026}/import?dryRun=1`, 'back.xlsx', exported.rawPayload);
    expect(back.statusCode, back.body).toBe(200);
    expect(back.json().errors).toEqual([]);
    expect(back.json().values.length).toBe((await detail(office, c2026)).values.length);
  });
});

describe('the map', () => {
  it('colours the districts by check-up result and by plan status, within what the caller sees', async () => {
    const res = await office.get('/api/map?mode=checkup&year=2025');
    expect(res.statusCode, res.body).toBe(200);
    const m = res.json() as { areas: { name: string; regionId: number | null; color: string; value: number | null; text: string; checkupId: number | null; plans: { id: number }[] }[]; legend: string };
    expect(m.areas.length).toBe(38);
    const ycArea = m.areas.find((a) => a.name === '永川区')!;
    expect(ycArea).toMatchObject({ regionId: yc, color: 'yellow', value: 3, checkupId: c2025 });
    expect(ycArea.text).toBe('2025年城市体检发现3个问题:待分派0个,已分派0个,已转任务/项目3个');
    expect(m.areas.find((a) => a.name === '铜梁区')).toMatchObject({ color: 'grey', value: null });
    // 铜梁区's office does not see 永川区's check-up
    expect((await tlOffice.get('/api/map?mode=checkup&year=2025')).json().areas.find((a: { name: string }) => a.name === '永川区')).toMatchObject({ color: 'grey', checkupId: null });
    const plans = (await office.get('/api/map?mode=plans')).json();
    const ycPlans = plans.areas.find((a: { name: string }) => a.name === '永川区');
    expect(ycPlans.plans.map((p: { id: number }) => p.id)).toContain(planId);
    // coloured by plans, a district still opens its latest check-up
    expect(ycPlans).toMatchObject({ checkupId: c2026, checkupYear: 2026 });
    expect((await office.get('/api/map?mode=checkup&year=2025')).json().areas.find((a: { name: string }) => a.name === '永川区')).toMatchObject({ checkupId: c2025, checkupYear: 2025 });
    // a year without a check-up: nothing to open
    expect((await office.get('/api/map?mode=checkup&year=2030')).json().areas.find((a: { name: string }) => a.name === '永川区')).toMatchObject({ checkupId: null, color: 'grey' });
  });

  it('shows projects that have a point, in the caller’s regions', async () => {
    const db = t.handle.db;
    await db.insert(projects).values({ kind: 'manual', name: '永川区体育公园', text: '', regionId: yc, lng: 105.93, lat: 29.36, location: '永川区胜利路街道' });
    await db.insert(projects).values({ kind: 'manual', name: '铜梁区点位项目', text: '', regionId: tl, lng: 106.05, lat: 29.84 });
    const yPoints = (await office.get('/api/map')).json().points.map((p: { name: string }) => p.name);
    expect(yPoints).toContain('永川区体育公园');
    expect(yPoints).not.toContain('铜梁区点位项目');
    const n = await db.execute(sql`select count(*)::int as n from projects where lng is not null`);
    expect((n as unknown as { rows: { n: number }[] }).rows[0].n).toBe(2);
  });

  it('counts each district’s projects (its towns’ too, with a point or not) and shows a unit only the points it owns', async () => {
    const db = t.handle.db;
    const countOf = async (c: Client, name: string) => ((await c.get('/api/map')).json().areas as { name: string; projectCount: number }[]).find((a) => a.name === name)!.projectCount;
    const before = await countOf(office, '永川区');
    await db.insert(projects).values({ kind: 'manual', name: '镇街无坐标项目', text: '', regionId: town.id });
    const [owned] = await db.insert(projects).values({ kind: 'manual', name: '甲单位点位项目', text: '', regionId: yc, ownerUnitId: unitA, lng: 105.9, lat: 29.35 }).returning({ id: projects.id });
    expect(await countOf(office, '永川区')).toBe(before + 2);
    expect(await countOf(tlOffice, '永川区')).toBe(0);
    // the point's id opens the project: the same record the library reads
    const point = ((await office.get('/api/map')).json().points as { id: number; name: string }[]).find((p) => p.name === '甲单位点位项目')!;
    expect(point.id).toBe(owned.id);
    expect((await office.get(`/api/projects/${point.id}`)).statusCode).toBe(200);
    // a unit's people see the points of the projects their unit owns, and no other
    const mine = ((await reporterA.get('/api/map')).json().points as { name: string }[]).map((p) => p.name);
    expect(mine).toEqual(['甲单位点位项目']);
    expect(((await reporterB.get('/api/map')).json().points as unknown[]).length).toBe(0);
  });

  it('lists each district’s towns, judged as the districts are: tasks naming the town’s unit, its check-up values, its projects', async () => {
    const db = t.handle.db;
    type Town = { regionId: number; name: string; color: string; value: number | null; text: string; projectCount: number };
    const townsOf = async (c: Client, q: string, name = '永川区') => ((await c.get(`/api/map${q}`)).json().areas as { name: string; towns: Town[] }[]).find((a) => a.name === name)!.towns;
    const tree = await db.select({ id: regions.id, name: regions.name }).from(regions).where(eq(regions.parentId, yc)).orderBy(regions.id);
    const listed = await townsOf(office, '?mode=plans');
    expect(listed.map((x) => x.regionId)).toEqual(tree.map((x) => x.id));
    expect(listed.length).toBeGreaterThan(20); // the registry's 23 镇街 of 永川区
    expect(listed.find((x) => x.regionId === town.id)).toMatchObject({ name: town.name, projectCount: 1 }); // 镇街无坐标项目, above
    // a task of a 永川区 plan led by a town's unit colours that town, and no other
    const other = tree[1];
    const [townUnit] = await db.select({ id: units.id }).from(units).where(and(eq(units.regionId, yc), eq(units.name, other.name), eq(units.kind, 'town')));
    expect(townUnit, '登记表中的镇街单位').toBeTruthy();
    const { tasks: [done] } = await makePlan(db, { region: '永川区', title: '镇街任务着色测试', tasks: [{ title: '背街小巷整治', lead: [townUnit.id], deadline: '2026-12-31' }] });
    await db.update(tasks).set({ progress: 100, reportedStatus: '已完成' }).where(eq(tasks.id, done.id));
    const judged = (await townsOf(office, '?mode=plans')).find((x) => x.regionId === other.id)!;
    expect(judged).toMatchObject({ color: 'green', value: 100 });
    expect(judged.text).toContain('本镇街单位参与的任务1项');
    expect((await townsOf(office, '?mode=plans')).filter((x) => x.color !== 'grey').map((x) => x.regionId)).toEqual([other.id]);
    // a task addressed to 各镇街 is every town's: each one is judged with it
    const { tasks: [everyTown] } = await makePlan(db, { region: '永川区', title: '各镇街任务着色测试', tasks: [{ title: '各镇街开展城市体检自查', deadline: '2026-12-31' }] });
    await db.insert(taskUnits).values({ taskId: everyTown.id, unitId: null, role: 'lead', raw: '各镇街', scope: 'all_towns' });
    await db.update(tasks).set({ progress: 100, reportedStatus: '已完成' }).where(eq(tasks.id, everyTown.id));
    const all = await townsOf(office, '?mode=plans');
    expect(all.every((x) => x.color === 'green')).toBe(true);
    expect(all.find((x) => x.regionId === other.id)!.text).toContain('本镇街单位参与的任务2项(其中“各镇街”任务1项)');
    // check-up: the town with values and no problem is green; a town without values stays grey
    const up = await townsOf(office, '?mode=checkup&year=2025');
    expect(up.find((x) => x.regionId === town.id)).toMatchObject({ color: 'green', value: 0 });
    expect(up.find((x) => x.regionId === other.id)).toMatchObject({ color: 'grey', value: null });
    // another district's office sees the towns' names but nothing of what lies in them
    expect((await townsOf(tlOffice, '?mode=plans')).every((x) => x.color === 'grey' && x.projectCount === 0)).toBe(true);
  });
});

describe('the annual cycle (体检日程) and next year’s 储备库', () => {
  interface Cycle { current: string | null; dueDate: string | null; dueText: string; nextYear: number; stages: { key: string; dueDate: string; state: string; doneAt: string | null; text: string }[] }
  let cid: number;
  const cycleOf = async (c: Client = tlOffice) => ((await c.get(`/api/checkups/${cid}`)).json() as { cycle: Cycle }).cycle;
  const post = (body: unknown, c: Client = tlOffice) => c.post(`/api/checkups/${cid}/cycle`, body);

  it('starts at 采集数值 with the default dates; the office sets its own, in the stages’ order', async () => {
    const res = await tlOffice.post('/api/checkups', { regionId: tl, year: 2027 });
    expect(res.statusCode, res.body).toBe(200);
    cid = res.json().id;
    const c = await cycleOf();
    expect(c).toMatchObject({ current: 'collect', dueDate: '2027-09-30', nextYear: 2028 });
    expect(c.stages.map((s) => [s.key, s.dueDate, s.state])).toEqual([['collect', '2027-09-30', 'current'], ['diagnose', '2027-10-31', 'upcoming'], ['project', '2027-11-30', 'upcoming']]);
    expect(c.stages[0].text).toContain('已填报 0/');
    const wrong = await audited([], () => post({ op: 'schedule', dueDates: { diagnose: '2027-08-31' } }));
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error).toMatchObject({ code: 'CHECKUP_SCHEDULE_ORDER', message: '“查找问题”的截止日期不能早于“采集数值”' });
    const ok = await audited(['checkup.schedule'], () => post({ op: 'schedule', dueDates: { collect: '2027-06-30', diagnose: '2027-08-31' } }));
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().cycle.stages.map((s: { dueDate: string }) => s.dueDate)).toEqual(['2027-06-30', '2027-08-31', '2027-11-30']);
    // the list the office reads shows what is due
    const listed = (await tlOffice.get('/api/checkups')).json().items.find((x: { id: number }) => x.id === cid);
    expect(listed.cycle).toMatchObject({ current: 'collect', dueDate: '2027-06-30' });
    expect(listed.cycle.dueText).toMatch(/^采集数值:截止 2027-06-30,/);
  });

  it('closes the stages in their order, each only once it is ready', async () => {
    expect((await audited([], () => post({ op: 'complete', stage: 'diagnose' }))).json().error.code).toBe('CHECKUP_STAGE_ORDER');
    const empty = await audited([], () => post({ op: 'complete', stage: 'collect' }));
    expect(empty.statusCode).toBe(409);
    expect(empty.json().error).toMatchObject({ code: 'CHECKUP_STAGE_NOT_READY', message: '“采集数值”尚不能完成:尚未填报任何指标数值' });
    const d = (await tlOffice.get(`/api/checkups/${cid}`)).json() as Detail;
    const id = (code: string) => d.indicators.find((i) => i.code === code)!.id;
    // two values that miss their standards: two problems
    expect((await tlOffice.post(`/api/checkups/${cid}/values`, { values: [{ indicatorId: id('A11'), regionId: tl, value: 60 }, { indicatorId: id('A02'), regionId: tl, value: 62 }] })).statusCode).toBe(200);
    expect((await audited(['checkup.stage_complete'], () => post({ op: 'complete', stage: 'collect' }))).statusCode).toBe(200);
    let c = await cycleOf();
    expect(c.current).toBe('diagnose');
    expect(c.stages[0].state).toBe('done');
    expect(c.stages[1].text).toContain('发现问题 2 个,待分派 2 个');
    // a closed stage is not closed twice
    expect((await post({ op: 'complete', stage: 'collect' })).json().error.code).toBe('CHECKUP_STAGE_ORDER');

    const notAssigned = await post({ op: 'complete', stage: 'diagnose' });
    expect(notAssigned.json().error.message).toBe('“查找问题”尚不能完成:还有 2 个问题未分派整改单位');
    const problems = ((await tlOffice.get(`/api/checkups/${cid}`)).json() as Detail).problems;
    const tlUnit = (await makeUnit(t.handle.db, '铜梁区')).id;
    for (const p of problems) expect((await tlOffice.post(`/api/checkup-problems/${p.id}/assign`, { unitId: tlUnit })).statusCode).toBe(200);
    expect((await audited(['checkup.stage_complete'], () => post({ op: 'complete', stage: 'diagnose' }))).statusCode).toBe(200);
    expect((await cycleOf()).current).toBe('project');

    const notActed = await post({ op: 'complete', stage: 'project' });
    expect(notActed.json().error.message).toBe('“问题转项目”尚不能完成:还有 2 个问题未转为任务或项目');
    // one problem becomes a new project; the other is carried by a project the office already put in 2028's 三年滚动
    const made = await tlOffice.post(`/api/checkup-problems/${problems[0].id}/project`, { create: { name: '铜梁区污水收集补短板工程' } });
    expect(made.statusCode, made.body).toBe(200);
    const fresh = made.json().projectId as number;
    const [kept] = await t.handle.db.insert(projects).values({ kind: 'manual', name: '铜梁区组团优化项目', text: '', regionId: tl }).returning({ id: projects.id });
    expect((await tlOffice.post('/api/projects/roll', { year: 2028, moves: [{ projectId: kept.id, list: 'rolling' }] })).statusCode).toBe(200);
    expect((await tlOffice.post(`/api/checkup-problems/${problems[1].id}/project`, { projectId: kept.id })).statusCode).toBe(200);
    c = await cycleOf();
    expect(c.stages[2].text).toContain('问题已转任务或项目 2/2 个,候选项目 2 个(完成后转入2028年储备库)');

    // closing the stage rolls the new candidate into 2028's 储备库 (the library's roll, audited), the other keeps its list
    const closed = await audited(['project.roll', 'checkup.stage_complete'], () => post({ op: 'complete', stage: 'project' }));
    expect(closed.statusCode, closed.body).toBe(200);
    c = closed.json().cycle;
    expect(c.current).toBeNull();
    expect(c.dueText).toBe('本年体检已完成,1 个候选项目已转入2028年储备库');
    const years = await t.handle.db.execute(sql`select project_id as "projectId", year, list from project_years where project_id in (${fresh}, ${kept.id}) and year = 2028 order by project_id`);
    expect((years as unknown as { rows: unknown[] }).rows).toEqual([{ projectId: fresh, year: 2028, list: 'reserve' }, { projectId: kept.id, year: 2028, list: 'rolling' }]);
    const detailFresh = (await tlOffice.get(`/api/projects/${fresh}`)).json();
    expect(detailFresh.project).toMatchObject({ list: 'reserve', listYear: 2028 });
  });

  it('reopens only the last closed stage; only the office of the region (or above) runs the cycle', async () => {
    expect((await post({ op: 'reopen', stage: 'collect' })).json().error.code).toBe('CHECKUP_STAGE_ORDER');
    expect((await audited(['checkup.stage_reopen'], () => post({ op: 'reopen', stage: 'project' }))).statusCode).toBe(200);
    expect((await cycleOf()).current).toBe('project');
    expect((await post({ op: 'complete', stage: 'project' }, office)).statusCode).toBe(404); // 永川's office does not see it
    expect((await post({ op: 'complete', stage: 'project' }, reporterA)).statusCode).toBe(403);
    // the city's office may close it; nothing is left to roll (already in 2028's lists)
    const city = await post({ op: 'complete', stage: 'project' }, cityOffice);
    expect(city.statusCode, city.body).toBe(200);
    expect(city.json().cycle.dueText).toBe('本年体检已完成,0 个候选项目已转入2028年储备库');
  });
});
