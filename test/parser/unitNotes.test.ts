// Who leads, is responsible and cooperates, as labels and notes state it: 责任单位 label lines, notes in
// ()/【】/〔〕/[] after an item, short role words, verbs inside a labelled list, plan-wide order rules, 同上, notes
// and label lists wrapped onto the next line. (Regrouped from the blind-batch files 5–16.)
import { describe, expect, it } from 'vitest';
import { parseText } from '../../server/parser/index.js';

const raws = (us: { raw: string }[]) => us.map((u) => u.raw);
const roles = (text: string) => parseText(text).tasks.map((t) => [raws(t.lead), raws(t.responsible), raws(t.cooperating)]);

// blind batch 6
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

// blind batch 6
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

// blind batch 7
describe('unit notes without labels', () => {
  it('reads unit names alone in parentheses after the sentence as responsible units', () => {
    const text = ['某市新材料产业行动方案', '二、重点任务', '1.推进园区提质。推动化工园区认定管理。(市工信局、市应急局,各区县政府、高新区管委会)', '2.加强人才引育。实施英才计划。(市委组织部、市人社局)'].join('\n');
    expect(roles(text)).toEqual([
      [[], ['市工信局', '市应急局', '各区县政府', '高新区管委会'], []],
      [[], ['市委组织部', '市人社局'], []],
    ]);
  });

  it('leaves a parenthesis that is not a list of units, or that does not close a sentence, alone', () => {
    const text = ['某市方案', '1.发展物流。建设枢纽(含陆港型枢纽)。(2023年全市社会物流总额为2.03万亿元。)', '2.建设平台。依托市市场监管局(市知识产权局)推进。'].join('\n');
    expect(parseText(text).tasks.every((t) => t.responsible.length === 0)).toBe(true);
  });

  it('a page cut inside a verb note after its first sentence keeps that sentence\'s units (real-AN an03)', () => {
    const text = ['某省2022年工作要点', '一、打造升级版', '(一)强化“一网通办”支撑。推进全流程一体化网上政务服务。(省政务局牵头,省直相关单位按职责分工负责。各市州、县市区人民政府均为责任单位'].join('\n');
    expect(roles(text)).toEqual([[['省政务局'], ['省直相关单位'], []]]);
  });

  it('keeps every "(X负责)" of one item\'s paragraph in that one task', () => {
    const text = ['某市2025年工作要点', '一、提升效能', '1.深化改革。推出集成服务12项以上(市行政审批局负责)。电子证照应用率达到90%(市数据局负责)。', '2.降低成本。减税降费150亿元(市税务局负责);电价下降3%(市发改委负责)。'].join('\n');
    expect(roles(text)).toEqual([
      [[], ['市行政审批局', '市数据局'], []],
      [[], ['市税务局', '市发改委'], []],
    ]);
  });
});

// blind batch 6
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

// blind batch 5
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

// blind batch 11: 三个责任 label lines
describe('label lines and unit lists', () => {
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

// blind batches 8 and 9b
describe('labels of town and street plans', () => {
  it('reads 责任科室 / 配合科室 labels of a town plan', () => {
    const text = ['某镇2024年工作方案', '1.开展宣传。发放资料。(责任科室:宣传办、党政办;配合科室:各管区)', '2.加强巡查。每天巡查。(牵头科室:应急办;责任科室:综合执法中队)'].join('\n');
    expect(roles(text)).toEqual([
      [[], ['宣传办', '党政办'], ['各管区']],
      [['应急办'], ['综合执法中队'], []],
    ]);
  });

  it('reads "A、B按职责分工负责;C、D落实" as one note of responsible units', () => {
    const text = ['某市养老规划', '一、加强队伍建设。举办技能竞赛。(市人社局、市民政局按职责分工负责;各区县人民政府、高新区管委会落实)'].join('\n');
    expect(roles(text)).toEqual([[[], ['市人社局', '市民政局', '各区县人民政府', '高新区管委会'], []]]);
  });

  it('reads 协同科室 and 落实主体 on one line split by spaces', () => {
    const text = '某街道2025年工作方案\n\n一、主要任务\nA. 推进垃圾分类。\n牵头科室:街道城建办 协同科室:街道执法队 落实主体:各社区\n完成时间:2025年8月\n';
    expect(roles(text)).toEqual([[['街道城建办'], ['各社区'], ['街道执法队']]]);
  });
});

// blind batch 12
describe('labelled unit cells', () => {
  it('reads "牵头:X(person) 配合:Y" cells and "X(person)牵头,Y配合", dropping the person in parentheses', () => {
    const plan = parseText(
      '宣城市人民政府\n任务分解表\n责任单位(责任人)\t任务编号\t重点任务\t完成时限\n牵头:市发展改革委(王立新) 配合:市财政局(周敏)、市统计局\t1-1\t地区生产总值增长6%左右。\t2024年12月\n市投资促进局(何静)牵头,市发展改革委配合\t1-2\t新开工亿元以上项目300个。\t2024年11月\n',
    );
    const [a, b] = plan.tasks;
    expect(raws(a.lead)).toEqual(['市发展改革委']);
    expect(raws(a.cooperating)).toEqual(['市财政局', '市统计局']);
    expect(raws(b.lead)).toEqual(['市投资促进局']);
    expect(raws(b.cooperating)).toEqual(['市发展改革委']);
  });
});

// blind batch 12
describe('同上', () => {
  it('copies the task above for "同上" labels and a whole "…同上。" line', () => {
    const plan = parseText(
      '关于2024年重点工作任务分解的通知\n一、目标\n1-1 地区生产总值增长6.5%左右。\n责任领导:王一(副市长);牵头单位:市发展改革委;责任单位:市统计局;完成时限:2024年12月底\n1-2 工业增加值增长8%。\n责任领导:同上;牵头单位:市工信局;责任单位:同上;完成时限:2024年12月底\n1-3 新开工项目500个。\n责任领导、牵头单位、责任单位、完成时限同上。\n',
    );
    const [, b, c] = plan.tasks;
    expect(raws(b.lead)).toEqual(['市工信局']);
    expect(raws(b.responsible)).toEqual(['市统计局']);
    expect(raws(c.lead)).toEqual(['市工信局']);
    expect(raws(c.responsible)).toEqual(['市统计局']);
    expect(c.deadline).toBe('2024-12');
  });
});

// blind batch 14: the layout of the owner's issue
describe('wrapped notes and label lists', () => {
  it('an inline note cut right after "牵头," keeps the units of both lines', () => {
    const p = parseText(
      '一、强化要素支撑\n1.加大融资支持,贷款余额增长12%以上。(人行某市支行、市金融服务中心牵头,\n各银行业金融机构按职责分工负责)\n2.保障企业用工需求。(市人社局牵头,市总工会配合)\n',
    );
    expect(p.tasks).toHaveLength(2);
    expect(raws(p.tasks[0].lead)).toEqual(['人行某市支行', '市金融服务中心']);
    expect(raws(p.tasks[0].responsible)).toEqual(['各银行业金融机构']);
  });

  it('a page number opening the continued line of a note, with a nested "(市)", is dropped', () => {
    const p = parseText(
      '二、重点工作\n(一)完善配套服务设施。新增服务设施30处。(牵头单位:市民政局;责任单位:市卫生健康委,\n3 市住房城乡建设局,各县(市)区政府)\n(二)拓宽资金渠道。争取资金不低于8亿元。(牵头单位:市财政局)\n',
    );
    expect(raws(p.tasks[0].responsible)).toEqual(['市卫生健康委', '市住房城乡建设局', '各县(市)区政府']);
  });

  it('a label list ending in "," goes on with the next line; the deadline line after it still counts', () => {
    const p = parseText(
      '1.提升民宿品质。新培育等级民宿20家。\n牵头责任单位:县文旅局\n协同责任单位:县消防救援大队、县公安局,\n各乡镇人民政府\n完成时限:2024年8月底\n2.完善交通网络。改造旅游公路45公里。\n主要责任单位:县交通运输局\n配合单位:县城市管理局\n',
    );
    const [a, b] = p.tasks;
    expect(raws(a.cooperating)).toEqual(['县消防救援大队', '县公安局', '各乡镇人民政府']);
    expect(a.deadline).toBe('2024-08');
    // convention (长丰县, layouts.test): 主要责任单位 leads when no 牵头 line is named, is responsible beside one (长春)
    expect(raws(b.lead)).toEqual(['县交通运输局']);
    expect(raws(b.cooperating)).toEqual(['县城市管理局']);
  });
});

// blind batch 15
describe('an inline note whose responsible list is split by a comma', () => {
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

// blind batch 16
describe('OCR in labels', () => {
  it('OCR 単 for 单 in labels; two labels parted by a space', () => {
    const p = parseText('某区2024年方案\n\n    一、开展村庄清洁行动。集中整治不少于4次。(牵头単位:区农业农村局 配合単位:团区委、区妇联)');
    expect(raws(p.tasks[0].lead)).toEqual(['区农业农村局']);
    expect(raws(p.tasks[0].cooperating)).toEqual(['团区委', '区妇联']);
  });
});

describe('组织单位 and 参加单位 under a heading whose numbered items are its fields (real-AP ap11)', () => {
  it('reads 组织单位 as responsible and 参加单位 as cooperating, the task named by the heading above its field items', () => {
    const text =
      '四、活动安排\n(一)开展安全生产事故警示教育周活动\n1.活动时间:6月1日至6月7日。\n2.活动内容:各乡镇组织企业集中开展警示教育活动。\n3.组织单位:各乡镇人民政府,县直有关部门和单位。\n' +
      '(二)开展安全文化周系列活动\n1.活动时间:6月8日至6月14日。\n2.活动内容:组织安全文化进企业活动。\n3.组织单位:县总工会。\n4.参加单位:团县委、县妇联。\n';
    const tasks = parseText(text).tasks;
    expect(tasks.map((t) => [t.title, t.responsible.map((u) => u.raw), t.cooperating.map((u) => u.raw)])).toEqual([
      ['开展安全生产事故警示教育周活动', ['各乡镇人民政府', '县直有关部门和单位'], []],
      ['开展安全文化周系列活动', ['县总工会'], ['团县委', '县妇联']],
    ]);
  });
});

describe('a sentence duty over its item\'s own label line (real-AP ap10)', () => {
  it('takes the label line, not the subject told in passing, and makes one task of the item', () => {
    const text =
      '(五)6月1日前,各乡镇、安委会成员单位要在单位所在地设置固定的安全生产宣传栏。\n责任单位:各乡镇政府,县安委会成员单位。\n' +
      '(六)6月8日前,在贵毕路入口喷绘1幅以上大型安全生产公益宣传广告。\n责任单位:县建设局、城管局。\n';
    expect(roles(text)).toEqual([
      [[], ['各乡镇政府', '县安委会成员单位'], []],
      [[], ['县建设局', '城管局'], []],
    ]);
  });
});

describe('a label that runs into its units through 有 (real-BF bf02)', () => {
  it('reads "相关责任单位有X、Y" as a label, not as part of the lead before it', () => {
    const text =
      '1全面落实困难群众大病补充医疗保险\n\n主要责任单位:省人力资源和社会保障厅,相关责任单位有省财政厅、省扶贫办、省民政厅。\n\n' +
      '2免费开展出生缺陷产前筛查和新生儿疾病筛查\n\n主要责任单位:省政府妇儿工委办公室(省妇联),相关责任单位有省卫计委、省财政厅。\n';
    expect(roles(text)).toEqual([
      [['省人力资源和社会保障厅'], ['省财政厅', '省扶贫办', '省民政厅'], []],
      [['省政府妇儿工委办公室(省妇联)'], ['省卫计委', '省财政厅'], []],
    ]);
  });
});

describe('a district\'s streets and parks named 板块 (real-BE be03)', () => {
  it('reads "各街道板块" as a collective in a 主办/协办 note', () => {
    const text =
      '一、加快发展\n1.地区生产总值增长5%以上。(区发改委、区财政局主办,区相关部门、各街道板块协办)\n2.社会消费品零售总额增长6%以上。(区商务局主办,各街道板块协办)\n';
    expect(roles(text)).toEqual([
      [['区发改委', '区财政局'], [], ['区相关部门', '各街道板块']],
      [['区商务局'], [], ['各街道板块']],
    ]);
  });
});

describe('a label with a second holder in parentheses (real-CC cc02)', () => {
  it('reads "责任科室(单位):就业科、能建科、人才中心分别牵头" as the item\'s lead units', () => {
    const tasks = parseText('(一)开展就业创业服务提升专项行动,深入开展公共就业服务专项活动。\n责任科室(单位):就业科、能建科、人才中心分别牵头\n(二)开展培训。\n责任单位:就业科\n').tasks;
    expect(tasks.map((t) => [t.lead.map((u) => u.raw), t.responsible.map((u) => u.raw)])).toEqual([
      [['就业科', '能建科', '人才中心'], []],
      [[], ['就业科']],
    ]);
  });
});

describe('a label after the clauses of a long item (real-CC cc02)', () => {
  it('reads ",责任单位:X" that ends an item running past 60 characters', () => {
    const text =
      '二、工作举措\n(一)开展就业创业服务提升专项行动,进一步抓好重点群体就业工作,深入开展公共就业服务专项活动,深入落实强化企业用工服务保障举措,责任单位:就业科、能建科。\n(二)开展培训。责任单位:就业科。\n';
    expect(roles(text)).toEqual([
      [[], ['就业科', '能建科'], []],
      [[], ['就业科'], []],
    ]);
  });

  it('reads the items of a page kept as one long line', () => {
    const text =
      '局机关各科室、局属各单位:根据《莆田市机关效能建设领导小组关于印发<2022年度省对市绩效管理公众评议工作提升措施>的通知》(莆效综〔2022〕2号)文件要求,现将我局《2022年度省对市绩效管理公众评议就业环境和社会保障领域“补短板”专项攻坚方案》印发给你们,请认真贯彻落实。' +
      '莆田市人力资源和社会保障局2022年8月18日2022年度省对市绩效管理公众评议就业环境和社会保障领域“补短板”专项攻坚方案从2021年省对市公众评议评价指标看,现就做好2022年度相关工作制定本方案,' +
      '二、工作举措(一)开展就业创业服务提升专项行动,进一步抓好重点群体就业工作,深入开展公共就业服务专项活动,深入落实强化企业用工服务保障举措,责任单位:就业科、能建科。' +
      '(二)开展人社信息宣传提升专项行动,加强政策解读和宣传引导,责任单位:办公室、法规科。';
    expect(roles(text)).toEqual([
      [[], ['就业科', '能建科'], []],
      [[], ['办公室', '法规科'], []],
    ]);
  });
});

describe('"按职责分别负责" after the units (real-CJ cj01)', () => {
  it('reads the units before it as responsible', () => {
    const text = '一、主要指标\n3.植物新品种申请总量达到2.5万件。(农业部、林业局按职责分别负责)\n5.年度知识产权质押融资金额达到1800亿元。(工商总局、知识产权局按职责分别负责)\n';
    expect(roles(text)).toEqual([
      [[], ['农业部', '林业局'], []],
      [[], ['工商总局', '知识产权局'], []],
    ]);
  });
});

describe('a page kept as one line whose items are parted by spaces (real-CK ck04)', () => {
  it('reads each item with the units its sentence names', () => {
    const text =
      '4月28日,二连浩特市环保局党组书记、局长主持召开局务会议,研究部署污染防治攻坚战工作。 经研究部署,污染防治攻坚战按大气、水、土壤、宣教和信息公开四个大类进行具体分工,明确污染防治攻坚战领导小组和各科室的工作职责,为全市污染防治攻坚战提供组织保障。具体工作任务分工如下: ' +
      '一、大气方面 (一)燃煤散烧 由规财科负责。结合棚户区改造工作一同进行。 (二)工业污染源 二连浩特市工业企业污染多为涉气、工业粉尘类,包括水泥粉末站、萤石加工厂、铁矿加工、石头加工、木材企业等。由污控科牵头,环监局、监测站配合。 二、水方面 (一)双层罐改造工作 由污控科牵头,环监局配合。 会议强调,要坚决打好污染防治攻坚战。';
    expect(roles(text)).toEqual([
      [[], ['规财科'], []],
      [['污控科'], [], ['环监局', '监测站']],
      [['污控科'], [], ['环监局']],
    ]);
  });
});

describe('a 部门分工 label line under each item (real-A a06)', () => {
  it('reads "部门分工:X牵头,Y、Z配合" as the item\'s lead and helpers', () => {
    const text = '一、2021年经济社会发展主要预期目标\n1.地区生产总值增长6%以上。\n分管省领导:林克庆\n部门分工:省发展改革委牵头,各地、各部门配合。\n2.地方一般公共预算收入增长5%左右。\n分管省领导:林克庆\n部门分工:省财政厅牵头,省税务局配合。\n';
    const tasks = parseText(text).tasks.map((t) => [t.lead.map((u) => u.raw), t.cooperating.map((u) => u.raw)]);
    expect(tasks).toEqual([
      [['省发展改革委'], ['各地', '各部门']],
      [['省财政厅'], ['省税务局']],
    ]);
  });
});

describe('a 牵头 label closed by 负责, towns named bare before 等镇人民政府 (real-CS cs03, cs02)', () => {
  it('keeps "牵头单位:X、Y、Z等按职责分工负责" as three leads', () => {
    const text = '1.提升甘蔗机收能力。落实糖料蔗机收补贴政策。(牵头单位:市工业和信息化局、市农业农村局、市农机中心等按职责分工负责;责任单位:各县、区人民政府)\n';
    expect(roles(text)).toEqual([[['市工业和信息化局', '市农业农村局', '市农机中心'], ['各县、区人民政府'], []]]);
  });
  it('reads "久隆、沙埠、康熙岭、大番坡等镇人民政府和各街道办事处牵头" as the four towns and the streets leading', () => {
    const text = '1.养殖场污染治理。全面清理禁养区内养殖场。(责任单位:久隆、沙埠、康熙岭、大番坡等镇人民政府和各街道办事处牵头,区水产畜牧兽医局、环保钦南分局负责)\n';
    expect(roles(text)).toEqual([[['久隆', '沙埠', '康熙岭', '大番坡', '各街道办事处'], ['区水产畜牧兽医局', '环保钦南分局'], []]]);
  });
});

describe('a one-line page whose titles stand after a space or carry a span (real-CU cu02)', () => {
  it('gives "(四)总结阶段(11月) 各县(市、区)…" its title\'s own line, so the sentence opens on its subject', () => {
    const body =
      '四、时间安排 (一)动员部署阶段(5月) 各县(市、区)环保专项行动领导小组结合实际情况,确定本地区整治重点,制定具体实施方案,全面完成环保专项行动的动员部署工作。 ' +
      '(四)总结阶段(11月) 各县(市、区)要对环保专项行动开展情况进行总结,完成2009年环保专项行动工作总结报告,于10月30日前将工作总结报送市环保专项行动领导小组办公室。 ' +
      '五、工作要求 (一) 切实加强组织领导 各地要把环保专项行动作为改善环境质量的重要举措,切实加强领导,确保专项行动取得实效,各级环保部门要主动协调有关部门。 ' +
      '(五) 切实加强动态报告工作 环保专项行动领导小组办公室要确定专人负责环保专项行动信息管理工作,并通过国家环保总局《环保专项行动信息管理系统》报送环保专项行动各项信息。';
    const tasks = parseText(body).tasks.filter((t) => t.responsible.length).map((t) => t.responsible.map((u) => u.raw));
    expect(tasks).toContainEqual(['各县(市、区)']);
  });
});

describe('"责任单位及责任人:X主要领导" under items dated "1.2009年底前" (real-CY cy10)', () => {
  const text =
    '一、消防站点建设\n1.2009年底前,完成盘龙消防三中队建设,并配套完成消防车辆装备建设。\n责任单位及责任人:盘龙区政府主要领导。\n' +
    '2.2010年底前,完成特勤消防三中队、呈贡消防二中队建设。\n责任单位及责任人:呈贡县政府、市发改委、市公安消防支队主要领导。\n';
  const tasks = parseText(text).tasks;
  it('reads each item (a date after the marker is no decimal) with its units, the head of the unit left out', () => {
    expect(tasks.map((t) => [t.title.slice(0, 10), t.responsible.map((u) => u.raw), t.deadline])).toEqual([
      ['2009年底前,完成', ['盘龙区政府'], '2009-12'],
      ['2010年底前,完成', ['呈贡县政府', '市发改委', '市公安消防支队'], '2010-12'],
    ]);
  });
  it('keeps "1.2022年度…" in a list of attachments as no item of its own', () => {
    const plan = parseText('附件:1.2022年度省政府民生实事项目完成情况\n2.2022年度温州市级民生实事项目完成情况\n');
    expect(plan.outline.filter((o) => o.kind !== 'part').map((o) => o.marker)).not.toContain('2.');
  });
});

