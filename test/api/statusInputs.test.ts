// Maintained task status (issue #15): every input of a task's status, changed through the app's own routes and by a
// writer that does not refresh the rows, moves the status answer — and what is no input leaves the stored rows alone.
// Inputs: the task's status fields and its lead units (task_units rows with role lead), its reports, the plan's
// settings and years, its periods' dates and labels, and the code's rules and holiday calendar (jobs/statusRows.ts).
import { afterEach, describe, expect, it } from 'vitest';
import { and, asc, eq } from 'drizzle-orm';
import { plans, reportPeriods, taskUnits, tasks } from '../../server/db/schema/index.js';
import { taskStatusRows } from '../../server/db/schema/taskStatus.js';
import { now, setClock } from '../../server/clock.js';
import { todayInShanghai } from '../../server/domain/dates.js';
import { computeTaskStatuses } from '../../server/queries/status.js';
import { refreshStatusRows, statusRulesFingerprint } from '../../server/jobs/statusRows.js';
import { writeAudit } from '../../server/audit.js';
import { systemActor } from '../../server/policy.js';
import { useTestApp } from '../helpers/app.js';
import { makeRunningPlan } from '../helpers/factories.js';

const t = useTestApp();
afterEach(() => setClock(null));

const statusColumns = {
  id: tasks.id, planId: tasks.planId, parentTaskId: tasks.parentTaskId, startDate: tasks.startDate, deadline: tasks.deadline,
  progress: tasks.progress, reportedStatus: tasks.reportedStatus, createdAt: tasks.createdAt,
};

async function setup() {
  // 2026-06-10: May's report was due on the 5th and nobody has sent one
  setClock(() => new Date('2026-06-10T02:00:00Z'));
  const db = t.handle.db;
  const s = await makeRunningPlan(t.app, db);
  const today = todayInShanghai(now());
  const rowOf = async (id: number) => (await db.select().from(taskStatusRows).where(eq(taskStatusRows.taskId, id)))[0];
  /**
   * The plan's status as /status, the task list, the task page and the reference computation give it. After a raw
   * write (`raw`), an audit row like every writer's (the answer cache of /status keys on the newest one).
   */
  const answers = async (taskId: number, opts: { raw?: boolean } = {}) => {
    if (opts.raw) await writeAudit(db, systemActor, { action: 'test.raw_write', entityType: 'task', entityId: taskId, planId: s.plan.id });
    const status = (await s.office.client.get(`/api/plans/${s.plan.id}/status`)).json();
    const list = (await s.office.client.get(`/api/plans/${s.plan.id}/tasks`)).json();
    const detail = (await s.office.client.get(`/api/tasks/${taskId}`)).json();
    const rows = await db.select(statusColumns).from(tasks).where(eq(tasks.planId, s.plan.id)).orderBy(asc(tasks.id));
    const reference = (await computeTaskStatuses(db, rows, today)).get(taskId)!;
    const fromStatus = status.tasks.find((x: { taskId: number }) => x.taskId === taskId).status;
    const fromList = list.items.find((x: { id: number }) => x.id === taskId).status;
    expect(fromStatus).toEqual(reference);
    expect(fromList).toEqual(reference);
    expect(detail.status).toEqual(reference);
    return reference.state as string;
  };
  const filtered = async (state: string) => ((await s.office.client.get(`/api/plans/${s.plan.id}/tasks?status=${state}`)).json().items as { id: number }[]).map((x) => x.id);
  return { db, s, today, rowOf, answers, filtered };
}

describe('status inputs: lead units', () => {
  it('removing and assigning a task\'s lead unit through the routes changes its status answer', async () => {
    const { s, rowOf, answers, filtered } = await setup();
    expect(await answers(s.task.id)).toBe('not_reported');
    expect(await filtered('not_reported')).toContain(s.task.id);

    // the office edits the task: no lead unit any more, only a cooperating one — no report is owed (无应报进展)
    const edit = await s.office.client.patch(`/api/tasks/${s.task.id}`, { units: [{ unitId: s.units.b.id, role: 'cooperating' }] });
    expect(edit.statusCode).toBe(200);
    expect(await answers(s.task.id)).toBe('nothing_due');
    expect((await rowOf(s.task.id)).status).toMatchObject({ state: 'nothing_due' });
    expect(await filtered('nothing_due')).toContain(s.task.id);
    expect(await filtered('not_reported')).not.toContain(s.task.id);

    // 批量指派 adds a lead unit: the report is owed again
    const assign = await s.office.client.post(`/api/plans/${s.plan.id}/tasks/assign`, { taskIds: [s.task.id], mode: 'add', units: [{ unitId: s.units.c.id, role: 'lead' }] });
    expect(assign.statusCode).toBe(200);
    expect(await answers(s.task.id)).toBe('not_reported');
    expect(await filtered('not_reported')).toContain(s.task.id);

    // the other task's lead replaced by another lead: still owed; its lead replaced by nothing is refused (400)
    const replace = await s.office.client.post(`/api/plans/${s.plan.id}/tasks/assign`, { taskIds: [s.otherTask.id], mode: 'replace', units: [{ unitId: s.units.a.id, role: 'lead' }] });
    expect(replace.statusCode).toBe(200);
    expect(await answers(s.otherTask.id, { raw: true })).toBe('not_reported');
  });

  it('a writer that does not refresh: a lead row added, changed or removed marks the row; other links do not', async () => {
    const { db, s, today, rowOf, answers } = await setup();
    expect(await answers(s.task.id)).toBe('not_reported');
    const start = await rowOf(s.task.id);
    expect(start.asOf).toBe(today);

    // a cooperating unit added and removed: no status input, the row is kept
    const [coop] = await db.insert(taskUnits).values({ taskId: s.task.id, unitId: s.units.c.id, role: 'cooperating', raw: 'c', position: 9 }).returning();
    await db.update(taskUnits).set({ position: 10 }).where(eq(taskUnits.id, coop.id));
    await db.delete(taskUnits).where(eq(taskUnits.id, coop.id));
    expect(await rowOf(s.task.id)).toEqual(start);

    // the lead row becomes a cooperating one: marked in the same statement
    await db.update(taskUnits).set({ role: 'cooperating' }).where(and(eq(taskUnits.taskId, s.task.id), eq(taskUnits.role, 'lead')));
    expect(await rowOf(s.task.id)).toMatchObject({ asOf: '', gen: start.gen + 1 });
    expect(await answers(s.task.id, { raw: true })).toBe('nothing_due');
    // a lead row inserted
    const [lead] = await db.insert(taskUnits).values({ taskId: s.task.id, unitId: s.units.b.id, role: 'lead', raw: 'b', position: 11 }).returning();
    expect((await rowOf(s.task.id)).asOf).toBe('');
    expect(await answers(s.task.id, { raw: true })).toBe('not_reported');
    // the lead row moved to the other task: both marked
    const other = await rowOf(s.otherTask.id);
    expect(other.asOf).toBe(today);
    await db.update(taskUnits).set({ taskId: s.otherTask.id }).where(eq(taskUnits.id, lead.id));
    expect((await rowOf(s.task.id)).asOf).toBe('');
    expect(await rowOf(s.otherTask.id)).toMatchObject({ asOf: '', gen: other.gen + 1 });
    expect(await answers(s.task.id, { raw: true })).toBe('nothing_due');
    // and deleted
    await db.delete(taskUnits).where(eq(taskUnits.id, lead.id));
    expect((await rowOf(s.otherTask.id)).asOf).toBe('');
    expect(await answers(s.otherTask.id)).toBe('not_reported');
  });
});

describe('status inputs: periods, plan settings, calendar', () => {
  it('locking and unlocking a period is no status input: rows kept, answers unchanged', async () => {
    const { s, rowOf, answers } = await setup();
    const state = await answers(s.task.id);
    const before = await rowOf(s.task.id);
    for (const action of ['lock', 'unlock']) {
      const res = await s.office.client.post(`/api/plans/${s.plan.id}/periods/2026-05/${action}`);
      expect(res.statusCode, action).toBe(200);
      expect(await rowOf(s.task.id), action).toEqual(before);
      expect(await answers(s.task.id), action).toBe(state);
    }
  });

  it('a period\'s dates or label changed by a writer that does not refresh mark the plan\'s rows', async () => {
    const { db, s, rowOf, answers } = await setup();
    // a report waiting for review names its period (已报送待审核): the label is part of the stored status
    expect((await s.reporterA.client.post(`/api/tasks/${s.task.id}/reports`, { reportedStatus: '推进中', progress: 40, progressText: '进展', submit: true })).statusCode).toBe(200);
    expect(await answers(s.task.id)).toBe('awaiting_review');
    // the report went to the open period (June; May is locked since its due date), later than the due one: it counts
    const [period] = await db.select().from(reportPeriods).where(and(eq(reportPeriods.planId, s.plan.id), eq(reportPeriods.key, '2026-06')));
    const before = await rowOf(s.task.id);
    await db.update(reportPeriods).set({ lockOverride: 'locked' }).where(eq(reportPeriods.id, period.id));
    expect(await rowOf(s.task.id)).toEqual(before);
    await db.update(reportPeriods).set({ label: '2026年6月(补报)' }).where(eq(reportPeriods.id, period.id));
    expect(await rowOf(s.task.id)).toMatchObject({ asOf: '', gen: before.gen + 1 });
    expect((await rowOf(s.otherTask.id)).asOf).toBe('');
    await answers(s.task.id, { raw: true });
    expect((await rowOf(s.task.id)).status).toMatchObject({ reason: expect.stringContaining('2026年6月(补报)') });
    // the period's start moved before the due one (May): its report no longer counts as one for the due period or later
    const mid = await rowOf(s.task.id);
    await db.update(reportPeriods).set({ start: '2026-04-01' }).where(eq(reportPeriods.id, period.id));
    expect(await rowOf(s.task.id)).toMatchObject({ asOf: '', gen: mid.gen + 1 });
    expect(await answers(s.task.id, { raw: true })).toBe('not_reported');
  });

  it('plan settings and years, through the route and by a writer that does not refresh', async () => {
    const { db, s, today, rowOf, answers } = await setup();
    expect(await answers(s.task.id)).toBe('not_reported');
    // reports chased only from July: none is owed yet
    expect((await s.office.client.patch(`/api/plans/${s.plan.id}/reporting`, { startMonth: '2026-07' })).statusCode).toBe(200);
    expect(await answers(s.task.id)).toBe('nothing_due');
    expect((await s.office.client.patch(`/api/plans/${s.plan.id}/reporting`, { startMonth: null })).statusCode).toBe(200);
    expect(await answers(s.task.id)).toBe('not_reported');
    // the plan's years, raw: every row of the plan is marked
    const before = await rowOf(s.otherTask.id);
    expect(before.asOf).toBe(today);
    await db.update(plans).set({ periodStart: 2027 }).where(eq(plans.id, s.plan.id));
    expect(await rowOf(s.otherTask.id)).toMatchObject({ asOf: '', gen: before.gen + 1 });
    expect(await answers(s.task.id, { raw: true })).toBe('not_started');
    // a plan field that is no input (its title) leaves them alone
    const kept = await rowOf(s.otherTask.id);
    await db.update(plans).set({ title: '改名' }).where(eq(plans.id, s.plan.id));
    expect(await rowOf(s.otherTask.id)).toEqual(kept);
  });

  it('new rules or a new holiday calendar in a release: the job marks and recomputes every row once', async () => {
    const { db, s, today, rowOf, answers } = await setup();
    await answers(s.task.id);
    // the first run records the fingerprint of the code it runs with
    expect((await refreshStatusRows(db, now())).rulesChanged).toBe(true);
    const computed = await rowOf(s.task.id);
    expect(computed.asOf).toBe(today);
    expect(await refreshStatusRows(db, now())).toEqual({ plans: 0, tasks: 0, rulesChanged: false });
    expect(await rowOf(s.task.id)).toEqual(computed);
    // another release (a holiday notice added, a rule changed): every row recomputed by the job, today
    const done = await refreshStatusRows(db, now(), { fingerprint: `${statusRulesFingerprint()}-next` });
    expect(done.rulesChanged).toBe(true);
    expect(done.tasks).toBeGreaterThanOrEqual(2);
    const after = await rowOf(s.task.id);
    expect(after).toMatchObject({ asOf: today, gen: computed.gen + 1, status: computed.status });
    expect((await refreshStatusRows(db, now(), { fingerprint: `${statusRulesFingerprint()}-next` })).rulesChanged).toBe(false);
  });
});
