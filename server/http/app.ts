// Builds the Fastify app: cookies, uploads, session + CSRF, the route table, the error catalogue, the built web app.
import path from 'node:path';
import { repoRoot } from '../paths.js';
import { existsSync } from 'node:fs';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import { ZodError } from 'zod';
import { AppError, errorCatalogue } from '../../shared/errors.js';
import type { Db } from '../db/client.js';
import { publicActor, requirePermission, type Actor } from '../policy.js';
import { resolveSession, SESSION_COOKIE } from '../auth/sessions.js';
import { allRoutes } from './routes/index.js';
import { accessOf } from './routes/access.js';
import { authorizeRecord, keptRecordOwner } from '../access.js';
import { changeClockOf } from '../db/changeClock.js';
import { buildOpenApi } from './openapi.js';
import { refuseMalformedInput } from './edge.js';
import { securityHeaders, servedOverHttps } from './securityHeaders.js';
import { registerCompression, serveWebApp } from './staticAssets.js';
import type { RouteDef } from './route.js';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor;
    csrfToken: string | null;
  }
}

export interface AppOptions {
  db: Db;
  logger?: boolean;
  /** folder of the built web app (dist/app); served at / when present */
  staticDir?: string;
  secureCookies?: boolean;
  /** reverse proxies trusted for X-Forwarded-For/-Proto: off by default (the socket address is the client); LUOSHI_TRUST_PROXY, server/auth/trustProxy.ts */
  trustProxy?: boolean | string[] | ((address: string, hop: number) => boolean);
}

export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({ logger: opts.logger ?? false, trustProxy: opts.trustProxy ?? false, bodyLimit: 25 * 1024 * 1024 });
  // "served over https" comes from the operator (option or LUOSHI_SECURE_COOKIES=1): HSTS and the Secure cookie flag
  app.decorate('secureCookies', servedOverHttps(opts.secureCookies));
  // helmet's headers, made once (securityHeaders.ts), on every answer
  const headers = securityHeaders(app.secureCookies);
  app.addHook('onRequest', (_req, reply, done) => {
    reply.headers(headers);
    done();
  });
  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: 20 * 1024 * 1024 + 1, files: 1 } });
  // brotli/gzip of the answers of every route registered below (staticAssets.ts)
  await registerCompression(app);
  app.decorateRequest('actor', null as unknown as Actor);
  app.decorateRequest('csrfToken', null);

  app.addHook('onRequest', async (req) => {
    req.actor = { ...publicActor, ip: req.ip };
    const s = await resolveSession(opts.db, req.cookies[SESSION_COOKIE], req.ip);
    if (s) {
      req.actor = s.actor;
      req.csrfToken = s.csrfToken;
    }
  });

  // NUL bytes, lone surrogates and non-finite numbers anywhere in params, query or body: a 400, once for every route
  app.addHook('preValidation', refuseMalformedInput);

  app.setErrorHandler((err, req, reply) => {
    if (err instanceof AppError) return reply.status(err.status).send({ error: { code: err.code, message: err.message, details: err.details } });
    if (err instanceof ZodError) {
      const e = errorCatalogue.VALIDATION_FAILED;
      return reply.status(e.status).send({ error: { code: 'VALIDATION_FAILED', message: e.message, details: err.issues } });
    }
    const fe = err as { statusCode?: number; code?: string; message?: string };
    if (fe.code === 'FST_REQ_FILE_TOO_LARGE') return reply.status(413).send({ error: { code: 'IMPORT_TOO_LARGE', message: errorCatalogue.IMPORT_TOO_LARGE.message } });
    if (fe.statusCode && fe.statusCode < 500) return reply.status(fe.statusCode).send({ error: { code: 'BAD_REQUEST', message: errorCatalogue.BAD_REQUEST.message, details: fe.message } });
    req.log.error(err);
    return reply.status(500).send({ error: { code: 'INTERNAL', message: errorCatalogue.INTERNAL.message } });
  });

  // the answer cache's change clock starts listening now (db/changeClock.ts), so that the first answers need not read
  // the database's stamp
  changeClockOf(opts.db)?.stamp();

  for (const r of allRoutes) registerRoute(app, opts.db, r);
  app.get('/api/openapi.json', async () => buildOpenApi(allRoutes));
  app.all('/api/*', async (_req, reply) => reply.status(404).send({ error: { code: 'NOT_FOUND', message: errorCatalogue.NOT_FOUND.message } }));

  const staticDir = opts.staticDir ?? path.join(repoRoot, 'dist/app');
  // pre-compressed files, immutable hashed assets, no-cache shell (staticAssets.ts)
  if (existsSync(path.join(staticDir, 'index.html'))) await serveWebApp(app, staticDir);
  return app;
}

const mutating = new Set(['POST', 'PATCH', 'PUT', 'DELETE']);

function checkCsrf(req: FastifyRequest, route: RouteDef): void {
  if (!mutating.has(route.method) || route.permission === 'public') return;
  const sent = req.headers['x-csrf-token'];
  if (!req.csrfToken || sent !== req.csrfToken) throw new AppError('CSRF_INVALID');
}

function registerRoute(app: FastifyInstance, db: Db, route: RouteDef): void {
  const access = accessOf(route.method, route.url);
  app.route({
    method: route.method,
    url: route.url,
    handler: async (req, reply) => {
      requirePermission(req.actor, route.permission);
      checkCsrf(req, route);
      const params = route.params ? route.params.parse(req.params) : undefined;
      // ownership before the body is read: a record the actor may not touch answers 404/403, not 400
      if (!access) throw new AppError('FORBIDDEN', { reason: 'route declares no access' });
      const id = Number((params as Record<string, unknown>)?.[access.param ?? 'id']);
      // a plan's gate row kept under its stamp (a cached answer's request): decided here, without an await
      const owner = access.record === 'none' ? null : (keptRecordOwner(db, req.actor, access, id) ?? (await authorizeRecord(db, req.actor, access, id)));
      const query = route.query ? route.query.parse(req.query) : undefined;
      const body = route.body && !route.multipart ? route.body.parse(req.body ?? {}) : undefined;
      const result = await route.handler({ params, query, body, actor: req.actor, db, req, reply, owner });
      // a handler that sent its answer itself (a file, a cached answer): nothing more to send — `{ ok: true }` here made
      // Fastify build an "already sent" error with its stack on every such request
      if (route.raw || reply.sent) return reply;
      return result ?? { ok: true };
    },
  });
}
