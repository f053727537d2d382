import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { AppError } from '../../shared/errors.js';
import { updateUserBodySchema } from '../../shared/accounts.js';
import { users } from '../db/schema/index.js';
import { writeAudit } from '../audit.js';
import { endUserSessions, forgetUserSessions } from '../auth/sessions.js';
import { checkPlacement } from './addUser.js';
import type { OpContext } from './context.js';

/**
 * An administrator changes a user's name, roles, unit, region, e-mail or disables them. Disabling ends the user's
 * sessions at once (they cannot log in again until enabled); any change drops the user's cached sessions so new roles
 * apply from the next request. An administrator cannot disable themselves or drop their own admin role.
 */
export async function updateUser({ db, actor }: OpContext, userId: number, input: z.input<typeof updateUserBodySchema>) {
  const patch = updateUserBodySchema.parse(input);
  if (userId === actor.userId && (patch.disabled === true || (patch.roles && !patch.roles.includes('admin')))) throw new AppError('USER_SELF_LOCKOUT');
  const row = await db.transaction(async (tx) => {
    const [before] = await tx.select().from(users).where(eq(users.id, userId));
    if (!before) throw new AppError('NOT_FOUND');
    if (!Object.keys(patch).length) return before;
    await checkPlacement(tx, patch);
    const [after] = await tx.update(users).set(patch).where(eq(users.id, userId)).returning();
    const changed = (Object.keys(patch) as (keyof typeof patch)[]).filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
    const action = changed.includes('disabled') ? (after.disabled ? 'user.disable' : 'user.enable') : 'user.update';
    await writeAudit(tx, actor, {
      action,
      entityType: 'user',
      entityId: userId,
      before: Object.fromEntries(changed.map((k) => [k, before[k]])),
      after: Object.fromEntries(changed.map((k) => [k, after[k]])),
    });
    if (after.disabled) await endUserSessions(tx, userId);
    return after;
  });
  forgetUserSessions(db, userId);
  return row;
}
