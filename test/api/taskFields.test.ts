// The office edits every field a task row stores: 定人 (assignee), 定目标 (targetText), 定标准 (standard),
// 牵头领导, 开始日期, 完成时限 and its wording, weight. Each change is validated by the patch contract,
// audited with before/after, and a patch of one field leaves the others alone.
import { beforeAll, describe, expect, it } from 'vitest';
import { and, desc, eq } from 'drizzle-orm';
import { auditEvents, tasks } from '../../server/db/schema/index.js';
import { Client, useTestApp } from '../helpers/app.js';
import { makeClient, makePlan, makeUnit } from '../helpers/factories.js';

const t = useTestApp();
let office: Client;
beforeAll(async () => {
  office = (await makeClient(t.app, t.handle.db, ['office'], { region: '永川区' })).client;
});

const lastTaskEvent = async (taskId: number) =>
  (await t.handle.db.select().from(auditEvents).where(and(eq(auditEvents.entityType, 'task'), eq(auditEvents.entityId, String(taskId)))).orderBy(desc(auditEvents.id)).limit(1))[0];

async function newTask() {
  const a = await makeUnit(t.handle.db);
  const { plan, tasks: [row] } = await makePlan(t.handle.db, { tasks: [{ title: '推进老旧小区改造', lead: [a.id], deadline: '2025-12' }] });
  return { plan, id: row.id, unitId: a.id };
}

describe('task fields: 定人、定目标、定时间、定标准', () => {
  it('reads the stored fields back on the task detail and in the plan list', async () => {
    const { plan, id } = await newTask();
    const detail = (await office.get(`/api/tasks/${id}`)).json();
    expect(detail).toMatchObject({ targetText: null, standard: null, startDate: null, deadlineText: null, assignee: null, leaders: [], deadline: '2025-12', weight: 1 });
    const list = (await office.get(`/api/plans/${plan.id}/tasks`)).json();
    expect(list.items[0]).toHaveProperty('targetText', null);
  });

  it('patches 定目标 and 定标准 alone, audits before/after, and keeps every other field', async () => {
    const { id, unitId } = await newTask();
    const res = await office.patch(`/api/tasks/${id}`, { targetText: '完成改造小区 120 个', standard: '居民满意度 90% 以上,竣工验收合格' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ targetText: '完成改造小区 120 个', standard: '居民满意度 90% 以上,竣工验收合格', title: '推进老旧小区改造', deadline: '2025-12' });
    expect(res.json().units).toEqual([expect.objectContaining({ unitId, role: 'lead' })]);

    const e = await lastTaskEvent(id);
    expect(e.action).toBe('task.update');
    expect(e.before).toEqual({ targetText: null, standard: null });
    expect(e.after).toEqual({ targetText: '完成改造小区 120 个', standard: '居民满意度 90% 以上,竣工验收合格' });

    const [row] = await t.handle.db.select().from(tasks).where(eq(tasks.id, id));
    expect(row).toMatchObject({ targetText: '完成改造小区 120 个', standard: '居民满意度 90% 以上,竣工验收合格', title: '推进老旧小区改造', deadline: '2025-12', weight: 1 });

    // a second change records the first value as "before"
    await office.patch(`/api/tasks/${id}`, { targetText: '完成改造小区 150 个' });
    expect(await lastTaskEvent(id)).toMatchObject({ before: { targetText: '完成改造小区 120 个' }, after: { targetText: '完成改造小区 150 个' } });
    const history = (await office.get(`/api/tasks/${id}/history`)).json().items;
    expect(history.filter((h: { action: string }) => h.action === 'task.update')).toHaveLength(2);
  });

  it('edits 定人, 牵头领导, 开始日期 and the time limit wording; blanks clear a field', async () => {
    const { id } = await newTask();
    const res = await office.patch(`/api/tasks/${id}`, { assignee: ' 王主任 ', leaders: ['副区长 张三', '李四'], startDate: '2025-03-01', deadline: '2025-11-30', deadlineText: '2025年11月底前', weight: 2.5 });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ assignee: '王主任', leaders: ['副区长 张三', '李四'], startDate: '2025-03-01', deadline: '2025-11-30', deadlineText: '2025年11月底前', weight: 2.5 });
    expect(await lastTaskEvent(id)).toMatchObject({
      before: { assignee: null, leaders: [], startDate: null, deadline: '2025-12', deadlineText: null, weight: 1 },
      after: { assignee: '王主任', leaders: ['副区长 张三', '李四'], startDate: '2025-03-01', deadline: '2025-11-30', deadlineText: '2025年11月底前', weight: 2.5 },
    });

    const cleared = await office.patch(`/api/tasks/${id}`, { assignee: '', deadlineText: '   ', startDate: null });
    expect(cleared.json()).toMatchObject({ assignee: null, deadlineText: null, startDate: null, leaders: ['副区长 张三', '李四'] });
  });

  it('creates a task with the fields set', async () => {
    const { plan } = await newTask();
    const res = await office.post(`/api/plans/${plan.id}/tasks`, { title: '建设口袋公园', targetText: '新建 10 处', standard: '通过验收并向公众开放', assignee: '刘科长', deadline: '2026-06' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ targetText: '新建 10 处', standard: '通过验收并向公众开放', assignee: '刘科长' });
    expect(await lastTaskEvent(res.json().id)).toMatchObject({ action: 'task.create', after: { targetText: '新建 10 处', standard: '通过验收并向公众开放' } });
  });

  it('refuses bad input with VALIDATION_FAILED, changes nothing and writes no audit row', async () => {
    const { id } = await newTask();
    const before = await lastTaskEvent(id);
    const bad = [
      { targetText: '很长'.repeat(300) }, // over 500 characters
      { standard: 42 },
      { deadline: '2025-13' }, // no 13th month
      { startDate: '2025-02-30' },
      { startDate: '2025-03' }, // a start is a day
      { leaders: [''] },
      { weight: 0 },
      { startDate: '2026-01-05' }, // after the 2025-12 limit
    ];
    for (const body of bad) {
      const res = await office.patch(`/api/tasks/${id}`, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION_FAILED');
      expect(res.json().error.message).toBe('提交的数据不符合要求');
    }
    const late = await office.patch(`/api/tasks/${id}`, { startDate: '2026-01-05' });
    expect(late.json().error.details).toEqual([expect.objectContaining({ path: ['startDate'], message: '开始日期不能晚于完成时限' })]);
    expect((await lastTaskEvent(id)).id).toBe(before.id);
    const [row] = await t.handle.db.select().from(tasks).where(eq(tasks.id, id));
    expect(row).toMatchObject({ targetText: null, standard: null, startDate: null, deadline: '2025-12', weight: 1, leaders: [] });
  });

  it('a unit user cannot change the fields of a task', async () => {
    const { id, unitId } = await newTask();
    const { client } = await makeClient(t.app, t.handle.db, ['unit_head'], { unitId });
    const res = await client.patch(`/api/tasks/${id}`, { targetText: '自定目标' });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('FORBIDDEN');
  });
});
