// 指标表 export. Values stay text ("7.5*", "【120】") so the plan's own notation survives.
import { attributeLabels, evaluationColours, evaluationLabels, kindLabels, notEvaluatedLabel } from '../labels.js';
import { indicatorSheetInputSchema, type IndicatorSheetInput } from '../../../shared/reportDocs.js';
import { addTableSheet, newWorkbook, toBuffer, type ColumnSpec } from './sheet.js';

export const indicatorColumns: ColumnSpec[] = [
  { header: '指标', width: 36 },
  { header: '单位', width: 10, align: 'center' },
  { header: '属性', width: 8, align: 'center' },
  { header: '类型', width: 10, align: 'center' },
  { header: '基期年', width: 8, align: 'center' },
  { header: '基期值', width: 10, align: 'center' },
  { header: '目标年', width: 8, align: 'center' },
  { header: '目标值', width: 10, align: 'center' },
  { header: '最新值', width: 10, align: 'center' },
  { header: '预期值', width: 10, align: 'center' },
  { header: '评价', width: 13, align: 'center' },
];

export async function buildIndicatorXlsx(input: IndicatorSheetInput): Promise<Buffer> {
  const { title, indicators } = indicatorSheetInputSchema.parse(input);
  const wb = newWorkbook(title);
  const rows = indicators.map((r) => [
    r.name,
    r.unit,
    r.attribute ? attributeLabels[r.attribute] : null,
    r.kind ? kindLabels[r.kind] : null,
    r.baselineYear,
    r.baseline,
    r.targetYear,
    r.target,
    r.latest,
    r.expected,
    r.evaluation && r.evaluation !== 'no_data' ? evaluationLabels[r.evaluation] : notEvaluatedLabel,
  ]);
  const ws = addTableSheet(wb, '主要指标', indicatorColumns, rows);
  indicators.forEach((r, i) => {
    if (r.evaluation && r.evaluation !== 'no_data') ws.getCell(i + 2, 11).font = { name: '宋体', size: 10.5, bold: true, color: { argb: `FF${evaluationColours[r.evaluation]}` } };
  });
  return toBuffer(wb);
}
