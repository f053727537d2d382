// Contracts of the account routes (own password, user administration), shared by server routes and the web app.
import { z } from 'zod';
import { roleSchema } from './roles.js';
import { patchSchema } from './patch.js';
import { idSchema, nameSchema, unique } from './input.js';

export const PASSWORD_MIN = 10;
/** from this length on, any mix of characters will do */
export const PASSWORD_LONG = 14;
export const PASSWORD_MAX = 128;
export const passwordRuleText = `密码须为 ${PASSWORD_MIN} 至 ${PASSWORD_MAX} 位,并包含大写字母、小写字母、数字、符号中的至少三类(${PASSWORD_LONG} 位及以上不限类别),不能是常见密码,不能包含用户名`;

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
