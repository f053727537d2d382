// 报送记录 export: who reported what in which period, and whether on time.
import { reviewLabels, taskStatusLabels } from '../labels.js';
import { reportingRecordInputSchema, type ReportingRecordInput } from '../../../shared/reportDocs.js';
import { addTableSheet, fillCell, newWorkbook, toBuffer, type ColumnSpec } from './sheet.js';

export const reportingColumns: ColumnSpec[] = [
  { header: '报送期', width: 12, align: 'center' },
  { header: '单位', width: 20 },
  { header: '任务', width: 44 },
  { header: '状态', width: 9, align: 'center' },
  { header: '提交时间', width: 17, align: 'center' },
  { header: '是否按时', width: 9, align: 'center' },
  { header: '审核结果', width: 9, align: 'center' },
];

export async function buildReportingRecordXlsx(input: ReportingRecordInput): Promise<Buffer> {
  const { title, records } = reportingRecordInputSchema.parse(input);
  const wb = newWorkbook(title);
  const rows = records.map((r) => [
    r.period,
    r.unit,
    r.task,
    r.status ? taskStatusLabels[r.status] : null,
    r.submittedAt ?? '未报送',
    r.onTime === null ? null : r.onTime ? '是' : '否',
    r.review ? reviewLabels[r.review] : null,
  ]);
  const ws = addTableSheet(wb, '报送记录', reportingColumns, rows);
  records.forEach((r, i) => {
    if (r.onTime === false || r.submittedAt === null) fillCell(ws.getCell(i + 2, 6), 'FFC7CE');
    if (r.review === 'returned') fillCell(ws.getCell(i + 2, 7), 'FFEB9C');
  });
  return toBuffer(wb);
}
