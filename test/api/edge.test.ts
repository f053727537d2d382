// Bounds and shapes at the edge (issue #10): malformed input is a 400, never a 500 — NUL bytes and lone
// surrogates in JSON bodies, query strings, path segments and multipart fields, ids beyond int32, non-numeric
// ids, non-finite numbers; unit lists are bounded and de-duplicated; names are NFKC with nothing invisible;
// a plan's parents cannot form a cycle.
import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { plans, taskUnits, tasks, units } from '../../server/db/schema/index.js';
import { allRoutes } from '../../server/http/routes/index.js';
import { Client, useTestApp } from '../helpers/app.js';
import { makeClient, makeIndicator, makePlan, makeRunningPlan, makeUnit, regionId } from '../helpers/factories.js';

const t = useTestApp();
let s: Awaited<ReturnType<typeof makeRunningPlan>>;
let office: Client;
let admin: Client;
let anonymous: Client;
beforeAll(async () => {
  s = await makeRunningPlan(t.app, t.handle.db);
  office = s.office.client;
  admin = (await makeClient(t.app, t.handle.db, ['admin'], { region: '重庆市' })).client;
  anonymous = new Client(t.app);
});

/** A JSON body sent as written (so it can hold \u0000, a lone \ud800 or 1e400). */
const raw = (c: Client, method: 'POST' | 'PATCH' | 'PUT', url: string, json: string) => c.request({ method, url, payload: json, headers: { 'content-type': 'application/json' } });
const expect400 = (res: { statusCode: number; body: string; json(): any }, label: string) => {
  expect(res.statusCode, `${label}: ${res.body}`).toBe(400);
  expect(res.json().error.code, label).toBe('VALIDATION_FAILED');
  expect(res.json().error.message, label).toMatch(/[\u4e00-\u9fff]/);
};

describe('ids in paths are 32-bit integers', () => {
  const hostile = ['2147483648', '99999999999999999999', '1e400', '1e10', 'abc', '0', '-1', '1.5', '%00', '%ED%A0%80'];
  it('every route with :id answers 4xx (never 500) for ids that are not int32, and 400 when the caller may use the route', async () => {
    const withId = allRoutes.filter((r) => r.url.includes(':id'));
    expect(withId.length).toBeGreaterThan(50);
    for (const r of withId) {
      const c = r.permission === 'user.manage' ? admin : r.permission.startsWith('report.submit') || r.permission === 'notice.respond' || r.permission === 'report.review_unit' ? s.reporterA.client : office;
      for (const id of hostile) {
        const url = r.url.replace(':id', id).replace(':period', '2026-03');
        const res = await c.request({ method: r.method, url, payload: r.method === 'GET' || r.method === 'DELETE' ? undefined : {} });
        expect(res.statusCode, `${r.method} ${url}: ${res.body}`).toBeGreaterThanOrEqual(400);
        expect(res.statusCode, `${r.method} ${url}: ${res.body}`).toBeLessThan(500);
        if (r.method === 'GET') expect([400, 403], `${r.method} ${url}`).toContain(res.statusCode);
      }
    }
  });

  it('the largest int32 is an ordinary miss (404), one more is a 400', async () => {
    expect((await office.get('/api/plans/2147483647')).statusCode).toBe(404);
    expect400(await office.get('/api/plans/2147483648'), 'plan 2^31');
    expect400(await anonymous.get('/api/public/plans/2147483648'), 'public plan 2^31');
  });
});

describe('ids and numbers in query strings and bodies', () => {
  it('refuses non-int32 ids in query strings', async () => {
    for (const url of [
      '/api/audit?entityType=task&entityId=abc',
      '/api/audit?entityType=plan&entityId=abc',
      '/api/audit?entityType=task&entityId=99999999999',
      '/api/audit?entityType=report&entityId=1e400',
      `/api/plans/${s.plan.id}/tasks?unitId=2147483648`,
      `/api/plans/${s.plan.id}/tasks?outlineNodeId=1e400`,
      '/api/units?regionId=2147483648',
      '/api/notices?planId=2147483648',
      `/api/plans/${s.plan.id}/reports?unitId=2147483648`,
    ])
      expect400(await office.get(url), url);
    expect((await office.get(`/api/audit?entityType=task&entityId=${s.task.id}`)).statusCode).toBe(200);
  });

  it('refuses ids beyond int32 and non-finite numbers in JSON bodies', async () => {
    const big = 2147483648;
    const ind = await makeIndicator(t.handle.db, s.plan.id);
    const cases: [string, Promise<{ statusCode: number; body: string; json(): any }>][] = [
      ['task units', office.patch(`/api/tasks/${s.task.id}`, { units: [{ unitId: big, role: 'lead' }] })],
      ['task outline', office.patch(`/api/tasks/${s.task.id}`, { outlineNodeId: big })],
      ['new task parent', office.post(`/api/plans/${s.plan.id}/tasks`, { title: '新任务', parentTaskId: big })],
      ['parent plans', office.patch(`/api/plans/${s.plan.id}`, { parentPlanIds: [big] })],
      ['notice unit', office.post(`/api/plans/${s.plan.id}/notices`, { unitId: big, title: '督办事项', requirement: '请尽快办理' })],
      ['notice task', office.post(`/api/plans/${s.plan.id}/notices`, { unitId: s.units.a.id, taskId: 1e15, title: '督办事项', requirement: '请尽快办理' })],
      ['report indicator', s.reporterA.client.post(`/api/tasks/${s.task.id}/reports`, { reportedStatus: '推进中', progress: 10, indicatorValues: [{ indicatorId: big, value: 1 }] })],
      ['unit region', admin.post('/api/units', { name: '测试单位甲', regionId: big })],
      ['user region', admin.post('/api/users', { username: 'edge_u1', displayName: '边界', password: 'Str0ngPassw0rd!x', roles: ['office'], regionId: big })],
      ['split unit', office.request({ method: 'PUT', url: `/api/indicators/${ind.id}/split`, payload: { shares: [{ unitId: big, share: 1 }] } })],
      ['report 1e400', raw(s.reporterA.client, 'POST', `/api/tasks/${s.task.id}/reports`, '{"reportedStatus":"推进中","progress":1e400}')],
      ['weight 1e400', raw(office, 'PATCH', `/api/tasks/${s.task.id}`, '{"weight":1e400}')],
      ['year 1e400', raw(office, 'POST', `/api/plans/${s.plan.id}/evaluations`, '{"kind":"annual","year":1e400}')],
      ['tolerance -1e400', raw(office, 'PATCH', `/api/plans/${s.plan.id}/reporting`, '{"indicator":{"toleranceAbsolute":-1e400}}')],
      ['unknown key 1e400', raw(office, 'PATCH', `/api/plans/${s.plan.id}/score-settings`, '{"weights":{"reporting":1},"extra":1e400}')],
    ];
    for (const [label, p] of cases) expect400(await p, label);
  });
});

describe('NUL bytes and lone surrogates', () => {
  it('are refused in JSON bodies (values and keys), before any contract or operation runs', async () => {
    const [before] = await t.handle.db.select().from(plans).where(eq(plans.id, s.plan.id));
    const cases: [string, Promise<{ statusCode: number; body: string; json(): any }>][] = [
      ['plan title NUL', raw(office, 'PATCH', `/api/plans/${s.plan.id}`, '{"title":"规划\\u0000名称"}')],
      ['plan title surrogate', raw(office, 'PATCH', `/api/plans/${s.plan.id}`, '{"title":"规划\\ud800名称"}')],
      ['plan title low surrogate', raw(office, 'PATCH', `/api/plans/${s.plan.id}`, '{"title":"规划\\udc00名称"}')],
      ['task text NUL', raw(office, 'PATCH', `/api/tasks/${s.task.id}`, '{"text":"任务\\u0000内容"}')],
      ['unit name NUL', raw(admin, 'POST', '/api/units', `{"name":"测试\\u0000单位","regionId":${await regionId(t.handle.db, '永川区')}}`)],
      ['login NUL', raw(anonymous, 'POST', '/api/auth/login', '{"username":"a\\u0000b","password":"x"}')],
      ['user NUL', raw(admin, 'POST', '/api/users', '{"username":"edge_u2","displayName":"a\\u0000b","password":"Str0ngPassw0rd!x","roles":["office"]}')],
      ['evaluation title NUL', raw(office, 'POST', `/api/plans/${s.plan.id}/evaluations`, '{"kind":"annual","year":2026,"title":"a\\u0000bc"}')],
      ['webhook NUL', raw(office, 'PATCH', `/api/plans/${s.plan.id}/reporting`, '{"reminders":{"webhookUrl":"https://a.example/\\u0000"}}')],
      ['key NUL', raw(office, 'PATCH', `/api/plans/${s.plan.id}/score-settings`, '{"weights":{"reporting\\u0000":1}}')],
      ['notice requirement surrogate', raw(office, 'POST', `/api/plans/${s.plan.id}/notices`, `{"unitId":${s.units.a.id},"title":"督办事项","requirement":"请\\udbff尽快"}`)],
      ['report text NUL', raw(s.reporterA.client, 'POST', `/api/tasks/${s.task.id}/reports`, '{"reportedStatus":"推进中","progress":10,"progressText":"a\\u0000"}')],
      ['correction NUL', raw(office, 'POST', '/api/imports/1/corrections', '{"corrections":[{"op":"removeTask","taskId":"t\\u0000"}]}')],
    ];
    for (const [label, p] of cases) {
      const res = await p;
      expect400(res, label);
      expect(res.json().error.details[0].path[0], label).toBe('body');
    }
    const [after] = await t.handle.db.select().from(plans).where(eq(plans.id, s.plan.id));
    expect(after.title).toBe(before.title);
  });

  it('are refused in query strings and path segments', async () => {
    for (const url of [
      '/api/plans?q=%00',
      '/api/units?q=a%00b',
      `/api/plans/${s.plan.id}/tasks?q=a%00b`,
      '/api/audit?entityType=ta%00sk&entityId=1',
      `/api/plans/${s.plan.id}/board?period=2026%00`,
    ])
      expect400(await office.get(url), url);
    expect400(await office.post(`/api/plans/${s.plan.id}/periods/2026%00/lock`, {}), 'period param NUL');
    // bytes that are not UTF-8 (an encoded lone surrogate) are not decoded into one: an ordinary search
    expect((await office.get(`/api/plans/${s.plan.id}/tasks?q=%ED%A0%80`)).statusCode).toBe(200);
  });

  it('are refused in multipart field values and file names; a bad regionId is a 400', async () => {
    const text = Buffer.from('重庆市永川区边界测试规划\n一、总体要求\n');
    expect400(await office.upload('/api/imports', 'a.txt', text, { regionId: '1\u0000' }), 'regionId NUL');
    expect400(await office.upload('/api/imports', 'a.txt', text, { regionId: '2147483648' }), 'regionId 2^31');
    expect400(await office.upload('/api/imports', 'a.txt', text, { regionId: '1e400' }), 'regionId 1e400');
    expect400(await office.upload('/api/imports', 'a.txt', text, { regionId: 'abc' }), 'regionId abc');
    expect400(await office.upload('/api/imports', 'a.txt', text, { note: 'x\u0000' }), 'other field NUL');
    // a file name with a NUL (RFC 5987 filename*)
    const boundary = '----edge' + Date.now();
    const body = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename*=UTF-8''a%00b.txt\r\nContent-Type: text/plain\r\n\r\n`),
      text,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const res = await office.request({ method: 'POST', url: '/api/imports', payload: body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } });
    expect(res.statusCode, res.body).toBeLessThan(500);
  });
});

describe('unit lists are bounded and de-duplicated', () => {
  it('refuses 5,000 copies of one unit, and more than 200 units', async () => {
    const many = Array.from({ length: 5000 }, () => ({ unitId: s.units.a.id, role: 'lead' }));
    expect400(await office.patch(`/api/tasks/${s.task.id}`, { units: many }), '5000 copies');
    expect400(await office.post(`/api/plans/${s.plan.id}/tasks`, { title: '很多单位的任务', units: many }), '5000 copies on create');
    const distinct = Array.from({ length: 201 }, (_, i) => ({ unitId: i + 1, role: 'cooperating' }));
    expect400(await office.patch(`/api/tasks/${s.task.id}`, { units: distinct }), '201 units');
    const rows = await t.handle.db.select().from(taskUnits).where(eq(taskUnits.taskId, s.task.id));
    expect(rows.length).toBe(2);
  });

  it('an imported document naming one unit over and over links it once (a stored task cannot stall the exports)', async () => {
    const names = Array.from({ length: 100 }, () => '区财政局').join('、');
    const text = Buffer.from(`永川区边界测试行动计划\n一、重点任务\n(一)推进老旧小区改造。(牵头单位:区住房城乡建委;责任单位:${names})\n`, 'utf8');
    const job = (await office.upload('/api/imports', 'many-units.txt', text)).json();
    expect(job.status, JSON.stringify(job).slice(0, 300)).toBe('review');
    expect(job.parsed.tasks[0].responsible.length, 'the parser reads every copy').toBe(100);
    const confirmed = await office.post(`/api/imports/${job.id}/confirm`, { createUnits: job.unknownUnits.map((u: { name: string }) => u.name) });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    const [task] = await t.handle.db.select().from(tasks).where(eq(tasks.planId, confirmed.json().planId));
    const rows = await t.handle.db.select().from(taskUnits).where(eq(taskUnits.taskId, task.id));
    expect(rows.map((r) => `${r.role}:${r.raw}`).sort(), JSON.stringify(rows)).toEqual(['lead:区住房城乡建委', 'responsible:区财政局']);
  });

  it('keeps each unit once per role', async () => {
    const { a, b } = s.units;
    const res = await office.patch(`/api/tasks/${s.otherTask.id}`, {
      units: [{ unitId: a.id, role: 'lead' }, { unitId: a.id, role: 'lead' }, { unitId: b.id, role: 'cooperating' }, { unitId: b.id, role: 'cooperating' }, { unitId: a.id, role: 'lead' }],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().units.map((u: { unitId: number; role: string }) => `${u.unitId}:${u.role}`).sort()).toEqual([`${a.id}:lead`, `${b.id}:cooperating`].sort());
  });

  it('de-duplicates parent plans and refuses a split naming one unit twice', async () => {
    const { plan: parent } = await makePlan(t.handle.db);
    const { plan: child } = await makePlan(t.handle.db);
    const res = await office.patch(`/api/plans/${child.id}`, { parentPlanIds: [parent.id, parent.id, parent.id] });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().parentPlanIds).toEqual([parent.id]);
    const ind = await makeIndicator(t.handle.db, s.plan.id, { targetValue: 10 });
    const split = await office.request({ method: 'PUT', url: `/api/indicators/${ind.id}/split`, payload: { shares: [{ unitId: s.units.a.id, share: 5 }, { unitId: s.units.a.id, share: 5 }] } });
    expect400(split, 'split twice');
  });
});

describe('names are NFKC and carry nothing invisible', () => {
  const invisible = ['\u200b', '\u200c', '\u200d', '\u200e', '\u200f', '\u202a', '\u202e', '\u2060', '\u2064', '\u2066', '\u2069', '\ufeff', '\u00ad', '\n'];

  it('refuses zero-width and direction controls in unit names, user display names and plan titles', async () => {
    const region = await regionId(t.handle.db, '永川区');
    for (const ch of invisible) {
      const label = `U+${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;
      expect400(await admin.post('/api/units', { name: `区发展${ch}改革委`, regionId: region }), `unit ${label}`);
      expect400(await admin.post('/api/units', { name: '区边界测试局', aliases: [`边界${ch}局`], regionId: region }), `alias ${label}`);
      expect400(await admin.post('/api/users', { username: `edge_${ch.charCodeAt(0)}`, displayName: `张${ch}三`, password: 'Str0ngPassw0rd!x', roles: ['office'] }), `user ${label}`);
      expect400(await office.patch(`/api/plans/${s.plan.id}`, { title: `规划${ch}名称` }), `plan ${label}`);
    }
    const looksAlike = await t.handle.db.select().from(units).where(eq(units.regionId, region));
    expect(looksAlike.some((u) => /[\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/.test(u.name))).toBe(false);
  });

  it('normalises names (NFKC), so a full-width twin of a unit is the same unit', async () => {
    const region = await regionId(t.handle.db, '永川区');
    const first = await admin.post('/api/units', { name: ' 区边界局\uff08\uff21\uff22\uff23\uff09', regionId: region });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().name).toBe('区边界局(ABC)');
    const twin = await admin.post('/api/units', { name: '区边界局(ABC)', regionId: region });
    expect(twin.statusCode, twin.body).toBe(409);
    expect(twin.json().error.code).toBe('DUPLICATE');

    const plan = await office.patch(`/api/plans/${s.plan.id}`, { title: '永川区\uff02十四五\uff02规划\uff082021—2025\uff09' });
    expect(plan.statusCode, plan.body).toBe(200);
    expect(plan.json().title).toBe('永川区"十四五"规划(2021—2025)');
    const user = await admin.post('/api/users', { username: 'edge_nfkc', displayName: '\uff21\uff22\uff23\u3000科长', password: 'Str0ngPassw0rd!x', roles: ['office'] });
    expect(user.statusCode, user.body).toBe(200);
    expect(user.json().displayName).toBe('ABC 科长');
  });
});

describe('parent plans cannot form a cycle', () => {
  it('refuses the plan itself and any plan below it as a parent, with PLAN_PARENT_CYCLE', async () => {
    const db = t.handle.db;
    const [a, b, c, d] = [await makePlan(db), await makePlan(db), await makePlan(db), await makePlan(db)].map((x) => x.plan);
    // a ← b ← c: b implements a, c implements b
    expect((await office.patch(`/api/plans/${b.id}`, { parentPlanIds: [a.id] })).statusCode).toBe(200);
    expect((await office.patch(`/api/plans/${c.id}`, { parentPlanIds: [b.id] })).statusCode).toBe(200);
    for (const [label, id, parents] of [
      ['itself', a.id, [a.id]],
      ['its child', a.id, [b.id]],
      ['its grandchild', a.id, [c.id]],
      ['child of a sibling list', a.id, [d.id, c.id]],
      ['b under c', b.id, [c.id]],
    ] as const) {
      const res = await office.patch(`/api/plans/${id}`, { parentPlanIds: [...parents] });
      expect(res.statusCode, `${label}: ${res.body}`).toBe(400);
      expect(res.json().error.code).toBe('PLAN_PARENT_CYCLE');
      expect(res.json().error.message).toMatch(/循环/);
    }
    const [row] = await db.select().from(plans).where(eq(plans.id, a.id));
    expect(row.parentPlanIds).toEqual([]);
    // not cycles: a second parent above, an unrelated plan
    expect((await office.patch(`/api/plans/${c.id}`, { parentPlanIds: [b.id, a.id] })).statusCode).toBe(200);
    expect((await office.patch(`/api/plans/${a.id}`, { parentPlanIds: [d.id] })).statusCode).toBe(200);
    expect((await office.patch(`/api/plans/${d.id}`, { parentPlanIds: [c.id] })).json().error.code).toBe('PLAN_PARENT_CYCLE');
  });
});

describe('sanity', () => {
  it('ordinary input still works', async () => {
    const u = await makeUnit(t.handle.db);
    const res = await office.post(`/api/plans/${s.plan.id}/tasks`, { title: '正常的任务', units: [{ unitId: u.id, role: 'lead' }], text: 'emoji 😀 与“引号”' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().text).toBe('emoji 😀 与“引号”');
  });
});
