// Behaviours added after blind batch 6: unit notes in 【】/〔〕/[] brackets, verbs inside a labelled
// unit list with verbless clauses, "各市(县)、区人民政府" as one catch-all, organ names with 工作局 /
// 工作站 and hotline numbers, 参与部门 and 分包领导 labels; in targets, a short parenthetical note
// between subject and figure, 瓶, 压缩 as a decrease, 每年 over a listed clause, policy terms
// (subsidies, validity) and "全镇现有…" sentences as non-targets.
import { describe, expect, it } from 'vitest';
import { parseText } from '../../server/parser/index.js';
import { extractTargets } from '../../server/parser/targets.js';
import type { ParsedUnit } from '../../shared/parsedPlan.js';
import { ctxOf } from './indicators.helpers.js';

const raws = (us: ParsedUnit[]) => us.map((u) => u.raw);
const roles = (text: string) => parseText(text).tasks.map((t) => [raws(t.lead), raws(t.responsible), raws(t.cooperating)]);
const targetsOf = (text: string) => extractTargets(ctxOf(text), []);
const brief = (text: string) => targetsOf(text).map((t) => [t.value, t.valueMax, t.unit, t.comparator]);

describe('unit notes in square and Chinese brackets', () => {
  it('reads 【责任单位:…】 and [责任单位:…] at the end of an item, without the closing bracket', () => {
    const text = [
      '某市2024年工作要点',
      '1.建设海上粮仓。新增养殖网箱10座。【责任单位:市海洋发展和渔业局、市财政局,各区市政府(管委)】',
      '2.规范渔船管理。淘汰老旧渔船不少于80艘。[责任单位:市海洋发展和渔业局、烟台海事局]',
    ].join('\n');
    expect(roles(text)).toEqual([
      [[], ['市海洋发展和渔业局', '市财政局', '各区市政府(管委)'], []],
      [[], ['市海洋发展和渔业局', '烟台海事局'], []],
    ]);
  });

  it('reads 〔牵头部门:X;配合部门:Y〕, also on the line after the item, and labels in any order', () => {
    const text = [
      '某市2024年工作要点',
      '1.发展海洋牧场。新建示范区5处。〔牵头部门:市海洋发展和渔业局;配合部门:市文化和旅游局、市自然资源和规划局〕',
      '2.推进海上风电开发。装机容量达到200万千瓦。',
      '〔责任单位:市发展改革委(市能源局),莱州市政府〕',
      '3.加快港口建设。推进码头二期建设。【参与部门:市港口集团;牵头部门:市交通运输局】',
    ].join('\n');
    const plan = parseText(text);
    expect(plan.tasks.map((t) => [t.title, raws(t.lead), raws(t.responsible), raws(t.cooperating)])).toEqual([
      ['发展海洋牧场', ['市海洋发展和渔业局'], [], ['市文化和旅游局', '市自然资源和规划局']],
      ['推进海上风电开发', [], ['市发展改革委(市能源局)', '莱州市政府'], []],
      ['加快港口建设', ['市交通运输局'], [], ['市港口集团']],
    ]);
    const unit = plan.tasks[0].cooperating[1];
    expect(text.slice(unit.source!.start, unit.source!.end)).toBe('市自然资源和规划局');
  });

  it('keeps a deadline written inside the brackets and leaves document numbers alone', () => {
    const text = ['某市2025年工作方案', '烟政办字〔2024〕15号', '1.推进充电设施建设。新建充电桩500个。〔责任单位:市发展改革委;完成时限:2025年6月底前〕'].join('\n');
    const [t] = parseText(text).tasks;
    expect([raws(t.responsible), t.deadline]).toEqual([['市发展改革委'], '2025-06']);
  });
});

describe('short role labels and verb notes in brackets', () => {
  it('reads "(牵头:X;配合:Y)" with the role word alone before a colon', () => {
    expect(roles('1.推进充电设施建设。新建充电桩500个。(牵头:市发展改革委;配合:市财政局、市商务局)')).toEqual([
      [['市发展改革委'], [], ['市财政局', '市商务局']],
    ]);
  });

  it('does not take a role word in prose for a label', () => {
    expect(roles('1.压实责任。各级要落实配合责任:加强协调。').flat(2)).toEqual([]);
  });

  it('reads "【X牵头,Y配合】" like its parenthesized form', () => {
    expect(roles('1.培育龙头企业。培育龙头企业5家。【市农业农村局牵头,市财政局配合】')).toEqual([[['市农业农村局'], [], ['市财政局']]]);
  });
});

describe('verbs inside a labelled unit list', () => {
  it('gives a leading verbless clause the label’s role and the rest the role of their verb', () => {
    const text = ['某镇工作方案', '(一)村容村貌提升', '开展集中整治行动。', '责任单位:各村(社区)两委,镇农业服务中心、镇自然资源所配合'].join('\n');
    expect(roles(text)).toEqual([[[], ['各村(社区)两委'], ['镇农业服务中心', '镇自然资源所']]]);
  });

  it('lets a verbless clause after "X牵头" join the verb that ends its run', () => {
    const text = '1.推进基地建设。新建基地5万亩。(责任单位:市农业农村局牵头,市自然资源局、市水务局,各县(市)区人民政府配合)';
    expect(roles(text)).toEqual([[['市农业农村局'], [], ['市自然资源局', '市水务局', '各县(市)区人民政府']]]);
  });

  it('reads "Y具体落实" after a ";" as responsible', () => {
    const text = ['某镇工作方案', '(五)长效管护机制', '建立管护机制。', '牵头单位:镇党政办公室;责任单位:镇纪委、镇财政所;各村(社区)两委具体落实'].join('\n');
    expect(roles(text)).toEqual([[['镇党政办公室'], ['镇纪委', '镇财政所', '各村(社区)两委'], []]]);
  });

  it('does the same inside a table cell', () => {
    const text = [
      '某区重点任务分工表',
      '| 序号 | 重点任务 | 责任单位 | 完成时限 |',
      '| 1 | 整治人居环境 | 各街道办事处,区城管局、区农业农村局配合 | 2024年12月底 |',
    ].join('\n');
    expect(roles(text)).toEqual([[[], ['各街道办事处'], ['区城管局', '区农业农村局']]]);
  });

  it('takes 参与部门 as cooperating and 分包领导 as a leader, not a unit', () => {
    const text = ['某镇工作方案', '(四)村容村貌提升', '开展集中整治行动。', '分包领导:镇班子成员', '牵头部门:镇农业服务中心  参与部门:镇财政所'].join('\n');
    const [t] = parseText(text).tasks;
    expect([raws(t.lead), raws(t.cooperating), t.leaders]).toEqual([['镇农业服务中心'], ['镇财政所'], ['镇班子成员']]);
  });
});

describe('unit names', () => {
  it('reads "各市(县)、区人民政府" as one all-districts catch-all', () => {
    const text = '1.强化惠企政策直达。兑现资金50亿元以上。(责任单位:市发展改革委、各市(县)、区人民政府)';
    const [t] = parseText(text).tasks;
    expect(raws(t.responsible)).toEqual(['市发展改革委', '各市(县)、区人民政府']);
    expect(t.responsible[1].scope).toBe('all_districts');
  });

  it('keeps organ names with 工作局 / 工作站 and hotline numbers', () => {
    const text = [
      '1.创新金融服务。新增贷款200亿元以上。',
      '牵头单位:市金融工作局    责任单位:镇生态环境保护工作站、市12345热线管理中心',
    ].join('\n');
    expect(roles(text)).toEqual([[['市金融工作局'], ['镇生态环境保护工作站', '市12345热线管理中心'], []]]);
  });

  it('still rejects figures and actions as units', () => {
    const text = '1.推进工作。(责任单位:市商务局、完成2000家企业改造工作)';
    expect(raws(parseText(text).tasks[0]?.responsible ?? [])).not.toContain('完成2000家企业改造工作');
  });
});

describe('targets', () => {
  it('keeps a short parenthetical note between the subject and the figure', () => {
    expect(brief('2024年,培育省级以上智能制造示范工厂(场景)不少于20个,新增大型智能养殖网箱(工船)10座。')).toEqual([
      [20, null, '个', '>='],
      [10, null, '座', '='],
    ]);
    expect(targetsOf('2024年,培育省级以上智能制造示范工厂(场景)不少于20个。')[0].subject).toContain('省级以上智能制造示范工厂(场景)');
  });

  it('does not take a figure inside parentheses with digits for a subject note', () => {
    expect(brief('2024年,新增示范点(2023年为5个)10个。').map((x) => x[0])).not.toContain(2023);
  });

  it('knows 瓶 and reads 压缩 as a decrease', () => {
    const ts = targetsOf('到2026年,葡萄酒年产量达到1.8亿瓶,进出口整体通关时间较2023年压缩10%左右。');
    expect(ts.map((t) => [t.value, t.unit, t.comparator, t.decrease])).toEqual([
      [1.8, '亿瓶', '=', false],
      [10, '%', 'approx', true],
    ]);
  });

  it('lets 每年 govern its whole comma clause, a 、 list included', () => {
    const [t] = targetsOf('到2026年,每年培训种植、酿造技术人员不少于3000人次。');
    expect([t.value, t.unit, t.comparator, t.recurring]).toEqual([3000, '人次', '>=', true]);
  });

  it('skips subsidies, awards and validity periods', () => {
    expect(brief('2024年,对新评定的列级酒庄给予一次性奖励50万元,对达标企业每家补贴10万元,给予最高30%的补助。本方案有效期3年。')).toEqual([]);
    // a fund the plan sets out to raise is still a target
    expect(brief('2024年,安排专项资金不少于15亿元。')).toEqual([[15, null, '亿元', '>=']]);
  });

  it('skips a sentence stating what there is now', () => {
    expect(brief('2024年,全镇现有行政村26个、社区7个,常住人口约11.6万人。')).toEqual([]);
    expect(brief('全市现有规上企业3200家,力争2024年数字化改造覆盖率达到80%。')).toEqual([[80, null, '%', '=']]);
  });
});
