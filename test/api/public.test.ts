// The public page API: published plans only, no login, and nothing internal in any response —
// walked key by key and value by value.
import { afterEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { indicatorValues, plans, users } from '../../server/db/schema/index.js';
import { setClock } from '../../server/clock.js';
import { useTestApp } from '../helpers/app.js';
import { makeIndicator, makeRunningPlan } from '../helpers/factories.js';

const t = useTestApp();
afterEach(() => setClock(null));

const at = (iso: string) => setClock(() => new Date(iso));
const anon = (url: string) => t.app.inject({ method: 'GET', url });

/** Every key and every string value anywhere in a JSON value. */
function walk(v: unknown, keys: Set<string>, strings: string[]): void {
  if (Array.isArray(v)) v.forEach((x) => walk(x, keys, strings));
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) { keys.add(k); walk(x, keys, strings); }
  else if (typeof v === 'string') strings.push(v);
}

const internalKeys = ['returnReason', 'createdBy', 'updatedBy', 'submittedBy', 'reviewedBy', 'actorName', 'actorUserId', 'displayName', 'username', 'email', 'userId', 'notes', 'problems', 'nextSteps', 'progressText', 'assignee', 'feedback', 'requirement', 'reason', 'settings', 'warnings', 'documentId', 'unitId'];

describe('public plan pages', () => {
  it('shows published plans only, without login, and leaks nothing internal', async () => {
    const s = await makeRunningPlan(t.app, t.handle.db, { emails: true });
    const db = t.handle.db;
    await db.update(plans).set({ notes: [{ code: 'NOTE', text: '内部备注:资金缺口待协调', start: 0, end: 1 }] }).where(eq(plans.id, s.plan.id));
    const ind = await makeIndicator(db, s.plan.id, { name: '城镇污水处理率', note: '统计口径待核实(内部)', owners: [{ unitId: s.units.a.id, share: null }] });
    await db.insert(indicatorValues).values({ indicatorId: ind.id, date: '2026-03-31', value: 52, createdBy: s.reporterA.user.id });
    at('2026-03-20T02:00:00Z');
    const report = { period: '2026-03', reportedStatus: '推进中', progress: 30, progressText: '内部进展:已约谈施工单位', problems: '内部问题:拆迁补偿争议', nextSteps: '内部打算:提请区政府常务会', submit: true };
    const r = (await s.reporterA.client.post(`/api/tasks/${s.task.id}/reports`, report)).json();
    await s.office.client.post(`/api/reports/${r.id}/review`, { decision: 'return', reason: '退回理由:进展描述不实' });
    await s.reporterA.client.post(`/api/tasks/${s.task.id}/reports`, report);
    await s.office.client.post(`/api/reports/${r.id}/review`, { decision: 'accept' });
    await s.office.client.post(`/api/plans/${s.plan.id}/notices`, { unitId: s.units.c.id, title: '督办:平台建设滞后', requirement: '内部要求:三日内说明原因', responseDeadline: '2026-03-31' });
    const sub = await s.headA.client.post(`/api/tasks/${s.task.id}/subtasks`, { title: '红旗小区改造', assignee: '张三丰', targetText: '6月底完工', deadline: '2026-06', standard: '竣工验收合格' });
    expect(sub.statusCode, sub.body).toBe(200);
    at('2026-04-10T02:00:00Z');

    // unpublished: not listed, and 404 as if it did not exist
    expect((await anon('/api/public/plans')).json().items.some((p: { id: number }) => p.id === s.plan.id)).toBe(false);
    const hidden = await anon(`/api/public/plans/${s.plan.id}`);
    expect(hidden.statusCode).toBe(404);
    expect(hidden.json().error.code).toBe('NOT_FOUND');
    expect((await anon('/api/public/plans/999999')).statusCode).toBe(404);

    const preview = await s.office.client.get(`/api/plans/${s.plan.id}/public-preview`);
    expect(preview.statusCode, preview.body).toBe(200);
    expect((await s.office.client.post(`/api/plans/${s.plan.id}/publish`, { publish: true, fingerprint: preview.json().fingerprint })).statusCode).toBe(200);
    const list = await anon('/api/public/plans');
    expect(list.statusCode).toBe(200);
    // progress is the weighted mean over tasks that have reported (one task at 30 %), on the list and the page alike
    expect(list.json().items.find((p: { id: number }) => p.id === s.plan.id)).toMatchObject({ title: s.plan.title, taskCount: 2, progress: 30 });
    const page = await anon(`/api/public/plans/${s.plan.id}`);
    expect(page.statusCode, page.body).toBe(200);
    const body = page.json();
    expect(body.progress).toBe(30);
    expect(body.tasks.map((x: { title: string }) => x.title)).toEqual(['推进老旧小区改造', '建设智慧城管平台']); // no sub-task
    expect(body.tasks[0]).toMatchObject({ leadUnits: [s.units.a.name], progress: 30, label: '正常推进', color: 'green' });
    expect(body.indicators[0]).toMatchObject({ name: '城镇污水处理率', latest: 52, baseline: '50', target: '60' });
    expect(body.indicators[0].points[1]).toEqual({ year: 2026, expected: 52, actual: 52 });
    expect(body.counts).toMatchObject({ green: 1 });

    const people = await db.select().from(users);
    for (const res of [list, page]) {
      const keys = new Set<string>();
      const strings: string[] = [];
      walk(res.json(), keys, strings);
      for (const k of internalKeys) expect(keys.has(k), `key ${k}`).toBe(false);
      const all = strings.join('\n');
      for (const secret of ['内部', '退回理由', '张三丰', '红旗小区改造', '统计口径', ...people.map((u) => u.displayName), ...people.map((u) => u.username), ...people.flatMap((u) => (u.email ? [u.email] : []))])
        expect(all.includes(secret), `value ${secret}`).toBe(false);
    }
  });
});
