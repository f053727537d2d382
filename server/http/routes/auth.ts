import { eq } from 'drizzle-orm';
import { AppError } from '../../../shared/errors.js';
import { loginBodySchema, meSchema, type Me } from '../../../shared/api.js';
import { login, logout, SESSION_COOKIE, SESSION_HOURS } from '../../auth/sessions.js';
import { units } from '../../db/schema/index.js';
import type { Db } from '../../db/client.js';
import type { Actor } from '../../policy.js';
import { requirePermission } from '../../policy.js';
import { defineRoute } from '../route.js';

async function me(db: Db, actor: Actor, csrfToken: string): Promise<Me> {
  const [unit] = actor.unitId ? await db.select({ name: units.name }).from(units).where(eq(units.id, actor.unitId)) : [];
  return { id: actor.userId!, username: actor.username, displayName: actor.displayName, roles: actor.roles, unitId: actor.unitId, unitName: unit?.name ?? null, regionIds: actor.regionIds, csrfToken };
}

export const authRoutes = [
  defineRoute({
    method: 'POST', url: '/api/auth/login', permission: 'public', tag: 'auth', summary: '登录', body: loginBodySchema, response: meSchema,
    handler: async ({ db, body, req, reply, actor }) => {
      requirePermission(actor, 'public');
      const s = await login(db, body.username, body.password, req.ip);
      reply.setCookie(SESSION_COOKIE, s.token, { httpOnly: true, sameSite: 'strict', path: '/', secure: req.protocol === 'https', maxAge: SESSION_HOURS * 3600 });
      return me(db, s.actor, s.csrfToken);
    },
  }),
  defineRoute({
    method: 'POST', url: '/api/auth/logout', permission: 'session', tag: 'auth', summary: '退出登录',
    handler: async ({ db, req, reply, actor }) => {
      requirePermission(actor, 'session');
      await logout(db, req.cookies[SESSION_COOKIE]!, actor);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true };
    },
  }),
  defineRoute({
    method: 'GET', url: '/api/auth/me', permission: 'session', tag: 'auth', summary: '当前用户', response: meSchema,
    handler: async ({ db, req, actor }) => {
      requirePermission(actor, 'session');
      if (!req.csrfToken) throw new AppError('UNAUTHENTICATED');
      return me(db, actor, req.csrfToken);
    },
  }),
];
