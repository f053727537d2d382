import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { buildIndicatorXlsx, buildReportingRecordXlsx, buildTaskLedgerXlsx } from '../../server/reports/index.js';
import { indicators, tasks } from './fixtures.js';

async function open(buf: Buffer): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  return wb.worksheets[0];
}
const rowValues = (ws: ExcelJS.Worksheet, r: number) => (ws.getRow(r).values as unknown[]).slice(1);

describe('xlsx exports', () => {
  it('task ledger: header, values, frozen header, widths, wrapping, status colour', async () => {
    const ws = await open(await buildTaskLedgerXlsx({ title: '永川区城市更新任务台账', tasks }));
    expect(ws.name).toBe('任务台账');
    expect(rowValues(ws, 1)).toEqual(['序号', '章节', '任务', '牵头单位', '责任单位', '配合单位', '完成时限', '状态', '最新进展', '更新时间']);
    expect(ws.rowCount).toBe(tasks.length + 1);
    const r4 = rowValues(ws, 4);
    expect(r4[0]).toBe(3);
    expect(r4[2]).toBe('（三）构建大协同体系');
    expect(r4[3]).toBe('区发展改革委、区规划自然资源局');
    expect(r4[4]).toBe('区经济信息委、区交通局、区商务委、永川高新区管委会、区新城建管委、港桥产业促进中心');
    expect(r4[6]).toBe('2025-12');
    expect(r4[7]).toBe('滞后');
    expect(r4[9]).toBe('2026-10-24 16:30');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.getColumn(3).width).toBe(48);
    expect(ws.getCell('C2').alignment?.wrapText).toBe(true);
    const fill = (addr: string) => (ws.getCell(addr).fill as ExcelJS.FillPattern).fgColor?.argb;
    expect(fill('H3')).toBe('FFDDEBF7'); // 已完成: blue
    expect(fill('H4')).toBe('FFFFEB9C'); // 滞后: yellow
    expect(fill('H8')).toBe('FFFFC7CE'); // the caller's red
    expect(ws.getCell('H8').value).toBe('逾期未完成');
    expect(ws.getCell('H2').value).toBe('正常推进');
    expect(fill('H2')).toBe('FFC6EFCE');
    expect(ws.getCell('G12').value).toBe('长期坚持');
  });

  it('indicator table keeps the plan notation and the evaluation', async () => {
    const ws = await open(await buildIndicatorXlsx({ indicators }));
    expect(rowValues(ws, 1)).toEqual(['指标', '单位', '属性', '类型', '基期年', '基期值', '目标年', '目标值', '最新值', '预期值', '评价']);
    expect(rowValues(ws, 2)).toEqual(['地区生产总值年均增速', '%', '预期性', '年均增速', 2020, '4.6', 2025, '7.5*', '6.9', '7.5', '滞后']);
    const cumulative = rowValues(ws, 6);
    expect(cumulative.slice(0, 4)).toEqual(['新增高新技术企业数量', '户', '预期性', '累计值']);
    expect(cumulative[7]).toBe('【120】');
    expect(rowValues(ws, 16)[10]).toBe('暂无数据');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  });

  it('reporting record marks late and missing reports', async () => {
    const ws = await open(
      await buildReportingRecordXlsx({
        records: [
          { period: '2026年10月', unit: '区规划自然资源局', task: '构建山清水秀生态空间', status: 'overdue', submittedAt: null, onTime: null, review: null },
          { period: '2026年10月', unit: '区发展改革委', task: '展现大格局担当', status: 'on_track', submittedAt: '2026-10-24 16:30', onTime: true, review: 'approved' },
          { period: '2026年10月', unit: '区住房城乡建委', task: '提升绿色化智能化建造水平', status: 'on_track', submittedAt: '2026-10-27 09:10', onTime: false, review: 'returned' },
        ],
      }),
    );
    expect(rowValues(ws, 1)).toEqual(['报送期', '单位', '任务', '状态', '提交时间', '是否按时', '审核结果']);
    expect(rowValues(ws, 2)).toEqual(['2026年10月', '区规划自然资源局', '构建山清水秀生态空间', '逾期未完成', '未报送']);
    expect(rowValues(ws, 3)).toEqual(['2026年10月', '区发展改革委', '展现大格局担当', '正常推进', '2026-10-24 16:30', '是', '通过']);
    expect(rowValues(ws, 4)[5]).toBe('否');
    expect(rowValues(ws, 4)[6]).toBe('退回');
    expect((ws.getCell('F4').fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFFC7CE');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  });
});
