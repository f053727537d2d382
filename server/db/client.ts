// One schema, two drivers: embedded PGlite by default, a PostgreSQL server when DATABASE_URL is set.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { mkdirSync } from 'node:fs';
import { AsyncLocalStorage } from 'node:async_hooks';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import * as schema from './schema/index.js';
import { attachChangeClock, commitNotifier, embeddedChangeClock, serverChangeClock } from './changeClock.js';
import { lockDataDir } from './dataDirLock.js';
import { rollBackInRehearsal } from './rehearsal.js';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
/** A transaction handle has the same query API as the database. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbOrTx = Db | Tx;

export interface DbHandle {
  db: Db;
  kind: 'pglite' | 'pg';
  /** how many connections it opens at most: the pool's size (LUOSHI_DB_POOL when opened), PGlite's one */
  connections: number;
  /**
   * Opens the pool's connections now, each with the catalog of the tables every request reads loaded, rather than in the
   * first burst of requests (a server about to serve: `luoshi serve`). The embedded database's one connection is open.
   */
  openConnections(): Promise<void>;
  close(): Promise<void>;
}

const migrationsFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

/**
 * url: "postgres://…" for a server; "memory://" for a throwaway embedded database;
 * anything else (or nothing) is a PGlite data directory, ./data/pglite by default.
 */
export async function openDb(url = process.env.DATABASE_URL, opts: { migrate?: boolean } = {}): Promise<DbHandle> {
  const handle = url && /^postgres(ql)?:\/\//.test(url) ? await openServer(url) : await openEmbedded(url);
  if (opts.migrate !== false) await migrateDb(handle);
  return handle;
}

/** Connections per process to a PostgreSQL server: LUOSHI_DB_POOL (1–500), 10 by default. */
export function poolSize(value = process.env.LUOSHI_DB_POOL): number {
  if (value === undefined || value === '') return 10;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 500) throw new Error(`LUOSHI_DB_POOL 应为 1–500 的整数(连接池大小),而不是 ${value}`);
  return n;
}

/** The tables most requests read (a session, the route gate, a task and its units, a report, the audit row). */
const hotTables = ['sessions', 'users', 'regions', 'plans', 'tasks', 'task_units', 'unit_tasks', 'task_statuses', 'report_periods', 'reports', 'audit_events'];

async function openServer(url: string): Promise<DbHandle> {
  const { default: pg } = await import('pg');
  const { drizzle } = await import('drizzle-orm/node-postgres');
  // a connection once opened is kept (pg-pool closes one idle for 10 s by default, and reopens it in the next burst:
  // a server process started, its caches filled and the route gate's statements prepared again; with the default, a
  // surge of 20 submissions a second reopened 2 connections in its minute, bench/surge.bench.ts)
  const max = poolSize();
  const pool = new pg.Pool({ connectionString: url, max, idleTimeoutMillis: 0 });
  // An idle connection that the server ends (restart, failover, a terminated backend) is reported on the pool;
  // without a listener that report would end the whole process. The pool drops the connection and opens another.
  let closing = false;
  pool.on('error', (err) => {
    if (!closing) console.error(`[db] 数据库空闲连接中断,已丢弃并将重新连接:${err.message}`);
  });
  const db = drizzle(pool, { schema }) as unknown as Db;
  // the change clock of the answer cache (changeClock.ts): its own LISTEN connection, opened when first asked
  const clock = serverChangeClock(url);
  // the notification of an audited commit sent after it, not held in it (changeClock.ts commitNotifier, migration 0020)
  const notifier = commitNotifier((text, values) => pool.query(text, values));
  attachChangeClock(db, clock, notifier);
  // inside a rehearsal (the start's warm-up through the HTTP route) a transaction rolls back at its end (rehearsal.ts)
  rollBackInRehearsal(db);
  return {
    db,
    kind: 'pg',
    connections: max,
    openConnections: async () => {
      // all at once (a pool of 10: ~0.1 s at start); each PostgreSQL backend loads the catalog of the tables a request
      // reads (planning a statement over them opens each table and its indexes) while nothing waits for it. Connections
      // once open are kept (idleTimeoutMillis 0 above)
      const clients = await Promise.all(Array.from({ length: max }, () => pool.connect()));
      try {
        await Promise.all(clients.map((c) => c.query(`select 1 from ${hotTables.join(', ')} where false`)));
      } finally {
        for (const c of clients) c.release();
      }
    },
    close: async () => {
      closing = true;
      await notifier.flush();
      await clock.close();
      await pool.end();
    },
  };
}

async function openEmbedded(url?: string): Promise<DbHandle> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  let dataDir: string | undefined;
  let unlock = () => {};
  if (url !== 'memory://') {
    dataDir = path.resolve(url?.replace(/^file:\/\//, '') || process.env.LUOSHI_DATA_DIR || './data/pglite');
    mkdirSync(dataDir, { recursive: true });
    // one process per data directory (dataDirLock.ts): a second would corrupt it
    unlock = lockDataDir(dataDir);
  }
  const client = new PGlite(dataDir);
  guardSingleConnection(client as unknown as Record<string, unknown>);
  const db = drizzle(client, { schema }) as unknown as Db;
  const transaction = db.transaction.bind(db);
  (db as { transaction: unknown }).transaction = (fn: (tx: Tx) => Promise<unknown>, config?: unknown) =>
    transaction((tx) => insideTransaction.run(true, () => fn(tx)), config as never);
  // the change clock of the answer cache (changeClock.ts): LISTEN on the one connection, where a notification comes
  // with the commit that sent it
  const clock = embeddedChangeClock(client);
  attachChangeClock(db, clock);
  rollBackInRehearsal(db);
  clock.stamp();
  return {
    db,
    kind: 'pglite',
    connections: 1,
    openConnections: async () => {},
    close: async () => {
      await clock.close();
      await client.close();
      unlock();
    },
  };
}

const insideTransaction = new AsyncLocalStorage<boolean>();

/**
 * PGlite has a single connection: a query on `db` made inside `db.transaction(...)` waits for the
 * transaction that waits for it, forever. Fail fast instead, so the mistake shows up as an error.
 */
function guardSingleConnection(client: Record<string, unknown>) {
  for (const method of ['query', 'exec']) {
    const original = (client[method] as (...a: unknown[]) => unknown).bind(client);
    client[method] = (...args: unknown[]) => {
      if (insideTransaction.getStore()) throw new Error('数据库误用:事务内必须使用 tx 而不是 db(PGlite 只有一个连接,会死锁)');
      return original(...args);
    };
  }
}

export async function migrateDb(handle: DbHandle): Promise<void> {
  if (handle.kind === 'pg') {
    const { migrate } = await import('drizzle-orm/node-postgres/migrator');
    // an advisory lock keeps two instances starting together from migrating twice
    await handle.db.execute('select pg_advisory_lock(72616)' as never);
    try {
      await migrate(handle.db as never, { migrationsFolder });
    } finally {
      await handle.db.execute('select pg_advisory_unlock(72616)' as never);
    }
  } else {
    const { migrate } = await import('drizzle-orm/pglite/migrator');
    await migrate(handle.db as never, { migrationsFolder });
  }
}
