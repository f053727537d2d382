// Statements built once (server/db/prepared.ts, issue #15 phase 9): a report's submission builds none of its
// statements' text again after the first (drizzle's query building was the largest part of its server CPU, and what ran
// cold after a start), a statement kept runs on the connection of the transaction it is given, and what it writes is
// what the statements built each time wrote.
import { afterEach, describe, expect, it, vi } from 'vitest';
import pg from 'pg';
import { and, asc, eq, sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { auditEvents, reports, tasks } from '../../server/db/schema/index.js';
import { taskStatusRows } from '../../server/db/schema/taskStatus.js';
import { preparedStatement } from '../../server/db/prepared.js';
import { computeTaskStatuses, taskStatuses } from '../../server/queries/status.js';
import { now, setClock } from '../../server/clock.js';
import { todayInShanghai } from '../../server/domain/dates.js';
import { useTestApp } from '../helpers/app.js';
import { makePlan, makeRunningPlan } from '../helpers/factories.js';
import { changeBefore } from '../helpers/interleave.js';
import { expectMarkedThenStored, statusCols } from '../helpers/statusRows.js';

const t = useTestApp();

/** What each query sent to PostgreSQL names from now until vi.restoreAllMocks(): a prepared statement's name (its
 * serial cut off), else the text's first 30 characters */
function recordStatementsSent(): string[] {
  const sent: string[] = [];
  const query = pg.Client.prototype.query;
  vi.spyOn(pg.Client.prototype, 'query').mockImplementation(function (this: pg.Client, ...a: unknown[]) {
    const c = a[0] as string | { name?: string; text?: string };
    sent.push(typeof c === 'string' ? c : c.name ? c.name.replace(/_\d+$/, '') : (c.text ?? '').slice(0, 30));
    return (query as (...x: unknown[]) => unknown).apply(this, a);
  } as never);
  return sent;
}
afterEach(() => {
  setClock(null);
  vi.restoreAllMocks();
});

describe('statements built once', () => {
  it("a report's submission through the API builds none of its statements after the first, and stores and audits it once", async () => {
    setClock(() => new Date('2026-02-03T02:00:00Z'));
    const s = await makeRunningPlan(t.app, t.handle.db);
    const body = { reportedStatus: '推进中', progress: 30, progressText: '一月进展', submit: true };
    // the first submission (of this process, of this shape of scope) builds its statements
    expect((await s.reporterA.client.post(`/api/tasks/${s.task.id}/reports`, body)).statusCode).toBe(200);

    const built: string[] = [];
    const sqlToQuery = PgDialect.prototype.sqlToQuery;
    vi.spyOn(PgDialect.prototype, 'sqlToQuery').mockImplementation(function (this: PgDialect, ...a: Parameters<typeof sqlToQuery>) {
      const q = sqlToQuery.apply(this, a);
      built.push(q.sql);
      return q;
    });
    const res = await s.reporterC.client.post(`/api/tasks/${s.otherTask.id}/reports`, { ...body, progressText: '一月进展:平台上线' });
    const duringSubmission = [...built];
    // (the spy sees a statement that is built)
    await t.handle.db.select({ id: reports.id }).from(reports).where(eq(reports.id, 0));
    vi.restoreAllMocks();
    expect(built.at(-1)).toMatch(/^select "id" from "reports"/);
    expect(res.statusCode).toBe(200);
    // PostgreSQL's BEGIN and COMMIT are drizzle's SQL (PGlite's are its own)
    expect(duringSubmission.filter((q) => q !== 'begin' && q !== 'commit')).toEqual([]);

    const db = t.handle.db;
    const stored = await db.select().from(reports).where(eq(reports.taskId, s.otherTask.id));
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ id: res.json().id, status: 'submitted', submissions: 1, progress: 30, progressText: '一月进展:平台上线', problems: '', indicatorValues: [], warnings: [] });
    expect(stored[0].submittedAt).toBeInstanceOf(Date);
    expect(res.json()).toMatchObject({ id: stored[0].id, status: 'submitted', progress: 30 });
    // one audit row, no "before" (SQL's NULL, not JSON's null), "after" as written
    const audits = await db.select().from(auditEvents).where(and(eq(auditEvents.entityType, 'report'), eq(auditEvents.entityId, String(stored[0].id))));
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ action: 'report.submit', planId: s.plan.id, before: null, after: expect.objectContaining({ progress: 30, status: 'submitted' }) });
    const [{ n }] = await db.select({ n: sql<number>`count(*)::int` }).from(auditEvents).where(and(eq(auditEvents.entityType, 'report'), eq(auditEvents.entityId, String(stored[0].id)), sql`${auditEvents.before} is null`));
    expect(Number(n)).toBe(1);
    // the task's maintained status row was rewritten in the same transaction (today's figures, as computed)
    const [row] = await db.select().from(taskStatusRows).where(eq(taskStatusRows.taskId, s.otherTask.id));
    const [task] = await db.select().from(tasks).where(eq(tasks.id, s.otherTask.id));
    const today = todayInShanghai(now());
    expect(row.asOf).toBe(today);
    expect(row.status).toEqual((await computeTaskStatuses(db, [task], today)).get(task.id));
  });

  // issue #15 phase 10: the statements of a new report's submission are merged where the rules allow — the gate's
  // plan row with the task's scope, the period, the report held and the last accepted progress, the report with its
  // audit row, the status's inputs with its facts — 14 round trips to PostgreSQL (with BEGIN/COMMIT) become 9;
  // phase 12: the task with its plan read by the route gate's statement (access.ts `loads`), 8; phase 13: the status's
  // inputs read with the period and the report held, none read after the insert (queries/status.ts
  // storeNewReportStatus), 7; and its status row written in the insert's statement (statusWrite, migration 0021), 6
  it.runIf(process.env.LUOSHI_TEST_DB === 'pg')("a new report's submission goes to PostgreSQL in 6 round trips, its session's included", async () => {
    setClock(() => new Date('2026-02-03T02:00:00Z'));
    const s = await makeRunningPlan(t.app, t.handle.db);
    await t.handle.db.execute(sql`select 1`);
    const body = { reportedStatus: '推进中', progress: 30, progressText: '一月进展', submit: true };
    // the period's row is written by the plan's first report; the next one finds it
    expect((await s.reporterA.client.post(`/api/tasks/${s.task.id}/reports`, body)).statusCode).toBe(200);
    // the reporter's session not in the 5 s cache, as in a deadline's surge (every reporter's first request)
    await new Promise((r) => setTimeout(r, 5100));
    const sent = recordStatementsSent();
    const res = await s.reporterC.client.post(`/api/tasks/${s.otherTask.id}/reports`, body);
    vi.restoreAllMocks();
    expect(res.statusCode).toBe(200);
    // then, outside the transaction and after the answer, the change's notification (db/changeClock.ts commitNotifier)
    await new Promise((r) => setTimeout(r, 100));
    expect(sent).toEqual(['session', 'gate_task_with_plan', 'begin', 'report_held_for_save', 'report_insert_audited', 'commit', 'select pg_notify($1, $2)']);
    const audits = await t.handle.db.select().from(auditEvents).where(and(eq(auditEvents.entityType, 'report'), eq(auditEvents.entityId, String(res.json().id))));
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ action: 'report.submit', planId: s.plan.id, actorUserId: expect.any(Number), before: null, after: expect.objectContaining({ progress: 30, status: 'submitted', period: '2026-02' }) });
    // the status row holds today's figures, as computed from the task's inputs read now
    const db = t.handle.db;
    const [row] = await db.select().from(taskStatusRows).where(eq(taskStatusRows.taskId, s.otherTask.id));
    const [task] = await db.select().from(tasks).where(eq(tasks.id, s.otherTask.id));
    expect(row.asOf).toBe(todayInShanghai(now()));
    expect(row.status).toEqual((await computeTaskStatuses(db, [task], row.asOf)).get(task.id));
  });

  // phase 13: a new report's status row is written once, by the insert's statement (before: marked by the report's
  // trigger, then stored by the application — two new versions of the row, neither HOT), as the rules compute it; a new
  // draft's for a later period too
  it("a new report's submission writes its task's status row once, with the figures the rules compute", async () => {
    setClock(() => new Date('2026-02-03T02:00:00Z'));
    const db = t.handle.db;
    const s = await makeRunningPlan(t.app, db);
    const today = todayInShanghai(now());
    await taskStatuses(db, await db.select(statusCols).from(tasks).where(eq(tasks.planId, s.plan.id)), today);
    await db.execute(sql`create table test_status_writes (id serial, task_id int, as_of text, gen int)`);
    await db.execute(sql`create function test_status_write() returns trigger language plpgsql as $$ begin insert into test_status_writes (task_id, as_of, gen) values (new.task_id, new.as_of, new.gen); return null; end $$`);
    await db.execute(sql`create trigger test_status_write after update on task_statuses for each row execute function test_status_write()`);
    try {
      const writesOf = async (taskId: number) =>
        ((await db.execute(sql`select as_of, gen from test_status_writes where task_id = ${taskId} order by id`)) as unknown as { rows: { as_of: string; gen: number }[] }).rows.map((r) => ({ asOf: r.as_of, gen: Number(r.gen) }));
      // the periods' rows are written by their first reports (a report that writes its period's row reads its status
      // inputs after the insert, as a report saved again does)
      for (const [period, submit] of [['2026-02', true], ['2026-03', false]] as const) expect((await s.reporterA.client.post(`/api/tasks/${s.task.id}/reports`, { reportedStatus: '推进中', progress: 20, progressText: '进展', submit, period })).statusCode).toBe(200);
      const cases = [
        { who: s.reporterC, task: s.otherTask, body: { reportedStatus: '推进中', progress: 30, progressText: '二月进展', submit: true } },
        { who: s.reporterC, task: s.otherTask, body: { reportedStatus: '滞后', progress: 10, progressText: '三月草稿', submit: false, period: '2026-03' } },
      ];
      for (const c of cases) {
        const [before] = await db.select().from(taskStatusRows).where(eq(taskStatusRows.taskId, c.task.id));
        await db.execute(sql`delete from test_status_writes`);
        const res = await c.who.client.post(`/api/tasks/${c.task.id}/reports`, c.body);
        expect(res.statusCode, JSON.stringify(c.body)).toBe(200);
        expect(await writesOf(c.task.id), JSON.stringify(c.body)).toEqual([{ asOf: today, gen: before.gen + 1 }]);
        const [row] = await db.select().from(taskStatusRows).where(eq(taskStatusRows.taskId, c.task.id));
        const [task] = await db.select(statusCols).from(tasks).where(eq(tasks.id, c.task.id));
        expect(row.status, JSON.stringify(c.body)).toEqual((await computeTaskStatuses(db, [task], today)).get(task.id));
      }
    } finally {
      await db.execute(sql`drop trigger test_status_write on task_statuses`);
      await db.execute(sql`drop function test_status_write()`);
      await db.execute(sql`drop table test_status_writes`);
    }
  });

  // phase 13: a new report's status is computed from inputs read before its insert, and stored only at the generation
  // read plus the insert's own one. An input another transaction changes between that read and the insert — committed
  // before the insert, or still open when the insert's trigger reaches the row and committed while it waits — has moved
  // the generation further: nothing is stored, the row stays marked and its next reader computes the change in
  for (const when of ['committed before the insert', 'committed while the insert waits'] as const) {
    it.runIf(process.env.LUOSHI_TEST_DB === 'pg')(`a status input changed between a new report's read and its insert (${when}) leaves the row marked`, async () => {
      setClock(() => new Date('2026-02-03T02:00:00Z'));
      const db = t.handle.db;
      const s = await makeRunningPlan(t.app, db);
      const body = { reportedStatus: '推进中', progress: 30, progressText: '一月进展', submit: true };
      expect((await s.reporterA.client.post(`/api/tasks/${s.task.id}/reports`, body)).statusCode).toBe(200);
      // the row read and stored today: its generation before the change
      await taskStatuses(db, await db.select(statusCols).from(tasks).where(eq(tasks.id, s.otherTask.id)), todayInShanghai(now()));
      const [before] = await db.select().from(taskStatusRows).where(eq(taskStatusRows.taskId, s.otherTask.id));
      expect(before.asOf).toBe(todayInShanghai(now()));
      const other = new pg.Client({ connectionString: t.handle.url! });
      await other.connect();
      try {
        // the task completed by another writer, after the submission's read and before its insert (else the insert's trigger
        // waits for the row the other transaction holds, until it commits)
        const { seen, changed } = changeBefore(other, 'report_insert_audited', 'update tasks set progress = 100 where id = $1', [s.otherTask.id], when === 'committed before the insert');
        const res = await s.reporterC.client.post(`/api/tasks/${s.otherTask.id}/reports`, body);
        vi.restoreAllMocks();
        expect(res.statusCode).toBe(200);
        expect(changed()).toBe(true);
        // the read before the insert was this phase's (no read of the inputs after it)
        expect(seen.filter((n) => n.startsWith('status_refresh'))).toEqual([]);
        // marked: no date, the change's generation and the insert's; its next reader computes it with the change in, and stores it
        await expectMarkedThenStored(db, s.otherTask.id, before.gen + 2);
      } finally {
        vi.restoreAllMocks();
        await other.end();
      }
    });
  }

  // issue #15 phase 11: a draft saved then submitted — the report's update and its audit row in one statement, as a new
  // report's insert and its row (before: the update, then writeAudit's insert, a round trip each)
  it.runIf(process.env.LUOSHI_TEST_DB === 'pg')("a draft then submitted updates the report and writes its audit row in one statement", async () => {
    setClock(() => new Date('2026-02-03T02:00:00Z'));
    const s = await makeRunningPlan(t.app, t.handle.db);
    const draft = await s.reporterA.client.post(`/api/tasks/${s.task.id}/reports`, { reportedStatus: '推进中', progress: 20, progressText: '草稿', submit: false });
    expect(draft.statusCode).toBe(200);
    const sent = recordStatementsSent();
    const res = await s.reporterA.client.post(`/api/tasks/${s.task.id}/reports`, { reportedStatus: '推进中', progress: 35, progressText: '一月进展', submit: true, version: draft.json().version });
    vi.restoreAllMocks();
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: draft.json().id, status: 'submitted', progress: 35, version: draft.json().version + 1 });
    await new Promise((r) => setTimeout(r, 100));
    // the session cached (the draft's request read it): 7 round trips with the answer's attachments (phase 11: 10, the
    // gate and the task with its plan apart; phase 14: 9 → 7, its status inputs read with the report held and its status
    // row written by the update's statement, test/api/statusWrittenOnce.test.ts)
    expect(sent).toEqual(['gate_task_with_plan', 'begin', 'report_held_for_save', 'report_update_audited_submit', 'select "id", "report_id", "fil', 'commit', 'select pg_notify($1, $2)']);
    const audits = await t.handle.db.select().from(auditEvents).where(and(eq(auditEvents.entityType, 'report'), eq(auditEvents.entityId, String(res.json().id)))).orderBy(auditEvents.id);
    expect(audits).toHaveLength(2);
    expect(audits[1]).toMatchObject({ action: 'report.submit', planId: s.plan.id, actorUserId: expect.any(Number), before: { status: 'draft', reportedStatus: '推进中', progress: 20 }, after: expect.objectContaining({ progress: 35, status: 'submitted', period: '2026-02' }) });
    const [stored] = await t.handle.db.select().from(reports).where(eq(reports.id, res.json().id));
    expect(stored).toMatchObject({ status: 'submitted', submissions: 1, progress: 35 });
  });

  // phase 15: the plan's first report of a period writes the period's row (ensurePeriod: read again, then inserted),
  // then sends the statement a report of a period already written sends first — its period, report, last accepted
  // progress and status inputs — and writes its status row in its insert's statement: 9 round trips with its session
  // cached (before: 12 — the report held, the last accepted progress, the status inputs after the insert and the store)
  it.runIf(process.env.LUOSHI_TEST_DB === 'pg')("a new report that writes its period's row goes to PostgreSQL in 9 round trips", async () => {
    setClock(() => new Date('2026-02-03T02:00:00Z'));
    const s = await makeRunningPlan(t.app, t.handle.db);
    expect((await s.reporterA.client.get('/api/auth/me')).statusCode).toBe(200);
    const sent = recordStatementsSent();
    const res = await s.reporterA.client.post(`/api/tasks/${s.task.id}/reports`, { reportedStatus: '推进中', progress: 30, progressText: '二月进展', submit: true });
    await new Promise((r) => setTimeout(r, 100));
    vi.restoreAllMocks();
    expect(res.statusCode, res.body).toBe(200);
    expect(sent.filter((q) => q !== 'select 1')).toEqual([
      'gate_task_with_plan', 'begin', 'report_held_for_save', 'period_for_share', 'insert into "report_periods" (', 'report_held_for_save', 'report_insert_audited', 'commit', 'select pg_notify($1, $2)',
    ]);
    const audits = await t.handle.db.select().from(auditEvents).where(and(eq(auditEvents.entityType, 'report'), eq(auditEvents.entityId, String(res.json().id))));
    expect(audits).toMatchObject([{ action: 'report.submit', planId: s.plan.id, before: null }]);
  });

  // phase 15: a review's gate reads the report with its task and plan and whether the actor sees them (access.ts
  // `loads: 'report_for_review'`; before: the gate's plan row, the task's scope, then the report with its period, the
  // task, its units, its plan's title and the plan, seven statements), and its audit rows are written by the review's
  // statement (before: writeAudit's insert after it, one for each); the answer is the report as written, with its
  // attachments. The office's acceptance 16 → 7 round trips, its return 17 → 9 (the unit's people read and notified;
  // since session 23 one insert reads them: 8), a unit head's approval 15 → 7, its return 17 → 9 (8); the bulk review sends one statement for each report's reads
  it.runIf(process.env.LUOSHI_TEST_DB === 'pg')('a review goes to PostgreSQL in 7 round trips (a return in 8), its audit rows in its statement', async () => {
    setClock(() => new Date('2026-02-03T02:00:00Z'));
    const db = t.handle.db;
    const s = await makeRunningPlan(t.app, db);
    const u = await makeRunningPlan(t.app, db, { settings: { unitHeadReview: true } });
    const w = await makeRunningPlan(t.app, db);
    const body = { reportedStatus: '推进中', progress: 30, progressText: '二月进展', submit: true };
    const ids = [];
    for (const [who, task] of [[s.reporterA, s.task], [s.reporterC, s.otherTask], [u.reporterA, u.task], [w.reporterA, w.task], [w.reporterC, w.otherTask]] as const) {
      const res = await who.client.post(`/api/tasks/${task.id}/reports`, body);
      expect(res.statusCode, res.body).toBe(200);
      ids.push(res.json().id as number);
    }
    const [accepted, returned, approved, ...inBulk] = ids;
    const attachments = 'select "id", "report_id", "fil';
    const cases = [
      { who: s.office, url: `/api/reports/${accepted}/review`, body: { decision: 'accept' }, statements: ['gate_report_for_review', 'begin', 'report_held_for_review', 'report_review_accept', 'commit'], status: 'accepted' },
      { who: s.office, url: `/api/reports/${returned}/review`, body: { decision: 'return', reason: '请补充佐证材料' }, statements: ['gate_report_for_review', 'begin', 'report_held_for_review', 'report_review_return', 'insert into notifications (use', 'commit'], status: 'returned' },
      { who: u.headA, url: `/api/reports/${approved}/unit-review`, body: { decision: 'approve' }, statements: ['gate_report_for_review', 'begin', 'report_held_for_review', 'report_review_unit_approve', 'commit'], status: 'submitted' },
    ];
    for (const c of cases) {
      expect((await c.who.client.get('/api/auth/me')).statusCode).toBe(200);
      const sent = recordStatementsSent();
      const res = await c.who.client.post(c.url, c.body);
      await new Promise((r) => setTimeout(r, 100));
      vi.restoreAllMocks();
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ status: c.status, period: { key: '2026-02' }, attachments: [] });
      // after the commit, in either order: the change's notification and the answer's attachments
      const all = sent.filter((q) => q !== 'select 1');
      expect(all.slice(0, c.statements.length), c.url).toEqual(c.statements);
      expect(all.slice(c.statements.length).sort(), c.url).toEqual([attachments, 'select pg_notify($1, $2)'].sort());
    }
    const audits = await db.select().from(auditEvents).where(sql`${auditEvents.entityType} = 'report' and ${auditEvents.entityId} in (${String(accepted)}, ${String(returned)}, ${String(approved)})`).orderBy(asc(auditEvents.id));
    expect(audits.map((a) => [Number(a.entityId), a.action])).toEqual([
      [accepted, 'report.submit'], [returned, 'report.submit'], [approved, 'report.submit'], [accepted, 'report.accept'], [returned, 'report.return'], [approved, 'report.unit_approve'],
    ]);
    // the bulk review: the plan's gate and reads, then for each report one statement of reads and the review's
    expect((await w.office.client.get('/api/auth/me')).statusCode).toBe(200);
    const sent = recordStatementsSent();
    const bulk = await w.office.client.post(`/api/plans/${w.plan.id}/reports/review`, { reportIds: inBulk, decision: 'accept' });
    await new Promise((r) => setTimeout(r, 100));
    vi.restoreAllMocks();
    expect(bulk.statusCode, bulk.body).toBe(200);
    expect(bulk.json()).toMatchObject({ done: 2, failed: 0 });
    const each = ['report_for_review_region', 'begin', 'report_held_for_review', 'report_review_accept', 'commit'];
    expect(sent.filter((q) => q !== 'select 1' && q !== 'select pg_notify($1, $2)').slice(-10)).toEqual([...each, ...each]);
  });

  // phase 12: a contribution's route reads the task with its plan in the gate's statement too (routes/access.ts
  // takePartWithPlan), and a unit that takes no part in the task is still refused by that statement, nothing written
  it.runIf(process.env.LUOSHI_TEST_DB === 'pg')("a contribution's gate reads the task with its plan: no statement of its own for them", async () => {
    setClock(() => new Date('2026-02-03T02:00:00Z'));
    const s = await makeRunningPlan(t.app, t.handle.db);
    expect((await s.reporterB.client.post(`/api/tasks/${s.task.id}/contributions`, { text: '配合一' })).statusCode).toBe(200);
    const sent = recordStatementsSent();
    const res = await s.reporterB.client.post(`/api/tasks/${s.task.id}/contributions`, { text: '配合二' });
    const refused = await s.reporterA.client.post(`/api/tasks/${s.otherTask.id}/contributions`, { text: '越权' });
    vi.restoreAllMocks();
    expect(res.statusCode).toBe(200);
    expect(refused.statusCode).toBe(404);
    expect(sent[0]).toBe('gate_task_with_plan');
    expect(sent.filter((x) => x.startsWith('task_with_plan'))).toEqual([]);
    // the refused one sent its gate statement and nothing after it
    expect(sent.at(-1)).toBe('gate_task_with_plan');
    const stored = await t.handle.db.execute(sql`select text from report_contributions where task_id = ${s.otherTask.id}`);
    expect((stored as unknown as { rows: unknown[] }).rows).toEqual([]);
  });

  it("a kept statement runs on the connection of the transaction it is given (it reads the transaction's own rows)", async () => {
    const db = t.handle.db;
    const { tasks: [task] } = await makePlan(db, { tasks: [{ title: '原标题' }] });
    const titleOf = preparedStatement('test_title', (d, name) => d.select({ title: tasks.title }).from(tasks).where(eq(tasks.id, sql.placeholder('id'))).prepare(name));
    expect(await titleOf(db, { id: task.id })).toEqual([{ title: '原标题' }]);
    const rollback = new Error('rollback');
    await expect(
      db.transaction(async (tx) => {
        await tx.update(tasks).set({ title: '事务内标题' }).where(eq(tasks.id, task.id));
        expect(await titleOf(tx, { id: task.id })).toEqual([{ title: '事务内标题' }]);
        throw rollback;
      }),
    ).rejects.toBe(rollback);
    expect(await titleOf(db, { id: task.id })).toEqual([{ title: '原标题' }]);
  });

  it("stores the statuses of more tasks than a named statement's (planned with the list) as computed", async () => {
    setClock(() => new Date('2026-06-10T02:00:00Z'));
    const db = t.handle.db;
    const { plan } = await makePlan(db, { periodStart: 2026, periodEnd: 2030, tasks: Array.from({ length: 60 }, (_, i) => ({ title: `第${i + 1}项工作` })) });
    const cols = { id: tasks.id, planId: tasks.planId, parentTaskId: tasks.parentTaskId, startDate: tasks.startDate, deadline: tasks.deadline, progress: tasks.progress, reportedStatus: tasks.reportedStatus, createdAt: tasks.createdAt };
    const rows = await db.select(cols).from(tasks).where(eq(tasks.planId, plan.id)).orderBy(asc(tasks.id));
    const today = todayInShanghai(now());
    const answered = await taskStatuses(db, rows, today);
    const stored = await db.select().from(taskStatusRows).where(eq(taskStatusRows.planId, plan.id));
    expect(stored).toHaveLength(60);
    for (const r of stored) {
      expect(r.asOf).toBe(today);
      expect(r.status).toEqual(answered.get(r.taskId));
    }
  });
});
