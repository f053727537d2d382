// A unit's task membership, stored (issue #15, migration 0016): unit_tasks follows every change of its inputs —
// a task's links (named, or addressed to 各镇街), its plan and position, a unit's kind and region, a plan's region, a
// region's parent — made through the app's routes and by raw SQL (a writer that knows nothing of unit_tasks), and
// the lists read it; `luoshi db verify` (queries/verify.ts) recomputes it and catches a corrupted row.
import { describe, expect, it } from 'vitest';
import pg from 'pg';
import { and, eq, sql } from 'drizzle-orm';
import { plans, regions, taskUnits, tasks, units } from '../../server/db/schema/index.js';
import { unitTasks } from '../../server/db/schema/unitTasks.js';
import { verifyUnitTasks } from '../../server/queries/verify.js';
import { Client, useTestApp } from '../helpers/app.js';
import { makeClient, makePlan, makeRunningPlan, makeUnit, makeUser, PASSWORD, regionId, unitId } from '../helpers/factories.js';

const t = useTestApp();

/** The unit's stored membership as `task:role:named`, sorted. */
async function allOf(unit: number) {
  const rows = await t.handle.db.select().from(unitTasks).where(eq(unitTasks.unitId, unit));
  return rows.map((r) => `${r.taskId}:${r.role}:${r.named ? 'named' : 'towns'}`).sort();
}
/** The stored rows of these units agree with the links they come from. */
async function consistent(...unitIds: number[]) {
  const check = await verifyUnitTasks(t.handle.db, { unitIds });
  expect(check.wrong).toEqual([]);
}
const membership = allOf;
const ids = (res: { json(): { items: { id: number }[] } }) => res.json().items.map((x) => x.id);

describe('unit_tasks follows the links changed through the routes', () => {
  it('editing a task\'s units, 批量指派 and a new town: the stored rows and the unit\'s own list move with them', async () => {
    const db = t.handle.db;
    const s = await makeRunningPlan(t.app, db);
    const { a, b, c } = s.units;
    expect(await membership(a.id)).toEqual([`${s.task.id}:lead:named`]);
    expect(await membership(b.id)).toEqual([`${s.task.id}:cooperating:named`]);
    expect(await membership(c.id)).toEqual([`${s.otherTask.id}:lead:named`]);

    // the office edits the task: B leads it now, A is gone from it
    const edit = await s.office.client.patch(`/api/tasks/${s.task.id}`, { units: [{ unitId: b.id, role: 'lead' }] });
    expect(edit.statusCode, edit.body).toBe(200);
    expect(await membership(a.id)).toEqual([]);
    expect(await membership(b.id)).toEqual([`${s.task.id}:lead:named`]);
    expect(ids(await s.reporterA.client.get('/api/me/tasks'))).toEqual([]);
    expect(ids(await s.reporterB.client.get('/api/me/tasks?role=lead'))).toEqual([s.task.id]);
    expect(ids(await s.office.client.get(`/api/plans/${s.plan.id}/tasks?unitId=${b.id}&cursor=`))).toEqual([s.task.id]);

    // 批量指派 adds C as cooperating on both tasks
    const assign = await s.office.client.post(`/api/plans/${s.plan.id}/tasks/assign`, { taskIds: [s.task.id, s.otherTask.id], mode: 'add', units: [{ unitId: c.id, role: 'cooperating' }] });
    expect(assign.statusCode, assign.body).toBe(200);
    expect(await membership(c.id)).toEqual([`${s.otherTask.id}:cooperating:named`, `${s.otherTask.id}:lead:named`, `${s.task.id}:cooperating:named`].sort());
    expect(ids(await s.reporterC.client.get('/api/me/tasks?role=cooperating'))).toEqual([s.task.id, s.otherTask.id]);

    // a task addressed to 各镇街 (as the importer stores it), then a town created through the route joins it
    await db.insert(taskUnits).values({ taskId: s.otherTask.id, unitId: null, role: 'responsible', raw: '各镇街', scope: 'all_towns', position: 9 });
    const created = await s.office.client.post('/api/units', { name: `测试镇${Date.now()}`, kind: 'town', regionId: await regionId(db, '永川区') });
    expect(created.statusCode, created.body).toBe(200);
    const town = created.json().id as number;
    expect(await membership(town)).toEqual([`${s.otherTask.id}:responsible:towns`]);
    const reporter = await new Client(t.app).login((await makeUser(db, ['unit_reporter'], { unitId: town })).username, PASSWORD);
    expect(ids(await reporter.get('/api/me/tasks?cursor='))).toEqual([s.otherTask.id]);
    expect((await reporter.get(`/api/tasks/${s.otherTask.id}`)).statusCode).toBe(200);
    expect((await reporter.get(`/api/tasks/${s.task.id}`)).statusCode).toBe(404);
    // a department created the same way joins nothing
    const dept = await s.office.client.post('/api/units', { name: `测试局${Date.now()}`, regionId: await regionId(db, '永川区') });
    expect(await membership(dept.json().id)).toEqual([]);
    await consistent(a.id, b.id, c.id, town, dept.json().id);
  });
});

describe('unit_tasks follows raw writes', () => {
  it('links, a task\'s plan and position, a unit\'s kind and region, a plan\'s region, a region\'s parent, deletes', async () => {
    const db = t.handle.db;
    const lead = await makeUnit(db);
    const { plan, tasks: [first, second] } = await makePlan(db, { tasks: [{ title: '整治农村人居环境', lead: [lead.id] }, { title: '建设智慧农业平台', lead: [lead.id] }] });
    const town = await unitId(db, '青峰镇');
    const otherTown = await unitId(db, '巴川街道', '铜梁区');
    // what the towns take part in already (other tests' plans): the rows below are counted apart from these
    const before = new Set([...(await allOf(town)), ...(await allOf(otherTown))]);
    const membership = async (unit: number) => (await allOf(unit)).filter((k) => !before.has(k));
    expect(await membership(town)).toEqual([]);

    // 各镇街 on the first task: every town of 永川区 takes part, none of 铜梁区
    await db.insert(taskUnits).values({ taskId: first.id, unitId: null, role: 'responsible', raw: '各镇街', scope: 'all_towns', position: 1 });
    expect(await membership(town)).toEqual([`${first.id}:responsible:towns`]);
    expect(await membership(otherTown)).toEqual([]);
    const towns = (await db.select({ id: units.id }).from(units).where(and(eq(units.kind, 'town'), eq(units.regionId, await regionId(db, '永川区'))))).map((u) => u.id);
    expect(towns.length).toBeGreaterThan(5);
    const [{ n }] = (await db.execute(sql`select count(*)::int as n from unit_tasks where task_id = ${first.id} and not named`) as unknown as { rows: { n: number }[] }).rows;
    expect(n).toBe(towns.length);

    // the town also named as the lead: both ways are kept
    await db.insert(taskUnits).values({ taskId: first.id, unitId: town, role: 'lead', raw: '青峰镇', position: 2 });
    expect(await membership(town)).toEqual([`${first.id}:lead:named`, `${first.id}:responsible:towns`]);
    // the link changed by an update (role), then removed
    await db.update(taskUnits).set({ role: 'cooperating' }).where(and(eq(taskUnits.taskId, first.id), eq(taskUnits.unitId, town)));
    expect(await membership(town)).toEqual([`${first.id}:cooperating:named`, `${first.id}:responsible:towns`]);
    await db.delete(taskUnits).where(and(eq(taskUnits.taskId, first.id), eq(taskUnits.unitId, town)));
    expect(await membership(town)).toEqual([`${first.id}:responsible:towns`]);

    // the task moves in its plan: the stored position follows (list order)
    await db.update(tasks).set({ position: 77 }).where(eq(tasks.id, first.id));
    const [row] = await db.select().from(unitTasks).where(and(eq(unitTasks.unitId, town), eq(unitTasks.taskId, first.id)));
    expect([row.planId, row.position]).toEqual([plan.id, 77]);

    // the plan is given to 铜梁区: its 各镇街 are 铜梁区's towns now
    await db.update(plans).set({ regionId: await regionId(db, '铜梁区') }).where(eq(plans.id, plan.id));
    expect(await membership(town)).toEqual([]);
    expect(await membership(otherTown)).toEqual([`${first.id}:responsible:towns`]);
    await db.update(plans).set({ regionId: await regionId(db, '永川区') }).where(eq(plans.id, plan.id));
    expect(await membership(town)).toEqual([`${first.id}:responsible:towns`]);

    // a city plan's 各镇街 reach the towns of every district (the region above theirs)
    const city = await makePlan(db, { region: '重庆市', tasks: [{ title: '全市统筹推进', lead: [lead.id] }] });
    await db.insert(taskUnits).values({ taskId: city.tasks[0].id, unitId: null, role: 'cooperating', raw: '各镇街', scope: 'all_towns', position: 1 });
    expect(await membership(otherTown)).toEqual([`${city.tasks[0].id}:cooperating:towns`]);
    // the second task moved into the city plan keeps its lead, with the new plan
    await db.update(tasks).set({ planId: city.plan.id }).where(eq(tasks.id, second.id));
    expect((await db.select().from(unitTasks).where(and(eq(unitTasks.unitId, lead.id), eq(unitTasks.taskId, second.id))))[0].planId).toBe(city.plan.id);

    // a town that stops being one leaves its 各镇街 tasks; back again, it rejoins them
    await db.update(units).set({ kind: 'department' }).where(eq(units.id, town));
    expect(await membership(town)).toEqual([]);
    await db.update(units).set({ kind: 'town' }).where(eq(units.id, town));
    expect(await membership(town)).toEqual([`${city.tasks[0].id}:cooperating:towns`, `${first.id}:responsible:towns`].sort());
    // a town moved to 铜梁区 takes part in 铜梁区's plans and the city's, not 永川区's
    await db.update(units).set({ regionId: await regionId(db, '铜梁区') }).where(eq(units.id, town));
    expect(await membership(town)).toEqual([`${city.tasks[0].id}:cooperating:towns`]);
    await db.update(units).set({ regionId: await regionId(db, '永川区') }).where(eq(units.id, town));

    // 永川区 placed under no region: the city's plan no longer reaches its towns (the region above them is gone)
    const yc = await regionId(db, '永川区');
    const [ycRow] = await db.select().from(regions).where(eq(regions.id, yc));
    await db.update(regions).set({ parentId: null }).where(eq(regions.id, yc));
    expect(await membership(town)).toEqual([`${first.id}:responsible:towns`]);
    await db.update(regions).set({ parentId: ycRow.parentId }).where(eq(regions.id, yc));
    expect(await membership(town)).toEqual([`${city.tasks[0].id}:cooperating:towns`, `${first.id}:responsible:towns`].sort());

    // the 各镇街 link removed, then the task deleted: nothing left of either
    await db.delete(taskUnits).where(and(eq(taskUnits.taskId, first.id), eq(taskUnits.scope, 'all_towns')));
    expect(await membership(town)).toEqual([`${city.tasks[0].id}:cooperating:towns`]);
    await db.delete(tasks).where(eq(tasks.id, city.tasks[0].id));
    expect(await membership(town)).toEqual([]);
    expect(await membership(lead.id)).toEqual([`${first.id}:lead:named`, `${second.id}:lead:named`].sort());
    await consistent(lead.id, town, otherTown, ...towns);
  });
});

describe('db verify', () => {
  it('finds a stored row too many, one missing and one with a stale position, and nothing once they are right', async () => {
    const db = t.handle.db;
    const { plan, tasks: [task] } = await makePlan(db, { tasks: [{ title: '推进城市更新', lead: [(await makeUnit(db)).id] }] });
    const [lead] = await db.select().from(unitTasks).where(eq(unitTasks.taskId, task.id));
    const other = await makeUnit(db);
    const all = await verifyUnitTasks(db, { sample: 0 });
    expect(all.wrong).toEqual([]);
    expect(all.units).toBeGreaterThan(2);

    // corrupted by hand (nothing keeps unit_tasks but its triggers): a row the links do not give, one taken away
    await db.insert(unitTasks).values({ unitId: other.id, taskId: task.id, planId: plan.id, position: 0, role: 'cooperating', named: true });
    await db.delete(unitTasks).where(and(eq(unitTasks.unitId, lead.unitId), eq(unitTasks.taskId, task.id)));
    const caught = await verifyUnitTasks(db, { sample: 0 });
    expect(caught.wrong).toEqual([
      { unitId: lead.unitId, missing: [`${task.id}:${plan.id}:${lead.position}:lead:true`], extra: [] },
      { unitId: other.id, missing: [], extra: [`${task.id}:${plan.id}:0:cooperating:true`] },
    ].sort((x, y) => x.unitId - y.unitId));

    // repaired the way the triggers do it (the link rewritten), and the extra row removed: clean again
    await db.update(taskUnits).set({ position: 5 }).where(eq(taskUnits.taskId, task.id));
    await db.update(taskUnits).set({ raw: '牵头' }).where(eq(taskUnits.taskId, task.id)); // no membership input: no rewrite
    expect((await verifyUnitTasks(db, { unitIds: [lead.unitId] })).wrong).toHaveLength(1);
    await db.update(taskUnits).set({ role: 'cooperating' }).where(eq(taskUnits.taskId, task.id));
    await db.update(taskUnits).set({ role: 'lead' }).where(eq(taskUnits.taskId, task.id));
    await db.delete(unitTasks).where(eq(unitTasks.unitId, other.id));
    expect((await verifyUnitTasks(db, { sample: 0 })).wrong).toEqual([]);

    // a stale position (written around the trigger) is caught too
    await db.update(unitTasks).set({ position: 999 }).where(eq(unitTasks.taskId, task.id));
    const stale = await verifyUnitTasks(db, { unitIds: [lead.unitId] });
    expect(stale.wrong).toHaveLength(1);
    expect(stale.wrong[0].extra).toEqual([`${task.id}:${plan.id}:999:lead:true`]);
    // a sample of units draws that many
    expect((await verifyUnitTasks(db, { sample: 3 })).units).toBe(3);
    const office = await makeClient(t.app, db, ['office']);
    expect((await office.client.get(`/api/plans/${plan.id}/tasks?unitId=${lead.unitId}`)).statusCode).toBe(200);
  });
});

describe.runIf(process.env.LUOSHI_TEST_DB === 'pg')('two writers at once (PostgreSQL)', () => {
  it('one adds a unit to a task while another removes one: the second waits for the first and both changes are kept', async () => {
    const db = t.handle.db;
    const [x, y] = [await makeUnit(db), await makeUnit(db)];
    const { tasks: [task] } = await makePlan(db, { tasks: [{ title: '推进管网改造', lead: [y.id] }] });
    const [c1, c2] = [new pg.Client({ connectionString: t.handle.url! }), new pg.Client({ connectionString: t.handle.url! })];
    await c1.connect();
    await c2.connect();
    try {
      await c1.query('begin');
      await c1.query(`insert into task_units (task_id, unit_id, role, raw, scope, position) values ($1, $2, 'cooperating', 'x', 'unit', 1)`, [task.id, x.id]);
      await c2.query('begin');
      let done = false;
      // the second writer's trigger waits for unit_tasks' lock, held by the first until it commits
      const second = c2.query('delete from task_units where task_id = $1 and unit_id = $2', [task.id, y.id]).then(() => (done = true));
      await new Promise((r) => setTimeout(r, 300));
      expect(done).toBe(false);
      await c1.query('commit');
      await second;
      await c2.query('commit');
    } finally {
      await c1.end();
      await c2.end();
    }
    expect(await membership(x.id)).toEqual([`${task.id}:cooperating:named`]);
    expect(await membership(y.id)).toEqual([]);
    await consistent(x.id, y.id);
  });
});
