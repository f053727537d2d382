// Task lists and the board answered from the answer cache (server/http/answerCache.ts, issue #15 phase 6): the key holds
// the actor's scope, the normalised query and the date; a change (a report, an edit, a unit link, a notice) shows in
// the next answer; a client holding an answer gets 304; with the cache off (LUOSHI_ANSWER_CACHE_MS=0) every answer is
// byte for byte what the cache sends.
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { setClock } from '../../server/clock.js';
import { changeClockOf } from '../../server/db/changeClock.js';
import { taskListKey, taskListKeyFor, type TaskListFilter } from '../../server/queries/status.js';
import type { Actor } from '../../server/policy.js';
import { useTestApp } from '../helpers/app.js';
import { makeClient, makePlan, makeRunningPlan } from '../helpers/factories.js';

const t = useTestApp();
afterEach(() => setClock(null));

type Res = { statusCode: number; body: string; headers: Record<string, unknown>; json(): { items: { id: number; title: string; progress: number | null; status: { state: string; color: string } }[] } };
const ids = (res: Res) => res.json().items.map((x) => x.id);
const item = (res: Res, id: number) => res.json().items.find((x) => x.id === id)!;

/** with the cache off for the length of `run` */
async function cacheOff<T>(run: () => Promise<T>): Promise<T> {
  const was = process.env.LUOSHI_ANSWER_CACHE_MS;
  process.env.LUOSHI_ANSWER_CACHE_MS = '0';
  try {
    return await run();
  } finally {
    if (was === undefined) delete process.env.LUOSHI_ANSWER_CACHE_MS;
    else process.env.LUOSHI_ANSWER_CACHE_MS = was;
  }
}

/**
 * Each URL asked twice with the cache on (the second answer a cached one, with an ETag), then once with it off (no
 * ETag, JSON): the two answers byte for byte the same. Returns the cached bodies.
 */
async function cachedEqualsFresh(asked: readonly (readonly [{ client: { get(url: string): Promise<Res> } }, string])[]): Promise<string[]> {
  const cached: string[] = [];
  for (const [who, url] of asked) {
    await who.client.get(url);
    const res = await who.client.get(url);
    expect(res.statusCode, url).toBe(200);
    expect(res.headers.etag, url).toBeDefined();
    cached.push(res.body);
  }
  const fresh = await cacheOff(async () => {
    const out: string[] = [];
    for (const [who, url] of asked) {
      const res = await who.client.get(url);
      expect(res.statusCode, url).toBe(200);
      expect(res.headers.etag, url).toBeUndefined();
      expect(res.headers['content-type'], url).toMatch(/^application\/json/);
      out.push(res.body);
    }
    return out;
  });
  for (let i = 0; i < asked.length; i++) expect(fresh[i], asked[i][1]).toBe(cached[i]);
  return cached;
}

describe('task lists from the answer cache', () => {
  it('two actors with different scopes asking the same URL get their own answers', async () => {
    setClock(() => new Date('2026-06-10T02:00:00Z'));
    const s = await makeRunningPlan(t.app, t.handle.db);
    const url = `/api/plans/${s.plan.id}/tasks`;
    for (const q of ['', '?cursor=', '?pageSize=10']) {
      // each asks twice: the second answer is a cached one
      for (let i = 0; i < 2; i++) {
        expect(ids(await s.office.client.get(url + q)), `office ${q}`).toEqual([s.task.id, s.otherTask.id]);
        expect(ids(await s.reporterA.client.get(url + q)), `A ${q}`).toEqual([s.task.id]);
        expect(ids(await s.reporterC.client.get(url + q)), `C ${q}`).toEqual([s.otherTask.id]);
      }
    }
    // a unit's own list: the same URL, each unit its own tasks
    for (let i = 0; i < 2; i++) {
      expect(ids(await s.reporterA.client.get('/api/me/tasks'))).toEqual([s.task.id]);
      expect(ids(await s.reporterB.client.get('/api/me/tasks'))).toEqual([s.task.id]);
      expect(ids(await s.reporterC.client.get('/api/me/tasks'))).toEqual([s.otherTask.id]);
    }
    // the route gate still runs first: an office of another district gets 404, not the cached list
    const other = await makeClient(t.app, t.handle.db, ['office'], { region: '铜梁区' });
    const res = await other.client.get(url);
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toContain(s.task.title);
  });

  it('a report submitted, a task edited, a unit link changed: each shows in the next list answer', async () => {
    setClock(() => new Date('2026-06-10T02:00:00Z'));
    const s = await makeRunningPlan(t.app, t.handle.db);
    const plan = `/api/plans/${s.plan.id}/tasks`;
    const urls = [plan, `${plan}?cursor=`, '/api/me/tasks'];
    const before = await s.reporterA.client.get(plan);
    for (const u of urls) await s.reporterA.client.get(u); // cached now

    // a report submitted: its status moves in every list
    const r = await s.reporterA.client.post(`/api/tasks/${s.task.id}/reports`, { reportedStatus: '已完成', progress: 100, progressText: '已全部完成', submit: true });
    expect(r.statusCode, r.body).toBe(200);
    for (const u of urls) expect(item(await s.reporterA.client.get(u), s.task.id).status, u).not.toEqual(item(before, s.task.id).status);
    // accepted: the progress the office accepted
    expect((await s.office.client.post(`/api/reports/${r.json().id}/review`, { decision: 'accept' })).statusCode).toBe(200);
    for (const u of urls) expect(item(await s.reporterA.client.get(u), s.task.id), u).toMatchObject({ progress: 100, status: { state: 'completed' } });

    // a task edited: the new title, and the task search finds it by a word of it
    const search = `${plan}?q=${encodeURIComponent('海绵城市')}`;
    const s0 = await s.office.client.get(search);
    expect(s0.statusCode, s0.body).toBe(200);
    expect(ids(s0)).toEqual([]);
    const edit = await s.office.client.patch(`/api/tasks/${s.task.id}`, { title: '推进海绵城市建设' });
    expect(edit.statusCode, edit.body).toBe(200);
    for (const u of urls) expect(item(await s.reporterA.client.get(u), s.task.id).title, u).toBe('推进海绵城市建设');
    expect(ids(await s.office.client.get(search))).toEqual([s.task.id]);

    // a unit link changed: C takes the lead of the task, A leaves it
    const byUnit = `${plan}?unitId=${s.units.c.id}`;
    expect(ids(await s.office.client.get(byUnit))).toEqual([s.otherTask.id]);
    expect(ids(await s.reporterC.client.get('/api/me/tasks'))).toEqual([s.otherTask.id]);
    const relink = await s.office.client.patch(`/api/tasks/${s.task.id}`, { units: [{ unitId: s.units.c.id, role: 'lead' }] });
    expect(relink.statusCode, relink.body).toBe(200);
    expect(ids(await s.office.client.get(byUnit))).toEqual([s.task.id, s.otherTask.id]);
    expect(ids(await s.reporterC.client.get('/api/me/tasks'))).toEqual([s.task.id, s.otherTask.id]);
    expect(ids(await s.reporterA.client.get('/api/me/tasks'))).toEqual([]);
    // A takes no part in the plan any more: the route gate refuses it before the cache is asked
    expect((await s.reporterA.client.get(plan)).statusCode).toBe(404);
  });

  it('statuses move with the calendar: the same list on a later day is that day\'s', async () => {
    setClock(() => new Date('2026-06-10T02:00:00Z'));
    const s = await makeRunningPlan(t.app, t.handle.db);
    const url = `/api/plans/${s.plan.id}/tasks?cursor=`;
    const june = item(await s.office.client.get(url), s.task.id).status;
    expect(item(await s.office.client.get(url), s.task.id).status).toEqual(june);
    // nothing changed but the day: past the task's deadline (2026-12) it is overdue
    setClock(() => new Date('2027-01-20T02:00:00Z'));
    const later = item(await s.office.client.get(url), s.task.id).status;
    expect(later.state).not.toBe(june.state);
    expect(later).toEqual(await cacheOff(async () => item(await s.office.client.get(url), s.task.id).status));
  });

  it('answers a list with an ETag, 304 to a client that has it, and a new ETag after a change', async () => {
    setClock(() => new Date('2026-06-10T02:00:00Z'));
    const s = await makeRunningPlan(t.app, t.handle.db);
    for (const [who, url] of [[s.office, `/api/plans/${s.plan.id}/tasks?cursor=`], [s.reporterA, '/api/me/tasks']] as const) {
      const first = await who.client.get(url);
      const etag = first.headers.etag as string;
      expect(etag, url).toMatch(/^"a[\w:.]+-/);
      expect(first.headers['cache-control']).toBe('private, no-cache');
      const not = await who.client.request({ method: 'GET', url, headers: { 'if-none-match': etag } });
      expect(not.statusCode, url).toBe(304);
      expect(not.body).toBe('');
      // another actor's answer to the same URL has its own ETag
      const reporterC = await s.reporterC.client.request({ method: 'GET', url, headers: { 'if-none-match': etag } });
      expect(reporterC.statusCode, url).toBe(200);
      expect(reporterC.headers.etag).not.toBe(etag);
      // a change: the client's copy is no longer the answer
      expect((await s.office.client.patch(`/api/tasks/${s.task.id}`, { title: `推进老旧小区改造${url.length}` })).statusCode).toBe(200);
      const after = await who.client.request({ method: 'GET', url, headers: { 'if-none-match': etag } });
      expect(after.statusCode, url).toBe(200);
      expect(after.headers.etag).not.toBe(etag);
      expect(item(after as Res, s.task.id).title).toBe(`推进老旧小区改造${url.length}`);
    }
  });

  it('with the cache off every list answer is the cached one, byte for byte', async () => {
    setClock(() => new Date('2026-06-10T02:00:00Z'));
    const s = await makeRunningPlan(t.app, t.handle.db);
    const plan = `/api/plans/${s.plan.id}/tasks`;
    const asked = [
      [s.office, plan], [s.office, `${plan}?cursor=`], [s.office, `${plan}?pageSize=1&page=2`], [s.office, `${plan}?pageSize=1&cursor=`],
      [s.office, `${plan}?status=grey`], [s.office, `${plan}?status=grey&cursor=`], [s.office, `${plan}?unitId=${s.units.a.id}`], [s.office, `${plan}?role=lead`],
      [s.office, `${plan}?q=${encodeURIComponent('老旧小区')}`], [s.reporterA, plan], [s.reporterA, '/api/me/tasks'], [s.reporterB, '/api/me/tasks?cursor='],
      [s.office, `/api/plans/${s.plan.id}/board`], [s.office, `/api/plans/${s.plan.id}/status`],
    ] as const;
    await cachedEqualsFresh(asked);
  });
});

describe('a task list\'s key kept per URL (taskListKeyFor, issue #15 phase 12)', () => {
  const actor = (over: Partial<Actor>): Actor => ({ userId: 1, username: 'u', displayName: 'u', roles: ['office'], unitId: null, regionIds: [7, 8, 9], ip: null, ...over }) as Actor;
  const filter = (over: Partial<TaskListFilter> = {}): TaskListFilter => ({ page: 1, pageSize: 50, planId: 3, status: 'red', ...over });

  it('the same URL, scope, unit and day: taskListKey\'s key, the same string each time; any of them changed: its own', () => {
    const office = actor({});
    const url = '/api/plans/3/tasks?status=red';
    const first = taskListKeyFor(office, url, filter(), '2026-06-10');
    expect(first).toBe(taskListKey(office, filter(), '2026-06-10'));
    // kept: not built again (the filter passed is not read on a hit)
    expect(taskListKeyFor(office, url, filter({ status: 'never read' }), '2026-06-10')).toBe(first);
    // another day: that day's key
    expect(taskListKeyFor(office, url, filter(), '2026-06-11')).toBe(taskListKey(office, filter(), '2026-06-11'));
    // another scope (the same URL): its own key
    const other = actor({ regionIds: [7, 8] });
    expect(taskListKeyFor(other, url, filter(), '2026-06-11')).toBe(taskListKey(other, filter(), '2026-06-11'));
    expect(taskListKeyFor(other, url, filter(), '2026-06-11')).not.toBe(taskListKeyFor(office, url, filter(), '2026-06-11'));
    // a unit's own list: the same URL, the same scope shape, each unit its own key
    const [a, b] = [actor({ roles: ['unit_reporter'], unitId: 11, regionIds: [] }), actor({ roles: ['unit_reporter'], unitId: 12, regionIds: [] })];
    const mine = '/api/me/tasks?cursor=';
    const ka = taskListKeyFor(a, mine, filter({ planId: undefined, unitId: 11, status: undefined, cursor: null }), '2026-06-11');
    const kb = taskListKeyFor(b, mine, filter({ planId: undefined, unitId: 12, status: undefined, cursor: null }), '2026-06-11');
    expect(ka).toBe(taskListKey(a, filter({ planId: undefined, unitId: 11, status: undefined, cursor: null }), '2026-06-11'));
    expect(kb).toBe(taskListKey(b, filter({ planId: undefined, unitId: 12, status: undefined, cursor: null }), '2026-06-11'));
    expect(ka).not.toBe(kb);
  });
});

describe('the board from the answer cache', () => {
  it('a notice issued and a report submitted show in the next board; 304 while nothing changed', async () => {
    setClock(() => new Date('2026-06-10T02:00:00Z'));
    const s = await makeRunningPlan(t.app, t.handle.db);
    const url = `/api/plans/${s.plan.id}/board`;
    const first = await s.office.client.get(url);
    expect(first.statusCode, first.body).toBe(200);
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^"a[\w:.]+-/);
    expect((await s.office.client.request({ method: 'GET', url, headers: { 'if-none-match': etag } })).statusCode).toBe(304);
    expect(first.json().notices).toEqual([]);

    const notice = await s.office.client.post(`/api/plans/${s.plan.id}/notices`, { unitId: s.units.a.id, title: '督办通知', requirement: '请加快推进' });
    expect(notice.statusCode, notice.body).toBe(200);
    const withNotice = await s.office.client.request({ method: 'GET', url, headers: { 'if-none-match': etag } });
    expect(withNotice.statusCode).toBe(200);
    expect(withNotice.json().notices.map((n: { id: number }) => n.id)).toEqual([notice.json().id]);

    expect(withNotice.json().notices[0]).toMatchObject({ unitId: s.units.a.id, unitName: s.units.a.name, planId: s.plan.id, planTitle: s.plan.title, title: '督办通知' });

    const pending = withNotice.json().pendingReview;
    const r = await s.reporterA.client.post(`/api/tasks/${s.task.id}/reports`, { reportedStatus: '推进中', progress: 40, progressText: '推进中', submit: true });
    expect(r.statusCode, r.body).toBe(200);
    const submitted = (await s.office.client.get(url)).json();
    expect(submitted.pendingReview).toBe(pending + 1);
    expect(submitted.units.find((u: { unitId: number }) => u.unitId === s.units.a.id)).toMatchObject({ submitted: 1 });

    // the period locked by the office: the board's period says so
    const key = submitted.period.key as string;
    expect(submitted.period.lockOverride).toBeNull();
    expect((await s.office.client.post(`/api/plans/${s.plan.id}/periods/${key}/lock`)).statusCode).toBe(200);
    const locked = (await s.office.client.get(url)).json();
    expect(locked.period).toMatchObject({ key, lockOverride: 'locked', state: 'locked' });
    // with the cache off, the same board
    expect(await cacheOff(async () => (await s.office.client.get(url)).json())).toEqual(locked);
  });
});

describe('the plan list and plan search from the answer cache', () => {
  type PlanRes = { statusCode: number; body: string; json(): { items: { id: number; title: string; status: string; taskCount: number }[]; total: number } };
  const planIds = (res: PlanRes) => res.json().items.map((p) => p.id);
  const mine = (res: PlanRes, ours: number[]) => planIds(res).filter((id) => ours.includes(id));
  const planOf = (res: PlanRes, id: number) => res.json().items.find((p) => p.id === id)!;

  it('two actors with different scopes asking the same URL get their own plans', async () => {
    const db = t.handle.db;
    const s = await makeRunningPlan(t.app, db);
    // a second plan of 永川区 that only unit C takes part in, and a plan of 铜梁区
    const second = await makePlan(db, { title: '永川区智慧城管行动计划', tasks: [{ title: '建设智慧城管平台二期', lead: [s.units.c.id] }] });
    const tongliang = await makePlan(db, { region: '铜梁区', title: '铜梁区湿地保护行动计划' });
    const officeTl = await makeClient(t.app, db, ['office'], { region: '铜梁区' });
    const ours = [s.plan.id, second.plan.id, tongliang.plan.id];
    // the word both 永川 plans' titles carry once renamed (a rename writes the search text)
    for (const [id, title] of [[s.plan.id, '永川区海绵城市建设方案'], [second.plan.id, '永川区海绵城市二期方案']] as const) {
      const r = await s.office.client.patch(`/api/plans/${id}`, { title });
      expect(r.statusCode, r.body).toBe(200);
    }
    for (const url of ['/api/plans', `/api/plans?q=${encodeURIComponent('海绵城市')}`, '/api/plans?pageSize=200&status=active']) {
      // each asks twice: the second answer is a cached one
      for (let i = 0; i < 2; i++) {
        const office = await s.office.client.get(url);
        expect(office.statusCode, office.body).toBe(200);
        expect(mine(office, ours), `office ${url}`).toEqual([second.plan.id, s.plan.id]);
        expect(mine(await officeTl.client.get(url), ours), `铜梁 office ${url}`).toEqual(url.includes('q=') ? [] : [tongliang.plan.id]);
        // a unit's people see the plans their unit takes part in, whoever asked the URL first
        expect(planIds(await s.reporterA.client.get(url)), `A ${url}`).toEqual([s.plan.id]);
        expect(planIds(await s.reporterC.client.get(url)), `C ${url}`).toEqual([second.plan.id, s.plan.id]);
      }
    }
  });

  it('a plan imported, created, renamed or closed, and a task added: each shows in the next answer', async () => {
    const db = t.handle.db;
    const s = await makeRunningPlan(t.app, db);
    const search = `/api/plans?q=${encodeURIComponent('湿地公园')}`;
    const all = '/api/plans?pageSize=500';
    const active = '/api/plans?pageSize=500&status=active';
    const before = await s.office.client.get(all);
    expect(planIds(before)).toContain(s.plan.id);
    expect(planIds(await s.office.client.get(search))).toEqual([]);
    await s.office.client.get(active);

    // imported: the plan confirmed from an upload is found by a word of its text
    const text = Buffer.from('永川区湿地保护行动计划\n一、重点任务\n(一)推进湿地公园建设。(牵头单位:区湿地保护管理局)\n', 'utf8');
    const job = (await s.office.client.upload('/api/imports', 'sd-1.txt', text)).json();
    expect(job.status, JSON.stringify(job)).toBe('review');
    const confirmed = await s.office.client.post(`/api/imports/${job.id}/confirm`, { createUnits: job.unknownUnits.map((u: { name: string }) => u.name) });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    const imported = confirmed.json().planId as number;
    expect(planIds(await s.office.client.get(search))).toEqual([imported]);
    expect(planIds(await s.office.client.get(all))).toContain(imported);

    // created by any writer that audits (the factory: an insert and its audit row)
    const created = await makePlan(db, { title: '永川区新建规划' });
    expect(planIds(await s.office.client.get(all))[0]).toBe(created.plan.id);

    // renamed: the new title, and the search finds it by a word of it
    const renamed = await s.office.client.patch(`/api/plans/${s.plan.id}`, { title: '永川区湿地公园提升方案' });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(planOf(await s.office.client.get(all), s.plan.id).title).toBe('永川区湿地公园提升方案');
    expect(planIds(await s.office.client.get(search))).toEqual([imported, s.plan.id]);

    // closed: it leaves the list of active plans
    expect(planIds(await s.office.client.get(active))).toContain(s.plan.id);
    const archived = await s.office.client.patch(`/api/plans/${s.plan.id}`, { status: 'archived' });
    expect(archived.statusCode, archived.body).toBe(200);
    expect(planIds(await s.office.client.get(active))).not.toContain(s.plan.id);
    expect(planIds(await s.office.client.get(all))).toContain(s.plan.id);

    // a task added: the plan's task count
    const count = planOf(await s.office.client.get(all), created.plan.id).taskCount;
    const task = await s.office.client.post(`/api/plans/${created.plan.id}/tasks`, { title: '新增一项任务', units: [{ unitId: s.units.a.id, role: 'lead' }] });
    expect(task.statusCode, task.body).toBe(200);
    expect(planOf(await s.office.client.get(all), created.plan.id).taskCount).toBe(count + 1);
    // and unit A now takes part in the new plan: its reporter's list has it
    expect(planIds(await s.reporterA.client.get('/api/plans'))).toContain(created.plan.id);
  });

  it('with the cache off every plan list answer is the cached one, byte for byte', async () => {
    const s = await makeRunningPlan(t.app, t.handle.db);
    const r = await s.office.client.patch(`/api/plans/${s.plan.id}`, { title: '永川区海绵城市建设方案' });
    expect(r.statusCode, r.body).toBe(200);
    const q = encodeURIComponent('海绵城市');
    const asked = [
      [s.office, '/api/plans'], [s.office, `/api/plans?q=${q}`], [s.office, `/api/plans?q=${encodeURIComponent(' 海绵城市! ')}`], [s.office, '/api/plans?status=active&pageSize=1&page=2'],
      [s.office, `/api/plans?q=${encodeURIComponent('航空母舰')}`], [s.office, '/api/plans?page=999'], [s.leader, `/api/plans?q=${q}`], [s.reporterA, '/api/plans'], [s.reporterB, `/api/plans?q=${q}`],
    ] as const;
    const cached = await cachedEqualsFresh(asked);
    // the search's two spellings are one answer
    expect(cached[2]).toBe(cached[1]);
  });
});

describe.runIf(process.env.LUOSHI_TEST_DB === 'pg')('the change stamp and commits out of order (PostgreSQL)', () => {
  it('a change that took a lower audit id and commits after a higher one still shows in the next answer', async () => {
    setClock(() => new Date('2026-06-10T02:00:00Z'));
    const s = await makeRunningPlan(t.app, t.handle.db);
    const url = `/api/plans/${s.plan.id}/tasks`;
    expect(item(await s.office.client.get(url), s.task.id).title).not.toBe('乱序提交的新标题');
    let since: number;
    const [slow, fast] = [new pg.Client({ connectionString: t.handle.url! }), new pg.Client({ connectionString: t.handle.url! })];
    await slow.connect();
    await fast.connect();
    try {
      // the slow writer takes its audit id first and stays open
      await slow.query('begin');
      await slow.query(`update tasks set title = '乱序提交的新标题' where id = $1`, [s.task.id]);
      await slow.query(`insert into audit_events (actor_name, action, entity_type, entity_id, plan_id) values ('测试', 'task.update', 'task', $1, $2)`, [String(s.task.id), s.plan.id]);
      // a faster one takes a higher id and commits first
      await fast.query(`insert into audit_events (actor_name, action, entity_type, entity_id) values ('测试', 'note', 'test', 'x')`);
      // an answer worked out now cannot see the slow change: it is cached under a stamp that the slow commit must move
      expect(item(await s.office.client.get(url), s.task.id).title).not.toBe('乱序提交的新标题');
      since = changeClockOf(t.handle.db)!.count;
      await slow.query('commit');
    } finally {
      await slow.end();
      await fast.end();
    }
    // written by another connection: in the next answer once its notification has arrived (db/changeClock.ts)
    await expect.poll(() => changeClockOf(t.handle.db)!.count).toBeGreaterThan(since);
    expect(item(await s.office.client.get(url), s.task.id).title).toBe('乱序提交的新标题');
  });
});
