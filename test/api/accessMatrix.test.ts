// Issue #10: authorization by ownership. Every route declares the record it loads and what it does to it
// (server/http/routes/access.ts); this file proves the declarations hold for every route:
// - the table covers every route and nothing else;
// - the route × role × district matrix: every route is probed by every role (and by a visitor without a
//   session) from the records' own district and from another district (and by the unit roles of a unit of the
//   own district that takes no part), against the records of a district plan and of the city's plan. The expected outcome of each probe is derived from the declared tables alone — the
//   route's permission and the role grants (policy.ts), the route's record and action (access.ts) and who
//   owns the record — never from a response. A probe that passes the gate is sent a body its contract refuses
//   (400 right after the gate), so it changes nothing; the few mutating routes without a body get a record
//   of their own per probe. The probes run in a shuffled order, and a refused probe must leave no audit row;
// - and the findings of the issue one by one: writes to the city's plan, the unmasked webhook, imports,
//   unit assignment, 督办 and unit creation in another district, and audit trails of other districts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { allRoutes } from '../../server/http/routes/index.js';
import { routeAccess } from '../../server/http/routes/access.js';
import type { RecordKind } from '../../server/access.js';
import { can, type Actor as PolicyActor } from '../../server/policy.js';
import { attachments, notifications, plans, taskUnits, tasks, units } from '../../server/db/schema/index.js';
import { createTask } from '../../server/operations/saveTask.js';
import { systemActor } from '../../server/policy.js';
import { setClock } from '../../server/clock.js';
import type { Role } from '../../shared/roles.js';
import type { RouteDef } from '../../server/http/route.js';
import { Client, useTestApp } from '../helpers/app.js';
import { corpus, makeClient, makeIndicator, makePlan, makeUnit, makeUser, PASSWORD, regionId } from '../helpers/factories.js';

const t = useTestApp();
const CITY = '重庆市';
const OWN = '永川区';
const OTHER = '铜梁区';
const roles: Role[] = ['admin', 'office', 'leader', 'evaluator', 'unit_head', 'unit_reporter'];
type Ids = Partial<Record<RecordKind, number>>;

/** the records of one plan and the people who made them: a district's plan, or the city's */
interface Owner {
  name: 'district plan' | 'city plan';
  region: string;
  unitId: number;
  ids: Ids;
  office: Client;
  officeUserId: number;
}
/** who probes: a role in a district (unit roles belong to a unit of that district), or a visitor */
interface Prober {
  key: string;
  role: Role | 'visitor';
  district: string | null;
  unitId: number | null;
  userId: number | null;
  username: string | null;
  client: Client;
}

let district: Owner;
let city: Owner;
const probers: Prober[] = [];
/** a unit of the other district (finding 4) */
let unitB: number;
let officeB: Client;

async function makeOwner(name: Owner['name'], region: string, corpusFile: string, beforeNotice: (unitId: number) => Promise<void> = async () => {}): Promise<Owner> {
  const db = t.handle.db;
  const unit = await makeUnit(db, region);
  const { plan, tasks } = await makePlan(db, { region, periodStart: 2026, periodEnd: 2030, tasks: [{ title: '推进老旧小区改造', lead: [unit.id], deadline: '2026-12' }] });
  await db.update(plans).set({ published: true }).where(eq(plans.id, plan.id)); // the public page shows it
  const office = await makeClient(t.app, db, ['office'], { region });
  const reporter = await makeClient(t.app, db, ['unit_reporter'], { region, unitId: unit.id });
  const ids: Ids = { plan: plan.id, task: tasks[0].id };
  const body = { period: '2026-03', reportedStatus: '推进中', progress: 30, progressText: '完成3个小区改造设计' };
  const draft = await reporter.client.post(`/api/tasks/${ids.task}/reports`, { ...body, submit: false });
  expect(draft.statusCode, draft.body).toBe(200);
  ids.report = draft.json().id;
  const att = await reporter.client.upload(`/api/reports/${ids.report}/attachments`, '进展.pdf', Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(1000, 32)]));
  expect(att.statusCode, att.body).toBe(200);
  ids.attachment = att.json().id;
  const submitted = await reporter.client.post(`/api/tasks/${ids.task}/reports`, { ...body, submit: true });
  expect(submitted.statusCode, submitted.body).toBe(200);
  ids.indicator = (await makeIndicator(db, plan.id)).id;
  await beforeNotice(unit.id);
  const notice = await office.client.post(`/api/plans/${plan.id}/notices`, { unitId: unit.id, title: '督办通知', requirement: '请加快推进' });
  expect(notice.statusCode, notice.body).toBe(200);
  ids.notice = notice.json().id;
  const ev = await office.client.post(`/api/plans/${plan.id}/evaluations`, { kind: 'annual', year: 2026 });
  expect(ev.statusCode, ev.body).toBe(200);
  ids.evaluation = ev.json().id;
  const imp = await office.client.upload('/api/imports', `${corpusFile}.txt`, corpus(corpusFile), { regionId: String(await regionId(db, region)) });
  expect(imp.statusCode, imp.body).toBe(200);
  ids.import = imp.json().id;
  const project = await office.client.post('/api/projects', { name: '老旧小区改造提升项目', regionId: await regionId(db, region), ownerUnitId: unit.id, phase: 'construction', list: 'annual' });
  expect(project.statusCode, project.body).toBe(200);
  ids.project = project.json().id;
  // a check-up of the region whose indicator the unit provides, with a value that misses its standard (a problem)
  const checkup = await office.client.post('/api/checkups', { regionId: await regionId(db, region), year: 2026 });
  expect(checkup.statusCode, checkup.body).toBe(200);
  ids.checkup = checkup.json().id;
  const indicatorId = checkup.json().indicators.find((i: { code: string }) => i.code === 'B06').id;
  expect((await office.client.post(`/api/checkups/${ids.checkup}/indicators`, { op: 'update', indicatorId, indicator: { standard: 2, unitId: unit.id } })).statusCode).toBe(200);
  const value = await reporter.client.post(`/api/checkups/${ids.checkup}/values`, { values: [{ indicatorId, regionId: await regionId(db, region), value: 1 }] });
  expect(value.statusCode, value.body).toBe(200);
  ids.checkup_problem = value.json().opened[0];
  ids.user = reporter.user.id;
  return { name, region, unitId: unit.id, ids, office: office.client, officeUserId: office.user.id };
}

beforeAll(async () => {
  setClock(() => new Date('2026-03-20T02:00:00Z'));
  const db = t.handle.db;
  unitB = (await makeUnit(db, OTHER)).id;
  city = await makeOwner('city plan', CITY, '002');
  district = await makeOwner('district plan', OWN, '003', async (unitA) => {
    // every role in the district's own region (unit roles in the unit that leads the task) and in another district;
    // made before the district's notice, so that its unit's people get the notification
    for (const d of [OWN, OTHER]) {
      for (const role of roles) {
        const unitId = role === 'unit_head' || role === 'unit_reporter' ? (d === OWN ? unitA : unitB) : undefined;
        const { user, client } = await makeClient(t.app, db, [role], { region: d, unitId });
        probers.push({ key: `${role}@${d}`, role, district: d, unitId: unitId ?? null, userId: user.id, username: user.username, client });
      }
    }
    // and a unit of the same district that takes no part in the plan: a unit sees only what its unit is part of
    const unitC = (await makeUnit(db, OWN)).id;
    for (const role of ['unit_head', 'unit_reporter'] as const) {
      const { user, client } = await makeClient(t.app, db, [role], { region: OWN, unitId: unitC });
      probers.push({ key: `${role}@${OWN}/another unit`, role, district: OWN, unitId: unitC, userId: user.id, username: user.username, client });
    }
    probers.push({ key: 'visitor', role: 'visitor', district: null, unitId: null, userId: null, username: null, client: new Client(t.app) });
  });
  officeB = probers.find((p) => p.key === `office@${OTHER}`)!.client;
  // the notification the notice sent to the district unit's reporter
  const reporterOwn = probers.find((p) => p.key === `unit_reporter@${OWN}`)!;
  const [n] = await db.select({ id: notifications.id }).from(notifications).where(eq(notifications.userId, reporterOwn.userId!));
  expect(n, 'the notice told the unit\'s reporter').toBeTruthy();
  district.ids.notification = n.id;
  const [cn] = await db.select({ id: notifications.id }).from(notifications).where(sql`${notifications.userId} in (select id from users where unit_id = ${city.unitId})`);
  city.ids.notification = cn.id;
});

afterAll(() => setClock(null));

const lastAuditId = async () => Number(((await t.handle.db.execute(sql`select coalesce(max(id), 0)::int as n from audit_events`)) as unknown as { rows: { n: number }[] }).rows[0].n);

const key = (r: RouteDef) => `${r.method} ${r.url}`;

describe('the access table', () => {
  it('declares every route, and only routes that exist', () => {
    const keys = allRoutes.map(key);
    expect(keys.filter((k) => !routeAccess[k]), 'routes without an access declaration').toEqual([]);
    expect(Object.keys(routeAccess).filter((k) => !keys.includes(k)), 'declarations of routes that do not exist').toEqual([]);
    for (const [k, a] of Object.entries(routeAccess)) if (a.record === 'none') expect(a.reason, k).toBeTruthy();
  });
});

// ---- the expected outcome, from the declared tables only ----

type Outcome = 'passes' | 'unauthenticated' | 'forbidden' | 'hidden';
const regional = (role: Role) => role === 'office' || role === 'leader' || role === 'evaluator';

/** May this prober see a record of this owner? The policy as docs/security.md states it. */
function sees(p: Prober, o: Owner, kind: RecordKind): boolean {
  const role = p.role as Role;
  if (role === 'admin') return true;
  // imports belong to a region and are seen from that region or above it, never from below or beside it
  if (kind === 'import') return regional(role) && (p.district === o.region || p.district === CITY);
  // a region's people see its plans and the plans issued above it that reach it (a city plan reaches every district)
  if (regional(role)) return p.district === o.region || o.region === CITY;
  // a unit's people see what their unit takes part in
  return p.unitId === o.unitId;
}
/** May this prober change a record of this owner's plan? Only the issuing region (or one above it). */
const writes = (p: Prober, o: Owner) => p.role === 'admin' || p.district === o.region || p.district === CITY;

function expected(route: RouteDef, o: Owner, p: Prober): Outcome {
  if (p.role === 'visitor') return route.permission === 'public' ? 'passes' : 'unauthenticated';
  const actor: PolicyActor = { userId: p.userId, username: p.username!, displayName: '', roles: [p.role], unitId: p.unitId, regionIds: [] };
  if (!can(actor, route.permission)) return 'forbidden';
  const a = routeAccess[key(route)];
  switch (a.record) {
    case 'none':
      return 'passes';
    case 'user': // an administrator, or the user themself
      return p.role === 'admin' || p.userId === o.ids.user ? 'passes' : 'forbidden';
    case 'notification': // only its addressee's own
      return p.userId !== null && district.ids.notification !== undefined && o.name === 'district plan' && p.key === `unit_reporter@${OWN}` ? 'passes' : 'hidden';
    default:
      if (!sees(p, o, a.record)) return 'hidden';
      if (a.action === 'write' && !writes(p, o)) return 'forbidden';
      return 'passes';
  }
}

// ---- the probes ----

/** mutating routes without a body would change what they touch: each probe gets its own record */
const ownRecord: Record<string, (o: Owner, p: Prober) => Promise<number>> = {
  'DELETE /api/tasks/:id': async (o) => (await createTask({ db: t.handle.db, actor: systemActor }, o.ids.plan!, { title: '供删除的任务', units: [{ unitId: o.unitId, role: 'lead' }] })).id,
  'DELETE /api/attachments/:id': async (o) => {
    const content = Buffer.from('%PDF-1.4\n供删除的附件');
    const [row] = await t.handle.db.insert(attachments).values({ reportId: o.ids.report!, filename: '供删除.pdf', kind: 'pdf', size: content.length, sha256: createHash('sha256').update(content).digest('hex'), content }).returning();
    return row.id;
  },
  'POST /api/notices/:id/close': async (o) => {
    const res = await o.office.post(`/api/plans/${o.ids.plan}/notices`, { unitId: o.unitId, title: '供办结的督办', requirement: '请加快推进' });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().id;
  },
  'POST /api/users/:id/reset-password': async (o) => (await makeUser(t.handle.db, ['unit_reporter'], { region: o.region, unitId: o.unitId })).id,
};
/** mutating routes without a body whose repetition changes nothing a probe's outcome depends on */
const repeatable = new Set([
  'POST /api/plans/:id/periods/:period/lock', // a period of its own (2026-01), locked and unlocked in any order
  'POST /api/plans/:id/periods/:period/unlock',
  'POST /api/me/notifications/:id/read', // reading a message twice
  'POST /api/auth/logout', // each probe logs out a session of its own
]);

interface Probe {
  route: RouteDef;
  owner: Owner;
  prober: Prober;
  id: number;
}

function mulberry32(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

function outcomeOf(res: LightMyRequestResponse): Outcome | 'error' {
  if (res.statusCode >= 500) return 'error';
  const code = (() => {
    try {
      return res.json().error?.code as string | undefined;
    } catch {
      return undefined;
    }
  })();
  if (res.statusCode === 401) return 'unauthenticated';
  if (res.statusCode === 403 && code === 'FORBIDDEN') return 'forbidden';
  if (res.statusCode === 404 && code === 'NOT_FOUND') return 'hidden';
  // anything else got past the gate: the route's contract refused the probe's body (400), a multipart route
  // refused a JSON body (406), a step of the operation refused it (409, 403 REPORT_NOT_LEAD_UNIT…), or it answered
  return 'passes';
}

async function send(pr: Probe, client: Client): Promise<LightMyRequestResponse> {
  const a = routeAccess[key(pr.route)];
  const url = pr.route.url.replace(':id', String(pr.id)).replace(':period', repeatable.has(key(pr.route)) ? '2026-01' : '2026-03');
  const method = pr.route.method;
  if (method === 'GET') return client.get(url);
  // a body its contract refuses, read only after the gate: what passes the gate answers 400 and changes nothing
  if (pr.route.body || pr.route.multipart) return client.request({ method, url, payload: '"probe"', headers: { 'content-type': 'application/json' } });
  if (!ownRecord[key(pr.route)] && !repeatable.has(key(pr.route))) throw new Error(`${key(pr.route)} changes what it touches and has no body: say in ownRecord or repeatable how the matrix probes it (record ${a.record})`);
  return client.request({ method, url });
}

describe('the route × role × district matrix', () => {
  // about 2,000 probes: 20–50 s on a shared 2-core machine
  it('answers every probe as the declared tables say, and a refused probe changes nothing', { timeout: 300_000 }, async () => {
    const probes: Probe[] = [];
    for (const route of allRoutes) {
      const a = routeAccess[key(route)];
      // a route with no record of its own reads nothing that belongs to an owner: probed once (the public plan page names the plan)
      const owners = a.record === 'none' && !route.url.includes(':id') ? [district] : [district, city];
      for (const owner of owners) {
        const id = a.record === 'none' ? owner.ids.plan : owner.ids[a.record];
        if (id === undefined) throw new Error(`no fixture record of kind ${a.record} for ${key(route)}`);
        for (const prober of probers) probes.push({ route, owner, prober, id: ownRecord[key(route)] ? await ownRecord[key(route)](owner, prober) : id });
      }
    }
    const seed = Number(process.env.MATRIX_SEED ?? Math.floor(Math.random() * 2 ** 31));
    const random = mulberry32(seed);
    for (let i = probes.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [probes[i], probes[j]] = [probes[j], probes[i]];
    }
    const wrong: string[] = [];
    const tally: Record<string, number> = {};
    for (const pr of probes) {
      const want = expected(pr.route, pr.owner, pr.prober);
      // logging out ends the session: each logout probe uses a session of its own
      const client = key(pr.route) === 'POST /api/auth/logout' && pr.prober.username ? await new Client(t.app).login(pr.prober.username, PASSWORD) : pr.prober.client;
      const before = want === 'passes' ? 0 : await lastAuditId();
      const res = await send(pr, client);
      const got = outcomeOf(res);
      tally[want] = (tally[want] ?? 0) + 1;
      const what = `${pr.prober.key} ${key(pr.route)} on the ${pr.owner.name}`;
      if (got !== want) wrong.push(`${what}: expected ${want}, got ${got} (${res.statusCode} ${res.body.slice(0, 120)})`);
      else if (want !== 'passes' && (await lastAuditId()) !== before) wrong.push(`${what}: refused, but wrote an audit row`);
    }
    const districts = new Set(probers.map((p) => p.district).filter(Boolean)).size;
    console.log(`access matrix: ${allRoutes.length} routes × ${roles.length} roles × ${districts} districts (+ the unit roles of a unit outside the plan, + a visitor) × up to 2 plans = ${probes.length} probes (${Object.entries(tally).map(([k, v]) => `${v} ${k}`).join(', ')}); seed ${seed}`);
    expect(wrong, `MATRIX_SEED=${seed}`).toEqual([]);
    expect(probes.length).toBeGreaterThanOrEqual(allRoutes.length * (roles.length * 2 + 1));
  });
});

describe('the findings of issue #10, one by one', () => {
  it("a district office cannot retitle, publish or re-hook the city's plan, nor touch its tasks", async () => {
    expect((await officeB.patch(`/api/plans/${city.ids.plan}`, { title: '被改了' })).statusCode).toBe(403);
    expect((await officeB.patch(`/api/plans/${city.ids.plan}`, { published: true })).statusCode).toBe(403);
    expect((await officeB.patch(`/api/plans/${city.ids.plan}/reporting`, { reminders: { webhookUrl: 'https://evil.example/hook' } })).statusCode).toBe(403);
    expect((await officeB.post(`/api/plans/${city.ids.plan}/tasks`, { title: '新增任务', units: [] })).statusCode).toBe(403);
    expect((await officeB.request({ method: 'DELETE', url: `/api/tasks/${city.ids.task}` })).statusCode).toBe(403);
    expect((await officeB.post(`/api/plans/${city.ids.plan}/periods/2026-03/lock`, {})).statusCode).toBe(403);
    expect((await officeB.patch(`/api/plans/${city.ids.plan}/score-settings`, {})).statusCode).toBe(403);
    expect((await officeB.get(`/api/plans/${city.ids.plan}`)).statusCode).toBe(200); // reading stays
  });

  it("does not show the city's webhook token to a district", async () => {
    const cityOffice = city.office;
    const set = await cityOffice.patch(`/api/plans/${city.ids.plan}/reporting`, { reminders: { webhookUrl: 'https://oapi.dingtalk.com/robot/send?access_token=SECRET123' } });
    expect(set.statusCode, set.body).toBe(200);
    expect((await cityOffice.get(`/api/plans/${city.ids.plan}/reporting`)).body).toContain('SECRET123');
    expect((await officeB.get(`/api/plans/${city.ids.plan}/reporting`)).body).not.toContain('SECRET123');
    expect((await officeB.get(`/api/plans/${city.ids.plan}`)).body).not.toContain('SECRET123');
    // nor through the plan's history, which a district may read (the change that set it is on it)
    const history = await officeB.get(`/api/audit?entityType=plan&entityId=${city.ids.plan}`);
    expect(history.statusCode, history.body).toBe(200);
    expect(history.body).toContain('reminders');
    expect(history.body).not.toContain('SECRET123');
  });

  it('a district office imports only into its own region tree', async () => {
    const yc = await regionId(t.handle.db, '永川区');
    const res = await officeB.upload('/api/imports', '002.txt', corpus('002'), { regionId: String(yc) });
    expect(res.statusCode, res.body).toBe(403);
  });

  it("a district office cannot name another district's units on its tasks, nor send them 督办, nor create units there", async () => {
    const planB = await makePlan(t.handle.db, { region: '铜梁区', tasks: [{ title: '铜梁任务', lead: [unitB] }] });
    const assign = await officeB.patch(`/api/tasks/${planB.tasks[0].id}`, { units: [{ unitId: district.unitId, role: 'cooperating' }] });
    expect(assign.statusCode, assign.body).toBe(403);
    expect(assign.json().error.code).toBe('UNIT_OUTSIDE_REGION');
    const create = await officeB.post(`/api/plans/${planB.plan.id}/tasks`, { title: '新任务', units: [{ unitId: district.unitId, role: 'lead' }] });
    expect(create.statusCode, create.body).toBe(403);
    const notice = await officeB.post(`/api/plans/${planB.plan.id}/notices`, { unitId: district.unitId, title: '督办通知', requirement: '请加快推进' });
    expect(notice.statusCode, notice.body).toBe(403);
    const unit = await officeB.post('/api/units', { name: '永川区某某局', regionId: await regionId(t.handle.db, '永川区') });
    expect(unit.statusCode, unit.body).toBe(403);
    // its own units still work
    const ok = await officeB.patch(`/api/tasks/${planB.tasks[0].id}`, { units: [{ unitId: unitB, role: 'lead' }] });
    expect(ok.statusCode, ok.body).toBe(200);
  });

  it("a district office's import draws in no unit of another district, neither by name nor by the reviewer's mapping", async () => {
    const db = t.handle.db;
    // a unit only 永川 has: a 铜梁 plan naming it must not link it (its people would then see 铜梁's plan)
    const yc = await makeUnit(db, OWN, '区湿地保护管理局');
    const text = (n: number) => Buffer.from(`铜梁区湿地保护行动计划(第${n}稿)\n一、重点任务\n(一)推进湿地公园建设。(牵头单位:区湿地保护管理局)\n`, 'utf8');
    const job = (await officeB.upload('/api/imports', 'tl-1.txt', text(1))).json();
    expect(job.status, JSON.stringify(job)).toBe('review');
    expect(job.unknownUnits.map((u: { name: string }) => u.name)).toContain('区湿地保护管理局');
    const confirmed = await officeB.post(`/api/imports/${job.id}/confirm`, { createUnits: ['区湿地保护管理局'] });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    const linked = await db.select({ unitId: taskUnits.unitId, regionId: units.regionId }).from(taskUnits).innerJoin(tasks, eq(tasks.id, taskUnits.taskId)).innerJoin(units, eq(units.id, taskUnits.unitId)).where(eq(tasks.planId, confirmed.json().planId));
    expect(linked.length).toBeGreaterThan(0);
    expect(linked.map((l) => l.unitId)).not.toContain(yc.id);
    expect(new Set(linked.map((l) => l.regionId))).toEqual(new Set([await regionId(db, OTHER)]));
    // the reviewer cannot map a name to another district's unit either
    const second = (await officeB.upload('/api/imports', 'tl-2.txt', text(2))).json();
    const before = await lastAuditId();
    const mapped = await officeB.post(`/api/imports/${second.id}/corrections`, { corrections: [{ op: 'mapUnit', name: '区湿地保护管理局', unitId: yc.id }] });
    expect(mapped.statusCode, mapped.body).toBe(403);
    expect(mapped.json().error.code).toBe('UNIT_OUTSIDE_REGION');
    expect(await lastAuditId()).toBe(before);
  });

  it("reads no audit trail of another district's records", async () => {
    const leaks: string[] = [];
    for (const [type, id] of Object.entries({ ...district.ids, unit: district.unitId })) {
      const res = await officeB.get(`/api/audit?entityType=${type}&entityId=${id}`);
      if (res.statusCode === 200) leaks.push(`${type} → ${res.statusCode} ${res.body.slice(0, 80)}`);
    }
    expect(leaks).toEqual([]);
    // the owner still reads them
    expect((await district.office.get(`/api/audit?entityType=report&entityId=${district.ids.report}`)).statusCode).toBe(200);
    expect((await district.office.get(`/api/audit?entityType=notice&entityId=${district.ids.notice}`)).statusCode).toBe(200);
  });

  it('reads the history of a record exactly when it may read the record: every role that reads histories, both plans', async () => {
    // the matrix probes GET /api/audit without a record; here each record kind of both owners, derived from sees()
    const wrong: string[] = [];
    for (const p of probers.filter((x) => x.role !== 'visitor' && can({ userId: x.userId, username: x.username!, displayName: '', roles: [x.role as Role], unitId: x.unitId, regionIds: [] }, 'audit.read'))) {
      for (const o of [district, city]) {
        for (const kind of ['plan', 'task', 'report', 'attachment', 'indicator', 'notice', 'evaluation', 'import', 'project', 'checkup', 'checkup_problem'] as const) {
          const want = sees(p, o, kind) ? 200 : 404;
          const res = await p.client.get(`/api/audit?entityType=${kind}&entityId=${o.ids[kind]}`);
          if (res.statusCode !== want) wrong.push(`${p.key} ${kind} of the ${o.name}: expected ${want}, got ${res.statusCode}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });
});
