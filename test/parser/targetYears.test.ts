// Which year a target is for, and which figures are records rather than targets: the plan's own year and span,
// a year the text issues in, starting points, record years that must not carry, 三年内, 十四五, 同比 and
// progress reports. (Regrouped from the blind-batch files 7–16.)
import { describe, expect, it } from 'vitest';
import { parseText } from '../../server/parser/index.js';
import { extractTargets } from '../../server/parser/targets.js';
import type { ParsedPlan } from '../../shared/parsedPlan.js';
import { ctxOf } from './indicators.helpers.js';

const find = (ts: ParsedPlan['targets'], s: string) => ts.find((t) => t.subject.includes(s));

// blind batch 13
describe('annual work plans with a review part', () => {
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

// blind batch 13
describe('a list dated by its deadlines and its issue date', () => {
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

// blind batch 8
describe('starting points and records before the plan', () => {
  const targets = (text: string) => parseText(text).targets.map((t) => [t.value, t.unit, t.comparator, t.year]);

  it('does not take the year of a starting point ("由2023年的45%") for the target year', () => {
    const text = ['某市养老服务规划(2024—2027年)', '二、发展目标', '到2027年,社区助餐服务覆盖率由2023年的45%提高到80%,养老护理员持证率达到九成以上。'].join('\n');
    expect(targets(text)).toEqual([
      [80, '%', '=', 2027],
      [90, '%', '>=', 2027],
    ]);
  });

  it('leaves stock figures and a record of a year before the plan alone', () => {
    const text = ['某市养老服务规划(2024—2027年)', '一、总体情况', '全市共有养老机构126家、养老床位1.95万张,2023年度重点任务完成率为96%。', '二、发展目标', '新建社区养老服务设施40处。'].join('\n');
    expect(targets(text)).toEqual([[40, '处', '=', 2027]]);
  });
});

// blind batch 9b
describe('record years, issue years and periods', () => {
  const targets = (text: string) => parseText(text).targets.map((t) => [t.value, t.valueMax, t.unit, t.comparator, t.year]);

  it('does not carry a record year mid-sentence into later paragraphs', () => {
    const text = '某街道2024年网格治理方案\n\n街道现辖8个社区,划分网格120个,2023年事件办结率为96%。\n\n一、主要任务\n1.配齐网格员。招录网格员不少于20名。\n';
    expect(targets(text)).toEqual([[20, null, '名', '>=', 2024]]);
  });

  it('takes the year of a document whose title names no known kind from its first line', () => {
    const text = '某市2024年城市更新工作台账\n\n说明:本台账共列任务6项。2023年,全市改造小区80个。\n\n任务1\n工作措施:全年改造小区100个。\n';
    expect(targets(text)).toEqual([[100, null, '个', '=', 2024]]);
  });

  it('resolves "三年内" from the year the document was issued', () => {
    const text = '某市燃气管网改造实施细则\n\n某政办〔2024〕9号\n\n第一条 三年内完成老旧管道更新改造200公里,2024年完成改造任务的30%以上。\n';
    expect(targets(text)).toEqual([
      [200, null, '公里', '=', 2026],
      [30, null, '%', '>=', 2024],
    ]);
  });

  it('counts a 十四五 total in a plan of that period', () => {
    expect(targets('某县“十四五”水利发展规划\n\n第二章 发展目标\n“十四五”期间,全县累计完成水利投资30亿元以上。\n')).toEqual([[30, null, '亿元', '>=', 2025]]);
  });
});

// blind batches 7 and 16
describe('years named in passing', () => {
  it('does not take the year of another document\'s title ("《…“十四五”…规划》") for the plan\'s', () => {
    const t = extractTargets(ctxOf('某市物流实施方案(2024—2026年)\n根据《江苏省“十四五”现代物流业发展规划》,制定本方案。\n二、重点任务\n1.发展冷链物流。新增冷库库容20万吨。'), []);
    expect(t.map((x) => [x.value, x.year])).toEqual([[20, 2026]]);
  });

  it('"2000年底前建成的" sets no running year for later targets', () => {
    const p = parseText(
      ['某市2024年城市更新任务表', '某政办字〔2024〕33号', '', '    到2025年底,基本完成2000年底前建成的老旧小区改造任务。', '', '序号|工作事项|主要内容|主办单位|协办部门|时间安排', '1|口袋公园|新建口袋公园50个|市园林局|各区人民政府|6月下旬'].join('\n'),
    );
    const t = p.targets.find((x) => x.value === 50);
    expect(t?.year).not.toBe(2000);
  });
});

// blind batches 12 and 15
describe('records: progress reports and 同比', () => {
  it('progress lines and a 总体情况 section are no targets', () => {
    const plan = parseText(
      '关于2024年重点工作推进情况的督查通报\n一、总体情况\n截至9月底,已完成19项,总体完成率为87.2%。\n二、进展滞后的工作任务\n(一)新建5G基站2000个。\n牵头单位:市工信局\n进展情况:截至9月底,全市新建5G基站1150个,开工率67.5%。\n滞后原因:选址难。\n',
    );
    expect(plan.targets.map((t) => t.value)).toEqual([2000]);
  });

  it('同比 in a sentence set in the plan\'s own year is a goal; in an earlier year\'s, a record', () => {
    const p = parseText('某市2024年整治工作方案\n\n2023年,全市旅游投诉同比增长12%。2024年全市游客满意度不低于90%,案件数量同比下降20%。');
    expect(p.targets.map((t) => [t.value, t.unit])).toEqual([
      [90, '%'],
      [20, '%'],
    ]);
  });
});

// real-M m11 (新邱区 2022年…工作目标任务): headings over paragraphs of figures, no year of their own
describe('a one-year document under headings', () => {
  const plan = parseText(
    '某区2022年全面推进乡村振兴重点工作目标任务\n\n日期: 2022-05-30\n\n一、全力确保粮食安全\n\n粮食播种面积不低于4.11万亩,正常年景粮食产量达到0.24亿斤。\n\n二、扎实推进人居环境整治提升\n\n落实“十四五”规划要求,建成农村生活污水处理设施工程项目2个,新建社会足球场30片。\n',
  );
  it('sets its targets for its own year, not for the end of the five-year plan it names', () => {
    expect(find(plan.targets, '粮食播种面积')).toMatchObject({ value: 4.11, unit: '万亩', year: 2022 });
    expect(find(plan.targets, '粮食产量')).toMatchObject({ value: 0.24, unit: '亿斤', year: 2022 });
    expect(find(plan.targets, '足球场')).toMatchObject({ value: 30, unit: '片' });
  });
});

// real-N n10 (云南 2023 十件民生实事): a year named as the level to keep up with
describe('a year to compare with', () => {
  it('"不低于2022年水平" sets no year for the targets after it', () => {
    const plan = parseText('某省2023年十件民生实事\n\n一、就业\n\n城镇新增就业不低于2022年水平。新增养老床位5000张。改造老旧小区300个。\n');
    expect(plan.targets.map((t) => [t.value, t.year])).toEqual([
      [5000, 2023],
      [300, 2023],
    ]);
  });
});

describe('a year compared with (real-AE)', () => {
  it('does not date the list after "(与)2022年相比,今年共新增…" by the year compared with', () => {
    const ts = parseText('上海2023年为民办实事项目正式公布。\n2022年相比,今年共新增14个项目,包括:建设30家智慧养老院,新增500张困难重残养护床位。\n').targets;
    expect(find(ts, '智慧养老院')?.year).not.toBe(2022);
    expect(find(ts, '养护床位')?.year).not.toBe(2022);
  });
});

describe('a page with no date of its own that reviews a year (real-CP cp10)', () => {
  it('reads that year\'s figures as records and the next year\'s as targets', () => {
    const text =
      '1月8日,市人社局召开工作会议,总结回顾2025年工作,深入部署2026年人社各项任务。会议透露,2025年全年城镇调查失业率平均值4.2%,新增就业人数64.1万人。\n' +
      '2026年,将推动就业与产业政策协同发力,确保完成全年新增就业60万人以上。\n';
    expect(parseText(text).targets.map((t) => [t.comparator, t.value, t.unit, t.year])).toEqual([['>=', 60, '万人', 2026]]);
  });
});

describe('a paragraph that opens on 目前 tells where things stand (real-CL cl06)', () => {
  it('reads its figures as the present state, not targets', () => {
    const text =
      '区卫生健康局2023年工作计划\n目前,全区共有医疗机构787间。全系统共有医务人员1.86万人,各类型医疗机构门急诊总诊疗量1213.65万人次。\n2023年,新增医疗机构床位200张。\n';
    expect(parseText(text).targets.map((t) => [t.value, t.unit])).toEqual([[200, '张']]);
  });
});
