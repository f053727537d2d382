// Excel through the HTTP stack: the task ledger, indicator table and reporting record read back with
// exceljs; and a 任务分工表 import: workbook → preview with detected columns → the office's mapping →
// review → confirm → tasks with their units.
import { afterEach, describe, expect, it } from 'vitest';
import { desc } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { auditEvents, indicatorValues } from '../../server/db/schema/index.js';
import { setClock } from '../../server/clock.js';
import { useTestApp } from '../helpers/app.js';
import { makeClient, makeIndicator, makeRunningPlan, unitId } from '../helpers/factories.js';

const t = useTestApp();
afterEach(() => setClock(null));

const at = (iso: string) => setClock(() => new Date(iso));
async function sheet(body: Buffer): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as unknown as ArrayBuffer);
  return wb.worksheets[0];
}
const rowValues = (ws: ExcelJS.Worksheet, r: number) => (ws.getRow(r).values as unknown[]).slice(1);
const xlsxMime = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** One-cell rows are merged across the table, as title and heading rows are in real tables. */
async function workbook(rows: (string | number | null)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('分工表');
  const width = Math.max(...rows.map((r) => r.length));
  rows.forEach((r, i) => {
    ws.addRow(r);
    if (r.length === 1 && width > 1) ws.mergeCells(i + 1, 1, i + 1, width);
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('Excel exports', () => {
  it('exports the task ledger, the indicator table and the reporting record of real tasks', async () => {
    const s = await makeRunningPlan(t.app, t.handle.db);
    const ind = await makeIndicator(t.handle.db, s.plan.id, { name: '城镇污水处理率', attribute: 'binding', owners: [{ unitId: s.units.a.id, share: null }] });
    await t.handle.db.insert(indicatorValues).values({ indicatorId: ind.id, date: '2026-03-31', value: 49 });
    at('2026-03-20T02:00:00Z');
    const r = (await s.reporterA.client.post(`/api/tasks/${s.task.id}/reports`, { period: '2026-03', reportedStatus: '推进中', progress: 30, progressText: '完成3个小区改造设计', submit: true })).json();
    expect((await s.office.client.post(`/api/reports/${r.id}/review`, { decision: 'accept' })).statusCode).toBe(200);
    at('2026-04-10T02:00:00Z');

    const ledger = await s.office.client.get(`/api/plans/${s.plan.id}/exports/tasks`);
    expect(ledger.statusCode, ledger.body).toBe(200);
    expect(ledger.headers['content-type']).toBe(xlsxMime);
    expect(ledger.headers['content-disposition']).toBe(`attachment; filename="${`${s.plan.title}任务台账.xlsx`.replace(/[^\x20-\x7e]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(`${s.plan.title}任务台账.xlsx`)}`);
    const ws = await sheet(ledger.rawPayload);
    expect(ws.name).toBe('任务台账');
    expect(rowValues(ws, 1)).toEqual(['序号', '章节', '任务', '牵头单位', '责任单位', '配合单位', '完成时限', '状态', '最新进展', '更新时间']);
    expect(ws.rowCount).toBe(3);
    const first = rowValues(ws, 2);
    expect([first[0], first[2], first[3], first[5], first[6]]).toEqual([1, '推进老旧小区改造', s.units.a.name, s.units.b.name, '2026-12']);
    expect(first[7]).toBe('正常推进'); // March is the period due by 10 April: 30% against a 27.4% pace
    expect(first[8]).toBe('进度30%;完成3个小区改造设计');
    const second = rowValues(ws, 3);
    expect([second[2], second[3], second[7]]).toEqual(['建设智慧城管平台', s.units.c.name, '未报送']);

    const inds = await sheet((await s.leader.client.get(`/api/plans/${s.plan.id}/exports/indicators`)).rawPayload);
    expect(inds.name).toBe('主要指标');
    expect(rowValues(inds, 2).slice(0, 9)).toEqual(['城镇污水处理率', '%', '约束性', '水平值', 2025, '50', 2030, '60', '49']);
    expect(rowValues(inds, 2)[10]).toBe('滞后');

    const rec = await s.office.client.get(`/api/plans/${s.plan.id}/exports/reporting?year=2026`);
    expect(rec.headers['content-disposition']).toContain(encodeURIComponent('2026年报送记录.xlsx'));
    const rs = await sheet(rec.rawPayload);
    expect(rowValues(rs, 1)).toEqual(['报送期', '单位', '任务', '状态', '提交时间', '是否按时', '审核结果']);
    const rows = Array.from({ length: rs.rowCount - 1 }, (_, i) => rowValues(rs, i + 2));
    // January, February, March for two tasks: one March report, five missing
    expect(rows.length).toBe(6);
    expect(rows.find((x) => x[0] === '2026年3月' && x[2] === '推进老旧小区改造')).toEqual(['2026年3月', s.units.a.name, '推进老旧小区改造', '正常推进', '2026-03-20 10:00', '是', '通过']);
    expect(rows.filter((x) => x[4] === '未报送').length).toBe(5);
    expect((await s.reporterA.client.get(`/api/plans/${s.plan.id}/exports/tasks`)).statusCode).toBe(403);
  });
});

describe('importing a 任务分工表 from Excel', () => {
  const title = '永川区2026年城市更新重点任务分工表';
  const rows = [
    [title],
    ['序号', '重点任务', '承担部门', '配合单位', '完成时限'],
    ['一、城市更新'],
    [1, '推进老旧小区改造', '区住房城乡建委', '区城市管理局、区财政局', '2026年12月底前'],
    [2, '建设智慧城管平台', '区城市管理局', '区大数据发展局', '2026年6月'],
    ['二、交通建设'],
    [3, '打通城市断头路', '区交通局', '区规划自然资源局', '2027年'],
  ];

  it('previews the detected columns, takes the office\'s mapping, and confirms into tasks with units', async () => {
    const { client: office } = await makeClient(t.app, t.handle.db, ['office']);
    const bytes = await workbook(rows);
    const up = await office.upload('/api/imports/table', '分工表.xlsx', bytes);
    expect(up.statusCode, up.body).toBe(200);
    const preview = up.json();
    expect(preview).toMatchObject({ status: 'pending', sheetName: '分工表', sheets: ['分工表'], titleLines: [title], headerRow: 2, headers: ['序号', '重点任务', '承担部门', '配合单位', '完成时限'], rowCount: 5, taskRowCount: 3 });
    // 承担部门 is not a header the reader knows: the office says it is the lead unit
    expect(preview.mapping).toEqual({ 0: 'seq', 1: 'title', 3: 'cooperating', 4: 'deadline' });
    expect(preview.fields.find((f: { field: string }) => f.field === 'lead').label).toBe('牵头单位');
    expect(preview.rows.map((r: { kind: string }) => r.kind)).toEqual(['heading', 'task', 'task', 'heading', 'task']);
    const id = preview.importId;
    expect((await office.get(`/api/imports/${id}`)).json()).toMatchObject({ status: 'pending', parsed: null });
    expect((await office.post(`/api/imports/${id}/confirm`, {})).json().error.code).toBe('IMPORT_NOT_PENDING_REVIEW');
    expect((await office.get(`/api/imports/${id}/table?headerRow=2`)).json().headers).toEqual(preview.headers);

    const mapped = await office.post(`/api/imports/${id}/mapping`, { mapping: { ...preview.mapping, 2: 'lead' } });
    expect(mapped.statusCode, mapped.body).toBe(200);
    const job = mapped.json();
    expect(job.status).toBe('review');
    expect(job.parsed.meta).toMatchObject({ title, format: 'xlsx', periodStart: 2026 });
    const text: string = job.parsed.text;
    expect(text.split('\n')[1]).toBe('序号 | 重点任务 | 承担部门 | 配合单位 | 完成时限');
    expect(job.parsed.outline.map((o: { title: string }) => o.title)).toEqual(['城市更新', '交通建设']);
    expect(job.parsed.tasks.map((x: { title: string }) => x.title)).toEqual(['推进老旧小区改造', '建设智慧城管平台', '打通城市断头路']);
    const [t1] = job.parsed.tasks;
    expect(t1.lead.map((u: { name: string }) => u.name)).toEqual(['区住房城乡建委']);
    expect(t1.cooperating.map((u: { name: string }) => u.name)).toEqual(['区城市管理局', '区财政局']);
    expect(t1.deadline).toBe('2026-12');
    expect(text.slice(t1.source.start, t1.source.end)).toBe('1 | 推进老旧小区改造 | 区住房城乡建委 | 区城市管理局、区财政局 | 2026年12月底前');
    const audit = (await t.handle.db.select().from(auditEvents).orderBy(desc(auditEvents.id)).limit(1))[0];
    expect(audit).toMatchObject({ action: 'import.map', entityId: String(id), after: { mapping: { 2: 'lead' }, tasks: 3 } });

    const confirmed = await office.post(`/api/imports/${id}/confirm`, {});
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    const planId = confirmed.json().planId;
    const tasks = (await office.get(`/api/plans/${planId}/tasks`)).json().items;
    expect(tasks.length).toBe(3);
    const lead = (x: { units: { role: string; unitId: number }[] }) => x.units.filter((u) => u.role === 'lead').map((u) => u.unitId);
    expect(lead(tasks[0])).toEqual([await unitId(t.handle.db, '区住房城乡建委')]);
    expect(lead(tasks[2])).toEqual([await unitId(t.handle.db, '区交通局')]);
    expect(tasks[1].chapter).toBe('一、城市更新');
    expect((await office.post(`/api/imports/${id}/mapping`, { mapping: { 1: 'title' } })).json().error.code).toBe('IMPORT_NOT_PENDING_REVIEW');

    // the same workbook again, through either upload, is the same import
    expect((await office.upload('/api/imports', 'again.xlsx', bytes)).json()).toMatchObject({ id, status: 'confirmed' });
  });

  it('reads an Excel sent to the general upload as a task-division table, straight into review', async () => {
    const { client: office } = await makeClient(t.app, t.handle.db, ['office']);
    const bytes = await workbook([['永川区2026年交通重点任务分工表'], ['序号', '工作任务', '牵头单位', '完成时限'], [1, '建成城市慢行系统', '区交通局', '2026年10月']]);
    const res = await office.upload('/api/imports', '交通.xlsx', bytes);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'review', parsed: { meta: { format: 'xlsx' }, tasks: [{ title: '建成城市慢行系统', deadline: '2026-10', lead: [{ name: '区交通局' }] }] } });
    // the office may still re-map a table in review
    const table = (await office.get(`/api/imports/${res.json().id}/table`)).json();
    expect(table.mapping).toEqual({ 0: 'seq', 1: 'title', 2: 'lead', 3: 'deadline' });
  });

  it('refuses files that are not task-division tables', async () => {
    const { client: office } = await makeClient(t.app, t.handle.db, ['office']);
    expect((await office.upload('/api/imports/table', 'plan.txt', Buffer.from('永川区规划'))).json().error.code).toBe('IMPORT_NOT_TABLE');
    const noHeader = await office.upload('/api/imports/table', 'x.xlsx', await workbook([['甲', '乙'], ['1', '2']]));
    expect(noHeader.statusCode).toBe(400);
    expect(noHeader.json().error.code).toBe('IMPORT_NO_TEXT');
    const { client: reporter } = await makeClient(t.app, t.handle.db, ['unit_reporter']);
    expect((await reporter.upload('/api/imports/table', 'x.xlsx', await workbook(rows))).statusCode).toBe(403);
  });
});
