import { eq } from 'drizzle-orm';
import { AppError } from '../../../shared/errors.js';
import { loginBodySchema, meSchema, type Me } from '../../../shared/api.js';
import { changePasswordBodySchema } from '../../../shared/accounts.js';
import { login, logout, sessionKey, SESSION_COOKIE, SESSION_HOURS } from '../../auth/sessions.js';
import { changePassword } from '../../operations/changePassword.js';
import { units } from '../../db/schema/index.js';
import type { Db } from '../../db/client.js';
import { permissionsOf, type Actor } from '../../policy.js';
import { defineRoute } from '../route.js';

async function me(db: Db, actor: Actor, csrfToken: string): Promise<Me> {
  const [unit] = actor.unitId ? await db.select({ name: units.name }).from(units).where(eq(units.id, actor.unitId)) : [];
  return { id: actor.userId!, username: actor.username, displayName: actor.displayName, roles: actor.roles, unitId: actor.unitId, unitName: unit?.name ?? null, regionIds: actor.regionIds, permissions: permissionsOf(actor), csrfToken };
}

export const authRoutes = [
  defineRoute({
    method: 'POST', url: '/api/auth/login', permission: 'public', tag: 'auth', summary: '登录', body: loginBodySchema, response: meSchema,
    handler: async ({ db, body, req, reply, actor }) => {
      const s = await login(db, body.username, body.password, req.ip, body.newPassword);
      reply.setCookie(SESSION_COOKIE, s.token, { httpOnly: true, sameSite: 'strict', path: '/', secure: req.server.secureCookies, maxAge: SESSION_HOURS * 3600 });
      return me(db, s.actor, s.csrfToken);
    },
  }),
  defineRoute({
    method: 'POST', url: '/api/auth/logout', permission: 'session', tag: 'auth', summary: '退出登录',
    handler: async ({ db, req, reply, actor }) => {
      await logout(db, req.cookies[SESSION_COOKIE]!, actor);
      reply.clearCookie(SESSION_COOKIE, { path: '/', secure: req.server.secureCookies });
      return { ok: true };
    },
  }),
  defineRoute({
    method: 'GET', url: '/api/auth/me', permission: 'session', tag: 'auth', summary: '当前用户', response: meSchema,
    handler: async ({ db, req, actor }) => {
      if (!req.csrfToken) throw new AppError('UNAUTHENTICATED');
      return me(db, actor, req.csrfToken);
    },
  }),
  defineRoute({
    method: 'POST', url: '/api/auth/password', permission: 'session', tag: 'auth', summary: '修改本人密码(其他会话随即失效)', body: changePasswordBodySchema,
    handler: async ({ db, req, actor, body }) => {
      return changePassword({ db, actor }, body, sessionKey(req.cookies[SESSION_COOKIE]!));
    },
  }),
];
