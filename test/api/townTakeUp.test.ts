// Issue #13, one level down: a district's plan is taken up by its towns (镇街) the way the city's is by its
// districts. A town's office links or creates tasks in its own plan, or says 不适用; the district's office sees its
// tasks × its towns with the roll-up in the town's words; a town writes only its own links and only for the plan of
// the district directly above it (a town's work for the city's task goes through its district's task).
import { describe, expect, it, beforeAll } from 'vitest';
import ExcelJS from 'exceljs';
import { eq } from 'drizzle-orm';
import { regions, tasks } from '../../server/db/schema/index.js';
import { useTestApp, type Client } from '../helpers/app.js';
import { auditChecks } from '../helpers/audit.js';
import { makeClient, makePlan, regionId } from '../helpers/factories.js';

const t = useTestApp();
const { audited } = auditChecks(() => t.handle.db);
let cityPlan: number;
let cityTask: number;
let districtPlan: number;
let dTasks: number[];
let townPlan: number;
let townTask: number;
let otherTownTask: number;
let yc: number;
let qf: number;
let zs: number;
let towns: number[];
let ycOffice: Client;
let ycLeader: Client;
let qfOffice: Client;
let zsOffice: Client;
let cityOffice: Client;

type Cov = { levelWord: string; rule: string; districts: { id: number; name: string; counts: Record<string, number> }[]; rows: { task: { id: number }; cells: { regionId: number; state: string; taskIds: number[]; reason: string | null }[]; counts: Record<string, number>; rollup: { text: string; takenUp: number } }[] };
const cellOf = (cov: Cov, row: number, region: number) => cov.rows[row].cells.find((c) => c.regionId === region)!;

beforeAll(async () => {
  const db = t.handle.db;
  const city = await makePlan(db, { region: '重庆市', title: '重庆市城市更新实施方案(镇街测试)', periodStart: 2025, periodEnd: 2027, tasks: [{ title: '推进城镇老旧小区改造' }] });
  cityPlan = city.plan.id;
  cityTask = city.tasks[0].id;
  const d = await makePlan(db, { region: '永川区', title: '永川区城市更新三年行动计划(镇街测试)', periodStart: 2025, periodEnd: 2027, tasks: [{ title: '实施老旧小区改造和背街小巷整治' }, { title: '建设社区养老服务中心' }, { title: '新建城市轨道交通站点' }] });
  districtPlan = d.plan.id;
  dTasks = d.tasks.map((x) => x.id);
  const tp = await makePlan(db, { region: '青峰镇', title: '青峰镇城镇更新工作方案', periodStart: 2025, periodEnd: 2027, tasks: [{ title: '青峰镇老旧小区改造和背街小巷整治' }, { title: '青峰镇场镇环境整治' }] });
  townPlan = tp.plan.id;
  [townTask, otherTownTask] = tp.tasks.map((x) => x.id);
  yc = await regionId(db, '永川区');
  qf = await regionId(db, '青峰镇');
  zs = await regionId(db, '中山路街道');
  towns = (await db.select({ id: regions.id }).from(regions).where(eq(regions.parentId, yc))).map((r) => r.id).sort((a, b) => a - b);
  ycOffice = (await makeClient(t.app, db, ['office'], { region: '永川区' })).client;
  ycLeader = (await makeClient(t.app, db, ['leader'], { region: '永川区' })).client;
  qfOffice = (await makeClient(t.app, db, ['office'], { region: '青峰镇' })).client;
  zsOffice = (await makeClient(t.app, db, ['office'], { region: '中山路街道' })).client;
  cityOffice = (await makeClient(t.app, db, ['office'], { region: '重庆市' })).client;
});

describe('a district’s plan, taken up by its towns', () => {
  it('the district office sees its tasks × its towns (镇街), every one not yet taken up, in the towns’ words', async () => {
    expect(towns.length).toBeGreaterThan(10);
    const res = await ycOffice.get(`/api/plans/${districtPlan}/coverage`);
    expect(res.statusCode, res.body).toBe(200);
    const cov: Cov = res.json();
    expect(cov.levelWord).toBe('镇街');
    expect(cov.districts.map((x) => x.id).sort((a, b) => a - b)).toEqual(towns);
    expect(cov.rows.map((r) => r.task.id)).toEqual(dTasks);
    expect(cov.rows[0].counts).toEqual({ taken_up: 0, reporting: 0, not_applicable: 0, not_taken: towns.length });
    expect(cov.rows[0].rollup.text).toBe(`尚无镇街落实;${towns.length}个镇街未落实,不计入。`);
    expect(cov.rule).toMatch(/^上级任务的状态取最差颜色:每个已落实镇街/);
    expect(cov.rule).not.toContain('区县');
    // its own plan is not a take-up list for the district itself
    expect((await ycOffice.get(`/api/plans/${districtPlan}/take-up`)).json().canWrite).toBe(false);
    // the city's plan still has 区县 for columns
    expect((await cityOffice.get(`/api/plans/${cityPlan}/coverage`)).json().levelWord).toBe('区县');
  });

  it('a town office gets the take-up list of its district’s plan, with its own plans to link or create in', async () => {
    const res = await qfOffice.get(`/api/plans/${districtPlan}/take-up`);
    expect(res.statusCode, res.body).toBe(200);
    const list = res.json();
    expect(list.region).toEqual({ id: qf, name: '青峰镇', word: '镇街' });
    expect(list.canWrite).toBe(true);
    expect(list.districtPlans).toEqual([{ id: townPlan, title: '青峰镇城镇更新工作方案' }]);
    expect(list.counts).toEqual({ taken_up: 0, reporting: 0, not_applicable: 0, not_taken: 3 });
    // suggestions come from the town's own tasks, nothing is linked
    const sg = await audited([], () => qfOffice.get(`/api/tasks/${dTasks[0]}/take-up-suggestions`));
    expect(sg.json().items[0]).toMatchObject({ taskId: townTask, planId: townPlan });
    expect(sg.json().items[0].reasons.join()).toMatch(/老旧、小区|背街、小巷/);
  });

  it('the town links its own task, creates one, and says 不适用 with a reason — each audited', async () => {
    const link = await audited(['task.take_up'], () => qfOffice.post(`/api/tasks/${dTasks[0]}/take-up`, { taskIds: [townTask] }));
    expect(link.statusCode, link.body).toBe(200);
    expect(link.json()).toMatchObject({ regionId: qf, linked: [townTask] });
    const created = await audited(['task.create', 'task.take_up'], () => qfOffice.post(`/api/tasks/${dTasks[1]}/take-up`, { create: { planId: townPlan } }));
    expect(created.statusCode, created.body).toBe(200);
    const [row] = await t.handle.db.select().from(tasks).where(eq(tasks.id, created.json().taskIds[0]));
    expect(row).toMatchObject({ planId: townPlan, title: '建设社区养老服务中心' });
    const na = await audited(['task.not_applicable'], () => qfOffice.post(`/api/tasks/${dTasks[2]}/not-applicable`, { reason: '青峰镇不在轨道交通线网内' }));
    expect(na.statusCode, na.body).toBe(200);
    expect((await qfOffice.get(`/api/plans/${districtPlan}/take-up`)).json().counts).toEqual({ taken_up: 2, reporting: 0, not_applicable: 1, not_taken: 0 });
  });

  it('the district office and its leader see the town’s column change, the roll-up in towns, and the Excel says 镇街', async () => {
    await t.handle.db.update(tasks).set({ progress: 100, reportedStatus: '已完成' }).where(eq(tasks.id, townTask));
    for (const client of [ycOffice, ycLeader]) {
      const cov: Cov = (await client.get(`/api/plans/${districtPlan}/coverage`)).json();
      expect(cellOf(cov, 0, qf)).toMatchObject({ state: 'taken_up', taskIds: [townTask] });
      expect(cellOf(cov, 2, qf)).toMatchObject({ state: 'not_applicable', reason: '青峰镇不在轨道交通线网内' });
      expect(cellOf(cov, 0, zs).state).toBe('not_taken');
      expect(cov.districts.find((x) => x.id === qf)!.counts).toEqual({ taken_up: 2, reporting: 0, not_applicable: 1, not_taken: 0 });
      expect(cov.rows[0].counts).toMatchObject({ taken_up: 1, not_taken: towns.length - 1 });
      expect(cov.rows[0].rollup.text).toBe(`取最差颜色:1个镇街已落实,最差为蓝色,正常推进或已完成1个(占有进展镇街的100%);${towns.length - 1}个镇街未落实,不计入。`);
    }
    const xlsx = await ycOffice.get(`/api/plans/${districtPlan}/exports/coverage`);
    expect(xlsx.statusCode).toBe(200);
    expect(decodeURIComponent(String(xlsx.headers['content-disposition']))).toContain('镇街落实情况');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets[0].name).toBe('镇街落实情况');
    const header = (wb.worksheets[0].getRow(1).values as unknown[]).slice(1).map(String);
    expect(header).toContain('青峰镇');
    expect(header).not.toContain('铜梁区');
  });

  it('the district office sets the rule by town weights; weights for a region not directly below are refused', async () => {
    const put = (body: object) => ycOffice.request({ method: 'PUT', url: `/api/plans/${districtPlan}/rollup-rule`, payload: body });
    const ok = await audited(['plan.rollup_rule'], () => put({ kind: 'weighted', weights: [{ regionId: qf, weight: 3 }] }));
    expect(ok.statusCode, ok.body).toBe(200);
    const cov: Cov = (await ycOffice.get(`/api/plans/${districtPlan}/coverage`)).json();
    expect(cov.rule).toContain('上级任务的状态按镇街权重');
    expect(cov.rule).toContain('(青峰镇3,其余镇街为1)');
    const bad = await put({ kind: 'weighted', weights: [{ regionId: yc, weight: 2 }] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('ROLLUP_WEIGHT_NOT_DISTRICT');
    // and the town cannot set its district's rule
    expect((await qfOffice.request({ method: 'PUT', url: `/api/plans/${districtPlan}/rollup-rule`, payload: { kind: 'worst' } })).statusCode).toBe(403);
  });
});

describe('permissions one level down', () => {
  it('another town writes none of 青峰镇’s links and reads neither its list nor its column', async () => {
    const link = await zsOffice.post(`/api/tasks/${dTasks[0]}/take-up`, { taskIds: [townTask] });
    expect(link.statusCode).toBe(403);
    expect(link.json().error.code).toBe('TAKE_UP_TASK_NOT_DISTRICT');
    expect((await zsOffice.post(`/api/tasks/${dTasks[0]}/take-up`, { create: { planId: townPlan } })).statusCode).toBe(403);
    expect((await zsOffice.get(`/api/plans/${districtPlan}/take-up?regionId=${qf}`)).statusCode).toBe(404);
    const cov: Cov = (await zsOffice.get(`/api/plans/${districtPlan}/coverage`)).json();
    expect(cov.districts.map((x) => x.id)).toEqual([zs]);
    // its own (empty) take-up is untouched by 青峰镇's
    expect((await zsOffice.get(`/api/plans/${districtPlan}/take-up`)).json().counts.taken_up).toBe(0);
  });

  it('a town takes up only its district’s plan, not the city’s directly', async () => {
    const res = await audited([], () => qfOffice.post(`/api/tasks/${cityTask}/take-up`, { taskIds: [otherTownTask] }));
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('TAKE_UP_NOT_BELOW');
    expect((await qfOffice.post(`/api/tasks/${cityTask}/not-applicable`, { reason: '由区级统筹落实' })).statusCode).toBe(403);
    expect((await qfOffice.get(`/api/tasks/${cityTask}/take-up-suggestions`)).json().items).toEqual([]);
  });

  it('the district reads its towns’ lists but writes none; the city reads the district’s town matrix and writes none', async () => {
    const asDistrict = await ycOffice.get(`/api/plans/${districtPlan}/take-up?regionId=${qf}`);
    expect(asDistrict.statusCode, asDistrict.body).toBe(200);
    expect(asDistrict.json()).toMatchObject({ canWrite: false, districtPlans: [], counts: { taken_up: 2, not_applicable: 1 } });
    const forTown = await ycOffice.post(`/api/tasks/${dTasks[0]}/take-up`, { taskIds: [otherTownTask] });
    expect(forTown.statusCode).toBe(403);
    expect(forTown.json().error.code).toBe('TAKE_UP_NOT_BELOW');
    const cityCov = await cityOffice.get(`/api/plans/${districtPlan}/coverage`);
    expect(cityCov.statusCode, cityCov.body).toBe(200);
    expect(cellOf(cityCov.json(), 0, qf).state).toBe('taken_up');
    expect((await cityOffice.post(`/api/tasks/${dTasks[0]}/untake`, {})).statusCode).toBe(403);
  });
});

describe('what a plan says its reader may do (can), as policy decides', () => {
  it('a town office reads its district’s plan but may manage none of it; the plan’s own office may; status and publish are refused to the town', async () => {
    const asTown = await qfOffice.get(`/api/plans/${districtPlan}`);
    expect(asTown.statusCode, asTown.body).toBe(200);
    expect(asTown.json().can).toEqual({ manage: false });
    expect((await ycOffice.get(`/api/plans/${districtPlan}`)).json().can).toEqual({ manage: true });
    expect((await ycLeader.get(`/api/plans/${districtPlan}`)).json().can).toEqual({ manage: false });
    expect((await qfOffice.get(`/api/plans/${townPlan}`)).json().can).toEqual({ manage: true });
    // the actions the plan page would have offered: refused, nothing written
    const version = asTown.json().version;
    expect((await audited([], () => qfOffice.patch(`/api/plans/${districtPlan}`, { status: 'archived', version }))).statusCode).toBe(403);
    expect((await audited([], () => qfOffice.post(`/api/plans/${districtPlan}/publish`, { publish: true, fingerprint: '0123456789abcdef' }))).statusCode).toBe(403);
  });
});
