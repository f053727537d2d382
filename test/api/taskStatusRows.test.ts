// Maintained task status (issue #15): the stored rows (task_statuses) against the status computed the old way from
// reports, over random histories of reports, reviews, returns, task edits, threshold changes, writes that bypass the
// operations, and days passing. After every step both ways must agree task by task, and /status must show the same.
import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { reports, taskUnits, tasks } from '../../server/db/schema/index.js';
import { taskStatusRows } from '../../server/db/schema/taskStatus.js';
import { now, setClock } from '../../server/clock.js';
import { todayInShanghai } from '../../server/domain/dates.js';
import { computeTaskStatuses, storeTaskStatuses, taskStatuses } from '../../server/queries/status.js';
import { writeAudit } from '../../server/audit.js';
import { systemActor } from '../../server/policy.js';
import { refreshStatusRows } from '../../server/jobs/statusRows.js';
import { useTestApp } from '../helpers/app.js';
import { makeRunningPlan } from '../helpers/factories.js';

const t = useTestApp();
afterEach(() => setClock(null));

const day = (n: number) => new Date(Date.UTC(2026, 0, 1 + n, 2, 0, 0));
const statusColumns = {
  id: tasks.id, planId: tasks.planId, parentTaskId: tasks.parentTaskId, startDate: tasks.startDate, deadline: tasks.deadline,
  progress: tasks.progress, reportedStatus: tasks.reportedStatus, createdAt: tasks.createdAt,
};

type Step =
  | { kind: 'day'; n: number }
  | { kind: 'report'; task: 0 | 1; status: string; progress: number | null; submit: boolean; back: number }
  | { kind: 'review'; accept: boolean }
  | { kind: 'task'; task: 0 | 1; start: number | null; length: number | null }
  | { kind: 'thresholds'; yellow: number; red: number; blocked: 'red' | 'yellow' }
  | { kind: 'raw'; task: 0 | 1; what: 'return' | 'delete' | 'progress' | 'unlink'; progress: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('day' as const), n: fc.integer({ min: 0, max: 500 }) }) },
  { weight: 4, arbitrary: fc.record({
    kind: fc.constant('report' as const), task: fc.constantFrom(0 as const, 1 as const), status: fc.constantFrom('未开始', '推进中', '已完成', '滞后', '受阻'),
    progress: fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }), submit: fc.boolean(), back: fc.integer({ min: 0, max: 2 }),
  }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('review' as const), accept: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('task' as const), task: fc.constantFrom(0 as const, 1 as const), start: fc.option(fc.integer({ min: 0, max: 400 }), { nil: null }), length: fc.option(fc.integer({ min: 0, max: 400 }), { nil: null }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('thresholds' as const), yellow: fc.integer({ min: 0, max: 40 }), red: fc.integer({ min: 0, max: 60 }), blocked: fc.constantFrom('red' as const, 'yellow' as const) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('raw' as const), task: fc.constantFrom(0 as const, 1 as const), what: fc.constantFrom('return' as const, 'delete' as const, 'progress' as const, 'unlink' as const), progress: fc.integer({ min: 0, max: 100 }) }) },
);

describe('maintained task status', () => {
  it('agrees with the status computed from reports over random histories', async () => {
    const db = t.handle.db;
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 400 }), fc.array(step, { minLength: 1, maxLength: 10 }), async (start, steps) => {
        setClock(() => day(start));
        const s = await makeRunningPlan(t.app, db);
        const taskIds = [s.task.id, s.otherTask.id];
        const reporter = [s.reporterA, s.reporterC];
        const check = async (label: string) => {
          const today = todayInShanghai(now());
          const rows = await db.select(statusColumns).from(tasks).where(eq(tasks.planId, s.plan.id)).orderBy(asc(tasks.id));
          const reference = await computeTaskStatuses(db, rows, today);
          // the API's answer, then the maintained rows read directly: both what the old computation gives
          const api = (await s.office.client.get(`/api/plans/${s.plan.id}/status`)).json();
          for (const row of rows) expect(api.tasks.find((x: { taskId: number }) => x.taskId === row.id).status, `${label}: /status, task ${row.id}`).toEqual(reference.get(row.id));
          const stored = await db.select().from(taskStatusRows).where(eq(taskStatusRows.planId, s.plan.id));
          // the read stored today's figures: the next reads come from the rows
          expect(stored.filter((r) => r.asOf === today).map((r) => r.taskId).sort(), `${label}: rows of today`).toEqual(rows.map((r) => r.id).sort());
          const maintained = await taskStatuses(db, rows, today);
          for (const row of rows) expect(maintained.get(row.id), `${label}: task ${row.id}`).toEqual(reference.get(row.id));
        };
        await check('start');
        for (const [i, st] of steps.entries()) {
          const label = `step ${i} ${JSON.stringify(st)}`;
          const today = todayInShanghai(now());
          if (st.kind === 'day') setClock(() => day(st.n));
          else if (st.kind === 'report') {
            const periods = (await s.reporterA.client.get(`/api/plans/${s.plan.id}/reporting`)).json();
            const keys: string[] = (periods.periods ?? []).map((p: { key: string }) => p.key);
            const period = st.back && keys.length > st.back ? keys[Math.max(0, keys.length - 1 - st.back)] : undefined;
            const res = await reporter[st.task].client.post(`/api/tasks/${taskIds[st.task]}/reports`, { reportedStatus: st.status, progress: st.progress, progressText: '进展', submit: st.submit, ...(period ? { period } : {}) });
            if (res.statusCode === 200) {
              // written in the transaction of the report, before any read
              const [row] = await db.select().from(taskStatusRows).where(eq(taskStatusRows.taskId, taskIds[st.task]));
              expect(row.asOf, label).toBe(today);
            }
          } else if (st.kind === 'review') {
            const [r] = await db.select({ id: reports.id, taskId: reports.taskId }).from(reports).where(and(eq(reports.planId, s.plan.id), eq(reports.status, 'submitted'))).orderBy(asc(reports.id)).limit(1);
            if (r) {
              const res = await s.office.client.post(`/api/reports/${r.id}/review`, st.accept ? { decision: 'accept' } : { decision: 'return', reason: '请补充进展情况' });
              expect(res.statusCode, label).toBe(200);
              const [row] = await db.select().from(taskStatusRows).where(eq(taskStatusRows.taskId, r.taskId));
              expect(row.asOf, label).toBe(today);
            }
          } else if (st.kind === 'task') {
            const startDate = st.start == null ? null : todayInShanghai(day(st.start));
            const deadline = st.length == null ? null : todayInShanghai(day((st.start ?? 0) + st.length));
            await s.office.client.patch(`/api/tasks/${taskIds[st.task]}`, { startDate, deadline });
          } else if (st.kind === 'thresholds') {
            await s.office.client.patch(`/api/plans/${s.plan.id}/reporting`, { taskThresholds: { yellowGap: Math.min(st.yellow, st.red), redGap: Math.max(st.yellow, st.red), blockedColor: st.blocked } });
          } else {
            // a writer that does not refresh the rows (a script, a future operation): the triggers must mark them. It
            // audits its change like every writer (the answer cache of /status keys on that)
            await writeAudit(db, systemActor, { action: `test.raw_${st.what}`, entityType: 'task', entityId: taskIds[st.task], planId: s.plan.id });
            if (st.what === 'return') await db.update(reports).set({ status: 'returned' }).where(and(eq(reports.taskId, taskIds[st.task]), inArray(reports.status, ['submitted', 'accepted'])));
            else if (st.what === 'unlink') await db.delete(taskUnits).where(and(eq(taskUnits.taskId, taskIds[st.task]), eq(taskUnits.role, 'lead')));
            else if (st.what === 'delete') await db.delete(reports).where(eq(reports.id, sql`(select max(id) from reports where task_id = ${taskIds[st.task]})`));
            else await db.update(tasks).set({ progress: st.progress }).where(eq(tasks.id, taskIds[st.task]));
          }
          await check(label);
        }
      }),
      { numRuns: Number(process.env.STATUS_ROWS_RUNS ?? 15), seed: process.env.STATUS_ROWS_SEED ? Number(process.env.STATUS_ROWS_SEED) : undefined },
    );
  }, 600_000);

  it('marks a row when an input changes outside the operations, and only then', async () => {
    const db = t.handle.db;
    setClock(() => new Date('2026-06-10T02:00:00Z'));
    const s = await makeRunningPlan(t.app, db);
    const today = todayInShanghai(now());
    expect((await s.office.client.get(`/api/plans/${s.plan.id}/status`)).statusCode).toBe(200);
    const rowOf = async (id: number) => (await db.select().from(taskStatusRows).where(eq(taskStatusRows.taskId, id)))[0];
    const before = await rowOf(s.task.id);
    expect(before.asOf).toBe(today);
    // a change that is no status input leaves the row alone
    await db.update(tasks).set({ title: '改了标题' }).where(eq(tasks.id, s.task.id));
    expect(await rowOf(s.task.id)).toEqual(before);
    // a status input: the row is marked (no date, next generation) in the same statement
    await db.update(tasks).set({ deadline: '2026-07' }).where(eq(tasks.id, s.task.id));
    expect(await rowOf(s.task.id)).toMatchObject({ asOf: '', gen: before.gen + 1 });
    expect((await rowOf(s.otherTask.id)).asOf).toBe(today);
    // a report sent, then returned by a writer that does not refresh: marked by the reports trigger
    expect((await s.reporterC.client.post(`/api/tasks/${s.otherTask.id}/reports`, { reportedStatus: '推进中', progress: 40, progressText: '进展', submit: true })).statusCode).toBe(200);
    expect((await rowOf(s.otherTask.id)).asOf).toBe(today);
    await db.update(reports).set({ status: 'returned' }).where(eq(reports.taskId, s.otherTask.id));
    expect((await rowOf(s.otherTask.id)).asOf).toBe('');
    await taskStatuses(db, await db.select(statusColumns).from(tasks).where(eq(tasks.id, s.otherTask.id)), today);
    expect((await rowOf(s.otherTask.id)).asOf).toBe(today);
    // the plan's settings: every row of the plan
    await s.office.client.patch(`/api/plans/${s.plan.id}/reporting`, { taskThresholds: { yellowGap: 5, redGap: 20 } });
    expect((await rowOf(s.otherTask.id)).asOf).toBe('');
    // a status computed before a change is not stored over it: the store names the generation it read
    await taskStatuses(db, await db.select(statusColumns).from(tasks).where(eq(tasks.planId, s.plan.id)), today);
    const read = await rowOf(s.task.id);
    const rows = await db.select(statusColumns).from(tasks).where(eq(tasks.id, s.task.id));
    const computed = await computeTaskStatuses(db, rows, today);
    await db.update(tasks).set({ progress: 100 }).where(eq(tasks.id, s.task.id)); // completed meanwhile
    await storeTaskStatuses(db, [{ taskId: s.task.id, gen: read.gen, status: computed.get(s.task.id)! }], today);
    expect(await rowOf(s.task.id)).toMatchObject({ asOf: '', gen: read.gen + 1 });
    const fresh = await taskStatuses(db, await db.select(statusColumns).from(tasks).where(eq(tasks.id, s.task.id)), today);
    expect(fresh.get(s.task.id)).toMatchObject({ color: 'blue', state: 'completed' });
    expect(await rowOf(s.task.id)).toMatchObject({ asOf: today, color: 'blue', gen: read.gen + 1 });
  });

  it('the job recomputes the rows of every plan when the day changes', async () => {
    const db = t.handle.db;
    setClock(() => new Date('2026-06-10T02:00:00Z'));
    const s = await makeRunningPlan(t.app, db);
    expect((await s.office.client.get(`/api/plans/${s.plan.id}/status`)).statusCode).toBe(200);
    const rowsOf = () => db.select().from(taskStatusRows).where(eq(taskStatusRows.planId, s.plan.id)).orderBy(asc(taskStatusRows.taskId));
    expect((await rowsOf()).map((r) => r.asOf)).toEqual(['2026-06-10', '2026-06-10']);
    // a month later (a period has come due meanwhile): the job, not a reader, brings the rows to the new date
    setClock(() => new Date('2026-07-28T02:00:00Z'));
    const done = await refreshStatusRows(db, now());
    expect(done.tasks).toBeGreaterThanOrEqual(2);
    const rows = await rowsOf();
    expect(rows.map((r) => r.asOf)).toEqual(['2026-07-28', '2026-07-28']);
    const reference = await computeTaskStatuses(db, await db.select(statusColumns).from(tasks).where(eq(tasks.planId, s.plan.id)), '2026-07-28');
    for (const r of rows) expect(r.status).toEqual(reference.get(r.taskId));
    // nothing left to do the same day
    expect((await refreshStatusRows(db, now())).plans).toBe(0);
  });
});
