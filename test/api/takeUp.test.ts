// Issue #13, first slice: a district office takes up the tasks of the city's plan (links its own tasks, creates one,
// or says 不适用 with a reason), the city sees the coverage matrix with counts and a rolled-up status per task,
// and a district writes only its own links.
import { describe, expect, it, beforeAll } from 'vitest';
import ExcelJS from 'exceljs';
import { and, eq } from 'drizzle-orm';
import { auditEvents, plans, regions, tasks } from '../../server/db/schema/index.js';
import { changeClockOf } from '../../server/db/changeClock.js';
import { rollupDistricts } from '../../server/domain/districtRollup.js';
import { useTestApp, type Client } from '../helpers/app.js';
import { auditChecks } from '../helpers/audit.js';
import { makeClient, makePlan, makeUnit, regionId } from '../helpers/factories.js';

const t = useTestApp();
const { audited } = auditChecks(() => t.handle.db);
let cityPlan: number;
let upper: number[];
let yongchuanPlan: number;
let yongchuanTask: number;
let yongchuanOther: number;
let tongliangPlan: number;
let tongliangTask: number;
let yongchuan: Client;
let tongliang: Client;
let cityOffice: Client;
let cityLeader: Client;
let reporter: Client;
let yc: number;
let tl: number;

beforeAll(async () => {
  const db = t.handle.db;
  const city = await makePlan(db, { region: '重庆市', title: '重庆市城市更新实施方案', periodStart: 2025, periodEnd: 2027, tasks: [{ title: '推进老旧小区改造' }, { title: '完善社区养老服务设施' }, { title: '建设城市轨道交通' }] });
  cityPlan = city.plan.id;
  upper = city.tasks.map((x) => x.id);
  const ycUnit = await makeUnit(db, '永川区');
  const y = await makePlan(db, { region: '永川区', title: '永川区城市更新行动计划', periodStart: 2025, periodEnd: 2027, tasks: [{ title: '永川区老旧小区改造', lead: [ycUnit.id] }, { title: '永川区背街小巷整治', lead: [ycUnit.id] }] });
  yongchuanPlan = y.plan.id;
  [yongchuanTask, yongchuanOther] = y.tasks.map((x) => x.id);
  const tg = await makePlan(db, { region: '铜梁区', title: '铜梁区城市更新行动计划', periodStart: 2025, periodEnd: 2027, tasks: [{ title: '铜梁区老旧小区改造' }] });
  tongliangPlan = tg.plan.id;
  tongliangTask = tg.tasks[0].id;
  yongchuan = (await makeClient(t.app, db, ['office'], { region: '永川区' })).client;
  tongliang = (await makeClient(t.app, db, ['office'], { region: '铜梁区' })).client;
  cityOffice = (await makeClient(t.app, db, ['office'], { region: '重庆市' })).client;
  cityLeader = (await makeClient(t.app, db, ['leader'], { region: '重庆市' })).client;
  reporter = (await makeClient(t.app, db, ['unit_reporter'], { region: '永川区', unitId: ycUnit.id })).client;
  yc = await regionId(db, '永川区');
  tl = await regionId(db, '铜梁区');
});

describe('take-up by a district office', () => {
  it('starts with every city task not taken up, and offers the district’s own plans', async () => {
    const res = await yongchuan.get(`/api/plans/${cityPlan}/take-up`);
    expect(res.statusCode, res.body).toBe(200);
    const list = res.json();
    expect(list.region.id).toBe(yc);
    expect(list.canWrite).toBe(true);
    expect(list.items.map((i: { state: string }) => i.state)).toEqual(['not_taken', 'not_taken', 'not_taken']);
    expect(list.districtPlans.map((p: { id: number }) => p.id)).toContain(yongchuanPlan);
    expect(list.districtPlans.map((p: { id: number }) => p.id)).not.toContain(tongliangPlan);
  });

  it('suggests the district’s likeliest tasks by shared words and unit kinds, without linking anything', async () => {
    const res = await audited([], () => yongchuan.get(`/api/tasks/${upper[0]}/take-up-suggestions`));
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items;
    expect(items[0]).toMatchObject({ taskId: yongchuanTask, planId: yongchuanPlan });
    expect(items[0].reasons.join()).toMatch(/老旧小区|改造/);
    expect(items.every((i: { planId: number }) => i.planId === yongchuanPlan)).toBe(true);
    // the city has no district of its own: nothing to suggest
    expect((await cityOffice.get(`/api/tasks/${upper[0]}/take-up-suggestions`)).json().items).toEqual([]);
  });

  it('links an upper task to its own tasks (one audit row per link), many-to-many', async () => {
    const res = await audited(['task.take_up', 'task.take_up'], () => yongchuan.post(`/api/tasks/${upper[0]}/take-up`, { taskIds: [yongchuanTask, yongchuanOther] }));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().linked.sort()).toEqual([yongchuanTask, yongchuanOther].sort());
    // linking the same pair again changes nothing
    const again = await audited([], () => yongchuan.post(`/api/tasks/${upper[0]}/take-up`, { taskIds: [yongchuanTask] }));
    expect(again.json().linked).toEqual([]);
    // one district task may serve two upper tasks
    expect((await yongchuan.post(`/api/tasks/${upper[2]}/take-up`, { taskIds: [yongchuanTask] })).statusCode).toBe(200);
    // withdrawing one link of upper[2] leaves it not taken up again
    const un = await audited(['task.untake'], () => yongchuan.post(`/api/tasks/${upper[2]}/untake`, { taskId: yongchuanTask }));
    expect(un.statusCode, un.body).toBe(200);
  });

  it('creates a district task from an upper task in a plan of the district, audited', async () => {
    const res = await audited(['task.create', 'task.take_up'], () => yongchuan.post(`/api/tasks/${upper[1]}/take-up`, { create: { planId: yongchuanPlan } }));
    expect(res.statusCode, res.body).toBe(200);
    const [created] = await t.handle.db.select().from(tasks).where(eq(tasks.id, res.json().taskIds[0]));
    expect(created.planId).toBe(yongchuanPlan);
    expect(created.title).toBe('完善社区养老服务设施');
    // a plan of another district is refused
    const other = await yongchuan.post(`/api/tasks/${upper[1]}/take-up`, { create: { planId: tongliangPlan } });
    expect(other.statusCode).toBe(403);
    expect(other.json().error.code).toBe('TAKE_UP_TASK_NOT_DISTRICT');
  });

  it('marks a task 不适用 only with a reason and only while nothing is linked', async () => {
    expect((await yongchuan.post(`/api/tasks/${upper[2]}/not-applicable`, { reason: '' })).statusCode).toBe(400);
    const linked = await yongchuan.post(`/api/tasks/${upper[0]}/not-applicable`, { reason: '本区已完成' });
    expect(linked.statusCode).toBe(409);
    expect(linked.json().error.code).toBe('TAKE_UP_HAS_LINKS');
    const res = await audited(['task.not_applicable'], () => yongchuan.post(`/api/tasks/${upper[2]}/not-applicable`, { reason: '永川区无轨道交通线路规划' }));
    expect(res.statusCode, res.body).toBe(200);
    const list = (await yongchuan.get(`/api/plans/${cityPlan}/take-up`)).json();
    expect(list.items.map((i: { state: string }) => i.state)).toEqual(['taken_up', 'taken_up', 'not_applicable']);
    expect(list.items[2].reason).toBe('永川区无轨道交通线路规划');
    expect(list.items[0].links.map((l: { taskId: number }) => l.taskId).sort()).toEqual([yongchuanTask, yongchuanOther].sort());
    expect(list.items[0].links[0].status.color).toMatch(/green|yellow|red|grey|blue/);
    expect(list.counts).toEqual({ taken_up: 2, reporting: 0, not_applicable: 1, not_taken: 0 });
  });
});

describe('permissions', () => {
  it('another district cannot write or read your links', async () => {
    // 铜梁 cannot link 永川's task, and its own untake touches only 铜梁's (empty) take-up
    const link = await tongliang.post(`/api/tasks/${upper[0]}/take-up`, { taskIds: [yongchuanTask] });
    expect(link.statusCode).toBe(403);
    expect(link.json().error.code).toBe('TAKE_UP_TASK_NOT_DISTRICT');
    expect((await tongliang.post(`/api/tasks/${upper[0]}/untake`, {})).statusCode).toBe(404);
    expect((await tongliang.get(`/api/plans/${cityPlan}/take-up?regionId=${yc}`)).statusCode).toBe(404);
    const mine = (await yongchuan.get(`/api/plans/${cityPlan}/take-up`)).json();
    expect(mine.counts.taken_up).toBe(2);
    // 铜梁's coverage shows only its own column
    const cov = (await tongliang.get(`/api/plans/${cityPlan}/coverage`)).json();
    expect(cov.districts.map((d: { id: number }) => d.id)).toEqual([tl]);
  });

  it('the city reads every district but writes none; a unit reporter writes nothing', async () => {
    const city = await cityOffice.post(`/api/tasks/${upper[0]}/take-up`, { taskIds: [yongchuanTask] });
    expect(city.statusCode).toBe(403);
    expect(city.json().error.code).toBe('TAKE_UP_NOT_BELOW');
    const asCity = await cityOffice.get(`/api/plans/${cityPlan}/take-up?regionId=${yc}`);
    expect(asCity.statusCode).toBe(200);
    expect(asCity.json().canWrite).toBe(false);
    expect(asCity.json().counts).toEqual({ taken_up: 2, reporting: 0, not_applicable: 1, not_taken: 0 });
    expect((await reporter.post(`/api/tasks/${upper[0]}/take-up`, { taskIds: [yongchuanTask] })).statusCode).toBe(403);
    // a district cannot take up a task of its own plan as if it were the city's
    const own = await yongchuan.post(`/api/tasks/${yongchuanTask}/take-up`, { taskIds: [yongchuanOther] });
    expect(own.statusCode).toBe(403);
  });
});

describe('coverage matrix and roll-up', () => {
  it('shows upper tasks × districts with counts per district and per task, and the roll-up rule', async () => {
    // 铜梁 takes up the first task with a completed task
    await t.handle.db.update(tasks).set({ progress: 100, reportedStatus: '已完成' }).where(eq(tasks.id, tongliangTask));
    expect((await tongliang.post(`/api/tasks/${upper[0]}/take-up`, { taskIds: [tongliangTask] })).statusCode).toBe(200);
    for (const client of [cityOffice, cityLeader]) {
      const res = await client.get(`/api/plans/${cityPlan}/coverage`);
      expect(res.statusCode, res.body).toBe(200);
      const cov = res.json();
      const ids = cov.districts.map((d: { id: number }) => d.id);
      expect(ids).toContain(yc);
      expect(ids).toContain(tl);
      const n = ids.length;
      const ycCol = cov.districts.find((d: { id: number }) => d.id === yc);
      expect(ycCol.counts).toEqual({ taken_up: 2, reporting: 0, not_applicable: 1, not_taken: 0 });
      expect(cov.districts.find((d: { id: number }) => d.id === tl).counts).toEqual({ taken_up: 1, reporting: 0, not_applicable: 0, not_taken: 2 });
      expect(cov.rows.map((r: { counts: unknown }) => r.counts)).toEqual([
        { taken_up: 2, reporting: 0, not_applicable: 0, not_taken: n - 2 },
        { taken_up: 1, reporting: 0, not_applicable: 0, not_taken: n - 1 },
        { taken_up: 0, reporting: 0, not_applicable: 1, not_taken: n - 1 },
      ]);
      expect(cov.totals).toEqual({ taken_up: 3, reporting: 0, not_applicable: 1, not_taken: 3 * n - 4 });
      const row0 = cov.rows[0];
      const tlCell = row0.cells.find((c: { regionId: number }) => c.regionId === tl);
      expect(tlCell).toMatchObject({ state: 'taken_up', color: 'blue', reporting: false, taskIds: [tongliangTask] });
      // the roll-up is the plan's rule (by default the worst colour) applied to the districts' cells
      expect(row0.rollup).toEqual(rollupDistricts(row0.cells, { kind: 'worst' }));
      expect(row0.rollup.takenUp).toBe(2);
      expect(cov.rows[2].cells.find((c: { regionId: number }) => c.regionId === yc)).toMatchObject({ state: 'not_applicable', reason: '永川区无轨道交通线路规划', color: null });
      expect(cov.rule).toMatch(/最差/);
    }
    const xlsx = await cityLeader.get(`/api/plans/${cityPlan}/exports/coverage`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toMatch(/spreadsheetml/);
  });

  it('withdrawing every link and the 不适用 record puts a task back to 未落实', async () => {
    const res = await audited(['task.applicable'], () => yongchuan.post(`/api/tasks/${upper[2]}/untake`, {}));
    expect(res.statusCode, res.body).toBe(200);
    const list = (await yongchuan.get(`/api/plans/${cityPlan}/take-up`)).json();
    expect(list.items[2].state).toBe('not_taken');
  });
});

describe('taken up and reporting (a linked task has a report for its current period)', () => {
  const cellOf = (cov: { rows: { cells: { regionId: number }[] }[] }, row: number, region: number) =>
    cov.rows[row].cells.find((c) => c.regionId === region) as unknown as { state: string; reporting: boolean; label: string; color: string | null };
  const sheetText = async (client: Client) => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await client.get(`/api/plans/${cityPlan}/exports/coverage`)).rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    const rows: string[][] = [];
    ws.eachRow((r) => rows.push((r.values as unknown[]).slice(1).map((v) => (v == null ? '' : String(v)))));
    return rows;
  };
  let periodKey: string;

  it('a taken-up district with no report for the current period is told apart, even when its task is marked done', async () => {
    const list = (await yongchuan.get(`/api/plans/${cityPlan}/take-up`)).json();
    const link = list.items[0].links.find((l: { taskId: number }) => l.taskId === yongchuanTask);
    expect(link.reporting).toBe(false);
    periodKey = link.status.periodKey;
    expect(periodKey, 'a period is due for a 2025–2027 plan').toMatch(/^\d{4}/);
    const cov = (await cityLeader.get(`/api/plans/${cityPlan}/coverage`)).json();
    // 铜梁's task is blue (completed by its figures) but nothing was reported for the period: taken up, not reporting
    expect(cellOf(cov, 0, tl)).toMatchObject({ state: 'taken_up', color: 'blue', reporting: false });
    expect(cellOf(cov, 0, yc)).toMatchObject({ state: 'taken_up', reporting: false });
    expect(cov.rows[0].counts.reporting).toBe(0);
  });

  it('a draft does not count; a report sent for the current period makes the district reporting', async () => {
    // sent to the period reports go to by default (the oldest not locked): the due one, or a later one once it locks
    const body = { reportedStatus: '推进中', progress: 40, progressText: '完成3个小区改造设计', problems: '资金到位慢', nextSteps: '启动施工招标' };
    const draft = await reporter.post(`/api/tasks/${yongchuanOther}/reports`, { ...body, submit: false });
    expect(draft.statusCode, draft.body).toBe(200);
    expect(cellOf((await cityLeader.get(`/api/plans/${cityPlan}/coverage`)).json(), 0, yc).reporting).toBe(false);
    const sent = await reporter.post(`/api/tasks/${yongchuanTask}/reports`, { ...body, submit: true });
    expect(sent.statusCode, sent.body).toBe(200);
    const cov = (await cityLeader.get(`/api/plans/${cityPlan}/coverage`)).json();
    expect(cellOf(cov, 0, yc)).toMatchObject({ state: 'taken_up', reporting: true });
    expect(cellOf(cov, 0, tl).reporting).toBe(false);
    // yongchuanTask serves upper[0] only (its upper[2] link was withdrawn); upper[1] is carried by the created task
    expect(cellOf(cov, 1, yc)).toMatchObject({ state: 'taken_up', reporting: false });
    expect(cov.rows.map((r: { counts: { reporting: number } }) => r.counts.reporting)).toEqual([1, 0, 0]);
    expect(cov.districts.find((d: { id: number }) => d.id === yc).counts).toMatchObject({ taken_up: 2, reporting: 1 });
    expect(cov.districts.find((d: { id: number }) => d.id === tl).counts).toMatchObject({ taken_up: 1, reporting: 0 });
    expect(cov.totals.reporting).toBe(1);
    // the district's own list says which linked task is reporting
    const list = (await yongchuan.get(`/api/plans/${cityPlan}/take-up`)).json();
    const links = Object.fromEntries(list.items[0].links.map((l: { taskId: number; reporting: boolean }) => [l.taskId, l.reporting]));
    expect(links).toEqual({ [yongchuanTask]: true, [yongchuanOther]: false });
    expect(list.counts.reporting).toBe(1);
    // a district reads its own column with the same state
    expect(cellOf((await yongchuan.get(`/api/plans/${cityPlan}/coverage`)).json(), 0, yc).reporting).toBe(true);
  });

  it('the Excel export says it in each cell and counts it per task and per district', async () => {
    const cov = (await cityLeader.get(`/api/plans/${cityPlan}/coverage`)).json();
    const rows = await sheetText(cityLeader);
    const header = rows[0];
    const col = (name: string) => header.indexOf(name);
    expect(col('本期已报送')).toBeGreaterThan(col('已落实'));
    const ycName = cov.districts.find((d: { id: number }) => d.id === yc).name;
    const tlName = cov.districts.find((d: { id: number }) => d.id === tl).name;
    expect(rows[1][col(ycName)].endsWith('（本期已报送）')).toBe(true);
    expect(rows[1][col(tlName)].endsWith('（本期未报送）')).toBe(true);
    expect(rows[1][col('本期已报送')]).toBe('1');
    expect(rows[2][col('本期已报送')]).toBe('0');
    const countsRow = rows[1 + cov.rows.length];
    expect(countsRow[col(ycName)]).toBe('2（1） / 0 / 1');
    expect(countsRow[col('本期已报送')]).toBe('1');
  });
});

describe('the roll-up rule, a plan setting of the issuing region', () => {
  const setRule = (client: Client, body: unknown) => client.request({ method: 'PUT', url: `/api/plans/${cityPlan}/rollup-rule`, payload: body as object });
  const row0 = async () => (await cityLeader.get(`/api/plans/${cityPlan}/coverage`)).json().rows[0];

  beforeAll(async () => {
    // 永川 carries task 1 with an overdue task (red) and a completed one (blue): its cell is red; 铜梁's is blue
    const db = t.handle.db;
    await db.update(tasks).set({ progress: 30, reportedStatus: '推进中', startDate: '2024-01-01', deadline: '2024-06-30' }).where(eq(tasks.id, yongchuanTask));
    await db.update(tasks).set({ progress: 100, reportedStatus: '已完成' }).where(eq(tasks.id, yongchuanOther));
  });

  it('is the worst colour until the office chooses another, and says so', async () => {
    const cov = (await cityOffice.get(`/api/plans/${cityPlan}/coverage`)).json();
    expect(cov.rollupRule).toEqual({ kind: 'worst', threshold: 80, weights: {} });
    expect(cov.canSetRule).toBe(true);
    expect(cov.rule).toMatch(/^上级任务的状态取最差颜色/);
    const r = cov.rows[0];
    expect(r.cells.filter((c: { state: string }) => c.state === 'taken_up').map((c: { regionId: number; color: string }) => [c.regionId, c.color]).sort()).toEqual([[yc, 'red'], [tl, 'blue']].sort());
    expect(r.rollup).toMatchObject({ color: 'red', takenUp: 2, progressing: 2, onTrack: 1, share: 50 });
    expect(r.rollup.text).toMatch(/^取最差颜色:2个区县已落实,最差为红色/);
    expect((await cityLeader.get(`/api/plans/${cityPlan}/coverage`)).json().canSetRule).toBe(false);
  });

  it('only the issuing region’s office sets it; the leader, a district and a reporter cannot', async () => {
    for (const client of [cityLeader, yongchuan, reporter]) {
      const res = await audited([], () => setRule(client, { kind: 'share', threshold: 50 }));
      expect(res.statusCode, res.body).toBe(403);
    }
    expect((await setRule(cityOffice, { kind: 'share', threshold: 0 })).statusCode).toBe(400);
    expect((await setRule(cityOffice, { kind: 'median' })).statusCode).toBe(400);
    // weights only for the districts directly below the plan's region
    const city = await regionId(t.handle.db, '重庆市');
    const bad = await audited([], () => setRule(cityOffice, { kind: 'weighted', weights: [{ regionId: city, weight: 2 }] }));
    expect(bad.statusCode, bad.body).toBe(400);
    expect(bad.json().error.code).toBe('ROLLUP_WEIGHT_NOT_DISTRICT');
  });

  it('share on track: 1 of 2 reporting districts (50 %) is green at a 50 % threshold, yellow at 80 %', async () => {
    const res = await audited(['plan.rollup_rule'], () => setRule(cityOffice, { kind: 'share', threshold: 50 }));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ kind: 'share', threshold: 50, weights: {} });
    let r = await row0();
    expect(r.rollup).toMatchObject({ color: 'green', share: 50 });
    expect(r.rollup.text).toMatch(/^按正常推进占比:有进展的2个区县中正常推进或已完成1个\(50%\),达到阈值50%,为绿色/);
    expect((await setRule(cityOffice, { kind: 'share', threshold: 80 })).statusCode).toBe(200);
    r = await row0();
    expect(r.rollup).toMatchObject({ color: 'yellow', share: 50 });
    const cov = (await cityLeader.get(`/api/plans/${cityPlan}/coverage`)).json();
    expect(cov.rule).toMatch(/达到80%为绿色,低于80%为黄色,低于40%为红色/);
    // the same rule reaches a district's own column and the Excel
    expect((await yongchuan.get(`/api/plans/${cityPlan}/coverage`)).json().rollupRule.kind).toBe('share');
  });

  it('weighted by district: 铜梁 at weight 4 makes it green, 永川 at weight 4 red; the sentence names the weights', async () => {
    // the threshold is kept from the previous setting when not given
    const res = await audited(['plan.rollup_rule'], () => setRule(cityOffice, { kind: 'weighted', weights: [{ regionId: tl, weight: 4 }, { regionId: yc, weight: 1 }] }));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ kind: 'weighted', threshold: 80, weights: { [String(tl)]: 4 } });
    let cov = (await cityLeader.get(`/api/plans/${cityPlan}/coverage`)).json();
    expect(cov.rows[0].rollup).toMatchObject({ color: 'green', share: 80 });
    expect(cov.rows[0].rollup.text).toMatch(/^按区县权重:有进展的2个区县权重之和5,其中正常推进或已完成的1个区县权重之和4\(80%\),达到阈值80%,为绿色/);
    expect(cov.rule).toContain('(铜梁区4,其余区县为1)');
    expect((await setRule(cityOffice, { kind: 'weighted', weights: [{ regionId: yc, weight: 4 }] })).statusCode).toBe(200);
    cov = (await cityLeader.get(`/api/plans/${cityPlan}/coverage`)).json();
    expect(cov.rows[0].rollup).toMatchObject({ color: 'red', share: 20 });
    // the other settings of the plan are untouched
    expect((await cityOffice.get(`/api/plans/${cityPlan}/reporting`)).statusCode).toBe(200);
  });

  it('every change is in the plan’s audit trail with the rule before and after', async () => {
    const rows = await t.handle.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'plan.rollup_rule'), eq(auditEvents.entityId, String(cityPlan)))).orderBy(auditEvents.id);
    expect(rows.length).toBe(4);
    expect(rows.map((r) => (r.after as { kind: string }).kind)).toEqual(['share', 'share', 'weighted', 'weighted']);
    expect((rows[0].before as { kind: string }).kind).toBe('worst');
  });

  it('back to the worst colour', async () => {
    expect((await setRule(cityOffice, { kind: 'worst' })).statusCode).toBe(200);
    expect((await row0()).rollup.color).toBe('red');
  });
});

describe('the matrix is cached per view and changes with a take-up change (answerCache.ts)', () => {
  const cellState = (cov: { rows: { cells: { regionId: number; state: string }[] }[] }, row: number, region: number) => cov.rows[row].cells.find((c) => c.regionId === region)?.state;

  it('a take-up by 铜梁 reaches the city’s cached matrix at once, with a new ETag', async () => {
    const first = await cityLeader.get(`/api/plans/${cityPlan}/coverage`);
    expect(first.statusCode).toBe(200);
    const etag = first.headers.etag as string;
    expect(etag).toBeTruthy();
    expect(cellState(first.json(), 2, tl)).toBe('not_taken');
    // asked again unchanged: the same answer, 304 to a client that has it
    expect((await cityLeader.request({ method: 'GET', url: `/api/plans/${cityPlan}/coverage`, headers: { 'if-none-match': etag } })).statusCode).toBe(304);
    expect((await tongliang.post(`/api/tasks/${upper[2]}/take-up`, { taskIds: [tongliangTask] })).statusCode).toBe(200);
    const after = await cityLeader.request({ method: 'GET', url: `/api/plans/${cityPlan}/coverage`, headers: { 'if-none-match': etag } });
    expect(after.statusCode).toBe(200);
    expect(after.headers.etag).not.toBe(etag);
    expect(cellState(after.json(), 2, tl)).toBe('taken_up');
    expect(after.json().rows[2].counts.taken_up).toBe(first.json().rows[2].counts.taken_up + 1);
    // and back: withdrawn, the city sees 未落实 again
    expect((await tongliang.post(`/api/tasks/${upper[2]}/untake`, {})).statusCode).toBe(200);
    expect(cellState((await cityLeader.get(`/api/plans/${cityPlan}/coverage`)).json(), 2, tl)).toBe('not_taken');
  });

  it('one view’s cached answer is never another’s: the district its column, the leader no rule setting', async () => {
    // the same plan, day and data asked by four actors in turn, each right after another has filled the cache
    const office = (await cityOffice.get(`/api/plans/${cityPlan}/coverage`)).json();
    const leader = (await cityLeader.get(`/api/plans/${cityPlan}/coverage`)).json();
    const district = (await tongliang.get(`/api/plans/${cityPlan}/coverage`)).json();
    const other = (await yongchuan.get(`/api/plans/${cityPlan}/coverage`)).json();
    expect(office.canSetRule).toBe(true);
    expect(leader.canSetRule).toBe(false);
    expect(leader.districts.length).toBe(office.districts.length);
    expect(district.districts.map((d: { id: number }) => d.id)).toEqual([tl]);
    expect(other.districts.map((d: { id: number }) => d.id)).toEqual([yc]);
    expect(district.canSetRule).toBe(false);
  });

  // a cached matrix costs no statement at all (the route gate's row and the answer kept under the change clock's stamps,
  // access.ts, db/changeClock.ts), so the key must change with everything the gate and the view depend on
  // (queries/takeUp.ts coverageKey)
  const ids = (cov: { districts: { id: number }[] }) => cov.districts.map((d) => d.id);

  it('the asker’s new roles or region reach the cached matrix at once, even after another view filled it; a logout ends it', async () => {
    const db = t.handle.db;
    const admin = (await makeClient(t.app, db, ['admin'])).client;
    const { user, client: asker } = await makeClient(t.app, db, ['office'], { region: '重庆市' });
    const before = (await asker.get(`/api/plans/${cityPlan}/coverage`)).json();
    expect(before.canSetRule).toBe(true);
    expect(ids(before)).toContain(tl);
    expect((await admin.patch(`/api/users/${user.id}`, { roles: ['leader'] })).statusCode).toBe(200);
    // the city office fills the entry of the office's view under the stamp the change moved; the new leader gets its own
    expect((await cityOffice.get(`/api/plans/${cityPlan}/coverage`)).json().canSetRule).toBe(true);
    const leader = (await asker.get(`/api/plans/${cityPlan}/coverage`)).json();
    expect(leader.canSetRule).toBe(false);
    expect(ids(leader)).toEqual(ids(before));
    expect((await admin.patch(`/api/users/${user.id}`, { roles: ['office'], regionId: yc })).statusCode).toBe(200);
    expect((await cityOffice.get(`/api/plans/${cityPlan}/coverage`)).json().canSetRule).toBe(true);
    const district = (await asker.get(`/api/plans/${cityPlan}/coverage`)).json();
    expect(ids(district)).toEqual([yc]);
    expect(district.canSetRule).toBe(false);
    expect((await asker.post('/api/auth/logout', {})).statusCode).toBe(200);
    expect((await asker.get(`/api/plans/${cityPlan}/coverage`)).statusCode).toBe(401);
    expect((await cityOffice.get(`/api/plans/${cityPlan}/coverage`)).statusCode).toBe(200);
  });

  it('a plan moved to another region — even by a write no audit row stamps — is read afresh: the district that lost it gets 404, the city the new columns', async () => {
    const db = t.handle.db;
    const { plan } = await makePlan(db, { region: '重庆市', title: '重庆市城市体检整改方案', periodStart: 2025, periodEnd: 2027, tasks: [{ title: '补齐社区服务设施短板' }] });
    const url = `/api/plans/${plan.id}/coverage`;
    expect(ids((await tongliang.get(url)).json())).toEqual([tl]);
    const city = (await cityOffice.get(url)).json();
    expect(city.levelWord).toBe('区县');
    expect(ids(city)).toEqual(expect.arrayContaining([yc, tl]));
    // as a restore or a hand-made fix would: the plan now belongs to 永川区, and no audit row moves the change stamp;
    // the plan's region is an input of the route gate, whose answer is kept under the change clock (access.ts): its
    // own trigger notifies every process (migration 0018) — on the embedded database with the write itself
    const since = changeClockOf(db)!.count;
    await db.update(plans).set({ regionId: yc }).where(eq(plans.id, plan.id));
    await expect.poll(() => changeClockOf(db)!.count).toBeGreaterThan(since);
    expect((await tongliang.get(url)).statusCode).toBe(404);
    const towns = await db.select({ id: regions.id }).from(regions).where(eq(regions.parentId, yc));
    const moved = (await cityOffice.get(url)).json();
    expect(moved.levelWord).toBe('镇街');
    expect(ids(moved).sort((a, b) => a - b)).toEqual(towns.map((r) => r.id).sort((a, b) => a - b));
    expect(ids((await yongchuan.get(url)).json()).sort((a, b) => a - b)).toEqual(towns.map((r) => r.id).sort((a, b) => a - b));
  });
});
