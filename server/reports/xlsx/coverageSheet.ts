// 区县落实情况 (镇街落实情况 for a district's plan) export (issue #13): upper tasks × districts (or towns), each cell 未落实 / 不适用 / the linked tasks' status and
// whether the district is reporting (本期已报送 / 本期未报送), coloured like the web matrix; counts per task (right) and per district (bottom); the roll-up rule below.
import { REPORTING_LABELS, type Coverage } from '../../../shared/takeUp.js';
import { colourFills } from '../labels.js';
import { addTableSheet, fillCell, newWorkbook, toBuffer, type ColumnSpec } from './sheet.js';

export async function buildCoverageXlsx(title: string, c: Coverage): Promise<Buffer> {
  const wb = newWorkbook(title);
  const columns: ColumnSpec[] = [
    { header: '序号', width: 6, align: 'center' },
    { header: '任务', width: 44 },
    ...c.districts.map((d) => ({ header: d.name, width: 11, align: 'center' as const })),
    { header: '已落实', width: 8, align: 'center' },
    { header: REPORTING_LABELS.reporting, width: 10, align: 'center' },
    { header: '不适用', width: 8, align: 'center' },
    { header: '未落实', width: 8, align: 'center' },
    { header: '汇总状态', width: 40 },
  ];
  const rows: (string | number | null)[][] = c.rows.map((r, i) => [
    i + 1, r.task.title,
    ...r.cells.map((cell) => (cell.state === 'not_applicable' ? `不适用:${cell.reason ?? ''}` : cell.state === 'taken_up' ? `${cell.label}（${REPORTING_LABELS[cell.reporting ? 'reporting' : 'silent']}）` : cell.label)),
    r.counts.taken_up, r.counts.reporting, r.counts.not_applicable, r.counts.not_taken, r.rollup.text,
  ]);
  rows.push(['', `已落实（其中${REPORTING_LABELS.reporting}） / 不适用 / 未落实`, ...c.districts.map((d) => `${d.counts.taken_up}（${d.counts.reporting}） / ${d.counts.not_applicable} / ${d.counts.not_taken}`), c.totals.taken_up, c.totals.reporting, c.totals.not_applicable, c.totals.not_taken, '']);
  rows.push(['', `汇总规则:${c.rule}`]);
  const ws = addTableSheet(wb, `${c.levelWord}落实情况`, columns, rows);
  c.rows.forEach((r, i) => r.cells.forEach((cell, j) => {
    if (cell.color) fillCell(ws.getCell(i + 2, j + 3), colourFills[cell.color]);
  }));
  return toBuffer(wb);
}
