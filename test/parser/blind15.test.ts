// Blind batch 15: a 具体任务 column header, inline notes with a comma-split responsible list, another city's
// title (a four-character name) in an OCR'd plan, an item number glued to a figure inside a cell, a month-only
// deadline under a title of no known kind, a quoted name before a bound, and 同比 in a goal sentence.
import { describe, expect, it } from 'vitest';
import { parseText } from '../../server/parser/index.js';
import { defaultRegistry, namesOtherCity } from '../../server/parser/registry.js';

const raws = (us: { raw: string }[]) => us.map((u) => u.raw);

describe('blind-15: task table headed 具体任务', () => {
  const text = [
    '某市2024年市场秩序整治工作方案',
    '',
    '序号\t具体任务\t工作内容\t主责单位\t配合单位\t完成时间',
    '1\t整治低价游\t开展专项执法行动不少于6次\t市文旅局\t市公安局、市市场监管局\t2024年12月底前',
    '2\t规范排档经营\t明码标价公示率达到100%\t市市场监管局\t某某区人民政府，市综合执法局\t10月底',
  ].join('\n');
  const plan = parseText(text);
  it('具体任务 names the task, 主责单位 leads, 配合单位 cooperates', () => {
    expect(plan.tasks.map((t) => t.title)).toEqual(['整治低价游', '规范排档经营']);
    expect(raws(plan.tasks[0].lead)).toEqual(['市文旅局']);
    expect(raws(plan.tasks[0].cooperating)).toEqual(['市公安局', '市市场监管局']);
    expect(plan.tasks[1].deadline).toBe('2024-10');
  });
});

describe('blind-15: inline note whose responsible list is split by a comma', () => {
  it('"(X牵头,Y,Z按职责分工负责)": Y and Z are responsible', () => {
    const p = parseText('某区2024年工作要点\n\n4.发展现代畜牧业,新建规模养殖场10个以上。(区畜牧局牵头,区财政局,各乡镇人民政府按职责分工负责)');
    expect(p.tasks).toHaveLength(1);
    expect(raws(p.tasks[0].lead)).toEqual(['区畜牧局']);
    expect(raws(p.tasks[0].responsible)).toEqual(['区财政局', '各乡镇人民政府']);
  });
  it('a trailing list with no verb after it is no note', () => {
    const p = parseText('某区2024年工作要点\n\n1.完善机制。(区财政局牵头,区审计局)');
    expect(p.tasks.flatMap((t) => raws(t.responsible))).not.toContain('区审计局');
  });
});

describe('blind-15: another city named in the title', () => {
  const reg = defaultRegistry();
  it('a four-character city opening the title line is another city', () => {
    expect(namesOtherCity('齐齐哈尔市2024年农村人居环境整治提升工作方案\n一、工作目标', reg)).toBe(true);
    expect(namesOtherCity('呼和浩特市人民政府办公室\n关于印发…的通知', reg)).toBe(true);
  });
  it('a snippet naming no place keeps resolving', () => {
    expect(namesOtherCity('一、加强宣传。(牵头单位:市委宣传部)', reg)).toBe(false);
    expect(namesOtherCity('全市2024年农村人居环境整治工作方案', reg)).toBe(false);
  });
  it('OCR 牵头单伩 is a lead label and the units stay the other city\'s', () => {
    const p = parseText('齐齐哈尔市2024年工作方案\n\n(五)健全长效管护机制。建立管护体系。(牵头单伩:市农业农村局;责任单位:市财政局)');
    expect(raws(p.tasks[0].lead)).toEqual(['市农业农村局']);
    expect(p.tasks.flatMap((t) => [...t.lead, ...t.responsible]).filter((u) => u.known)).toEqual([]);
  });
});

describe('blind-15: targets', () => {
  it('an item number glued to a figure after item 1 in the same cell', () => {
    const p = parseText('某市2024年工作方案\n\n序号|重点任务|具体内容|牵头部门|时间节点\n2|节能降碳|1.实施节能技改项目20个;2.30%以上的重点企业完成能效诊断|市工信局|2024年10月底前');
    const values = p.targets.map((t) => [t.value, t.unit, t.comparator]);
    expect(values).toContainEqual([30, '%', '>=']);
    expect(values).not.toContainEqual([2.3, '%', '>=']);
  });
  it('a quoted name right before 不少于 is the subject', () => {
    const p = parseText('某市2024年工作方案\n\n(六)强化宣传引导。每年评选“美丽庭院”不少于1000户。');
    expect(p.targets.map((t) => [t.value, t.unit, t.comparator, t.recurring])).toEqual([[1000, '户', '>=', true]]);
  });
  it('同比 in a sentence set in the plan\'s own year is a goal; in an earlier year\'s, a record', () => {
    const p = parseText('某市2024年整治工作方案\n\n2023年,全市旅游投诉同比增长12%。2024年全市游客满意度不低于90%,案件数量同比下降20%。');
    expect(p.targets.map((t) => [t.value, t.unit])).toEqual([
      [90, '%'],
      [20, '%'],
    ]);
  });
  it('a month-only deadline takes the year of a title of no known kind', () => {
    const p = parseText('某区2024年绿色发展重点工作任务\n\n序号  任务内容  主责单位  协办单位  完成时限\n1  加强水库保护  区水务局  区生态环境局  2024年12月底前\n2  发展生态旅游  区文化和旅游局  区农业农村局  8月底');
    expect(p.tasks.map((t) => t.deadline)).toEqual(['2024-12', '2024-08']);
  });
});
