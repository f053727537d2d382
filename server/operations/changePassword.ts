import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { AppError } from '../../shared/errors.js';
import { changePasswordBodySchema } from '../../shared/accounts.js';
import { users } from '../db/schema/index.js';
import { writeAudit } from '../audit.js';
import { checkPasswordRule, hashPassword, verifyPassword } from '../auth/password.js';
import { endUserSessions, forgetUserSessions } from '../auth/sessions.js';
import { beginAttempt, failAttempt, forgetAttempt } from '../auth/throttle.js';
import type { OpContext } from './context.js';

/**
 * A user changes their own password: the current one is checked like a login (a wrong one counts towards the same
 * lock of this name from this address), the new one against the password rule; every other session of the user ends,
 * the one making the change stays.
 */
export async function changePassword({ db, actor }: OpContext, input: z.input<typeof changePasswordBodySchema>, sessionKey: string) {
  const body = changePasswordBodySchema.parse(input);
  if (actor.userId === null) throw new AppError('UNAUTHENTICATED');
  const address = actor.ip ?? '';
  const attemptId = await beginAttempt(db, actor.username, address);
  const [user] = await db.select().from(users).where(eq(users.id, actor.userId));
  if (!user) throw new AppError('UNAUTHENTICATED');
  if (!(await verifyPassword(user.passwordHash, body.currentPassword))) {
    await failAttempt(db, attemptId, actor.username, address, user, 'user.password_change_failed');
    throw new AppError('PASSWORD_CURRENT_WRONG');
  }
  await forgetAttempt(db, attemptId);
  checkPasswordRule(body.newPassword, { username: user.username });
  if (body.newPassword === body.currentPassword) throw new AppError('PASSWORD_SAME');
  const passwordHash = await hashPassword(body.newPassword);
  await db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash, mustChangePassword: false, passwordChangedAt: new Date() }).where(eq(users.id, user.id));
    await endUserSessions(tx, user.id, sessionKey);
    await writeAudit(tx, actor, { action: 'user.password_change', entityType: 'user', entityId: user.id });
  });
  forgetUserSessions(db, user.id, sessionKey);
  return { ok: true as const };
}
