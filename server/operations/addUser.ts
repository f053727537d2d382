import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { AppError } from '../../shared/errors.js';
import { roleSchema } from '../../shared/roles.js';
import { idSchema, nameSchema, unique } from '../../shared/input.js';
import type { Db, DbOrTx } from '../db/client.js';
import { regions, units, users } from '../db/schema/index.js';
import { writeAudit } from '../audit.js';
import { checkPasswordRule, hashPassword } from '../auth/password.js';
import type { Actor } from '../policy.js';

export const addUserInputSchema = z.object({
  username: z.string().trim().min(2).max(50).regex(/^[\w.@-]+$/, '用户名只能包含字母、数字和 . _ - @'),
  displayName: nameSchema(1, 50),
  password: z.string().max(200),
  roles: z.array(roleSchema).min(1).max(20).overwrite(unique),
  unitId: idSchema.nullable().default(null),
  regionId: idSchema.nullable().default(null),
  email: z.string().email().nullable().default(null),
});

/** A user's unit and region must exist (otherwise the insert would fail on a foreign key with a 500). */
export async function checkPlacement(tx: DbOrTx, p: { unitId?: number | null; regionId?: number | null }): Promise<void> {
  if (p.unitId != null && !(await tx.select({ id: units.id }).from(units).where(eq(units.id, p.unitId))).length) throw new AppError('VALIDATION_FAILED', { unitId: '单位不存在' });
  if (p.regionId != null && !(await tx.select({ id: regions.id }).from(regions).where(eq(regions.id, p.regionId))).length) throw new AppError('VALIDATION_FAILED', { regionId: '区划不存在' });
}

/**
 * Creates a user. The password rule (server/auth/password.ts) applies to every caller — the API, the CLI's
 * `user add` — except the demo seed, which names itself with `{ internalDemoSeed: true }`: its published demo
 * password (DEMO_PASSWORD) is below the rule on purpose, and no route or CLI option can pass that flag.
 */
export async function addUser(db: Db, actor: Actor, input: z.input<typeof addUserInputSchema>, opts: { internalDemoSeed?: true } = {}) {
  const data = addUserInputSchema.parse(input);
  if (!opts.internalDemoSeed) checkPasswordRule(data.password, { username: data.username });
  const passwordHash = await hashPassword(data.password);
  return db.transaction(async (tx) => {
    const [dup] = await tx.select({ id: users.id }).from(users).where(eq(users.username, data.username));
    if (dup) throw new AppError('DUPLICATE', { username: data.username });
    await checkPlacement(tx, data);
    const { password: _pw, ...rest } = data;
    const [row] = await tx.insert(users).values({ ...rest, passwordHash, passwordChangedAt: new Date() }).returning();
    const { passwordHash: _h, mustChangePassword: _m, passwordChangedAt: _c, ...safe } = row;
    await writeAudit(tx, actor, { action: 'user.create', entityType: 'user', entityId: row.id, after: safe });
    return safe;
  });
}
