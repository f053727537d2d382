// One builder for the three evaluation documents (年度监测 / 中期评估 / 总结评估):
// they share the layout and differ in title and section wording.
import { Paragraph, type FileChild } from 'docx';
import { indicatorEvaluationChart, taskChartHeight, taskProgressChart } from '../charts/options.js';
import { renderChart } from '../charts/render.js';
import { evaluationReportInputSchema, type EvaluationKind, type EvaluationReport, type EvaluationReportInput, type ReportItem } from '../../../shared/reportDocs.js';
import { chartParagraph } from './chart.js';
import { chineseDate, chineseNumber, parenNumber } from './chinese.js';
import { blankLine, bodyParagraph, bodyRun, fonts, heading, run, signatureBlock, sizes, titleParagraph } from './gb.js';
import { evaluationCountTable, indicatorIntro, indicatorTable } from './indicatorSection.js';
import { packOfficialDocument } from './page.js';
import { taskCountTable, taskSentence } from './taskSection.js';

const wording: Record<EvaluationKind, { suffix: string; overview: string; indicators: string; tasks: string; problems: string; next: string }> = {
  annual: { suffix: '年度监测报告', overview: '总体情况', indicators: '主要指标监测情况', tasks: '重点任务推进情况', problems: '存在的主要问题', next: '下一步工作安排' },
  midterm: { suffix: '实施中期评估报告', overview: '规划实施总体情况', indicators: '主要指标完成情况', tasks: '重点任务推进情况', problems: '存在的主要问题', next: '下一步工作建议' },
  final: { suffix: '实施总结评估报告', overview: '规划实施总体情况', indicators: '主要指标完成情况', tasks: '重点任务完成情况', problems: '存在的主要问题', next: '下一步工作建议' },
};

export function evaluationReportTitle(r: Pick<EvaluationReport, 'kind' | 'planTitle' | 'title' | 'year'>): string {
  if (r.title) return r.title;
  const year = r.kind === 'annual' && r.year ? `${r.year}` : '';
  return `${r.planTitle}${year}${wording[r.kind].suffix}`;
}

/** (一)标题。正文(来源) in one paragraph, the GB way for short enumerated points */
function itemParagraphs(items: ReportItem[]): FileChild[] {
  return items.map((it, i) => {
    const marker = `${parenNumber(i + 1)}`;
    const source = [it.units.join('、'), it.period].filter(Boolean).join(' ');
    const tail = source ? `（来源：${source}）` : '';
    if (!it.title) return bodyParagraph([run(marker, fonts.kai, sizes.san), bodyRun(it.text + tail)]);
    const title = /[。！？：；，]$/.test(it.title) ? it.title : `${it.title}。`;
    return bodyParagraph([run(`${marker}${title}`, fonts.kai, sizes.san), bodyRun(it.text + tail)]);
  });
}

function paragraphs(texts: string[]): FileChild[] {
  return texts.filter((t) => t.trim()).map((t) => bodyParagraph(t.trim()));
}

export function evaluationReportContent(r: EvaluationReport): FileChild[] {
  const w = wording[r.kind];
  const out: FileChild[] = [titleParagraph(evaluationReportTitle(r)), blankLine()];
  out.push(...paragraphs(r.narrative.foreword));
  let sectionNo = 0;
  let tableNo = 0;
  let figureNo = 0;
  const section = (title: string) => out.push(heading(1, `${chineseNumber(++sectionNo)}、${title}`));
  const caption = (title: string) => `表${++tableNo} ${title}`;
  const figure = (title: string) => new Paragraph({ alignment: 'center', children: [run(`图${++figureNo} ${title}`, fonts.hei, sizes.xiaosi)] });

  section(w.overview);
  out.push(...paragraphs(r.narrative.overview));

  section(w.indicators);
  const { counts, paragraph } = indicatorIntro(r.indicators);
  out.push(paragraph, ...paragraphs(r.narrative.indicators));
  if (r.indicators.length) {
    out.push(...evaluationCountTable(counts, caption('主要指标评价分类汇总')));
    if (r.charts) out.push(chartParagraph(renderChart(indicatorEvaluationChart(counts)), '主要指标评价分类'), figure('主要指标评价分类'));
    out.push(...indicatorTable(r.indicators, caption('主要指标监测评价表')));
  }

  section(w.tasks);
  out.push(bodyParagraph(taskSentence(r.tasksByChapter.length ? r.tasksByChapter : r.tasksByUnit)), ...paragraphs(r.narrative.tasks));
  let sub = 0;
  if (r.tasksByChapter.length) {
    out.push(heading(2, `${parenNumber(++sub)}分章节推进情况`));
    out.push(...taskCountTable(r.tasksByChapter, '章节', caption('重点任务分章节推进情况')));
    if (r.charts) {
      const chart = renderChart(taskProgressChart(r.tasksByChapter), 600, taskChartHeight(r.tasksByChapter.length));
      out.push(chartParagraph(chart, '重点任务分章节推进情况'), figure('重点任务分章节推进情况'));
    }
  }
  if (r.tasksByUnit.length) {
    out.push(heading(2, `${parenNumber(sub + 1)}分牵头单位推进情况`));
    out.push(...taskCountTable(r.tasksByUnit, '牵头单位', caption('重点任务分牵头单位推进情况'), false));
  }

  for (const extra of r.narrative.extraSections) {
    section(extra.heading);
    out.push(...paragraphs(extra.paragraphs));
    extra.subsections.forEach((s, i) => out.push(heading(2, `${parenNumber(i + 1)}${s.heading}`), ...paragraphs(s.paragraphs)));
  }

  section(w.problems);
  out.push(...(r.problems.length ? itemParagraphs(r.problems) : [bodyParagraph('本期未发现需要专门说明的问题。')]));
  section(w.next);
  out.push(...itemParagraphs(r.nextSteps));
  out.push(...paragraphs(r.narrative.closing));

  out.push(blankLine(), blankLine(), ...signatureBlock(r.issuingOffice, chineseDate(r.date)));
  return out;
}

export async function buildEvaluationReport(input: EvaluationReportInput): Promise<Buffer> {
  const r = evaluationReportInputSchema.parse(input);
  return packOfficialDocument(evaluationReportTitle(r), evaluationReportContent(r));
}
