// Issue #10, finding 8: concurrent edits no longer overwrite each other silently. A save names the version it
// was made from; a stale one changes nothing, writes no audit row, and gets 409 with the current version.
import { afterAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { setClock } from '../../server/clock.js';
import { useTestApp } from '../helpers/app.js';
import { makeRunningPlan } from '../helpers/factories.js';

const t = useTestApp();
afterAll(() => setClock(null));
const audits = async () => Number(((await t.handle.db.execute(sql`select count(*)::int as n from audit_events`)) as unknown as { rows: { n: number }[] }).rows[0].n);

describe('optimistic concurrency', () => {
  it('a report draft edited by the reporter and the unit head at once: the second save from the old version is refused', async () => {
    setClock(() => new Date('2026-03-20T02:00:00Z'));
    const s = await makeRunningPlan(t.app, t.handle.db);
    const body = { period: '2026-03', reportedStatus: '推进中', progress: 20, progressText: '设计完成', submit: false };
    const first = await s.reporterA.client.post(`/api/tasks/${s.task.id}/reports`, body);
    expect(first.statusCode, first.body).toBe(200);
    const v1 = first.json().version;
    // both opened version v1; the head saves first
    const head = await s.headA.client.post(`/api/tasks/${s.task.id}/reports`, { ...body, progress: 40, progressText: '负责人修改', version: v1 });
    expect(head.statusCode, head.body).toBe(200);
    expect(head.json().version).toBe(v1 + 1);
    const before = await audits();
    const stale = await s.reporterA.client.post(`/api/tasks/${s.task.id}/reports`, { ...body, progress: 25, version: v1 });
    expect(stale.statusCode, stale.body).toBe(409);
    expect(stale.json().error).toMatchObject({ code: 'CONFLICT', details: { currentVersion: v1 + 1 } });
    expect(await audits()).toBe(before);
    const now = (await s.reporterA.client.get(`/api/tasks/${s.task.id}/reports`)).json().items[0];
    expect(now).toMatchObject({ progress: 40, progressText: '负责人修改', version: v1 + 1 });
  });

  it('a task saved from an older version is refused and left as it was', async () => {
    const s = await makeRunningPlan(t.app, t.handle.db);
    const task = (await s.office.client.get(`/api/tasks/${s.task.id}`)).json();
    const ok = await s.office.client.patch(`/api/tasks/${s.task.id}`, { standard: '按时完成', version: task.version });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().version).toBe(task.version + 1);
    const before = await audits();
    const stale = await s.office.client.patch(`/api/tasks/${s.task.id}`, { standard: '旧的标准', version: task.version });
    expect(stale.statusCode, stale.body).toBe(409);
    expect(stale.json().error.details.currentVersion).toBe(task.version + 1);
    expect(await audits()).toBe(before);
    expect((await s.office.client.get(`/api/tasks/${s.task.id}`)).json().standard).toBe('按时完成');
  });

  it('a plan saved from an older version is refused and left as it was', async () => {
    const s = await makeRunningPlan(t.app, t.handle.db);
    const plan = (await s.office.client.get(`/api/plans/${s.plan.id}`)).json();
    const ok = await s.office.client.patch(`/api/plans/${s.plan.id}`, { title: '新的规划标题', version: plan.version });
    expect(ok.statusCode, ok.body).toBe(200);
    const before = await audits();
    const stale = await s.office.client.patch(`/api/plans/${s.plan.id}`, { title: '旧的规划标题', version: plan.version });
    expect(stale.statusCode, stale.body).toBe(409);
    expect(stale.json().error).toMatchObject({ code: 'CONFLICT', details: { currentVersion: plan.version + 1 } });
    expect(await audits()).toBe(before);
    expect((await s.office.client.get(`/api/plans/${s.plan.id}`)).json()).toMatchObject({ title: '新的规划标题', version: plan.version + 1 });
  });
});
