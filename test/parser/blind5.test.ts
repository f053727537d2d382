// Behaviours added after blind batch 5: grid tables whose cells wrap onto continuation rows,
// bare "由X负责 / X负总责 / X会同Y" sentences, the "列第一位的为牵头单位" rule, combined labels,
// figures in Chinese numerals, shares written before their subject, bounds before a verb.
import { describe, expect, it } from 'vitest';
import { parseText } from '../../server/parser/index.js';
import { extractTargets } from '../../server/parser/targets.js';
import { cnFigureEdits, cnNumber } from '../../server/parser/cnFigures.js';
import type { ParsedUnit } from '../../shared/parsedPlan.js';
import { ctxOf } from './indicators.helpers.js';

const raws = (us: ParsedUnit[]) => us.map((u) => u.raw);
const targetsOf = (text: string) => extractTargets(ctxOf(text), []);
const brief = (text: string) => targetsOf(text).map((t) => [t.value, t.valueMax, t.unit, t.comparator]);

describe('a grid table whose cells wrap onto continuation rows', () => {
  const text = [
    '某市营商环境行动计划重点任务分工表',
    '| 序号 | 重点任务 | 具体措施 | 牵头单位 | 配合单位 | 完成时限 |',
    '| 1 | 深化“一件事 | 推出高频“一件事”套餐服务不少于 | 市行政审批服务管理 | 市市场监管局、市人力资源 | 2024年6月底 |',
    '|  | 一次办”改革 | 30项,全程网办率达到90%以上 | 局 | 社会保障局、市税务局 | 前 |',
    '| 2 | 加大金融支持力度 | 普惠小微企业贷款余额年均增长15 | 市地方金融管理局 | 市财政局 | 2026年12月 |',
    '|  |  | %以上 |  | 市工业和信息化局 | 底前 |',
  ].join('\n');
  const plan = parseText(text);

  it('joins each wrapped cell back to its row, names and figures included', () => {
    expect(plan.tasks.map((t) => [t.title, raws(t.lead), raws(t.cooperating), t.deadline])).toEqual([
      ['深化“一件事一次办”改革', ['市行政审批服务管理局'], ['市市场监管局', '市人力资源社会保障局', '市税务局'], '2024-06'],
      // two names on two lines are two names, not one
      ['加大金融支持力度', ['市地方金融管理局'], ['市财政局', '市工业和信息化局'], '2026-12'],
    ]);
    expect(plan.targets.map((t) => [t.value, t.unit, t.comparator, t.year])).toEqual([
      [30, '项', '>=', 2024],
      [90, '%', '>=', 2024],
      [15, '%', '>=', 2026],
    ]);
  });

  it('keeps sources on the pieces of a wrapped name and figure', () => {
    const u = plan.tasks[0].lead[0];
    const slice = text.slice(u.source!.start, u.source!.end);
    expect(slice.startsWith('市行政审批服务管理')).toBe(true);
    expect(slice.endsWith('局')).toBe(true);
    const g = plan.targets[2];
    expect(g.quote).toBe('普惠小微企业贷款余额年均增长15%以上');
    expect(text.slice(g.source.start, g.source.end)).toMatch(/^普惠小微企业贷款余额年均增长15[^]*%以上$/);
  });
});

describe('a tab table whose row continues on a line opening with a tab', () => {
  it('joins the continuation into the row above', () => {
    const text = ['某市重点任务分工表', '序号\t重点任务\t牵头单位\t配合单位\t完成时限', '1\t推进老旧小区改造,完成改造\t市住建局\t市财政局、市发\t2025年6月', '\t小区120个\t\t展改革委\t底前', '2\t建设口袋公园30个\t市园林局\t各区政府\t2025年12月底前'].join('\n');
    const plan = parseText(text);
    expect(plan.tasks.map((t) => [raws(t.lead), raws(t.cooperating), t.deadline])).toEqual([
      [['市住建局'], ['市财政局', '市发展改革委'], '2025-06'],
      [['市园林局'], ['各区政府'], '2025-12'],
    ]);
    expect(plan.targets.map((t) => [t.value, t.unit])).toEqual([
      [120, '个'],
      [30, '个'],
    ]);
  });
});

describe('who does the work, said in a bare sentence', () => {
  const text = [
    '某县2024年乡村振兴工作实施方案',
    '一、重点任务',
    '(一)稳定粮食生产。新建高标准农田3000亩。由县农业农村局负责,县财政局、县自然资源局配合,各乡镇人民政府具体实施。',
    '(二)发展特色产业。新发展中药材种植1.5万亩。县农业农村局会同县林业局、县供销社组织实施。',
    '(三)打造示范村庄。县乡村振兴局负总责,县住房城乡建设局、县交通运输局按职责分工负责。',
    '(四)加强宣传。本方案由县乡村振兴局负责解释。',
  ].join('\n');
  const plan = parseText(text);

  it('reads 由X负责, X会同Y and X负总责 into roles', () => {
    expect(plan.tasks.map((t) => [t.title, raws(t.lead), raws(t.responsible), raws(t.cooperating)])).toEqual([
      ['稳定粮食生产', [], ['县农业农村局', '各乡镇人民政府'], ['县财政局', '县自然资源局']],
      ['发展特色产业', ['县农业农村局'], [], ['县林业局', '县供销社']],
      ['打造示范村庄', ['县乡村振兴局'], ['县住房城乡建设局', '县交通运输局'], []],
    ]);
  });
});

describe('plan-wide order rule and combined labels', () => {
  it('"列第一位的为牵头单位,其他为配合单位" orders a plain 责任单位 list; a (牵头) mark still wins', () => {
    const text = [
      '某市2024年数字经济工作要点',
      '(注:各项任务的责任单位中,列第一位的为牵头单位,其他为配合单位。)',
      '1.加快5G网络建设。新建5G基站3000个以上。(责任单位:市通信管理办、市工信局、各县(市)区政府)',
      '2.培养数字人才。每年培养数字技能人才2万人次。(责任单位:市人社局、市教育局(牵头)、市科技局)',
      '3.推动制造业数字化转型。(牵头单位:市工信局;责任单位:市科技局)',
    ].join('\n');
    const plan = parseText(text);
    expect(plan.tasks.map((t) => [raws(t.lead), raws(t.responsible), raws(t.cooperating)])).toEqual([
      [['市通信管理办'], [], ['市工信局', '各县(市)区政府']],
      [['市教育局'], [], ['市人社局', '市科技局']],
      // explicit labels are not reordered
      [['市工信局'], ['市科技局'], []],
    ]);
  });

  it('without the rule a plain list stays responsible', () => {
    const plan = parseText('某市工作要点\n1.加快5G网络建设。(责任单位:市通信管理办、市工信局)');
    expect(raws(plan.tasks[0].responsible)).toEqual(['市通信管理办', '市工信局']);
    expect(plan.tasks[0].lead).toEqual([]);
  });

  it('"责任单位及完成时限:X,date" gives the unit and the deadline', () => {
    const plan = parseText('某市方案\n4.推动学校体育设施开放。开放比例不低于60%。\n责任单位及完成时限:市教育局,2024年12月底前');
    expect(raws(plan.tasks[0].responsible)).toEqual(['市教育局']);
    expect(plan.tasks[0].deadline).toBe('2024-12');
  });
});

describe('figures in Chinese numerals', () => {
  it('reads counting numerals', () => {
    expect([cnNumber('十'), cnNumber('十二'), cnNumber('一百零五'), cnNumber('三千五百'), cnNumber('二三')]).toEqual([10, 12, 105, 3500, null]);
  });

  it('rewrites figures, not prose', () => {
    const rewritten = (s: string) => cnFigureEdits(s).map((e) => e.text);
    expect(rewritten('提高到百分之九十五,翻一番,增长两成,提高五个百分点,新增泊位十个,增长一倍,新增两万人')).toEqual(['95%', '2倍', '20%', '5', '10', '1', '2']);
    expect(rewritten('每季度召开一次会议,三年内,三大主导产业,“十四五”,排名后三位,一件事一次办,千亿级产业')).toEqual([]);
  });

  it('gives targets with value, unit and comparator', () => {
    expect(brief('到2025年,新能源公交车占比提高到百分之九十五。')).toEqual([[95, null, '%', '=']]);
    expect(brief('到2025年,可再生能源装机容量较2020年翻一番。')).toEqual([[2, null, '倍', '=']]);
    expect(brief('到2025年,乡村旅游综合收入增长两成。')).toEqual([[20, null, '%', '=']]);
    expect(brief('到2025年,新增集装箱泊位十个。')).toEqual([[10, null, '个', '=']]);
    expect(brief('到2025年,重点癌症早诊率提高五个百分点。')).toEqual([[5, null, '个百分点', '=']]);
    const [t] = targetsOf('到2025年,乡镇卫生院中医馆覆盖率达到百分之百。');
    expect(t.quote).toBe('乡镇卫生院中医馆覆盖率达到百分之百');
  });
});

describe('target wording other cities use', () => {
  it('a share written before its subject ("30%以上的医疗机构建成…")', () => {
    const [t] = targetsOf('到2025年,30%以上的二级及以上公立医院建成健康促进医院。');
    expect(t).toMatchObject({ subject: '二级及以上公立医院建成健康促进医院', value: 30, unit: '%', comparator: '>=' });
    // a threshold inside a subject is not a target
    expect(brief('年底前集体经济收入10万元以上的村占比达到60%。')).toEqual([[60, null, '%', '=']]);
    expect(targetsOf('支持占比30%的产业转型。')).toEqual([]);
  });

  it('a bound before the verb of a counted object ("每季度至少召开1次座谈会")', () => {
    expect(brief('每季度至少召开1次民营企业座谈会。')).toEqual([[1, null, '次', '>=']]);
    expect(brief('每个区县至少建成1个推广中心。')).toEqual([[1, null, '个', '>=']]);
    expect(brief('每季度组织1场供需对接活动。')).toEqual([[1, null, '场', '=']]);
  });

  it('a figure whose subject is the one just named, and the size of what is created', () => {
    const ts = targetsOf('2024年,确保农村居民人均可支配收入增长7.5%以上,力争达到1.9万元。');
    expect(ts.map((t) => [t.subject, t.value, t.unit])).toEqual([
      ['农村居民人均可支配收入', 7.5, '%'],
      ['农村居民人均可支配收入', 1.9, '万元'],
    ]);
    expect(brief('2024年,设立总规模20亿元的数字经济产业投资基金。')).toEqual([[20, null, '亿元', '=']]);
    expect(brief('到2025年,孕产妇死亡率低于12/10万。')).toEqual([[12, null, '/10万', '<']]);
    expect(brief('到2025年,集装箱吞吐量达到3500万标准箱。')).toEqual([[3500, null, '万标准箱', '=']]);
  });

  it('"累计完成" with a bound in a sentence looking ahead is a target; a record is not', () => {
    expect(brief('到2026年,全区累计完成村级工业园改造提升8000亩以上。')).toEqual([[8000, null, '亩', '>=']]);
    expect(brief('到2025年,建成充电桩1000个(目前已建成600个),累计完成投资50亿元。')).toEqual([[1000, null, '个', '=']]);
  });

  it('a task heading about the "发展环境" is not the document\'s history, and a record year does not carry', () => {
    const ts = parseText('某市2024年数字经济发展工作要点\n2023年,全市数字经济规模为6300亿元。\n三、优化数字发展环境\n8.数字经济企业贷款余额增长20%。').targets;
    expect(ts.map((t) => [t.value, t.year])).toEqual([[20, 2024]]);
  });
});
