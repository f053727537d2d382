// 任务台账 export: one row per task, status cell coloured like the web app.
import { colourFills, defaultStatusColour, taskStatusLabels } from '../labels.js';
import { taskLedgerInputSchema, type TaskLedgerInput } from '../../../shared/reportDocs.js';
import { addTableSheet, fillCell, newWorkbook, toBuffer, type ColumnSpec } from './sheet.js';

export const taskLedgerColumns: ColumnSpec[] = [
  { header: '序号', width: 6, align: 'center' },
  { header: '章节', width: 22 },
  { header: '任务', width: 48 },
  { header: '牵头单位', width: 18 },
  { header: '责任单位', width: 24 },
  { header: '配合单位', width: 20 },
  { header: '完成时限', width: 11, align: 'center' },
  { header: '状态', width: 11, align: 'center' },
  { header: '最新进展', width: 40 },
  { header: '更新时间', width: 17, align: 'center' },
];
const statusColumn = 8;

export async function buildTaskLedgerXlsx(input: TaskLedgerInput): Promise<Buffer> {
  const { title, tasks } = taskLedgerInputSchema.parse(input);
  const wb = newWorkbook(title);
  const rows = tasks.map((t, i) => [
    i + 1,
    t.chapter,
    t.title,
    t.lead.join('、'),
    t.responsible.join('、'),
    t.cooperating.join('、'),
    t.deadline,
    taskStatusLabels[t.status],
    t.latestProgress,
    t.updatedAt,
  ]);
  const ws = addTableSheet(wb, '任务台账', taskLedgerColumns, rows);
  tasks.forEach((t, i) => fillCell(ws.getCell(i + 2, statusColumn), colourFills[t.color ?? defaultStatusColour[t.status]]));
  return toBuffer(wb);
}
