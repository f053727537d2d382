// vitest globalSetup of the pglite and pg projects: the migrated schema is built once per run and each test file
// clones it (createTestDb in ./db.ts) instead of migrating a database of its own.
// - pg: a template database luoshi_tpl_<random>; a file's database is CREATE DATABASE … TEMPLATE it.
// - pglite: the migrations run in memory once, the data directory is written out under the run's temporary
//   directory (/dev/shm, else the system's temporary directory; never inside the repository), and a file's
//   database is a copy of that directory.
// On by default; LUOSHI_TEST_DB_TEMPLATE=0 turns it off (every file then migrates a fresh database, as before).
// Each run has its own template (named with its pid), so runs side by side do not meet; teardown drops the database
// and the directory, and the next run removes those of a run that was killed before its teardown.
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDb } from '../../server/db/client.js';
import { PG_ADMIN_URL, type DbTemplate } from './db.js';

declare module 'vitest' {
  export interface ProvidedContext {
    luoshiDbTemplate: DbTemplate | null;
  }
}

export const templateEnabled = () => process.env.LUOSHI_TEST_DB_TEMPLATE !== '0';

export default async function setup(project: TestProject) {
  const kind = project.config.env?.LUOSHI_TEST_DB === 'pg' ? 'pg' : 'pglite';
  if (!templateEnabled()) {
    project.provide('luoshiDbTemplate', null);
    return;
  }
  if (kind === 'pg') {
    await dropStaleTemplates();
    const database = `luoshi_tpl_${process.pid}_${randomBytes(4).toString('hex')}`;
    await admin(`create database ${database}`);
    const handle = await openDb(PG_ADMIN_URL.replace(/\/[^/]*$/, `/${database}`));
    await handle.close();
    project.provide('luoshiDbTemplate', { kind: 'pg', database });
    return async () => {
      await admin(`drop database if exists ${database} with (force)`);
    };
  }
  // in memory (tmpfs) where there is one: a file's copy then takes tens of milliseconds instead of a second
  const base = existsSync('/dev/shm') ? '/dev/shm' : tmpdir();
  removeStaleDirs(base);
  const root = mkdtempSync(path.join(base, `luoshi-test-${process.pid}-`));
  const dir = path.join(root, 'template');
  // migrating straight into a directory commits to disk statement by statement (tens of seconds); in memory it
  // takes a few, and the finished data directory is then written out in one go
  const { PGlite } = await import('@electric-sql/pglite');
  const mem = await openDb('memory://');
  const client = (mem.db as unknown as { $client: InstanceType<typeof PGlite> }).$client;
  const tar = await client.dumpDataDir('none');
  await mem.close();
  const out = new PGlite(dir, { loadDataDir: tar });
  await out.waitReady;
  await out.close();
  project.provide('luoshiDbTemplate', { kind: 'pglite', dir, root });
  return () => rmSync(root, { recursive: true, force: true });
}

async function admin(statement: string) {
  const c = new pg.Client({ connectionString: PG_ADMIN_URL });
  await c.connect();
  try {
    return (await c.query(statement)).rows as Record<string, unknown>[];
  } finally {
    await c.end();
  }
}

/** A run that was killed leaves its template behind: its name carries the pid of the run, gone now. */
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
};

function removeStaleDirs(base: string) {
  for (const name of readdirSync(base)) {
    const m = /^luoshi-test-(\d+)-/.exec(name);
    if (m && !alive(Number(m[1]))) rmSync(path.join(base, name), { recursive: true, force: true });
  }
}

async function dropStaleTemplates() {
  // pids say something only about runs on this machine
  if (!/@(127\.0\.0\.1|localhost)[:/]/.test(PG_ADMIN_URL)) return;
  for (const { datname } of await admin(`select datname from pg_database where datname like 'luoshi\\_tpl\\_%'`)) {
    const m = /^luoshi_tpl_(\d+)_/.exec(String(datname));
    if (m && !alive(Number(m[1]))) await admin(`drop database if exists ${datname} with (force)`);
  }
}
