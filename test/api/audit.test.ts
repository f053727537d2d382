// Every kind of change leaves an audit row, written in the same transaction as the change.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { desc } from 'drizzle-orm';
import { auditEvents } from '../../server/db/schema/index.js';
import { Client, startTestApp, type TestApp } from '../helpers/app.js';
import { makePlan, makeUnit, makeUser, PASSWORD, regionId } from '../helpers/factories.js';

let t: TestApp;
let c: Client;
beforeAll(async () => {
  t = await startTestApp();
  const u = await makeUser(t.handle.db, ['admin']);
  c = await new Client(t.app).login(u.username, PASSWORD);
});
afterAll(() => t.close());

const last = async () => (await t.handle.db.select().from(auditEvents).orderBy(desc(auditEvents.id)).limit(1))[0];

describe('audit trail', () => {
  it('records task creation, update and deletion with before and after, readable through the API', async () => {
    const db = t.handle.db;
    const a = await makeUnit(db);
    const { plan } = await makePlan(db);
    const created = (await c.post(`/api/plans/${plan.id}/tasks`, { title: '新增任务', units: [{ unitId: a.id, role: 'lead' }], deadline: '2025-12' })).json();
    expect(await last()).toMatchObject({ action: 'task.create', entityId: String(created.id) });
    await c.patch(`/api/tasks/${created.id}`, { title: '新增任务(改)', weight: 2 });
    expect(await last()).toMatchObject({ action: 'task.update', before: { title: '新增任务', weight: 1 }, after: { title: '新增任务(改)', weight: 2 } });
    const history = (await c.get(`/api/tasks/${created.id}/history`)).json().items;
    expect(history.map((e: { action: string }) => e.action)).toEqual(['task.create', 'task.update']);
    expect(history[1].actorName).toMatch(/测试用户/);
    await c.delete(`/api/tasks/${created.id}`);
    expect(await last()).toMatchObject({ action: 'task.delete', before: { title: '新增任务(改)' } });
  });

  it('records plan updates, unit and user creation', async () => {
    const db = t.handle.db;
    const { plan } = await makePlan(db);
    await c.patch(`/api/plans/${plan.id}`, { status: 'archived' });
    expect(await last()).toMatchObject({ action: 'plan.update', before: { status: 'active' }, after: { status: 'archived' } });
    const rid = await regionId(db, '永川区');
    const unit = (await c.post('/api/units', { name: '区审计测试局', regionId: rid })).json();
    expect(await last()).toMatchObject({ action: 'unit.create', entityId: String(unit.id) });
    await c.post('/api/users', { username: 'audit_u1', displayName: '审计用户', password: 'Audit-Leader-2026', roles: ['leader'] });
    const e = await last();
    expect(e.action).toBe('user.create');
    expect(JSON.stringify(e.after)).not.toMatch(/password|argon/i);
  });

  it('a failed change writes no audit row and changes nothing', async () => {
    const before = await last();
    const res = await c.post('/api/units', { name: '区审计测试局', regionId: await regionId(t.handle.db, '永川区') });
    expect(res.statusCode).toBe(409);
    expect((await last()).id).toBe(before.id);
  });
});

describe('plan links', () => {
  it('links a district plan to the plan it implements, audited, and refuses a self-link', async () => {
    const db = t.handle.db;
    const parent = await makePlan(db, { region: '重庆市' });
    const child = await makePlan(db);
    const res = await c.patch(`/api/plans/${child.plan.id}`, { parentPlanIds: [parent.plan.id] });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().parentPlanIds).toEqual([parent.plan.id]);
    expect(await last()).toMatchObject({ action: 'plan.update', before: { parentPlanIds: [] }, after: { parentPlanIds: [parent.plan.id] } });
    expect((await c.patch(`/api/plans/${child.plan.id}`, { parentPlanIds: [child.plan.id] })).statusCode).toBe(400);
  });
});

describe('partial updates', () => {
  it('a PATCH of one field leaves every other field, unit and chapter link as it was', async () => {
    const db = t.handle.db;
    const a = await makeUnit(db);
    const { plan } = await makePlan(db);
    const created = (await c.post(`/api/plans/${plan.id}/tasks`, { title: '保留字段的任务', text: '原有内容', units: [{ unitId: a.id, role: 'lead' }], deadline: '2025-06', weight: 3, standard: '验收标准' })).json();
    const patched = await c.patch(`/api/tasks/${created.id}`, { assignee: '王五' });
    expect(patched.statusCode, patched.body).toBe(200);
    const after = patched.json();
    expect(after).toMatchObject({ title: '保留字段的任务', text: '原有内容', deadline: '2025-06', weight: 3, assignee: '王五' });
    expect(after.units.map((u: { unitId: number }) => u.unitId)).toEqual([a.id]);
    expect(await last()).toMatchObject({ action: 'task.update', after: { assignee: '王五' } });
    expect(Object.keys((await last()).after as object)).toEqual(['assignee']);
  });
});
