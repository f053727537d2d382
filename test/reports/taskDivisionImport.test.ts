import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readTaskDivisionTable, toParsedPlan } from '../../server/reports/index.js';
import { AppError } from '../../shared/errors.js';

// Wording from the Yongchuan urban-renewal action plan (corpus 000), laid out the way
// district offices circulate task-division tables: a merged title row, a blank row,
// the header, chapter rows merged across the table, a 重点任务 merged over its
// 具体任务 rows, a blank row inside the table and a note under it.
const title = '永川区城市更新提升“十四五”行动计划重点任务分工表';
const t1 = '强化区域一体化发展，聚焦区域内资源协同优化，推进永川从“融城”走向“同城”发展；加快承接重庆中心城区功能和产业转移。';
const t2 = '推进泸永江、永大荣融合发展，助推共建川南渝西融合发展试验区和区域性先进制造业集群。';
const t3 = '构建特色小城镇体系，制定差异化发展策略，引导城镇特色化发展。';
const t4 = '完善城市设计管理，将城市设计贯穿城市规划建设管理全过程。';

async function divisionWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('分工表');
  ws.getCell('A1').value = title;
  ws.mergeCells('A1:G1');
  ws.getRow(3).values = ['序号', '重点任务', '具体任务', '牵头单位', '责任单位', '配合单位', '完成\n时限'];
  ws.getCell('A4').value = '二、提升城市发展能级，建设“新区大城”';
  ws.mergeCells('A4:G4');
  ws.getRow(5).values = [1, '（一）构建大协同体系', t1, '区发展改革委、区规划自然资源局', '区经济信息委、区交通局、区商务委', '永川高新区管委会等有关部门', '2025年底前'];
  ws.getRow(6).values = [2, null, t2, '区发展改革委', '区经济信息委', null, '2024年6月底'];
  ws.mergeCells('B5:B6');
  ws.getCell('A8').value = '三、提升城市规划水平，科学引领城市发展';
  ws.mergeCells('A8:G8');
  ws.getRow(9).values = [3, '（五）推动全域协调发展', t3, '区规划自然资源局（牵头）', '永川高新区管委会\n各街镇政府', null, '长期坚持'];
  ws.getRow(10).values = [4, '（八）加强规划管理', t4, null, null, null, new Date(Date.UTC(2025, 5, 30))];
  ws.getRow(11).values = [5, '（九）优化城市建设空间品质', '拉开“双百”城市空间框架。', '区规划自然资源局、城市更新专班', null, null, '适时推进'];
  ws.getCell('A12').value = '注：完成时限为“长期坚持”的任务每季度报送进展。';
  ws.mergeCells('A12:G12');
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('task-division table import', () => {
  it('finds the header below a title row and reads the rows', async () => {
    const preview = await readTaskDivisionTable(await divisionWorkbook());
    expect(preview.sheetName).toBe('分工表');
    expect(preview.titleLines).toEqual([title]);
    expect(preview.headerRow).toBe(3);
    expect(preview.headers).toEqual(['序号', '重点任务', '具体任务', '牵头单位', '责任单位', '配合单位', '完成时限']);
    expect(preview.mapping).toEqual({ 0: 'seq', 1: 'title', 2: 'text', 3: 'lead', 4: 'responsible', 5: 'cooperating', 6: 'deadline' });
    expect(preview.rows.map((r) => [r.rowNumber, r.kind])).toEqual([
      [4, 'heading'],
      [5, 'task'],
      [6, 'task'],
      [8, 'heading'],
      [9, 'task'],
      [10, 'task'],
      [11, 'task'],
      [12, 'note'],
    ]);
    // the merged 重点任务 reads on both rows; dates become ISO text
    expect(preview.rows[2].cells[1]).toBe('（一）构建大协同体系');
    expect(preview.rows[5].cells[6]).toBe('2025-06-30');
    expect(preview.rows[4].cells[4]).toBe('永川高新区管委会 各街镇政府'); // a line break inside a cell separates units
  });

  it('turns the preview into a ParsedPlan whose sources point into the table text', async () => {
    const preview = await readTaskDivisionTable(await divisionWorkbook());
    const plan = toParsedPlan(preview);
    const text = plan.text!;
    expect(plan.meta).toMatchObject({ title, format: 'xlsx', region: '永川区', level: 'district', type: '行动计划', charCount: text.length });
    expect(text.split('\n')[0]).toBe(title);
    expect(text.split('\n')[1]).toBe('序号 | 重点任务 | 具体任务 | 牵头单位 | 责任单位 | 配合单位 | 完成时限');

    expect(plan.outline.map((o) => [o.id, o.kind, o.marker, o.number, o.title, o.parentId])).toEqual([
      ['o1', 'chapter', '二、', 2, '提升城市发展能级，建设“新区大城”', null],
      ['o2', 'section', '（一）', 1, '构建大协同体系', 'o1'],
      ['o3', 'chapter', '三、', 3, '提升城市规划水平，科学引领城市发展', null],
    ]);
    for (const o of plan.outline) expect(text.slice(o.source.start, o.source.end)).toContain(o.title);

    expect(plan.tasks).toHaveLength(5);
    const [a, b, c, d, e] = plan.tasks;
    expect(a.outlineId).toBe('o2');
    expect(b.outlineId).toBe('o2');
    expect(a.title).toBe('强化区域一体化发展，聚焦区域内资源协同优化，推进永川从“融城”走向“同城”发展');
    expect(a.text).toBe(t1);
    expect(text.slice(a.source.start, a.source.end)).toBe(`1 | （一）构建大协同体系 | ${t1} | 区发展改革委、区规划自然资源局 | 区经济信息委、区交通局、区商务委 | 永川高新区管委会等有关部门 | 2025年底前`);
    expect(a.lead.map((u) => u.name)).toEqual(['区发展改革委', '区规划自然资源局']);
    expect(a.responsible.map((u) => u.name)).toEqual(['区经济信息委', '区交通局', '区商务委']);
    // "X等有关部门" names only X (fixtures/real/README.md; the parser's one rule for every reader)
    expect(a.cooperating.map((u) => [u.raw, u.scope])).toEqual([['永川高新区管委会', 'unit']]);
    for (const u of [...a.lead, ...a.responsible, ...a.cooperating, ...c.responsible]) expect(text.slice(u.source!.start, u.source!.end)).toBe(u.raw);
    expect(text.slice(a.unitsSource!.start, a.unitsSource!.end)).toBe('区发展改革委、区规划自然资源局 | 区经济信息委、区交通局、区商务委 | 永川高新区管委会等有关部门');
    expect([a.deadline, b.deadline, c.deadline, d.deadline, e.deadline]).toEqual(['2025-12', '2024-06', null, '2025-06-30', null]);
    expect(c.deadlineText).toBe('长期坚持');

    expect(c.outlineId).toBe('o3');
    expect(c.title).toBe('推动全域协调发展');
    expect(c.lead.map((u) => u.name)).toEqual(['区规划自然资源局']); // "（牵头）" is a role, not a unit
    // the document parser's splitter and registry: canonical names, honest catch-alls
    expect(c.responsible.map((u) => [u.raw, u.name, u.known, u.scope])).toEqual([
      ['永川高新区管委会', '永川高新区管委会', true, 'unit'],
      ['各街镇政府', '各镇街', true, 'all_towns'],
    ]);
    expect(e.lead.map((u) => [u.raw, u.known])).toEqual([['区规划自然资源局', true], ['城市更新专班', false]]);

    expect(plan.warnings.map((w) => [w.code, w.message])).toEqual([
      ['UNIT_NOTE_MISSING', '第10行未填写牵头单位或责任单位'],
      ['DEADLINE_UNPARSED', '第11行的完成时限“适时推进”无法识别为日期'],
      ['UNIT_UNKNOWN', '单位“城市更新专班”不在单位库中,已按原文保留,请确认或新建'],
    ]);
    expect(plan.notes).toEqual([expect.objectContaining({ code: 'TABLE_NOTE', text: '注：完成时限为“长期坚持”的任务每季度报送进展。' })]);
  });

  it('applies a mapping override from the reviewer', async () => {
    const buf = await divisionWorkbook();
    // the office's 配合单位 column really lists responsible units, and 重点任务 is to be ignored
    const preview = await readTaskDivisionTable(buf, { mapping: { 1: 'ignore', 5: 'responsible' } });
    expect(preview.mapping[1]).toBe('ignore');
    expect(preview.mapping[5]).toBe('responsible');
    const plan = toParsedPlan(preview);
    expect(plan.outline.map((o) => o.kind)).toEqual(['chapter', 'chapter']);
    expect(plan.tasks[0].responsible.map((u) => u.raw)).toEqual(['区经济信息委', '区交通局', '区商务委', '永川高新区管委会']);
    expect(plan.tasks[0].cooperating).toEqual([]);
    expect(plan.tasks[2].title).toBe('构建特色小城镇体系，制定差异化发展策略，引导城镇特色化发展');
    // the same preview re-mapped at confirm time
    const again = toParsedPlan(preview, { ...preview.mapping, 3: 'cooperating', 4: 'lead' });
    expect(again.tasks[0].lead.map((u) => u.raw)).toEqual(['区经济信息委', '区交通局', '区商务委']);
  });

  it('reads a table whose headers it does not know when told the header row and columns', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Sheet1');
    ws.addRow(['编号', '工作要点', '主办单位', '协办单位', '截止日期']);
    ws.addRow([1, '加强城市体检评估，建立城市更新项目库。', '区住房城乡建委', '区规划自然资源局、各镇人民政府、街道办事处', '2025年12月31日']);
    ws.addRow([2, '完成城市更新专项规划编制。', '区规划自然资源局', null, '6月底前']);
    const buf = Buffer.from(await wb.xlsx.writeBuffer());
    await expect(readTaskDivisionTable(buf)).rejects.toBeInstanceOf(AppError);
    const preview = await readTaskDivisionTable(buf, { headerRow: 1, mapping: { 1: 'text' } });
    expect(preview.mapping).toEqual({ 0: 'seq', 1: 'text', 2: 'lead', 3: 'cooperating', 4: 'deadline' });
    const plan = toParsedPlan(preview, preview.mapping, { title: '永川区城市更新2025年工作要点' });
    expect(plan.meta).toMatchObject({ title: '永川区城市更新2025年工作要点', periodStart: 2025, periodEnd: 2025 });
    const [task] = plan.tasks;
    expect(task.lead.map((u) => u.name)).toEqual(['区住房城乡建委']);
    expect(task.cooperating.map((u) => [u.raw, u.scope])).toEqual([
      ['区规划自然资源局', 'unit'],
      ['各镇人民政府、街道办事处', 'all_towns'],
    ]);
    expect(task.deadline).toBe('2025-12-31');
    expect(plan.tasks[1].deadline).toBe('2025-06'); // the year comes from the title, as in the document parser
  });

  it('rejects a file that is not a workbook', async () => {
    await expect(readTaskDivisionTable(Buffer.from('not a workbook'))).rejects.toMatchObject({ code: 'IMPORT_CORRUPT' });
  });
});
