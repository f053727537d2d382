// Task tables: grid ("|"), tab, space and cell-per-line rows; cells wrapped onto continuation rows; header words
// the parser knows and those it reads by structure; ●/○ and 牵头/配合 matrices; appendix tables naming tasks by
// number; indicator and project lists read as task tables. (Regrouped from the blind-batch files 5–16.)
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseText } from '../../server/parser/index.js';
import { normalize } from '../../server/parser/normalize.js';
import { htmlToText } from '../../server/parser/html.js';

const raws = (us: { raw: string }[]) => us.map((u) => u.raw);
const roles = (text: string) => parseText(text).tasks.map((t) => [raws(t.lead), raws(t.responsible), raws(t.cooperating)]);

// blind batch 5
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

// blind batch 5
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

// blind batch 9
describe('Excel cells pasted as text', () => {
  const text = [
    '序号\t重点任务\t工作内容\t牵头单位\t配合单位\t完成时限',
    '1\t"推进""县域医共体""建设"\t"就诊率达到90%以上;',
    '基层就诊率达到65%。"\t"区卫健局',
    '(区老龄办)"\t"区人民医院',
    '区中医医院"\t2024年12月',
  ].join('\n');

  it('puts a row with quoted multi-line cells back on one line, offsets kept', () => {
    const doc = normalize(text);
    const row = doc.text.split('\n')[1];
    expect(row).toBe('1\t推进"县域医共体"建设\t就诊率达到90%以上;基层就诊率达到65%。\t区卫健局(区老龄办)\t区人民医院、区中医医院\t2024年12月');
    const at = doc.text.indexOf('区中医医院');
    const s = doc.toSource(at, at + 5);
    expect(text.slice(s.start, s.end)).toBe('区中医医院');
  });

  it('reads the rows as tasks with their units', () => {
    const [t] = parseText(text).tasks;
    expect(t.title).toBe('推进"县域医共体"建设');
    expect(t.lead.map((u) => u.raw)).toEqual(['区卫健局(区老龄办)']);
    expect(t.cooperating.map((u) => u.raw)).toEqual(['区人民医院', '区中医医院']);
    expect(t.deadline).toBe('2024-12');
  });
});

// blind batch 14: the layout of the owner's issue
describe('a task table flattened to text, "|" rows then one cell per line', () => {
  const header = ['序号', '实事项目', '目标任务', '牵头单位', '责任单位', '配合单位', '完成时限'];
  const text = [
    '某县2024年十件民生实事任务分解表',
    '',
    '2024年,县政府继续实施十件民生实事。现将任务分解如下:',
    '',
    header.join('|'),
    '1|城乡学校建设|新建中小学3所,新增学位2400个|县教体局|县发展改革委、县财政局|各乡镇人民政府|2024年8月底前',
    '2|就业创业帮扶|城镇调查失业率控制在5.5%以内|县人社局|县财政局|县妇联、团县委|12月底前',
    '— 2 —',
    ...header,
    '3',
    '城市停车难治理',
    '新增公共停车泊位1000个左右',
    '县住建局',
    '县公安局交警大队、县城管局',
    '高河镇人民政府',
    '9月底',
    '4',
    '困难群众救助',
    '救助覆盖率100%',
    '县民政局',
    '县财政局',
    '各乡镇人民政府',
    '全年',
    '',
    '各牵头单位要于每月28日前将进展情况报县政府督查室。',
  ].join('\n');
  const plan = parseText(text);

  it('a 实事项目 column names the task, in "|" rows and in the cell-per-line rows after the page line', () => {
    // the closing dated duty of the addressees is a task too, as every labeller of real pages read it
    expect(plan.tasks.map((t) => t.title)).toEqual(['城乡学校建设', '就业创业帮扶', '城市停车难治理', '困难群众救助', '各牵头单位要于每月28日前将进展情况报县政府督查室']);
    expect(raws(plan.tasks[4].responsible)).toEqual(['各牵头单位']);
    const [a, b, c, d] = plan.tasks;
    expect(raws(a.lead)).toEqual(['县教体局']);
    expect(raws(a.responsible)).toEqual(['县发展改革委', '县财政局']);
    expect(raws(a.cooperating)).toEqual(['各乡镇人民政府']);
    expect(a.deadline).toBe('2024-08');
    expect(b.deadline).toBe('2024-12');
    expect(raws(c.lead)).toEqual(['县住建局']);
    expect(raws(c.cooperating)).toEqual(['高河镇人民政府']);
    expect(c.deadline).toBe('2024-09');
    expect(raws(d.responsible)).toEqual(['县财政局']);
    expect(d.deadline).toBeNull();
  });

  it('targets inside the cells are read; the size of a named programme is not', () => {
    const values = plan.targets.map((t) => [t.value, t.unit]);
    expect(values).toContainEqual([1000, '个']);
    expect(values).toContainEqual([100, '%']);
    expect(values).toContainEqual([5.5, '%']);
    expect(plan.targets.find((t) => t.unit === '件')).toBeUndefined();
    const digits = parseText('一、目标\n2024年,县政府继续实施10件民生实事,新建幼儿园十所。\n');
    expect(digits.targets.map((t) => [t.value, t.unit])).toEqual([[10, '所']]);
  });
});

// blind batch 15
describe('a task table headed 具体任务', () => {
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

// blind batch 9b
describe('header rows and columns', () => {
  it('reads a flattened header whose second row has only the merged cell’s columns', () => {
    const text = ['某县2025年重点任务表', '', '序号\t重点任务\t责任主体\t完成时限', '\t\t牵头单位\t配合单位\t', '1\t建设物流园区\t县商务局\t县交通局\t2025年9月', ''].join('\n');
    expect(roles(text)).toEqual([[['县商务局'], [], ['县交通局']]]);
  });

  it('reads a 目标要求 column as the task’s detail', () => {
    const text = ['某区2024年重点工作任务清单', '序号\t重点任务\t目标要求\t牵头单位\t配合单位\t完成时限', '1\t推进家庭医生签约\t签约率达到80%。\t区卫健局\t区医保局\t2024年12月', ''].join('\n');
    expect(roles(text)).toEqual([[['区卫健局'], [], ['区医保局']]]);
  });
});

// blind batch 16: header words the parser had no list entry for
describe('header columns inferred by structure', () => {
  it('unknown 主办单位 / 协办部门 words: lead and cooperating by their role words ("|" rows)', () => {
    const p = parseText(
      ['某市2024年重点工作分解表', '', '序号|工作事项|主要内容|主办单位|协办部门|时间安排', '1|管网更新|改造管道不少于150公里|市城管局|市住建局,市水利局|2024年12月底前'].join('\n'),
    );
    expect(p.tasks.map((t) => t.title)).toEqual(['管网更新']);
    expect(raws(p.tasks[0].lead)).toEqual(['市城管局']);
    expect(raws(p.tasks[0].cooperating)).toEqual(['市住建局', '市水利局']);
    expect(p.tasks[0].deadline).toBe('2024-12');
  });

  it('an unknown text header (责任清单) is the task column when two unit columns follow (tabs)', () => {
    const p = parseText(['某区2024年重点任务', '', '\t序号\t责任清单\t牵头部门\t配合单位\t完成时限', '\t1\t建设海洋牧场。新建示范区2处。\t区海洋发展局\t区财政局\t2024年12月底前'].join('\n'));
    expect(p.tasks).toHaveLength(1);
    expect(p.tasks[0].title).toBe('建设海洋牧场');
    expect(raws(p.tasks[0].lead)).toEqual(['区海洋发展局']);
    expect(raws(p.tasks[0].cooperating)).toEqual(['区财政局']);
  });

  it('one header cell per line with unknown words, after a page mark', () => {
    const p = parseText(
      ['某市2024年任务表', '', '序号', '工作事项', '主要内容', '主办单位', '协办部门', '时间安排', '1', '社区试点', '建设试点15个', '市民政局', '市住建局', '2024年12月底前'].join('\n'),
    );
    expect(p.tasks.map((t) => t.title)).toEqual(['社区试点']);
    expect(raws(p.tasks[0].lead)).toEqual(['市民政局']);
    expect(raws(p.tasks[0].cooperating)).toEqual(['市住建局']);
  });

  it('cells parted by single spaces', () => {
    const p = parseText(
      ['某县2024年方案', '', '序号 任务名称 具体措施 牵头单位 责任单位 配合单位 时限', '1 推进节能改造 实施技改项目12个 县工信局 县发改局、县市场监管局 县生态环境局 2025年12月底前', ''].join('\n'),
    );
    expect(p.tasks).toHaveLength(1);
    expect(raws(p.tasks[0].lead)).toEqual(['县工信局']);
    expect(raws(p.tasks[0].responsible)).toEqual(['县发改局', '县市场监管局']);
    expect(raws(p.tasks[0].cooperating)).toEqual(['县生态环境局']);
  });

  it('a title line above a per-line header is no header cell', () => {
    const p = parseText(['重点任务分解表', '序号', '重点任务', '牵头单位', '配合单位', '完成时限', '1', '实施城市体检', '区住建委', '区统计局', '6月下旬'].join('\n'));
    expect(p.tasks.map((t) => t.title)).toEqual(['实施城市体检']);
  });
});

// blind batches 10 and 12
describe('unit matrices', () => {
  it('reads a ●/○ matrix with one column per unit', () => {
    const html = '<table><tr><td>序号</td><td>重点任务</td><td>镇党政办</td><td>镇财政局</td><td>各村(社区)</td><td>完成时限</td></tr>' +
      '<tr>\n<td>1</td>\n<td><p>推进园区改造</p></td>\n<td>●</td><td></td><td>○</td><td>2024年12月</td></tr></table>';
    const plan = parseText(htmlToText(html));
    const t = plan.tasks.find((x) => x.title.includes('推进园区改造'))!;
    expect(raws(t.lead)).toEqual(['镇党政办']);
    expect(raws(t.cooperating)).toEqual(['各村(社区)']);
    expect(t.deadline).toBe('2024-12');
  });

  it('reads a matrix whose cells hold the words 牵头 / 配合', () => {
    const plan = parseText(
      '二、责任分工\n序号\t重点任务\t区民政局\t区财政局\t各镇(街道)\n1\t完善养老服务设施。\t牵头\t配合\t配合\n2\t改造老旧小区。\t\t配合\t牵头\n',
    );
    expect(raws(plan.tasks[0].lead)).toEqual(['区民政局']);
    expect(raws(plan.tasks[0].cooperating)).toEqual(['区财政局', '各镇(街道)']);
    expect(raws(plan.tasks[1].lead)).toEqual(['各镇(街道)']);
  });
});

// blind batch 7
describe('an appendix 分工表 naming tasks by number', () => {
  it('joins each row to the item of the text it numbers, with its deadline', () => {
    const text = [
      '某市现代物流业实施方案(2024—2026年)',
      '二、重点任务',
      '(一)强化枢纽功能',
      '1.建设国家物流枢纽。完善枢纽功能。',
      '2.提升多式联运水平。加快铁水联运发展。',
      '三、保障措施',
      '各有关部门按照职责分工抓好落实。',
      '附件',
      '重点任务责任分工表',
      '序号\t任务编号\t牵头单位\t配合单位\t完成时限',
      '1\t二(一)1\t市发展改革委\t市交通运输局、市商务局\t2026年底',
      '2\t二(一)2\t市交通运输局\t中国铁路上海局集团徐州车务段\t2025年6月',
    ].join('\n');
    const tasks = parseText(text).tasks;
    expect(tasks.map((t) => [t.title, raws(t.lead), raws(t.cooperating), t.deadline])).toEqual([
      ['建设国家物流枢纽', ['市发展改革委'], ['市交通运输局', '市商务局'], '2026-12'],
      ['提升多式联运水平', ['市交通运输局'], ['中国铁路上海局集团徐州车务段'], '2025-06'],
    ]);
    expect(text.slice(tasks[0].source.start, tasks[0].source.end)).toContain('完善枢纽功能');
  });
});

// blind batch 11
describe('indicator and project lists read as task tables', () => {
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
});

// real-O o07: the merged 工作目标 / 工作内容 cells dropped from a row, the row padded with empty cells at its end
describe('a "|" row that lost its merged cells at the start and was padded at the end', () => {
  const plan = parseText(
    [
      '某县2025年食品安全工作任务清单',
      '| 工作目标 | 工作内容 | 工作措施 | 责任单位 | 完成时限 |',
      '| 一、加大突出问题治理力度 | (一)强化源头治理 | 1.加强农用地土壤重金属污染源头防控。 | 市生态环境局分局 | 2025年10月底前 |',
      '| 2.持续开展农药科学施用增效、兽药使用减量行动。 | 县农业农村局 | 2025年11月底前,并长期坚持 | ||',
    ].join('\n'),
  );
  it('reads its cells into the last columns', () => {
    const t = plan.tasks.find((x) => x.title.includes('农药科学施用'));
    expect(t && raws(t.responsible)).toEqual(['县农业农村局']);
    expect(t?.deadline).toBe('2025-11');
  });
});

describe('a single-space table as the issue describes it: qualified header names, a unit cell continued, a row with no deadline', () => {
  const plan = parseText(
    [
      '某县2024年重点工作任务分解表',
      '序号 重点工作任务 主要责任单位 协同配合单位 完成时限',
      '1 实施城区污水管网改造工程,新建污水管网20公里 县住建局 县财政局、县自然资源局、',
      '县生态环境分局 2024年12月底',
      '2 推进农村公路提档升级,改造农村公路50公里 县交通运输局 县财政局 2024年10月底',
      '3 开展全民健身活动100场次 县文旅局 县教体局',
    ].join('\n'),
  );
  it('reads every row, the continued cell joined to its row and the deadline after it', () => {
    expect(plan.tasks.map((t) => t.title)).toEqual(['实施城区污水管网改造工程,新建污水管网20公里', '推进农村公路提档升级,改造农村公路50公里', '开展全民健身活动100场次']);
    expect(raws(plan.tasks[0].lead)).toEqual(['县住建局']);
    expect(raws(plan.tasks[0].cooperating)).toEqual(['县财政局', '县自然资源局', '县生态环境分局']);
    expect(plan.tasks[0].deadline).toBe('2024-12');
    expect(raws(plan.tasks[2].cooperating)).toEqual(['县教体局']);
    expect(plan.tasks[2].deadline).toBeNull();
  });
});

describe('a quota table by place with a remarks column (real-AE)', () => {
  const text = ['某县2024年油茶种植任务分解表', '乡镇 | 新种任务(亩) | 备注 |', '全县合计 | 3000 | |', '城关镇 | 900 | 其中县林业投资公司新种任务300亩 |', '东山乡 | 700 | |', '西河镇 | 800 | |', '南岭乡 | 600 | |'].join('\n');
  const plan = parseText(text);

  it("gives each place its row as a task, the total row no one's", () => {
    expect(plan.tasks.map((t) => t.responsible.map((u) => u.raw))).toEqual([['城关镇'], ['东山乡'], ['西河镇'], ['南岭乡']]);
  });

  it('reads each figure as a target in the measure of its header', () => {
    expect(plan.targets.map((t) => [t.value, t.unit])).toEqual(expect.arrayContaining([[3000, '亩'], [900, '亩'], [700, '亩'], [800, '亩'], [600, '亩']]));
  });
});

describe('a quota table by place with one measure (real-BK bk02)', () => {
  const text = ['太仓市2019年度能源消耗强度目标分解表', '地区 | 单位规上工业增加值能耗降幅目标(%) |', '全市 | 3.4 |', '港区 (含浮桥) | 3.4 |', '城 厢 | 3.2 |', '沙 溪 | 3.5 |'].join('\n');
  const plan = parseText(text);

  it('gives each place its row, its name kept whole however it is spaced or noted', () => {
    expect(plan.tasks.map((t) => t.responsible.map((u) => u.raw))).toEqual([['港区 (含浮桥)'], ['城 厢'], ['沙 溪']]);
  });

  it('reads each figure as a target in the unit of the header', () => {
    expect(plan.targets.map((t) => [t.value, t.unit])).toEqual([[3.4, '%'], [3.4, '%'], [3.2, '%'], [3.5, '%']]);
  });
});

describe('a "|" table whose group headings ride on the first row of each group (real-AN an07)', () => {
  it('drops the heading cells into the empty columns at the end, and titles a row by its wording, not its number', () => {
    const text =
      '工作任务 | 具体要求 | 责任单位 | 时限要求 | ||\n' +
      '一、以公开助力经济平稳健康发展。 | (一)加强涉及市场主体的信息公开。 | 1 | 进一步增强政策文件制定实施的透明度与可预期性。 | 市政府各有关部门,各县市区人民政府、功能区管委会负责落实 | 持续推进 |\n' +
      '2 | 开设行业帮扶政策公开专题。 | 市政府各有关部门负责落实 | 持续推进 | ||\n';
    const tasks = parseText(text).tasks;
    expect(tasks.map((t) => [t.title, t.responsible.map((u) => u.raw)])).toEqual([
      ['进一步增强政策文件制定实施的透明度与可预期性', ['市政府各有关部门', '各县市区人民政府', '功能区管委会']],
      ['开设行业帮扶政策公开专题', ['市政府各有关部门']],
    ]);
  });
});

describe('an indicator responsibility list printed one cell per line (real-AR ar18)', () => {
  it('reads 单位 and the year columns as the list\'s own columns, the rows\' lead and responsible units from theirs', () => {
    const lines = ['主要目标责任清单', '序号', '指标名称', '单位', '2022年', '2025年', '2027年', '牵头单位', '责任单位'];
    lines.push('1', '人均预期寿命', '岁', '78.2(2021年)', '≥79.2', '≥80', '县卫健局', '县文旅广体局、各乡镇人民政府');
    lines.push('2', '居民健康素养水平', '%', '25', '≥30', '≥35', '县卫健局', '县疾控中心、各乡镇人民政府');
    const text = lines.map((l, k) => (k ? `${l} |` : l)).join('\n') + '\n';
    expect(parseText(text).tasks.map((t) => [t.title, raws(t.lead), raws(t.responsible)])).toEqual([
      ['人均预期寿命', ['县卫健局'], ['县文旅广体局', '各乡镇人民政府']],
      ['居民健康素养水平', ['县卫健局'], ['县疾控中心', '各乡镇人民政府']],
    ]);
  });
});

// session 15 (real-AV av01): a bar-parted table whose rows the header's width does not part
describe('a "|"-line table with a group cell on its group\'s first row and a title beside its wording (real-AV av01)', () => {
  it('parts each row at its unit cell and deadline cell', () => {
    const cells = [
      ['重点工作'], ['具体任务'], ['责任单位'], ['完成时限'],
      ['一、强化医保部门常态监管机制'], ['严格定点协议管理'], ['切实加强医保经办机构内控制度建设,规范医保服务协议管理。'], ['市医保局'], ['2021年12月底前完成并长期坚持'],
      ['强化医保医师管理'], ['医保部门与医护人员签订服务协议。'], ['市医保局'], ['2021年6月底前完成并长期坚持'],
      ['坚持多形式检查'], ['每年对定点医药机构至少开展一次全覆盖现场检查。'], ['市医保局', '市卫生健康委', '市公安局等'], ['每年开展', '并长期坚持'],
    ];
    const text = cells.map((c) => c.join('\n')).join('\n|\n') + '\n';
    const got = parseText(text).tasks.filter((t) => t.responsible.length);
    expect(got.map((t) => [t.title, raws(t.responsible), t.deadline])).toEqual([
      ['严格定点协议管理', ['市医保局'], '2021-12'],
      ['强化医保医师管理', ['市医保局'], '2021-06'],
      ['坚持多形式检查', ['市医保局', '市卫生健康委', '市公安局'], null],
    ]);
  });
});

// session 15 (real-BA ba03): duties by department, one heading each
describe('a run of headings that each name a department, its duties below as items or as one paragraph (real-BA ba03)', () => {
  it('makes the paragraph under a department heading with no items its task', () => {
    const text = '(一)公安部门\n1.加强车辆登记管理;\n2.依法查处超载等交通违法行为。\n(二)质监部门\n对治超工作所需的检测设备依法实施计量检定;定期公布充装站单位名单。\n(三)宣传部门\n组织协调新闻单位做好超限超载治理工作的宣传报道。\n';
    expect(parseText(text).tasks.map((t) => [t.title, raws(t.responsible)])).toEqual([
      ['加强车辆登记管理', ['公安部门']],
      ['依法查处超载等交通违法行为', ['公安部门']],
      ['对治超工作所需的检测设备依法实施计量检定', ['质监部门']],
      ['组织协调新闻单位做好超限超载治理工作的宣传报道', ['宣传部门']],
    ]);
    expect(parseText('一、郑州市人民政府\n关于推进农村供水高质量发展的实施意见。\n').tasks).toEqual([]);
  });
});

describe('a quarter\'s task table one cell per line (real-BE be04)', () => {
  it('reads 任务项 as the row number, 四季度任务分解 as the row\'s work and its progress columns as no targets', () => {
    const text =
      '相山区城管局2024年第四季度重点工作任务完成情况\n\n任务项\n\n重点工作内容\n\n牵头责任单位\n\n四季度任务分解\n\n四季度进展情况\n\n完成状况\n\n' +
      '1\n\n开展市容秩序专项整治行动,推行沿街主体“门责制”。\n\n区城管大队法制办及街道城管中队\n\n启动专项整治。\n\n推动3条示范道路,清理卫生死角30余处。\n\n已完成\n\n' +
      '2\n\n深入推进生活垃圾分类工作。\n\n区环卫所(垃圾分类管理办)\n\n开展生活垃圾分类宣传活动2次。\n\n开展区级生活垃圾分类宣传活动4次。\n\n已完成\n';
    const plan = parseText(text);
    expect(roles(text)).toEqual([
      [['区城管大队法制办', '街道城管中队'], [], []],
      [['区环卫所(垃圾分类管理办)'], [], []],
    ]);
    expect(plan.targets.map((t) => t.value)).toEqual([2]);
  });
});

describe('a pipe table whose rows after the first leave out their merged cells (real-CN cn01)', () => {
  it('puts a short row\'s units under the first unit column and keeps the merged 实施主体 of its group', () => {
    const text =
      '序号 | 重点工作任务和保障措施 | 工作内容 | 牵头部门 | 协同部门 | 实施主体 |\n' +
      '1 | 科学完善顶层设计 | 坚持目标导向和问题导向相结合,科学完善城镇污水专项规划。 | 市建设局 | 市自然资源和规划局、市综合执法局 | 各县(市、区)政府、台州湾新区管委会 |\n' +
      '加快城中村、老旧城区等范围内的市政污水管网规划建设。 | 市建设局 | 市生态环境局、市经信局 |\n' +
      '根据当地实际,制定提升改造实施方案,科学分解任务。 | 市“五水共治”办、市综合执法局 | 市建设局 |\n';
    const tasks = parseText(text).tasks.map((t) => [t.lead.map((u) => u.raw), t.cooperating.map((u) => u.raw), t.responsible.map((u) => u.raw)]);
    expect(tasks).toEqual([
      [['市建设局'], ['市自然资源和规划局', '市综合执法局'], ['各县(市、区)政府', '台州湾新区管委会']],
      [['市建设局'], ['市生态环境局', '市经信局'], ['各县(市、区)政府', '台州湾新区管委会']],
      [['市“五水共治”办', '市综合执法局'], ['市建设局'], ['各县(市、区)政府', '台州湾新区管委会']],
    ]);
  });
});

describe('one cell per line with an empty first column and a year in a header cell (real-C c01)', () => {
  it('reads "2024年建设内容" as a text column and the lone "|" before each number as no cell of the row above', () => {
    const head = ['|', '序号 |', '项目名称 |', '建设地点 |', '建设时间 |', '2024年建设内容 |', '年度投资金额 (万元) |', '责任单位 |'];
    const row = (n: number, name: string, unit: string) => ['|', `${n} |`, `${name} |`, '相关镇 (街道) |', '2024 |', '对学校运动场地进行改造。 |', '300 |', `${unit} |`];
    const text = [...head, ...row(1, '洋县中小学幼儿园基础设施提升改造项目', '教体局'), ...row(2, '城北小学门前道路建设项目', '住建局'), ...row(3, '高标准农田建设项目', '农业农村局')].join('\n') + '\n';
    expect(parseText(text).tasks.map((t) => [t.title, raws(t.responsible)])).toEqual([
      ['洋县中小学幼儿园基础设施提升改造项目', ['教体局']],
      ['城北小学门前道路建设项目', ['住建局']],
      ['高标准农田建设项目', ['农业农村局']],
    ]);
  });
});

describe('a one-cell-per-line header naming the project, then its tasks (real-K k26)', () => {
  it('reads "项目名称 ⏎ 具体任务及目标" as the task and its detail, not a header cut at the second', () => {
    const text = [
      '序号 |', '项目名称 |', '具体任务及目标 |', '牵头 领导 |', '牵头单位 |', '责任单位 |', '进展情况 |',
      '1 |', '公办教育资源扩容提质惠民工程 |', '①完成区第二幼儿园建设。 |', '杨 宜 |', '区教体局 |', '区国投集团 各有关乡镇(街道) |', '正在进行室外附属工程施工。 |',
      '2 |', '医卫基础设施建设工程 |', '①完成区人民医院改扩建。 |', '李 明 |', '区卫健委 |', '各有关乡镇(街道) |', '主体已完工。 |',
    ].join('\n') + '\n';
    expect(roles(text)).toEqual([
      [['区教体局'], ['区国投集团', '各有关乡镇(街道)'], []],
      [['区卫健委'], ['各有关乡镇(街道)'], []],
    ]);
  });
});

describe('a table stored one cell per run of lines, a lone "|" between cells, a star marking the lead (real-DA da10)', () => {
  const cells = [
    '类别', '序号', '任务名称', '任务要求及举措', '责任部门\n(加*号为牵头部门,\n其余为参与部门)', '责任街镇', '完成时间节点',
    '(一)\n持续\n推进\n示范村\n建设', '1', '完成2022年度\n乡村振兴示范村建设', '完成2022年度1个乡村振兴示范村建设。', '区农业农村委*', '浦江镇', '10月底',
    '2', '开展2023年度\n乡村振兴示范村建设', '按市级部署遴选1个示范村开展建设。', '区农业农村委*', '浦江镇', '12月底',
    '(二)\n全面\n推进\n农民\n集中\n居住', '3', '推进\n农民相对集中居住', '持续稳妥推进农民相对集中居住。', '区农业农村委*、\n区规划资源局、\n区房管局', '浦江镇、浦锦街道、\n梅陇镇', '12月底',
    '4', '加强农房建设管理', '落实新改扩建农房建设监管。', '区建管委*、\n区农业农村委', '浦江镇、马桥镇', '12月底',
  ];
  const tasks = parseText(cells.join('\n|\n') + '\n|\n').tasks;
  it('reads each row with its starred lead, the other departments helping and the towns responsible', () => {
    expect(tasks.map((t) => [t.title, raws(t.lead), raws(t.cooperating), raws(t.responsible)])).toEqual([
      ['完成2022年度乡村振兴示范村建设', ['区农业农村委'], [], ['浦江镇']],
      ['开展2023年度乡村振兴示范村建设', ['区农业农村委'], [], ['浦江镇']],
      ['推进农民相对集中居住', ['区农业农村委'], ['区规划资源局', '区房管局'], ['浦江镇', '浦锦街道', '梅陇镇']],
      ['加强农房建设管理', ['区建管委'], ['区农业农村委'], ['浦江镇', '马桥镇']],
    ]);
  });
});

describe('a unit column named by two roles, rows short of their merged first cell (real-DF df01)', () => {
  const text = [
    '任务 内容 | 国家园林城市 标准或要求 | 工作内容及要求 | 责任单位 或牵头单位 | 协助 单位 | 完成 期限 |',
    '生 态 环 境 | 1、城市大环境绿化扎实开展,效果明显。 | 禁止开发城市周围的自然山体,保护植被。 | 市规划局 | 市国土资源局 | 2010年9月20日前 |',
    '2、按照城市卫生、安全、防灾、环保等要求建设防护绿地。 | 加强建成区防护绿地的建设及绿化带的管护。 | 市规划局 市建设局 | 有关部门 | 2010年9月20日前 |',
    '',
  ].join('\n');
  it('reads "责任单位或牵头单位" as the lead, and a short row closing on its deadline from the right', () => {
    expect(roles(text)).toEqual([
      [['市规划局'], [], ['市国土资源局']],
      [['市规划局', '市建设局'], [], ['有关部门']],
    ]);
  });
});

describe('a 双随机 check plan (real-DJ dj07)', () => {
  const text = [
    '2023年“双随机、一公开”抽查工作计划 | ||||||||',
    '序号 | 检查主体 | 年度计划名称 | 检查内容 | 计划开展时间 | 股室 | 抽查比例 | 抽查频次 | 抽查数量 |',
    '1 | 上高县市场监督管理局 | 对特种设备作业人员的行政检查 | 对特种设备作业人员的行政检查 | 1月—12月 | 特种设备股 | 5% | =1 | 1户 |',
    '2 | 上高县市场监督管理局 | 对经营者价格活动的行政检查 | 对经营者价格活动的行政检查 | 1月—12月 | 价监股 | 10% | =1 | 1户 |',
    '',
  ].join('\n');
  const plan = parseText(text);
  it('reads each check as a task, the checking body responsible, due when its span ends', () => {
    expect(plan.tasks.map((t) => [t.title, raws(t.responsible)[0], t.deadline])).toEqual([
      ['对特种设备作业人员的行政检查', '上高县市场监督管理局', '2023-12'],
      ['对经营者价格活动的行政检查', '上高县市场监督管理局', '2023-12'],
    ]);
  });
  it('keeps the share to check as a target', () => {
    expect(plan.targets.filter((t) => t.unit === '%').map((t) => t.value)).toEqual([5, 10]);
  });
});

describe('a quota table whose cells a single space parts, its unit on the line above (real-DV dv12)', () => {
  const text = ['附件1:', '2002年区县外经贸目标任务分解表', '金额单位:万美元', '责任单位 外贸出口目标 实到外资目标', '万州区 1900 300', '渝北区 2000 1000', '黔江区 150 100', '巴南区 7500 800', ''].join('\n');
  const plan = parseText(text);
  it('hands each place its row as a task', () => {
    expect(plan.tasks.map((t) => raws(t.responsible))).toEqual([['万州区'], ['渝北区'], ['黔江区'], ['巴南区']]);
  });
  it('reads each figure in the unit the line above gives', () => {
    expect(plan.targets.slice(0, 2).map((t) => [t.subject, t.value, t.unit])).toEqual([
      ['万州区外贸出口目标', 1900, '万美元'],
      ['万州区实到外资目标', 300, '万美元'],
    ]);
  });
});

describe('a ledger printed one cell per line, each cell closed by " |" (real-EY ey05, session 23)', () => {
  const text =
    '清洁家园行动2014年工作台账\n名 称 |\n责任单位 |\n工作任务与目标 |\n门前六包 |\n市容大队 |\n保持门店门前清洁有序,杜绝随意堆放生活垃圾。 |\n' +
    '商贩疏导工程 |\n市容大队 |\n结合市民需求,合理规划临时市场。 |\n夜市市场整治活 动 |\n城管局 |\n合理设置夜市专业市场。 |\n' +
    '四区划分:\n1、严管区:人民路;\n2、疏导区:新建路、健康路、前进路、红旗路。\n';
  it('reads "名 称" as the rows\' names and "工作任务与目标" as their detail', () => {
    const plan = parseText(text);
    expect(plan.tasks.map((t) => [t.title, raws(t.responsible)])).toEqual([
      ['门前六包', ['市容大队']],
      ['商贩疏导工程', ['市容大队']],
      ['夜市市场整治活 动', ['城管局']],
    ]);
  });
  it('ends the table at the first line without the closing bar: the zones below are no rows', () => {
    expect(parseText(text).tasks.flatMap((t) => raws(t.responsible))).not.toContain('健康路');
  });
  it('keeps "項目 ⏎ 名稱" one broken header cell: no table read from "名稱" down (real-D d16)', () => {
    const d16 = readFileSync(new URL('./fixtures/real/d16-district-eldercare-progress.txt', import.meta.url), 'utf8');
    // (read from "名稱" down, the 內容 cell became the task and a progress cell its lead)
    expect(parseText(d16).tasks.find((t) => t.title.startsWith('新增15家'))?.lead.map((u) => u.raw)).toEqual(['區民政局']);
  });
});

describe('a completion table\'s record columns (real-EX ex01, session 23)', () => {
  it('reads "累计完成 | 累计进度" as records: the goal\'s figure is the target, not what was done or its share', () => {
    const text =
      '2023年民生工程推进情况\n序号 |\n项目名称 |\n目标任务 |\n牵头单位 |\n累计完成 |\n累计进度 |\n备注 |\n' +
      '1 |\n促进重点群体稳定就业 |\n城镇新增就业1100人 |\n县人社局 |\n1063 |\n96.64% |\n|\n' +
      '2 |\n放心家政行动 |\n培训家政服务人员613人次 |\n县科商工信局 |\n626 |\n102.12% |\n|\n';
    const plan = parseText(text);
    expect(plan.tasks.map((t) => [t.title, raws(t.lead)])).toEqual([
      ['促进重点群体稳定就业', ['县人社局']],
      ['放心家政行动', ['县科商工信局']],
    ]);
    const figures = plan.targets.map((t) => t.value);
    expect(figures).toEqual(expect.arrayContaining([1100, 613]));
    expect(figures.filter((v) => v === 1063 || v === 96.64 || v === 626 || v === 102.12)).toEqual([]);
  });
});

describe('a duty list: "职责部门 | 职责名称 | 职责依据" (real-GW gw11)', () => {
  it('reads each row as its body\'s duty, the basis column left out', () => {
    const p = parseText(
      ['安全管理职责清单', '序号 | 职责部门 | 职责名称 | 职责依据 | |', '1 | 县应急局 | 负责煤矿安全生产监督管理 | 县应急局“三定”规定 | |', '2 | 县能源局 | 负责煤矿建设项目竣工验收监管 | 《煤矿建设项目安全设施监察规定》 | |'].join('\n'),
    );
    expect(p.tasks.map((t) => [t.title, t.responsible.map((u) => u.raw)])).toEqual([
      ['负责煤矿安全生产监督管理', ['县应急局']],
      ['负责煤矿建设项目竣工验收监管', ['县能源局']],
    ]);
  });
});
