import { asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { resetPasswordResultSchema, updateUserBodySchema, userSchema, type User } from '../../../shared/accounts.js';
import { AppError } from '../../../shared/errors.js';
import type { Db } from '../../db/client.js';
import { regions, units, users } from '../../db/schema/index.js';
import { addUser, addUserInputSchema } from '../../operations/addUser.js';
import { resetUserPassword } from '../../operations/resetUserPassword.js';
import { updateUser } from '../../operations/updateUser.js';
import { defineRoute, idParam } from '../route.js';

/** Users as the administration screen shows them: never the password hash. */
async function userViews(db: Db, id?: number): Promise<User[]> {
  const rows = await db
    .select({ u: users, unitName: units.name, regionName: regions.name })
    .from(users)
    .leftJoin(units, eq(units.id, users.unitId))
    .leftJoin(regions, eq(regions.id, users.regionId))
    .where(id === undefined ? undefined : eq(users.id, id))
    .orderBy(asc(users.id));
  return rows.map(({ u, unitName, regionName }) => ({
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    roles: u.roles,
    unitId: u.unitId,
    unitName,
    regionId: u.regionId,
    regionName,
    email: u.email,
    disabled: u.disabled,
    mustChangePassword: u.mustChangePassword,
    passwordChangedAt: u.passwordChangedAt?.toISOString() ?? null,
    createdAt: u.createdAt.toISOString(),
  }));
}

async function userView(db: Db, id: number): Promise<User> {
  const [u] = await userViews(db, id);
  if (!u) throw new AppError('NOT_FOUND');
  return u;
}

export const userRoutes = [
  defineRoute({
    method: 'GET', url: '/api/users', permission: 'user.manage', tag: 'users', summary: '用户列表', response: z.object({ items: z.array(userSchema) }),
    handler: async ({ db, actor }) => {
      return { items: await userViews(db) };
    },
  }),
  defineRoute({
    method: 'POST', url: '/api/users', permission: 'user.manage', tag: 'users', summary: '新建用户', body: addUserInputSchema, response: userSchema,
    handler: async ({ db, actor, body }) => {
      const u = await addUser(db, actor, body);
      return userView(db, u.id);
    },
  }),
  defineRoute({
    method: 'PATCH', url: '/api/users/:id', permission: 'user.manage', tag: 'users', summary: '修改用户(姓名、角色、单位、区划、停用)', params: idParam, body: updateUserBodySchema, response: userSchema,
    handler: async ({ db, actor, params, body }) => {
      await updateUser({ db, actor }, params.id, body);
      return userView(db, params.id);
    },
  }),
  defineRoute({
    method: 'POST', url: '/api/users/:id/reset-password', permission: 'user.manage', tag: 'users', summary: '重置用户密码(临时密码只显示一次,下次登录须修改)', params: idParam, response: resetPasswordResultSchema,
    handler: async ({ db, actor, params }) => {
      return resetUserPassword({ db, actor }, params.id);
    },
  }),
];
