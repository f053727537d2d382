// Issue #10: authorization by ownership. Every route declares the record it loads and what it does to it
// (server/http/routes/access.ts); this file proves the declarations hold for every route:
// - the table covers every route and nothing else;
// - another district's office, leader and reporter never reach a district's records through any route
//   with a record (each answers 403 or 404, never 2xx, 400 or 500), nor change the city's plans;
// - the owner's office passes the same checks for its own records (the policy called directly);
// - and the findings of the issue one by one: writes to the city's plan, the unmasked webhook, imports,
//   unit assignment, 督办 and unit creation in another district, and audit trails of other districts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allRoutes } from '../../server/http/routes/index.js';
import { routeAccess } from '../../server/http/routes/access.js';
import { authorizeRecord, type RecordKind } from '../../server/access.js';
import { setClock } from '../../server/clock.js';
import { Client, useTestApp } from '../helpers/app.js';
import { corpus, makeClient, makeIndicator, makePlan, makeRunningPlan, makeUnit, regionId } from '../helpers/factories.js';

const t = useTestApp();
type Ids = Partial<Record<RecordKind, number>>;
const own: Ids = {};
const city: Ids = {};
let officeA: Client;
let officeB: Client;
let leaderB: Client;
let reporterB: Client;
let unitB: number;
let unitA: number;
let cityPlanTask: number;
let officeAUserId: number;

beforeAll(async () => {
  setClock(() => new Date('2026-03-20T02:00:00Z'));
  const db = t.handle.db;
  const s = await makeRunningPlan(t.app, t.handle.db);
  officeA = s.office.client;
  officeAUserId = s.office.user.id;
  unitA = s.units.a.id;
  own.plan = s.plan.id;
  own.task = s.task.id;
  own.unit = s.units.a.id;
  own.user = s.reporterA.user.id;
  const body = { period: '2026-03', reportedStatus: '推进中', progress: 30, progressText: '完成3个小区改造设计' };
  const draft = await s.reporterA.client.post(`/api/tasks/${s.task.id}/reports`, { ...body, submit: false });
  expect(draft.statusCode, draft.body).toBe(200);
  own.report = draft.json().id;
  const att = await s.reporterA.client.upload(`/api/reports/${own.report}/attachments`, '进展.pdf', Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(1000, 32)]));
  expect(att.statusCode, att.body).toBe(200);
  own.attachment = att.json().id;
  const submitted = await s.reporterA.client.post(`/api/tasks/${s.task.id}/reports`, { ...body, submit: true });
  expect(submitted.statusCode, submitted.body).toBe(200);
  own.indicator = (await makeIndicator(db, s.plan.id)).id;
  const notice = await officeA.post(`/api/plans/${s.plan.id}/notices`, { unitId: s.units.a.id, title: '督办通知', requirement: '请加快推进' });
  expect(notice.statusCode, notice.body).toBe(200);
  own.notice = notice.json().id;
  const ev = await officeA.post(`/api/plans/${s.plan.id}/evaluations`, { kind: 'annual', year: 2026 });
  expect(ev.statusCode, ev.body).toBe(200);
  own.evaluation = ev.json().id;
  const imp = await officeA.upload('/api/imports', '003.txt', corpus('003'));
  expect(imp.statusCode, imp.body).toBe(200);
  own.import = imp.json().id;

  const cityUnit = await makeUnit(db, '重庆市');
  const c = await makePlan(db, { region: '重庆市', tasks: [{ title: '全市城市更新', lead: [cityUnit.id] }] });
  city.plan = c.plan.id;
  city.task = cityPlanTask = c.tasks[0].id;
  city.indicator = (await makeIndicator(db, c.plan.id)).id;

  unitB = (await makeUnit(db, '铜梁区')).id;
  officeB = (await makeClient(t.app, db, ['office'], { region: '铜梁区' })).client;
  leaderB = (await makeClient(t.app, db, ['leader'], { region: '铜梁区' })).client;
  reporterB = (await makeClient(t.app, db, ['unit_reporter'], { region: '铜梁区', unitId: unitB })).client;
});

afterAll(() => setClock(null));

const fill = (url: string, ids: Ids, kind: RecordKind) => url.replace(':id', String(ids[kind] ?? 0)).replace(':period', '2026-03');
const send = (c: Client, method: string, url: string) =>
  method === 'GET' ? c.get(url) : method === 'DELETE' ? c.request({ method: 'DELETE', url }) : c.request({ method: method as 'POST', url, payload: {} });

describe('the access table', () => {
  it('declares every route, and only routes that exist', () => {
    const keys = allRoutes.map((r) => `${r.method} ${r.url}`);
    expect(keys.filter((k) => !routeAccess[k]), 'routes without an access declaration').toEqual([]);
    expect(Object.keys(routeAccess).filter((k) => !keys.includes(k)), 'declarations of routes that do not exist').toEqual([]);
    for (const [k, a] of Object.entries(routeAccess)) if (a.record === 'none') expect(a.reason, k).toBeTruthy();
  });
});

describe('another district', () => {
  const recordRoutes = () => allRoutes.filter((r) => { const a = routeAccess[`${r.method} ${r.url}`]; return a && a.record !== 'none' && a.record !== 'notification' && a.record !== 'user'; });

  it("reaches none of a district's records through any route", async () => {
    const leaks: string[] = [];
    for (const r of recordRoutes()) {
      const a = routeAccess[`${r.method} ${r.url}`];
      if (own[a.record] === undefined) throw new Error(`no fixture record of kind ${a.record} for ${r.method} ${r.url}`);
      for (const [who, c] of [['tl_office', officeB], ['tl_leader', leaderB], ['tl_reporter', reporterB]] as const) {
        const res = await send(c, r.method, fill(r.url, own, a.record));
        if (![403, 404].includes(res.statusCode)) leaks.push(`${who} ${r.method} ${r.url} → ${res.statusCode}`);
      }
    }
    expect(leaks).toEqual([]);
  });

  it("changes nothing of the city's plans through any write route", async () => {
    const leaks: string[] = [];
    for (const r of recordRoutes()) {
      const a = routeAccess[`${r.method} ${r.url}`];
      if (a.action !== 'write' || city[a.record] === undefined) continue;
      const res = await send(officeB, r.method, fill(r.url, city, a.record));
      if (![403, 404].includes(res.statusCode)) leaks.push(`${r.method} ${r.url} → ${res.statusCode}`);
    }
    expect(leaks).toEqual([]);
  });

  it("lets the owner's office through the same checks", async () => {
    const actorA = { userId: officeAUserId, username: 'a', displayName: 'a', roles: ['office' as const], unitId: null, regionIds: [await regionId(t.handle.db, '永川区')] };
    for (const [k, a] of Object.entries(routeAccess)) {
      if (a.record === 'none' || a.record === 'notification' || a.record === 'user' || a.action === 'take_part') continue;
      await expect(authorizeRecord(t.handle.db, actorA, a, own[a.record]!), k).resolves.toBeUndefined();
    }
  });
});

describe('the findings of issue #10, one by one', () => {
  it("a district office cannot retitle, publish or re-hook the city's plan, nor touch its tasks", async () => {
    expect((await officeB.patch(`/api/plans/${city.plan}`, { title: '被改了' })).statusCode).toBe(403);
    expect((await officeB.patch(`/api/plans/${city.plan}`, { published: true })).statusCode).toBe(403);
    expect((await officeB.patch(`/api/plans/${city.plan}/reporting`, { reminders: { webhookUrl: 'https://evil.example/hook' } })).statusCode).toBe(403);
    expect((await officeB.post(`/api/plans/${city.plan}/tasks`, { title: '新增任务', units: [] })).statusCode).toBe(403);
    expect((await officeB.request({ method: 'DELETE', url: `/api/tasks/${cityPlanTask}` })).statusCode).toBe(403);
    expect((await officeB.post(`/api/plans/${city.plan}/periods/2026-03/lock`, {})).statusCode).toBe(403);
    expect((await officeB.patch(`/api/plans/${city.plan}/score-settings`, {})).statusCode).toBe(403);
    expect((await officeB.get(`/api/plans/${city.plan}`)).statusCode).toBe(200); // reading stays
  });

  it("does not show the city's webhook token to a district", async () => {
    const cityOffice = (await makeClient(t.app, t.handle.db, ['office'], { region: '重庆市' })).client;
    const set = await cityOffice.patch(`/api/plans/${city.plan}/reporting`, { reminders: { webhookUrl: 'https://oapi.dingtalk.com/robot/send?access_token=SECRET123' } });
    expect(set.statusCode, set.body).toBe(200);
    expect((await cityOffice.get(`/api/plans/${city.plan}/reporting`)).body).toContain('SECRET123');
    expect((await officeB.get(`/api/plans/${city.plan}/reporting`)).body).not.toContain('SECRET123');
    expect((await officeB.get(`/api/plans/${city.plan}`)).body).not.toContain('SECRET123');
  });

  it('a district office imports only into its own region tree', async () => {
    const yc = await regionId(t.handle.db, '永川区');
    const res = await officeB.upload('/api/imports', '002.txt', corpus('002'), { regionId: String(yc) });
    expect(res.statusCode, res.body).toBe(403);
  });

  it("a district office cannot name another district's units on its tasks, nor send them 督办, nor create units there", async () => {
    const planB = await makePlan(t.handle.db, { region: '铜梁区', tasks: [{ title: '铜梁任务', lead: [unitB] }] });
    const assign = await officeB.patch(`/api/tasks/${planB.tasks[0].id}`, { units: [{ unitId: unitA, role: 'cooperating' }] });
    expect(assign.statusCode, assign.body).toBe(403);
    expect(assign.json().error.code).toBe('UNIT_OUTSIDE_REGION');
    const create = await officeB.post(`/api/plans/${planB.plan.id}/tasks`, { title: '新任务', units: [{ unitId: unitA, role: 'lead' }] });
    expect(create.statusCode, create.body).toBe(403);
    const notice = await officeB.post(`/api/plans/${planB.plan.id}/notices`, { unitId: unitA, title: '督办通知', requirement: '请加快推进' });
    expect(notice.statusCode, notice.body).toBe(403);
    const unit = await officeB.post('/api/units', { name: '永川区某某局', regionId: await regionId(t.handle.db, '永川区') });
    expect(unit.statusCode, unit.body).toBe(403);
    // its own units still work
    const ok = await officeB.patch(`/api/tasks/${planB.tasks[0].id}`, { units: [{ unitId: unitB, role: 'lead' }] });
    expect(ok.statusCode, ok.body).toBe(200);
  });

  it("reads no audit trail of another district's records", async () => {
    const leaks: string[] = [];
    for (const [type, id] of Object.entries({ report: own.report, user: own.user, notice: own.notice, evaluation: own.evaluation, import: own.import, unit: own.unit, task: own.task, plan: own.plan, indicator: own.indicator })) {
      const res = await officeB.get(`/api/audit?entityType=${type}&entityId=${id}`);
      if (res.statusCode === 200) leaks.push(`${type} → ${res.statusCode} ${res.body.slice(0, 80)}`);
    }
    expect(leaks).toEqual([]);
    // the owner still reads them
    expect((await officeA.get(`/api/audit?entityType=report&entityId=${own.report}`)).statusCode).toBe(200);
    expect((await officeA.get(`/api/audit?entityType=notice&entityId=${own.notice}`)).statusCode).toBe(200);
  });
});
