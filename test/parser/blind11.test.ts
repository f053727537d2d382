// Blind batch 11: 三个责任 label lines, units taking turns as clause subjects, indicator and project lists as task tables.
import { describe, expect, it } from 'vitest';
import { parseText } from '../../server/parser/index.js';
import { parseDeadline } from '../../server/parser/deadline.js';

const raws = (us: { raw: string }[]) => us.map((u) => u.raw);

describe('blind-11: label lines and unit lists', () => {
  it('reads 主体/监管/属地责任单位 as responsible, names in their own quote marks, and items without a deadline', () => {
    const plan = parseText(
      '一、主要任务\n1.整治甲类问题。开展排查。\n主体责任单位:各供热企业\n监管责任单位:“区住房城乡建设局”“区应急局”\n属地责任单位:各街道办事处\n\n2.整治乙类问题。开展检查。\n监管责任单位:〈区市场监管局〉〈区公安分局〉\n',
    );
    expect(plan.tasks).toHaveLength(2);
    expect(raws(plan.tasks[0].responsible)).toEqual(['各供热企业', '区住房城乡建设局', '区应急局', '各街道办事处']);
    expect(plan.tasks[0].lead).toEqual([]);
    expect(raws(plan.tasks[1].responsible)).toEqual(['区市场监管局', '区公安分局']);
  });
});

describe('blind-11: units taking turns', () => {
  it('one task per paragraph: 要牵头 leads, 要会同Y makes Y cooperate, 要配合 cooperates, 发挥牵头医院作用 is no mark', () => {
    const plan = parseText(
      '二、重点任务\n(一)提升服务能力。市卫健委要牵头制定方案;市财政局要保障资金。\n(二)推进医联体建设。市人民医院要发挥牵头医院作用,开展巡诊;市医保局要配合市卫健委做好结算。\n(三)加强人才建设。市人社局要会同市卫健委落实政策;市委编办要调剂编制。\n',
    );
    const [a, b, c] = plan.tasks;
    expect(raws(a.lead)).toEqual(['市卫健委']);
    expect(raws(a.responsible)).toEqual(['市财政局']);
    expect(raws(b.lead)).toEqual([]);
    expect(raws(b.responsible)).toEqual(['市人民医院']);
    expect(raws(b.cooperating)).toEqual(['市医保局']);
    expect(raws(c.lead)).toEqual(['市人社局']);
    expect(raws(c.cooperating)).toEqual(['市卫健委']);
    expect(raws(c.responsible)).toEqual(['市委编办']);
  });

  it('numbered clauses inside one paragraph are separate tasks', () => {
    const plan = parseText('现将职责分工明确如下:一、区发改局负责目标分解;二、区统计局负责数据核查;三、区住建局负责建筑节能。\n');
    expect(plan.tasks.map((t) => raws(t.responsible))).toEqual([['区发改局'], ['区统计局'], ['区住建局']]);
  });
});

describe('blind-11: indicator and project lists', () => {
  it('an indicator list with a 责任单位 column gives one task per indicator; phrase cells become targets', () => {
    const plan = parseText(
      '考核指标及责任分解表\n\t序号\t指标名称\t单位\t2024年目标值\t责任单位\t考核频次\n\t1\t能源消费总量\t万吨标准煤\t≤268\t区发改局、区统计局\t半年\n\t2\t非化石能源消费比重\t%\t较上年提高1.5个百分点\t区发改局\t年度\n\t3\t节能宣传培训\t人次\t不少于2000人次/年\t区机关事务中心\t年度\n',
    );
    expect(plan.tasks.map((t) => t.title)).toEqual(['能源消费总量', '非化石能源消费比重', '节能宣传培训']);
    expect(raws(plan.tasks[0].responsible)).toEqual(['区发改局', '区统计局']);
    const pp = plan.targets.find((t) => t.unit === '个百分点');
    expect(pp).toMatchObject({ value: 1.5, year: 2024 });
    // "/年" is how often: the unit is 人次 and the target recurs
    expect(plan.targets.find((t) => t.value === 2000)).toMatchObject({ unit: '人次', comparator: '>=', recurring: true });
  });

  it('a project list: bare figures take the header unit, 项目业主 is no unit, 建设内容 specs are no targets, deadline is the 竣工 month', () => {
    const plan = parseText(
      '重点项目清单\n\t序号\t项目名称\t建设内容\t总投资(亿元)\t2024年计划投资(亿元)\t项目业主\t责任单位\t开竣工时间\n\t1\t某某产业园项目\t建设厂房,总建筑面积约8.6万平方米。\t26\t9.8\t某某股份有限公司\t某区政府\t2024.05-2026.12\n',
    );
    expect(plan.tasks).toHaveLength(1);
    expect(raws(plan.tasks[0].responsible)).toEqual(['某区政府']);
    expect(plan.tasks[0].deadline).toBe('2026-12');
    // the 建设内容 spec is no target; the 2024 figure is kept (as a table indicator when the whole table reads as one)
    expect(plan.targets.some((t) => t.value === 8.6)).toBe(false);
    const fig = [...plan.targets.map((t) => [t.value, t.year]), ...plan.indicators.flatMap((i) => i.targets.map((t) => [t.value, t.year]))];
    expect(fig).toContainEqual([9.8, 2024]);
  });

  it('reads dotted month ranges as deadlines', () => {
    expect(parseDeadline('2023.06-2025.12')?.deadline).toBe('2025-12');
    expect(parseDeadline('2025.6')?.deadline).toBe('2025-06');
  });
});

describe('blind-11: PDF text with half-width punctuation', () => {
  it('reads "." as a sentence end, 责任村 as responsible, and targets after a record sentence', () => {
    const plan = parseText(
      '某镇2024年工作方案\n一、工作目标\n2024年,收入50万元以上的村占比达到60%.2023年全镇总收入为4862万元.\n二、重点任务\n(一)打造示范村.推进甲村、乙村示范村创建,每个村至少谋划1个增收项目.(牵头: 镇农业农村办; 责任村: 甲村、乙村)\n(二)整治环境.完成8个村终端设施改造.(牵头: 镇规划建设办; 配合: 镇财政办)\n',
    );
    expect(plan.tasks[0].title).toBe('打造示范村');
    expect(raws(plan.tasks[0].lead)).toEqual(['镇农业农村办']);
    expect(raws(plan.tasks[0].responsible)).toEqual(['甲村', '乙村']);
    const got = plan.targets.map((t) => [t.value, t.unit, t.comparator]);
    expect(got).toContainEqual([60, '%', '=']);
    expect(got).toContainEqual([1, '个', '>=']);
    expect(got).not.toContainEqual([4862, '万元', '=']);
  });

  it('keeps decimals, "一." item markers and ellipses', () => {
    const plan = parseText('一.工作目标\n全年完成投资3.5亿元,新建公园2个.绿化覆盖率达到45%.道路改造12公里.\n');
    expect(plan.outline[0]?.title).toContain('工作目标');
    expect(plan.targets.map((t) => t.value)).toEqual(expect.arrayContaining([3.5, 2, 45, 12]));
  });
});

