import { asc } from 'drizzle-orm';
import { users } from '../../db/schema/index.js';
import { addUser, addUserInputSchema } from '../../operations/addUser.js';
import { requirePermission } from '../../policy.js';
import { defineRoute } from '../route.js';

export const userRoutes = [
  defineRoute({
    method: 'GET', url: '/api/users', permission: 'user.manage', tag: 'users', summary: '用户列表',
    handler: async ({ db, actor }) => {
      requirePermission(actor, 'user.manage');
      const rows = await db.select().from(users).orderBy(asc(users.id));
      return { items: rows.map(({ passwordHash: _h, ...u }) => u) };
    },
  }),
  defineRoute({
    method: 'POST', url: '/api/users', permission: 'user.manage', tag: 'users', summary: '新建用户', body: addUserInputSchema,
    handler: async ({ db, actor, body }) => {
      requirePermission(actor, 'user.manage');
      return addUser(db, actor, body);
    },
  }),
];
