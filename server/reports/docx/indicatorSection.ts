// The indicator part of an evaluation report: a count sentence, a count table and
// the indicator table grouped by evaluation class.
import type { FileChild } from 'docx';
import { attributeLabels, evaluationLabels, evaluationOrder, notEvaluatedLabel } from '../labels.js';
import type { ClassifiedEvaluation, IndicatorRow } from '../../../shared/reportDocs.js';
import { countEvaluations, type EvaluationCounts } from '../summarize.js';
import { chineseNumber } from './chinese.js';
import { bodyParagraph } from './gb.js';
import { officialTable, tableCaption, type CellSpec } from './table.js';

export function evaluationSentence(c: EvaluationCounts): string {
  if (!c.total) return '本期暂无纳入监测的主要指标。';
  const parts = evaluationOrder.map((e) => `${evaluationLabels[e]}${c[e]}项`).join('、');
  const none = c.none ? `，另有${c.none}项${notEvaluatedLabel}` : '';
  return `纳入监测的${c.total}项主要指标中，${parts}${none}。`;
}

export function evaluationCountTable(c: EvaluationCounts, caption: string): FileChild[] {
  const headers = ['评价', ...evaluationOrder.map((e) => evaluationLabels[e]), notEvaluatedLabel, '合计'];
  const row: CellSpec[] = [
    { text: '指标数（项）', align: 'center' },
    ...evaluationOrder.map((e) => ({ text: String(c[e]), align: 'center' as const })),
    { text: String(c.none), align: 'center' },
    { text: String(c.total), align: 'center' },
  ];
  return [tableCaption(caption), officialTable(headers, [row], [24, 22, 22, 28, 16, 22, 22] /* mm */)];
}

/** "2020年 / 基期值" when every row shares the year (fits a narrow column); otherwise the year goes into each cell. */
function valueColumn(rows: IndicatorRow[], label: string, year: (r: IndicatorRow) => number | null, value: (r: IndicatorRow) => string | null) {
  const years = new Set(rows.map(year).filter((y) => y !== null));
  const shared = years.size === 1 && rows.every((r) => year(r) !== null || value(r) === null) ? [...years][0] : null;
  return {
    header: shared ? `${shared}年\n${label}` : label,
    cell: (r: IndicatorRow) => {
      const v = value(r) ?? '—';
      return !shared && year(r) !== null && value(r) !== null ? `${v}\n\uFF08${year(r)}年\uFF09` : v;
    },
  };
}

export function indicatorTable(rows: IndicatorRow[], caption: string): FileChild[] {
  const base = valueColumn(rows, '基期值', (r) => r.baselineYear, (r) => r.baseline);
  const target = valueColumn(rows, '目标值', (r) => r.targetYear, (r) => r.target);
  const latest = valueColumn(rows, '当前值', (r) => r.latestYear, (r) => r.latest);
  const headers = ['序号', '指标', '单位', '属性', base.header, target.header, latest.header, '预期值', '评价'];
  const groups: (ClassifiedEvaluation | null)[] = [...evaluationOrder, null];
  const body: CellSpec[][] = [];
  let seq = 0;
  let groupNo = 0;
  for (const g of groups) {
    const members = rows.filter((r) => (r.evaluation === 'no_data' ? null : r.evaluation) === g);
    if (!members.length) continue;
    groupNo += 1;
    body.push([{ text: `${chineseNumber(groupNo)}、${g ? evaluationLabels[g] : notEvaluatedLabel}\uFF08${members.length}项\uFF09`, span: 9, bold: true, fill: 'F2F2F2' }]);
    for (const r of members) {
      seq += 1;
      body.push([
        { text: String(seq), align: 'center' },
        { text: r.name },
        { text: r.unit ?? '—', align: 'center' },
        { text: r.attribute ? attributeLabels[r.attribute] : '—', align: 'center' },
        { text: base.cell(r), align: 'center' },
        { text: target.cell(r), align: 'center' },
        { text: latest.cell(r), align: 'center' },
        { text: r.expected ?? '—', align: 'center' },
        { text: g ? evaluationLabels[g] : notEvaluatedLabel, align: 'center' },
      ]);
    }
  }
  return [tableCaption(caption), officialTable(headers, body, [10, 34, 13, 14, 17, 17, 17, 17, 17] /* mm */)];
}

export function indicatorIntro(rows: IndicatorRow[]): { counts: EvaluationCounts; paragraph: FileChild } {
  const counts = countEvaluations(rows);
  return { counts, paragraph: bodyParagraph(evaluationSentence(counts)) };
}
