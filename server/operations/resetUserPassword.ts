import { eq } from 'drizzle-orm';
import { AppError } from '../../shared/errors.js';
import type { ResetPasswordResult } from '../../shared/accounts.js';
import { users } from '../db/schema/index.js';
import { writeAudit } from '../audit.js';
import { hashPassword, temporaryPassword } from '../auth/password.js';
import { endUserSessions, forgetUserSessions } from '../auth/sessions.js';
import { clearName } from '../auth/throttle.js';
import type { OpContext } from './context.js';

/**
 * An administrator resets a user's password: a random temporary password is set and returned once (it is stored only
 * as a hash and never audited); the user's sessions end and the next login must set a new password
 * (PASSWORD_CHANGE_REQUIRED until then). Every address's lock on the name is lifted.
 */
export async function resetUserPassword({ db, actor }: OpContext, userId: number): Promise<ResetPasswordResult> {
  const temporary = temporaryPassword();
  const passwordHash = await hashPassword(temporary);
  await db.transaction(async (tx) => {
    const [user] = await tx.select({ id: users.id, username: users.username }).from(users).where(eq(users.id, userId));
    if (!user) throw new AppError('NOT_FOUND');
    await tx.update(users).set({ passwordHash, mustChangePassword: true, passwordChangedAt: new Date() }).where(eq(users.id, userId));
    await endUserSessions(tx, userId);
    await clearName(tx, user.username);
    await writeAudit(tx, actor, { action: 'user.password_reset', entityType: 'user', entityId: userId, after: { mustChange: true } });
  });
  forgetUserSessions(db, userId);
  return { temporaryPassword: temporary, mustChangePassword: true };
}
