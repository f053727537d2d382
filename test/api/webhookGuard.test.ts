// Webhook URLs are http(s) only and never reach loopback, link-local (the cloud metadata service), private or
// unspecified addresses — written in the URL or reached through a host name — unless LUOSHI_WEBHOOK_ALLOW names
// them: checked when the office sets the URL and again at each delivery (issue #10, server-side request forgery).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { deliveries, plans } from '../../server/db/schema/index.js';
import { deliverPending } from '../../server/jobs/deliver.js';
import { addressProblem, allowList, assertWebhookUrlAllowed, checkWebhookTarget, guardedLookup, isRefusedAddress } from '../../server/delivery/webhookGuard.js';
import { useTestApp } from '../helpers/app.js';
import { makeClient, makePlan } from '../helpers/factories.js';

const t = useTestApp();
const ALLOW = 'LUOSHI_WEBHOOK_ALLOW';
afterEach(() => {
  delete process.env[ALLOW];
});

/** A robot on 127.0.0.1 that counts what reaches it. */
let robot: { url: string; hits: number; close(): Promise<void> };
beforeAll(async () => {
  const state = { hits: 0 };
  const server = http.createServer((req, res) => {
    state.hits++;
    req.resume();
    req.on('end', () => res.writeHead(200, { 'content-type': 'application/json' }).end('{"errcode":0}'));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  robot = Object.assign(state, { url: `http://127.0.0.1:${port}/robot/send?access_token=t`, close: () => new Promise<void>((r) => server.close(() => r())) });
});
afterAll(() => robot.close());

const refusedUrls = [
  'http://169.254.169.254/latest/meta-data/',
  'http://127.0.0.1:8080/robot',
  'http://127.1/',
  'http://2130706433/',
  'http://0x7f000001/',
  'http://0.0.0.0/',
  'http://10.1.2.3/',
  'http://172.16.5.4/',
  'http://192.168.1.1/',
  'http://100.64.0.1/',
  'http://[::1]/',
  'http://[::]/',
  'http://[fe80::1]/',
  'http://[fd00::1]/',
  'http://[::ffff:169.254.169.254]/',
  'http://[::ffff:7f00:1]/',
  'http://[64:ff9b::a9fe:a9fe]/',
  'http://[2002:a9fe:a9fe::1]/',
  'http://localhost:3000/',
  'http://robot.localhost/',
];

describe('setting a plan webhook', () => {
  it('accepts only http(s) URLs (the contract)', async () => {
    const { client: office } = await makeClient(t.app, t.handle.db, ['office']);
    const { plan } = await makePlan(t.handle.db);
    for (const url of ['javascript:alert(1)', 'file:///etc/passwd', 'ftp://example.com/x', 'gopher://example.com:70/', 'data:text/plain,hi', 'not a url']) {
      const res = await office.patch(`/api/plans/${plan.id}/reporting`, { reminders: { webhookUrl: url } });
      expect(res.statusCode, `${url}: ${res.body}`).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION_FAILED');
    }
  });

  it('refuses loopback, link-local, private and unspecified addresses with WEBHOOK_URL_NOT_ALLOWED, and stores nothing', async () => {
    const { client: office } = await makeClient(t.app, t.handle.db, ['office']);
    const { plan } = await makePlan(t.handle.db);
    for (const url of refusedUrls) {
      const res = await office.patch(`/api/plans/${plan.id}/reporting`, { reminders: { webhookUrl: url } });
      expect(res.statusCode, `${url}: ${res.body}`).toBe(400);
      expect(res.json().error.code, url).toBe('WEBHOOK_URL_NOT_ALLOWED');
      expect(res.json().error.message).toMatch(/LUOSHI_WEBHOOK_ALLOW/);
    }
    const [row] = await t.handle.db.select().from(plans).where(eq(plans.id, plan.id));
    expect(JSON.stringify(row.settings)).not.toMatch(/169\.254|127\.0|localhost/);
    // an outside robot is fine (a name that does not resolve from here is checked again at delivery)
    const ok = await office.patch(`/api/plans/${plan.id}/reporting`, { reminders: { webhookUrl: 'https://oapi.dingtalk.com/robot/send?access_token=abc' } });
    expect(ok.statusCode, ok.body).toBe(200);
    expect((await office.patch(`/api/plans/${plan.id}/reporting`, { reminders: { webhookUrl: null } })).statusCode).toBe(200);
  });

  it('accepts an inner address the administrator names in LUOSHI_WEBHOOK_ALLOW (host, address or range), and only those', async () => {
    const { client: office } = await makeClient(t.app, t.handle.db, ['office']);
    const { plan } = await makePlan(t.handle.db);
    process.env[ALLOW] = 'robot.intra, 10.1.2.3, 192.168.0.0/16, *.gov.intra';
    for (const url of ['http://robot.intra/send', 'http://10.1.2.3:8080/', 'http://192.168.77.1/', 'https://im.gov.intra/hook'])
      expect((await office.patch(`/api/plans/${plan.id}/reporting`, { reminders: { webhookUrl: url } })).statusCode, url).toBe(200);
    for (const url of ['http://10.1.2.4/', 'http://169.254.169.254/', 'http://127.0.0.1/', 'javascript:alert(1)']) {
      const res = await office.patch(`/api/plans/${plan.id}/reporting`, { reminders: { webhookUrl: url } });
      expect(res.statusCode, url).toBe(400);
    }
  });

  it('refuses a host name that resolves to a refused address', async () => {
    const resolvesTo = (address: string) => async () => [{ address, family: address.includes(':') ? 6 : 4 }];
    await expect(assertWebhookUrlAllowed('http://metadata.evil.example/', { lookup: resolvesTo('169.254.169.254') })).rejects.toMatchObject({ code: 'WEBHOOK_URL_NOT_ALLOWED' });
    await expect(assertWebhookUrlAllowed('http://inner.evil.example/', { lookup: resolvesTo('fd12::1') })).rejects.toMatchObject({ code: 'WEBHOOK_URL_NOT_ALLOWED' });
    await expect(assertWebhookUrlAllowed('https://robot.example/', { lookup: resolvesTo('203.119.129.1') })).resolves.toBeUndefined();
    process.env[ALLOW] = 'inner.evil.example';
    await expect(assertWebhookUrlAllowed('http://inner.evil.example/', { lookup: resolvesTo('fd12::1') })).resolves.toBeUndefined();
  });
});

describe('the address rules', () => {
  it('knows the refused ranges in IPv4 and IPv6, including IPv4 inside IPv6', () => {
    for (const a of ['127.0.0.1', '10.0.0.1', '172.31.255.255', '192.168.0.1', '169.254.169.254', '0.0.0.0', '100.100.100.200', '224.0.0.1', '255.255.255.255', '::1', '::', 'fe80::1%eth0', 'fc00::1', 'fd00:ec2::254', '::ffff:10.0.0.1', '::ffff:a9fe:a9fe', '::127.0.0.1', '64:ff9b::7f00:1', '2002:7f00:1::', '2001::1', 'ff02::1', 'nonsense'])
      expect(isRefusedAddress(a), a).toBe(true);
    for (const a of ['8.8.8.8', '203.119.129.1', '172.32.0.1', '2400:3200::1', '2001:4860:4860::8888', '::ffff:8.8.8.8']) expect(isRefusedAddress(a), a).toBe(false);
    expect(addressProblem('10.1.2.3', allowList('10.0.0.0/8'))).toBeNull();
    expect(addressProblem('::ffff:10.1.2.3', allowList('10.0.0.0/8'))).toBeNull();
    expect(addressProblem('fd00::5', allowList('fd00::/8'))).toBeNull();
    expect(addressProblem('10.1.2.3', allowList('10.1.2.4'))).toMatch(/内网/);
    expect(() => checkWebhookTarget('file:///etc/passwd')).toThrow(/http/);
  });

  it('checks every address a name resolves to on the connection itself (no DNS rebinding)', async () => {
    const fakeResolve = ((_h: string, _o: unknown, cb: (e: null, a: { address: string; family: number }[]) => void) =>
      cb(null, [{ address: '93.184.216.34', family: 4 }, { address: '127.0.0.1', family: 4 }])) as never;
    const lookup = guardedLookup(allowList(''), fakeResolve);
    const err = await new Promise((resolve) => lookup('rebind.example', { all: true }, (e) => resolve(e)));
    expect(err).toMatchObject({ name: 'WebhookRefusedError' });
    const okResolve = ((_h: string, _o: unknown, cb: (e: null, a: { address: string; family: number }[]) => void) => cb(null, [{ address: '93.184.216.34', family: 4 }])) as never;
    const ok = await new Promise((resolve) => guardedLookup(allowList(''), okResolve)('robot.example', {}, (e, address) => resolve([e, address])));
    expect(ok).toEqual([null, '93.184.216.34']);
  });
});

describe('delivering a webhook', () => {
  const queue = async (target: string) => {
    const [row] = await t.handle.db.insert(deliveries).values({ channel: 'webhook', target, subject: '测试', body: '测试内容', nextAttemptAt: new Date('2026-01-01T00:00:00Z') }).returning();
    return row.id;
  };
  const state = async (id: number) => (await t.handle.db.select().from(deliveries).where(eq(deliveries.id, id)))[0];

  it('refuses a stored inner address at delivery (LUOSHI_WEBHOOK_URL or a URL stored before the rule), once, without calling it', async () => {
    const ids = [await queue(robot.url), await queue('http://169.254.169.254/latest/meta-data/'), await queue('file:///etc/passwd'), await queue(robot.url.replace('127.0.0.1', 'localhost'))];
    const before = robot.hits;
    await deliverPending(t.handle.db, new Date('2026-01-01T00:00:01Z'));
    expect(robot.hits).toBe(before);
    for (const id of ids) {
      const d = await state(id);
      expect(d, String(id)).toMatchObject({ status: 'failed', attempts: 1 });
      expect(d.lastError).toMatch(/拒绝/);
    }
  });

  it('delivers to an inner address the allow-list names', async () => {
    process.env[ALLOW] = '127.0.0.1';
    const id = await queue(robot.url);
    const before = robot.hits;
    await deliverPending(t.handle.db, new Date('2026-01-01T00:00:02Z'));
    expect(robot.hits).toBe(before + 1);
    expect(await state(id)).toMatchObject({ status: 'sent', attempts: 1, lastError: null });
  });
});
