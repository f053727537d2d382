// Target rules met on real pages (fixtures/real), each checked on the page that showed it. The pages are verbatim;
// their hand labels are in the .truth.json beside them.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REAL_PAGES } from '../../bench/accuracy.js';
import { parseText } from '../../server/parser/index.js';
const raws = (us: { raw: string }[]) => us.map((u) => u.raw);

const pageText = (prefix: string) => {
  const name = readdirSync(REAL_PAGES).find((f) => f.startsWith(prefix) && f.endsWith('.txt'));
  if (!name) throw new Error(`no real page ${prefix}`);
  return readFileSync(join(REAL_PAGES, name), 'utf8');
};
const page = (prefix: string) => parseText(pageText(prefix));

describe('an indicator table whose cells ran together (s11: 节水达标建设目标分解表)', () => {
  const plan = page('s11-');
  const row = (name: string) => plan.indicators.find((i) => i.name.endsWith(name));
  it('reads a name and its glued yearly figures as one target per year column', () => {
    expect(row('再生水回用率')).toMatchObject({ unit: '%', targets: [{ year: 2016, value: 30 }, { year: 2017, value: 40 }, { year: 2018, value: 55 }] });
    expect(row('农田灌溉水有效利用系数')).toMatchObject({ unit: null, targets: [{ value: 0.72 }, { value: 0.75 }, { value: 0.78 }] });
    // the header cut by the page break ('2016年2017年20' ⏎ '2、18年生活节水…') still gives the years
    expect(row('城镇人均日生活用水量')).toMatchObject({ unit: 'L/d', targets: [{ year: 2016, value: 75 }, { year: 2017 }, { year: 2018 }] });
    // a '-' cell is no target
    expect(row('公共供水管网覆盖范围内自备井关闭')!.targets.map((t) => t.year)).toEqual([2017, 2018]);
  });
  it('reads a cell merged over the years as targets of the last year', () => {
    expect(plan.indicators.find((i) => i.name === '万元GDP用水量')).toMatchObject({ unit: '%', targets: [{ year: 2018, value: 50, comparator: '<' }] });
    expect(row('万元GDP用水量年降低率')).toMatchObject({ targets: [{ year: 2018, value: 5, comparator: '=' }] });
  });
  it('reads every labelled cell', () => {
    expect(plan.indicators.flatMap((i) => i.targets).length).toBe(62);
  });
});

describe('a news page of a 政府工作报告 dated only by its dateline (s09: 东亚经贸新闻  2018-01-27 08:32)', () => {
  const plan = page('s09-');
  it('reads last year\'s results as history, not goals', () => {
    const values = plan.targets.map((t) => t.value);
    // '2017年,吉林省地区生产总值增长5.3%。…城镇新增就业53.2万人,完成年度计划的106.4%。'
    for (const v of [5.3, 6.7, 6.8, 53.2, 106.4]) expect(values).not.toContain(v);
  });
  it('keeps the year\'s goals', () => {
    expect(plan.targets.find((t) => t.value === 45)).toMatchObject({ unit: '万人', year: 2018 });
    expect(plan.targets.find((t) => t.value === 4.5)).toMatchObject({ comparator: '<=', year: 2018 });
  });
});

describe('a norm a project keeps (s07: 高標準農田 tasks)', () => {
  const plan = page('s07-');
  it('takes no target after 原则上 in its sentence', () => {
    // '原則上平原地區不低于3000畝,丘陵山區不低于1000畝。單個項目涉及的鄉鎮原則上不超過2個'
    const values = plan.targets.map((t) => t.value);
    for (const v of [3000, 1000, 2]) expect(values).not.toContain(v);
    expect(values).toContain(200);
  });
});

describe('counts of a programme\'s items with a level or 重点 before its name (s01, s04)', () => {
  it('takes no target from "10件12项省重点民生实事" or "10件20项市重点民生实事" (s01)', () => {
    const values = page('s01-').targets.map((t) => t.value);
    expect(values).not.toContain(12);
    expect(values).not.toContain(20);
  });
  it('takes no target from "…发展9项重点工作" (s04)', () => {
    expect(page('s04-').targets.map((t) => t.value)).not.toContain(9);
  });
});

describe('a dated news page on what is to be done 今年 (s03: 2021-02-04 22:31 來源: 新華社)', () => {
  it('gives the figures with no year of their own the year of its dateline', () => {
    const plan = page('s03-');
    // '完成5000個配電臺區升級改造', '為農村學校招聘特崗教師1.5萬名'
    expect(plan.targets.filter((x) => x.value === 5000).map((x) => x.year)).toEqual([2021, 2021]);
    expect(plan.targets.find((x) => x.value === 1.5)?.year).toBe(2021);
  });
});

describe('a term of a ratio (s04: 林草三次产业结构由2021年的60:25:15优化为25:48:27)', () => {
  it('is no figure of its own', () => {
    expect(page('s04-').targets.map((t) => t.value)).not.toContain(25);
  });
});

describe('each place\'s share done, listed after 完成率分别为 (real-CB cb08)', () => {
  it('takes no target from "各市州完成率分别为:长沙市76.43%、衡阳市28.85%…"', () => {
    const values = parseText('2019年农村改厕进展。\n各市州完成率分别为:长沙市76.43%、衡阳市28.85%、株洲市58.84%。\n').targets.map((t) => t.value);
    expect(values).toEqual([]);
  });
});

describe('同比 under the heading that sets the goals (real-BZ bz02)', () => {
  const text = '紫阳县2025年国民经济和社会发展计划\n二、经济社会发展预期目标\n地区生产总值同比增长 6.5%以上,固定资产投资同比增长6.5%以上,社会消费品零售总额同比增长11%以上。\n';
  it('takes "地区生产总值同比增长 6.5%以上" as a goal', () => {
    expect(parseText(text).targets.map((t) => [t.value, t.comparator])).toEqual([
      [6.5, '>='],
      [6.5, '>='],
      [11, '>='],
    ]);
  });
  it('still reads a result under a progress heading as progress', () => {
    const t = '咸宁市主要目标任务三季度进展\n一、主要目标任务进展\n规模以上工业增加值增长10%。1-9全市1005家规模以上工业企业累计完成产值1662.25亿元,同比增长9.6%。\n';
    expect(parseText(t).targets.map((x) => x.value)).not.toContain(9.6);
  });
});

describe('an indicator\'s name, a comma, then when and what it reaches (real-BZ bz05)', () => {
  it('reads "地区生产总值增长,2025年达到800亿元" and "粮食综合生产能力,“十四五”稳定在1.2万吨"', () => {
    const plan = parseText('城厢区十四五规划纲要目标任务分解方案\n(二)预期性指标\n1.地区生产总值增长,2025年达到800亿元\n2.粮食综合生产能力,“十四五”稳定在1.2万吨\n');
    expect(plan.targets.map((t) => [t.subject, t.value, t.unit])).toEqual([
      ['地区生产总值', 800, '亿元'],
      ['粮食综合生产能力', 1.2, '万吨'],
    ]);
  });
  it('takes no name from a clause that is not one ("会议强调,2025年达到800亿元")', () => {
    expect(parseText('一、主要目标\n会议强调,2025年达到800亿元。\n').targets).toEqual([]);
  });
});

describe('a 同比 item later in a 、 list dates only itself (real-BZ bz09)', () => {
  it('keeps "固定资产投资增幅16%以上" before "…、限上社零额同比增长15%以上"', () => {
    const plan = parseText('2023年,鄂城区经济社会发展主要预期目标是:\n力争固定资产投资增幅16%以上、规上工业产值增幅13%以上、限上社零额同比增长15%以上。\n');
    expect(plan.targets.map((t) => t.value)).toEqual(expect.arrayContaining([16, 13]));
  });
});

describe('a year plan\'s report on the last year\'s plan (real-BZ bz11)', () => {
  it('takes no target under "一、2023年国民经济和社会发展计划执行情况"', () => {
    const plan = parseText('新乡市2024年国民经济和社会发展计划\n一、2023年国民经济和社会发展计划执行情况\n全市上下认真贯彻落实,全市实现地区生产总值3347.6亿元,增长1.5%;全年粮食总产量93亿斤。\n二、2024年经济社会发展主要目标\n地区生产总值增长6%左右。\n');
    expect(plan.targets.map((t) => t.value)).toEqual([6]);
  });
});

describe('a page dated late in a year that sets the next year\'s goals (real-BZ bz10)', () => {
  const page = (date: string) =>
    parseText(`长沙:政府工作报告\n${date} 15:57:12来源:观点地产网\n报告指出,2022年,长沙市经济运行稳中向好,地区生产总值增长4.8%。\n另悉,报告指出,2023年长沙经济社会发展主要预期目标是:地区生产总值增长7%左右。\n`);
  it('reads the dateline year\'s figures as results', () => {
    expect(page('2022-12-28').targets.map((t) => [t.value, t.year])).toEqual([[7, 2023]]);
  });
  it('keeps them on a page dated earlier in that year', () => {
    expect(page('2022-03-28').targets.map((t) => t.value)).toContain(4.8);
  });
});

describe('a voucher\'s rule is no target (real-BY by11, by12)', () => {
  it('takes no figure from "满300元立减100元" or "消费满200元可减免50元", and keeps the sum to issue', () => {
    const plan = parseText('2025年消费券发放工作方案\n一、发放安排\n区财政安排资金100万元,满300元立减100元;凭消费券到商户消费满200元可减免50元。\n');
    expect(plan.targets.map((t) => t.value)).toEqual([100]);
  });
});

describe('a level reached, then its growth with no comma (real-CF cf06)', () => {
  it('reads both "突破30亿元" and "增长25%" from "生产总产值突破30亿元增长25%"', () => {
    const values = parseText('2016年红塔镇经济工作。\n争取到年底,生产总产值突破30亿元增长25%,财政收入突破2300万元增长23%。\n').targets.map((t) => [t.value, t.comparator]);
    expect(values).toEqual(expect.arrayContaining([[30, '>'], [25, '='], [2300, '>'], [23, '=']]));
  });
  it('takes no target from the base of a growth ("较2009年的1499亿元增长32%")', () => {
    const values = parseText('2010年重点建设项目投资计划。\n项目在建总规模1980亿元,较2009年的1499亿元增长32%。\n').targets.map((t) => t.value);
    expect(values).not.toContain(1499);
  });
});

describe('the span a growth is reached in (corpus 004)', () => {
  it('takes no "≤5年" from "力争高新技术企业5年内增长一倍以上"', () => {
    const values = parseText('一、主要目标\n持续提高高新技术企业数量,力争高新技术企业5年内增长一倍以上。\n').targets.map((t) => t.unit);
    expect(values).not.toContain('年');
  });
});

describe('an assessment\'s reward is no target (real-CF cf04)', () => {
  it('takes no figure from "奖金3000元" or "贡献奖30000元", and keeps the revenue task', () => {
    const plan = parseText('全年财税收入目标任务为20000万元。\n超额完成的,相应增加该单位班子成员奖金3000元,给其领导班子成员贡献奖30000元。\n');
    expect(plan.targets.map((t) => t.value)).toEqual([20000]);
  });
});

describe('a meeting\'s roll is no target (real-BX bx09)', () => {
  it('takes no figure from "大会应到代表103名,实到93名"', () => {
    const values = parseText('2024年民生实事项目票决。\n大会应到代表103名,实到93名,符合法定人数。会议票决产生民生实事项目4个。\n').targets.map((t) => t.value);
    expect(values).not.toContain(103);
    expect(values).not.toContain(93);
  });
});

describe('a heading that sets out to find the situation out is no history (real-AV av11)', () => {
  it('keeps the goals under "…行动摸清…基本情况"', () => {
    const text =
      '一、强化组织领导\n1.各级人民政府成立尘肺病防治工作领导小组。\n二、粉尘危害专项治理行动摸清用人单位粉尘危害基本情况;重点行业专项治理取得明显成效。\n' +
      '1.研究出台本地区的专项调查技术方案,启动专项调查工作。\n2.纳入治理范围的用人单位粉尘危害申报率达到80%以上,粉尘浓度定期检测率达到80%以上。\n';
    expect(parseText(text).targets.map((t) => [t.comparator, t.value, t.unit])).toEqual([
      ['>=', 80, '%'],
      ['>=', 80, '%'],
    ]);
    const past = '一、基本情况\n全市粉尘危害申报率达到80%以上。\n二、主要任务\n1.开展专项调查。\n';
    expect(parseText(past).targets).toEqual([]);
  });
});

describe('a quota table handed down to towns with a total column (real-CO co08)', () => {
  it('hands each town its total, the cells before it its breakdown', () => {
    const text =
      '附件:2020年各乡镇农业结构调整分阶段汇总任务表\n2020年各乡镇农业结构调整分阶段汇总任务表\n序号 | 乡镇 | 分阶段任务(亩) | 合计 | 备注 | |\n春种 | 夏种 | ||||\n' +
      '1 | 满城镇 | 2242.6 | 18.1 | 2260.7 | |\n2 | 神星镇 | 2478.4 | 2478.4 ||\n3 | 大册营镇 | 457.5 | 482.3 | 939.8 | |\n4 | 南韩村镇 | 236.6 | 236.6 ||\n';
    const plan = parseText(text);
    expect(plan.tasks.map((t) => t.responsible.map((u) => u.raw))).toEqual([['满城镇'], ['神星镇'], ['大册营镇'], ['南韩村镇']]);
    expect(plan.targets.map((t) => [t.value, t.unit])).toEqual([
      [2260.7, '亩'],
      [2478.4, '亩'],
      [939.8, '亩'],
      [236.6, '亩'],
    ]);
  });
});

describe('a notice on deputies\' suggestions: counts in a breakdown, a time limit after an event (real-CZ cz11)', () => {
  const text =
    '本次会议还收到代表建议252件,其中涉及工业经济的25件,占总数的9.9%;涉及城乡基础设施建设的97件,占总数的38.5%。' +
    '本次会议闭幕后,区人大常委会将对代表建议研究分类,确定重点督办件,并在一个月内交区政府和有关单位办理。承办单位将在交办后三个月内,进代表联络站就办理情况面商答复有关代表。\n';
  const plan = parseText(text);
  it('takes no count told with its share of the whole, and no "交办后三个月内" as a target', () => {
    expect(plan.targets.map((t) => `${t.value}${t.unit}`)).not.toContain('97件');
    expect(plan.targets.map((t) => `${t.value}${t.unit}`)).not.toContain('3个月');
  });
  it('reads the handling units addressed by their role ("承办单位将…") and "区人大常委会将对…研究分类"', () => {
    expect(plan.tasks.flatMap((t) => t.responsible.map((u) => u.raw))).toEqual(expect.arrayContaining(['承办单位']));
  });
});

describe('the unit, then what its duty is about, then the modal (real-CZ cz10)', () => {
  it('reads "区人大常委会对议案办理工作要加强检查…" as 区人大常委会', () => {
    const tasks = parseText('一、工作任务\n区人大常委会对议案办理工作要加强检查,于年底前听取专项报告。\n').tasks;
    expect(tasks.map((t) => t.responsible.map((u) => u.raw))).toEqual([['区人大常委会']]);
  });
  it('refuses a news clause as a subject ("汉中市召开…市级牵头部门…")', () => {
    const tasks = parseText('汉中市召开省第二轮生态环境保护督察反馈问题市级牵头部门推进会,要求按时限完成整改任务。\n').tasks;
    expect(tasks.flatMap((t) => t.responsible.map((u) => u.raw)).join()).not.toContain('召开');
  });
});

describe('freight and passenger turnover units (real-DB db01)', () => {
  it('reads "324亿吨公里" whole, not 亿吨', () => {
    const t = parseText('全年综合运输周转量计划完成324亿吨公里,同比增长5%。\n').targets;
    expect(t.map((x) => `${x.value}${x.unit}`)).toContain('324亿吨公里');
  });
});

describe('a task handed down, then the progress on it in the same sentence (real-DA da09, real-W w08)', () => {
  it('keeps the figures before "截至目前," and none after it', () => {
    const t = parseText('2021年上级下达涿鹿县造林绿化任务7.8万亩(其中张承地区植树造林项目3.8万亩、封山育林1万亩、营林抚育3万亩),截至目前,完成张承地区造林项目1.6万亩、封山育林1万亩,完成全年任务的50.6%。\n').targets;
    expect(t.map((x) => `${x.value}${x.unit}`)).toEqual(['7.8万亩', '3.8万亩', '1万亩', '3万亩']);
  });
  it('keeps the target a progress figure is measured against after "截至8月底,"', () => {
    const t = parseText('据悉,截至8月底,全市已完成通村公路136.9公里,占目标任务数100公里的136.9%。\n').targets;
    expect(t.map((x) => `${x.value}${x.unit}`)).toEqual(['100公里']);
  });
});

describe('a meeting news item of one district (real-DC dc10, dc01)', () => {
  const plan = parseText('会议要求,区发展和改革局和统计局要加强指标数据分析和调度,于每月5日前报送数据。市规划和自然资源局龙华管理局等9个部门和6个街道主要负责同志参会。\n0浏览 评论0条\n');
  it('parts "区发展和改革局和统计局" at the 和 between the two names', () => {
    expect(plan.tasks.flatMap((t) => raws(t.responsible))).toEqual(['区发展和改革局', '统计局']);
  });
  it('takes no count of bodies at the meeting and no page counter as a target', () => {
    expect(plan.targets.map((x) => `${x.value}${x.unit}`)).toEqual([]);
  });
});

describe('a web page\'s reading time and the teams sent to check (real-EC ec01, DX, session 22)', () => {
  it('takes neither as a target; a figure to reach beside them stays', () => {
    const t = parseText('读完约1分钟\n区住建局组织5个督查组深入各街道,成立四个督查组开展检查。年底前新建停车位300个。\n').targets;
    expect(t.map((x) => `${x.value}${x.unit}`)).toEqual(['300个']);
  });
  it('reads the same team words as sentenceDuties: acceptance and assessment teams are teams too', () => {
    const t = parseText('县住建局组织3个验收组深入各镇,抽调人员组成5个专案组,年底前新建停车位300个。\n').targets;
    expect(t.map((x) => `${x.value}${x.unit}`)).toEqual(['300个']);
  });
});

describe('a progress report\'s amounts against the year\'s plan (real-EF ef09, session 22)', () => {
  it('takes neither the amount done nor its share of the plan; a share to reach by a date stays', () => {
    const t = parseText('■按项目类别统计:产业发展项目172个,完成投资295.9亿元,为年投资计划的80%;基础设施项目75个,完成投资102.3亿元,为年投资计划的59%。2024年底前完成更新改造任务的50%以上。\n').targets;
    const got = t.map((x) => `${x.comparator}${x.value}${x.unit}`);
    expect(got.filter((x) => /295\.9|102\.3|=80%|=59%/.test(x))).toEqual([]);
    expect(got).toContain('>=50%');
  });
});

describe('rules of procedure and issue numbers (real-FA fa04, fa05, fa07, session 23)', () => {
  it('takes no time limit for answering a matter handed over, and no "第 6 期", as a target', () => {
    const t = parseText('督查专报第 6 期\n承办单位一般为5日内答复,急件1—5日内办结,非急件15日内办结。年底前新建停车位300个。\n').targets;
    expect(t.map((x) => `${x.value}${x.unit}`)).toEqual(['300个']);
  });
});
