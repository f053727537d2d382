// Accounts (issue #10, item 8): a user changes their own password (other sessions end); an administrator edits,
// disables and resets users, each audited and enforced at once; nobody else may.
import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditEvents } from '../../server/db/schema/index.js';
import { Client, useTestApp } from '../helpers/app.js';
import { auditChecks } from '../helpers/audit.js';
import { makeUnit, makeUser, PASSWORD, regionId } from '../helpers/factories.js';

const t = useTestApp();
const { audited, lastAudit } = auditChecks(() => t.handle.db);
const login = (username: string, password: string, extra: Record<string, unknown> = {}) =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password, ...extra } });
const adminClient = async () => new Client(t.app).login((await makeUser(t.handle.db, ['admin'])).username, PASSWORD);

describe('changing one own password', () => {
  it('checks the current password, applies the rule, drops the other sessions and is audited', async () => {
    const u = await makeUser(t.handle.db, ['unit_reporter']);
    const here = await new Client(t.app).login(u.username, PASSWORD);
    const there = await new Client(t.app).login(u.username, PASSWORD);
    expect((await there.get('/api/auth/me')).statusCode).toBe(200); // cached now

    const wrong = await audited(['user.password_change_failed'], () => here.post('/api/auth/password', { currentPassword: 'Not-My-Pass-1', newPassword: 'Brand-New-Pass-7' }));
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error).toEqual({ code: 'PASSWORD_CURRENT_WRONG', message: '当前密码不正确' });
    const weak = await here.post('/api/auth/password', { currentPassword: PASSWORD, newPassword: 'password12' });
    expect(weak.json().error.code).toBe('PASSWORD_TOO_COMMON');
    const same = await here.post('/api/auth/password', { currentPassword: PASSWORD, newPassword: PASSWORD });
    expect(same.json().error.code).toBe('PASSWORD_SAME');

    const ok = await audited(['user.password_change'], () => here.post('/api/auth/password', { currentPassword: PASSWORD, newPassword: 'Brand-New-Pass-7' }));
    expect(ok.statusCode).toBe(200);
    expect((await here.get('/api/auth/me')).statusCode).toBe(200);
    expect((await there.get('/api/auth/me')).statusCode).toBe(401);
    expect((await login(u.username, PASSWORD)).statusCode).toBe(401);
    expect((await login(u.username, 'Brand-New-Pass-7')).statusCode).toBe(200);
  });

  it('needs a session and the CSRF token', async () => {
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/password', payload: { currentPassword: 'x', newPassword: 'y' } })).statusCode).toBe(401);
    const u = await makeUser(t.handle.db, ['leader']);
    const c = await new Client(t.app).login(u.username, PASSWORD);
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/password', headers: { cookie: c.cookie }, payload: { currentPassword: PASSWORD, newPassword: 'Brand-New-Pass-8' } });
    expect(res.json().error.code).toBe('CSRF_INVALID');
  });
});

describe('user administration', () => {
  it('lists users without password hashes, with unit and region names', async () => {
    const admin = await adminClient();
    const unit = await makeUnit(t.handle.db);
    const u = await makeUser(t.handle.db, ['unit_reporter'], { unitId: unit.id });
    const res = await admin.get('/api/users');
    expect(res.body).not.toMatch(/argon|passwordHash/);
    expect(res.json().items.find((x: { id: number }) => x.id === u.id)).toMatchObject({ username: u.username, unitName: unit.name, regionName: '永川区', disabled: false, mustChangePassword: false });
  });

  it('edits name, roles, unit and region, audited with before and after; new roles apply to open sessions at once', async () => {
    const admin = await adminClient();
    const u = await makeUser(t.handle.db, ['leader']);
    const c = await new Client(t.app).login(u.username, PASSWORD);
    expect((await c.get('/api/users')).statusCode).toBe(403);
    const unit = await makeUnit(t.handle.db, '铜梁区');
    const tl = await regionId(t.handle.db, '铜梁区');
    const res = await audited(['user.update'], () => admin.patch(`/api/users/${u.id}`, { displayName: '新名字', roles: ['leader', 'admin'], unitId: unit.id, regionId: tl }));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ displayName: '新名字', roles: ['leader', 'admin'], unitId: unit.id, regionId: tl, regionName: '铜梁区' });
    expect(await lastAudit()).toMatchObject({ entityId: String(u.id), before: { displayName: `测试用户${u.username}`, roles: ['leader'], unitId: null }, after: { displayName: '新名字', roles: ['leader', 'admin'], unitId: unit.id, regionId: tl } });
    expect((await c.get('/api/users')).statusCode).toBe(200);
    // a patch of one field leaves the others
    expect((await admin.patch(`/api/users/${u.id}`, { displayName: '又改名' })).json()).toMatchObject({ displayName: '又改名', roles: ['leader', 'admin'], unitId: unit.id });
    // unknown unit or user
    expect((await admin.patch(`/api/users/${u.id}`, { unitId: 99999999 })).json().error.code).toBe('VALIDATION_FAILED');
    expect((await admin.patch('/api/users/99999999', { displayName: 'x' })).statusCode).toBe(404);
  });

  it('disables a user: their sessions end at once and they cannot log in; enabling lets them back', async () => {
    const admin = await adminClient();
    const u = await makeUser(t.handle.db, ['office']);
    const c = await new Client(t.app).login(u.username, PASSWORD);
    expect((await c.get('/api/auth/me')).statusCode).toBe(200);
    await audited(['user.disable'], () => admin.patch(`/api/users/${u.id}`, { disabled: true }));
    expect(await lastAudit()).toMatchObject({ before: { disabled: false }, after: { disabled: true } });
    expect((await c.get('/api/auth/me')).statusCode).toBe(401);
    expect((await c.get('/api/plans')).statusCode).toBe(401);
    const res = await login(u.username, PASSWORD);
    expect(res.statusCode).toBe(403);
    expect(res.json().error).toEqual({ code: 'ACCOUNT_DISABLED', message: '账号已停用,请联系系统管理员' });
    await audited(['user.enable'], () => admin.patch(`/api/users/${u.id}`, { disabled: false }));
    expect((await login(u.username, PASSWORD)).statusCode).toBe(200);
  });

  it('an administrator cannot disable themselves or drop their own admin role', async () => {
    const me = await makeUser(t.handle.db, ['admin']);
    const c = await new Client(t.app).login(me.username, PASSWORD);
    expect((await c.patch(`/api/users/${me.id}`, { disabled: true })).json().error.code).toBe('USER_SELF_LOCKOUT');
    expect((await c.patch(`/api/users/${me.id}`, { roles: ['office'] })).json().error.code).toBe('USER_SELF_LOCKOUT');
    expect((await c.patch(`/api/users/${me.id}`, { displayName: '管理员本人' })).statusCode).toBe(200);
  });

  it('resets a password: a one-time temporary password, sessions ended, a new password required at next login', async () => {
    const admin = await adminClient();
    const u = await makeUser(t.handle.db, ['unit_head']);
    const c = await new Client(t.app).login(u.username, PASSWORD);
    const res = await audited(['user.password_reset'], () => admin.post(`/api/users/${u.id}/reset-password`));
    expect(res.statusCode).toBe(200);
    const { temporaryPassword } = res.json();
    expect(temporaryPassword).toMatch(/^[\w]{5}-[\w]{5}-[\w]{5}$/);
    expect(JSON.stringify(await lastAudit())).not.toContain(temporaryPassword);
    expect((await c.get('/api/auth/me')).statusCode).toBe(401);
    expect((await login(u.username, PASSWORD)).statusCode).toBe(401);

    const first = await login(u.username, temporaryPassword);
    expect(first.statusCode).toBe(403);
    expect(first.json().error.code).toBe('PASSWORD_CHANGE_REQUIRED');
    expect(first.cookies.find((x) => x.name === 'luoshi_session')).toBeUndefined();
    expect((await login(u.username, temporaryPassword, { newPassword: 'password12' })).json().error.code).toBe('PASSWORD_TOO_COMMON');
    expect((await login(u.username, temporaryPassword, { newPassword: temporaryPassword })).json().error.code).toBe('PASSWORD_SAME');
    const set = await audited(['user.password_change', 'user.login'], () => login(u.username, temporaryPassword, { newPassword: 'Fresh-Start-2027' }));
    expect(set.statusCode).toBe(200);
    expect((await login(u.username, temporaryPassword)).statusCode).toBe(401);
    expect((await login(u.username, 'Fresh-Start-2027')).statusCode).toBe(200);
    const listed = (await admin.get('/api/users')).json().items.find((x: { id: number }) => x.id === u.id);
    expect(listed.mustChangePassword).toBe(false);
  });

  it('a reset lifts the locks on the name', async () => {
    const admin = await adminClient();
    const u = await makeUser(t.handle.db, ['office']);
    for (let i = 0; i < 5; i++) await login(u.username, 'Forgot-It-Again-1');
    expect((await login(u.username, PASSWORD)).json().error.code).toBe('LOGIN_LOCKED');
    const { temporaryPassword } = (await admin.post(`/api/users/${u.id}/reset-password`)).json();
    expect((await login(u.username, temporaryPassword, { newPassword: 'Remembered-Now-5' })).statusCode).toBe(200);
  });

  it('refuses every other role (403) on user administration', async () => {
    const target = await makeUser(t.handle.db, ['office']);
    for (const role of ['office', 'unit_head', 'unit_reporter', 'leader', 'evaluator'] as const) {
      const c = await new Client(t.app).login((await makeUser(t.handle.db, [role])).username, PASSWORD);
      expect((await c.get('/api/users')).statusCode, role).toBe(403);
      expect((await c.post('/api/users', { username: `x_${role}`, displayName: 'x', password: 'Maple-Ridge-4417', roles: ['admin'] })).statusCode, role).toBe(403);
      expect((await c.patch(`/api/users/${target.id}`, { disabled: true })).statusCode, role).toBe(403);
      expect((await c.post(`/api/users/${target.id}/reset-password`)).statusCode, role).toBe(403);
    }
    const rows = await t.handle.db.select().from(auditEvents).where(and(eq(auditEvents.entityType, 'user'), eq(auditEvents.entityId, String(target.id))));
    expect(rows.map((r) => r.action)).toEqual(['user.create']);
    expect((await login(target.username, PASSWORD)).statusCode).toBe(200);
  });
});
