// The short server cache of plan-wide answers (server/http/answerCache.ts, issue #15): a change shows at once, a client
// holding the answer gets 304, compressed and plain answers are the same JSON, and the route table's check still runs
// first (another district never gets a cached answer).
import { afterEach, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { setClock } from '../../server/clock.js';
import { useTestApp } from '../helpers/app.js';
import { cachedValue } from '../../server/http/answerCache.js';
import { makeClient, makePlan, makeRunningPlan } from '../helpers/factories.js';

const t = useTestApp();
afterEach(() => setClock(null));

describe('answer cache', () => {
  it('answers from the cache until something changes, with an ETag and 304', async () => {
    setClock(() => new Date('2026-06-10T02:00:00Z'));
    const s = await makeRunningPlan(t.app, t.handle.db);
    const url = `/api/plans/${s.plan.id}/status`;
    const first = await s.office.client.get(url);
    expect(first.statusCode).toBe(200);
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^"a\d+-/);
    expect(first.headers['cache-control']).toBe('private, no-cache');
    const again = await s.office.client.get(url);
    expect(again.headers.etag).toBe(etag);
    expect(again.json()).toEqual(first.json());
    // a client that has it: 304, no body
    const not = await s.office.client.request({ method: 'GET', url, headers: { 'if-none-match': etag } });
    expect(not.statusCode).toBe(304);
    expect(not.body).toBe('');
    // the leader sees the same answer (it does not depend on who asks)
    expect((await s.leader.client.get(url)).json()).toEqual(first.json());

    // a report is accepted: the next answer has it, under another ETag
    const before = first.json().tasks.find((x: { taskId: number }) => x.taskId === s.task.id).status;
    const r = (await s.reporterA.client.post(`/api/tasks/${s.task.id}/reports`, { reportedStatus: '已完成', progress: 100, progressText: '已全部完成', submit: true })).json();
    expect((await s.office.client.post(`/api/reports/${r.id}/review`, { decision: 'accept' })).statusCode).toBe(200);
    const after = await s.office.client.request({ method: 'GET', url, headers: { 'if-none-match': etag } });
    expect(after.statusCode).toBe(200);
    expect(after.headers.etag).not.toBe(etag);
    const now = after.json().tasks.find((x: { taskId: number }) => x.taskId === s.task.id).status;
    expect(before.state).not.toBe('completed');
    expect(now).toMatchObject({ color: 'blue', state: 'completed' });
    // the dashboard and the ranking follow the same change
    expect((await s.office.client.get(`/api/plans/${s.plan.id}/dashboard/status`)).json().byChapter).toBeDefined();
    expect((await s.office.client.get(`/api/plans/${s.plan.id}/dashboard/ranking`)).statusCode).toBe(200);
  });

  it('sends the same JSON compressed with brotli or gzip, and plain', async () => {
    setClock(() => new Date('2026-06-10T02:00:00Z'));
    // a plan whose answer is large enough to be compressed (over 1 KB)
    const { plan } = await makePlan(t.handle.db, { periodStart: 2026, periodEnd: 2030, tasks: Array.from({ length: 30 }, (_, i) => ({ title: `推进第${i + 1}项重点工作` })) });
    const office = await makeClient(t.app, t.handle.db, ['office']);
    const s = { office };
    const url = `/api/plans/${plan.id}/status`;
    const plain = (await s.office.client.get(url)).json();
    expect(JSON.stringify(plain).length).toBeGreaterThan(1024);
    const br = await s.office.client.request({ method: 'GET', url, headers: { 'accept-encoding': 'gzip, br' } });
    expect(br.headers['content-encoding']).toBe('br');
    expect(JSON.parse(brotliDecompressSync(br.rawPayload).toString())).toEqual(plain);
    const gz = await s.office.client.request({ method: 'GET', url, headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(gz.rawPayload).toString())).toEqual(plain);
    expect(br.headers.vary).toMatch(/accept-encoding/);
  });

  it('never answers from the cache to someone who may not see the plan', async () => {
    setClock(() => new Date('2026-06-10T02:00:00Z'));
    const s = await makeRunningPlan(t.app, t.handle.db);
    const other = await makeClient(t.app, t.handle.db, ['office'], { region: '铜梁区' });
    for (const path of ['status', 'dashboard/status', 'dashboard/ranking', 'board']) {
      expect((await s.office.client.get(`/api/plans/${s.plan.id}/${path}`)).statusCode, path).toBe(200);
      const res = await other.client.get(`/api/plans/${s.plan.id}/${path}`);
      expect(res.statusCode, path).toBe(404);
      expect(res.body, path).not.toContain(s.task.title);
    }
    // a unit reporter may see the plan's status but not its ranking or board
    expect((await s.reporterA.client.get(`/api/plans/${s.plan.id}/dashboard/ranking`)).statusCode).toBe(403);
    expect((await s.reporterA.client.get(`/api/plans/${s.plan.id}/board`)).statusCode).toBe(403);
  });

  it('past its lifetime with nothing changed, sends the answer in hand while one request works out the next', async () => {
    const was = process.env.LUOSHI_ANSWER_CACHE_MS;
    process.env.LUOSHI_ANSWER_CACHE_MS = '300';
    try {
      let n = 0;
      let gate: Promise<void> = Promise.resolve();
      const compute = async () => {
        await gate;
        return ++n;
      };
      const key = `swr-${Math.random()}`;
      expect(await cachedValue(t.handle.db, key, compute)).toBe(1);
      await new Promise((r) => setTimeout(r, 350));
      // expired, same stamp: while the recomputation is held, every caller gets the old answer at once
      let release!: () => void;
      gate = new Promise<void>((r) => (release = r));
      const [a, b] = await Promise.all([cachedValue(t.handle.db, key, compute), cachedValue(t.handle.db, key, compute)]);
      expect([a, b]).toEqual([1, 1]);
      release();
      await expect.poll(() => n).toBe(2);
      expect(await cachedValue(t.handle.db, key, compute)).toBe(2);
      // a change (a new audit row) is never answered from the old entry
      gate = Promise.resolve();
      await t.handle.db.execute(sql`insert into audit_events (actor_name, action, entity_type, entity_id) values ('测试', 'test.swr', 'test', '0')`);
      expect(await cachedValue(t.handle.db, key, compute)).toBe(3);
    } finally {
      if (was === undefined) delete process.env.LUOSHI_ANSWER_CACHE_MS;
      else process.env.LUOSHI_ANSWER_CACHE_MS = was;
    }
  });
});
