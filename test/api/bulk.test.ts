// Bulk work (issue #11) through the HTTP stack: assigning many tasks at once, a unit's report grid with last
// month to copy, the ledger Excel (download, upload with row errors before anything is saved, confirm), batch
// review, manual 催报 through the delivery outbox (once a day per unit) and batch 复核 — each with a partial failure
// named row by row and another district refused.
import { afterEach, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { and, count, eq, inArray } from 'drizzle-orm';
import { auditEvents, deliveries, reports, taskUnits } from '../../server/db/schema/index.js';
import { setClock } from '../../server/clock.js';
import { runReminders } from '../../server/jobs/reminders.js';
import { auditChecks } from '../helpers/audit.js';
import { makeClient, makePlan, makeRunningPlan, makeUnit } from '../helpers/factories.js';
import { useAppWithOutbox } from '../helpers/outbox.js';

const o = useAppWithOutbox();
const db = () => o.t.handle.db;
const { auditCount, audited } = auditChecks(db);
afterEach(() => setClock(null));
const at = (iso: string) => setClock(() => new Date(iso));
const body = (over: Record<string, unknown> = {}) => ({ reportedStatus: '推进中', progress: 25, progressText: '完成3个小区的改造设计', problems: '资金到位慢', nextSteps: '启动施工招标', ...over });
type Row = { id: number; ok: boolean; error?: { code: string; message: string } };
const byId = (items: Row[]) => Object.fromEntries(items.map((i) => [i.id, i.ok ? 'ok' : i.error!.code]));

describe('bulk assignment', () => {
  it('sets units, deadline and weight on many tasks in one transaction, an audit row per task; all or nothing', async () => {
    const s = await makeRunningPlan(o.t.app, db());
    const d = await makeUnit(db());
    const { plan, tasks } = await makePlan(db(), { periodStart: 2026, periodEnd: 2030, tasks: [{ title: '任务甲' }, { title: '任务乙' }, { title: '任务丙', lead: [s.units.c.id] }] });
    const ids = tasks.map((x) => x.id);
    const office = s.office.client;
    const add = await audited(['task.assign', 'task.assign', 'task.assign'], () =>
      office.post(`/api/plans/${plan.id}/tasks/assign`, { taskIds: ids, units: [{ unitId: s.units.a.id, role: 'lead' }, { unitId: d.id, role: 'cooperating' }], deadline: '2026-12', weight: 2 }));
    expect(add.statusCode, add.body).toBe(200);
    expect(add.json()).toEqual({ updated: 3, taskIds: ids });
    const units = async (id: number) => (await office.get(`/api/tasks/${id}`)).json().units.map((u: { unitId: number; role: string }) => `${u.role}:${u.unitId}`).sort();
    expect(await units(ids[0])).toEqual([`cooperating:${d.id}`, `lead:${s.units.a.id}`]);
    // add keeps what a task named
    expect(await units(ids[2])).toEqual([`cooperating:${d.id}`, `lead:${s.units.a.id}`, `lead:${s.units.c.id}`].sort());
    const t0 = (await office.get(`/api/tasks/${ids[0]}`)).json();
    expect(t0).toMatchObject({ deadline: '2026-12', weight: 2 });
    const history = (await office.get(`/api/tasks/${ids[0]}/history`)).json().items;
    expect(history.at(-1)).toMatchObject({ action: 'task.assign', before: { units: [], deadline: null, weight: 1 } });

    // replace: the chosen units only
    expect((await office.post(`/api/plans/${plan.id}/tasks/assign`, { taskIds: [ids[2]], mode: 'replace', units: [{ unitId: s.units.b.id, role: 'lead' }] })).statusCode).toBe(200);
    expect(await units(ids[2])).toEqual([`lead:${s.units.b.id}`]);
    // replacing without a lead is refused
    expect((await office.post(`/api/plans/${plan.id}/tasks/assign`, { taskIds: [ids[2]], mode: 'replace', units: [{ unitId: d.id, role: 'cooperating' }] })).json().error.code).toBe('VALIDATION_FAILED');

    // a task of another plan in the selection: nothing changes on any task
    const officeB = await makeClient(o.t.app, db(), ['office'], { region: '铜梁区' });
    const other = await makeUnit(db(), '铜梁区');
    const before = await auditCount();
    const mixed = await office.post(`/api/plans/${plan.id}/tasks/assign`, { taskIds: [ids[1], s.task.id], units: [{ unitId: s.units.c.id, role: 'responsible' }] });
    expect(mixed.statusCode).toBe(404);
    expect(mixed.json().error).toMatchObject({ code: 'NOT_FOUND', details: { taskIds: [s.task.id] } });
    expect(await units(ids[1])).toEqual([`cooperating:${d.id}`, `lead:${s.units.a.id}`]);
    expect(await auditCount()).toBe(before);

    // units stay inside the plan's region; another district's office is refused the plan
    const outside = await office.post(`/api/plans/${plan.id}/tasks/assign`, { taskIds: ids, units: [{ unitId: other.id, role: 'lead' }] });
    expect(outside.json().error.code).toBe('UNIT_OUTSIDE_REGION');
    const foreign = await officeB.client.post(`/api/plans/${plan.id}/tasks/assign`, { taskIds: ids, units: [{ unitId: other.id, role: 'lead' }] });
    expect([403, 404]).toContain(foreign.statusCode);
    // a reporter has no task.manage
    expect((await s.reporterA.client.post(`/api/plans/${plan.id}/tasks/assign`, { taskIds: ids, weight: 3 })).statusCode).toBe(403);
    const links = await db().select().from(taskUnits).where(inArray(taskUnits.taskId, ids));
    expect(links.some((l) => l.unitId === other.id)).toBe(false);
    expect(await auditCount()).toBe(before);
  });
});

/** Unit A leads a task in the running plan and two in a second plan; February was reported and accepted. */
async function gridSetup() {
  const s = await makeRunningPlan(o.t.app, db());
  const second = await makePlan(db(), { title: '第二个规划', periodStart: 2026, periodEnd: 2030, tasks: [{ title: '建设口袋公园', lead: [s.units.a.id] }, { title: '改造雨污管网', lead: [s.units.a.id] }] });
  const taskIds = [s.task.id, ...second.tasks.map((x) => x.id)];
  at('2026-02-20T02:00:00Z');
  for (const id of taskIds) {
    const r = await s.reporterA.client.post(`/api/tasks/${id}/reports`, { ...body({ progress: 10, progressText: `二月进展${id}` }), submit: true });
    expect(r.statusCode, r.body).toBe(200);
    expect((await s.office.client.post(`/api/reports/${r.json().id}/review`, { decision: 'accept' })).statusCode).toBe(200);
  }
  at('2026-03-20T02:00:00Z');
  return { s, second, taskIds };
}

describe('the report grid', () => {
  it('lists this period’s lead tasks across plans with last month to copy; saves drafts and submits many, row by row', async () => {
    const { s, taskIds } = await gridSetup();
    const grid = (await s.reporterA.client.get('/api/me/report-grid')).json();
    expect(grid.rows.map((r: { taskId: number }) => r.taskId).sort()).toEqual([...taskIds].sort());
    const row = grid.rows.find((r: { taskId: number }) => r.taskId === s.task.id);
    expect(row).toMatchObject({ planId: s.plan.id, period: { key: '2026-03' }, editable: true, report: null, previous: { periodKey: '2026-02', status: 'accepted', progress: 10, progressText: `二月进展${s.task.id}` } });
    expect(grid.rows.map((r: { planTitle: string }) => r.planTitle)).toContain('第二个规划');
    // another unit sees none of them
    expect((await s.reporterC.client.get('/api/me/report-grid')).json().rows.map((r: { taskId: number }) => r.taskId)).toEqual([s.otherTask.id]);

    // drafts for all three, copied from February with the progress moved
    const items = grid.rows.map((r: { taskId: number; period: { key: string }; previous: Record<string, unknown> }) => ({ taskId: r.taskId, period: r.period.key, reportedStatus: '推进中', progress: 30, progressText: r.previous.progressText, problems: '', nextSteps: '继续推进' }));
    const saved = await audited(['report.save', 'report.save', 'report.save'], () => s.reporterA.client.post('/api/me/reports', { items, submit: false }));
    expect(saved.json()).toMatchObject({ done: 3, failed: 0 });
    expect(saved.json().items.every((i: { status: string }) => i.status === 'draft')).toBe(true);

    // submit: one row with text where a number goes, one with a stale version, one another unit's task
    const g2 = (await s.reporterA.client.get('/api/me/report-grid')).json();
    const version = (id: number) => g2.rows.find((r: { taskId: number }) => r.taskId === id).report.version;
    const [t1, t2, t3] = taskIds;
    // someone else (the head) saves t3 after the grid was read: the grid's version of it is stale
    expect((await s.headA.client.post(`/api/tasks/${t3}/reports`, { period: '2026-03', ...body({ progress: 30 }), version: version(t3) })).statusCode).toBe(200);
    const before = await db().select().from(reports).where(eq(reports.taskId, t2));
    const res = await s.reporterA.client.post('/api/me/reports', {
      submit: true,
      items: [
        { taskId: t1, period: '2026-03', ...body({ progress: 40 }), version: version(t1) },
        { taskId: t2, period: '2026-03', ...body({ progress: '见附件' }), version: version(t2) },
        { taskId: t3, period: '2026-03', ...body({ progress: 35 }), version: version(t3) },
        { taskId: s.otherTask.id, period: '2026-03', ...body() },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(byId(res.json().items)).toEqual({ [t1]: 'ok', [t2]: 'VALIDATION_FAILED', [t3]: 'CONFLICT', [s.otherTask.id]: 'NOT_FOUND' });
    expect(res.json()).toMatchObject({ done: 1, failed: 3 });
    // nothing half-saved: the refused rows are as they were
    expect(await db().select().from(reports).where(eq(reports.taskId, t2))).toEqual(before);
    const after = (await s.reporterA.client.get('/api/me/report-grid')).json();
    const st = (id: number) => after.rows.find((r: { taskId: number }) => r.taskId === id).report;
    expect(st(t1)).toMatchObject({ status: 'submitted', progress: 40 });
    expect(st(t3)).toMatchObject({ status: 'draft', progress: 30 });
    expect(after.rows.find((r: { taskId: number }) => r.taskId === t1).editable).toBe(false);
    // a duplicate task in one batch is refused whole
    expect((await s.reporterA.client.post('/api/me/reports', { items: [{ taskId: t3 }, { taskId: t3 }] })).statusCode).toBe(400);
  });
});

async function sheetOf(bytes: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return { wb, ws: wb.worksheets[0] };
}

describe('the ledger Excel', () => {
  it('downloads the period’s ledger prefilled, reads it back with row errors before anything is saved, then saves on confirm', async () => {
    const { s, taskIds } = await gridSetup();
    const dl = await s.reporterA.client.get('/api/me/report-ledger');
    expect(dl.statusCode).toBe(200);
    expect(dl.headers['content-type']).toContain('spreadsheetml');
    const { wb, ws } = await sheetOf(dl.rawPayload);
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(['序号', '规划', '重点任务', '报送期', '推进状态', '完成进度(%)', '完成情况', '存在问题', '下步计划', '任务编号']);
    expect(ws.rowCount).toBe(4);
    // prefilled from February's report
    const r2 = ws.getRow(2);
    const firstId = Number(r2.getCell(10).value);
    expect(taskIds).toContain(firstId);
    expect(r2.getCell(7).value).toBe(`二月进展${firstId}`);
    expect(r2.getCell(6).value).toBe(10);

    // the office keeps its own copy: a title row above the header, the task number column dropped, one row
    // changed, one with words for progress, one task that is not the unit's
    const mine = new ExcelJS.Workbook();
    const out = mine.addWorksheet('3月台账');
    out.addRow(['区住房城乡建委2026年3月重点工作推进情况台账']);
    out.addRow(['序号', '规划', '重点任务', '推进状态', '完成进度', '完成情况', '存在问题', '下步计划']);
    const rows = [2, 3, 4].map((n) => ws.getRow(n));
    out.addRow([1, rows[0].getCell(2).value, rows[0].getCell(3).value, '推进中', 0.45, '三月已完成招标', '', '四月开工']);
    out.getCell(3, 5).numFmt = '0%';
    out.addRow([2, rows[1].getCell(2).value, rows[1].getCell(3).value, '推进中', '六十', '三月进展', '', '']);
    out.addRow([3, '', '不存在的任务', '推进中', 50, '进展', '', '']);
    out.addRow([4, rows[2].getCell(2).value, rows[2].getCell(3).value, '', '', '', '', '']);
    const bytes = Buffer.from(await mine.xlsx.writeBuffer());
    expect(wb).toBeTruthy();

    const beforeAudit = await auditCount();
    const [{ n: beforeReports }] = await db().select({ n: count() }).from(reports);
    const up = await s.reporterA.client.upload('/api/me/report-ledger', '台账.xlsx', bytes);
    expect(up.statusCode, up.body).toBe(200);
    const preview = up.json();
    expect(preview).toMatchObject({ sheetName: '3月台账', headerRow: 2 });
    expect(preview.columns.map((c: { field: string }) => c.field)).toEqual(['seq', 'plan', 'title', 'reportedStatus', 'progress', 'progressText', 'problems', 'nextSteps']);
    const [ok, words, unknown, blank] = preview.rows;
    expect(ok).toMatchObject({ rowNumber: 3, taskId: Number(rows[0].getCell(10).value), errors: [], report: { period: '2026-03', reportedStatus: '推进中', progress: 45, progressText: '三月已完成招标', nextSteps: '四月开工' } });
    expect(words.errors).toEqual(['完成进度“六十”不是数字,请填写 0 到 100 之间的数字']);
    expect(words.report).toBeNull();
    // what the row says is shown beside its error, not lost
    expect(words.cells).toEqual({ reportedStatus: '推进中', progress: '六十', progressText: '三月进展' });
    expect(unknown.errors[0]).toMatch(/不存在的任务.*不是本单位本期应报的任务/);
    expect(blank.errors).toEqual(['本行未填写任何进展,不保存']);
    expect(preview.missing).toEqual([]);
    // nothing saved by the upload
    expect(await auditCount()).toBe(beforeAudit);
    expect((await db().select({ n: count() }).from(reports))[0].n).toBe(beforeReports);

    // confirm: the rows without errors go through the batch save
    const items = preview.rows.filter((r: { report: unknown }) => r.report).map((r: { taskId: number; report: object }) => ({ taskId: r.taskId, ...r.report }));
    const saved = await audited(['report.submit'], () => s.reporterA.client.post('/api/me/reports', { items, submit: true }));
    expect(saved.json()).toMatchObject({ done: 1, failed: 0 });
    // the ledger of another unit's people is its own
    const other = await s.reporterC.client.upload('/api/me/report-ledger', '台账.xlsx', bytes);
    expect(other.json().rows.every((r: { report: unknown }) => r.report === null)).toBe(true);
    // not a workbook, or a sheet without a ledger header
    expect((await s.reporterA.client.upload('/api/me/report-ledger', 'x.xlsx', Buffer.from('not a zip'))).json().error.code).toBe('IMPORT_CORRUPT');
    const empty = new ExcelJS.Workbook();
    empty.addWorksheet('x').addRow(['名称', '数量']);
    expect((await s.reporterA.client.upload('/api/me/report-ledger', 'x.xlsx', Buffer.from(await empty.xlsx.writeBuffer()))).json().error.code).toBe('LEDGER_NO_HEADER');
  });
});

describe('batch review', () => {
  it('accepts or returns many reports at once; a report not waiting or of another plan is named; another district is refused', async () => {
    const { s, second, taskIds } = await gridSetup();
    const [t1, t2, t3] = taskIds;
    const sub = await s.reporterA.client.post('/api/me/reports', { submit: true, items: [t1, t2, t3].map((taskId) => ({ taskId, period: '2026-03', ...body() })) });
    expect(sub.json().done).toBe(3);
    const ids = Object.fromEntries(sub.json().items.map((i: { id: number; reportId: number }) => [i.id, i.reportId]));
    const draftC = (await s.reporterC.client.post(`/api/tasks/${s.otherTask.id}/reports`, { ...body(), submit: false })).json().id;
    const office = s.office.client;
    // no reason for a return: the whole batch is refused before anything changes
    expect((await office.post(`/api/plans/${second.plan.id}/reports/review`, { reportIds: [ids[t2]], decision: 'return' })).json().error.code).toBe('REPORT_RETURN_REASON_REQUIRED');
    const res = await audited(['report.accept', 'task.progress', 'report.accept', 'task.progress'], () =>
      office.post(`/api/plans/${second.plan.id}/reports/review`, { reportIds: [ids[t2], ids[t3], ids[t1], draftC], decision: 'accept' }));
    expect(byId(res.json().items)).toEqual({ [ids[t2]]: 'ok', [ids[t3]]: 'ok', [ids[t1]]: 'NOT_FOUND', [draftC]: 'NOT_FOUND' });
    const again = await office.post(`/api/plans/${second.plan.id}/reports/review`, { reportIds: [ids[t2]], decision: 'accept' });
    expect(byId(again.json().items)).toEqual({ [ids[t2]]: 'REPORT_NOT_EDITABLE' });
    const ret = await audited(['report.return'], () => office.post(`/api/plans/${s.plan.id}/reports/review`, { reportIds: [ids[t1], draftC], decision: 'return', reason: '请补充已开工小区名单' }));
    expect(byId(ret.json().items)).toEqual({ [ids[t1]]: 'ok', [draftC]: 'REPORT_NOT_EDITABLE' });
    expect((await s.reporterA.client.get(`/api/reports/${ids[t1]}`)).json()).toMatchObject({ status: 'returned', returnReason: '请补充已开工小区名单' });
    const officeB = await makeClient(o.t.app, db(), ['office'], { region: '铜梁区' });
    expect([403, 404]).toContain((await officeB.client.post(`/api/plans/${s.plan.id}/reports/review`, { reportIds: [ids[t1]], decision: 'accept' })).statusCode);
    expect((await s.leader.client.post(`/api/plans/${s.plan.id}/reports/review`, { reportIds: [ids[t1]], decision: 'accept' })).statusCode).toBe(403);
  });
});

describe('催报 and batch 复核', () => {
  it('reminds chosen units now by the plan’s channels through the outbox, once a day per unit; rechecks many notices', async () => {
    const s = await makeRunningPlan(o.t.app, db(), { emails: true, settings: { reminders: { webhookUrl: o.hook.url } } });
    at('2026-03-20T02:00:00Z');
    expect((await s.reporterC.client.post(`/api/tasks/${s.otherTask.id}/reports`, { ...body(), submit: true })).statusCode).toBe(200);
    const office = s.office.client;
    const res = await audited(['reminder.manual'], () => office.post(`/api/plans/${s.plan.id}/remind`, { unitIds: [s.units.a.id, s.units.c.id], note: '请于今日下班前报送' }));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ periodKey: '2026-03', done: 1, failed: 1 });
    expect(byId(res.json().items)).toEqual({ [s.units.a.id]: 'ok', [s.units.c.id]: 'REMIND_NOTHING_MISSING' });
    const inbox = (await s.reporterA.client.get('/api/me/notifications')).json().items;
    expect(inbox[0]).toMatchObject({ kind: 'reminder', title: '2026年3月工作进展催报', link: '/batch-report' });
    expect(inbox[0].body).toContain('请于今日下班前报送');
    expect(inbox[0].body).toContain('推进老旧小区改造');
    expect((await s.headA.client.get('/api/me/notifications')).json().items[0].title).toBe('2026年3月工作进展催报');
    // e-mails to A's two people and one robot message, sent by the delivery job
    const out = await db().select().from(deliveries).where(eq(deliveries.planId, s.plan.id));
    expect(out.map((d) => d.channel).sort()).toEqual(['email', 'email', 'webhook']);
    const mailsBefore = o.smtp.mails.length;
    const hooksBefore = o.hook.bodies.length;
    const job = await runReminders(db(), new Date('2026-03-20T02:00:01Z'));
    expect(job.sent).toBeGreaterThanOrEqual(3);
    expect(o.smtp.mails.slice(mailsBefore).some((m) => m.to.includes(s.reporterA.user.email!))).toBe(true);
    expect(JSON.stringify(o.hook.bodies.slice(hooksBefore))).toContain('规划办催报');

    // once a day per unit: refused the same day, allowed the next
    const twice = await office.post(`/api/plans/${s.plan.id}/remind`, { unitIds: [s.units.a.id] });
    expect(byId(twice.json().items)).toEqual({ [s.units.a.id]: 'REMIND_LIMIT' });
    at('2026-03-21T02:00:00Z');
    expect(byId((await office.post(`/api/plans/${s.plan.id}/remind`, { unitIds: [s.units.a.id] })).json().items)).toEqual({ [s.units.a.id]: 'ok' });
    const officeB = await makeClient(o.t.app, db(), ['office'], { region: '铜梁区' });
    expect([403, 404]).toContain((await officeB.client.post(`/api/plans/${s.plan.id}/remind`, { unitIds: [s.units.a.id] })).statusCode);

    // 督办: two notices, one fed back; the list names each notice's plan
    const n1 = (await office.post(`/api/plans/${s.plan.id}/notices`, { unitId: s.units.a.id, title: '督办一', requirement: '请加快推进' })).json();
    const n2 = (await office.post(`/api/plans/${s.plan.id}/notices`, { unitId: s.units.c.id, title: '督办二', requirement: '请加快推进' })).json();
    for (const [action, text] of [['sign', ''], ['handle', ''], ['feedback', '已整改到位']]) expect((await s.reporterA.client.post(`/api/notices/${n1.id}/respond`, { action, text })).statusCode).toBe(200);
    const list = (await office.get(`/api/notices?planId=${s.plan.id}`)).json().items;
    expect(list.length).toBeGreaterThanOrEqual(2);
    expect(list.every((n: { planTitle: string }) => n.planTitle === s.plan.title)).toBe(true);
    expect((await office.post(`/api/plans/${s.plan.id}/notices/recheck`, { noticeIds: [n1.id], passed: false })).json().error.code).toBe('VALIDATION_FAILED');
    const re = await audited(['notice.recheck'], () => office.post(`/api/plans/${s.plan.id}/notices/recheck`, { noticeIds: [n1.id, n2.id], passed: true, note: '核实无误' }));
    expect(byId(re.json().items)).toEqual({ [n1.id]: 'ok', [n2.id]: 'NOTICE_INVALID_TRANSITION' });
    expect((await office.get(`/api/notices/${n1.id}`)).json()).toMatchObject({ status: 'rechecked', recheckNote: '核实无误' });
    expect([403, 404]).toContain((await officeB.client.post(`/api/plans/${s.plan.id}/notices/recheck`, { noticeIds: [n1.id], passed: true })).statusCode);
    expect((await db().select().from(auditEvents).where(and(eq(auditEvents.action, 'reminder.manual'), eq(auditEvents.planId, s.plan.id)))).length).toBe(2);
  });
});
