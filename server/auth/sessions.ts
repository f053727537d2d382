// Session cookies: a random token in an httpOnly cookie, its sha256 in the database, a CSRF token beside it.
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, ne, sql, type SQL } from 'drizzle-orm';
import { AppError } from '../../shared/errors.js';
import type { Db, DbOrTx } from '../db/client.js';
import { regions, sessions, users } from '../db/schema/index.js';
import type { Actor } from '../policy.js';
import { roleSchema, type Role } from '../../shared/roles.js';
import { checkPasswordRule, hashPassword, verifyDummy, verifyPassword } from './password.js';
import { beginAttempt, clearAttempts, failAttempt, forgetAttempt, pruneAttempts } from './throttle.js';
import { writeAudit } from '../audit.js';
import { preparedStatement } from '../db/prepared.js';

export const SESSION_COOKIE = 'luoshi_session';
export const SESSION_HOURS = 12;

const sha = (s: string) => createHash('sha256').update(s).digest('hex');
/** The sessions row id of a cookie token. */
export const sessionKey = sha;

/** A region and every region below it, the region first (an actor's `regionIds`), as SQL: a query, or an int[] value. */
const regionTree = (regionId: SQL) => sql`with recursive r as (select id from regions where id = ${regionId}
      union all select g.id from regions g join r on g.parent_id = r.id)
    select id from r`;

export async function regionAndBelow(db: Db, regionId: number | null): Promise<number[]> {
  if (!regionId) return [];
  const rows = await db.execute<{ id: number }>(regionTree(sql`${regionId}`));
  return (rows as unknown as { rows: { id: number }[] }).rows.map((x) => Number(x.id));
}

type ActorUser = Pick<typeof users.$inferSelect, 'id' | 'username' | 'displayName' | 'roles' | 'unitId'>;
const actorOf = (user: ActorUser, regionIds: number[], ip: string | null): Actor => ({
  userId: user.id,
  username: user.username,
  displayName: user.displayName,
  roles: user.roles.filter((r): r is Role => roleSchema.safeParse(r).success),
  unitId: user.unitId,
  regionIds,
  ip,
});

export async function actorForUser(db: Db, user: ActorUser & Pick<typeof users.$inferSelect, 'regionId'>, ip: string | null): Promise<Actor> {
  return actorOf(user, await regionAndBelow(db, user.regionId), ip);
}

/**
 * Password login. Unknown names, wrong passwords and names locked for this address answer alike (a password hash is
 * verified for unknown names too, against a dummy hash); throttling is by address and by (name, address), see
 * throttle.ts. Only after a right password does the answer say more: a disabled account, or a temporary password that
 * must be replaced (`newPassword`, checked against the password rule; setting it ends the user's other sessions).
 */
export async function login(db: Db, username: string, password: string, ip: string | null, newPassword?: string) {
  const address = ip ?? '';
  const attemptId = await beginAttempt(db, username, address);
  const [user] = await db.select().from(users).where(eq(users.username, username));
  const ok = user ? await verifyPassword(user.passwordHash, password) : await verifyDummy(password);
  if (!user || !ok) {
    await failAttempt(db, attemptId, username, address, user);
    throw new AppError('LOGIN_FAILED');
  }
  await forgetAttempt(db, attemptId);
  if (user.disabled) throw new AppError('ACCOUNT_DISABLED');
  if (user.mustChangePassword && newPassword === undefined) throw new AppError('PASSWORD_CHANGE_REQUIRED');
  let newHash: string | null = null;
  if (newPassword !== undefined) {
    checkPasswordRule(newPassword, { username: user.username });
    if (newPassword === password) throw new AppError('PASSWORD_SAME');
    newHash = await hashPassword(newPassword);
  }
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  // resolved before the transaction: PGlite has one connection, so a query on `db` inside it would wait forever
  const actor = await actorForUser(db, user, ip);
  await db.transaction(async (tx) => {
    await clearAttempts(tx, username, address);
    if (Math.random() < 0.02) await pruneAttempts(tx);
    if (newHash) {
      await tx.update(users).set({ passwordHash: newHash, mustChangePassword: false, passwordChangedAt: new Date() }).where(eq(users.id, user.id));
      await endUserSessions(tx, user.id);
      await writeAudit(tx, actor, { action: 'user.password_change', entityType: 'user', entityId: user.id, after: { atLogin: true, wasTemporary: user.mustChangePassword } });
    }
    await tx.insert(sessions).values({ id: sha(token), userId: user.id, csrfToken, expiresAt: new Date(Date.now() + SESSION_HOURS * 3600_000), ip });
    await writeAudit(tx, actor, { action: 'user.login', entityType: 'user', entityId: user.id });
  });
  if (newHash) forgetUserSessions(db, user.id, sha(token));
  return { token, csrfToken, actor };
}

/** Ends a user's sessions in the database (all, or all but one), inside the transaction of the change that ends them. */
export async function endUserSessions(tx: DbOrTx, userId: number, exceptKey?: string): Promise<void> {
  await tx.delete(sessions).where(exceptKey ? and(eq(sessions.userId, userId), ne(sessions.id, exceptKey)) : eq(sessions.userId, userId));
}

/**
 * Drops a user's resolved sessions from this instance's cache (after the change commits), so a disabled user, a
 * changed password or new roles take effect on the next request; other instances follow within SESSION_CACHE_MS.
 */
export function forgetUserSessions(db: Db, userId: number, exceptKey?: string): void {
  const cache = cacheOf(db);
  for (const [key, hit] of cache) if (hit.actor.userId === userId && key !== exceptKey) cache.delete(key);
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

/** resolveSession's statement, built once (db/prepared.ts): every reporter of a deadline surge is a session not cached yet */
const sessionStatement = preparedStatement('session', (db, name) =>
  db
    .select({
      csrfToken: sessions.csrfToken,
      expiresAt: sessions.expiresAt,
      u: { id: users.id, username: users.username, displayName: users.displayName, roles: users.roles, unitId: users.unitId, disabled: users.disabled },
      regionIds: sql<(number | string)[]>`array(${regionTree(sql`${users.regionId}`)})`,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, sql.placeholder('key')), sql`${sessions.expiresAt} > ${sql.placeholder('now')}::timestamptz`))
    .prepare(name),
);

export async function resolveSession(db: Db, token: string | undefined, ip: string | null) {
  if (!token) return null;
  const key = sha(token);
  const cache = cacheOf(db);
  const hit = cache.get(key);
  const nowMs = Date.now();
  if (hit && hit.until > nowMs) return { actor: { ...hit.actor, ip }, csrfToken: hit.csrfToken };
  if (hit) cache.delete(key);
  // one statement: the session, what the actor is made of (not the password hash) and the user's region tree
  const [row] = await sessionStatement(db, { key, now: new Date().toISOString() });
  if (!row || row.u.disabled) return null;
  const actor = actorOf(row.u, row.regionIds.map(Number), ip);
  if (cache.size > 10_000) cache.clear();
  cache.set(key, { actor, csrfToken: row.csrfToken, until: Math.min(nowMs + SESSION_CACHE_MS, row.expiresAt.getTime()) });
  return { actor, csrfToken: row.csrfToken };
}

/**
 * A session that lives only in this process's cache, for an actor the caller has made (the start's warm-up rehearses a
 * report's submission through its HTTP route with it, http/warmUp.ts): no sessions row, its token (random, 32 bytes)
 * never leaves the process, it ends at `drop()` or after 60 s. The request it is sent with runs the session's cached
 * path, not the statement (the warm-up runs that apart).
 */
export function processSession(db: Db, actor: Actor): { token: string; csrfToken: string; drop(): void } {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const key = sha(token);
  const cache = cacheOf(db);
  cache.set(key, { actor, csrfToken, until: Date.now() + 60_000 });
  return { token, csrfToken, drop: () => void cache.delete(key) };
}

export async function logout(db: Db, token: string, actor: Actor) {
  cacheOf(db).delete(sha(token));
  await db.transaction(async (tx) => {
    await tx.delete(sessions).where(eq(sessions.id, sha(token)));
    await writeAudit(tx, actor, { action: 'user.logout', entityType: 'user', entityId: actor.userId ?? 0 });
  });
}

export { regions };
