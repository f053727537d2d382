// Contracts of the account routes (own password, user administration), shared by server routes and the web app.
import { z } from 'zod';
import { roleSchema } from './roles.js';
import { patchSchema } from './patch.js';
import { idSchema, nameSchema, unique } from './input.js';

export { PASSWORD_MIN, PASSWORD_LONG, PASSWORD_MAX, passwordRuleText } from './passwordRule.js';

const password = z.string().min(1).max(200);

/** POST /api/auth/password: change one's own password. */
export const changePasswordBodySchema = z.object({ currentPassword: password, newPassword: password });

export const userFieldsSchema = z.object({
  displayName: nameSchema(1, 50),
  roles: z.array(roleSchema).min(1).max(20).overwrite(unique),
  unitId: idSchema.nullable().default(null),
  regionId: idSchema.nullable().default(null),
  email: z.string().email().nullable().default(null),
  disabled: z.boolean().default(false),
});
/** PATCH /api/users/:id: an administrator changes a user (stopping one with `disabled: true` ends their sessions). */
export const updateUserBodySchema = patchSchema(userFieldsSchema);

export const userSchema = z.object({
  id: z.number(),
  username: z.string(),
  displayName: z.string(),
  roles: z.array(z.string()),
  unitId: z.number().nullable(),
  unitName: z.string().nullable(),
  regionId: z.number().nullable(),
  regionName: z.string().nullable(),
  email: z.string().nullable(),
  disabled: z.boolean(),
  mustChangePassword: z.boolean(),
  passwordChangedAt: z.string().nullable(),
  createdAt: z.string(),
});
export type User = z.infer<typeof userSchema>;

/** POST /api/users/:id/reset-password: the temporary password is shown once and must be changed at the next login. */
export const resetPasswordResultSchema = z.object({ temporaryPassword: z.string(), mustChangePassword: z.literal(true) });
export type ResetPasswordResult = z.infer<typeof resetPasswordResultSchema>;
