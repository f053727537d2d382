// The top bar's search (issue #11): GET /api/search finds plans by title and by full text (the 十四五 of the 纲要,
// whose title never says it), tasks, units and indicators, grouped, and only what the caller may see.
import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { SearchOut } from '../../shared/search.js';
import { plans } from '../../server/db/schema/index.js';
import { indexPlanTexts } from '../../server/operations/indexPlanTexts.js';
import { searchTokens } from '../../server/search.js';
import { Client, useTestApp } from '../helpers/app.js';
import { corpus, makeClient, makeIndicator, makePlan, makeUnit } from '../helpers/factories.js';

const t = useTestApp();
const find = async (c: Client, q: string, limit?: number) => {
  const res = await c.get(`/api/search?q=${encodeURIComponent(q)}${limit ? `&limit=${limit}` : ''}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as SearchOut;
};

describe('全局检索', () => {
  let office: Client;
  let otherOffice: Client;
  let gangyao: number;
  beforeAll(async () => {
    office = (await makeClient(t.app, t.handle.db, ['office'], { region: '永川区' })).client;
    otherOffice = (await makeClient(t.app, t.handle.db, ['office'], { region: '铜梁区' })).client;
    // 004: 重庆市永川区国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要 — 十四五 only in its text
    const up = await office.upload('/api/imports', '004.txt', corpus('004'));
    expect(up.statusCode, up.body).toBe(200);
    const job = up.json();
    const confirmed = await office.post(`/api/imports/${job.id}/confirm`, { createUnits: job.unknownUnits.map((x: { name: string }) => x.name) });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    gangyao = confirmed.json().planId;
  }, 240_000);

  it('"十四五" finds the 纲要 whose text holds it, with the words around it, and the plan list finds it too', async () => {
    const [p] = await t.handle.db.select({ title: plans.title }).from(plans).where(eq(plans.id, gangyao));
    expect(p.title).not.toContain('十四五');
    const res = await find(office, '十四五');
    const hit = res.plans.items.find((x) => x.id === gangyao);
    expect(hit).toMatchObject({ matchedIn: 'text', regionName: '永川区' });
    expect(hit!.excerpt).toContain('十四五');
    expect((await office.get(`/api/plans?q=${encodeURIComponent('十四五')}`)).json().items.map((x: { id: number }) => x.id)).toContain(gangyao);
    // words of the title still find it, as the title
    const byTitle = await find(office, '远景目标纲要');
    expect(byTitle.plans.items.find((x) => x.id === gangyao)).toMatchObject({ matchedIn: 'title', excerpt: null });
  });

  it('a plan of another district is not found, nor its tasks or indicators', async () => {
    const res = await find(otherOffice, '十四五');
    expect(res.plans.items.map((x) => x.id)).not.toContain(gangyao);
    const [task] = (await office.get(`/api/plans/${gangyao}/tasks?pageSize=1`)).json().items as { title: string }[];
    const mine = await find(office, task.title, 20);
    expect(mine.tasks.items.some((x) => x.planId === gangyao)).toBe(true);
    const theirs = await find(otherOffice, task.title, 20);
    expect(theirs.tasks.items.some((x) => x.planId === gangyao)).toBe(false);
  });

  it('plans confirmed before the full text was searched get it once at start (indexPlanTexts)', async () => {
    const db = t.handle.db;
    const [before] = await db.select().from(plans).where(eq(plans.id, gangyao));
    await db.update(plans).set({ searchText: searchTokens(before.title) }).where(eq(plans.id, gangyao));
    expect((await find(office, '十四五')).plans.items.map((x) => x.id)).not.toContain(gangyao);
    expect(await indexPlanTexts(db)).toBeGreaterThanOrEqual(1);
    expect((await find(office, '十四五')).plans.items.map((x) => x.id)).toContain(gangyao);
    expect(await indexPlanTexts(db)).toBe(0);
  });
});

describe('只检索到自己能看到的', () => {
  const word = `海绵城市${randomBytes(2).toString('hex')}`;
  let s: {
    planId: number;
    taskId: number;
    unitA: { id: number; name: string };
    indicatorId: number;
    office: Client;
    reporterA: Client;
    reporterB: Client;
    otherOffice: Client;
  };
  beforeAll(async () => {
    const db = t.handle.db;
    const a = await makeUnit(db, '永川区', `区${word}建设中心`);
    const b = await makeUnit(db);
    const { plan, tasks } = await makePlan(db, { title: `永川区${word}建设实施方案`, tasks: [{ title: `推进${word}试点片区改造`, lead: [a.id] }, { title: '完善排水防涝设施', lead: [b.id] }] });
    const ind = await makeIndicator(db, plan.id, { name: `${word}达标面积比例` });
    s = {
      planId: plan.id,
      taskId: tasks[0].id,
      unitA: { id: a.id, name: a.name },
      indicatorId: ind.id,
      office: (await makeClient(t.app, db, ['office'])).client,
      reporterA: (await makeClient(t.app, db, ['unit_reporter'], { unitId: a.id })).client,
      reporterB: (await makeClient(t.app, db, ['unit_reporter'], { unitId: (await makeUnit(db)).id })).client,
      otherOffice: (await makeClient(t.app, db, ['office'], { region: '铜梁区' })).client,
    };
  });

  it('the office sees the plan, the task, the unit and the indicator, each in its group', async () => {
    const res = await find(s.office, word);
    expect(res.q).toBe(word);
    expect(res.plans).toMatchObject({ total: 1, items: [{ id: s.planId, matchedIn: 'title' }] });
    expect(res.tasks.items.map((x) => x.id)).toEqual([s.taskId]);
    expect(res.tasks.items[0]).toMatchObject({ planId: s.planId, planTitle: `永川区${word}建设实施方案` });
    expect(res.units.items).toEqual([expect.objectContaining({ id: s.unitA.id, name: s.unitA.name, regionName: '永川区' })]);
    expect(res.indicators.items).toEqual([expect.objectContaining({ id: s.indicatorId, planId: s.planId })]);
  });

  it('the lead unit’s reporter finds its task and plan; a unit not on the plan finds none of it', async () => {
    const a = await find(s.reporterA, word);
    expect(a.tasks.items.map((x) => x.id)).toEqual([s.taskId]);
    expect(a.plans.items.map((x) => x.id)).toEqual([s.planId]);
    expect(a.units.items.map((x) => x.id)).toEqual([s.unitA.id]);
    expect(a.indicators.items.map((x) => x.id)).toEqual([s.indicatorId]);
    const b = await find(s.reporterB, word);
    expect(b).toMatchObject({ plans: { total: 0 }, tasks: { total: 0 }, units: { total: 0 }, indicators: { total: 0 } });
  });

  it('another district’s office finds nothing of it', async () => {
    const res = await find(s.otherOffice, word);
    expect(res).toMatchObject({ plans: { total: 0 }, tasks: { total: 0 }, units: { total: 0 }, indicators: { total: 0 } });
  });

  it('totals count past the shown hits; the limit is kept', async () => {
    const res = await find(s.office, '区', 2);
    expect(res.units.items.length).toBe(2);
    expect(res.units.total).toBeGreaterThan(2);
  });

  it('punctuation and pattern characters are text, not syntax; an empty query is refused', async () => {
    for (const q of ["'", '&|!():*', '%', '_', '\\', '城镇化 & 户籍']) {
      const res = await s.office.get(`/api/search?q=${encodeURIComponent(q)}`);
      expect(res.statusCode, q).toBe(200);
    }
    expect((await find(s.office, '%')).units.total).toBe(0);
    expect((await s.office.get('/api/search?q=')).statusCode).toBe(400);
    expect((await s.office.get('/api/search')).statusCode).toBe(400);
  });
});
