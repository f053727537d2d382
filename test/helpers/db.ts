// A fresh database per test file: in-memory PGlite, or a new database on the PostgreSQL server.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDb, type DbHandle } from '../../server/db/client.js';

export const PG_ADMIN_URL = process.env.LUOSHI_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** `url` opens a second, independent connection pool to the same database (pg only; PGlite has one connection). */
export async function createTestDb(): Promise<DbHandle & { url: string | null }> {
  if (process.env.LUOSHI_TEST_DB !== 'pg') return { ...(await openDb('memory://')), url: null };
  const name = `luoshi_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = PG_ADMIN_URL.replace(/\/[^/]*$/, `/${name}`);
  const handle = await openDb(url);
  return {
    ...handle,
    url,
    async close() {
      await handle.close();
      const c = new pg.Client({ connectionString: PG_ADMIN_URL });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}
