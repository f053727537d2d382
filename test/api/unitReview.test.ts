// 单位负责人预审 and the plan-wide report list, through the HTTP stack: with the plan's setting on, a reporter's
// submission waits for a head of its own unit, who approves it on to the office or returns it with a reason;
// the office lists a plan's reports by period, state and unit, page by page, and each role sees only its scope.
import { afterEach, describe, expect, it } from 'vitest';
import { setClock } from '../../server/clock.js';
import { useTestApp } from '../helpers/app.js';
import { auditChecks } from '../helpers/audit.js';
import { makeClient, makeRunningPlan } from '../helpers/factories.js';

const t = useTestApp();
const { audited } = auditChecks(() => t.handle.db);
afterEach(() => setClock(null));

const at = (iso: string) => setClock(() => new Date(iso));
const report = (over: Record<string, unknown> = {}) => ({ reportedStatus: '推进中', progress: 25, progressText: '完成3个小区的改造设计', problems: '资金到位慢', nextSteps: '启动施工招标', submit: true, ...over });
type Item = { id: number; taskId: number; unitId: number; status: string; taskTitle: string; unitName: string; period: { key: string } };

describe('单位负责人预审', () => {
  it('a reporter\'s submission waits for its unit head, who returns it with a reason or approves it on to the office', async () => {
    const s = await makeRunningPlan(t.app, t.handle.db);
    at('2026-03-20T02:00:00Z');
    const units = s.units;
    expect((await s.office.client.get(`/api/plans/${s.plan.id}/reporting`)).json().settings.unitHeadReview).toBe(false);
    expect((await s.reporterA.client.patch(`/api/plans/${s.plan.id}/reporting`, { unitHeadReview: true })).statusCode).toBe(403);
    const on = await audited(['plan.settings'], () => s.office.client.patch(`/api/plans/${s.plan.id}/reporting`, { unitHeadReview: true }));
    expect(on.json().settings).toMatchObject({ unitHeadReview: true, supervision: { autoIssue: true } });

    const sub = await audited(['report.submit'], () => s.reporterA.client.post(`/api/tasks/${s.task.id}/reports`, report()));
    expect(sub.statusCode, sub.body).toBe(200);
    const r = sub.json();
    expect(r).toMatchObject({ status: 'unit_review', submissions: 0, returns: 0, late: false });
    const note = (await s.headA.client.get('/api/me/notifications')).json().items[0];
    expect(note).toMatchObject({ kind: 'report', title: '2026年3月进展报告待您审核', link: `/reports?plan=${s.plan.id}&tab=unit-review` });
    expect(note.body).toContain('推进老旧小区改造');

    // the office does not have it yet: nothing to review, the unit has not reported
    const board = (await s.office.client.get(`/api/plans/${s.plan.id}/board`)).json();
    expect(board.pendingReview).toBe(0);
    expect(board.units.find((u: { unitId: number }) => u.unitId === units.a.id)).toMatchObject({ unitReview: 1, submitted: 0, missing: 1 });
    expect((await s.office.client.post(`/api/reports/${r.id}/review`, { decision: 'accept' })).json().error.code).toBe('REPORT_NOT_EDITABLE');
    // frozen for the reporter while it waits
    expect((await s.reporterA.client.post(`/api/tasks/${s.task.id}/reports`, report())).json().error.code).toBe('REPORT_NOT_EDITABLE');

    // who may decide: a unit_head of that unit, nobody else
    expect((await s.reporterA.client.post(`/api/reports/${r.id}/unit-review`, { decision: 'approve' })).statusCode).toBe(403);
    expect((await s.office.client.post(`/api/reports/${r.id}/unit-review`, { decision: 'approve' })).statusCode).toBe(403);
    const headB = await makeClient(t.app, t.handle.db, ['unit_head'], { unitId: units.b.id }); // B cooperates: sees the task, is not its unit
    const refused = await headB.client.post(`/api/reports/${r.id}/unit-review`, { decision: 'approve' });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error).toMatchObject({ code: 'REPORT_NOT_UNIT_HEAD', message: '只有本单位负责人可以审核本单位的报告' });
    const headC = await makeClient(t.app, t.handle.db, ['unit_head'], { unitId: units.c.id }); // C does not even see the task
    expect((await headC.client.post(`/api/reports/${r.id}/unit-review`, { decision: 'approve' })).statusCode).toBe(404);

    // 待我审核
    const waiting = (await s.headA.client.get(`/api/plans/${s.plan.id}/reports?status=unit_review&unitId=${units.a.id}`)).json();
    expect(waiting).toMatchObject({ total: 1, items: [{ id: r.id, taskTitle: '推进老旧小区改造', unitName: units.a.name, status: 'unit_review' }] });

    expect((await s.headA.client.post(`/api/reports/${r.id}/unit-review`, { decision: 'return' })).json().error.code).toBe('REPORT_RETURN_REASON_REQUIRED');
    const ret = await audited(['report.unit_return'], () => s.headA.client.post(`/api/reports/${r.id}/unit-review`, { decision: 'return', reason: '请补充已开工小区名单' }));
    // an internal return is not one of the office's returns (a score input)
    expect(ret.json()).toMatchObject({ status: 'returned', returnReason: '请补充已开工小区名单', returns: 0, submissions: 0 });
    expect((await s.reporterA.client.get('/api/me/notifications')).json().items[0]).toMatchObject({ title: '2026年3月进展报告被单位负责人退回' });
    expect((await s.headA.client.post(`/api/reports/${r.id}/unit-review`, { decision: 'approve' })).json().error).toMatchObject({ code: 'REPORT_NOT_IN_UNIT_REVIEW', message: '该报告不在待单位负责人审核状态' });

    at('2026-03-24T02:00:00Z');
    expect((await audited(['report.resubmit'], () => s.reporterA.client.post(`/api/tasks/${s.task.id}/reports`, report({ progress: 30 })))).json()).toMatchObject({ status: 'unit_review' });
    // approved the day after the due date: it reached the office late, and that is what counts
    at('2026-03-26T02:00:00Z');
    const ok = await audited(['report.unit_approve'], () => s.headA.client.post(`/api/reports/${r.id}/unit-review`, { decision: 'approve' }));
    expect(ok.json()).toMatchObject({ status: 'submitted', returnReason: null, submissions: 1, late: true, submittedAt: '2026-03-26T02:00:00.000Z' });
    const board2 = (await s.office.client.get(`/api/plans/${s.plan.id}/board?period=2026-03`)).json();
    expect(board2.pendingReview).toBe(1);
    expect(board2.units.find((u: { unitId: number }) => u.unitId === units.a.id)).toMatchObject({ unitReview: 0, submitted: 1, missing: 0 });
    await audited(['report.accept', 'task.progress'], () => s.office.client.post(`/api/reports/${r.id}/review`, { decision: 'accept' }));
    const history = (await s.office.client.get(`/api/audit?entityType=report&entityId=${r.id}`)).json().items.map((e: { action: string }) => e.action);
    expect(history).toEqual(['report.submit', 'report.unit_return', 'report.resubmit', 'report.unit_approve', 'report.accept']);

    // a head's own submission goes straight to the office
    at('2026-04-20T02:00:00Z');
    expect((await s.headA.client.post(`/api/tasks/${s.task.id}/reports`, report({ progress: 40 }))).json()).toMatchObject({ status: 'submitted', submissions: 1, period: { key: '2026-04' } });
  });

  it('approval needs the period open; with the setting off a reporter submits straight to the office', async () => {
    const s = await makeRunningPlan(t.app, t.handle.db, { settings: { unitHeadReview: true } });
    at('2026-05-20T02:00:00Z');
    const r = (await s.reporterA.client.post(`/api/tasks/${s.task.id}/reports`, report())).json();
    expect(r.status).toBe('unit_review');
    await s.office.client.post(`/api/plans/${s.plan.id}/periods/2026-05/lock`);
    expect((await s.headA.client.post(`/api/reports/${r.id}/unit-review`, { decision: 'approve' })).json().error.code).toBe('REPORT_PERIOD_LOCKED');
    await s.office.client.post(`/api/plans/${s.plan.id}/periods/2026-05/unlock`);
    // turning the setting off does not strand what is waiting: the head still decides on it
    await audited(['plan.settings'], () => s.office.client.patch(`/api/plans/${s.plan.id}/reporting`, { unitHeadReview: false }));
    expect((await s.headA.client.post(`/api/reports/${r.id}/unit-review`, { decision: 'approve' })).json().status).toBe('submitted');
    expect((await s.reporterC.client.post(`/api/tasks/${s.otherTask.id}/reports`, report())).json()).toMatchObject({ status: 'submitted', submissions: 1 });
  });
});

describe('plan-wide report list', () => {
  it('filters by period, state and unit, pages, and shows each role only its scope', async () => {
    const s = await makeRunningPlan(t.app, t.handle.db);
    at('2026-03-20T02:00:00Z');
    const a3 = (await s.reporterA.client.post(`/api/tasks/${s.task.id}/reports`, report())).json();
    const c3 = (await s.reporterC.client.post(`/api/tasks/${s.otherTask.id}/reports`, report())).json();
    await s.office.client.post(`/api/reports/${c3.id}/review`, { decision: 'accept' });
    at('2026-04-20T02:00:00Z');
    const a4 = (await s.reporterA.client.post(`/api/tasks/${s.task.id}/reports`, report({ submit: false }))).json();
    const url = (q = '') => `/api/plans/${s.plan.id}/reports${q}`;
    const ids = (res: { json(): { items: Item[] } }) => res.json().items.map((i) => i.id);

    const all = await s.office.client.get(url());
    expect(all.statusCode, all.body).toBe(200);
    expect(all.json()).toMatchObject({ total: 3, page: 1, pageSize: 20 });
    // newest period first, then by unit
    expect(ids(all)).toEqual([a4.id, a3.id, c3.id]);
    expect(all.json().items[0]).toMatchObject({ taskId: s.task.id, taskTitle: '推进老旧小区改造', unitName: s.units.a.name, status: 'draft', period: { key: '2026-04' } });
    expect(ids(await s.office.client.get(url('?period=2026-03')))).toEqual([a3.id, c3.id]);
    expect(ids(await s.office.client.get(url('?status=accepted')))).toEqual([c3.id]);
    expect(ids(await s.office.client.get(url(`?unitId=${s.units.a.id}`)))).toEqual([a4.id, a3.id]);
    expect((await s.office.client.get(url(`?period=2026-03&unitId=${s.units.a.id}&status=submitted`))).json()).toMatchObject({ total: 1, items: [{ id: a3.id, status: 'submitted' }] });
    expect((await s.office.client.get(url('?period=2026-05'))).json()).toMatchObject({ total: 0, items: [] });
    const page2 = (await s.office.client.get(url('?pageSize=2&page=2'))).json();
    expect(page2).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(page2.items.map((i: Item) => i.id)).toEqual([c3.id]);
    expect((await s.office.client.get(url('?status=late'))).json().error.code).toBe('VALIDATION_FAILED');
    expect((await s.office.client.get(url('?pageSize=1000'))).statusCode).toBe(400);

    // scope: a unit sees the reports of the tasks it holds a role in; the leader the plan's; another region nothing
    expect(ids(await s.reporterC.client.get(url()))).toEqual([c3.id]);
    expect(ids(await s.reporterB.client.get(url()))).toEqual([a4.id, a3.id]); // B cooperates on A's task
    expect(ids(await s.reporterC.client.get(url(`?unitId=${s.units.a.id}`)))).toEqual([]);
    expect((await s.leader.client.get(url())).json().total).toBe(3);
    const elsewhere = await makeClient(t.app, t.handle.db, ['office'], { region: '铜梁区' });
    expect((await elsewhere.client.get(url())).statusCode).toBe(404);
  });
});
