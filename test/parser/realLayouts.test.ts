// Layouts met on real pages (fixtures/real), each checked on the page that showed it: the readers added for them
// must keep reading them. The pages are verbatim; their hand labels are in the .truth.json beside them.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REAL_PAGES } from '../../bench/accuracy.js';
import { parseText } from '../../server/parser/index.js';

const pageText = (prefix: string) => {
  const name = readdirSync(REAL_PAGES).find((f) => f.startsWith(prefix) && f.endsWith('.txt'));
  if (!name) throw new Error(`no real page ${prefix}`);
  return readFileSync(join(REAL_PAGES, name), 'utf8');
};
const page = (prefix: string) => parseText(pageText(prefix));
const raws = (us: { raw: string }[]) => us.map((u) => u.raw);

describe('one cell per line, no 序号, merged unit cells (d08: 旌阳区 目标任务分解表)', () => {
  const plan = page('d08-');
  it('parts rows by their shape and takes a merged unit cell from the row above', () => {
    const byTitle = new Map(plan.tasks.map((t) => [t.title, t]));
    expect(raws(byTitle.get('地区生产总值增长率')!.responsible)).toEqual(['区发改局', '区统计局']);
    // 社会消费品零售总额增长率 has no unit cell of its own: the one above covers it
    expect(raws(byTitle.get('社会消费品零售总额增长率')!.responsible)).toEqual(['区商务局', '区统计局']);
    expect(raws(byTitle.get('外贸进出口额')!.responsible)).toEqual(['区商务局']);
    expect(plan.tasks.length).toBeGreaterThanOrEqual(24);
  });
  it('reads a bare figure in the goal column as the row target', () => {
    const t = plan.targets.find((x) => x.subject.startsWith('全社会固定资产投资额'));
    expect(t).toMatchObject({ value: 186, unit: null, year: 2016 });
  });
});

describe('a "|" table whose header the page lost (f06: 平阳县 民生实事 progress)', () => {
  const plan = page('f06-');
  it('reads its columns from what the cells hold', () => {
    expect(plan.tasks.length).toBe(7);
    expect(plan.tasks.map((t) => raws(t.responsible))).toContainEqual(['县残联']);
    expect(plan.tasks[0].title).toContain('完成27所学校教育基础设施改造提升');
  });
});

describe('a plan quantity matrix (g13: 山东省 2023 老旧小区改造计划表)', () => {
  const plan = page('g13-');
  it('gives each place its figures, with the units of the header', () => {
    const lixia = plan.targets.filter((t) => t.subject.startsWith('历下区'));
    expect(lixia.map((t) => [t.value, t.unit])).toEqual([
      [226, '个'],
      [1276, '栋'],
      [56525, '户'],
      [402.59, null],
    ]);
    expect(lixia.every((t) => t.year === 2023)).toBe(true);
  });
});

describe('a target matrix with one column per place, one cell per line (m15: 巴中 2014 县区综合目标任务框架体系)', () => {
  const plan = page('m15-');
  it('gives each place column its figure of the row, leaving the 分值 column and merged cells out', () => {
    const gdp = plan.targets.filter((t) => t.subject.endsWith('地区生产总值'));
    expect(gdp.map((t) => [t.subject, t.value, t.unit])).toEqual([
      ['全市地区生产总值', 466, '亿元'],
      ['巴州区地区生产总值', 112, '亿元'],
      ['恩阳区地区生产总值', 45, '亿元'],
      ['南江县地区生产总值', 99, '亿元'],
      ['通江县地区生产总值', 92, '亿元'],
      ['平昌县地区生产总值', 114, '亿元'],
      ['经开区地区生产总值', 4, '亿元'],
    ]);
    // the 经开区 cell is empty for revenue: five places have a figure, not the zone with the 分值 one
    expect(plan.targets.filter((t) => t.subject.endsWith('地方公共财政预算收入')).map((t) => t.value)).toEqual([32.55, 6.23, 1.5, 6.42, 3.47, 5.88]);
    expect(plan.targets.find((t) => t.subject === '巴州区城镇居民人均可支配收入')).toMatchObject({ value: 22155, unit: null, year: 2014 });
  });
  it('hands each row to the places with a figure in it', () => {
    const revenue = plan.tasks.find((t) => t.title === '地方公共财政预算收入(亿元)');
    expect(revenue && raws(revenue.responsible)).toEqual(['巴州区', '恩阳区', '南江县', '通江县', '平昌县']);
    expect(plan.tasks).toHaveLength(8);
  });
});

describe('a progress table one cell per line, a stray cell and two units on two lines (m16: 怀远县 农业农村局)', () => {
  const plan = page('m16-');
  it('anchors each row on its deadline: the lines before it are the units, the progress after it is no target', () => {
    expect(plan.tasks.filter((t) => t.lead.length).map((t) => [raws(t.lead), t.deadline])).toEqual([
      [['经管站'], '2023-12'],
      [['农田建设管理股', '农业股'], '2023-12'],
      [['经管站'], '2023-12'],
      [['农业股', '乡村产业发展股'], '2023-12'],
      [['农业执法大队'], '2023-12'],
    ]);
    expect(plan.targets.map((t) => t.value)).not.toContain(16285);
  });
});

describe('one cell per line, merged cells only on a group\'s first row (o12: 略阳县 文化旅游 任务分解)', () => {
  const plan = page('o12-');
  it('reads the header cell broken before its note and the 指标 column beside 工作任务', () => {
    expect(plan.tasks.some((t) => t.title === '(单位)' || /^\d+$/.test(t.title))).toBe(false);
  });
  it('tells the later lines apart by what they hold: a deadline, a person, unit names', () => {
    const byKey = (k: string) => plan.tasks.find((t) => t.title.includes(k));
    expect(raws(byKey('两馆一站')!.responsible)).toEqual(['文化宣传股', '文化馆', '图书馆']);
    expect(byKey('两馆一站')!.leaders).toEqual(['夏俊贵']);
    expect(raws(byKey('灵岩寺景区综合开发')!.responsible)).toEqual(['文物股', '郙阁公司']);
    expect(raws(byKey('开展专项整治行动')!.responsible)).toEqual(['执法大队']);
    expect(byKey('开展好“三下乡”活动')!.responsible).toEqual([]);
  });
});

describe('sentence duties (e27: 师宗县 land-disposal assignments; f17: a note cut by the page)', () => {
  it('parts "由X牵头,Y配合,在…前完成…;由Z牵头…" into one task per clause', () => {
    const plan = page('e27-');
    const t = plan.tasks.find((x) => x.text.includes('工业园区74.0亩'));
    expect(t && raws(t.lead)).toEqual(['县工业园区管委会']);
    expect(t && raws(t.cooperating)).toEqual(['县自然资源局', '漾月街道']);
    // the clause's own wording, not an empty task; "在12月底前" in the year the news is dated
    expect(t?.title).toBe('在12月底前完成工业园区74.0亩批而未供土地处置任务');
    expect(t?.deadline).toBe('2022-12');
  });
  it('reads "…等牵" at the end of the page as the 牵头 it was', () => {
    const plan = page('f17-');
    const t = plan.tasks.find((x) => x.title.includes('惠企政策'));
    expect(t && raws(t.lead)).toEqual(['省发展改革委', '省数据局(省营商局)']);
  });
});

describe('cells parted by lines holding only "|" (i14: 枞阳县 政府工作报告 half-year table)', () => {
  it('reads a cell over several lines as one unit list, the header by its names', () => {
    const plan = page('i14-');
    const t = plan.tasks.find((x) => x.text.includes('聚力推动制造业提质扩量增效'));
    expect(t && raws(t.lead)).toEqual(['县发展改革委', '县经济和信息化局', '县农业农村局', '县卫生健康委']);
    const u = plan.tasks.find((x) => x.text.includes('办好更加暖心的民生实事'));
    expect(u && raws(u.lead)).toEqual(['县卫生健康委']);
  });
});

describe('a label and its value on two lines (i13: 同心县 task page; i18: a header one cell per line)', () => {
  it('reads "责任单位⏎卫健局、文旅局⏎配合单位⏎各乡镇" as the labels it is', () => {
    const plan = page('i13-');
    const t = plan.tasks.find((x) => x.title.includes('全面落实疫情防控'));
    expect(t && raws(t.responsible)).toEqual(['卫健局', '文旅局']);
    expect(t && raws(t.cooperating)).toEqual(['各乡镇']);
  });
  it('leaves a header laid out one cell per line ("牵头单位⏎负责科室") apart', () => {
    const plan = page('i18-');
    expect(plan.tasks.find((x) => x.title.includes('新增老年食堂')) && raws(plan.tasks.find((x) => x.title.includes('新增老年食堂'))!.lead)).toEqual(['区民政局']);
  });
});

describe('a bar-parted table stored without its header (j06: 亳州 农业农村局 task table)', () => {
  const plan = page('j06-');
  it('opens rows on their running numbers, keeps empty cells, and sets the merged 类别 cell aside', () => {
    const byKey = (k: string) => plan.tasks.find((t) => t.title.includes(k));
    expect(raws(byKey('农村常住居民人均可支配收入与全省同步增长')!.responsible)).toEqual(['法规科']);
    // row 3 has an empty 责任人 cell and opens the group "二、加快新型工业化进程": the columns stay in place
    expect(raws(byKey('农产品加工业产值增长15%以上')!.responsible)).toEqual(['产业科']);
    expect(byKey('农产品加工业产值增长15%以上')!.title).not.toContain('二、');
    // a cell of one unit per line
    expect(raws(byKey('发展养生滋补预制菜产业')!.responsible)).toEqual(['产业科', '市畜牧中心', '市农技中心', '市绿优中心']);
    expect(plan.tasks.filter((t) => t.responsible.length).length).toBeGreaterThanOrEqual(8);
  });
});

describe('a unit note that states the list rule after a comma (j32: 辽宁 實施意見, traditional characters)', () => {
  it('reads "(X、Y等負責,列第一位者為牽頭單位,下同)" as the item\'s units, the first leading', () => {
    const plan = page('j32-');
    const t = plan.tasks.find((x) => x.title.includes('坚持扩大就业发展战略'))!;
    expect(raws(t.lead)).toEqual(['省發展改革委']);
    expect(raws(t.responsible)).toContain('省國稅局');
    expect(raws(t.responsible)).not.toContain('省發展改革委');
  });
});

describe('a 由-sentence whose list runs on after a comma (l04: a city 政府工作报告 分解立项)', () => {
  it('reads "由市财政局、农业局、劳动保障局、农机局,各县(市)、区人民政府负责落实" as one list of responsible units', () => {
    const plan = page('l04-');
    const t = plan.tasks.find((x) => x.title.includes('继续实施对种粮农民直接补贴'))!;
    expect(raws(t.responsible)).toEqual(['市财政局', '农业局', '劳动保障局', '农机局', '各县(市)、区人民政府']);
  });
});

describe('a count with its measure word alone in the goal column (c06: 岳阳楼区 民生实事完成情况表, traditional)', () => {
  it('reads "1300人", "7699套", "71個" under 目标任务 as the rows\' targets, not the 完成 figures beside them', () => {
    const plan = page('c06-');
    const v = (n: number) => plan.targets.find((t) => t.value === n);
    expect(v(7699)).toMatchObject({ unit: '套', comparator: '=' });
    expect(v(1300)).toMatchObject({ unit: '人' });
    expect(v(71)?.unit).toBe('個');
    // the 1-8月 completion column is history, not a target
    expect(v(4629)).toBeUndefined();
  });
});

describe('the year of a year\'s work (f21: 铜川 落实《政府工作报告》重点工作分工; f09: "2022年度任务目标" column)', () => {
  it('dates figures with no year of their own by the year the division notice was issued', () => {
    const plan = page('f21-');
    expect(plan.targets.length).toBeGreaterThanOrEqual(8);
    expect(plan.targets.filter((t) => t.year === 2020).length).toBeGreaterThanOrEqual(8);
  });
  it('dates a goal column\'s figures by the year its header names', () => {
    const plan = page('f09-');
    expect(plan.targets.length).toBeGreaterThan(0);
    expect(plan.targets.every((t) => t.year === 2022)).toBe(true);
  });
});

describe('a table whose cells lost every separator (j21: 西安 分工方案; o01: 成都 分工表 from a document-sharing site)', () => {
  it('reads each row from its end: deadline, then the unit cells, parted where two names meet with nothing between', () => {
    const plan = page('j21-');
    const row = plan.tasks.find((t) => t.title.startsWith('全面准确依法编制'))!;
    expect(raws(row.lead)).toEqual(['市行政审批局', '市司法局']);
    expect(raws(row.responsible)).toEqual(['市级相关单位', '各区县政府', '西咸新区管委会']);
    expect(row.deadline).toBe('2022-09');
  });
  it('parts rows glued one after another by their running numbers, across the site page marks', () => {
    const plan = page('o01-');
    const second = plan.tasks.find((t) => t.title.startsWith('完善生活垃圾回收利用体系'))!;
    // "市商务局,市⏎2、住建局": the site's page number "2、" is no part of 市住建局
    expect(raws(second.responsible)).toEqual(['市商务局', '市住建局', '市城管委', '市委社治委', '市发改委', '市规划和自然资源局', '各区(市)县政府(管委会)']);
    // the store's copy stops inside the fifth row: four whole rows
    expect(plan.tasks.length).toBe(4);
    // no deadline column: the row's own '2021年2月底前,…' says by when
    expect(second.deadline).toBe('2021-02');
  });
});

describe('collectives and mixed subjects (f20: 云南 稳增长意见; i06: 庄浪县 防汛预案)', () => {
  it('keeps "各州、市人民政府" as one collective, so the note around it is read', () => {
    const t = page('f20-').tasks.find((x) => x.title.includes('推进重大项目建设'))!;
    expect(raws(t.lead)).toEqual(['省发展改革委', '财政厅']);
    expect(raws(t.cooperating)).toContain('各州、市人民政府');
  });
  it('gives a sentence duty to named units and the places beside them ("各乡镇、水务局、自然资源局要…")', () => {
    const t = page('i06-').tasks.find((x) => x.title.includes('山洪防治'))!;
    expect(raws(t.responsible)).toEqual(['各乡镇', '水务局', '自然资源局']);
  });
});

describe('a table drawn with box-drawing characters, cells hard-wrapped, merged cells (o03)', () => {
  const plan = page('o03-');
  it('reads a row per headline cell, its △ sub-points beside it, and the merged unit cell it lies beside', () => {
    expect(plan.tasks.map((t) => t.title)).toEqual(['抓好财税金融工作,增强发展保障能力', '坚持优先发展教育,提高全民素质']);
    // "各县(市、区)政⏎府,市财政局、国⏎家税务局…": a unit name wrapped over the cell's lines is read whole
    expect(raws(plan.tasks[0].lead)).toEqual(['各县(市、区)政府', '市财政局', '国家税务局', '地方税务局', '金融办', '人民银行', '银监局']);
    expect(raws(plan.tasks[1].lead)).toEqual(['各县(市、区)政府', '市财政局', '教育局']);
    expect(plan.tasks[0].leaders).toEqual(['梁志强']);
  });
});

describe('one cell per line, each closed by " |", a ministry\'s columns (p02: 工业和信息化部 2018 指标)', () => {
  const plan = page('p02-');
  it('reads 预期效果 / 指标属性 / 牵头负责司局 as columns and a 司 name wrapped at a space whole', () => {
    expect(plan.tasks.length).toBeGreaterThanOrEqual(9);
    const byTitle = new Map(plan.tasks.map((t) => [t.title, t]));
    expect(raws(byTitle.get('钢铁去产能规模')!.lead)).toEqual(['原材料工业司']);
    const wrapped = byTitle.get('绿色制造示范典型发布数量')!.lead;
    expect(raws(wrapped)).toEqual(['节能与综合利用司']);
    // its source runs over the space where the cell wrapped, to the name's last character
    const source = wrapped[0].source!;
    expect(pageText('p02-').slice(source.start, source.end)).toBe('节能与综合 利用司');
  });
});

describe('a goal restated in headline, teaser and body (p13: 成都 垃圾分类 news)', () => {
  it('is one target, not one per restatement', () => {
    const plan = page('p13-');
    // four restatements on the page; the one dated by its own sentence stays apart from the undated ones
    expect(plan.targets.filter((t) => t.value === 92.21).length).toBe(2);
  });
});

describe('a project ledger as "|" rows: half its header figures the lists do not name, a second header line, cells dropped (p01)', () => {
  it('reads each project with the unit cell that names units, wherever the dropped cells moved it', () => {
    const plan = page('p01-');
    expect(plan.tasks.length).toBe(6);
    expect(raws(plan.tasks[1].responsible)).toEqual(['縣民政局', '各相關鄉鎮街道']);
    expect(plan.tasks.some((t) => t.title.includes('形象进度'))).toBe(false);
  });
});

describe('a note listing cities bare among its units (r04: 银川都市圈 工作计划, traditional)', () => {
  it('reads "银川市、石嘴山市、吴忠市人民政府" as units, not as a list that is no note', () => {
    const plan = page('r04-');
    const withCities = plan.tasks.find((t) => t.cooperating.some((u) => u.name === '石嘴山市'));
    expect(withCities).toBeDefined();
    expect(withCities!.cooperating.map((u) => u.name)).toEqual(expect.arrayContaining(['银川市', '石嘴山市', '吴忠市人民政府']));
  });
});

describe('minutes deciding a duty with a person in the 牵头 slot (r10: 新华区 区长专题会)', () => {
  it('keeps the person as a leader, the units after her as responsible, and the decision as its own task', () => {
    const plan = page('r10-');
    expect(plan.tasks).toHaveLength(1);
    expect(plan.tasks[0].leaders).toEqual(['马娜']);
    expect(raws(plan.tasks[0].responsible)).toEqual(['区收储办', '区自然资源和规划分局']);
    expect(plan.tasks[0].lead).toEqual([]);
    expect(plan.tasks[0].text).toContain('及时收集汇总全区项目涉及的土地规划需求');
  });
});

describe('duties in a county news item with time limits and a portal\'s terms below it (r11: 濮阳县)', () => {
  const plan = page('r11-');
  it('takes "城东办一周内完成…" as a duty of its own, as a date would make it', () => {
    const byUnit = (name: string) => plan.tasks.filter((t) => raws(t.responsible).join() === name);
    expect(byUnit('城东办').map((t) => t.title)).toEqual(['城东办一周内完成红旗路东延清表任务']);
    expect(byUnit('清河头乡').map((t) => t.title)).toEqual(['清河头乡三天内完成红旗路东延清表任务']);
  });
  it('reads no target in the portal\'s "本网确认后将在24小时内移除…"', () => {
    expect(plan.targets.filter((g) => g.value === 24)).toEqual([]);
  });
});

describe('addressees charged sentence by sentence (r12: 甘谷县 meeting news, traditional)', () => {
  it('gives one task per "各鄉鎮要…" sentence', () => {
    const plan = page('r12-');
    const towns = plan.tasks.filter((t) => t.responsible.some((u) => u.scope === 'all_towns'));
    expect(towns).toHaveLength(2);
    expect(towns[1].text).toContain('摸清永久基本');
  });
});

describe('a unit charged a few clauses after the meeting\'s words (r09: 犍为县 meeting news)', () => {
  it('reads "会议强调,要定期调度评估,县住房城乡建设局负责工作日常调度,…" as that bureau\'s duty', () => {
    const plan = page('r09-');
    const duty = plan.tasks.find((t) => t.text.includes('负责工作日常调度'));
    expect(duty && raws(duty.responsible)).toEqual(['县住房城乡建设局']);
  });
});

describe('a heading over one numbered item, the item\'s labels below it (s01: 漯河 民生实事完成情况)', () => {
  it('names the task by the heading and spans it', () => {
    const plan = page('s01-');
    expect(plan.tasks.slice(0, 3).map((t) => t.title)).toEqual(['开展职业技能培训和评价取证', '改善义务教育学校办学条件', '提升基层医疗卫生服务能力']);
    expect(raws(plan.tasks[0].responsible)).toEqual(['市人力资源和社会保障局']);
  });
});

describe('a completion table one cell per paragraph with a 任务进度 column (r05: 大足区 超额完成任务一览表)', () => {
  it('reads 任务进度 as a progress column, so the 牵头单位 cell is the lead and not a task', () => {
    const plan = page('r05-');
    const row = plan.tasks.find((t) => t.title === '实现工业投资增长20%以上');
    expect(row && raws(row.lead)).toEqual(['区经济信息委', '经开区经发局']);
    expect(plan.tasks.some((t) => t.title === '区经济信息委、经开区经发局')).toBe(false);
  });
});

describe('unnumbered heading lines over paragraphs that charge one kind of office in every place (ag04: 农业农村部 秸秆通知, 繁體)', () => {
  const plan = page('ag04-');
  it('gives each paragraph "各省农业农村部门要…" its own task under the heading line above it, the first heading wrapped over two lines', () => {
    const got = plan.tasks.map((t) => [t.title, raws(t.responsible)]);
    expect(got.slice(0, 3)).toEqual([
      ['重点工作 编制年度实施方案', ['各省農業農村部門']],
      ['建立资源台账', ['各省農業農村部門']],
      ['强化整县推进', ['各省農業農村部門']],
    ]);
  });
  it('still reads a catch-all after 各地 as no office by name', () => {
    expect(parseText('会议要求,各地各有关部门要保持治超工作高压态势。\n').tasks).toEqual([]);
  });
});

describe('a PDF page\'s indicator table, two blank lines between rows (ah05: 内蒙古 残疾人 十四五 专栏1)', () => {
  it('reads every row under the letter-spaced header "指 标 2025 年 属 性"', () => {
    const plan = page('ah05-');
    expect(plan.indicators.map((i) => [i.unit, i.targets[0]?.value, i.targets[0]?.comparator, i.attribute])).toEqual([
      ['%', 7.5, '>', 'expected'],
      ['万人', 4, '>', 'expected'],
      ['%', 100, '=', 'binding'],
      ['%', 100, '=', 'binding'],
      ['%', 100, '=', 'binding'],
      ['%', 90, '>', 'expected'],
      ['%', 95, '>', 'expected'],
    ]);
  });
});

describe('role labels numbered as sub-items of the item they assign (ah11: 汕尾 停车设施 联席会议, 繁體)', () => {
  it('gives "一、建立联席会议机制" the 牵头单位 and the 组成单位 of its "(一)" and "(二)" lines', () => {
    const t = page('ah11-').tasks.find((x) => x.title.includes('建立联席会议机制'));
    expect(t && raws(t.lead)).toEqual(['市住建局', '市發改局']);
    expect(t && raws(t.cooperating).slice(0, 3)).toEqual(['各縣(市、區)人民政府(管委會)', '市公安局', '市財政局']);
  });
});

describe('a table printed one cell per line whose cells hold several lines (ah06: 广东省妇女发展规划 目标责任分解书)', () => {
  it('parts rows at each run of unit names: the goal and its sub-goals, then the 主要责任单位 and the 责任单位', () => {
    const got = page('ah06-').tasks.map((t) => [t.title.slice(0, 12), raws(t.lead), raws(t.responsible).length]);
    expect(got.slice(0, 4)).toEqual([
      ['1.妇女在整个生命周期享', ['省卫生厅'], 4],
      ['2.提高孕产妇医疗保健水', ['省卫生厅'], 2],
      ['——孕产妇系统管理率达到', ['省卫生厅'], 2],
      ['——孕产妇中重度贫血患病', ['省卫生厅'], 3],
    ]);
    expect(got.length).toBe(9);
  });
});

describe('an activity plan with 主办/承办/配合 lines under each item (ai13: 爱国卫生运动65周年 活动方案, a model-document copy with "xx省")', () => {
  it('reads the lines as the item\'s roles, not as a site\'s sponsor footer', () => {
    const got = page('ai13-').tasks.map((t) => [t.title, raws(t.lead), raws(t.responsible)]);
    expect(got.slice(0, 2)).toEqual([
      ['召开全省健康城市健康村镇建设启动会', ['xx省爱国卫生运动委员会'], ['琼海市爱国卫生运动委员会']],
      ['制作爱国卫生运动65周年专题图册', ['xx省爱国卫生运动委员会办公室'], []],
    ]);
  });
  it('still drops a site footer\'s "主办:…" line beside the site\'s words', () => {
    const plan = parseText('某市2024年工作要点\n1.推进城市更新。(牵头单位:市住建局)\n主办:某市人民政府办公室\n网站标识码:3301000001 ICP备05003328号\n');
    expect(plan.tasks.map((t) => raws(t.lead))).toEqual([['市住建局']]);
  });
});

describe('duties under a heading that names the unit (aj11: 县 地质灾害防治 职责, 繁體)', () => {
  it('gives the paragraph under "(一)縣人民政府職責" to 縣人民政府', () => {
    const t = page('aj11-').tasks[0];
    expect([t.title, raws(t.responsible)]).toEqual(['统一领导辖区内的地质灾害防治工作', ['縣人民政府']]);
  });
  it('takes no project heading for a unit ("建设苏州市残疾人活动中心")', () => {
    expect(parseText('一、民生实事\n(一)建设苏州市残疾人活动中心\n建成后提供康复、培训等服务。\n').tasks.flatMap((t) => raws(t.responsible))).toEqual([]);
  });
});

describe('items run together on one line, numbered with 、, each closing on its units in parentheses before the stop (de07)', () => {
  const plan = page('de07-');
  it('parts the items and reads each parenthesis as the item\'s units', () => {
    expect(plan.tasks.slice(0, 2).map((t) => [t.title, t.responsible.map((u) => u.raw)])).toEqual([
      ['地区生产总值增长11%', ['市发改委', '市政府相关部门', '各县市区政府', '荆州开发区']],
      ['固定资产投资增长25%', ['市发改委', '各县市区政府', '荆州开发区']],
    ]);
  });
});

describe('a parenthesis before the stop that names a body\'s other names or one place is no unit note', () => {
  it('reads no units from "报市政府办公厅(市职转办、市营商办)。" nor from "…给水厂(寿永片区)。"', () => {
    const plan = parseText('各单位工作落实情况请于每月23日前报市政府办公厅(市职转办、市营商办)。\n园区市政基础设施:三教产业园北部污水处理厂工程、三教产业园南部给水厂(寿永片区)。\n');
    expect(plan.tasks.flatMap((t) => t.responsible.map((u) => u.raw))).not.toEqual(expect.arrayContaining(['市职转办']));
    expect(plan.tasks.flatMap((t) => t.responsible.map((u) => u.raw))).not.toContain('寿永片区');
  });
});

describe('a document-sharing site\'s page counted "1、" "2、" "3、" in a short excerpt (da12)', () => {
  const plan = page('da12-');
  it('joins the item a page break cut ("3.进一步巩固入河排污口专项整治…⏎2、测力度,…") and reads its units', () => {
    const t = plan.tasks.find((x) => x.title.includes('进一步巩固入河排污口专项整治'));
    expect(t && [t.lead.map((u) => u.raw), t.responsible.map((u) => u.raw)]).toEqual([['镇环保站'], ['各村(居)']]);
  });
});

describe('a problem list: each place in a heading, its problems below, who puts them right on a closing label line (cw01)', () => {
  const plan = page('cw01-');
  it('makes each place with a closing label one task charged to the label\'s unit, its problems no tasks of their own', () => {
    const byTitle = (s: string) => plan.tasks.filter((t) => t.title === s).map((t) => t.responsible.map((u) => u.raw));
    expect(byTitle('市科技馆')).toEqual([['市科技馆']]);
    expect(byTitle('市第二人民医院')).toEqual([['市卫生健康委员会']]);
    expect(plan.tasks.map((t) => t.title)).not.toContain('宣传牌内容不规范');
  });
});

describe('a heading naming the unit\'s role keeps its items as that unit\'s tasks though a label line closes them (s14)', () => {
  const plan = page('s14-');
  it('keeps "(三)省编办牵头的工作 ⏎ 1.深化行政管理体制改革… ⏎ 2.积极稳妥地推进乡镇机构改革… ⏎ 协同单位:…" as two tasks of 省编办', () => {
    const t = plan.tasks.find((x) => x.title.startsWith('深化行政管理体制改革'));
    expect(t && [t.lead.map((u) => u.raw), t.cooperating.map((u) => u.raw)]).toEqual([['省编办'], []]);
  });
});

describe('a problem list whose notes name duties without a holder word (real-DF df05)', () => {
  it('reads "主体责任:X,监督责任:Y" as both responsible', () => {
    const text = '● 白茶市场存在空闲摊位乱堆乱放,水产区脏乱差现象。\n(主体责任:白茶村委会,监督责任:市工商局)\n● 星悦公馆背后建筑工地大量生活、建筑垃圾堆积,无人管理。\n(主体责任:星悦公馆,监督责任:市住建委)\n';
    expect(parseText(text).tasks.map((t) => t.responsible.map((u) => u.raw))).toEqual([
      ['白茶村委会', '市工商局'],
      ['星悦公馆', '市住建委'],
    ]);
  });
});

describe('a label line with its colon, its units on the lines below (real-DN dn06)', () => {
  it('reads "牵头部门:⏎县委办" and "配合部门:⏎A⏎B" as the group\'s notes', () => {
    const text = '二、工作职责\n1、综合协调组\n负责活动的统筹协调。\n牵头部门:\n县委办\n配合部门:\n政府办、财政局\n2、宣传组\n负责宣传报道。\n牵头部门:\n县委宣传部\n配合部门:\n县融媒体中心\n县文联\n';
    expect(parseText(text).tasks.map((t) => [t.title, t.lead.map((u) => u.raw), t.cooperating.map((u) => u.raw)])).toEqual([
      ['综合协调组', ['县委办'], ['政府办', '财政局']],
      ['宣传组', ['县委宣传部'], ['县融媒体中心', '县文联']],
    ]);
  });
});

describe('a quota matrix with a second header line and a remarks column, one cell per line (real-FP fp01: 长沙 2004 招商引资目标考核指标分解表)', () => {
  const plan = page('fp01-');
  it('maps each sub-column to its measure and leaves the 其中 sub-column out as a part of its quota', () => {
    const wangcheng = plan.targets.filter((t) => t.subject.startsWith('望城县'));
    expect(wangcheng.map((t) => [t.value, t.unit, t.year])).toEqual([
      [5800, '万美元', 2004],
      [3000, '万美元', 2004],
      [25, '亿元', 2004],
      [16.5, '亿元', 2004],
    ]);
  });
  it('hands each body its row: a 其中 row under its own name, the row cut by the page end too, no remark glued to the next label', () => {
    const rows = plan.tasks.filter((t) => /万美元/.test(t.title)).map((t) => raws(t.responsible));
    expect(rows).toEqual([['长沙县'], ['经济技术开发区'], ['望城县'], ['食品工业园']]);
    // "园区外" (the county outside its park) is the rest of a row above: no body, no quota
    expect(plan.targets.some((t) => t.value === 4800)).toBe(false);
    expect(plan.targets.filter((t) => t.subject.startsWith('食品工业园')).map((t) => t.value)).toEqual([3800, 1800, 3]);
  });
});

describe('a quota table flattened to "place figure figure … word" rows under a shared unit (real-FQ fq07: 昆明 2009 百日会战任务分配表)', () => {
  const plan = page('fq07-');
  it('reads every figure of a row as the place\'s quota in the shared unit, with the title\'s year, the 其中 column left out', () => {
    const xishan = plan.targets.filter((t) => t.subject.startsWith('西山区'));
    expect(xishan.map((t) => t.value)).toEqual([4000, 1000, 5000, 2250]);
    expect(xishan.every((t) => t.unit === '亩' && t.year === 2009)).toBe(true);
  });
  it('hands each place its row', () => {
    const places = plan.tasks.filter((t) => /亩/.test(t.title)).map((t) => raws(t.responsible)[0]);
    expect(places).toHaveLength(15);
    expect(places.slice(0, 3)).toEqual(['五华区', '盘龙区', '西山区']);
    expect(places.at(-1)).toBe('经开区');
  });
});

describe('a 要点 division whose one unit column closes the row, merged cells dropped from the front (real-FV fv01: 中山市医保局 2022 政务公开分工)', () => {
  const plan = page('fv01-');
  it('takes the finest points as the tasks and the row\'s last cell as its units, however many cells the row lost', () => {
    expect(plan.tasks.map((t) => [t.title.slice(0, 8), raws(t.lead), raws(t.responsible), raws(t.cooperating)])).toEqual([
      ['1.规范行政法规', ['法规和基金监管科'], [], ['办公室']],
      ['2.摸清本单位规', ['办公室'], ['各科室'], []],
      ['3.结合权责清单', ['办公室'], ['各科室'], []],
      // the row the page cuts before its unit cell keeps its words as its title
      ['4.规范使用全省', [], [], []],
    ]);
  });
});
