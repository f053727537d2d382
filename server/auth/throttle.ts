// Login throttling that a stranger cannot turn against an account's owner.
//
// Every attempt that gets as far as a password check is a row of login_attempts (user name as typed, address); the
// row is removed when the password proves right. From those rows, within sliding windows:
//  - one name from one address: LOCK_AFTER failures lock that name *for that address only* (LOGIN_LOCKED);
//  - one address over all names: ADDRESS_MAX_FAILURES failures throttle the address (LOGIN_THROTTLED);
//  - one name over all addresses: from SLOW_AFTER failures on, every attempt on that name waits SLOW_MS before its
//    password is checked (a slowing delay, never a refusal: the owner still gets in).
// All three count the name as typed, whether or not an account has it, so they answer alike for unknown names.
import { and, eq, lt, sql } from 'drizzle-orm';
import { AppError } from '../../shared/errors.js';
import type { Db, DbOrTx } from '../db/client.js';
import { loginAttempts, users } from '../db/schema/index.js';
import { writeAudit } from '../audit.js';

export const LOCK_AFTER = 5;
export const LOCK_MINUTES = 15;
export const ADDRESS_WINDOW_MINUTES = 10;
export const ADDRESS_MAX_FAILURES = 20;
export const SLOW_AFTER = 10;
export const SLOW_MS = 1_000;

interface Counts {
  address: number;
  pair: number;
  name: number;
}

async function count(db: DbOrTx, username: string, ip: string, beforeId?: number): Promise<Counts> {
  const now = Date.now();
  const lockSince = new Date(now - LOCK_MINUTES * 60_000).toISOString();
  const addressSince = new Date(now - ADDRESS_WINDOW_MINUTES * 60_000).toISOString();
  const since = new Date(now - Math.max(LOCK_MINUTES, ADDRESS_WINDOW_MINUTES) * 60_000).toISOString();
  const [row] = await db
    .select({
      address: sql<number>`count(*) filter (where ${loginAttempts.ip} = ${ip} and ${loginAttempts.at} > ${addressSince}::timestamptz)::int`,
      pair: sql<number>`count(*) filter (where ${loginAttempts.ip} = ${ip} and ${loginAttempts.username} = ${username} and ${loginAttempts.at} > ${lockSince}::timestamptz)::int`,
      name: sql<number>`count(*) filter (where ${loginAttempts.username} = ${username} and ${loginAttempts.at} > ${lockSince}::timestamptz)::int`,
    })
    .from(loginAttempts)
    .where(
      and(
        sql`${loginAttempts.at} > ${since}::timestamptz`,
        sql`(${loginAttempts.ip} = ${ip} or ${loginAttempts.username} = ${username})`,
        beforeId === undefined ? undefined : lt(loginAttempts.id, beforeId),
      ),
    );
  return { address: Number(row.address), pair: Number(row.pair), name: Number(row.name) };
}

function refuse(c: Counts): void {
  if (c.address >= ADDRESS_MAX_FAILURES) throw new AppError('LOGIN_THROTTLED');
  if (c.pair >= LOCK_AFTER) throw new AppError('LOGIN_LOCKED');
}

/**
 * Before a password is checked: refuses a throttled address or a locked (name, address), records the attempt, checks
 * again against the attempts recorded before it (so a burst of parallel requests cannot slip past the limits), and
 * waits when the name is under attack. Returns the attempt's id, to forget it if the password proves right.
 */
export async function beginAttempt(db: Db, username: string, ip: string): Promise<number> {
  refuse(await count(db, username, ip));
  const [row] = await db.insert(loginAttempts).values({ ip, username }).returning({ id: loginAttempts.id });
  const before = await count(db, username, ip, row.id);
  refuse(before);
  if (before.name >= SLOW_AFTER) await new Promise((r) => setTimeout(r, SLOW_MS));
  return row.id;
}

/**
 * The password was wrong: the attempt stays counted. For an existing account the failure is audited, and the
 * failure that locks the address out says so (`user.lock`, with the address and how long).
 */
export async function failAttempt(db: Db, attemptId: number, username: string, ip: string, user: typeof users.$inferSelect | undefined, action = 'user.login_failed'): Promise<void> {
  await db.transaction(async (tx) => {
    const { pair } = await count(tx, username, ip);
    if (!user) {
      // no account to audit: one row write of the same cost instead, so the answer time does not tell the names apart
      await tx.update(loginAttempts).set({ ip }).where(eq(loginAttempts.id, attemptId));
      return;
    }
    const actor = { userId: user.id, username: user.username, displayName: user.displayName, roles: [], unitId: null, regionIds: [], ip };
    await writeAudit(tx, actor, { action, entityType: 'user', entityId: user.id });
    if (pair === LOCK_AFTER) await writeAudit(tx, actor, { action: 'user.lock', entityType: 'user', entityId: user.id, after: { address: ip, minutes: LOCK_MINUTES } });
  });
}

/** The password was right: the name's failures from this address are forgotten (inside the login's transaction). */
export async function clearAttempts(tx: DbOrTx, username: string, ip: string): Promise<void> {
  await tx.delete(loginAttempts).where(and(eq(loginAttempts.username, username), eq(loginAttempts.ip, ip)));
}

/** An administrator's reset also lifts every address's lock on the name (inside the reset's transaction). */
export async function clearName(tx: DbOrTx, username: string): Promise<void> {
  await tx.delete(loginAttempts).where(eq(loginAttempts.username, username));
}

/** Rows older than a day no longer count for anything; removed now and then by a successful login. */
export async function pruneAttempts(tx: DbOrTx): Promise<void> {
  await tx.delete(loginAttempts).where(lt(loginAttempts.at, new Date(Date.now() - 24 * 3600_000)));
}

/** The password proved right: this attempt is not a failure (whatever is refused after it). */
export async function forgetAttempt(db: DbOrTx, attemptId: number): Promise<void> {
  await db.delete(loginAttempts).where(eq(loginAttempts.id, attemptId));
}
