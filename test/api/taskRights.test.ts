// Issue #13: a task's detail says what the asking user may do to that task (server/policy.ts taskRights), so the task
// view shows the office's actions only where the server would allow them — a district office reads the city's tasks
// but changes none, though its role may change tasks. Each flag is checked against what the route then answers.
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp, type Client } from '../helpers/app.js';
import { makeClient, makePlan, makeUnit } from '../helpers/factories.js';

const t = useTestApp();
let cityTask: number;
let districtTask: number;
let yongchuanOffice: Client;
let cityOffice: Client;
let leadHead: Client;
let leadReporter: Client;
let otherHead: Client;

beforeAll(async () => {
  const db = t.handle.db;
  const lead = await makeUnit(db, '永川区');
  const other = await makeUnit(db, '永川区');
  cityTask = (await makePlan(db, { region: '重庆市', title: '重庆市城市更新实施方案', periodStart: 2025, periodEnd: 2027, tasks: [{ title: '推进老旧小区改造' }] })).tasks[0].id;
  districtTask = (await makePlan(db, { region: '永川区', title: '永川区城市更新行动计划', periodStart: 2025, periodEnd: 2027, tasks: [{ title: '永川区老旧小区改造', lead: [lead.id], cooperating: [other.id] }] })).tasks[0].id;
  yongchuanOffice = (await makeClient(t.app, db, ['office'], { region: '永川区' })).client;
  cityOffice = (await makeClient(t.app, db, ['office'], { region: '重庆市' })).client;
  leadHead = (await makeClient(t.app, db, ['unit_head'], { region: '永川区', unitId: lead.id })).client;
  leadReporter = (await makeClient(t.app, db, ['unit_reporter'], { region: '永川区', unitId: lead.id })).client;
  otherHead = (await makeClient(t.app, db, ['unit_head'], { region: '永川区', unitId: other.id })).client;
});

const rights = async (client: Client, taskId: number) => {
  const res = await client.get(`/api/tasks/${taskId}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().can as { manage: boolean; split: boolean };
};
const subtask = { title: '红旗小区改造', assignee: '张三丰', targetText: '6月底完工', deadline: '2026-06', standard: '竣工验收合格' };

describe('what a task says its reader may do (can), as policy decides', () => {
  it('a district office may manage its own plan’s task but not the city’s, though its role manages tasks; the route agrees', async () => {
    expect(await rights(yongchuanOffice, cityTask)).toEqual({ manage: false, split: false });
    expect((await yongchuanOffice.patch(`/api/tasks/${cityTask}`, { assignee: '王主任' })).statusCode).toBe(403);
    expect(await rights(yongchuanOffice, districtTask)).toEqual({ manage: true, split: false });
    const saved = await yongchuanOffice.patch(`/api/tasks/${districtTask}`, { assignee: '王主任' });
    expect(saved.statusCode, saved.body).toBe(200);
    // the saved task comes back with the same rights, so the view keeps its buttons after a save
    expect(saved.json().can).toEqual({ manage: true, split: false });
  });

  it('the city office manages the city’s task and the district’s below it', async () => {
    expect(await rights(cityOffice, cityTask)).toEqual({ manage: true, split: false });
    expect(await rights(cityOffice, districtTask)).toEqual({ manage: true, split: false });
    expect((await cityOffice.patch(`/api/tasks/${districtTask}`, { standard: '竣工验收合格' })).statusCode).toBe(200);
  });

  it('only the head of the lead unit may split the task; a cooperating unit’s head and the lead unit’s reporter may not', async () => {
    expect(await rights(leadHead, districtTask)).toEqual({ manage: false, split: true });
    expect((await leadHead.post(`/api/tasks/${districtTask}/subtasks`, subtask)).statusCode).toBe(200);
    expect(await rights(otherHead, districtTask)).toEqual({ manage: false, split: false });
    expect((await otherHead.post(`/api/tasks/${districtTask}/subtasks`, subtask)).statusCode).toBe(403);
    expect(await rights(leadReporter, districtTask)).toEqual({ manage: false, split: false });
    expect((await leadReporter.post(`/api/tasks/${districtTask}/subtasks`, subtask)).statusCode).toBe(403);
    expect((await leadHead.patch(`/api/tasks/${districtTask}`, { assignee: '李四' })).statusCode).toBe(403);
  });
});
