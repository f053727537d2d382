// Chinese full-text search over plans and tasks: jieba tokens in a 'simple' tsvector, on both databases.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, startTestApp, type TestApp } from '../helpers/app.js';
import { corpus, makeUser, PASSWORD } from '../helpers/factories.js';

let t: TestApp;
let office: Client;
let planId: number;
beforeAll(async () => {
  t = await startTestApp();
  const u = await makeUser(t.handle.db, ['office'], { region: '重庆市' });
  office = await new Client(t.app).login(u.username, PASSWORD);
  const job = (await office.upload('/api/imports', '002.txt', corpus('002'))).json();
  planId = (await office.post(`/api/imports/${job.id}/confirm`, { createUnits: job.unknownUnits.map((x: { name: string }) => x.name) })).json().planId;
});
afterAll(() => t.close());

describe('search', () => {
  it('finds tasks by Chinese words, not by substring luck', async () => {
    const res = (await office.get(`/api/plans/${planId}/tasks?q=${encodeURIComponent('落户')}`)).json();
    expect(res.total).toBeGreaterThanOrEqual(1);
    for (const task of res.items) expect(task.text + task.title).toMatch(/落户/);
    const none = (await office.get(`/api/plans/${planId}/tasks?q=${encodeURIComponent('航空母舰')}`)).json();
    expect(none.total).toBe(0);
  });

  it('finds plans by words of their title, with traditional input converted at import', async () => {
    const res = (await office.get(`/api/plans?q=${encodeURIComponent('新型城镇化')}`)).json();
    expect(res.items.map((p: { id: number }) => p.id)).toContain(planId);
  });

  it('treats punctuation and quotes in a query as text, not syntax', async () => {
    for (const q of ["'", '&|!():*', '城镇化 & 户籍', '"\\']) {
      const res = await office.get(`/api/plans/${planId}/tasks?q=${encodeURIComponent(q)}`);
      expect(res.statusCode, q).toBe(200);
    }
  });

  it('filters tasks by unit and role together', async () => {
    const all = (await office.get(`/api/plans/${planId}/tasks?pageSize=100`)).json();
    const unit = all.items[0].units.find((u: { unitId: number | null }) => u.unitId);
    const res = (await office.get(`/api/plans/${planId}/tasks?unitId=${unit.unitId}&role=${unit.role}&pageSize=100`)).json();
    expect(res.total).toBeGreaterThanOrEqual(1);
    for (const task of res.items) expect(task.units.some((u: { unitId: number; role: string }) => u.unitId === unit.unitId && u.role === unit.role)).toBe(true);
  });
});

describe('filter by computed status', () => {
  it('returns exactly the tasks whose computed colour or state matches, with paging over the filtered set', async () => {
    const all = (await office.get(`/api/plans/${planId}/tasks?pageSize=500`)).json().items as { id: number; status: { color: string; state: string } }[];
    expect(all.length).toBe(26);
    const byColor = new Map<string, number[]>();
    for (const t of all) byColor.set(t.status.color, [...(byColor.get(t.status.color) ?? []), t.id]);
    for (const [color, ids] of byColor) {
      const res = (await office.get(`/api/plans/${planId}/tasks?status=${color}&pageSize=500`)).json();
      expect(res.total, color).toBe(ids.length);
      expect(res.items.map((t: { id: number }) => t.id).sort()).toEqual([...ids].sort());
    }
    const state = all[0].status.state;
    const paged = (await office.get(`/api/plans/${planId}/tasks?status=${state}&pageSize=2&page=2`)).json();
    expect(paged.total).toBe(all.filter((t) => t.status.state === state).length);
    expect(paged.items.length).toBe(Math.min(2, Math.max(0, paged.total - 2)));
    expect((await office.get(`/api/plans/${planId}/tasks?status=${encodeURIComponent("red' or 1=1")}`)).statusCode).toBe(400);
  });
});
