// A fresh database per test file: in-memory PGlite, or a new database on the PostgreSQL server. When the run's
// globalSetup (./dbTemplate.ts) has built the migrated schema once, the database is a clone of it: a copy of the
// PGlite data directory, or CREATE DATABASE … TEMPLATE on the server.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { openDb, type DbHandle } from '../../server/db/client.js';

export const PG_ADMIN_URL = process.env.LUOSHI_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** What ./dbTemplate.ts built for this run: a template database, or a migrated PGlite data directory. */
export type DbTemplate = { kind: 'pg'; database: string } | { kind: 'pglite'; dir: string; root: string };

/** `url` opens a second, independent connection pool to the same database (pg only; PGlite has one connection). */
export async function createTestDb(): Promise<DbHandle & { url: string | null }> {
  const template = inject('luoshiDbTemplate') ?? null;
  if (process.env.LUOSHI_TEST_DB !== 'pg') {
    if (template?.kind !== 'pglite') return { ...(await openDb('memory://')), url: null };
    const dir = mkdtempSync(path.join(template.root, 'db-'));
    cpSync(template.dir, dir, { recursive: true });
    const handle = await openDb(dir, { migrate: false });
    return {
      ...handle,
      url: null,
      async close() {
        await handle.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const name = `luoshi_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  await admin.query(template?.kind === 'pg' ? `create database ${name} template ${template.database}` : `create database ${name}`);
  await admin.end();
  const url = PG_ADMIN_URL.replace(/\/[^/]*$/, `/${name}`);
  const handle = await openDb(url, { migrate: template?.kind !== 'pg' });
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
