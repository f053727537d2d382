// The database mirrors the report and notice state machines (issue #12, migration 0015): check constraints on
// reports.status, notices.status, notices.level and the reported statuses of reports and tasks hold exactly the
// values of the shared/ enums, every status the state machines (domain/reportFlow.ts, noticeFlow.ts) move to is
// accepted, and a status they do not know is refused by the database itself (23514), whoever writes it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { notices, reportPeriods, reports, tasks } from '../../server/db/schema/index.js';
import { REPORT_TRANSITIONS } from '../../server/domain/reportFlow.js';
import { NOTICE_TRANSITIONS } from '../../server/domain/noticeFlow.js';
import { noticeLevelSchema, noticeStatusSchema, reportStatusSchema } from '../../shared/reporting.js';
import { reportedTaskStatusSchema } from '../../shared/planSettings.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { makePlan, makeUnit } from '../helpers/factories.js';

let t: TestApp;
let reportId: number;
let noticeId: number;
let taskId: number;

beforeAll(async () => {
  t = await startTestApp();
  const db = t.handle.db;
  const unit = await makeUnit(db);
  const { plan, tasks: made } = await makePlan(db, { tasks: [{ title: '老旧小区改造', lead: [unit.id] }] });
  taskId = made[0].id;
  const [period] = await db
    .insert(reportPeriods)
    .values({
      planId: plan.id,
      key: '2026-06',
      label: '2026年6月',
      start: '2026-06-01',
      end: '2026-06-30',
      dueDate: '2026-07-05',
      opensOn: '2026-06-20',
      locksOn: '2026-07-10',
    })
    .returning();
  [{ id: reportId }] = await db.insert(reports).values({ planId: plan.id, taskId, periodId: period.id, unitId: unit.id }).returning();
  [{ id: noticeId }] = await db
    .insert(notices)
    .values({
      planId: plan.id,
      unitId: unit.id,
      taskId,
      kind: 'manual',
      origin: 'manual',
      title: '督办',
      requirement: '按期整改',
      responseDeadline: '2026-07-15',
    })
    .returning();
});
afterAll(() => t?.close());

/** the quoted values of a check constraint, as the database states it */
async function checkValues(table: string, name: string): Promise<string[]> {
  const res = (await t.handle.db.execute(
    sql`select pg_get_constraintdef(c.oid) as def from pg_constraint c join pg_class r on r.oid = c.conrelid where c.contype = 'c' and r.relname = ${table} and c.conname = ${name}`,
  )) as unknown as { rows: { def: string }[] };
  expect(res.rows).toHaveLength(1);
  return [...res.rows[0].def.matchAll(/'([^']*)'/g)].map((m) => m[1]);
}

/** the SQLSTATE of the error a write ends in (drizzle wraps the driver's error in its cause) */
async function sqlState(write: Promise<unknown>): Promise<string | null> {
  try {
    await write;
    return null;
  } catch (e) {
    const err = e as { code?: string; cause?: { code?: string } };
    return err.cause?.code ?? err.code ?? 'unknown';
  }
}

describe('check constraints mirror the shared enums', () => {
  it.each([
    ['reports', 'reports_status_check', reportStatusSchema.options],
    ['reports', 'reports_reported_status_check', reportedTaskStatusSchema.options],
    ['tasks', 'tasks_reported_status_check', reportedTaskStatusSchema.options],
    ['notices', 'notices_status_check', noticeStatusSchema.options],
    ['notices', 'notices_level_check', noticeLevelSchema.options],
  ])('%s %s holds exactly the enum', async (table, name, values) => {
    expect((await checkValues(table, name)).sort()).toEqual([...values].sort());
  });

  it('the state machines move only to statuses the database holds', () => {
    for (const tr of REPORT_TRANSITIONS) expect(reportStatusSchema.options).toContain(tr.to);
    for (const tr of NOTICE_TRANSITIONS) expect(noticeStatusSchema.options).toContain(tr.to);
  });
});

describe('the database refuses a status the state machine does not know', () => {
  it('reports: every status the report flow reaches is written, others are refused', async () => {
    const db = t.handle.db;
    for (const status of new Set(REPORT_TRANSITIONS.map((x) => x.to))) {
      expect(await sqlState(db.update(reports).set({ status }).where(eq(reports.id, reportId)))).toBeNull();
    }
    for (const bad of ['approved', 'Draft', '', 'pending']) {
      expect(
        await sqlState(
          db
            .update(reports)
            .set({ status: bad as never })
            .where(eq(reports.id, reportId)),
        ),
      ).toBe('23514');
    }
    expect(await sqlState(db.update(reports).set({ reportedStatus: '进行中' }).where(eq(reports.id, reportId)))).toBe('23514');
    expect(await sqlState(db.update(reports).set({ reportedStatus: '推进中' }).where(eq(reports.id, reportId)))).toBeNull();
    expect(await sqlState(db.update(reports).set({ reportedStatus: null }).where(eq(reports.id, reportId)))).toBeNull();
    const [row] = await db.select({ status: reports.status }).from(reports).where(eq(reports.id, reportId));
    expect(reportStatusSchema.options).toContain(row.status);
  });

  it('notices: every status the notice flow reaches is written, others are refused; levels likewise', async () => {
    const db = t.handle.db;
    for (const status of new Set(NOTICE_TRANSITIONS.flatMap((x) => [x.from, x.to]))) {
      expect(await sqlState(db.update(notices).set({ status }).where(eq(notices.id, noticeId)))).toBeNull();
    }
    for (const bad of ['open', 'done', 'fedback']) {
      expect(await sqlState(db.update(notices).set({ status: bad }).where(eq(notices.id, noticeId)))).toBe('23514');
    }
    for (const level of noticeLevelSchema.options) expect(await sqlState(db.update(notices).set({ level }).where(eq(notices.id, noticeId)))).toBeNull();
    expect(await sqlState(db.update(notices).set({ level: 'orange' }).where(eq(notices.id, noticeId)))).toBe('23514');
  });

  it("tasks: the last accepted reported status is one of the report form's", async () => {
    const db = t.handle.db;
    expect(await sqlState(db.update(tasks).set({ reportedStatus: '已完成' }).where(eq(tasks.id, taskId)))).toBeNull();
    expect(await sqlState(db.update(tasks).set({ reportedStatus: 'done' }).where(eq(tasks.id, taskId)))).toBe('23514');
  });
});
