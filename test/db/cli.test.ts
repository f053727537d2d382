// The CLI runs the same operations as the API: create the first admin, import and confirm a plan, migrate.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDb } from '../../server/db/client.js';
import { PG_ADMIN_URL } from '../helpers/db.js';
import { corpusPath } from '../helpers/factories.js';

const run = promisify(execFile);
const bin = path.resolve(__dirname, '../../bin/luoshi.js');
let env: NodeJS.ProcessEnv;
let url: string;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  if (process.env.LUOSHI_TEST_DB === 'pg') {
    const name = `luoshi_cli_${randomBytes(5).toString('hex')}`;
    const c = new pg.Client({ connectionString: PG_ADMIN_URL });
    await c.connect();
    await c.query(`create database ${name}`);
    await c.end();
    url = PG_ADMIN_URL.replace(/\/[^/]*$/, `/${name}`);
    cleanup = async () => {
      const d = new pg.Client({ connectionString: PG_ADMIN_URL });
      await d.connect();
      await d.query(`drop database if exists ${name} with (force)`);
      await d.end();
    };
  } else {
    const dir = mkdtempSync(path.join(tmpdir(), 'luoshi-cli-'));
    url = dir;
    cleanup = async () => rmSync(dir, { recursive: true, force: true });
  }
  env = { ...process.env, DATABASE_URL: url.startsWith('postgres') ? url : '', LUOSHI_DATA_DIR: url };
});
afterAll(() => cleanup());

const luoshi = (...args: string[]) => run(process.execPath, [bin, ...args], { env, timeout: 120_000 });

describe('luoshi CLI', () => {
  it('migrates, adds the first admin, refuses a weak password, imports and confirms a plan', async () => {
    expect((await luoshi('db', 'migrate')).stdout).toMatch(/迁移完成/);
    const added = await luoshi('user', 'add', '--username', 'chief', '--name', '管理员', '--role', 'admin', '--region', '重庆市', '--password', 'Str0ngPassw0rd');
    expect(added.stdout).toMatch(/已创建用户 chief/);
    await expect(luoshi('user', 'add', '--username', 'weak', '--name', '弱', '--password', 'abc')).rejects.toMatchObject({ stderr: expect.stringMatching(/PASSWORD_TOO_WEAK/) });
    const imported = await luoshi('import', corpusPath('002_a8cf94ceb730f871.txt'), '--confirm', '--create-units');
    expect(imported.stdout).toMatch(/已确认:规划 #\d+/);

    const handle = await openDb(url);
    try {
      const q = async (s: string) => Number(((await handle.db.execute(sql.raw(s))) as unknown as { rows: { n: number }[] }).rows[0].n);
      expect(await q('select count(*)::int as n from tasks')).toBe(26);
      expect(await q("select count(*)::int as n from audit_events where action in ('user.create','import.create','import.confirm','plan.create')")).toBe(4);
    } finally {
      await handle.close();
    }
  }, 300_000);
});
