// Running a plan through the HTTP stack: report → return with a reason → resubmit → accept → status
// recomputed; validation at entry; attachments; period locks; unit scoping; sub-tasks; indicator splits.
import { afterEach, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { indicatorValues } from '../../server/db/schema/index.js';
import { setClock } from '../../server/clock.js';
import { useTestApp } from '../helpers/app.js';
import { auditChecks } from '../helpers/audit.js';
import { makeIndicator, makeRunningPlan } from '../helpers/factories.js';

const t = useTestApp();
const { lastAudit, audited } = auditChecks(() => t.handle.db);
afterEach(() => setClock(null));

const at = (iso: string) => setClock(() => new Date(iso));
const report = (over: Record<string, unknown> = {}) => ({ reportedStatus: '推进中', progress: 25, progressText: '完成3个小区的改造设计', problems: '资金到位慢', nextSteps: '启动施工招标', submit: true, ...over });

describe('report → return → resubmit → accept', () => {
  it('moves through the states, and the task status follows the accepted report and the calendar', async () => {
    const s = await makeRunningPlan(t.app, t.handle.db);
    at('2026-03-20T02:00:00Z'); // Friday, before the 25th
    const before = (await s.reporterA.client.get(`/api/tasks/${s.task.id}`)).json();
    expect(before.status).toMatchObject({ color: 'grey', state: 'not_reported', periodKey: '2026-02' });
    expect(before.status.reason).toMatch(/本报送期未报送/);

    const sub = await audited(['report.submit'], () => s.reporterA.client.post(`/api/tasks/${s.task.id}/reports`, report()));
    expect(sub.statusCode, sub.body).toBe(200);
    const r = sub.json();
    expect(r).toMatchObject({ status: 'submitted', period: { key: '2026-03', dueDate: '2026-03-25' }, late: false, submissions: 1, warnings: [] });

    const board = (await s.office.client.get(`/api/plans/${s.plan.id}/board`)).json();
    expect(board.period.key).toBe('2026-03');
    expect(board.pendingReview).toBe(1);
    expect(board.units.find((u: { unitId: number }) => u.unitId === s.units.a.id)).toMatchObject({ submitted: 1, missing: 0, late: false });
    expect(board.units.find((u: { unitId: number }) => u.unitId === s.units.c.id)).toMatchObject({ missing: 1, late: false });

    const noReason = await s.office.client.post(`/api/reports/${r.id}/review`, { decision: 'return' });
    expect(noReason.json().error.code).toBe('REPORT_RETURN_REASON_REQUIRED');
    const returned = await audited(['report.return'], () => s.office.client.post(`/api/reports/${r.id}/review`, { decision: 'return', reason: '进展情况过于笼统,请补充已开工小区名单' }));
    expect(returned.json()).toMatchObject({ status: 'returned', returnReason: '进展情况过于笼统,请补充已开工小区名单', returns: 1 });
    const inbox = (await s.reporterA.client.get('/api/me/notifications')).json();
    expect(inbox.items[0]).toMatchObject({ kind: 'report', title: '2026年3月进展报告被退回' });
    // a returned report cannot be accepted until it is submitted again
    expect((await s.office.client.post(`/api/reports/${r.id}/review`, { decision: 'accept' })).json().error.code).toBe('REPORT_NOT_EDITABLE');

    at('2026-03-24T02:00:00Z');
    const again = await audited(['report.resubmit'], () => s.reporterA.client.post(`/api/tasks/${s.task.id}/reports`, report({ progress: 30, progressText: '已开工:红旗小区、桂山小区、萱花小区' })));
    expect(again.json()).toMatchObject({ id: r.id, status: 'submitted', submissions: 2, progress: 30 });
    // submitted reports are frozen for the unit
    expect((await s.reporterA.client.post(`/api/tasks/${s.task.id}/reports`, report())).json().error.code).toBe('REPORT_NOT_EDITABLE');

    const accepted = await audited(['report.accept', 'task.progress'], () => s.office.client.post(`/api/reports/${r.id}/review`, { decision: 'accept' }));
    expect(accepted.json().status).toBe('accepted');
    const task = (await s.office.client.get(`/api/tasks/${s.task.id}`)).json();
    expect(task).toMatchObject({ progress: 30, reportedStatus: '推进中' });
    // 2026-01-01..2026-12-31 at 03-24: 83/365 = 22.7% pace, 30% done
    expect(task.status).toMatchObject({ color: 'green', state: 'on_track', pace: 22.7, gap: -7.3 });
    expect(task.status.reason).toBe('序时进度22.7%,实际进度30%,快于序时进度7.3个百分点');

    // after the April due date (25 April 2026 is a Saturday → Friday the 24th) with no April report: 未报送 again
    at('2026-04-27T02:00:00Z');
    const later = (await s.office.client.get(`/api/plans/${s.plan.id}/tasks`)).json().items.find((x: { id: number }) => x.id === s.task.id);
    expect(later.status).toMatchObject({ color: 'grey', state: 'not_reported', periodKey: '2026-04' });
    const status = (await s.leader.client.get(`/api/plans/${s.plan.id}/status`)).json();
    expect(status.period).toMatchObject({ key: '2026-04', dueDate: '2026-04-24', nominalDueDate: '2026-04-25' });
    expect(status.plan).toMatchObject({ taskCount: 2, progress: 30, counts: { grey: 2 } });
    const history = (await s.office.client.get(`/api/audit?entityType=report&entityId=${r.id}`)).json().items.map((e: { action: string }) => e.action);
    expect(history).toEqual(['report.submit', 'report.return', 'report.resubmit', 'report.accept']);
  });

  it('a cooperating unit adds its part; it cannot report for the lead', async () => {
    const s = await makeRunningPlan(t.app, t.handle.db);
    at('2026-03-20T02:00:00Z');
    expect((await s.reporterB.client.post(`/api/tasks/${s.task.id}/reports`, report())).json().error.code).toBe('REPORT_NOT_LEAD_UNIT');
    const c = await audited(['report.contribute'], () => s.reporterB.client.post(`/api/tasks/${s.task.id}/contributions`, { text: '已完成3个小区的管网勘察' }));
    expect(c.statusCode, c.body).toBe(200);
    expect((await s.reporterA.client.post(`/api/tasks/${s.task.id}/contributions`, { text: '牵头单位不走这里' })).json().error.code).toBe('REPORT_NOT_CONTRIBUTOR');
    const list = (await s.reporterA.client.get(`/api/tasks/${s.task.id}/reports`)).json();
    expect(list.contributions).toMatchObject([{ unitId: s.units.b.id, periodKey: '2026-03', text: '已完成3个小区的管网勘察' }]);
  });

  it('a unit neither sees nor reports on another unit\'s task', async () => {
    const s = await makeRunningPlan(t.app, t.handle.db);
    at('2026-03-20T02:00:00Z');
    expect((await s.reporterA.client.get(`/api/tasks/${s.otherTask.id}`)).statusCode).toBe(404);
    expect((await s.reporterA.client.post(`/api/tasks/${s.otherTask.id}/reports`, report())).statusCode).toBe(404);
    expect((await s.reporterA.client.get(`/api/tasks/${s.otherTask.id}/reports`)).statusCode).toBe(404);
    expect((await s.reporterA.client.post(`/api/tasks/${s.otherTask.id}/contributions`, { text: '越权' })).statusCode).toBe(404);
    const rc = (await s.reporterC.client.post(`/api/tasks/${s.otherTask.id}/reports`, report())).json();
    expect((await s.reporterA.client.get(`/api/reports/${rc.id}`)).statusCode).toBe(404);
    expect((await s.reporterB.client.post(`/api/reports/${rc.id}/review`, { decision: 'accept' })).statusCode).toBe(403);
  });
});

describe('status thresholds', () => {
  it('colours a lagging task by the plan\'s thresholds, explains why, and rolls it up', async () => {
    const s = await makeRunningPlan(t.app, t.handle.db);
    at('2026-06-20T02:00:00Z');
    const r = (await s.reporterA.client.post(`/api/tasks/${s.task.id}/reports`, report({ progress: 30 }))).json();
    await s.office.client.post(`/api/reports/${r.id}/review`, { decision: 'accept' });
    // 171/365 = 46.8% pace, 30% done: 16.8 points behind → yellow under the default 10/30
    const yellow = (await s.office.client.get(`/api/tasks/${s.task.id}`)).json().status;
    expect(yellow).toMatchObject({ color: 'yellow', state: 'behind', label: '滞后', pace: 46.8, gap: 16.8, reason: '序时进度46.8%,实际进度30%,落后16.8个百分点' });
    await s.office.client.patch(`/api/plans/${s.plan.id}/reporting`, { taskThresholds: { redGap: 15 } });
    const red = (await s.office.client.get(`/api/tasks/${s.task.id}`)).json().status;
    expect(red).toMatchObject({ color: 'red', state: 'seriously_behind', label: '严重滞后' });
    const board = (await s.office.client.get(`/api/plans/${s.plan.id}/board`)).json();
    expect(board.red).toEqual([{ taskId: s.task.id, title: '推进老旧小区改造', reason: red.reason }]);
    const st = (await s.leader.client.get(`/api/plans/${s.plan.id}/status`)).json();
    expect(st.plan).toMatchObject({ taskCount: 2, progress: 30, counts: { red: 1, grey: 1 } });
  });
});

describe('validation at entry', () => {
  it('refuses text in number fields and flags 已完成 below 100% and progress going backwards', async () => {
    const s = await makeRunningPlan(t.app, t.handle.db);
    at('2026-03-20T02:00:00Z');
    const text = await s.reporterA.client.post(`/api/tasks/${s.task.id}/reports`, report({ progress: '见附件' }));
    expect(text.statusCode).toBe(400);
    expect(text.json().error).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ path: ['progress'] }] });
    expect((await s.reporterA.client.post(`/api/tasks/${s.task.id}/reports`, report({ progress: 120 }))).json().error.code).toBe('VALIDATION_FAILED');
    expect((await s.reporterA.client.post(`/api/tasks/${s.task.id}/reports`, report({ reportedStatus: '差不多了' }))).json().error.code).toBe('VALIDATION_FAILED');

    const done = (await s.reporterA.client.post(`/api/tasks/${s.task.id}/reports`, report({ reportedStatus: '已完成', progress: 80, submit: false }))).json();
    expect(done).toMatchObject({ status: 'draft', warnings: [{ code: 'completed_below_100' }] });
    expect(done.warnings[0].message).toBe('状态为"已完成",但进度为80%,请核实');
    const sub = (await s.reporterA.client.post(`/api/tasks/${s.task.id}/reports`, report({ progress: 40 }))).json();
    await s.office.client.post(`/api/reports/${sub.id}/review`, { decision: 'accept' });

    at('2026-04-20T02:00:00Z');
    const back = (await s.reporterA.client.post(`/api/tasks/${s.task.id}/reports`, report({ progress: 35 }))).json();
    expect(back).toMatchObject({ status: 'submitted', period: { key: '2026-04' }, warnings: [{ code: 'progress_backwards', message: '本期进度35%低于上次审核通过的40%' }] });
    const audit = await lastAudit();
    expect(audit.after).toMatchObject({ warnings: [{ code: 'progress_backwards' }] });
  });
});

describe('attachments', () => {
  const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(1000, 32)]);
  it('stores allowed files under a display name, refuses other types, disguised files and files over 10 MB', async () => {
    const s = await makeRunningPlan(t.app, t.handle.db);
    at('2026-03-20T02:00:00Z');
    const r = (await s.reporterA.client.post(`/api/tasks/${s.task.id}/reports`, report({ submit: false }))).json();
    const ok = await audited(['report.attach'], () => s.reporterA.client.upload(`/api/reports/${r.id}/attachments`, 'C:\\Users\\李强\\..\\三月进展.pdf', pdf));
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ filename: '三月进展.pdf', kind: 'pdf', size: pdf.length });
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(100)]);
    expect((await s.reporterA.client.upload(`/api/reports/${r.id}/attachments`, '现场照片.png', png)).statusCode).toBe(200);

    const exe = await s.reporterA.client.upload(`/api/reports/${r.id}/attachments`, 'tool.exe', Buffer.from('MZ\x90\x00'));
    expect(exe.statusCode).toBe(415);
    expect(exe.json().error).toMatchObject({ code: 'ATTACHMENT_TYPE_NOT_ALLOWED', message: '附件仅支持 pdf、docx、xlsx、jpg、png 格式' });
    expect((await s.reporterA.client.upload(`/api/reports/${r.id}/attachments`, '伪装.pdf', Buffer.from('MZ\x90\x00 not a pdf'))).json().error.code).toBe('ATTACHMENT_TYPE_NOT_ALLOWED');
    const big = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(10 * 1024 * 1024)]);
    const tooBig = await s.reporterA.client.upload(`/api/reports/${r.id}/attachments`, '大文件.pdf', big);
    expect(tooBig.statusCode).toBe(413);
    expect(tooBig.json().error.code).toBe('ATTACHMENT_TOO_LARGE');

    const got = (await s.office.client.get(`/api/reports/${r.id}`)).json();
    expect(got.attachments.map((a: { filename: string }) => a.filename)).toEqual(['三月进展.pdf', '现场照片.png']);
    const dl = await s.office.client.get(`/api/attachments/${got.attachments[0].id}`);
    expect(dl.statusCode).toBe(200);
    expect(dl.headers['content-type']).toBe('application/pdf');
    // the download's headers from http/download.ts: the UTF-8 name with an ASCII fallback, nosniff, never cached
    expect(dl.headers['content-disposition']).toBe(`attachment; filename="____.pdf"; filename*=UTF-8''${encodeURIComponent('三月进展.pdf')}`);
    expect(dl.headers['x-content-type-options']).toBe('nosniff');
    expect(dl.headers['cache-control']).toBe('no-store');
    expect(dl.rawPayload.equals(pdf)).toBe(true);
    expect((await s.reporterC.client.get(`/api/attachments/${got.attachments[0].id}`)).statusCode).toBe(404);

    const extra = (await s.reporterA.client.upload(`/api/reports/${r.id}/attachments`, '多余.pdf', pdf)).json();
    expect((await s.reporterB.client.delete(`/api/attachments/${extra.id}`)).statusCode).toBe(403);
    await audited(['report.detach'], () => s.reporterA.client.delete(`/api/attachments/${extra.id}`));
    await s.reporterA.client.post(`/api/tasks/${s.task.id}/reports`, report());
    expect((await s.reporterA.client.upload(`/api/reports/${r.id}/attachments`, '补充.pdf', pdf)).json().error.code).toBe('REPORT_NOT_EDITABLE');
  });
});

describe('reporting calendar and period locks', () => {
  it('the office locks and unlocks a period; the calendar locks it after the grace days', async () => {
    const s = await makeRunningPlan(t.app, t.handle.db);
    at('2026-03-20T02:00:00Z');
    const locked = await audited(['period.lock'], () => s.office.client.post(`/api/plans/${s.plan.id}/periods/2026-03/lock`));
    expect(locked.json()).toMatchObject({ key: '2026-03', state: 'locked', lockOverride: 'locked' });
    const refused = await s.reporterA.client.post(`/api/tasks/${s.task.id}/reports`, report());
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({ code: 'REPORT_PERIOD_LOCKED', message: '该报送期已锁定' });
    expect((await s.reporterB.client.post(`/api/tasks/${s.task.id}/contributions`, { text: '锁定后' })).json().error.code).toBe('REPORT_PERIOD_LOCKED');
    await audited(['period.unlock'], () => s.office.client.post(`/api/plans/${s.plan.id}/periods/2026-03/unlock`));
    expect((await s.reporterA.client.post(`/api/tasks/${s.task.id}/reports`, report({ submit: false }))).statusCode).toBe(200);

    // 25 March + 5 working days of grace: locked from 2 April; a late report still lands until then
    at('2026-03-31T02:00:00Z');
    const late = (await s.reporterA.client.post(`/api/tasks/${s.task.id}/reports`, report({ period: '2026-03' }))).json();
    expect(late).toMatchObject({ status: 'submitted', late: true });
    at('2026-04-02T02:00:00Z');
    const cal = (await s.reporterC.client.get(`/api/plans/${s.plan.id}/reporting`)).json();
    expect(cal.periods.find((p: { key: string }) => p.key === '2026-03')).toMatchObject({ state: 'locked', locksOn: '2026-04-02', lockOverride: null });
    expect(cal.current.key).toBe('2026-04');
    expect((await s.reporterC.client.post(`/api/tasks/${s.otherTask.id}/reports`, report({ period: '2026-03' }))).json().error.code).toBe('REPORT_PERIOD_LOCKED');
    await s.office.client.post(`/api/plans/${s.plan.id}/periods/2026-03/unlock`);
    expect((await s.reporterC.client.post(`/api/tasks/${s.otherTask.id}/reports`, report({ period: '2026-03' }))).json()).toMatchObject({ status: 'submitted', late: true });
    expect((await s.reporterC.client.post(`/api/tasks/${s.otherTask.id}/reports`, report({ period: '2026-09' }))).json().error.code).toBe('REPORT_PERIOD_NOT_OPEN');
  });

  it('a report reads its period\'s row without rewriting it: reports of one period do not wait for each other', async () => {
    const s = await makeRunningPlan(t.app, t.handle.db);
    at('2026-03-20T02:00:00Z');
    expect((await s.reporterA.client.post(`/api/tasks/${s.task.id}/reports`, report({ submit: false }))).statusCode).toBe(200);
    // the row's version (xmin): written when the period was first touched, not by the reports after it
    const version = async () => (await t.handle.db.execute(sql`select xmin::text as v from report_periods where plan_id = ${s.plan.id} and key = '2026-03'`)) as unknown as { rows: { v: string }[] };
    const before = (await version()).rows[0].v;
    expect((await s.reporterA.client.post(`/api/tasks/${s.task.id}/reports`, report())).statusCode).toBe(200);
    expect((await s.reporterC.client.post(`/api/tasks/${s.otherTask.id}/reports`, report())).statusCode).toBe(200);
    expect((await s.reporterB.client.post(`/api/tasks/${s.task.id}/contributions`, { text: '配合' })).statusCode).toBe(200);
    expect((await version()).rows[0].v).toBe(before);
  });

  it('is configurable per plan: quarterly, due on the 10th of the next month, moved to a working day', async () => {
    const s = await makeRunningPlan(t.app, t.handle.db);
    at('2026-03-20T02:00:00Z');
    const bad = await s.office.client.patch(`/api/plans/${s.plan.id}/reporting`, { taskThresholds: { yellowGap: 40, redGap: 20 } });
    expect(bad.json().error.code).toBe('VALIDATION_FAILED');
    const res = await audited(['plan.settings'], () => s.office.client.patch(`/api/plans/${s.plan.id}/reporting`, { reporting: { frequency: 'quarterly', dueDay: 10, dueMonthOffset: 1 }, taskThresholds: { yellowGap: 5 } }));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().settings.taskThresholds).toEqual({ yellowGap: 5, redGap: 30, blockedColor: 'red' });
    const cal = (await s.office.client.get(`/api/plans/${s.plan.id}/reporting`)).json();
    const q3 = cal.periods.find((p: { key: string }) => p.key === '2026-Q3');
    // 10 October 2026 is a Saturday, but a make-up working day for National Day: it stays
    expect(q3).toMatchObject({ label: '2026年第三季度', nominalDueDate: '2026-10-10', dueDate: '2026-10-10' });
    // 10 January 2027 is a Sunday → Friday the 8th
    expect(cal.periods.find((p: { key: string }) => p.key === '2026-Q4')).toMatchObject({ nominalDueDate: '2027-01-10', dueDate: '2027-01-08', state: 'upcoming' });
    expect(cal.current).toMatchObject({ key: '2026-Q1', dueDate: '2026-04-10', opensOn: '2026-04-01', state: 'upcoming' });
    expect((await s.reporterA.client.patch(`/api/plans/${s.plan.id}/reporting`, { taskThresholds: { yellowGap: 1 } })).statusCode).toBe(403);
  });
});

describe('sub-tasks and indicator splits', () => {
  it('the lead unit\'s head breaks a task down with a person, target, deadline and standard', async () => {
    const s = await makeRunningPlan(t.app, t.handle.db);
    const body = { title: '红旗小区改造', assignee: '王工', targetText: '完成128户改造', deadline: '2026-09-30', standard: '通过竣工验收' };
    const res = await audited(['task.create'], () => s.headA.client.post(`/api/tasks/${s.task.id}/subtasks`, body));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ parentTaskId: s.task.id, assignee: '王工', deadline: '2026-09-30', units: [{ unitId: s.units.a.id, role: 'lead' }] });
    expect((await s.reporterA.client.post(`/api/tasks/${s.task.id}/subtasks`, body)).statusCode).toBe(403);
    expect((await s.headA.client.post(`/api/tasks/${s.task.id}/subtasks`, { ...body, assignee: '' })).json().error.code).toBe('VALIDATION_FAILED');
    expect((await s.headA.client.post(`/api/tasks/${s.otherTask.id}/subtasks`, body)).statusCode).toBe(404);
    // reported through the parent: the board does not chase the sub-task separately
    at('2026-03-20T02:00:00Z');
    const board = (await s.office.client.get(`/api/plans/${s.plan.id}/board`)).json();
    expect(board.units.find((u: { unitId: number }) => u.unitId === s.units.a.id)).toMatchObject({ tasks: 1, missing: 1 });
  });

  it('a binding indicator splits only if the shares add up; units report their own share and acceptance records it', async () => {
    const s = await makeRunningPlan(t.app, t.handle.db);
    const ind = await makeIndicator(t.handle.db, s.plan.id, { name: '新增城镇就业人数', unit: '万人', kind: 'cumulative', baselineValue: null, targetValue: 10 });
    const other = await makeIndicator(t.handle.db, s.plan.id, { owners: [{ unitId: s.units.c.id, share: 60 }] });
    const bad = await s.office.client.request({ method: 'PUT', url: `/api/indicators/${ind.id}/split`, payload: { shares: [{ unitId: s.units.a.id, share: 6 }, { unitId: s.units.b.id, share: 3 }] } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('INDICATOR_SPLIT_INVALID');
    expect(bad.json().error.details.errors[0].message).toMatch(/各单位分解值合计为9\.0,总目标为10\.0/);
    const ok = await audited(['indicator.split'], () => s.office.client.request({ method: 'PUT', url: `/api/indicators/${ind.id}/split`, payload: { shares: [{ unitId: s.units.a.id, share: 6 }, { unitId: s.units.b.id, share: 4 }] } }));
    expect(ok.json()).toMatchObject({ ok: true, aggregate: 10 });

    at('2026-03-20T02:00:00Z');
    expect((await s.reporterA.client.post(`/api/tasks/${s.task.id}/reports`, report({ indicatorValues: [{ indicatorId: other.id, value: 1 }] }))).json().error.code).toBe('REPORT_INDICATOR_NOT_OWNED');
    expect((await s.reporterA.client.post(`/api/tasks/${s.task.id}/reports`, report({ indicatorValues: [{ indicatorId: ind.id, value: '见附件' }] }))).json().error.code).toBe('VALIDATION_FAILED');
    const r = (await s.reporterA.client.post(`/api/tasks/${s.task.id}/reports`, report({ indicatorValues: [{ indicatorId: ind.id, value: 1.2 }] }))).json();
    await audited(['report.accept', 'task.progress', 'indicator.values'], () => s.office.client.post(`/api/reports/${r.id}/review`, { decision: 'accept' }));
    const vals = await t.handle.db.select().from(indicatorValues).where(eq(indicatorValues.indicatorId, ind.id));
    expect(vals).toMatchObject([{ unitId: s.units.a.id, value: 1.2, date: '2026-03-31', reportId: r.id }]);
    const st = (await s.office.client.get(`/api/plans/${s.plan.id}/status`)).json();
    const row = st.indicators.find((i: { indicatorId: number }) => i.indicatorId === ind.id);
    expect(row.units.find((u: { unitId: number }) => u.unitId === s.units.a.id)).toMatchObject({ share: 6, actual: 1.2, color: 'red' });
    expect(row.actual).toBeNull(); // B has not reported, so the whole is not known yet
  });
});
