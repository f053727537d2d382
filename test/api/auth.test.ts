import { describe, expect, it } from 'vitest';
import { Client, useTestApp } from '../helpers/app.js';
import { makeClient, makeUnit, makeUser, PASSWORD } from '../helpers/factories.js';

const t = useTestApp();

describe('login and sessions', () => {
  it('logs in with an httpOnly session cookie and returns the user with a CSRF token', async () => {
    const u = await makeUser(t.handle.db, ['office']);
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: u.username, password: PASSWORD } });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'luoshi_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Strict');
    expect(res.json()).toMatchObject({ username: u.username, roles: ['office'] });
    expect(res.json().csrfToken).toMatch(/^[\w-]{20,}$/);
    const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: `luoshi_session=${cookie.value}` } });
    expect(me.json().username).toBe(u.username);
  });

  it('sends the permissions the server grants, so the app never re-derives them', async () => {
    const unit = await makeUnit(t.handle.db);
    const perms = async (roles: Parameters<typeof makeUser>[1]) =>
      (await (await makeClient(t.app, t.handle.db, roles, { unitId: unit.id })).client.get('/api/auth/me')).json().permissions;
    // each role's grants as they stand in server/policy.ts, in the catalogue's order (shared/roles.ts)
    expect(await perms(['unit_reporter'])).toEqual(['session', 'plan.read', 'task.read', 'unit.read', 'report.read', 'report.submit', 'notice.respond', 'checkup.read', 'checkup.submit']);
    expect(await perms(['leader'])).toEqual(['session', 'plan.read', 'task.read', 'unit.read', 'audit.read', 'report.read', 'evaluation.read', 'checkup.read']);
    // several roles: the union; 'public' is nobody's grant
    const both = await perms(['unit_head', 'evaluator']);
    expect(both).toContain('report.review_unit');
    expect(both).toContain('evaluation.read');
    expect(both).not.toContain('report.review');
    expect(both).not.toContain('public');
  });

  it('rejects a wrong password with a stable code and a Chinese message', async () => {
    const u = await makeUser(t.handle.db, ['office']);
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: u.username, password: 'wrong-pass-1' } });
    expect(res.statusCode).toBe(401);
    expect(res.json().error).toEqual({ code: 'LOGIN_FAILED', message: '用户名或密码错误' });
  });

  it('locks a name after five failures from one address, for that address only, even for the right password', async () => {
    const u = await makeUser(t.handle.db, ['office']);
    for (let i = 0; i < 5; i++) await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: u.username, password: 'nope-nope-1' }, remoteAddress: '10.9.0.1' });
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: u.username, password: PASSWORD }, remoteAddress: '10.9.0.1' });
    expect(res.statusCode).toBe(429);
    expect(res.json().error).toEqual({ code: 'LOGIN_LOCKED', message: '登录失败次数过多,请 15 分钟后再试' });
    const elsewhere = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: u.username, password: PASSWORD }, remoteAddress: '10.9.0.2' });
    expect(elsewhere.statusCode).toBe(200);
  });

  it('throttles one address that fails too often across accounts', async () => {
    for (let i = 0; i < 20; i++) await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: `ghost${i}`, password: 'x' }, remoteAddress: '10.8.8.8' });
    const u = await makeUser(t.handle.db, ['office']);
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: u.username, password: PASSWORD }, remoteAddress: '10.8.8.8' });
    expect(res.statusCode).toBe(429);
    expect(res.json().error.code).toBe('LOGIN_THROTTLED');
  });

  it('refuses a change without the CSRF token', async () => {
    const u = await makeUser(t.handle.db, ['office']);
    const c = await new Client(t.app).login(u.username, PASSWORD);
    const res = await t.app.inject({ method: 'POST', url: '/api/units', headers: { cookie: c.cookie }, payload: { name: '区测试局', regionId: 1 } });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('CSRF_INVALID');
  });

  it('ends the session on logout', async () => {
    const u = await makeUser(t.handle.db, ['leader']);
    const c = await new Client(t.app).login(u.username, PASSWORD);
    expect((await c.post('/api/auth/logout')).statusCode).toBe(200);
    expect((await c.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('enforces the password rule when creating users', async () => {
    const admin = await makeUser(t.handle.db, ['admin']);
    const c = await new Client(t.app).login(admin.username, PASSWORD);
    const res = await c.post('/api/users', { username: 'weak1', displayName: '弱密码', password: 'short1', roles: ['office'] });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('PASSWORD_TOO_WEAK');
  });
});
