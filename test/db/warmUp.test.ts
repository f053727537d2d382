// The start's warm-up (server/http/warmUp.ts, issue #15 phase 9): `luoshi serve` runs one report's submission on each
// connection of the pool before it listens, rolled back — the connection's statements prepared and its triggers run
// once — and leaves nothing behind: no report, no period, no audit row, no status row changed, no notification.
import { describe, expect, it } from 'vitest';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { openDb } from '../../server/db/client.js';
import { warmUpSubmissions } from '../../server/http/warmUp.js';
import { setClock } from '../../server/clock.js';
import { useTestApp } from '../helpers/app.js';
import { makeRunningPlan } from '../helpers/factories.js';
import { buildApp } from '../../server/http/app.js';
import { rehearsal } from '../../server/db/rehearsal.js';

const t = useTestApp();

/** everything a submission writes, counted and summed */
const written = async (db: typeof t.handle.db) => {
  const q = async (text: string) => Number(((await db.execute(sql.raw(text))) as unknown as { rows: { n: number | string }[] }).rows[0].n);
  return {
    reports: await q('select count(*) n from reports'),
    periods: await q('select count(*) n from report_periods'),
    audit: await q('select count(*) n from audit_events'),
    statuses: await q(`select count(*) n from task_statuses where computed_at is not null`),
    statusText: await q(`select coalesce(sum(length(status::text) + gen), 0) n from task_statuses`),
  };
};

describe('the warm-up at start', () => {
  it("runs a submission to its end on every connection and leaves nothing behind", async () => {
    setClock(() => new Date('2026-02-03T02:00:00Z'));
    try {
      // two plans of two tasks with a lead unit each: a task for each connection
      await makeRunningPlan(t.app, t.handle.db);
      await makeRunningPlan(t.app, t.handle.db);
      const before = await written(t.handle.db);
      const url = t.handle.url;
      if (t.handle.kind !== 'pg' || !url) {
        // the embedded database: its one connection
        expect(await warmUpSubmissions(t.handle)).toEqual({ connections: 1, complete: 1, passes: 6, http: false });
        expect(await written(t.handle.db)).toEqual(before);
        return;
      }
      // a server's own pool of 3: every connection ran the submission's statements (prepared there: db/prepared.ts)
      const was = process.env.LUOSHI_DB_POOL;
      process.env.LUOSHI_DB_POOL = '3';
      const server = await openDb(url, { migrate: false });
      if (was === undefined) delete process.env.LUOSHI_DB_POOL;
      else process.env.LUOSHI_DB_POOL = was;
      const listener = new pg.Client({ connectionString: url });
      await listener.connect();
      let notified = 0;
      listener.on('notification', () => notified++);
      await listener.query('listen luoshi_change');
      try {
        await server.openConnections();
        expect(await warmUpSubmissions(server)).toEqual({ connections: 3, complete: 3, passes: 18, http: false });
        const pool = (server.db as unknown as { $client: pg.Pool }).$client;
        const clients = await Promise.all([pool.connect(), pool.connect(), pool.connect()]);
        try {
          for (const c of clients) {
            const names = (await c.query(`select name from pg_prepared_statements`)).rows.map((r: { name: string }) => r.name.replace(/_\d+$/, ''));
            expect(names).toEqual(expect.arrayContaining(['task_with_plan_unit', 'report_held_for_save', 'report_insert_audited']));
          }
        } finally {
          for (const c of clients) c.release();
        }
        await new Promise((r) => setTimeout(r, 200));
        expect(notified).toBe(0);
        expect(await written(t.handle.db)).toEqual(before);
      } finally {
        await listener.end();
        await server.close();
      }
    } finally {
      setClock(null);
    }
  });

  // issue #15 phase 10: the tasks were judged by their plan's latest stored period; on a database that stores periods
  // ahead every task passed, and the newest had their report for today's period sent already (all refused, no pass ran)
  it("picks tasks whose report for the period their plan takes today is not sent, whatever periods are stored ahead", async () => {
    setClock(() => new Date('2026-02-03T02:00:00Z'));
    const was = process.env.LUOSHI_DB_POOL;
    process.env.LUOSHI_DB_POOL = '1';
    const handle = t.handle.kind === 'pg' && t.handle.url ? await openDb(t.handle.url, { migrate: false }) : t.handle;
    if (was === undefined) delete process.env.LUOSHI_DB_POOL;
    else process.env.LUOSHI_DB_POOL = was;
    try {
      const db = t.handle.db;
      // every task of the database sent for today's period but the oldest of one plan; the newest three tried first
      const [p, q] = [await makeRunningPlan(t.app, db), await makeRunningPlan(t.app, db)];
      const body = { reportedStatus: '推进中', progress: 10, progressText: '已报送', submit: true };
      const open = (await db.execute(sql`select t.id, (select min(unit_id) from task_units where task_id = t.id and role = 'lead') unit_id from tasks t where t.id <> ${p.task.id}`)) as unknown as { rows: { id: number; unit_id: number | null }[] };
      const reporters = new Map([[p.units.a.id, p.reporterA], [p.units.c.id, p.reporterC], [q.units.a.id, q.reporterA], [q.units.c.id, q.reporterC]]);
      for (const r of open.rows) {
        const who = r.unit_id === null ? undefined : reporters.get(Number(r.unit_id));
        if (who) expect((await who.client.post(`/api/tasks/${r.id}/reports`, body)).statusCode).toBe(200);
        else await db.execute(sql`delete from task_units where task_id = ${r.id} and role = 'lead'`);
      }
      // periods stored ahead, as a generated city has them
      await db.execute(sql`insert into report_periods (plan_id, key, label, start, "end", due_date, opens_on, locks_on)
        select id, '2027-12', '2027年12月', '2027-12-01', '2027-12-31', '2028-01-10', '2027-12-25', '2028-01-20' from plans on conflict do nothing`);
      const before = await written(db);
      expect(await warmUpSubmissions(handle)).toEqual({ connections: 1, complete: 1, passes: 6, http: false });
      expect(await written(db)).toEqual(before);
    } finally {
      if (handle !== t.handle) await handle.close();
      setClock(null);
    }
  });

  // issue #15 phase 11: the passes through the HTTP route (a rehearsal: the route's transaction rolled back, its answer
  // sent as if committed) and the session statement a surge's new reporters send, on every connection
  it("runs its passes through the HTTP route when given the app, and still leaves nothing behind", async () => {
    setClock(() => new Date('2026-02-03T02:00:00Z'));
    try {
      await makeRunningPlan(t.app, t.handle.db);
      await makeRunningPlan(t.app, t.handle.db);
      const before = await written(t.handle.db);
      const url = t.handle.url;
      if (t.handle.kind !== 'pg' || !url) {
        expect(await warmUpSubmissions(t.handle, t.app)).toEqual({ connections: 1, complete: 1, passes: 6, http: true });
        expect(await written(t.handle.db)).toEqual(before);
        return;
      }
      const was = process.env.LUOSHI_DB_POOL;
      process.env.LUOSHI_DB_POOL = '3';
      const server = await openDb(url, { migrate: false });
      if (was === undefined) delete process.env.LUOSHI_DB_POOL;
      else process.env.LUOSHI_DB_POOL = was;
      const app = await buildApp({ db: server.db, staticDir: '/nonexistent' });
      const listener = new pg.Client({ connectionString: url });
      await listener.connect();
      let notified = 0;
      listener.on('notification', () => notified++);
      await listener.query('listen luoshi_change');
      try {
        await server.openConnections();
        expect(await warmUpSubmissions(server, app)).toEqual({ connections: 3, complete: 3, passes: 18, http: true });
        const pool = (server.db as unknown as { $client: pg.Pool }).$client;
        const clients = await Promise.all([pool.connect(), pool.connect(), pool.connect()]);
        try {
          for (const c of clients) {
            const names = (await c.query(`select name from pg_prepared_statements`)).rows.map((r: { name: string }) => r.name.replace(/_\d+$/, ''));
            // the session's statement and the submission's (the route gate's reads the task with its plan since phase 12)
            expect(names).toEqual(expect.arrayContaining(['session', 'gate_task_with_plan', 'report_held_for_save', 'report_insert_audited']));
          }
        } finally {
          for (const c of clients) c.release();
        }
        await new Promise((r) => setTimeout(r, 200));
        expect(notified).toBe(0);
        expect(await written(t.handle.db)).toEqual(before);
      } finally {
        await listener.end();
        await app.close();
        await server.close();
      }
    } finally {
      setClock(null);
    }
  });

  it("rolls back a rehearsal's transactions and answers what they returned; outside one they commit", async () => {
    const db = t.handle.db;
    await db.execute(sql`create table rehearsal_probe (n int)`);
    const count = async () => Number(((await db.execute(sql`select count(*) n from rehearsal_probe`)) as unknown as { rows: { n: string }[] }).rows[0].n);
    const write = () =>
      db.transaction(async (tx) => {
        await tx.execute(sql`insert into rehearsal_probe values (1)`);
        return 'written';
      });
    expect(await rehearsal(write)).toBe('written');
    expect(await count()).toBe(0);
    // an error inside a rehearsed transaction is the caller's, as before
    await expect(rehearsal(() => db.transaction(async () => Promise.reject(new Error('refused'))))).rejects.toThrow('refused');
    expect(await write()).toBe('written');
    expect(await count()).toBe(1);
  });
});
