// `luoshi serve` opens the pool's connections before its first request (db/client.ts openConnections), so that the first
// burst of requests after a start does not wait for PostgreSQL to start a backend per connection (issue #15).
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { openDb } from '../../server/db/client.js';
import { createTestDb, PG_ADMIN_URL } from '../helpers/db.js';

describe('opening the connections at start', () => {
  it('on PostgreSQL opens LUOSHI_DB_POOL connections, keeps them, and the next requests open none', async () => {
    const h = await createTestDb();
    try {
      if (!h.url) {
        // the embedded database: its one connection is open already
        await h.openConnections();
        const res = (await h.db.execute(sql`select 1 + 1 as two`)) as unknown as { rows: { two: number }[] };
        expect(Number(res.rows[0].two)).toBe(2);
        return;
      }
      const was = process.env.LUOSHI_DB_POOL;
      process.env.LUOSHI_DB_POOL = '4';
      const app = await openDb(h.url, { migrate: false });
      if (was === undefined) delete process.env.LUOSHI_DB_POOL;
      else process.env.LUOSHI_DB_POOL = was;
      const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
      await admin.connect();
      const backends = async () =>
        Number(
          (
            await admin.query(
              `select count(*) n from pg_stat_activity where datname = $1 and backend_type = 'client backend' and application_name <> 'luoshi change listener'`,
              [new URL(h.url!).pathname.slice(1)],
            )
          ).rows[0].n,
        );
      try {
        const before = await backends();
        await app.openConnections();
        const pool = (app.db as unknown as { $client: pg.Pool }).$client;
        expect({ total: pool.totalCount, idle: pool.idleCount }).toEqual({ total: 4, idle: 4 });
        expect((await backends()) - before).toBe(4);
        // four statements at once run on the connections already open
        await Promise.all(Array.from({ length: 4 }, () => app.db.execute(sql`select pg_sleep(0.05)`)));
        expect((await backends()) - before).toBe(4);
        expect(pool.totalCount).toBe(4);
      } finally {
        await admin.end();
        await app.close();
      }
    } finally {
      await h.close();
    }
  });
});
