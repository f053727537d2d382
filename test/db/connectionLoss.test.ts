// A PostgreSQL server that ends idle connections (restart, failover, an administrator) must not end the process.
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createTestDb, PG_ADMIN_URL } from '../helpers/db.js';

describe.runIf(process.env.LUOSHI_TEST_DB === 'pg')('connection loss on the server', () => {
  it('drops terminated idle connections and answers the next query on a fresh one', async () => {
    const h = await createTestDb();
    try {
      // fill the pool with several idle connections
      await Promise.all(Array.from({ length: 4 }, () => h.db.execute(sql`select pg_sleep(0.05)`)));
      const dbName = new URL(h.url!).pathname.slice(1);
      const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
      await admin.connect();
      const killed = await admin.query(
        'select pg_terminate_backend(pid) as ok from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()',
        [dbName],
      );
      await admin.end();
      expect(killed.rowCount).toBeGreaterThan(0);
      await new Promise((r) => setTimeout(r, 200));
      const res = (await h.db.execute(sql`select 1 + 1 as two`)) as unknown as { rows: { two: number }[] };
      expect(Number(res.rows[0].two)).toBe(2);
    } finally {
      await h.close();
    }
  });
});
