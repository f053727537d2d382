// The change notification of an audited commit (issue #15 phase 10, migration 0020): on PostgreSQL this process sends
// it after the commit (db/changeClock.ts commitNotifier) and its audit statements tell the trigger not to send it in the
// transaction — a NOTIFY there holds the notify-queue lock through the commit's WAL flush, so notifying commits waited
// for each other. Another writer (psql, a script) still notifies through the trigger; a rolled-back change sends nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { writeAudit } from '../../server/audit.js';
import { systemActor } from '../../server/policy.js';
import { CHANGE_CHANNEL } from '../../server/db/changeClock.js';
import { useTestApp } from '../helpers/app.js';

const t = useTestApp({ registry: false });

describe.runIf(process.env.LUOSHI_TEST_DB === 'pg')('the change notification after the commit', () => {
  let listener: pg.Client;
  const heard: string[] = [];
  beforeAll(async () => {
    listener = new pg.Client({ connectionString: t.handle.url! });
    await listener.connect();
    listener.on('notification', (m) => heard.push(m.payload ?? ''));
    await listener.query(`listen ${CHANGE_CHANNEL}`);
  });
  afterAll(() => listener.end());
  const settle = () => new Promise((r) => setTimeout(r, 300));
  const setting = async (db: Parameters<typeof writeAudit>[0]) =>
    ((await db.execute(sql`select current_setting('luoshi.notify', true) as v`)) as unknown as { rows: { v: string | null }[] }).rows[0].v;

  it('an audited change of the application: the trigger leaves it, the process sends it once committed', async () => {
    await settle();
    heard.length = 0;
    let inside: string | null = null;
    await t.handle.db.transaction(async (tx) => {
      await writeAudit(tx, systemActor, { action: 'test.change', entityType: 'plan', entityId: 901, planId: 901 });
      await writeAudit(tx, systemActor, { action: 'test.change', entityType: 'plan', entityId: 902, planId: 902 });
      inside = await setting(tx);
      // nothing is sent while the transaction is open (nor by its commit: see the next case's trigger)
      await settle();
      expect(heard).toEqual([]);
    });
    expect(inside).toBe('after_commit');
    await settle();
    expect(heard).toEqual(['901,902']);
  });

  it('a change rolled back sends nothing; a write outside the application is notified by the trigger, in its transaction', async () => {
    await settle();
    heard.length = 0;
    await expect(
      t.handle.db.transaction(async (tx) => {
        await writeAudit(tx, systemActor, { action: 'test.change', entityType: 'plan', entityId: 903, planId: 903 });
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    await settle();
    expect(heard).toEqual([]);
    const other = new pg.Client({ connectionString: t.handle.url! });
    await other.connect();
    try {
      await other.query(`insert into audit_events (actor_name, action, entity_type, entity_id, plan_id) values ('psql', 'test.change', 'plan', '904', 904)`);
    } finally {
      await other.end();
    }
    await settle();
    expect(heard).toEqual(['904']);
  });

  it('an audit row written on the handle, outside a transaction, is notified once written', async () => {
    await settle();
    heard.length = 0;
    await writeAudit(t.handle.db, systemActor, { action: 'test.change', entityType: 'user', entityId: 905 });
    await settle();
    expect(heard).toEqual(['.']);
  });
});
