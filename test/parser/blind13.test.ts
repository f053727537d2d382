// Blind batch 13: ordinary layouts — annual work plans with a review part, 核 as a unit, bounds before a run of verbs,
// a list's own issue year.
import { describe, expect, it } from 'vitest';
import { parseText } from '../../server/parser/index.js';
import type { ParsedPlan } from '../../shared/parsedPlan.js';

const find = (ts: ParsedPlan['targets'], s: string) => ts.find((t) => t.subject.includes(s));

describe('blind-13: annual work plans', () => {
  const plan = parseText(
    '某镇2024年工作计划\n\n2023年,全镇实现地区生产总值128.6亿元,同比增长6.8%;完成固定资产投资29.4亿元,其中工业投资13.2亿元;引进亿元以上产业项目7个。\n\n2024年是实施“十四五”规划的关键之年。全镇主要预期目标是:地区生产总值增长6.5%左右,固定资产投资完成32亿元。\n\n一、聚焦产业转型\n1.抓好招大引强。全年引进亿元以上产业项目8个。(责任部门:经济发展办)\n',
  );

  it("the review's figures after the year's opening sentence stay history, in the same paragraph", () => {
    expect(plan.targets.find((t) => t.value === 29.4)).toBeUndefined();
    expect(plan.targets.find((t) => t.value === 13.2)).toBeUndefined();
    expect(plan.targets.find((t) => t.value === 7)).toBeUndefined();
    expect(find(plan.targets, '引进亿元以上产业项目')?.value).toBe(8);
  });

  it('a plan named beside a year within its span ("2024年是实施十四五规划的关键之年") does not move the year to its end', () => {
    expect(find(plan.targets, '地区生产总值')).toMatchObject({ value: 6.5, comparator: 'approx', year: 2024 });
    expect(find(plan.targets, '固定资产投资')).toMatchObject({ value: 32, year: 2024 });
  });

  it('"十四五末" still dates a target to the plan\'s end', () => {
    const p = parseText('某市2024年工作要点\n一、目标\n到“十四五”末,全市新能源汽车保有量达到10万辆。\n');
    expect(find(p.targets, '新能源汽车保有量')?.year).toBe(2025);
  });

  it('"过去一年" sentences are history', () => {
    const p = parseText('某镇2024年工作计划\n过去一年,全镇新增市场主体1200户。\n一、重点工作\n1.新增市场主体1500户。\n');
    expect(p.targets.map((t) => t.value)).toEqual([1500]);
  });
});

describe('blind-13: units and comparators', () => {
  it('reads 核 as a unit of computing capacity', () => {
    const p = parseText('某市2024年工作要点\n一、数字政府\n新增云资源计算能力2000核,政务信息系统上云率保持100%。\n');
    expect(find(p.targets, '云资源计算能力')).toMatchObject({ value: 2000, unit: '核', comparator: '=' });
  });

  it('"每年至少组织开展1次…": a bound before a run of verbs', () => {
    const p = parseText('某市2024年工作要点\n一、网络安全\n落实网络安全责任制,每年至少组织开展1次网络安全攻防演练。\n');
    expect(find(p.targets, '网络安全攻防演练')).toMatchObject({ value: 1, unit: '次', comparator: '>=' });
  });
});

describe('blind-13: a list dated by its deadlines and its issue date', () => {
  const text =
    '某县农村人居环境整治提升五年行动实施方案\n某政办〔2022〕19号\n2022年6月8日\n一、工作目标\n到2025年,全县农村卫生厕所普及率达到85%以上。2022年,完成农村户厕改造3000户。\n三、保障措施\n县财政每年安排专项资金不低于2000万元。\n附件\n序号\t重点任务\t牵头单位\t完成时限\n1\t新改建农村卫生户厕\t县农业农村局\t2023年12月底\n2\t推进污水处理设施建设\t县住建局\t2024年12月底\n';
  const p = parseText(text);

  it('a target for the year the list was issued in is no record, though its deadlines start later', () => {
    expect(find(p.targets, '农村户厕改造')).toMatchObject({ value: 3000, unit: '户', year: 2022 });
  });

  it('a budget the government commits each year is a recurring target (unlike a subsidy paid to others)', () => {
    expect(find(p.targets, '专项资金')).toMatchObject({ value: 2000, unit: '万元', comparator: '>=', recurring: true });
    const sub = parseText('某市2024年工作方案\n一、措施\n对新评定的企业给予一次性奖励50万元。\n');
    expect(sub.targets).toHaveLength(0);
  });
});
