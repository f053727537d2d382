// The real HTTP stack on a fresh database, driven with Fastify's inject (no sockets needed).
import type { FastifyInstance, InjectOptions } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import { buildApp } from '../../server/http/app.js';
import type { DbHandle } from '../../server/db/client.js';
import { seedRegistry } from '../../server/seed/seedRegistry.js';
import { systemActor } from '../../server/policy.js';
import { createTestDb } from './db.js';
import { closeParsePool } from '../../server/parser/worker/pool.js';

export interface TestApp {
  app: FastifyInstance;
  handle: DbHandle & { url: string | null };
  close(): Promise<void>;
}

export async function startTestApp(opts: { registry?: boolean } = {}): Promise<TestApp> {
  const handle = await createTestDb();
  if (opts.registry !== false) await seedRegistry(handle.db, systemActor);
  const app = await buildApp({ db: handle.db, staticDir: '/nonexistent' });
  await app.ready();
  return { app, handle, close: async () => { await app.close(); await closeParsePool(); await handle.close(); } };
}

/** The app on a fresh database for one test file: its fields are set once the file's beforeAll has run. */
export function useTestApp(opts: { registry?: boolean } = {}): TestApp {
  const ctx = {} as TestApp;
  beforeAll(async () => {
    Object.assign(ctx, await startTestApp(opts));
  });
  afterAll(() => ctx.close());
  return ctx;
}

/** A logged-in client: carries the session cookie and sends the CSRF token on changes. */
export class Client {
  cookie = '';
  csrf = '';
  constructor(private app: FastifyInstance) {}

  async login(username: string, password: string) {
    const res = await this.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
    if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
    const set = res.cookies.find((c) => c.name === 'luoshi_session');
    this.cookie = `luoshi_session=${set!.value}`;
    this.csrf = res.json().csrfToken;
    return this;
  }

  request(opts: InjectOptions) {
    const headers: Record<string, string> = { ...(opts.headers as Record<string, string>) };
    if (this.cookie) headers.cookie = this.cookie;
    if (this.csrf && opts.method && opts.method !== 'GET') headers['x-csrf-token'] = this.csrf;
    return this.app.inject({ ...opts, headers });
  }
  get(url: string) {
    return this.request({ method: 'GET', url });
  }
  post(url: string, payload?: unknown) {
    return this.request({ method: 'POST', url, payload: payload as object });
  }
  patch(url: string, payload?: unknown) {
    return this.request({ method: 'PATCH', url, payload: payload as object });
  }
  delete(url: string) {
    return this.request({ method: 'DELETE', url });
  }
  /** multipart upload of one file */
  upload(url: string, filename: string, bytes: Buffer, fields: Record<string, string> = {}) {
    const boundary = '----luoshi' + Math.random().toString(16).slice(2);
    const parts: Buffer[] = [];
    for (const [k, v] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${encodeURIComponent(filename)}"\r\nContent-Type: application/octet-stream\r\n\r\n`), bytes, Buffer.from(`\r\n--${boundary}--\r\n`));
    return this.request({ method: 'POST', url, payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } });
  }
}
