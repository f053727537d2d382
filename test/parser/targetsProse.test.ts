// Targets in prose and cells: value, unit, comparator and subject as the wording gives them (Chinese numerals,
// shares before their subject, bounds before a verb, measure words, 每年, 比上年), and the figures that set
// nothing (subsidies, what there is now, passing 全覆盖). Which year a target is for: targetYears.test.ts.
// (Regrouped from the blind-batch files 5–15.)
import { describe, expect, it } from 'vitest';
import { parseText } from '../../server/parser/index.js';
import { extractTargets } from '../../server/parser/targets.js';
import { cnFigureEdits, cnNumber } from '../../server/parser/cnFigures.js';
import type { ParsedPlan } from '../../shared/parsedPlan.js';
import { ctxOf } from './indicators.helpers.js';

const targetsOf = (text: string) => extractTargets(ctxOf(text), []);
const brief = (text: string) => targetsOf(text).map((t) => [t.value, t.valueMax, t.unit, t.comparator]);
const find = (ts: ParsedPlan['targets'], s: string) => ts.find((t) => t.subject.includes(s));

// blind batch 5
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

// blind batch 5
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

// blind batch 6
describe('subject notes, measure words, 每年 and figures that set nothing', () => {
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

// blind batch 7
describe('比上年 wording', () => {
  const brief = (text: string) => extractTargets(ctxOf(text), []).map((t) => [t.value, t.unit, t.comparator, t.decrease]);

  it('reads "比上年增长/下降/减少" in a work plan as a target; "同比增长" stays a record', () => {
    expect(brief('普惠小微贷款余额比上年增长15%以上,一般工商业平均电价比上年下降3%,涉企行政检查次数比上年减少20%。')).toEqual([
      [15, '%', '>=', false],
      [3, '%', '=', true],
      [20, '%', '=', true],
    ]);
    expect(brief('某市新材料产业行动方案(2024—2027年)\n2023年,全市新材料产业实现营业收入2650亿元,同比增长8.5%。')).toEqual([]);
  });
});

// blind batch 8
describe('measure words and time limits', () => {
  const targets = (text: string) => parseText(text).targets.map((t) => [t.value, t.unit, t.comparator, t.year]);

  it('reads a unit with a second measure word, 万份, and a time limit for an action', () => {
    const text = [
      '某镇2024年工作方案',
      '1.投入还田机械80台(套)以上,发放明白纸1.2万份,火情发生后30分钟内到达现场。',
      '2.各单位于每季度末5日内将进展报镇办公室。',
    ].join('\n');
    expect(targets(text)).toEqual([
      [80, '台(套)', '>=', 2024],
      [1.2, '万份', '=', 2024],
      [30, '分钟', '<=', 2024],
    ]);
  });
});

// blind batch 9b
describe('norms, coverage and records in a sentence', () => {
  const targets = (text: string) => parseText(text).targets.map((t) => [t.value, t.valueMax, t.unit, t.comparator, t.year]);

  it('reads a per-item norm and skips funding granted', () => {
    expect(targets('某镇2024年工作方案\n\n1.按照每个网格200—300户的标准划分网格,每个示范点给予工作经费3万元。\n')).toEqual([[200, 300, '户', 'range', 2024]]);
  });

  it('reads a dated "实现…全覆盖", a share before its subject and one figure for a list with 均', () => {
    const text =
      '某县“十四五”供水规划(中期调整)\n\n某县人民政府\n2024年5月\n\n第二章 发展目标\n三年内,实现全县乡镇污水处理设施全覆盖,90%以上的行政村建成“一张网”。\n城市、农村供水水质达标率均达到95%。\n';
    const got = parseText(text).targets.map((t) => [t.subject, t.value, t.comparator, t.year]);
    expect(got).toEqual([
      ['全县乡镇污水处理设施覆盖', 100, '=', 2026],
      ['行政村建成“一张网”', 90, '>=', 2026],
      ['城市供水水质达标率', 95, '=', 2025],
      ['农村供水水质达标率', 95, '=', 2025],
    ]);
  });

  it('does not read a task’s passing "全覆盖" or "基本全覆盖" as a figure', () => {
    expect(targets('1.推进校园安全建设,实现“一键报警”全覆盖。(责任单位:市教育局)\n')).toEqual([]);
    expect(targets('到2030年,千兆小区基本全覆盖。\n')).toEqual([]);
  });

  it('skips a numbered 备注 record and keeps a whole sentence recurring under 每年', () => {
    expect(targets('某区2024年任务清单\n\n备注:1.2023年全区床位数为6.8张。\n')).toEqual([]);
    const t = parseText('某区2024年方案\n\n1.每年开展宣传活动不少于100场,覆盖群众10万人次以上。\n').targets;
    expect(t.map((x) => [x.value, x.recurring])).toEqual([
      [100, true],
      [10, true],
    ]);
  });
});

// blind batch 10
describe('target pairs', () => {
  it('gives the first figure of "分别…3个、4个工作日以内" the shared unit and bound', () => {
    const plan = parseText('1.优化报装服务。供水、供气报装时间分别压缩至3个、4个工作日以内。');
    const got = plan.targets.map((t) => [t.value, t.unit, t.comparator]);
    expect(got).toContainEqual([3, '个工作日', '<=']);
    expect(got).toContainEqual([4, '个工作日', '<=']);
  });
});

// blind batches 12 and 13
describe('units and comparators', () => {
  it('reads 核 as a unit of computing capacity', () => {
    const p = parseText('某市2024年工作要点\n一、数字政府\n新增云资源计算能力2000核,政务信息系统上云率保持100%。\n');
    expect(find(p.targets, '云资源计算能力')).toMatchObject({ value: 2000, unit: '核', comparator: '=' });
  });

  it('"每年至少组织开展1次…": a bound before a run of verbs', () => {
    const p = parseText('某市2024年工作要点\n一、网络安全\n落实网络安全责任制,每年至少组织开展1次网络安全攻防演练。\n');
    expect(find(p.targets, '网络安全攻防演练')).toMatchObject({ value: 1, unit: '次', comparator: '>=' });
  });

  it('缩短至 is an upper bound', () => {
    const plan = parseText('一、目标\n到2025年,规划许可办理时间缩短至7个工作日。\n');
    expect(plan.targets[0].comparator).toBe('<=');
    expect(plan.targets[0].decrease ?? false).toBe(false);
  });
});

// blind batch 15
describe('figures in cells and quoted subjects', () => {
  it('an item number glued to a figure after item 1 in the same cell', () => {
    const p = parseText(
      '某市2024年工作方案\n\n序号|重点任务|具体内容|牵头部门|时间节点\n2|节能降碳|1.实施节能技改项目20个;2.30%以上的重点企业完成能效诊断|市工信局|2024年10月底前',
    );
    const values = p.targets.map((t) => [t.value, t.unit, t.comparator]);
    expect(values).toContainEqual([30, '%', '>=']);
    expect(values).not.toContainEqual([2.3, '%', '>=']);
  });

  it('a quoted name right before 不少于 is the subject', () => {
    const p = parseText('某市2024年工作方案\n\n(六)强化宣传引导。每年评选“美丽庭院”不少于1000户。');
    expect(p.targets.map((t) => [t.value, t.unit, t.comparator, t.recurring])).toEqual([[1000, '户', '>=', true]]);
  });
});

// the wordings issue #9 names from the product owner's real pages (民生实事 lists, spaced figures, completion tables)
describe('figures in the middle of a phrase, spaced out, or first in a completion row', () => {
  const plan = parseText(
    [
      '某区2024年民生实事',
      '一、民生实事',
      '1.为全区23000名老年人提供居家养老服务。',
      '2.新建市政消火栓 160 个,新建公厕 20 座。',
      '3.对28所中小学校食堂安装视频监控。',
      '4.种植苗木10000穴,新建管网1000延长米。',
      '5.对重点企业分别给予 100 万元奖励。',
      '二、民生实事进度表',
      '项目 | 完成数 | 完成率',
      '新增4000张养老床位 | 4385 | 110%',
      '改造老旧小区30个 | 28 | 93%',
    ].join('\n'),
  );
  const got = plan.targets.map((t) => [t.value, t.unit]);
  it('reads a counted object the clause acts on, with the verb after the figure', () => {
    expect(got).toContainEqual([23000, '名']);
    expect(got).toContainEqual([28, '所']);
  });
  it('reads figures a page spaces out from their words', () => {
    expect(got).toContainEqual([160, '个']);
    expect(got).toContainEqual([20, '座']);
  });
  it('reads 穴 and 延长米 as measures', () => {
    expect(got).toContainEqual([10000, '穴']);
    expect(got).toContainEqual([1000, '延长米']);
  });
  it('takes the first figure of a completion row and leaves what was done and the share', () => {
    expect(got).toContainEqual([4000, '张']);
    expect(got.map(([v]) => v)).not.toContain(4385);
    expect(got.map(([v]) => v)).not.toContain(110);
  });
  it('leaves a sum paid out', () => {
    expect(got.map(([v]) => v)).not.toContain(100);
  });
  it('reads a count whose noun is one character before the verb ("在45个村选树…")', () => {
    expect(parseText('某县2023年工作要点\n一、重点\n在45个村选树一批示范户。\n').targets.map((t) => [t.value, t.unit])).toEqual([[45, '个']]);
  });
  it('does not count the nouns of a project name as an action on the count', () => {
    const names = parseText('一、任务\n抓好80万吨乙烯改扩建项目,明确24个均衡化发展项目清单。\n').targets.map((t) => t.value);
    expect(names).not.toContain(24);
  });
});

describe('traps and price bases the issue names', () => {
  const plan = parseText(
    [
      '某府办发〔2023〕12号',
      '关于印发某区2023年重点工作任务分解的通知',
      '一、主要目标',
      '全区生产总值达到500亿元(按2005年价格计算,下同),城镇新增就业1.2万人。全国粮食产量达到1.3万亿斤。',
      '二、重点任务',
      '1.新建道路宽50米,建成市政消火栓 160 个。',
      '2.5月底前完成城区污水管网改造10公里。(牵头单位:区住建委)',
    ].join('\n'),
  );
  const by = (s: string) => plan.targets.find((t) => t.subject.includes(s));
  it('keeps the running year past "(按2005年价格计算,下同)": the price base is no due date', () => {
    expect(by('城镇新增就业')).toMatchObject({ value: 1.2, unit: '万人', year: 2023 });
  });
  it("drops the nation's figure quoted in a district plan, and a width", () => {
    expect(by('粮食产量')).toBeUndefined();
    expect(plan.targets.some((t) => t.value === 50 && t.unit === '米')).toBe(false);
    expect(by('市政消火栓')).toMatchObject({ value: 160, unit: '个' });
  });
  it('reads "2.5月底前" after item 1 as item 2 due in May, not a figure 2.5', () => {
    const t = plan.tasks.find((x) => x.title.startsWith('5月底前完成城区污水管网改造'))!;
    expect(t.deadline).toBe('2023-05');
    expect(t.lead.map((u) => u.raw)).toEqual(['区住建委']);
  });
});

describe('what a project costs in all is no target (labelled so on 13 of the 14 real pages that say 总投资)', () => {
  it('drops "总投资132亿元" and keeps the year\'s figure beside it', () => {
    const plan = parseText(['某县2012年重点项目建设计划', '一、重点项目', '1.建设城区污水处理厂,项目总投资132亿元,2012年完成投资20亿元。'].join('\n'));
    expect(plan.targets.some((t) => t.value === 132)).toBe(false);
    expect(plan.targets.some((t) => t.value === 20 && t.unit === '亿元')).toBe(true);
  });
});

describe('a list of goals closed by the word that names them, and a bound after a figure in a table cell', () => {
  it('keeps "…增长10%以上的年度目标" and reads "3000万吨左右" in a 预期效果 cell as about 3000万吨', () => {
    const speech = parseText(['某县2021年农业工作会议', '会议指出,2021年要确保实现新发展黄茶1万亩、农村居民人均可支配收入增长10%以上的年度目标。'].join('\n'));
    expect(speech.targets.find((t) => t.subject.includes('可支配收入'))).toMatchObject({ value: 10, unit: '%', comparator: '>=' });
    const table = parseText(
      [
        '2018年重点指标',
        '序号 |',
        '指标名称 |',
        '预期效果 |',
        '完成时限 |',
        '牵头负责司局 |',
        '1 |',
        '钢铁去产能规模 |',
        '3000万吨左右 |',
        '12月 |',
        '原材料工业司 |',
        '2 |',
        '智能制造试点示范项目遴选数量 |',
        '100个左右 |',
        '12月 |',
        '装备工业司 |',
      ].join('\n'),
    );
    expect(table.targets.find((t) => t.value === 3000)).toMatchObject({ unit: '万吨', comparator: 'approx' });
  });
});

describe('what 民生实事 lists count: 份, 方, 投保, 购买, 清淤; a capacity before the thing built is no target', () => {
  const plan = parseText(
    [
      '2025年民生实事项目',
      '1.为80周岁及以上老年人投保2.5万份意外伤害保险。',
      '2.河湖库塘清淤10万方、水库山塘维修10座。',
      '3.建成昆仑燃气年输气量2亿方门站。',
    ].join('\n'),
  );
  it('reads the counts', () => {
    expect(plan.targets.find((t) => t.value === 2.5)).toMatchObject({ unit: '万份' });
    expect(plan.targets.find((t) => t.unit === '万方')).toMatchObject({ value: 10 });
  });
  it('drops "年输气量2亿方" before 门站', () => {
    expect(plan.targets.some((t) => t.value === 2 && t.unit === '亿方')).toBe(false);
  });
});

describe('which meeting it was, and a budget estimate, are no targets (q08, q11)', () => {
  it('drops "第十七届56次常务会议" and "投资概算1.45亿元"', () => {
    const plan = parseText(
      [
        '某县2024年第56次常务会议纪要',
        '7月8日,县长主持召开县政府第十七届56次常务会议。',
        '一、启动支农路东延工程,全长1.38公里,投资概算1.45亿元,新建停车位200个。',
      ].join('\n'),
    );
    expect(plan.targets.some((t) => t.value === 56)).toBe(false);
    expect(plan.targets.some((t) => t.value === 1.45)).toBe(false);
    expect(plan.targets.some((t) => t.value === 200)).toBe(true);
  });
});

describe('a share of the things named after it, and a speaker before the unit (q12, q15)', () => {
  it('reads "帮助20%的贫困户实现脱贫" as a target and "她要求县市场监管局…" as the bureau\'s duty', () => {
    const plan = parseText(
      ['某县2019年工作会议', '一、目标任务', '1.帮助20%的贫困户实现脱贫。', '二、会议要求', '她要求县市场监管局要立足行业特点,落实源头治理。'].join('\n'),
    );
    expect(plan.targets.find((t) => t.value === 20)).toMatchObject({ unit: '%', subject: '贫困户实现脱贫' });
    expect(plan.tasks.flatMap((t) => t.responsible.map((u) => u.raw))).toContain('县市场监管局');
  });
});

describe('a figure said again in other words is one target (real-AD)', () => {
  it('keeps "新增供热面积230万平方米" once when a later sentence only puts 今年/将 before it, and keeps other places apart', () => {
    const got = brief('一、今年全区将新增供热面积230万平方米,新增用户14户。\n二、做好管网建设。新增供热面积230万平方米,供热能力达到370吨/小时。\n');
    expect(got.filter(([v]) => v === 230)).toHaveLength(1);
    // "井陉县PM2.5平均浓度" is another place's figure, not a restatement
    expect(brief('到2020年,市区PM2.5平均浓度控制在58微克/立方米以内。\n到2020年,井陉县PM2.5平均浓度控制在58微克/立方米以内。\n')).toHaveLength(2);
  });
});

describe('a sum paid out up to a cap is a policy term (real-AD)', () => {
  it('drops "每家给予最高20万元奖励" and "分别给予最高30万元"', () => {
    expect(brief('对首次认定的高新技术企业,每家给予最高20万元奖励;对新获批的平台,分别给予最高30万元、50万元支持。\n')).toEqual([]);
  });
});

describe('counts that set nothing: headings, time allowed, an age bound, a title (X–Z, AB, AC)', () => {
  it('drops "N个方面/阶段", "在三个工作日内", "3岁以下" and the figure in 《…十条措施》, keeps a life expectancy', () => {
    expect(brief('会议从交通出行、教育医疗等10个方面提出要求。\n')).toEqual([]);
    expect(brief('行动按排查整治、巩固提升三个阶段开展。\n')).toEqual([]);
    expect(brief('对群众反映的问题,要在三个工作日内解决好。\n')).toEqual([]);
    expect(brief('4.新增3岁以下\n')).toEqual([]);
    expect(brief('认真落实《河北省深入实施大气污染综合治理十条措施》。\n')).toEqual([]);
    expect(brief('到2025年,人均预期寿命达到79岁以上。\n')).toEqual([[79, null, '岁', '>=']]);
    // a process time cut to a bound is still a target
    expect(brief('到2025年,企业开办时间压缩至3个工作日以内。\n')).toEqual([[3, null, '个工作日', '<=']]);
  });
});

describe('a bound after a pair of figures in different measures (real-AE)', () => {
  it('reads "分别稳定在34万头、54万吨以上" as two lower bounds', () => {
    expect(brief('今年生猪出栏量、蔬菜产量分别稳定在34万头、54万吨以上。\n')).toEqual([
      [34, null, '万头', '>='],
      [54, null, '万吨', '>='],
    ]);
  });
});

describe('a bound with a fallback trend (real-AE)', () => {
  it('reads "比重≤25%或持续降低" and "≥24%或持续提升" as their bounds', () => {
    expect(brief('个人卫生支出占卫生总费用的比重≤25%或持续降低。确保居民健康素养水平≥24%或持续提升。\n')).toEqual([
      [25, null, '%', '<='],
      [24, null, '%', '>='],
    ]);
  });
});

describe('a year reported as done (real-AF)', () => {
  it('drops "全年共完成人工造林面积1139.8亩" and keeps the plan for the next year', () => {
    expect(brief('全年共完成人工造林面积1139.8亩、森林抚育面积1600亩。\n2023年,全镇计划完成人工造林面积900亩。\n')).toEqual([[900, null, '亩', '=']]);
  });
});

describe('a progress bulletin (real-AG)', () => {
  it('keeps the year goal a result is measured against under a progress heading, and nothing else there', () => {
    const text =
      '现对2023年1-6月全市招商引资工作情况通报如下:\n一、目标任务进展情况\n(一)引进亿元以上省外项目资金额\n1-6月份,全市引进亿元以上省外项目资金额219.22亿元,完成年度目标任务589亿元的37.22%,同比增长8.08%。\n(二)目标分解\n具体分解目标任务405项。\n';
    expect(parseText(text).targets.map((t) => [t.value, t.unit, t.year])).toEqual([[589, '亿元', 2023]]);
  });

  it('reads a sentence opening on the months reported ("1-6月份,…") as a result', () => {
    expect(brief('1-6月份,全市引进亿元以上省外项目资金额219.22亿元,同比增长8.08%。\n')).toEqual([]);
  });
});

describe('last year reported (real-AG)', () => {
  it('reads a paragraph opening on 去年 as results up to a sentence that turns to the new year', () => {
    expect(brief('去年,全市高度重视粮食生产;全市建立双季稻万亩示范片16个,全市粮食播种面积744万亩。2021年,全市计划粮食播种面积750万亩。\n')).toEqual([
      [750, null, '万亩', '='],
    ]);
  });
});

describe('restatements and meeting rules (real-AG)', () => {
  it('keeps a goal said in a headline and again after the place once, a district figure beside the city one apart, and no meeting frequency', () => {
    expect(brief('德州市建立四级林长制体系 每年造林10万亩\n德州市每年造林10万亩,市级每年召开1次全体会议。\n')).toEqual([[10, null, '万亩', '=']]);
    expect(brief('全市PM2.5平均浓度达到58微克/立方米。长安区、井陉县PM2.5平均浓度达到58微克/立方米。\n')).toHaveLength(2);
  });
});

describe('results beside the share of their goal (real-AI)', () => {
  it('reads "X改造完成3.5万户,完成率100%" as a result, and "完成率达到100%" as a goal', () => {
    expect(brief('其中市住建局督导的7县:冠县改造完成3.5万户,完成率100%;临清改造完成2.94万户,完成率99%。\n')).toEqual([]);
    expect(brief('2024年,确保改造任务完成率达到100%。\n')).toEqual([[100, null, '%', '=']]);
  });
});

describe('measures written in Latin letters (real-AI)', () => {
  it('reads "达到100mg/L以上" and "260mg/L以上" with their unit', () => {
    expect(brief('到2021年底,进水生化需氧量(BOD)进水浓度达到100mg/L以上,进水化学需氧量(COD)达到260mg/L以上。\n')).toEqual([
      [100, null, 'mg/L', '>='],
      [260, null, 'mg/L', '>='],
    ]);
  });
});

describe('sizes that pick things out, and price caps (real-AJ)', () => {
  it('drops "存栏5000头以上的养殖场" and "每生每课时收费不超过3元", keeps "新建100个以上的停车场"', () => {
    expect(brief('2018年底前,完成存栏5000头以上的拟保留生猪养殖场废弃物资源化利用设施建设。\n')).toEqual([]);
    expect(brief('规定每生每课时收费乡村学校不超过3元。\n')).toEqual([]);
    expect(brief('2024年新建100个以上的停车场。\n')).toEqual([[100, null, '个', '>=']]);
  });
});

describe('a range with its measure at both ends (real-AK)', () => {
  it('reads "5个—7个", "2家—3家" and "3100亿—3400亿元" as ranges, and "20个到2025年" as no range', () => {
    expect(brief('到2025年,建设5个—7个中药材产地初加工集聚地,高标准建立2家—3家中药材种质资源圃。\n')).toEqual([
      [5, 7, '个', 'range'],
      [2, 3, '家', 'range'],
    ]);
    expect(brief('到2025年,文创产业增加值达到3100亿—3400亿元。\n')).toEqual([[3100, 3400, '亿元', 'range']]);
    expect(brief('新建公园20个到2025年。\n').map((t) => t[3])).not.toContain('range');
  });
});

describe('年均 growth recurs (real-AK)', () => {
  it('marks "年均增长8%以上" recurring and "PM2.5年均浓度" not', () => {
    const got = targetsOf('到2025年,民营经济增加值年均增长8%以上,细颗粒物(PM2.5)年均浓度控制在30微克/立方米以下。\n').map((t) => [t.value, t.recurring]);
    expect(got).toEqual([
      [8, true],
      [30, false],
    ]);
  });
});

describe('how long a campaign runs (real-AK)', () => {
  it('drops "开展为期6个月的专项行动"', () => {
    expect(brief('省食安办将会同省教育厅联合开展为期6个月的校园食品安全排查整治专项行动。\n')).toEqual([]);
  });
});

describe("a model-document site's sample counts (real-AL)", () => {
  it('drops "集中供热保供方案通用5篇" and "春运工作方案15篇", keeps "发表论文5篇"', () => {
    expect(brief('2021年集中供热保供方案通用5篇\n')).toEqual([]);
    expect(brief('2024年春运工作方案15篇\n')).toEqual([]);
    expect(brief('到2025年,发表核心期刊论文5篇。\n')).toEqual([[5, null, '篇', '=']]);
  });
});

describe('degrees Celsius (real-AL)', () => {
  it('reads "将供热温度由往年的18℃提升至20℃" as 20℃, the 18℃ a starting point', () => {
    expect(brief('2021年,将供热温度由往年的18℃提升至20℃。\n')).toEqual([[20, null, '℃', '=']]);
  });
});

describe("counts of proposals, indicators and a breakdown's shares (real-AM, real-AN)", () => {
  it('drops proposals handed over and their shares, and "N项指标", keeps a share to reach', () => {
    expect(brief('会议集中交办区三届人大二次会议代表提出的建议135条。其中,经济建设类提案32件,占总数28.6%;社会治理类20件,占17.5%。\n')).toEqual([]);
    expect(brief('到2022年,企业开办4项指标进入全国一流水平,政府采购11项指标进入全国先进水平。\n')).toEqual([]);
    expect(brief('到2025年,文化和旅游产业增加值占GDP比重达到12%。\n')).toEqual([[12, null, '%', '=']]);
  });
});

describe("a completion report's shares of the year's plan (real-AO)", () => {
  it('drops "完成年度计划的104.44%" and "…的130%", keeps "完成三年改造任务的20%"', () => {
    expect(brief('2023年,全省新增学位10.74万个,完成年度计划的104.44%;改造21702间,完成年度计划的130%。\n').filter((t) => t[2] === '%')).toEqual([]);
    expect(brief('到2021年底,完成三年改造任务的20%。\n')).toEqual([[20, null, '%', '=']]);
  });
});

describe('民生实事 counts after an adverb and 为, and lectures counted by 堂 (real-AR ar09)', () => {
  it('reads "免费为1000人筛查脑卒中" and "推进300堂健康知识巡讲"', () => {
    expect(brief('2023年民生实事。\n推进300堂健康知识巡讲,免费为1000人筛查脑卒中。\n')).toEqual([
      [300, null, '堂', '='],
      [1000, null, '人', '='],
    ]);
  });
});

describe('a count of places to reach a standard (real-AN an04)', () => {
  it('reads "力争全市有4-5个乡镇、15-20个村达到省级卫生乡镇、村标准" as two ranges', () => {
    expect(brief('2023年爱国卫生工作安排。\n力争全市有4-5个乡镇、15-20个村达到省级卫生乡镇、村标准。\n')).toEqual([
      [4, 5, '个', 'range'],
      [15, 20, '个', 'range'],
    ]);
  });
});

describe('what the past three years did (real-AS as06)', () => {
  it('drops "过去三年改造老旧小区239个" and "三年来全区共计改造…", keeps the year\'s plan', () => {
    expect(brief('2022年老旧小区改造。大足过去三年改造老旧小区239个。三年来全区共计改造老旧小区239个。今年计划改造老旧小区50个。\n')).toEqual([
      [50, null, '个', '='],
    ]);
  });
});

describe("a result told with its share of the year's task (real-AT at07, at13)", () => {
  it("drops the result and its share, keeps the year's task named in parentheses", () => {
    expect(brief('2016年招商引资工作。上半年,全市市外亿元以上项目实现到位资金401.6亿元,完成全年目标任务的45.6%。\n')).toEqual([]);
    expect(brief('2012年招商引资。截止6月底,市外到位资金25.47亿元,完成市上全年任务(42.5亿元)的59.94%。\n')).toEqual([[42.5, null, '亿元', '=']]);
    expect(brief('2016年招商引资工作。全年实现到位资金500亿元。\n')).toEqual([[500, null, '亿元', '=']]);
  });
});

describe('a paragraph that opens on a past year\'s results (real-AX ax03)', () => {
  it('drops the results after "2018年…取得显著成效。", keeps a goal "2019年底前…取得明显成效"', () => {
    expect(brief('2019年政府工作报告。\n2018年全区经济社会发展取得显著成效。区属地区生产总值达到379.95亿元、增长9.3%。\n')).toEqual([]);
    expect(brief('2017年畜禽养殖工作方案。\n2019年底前,畜禽养殖废弃物资源化利用工作取得明显成效,综合利用率达到88%以上。\n')).toEqual([[88, null, '%', '>=']]);
  });
});

describe('a list of counted objects under one bound (real-AW aw03)', () => {
  it('reads "推荐不少于1家示范企业和10个重点项目" as two targets, both bounded', () => {
    expect(brief('2023年技改工作通知。\n请饶平县推荐不少于1家示范企业和10个重点项目。\n')).toEqual([
      [1, null, '家', '>='],
      [10, null, '个', '>='],
    ]);
    expect(brief('2023年工作要点。\n新建5个口袋公园和3个农贸市场。\n')).toEqual([
      [5, null, '个', '='],
      [3, null, '个', '='],
    ]);
  });
});

describe('a paragraph opening on the year so far (real-AT at07, real-AZ az09)', () => {
  it('reads a bound before the share of things that reach something (real-BJ bj05)', () => {
    expect(brief('2020年,力争90%以上的村生活垃圾得到治理,不低于35%的行政村生活污水得到有效治理。\n')).toEqual([
      [90, null, '%', '>='],
      [35, null, '%', '>='],
    ]);
  });

  it('reads a figure right before "目标任务" with no 的 (real-BP bp02)', () => {
    expect(brief('2020年,确保完成粮食播种面积200万亩、粮食产量20亿斤目标任务。\n')).toEqual([
      [200, null, '万亩', '='],
      [20, null, '亿斤', '='],
    ]);
  });

  it('reads figures with thousands separators and 兆 as a magnitude (real-BQ bq06, real-Y y04)', () => {
    expect(brief('2026年,城镇新增就业1,200万人以上,新开便利店2,000家,一般公共预算支出规模30兆元,新增风电3兆瓦。\n')).toEqual([
      [1200, null, '万人', '>='],
      [2000, null, '家', '='],
      [30, null, '兆元', '='],
      [3, null, '兆瓦', '='],
    ]);
    // (a list written with commas keeps its figures apart)
    expect(brief('2026年,新建公园3,4个。\n').map((t) => t[0])).not.toContain(34);
  });

  it('reads no target in who attended a meeting (real-BL bl14, real-BP bp04)', () => {
    expect(
      brief('根据《关于迅速开展沭阳临街商铺燃气使用安全隐患排查整治工作的通知》文件要求,近日,扎下镇主要领导召开餐饮场所燃气安全隐患排查工作推进会,生态环境和建设局、执法辅助中队、市监分局、消防中队、派出所、安监局等相关职能部门负责人、各村(社区)书记、城管队员共40余人参加了会议。\n'),
    ).toEqual([]);
  });

  it('reads "及以上" / "及以下" after a figure as its bound (real-BL bl03)', () => {
    expect(brief('2018年全区PM2.5浓度下降到52μg/m3及以下,空气质量优良天数比例上升到65%及以上。\n')).toEqual([
      [52, null, 'μg/m3', '<='],
      [65, null, '%', '>='],
    ]);
  });

  it('gives a 分别 list the unit written once after its last figure (real-BL bl02)', () => {
    expect(brief('2019年,玉州区、福绵区、容县2019年度环境空气质量目标PM10分别为57、54、58微克/立方米。\n')).toEqual([
      [57, null, '微克/立方米', '='],
      [54, null, '微克/立方米', '='],
      [58, null, '微克/立方米', '='],
    ]);
  });

  it('reads no target in a phone or service number (real-BL bl09)', () => {
    expect(brief('移动用户发送短信SD到10658000\n2019年,达到县级以上文明村镇标准的村占80%。\n')).toEqual([[80, null, '%', '=']]);
  });

  it('reads a share written before the act it measures, quoted or not (real-BH bh10)', () => {
    expect(brief('2023年底前,实现行政审批事项“100%网上受理、100%网上办结”。\n')).toEqual([[100, null, '%', '='], [100, null, '%', '=']]);
    expect(brief('到2023年,实现行政审批事项100%网上受理。\n')).toEqual([[100, null, '%', '=']]);
    expect(brief('“100%满意”是我们的追求。\n')).toEqual([]);
  });

  it('reads a line labelled as the goal in a progress bulletin (real-BF bf01)', () => {
    const text =
      '2010年1-4月份民生建设十件实事\n进展情况通报\n一、中小学校安全建设项目\n目标任务:对8所中小学校进行校舍安全改造,总建筑面积9720平方米。\n' +
      '目前进度:今年教育部门共争取中小学校安全建设项目16个,资金1275.25万元。\n';
    expect(brief(text)).toEqual([[8, null, '所', '='], [9720, null, '平方米', '=']]);
  });

  it('drops the progress after "上半年," until a sentence names a task or a goal', () => {
    expect(brief('2016年招商工作。\n上半年,全市新签约亿元以上项目225个。其中境内省外项目实现到位资金312.2亿元,居全省第五位。\n')).toEqual([]);
    expect(brief('2017年棚改工作。\n截至目前,全市开工项目30个、共8363套。同时,省下达该市今年棚户区改造基本建成任务2000套。\n')).toEqual([[2000, null, '套', '=']]);
    // (bi11: the year's goal a result is measured against names no new goal; the goals themselves stay)
    expect(
      brief('就业工作。\n今年以来,我局狠抓就业创业各项政策落实。截止10月底,实现城镇新增就业12314人,完成年目标任务12500人的98.5%;城镇登记失业率控制在3.37%,比年目标任务4%低0.63个百分点,失业人员再就业6650人,完成年目标任务6600人的100.76%。\n'),
    ).toEqual([[12500, null, '人', '='], [4, null, '%', '='], [6600, null, '人', '=']]);
  });
});

describe('review mends of session 16 (what the new target rules must not catch)', () => {
  it('keeps a 分别 list written with commas apart', () => {
    expect(brief('2026年,PM10浓度分别为157,154,155微克/立方米。\n').map((t) => t[0])).not.toContain(157154155);
  });
  it('reads 及 as a bound only before 以上/以下/以内', () => {
    expect(brief('2025年,培育龙头企业10家及上下游配套企业。\n')).toEqual([[10, null, '家', '=']]);
  });
  it('drops only those who attend a meeting, not those trained', () => {
    expect(brief('2025年,每年组织1000名农民参加职业技能培训。\n')).toEqual([[1000, null, '名', '=']]);
  });
  it('lets a new goal end a progress paragraph', () => {
    expect(brief('招商工作。\n今年以来,全县签约项目20个。全年完成计划签约项目40个。\n')).toEqual([[40, null, '个', '=']]);
  });
});

describe('a doubling and the level it reaches (real-CJ cj02, real-S s04)', () => {
  it('keeps the level as the target, not the doubling before it', () => {
    const text =
      '主要目标:到2023年,高新技术企业数量增加一倍,达到2000家;高新技术企业营业收入翻一番,达到1600亿元;林草产业总产值在2021年基础上实现翻番、突破6000亿元;国家级科技创新平台数量翻一番。\n';
    const got = parseText(text).targets.map((t) => [t.comparator, t.value, t.unit, t.year]);
    expect(got).toEqual([
      ['=', 2000, '家', 2023],
      ['=', 1600, '亿元', 2023],
      ['>', 6000, '亿元', 2023],
      ['=', 2, '倍', 2023],
    ]);
  });
});

describe('an application counted as a target (real-CO co05, real-S s02)', () => {
  it('reads "申请2-3个农产品地理标志" as a thing to achieve', () => {
    const text = '二、工作目标\n积极推进农产品品牌建设,申请2-3个农产品地理标志或绿色食品认证,提高农产品附加值。\n';
    expect(parseText(text).targets.map((t) => [t.comparator, t.value, t.valueMax, t.unit])).toEqual([['range', 2, 3, '个']]);
  });
});

describe('a supervision bulletin\'s records (real-CQ cq06, cq11)', () => {
  it('reads what an inspection found, a ranking and what was done as no targets', () => {
    const text =
      '一、督查情况\n本次督查共发现问题22个,各社区发现问题90处。县直牵头实施部门对25个乡镇民生工程实施进度进行了考核评分,茶庵镇位居全县前三名。\n二、下步工作\n新建公共厕所10座。\n';
    expect(parseText(text).targets.map((t) => [t.value, t.unit])).toEqual([[10, '座']]);
  });
});

describe('a count and then the length of what it counts (real-CN cn05)', () => {
  it('reads both "98条" and "119.4公里"', () => {
    const text = '二、工作任务\n今春全镇面上共计划清淤支斗渠98条长119.4公里。清淤支沟2条长3.2公里,整修农路380条长199.8公里。\n';
    expect(parseText(text).targets.map((t) => [t.value, t.unit])).toEqual([
      [98, '条'],
      [119.4, '公里'],
      [2, '条'],
      [3.2, '公里'],
      [380, '条'],
      [199.8, '公里'],
    ]);
  });
});

describe('a footnote mark after a figure (real-AB ab10)', () => {
  it('ends the figure\'s clause as punctuation does', () => {
    const text = '二、主要目标\n全年计划新建公共停车泊位1200个[1],年度计划投资4084亿元 [2]。\n';
    expect(parseText(text).targets.map((t) => [t.value, t.unit])).toEqual([
      [1200, '个'],
      [4084, '亿元'],
    ]);
  });
});

describe('a bound after an aside (real-CX cx01)', () => {
  it('reads "达到754.61万亩(其中早稻216万亩)以上" as >= for both figures', () => {
    const got = parseText('确保全市粮食播面达到754.61万亩(其中早稻216万亩)以上、总产达到52.82亿斤以上。\n').targets.map((t) => `${t.comparator}${t.value}${t.unit}`);
    expect(got).toEqual(['>=754.61万亩', '>=216万亩', '>=52.82亿斤']);
  });
});

describe('平米, the spoken 平方米 (real-DD dd10)', () => {
  it('reads "96万平米" and "13万平米" as areas, the magnitude kept', () => {
    const got = parseText('2019年,第一期改造59个老旧小区,建筑面积96万平米,室外环境改造面积13万平米。\n').targets.map((t) => `${t.value}${t.unit}`);
    expect(got).toEqual(['59个', '96万平米', '13万平米']);
  });
});

describe('measure words the real pages count in (盏, 羽, 组, 例, 根, 期, 块, 延米)', () => {
  it('keeps each as the figure\'s unit', () => {
    const got = parseText('2024年,新增路灯120盏,出栏肉鸡50万羽,举办培训班6期,新建篮球场8块,铺设管网3000延米。\n').targets.map((t) => `${t.value}${t.unit}`);
    expect(got).toEqual(['120盏', '50万羽', '6期', '8块', '3000延米']);
  });
});

describe('a game\'s format (real-DI di01)', () => {
  it('reads no target in "5人制足球场", and keeps the count of pitches', () => {
    const got = parseText('到2020年,每个乡(镇)建成一个5人制足球场,新建11人制足球场20个。\n').targets.map((t) => `${t.value}${t.unit}`);
    expect(got).toEqual(['20个']);
  });
});

describe('a bound before the verb a figure closes, or after what it counts (real-DM dm04)', () => {
  it('reads "每周至少巡河1次" and "力争引进10个项目以上" as >=', () => {
    const got = parseText('2024年工作要求:村级河长每周至少巡河1次,力争引进10个项目以上,新增就业岗位500个。\n').targets.map((t) => `${t.subject} ${t.comparator}${t.value}${t.unit}`);
    expect(got).toEqual(['村级河长每周至少巡河 >=1次', '引进项目 >=10个', '新增就业岗位 =500个']);
  });
});

describe('last year\'s figure in a clause of its own (real-FJ fj01, session 24)', () => {
  it('reads the year\'s goal, not "去年…增长6.7%" after it; "比去年增长8%" stays a goal', () => {
    const got = parseText('2017年主要预期目标\n国内生产总值增长6.5%—7%。这项工作由国家发展改革委负责,去年国内生产总值增长6.7%。\n财政收入比去年增长8%。\n').targets.map((t) => `${t.comparator}${t.value}${t.unit}`);
    expect(got).toEqual(['range6.5%', '=8%']);
  });
});

describe('verbs of upgrading and hiring before a counted object (real-FG fg03, session 24)', () => {
  it('reads "提质扩能40个县级医疗卫生机构" and "选聘100名各类“产业导师”"', () => {
    const got = parseText('2021年十件民生实事:提质扩能40个县级医疗卫生机构,提升服务能力;选聘100名各类“产业导师”助推乡村振兴。\n').targets.map((t) => `${t.value}${t.unit}`);
    expect(got).toEqual(['40个', '100名']);
  });
});

describe('households and people counted in one breath (real-FH fh02, session 24)', () => {
  it('reads both figures of "67户250人" as targets', () => {
    const got = parseText('2018年脱贫攻坚冲刺会。该镇2018年脱贫总体目标是67户250人。\n').targets.map((t) => `${t.value}${t.unit}`);
    expect(got).toEqual(['67户', '250人']);
  });
});

describe('a forecast of demand is no target (real-FR fr03, fr08, session 24)', () => {
  it('reads no target in "据预测…47.62万人次" or "预计将达175.05万人次", and keeps the plan\'s own figure', () => {
    const got = parseText('2025年春运工作方案\n据预测,春运期间全县道路客运总量47.62万人次,比上年增长2%。我县旅客发送量预计将达175.05万人次。全县新增客运班车20辆。\n').targets.map((t) => `${t.value}${t.unit}`);
    expect(got).toEqual(['20辆']);
  });
});

describe('progress told after the months gone by is no target (real-FW fw06, real-CF cf08)', () => {
  it('reads no target in "完成投资585.99亿元,占年计划64.4%" (no 的) nor after ",1-7月," in mid-sentence, and keeps the year\'s plan', () => {
    const got = parseText(
      '省、市重点项目建设加快推进\n今年来,我市加快推进项目落实落地,1-7月,全市51个省重点建设项目新开工18个。\n204个市重点建设项目完成投资585.99亿元,占年计划64.4%。今年,市重大建设项目年度计划投资909.8亿元。\n',
    ).targets.map((t) => `${t.value}${t.unit}`);
    expect(got).toEqual(['909.8亿元']);
  });
});

describe('a news page with no date opens on the year its programme covers (real-FV fv05)', () => {
  it('reads sentences opening on earlier years as records, and keeps the programme\'s own figure', () => {
    const got = parseText(
      '群众关注的2019年度温州“十大民生实事项目”中的幼儿园建设任务,情况如何?\n2017年温州市新建改扩建幼儿园94所,新增幼儿园学位2.5万个。2018年新建改扩建幼儿园74所,改造撤并薄弱幼儿园86所。\n今年全市计划新建改扩建幼儿园80所。\n',
    ).targets.map((t) => `${t.value}${t.unit}`);
    expect(got).toEqual(['80所']);
  });
});

describe('the size of what is built is no target (real-GE ge01)', () => {
  it('reads no target in "占地120亩" or "库容达15000余立方米", and keeps the year\'s figure', () => {
    const got = parseText('2023年南张镇农业项目\n建设中药材种植产业园,该项目占地120亩。新建蔬菜保鲜库,冷库库容达15000余立方米。全年新建高标准农田2000亩。\n').targets.map((t) => `${t.value}${t.unit}`);
    expect(got).toEqual(['2000亩']);
  });
});

describe('a review\'s bracketed labels: 【目标要求】 sets, 【完成情况】 records (real-GK gk07)', () => {
  it('reads the goals under 【目标要求】 and none of the figures under 【完成情况】', () => {
    const got = parseText(
      '2013年为民办实事回眸\n农村环境\n【目标要求】完成村庄整治40个村,农村危旧房改造2000户。\n【完成情况】2013年,全县共开展村内道路硬化68公里,启动公厕建设42座,开展农户改厕3100户。\n人才公寓\n【目标要求】新建1500平方米的公共租赁住房。\n',
    ).targets.map((t) => `${t.value}${t.unit}`);
    expect(got).toEqual(['40个', '2000户', '1500平方米']);
  });
});
