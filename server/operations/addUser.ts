import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { AppError } from '../../shared/errors.js';
import { roleSchema } from '../../shared/roles.js';
import type { Db } from '../db/client.js';
import { users } from '../db/schema/index.js';
import { writeAudit } from '../audit.js';
import { checkPasswordRule, hashPassword } from '../auth/password.js';
import type { Actor } from '../policy.js';

export const addUserInputSchema = z.object({
  username: z.string().trim().min(2).max(50).regex(/^[\w.@-]+$/, '用户名只能包含字母、数字和 . _ - @'),
  displayName: z.string().trim().min(1).max(50),
  password: z.string(),
  roles: z.array(roleSchema).min(1),
  unitId: z.number().int().nullable().default(null),
  regionId: z.number().int().nullable().default(null),
  email: z.string().email().nullable().default(null),
});

export async function addUser(db: Db, actor: Actor, input: z.input<typeof addUserInputSchema>, opts: { skipPasswordRule?: boolean } = {}) {
  const data = addUserInputSchema.parse(input);
  if (!opts.skipPasswordRule) checkPasswordRule(data.password);
  const passwordHash = await hashPassword(data.password);
  return db.transaction(async (tx) => {
    const [dup] = await tx.select({ id: users.id }).from(users).where(eq(users.username, data.username));
    if (dup) throw new AppError('DUPLICATE', { username: data.username });
    const { password: _pw, ...rest } = data;
    const [row] = await tx.insert(users).values({ ...rest, passwordHash }).returning();
    const { passwordHash: _h, ...safe } = row;
    await writeAudit(tx, actor, { action: 'user.create', entityType: 'user', entityId: row.id, after: safe });
    return safe;
  });
}
