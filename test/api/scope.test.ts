// Every query is scoped: a unit sees its own tasks, a district office its region, nobody else's plans.
import { describe, expect, it } from 'vitest';
import { Client, useTestApp } from '../helpers/app.js';
import { makePlan, makeUnit, makeUser, PASSWORD, unitId } from '../helpers/factories.js';
import { taskUnits } from '../../server/db/schema/index.js';

const t = useTestApp();

describe('scoping', () => {
  it('a unit user sees only tasks where its unit holds a role, and 404 for the others', async () => {
    const db = t.handle.db;
    const [a, b] = [await makeUnit(db), await makeUnit(db)];
    const { plan, tasks } = await makePlan(db, { tasks: [{ title: '甲单位牵头的任务', lead: [a.id] }, { title: '乙单位牵头的任务', lead: [b.id], cooperating: [a.id] }, { title: '只有乙单位的任务', lead: [b.id] }] });
    const u = await makeUser(db, ['unit_reporter'], { unitId: a.id });
    const c = await new Client(t.app).login(u.username, PASSWORD);
    const list = (await c.get(`/api/plans/${plan.id}/tasks`)).json();
    expect(list.items.map((x: { title: string }) => x.title).sort()).toEqual(['乙单位牵头的任务', '甲单位牵头的任务'].sort());
    expect((await c.get(`/api/tasks/${tasks[2].id}`)).statusCode).toBe(404);
    expect((await c.get(`/api/tasks/${tasks[0].id}`)).statusCode).toBe(200);
    const lead = (await c.get('/api/me/tasks?role=lead')).json();
    expect(lead.items.map((x: { id: number }) => x.id)).toEqual([tasks[0].id]);
  });

  it('towns are regions under their district: a town office sees its own, its district\'s and the city\'s plans; the district leader sees the town\'s', async () => {
    const db = t.handle.db;
    const town = await makePlan(db, { region: '青峰镇', title: '青峰镇人居环境整治实施方案' });
    const sibling = await makePlan(db, { region: '金龙镇', title: '金龙镇测试方案' });
    const district = await makePlan(db, { region: '永川区', title: '永川区测试方案' });
    const city = await makePlan(db, { region: '重庆市', title: '市级测试方案' });
    const other = await makePlan(db, { region: '铜梁区', title: '铜梁区测试方案' });
    const regions = (await (await new Client(t.app).login((await makeUser(db, ['admin'])).username, PASSWORD)).get('/api/regions')).json().items;
    const qf = regions.find((r: { name: string }) => r.name === '青峰镇');
    const yc = regions.find((r: { name: string }) => r.name === '永川区');
    expect(qf).toMatchObject({ level: 'town', parentId: yc.id });

    const townOffice = await new Client(t.app).login((await makeUser(db, ['office'], { region: '青峰镇' })).username, PASSWORD);
    const seen = (await townOffice.get('/api/plans?pageSize=500')).json().items.map((p: { id: number }) => p.id);
    expect(seen).toEqual(expect.arrayContaining([town.plan.id, district.plan.id, city.plan.id]));
    expect(seen).not.toContain(sibling.plan.id);
    expect(seen).not.toContain(other.plan.id);

    const leader = await new Client(t.app).login((await makeUser(db, ['leader'], { region: '永川区' })).username, PASSWORD);
    const led = (await leader.get('/api/plans?pageSize=500')).json().items.map((p: { id: number }) => p.id);
    expect(led).toEqual(expect.arrayContaining([town.plan.id, sibling.plan.id, district.plan.id, city.plan.id]));
    expect(led).not.toContain(other.plan.id);
  });

  it('a town takes part in tasks addressed to 各镇街 in its district\'s plans: sees them, lists them by role, contributes', async () => {
    const db = t.handle.db;
    const lead = await makeUnit(db);
    const { plan, tasks } = await makePlan(db, { periodStart: 2026, periodEnd: 2030, tasks: [{ title: '开展农村人居环境整治', lead: [lead.id] }, { title: '只有牵头单位的任务', lead: [lead.id] }] });
    await db.insert(taskUnits).values({ taskId: tasks[0].id, unitId: null, role: 'responsible', raw: '各镇街', scope: 'all_towns', position: 0 });
    const town = await new Client(t.app).login((await makeUser(db, ['unit_reporter'], { unitId: await unitId(db, '青峰镇') })).username, PASSWORD);
    const listed = (await town.get(`/api/plans/${plan.id}/tasks`)).json().items.map((x: { id: number }) => x.id);
    expect(listed).toEqual([tasks[0].id]);
    const mine = (await town.get('/api/me/tasks?role=responsible&pageSize=200')).json().items.map((x: { id: number }) => x.id);
    expect(mine).toContain(tasks[0].id);
    expect((await town.get('/api/me/tasks?role=lead&pageSize=200')).json().items.map((x: { id: number }) => x.id)).not.toContain(tasks[0].id);
    const part = await town.post(`/api/tasks/${tasks[0].id}/contributions`, { text: '本镇完成12个村的垃圾分类设施建设' });
    expect(part.statusCode, part.body).toBe(200);
    expect((await town.get(`/api/tasks/${tasks[1].id}`)).statusCode).toBe(404);

    // a town of another district, and a department of this one, are not 各镇街 of this plan
    const otherTown = await new Client(t.app).login((await makeUser(db, ['unit_reporter'], { unitId: await unitId(db, '巴川街道', '铜梁区') })).username, PASSWORD);
    expect((await otherTown.get(`/api/tasks/${tasks[0].id}`)).statusCode).toBe(404);
    const dept = await new Client(t.app).login((await makeUser(db, ['unit_reporter'], { unitId: (await makeUnit(db)).id })).username, PASSWORD);
    expect((await dept.get(`/api/tasks/${tasks[0].id}`)).statusCode).toBe(404);
  });

  it('an office sees the plans of its own region (and those issued above it), not a sibling district', async () => {
    const db = t.handle.db;
    const yc = await makePlan(db, { region: '永川区', title: '永川区测试规划' });
    const tl = await makePlan(db, { region: '铜梁区', title: '铜梁区测试规划' });
    const city = await makePlan(db, { region: '重庆市', title: '市级测试方案' });
    const u = await makeUser(db, ['office'], { region: '永川区' });
    const c = await new Client(t.app).login(u.username, PASSWORD);
    const ids = (await c.get('/api/plans?pageSize=500')).json().items.map((p: { id: number }) => p.id);
    expect(ids).toContain(yc.plan.id);
    expect(ids).toContain(city.plan.id);
    expect(ids).not.toContain(tl.plan.id);
    expect((await c.get(`/api/plans/${tl.plan.id}`)).statusCode).toBe(404);
  });

  it('a unit role cannot change tasks', async () => {
    const db = t.handle.db;
    const a = await makeUnit(db);
    const { tasks } = await makePlan(db, { tasks: [{ title: '测试任务', lead: [a.id] }] });
    const u = await makeUser(db, ['unit_head'], { unitId: a.id });
    const c = await new Client(t.app).login(u.username, PASSWORD);
    expect((await c.patch(`/api/tasks/${tasks[0].id}`, { title: '改名' })).statusCode).toBe(403);
  });
});

describe('import scoping', () => {
  it("an office of another district neither lists nor opens nor confirms this district's import", async () => {
    const db = t.handle.db;
    const yc = await new Client(t.app).login((await makeUser(db, ['office'], { region: '永川区' })).username, PASSWORD);
    const tl = await new Client(t.app).login((await makeUser(db, ['office'], { region: '铜梁区' })).username, PASSWORD);
    const text = Buffer.from('永川区测试行动计划\n一、重点任务\n(一)推进老旧小区改造。(牵头单位:区住房城乡建委;责任单位:区财政局)\n', 'utf8');
    const job = (await yc.upload('/api/imports', 'yc.txt', text)).json();
    expect((await tl.get('/api/imports')).json().items.map((i: { id: number }) => i.id)).not.toContain(job.id);
    expect((await tl.get(`/api/imports/${job.id}`)).statusCode).toBe(404);
    expect((await tl.post(`/api/imports/${job.id}/confirm`, {})).statusCode).toBe(404);
    expect((await yc.get(`/api/imports/${job.id}`)).statusCode).toBe(200);
  });
});

describe('plan settings secrets', () => {
  it('shows the webhook address to the office but hides it from a unit reporter', async () => {
    const db = t.handle.db;
    const a = await makeUnit(db);
    const { plan } = await makePlan(db, { tasks: [{ title: '有单位的任务', lead: [a.id] }] });
    const office = await new Client(t.app).login((await makeUser(db, ['office'])).username, PASSWORD);
    const hook = 'https://oapi.dingtalk.com/robot/send?access_token=SECRET123';
    const set = await office.patch(`/api/plans/${plan.id}/reporting`, { reminders: { webhookUrl: hook } });
    expect(set.statusCode, set.body).toBe(200);
    expect(JSON.stringify((await office.get(`/api/plans/${plan.id}`)).json().settings)).toContain('SECRET123');
    const reporter = await new Client(t.app).login((await makeUser(db, ['unit_reporter'], { unitId: a.id })).username, PASSWORD);
    const seen = await reporter.get(`/api/plans/${plan.id}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.body).not.toContain('SECRET123');
  });
});
