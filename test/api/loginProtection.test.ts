// Login protection (issue #10, item 6): the client's own X-Forwarded-For is not believed unless a proxy is configured;
// a stranger's failures lock a name only for the stranger's address; unknown, wrong and locked names answer alike;
// weak and common passwords are refused with stable codes.
import { afterAll, describe, expect, it } from 'vitest';
import { and, desc, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { auditEvents, users } from '../../server/db/schema/index.js';
import { buildApp } from '../../server/http/app.js';
import { parseTrustProxy } from '../../server/auth/trustProxy.js';
import { LOCK_AFTER, SLOW_AFTER } from '../../server/auth/throttle.js';
import { addUser } from '../../server/operations/addUser.js';
import { systemActor } from '../../server/policy.js';
import { Client, useTestApp } from '../helpers/app.js';
import { makeUser, PASSWORD } from '../helpers/factories.js';

const t = useTestApp();
const extraApps: FastifyInstance[] = [];
afterAll(async () => {
  for (const a of extraApps) await a.close();
});

/** The same database behind an app with another proxy setting. */
async function appWith(trustProxy: string) {
  const app = await buildApp({ db: t.handle.db, staticDir: '/nonexistent', trustProxy: parseTrustProxy(trustProxy) });
  await app.ready();
  extraApps.push(app);
  return app;
}

const login = (username: string, password: string, remoteAddress: string, headers: Record<string, string> = {}, app = t.app) =>
  app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress, headers });

/** The address the server saw for the user's last login (written on the audit row). */
async function lastLoginAddress(userId: number) {
  const [row] = await t.handle.db
    .select({ ip: auditEvents.ip })
    .from(auditEvents)
    .where(and(eq(auditEvents.action, 'user.login'), eq(auditEvents.entityId, String(userId))))
    .orderBy(desc(auditEvents.id))
    .limit(1);
  return row?.ip;
}

describe('proxy trust (LUOSHI_TRUST_PROXY)', () => {
  it('ignores a client-supplied X-Forwarded-For by default', async () => {
    const u = await makeUser(t.handle.db, ['office']);
    expect((await login(u.username, PASSWORD, '10.1.1.1', { 'x-forwarded-for': '203.0.113.9' })).statusCode).toBe(200);
    expect(await lastLoginAddress(u.id)).toBe('10.1.1.1');
  });

  it('does not let a client escape the lock by changing X-Forwarded-For on each try', async () => {
    const u = await makeUser(t.handle.db, ['office']);
    for (let i = 0; i < LOCK_AFTER; i++) expect((await login(u.username, 'Wrong-Guess-1', '10.1.1.2', { 'x-forwarded-for': `198.51.100.${i}` })).statusCode).toBe(401);
    const res = await login(u.username, PASSWORD, '10.1.1.2', { 'x-forwarded-for': '198.51.100.99' });
    expect(res.statusCode).toBe(429);
    expect(res.json().error.code).toBe('LOGIN_LOCKED');
  });

  it('honours X-Forwarded-For from a configured proxy address only, taking the hop the proxy saw', async () => {
    const app = await appWith('127.0.0.1, 10.0.0.0/8');
    const u = await makeUser(t.handle.db, ['office']);
    // the client wrote its own X-Forwarded-For (198.51.100.7); nginx appended the address it saw (203.0.113.9)
    expect((await login(u.username, PASSWORD, '127.0.0.1', { 'x-forwarded-for': '198.51.100.7, 203.0.113.9' }, app)).statusCode).toBe(200);
    expect(await lastLoginAddress(u.id)).toBe('203.0.113.9');
    // a direct connection from an address that is not a configured proxy is taken as it is
    expect((await login(u.username, PASSWORD, '192.0.2.50', { 'x-forwarded-for': '203.0.113.10' }, app)).statusCode).toBe(200);
    expect(await lastLoginAddress(u.id)).toBe('192.0.2.50');
  });

  it('takes a hop count', async () => {
    const app = await appWith('1');
    const u = await makeUser(t.handle.db, ['office']);
    expect((await login(u.username, PASSWORD, '127.0.0.1', { 'x-forwarded-for': '198.51.100.7, 203.0.113.11' }, app)).statusCode).toBe(200);
    expect(await lastLoginAddress(u.id)).toBe('203.0.113.11');
  });

  it('reads the setting: off, true, hop count, address list; refuses nonsense', () => {
    for (const off of [undefined, '', '0', 'false', 'off']) expect(parseTrustProxy(off)).toBe(false);
    expect(parseTrustProxy('true')).toBe(true);
    const hops = parseTrustProxy('2') as (a: string, i: number) => boolean;
    expect([hops('x', 0), hops('x', 1), hops('x', 2)]).toEqual([true, true, false]);
    expect(parseTrustProxy(' 127.0.0.1 , 10.0.0.0/8,::1, loopback')).toEqual(['127.0.0.1', '10.0.0.0/8', '::1', 'loopback']);
    expect(() => parseTrustProxy('nginx')).toThrow(/LUOSHI_TRUST_PROXY/);
    expect(() => parseTrustProxy('10.0.0.0/33')).toThrow(/LUOSHI_TRUST_PROXY/);
  });
});

describe('throttling that strangers cannot turn against an owner', () => {
  it('an attacker failing from address A cannot lock the owner out at address B', async () => {
    const u = await makeUser(t.handle.db, ['office']);
    for (let i = 0; i < LOCK_AFTER + 3; i++) await login(u.username, 'Attacker-Guess-1', '10.66.0.1');
    // the attacker is stopped, even with the right password
    const attacker = await login(u.username, PASSWORD, '10.66.0.1');
    expect(attacker.statusCode).toBe(429);
    expect(attacker.json().error).toEqual({ code: 'LOGIN_LOCKED', message: '登录失败次数过多,请 15 分钟后再试' });
    // the owner is not
    const owner = await login(u.username, PASSWORD, '10.77.0.1');
    expect(owner.statusCode).toBe(200);
    expect(owner.json().username).toBe(u.username);
  });

  it('failures from many addresses slow a name down but never lock its owner out', async () => {
    const u = await makeUser(t.handle.db, ['office']);
    for (let i = 0; i < SLOW_AFTER + 2; i++) expect((await login(u.username, 'Spread-Guess-1', `10.88.${i}.1`)).statusCode).toBe(401);
    expect((await login(u.username, PASSWORD, '10.99.0.1')).statusCode).toBe(200);
  });

  it('the lock is audited on the account, with the address', async () => {
    const u = await makeUser(t.handle.db, ['office']);
    for (let i = 0; i < LOCK_AFTER; i++) await login(u.username, 'Wrong-Guess-2', '10.55.0.1');
    const rows = await t.handle.db.select().from(auditEvents).where(eq(auditEvents.entityId, String(u.id)));
    const actions = rows.filter((r) => r.entityType === 'user').map((r) => r.action);
    expect(actions.filter((a) => a === 'user.login_failed')).toHaveLength(LOCK_AFTER);
    expect(rows.find((r) => r.action === 'user.lock')?.after).toEqual({ address: '10.55.0.1', minutes: 15 });
  });
});

describe('unknown, known and locked names answer alike', () => {
  it('gives the same status and body for an unknown name, a wrong password, a disabled and a locked account', async () => {
    const known = await makeUser(t.handle.db, ['office']);
    const disabled = await makeUser(t.handle.db, ['office']);
    await t.handle.db.update(users).set({ disabled: true }).where(eq(users.id, disabled.id));
    const answer = (r: { statusCode: number; body: string }) => ({ status: r.statusCode, body: JSON.parse(r.body) });

    const fresh = '10.44.0.1';
    const unknown = answer(await login(`ghost_${known.username}`, 'Some-Guess-3', fresh));
    expect(unknown).toEqual({ status: 401, body: { error: { code: 'LOGIN_FAILED', message: '用户名或密码错误' } } });
    expect(answer(await login(known.username, 'Some-Guess-3', fresh))).toEqual(unknown);
    expect(answer(await login(disabled.username, 'Some-Guess-3', fresh))).toEqual(unknown);

    // lock the known name and an unknown name from one address: from there both answer the same refusal
    const attacker = '10.44.0.2';
    for (let i = 0; i < LOCK_AFTER; i++) {
      expect(answer(await login(known.username, 'Some-Guess-4', attacker))).toEqual(unknown);
      expect(answer(await login('nobody_by_this_name', 'Some-Guess-4', attacker))).toEqual(unknown);
    }
    const lockedKnown = answer(await login(known.username, 'Some-Guess-4', attacker));
    expect(lockedKnown.status).toBe(429);
    expect(answer(await login('nobody_by_this_name', 'Some-Guess-4', attacker))).toEqual(lockedKnown);
    // and a locked name looks like any other from a third address
    expect(answer(await login(known.username, 'Some-Guess-5', '10.44.0.3'))).toEqual(unknown);
  });
});

describe('password rule', () => {
  it('refuses common and weak passwords with stable codes, through the API', async () => {
    const admin = await new Client(t.app).login((await makeUser(t.handle.db, ['admin'])).username, PASSWORD);
    const add = (username: string, password: string) => admin.post('/api/users', { username, displayName: '规则测试', password, roles: ['office'] });
    const cases: [string, string][] = [
      ['password12', 'PASSWORD_TOO_COMMON'],
      ['Password123', 'PASSWORD_TOO_COMMON'],
      ['P@ssw0rd2026', 'PASSWORD_TOO_COMMON'],
      ['Admin@123456', 'PASSWORD_TOO_COMMON'],
      ['Chongqing@2026', 'PASSWORD_TOO_COMMON'],
      ['short1A!', 'PASSWORD_TOO_WEAK'],
      ['qmzvkwrtx7', 'PASSWORD_TOO_WEAK'], // 10 characters, two kinds
      ['aaaaaaaaaaaaaaaa', 'PASSWORD_TOO_WEAK'],
      ['Rule_tester-99x', 'PASSWORD_CONTAINS_USERNAME'],
    ];
    for (const [pw, code] of cases) {
      const res = await add('rule_tester', pw);
      expect(res.statusCode, pw).toBe(400);
      expect(res.json().error.code, pw).toBe(code);
    }
    expect((await add('rule_tester', 'Maple-Ridge-4417')).statusCode).toBe(200);
    expect((await add('rule_tester2', 'a long passphrase of words')).statusCode).toBe(200);
  });

  it('applies to every caller of addUser (the CLI too) except the demo seed, which names itself', async () => {
    const input = { username: 'cli_like', displayName: '命令行', password: 'luoshi2026', roles: ['office' as const] };
    await expect(addUser(t.handle.db, systemActor, input)).rejects.toMatchObject({ code: 'PASSWORD_TOO_COMMON' });
    await addUser(t.handle.db, systemActor, { ...input, username: 'demo_like' }, { internalDemoSeed: true });
    expect((await login('demo_like', 'luoshi2026', '10.33.0.1')).statusCode).toBe(200);
  });
});
