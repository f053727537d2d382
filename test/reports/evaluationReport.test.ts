import { describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { buildEvaluationReport, evaluationReportTitle, summarizeTasks } from '../../server/reports/index.js';
import { evaluationReportInputSchema } from '../../shared/reportDocs.js';
import { docxParts, docxText, expectXml } from './docxHelpers.js';
import { planTitle, reportInput, tasks } from './fixtures.js';

const summary = summarizeTasks(tasks);
const full = (kind: 'annual' | 'midterm' | 'final') => reportInput(kind, { tasksByChapter: summary.byChapter, tasksByUnit: summary.byUnit });

describe('evaluation reports', () => {
  it.each([
    ['annual', `${planTitle}2025年度监测报告`, '二、主要指标监测情况'],
    ['midterm', `${planTitle}实施中期评估报告`, '二、主要指标完成情况'],
    ['final', `${planTitle}实施总结评估报告`, '三、重点任务完成情况'],
  ] as const)('%s report has its title and section headings', async (kind, title, heading) => {
    const text = await docxText(await buildEvaluationReport(full(kind)));
    expect(text.startsWith(title)).toBe(true);
    expect(text).toContain(heading);
    expect(text).toContain('四、存在的主要问题');
    expect(text).toMatch(/五、下一步工作(安排|建议)/);
    expect(text).toContain('永川区发展和改革委员会\n\n2026年3月15日');
  });

  it('classifies the indicators and counts each class', async () => {
    const text = await docxText(await buildEvaluationReport(full('midterm')));
    expect(text).toContain('纳入监测的16项主要指标中，提前完成3项、快于预期4项、符合序时进度5项、滞后3项，另有1项暂无数据。');
    for (const group of ['一、提前完成（3项）', '二、快于预期（4项）', '三、符合序时进度（5项）', '四、滞后（3项）', '五、暂无数据（1项）']) expect(text).toContain(group);
    // header row of the indicator table, with the shared years folded into the headers
    expect(text).toMatch(/序号\s+指标\s+单位\s+属性\s+2020年\s*基期值\s+2025年\s*目标值\s+2023年\s*当前值\s+预期值\s+评价/);
    // a row: name, unit, attribute, baseline, target, latest, expected, class
    expect(text).toMatch(/新增高新技术企业数量\s+户\s+预期性\s+—\s+【120】\s+126\s+72\s+提前完成/);
    expect(text).toMatch(/地区生产总值年均增速\s+%\s+预期性\s+4\.6\s+7\.5\*\s+6\.9\s+7\.5\s+滞后/);
    // the 提前完成 group lists its rows before the 滞后 group
    expect(text.indexOf('森林覆盖率')).toBeLessThan(text.indexOf('四、滞后（3项）'));
    expect(text.indexOf('每千老年人口拥有养老服务机构床位数')).toBeGreaterThan(text.indexOf('四、滞后（3项）'));
  });

  it('tabulates tasks by chapter and by lead unit', async () => {
    const text = await docxText(await buildEvaluationReport(full('midterm')));
    expect(text).toContain('纳入监测的11项重点任务中，已完成3项、正常推进5项、滞后2项、未报送1项，完成率27.3%。');
    expect(text).toMatch(/1\s+二、提升城市发展能级，建设“新区大城”\s+4\s+1\s+2\s+1\s+0\s+0\s+25\.0%/);
    expect(text).toMatch(/合计\s+11\s+3\s+5\s+2\s+1\s+0\s+27\.3%/);
    expect(text).toMatch(/区规划自然资源局\s+10\s+3\s+4\s+2\s+1\s+0\s+30\.0%/);
    expect(text).toContain('（一）分章节推进情况');
    expect(text).toContain('（二）分牵头单位推进情况');
  });

  it('writes problems and next steps with where they came from', async () => {
    const text = await docxText(await buildEvaluationReport(full('annual')));
    expect(text).toContain('（一）部分指标进展滞后。受外部环境影响');
    expect(text).toContain('（来源：区发展改革委、区商务委 2025年第四季度）');
    expect(text).toContain('（二）临港新区规划报批晚于计划');
    expect(text).toContain('（一）强化规划统筹。对滞后指标逐项分析原因');
  });

  it('keeps the office-edited narrative and extra sections in place', async () => {
    const input = full('final');
    input.narrative = {
      ...input.narrative,
      extraSections: [{ heading: '重大项目建设情况', paragraphs: ['成渝中线高铁永川段加快建设。'], subsections: [{ heading: '交通项目', paragraphs: ['渝昆高铁永川段开工。'] }] }],
      closing: ['特此报告。'],
    };
    const text = await docxText(await buildEvaluationReport(input));
    expect(text).toContain('为全面掌握《纲要》实施进展');
    expect(text).toContain('四、重大项目建设情况');
    expect(text).toContain('（一）交通项目');
    expect(text).toContain('五、存在的主要问题');
    expect(text.indexOf('特此报告。')).toBeLessThan(text.indexOf('永川区发展和改革委员会'));
  });

  it('lays the page out per GB/T 9704-2012', async () => {
    const { document, footers } = docxParts(await buildEvaluationReport(full('midterm')));
    expectXml(document, /<w:pgSz w:w="11906" w:h="16838"/);
    expectXml(document, /<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
    // title: 方正小标宋简体 2号 (22pt = 44 half-points), centred
    expectXml(document, /<w:jc w:val="center"\/>.*?<w:rFonts [^>]*w:eastAsia="方正小标宋简体"[^>]*\/><w:sz w:val="44"\/>/);
    // body: 仿宋_GB2312 3号, fixed 28.95pt line, 2-character first-line indent
    expectXml(document, /<w:spacing w:line="579" w:lineRule="exact"\/><w:ind w:firstLine="640"\/>.*?<w:rFonts [^>]*w:eastAsia="仿宋_GB2312"[^>]*\/><w:sz w:val="32"\/>/);
    expectXml(document, /w:eastAsia="黑体"[^>]*\/><w:sz w:val="32"\/><w:szCs w:val="32"\/><\/w:rPr><w:t xml:space="preserve">一、/);
    expectXml(document, /w:eastAsia="楷体_GB2312"[^>]*\/><w:sz w:val="32"\/><w:szCs w:val="32"\/><\/w:rPr><w:t xml:space="preserve">（一）/);
    const footer = footers.join('');
    expect(footer).toContain('— ');
    expect(footer).toContain('PAGE');
    expect(footer).toContain(' —');
    expectXml(footer, /w:eastAsia="宋体"[^>]*\/><w:sz w:val="28"\/>/);
  });

  it('embeds the charts as SVG with a PNG fallback', async () => {
    const { media, files, document } = docxParts(await buildEvaluationReport(full('midterm')));
    expect(media.filter((m) => m.endsWith('.svg'))).toHaveLength(2);
    const pngs = media.filter((m) => m.endsWith('.png'));
    expect(pngs).toHaveLength(2);
    for (const p of pngs) expect(files.get(p)!.subarray(1, 4).toString()).toBe('PNG');
    expect(document).toContain('asvg:svgBlip');
    const noCharts = docxParts(await buildEvaluationReport({ ...full('midterm'), charts: false }));
    expect(noCharts.media).toHaveLength(0);
  });

  it('handles a report with no data yet', async () => {
    const text = await docxText(await buildEvaluationReport({ kind: 'annual', planTitle: '某规划', year: 2026, issuingOffice: '某办公室', date: '2026-01-05' }));
    expect(text).toContain('本期暂无纳入监测的主要指标。');
    expect(text).toContain('本期暂无纳入监测的重点任务。');
    expect(text).toContain('2026年1月5日');
  });

  it('rejects malformed input and honours an explicit title', async () => {
    await expect(buildEvaluationReport({ ...full('annual'), date: '2026/3/15' })).rejects.toBeInstanceOf(ZodError);
    const parsed = evaluationReportInputSchema.parse({ ...full('annual'), title: '关于永川区“十四五”规划2025年实施情况的报告' });
    expect(evaluationReportTitle(parsed)).toBe('关于永川区“十四五”规划2025年实施情况的报告');
  });
});
