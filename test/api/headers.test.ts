// Security headers (issue #10): a strict Content-Security-Policy on the app shell, its files and every API answer
// (errors and downloads included), nosniff, a strict Referrer-Policy, no framing; HSTS and the Secure cookie flag
// only when the operator says the server is served over https (AppOptions.secureCookies or
// LUOSHI_SECURE_COOKIES=1) — never because a client sent X-Forwarded-Proto: https.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/http/app.js';
import { Client, useTestApp } from '../helpers/app.js';
import { makePlan, makeUser, unitId } from '../helpers/factories.js';

const t = useTestApp();

// a stand-in for dist/app: the shell and one asset, served the way the built app is
const web = mkdtempSync(path.join(tmpdir(), 'luoshi-headers-'));
mkdirSync(path.join(web, 'assets'));
writeFileSync(path.join(web, 'index.html'), '<!doctype html><html><head><script type="module" src="/assets/index.js"></script></head><body><div id="root"></div></body></html>');
writeFileSync(path.join(web, 'assets/index.js'), 'console.log(1)');

let plainShell: FastifyInstance; // http, with the web app
let https: FastifyInstance; // secureCookies: true, with the web app
const opened: FastifyInstance[] = [];
const open = async (o: { secureCookies?: boolean; staticDir?: string }) => {
  const app = await buildApp({ db: t.handle.db, staticDir: o.staticDir ?? '/nonexistent', ...(o.secureCookies === undefined ? {} : { secureCookies: o.secureCookies }) });
  await app.ready();
  opened.push(app);
  return app;
};
beforeAll(async () => {
  plainShell = await open({ staticDir: web, secureCookies: false });
  https = await open({ staticDir: web, secureCookies: true });
});
afterAll(async () => {
  for (const a of opened) await a.close();
  rmSync(web, { recursive: true, force: true });
});

/** the CSP as a map of directive → sources */
function csp(res: LightMyRequestResponse): Map<string, string[]> {
  const h = res.headers['content-security-policy'];
  expect(h, `${res.statusCode} answer without Content-Security-Policy`).toBeTypeOf('string');
  return new Map(
    String(h)
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([k, ...v]) => [k.toLowerCase(), v]),
  );
}

const strictReferrer = ['no-referrer', 'same-origin', 'strict-origin', 'strict-origin-when-cross-origin'];

function expectStrictHeaders(res: LightMyRequestResponse) {
  const p = csp(res);
  expect(p.get('script-src')).toEqual(["'self'"]);
  expect(p.get('frame-ancestors')).toEqual(["'none'"]);
  expect(p.get('object-src')).toEqual(["'none'"]);
  expect(p.get('base-uri')).toEqual(["'self'"]);
  expect(p.get('default-src')).toEqual(["'self'"]);
  // no inline script in any form: not in script-src, and inline event handlers refused outright
  for (const [k, v] of p) if (k.startsWith('script-src')) expect(v.join(' '), k).not.toMatch(/unsafe-inline|unsafe-eval|\*|data:|http/);
  expect(p.get('script-src-attr')).toEqual(["'none'"]);
  expect(res.headers['x-content-type-options']).toBe('nosniff');
  expect(strictReferrer).toContain(res.headers['referrer-policy']);
  expect(res.headers['x-frame-options']).toBe('DENY');
}

const sessionCookie = (res: LightMyRequestResponse) => {
  const raw = ([] as string[]).concat(res.headers['set-cookie'] ?? []).find((c) => c.startsWith('luoshi_session='));
  expect(raw, 'no session cookie').toBeDefined();
  return raw!.split(';').map((s, i) => (i === 0 ? s.trim() : s.trim().toLowerCase()));
};

async function loginOn(app: FastifyInstance, headers: Record<string, string> = {}) {
  const u = await makeUser(t.handle.db, ['office']);
  return app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: u.username, password: u.password }, headers });
}

describe('Content-Security-Policy and the other headers over plain http', () => {
  it('the app shell, a client-side route and an asset carry the strict policy', async () => {
    for (const url of ['/', '/plans/1?tab=indicators', '/assets/index.js']) {
      const res = await plainShell.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(200);
      expectStrictHeaders(res);
      expect(res.headers['strict-transport-security'], url).toBeUndefined();
    }
  });

  it('API answers carry it too: public, unauthenticated, not found, validation error, login', async () => {
    const answers = [
      await t.app.inject({ method: 'GET', url: '/api/public/plans' }),
      await t.app.inject({ method: 'GET', url: '/api/auth/me' }),
      await t.app.inject({ method: 'GET', url: '/api/nothing-here' }),
      await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: '' } }),
      await loginOn(t.app),
    ];
    expect(answers.map((r) => r.statusCode)).toEqual([200, 401, 404, 400, 200]);
    for (const res of answers) {
      expectStrictHeaders(res);
      expect(res.headers['strict-transport-security']).toBeUndefined();
    }
  });

  it('the session cookie is HttpOnly and SameSite=Strict, and not Secure over plain http', async () => {
    const c = sessionCookie(await loginOn(t.app));
    expect(c).toContain('httponly');
    expect(c).toContain('samesite=strict');
    expect(c).not.toContain('secure');
  });

  it('X-Forwarded-Proto: https from the client neither makes the cookie Secure nor turns on HSTS', async () => {
    const spoof = { 'x-forwarded-proto': 'https', 'x-forwarded-for': '203.0.113.7' };
    const res = await loginOn(t.app, spoof);
    expect(res.statusCode).toBe(200);
    expect(sessionCookie(res)).not.toContain('secure');
    expect(res.headers['strict-transport-security']).toBeUndefined();
    const shell = await plainShell.inject({ method: 'GET', url: '/', headers: spoof });
    expect(shell.headers['strict-transport-security']).toBeUndefined();
  });

  it('downloads keep working, with their own type, name and nosniff under the same policy', async () => {
    const u = await makeUser(t.handle.db, ['office']);
    const client = await new Client(t.app).login(u.username, u.password);
    const { plan } = await makePlan(t.handle.db, { tasks: [{ title: '推进老旧小区改造', lead: [await unitId(t.handle.db, '区住房城乡建委')] }] });
    const res = await client.get(`/api/plans/${plan.id}/exports/tasks`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="[^"]+\.xlsx"; filename\*=UTF-8''/);
    expect(res.rawPayload.subarray(0, 2).toString()).toBe('PK');
    expectStrictHeaders(res);
  });
});

describe('served over https (secureCookies)', () => {
  it('sends HSTS on the shell and the API, and the policy is otherwise the same', async () => {
    for (const res of [await https.inject({ method: 'GET', url: '/' }), await https.inject({ method: 'GET', url: '/api/public/plans' })]) {
      expectStrictHeaders(res);
      const hsts = String(res.headers['strict-transport-security']);
      const maxAge = Number(/max-age=(\d+)/.exec(hsts)?.[1]);
      expect(maxAge).toBeGreaterThanOrEqual(180 * 24 * 3600);
    }
  });

  it('sets the Secure flag on the session cookie, and on its removal at logout', async () => {
    const res = await loginOn(https);
    const c = sessionCookie(res);
    expect(c).toContain('secure');
    expect(c).toContain('httponly');
    expect(c).toContain('samesite=strict');
    const out = await https.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: c[0], 'x-csrf-token': res.json().csrfToken } });
    expect(out.statusCode).toBe(200);
    expect(sessionCookie(out)).toContain('secure');
  });

  it('LUOSHI_SECURE_COOKIES=1 says the same as the option', async () => {
    const before = process.env.LUOSHI_SECURE_COOKIES;
    process.env.LUOSHI_SECURE_COOKIES = '1';
    try {
      const app = await open({});
      expect(sessionCookie(await loginOn(app))).toContain('secure');
      expect((await app.inject({ method: 'GET', url: '/api/public/plans' })).headers['strict-transport-security']).toMatch(/max-age=\d+/);
    } finally {
      if (before === undefined) delete process.env.LUOSHI_SECURE_COOKIES;
      else process.env.LUOSHI_SECURE_COOKIES = before;
    }
  });
});

describe('no inline script for the policy to allow', () => {
  it('the app shell loads its scripts from files only', () => {
    const html = readFileSync(path.resolve(import.meta.dirname, '../../app/index.html'), 'utf8');
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attrs, body] of scripts) {
      expect(attrs).toMatch(/\bsrc=/);
      expect(body.trim()).toBe('');
    }
    expect(html).not.toMatch(/\son[a-z]+=/i);
  });
});
