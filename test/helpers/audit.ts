// Audit checks shared by the API tests: how many rows, the last row, and "this change left exactly these rows".
import { count, desc } from 'drizzle-orm';
import { expect } from 'vitest';
import type { Db } from '../../server/db/client.js';
import { auditEvents } from '../../server/db/schema/index.js';

/** `db` is read when a check runs, so a file can set this up before its beforeAll has opened the database. */
export function auditChecks(db: () => Db) {
  const auditCount = async () => (await db().select({ n: count() }).from(auditEvents))[0].n;
  const lastAudit = async () => (await db().select().from(auditEvents).orderBy(desc(auditEvents.id)).limit(1))[0];
  /** Runs a change and checks it left exactly the audit rows named, in order. */
  async function audited<T>(actions: string[], fn: () => Promise<T>): Promise<T> {
    const before = await auditCount();
    const out = await fn();
    const rows = await db().select().from(auditEvents).orderBy(desc(auditEvents.id)).limit(actions.length);
    expect(await auditCount()).toBe(before + actions.length);
    expect(rows.map((r) => r.action).reverse()).toEqual(actions);
    return out;
  }
  return { auditCount, lastAudit, audited };
}
