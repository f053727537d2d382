// The task's maintained status row written once by a report's write (issue #15 phases 13, 14 and 15): a report saved
// again (a draft then submitted, a returned report resubmitted), a new report that writes its period's row (phase 15)
// and a review compute the task's status from the inputs read before their write and write the row in the write's own
// statement — not marked by the report's trigger and then stored again — with the figures the rules compute; a write
// that changes no status input leaves the row alone; an input another transaction changes between the read and the
// write leaves the row marked for its next reader.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import pg from 'pg';
import { and, asc, eq, sql } from 'drizzle-orm';
import { auditEvents, plans, reportPeriods, reports, tasks } from '../../server/db/schema/index.js';
import { taskStatusRows } from '../../server/db/schema/taskStatus.js';
import { computeTaskStatuses, taskStatuses } from '../../server/queries/status.js';
import { now, setClock } from '../../server/clock.js';
import { findPeriod } from '../../server/queries/calendar.js';
import { todayInShanghai } from '../../server/domain/dates.js';
import { useTestApp } from '../helpers/app.js';
import { makeRunningPlan } from '../helpers/factories.js';
import { changeBefore } from '../helpers/interleave.js';
import { expectMarkedThenStored, statusCols } from '../helpers/statusRows.js';

const t = useTestApp();
type Running = Awaited<ReturnType<typeof makeRunningPlan>>;

/** Counts the updates of task_statuses' rows (a test trigger) while `fn` runs: each row version written, in order. */
async function statusWritesDuring(taskId: number, fn: () => Promise<void>): Promise<{ asOf: string; gen: number }[]> {
  const db = t.handle.db;
  await db.execute(sql`create table if not exists test_status_writes (id serial, task_id int, as_of text, gen int)`);
  await db.execute(sql`create or replace function test_status_write() returns trigger language plpgsql as $$ begin insert into test_status_writes (task_id, as_of, gen) values (new.task_id, new.as_of, new.gen); return null; end $$`);
  await db.execute(sql`drop trigger if exists test_status_write on task_statuses`);
  await db.execute(sql`create trigger test_status_write after update on task_statuses for each row execute function test_status_write()`);
  try {
    await db.execute(sql`delete from test_status_writes`);
    await fn();
    const rows = (await db.execute(sql`select as_of, gen from test_status_writes where task_id = ${taskId} order by id`)) as unknown as { rows: { as_of: string; gen: number }[] };
    return rows.rows.map((r) => ({ asOf: r.as_of, gen: Number(r.gen) }));
  } finally {
    await db.execute(sql`drop trigger test_status_write on task_statuses`);
  }
}

/** The task's status row, and what the rules compute for it now */
async function rowAndReference(taskId: number) {
  const db = t.handle.db;
  const today = todayInShanghai(now());
  const [row] = await db.select().from(taskStatusRows).where(eq(taskStatusRows.taskId, taskId));
  const [task] = await db.select(statusCols).from(tasks).where(eq(tasks.id, taskId));
  return { row, reference: (await computeTaskStatuses(db, [task], today)).get(taskId), today };
}

/** A running plan whose periods' rows exist (their first reports wrote them) and whose tasks' rows hold today's figures */
async function runningPlan(): Promise<Running> {
  const db = t.handle.db;
  const s = await makeRunningPlan(t.app, db);
  for (const [period, submit] of [['2026-02', true], ['2026-03', false]] as const) expect((await s.reporterA.client.post(`/api/tasks/${s.task.id}/reports`, { reportedStatus: '推进中', progress: 20, progressText: '进展', submit, period })).statusCode).toBe(200);
  await taskStatuses(db, await db.select(statusCols).from(tasks).where(eq(tasks.planId, s.plan.id)), todayInShanghai(now()));
  return s;
}

const audited = async (reportId: number) => (await t.handle.db.select().from(auditEvents).where(eq(auditEvents.entityId, String(reportId))).orderBy(asc(auditEvents.id))).filter((a) => a.entityType === 'report').map((a) => a.action);

beforeEach(() => setClock(() => new Date('2026-02-03T02:00:00Z')));
afterEach(() => {
  setClock(null);
  vi.restoreAllMocks();
});

describe("a report saved again writes its task's status row once", () => {
  it('a draft then submitted: one write, at the generation read + 1, with the figures the rules compute; its audit row with it', async () => {
    const s = await runningPlan();
    const draft = await s.reporterC.client.post(`/api/tasks/${s.otherTask.id}/reports`, { reportedStatus: '推进中', progress: 10, progressText: '草稿', submit: false, period: '2026-02' });
    expect(draft.statusCode).toBe(200);
    const { row: before } = await rowAndReference(s.otherTask.id);
    let res!: Awaited<ReturnType<typeof s.reporterC.client.post>>;
    const writes = await statusWritesDuring(s.otherTask.id, async () => {
      res = await s.reporterC.client.post(`/api/tasks/${s.otherTask.id}/reports`, { reportedStatus: '推进中', progress: 35, progressText: '二月进展', submit: true, period: '2026-02', version: draft.json().version });
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: draft.json().id, status: 'submitted', progress: 35 });
    const { row, reference, today } = await rowAndReference(s.otherTask.id);
    expect(writes).toEqual([{ asOf: today, gen: before.gen + 1 }]);
    expect(row).toMatchObject({ asOf: today, gen: before.gen + 1 });
    expect(row.status).toEqual(reference);
    // the submission is in the status: waiting for the office's review
    expect(reference).toMatchObject({ state: 'awaiting_review' });
    expect(await audited(draft.json().id)).toEqual(['report.save', 'report.submit']);
  });

  it('a returned report resubmitted: one write, with the figures the rules compute', async () => {
    const s = await runningPlan();
    const sent = await s.reporterC.client.post(`/api/tasks/${s.otherTask.id}/reports`, { reportedStatus: '推进中', progress: 30, progressText: '二月进展', submit: true, period: '2026-02' });
    expect(sent.statusCode).toBe(200);
    expect((await s.office.client.post(`/api/reports/${sent.json().id}/review`, { decision: 'return', reason: '请补充佐证材料' })).statusCode).toBe(200);
    await taskStatuses(t.handle.db, await t.handle.db.select(statusCols).from(tasks).where(eq(tasks.id, s.otherTask.id)), todayInShanghai(now()));
    const { row: before } = await rowAndReference(s.otherTask.id);
    let res!: Awaited<ReturnType<typeof s.reporterC.client.post>>;
    const writes = await statusWritesDuring(s.otherTask.id, async () => {
      res = await s.reporterC.client.post(`/api/tasks/${s.otherTask.id}/reports`, { reportedStatus: '滞后', progress: 25, progressText: '补充后的二月进展', submit: true, period: '2026-02' });
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: sent.json().id, status: 'submitted', progress: 25 });
    const { row, reference, today } = await rowAndReference(s.otherTask.id);
    expect(writes).toEqual([{ asOf: today, gen: before.gen + 1 }]);
    expect(row.status).toEqual(reference);
    expect(await audited(sent.json().id)).toEqual(['report.submit', 'report.return', 'report.resubmit']);
  });

  it("a draft whose text alone changes leaves a row holding today's figures unwritten; one whose figures change writes it once", async () => {
    const s = await runningPlan();
    const draft = await s.reporterC.client.post(`/api/tasks/${s.otherTask.id}/reports`, { reportedStatus: '推进中', progress: 10, progressText: '草稿', submit: false, period: '2026-02' });
    expect(draft.statusCode).toBe(200);
    await taskStatuses(t.handle.db, await t.handle.db.select(statusCols).from(tasks).where(eq(tasks.id, s.otherTask.id)), todayInShanghai(now()));
    const { row: before } = await rowAndReference(s.otherTask.id);
    let version = draft.json().version as number;
    const textOnly = await statusWritesDuring(s.otherTask.id, async () => {
      const res = await s.reporterC.client.post(`/api/tasks/${s.otherTask.id}/reports`, { reportedStatus: '推进中', progress: 10, progressText: '草稿(补充了措施)', submit: false, period: '2026-02', version });
      expect(res.statusCode).toBe(200);
      version = res.json().version;
    });
    expect(textOnly).toEqual([]);
    const figures = await statusWritesDuring(s.otherTask.id, async () => {
      expect((await s.reporterC.client.post(`/api/tasks/${s.otherTask.id}/reports`, { reportedStatus: '受阻', progress: 5, progressText: '草稿', submit: false, period: '2026-02', version })).statusCode).toBe(200);
    });
    const { row, reference, today } = await rowAndReference(s.otherTask.id);
    expect(figures).toEqual([{ asOf: today, gen: before.gen + 1 }]);
    expect(row.status).toEqual(reference);
    const [stored] = await t.handle.db.select().from(reports).where(eq(reports.id, draft.json().id));
    expect(stored).toMatchObject({ status: 'draft', progress: 5, reportedStatus: '受阻', progressText: '草稿' });
  });

  // the compare-and-set on the generation read, for a report saved again as for a new one (phase 13's tests)
  for (const when of ['committed before the update', 'committed while the update waits'] as const) {
    it.runIf(process.env.LUOSHI_TEST_DB === 'pg')(`a status input changed between a draft's read and its submission's update (${when}) leaves the row marked`, async () => {
      const db = t.handle.db;
      const s = await runningPlan();
      const draft = await s.reporterC.client.post(`/api/tasks/${s.otherTask.id}/reports`, { reportedStatus: '推进中', progress: 10, progressText: '草稿', submit: false, period: '2026-02' });
      expect(draft.statusCode).toBe(200);
      await taskStatuses(db, await db.select(statusCols).from(tasks).where(eq(tasks.id, s.otherTask.id)), todayInShanghai(now()));
      const { row: before } = await rowAndReference(s.otherTask.id);
      expect(before.asOf).toBe(todayInShanghai(now()));
      const other = new pg.Client({ connectionString: t.handle.url! });
      await other.connect();
      try {
        // the task completed by another writer, after the submission's read and before its update (else the update's status
        // write waits for the row the other transaction holds, until it commits)
        const { seen, changed } = changeBefore(other, 'report_update_audited_submit', 'update tasks set progress = 100 where id = $1', [s.otherTask.id], when === 'committed before the update');
        const res = await s.reporterC.client.post(`/api/tasks/${s.otherTask.id}/reports`, { reportedStatus: '推进中', progress: 35, progressText: '二月进展', submit: true, period: '2026-02', version: draft.json().version });
        vi.restoreAllMocks();
        expect(res.statusCode).toBe(200);
        expect(changed()).toBe(true);
        // the inputs read before the update (none read after it)
        expect(seen.filter((n) => n.startsWith('status_refresh'))).toEqual([]);
        // marked: no date, the change's generation and the update's; its next reader computes it with the change in, and stores it
        await expectMarkedThenStored(db, s.otherTask.id, before.gen + 2);
      } finally {
        vi.restoreAllMocks();
        await other.end();
      }
    });
  }
});

// phase 15: the plan's first report of a period writes the period's row (ensurePeriod), and so does one whose period's
// dates moved (the plan's calendar changed): it then reads its period, report, last accepted progress and status inputs
// again in the one statement a report of a period already written reads first, and writes the status row in its
// insert's statement (before: the report and the progress read apart, the inputs read after the insert, the row marked
// by the trigger and then stored — two writes)
describe("a new report that writes its period's row writes its task's status row once", () => {
  /** the task's rows holding today's figures, then `post`: one write at the generation read + 1, the rules' figures */
  async function writesOnce(taskId: number, post: () => Promise<{ statusCode: number; body: string; json(): { id: number } }>) {
    await taskStatuses(t.handle.db, await t.handle.db.select(statusCols).from(tasks).where(eq(tasks.id, taskId)), todayInShanghai(now()));
    const { row: before } = await rowAndReference(taskId);
    expect(before.asOf).toBe(todayInShanghai(now()));
    let res!: Awaited<ReturnType<typeof post>>;
    const writes = await statusWritesDuring(taskId, async () => {
      res = await post();
    });
    expect(res.statusCode, res.body).toBe(200);
    const { row, reference, today } = await rowAndReference(taskId);
    expect(writes).toEqual([{ asOf: today, gen: before.gen + 1 }]);
    expect(row.status).toEqual(reference);
    return res.json().id;
  }

  it("the plan's first report of a period, submitted, and a draft of the next: one write each, the period's row written once", async () => {
    const db = t.handle.db;
    const s = await makeRunningPlan(t.app, db);
    expect(await db.select().from(reportPeriods).where(eq(reportPeriods.planId, s.plan.id))).toEqual([]);
    const sent = await writesOnce(s.task.id, () => s.reporterA.client.post(`/api/tasks/${s.task.id}/reports`, { reportedStatus: '推进中', progress: 20, progressText: '二月进展', submit: true, period: '2026-02' }));
    const draft = await writesOnce(s.task.id, () => s.reporterA.client.post(`/api/tasks/${s.task.id}/reports`, { reportedStatus: '滞后', progress: 10, progressText: '三月草稿', submit: false, period: '2026-03' }));
    const periods = await db.select().from(reportPeriods).where(eq(reportPeriods.planId, s.plan.id));
    expect(periods.map((p) => p.key).sort()).toEqual(['2026-02', '2026-03']);
    expect(await audited(sent)).toEqual(['report.submit']);
    expect(await audited(draft)).toEqual(['report.save']);
    const stored = await db.select().from(reports).where(eq(reports.taskId, s.task.id));
    expect(stored.map((r) => [r.status, r.submissions]).sort()).toEqual([['draft', 0], ['submitted', 1]]);
    // the submission is in the status: waiting for the office's review
    expect((await rowAndReference(s.task.id)).reference).toMatchObject({ state: 'awaiting_review' });
  });

  it("a report whose period's dates moved (the plan's due day changed): one write, the period's row holding the new dates", async () => {
    const db = t.handle.db;
    const s = await runningPlan();
    await db.update(plans).set({ settings: { reporting: { dueDay: 20 } } }).where(eq(plans.id, s.plan.id));
    const [plan] = await db.select().from(plans).where(eq(plans.id, s.plan.id));
    const moved = findPeriod(plan, '2026-02');
    const [was] = await db.select().from(reportPeriods).where(and(eq(reportPeriods.planId, s.plan.id), eq(reportPeriods.key, '2026-02')));
    expect(was.dueDate).not.toBe(moved.dueDate);
    await writesOnce(s.otherTask.id, () => s.reporterC.client.post(`/api/tasks/${s.otherTask.id}/reports`, { reportedStatus: '推进中', progress: 30, progressText: '二月进展', submit: true, period: '2026-02' }));
    const [now2] = await db.select().from(reportPeriods).where(and(eq(reportPeriods.planId, s.plan.id), eq(reportPeriods.key, '2026-02')));
    expect(now2).toMatchObject({ id: was.id, dueDate: moved.dueDate, opensOn: moved.opensOn, locksOn: moved.locksOn });
  });

  // the compare-and-set, for a report that writes its period's row: its inputs read after that write, in the same
  // statement as a report of a period already written, and an input changed after that read leaves the row marked
  for (const when of ['committed before the insert', 'committed while the insert waits'] as const) {
    it.runIf(process.env.LUOSHI_TEST_DB === 'pg')(`a status input changed between the read after the period's row and the insert (${when}) leaves the row marked`, async () => {
      const db = t.handle.db;
      const s = await makeRunningPlan(t.app, db);
      await taskStatuses(db, await db.select(statusCols).from(tasks).where(eq(tasks.id, s.task.id)), todayInShanghai(now()));
      const { row: before } = await rowAndReference(s.task.id);
      expect(before.asOf).toBe(todayInShanghai(now()));
      const other = new pg.Client({ connectionString: t.handle.url! });
      await other.connect();
      try {
        const { seen, changed } = changeBefore(other, 'report_insert_audited', 'update tasks set progress = 100 where id = $1', [s.task.id], when === 'committed before the insert');
        const res = await s.reporterA.client.post(`/api/tasks/${s.task.id}/reports`, { reportedStatus: '推进中', progress: 35, progressText: '二月进展', submit: true, period: '2026-02' });
        vi.restoreAllMocks();
        expect(res.statusCode, res.body).toBe(200);
        expect(changed()).toBe(true);
        // the period's row written, then the inputs read with it (none after the insert)
        expect(seen.filter((n) => n.startsWith('report_held_for_save') || n.startsWith('status_refresh'))).toEqual(['report_held_for_save', 'report_held_for_save']);
        await expectMarkedThenStored(db, s.task.id, before.gen + 2);
      } finally {
        vi.restoreAllMocks();
        await other.end();
      }
    });
  }

  // the period's row written by another transaction (another unit's first report of the period) after this report found
  // none: committed before its ensurePeriod reads the row again (then only held), or still open when its insert meets the
  // row (it waits, then writes the same dates): one period row, the report stored and audited once, the status row
  // written once
  for (const when of ['committed before the period is read again', 'committed while its insert waits'] as const) {
    it.runIf(process.env.LUOSHI_TEST_DB === 'pg')(`the period's row written by another transaction meanwhile (${when}): one row, the status row written once`, async () => {
      const db = t.handle.db;
      const s = await makeRunningPlan(t.app, db);
      const p = findPeriod(s.plan, '2026-02');
      const other = new pg.Client({ connectionString: t.handle.url! });
      await other.connect();
      try {
        let res!: Awaited<ReturnType<typeof s.reporterA.client.post>>;
        const insertPeriod = 'insert into report_periods (plan_id, key, label, start, "end", due_date, opens_on, locks_on) values ($1, $2, $3, $4, $5, $6, $7, $8)';
        await taskStatuses(db, await db.select(statusCols).from(tasks).where(eq(tasks.id, s.task.id)), todayInShanghai(now()));
        const { row: before } = await rowAndReference(s.task.id);
        const writes = await statusWritesDuring(s.task.id, async () => {
          const { changed } = changeBefore(other, 'period_for_share', insertPeriod, [s.plan.id, p.key, p.label, p.start, p.end, p.dueDate, p.opensOn, p.locksOn], when === 'committed before the period is read again');
          res = await s.reporterA.client.post(`/api/tasks/${s.task.id}/reports`, { reportedStatus: '推进中', progress: 35, progressText: '二月进展', submit: true, period: '2026-02' });
          vi.restoreAllMocks();
          expect(changed()).toBe(true);
        });
        expect(res.statusCode, res.body).toBe(200);
        const periods = await db.select().from(reportPeriods).where(eq(reportPeriods.planId, s.plan.id));
        expect(periods).toHaveLength(1);
        const stored = await db.select().from(reports).where(eq(reports.taskId, s.task.id));
        expect(stored).toMatchObject([{ id: res.json().id, periodId: periods[0].id, status: 'submitted', submissions: 1 }]);
        expect(await audited(res.json().id)).toEqual(['report.submit']);
        const { row, reference, today } = await rowAndReference(s.task.id);
        expect(writes).toEqual([{ asOf: today, gen: before.gen + 1 }]);
        expect(row.status).toEqual(reference);
      } finally {
        vi.restoreAllMocks();
        await other.end();
      }
    });
  }
});

describe("a review writes its task's status row once", () => {
  /** one write of the task's row, at the generation read + 1, holding what the rules compute now */
  async function writtenOnce(taskId: number, review: () => Promise<{ statusCode: number; body: string }>) {
    await taskStatuses(t.handle.db, await t.handle.db.select(statusCols).from(tasks).where(eq(tasks.id, taskId)), todayInShanghai(now()));
    const { row: before } = await rowAndReference(taskId);
    expect(before.asOf).toBe(todayInShanghai(now()));
    const writes = await statusWritesDuring(taskId, async () => {
      const res = await review();
      expect(res.statusCode, res.body).toBe(200);
    });
    const { row, reference, today } = await rowAndReference(taskId);
    expect(writes).toEqual([{ asOf: today, gen: before.gen + 1 }]);
    expect(row.status).toEqual(reference);
    return reference!;
  }

  it("the office returns a report, then accepts its resubmission (the task's progress moves with it): each one write", async () => {
    const s = await runningPlan();
    const sent = await s.reporterC.client.post(`/api/tasks/${s.otherTask.id}/reports`, { reportedStatus: '推进中', progress: 30, progressText: '二月进展', submit: true, period: '2026-02' });
    expect(sent.statusCode).toBe(200);
    const id = sent.json().id as number;
    const returned = await writtenOnce(s.otherTask.id, () => s.office.client.post(`/api/reports/${id}/review`, { decision: 'return', reason: '请补充佐证材料' }));
    expect(returned.state).not.toBe('awaiting_review');
    expect((await s.reporterC.client.post(`/api/tasks/${s.otherTask.id}/reports`, { reportedStatus: '推进中', progress: 45, progressText: '补充后', submit: true, period: '2026-02' })).statusCode).toBe(200);
    await writtenOnce(s.otherTask.id, () => s.office.client.post(`/api/reports/${id}/review`, { decision: 'accept' }));
    const [task] = await t.handle.db.select().from(tasks).where(eq(tasks.id, s.otherTask.id));
    expect(task).toMatchObject({ progress: 45, reportedStatus: '推进中' });
    expect(await audited(id)).toEqual(['report.submit', 'report.return', 'report.resubmit', 'report.accept']);
    const progressAudits = await t.handle.db.select().from(auditEvents).where(eq(auditEvents.entityId, String(s.otherTask.id)));
    expect(progressAudits.filter((a) => a.entityType === 'task' && a.action === 'task.progress')).toHaveLength(1);
    // phase 15: the acceptance's two audit rows written by its statement, as writeAudit wrote them one after the other —
    // the report's first, then the task's, by the office, with the plan, before and after
    const [accepted] = (await t.handle.db.select().from(auditEvents).where(and(eq(auditEvents.entityType, 'report'), eq(auditEvents.entityId, String(id)), eq(auditEvents.action, 'report.accept'))));
    const [moved] = progressAudits.filter((a) => a.action === 'task.progress');
    const office = { actorUserId: s.office.user.id, actorName: s.office.user.displayName, planId: s.plan.id };
    expect(accepted).toMatchObject({ ...office, before: { status: 'submitted' }, after: { status: 'accepted' } });
    expect(moved).toMatchObject({ ...office, entityType: 'task', before: { progress: null, reportedStatus: null }, after: { progress: 45, reportedStatus: '推进中', reportId: id } });
    expect(moved.id).toBe(accepted.id + 1);
    const [returnAudit] = await t.handle.db.select().from(auditEvents).where(and(eq(auditEvents.entityId, String(id)), eq(auditEvents.action, 'report.return')));
    expect(returnAudit).toMatchObject({ ...office, entityType: 'report', before: { status: 'submitted' }, after: { status: 'returned', reason: '请补充佐证材料' } });
  });

  it("an older period accepted after a later one leaves the task's progress, and writes the row once", async () => {
    const s = await runningPlan();
    setClock(() => new Date('2026-03-03T02:00:00Z'));
    const feb = await s.reporterC.client.post(`/api/tasks/${s.otherTask.id}/reports`, { reportedStatus: '推进中', progress: 30, progressText: '二月进展', submit: true, period: '2026-02' });
    const mar = await s.reporterC.client.post(`/api/tasks/${s.otherTask.id}/reports`, { reportedStatus: '推进中', progress: 50, progressText: '三月进展', submit: true, period: '2026-03' });
    expect([feb.statusCode, mar.statusCode]).toEqual([200, 200]);
    expect((await s.office.client.post(`/api/reports/${mar.json().id}/review`, { decision: 'accept' })).statusCode).toBe(200);
    await writtenOnce(s.otherTask.id, () => s.office.client.post(`/api/reports/${feb.json().id}/review`, { decision: 'accept' }));
    const [task] = await t.handle.db.select().from(tasks).where(eq(tasks.id, s.otherTask.id));
    expect(task.progress).toBe(50);
  });

  it("a unit head returns a report, then approves its resubmission on to the office: each one write", async () => {
    const s = await makeRunningPlan(t.app, t.handle.db, { settings: { unitHeadReview: true } });
    const sent = await s.reporterA.client.post(`/api/tasks/${s.task.id}/reports`, { reportedStatus: '推进中', progress: 30, progressText: '二月进展', submit: true, period: '2026-02' });
    expect(sent.json()).toMatchObject({ status: 'unit_review' });
    const id = sent.json().id as number;
    await writtenOnce(s.task.id, () => s.headA.client.post(`/api/reports/${id}/unit-review`, { decision: 'return', reason: '请补充已开工小区名单' }));
    expect((await s.reporterA.client.post(`/api/tasks/${s.task.id}/reports`, { reportedStatus: '推进中', progress: 35, progressText: '补充后', submit: true, period: '2026-02' })).json()).toMatchObject({ status: 'unit_review' });
    const approved = await writtenOnce(s.task.id, () => s.headA.client.post(`/api/reports/${id}/unit-review`, { decision: 'approve' }));
    expect(approved.state).toBe('awaiting_review');
    const [stored] = await t.handle.db.select().from(reports).where(eq(reports.id, id));
    expect(stored).toMatchObject({ status: 'submitted', submissions: 1 });
    expect(await audited(id)).toEqual(['report.submit', 'report.unit_return', 'report.resubmit', 'report.unit_approve']);
    const head = { actorUserId: s.headA.user.id, actorName: s.headA.user.displayName, planId: s.plan.id, entityType: 'report' };
    const reviewed = (await t.handle.db.select().from(auditEvents).where(eq(auditEvents.entityId, String(id))).orderBy(asc(auditEvents.id))).filter((a) => a.action.startsWith('report.unit_'));
    expect(reviewed).toMatchObject([
      { ...head, action: 'report.unit_return', before: { status: 'unit_review' }, after: { status: 'returned', reason: '请补充已开工小区名单' } },
      { ...head, action: 'report.unit_approve', before: { status: 'unit_review' }, after: { status: 'submitted' } },
    ]);
  });

  // the compare-and-set of an acceptance, whose statement also moves the task's progress: a task changed by another
  // writer after the review's read — committed before its statement, or holding the task's row while it runs — leaves
  // the row marked (the report's and the task's triggers), no deadlock, and its next reader right
  for (const when of ['committed before the review', 'committed while the review waits'] as const) {
    it.runIf(process.env.LUOSHI_TEST_DB === 'pg')(`a task changed between an acceptance's read and its write (${when}) leaves the row marked`, async () => {
      const db = t.handle.db;
      const s = await runningPlan();
      const sent = await s.reporterC.client.post(`/api/tasks/${s.otherTask.id}/reports`, { reportedStatus: '推进中', progress: 30, progressText: '二月进展', submit: true, period: '2026-02' });
      expect(sent.statusCode).toBe(200);
      await taskStatuses(db, await db.select(statusCols).from(tasks).where(eq(tasks.id, s.otherTask.id)), todayInShanghai(now()));
      const { row: before } = await rowAndReference(s.otherTask.id);
      const other = new pg.Client({ connectionString: t.handle.url! });
      await other.connect();
      try {
        const { changed } = changeBefore(other, 'report_review_accept', `update tasks set deadline = '2026-06' where id = $1`, [s.otherTask.id], when === 'committed before the review');
        const res = await s.office.client.post(`/api/reports/${sent.json().id}/review`, { decision: 'accept' });
        vi.restoreAllMocks();
        expect(res.statusCode, res.body).toBe(200);
        expect(changed()).toBe(true);
        const [row] = await db.select().from(taskStatusRows).where(eq(taskStatusRows.taskId, s.otherTask.id));
        expect(row.asOf).toBe('');
        expect(row.gen).toBeGreaterThan(before.gen + 1);
        const today = todayInShanghai(now());
        const [task] = await db.select(statusCols).from(tasks).where(eq(tasks.id, s.otherTask.id));
        expect(task).toMatchObject({ deadline: '2026-06', progress: 30 });
        const reference = (await computeTaskStatuses(db, [task], today)).get(task.id);
        expect((await taskStatuses(db, [task], today)).get(task.id)).toEqual(reference);
        const [after] = await db.select().from(taskStatusRows).where(eq(taskStatusRows.taskId, s.otherTask.id));
        expect(after).toMatchObject({ asOf: today, status: reference });
      } finally {
        vi.restoreAllMocks();
        await other.end();
      }
    });
  }
});
