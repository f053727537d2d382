// luoshi db backup / restore (issue #10): a database with data is backed up, restored into a fresh one and
// every table compared row by row (bytes, floats, timestamps, jsonb included); a non-empty target is refused
// without --force; a cut-off file restores nothing; ids continue where they stopped; a backup of one kind
// of database restores into the other; and the two CLI commands do the same.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import pg from 'pg';
import { openDb, type DbHandle } from '../../server/db/client.js';
import { backupDb, restoreDb } from '../../server/db/backup.js';
import { indicatorValues, tasks, units } from '../../server/db/schema/index.js';
import { createUnit } from '../../server/operations/createUnit.js';
import { seedRegistry } from '../../server/seed/seedRegistry.js';
import { systemActor } from '../../server/policy.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { createTestDb, PG_ADMIN_URL } from '../helpers/db.js';
import { corpus, makeIndicator, makeRunningPlan, regionId } from '../helpers/factories.js';

const dir = mkdtempSync(path.join(tmpdir(), 'luoshi-backup-'));
let src: TestApp;
afterAll(async () => {
  await src?.close();
  rmSync(dir, { recursive: true, force: true });
});

const rowsOf = async (db: DbHandle['db'], query: string) => ((await db.execute(sql.raw(query))) as unknown as { rows: Record<string, unknown>[] }).rows;
const tableNames = async (h: DbHandle) => (await rowsOf(h.db, "select table_name::text as t from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1")).map((r) => r.t as string);
/** Every table as the database renders it, rows in id order. */
async function snapshot(h: DbHandle): Promise<Record<string, string[]>> {
  const tables = await tableNames(h);
  // timestamps rendered in UTC, rows sorted here: the two kinds of database may differ in time zone and collation
  return h.db.transaction(async (tx) => {
    await tx.execute(sql`set local time zone 'UTC'`);
    const out: Record<string, string[]> = {};
    for (const t of tables) out[t] = ((await tx.execute(sql.raw(`select to_jsonb(x)::text as j from "${t}" x`))) as unknown as { rows: { j: string }[] }).rows.map((r) => r.j).sort();
    return out;
  });
}

beforeAll(async () => {
  src = await startTestApp();
  const db = src.handle.db;
  // a running plan with reports, an attachment (bytes), notices and audit rows
  const s = await makeRunningPlan(src.app, db, { settings: { unitHeadReview: false, reminders: { webhookUrl: 'https://oapi.dingtalk.com/robot/send?access_token=x' } } });
  const report = await s.reporterA.client.post(`/api/tasks/${s.task.id}/reports`, { reportedStatus: '推进中', progress: 33.3, progressText: '引号"、反斜杠\\、表情😀、换行\n与制表\t', submit: false });
  expect(report.statusCode, report.body).toBe(200);
  const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), randomBytes(3000), Buffer.from([0, 255, 0x5c, 0x78])]);
  expect((await s.reporterA.client.upload(`/api/reports/${report.json().id}/attachments`, '进展.pdf', pdf)).statusCode).toBe(200);
  expect((await s.office.client.post(`/api/plans/${s.plan.id}/notices`, { unitId: s.units.a.id, title: '请加快进度', requirement: '本月底前反馈' })).statusCode).toBe(200);
  const ind = await makeIndicator(db, s.plan.id, { targetValue: 0.1 + 0.2, baselineValue: 1e-7, targets: [{ year: 2030, value: 0.3, text: '≥0.3' }] as never });
  await db.insert(indicatorValues).values({ indicatorId: ind.id, date: '2026-03-31', value: 123456789.12345679, unitId: null });
  await db.update(tasks).set({ weight: 2.5, leaders: ['副区长 张三'] }).where(eq(tasks.id, s.task.id));
  // an imported and confirmed plan: the document's bytes, outline, tasks, indicators, targets, projects
  const job = (await s.office.client.upload('/api/imports', '规划.txt', corpus('002'))).json();
  const confirmed = await s.office.client.post(`/api/imports/${job.id}/confirm`, { createUnits: job.unknownUnits.map((u: { name: string }) => u.name) });
  expect(confirmed.statusCode, confirmed.body).toBe(200);
  // a table read in several batches (1,000 rows each): the last page's rows as well as the first's come back
  await db.execute(sql`insert into audit_events (actor_name, action, entity_type, entity_id, after)
    select '批量', 'bench.row', 'row', g::text, jsonb_build_object('n', g) from generate_series(1, 2345) g`);
}, 300_000);

describe('luoshi db backup / restore', () => {
  it('restores every table row for row into a fresh database, refuses a non-empty one without --force, and ids go on', async () => {
    const file = path.join(dir, 'round.jsonl');
    const summary = await backupDb(src.handle, file);
    const before = await snapshot(src.handle);
    expect(Object.keys(summary.tables).sort()).toEqual(Object.keys(before).sort());
    for (const t of ['plans', 'tasks', 'task_units', 'units', 'regions', 'users', 'documents', 'attachments', 'reports', 'notices', 'audit_events', 'indicators', 'indicator_values'])
      expect(before[t].length, t).toBeGreaterThan(0);
    expect(before.audit_events.length).toBeGreaterThan(2345);
    expect(summary.tables.audit_events).toBe(before.audit_events.length);

    const target = await createTestDb();
    try {
      const restored = await restoreDb(target, file);
      expect(restored.tables).toEqual(summary.tables);
      const after = await snapshot(target);
      for (const t of Object.keys(before)) expect(after[t], t).toEqual(before[t]);

      // a target with rows is refused; --force empties it first
      await expect(restoreDb(target, file)).rejects.toThrow(/不是空的.*--force/);
      await restoreDb(target, file, { force: true });
      expect(await snapshot(target)).toEqual(before);

      // the id sequences continue where the source's stopped
      const region = await regionId(target.db, '永川区');
      const next = async (h: DbHandle) => (await h.db.transaction((tx) => createUnit(tx, systemActor, { name: `备份后新单位${randomBytes(2).toString('hex')}`, regionId: region }))).id;
      const maxUnit = Math.max(...(await target.db.select({ id: units.id }).from(units)).map((u) => u.id));
      const [a, b] = [await next(src.handle), await next(target)];
      expect(b).toBe(a);
      expect(b).toBeGreaterThan(maxUnit);
    } finally {
      await target.close();
    }
  });

  it('restores nothing from a cut-off or foreign file', async () => {
    const file = path.join(dir, 'cut.jsonl');
    await backupDb(src.handle, file);
    const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
    writeFileSync(file, lines.slice(0, -1).join('\n') + '\n');
    const target = await createTestDb();
    try {
      await expect(restoreDb(target, file)).rejects.toThrow(/不完整/);
      // a broken row in the middle fails the one transaction
      const broken = [...lines];
      broken[Math.floor(lines.length / 2)] = '{"id": "not a number"}';
      writeFileSync(file, broken.join('\n') + '\n');
      await expect(restoreDb(target, file)).rejects.toThrow();
      writeFileSync(file, '{"hello": "world"}\n');
      await expect(restoreDb(target, file)).rejects.toThrow(/不是落实的备份文件/);
      for (const rows of Object.values(await snapshot(target))) expect(rows).toEqual([]);
    } finally {
      await target.close();
    }
  });

  it.runIf(process.env.LUOSHI_TEST_DB === 'pg')('a PostgreSQL backup restores into embedded PGlite and back', async () => {
    const file = path.join(dir, 'cross.jsonl.gz');
    await backupDb(src.handle, file);
    expect(readFileSync(file).subarray(0, 2)).toEqual(Buffer.from([0x1f, 0x8b]));
    const before = await snapshot(src.handle);
    const lite = await openDb('memory://');
    try {
      expect((await restoreDb(lite, file)).source).toBe('pg');
      expect(await snapshot(lite)).toEqual(before);
      const back = path.join(dir, 'back.jsonl');
      await backupDb(lite, back);
      const server = await createTestDb();
      try {
        expect((await restoreDb(server, back)).source).toBe('pglite');
        expect(await snapshot(server)).toEqual(before);
      } finally {
        await server.close();
      }
    } finally {
      await lite.close();
    }
  });
});

describe('the CLI', () => {
  const run = promisify(execFile);
  const bin = path.resolve(__dirname, '../../bin/luoshi.js');
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const c of cleanups) await c();
  });
  /** A database the CLI can open: a PGlite directory, or a new PostgreSQL database. */
  async function database(): Promise<{ env: NodeJS.ProcessEnv; open: () => Promise<DbHandle> }> {
    if (process.env.LUOSHI_TEST_DB === 'pg') {
      const name = `luoshi_bk_${randomBytes(5).toString('hex')}`;
      const c = new pg.Client({ connectionString: PG_ADMIN_URL });
      await c.connect();
      await c.query(`create database ${name}`);
      await c.end();
      const url = PG_ADMIN_URL.replace(/\/[^/]*$/, `/${name}`);
      cleanups.push(async () => {
        const d = new pg.Client({ connectionString: PG_ADMIN_URL });
        await d.connect();
        await d.query(`drop database if exists ${name} with (force)`);
        await d.end();
      });
      return { env: { ...process.env, DATABASE_URL: url }, open: () => openDb(url) };
    }
    const d = mkdtempSync(path.join(dir, 'pglite-'));
    return { env: { ...process.env, DATABASE_URL: '', LUOSHI_DATA_DIR: d }, open: () => openDb(d) };
  }

  it('luoshi db backup FILE and luoshi db restore FILE [--force]', async () => {
    const from = await database();
    const to = await database();
    let h = await from.open();
    await seedRegistry(h.db, systemActor);
    const before = await snapshot(h);
    await h.close();

    const file = path.join(dir, 'cli.jsonl.gz');
    const luoshi = (env: NodeJS.ProcessEnv, ...args: string[]) => run(process.execPath, [bin, ...args], { env, timeout: 120_000 });
    expect((await luoshi(from.env, 'db', 'backup', file)).stdout).toMatch(/备份完成/);
    expect((await luoshi(to.env, 'db', 'restore', file)).stdout).toMatch(/恢复完成/);
    await expect(luoshi(to.env, 'db', 'restore', file)).rejects.toMatchObject({ stderr: expect.stringMatching(/--force/) });
    h = await to.open();
    try {
      expect(await snapshot(h)).toEqual(before);
    } finally {
      await h.close();
    }
  }, 600_000);
});
