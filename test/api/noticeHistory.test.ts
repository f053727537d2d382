// A unit sees how its own notice was handled (and nobody else's), so it can answer a recheck.
import { describe, expect, it } from 'vitest';
import { Client, useTestApp } from '../helpers/app.js';
import { makePlan, makeUnit, makeUser, PASSWORD } from '../helpers/factories.js';

const t = useTestApp();

describe('notice history', () => {
  it('is readable by the notified unit and the office, and 404 for another unit', async () => {
    const db = t.handle.db;
    const [a, b] = [await makeUnit(db), await makeUnit(db)];
    const { plan, tasks } = await makePlan(db, { tasks: [{ title: '督办测试任务', lead: [a.id] }] });
    const office = await new Client(t.app).login((await makeUser(db, ['office'])).username, PASSWORD);
    const issued = await office.post(`/api/plans/${plan.id}/notices`, { unitId: a.id, taskId: tasks[0].id, title: '关于督办测试任务进度滞后的督办', requirement: '进度滞后,请说明原因并限期整改', responseDeadline: '2030-01-10' });
    expect(issued.statusCode, issued.body).toBe(200);
    const id = issued.json().id;
    const unitA = await new Client(t.app).login((await makeUser(db, ['unit_reporter'], { unitId: a.id })).username, PASSWORD);
    const history = await unitA.get(`/api/notices/${id}/history`);
    expect(history.statusCode, history.body).toBe(200);
    expect(history.json().items.map((e: { action: string }) => e.action)).toContain('notice.issue');
    const unitB = await new Client(t.app).login((await makeUser(db, ['unit_reporter'], { unitId: b.id })).username, PASSWORD);
    expect((await unitB.get(`/api/notices/${id}/history`)).statusCode).toBe(404);
  });
});
