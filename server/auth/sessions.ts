// Session cookies: a random token in an httpOnly cookie, its sha256 in the database, a CSRF token beside it.
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, sql } from 'drizzle-orm';
import { AppError } from '../../shared/errors.js';
import type { Db } from '../db/client.js';
import { loginAttempts, regions, sessions, users } from '../db/schema/index.js';
import type { Actor } from '../policy.js';
import { roleSchema, type Role } from '../../shared/roles.js';
import { verifyPassword } from './password.js';
import { writeAudit } from '../audit.js';

export const SESSION_COOKIE = 'luoshi_session';
export const SESSION_HOURS = 12;
const LOCK_AFTER = 5; // failed attempts on one account
const LOCK_MINUTES = 15;
const IP_WINDOW_MINUTES = 10;
const IP_MAX_FAILURES = 20;

const sha = (s: string) => createHash('sha256').update(s).digest('hex');

export async function regionAndBelow(db: Db, regionId: number | null): Promise<number[]> {
  if (!regionId) return [];
  const rows = await db.execute<{ id: number }>(sql`
    with recursive r as (select id from regions where id = ${regionId}
      union all select g.id from regions g join r on g.parent_id = r.id)
    select id from r`);
  return (rows as unknown as { rows: { id: number }[] }).rows.map((x) => Number(x.id));
}

export async function actorForUser(db: Db, user: typeof users.$inferSelect, ip: string | null): Promise<Actor> {
  return {
    userId: user.id,
    username: user.username,
    displayName: user.displayName,
    roles: user.roles.filter((r): r is Role => roleSchema.safeParse(r).success),
    unitId: user.unitId,
    regionIds: await regionAndBelow(db, user.regionId),
    ip,
  };
}

export async function login(db: Db, username: string, password: string, ip: string | null) {
  const since = new Date(Date.now() - IP_WINDOW_MINUTES * 60_000);
  const [{ n }] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(loginAttempts)
    .where(and(eq(loginAttempts.ip, ip ?? ''), gt(loginAttempts.at, since)));
  if (n >= IP_MAX_FAILURES) throw new AppError('LOGIN_THROTTLED');

  const [user] = await db.select().from(users).where(eq(users.username, username));
  if (user?.lockedUntil && user.lockedUntil > new Date()) throw new AppError('ACCOUNT_LOCKED');
  const ok = user && !user.disabled && (await verifyPassword(user.passwordHash, password));
  if (!ok) {
    await db.transaction(async (tx) => {
      await tx.insert(loginAttempts).values({ ip: ip ?? '', username });
      if (user) {
        const failed = user.failedLogins + 1;
        const lockedUntil = failed >= LOCK_AFTER ? new Date(Date.now() + LOCK_MINUTES * 60_000) : null;
        await tx.update(users).set({ failedLogins: lockedUntil ? 0 : failed, lockedUntil }).where(eq(users.id, user.id));
        const actor = { userId: user.id, username, displayName: user.displayName, roles: [], unitId: null, regionIds: [], ip };
        await writeAudit(tx, actor, { action: lockedUntil ? 'user.lock' : 'user.login_failed', entityType: 'user', entityId: user.id });
      }
    });
    throw new AppError('LOGIN_FAILED');
  }
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  // resolved before the transaction: PGlite has one connection, so a query on `db` inside it would wait forever
  const actor = await actorForUser(db, user, ip);
  await db.transaction(async (tx) => {
    await tx.update(users).set({ failedLogins: 0, lockedUntil: null }).where(eq(users.id, user.id));
    await tx.insert(sessions).values({ id: sha(token), userId: user.id, csrfToken, expiresAt: new Date(Date.now() + SESSION_HOURS * 3600_000), ip });
    await writeAudit(tx, actor, { action: 'user.login', entityType: 'user', entityId: user.id });
  });
  return { token, csrfToken, actor };
}

/**
 * Resolved sessions are kept for a few seconds: every request needs one, and on the embedded database each lookup
 * costs two queries run one at a time. Logging out drops the entry at once; on another server instance sharing
 * the database a logged-out session lives on for at most SESSION_CACHE_MS.
 */
export const SESSION_CACHE_MS = 5_000;
const sessionCache = new WeakMap<Db, Map<string, { actor: Actor; csrfToken: string; until: number }>>();
const cacheOf = (db: Db) => {
  let m = sessionCache.get(db);
  if (!m) sessionCache.set(db, (m = new Map()));
  return m;
};

export async function resolveSession(db: Db, token: string | undefined, ip: string | null) {
  if (!token) return null;
  const key = sha(token);
  const cache = cacheOf(db);
  const hit = cache.get(key);
  const nowMs = Date.now();
  if (hit && hit.until > nowMs) return { actor: { ...hit.actor, ip }, csrfToken: hit.csrfToken };
  if (hit) cache.delete(key);
  const [row] = await db
    .select({ s: sessions, u: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, key), gt(sessions.expiresAt, new Date())));
  if (!row || row.u.disabled) return null;
  const actor = await actorForUser(db, row.u, ip);
  if (cache.size > 10_000) cache.clear();
  cache.set(key, { actor, csrfToken: row.s.csrfToken, until: Math.min(nowMs + SESSION_CACHE_MS, row.s.expiresAt.getTime()) });
  return { actor, csrfToken: row.s.csrfToken };
}

export async function logout(db: Db, token: string, actor: Actor) {
  cacheOf(db).delete(sha(token));
  await db.transaction(async (tx) => {
    await tx.delete(sessions).where(eq(sessions.id, sha(token)));
    await writeAudit(tx, actor, { action: 'user.logout', entityType: 'user', entityId: actor.userId ?? 0 });
  });
}

export { regions };
