// The home pages (今日待办, issue #11) through the HTTP stack: the office's queue across the plans it runs, a unit's
// reports due this period across every plan (deadlines in working days, overdue first), a town's part in tasks
// addressed to 各镇街, a unit head's 预审 queue, and the district at a glance for a leader. Another district's
// items never appear; each answer satisfies its contract in shared/home.ts.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { setClock } from '../../server/clock.js';
import { taskUnits } from '../../server/db/schema/index.js';
import { districtHomeSchema, officeHomeSchema, unitHomeSchema, type DistrictHome, type OfficeHome, type UnitHome } from '../../shared/home.js';
import { Client, useTestApp } from '../helpers/app.js';
import { makeClient, makePlan, makeRunningPlan, makeUnit, unitId } from '../helpers/factories.js';

const t = useTestApp();
afterEach(() => setClock(null));
const at = (iso: string) => setClock(() => new Date(iso));
const report = (over: Record<string, unknown> = {}) => ({ reportedStatus: '推进中', progress: 25, progressText: '完成3个小区的改造设计', submit: true, ...over });

async function home<T>(c: Client, which: 'office' | 'unit' | 'district', schema: { parse: (x: unknown) => T }): Promise<T> {
  const res = await c.get(`/api/home/${which}`);
  expect(res.statusCode, res.body).toBe(200);
  return schema.parse(res.json());
}
const officeOf = (c: Client) => home<OfficeHome>(c, 'office', officeHomeSchema);
const unitOf = (c: Client) => home<UnitHome>(c, 'unit', unitHomeSchema);
const districtOf = (c: Client) => home<DistrictHome>(c, 'district', districtHomeSchema);

/** a notice from the office to a unit, taken by the unit as far as `upTo` */
async function notice(office: Client, unit: Client, planId: number, unitId: number, title: string, upTo: 'issued' | 'fed_back', responseDeadline?: string) {
  const n = await office.post(`/api/plans/${planId}/notices`, { unitId, title, requirement: '请加快推进并反馈', ...(responseDeadline ? { responseDeadline } : {}) });
  expect(n.statusCode, n.body).toBe(200);
  const id = n.json().id as number;
  if (upTo === 'fed_back')
    for (const step of [{ action: 'sign' }, { action: 'handle', text: '正在整改' }, { action: 'feedback', text: '已完成整改,补报了进展' }]) {
      const r = await unit.post(`/api/notices/${id}/respond`, step);
      expect(r.statusCode, r.body).toBe(200);
    }
  return id;
}

const PLAN_TEXT = '永川区老旧小区改造测试方案\n\n一、重点任务\n\n1. 推进老旧小区改造,2026年完成10个小区。(牵头单位:区住房城乡建委)\n';

let s: Awaited<ReturnType<typeof makeRunningPlan>>;
/** a second district plan: a task that names no unit, a second task of unit A */
let second: Awaited<ReturnType<typeof makePlan>>;
/** the city's plan: a task led by unit A of the district */
let city: Awaited<ReturnType<typeof makePlan>>;
/** 铜梁区: the same kinds of items, none of which the district may see */
const other = {} as { plan: Awaited<ReturnType<typeof makePlan>>; office: Client; reporter: Client; unitId: number; noticeId: number; importId: number; reportId: number };
let districtNotice: number;
let districtImport: number;

beforeAll(async () => {
  const db = t.handle.db;
  at('2026-03-20T02:00:00Z'); // Friday 20 March 2026; the March report is due Wednesday the 25th
  s = await makeRunningPlan(t.app, db);
  second = await makePlan(db, { title: '永川区第二个测试方案', periodStart: 2026, periodEnd: 2030, tasks: [{ title: '尚未明确单位的任务' }, { title: '甲单位牵头的第二项任务', lead: [s.units.a.id], deadline: '2026-12' }] });
  city = await makePlan(db, { region: '重庆市', title: '市级测试方案', periodStart: 2026, periodEnd: 2030, tasks: [{ title: '市级方案中甲单位牵头的任务', lead: [s.units.a.id], deadline: '2026-12' }, { title: '市级方案中未明确单位的任务' }] });

  // A reports on the first plan's task and on the city's; C reports nothing
  expect((await s.reporterA.client.post(`/api/tasks/${s.task.id}/reports`, report())).statusCode).toBe(200);
  expect((await s.reporterA.client.post(`/api/tasks/${city.tasks[0].id}/reports`, report())).statusCode).toBe(200);
  districtNotice = await notice(s.office.client, s.reporterA.client, s.plan.id, s.units.a.id, '请说明进度偏慢原因', 'fed_back');
  const imp = await s.office.client.upload('/api/imports', '永川区老旧小区改造测试方案.txt', Buffer.from(PLAN_TEXT));
  expect(imp.statusCode, imp.body).toBe(200);
  expect(imp.json().status).toBe('review');
  districtImport = imp.json().id;

  const tlUnit = await makeUnit(db, '铜梁区');
  other.unitId = tlUnit.id;
  other.plan = await makePlan(db, { region: '铜梁区', title: '铜梁区测试方案', periodStart: 2026, periodEnd: 2030, tasks: [{ title: '铜梁区牵头任务', lead: [tlUnit.id], deadline: '2026-12' }, { title: '铜梁区未明确单位的任务' }] });
  other.office = (await makeClient(t.app, db, ['office'], { region: '铜梁区' })).client;
  other.reporter = (await makeClient(t.app, db, ['unit_reporter'], { region: '铜梁区', unitId: tlUnit.id })).client;
  const r = await other.reporter.post(`/api/tasks/${other.plan.tasks[0].id}/reports`, report({ reportedStatus: '受阻', progressText: '征地受阻' }));
  expect(r.statusCode, r.body).toBe(200);
  other.reportId = r.json().id;
  other.noticeId = await notice(other.office, other.reporter, other.plan.plan.id, tlUnit.id, '铜梁区的督办', 'fed_back');
  const timp = await other.office.upload('/api/imports', '铜梁区测试方案.txt', Buffer.from(PLAN_TEXT.replace(/永川区/g, '铜梁区')));
  expect(timp.statusCode, timp.body).toBe(200);
  other.importId = timp.json().id;
});

describe('the office', () => {
  it('sees, across the plans it runs, reports to review, overdue units, tasks without units, 督办 to recheck and imports to review — counts first', async () => {
    at('2026-03-27T02:00:00Z'); // Friday after the due date: C has not reported
    const h = await officeOf(s.office.client);
    expect(h.asOf).toBe('2026-03-27');
    expect(h.counts).toEqual({ pendingReview: 1, overdueUnits: 2, unassignedTasks: 1, noticesToRecheck: 1, importsInReview: 1 });
    // the report A sent to the district plan; the one it sent to the city's plan is the city office's to review
    expect(h.pendingReview).toEqual([expect.objectContaining({ planId: s.plan.id, taskId: s.task.id, taskTitle: '推进老旧小区改造', unitName: s.units.a.name, periodKey: '2026-03', periodLabel: '2026年3月', late: false })]);
    // C in the first plan, A in the second (its second task has no report); two working days late (Thursday and Friday)
    expect(h.overdueUnits.map((u) => [u.planId, u.unitId, u.missingTasks])).toEqual(expect.arrayContaining([[s.plan.id, s.units.c.id, 1], [second.plan.id, s.units.a.id, 1]]));
    expect(h.overdueUnits[0]).toMatchObject({ periodKey: '2026-03', deadline: { date: '2026-03-25', workingDays: -2, overdue: true } });
    expect(h.unassignedTasks).toEqual([{ planId: second.plan.id, planTitle: '永川区第二个测试方案', count: 1, examples: [{ taskId: second.tasks[0].id, title: '尚未明确单位的任务' }] }]);
    expect(h.noticesToRecheck).toEqual([expect.objectContaining({ noticeId: districtNotice, planId: s.plan.id, unitName: s.units.a.name, level: 'blue' })]);
    expect(h.importsInReview).toEqual([expect.objectContaining({ importId: districtImport, title: '永川区老旧小区改造测试方案', taskCount: 1 })]);

    // nothing of 铜梁区 and nothing of the city's plan the district only reads
    const body = JSON.stringify(h);
    for (const words of ['铜梁区', '市级测试方案', '市级方案中']) expect(body).not.toContain(words);
    expect(h.pendingReview.map((r) => r.reportId)).not.toContain(other.reportId);

    // and 铜梁区's office sees its own, not the district's
    const tl = await officeOf(other.office);
    expect(tl.counts).toMatchObject({ pendingReview: 1, unassignedTasks: 1, noticesToRecheck: 1, importsInReview: 1 });
    expect(tl.noticesToRecheck.map((n) => n.noticeId)).toEqual([other.noticeId]);
    expect(tl.importsInReview.map((i) => i.importId)).toEqual([other.importId]);
    expect(JSON.stringify(tl)).not.toContain('永川区');
  });

  it('an item handled leaves the list: the report reviewed, the notice rechecked', async () => {
    at('2026-03-27T02:00:00Z');
    const office = s.office.client;
    const before = await officeOf(office);
    const reportId = before.pendingReview[0].reportId;
    expect((await office.post(`/api/reports/${reportId}/review`, { decision: 'accept' })).statusCode).toBe(200);
    expect((await office.post(`/api/notices/${districtNotice}/recheck`, { passed: true })).statusCode).toBe(200);
    const after = await officeOf(office);
    expect(after.counts).toMatchObject({ pendingReview: 0, noticesToRecheck: 0 });
    expect(after.pendingReview).toEqual([]);
  });

  it('is the office’s: a unit or a leader is refused it', async () => {
    expect((await s.reporterA.client.get('/api/home/office')).statusCode).toBe(403);
    expect((await s.leader.client.get('/api/home/office')).statusCode).toBe(403);
    expect((await new Client(t.app).get('/api/home/office')).statusCode).toBe(401);
  });
});

describe('a unit', () => {
  it('sees this period’s report of every task it leads across every plan, with the deadline in working days, overdue first', async () => {
    at('2026-03-20T02:00:00Z');
    const h = await unitOf(s.reporterC.client);
    expect(h.unitName).toBe(s.units.c.name);
    expect(h.reports).toEqual([expect.objectContaining({
      planId: s.plan.id, taskId: s.otherTask.id, taskTitle: '建设智慧城管平台', period: { key: '2026-03', label: '2026年3月', dueDate: '2026-03-25', state: 'open' },
      deadline: { date: '2026-03-25', workingDays: 3, overdue: false }, reportId: null, reportStatus: null, todo: true,
    })]);
    expect(h.reports[0].taskStatus).toMatchObject({ color: 'grey', state: 'not_reported', label: '未报送' });

    // A: the second plan's task (still to do) first, then the district plan's (accepted above) and the city's plan's (sent)
    const a = await unitOf(s.reporterA.client);
    expect(a.reports.map((r) => [r.planId, r.taskId, r.todo, r.reportStatus])).toEqual([
      [second.plan.id, second.tasks[1].id, true, null],
      [s.plan.id, s.task.id, false, 'accepted'],
      [city.plan.id, city.tasks[0].id, false, 'submitted'],
    ]);
    expect(a.counts).toMatchObject({ toReport: 1, overdue: 0, waiting: 1, accepted: 1 });

    // after the due date the one still to do comes first, overdue by working days
    at('2026-03-27T02:00:00Z');
    const late = await unitOf(s.reporterA.client);
    expect(late.reports[0]).toMatchObject({ taskId: second.tasks[1].id, todo: true, deadline: { date: '2026-03-25', workingDays: -2, overdue: true } });
    expect(late.counts).toMatchObject({ toReport: 1, overdue: 1 });
    // the report the office accepted above
    expect(late.reports.find((r) => r.taskId === s.task.id)).toMatchObject({ reportStatus: 'accepted', todo: false, deadline: { overdue: false } });

    // B cooperates on A's task: its part, not a report
    const b = await unitOf(s.reporterB.client);
    expect(b.reports).toEqual([]);
    expect(b.contributions).toEqual([expect.objectContaining({ planId: s.plan.id, taskId: s.task.id, role: 'cooperating', viaAllTowns: false, given: false })]);
  });

  it('sees the 督办 waiting for its step, the earliest deadline first, and a returned report with its reason', async () => {
    at('2026-03-20T02:00:00Z');
    const n = await notice(s.office.client, s.reporterC.client, s.plan.id, s.units.c.id, '请按期报送进展', 'issued', '2026-03-24');
    const h = await unitOf(s.reporterC.client);
    expect(h.notices).toEqual([expect.objectContaining({ noticeId: n, planId: s.plan.id, title: '请按期报送进展', status: 'issued', level: 'blue', deadline: { date: '2026-03-24', workingDays: 2, overdue: false } })]);
    expect(h.counts.notices).toBe(1);
    // another unit's notice is not its
    expect((await unitOf(s.reporterA.client)).notices.map((x) => x.noticeId)).not.toContain(n);

    const sent = await s.reporterC.client.post(`/api/tasks/${s.otherTask.id}/reports`, report());
    await s.office.client.post(`/api/reports/${sent.json().id}/review`, { decision: 'return', reason: '请补充平台建设的招标进度' });
    const back = await unitOf(s.reporterC.client);
    expect(back.reports[0]).toMatchObject({ reportStatus: 'returned', returnReason: '请补充平台建设的招标进度', todo: true });
    expect(back.counts).toMatchObject({ toReport: 1, returned: 1 });
  });

  it('a town sees its part in the tasks addressed to 各镇街 of its district’s plans, and gives it', async () => {
    at('2026-03-20T02:00:00Z');
    const db = t.handle.db;
    const lead = await makeUnit(db);
    const { plan, tasks } = await makePlan(db, { title: '永川区人居环境整治方案', periodStart: 2026, periodEnd: 2030, tasks: [{ title: '开展农村人居环境整治', lead: [lead.id], deadline: '2026-12' }] });
    await db.insert(taskUnits).values({ taskId: tasks[0].id, unitId: null, role: 'responsible', raw: '各镇街', scope: 'all_towns', position: 0 });
    const town = (await makeClient(t.app, db, ['unit_reporter'], { unitId: await unitId(db, '青峰镇') })).client;
    const h = await unitOf(town);
    expect(h.unitName).toBe('青峰镇');
    expect(h.contributions).toEqual([expect.objectContaining({ planId: plan.id, taskId: tasks[0].id, role: 'responsible', viaAllTowns: true, given: false, deadline: { date: '2026-03-25', workingDays: 3, overdue: false } })]);
    expect(h.counts.contributionsOpen).toBe(1);
    expect((await town.post(`/api/tasks/${tasks[0].id}/contributions`, { text: '本镇完成12个村的垃圾分类设施建设' })).statusCode).toBe(200);
    const after = await unitOf(town);
    expect(after.contributions[0]).toMatchObject({ given: true });
    expect(after.counts.contributionsOpen).toBe(0);
    // a town of another district is not addressed
    const otherTown = (await makeClient(t.app, db, ['unit_reporter'], { region: '铜梁区', unitId: await unitId(db, '巴川街道', '铜梁区') })).client;
    expect((await unitOf(otherTown)).contributions.map((c) => c.taskId)).not.toContain(tasks[0].id);
  });

  it('a town addressed as a lead only through 各镇街 gives its part; the report is the named lead’s (no row it cannot send)', async () => {
    at('2026-03-20T02:00:00Z');
    const db = t.handle.db;
    const lead = await makeUnit(db);
    const { plan, tasks } = await makePlan(db, { title: '永川区乡村振兴行动方案', periodStart: 2026, periodEnd: 2030, tasks: [{ title: '推进和美乡村建设', lead: [lead.id], deadline: '2026-12' }] });
    await db.insert(taskUnits).values({ taskId: tasks[0].id, unitId: null, role: 'lead', raw: '各镇街', scope: 'all_towns', position: 0 });
    const town = (await makeClient(t.app, db, ['unit_reporter'], { unitId: await unitId(db, '青峰镇') })).client;
    const h = await unitOf(town);
    expect(h.reports.map((r) => r.taskId)).not.toContain(tasks[0].id);
    expect(h.contributions).toContainEqual(expect.objectContaining({ planId: plan.id, taskId: tasks[0].id, role: 'lead', viaAllTowns: true, given: false }));
    expect((await town.get('/api/me/report-grid')).json().rows.map((r: { taskId: number }) => r.taskId)).not.toContain(tasks[0].id);
    expect((await town.post(`/api/tasks/${tasks[0].id}/reports`, report())).statusCode).toBe(403);
    expect((await town.post(`/api/tasks/${tasks[0].id}/contributions`, { text: '本镇完成3个和美乡村示范点建设' })).statusCode).toBe(200);
    // named as a lead, the town writes the report
    const mine = await unitId(db, '青峰镇');
    await db.insert(taskUnits).values({ taskId: tasks[0].id, unitId: mine, role: 'lead', raw: '青峰镇', scope: 'unit', position: 1 });
    expect((await unitOf(town)).reports.map((r) => r.taskId)).toContain(tasks[0].id);
  });

  it('a unit head sees the reports waiting for its 预审', async () => {
    at('2026-03-20T02:00:00Z');
    const r = await makeRunningPlan(t.app, t.handle.db, { settings: { unitHeadReview: true } });
    const sent = await r.reporterA.client.post(`/api/tasks/${r.task.id}/reports`, report());
    expect(sent.json().status).toBe('unit_review');
    const head = await unitOf(r.headA.client);
    expect(head.unitReview).toEqual([expect.objectContaining({ reportId: sent.json().id, planId: r.plan.id, taskId: r.task.id, periodLabel: '2026年3月' })]);
    expect(head.reports[0]).toMatchObject({ reportStatus: 'unit_review', todo: false });
    // the reporter waits; it has no 预审 queue
    expect((await unitOf(r.reporterA.client)).unitReview).toEqual([]);
  });

  it('is nothing of another district’s, and a leader or office is refused it', async () => {
    at('2026-03-20T02:00:00Z');
    const tl = await unitOf(other.reporter);
    expect(tl.reports.map((x) => x.planId)).toEqual([other.plan.plan.id]);
    expect(JSON.stringify(tl)).not.toContain('永川区');
    expect((await s.leader.client.get('/api/home/unit')).statusCode).toBe(403);
    expect((await s.office.client.get('/api/home/unit')).statusCode).toBe(403);
  });
});

describe('a leader', () => {
  it('sees the district at a glance: status by plan, by unit, and the lagging list — none of another district', async () => {
    at('2026-03-20T02:00:00Z');
    // A reports the second plan's task blocked; the office accepts: 受阻 is red
    const blocked = await s.reporterA.client.post(`/api/tasks/${second.tasks[1].id}/reports`, report({ reportedStatus: '受阻', progress: 5, progressText: '征地拆迁受阻' }));
    expect(blocked.statusCode, blocked.body).toBe(200);
    expect((await s.office.client.post(`/api/reports/${blocked.json().id}/review`, { decision: 'accept' })).statusCode).toBe(200);
    // 铜梁区's blocked task, accepted by its own office
    expect((await other.office.post(`/api/reports/${other.reportId}/review`, { decision: 'accept' })).statusCode).toBe(200);

    at('2026-03-27T02:00:00Z');
    const h = await districtOf(s.leader.client);
    const ids = h.plans.map((p) => p.planId);
    expect(ids).toEqual(expect.arrayContaining([s.plan.id, second.plan.id, city.plan.id]));
    expect(ids).not.toContain(other.plan.plan.id);
    expect(h.plans.find((p) => p.planId === city.plan.id)).toMatchObject({ issuedAbove: true, regionName: '重庆市' });
    const first = h.plans.find((p) => p.planId === s.plan.id)!;
    // March was due on the 25th: A reported (and was accepted), C did not; a notice to A was closed by recheck, one to C is open
    expect(first).toMatchObject({ issuedAbove: false, taskCount: 2, period: { key: '2026-03', dueDate: '2026-03-25' }, dueReports: 2, missingReports: 1, missingUnits: 1 });
    expect(first.counts).toEqual({ green: 1, yellow: 0, red: 0, grey: 1, blue: 0 });
    expect(first.progress).toBe(25);
    const sec = h.plans.find((p) => p.planId === second.plan.id)!;
    expect(sec.counts.red).toBe(1);

    // by unit: the district's lead units, the lagging first; C has a missing report, A a red task
    const a = h.units.find((u) => u.unitId === s.units.a.id)!;
    expect(a).toMatchObject({ planCount: 3, leadTasks: 3, missingReports: 0 });
    expect(a.counts.red).toBe(1);
    expect(h.units[0].unitId).toBe(s.units.a.id);
    expect(h.units.find((u) => u.unitId === s.units.c.id)).toMatchObject({ leadTasks: 1, missingReports: 1, openNotices: 1 });
    expect(h.units.map((u) => u.unitId)).not.toContain(other.unitId);

    // the lagging list: the red task with the status words of the one status function
    expect(h.lagging[0]).toMatchObject({ taskId: second.tasks[1].id, planId: second.plan.id, leadUnits: [s.units.a.name], status: { color: 'red', state: 'blocked', label: '受阻' } });
    expect(h.laggingTotal.red).toBeGreaterThanOrEqual(1);
    expect(JSON.stringify(h)).not.toContain('铜梁区');

    // the plan's own status agrees with the overview
    const st = (await s.leader.client.get(`/api/plans/${s.plan.id}/status`)).json();
    expect(st.plan).toMatchObject({ taskCount: first.taskCount, progress: first.progress, counts: first.counts });

    // 铜梁区's office sees its own district: its blocked task, not the district's
    const tl = await districtOf(other.office);
    expect(tl.lagging.map((x) => x.taskId)).toEqual([other.plan.tasks[0].id]);
    expect(tl.plans.map((p) => p.planId)).not.toContain(s.plan.id);
  });

  it('is refused to a unit', async () => {
    expect((await s.reporterA.client.get('/api/home/district')).statusCode).toBe(403);
  });
});
