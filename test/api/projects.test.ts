// Issue #14, the project library: lifecycle (create, edit with versions, phase moves), the yearly roll with its
// history, the owner unit's monthly investment reports and their checks, Excel import with row errors and the
// export that imports again, and who may do what (owner unit, another unit, another district).
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { eq } from 'drizzle-orm';
import { projects, projectReports } from '../../server/db/schema/index.js';
import { setClock } from '../../server/clock.js';
import { useTestApp, type Client } from '../helpers/app.js';
import { auditChecks } from '../helpers/audit.js';
import { makeClient, makeIndicator, makePlan, makeUnit, regionId } from '../helpers/factories.js';

const t = useTestApp();
const { audited } = auditChecks(() => t.handle.db);
const at = (iso: string) => setClock(() => new Date(iso));
afterEach(() => setClock(null));

let yc: number;
let tl: number;
let owner: { id: number; name: string };
let otherUnit: { id: number; name: string };
let office: Client;
let leader: Client;
let ownerReporter: Client;
let otherReporter: Client;
let tlOffice: Client;

beforeAll(async () => {
  const db = t.handle.db;
  yc = await regionId(db, '永川区');
  tl = await regionId(db, '铜梁区');
  owner = await makeUnit(db, '永川区', '永川区城市建设投资集团');
  otherUnit = await makeUnit(db, '永川区', '永川区交通建设公司');
  office = (await makeClient(t.app, db, ['office'], { region: '永川区' })).client;
  leader = (await makeClient(t.app, db, ['leader'], { region: '永川区' })).client;
  ownerReporter = (await makeClient(t.app, db, ['unit_reporter'], { region: '永川区', unitId: owner.id })).client;
  otherReporter = (await makeClient(t.app, db, ['unit_reporter'], { region: '永川区', unitId: otherUnit.id })).client;
  tlOffice = (await makeClient(t.app, db, ['office'], { region: '铜梁区' })).client;
});

async function create(body: Record<string, unknown>) {
  const res = await office.post('/api/projects', { regionId: yc, ownerUnitId: owner.id, ...body });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { id: number; version: number };
}
const detail = async (c: Client, id: number) => (await c.get(`/api/projects/${id}`)).json();

describe('lifecycle', () => {
  it('creates a project by hand (no plan), edits it with its version, refuses a stale save', async () => {
    at('2026-03-10T02:00:00Z');
    const p = await audited(['project.create'], () => create({ name: '临江河综合整治工程', text: '河道清淤12公里,新建堤防8公里', location: '中山路街道', category: '生态环保', totalInvestment: 32000, startDate: '2026-01-01', finishDate: '2027-12-31', annualPlans: [{ year: 2026, plannedInvestment: 9000 }] }));
    const d = await detail(office, p.id);
    expect(d.project).toMatchObject({ name: '临江河综合整治工程', planId: null, ownerUnitName: '永川区城市建设投资集团', phase: 'planning', list: 'reserve', plannedInvestment: 9000, version: 1 });
    expect(d.canManage).toBe(true);
    const ok = await audited(['project.update'], () => office.patch(`/api/projects/${p.id}`, { version: 1, totalInvestment: 35000 }));
    expect(ok.statusCode, ok.body).toBe(200);
    const stale = await office.patch(`/api/projects/${p.id}`, { version: 1, totalInvestment: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('CONFLICT');
    expect((await detail(office, p.id)).project.totalInvestment).toBe(35000);
    const bad = await office.patch(`/api/projects/${p.id}`, { version: 2, startDate: '2028-01-01' });
    expect(bad.statusCode).toBe(400);
    const dup = await office.post('/api/projects', { regionId: yc, name: '临江河综合整治工程' });
    expect(dup.json().error.code).toBe('PROJECT_NAME_TAKEN');
  });

  it('moves phases one step at a time; 终止 needs a reason; final phases do not move', async () => {
    const p = await create({ name: '凤凰湖产业园标准厂房三期' });
    const move = (phase: string, reason?: string) => office.post(`/api/projects/${p.id}/phase`, { phase, reason });
    expect((await audited(['project.phase'], () => move('preparation'))).statusCode).toBe(200);
    const skip = await move('construction');
    expect(skip.statusCode).toBe(409);
    expect(skip.json().error.code).toBe('PROJECT_PHASE_NOT_ALLOWED');
    expect(skip.json().error.details.allowed).toEqual(['scheduled', 'planning', 'terminated']);
    const noReason = await move('terminated');
    expect(noReason.json().error.code).toBe('PROJECT_TERMINATION_REASON');
    expect((await move('terminated', '用地规划调整,项目取消')).statusCode).toBe(200);
    expect((await move('preparation')).json().error.code).toBe('PROJECT_PHASE_NOT_ALLOWED');
    const d = await detail(office, p.id);
    expect(d.project.status).toMatchObject({ color: 'grey', state: 'terminated', reason: '项目已终止:用地规划调整,项目取消' });
    expect(d.moves.filter((m: { kind: string }) => m.kind === 'phase').map((m: { toValue: string }) => m.toValue)).toEqual(['planning', 'preparation', 'terminated']);
  });
});

describe('links', () => {
  it('links the plan items a project serves (visible ones only) and lists them with their titles', async () => {
    const db = t.handle.db;
    const { plan, tasks } = await makePlan(db, { region: '永川区', title: '永川区城市更新行动计划', tasks: [{ title: '推进老旧小区改造' }] });
    const indicator = await makeIndicator(db, plan.id, { name: '城镇老旧小区改造数量' });
    const other = await makePlan(db, { region: '铜梁区', tasks: [{ title: '铜梁区的任务' }] });
    const p = await create({ name: '萱花片区老旧小区改造' });
    const bad = await office.request({ method: 'PUT', url: `/api/projects/${p.id}/links`, payload: { links: [{ kind: 'task', targetId: other.tasks[0].id }] } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('PROJECT_LINK_INVALID');
    const ok = await audited(['project.link'], () => office.request({ method: 'PUT', url: `/api/projects/${p.id}/links`, payload: { links: [{ kind: 'task', targetId: tasks[0].id }, { kind: 'indicator', targetId: indicator.id }] } }));
    expect(ok.statusCode, ok.body).toBe(200);
    expect((await detail(office, p.id)).links).toEqual([
      { kind: 'task', targetId: tasks[0].id, title: '推进老旧小区改造', planId: plan.id },
      { kind: 'indicator', targetId: indicator.id, title: '城镇老旧小区改造数量', planId: plan.id },
    ]);
    // another district's office cannot change them
    expect((await tlOffice.request({ method: 'PUT', url: `/api/projects/${p.id}/links`, payload: { links: [] } })).statusCode).toBe(404);
  });
});

describe('rolling', () => {
  it('rolls projects between the lists per year, keeps each year and every move, couples 年度计划 and its phase', async () => {
    at('2026-03-10T02:00:00Z');
    const a = await create({ name: '永川区第二水厂扩建', phase: 'preparation' });
    const b = await create({ name: '城东片区综合管廊' });
    const res = await audited(['project.roll', 'project.roll'], () =>
      office.post('/api/projects/roll', { year: 2026, moves: [{ projectId: a.id, list: 'annual', plannedInvestment: 5000 }, { projectId: b.id, list: 'rolling' }] }));
    expect(res.statusCode, res.body).toBe(200);
    let d = await detail(office, a.id);
    expect(d.project).toMatchObject({ list: 'annual', listYear: 2026, phase: 'scheduled', plannedInvestment: 5000 });
    // next year it drops back to the rolling list: the phase goes back to 前期, 2026 stays as it was
    expect((await office.post('/api/projects/roll', { year: 2027, moves: [{ projectId: a.id, list: 'rolling' }] })).statusCode).toBe(200);
    d = await detail(office, a.id);
    expect(d.years).toEqual([{ year: 2026, list: 'annual', plannedInvestment: 5000 }, { year: 2027, list: 'rolling', plannedInvestment: null }]);
    expect(d.project).toMatchObject({ list: 'rolling', listYear: 2027, phase: 'preparation' });
    expect(d.moves.filter((m: { kind: string }) => m.kind === 'list').map((m: { year: number; fromValue: string | null; toValue: string }) => [m.year, m.toValue])).toEqual([[2026, 'reserve'], [2026, 'annual'], [2027, 'rolling']]);
    // the list filter reads a year's list
    const annual2026 = (await office.get('/api/projects?list=annual&year=2026&pageSize=500')).json();
    expect(annual2026.items.map((p: { id: number }) => p.id)).toContain(a.id);
    expect((await office.get('/api/projects?list=annual&year=2027&pageSize=500')).json().items.map((p: { id: number }) => p.id)).not.toContain(a.id);
    // a closed project is not rolled, and nothing of the batch is written
    const c = await create({ name: '已终止的项目' });
    await office.post(`/api/projects/${c.id}/phase`, { phase: 'terminated', reason: '并入其他项目' });
    const refused = await office.post('/api/projects/roll', { year: 2028, moves: [{ projectId: b.id, list: 'annual' }, { projectId: c.id, list: 'annual' }] });
    expect(refused.json().error.code).toBe('PROJECT_NOT_ROLLABLE');
    expect((await detail(office, b.id)).years.map((y: { year: number }) => y.year)).toEqual([2026]);
  });
});

describe('monthly investment reports', () => {
  it('the owner unit reports; cumulative never falls, never passes 总投资 without a note, and adds up', async () => {
    at('2026-02-20T02:00:00Z');
    const p = await create({ name: '永川大道快速化改造', totalInvestment: 1000, startDate: '2026-01-01', finishDate: '2026-12-31', phase: 'construction', list: 'annual' });
    const report = (c: Client, body: Record<string, unknown>) => c.post(`/api/projects/${p.id}/reports`, body);
    const first = await audited(['project.report'], () => report(ownerReporter, { period: '2026-02', cumulativeInvestment: 60, progressText: '完成路基土石方30%' }));
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ monthInvestment: 60, cumulativeInvestment: 60 });
    at('2026-03-20T02:00:00Z');
    const falls = await report(ownerReporter, { period: '2026-03', cumulativeInvestment: 50, progressText: '路基施工' });
    expect(falls.statusCode).toBe(400);
    expect(falls.json().error.code).toBe('PROJECT_INVESTMENT_FALLS');
    const mismatch = await report(ownerReporter, { period: '2026-03', monthInvestment: 30, cumulativeInvestment: 100, progressText: '路基施工' });
    expect(mismatch.json().error.code).toBe('PROJECT_INVESTMENT_MISMATCH');
    const over = await report(ownerReporter, { period: '2026-03', cumulativeInvestment: 1100, progressText: '主体完工' });
    expect(over.json().error.code).toBe('PROJECT_INVESTMENT_OVER_TOTAL');
    expect((await t.handle.db.select().from(projectReports).where(eq(projectReports.projectId, p.id))).length).toBe(1);
    const ok = await report(ownerReporter, { period: '2026-03', monthInvestment: 40, cumulativeInvestment: 100, progressText: '完成路基土石方60%,开始管网施工' });
    expect(ok.statusCode, ok.body).toBe(200);
    // status against 序时进度: 79/365 = 21.6% of the time, 10% of the money: 11.6 points behind → yellow
    const d = await detail(office, p.id);
    expect(d.project.completedInvestment).toBe(100);
    expect(d.project.status).toMatchObject({ color: 'yellow', state: 'behind', pace: 21.6, investmentRate: 10, gap: 11.6 });
    expect(d.project.status.reason).toBe('序时进度21.6%,投资完成10%(累计100万元/总投资1000万元),落后11.6个百分点');
    // the previous period is locked now; the next one is not open yet
    expect((await report(ownerReporter, { period: '2026-02', cumulativeInvestment: 70, progressText: '补报' })).json().error.code).toBe('REPORT_PERIOD_LOCKED');
    expect((await report(ownerReporter, { period: '2026-04', cumulativeInvestment: 150, progressText: '提前报' })).json().error.code).toBe('REPORT_PERIOD_NOT_OPEN');
    // over 总投资 with a note is accepted (a re-estimated budget)
    const noted = await report(ownerReporter, { period: '2026-03', cumulativeInvestment: 1050, progressText: '主体完工', note: '概算调增,待批复', version: 1 });
    expect(noted.statusCode, noted.body).toBe(200);
    // the ledger of the month carries the report
    const ledger = await office.get('/api/projects/ledger?period=2026-03');
    expect(ledger.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(ledger.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    const headers = (ws.getRow(1).values as string[]).slice(1);
    expect(headers).toEqual(['序号', '项目名称', '建设内容', '建设地点', '业主单位', '项目类别', '总投资(万元)', '年度计划投资(万元)', '开工时间', '竣工时间', '项目阶段', '形象进度', '本月完成投资(万元)', '累计完成投资(万元)']);
    const row = [...Array(ws.rowCount).keys()].map((i) => ws.getRow(i + 1)).find((r) => r.getCell(2).value === '永川大道快速化改造')!;
    expect([row.getCell(12).value, row.getCell(13).value, row.getCell(14).value]).toEqual(['主体完工', 990, 1050]);
    // the layout: every body cell 宋体 (exceljs reads 10.5 back as 10) with a thin border, each column its alignment; the 合计 row bold
    for (const [col, horizontal] of [[1, 'center'], [2, 'left'], [7, 'center'], [12, 'left']] as const) {
      const cell = row.getCell(col);
      expect([cell.font?.name, cell.alignment?.horizontal, cell.alignment?.wrapText, cell.border?.left?.style]).toEqual(['宋体', horizontal, true, 'thin']);
    }
    expect(ws.getRow(1).getCell(1).fill).toMatchObject({ pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } });
    expect(ws.getRow(ws.rowCount).getCell(1).value).toBe('合计');
    expect(ws.getRow(ws.rowCount).getCell(1).font?.bold).toBe(true);
    // the library export: 本月完成投资 of the latest reported period, 累计 and 形象进度 from the project
    const lib = new ExcelJS.Workbook();
    await lib.xlsx.load((await office.get('/api/projects/export')).rawPayload as unknown as ArrayBuffer);
    const libRow = [...Array(lib.worksheets[0].rowCount).keys()].map((i) => lib.worksheets[0].getRow(i + 1)).find((r) => r.getCell(2).value === '永川大道快速化改造')!;
    expect([libRow.getCell(12).value, libRow.getCell(13).value, libRow.getCell(14).value]).toEqual(['主体完工', 990, 1050]);
    expect([libRow.getCell(16).font?.name, libRow.getCell(16).alignment?.horizontal, libRow.getCell(15).alignment?.horizontal]).toEqual(['宋体', 'left', 'center']);
  });

  it('only the owner unit reports; another unit and another district do not see the project', async () => {
    at('2026-03-20T02:00:00Z');
    const p = await create({ name: '港桥园区物流基地', phase: 'construction' });
    const body = { period: '2026-03', cumulativeInvestment: 10, progressText: '场平' };
    expect((await otherReporter.post(`/api/projects/${p.id}/reports`, body)).statusCode).toBe(404);
    expect((await otherReporter.get(`/api/projects/${p.id}`)).statusCode).toBe(404);
    expect((await otherReporter.get('/api/projects')).json().items.map((x: { id: number }) => x.id)).not.toContain(p.id);
    expect((await ownerReporter.get('/api/projects?pageSize=500')).json().items.every((x: { ownerUnitId: number }) => x.ownerUnitId === owner.id)).toBe(true);
    expect((await tlOffice.get(`/api/projects/${p.id}`)).statusCode).toBe(404);
    expect((await tlOffice.patch(`/api/projects/${p.id}`, { version: 1, name: '改名' })).statusCode).toBe(404);
    expect((await tlOffice.post('/api/projects', { regionId: yc, name: '越界项目' })).statusCode).toBe(403);
    // another district's office cannot name this district's unit as owner
    const cross = await tlOffice.post('/api/projects', { regionId: tl, name: '铜梁项目', ownerUnitId: owner.id });
    expect(cross.json().error.code).toBe('UNIT_OUTSIDE_REGION');
    // the office runs the library but does not report for the unit; a leader reads only
    expect((await office.post(`/api/projects/${p.id}/reports`, body)).statusCode).toBe(403);
    expect((await leader.get(`/api/projects/${p.id}`)).statusCode).toBe(200);
    expect((await leader.post(`/api/projects/${p.id}/phase`, { phase: 'completed' })).statusCode).toBe(403);
    // the owner's report: the office still sees it, the phase 谋划储备 refuses reports
    expect((await ownerReporter.post(`/api/projects/${p.id}/reports`, body)).statusCode).toBe(200);
    const reserve = await create({ name: '储备中的项目' });
    expect((await ownerReporter.post(`/api/projects/${reserve.id}/reports`, body)).json().error.code).toBe('PROJECT_REPORT_CLOSED');
  });
});

describe('list', () => {
  it('filters by phase, owner unit, text and status, and pages', async () => {
    at('2026-03-20T02:00:00Z');
    const list = async (q: string) => (await office.get(`/api/projects?pageSize=500&${q}`)).json();
    const all = await list('');
    expect(all.total).toBeGreaterThan(5);
    expect((await list('phase=construction')).items.every((p: { phase: string }) => p.phase === 'construction')).toBe(true);
    expect((await list(`ownerUnitId=${owner.id}`)).items.every((p: { ownerUnitId: number }) => p.ownerUnitId === owner.id)).toBe(true);
    expect((await list(`q=${encodeURIComponent('快速化')}`)).items.map((p: { name: string }) => p.name)).toEqual(['永川大道快速化改造']);
    expect((await list('status=yellow')).items.every((p: { status: { color: string } }) => p.status.color === 'yellow')).toBe(true);
    const page2 = (await office.get('/api/projects?pageSize=2&page=2')).json();
    expect(page2.items.map((p: { id: number }) => p.id)).toEqual(all.items.slice(2, 4).map((p: { id: number }) => p.id));
    expect((await office.get('/api/projects?phase=bogus')).statusCode).toBe(400);
  });
});

async function sheet(rows: (string | number | null)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('2026年重点项目');
  ws.addRow(['永川区2026年重点项目计划表']);
  ws.addRow(['序号', '项目名称', '建设内容', '建设地点', '业主单位', '总投资(亿元)', '2026年计划投资(万元)', '开工时间', '竣工时间', '项目阶段', '形象进度']);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('Excel import and export', () => {
  it('shows row errors before anything is saved, saves nothing while any row is wrong, then saves all', async () => {
    at('2026-03-20T02:00:00Z');
    const bad = await sheet([
      [1, '卫星湖片区雨污分流改造', '改造管网18公里', '卫星湖街道', '永川区城市建设投资集团', 1.2, 3000, '2026年3月', '2027年12月', '在建', '管网开挖'],
      [2, '茶山竹海景区提档升级', '游客中心、步道', '茶山竹海街道', '不存在的公司', '约2亿', 2000, '2026.5', '2027.6', '前期', ''],
      [3, '卫星湖片区雨污分流改造', '重复一行', '', '', '', '', '', '', '', ''],
      [4, '朱沱港区三期', '泊位4个', '朱沱镇', '永川区交通建设公司', 8, 9000, '2026-09-01', '2025-12-31', '谋划', ''],
    ]);
    const count = async () => (await t.handle.db.select().from(projects)).length;
    const before = await count();
    const preview = await office.upload('/api/projects/import', '重点项目.xlsx', bad);
    expect(preview.statusCode, preview.body).toBe(200);
    const p = preview.json();
    expect(p.headerRow).toBe(2);
    expect(p.rows.map((r: { rowNumber: number; errors: string[] }) => [r.rowNumber, r.errors])).toEqual([
      [3, []],
      [4, ['总投资“约2亿”不是数字', '业主单位“不存在的公司”不在本区域单位库中,请先在单位管理中新建或改为库中名称']],
      [5, ['与第3行项目名称重复']],
      [6, ['竣工时间早于开工时间']],
    ]);
    const refused = await office.upload('/api/projects/import?confirm=1', '重点项目.xlsx', bad);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.code).toBe('PROJECT_IMPORT_ROWS');
    expect(await count()).toBe(before);
    const good = await sheet([
      [1, '卫星湖片区雨污分流改造', '改造管网18公里', '卫星湖街道', '永川区城市建设投资集团', 1.2, 3000, '2026年3月', '2027年12月', '在建', '管网开挖'],
      [2, '朱沱港区三期', '泊位4个', '朱沱镇', '永川区交通建设公司', 8, 9000, '2026-09-01', '2028-12-31', '谋划', ''],
    ]);
    const saved = await audited(['project.create', 'project.create'], () => office.upload('/api/projects/import?confirm=1&year=2026', '重点项目.xlsx', good));
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().saved).toBe(2);
    const [id] = saved.json().projectIds;
    expect((await detail(office, id)).project).toMatchObject({ name: '卫星湖片区雨污分流改造', totalInvestment: 12000, plannedInvestment: 3000, startDate: '2026-03-01', finishDate: '2027-12-31', phase: 'construction', list: 'annual', origin: 'excel', ownerUnitId: owner.id });
    // a non-xlsx file is refused with a clear code
    expect((await office.upload('/api/projects/import', 'list.csv', Buffer.from('项目名称,总投资\n'))).json().error.code).toBe('IMPORT_UNSUPPORTED_FORMAT');
    // a workbook without a project header
    const noHeader = new ExcelJS.Workbook();
    noHeader.addWorksheet('x').addRow(['甲', '乙']);
    expect((await office.upload('/api/projects/import', 'x.xlsx', Buffer.from(await noHeader.xlsx.writeBuffer()))).json().error.code).toBe('PROJECT_IMPORT_NO_HEADER');
  });

  it('exports the library in the column shape it imports: the exported file reads back to the same values', async () => {
    at('2026-03-20T02:00:00Z');
    const res = await office.get(`/api/projects/export?ownerUnitId=${owner.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const listed = (await office.get(`/api/projects?ownerUnitId=${owner.id}&pageSize=500`)).json().items as { name: string; totalInvestment: number | null; startDate: string | null; finishDate: string | null; phase: string }[];
    expect(listed.some((p) => p.phase === 'terminated')).toBe(true);
    const back = (await office.upload('/api/projects/import', '导出.xlsx', res.rawPayload)).json();
    expect(back.rows.map((r: { name: string }) => r.name)).toEqual(listed.map((p) => p.name));
    for (const r of back.rows as { name: string; values: Record<string, string>; errors: string[] }[]) {
      const p = listed.find((x) => x.name === r.name)!;
      expect(r.values.owner).toBe('永川区城市建设投资集团');
      expect(r.values.total === '' ? null : Number(r.values.total)).toBe(p.totalInvestment);
      expect([r.values.start || null, r.values.finish || null]).toEqual([p.startDate, p.finishDate]);
      // the only errors of a re-import into the same library: the project is already there (and a terminated one is not taken)
      expect(r.errors).toEqual(['项目库中已有同名项目', ...(p.phase === 'terminated' ? ['已终止的项目不导入项目库'] : [])]);
    }
  });
});
