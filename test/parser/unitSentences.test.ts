// Who does the work when prose says it rather than a label: bare 由X负责 / X会同Y sentences, a unit as the
// subject of its sentence, units taking turns, a unit heading over its tasks, a note after a group of items,
// directives in minutes. (Regrouped from the blind-batch files 5–12.)
import { describe, expect, it } from 'vitest';
import { parseText } from '../../server/parser/index.js';
import { corpusText } from '../helpers/corpus.js';

const raws = (us: { raw: string }[]) => us.map((u) => u.raw);
const roles = (text: string) => parseText(text).tasks.map((t) => [raws(t.lead), raws(t.responsible), raws(t.cooperating)]);

// blind batch 5
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

// blind batch 9b
describe('role clauses inside a sentence', () => {
  it('reads "依职责负责" and a run of "由X牵头,Y配合" clauses inside a sentence', () => {
    expect(roles('1.加强食品安全抽检。扩大抽检范围。市市场监管局、市农业农村局依职责负责,市直有关部门配合。\n')).toEqual([
      [[], ['市市场监管局', '市农业农村局'], ['市直有关部门']],
    ]);
    expect(roles('1.发展冰雪旅游。打造冰雪小镇,此项工作由区文旅局牵头负责,区体育局配合,力争游客人次增长20%。\n')).toEqual([[['区文旅局'], [], ['区体育局']]]);
  });

  it('reads "X负责<job>" after a run of role clauses', () => {
    expect(roles('第二节 建设灌区\n改造渠道80公里。由县水务局牵头,县财政局配合,县水投公司负责项目建设运营。\n')).toEqual([
      [['县水务局'], ['县水投公司'], ['县财政局']],
    ]);
  });

  it('reads a unit as the subject of its sentence', () => {
    const text = '第一章 保障措施\n\n第九条 市财政局负责将专项经费纳入年度预算。\n\n第十条 加强督查,依法追责。由市纪委监委负责。\n';
    const plan = parseText(text);
    expect(plan.tasks.map((t) => [raws(t.responsible), t.text.includes('纳入年度预算')])).toEqual([
      [['市财政局'], true],
      [['市纪委监委'], false],
    ]);
    expect(roles('三、保障措施\n加大投入。县发改局要会同县直有关部门加强项目储备,定期调度。\n')).toEqual([[['县发改局'], [], ['县直有关部门']]]);
    // a document or a role word is no subject
    expect(roles('三、保障措施\n本规划由市发展改革委负责解释。各牵头单位要会同配合单位细化方案。\n').flat(2)).toEqual([]);
  });
});

// blind batch 11
describe('units taking turns', () => {
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

// blind batch 7
describe('tasks grouped under their unit', () => {
  const text = [
    '某市2024年重点任务分解方案',
    '以下任务按牵头单位分列,配合单位在任务后括号内注明。',
    '二、重点任务分解',
    '(一)市发改委',
    '1.实施扩大有效投资攻坚行动,固定资产投资增长5%以上。(市经信局、市自然资源和规划局配合)',
    '2.深化要素市场化配置改革,开展用能权交易试点。',
    '(二)市教育局',
    '3.新建中小学20所。(市住建局配合)',
    '三、民生实事',
    '市卫生健康委:4.新增普惠托位1000个;5.开展老年人健康体检不少于40万人次。(各县(市、区)政府配合)',
  ].join('\n');

  it('gives each item under a unit heading that unit, as lead when the plan lists tasks by 牵头单位', () => {
    expect(roles(text)).toEqual([
      [['市发改委'], [], ['市经信局', '市自然资源和规划局']],
      [['市发改委'], [], []],
      [['市教育局'], [], ['市住建局']],
      [['市卫生健康委'], [], []],
      [['市卫生健康委'], [], ['各县(市、区)政府']],
    ]);
  });

  it('does not take a heading such as "优化城市空间布局" for a unit', () => {
    const t = parseText(['某区规划', '(六)优化城市空间布局', '1.坚持东进南延。推进开发。(牵头单位:区规划自然资源局;责任单位:区新城建管委)'].join('\n')).tasks;
    expect(t.map((x) => [raws(x.lead), raws(x.responsible)])).toEqual([[['区规划自然资源局'], ['区新城建管委']]]);
  });
});

// blind batch 10
describe('a note after a group of items', () => {
  it('gives units stated after a group of items to the items above', () => {
    const text = [
      '一、重点任务',
      '(一)甲',
      '1.推进甲事项。完成改造。',
      '2.推进乙事项。完成建设。',
      '以上任务由市住建局牵头,市财政局配合。',
      '(二)乙',
      '3.推进丙事项。',
      '4.推进丁事项。',
      '第3项由市教育局牵头,市体育局配合;第4项由市民政局牵头,市卫健委配合。',
    ].join('\n');
    const plan = parseText(text);
    const of = (k: string) => plan.tasks.find((t) => t.text.includes(k) || t.title.includes(k))!;
    expect(raws(of('甲事项').lead)).toEqual(['市住建局']);
    expect(raws(of('乙事项').cooperating)).toEqual(['市财政局']);
    expect(raws(of('丙事项').lead)).toEqual(['市教育局']);
    expect(raws(of('丁事项').lead)).toEqual(['市民政局']);
    expect(raws(of('丁事项').cooperating)).toEqual(['市卫健委']);
  });
});

// blind batch 12
describe('directives in minutes', () => {
  it('reads 会议明确 directives with their units and deadlines in the year of the minutes', () => {
    const plan = parseText(
      '专题会议纪要\n某某市人民政府办公室        2024年7月12日\n一、关于易涝点整治\n会议明确:新建雨水管网不少于35公里,由市住建局牵头实施,市财政局负责资金保障,年底前全部完工。\n二、关于泵站\n会议要求,市水利局要会同市城管局开展检修,于7月20日前完成。\n三、关于资金\n会议明确:市财政局要于7月底前统筹安排资金3000万元。\n',
    );
    const [a, b, c] = plan.tasks;
    expect(raws(a.lead)).toEqual(['市住建局']);
    expect(raws(a.responsible)).toEqual(['市财政局']);
    expect(a.deadline).toBe('2024-12');
    expect(raws(b.lead)).toEqual(['市水利局']);
    expect(raws(b.cooperating)).toEqual(['市城管局']);
    expect(b.deadline).toBe('2024-07-20');
    expect(raws(c.responsible)).toEqual(['市财政局']);
    expect(c.deadline).toBe('2024-07');
    expect(plan.targets.find((t) => t.value === 35)?.year).toBe(2024);
  });
});

// real-G g18 (湖南 农村危房改造): fields of government named before one shared 部门
describe('X部门会同 fields of government 等部门', () => {
  it('reads "发展改革、住房和城乡建设、财政等部门" as three cooperating bodies, as written, and keeps 部门 on a last name without 等', () => {
    expect(
      roles(
        '五、工作措施\n(二)明确工作职责。民政部门会同发展改革、住房和城乡建设、财政等部门负责做好危房改造计划安排。发展改革部门会同民政、住房和城乡建设、财政、扶贫部门负责安排年度投资计划。\n',
      ),
    ).toEqual([
      [['民政部门'], [], ['发展改革', '住房和城乡建设', '财政']],
      [['发展改革部门'], [], ['民政', '住房和城乡建设', '财政', '扶贫部门']],
    ]);
  });
  it('does not read a list of things before 部门 as units', () => {
    const plan = parseText('一、任务\n(一)加强协调。市发展改革委会同项目、资金、土地等部门负责统筹。\n');
    expect(plan.tasks.flatMap((t) => raws(t.cooperating))).not.toContain('项目');
  });
});

// real-N n03, n04 (福建 食品安全 为民办实事): 承办 beside 协办, and roles that open an item before its wording
describe('由X承办,Y协办 and roles opening an item', () => {
  const plan = parseText(
    [
      '某省为民办实事方案',
      '一、治理畜牧业产品污染',
      '由省经贸委承办,省农业厅、卫生厅、公安厅协办。治理工作目标:定点屠宰率达85%以上。',
      '主要措施:',
      '(一)由省经贸委负责,省农业厅、环保局配合,加快省级无公害畜禽基地建设,确定一批省级规模生猪基地。',
      '二、整治乡镇市场',
      '由乡三农服务中心承办,乡畜牧站、卫生院配合。',
    ].join('\n'),
  );
  it('gives the lead to the unit that undertakes the item beside those who help', () => {
    expect(plan.tasks.map((t) => [raws(t.lead), raws(t.responsible), raws(t.cooperating)])).toEqual([
      [['省经贸委'], [], ['省农业厅', '卫生厅', '公安厅']],
      [[], ['省经贸委'], ['省农业厅', '环保局']],
      [['乡三农服务中心'], [], ['乡畜牧站', '卫生院']],
    ]);
  });
  it('names the task by its wording after the roles', () => {
    expect(plan.tasks[1].title).toMatch(/^加快省级无公害畜禽基地建设/);
  });
});

describe('an item whose last clause says who does it ("…,市人力社保局等部门配合市委办落实。")', () => {
  it('leads with the unit served, the others cooperate, and the title keeps no comma', () => {
    const plan = parseText(['某市2024年工作任务分工', '(一)开展青年就业见习活动,市人力社保局等部门配合市委办落实。', '(二)开展技能培训活动。'].join('\n'));
    const t = plan.tasks.find((x) => x.title === '开展青年就业见习活动')!;
    expect(raws(t.lead)).toEqual(['市委办']);
    expect(raws(t.cooperating)).toEqual(['市人力社保局']);
  });
});

describe('duties sentence by sentence under a heading (p08: 陇西县 民生实事 notice)', () => {
  it('gives each sentence opening on a unit its own task, fields of government before one 部门 included', () => {
    const plan = parseText(
      [
        '关于做好2025年民生实事工作的通知',
        '一、工作要求',
        '各牵头单位要制定详细的实事项目推进计划。县发改、住建、自然资源等相关职能部门要开辟绿色通道,优化程序手续。督查室要实行清单管理,及时完善季度台账。',
      ].join('\n'),
    );
    const t = plan.tasks.find((x) => x.title.startsWith('县发改、住建、自然资源等相关职能部门要开辟绿色通道'))!;
    expect(raws(t.responsible)).toEqual(['县发改', '住建', '自然资源']);
    const d = plan.tasks.find((x) => x.title.startsWith('督查室要实行清单管理'))!;
    expect(raws(d.responsible)).toEqual(['督查室']);
  });
});

describe('a duty sentence and the sentences after it in its paragraph (q04: 东至县 危房改造 notice)', () => {
  it('reads 需 as 要, and takes the deadline a later sentence of the paragraph sets', () => {
    const plan = parseText(
      [
        '东至县2016年农村危房改造工作通知',
        '二、及时完善相关程序。各乡镇要严格按照程序确定危改对象。评议工作应认真开展,并将相关会议记录于4月15日前报送我委备案。',
        '三、加快工程进度。县住建委需加大工作力度,确保10月底前全部竣工。',
      ].join('\n'),
    );
    const a = plan.tasks.find((x) => x.text.includes('确定危改对象'))!;
    expect(a.deadline).toBe('2016-04-15');
    const b = plan.tasks.find((x) => x.text.includes('需加大工作力度'))!;
    expect(raws(b.responsible)).toEqual(['县住建委']);
  });
});

describe('sub-district bodies as sentence subjects (q07: 岳阳楼区 会议纪要)', () => {
  it('reads 街道办事处, 社区居委会, 镇, 所, 站 as the bodies they are', () => {
    const plan = parseText(['会议纪要', '(三)吕仙亭街道办事处、龟山社区居委会要加大项目建设协调力度,做好居民群众工作。'].join('\n'));
    expect(raws(plan.tasks[0].responsible)).toEqual(['吕仙亭街道办事处', '龟山社区居委会']);
  });
});

describe("words that end as a township's name does are no bodies (corpus 004)", () => {
  it('reads no duty of "城乡" in the outline\'s goal sentences', () => {
    const plan = parseText(corpusText('004_daddf72c7a72a405.txt'));
    expect(plan.tasks.flatMap((t) => t.responsible.map((u) => u.raw))).not.toContain('城乡');
  });
});

// session 11 (real-AA, AB, AC and the label audits): duties said in meeting news and notices
describe('duties in meeting news and notices', () => {
  const tasksOf = (text: string) =>
    parseText(text).tasks.map((t) => ({ lead: raws(t.lead), responsible: raws(t.responsible), cooperating: raws(t.cooperating), leaders: t.leaders }));

  it('reads a request straight after 会议要求', () => {
    expect(tasksOf('2015年土坯房改造推进会。\n会议要求县住建局做好改造方案,于6月底前上报县政府。\n')).toEqual([
      { lead: [], responsible: ['县住建局'], cooperating: [], leaders: [] },
    ]);
  });

  it('reads "work由<person>牵头,<unit>落实" clause by clause, the person as leader', () => {
    const got = tasksOf('会议决定:全力做好保鲜提升工作。九重区域环境整治由王光玲牵头,九重镇落实;干渠绿化由顾理牵头,林业局落实。\n');
    expect(got.map((t) => [t.responsible, t.leaders])).toEqual([
      [['九重镇'], ['王光玲']],
      [['林业局'], ['顾理']],
    ]);
  });

  it("takes a body's own 将 sentence with a check, not a pledge", () => {
    expect(tasksOf('一、工作要求\n市人民政府督查室将适时对各单位目标完成情况进行督办检查。\n')).toEqual([
      { lead: [], responsible: ['市人民政府督查室'], cooperating: [], leaders: [] },
    ]);
    expect(tasksOf('一、工作要求\n区政府将坚定不移推进高质量发展。\n')).toEqual([]);
  });

  it('reads units, what they go by, then the duty; and X作为…牵头部门', () => {
    expect(tasksOf('(四)发改局、教体局等部门根据明年项目计划和工作安排,务必按照有关要求推荐2个以上的备选项目。\n').map((t) => t.responsible)).toEqual([
      ['发改局', '教体局'],
    ]);
    expect(tasksOf('会议强调。区城管局作为管理整治类任务牵头部门,要切实履职尽责,摸清任务总量。\n').map((t) => t.lead)).toEqual([['区城管局']]);
  });

  it('reads the units after a 根据/按照 lead-in clause, as after a 为 purpose', () => {
    expect(tasksOf('根据《计划》,各市、县(市、区)应及时制定整治改造提升方案,加强项目的谋划和设计。\n').map((t) => t.responsible)).toEqual([
      ['各市、县(市、区)'],
    ]);
    expect(tasksOf('按照省里的统一部署,县住建局要在9月底前完成摸底排查。\n').map((t) => t.responsible)).toEqual([['县住建局']]);
  });

  it('reads a division of labour written as duty lines with no modal, three units or more', () => {
    const text =
      '各部门将全力做好汛期准备:\n县水利局做好水库、山塘的汛前检查;县财政局积极争取落实防汛补助资金。\n\n县应急管理局统筹调配抢险物资,组织开展应急演练。\n县气象局加强监测预报预警。\n';
    expect(tasksOf(text).map((t) => t.responsible)).toEqual([['县水利局'], ['县财政局'], ['县应急管理局'], ['县气象局']]);
    // two such lines alone are prose, not a list of duties
    expect(tasksOf('县水利局做好水库的汛前检查。\n县气象局加强监测预报预警。\n')).toEqual([]);
  });

  it('reads addressees charged by a modal with a piece of work in a later clause of the sentence', () => {
    expect(tasksOf('(一)今年全县重点项目投资目标为80亿元,各项目业主单位必须按时完成年度投资计划。\n').map((t) => t.responsible)).toEqual([['各项目业主单位']]);
    // "…保障任务完成": 完成 with nothing after it names no piece of work
    expect(tasksOf('同时,各级政府要正确履行职责,合理配置公共资源,保障规划目标和任务完成。\n')).toEqual([]);
  });

  it('reads a body by name that will check the work by a date ("市政府将于2010年3月下旬对…进行督查")', () => {
    const got = parseText('四、各县(市、区)要于2010年3月中旬组织自查。市政府将于2010年3月下旬对各地目标责任制落实情况进行督查。\n').tasks;
    expect(got.map((t) => raws(t.responsible))).toEqual([['各县(市、区)'], ['市政府']]);
  });

  it('reads who does the work after 由 inside a sentence, and 请X派出… after an item number', () => {
    const got = parseText(
      '二、清理要求\n2、县城内街小巷的地段,按属地管理原则由城关镇各居委会负责清理、清扫。\n3、对于一时难以清理的垃圾,可与县环卫所联系,由县环卫所帮助清除。\n5、请县电视台派出记者做好采访报道工作。\n',
    ).tasks;
    expect(got.map((t) => raws(t.responsible))).toEqual([['城关镇各居委会'], ['县环卫所'], ['县电视台']]);
    expect(got[2].title).toBe('请县电视台派出记者做好采访报道工作');
    // a default for tasks that name no one, and the document's own boilerplate, are no tasks
    expect(tasksOf('(注:未注明责任单位的,由各县(市)区政府负责落实。)\n本方案自印发之日起施行,由区发展改革委负责解释。\n')).toEqual([]);
  });

  it('reads a unit before 也/还 and its modal ("X也将会同有关部门…", "X还要于…")', () => {
    const got = parseText('会议强调。区水利局也将会同有关部门开展河道专项整治。县财政局还要于6月底前拨付补助资金。\n').tasks;
    expect(got.map((t) => [raws(t.lead), raws(t.responsible), raws(t.cooperating)])).toEqual([
      [['区水利局'], [], ['有关部门']],
      [[], ['县财政局'], []],
    ]);
  });

  it('reads the units a request names before 限期 ("要求相关单位限期予以整改到位")', () => {
    expect(tasksOf('检查组查看了小区周边环境卫生,并现场对发现的问题进行安排,要求相关单位限期予以整改到位。\n').map((t) => t.responsible)).toEqual([
      ['相关单位'],
    ]);
  });

  it('gives units after a ";" that closes the verb clause of a note the same role ("(X、Y分工负责;各乡镇)")', () => {
    expect(tasksOf('1.开展安全生产宣传教育,纳入各级党委理论学习中心组学习内容。(县委宣传部、县应急局分工负责;各乡镇)\n').map((t) => t.responsible)).toEqual([
      ['县委宣传部', '县应急局', '各乡镇'],
    ]);
  });

  it('carries a subject on to ";要…" clauses that name a piece of work of their own', () => {
    const plan = parseText(
      '会议强调。张守锐要求,各级各部门要坚决遏制耕地“非农化”,强化永久基本农田特殊保护;要加快编制国土空间总体规划,全力做好土地要素保障;要扎实做好不动产登记工作。\n',
    );
    const t = plan.tasks.find((x) => x.text.includes('编制国土空间总体规划'));
    expect(t && raws(t.responsible)).toEqual(['各级各部门']);
  });

  it('keeps a bare level after a list opened by 各 with the 各', () => {
    const got = tasksOf('1.扎实推进城市更新。\n责任单位:各开发区、镇(街道)\n2.适时出台政策举措。\n责任单位:市财政局,各区、县(市)政府及开发区管委会\n');
    expect(got.map((t) => t.responsible)).toEqual([['各开发区、镇(街道)'], ['市财政局', '各区、县(市)政府', '开发区管委会']]);
  });

  it('reads the unit named after 由 with the work it carries out ("该项工作由县住建局形成专题报告", "由各县(市、区)农业农村局在网上填报")', () => {
    expect(tasksOf('会议明确,该项工作由县住建局形成专题报告上报区政府。\n').map((t) => t.responsible)).toEqual([['县住建局']]);
    expect(tasksOf('申报材料准备完成后,由各县(市、区)农业农村局在网上填报。\n').map((t) => t.responsible)).toEqual([['各县(市、区)农业农村局']]);
  });

  it('starts the task of a unit that opens a point after ";" at that point ("一是…;二是县发改局要…")', () => {
    const plan = parseText('会议要求:一是各单位会后抓紧将修改意见形成书面材料报送;二是县发改局要按照县长的指示及时将清单修改完善,并于2月9日前报县政府。\n');
    const t = plan.tasks.find((x) => raws(x.responsible).includes('县发改局'));
    expect(t?.title.startsWith('二是县发改局要')).toBe(true);
  });

  it('reads "X牵头,Y、Z等部门密切配合,…" with the adverb before 配合 left out of the names (real-AG)', () => {
    expect(tasksOf('会议指出,要认真做好资料收集。县国土资源局牵头,县发改局、县住建局等部门密切配合,抢抓时间,全力推进永久基本农田划定工作。\n')).toEqual([
      { lead: ['县国土资源局'], responsible: [], cooperating: ['县发改局', '县住建局'], leaders: [] },
    ]);
  });

  it('gives the lead to the unit a sentence subject is to serve ("公路等相关部门要配合车站催促…") (real-AG)', () => {
    expect(tasksOf('4、公路等相关部门要配合车站催促和抓好参运车辆的按序排班,严禁窜线。\n').map((t) => [t.lead, t.cooperating])).toEqual([
      [['车站'], ['公路等相关部门']],
    ]);
  });

  it('does not read "X要求" as X charged by 要, and carries a request\'s units into its ";要…" clauses (real-AG)', () => {
    const plan = parseText(
      '公安部交管局要求,各地公安交管部门主动应对各类风险,要聚焦新形势新特点;要扎实开展隐患排查,重点督促运输企业落实安全主体责任;要全面排查治理易堵点段。\n',
    );
    expect(plan.tasks.map((t) => raws(t.responsible))).toEqual([['各地公安交管部门'], ['各地公安交管部门']]);
    expect(plan.tasks.some((t) => raws(t.responsible).includes('公安部交管局'))).toBe(false);
  });

  it('reads no duty of an employer or a contractor bound by a regulation ("用人单位应当…", "施工总承包单位应当…") (real-AG)', () => {
    const got = tasksOf(
      '(一)加强劳动合同管理。用人单位应当依法订立劳动合同。(责任单位:市人社局、市住建局等部门)\n(二)完善实名制管理。施工总承包单位应当依法进行用工实名登记。监理单位应将实名制管理纳入监管范围。(责任单位:市住建局)\n',
    );
    expect(got.map((t) => t.responsible)).toEqual([['市人社局', '市住建局'], ['市住建局']]);
  });

  it('gives units said once for every item below to each item, the list parted by commas ("以下均需X,Y、Z负责落实,不再列出") (real-AG)', () => {
    const got = tasksOf(
      '(一)加强合同管理。订立劳动合同。(责任单位:市人社局。以下均需各县市区人民政府,阜阳经开区、阜合园区管委会负责落实,不再列出)\n(二)完善实名制管理。进行用工实名登记。(责任单位:市住建局)\n',
    );
    expect(got.map((t) => t.responsible)).toEqual([
      ['市人社局', '各县市区人民政府', '阜阳经开区', '阜合园区管委会'],
      ['市住建局', '各县市区人民政府', '阜阳经开区', '阜合园区管委会'],
    ]);
  });

  it('reads an office in every place written with its field in parentheses, and 推行/健全…制度 as a piece of work for addressees (real-AG)', () => {
    expect(tasksOf('通知提出,各省级住房和城乡建设(园林绿化)主管部门要研究制定本地区建设实施方案。\n').map((t) => t.responsible)).toEqual([
      ['各省级住房和城乡建设(园林绿化)主管部门'],
    ]);
    expect(tasksOf('各地要在工程建设领域积极推行工程担保制度。各地要进一步健全农民工工资支付保证金制度。各地要高度重视。\n').map((t) => t.responsible)).toEqual(
      [['各地'], ['各地']],
    );
  });

  it('reads fields of government named before one 部门 that include 疾控, 海关, 工商联 (real-AH)', () => {
    expect(
      tasksOf(
        '卫生健康、疾控部门要将艾滋病防治知识纳入健康素养内容。交通运输、海关、市场监管、公安等部门要督促车站、机场开展宣传。疾控、工商联等部门要组织开展培训。\n',
      ).map((t) => t.responsible),
    ).toEqual([
      ['卫生健康', '疾控部门'],
      ['交通运输', '海关', '市场监管', '公安'],
      ['疾控', '工商联'],
    ]);
  });

  it('gives each piece of work in a ";" list its own task ("有3项由X牵头,分别是A;B;C", "X、Y等分工负责A;B") (real-AH)', () => {
    const plan = parseText(
      '需要国家卫生健康委参加的工作共计12项,有3项由国家卫生健康委牵头,分别是抓好传染病防治;抓好青少年近视防治;完善生育配套政策。《意见》明确,国家卫生健康委、财政部等分工负责深化公立医院综合改革;促进社会办医。\n',
    );
    expect(plan.tasks.map((t) => [raws(t.lead), raws(t.responsible)])).toEqual([
      [['国家卫生健康委'], []],
      [['国家卫生健康委'], []],
      [['国家卫生健康委'], []],
      [[], ['国家卫生健康委', '财政部']],
      [[], ['国家卫生健康委', '财政部']],
    ]);
    expect(plan.tasks[1].title).toBe('抓好青少年近视防治');
  });

  it('reads 牵头指导 / 牵头协调 in a note as 牵头 (real-AH)', () => {
    expect(
      tasksOf('(一)城市排水防涝设施。排查排涝通道、泵站等问题。(住房和城乡建设部牵头指导,城市人民政府负责落实)\n').map((t) => [t.lead, t.responsible]),
    ).toEqual([[['住房和城乡建设部'], ['城市人民政府']]]);
  });

  it('reads a note whose last clause says when ("(X牵头,Y等按职责分工负责,2018年3月底前完成)") (real-AH)', () => {
    const plan = parseText(
      '1.全面摸排风险。认真组织摸排安全风险。(安全监管总局牵头,工业和信息化部、公安部等按职责分工负责,2018年3月底前完成)\n2.加强管控。研究制定目录。(各有关部门按职责分工负责,持续推进)\n',
    );
    expect(plan.tasks.map((t) => [raws(t.lead), raws(t.responsible), t.deadline])).toEqual([
      [['安全监管总局'], ['工业和信息化部', '公安部'], '2018-03'],
      [[], ['各有关部门'], null],
    ]);
  });

  it('reads news of a division: "A被纳入其中,X成为责任单位", "…由X、Y等多部门分工负责" (real-AI, real-AH)', () => {
    expect(
      tasksOf('近日,市政府印发《重点工作分工方案》。完善县乡村三级电子商务和物流快递配送体系被纳入其中,市邮政管理局成为责任单位。\n').map((t) => t.responsible),
    ).toEqual([['市邮政管理局']]);
    expect(tasksOf('寄递物流体系建设被纳入重点任务,由省发改委、商务厅、供销社等多部门分工负责。\n').map((t) => t.responsible)).toEqual([
      ['省发改委', '商务厅', '供销社'],
    ]);
  });

  it('reads "明确X负责…" with X the subject, not "明确X" (real-AI)', () => {
    expect(tasksOf('明确民政部门负责制定殡葬管理政策标准,组织实施殡葬改革工作。\n').map((t) => t.responsible)).toEqual([['民政部门']]);
  });

  it('reads "由X会同Y根据…确定" and drops the count after a list of bodies ("…、市场监督管理局七部门将…") (real-AJ)', () => {
    expect(tasksOf('具体标准由县(市、区)教育行政部门会同相关部门根据当地经济社会发展状况等因素确定。\n').map((t) => [t.lead, t.cooperating])).toEqual([
      [['县(市、区)教育行政部门'], ['相关部门']],
    ]);
    expect(
      tasksOf('省住房和城乡建设厅、公安厅、水利厅、市场监督管理局七部门将在2019年9月至12月联合开展打击违规海砂专项行动。\n').map((t) => t.responsible),
    ).toEqual([['省住房和城乡建设厅', '公安厅', '水利厅', '市场监督管理局']]);
  });

  it('reads a date, then the place or body that finishes a piece of work by it ("6月底前,郑州市完成…;12月底前,其他省辖市(含…)完成…") (real-AJ)', () => {
    expect(
      tasksOf('今年将推动完成:①6月底前,郑州市完成声环境功能区评估工作;12月底前,其他省辖市(含济源示范区)完成声环境功能区评估工作。\n').map((t) => t.responsible),
    ).toEqual([['郑州市'], ['其他省辖市(含济源示范区)']]);
    expect(tasksOf('12月底前,全市完成声环境功能区评估工作。\n')).toEqual([]);
  });

  it('reads "纳入…规划/预算" as a piece of work for addressees, and "由X会同Y统筹提出" (real-AJ, real-AK)', () => {
    expect(tasksOf('各级政府要将5G网络建设纳入年度重点工作计划。\n').map((t) => t.responsible)).toEqual([['各级政府']]);
    expect(tasksOf('建设规划由县住建局会同县发改局统筹提出。\n').map((t) => [t.lead, t.cooperating])).toEqual([[['县住建局'], ['县发改局']]]);
  });

  it('reads the units a request names before 成立 ("要求各单位成立相应的春运工作机构") (real-AL)', () => {
    expect(
      tasksOf('办公室负责春运期间工作联系。要求各单位成立相应的春运工作机构,在局春运领导小组的统一指挥下扎实开展各项工作。\n').map((t) => t.responsible),
    ).toContainEqual(['各单位']);
  });

  it('reads "明确X要会同Y…" with X the lead, and a run-in heading "明确目标、落实责任" as no unit (real-AK)', () => {
    expect(tasksOf('明确各地教育部门要会同卫生健康、市场监管部门加大学校食品安全知识宣传力度。\n').map((t) => t.lead)).toEqual([['各地教育部门']]);
    expect(tasksOf('(二)明确目标、落实责任各级各部门要按照工作目标要求,制定具体的工作方案,量化细化工作指标。\n').map((t) => t.responsible)).toEqual([
      ['各级各部门'],
    ]);
  });
  it('reads a body of a place opening its sentence with a piece of work and no modal ("县平安办成立四个实地考评组…"), not a past event, a meeting held or a sentence of a paragraph whose note comes later (all batches)', () => {
    expect(
      tasksOf('(三)请县融媒体中心加大宣传力度;县政务公开办在县政府门户网站开设民生实事征集专栏,确保征集工作的广泛性。\n').map((t) => t.responsible),
    ).toContainEqual(['县政务公开办']);
    expect(tasksOf('县平安办成立四个实地考评组,对各乡镇进行实地考评。\n').map((t) => t.responsible)).toEqual([['县平安办']]);
    expect(tasksOf('县平安办成立了四个实地考评组,对各乡镇进行了实地考评。\n')).toEqual([]);
    expect(tasksOf('县农业农村局组织召开党组会议和全体干部职工大会,传达学习会议精神。\n')).toEqual([]);
    expect(
      tasksOf(
        '一、推进重大项目建设\n建立健全领导联系重点项目制度;省人民政府对各州、市人民政府实施年度目标责任管理;省财政新增筹措前期工作经费3亿元。(省发展改革委、财政厅牵头,各州、市人民政府配合)\n',
      ).map((t) => t.lead),
    ).toEqual([['省发展改革委', '财政厅']]);
  });
  it('reads 政协 and 人大 as bodies ("市政协将近期完成…"), and a date, then addressees that finish all of it ("7月30日前,各承办单位全部办理完成") (real-AM)', () => {
    expect(tasksOf('市政协将近期完成重点提案遴选工作。\n').map((t) => t.responsible)).toEqual([['市政协']]);
    expect(tasksOf('7月30日前,各承办单位全部办理完成。\n').map((t) => t.responsible)).toEqual([['各承办单位']]);
  });
  it('reads a request after a clause of context ("…,请各事涉部门对存在的问题立即进行整改,并于5月20日前…") and "要求X在…期间…" (real-AM)', () => {
    expect(tasksOf('区政府督查室共梳理出11条问题,请各事涉部门对存在的问题立即进行整改,并于5月20日前将问题整改完成。\n').map((t) => t.responsible)).toEqual([
      ['各事涉部门'],
    ]);
    expect(tasksOf('现将方案印发给你们,请各单位认真贯彻执行。\n')).toEqual([]);
    expect(tasksOf('同时,要求各审计组在被审计单位整改期间积极采取上门协调等有效方式,督促被审计单位限期完成整改。\n').map((t) => t.responsible)).toEqual([
      ['各审计组'],
    ]);
  });
  it('reads no duty in news of who wrote a document ("日前,由上海市民政局会同…编制的《…规划》正式发布") (real-AO)', () => {
    expect(tasksOf('日前,由上海市民政局会同上海市规划和自然资源局编制的《上海市养老服务设施布局专项规划》正式发布。\n')).toEqual([]);
    expect(tasksOf('具体办法由市民政局会同市财政局制定。\n').map((t) => t.lead)).toEqual([['市民政局']]);
  });
  it('takes "开展…宣传教育活动" as a piece of work for addressees, and work with a plan, a ledger or a deadline beside an exhortation (all batches)', () => {
    expect(tasksOf('各地各有关部门要定期开展多种形式的健康教育活动。\n').map((t) => t.responsible)).toEqual([['各地各有关部门']]);
    expect(tasksOf('各相关部门要高度重视,制定可行的建设方案。\n').map((t) => t.responsible)).toEqual([['各相关部门']]);
    expect(tasksOf('各有关单位要高度重视,加强组织领导,确保各项任务落到实处。\n')).toEqual([]);
  });
  it('reads a division of labour after a colon, ";" clauses each opening on a unit by name ("…压实各部门职责:住建局统筹…;应急局严管…;市场监管局从…严控…") (real-AP)', () => {
    const text =
      '会议进一步压实各部门职责:住建局统筹协调全局,督促燃气企业落实主体责任;应急局严管工业燃料违规民用行为;市场监管局从生产销售端严控燃气产品质量。\n';
    expect(tasksOf(text).map((t) => t.responsible)).toEqual([['住建局'], ['应急局'], ['市场监管局']]);
    expect(tasksOf('会议明确了各部门职责:一是加强领导;二是压实责任;三是强化督查。\n')).toEqual([]);
  });
  it('reads 特区 as a level sharing the 各 ("各县、特区、区人民政府"), and drops an "(附件1)" note from a name (real-AR)', () => {
    expect(tasksOf('各县、特区、区人民政府要于6月底前完成摸底。\n').map((t) => t.responsible)).toEqual([['各县、特区、区人民政府']]);
    expect(tasksOf('请各参会单位(附件1)认真研究,于5月20日前报送书面意见。\n').map((t) => t.responsible)).toEqual([['各参会单位']]);
  });
  it('reads duties by unit with no item number, a line each or run on ("县环保局。负责…。县交通局、公路局:负责…") (real-AQ)', () => {
    const run =
      '县环保局。负责对全县秸秆禁烧工作实施统一监督。县交通局、公路局:负责对全县国道两侧燃烧秸秆情况的巡查。县农委:负责全县秸秆综合利用工作的督导。\n';
    expect(tasksOf(run).map((t) => t.responsible)).toEqual([['县环保局'], ['县交通局', '公路局'], ['县农委']]);
    expect(tasksOf('工作目标:负责全县秸秆综合利用。\n')).toEqual([]);
  });
  it('reads "X作为实施主体" and "X作为项目实施的主体" as X charged (real-AS)', () => {
    expect(tasksOf('各区住建局作为项目实施的主体,要于10月10日前完成管网改造。\n').map((t) => t.responsible)).toEqual([['各区住建局']]);
    expect(tasksOf('各乡镇作为实施主体,要迅速行动,全面开展环境整治。\n').map((t) => t.responsible)).toEqual([['各乡镇']]);
  });
  it('reads a body by name opening a later clause with a duty of its own as a new task ("…报送市政府督查室,市政府办公厅将及时予以通报") (all batches)', () => {
    const text = '各责任单位要在3月底前,把重点工作完成情况报送市政府督查室,市政府办公厅将及时予以通报。\n';
    expect(parseText(text).tasks.map((t) => [t.title, raws(t.responsible)])).toEqual([
      ['各责任单位要在3月底前,把重点工作完成情况报送市政府督查室', ['各责任单位']],
      ['市政府办公厅将及时予以通报', ['市政府办公厅']],
    ]);
    expect(tasksOf('各单位要认真研究所负责的重点工作,于3月底前报送方案。\n').map((t) => t.responsible)).toEqual([['各单位']]);
  });
  it('reads "X负责,<work>" opening an item with a unit named without a place ("(三)莆田出入境检验检疫局负责,重点加强…"), and a line broken inside a 《title》 as one line (real-AV)', () => {
    const text =
      '(一)市食安办负责,市食安委有关委员单位配合,深入宣传贯彻《\n食品安全法》,制定宣传方案,部署安排学习。\n(三)莆田出入境检验检疫局负责,重点加强高风险肉类等进出口食品监控。\n';
    const plan = parseText(text);
    expect(plan.tasks.map((t) => raws(t.responsible))).toEqual([['市食安办'], ['莆田出入境检验检疫局']]);
    expect(plan.tasks[0].text).toContain('制定宣传方案');
    expect(tasksOf('(四)检验检疫负责,具体见附件。\n')).toEqual([]);
  });
  it('reads "Y由X负责组建" and "由X另行制定" mid-sentence, and each numbered item under "X主要职责:" as X\'s task (real-AZ)', () => {
    const text = '二、改革小区管理方式\n现有住宅小区管委会由街道办事处负责组建。\n选举产生方法,由市房地产管理局另行制定。\n';
    expect(tasksOf(text).map((t) => t.responsible)).toEqual([['街道办事处'], ['市房地产管理局']]);
    expect(tasksOf('二、工作安排\n经由区民政局负责审核的项目已全部完成。\n')).toEqual([]);
    const list = '各街道办事处主要职责:\n1.负责辖区内住宅小区的综合治理;\n2.负责组建小区管委会,并派员主持工作。\n二、改革小区管理方式\n';
    expect(parseText(list).tasks.map((t) => [t.title, raws(t.responsible)])).toEqual([
      ['负责辖区内住宅小区的综合治理', ['各街道办事处']],
      ['负责组建小区管委会,并派员主持工作', ['各街道办事处']],
    ]);
  });
  it('reads a request after "正要求"/"同时要求" with 随时/提前/一要 work, and roles opening a later sentence of a paragraph as that sentence\'s task (real-AV, AZ, AT)', () => {
    expect(tasksOf('从8月2日起,全省实行救灾防病日报制度,要求灾区卫生部门随时报告灾情、疫情。\n').map((t) => t.responsible)).toEqual([['灾区卫生部门']]);
    expect(tasksOf('目前,正要求各县区提前思考明年工作、超前谋划明年任务。\n').map((t) => t.responsible)).toEqual([['各县区']]);
    const text = '明确了各项任务的分工。由国家中医药管理局牵头,国务院扶贫办、农业农村部负责,推动深入实施中药材产业扶贫行动。由国家药监局牵头,建立健全中药安全评价方法。\n';
    expect(parseText(text).tasks.map((t) => [t.title, raws(t.lead), raws(t.responsible)])).toEqual([
      ['推动深入实施中药材产业扶贫行动', ['国家中医药管理局'], ['国务院扶贫办', '农业农村部']],
      ['建立健全中药安全评价方法', ['国家药监局'], []],
    ]);
  });
  it('reads addressees straight after a date with no comma ("6月底前各县市区完成事项清单梳理") (real-AT)', () => {
    expect(tasksOf('2019年实施方案。6月底前各县市区完成事项清单梳理。\n').map((t) => t.responsible)).toEqual([['各县市区']]);
    expect(tasksOf('2019年实施方案。6月底前完成事项清单梳理。\n')).toEqual([]);
  });
});

describe('every city of a province opening a sentence with its work (real-BL bl04)', () => {
  it('reads "各市组织对…进行梳理" as a duty of 各市, no modal needed', () => {
    const tasks = parseText('(二)排查梳理(2023年8月10日前)。各市组织对2023年1月至6月辖区内所有投诉举报情况进行梳理,建立问题台账。\n').tasks;
    expect(tasks.map((t) => t.responsible.map((u) => u.raw))).toEqual([['各市']]);
    // (no date, no modal: the places opening the sentence are the line's only cue)
    expect(parseText('各乡镇组织对辖区内所有投诉举报情况进行梳理,建立问题台账。\n').tasks.map((t) => t.responsible.map((u) => u.raw))).toEqual([['各乡镇']]);
  });
});

describe('协同 with partners reads as 会同 (real-BM bm02)', () => {
  it('makes the subject lead and its partners cooperating, the partners ending before "对…"', () => {
    const tasks = parseText('区考核办要协同相关责任部门对各单位目标任务完成情况进行考核。\n').tasks;
    expect(tasks.map((t) => [t.lead.map((u) => u.raw), t.cooperating.map((u) => u.raw)])).toEqual([[['区考核办'], ['相关责任部门']]]);
    const met = parseText('区发改局要会同区财政局对各单位项目资金进行核查。\n').tasks;
    expect(met.map((t) => [t.lead.map((u) => u.raw), t.cooperating.map((u) => u.raw)])).toEqual([[['区发改局'], ['区财政局']]]);
  });
});

describe('a numbered request in minutes (real-BO bo01 layout)', () => {
  it('reads "(一)请X尽快完成…" as X\'s duty, the 请 no part of the name', () => {
    const tasks = parseText('会议纪要\n(一)请区住建局尽快完成相关资料汇总。\n(二)请区财政局做好资金保障。\n').tasks;
    expect(tasks.map((t) => t.responsible.map((u) => u.raw))).toEqual([['区住建局'], ['区财政局']]);
  });
});

describe('an office asking the units it oversees (real-BO bo05)', () => {
  it('reads "市老旧办要求各区加快…" as a duty of 各区', () => {
    const tasks = parseText('近日,市老旧办要求各区加快完善改造程序,确保项目按时开工。\n').tasks;
    expect(tasks.map((t) => t.responsible.map((u) => u.raw))).toEqual([['各区']]);
  });
});

describe('由X with how often and a check it carries out (real-BN bn07)', () => {
  it('reads "由街道纪工委每周督查通报" as the 纪工委\'s duty, not a name that holds 督查', () => {
    const tasks = parseText('压实责任,闭环管理。将任务完成情况纳入绩效考核,由街道纪工委每周督查通报,并对推进不力的责任人进行约谈提醒。\n').tasks;
    expect(tasks.some((t) => t.responsible.map((u) => u.raw).join() === '街道纪工委')).toBe(true);
    const named = parseText('由县委督查室、县考核办组建联合督查组,对招商引资工作实行一月一督查。\n').tasks;
    expect(named.flatMap((t) => t.responsible.map((u) => u.raw))).not.toContain('县委');
  });
});

describe('a standard or a share handed to a unit by 由 (real-AI ai06)', () => {
  it('reads "具体标准由所在地乡镇制定" as the towns\' duty', () => {
    const tasks = parseText('公益性公墓建设补助资金实行以奖代补,具体标准由所在地乡镇制定。\n').tasks;
    expect(tasks.map((t) => t.responsible.map((u) => u.raw))).toEqual([['所在地乡镇']]);
  });
});

describe('a named body whose piece of work comes late in a long sentence (real-BJ bj04)', () => {
  it('reads the body\'s duty when the work is named past the first hundred characters', () => {
    const text =
      '会议对2023年工作提出了具体工作目标:2023年,区文旅广体局要围绕区委“135”工作思路,坚定以打造“文旅融合标杆区”为目标,加快推进文旅融合发展,2023年要力争举办湖南(益阳)首届兰溪双桡龙舟文化旅游艺术节,创评一家4A级旅游景区,组织编制好《曾三故居修缮方案》。\n';
    expect(parseText(text).tasks.map((t) => t.responsible.map((u) => u.raw))).toEqual([['区文旅广体局']]);
  });
});

describe('review mends of session 16 (协同 without partners, 单位 tables)', () => {
  it('reads "X要协同做好…" as X\'s own duty when no partner is named', () => {
    const tasks = parseText('市城管局要协同做好督办工作。\n').tasks;
    expect(tasks.map((t) => [t.responsible.map((u) => u.raw), t.cooperating.map((u) => u.raw)])).toEqual([[['市城管局'], []]]);
  });
  it('gives a table by 单位 no rows as units by their whole spaced names', () => {
    const tasks = parseText('某市2024年就业任务\n单位 | 新增就业(人)\n工业企业 | 50\n市本级 | 30\n服务企业 | 40\n').tasks;
    expect(tasks.flatMap((t) => t.responsible.map((u) => u.raw))).not.toContain('工业企业');
  });
});

describe('member duties under headings that name the member (real-BT bt05)', () => {
  it('reads a garrison and a province-named company as the heading units', () => {
    const text =
      '2.2职责任务。\n(1)市林业局。\n负责火灾扑救的组织工作。\n(2)沈阳警备区。\n负责协调、指挥、调动当地驻军参加森林火灾扑救工作。\n' +
      '(3)辽宁移动通讯有限责任公司沈阳分公司。\n负责通讯的畅通。\n(4)市公安局。\n负责火灾区域内的治安管理。\n';
    expect(parseText(text).tasks.map((t) => t.responsible.map((u) => u.raw))).toEqual([['市林业局'], ['沈阳警备区'], ['辽宁移动通讯有限责任公司沈阳分公司'], ['市公安局']]);
  });
});

describe('会同 partners end before a preposition (real-BU bu06)', () => {
  it('reads "会同市人大选任工委、市政协提案委就办理工作…" as two partners', () => {
    const tasks = parseText('市政府督查室将会同市人大选任工委、市政协提案委就办理工作情况适时开展督查。\n').tasks;
    expect(tasks.map((t) => [t.lead.map((u) => u.raw), t.cooperating.map((u) => u.raw)])).toEqual([[['市政府督查室'], ['市人大选任工委', '市政协提案委']]]);
  });
});

describe('a paragraph of sentences with subjects of their own, one opening on an exhortation (real-BU bu06)', () => {
  it('makes each named body\'s sentence a task and leaves the exhortation of everyone out', () => {
    const tasks = parseText(
      '各承办单位要在收到建议、提案之日起3个月内办理完毕并答复代表和委员。对于涉及几个单位办理的建议、提案,主办单位要主动与会办单位沟通、协商,汇总有关意见并答复代表、委员;会办单位应积极配合,将本单位意见于1个月内函告主办单位。\n',
    ).tasks;
    // (the addressees' own sentence with a deadline is a task of its own, not one with the 会办单位 after it)
    expect(tasks[0].responsible.map((u) => u.raw)).toEqual(['各承办单位']);
  });
});

describe('a bare 部门 names no one', () => {
  it('reads no subject "部门" in a sentence that charges "各乡镇(街道)、部门"', () => {
    const tasks = parseText('各乡镇(街道)、部门要主动与县自然资源局对接,做好规划衔接。\n').tasks;
    expect(tasks.flatMap((t) => t.responsible.map((u) => u.raw))).not.toContain('部门');
  });
});

describe('a duty after a document quoted by name and this year\'s date (real-BF bf05)', () => {
  it('reads "《通知》要求,今年11月底前,市经信委要…" as 市经信委\'s duty', () => {
    const tasks = parseText('2016年民生实事。\n《通知》要求,今年11月底前,市经信委要力争新增发放至少500万张基于“北京通”标准的卡片。\n').tasks;
    expect(tasks.map((t) => t.responsible.map((u) => u.raw))).toEqual([['市经信委']]);
  });
});

describe('a check is a piece of work (real-AM am15, real-BD bd11)', () => {
  it('reads "三是…,县政府办要对照办理进度,…核实…" as the office\'s duty', () => {
    const tasks = parseText('三是注重办理结果,县政府办要对照办理进度,结合实地走访调研、电话随机抽查等多种形式,核实承办单位的办结率、满意度。\n').tasks;
    expect(tasks.map((t) => t.responsible.map((u) => u.raw))).toEqual([['县政府办']]);
  });
});

describe('a share done is not a piece of work (real-CB cb08)', () => {
  it('reads no duty in "各市州完成率分别为:长沙市76.43%、…"', () => {
    const tasks = parseText('2019年农村改厕进展。\n各市州完成率分别为:长沙市76.43%、衡阳市28.85%、株洲市58.84%。\n').tasks;
    expect(tasks.filter((t) => t.responsible.length || t.lead.length)).toEqual([]);
  });
});

describe('the body named after 由 just after a quoted name (real-CB cb03)', () => {
  it('reads "“河长制”由县水资源管理委员会组织实施" as the committee\'s duty', () => {
    const tasks = parseText('县河长制实施方案。\n(一)组织协调机构。“河长制”由县水资源管理委员会组织实施。\n').tasks;
    expect(tasks.map((t) => t.responsible.map((u) => u.raw))).toEqual([['县水资源管理委员会']]);
  });
});

describe('the span the work runs in before who does it (real-CA ca07, real-AI ai09)', () => {
  it('reads "2011年9月20日至2011年12月31日,X和Y、Z负责对口督查…" as their duty', () => {
    const tasks = parseText(
      '二、工作职责\n2011年9月20日至2011年12月31日,省住房城乡建设厅机关有关处室和省建筑工程标准定额站、省建筑工程质量监督总站负责对口督查18个省辖市和10个直管县2011年度保障性安居工程工作。\n',
    ).tasks;
    expect(tasks.map((t) => t.responsible.map((u) => u.raw))).toEqual([['省住房城乡建设厅机关有关处室', '省建筑工程标准定额站', '省建筑工程质量监督总站']]);
  });
});

describe('a deadline makes a carried ";要…" clause a piece of work (real-CE ce01, real-BU bu10)', () => {
  it('reads "X要建立问题清单…;要在2017年10月前停止使用…" as two tasks of X', () => {
    const tasks = parseText('各乡镇、相关部门要建立问题清单,制定问题整改措施;要在2017年10月前停止使用10蒸吨以下的燃煤小锅炉;要高度重视,形成合力。\n').tasks;
    expect(tasks.map((t) => [t.responsible.map((u) => u.raw), t.deadline])).toEqual([
      [['各乡镇', '相关部门'], null],
      [['各乡镇', '相关部门'], '2017-10'],
    ]);
  });
});

describe('a long 会同 list (real-CC cc03)', () => {
  it('reads all nine partners of "由发展改革委会同中央农办、农业部、…、粮食局等部门研究提出落实意见"', () => {
    const tasks = parseText('一、工作分工\n(一)关于“实施国家粮食安全战略”的问题,由发展改革委会同中央农办、农业部、财政部、科技部、国土资源部、水利部、商务部、统计局、粮食局等部门研究提出落实意见。\n').tasks;
    expect(tasks.map((t) => [t.lead.map((u) => u.raw), t.cooperating.length])).toEqual([[['发展改革委'], 9]]);
  });
});

describe('a request to send in a report by a date (real-CC cc01)', () => {
  it('reads "请各单位将…分别于7月1日、10月1日、12月1日前报厅办公室,厅办公室将汇总上报…" as two duties', () => {
    const tasks = parseText('请各单位将半年、前三季度、全年落实情况分别于7月1日、10月1日、12月1日前报厅办公室,厅办公室将汇总上报省政府办公厅。\n').tasks;
    expect(tasks.map((t) => t.responsible.map((u) => u.raw))).toEqual([['各单位'], ['厅办公室']]);
  });
});

describe('做好 opens a body\'s duty with no modal (real-H h13, real-AQ aq04)', () => {
  it('reads "区府办公室按照…抓好跟进督办" as the office\'s duty', () => {
    const tasks = parseText('(二)“亮灯”预警与约谈整改相结合。区府办公室按照确定的督查重点任务节点目标抓好跟进督办,实行季度“亮灯”管理。\n').tasks;
    expect(tasks.map((t) => t.responsible.map((u) => u.raw))).toEqual([['区府办公室']]);
  });
});

describe('联合 with its partners reads as 会同 (real-AP ap12; README session 17)', () => {
  it('reads "区发改局联合区统计局开展…" as 区发改局 leading, 区统计局 cooperating', () => {
    const tasks = parseText('区发改局联合区统计局开展经济运行调研,于6月底前完成分析报告。\n').tasks;
    expect(tasks.map((t) => [t.lead.map((u) => u.raw), t.cooperating.map((u) => u.raw)])).toEqual([[['区发改局'], ['区统计局']]]);
  });
  it('keeps "X、Y将联合对有关市实施约谈" as a duty of both', () => {
    const tasks = parseText('省环保厅、省住房城乡建设厅将联合对有关市实施约谈、督办。\n').tasks;
    expect(tasks.map((t) => [t.lead.length, t.responsible.map((u) => u.raw)])).toEqual([[0, ['省环保厅', '省住房城乡建设厅']]]);
  });
});

describe('a request after a comma in a sentence with no other cue (real-CH ch02)', () => {
  it('reads "…配套文件,请区贸工局、科技局根据会议意见作进一步修改后按程序报区政府发文实施" as their duty', () => {
    const tasks = parseText('会议审议了《龙岗区关于加强引进项目管理的实施意见》等配套文件,请区贸工局、科技局根据会议意见作进一步修改后按程序报区政府发文实施。\n').tasks;
    expect(tasks.map((t) => t.responsible.map((u) => u.raw))).toEqual([['区贸工局', '科技局']]);
  });
});

describe('fields of government named bare before 等部门 in a verb clause (real-V v07, real-CH ch01)', () => {
  it('reads "发改、农业农村、林业等部门积极参与" as the helpers of the lead', () => {
    const tasks = parseText('会议要求,自然资源规划部门牵头,发改、农业农村、林业等部门积极参与,做实国土空间规划编制工作。\n').tasks;
    expect(tasks.map((t) => [t.lead.map((u) => u.raw), t.cooperating.map((u) => u.raw)])).toEqual([[['自然资源规划部门'], ['发改', '农业农村', '林业']]]);
  });
});

describe('a partner named 街道办事处 after 会同 (real-CL cl03)', () => {
  it('keeps the whole name, not "街道办"', () => {
    const tasks = parseText('住建部门要会同街道办事处督促物业服务企业落实整改。\n').tasks;
    expect(tasks.map((t) => [t.lead.map((u) => u.raw), t.cooperating.map((u) => u.raw)])).toEqual([[['住建部门'], ['街道办事处']]]);
  });
});

describe('what the duty is about, then who (real-F f01, real-P p16)', () => {
  it('reads "对于…的责任事项,相关责任单位要及时报告…" as the units\' duty', () => {
    const tasks = parseText('对于一些办理难度大、涉及面广的责任事项,相关责任单位要及时报告推进落实过程中存在的困难和问题,提请市人民政府分管负责同志研究协调解决。\n').tasks;
    expect(tasks.map((t) => t.responsible.map((u) => u.raw))).toEqual([['相关责任单位']]);
  });
  it('does not take the body that asks for the subject ("针对…,督查组…要求各责任单位要…")', () => {
    const tasks = parseText('针对督查过程中发现的问题,督查组现场予以反馈并要求各责任单位要严格按照县委的总体部署和要求,狠抓整改落实。\n').tasks;
    expect(tasks.flatMap((t) => t.responsible.map((u) => u.raw))).not.toContain('督查组现场予以反馈并要求各责任单位');
  });
});

describe('collectives charged with a piece of work (real-CS cs01, cs05)', () => {
  it('takes a date after 确保 as the work\'s deadline ("各地要抓紧完善…,确保3月底前全面完成…")', () => {
    const tasks = parseText('各地要抓紧完善秸秆离田工作方案,分类实施离田,合理设置存贮场所,确保3月底前全面完成秸秆离田工作。\n').tasks;
    expect(tasks.map((t) => t.responsible.map((u) => u.raw))).toEqual([['各地']]);
  });
  it('reads 纳入…绩效目标 as a piece of work', () => {
    const tasks = parseText('各责任单位要将办理工作纳入本单位绩效目标,高效管理。\n').tasks;
    expect(tasks.map((t) => t.responsible.map((u) => u.raw))).toEqual([['各责任单位']]);
  });
});

describe('a leader\'s post and name, then 要求 (real-CV cv03, real-CN cn10)', () => {
  it('reads "常务副镇长方仁良要求各村要…" as a request to 各村, not a unit named "常务副镇长方仁良要求各村"', () => {
    const tasks = parseText('在实地查看了十二个村种植情况后,常务副镇长方仁良要求各村要做好农户思想工作,于10月15日前完成油菜播种。\n').tasks;
    expect(tasks.map((t) => t.responsible.map((u) => u.raw))).toEqual([['各村']]);
  });
});

describe('a problem list\'s "整改要求:由X负责…" lines (real-CW cw04)', () => {
  it('reads the unit after "整改要求:由", its part in the campaign ("包片单位") left out', () => {
    const text =
      '1、西大桥西侧河边堤岸警示牌沿线有垃圾死角和建筑垃圾。\n整改要求:由县环卫站负责清除上述地段垃圾死角和建筑垃圾。\n' +
      '2、平利花园对面迎宾大道南围墙上有牛皮癣和野广告。\n整改要求:由包片单位县气象局负责清除。\n';
    expect(parseText(text).tasks.filter((t) => t.responsible.length).map((t) => t.responsible.map((u) => u.raw))).toEqual([['县环卫站'], ['县气象局']]);
  });
});

describe('应 inside a unit\'s name is not the modal 应 (real-CH ch01, d21, bv01)', () => {
  it('reads "县文旅体局、县应急局要…" as two units, not a subject cut at the 应 of 应急局', () => {
    const tasks = parseText('一、工作任务\n县文旅体局、县应急局要结合地理位置,做到科学布点。\n').tasks;
    expect(tasks.map((t) => t.responsible.map((u) => u.raw))).toEqual([['县文旅体局', '县应急局']]);
  });
  it('reads a sector list with 应急 before 等部门 ("文旅体、应急、水利等部门要…")', () => {
    const tasks = parseText('会议要求,文旅体、应急、水利、国土、林业等部门要加强会商,做到科学布点。\n').tasks;
    expect(tasks.map((t) => t.responsible.map((u) => u.raw))).toEqual([['文旅体', '应急', '水利', '国土', '林业']]);
  });
  it('keeps 供应 in a name ("县物资供应站要…")', () => {
    const tasks = parseText('一、工作任务\n县物资供应站要于5月底前完成储备物资清点。\n').tasks;
    expect(tasks.map((t) => t.responsible.map((u) => u.raw))).toEqual([['县物资供应站']]);
  });
});

describe('fields of government in a meeting\'s requests (real-CH ch01, ch10, real-AC ac03)', () => {
  it('parts two fields joined by 和 before 等部门 ("发改和粮食物资储备、农业农村等部门要…")', () => {
    const tasks = parseText('一、工作任务\n发改和粮食物资储备、农业农村等部门要按照职能职责,切实抓好高标准农田建设和粮食生产、收储、加工等工作。\n').tasks;
    expect(tasks.map((t) => t.responsible.map((u) => u.raw))).toEqual([['发改', '粮食物资储备', '农业农村']]);
  });
  it('keeps a field\'s own 和 ("住房和城乡建设、财政等部门")', () => {
    const tasks = parseText('一、工作任务\n住房和城乡建设、财政等部门要于6月底前完成老旧小区摸底。\n').tasks;
    expect(tasks.map((t) => t.responsible.map((u) => u.raw))).toEqual([['住房和城乡建设', '财政']]);
  });
  it('reads "X部门牵头,Y、Z等部门积极参与、强化合作,做实…" with the helpers\' part running on after a 、', () => {
    const tasks = parseText('会议要求,自然资源规划部门牵头,发改、农业农村、林业等部门积极参与、强化合作,做实国土空间规划编制工作。\n').tasks;
    expect(tasks.map((t) => [raws(t.lead), raws(t.cooperating)])).toEqual([[['自然资源规划部门'], ['发改', '农业农村', '林业']]]);
  });
});

describe('a word of when before the subject, a bare kind sharing the 各 (real-CY cy01, cy02, cy03, cy06)', () => {
  it('reads "节前,各村(社区)必须完成…" and "下一步,各级各部门将…整改" past their lead-in', () => {
    expect(parseText('节前,各村(社区)必须完成“两件套”安装计划的50%以上。\n').tasks.map((t) => raws(t.responsible))).toEqual([['各村(社区)']]);
    expect(parseText('下一步,各级各部门将正视问题、快速整改,细化各类方案,确保整改工作年底全面完成。\n').tasks.map((t) => raws(t.responsible))).toEqual([['各级各部门']]);
  });
  it('keeps "各村(居)、部门" and "各镇(街道)、管委会" as one collective each', () => {
    expect(parseText('会议要求,各村(居)、部门要于6月底前完成隐患排查。\n').tasks.map((t) => raws(t.responsible))).toEqual([['各村(居)、部门']]);
    expect(parseText('一、工作任务\n各镇(街道)、管委会要于6月底前完成自建房排查摸底。\n').tasks.map((t) => raws(t.responsible))).toEqual([['各镇(街道)、管委会']]);
  });
  it('does not read past "同时," (an exhortation follows it too often)', () => {
    expect(parseText('同时,各镇(街道)要适应新的形势任务要求,进一步提高认识。\n').tasks.filter((t) => t.responsible.length)).toEqual([]);
  });
});

describe('a date then the places that do the work, a body said to be the lead with 是…的 (real-DA da04, da13)', () => {
  it('reads "3月31日前,各县区公布…;4月5日前,各县区制订…" as two dated duties of 各县区', () => {
    const tasks = parseText('为加快关闭搬迁工作,我市进行周密部署,3月31日前,各县区公布禁养区划分调整方案;4月5日前,各县区制订关闭搬迁实施方案。\n').tasks;
    expect(tasks.map((t) => [raws(t.responsible), t.title.slice(-8)])).toEqual([
      [['各县区'], '禁养区划分调整方案'.slice(-8)],
      [['各县区'], '制订关闭搬迁实施方案'.slice(-8)],
    ]);
  });
  it('reads "县农委和农村能源办是秸秆综合利用的牵头部门" as two leads', () => {
    const tasks = parseText('一、工作任务\n县农委和农村能源办是秸秆综合利用的牵头部门,要抓好秸秆综合利用。\n').tasks;
    expect(tasks.map((t) => raws(t.lead))).toEqual([['县农委', '农村能源办']]);
  });
  it('takes no 是 after 特别 or of addressees ("各级党委和政府是推行林长制的责任主体")', () => {
    expect(parseText('各级党委和政府是推行林长制的责任主体,主要负责人是第一责任人。\n').tasks.filter((t) => t.responsible.length + t.lead.length)).toEqual([]);
  });
});

describe('a site\'s sponsor bar, the page\'s own body by pronoun, a month\'s end with no 前 (real-DB db10, db03, db09)', () => {
  it('reads no unit from "主办:…文明网 | 四川文明网 | 部网旧版"', () => {
    const plan = parseText('主办:中共绵阳市委宣传部中国文明网 | 四川文明网 | 部网旧版\n\n抢抓机遇 推动文化旅游发展\n会上,各乡镇分别汇报了项目设计成果。\n');
    expect(plan.tasks.flatMap((t) => [...t.lead, ...t.responsible].map((u) => u.raw))).toEqual([]);
  });
  it('keeps no "我局" as a unit ("由我局牵头实施的有实施类项目13个")', () => {
    const plan = parseText('2018年,县委县政府要求完成交通投资23亿元以上,由我局牵头实施的有实施类项目13个。\n');
    expect(plan.tasks.flatMap((t) => [...t.lead, ...t.responsible].map((u) => u.raw))).not.toContain('我局');
  });
  it('reads "8月底区民政局将联合区消防…开展检查" as 区民政局 dated, not a unit named "8月底区民政局"', () => {
    const tasks = parseText('8月底区民政局将联合区消防救援支队对全区养老机构开展消防安全检查。\n').tasks;
    expect(tasks.map((t) => raws(t.responsible).concat(raws(t.lead)))).toEqual([['区民政局']]);
  });
});

describe('a body by name that will urge or supervise others (real-DD dd02, dd09)', () => {
  it('reads "房县住建局将督促其他559户尽快动工" and "区住建局将加强监督管理" as duties of those bodies', () => {
    expect(parseText('房县住建局将督促其他559户尽快动工。\n').tasks.map((t) => raws(t.responsible))).toEqual([['房县住建局']]);
    expect(parseText('区住建局将加强监督管理,确保工程质量。\n').tasks.map((t) => raws(t.responsible))).toEqual([['区住建局']]);
  });
});

describe('the subject, then its numbered points (real-DD dd07)', () => {
  it('reads "相关部门一是要迅速成立工作专班…" as a duty of 相关部门, and "二是要…制定…方案" as its next one', () => {
    const tasks = parseText('张永平指出,相关部门一是要迅速成立工作专班,做好督办;二是要于月底前制定片区改造初步方案。\n').tasks;
    expect(tasks.map((t) => raws(t.responsible))).toEqual([['相关部门'], ['相关部门']]);
  });
});

describe('the work named first, an exhortation after it (real-DE de01)', () => {
  it('reads "各地要将造林绿化工作纳入政府绩效考核范畴,…层层落实责任状" as a duty of 各地', () => {
    const tasks = parseText('各地要将造林绿化工作纳入政府绩效考核范畴,切实建立三级党政主要领导抓造林绿化的工作机制,层层落实责任状。\n').tasks;
    expect(tasks.map((t) => raws(t.responsible))).toEqual([['各地']]);
  });
  it('takes no work from a clause saying what the work goes by ("严格按照《县政府工作报告》…")', () => {
    const tasks = parseText('下一步,各园区、各乡镇(街道)、各相关部门要严格按照《县政府工作报告》各项目标任务,倒排时间节点,进一步落实责任,查找差距。\n').tasks;
    expect(tasks.filter((t) => t.responsible.length)).toEqual([]);
  });
});

describe('牵头, then whom it brings together for the work (real-BN bn12, real-CW cw02, real-AZ az01)', () => {
  it('reads "镇应急办牵头,组织各村(居)委会…开展…" and "区建设管理委牵头按照…组织开展…" with the body leading', () => {
    expect(parseText('镇应急办牵头,组织各村(居)委会及网格员开展“敲门行动”,逐户排查居民住宅火灾隐患。\n').tasks.map((t) => raws(t.lead))).toEqual([['镇应急办']]);
    expect(parseText('区建设管理委牵头按照相关要求组织开展专项体检,研究建立专项评估指标。\n').tasks.map((t) => raws(t.lead))).toEqual([['区建设管理委']]);
  });
});

describe('a news byline, then a province\'s office working with its 厅 (real-AK ak10)', () => {
  it('reads "本报讯 (记者…)省食安办将会同省教育厅、省公安厅…联合开展…" with 省食安办 leading and the 厅 helping', () => {
    const tasks = parseText('本报讯 (记者李梦瑶 实习生陈思帆)省食安办将会同省教育厅、省公安厅、省卫健委、省市场监管局联合开展为期6个月的校园食品安全排查整治专项行动。\n').tasks;
    expect(tasks.map((t) => [raws(t.lead), raws(t.cooperating)])).toEqual([[['省食安办'], ['省教育厅', '省公安厅', '省卫健委', '省市场监管局']]]);
  });
});

describe('more pieces of work for addressees: a channel or mechanism set up, a clean-up, guidance to firms (real-DK, DF)', () => {
  it('takes each as the collective\'s task; an exhortation alone stays none', () => {
    const resp = (s: string) => parseText(s).tasks.map((t) => raws(t.responsible));
    expect(resp('各地、各有关部门要建立信息沟通渠道,实现信息共享。\n')).toEqual([['各地', '各有关部门']]);
    expect(resp('各责任单位要迅速开展工作,动员力量进行集中治理。\n')).toEqual([['各责任单位']]);
    expect(resp('各级工会要指导企业建立和完善工会组织。\n')).toEqual([['各级工会']]);
    expect(resp('各有关单位要高度重视,加强组织领导,形成工作合力。\n')).toEqual([]);
  });
});

describe('"由X会同Y等部门,对…进行考核" opening a sentence, a time before it (real-DL dl04)', () => {
  it('gives X the lead and Y the help', () => {
    const text = '四、考核\n(二)省国土资源厅会同省农牧厅等部门,每年对各市州耕地保护责任目标履行情况进行抽查。\n(三)在耕地保护责任目标考核年,由省国土资源厅会同省农牧厅、省统计局等部门,对各市州耕地保护责任目标履行情况进行考核,并将结果报省政府。\n';
    expect(parseText(text).tasks.map((t) => [raws(t.lead), raws(t.cooperating)])).toEqual([
      [['省国土资源厅'], ['省农牧厅']],
      [['省国土资源厅'], ['省农牧厅', '省统计局']],
    ]);
  });
});

describe('an inspection team by name that will check, and a body that will organise and carry out (real-DZ, EB; session 22)', () => {
  it('takes "督查组将…", "检查组将…" and "X将…组织实施" as that body\'s task', () => {
    const resp = (s: string) => parseText(s).tasks.map((t) => raws(t.responsible));
    expect(resp('督查组将每周对各单位整改情况进行督查通报。\n')).toEqual([['督查组']]);
    expect(resp('市创卫督导组将对整改结果适时开展跟踪检查。\n')).toEqual([['市创卫督导组']]);
    expect(resp('石桥铺镇人民政府将切实组织实施好民生实事项目。\n')).toEqual([['石桥铺镇人民政府']]);
    // a pledge that names no piece of work stays none
    expect(resp('四屏镇人大将始终依法履职。\n')).toEqual([]);
  });
});

describe('the matter before the speaker (real-EH eh05, session 22)', () => {
  it('reads "关于…工作,督导组指出,X等部门要…" as X\'s task', () => {
    const tasks = parseText('关于“三无小区”改造工作,督导组指出,市住建局等部门要梳理好改造清单,分门别类推进改造。\n').tasks;
    expect(tasks.map((t) => raws(t.responsible))).toEqual([['市住建局']]);
  });
});

describe('an emergency plan\'s member duties, each unit heading its item with a colon (real-EN en03, session 22)', () => {
  it('takes the item whatever its words of duty, a military district and an armed police detachment included', () => {
    const tasks = parseText('(11)市卫生局:负责组织医务人员赴现场抢救伤员、转运伤员。\n(12)绍兴军分区:指挥、督促各县(市、区)人武部、民兵预备役部队参加森林消防培训及火灾扑救工作。\n(13)武警绍兴市支队:指挥所属部队支援森林火灾的扑救行动。\n').tasks;
    expect(tasks.map((t) => raws(t.responsible))).toEqual([['市卫生局'], ['绍兴军分区'], ['武警绍兴市支队']]);
  });
  it('leaves a label line and a list of places alone', () => {
    expect(parseText('受理单位:周矶办事处创文办、城建办,相关处直单位。\n开发园区:马鞍山经济技术开发区(示范园区)、慈湖高新区。\n').tasks).toEqual([]);
  });
});

describe('a unit named after 由 with the work it does, an adverb or a document verb between (real-FA fa02, fa04, real-EV ev07, session 23)', () => {
  it('reads "由X具体实施" and "由X直接答复" as X responsible', () => {
    expect(roles('督查通报工作由县整脏治乱领导小组办公室具体实施。\n')).toEqual([[[], ['县整脏治乱领导小组办公室'], []]]);
    expect(roles('办理后,由各承办单位直接答复代表或委员。\n')).toEqual([[[], ['各承办单位'], []]]);
  });
});

describe('a library, cultural centre or museum, and a bureau\'s section, as the subject of its work (real-FE fe01, real-EN en11, session 23)', () => {
  it('reads "县图书馆开展…" and "文艺股负责…" as the body responsible', () => {
    expect(roles('县图书馆开展免费开放服务。\n')).toEqual([[[], ['县图书馆'], []]]);
    expect(roles('文艺股负责统筹协调工作。\n')).toEqual([[[], ['文艺股'], []]]);
  });
});

describe('a body told to play the lead (real-A a25, session 23)', () => {
  it('reads "X要发挥牵头作用,…" as X lead, a plain "X要建立…" as X responsible', () => {
    expect(roles('区发展改革委要发挥牵头作用,建立清单管理制度,定期开展检查评估。\n')).toEqual([[['区发展改革委'], [], []]]);
    expect(roles('区发展改革委要建立清单管理制度,定期开展检查评估。\n')).toEqual([[[], ['区发展改革委'], []]]);
  });
});

describe('a co-operative, a bank or an office as the subject of its work (real-FH fh01, session 24)', () => {
  it('reads "农牧业局、供销社…要…", "农业银行要…" and "县督查室将…" with the body responsible', () => {
    expect(roles('会议要求,农牧业局、供销社、工商局要尽快制定申报方案。\n')).toEqual([[[], ['农牧业局', '供销社', '工商局'], []]]);
    expect(roles('会议要求,农业银行要创新金融扶贫富民工程担保抵押办法。\n')).toEqual([[[], ['农业银行'], []]]);
    expect(roles('县政府督查室将于6月底前对落实情况开展专项督查。\n')).toEqual([[[], ['县政府督查室'], []]]);
  });

  it('does not read a meeting or a congress as one ("会" stays out: it named more meetings than bodies)', () => {
    expect(roles('动员大会要求全体干部提高认识,形成合力。\n')).toEqual([]);
  });
});

describe('"X牵头,负责…" sentences taking turns (real-FT ft01, 开封 十大行业领域专项整治)', () => {
  it('reads each body as the lead of its sentence\'s work, the comma between 牵头 and 负责 no bar', () => {
    const text = '市安全监管局牵头,负责组织开展对危险化学品和烟花爆竹领域的专项整治工作。市公安局牵头,负责组织开展对道路交通领域的专项整治工作。开封供电公司牵头,负责组织开展对供电安全领域的专项整治工作。';
    expect(roles(text)).toEqual([
      [['市安全监管局'], [], []],
      [['市公安局'], [], []],
      [['开封供电公司'], [], []],
    ]);
  });
});

describe('a post to fill and a rota to keep are work for addressees named by kind (real-FT ft09, ft06)', () => {
  it('reads "各企事业单位要落实一名专(兼)职消防管理人员" and "各企事业单位要实行24小时值班制度" as duties', () => {
    expect(roles('各企事业单位要落实一名专(兼)职消防管理人员。')).toEqual([[[], ['各企事业单位'], []]]);
    expect(roles('各企事业单位要实行24小时值班制度。')).toEqual([[[], ['各企事业单位'], []]]);
  });
  it('still reads no duty in an exhortation to the same addressees', () => {
    expect(roles('各企事业单位要高度重视,切实加强领导。')).toEqual([]);
  });
});

describe('the members of a working group an emergency plan sets up (real-GC gc06, 石家庄 总体应急预案)', () => {
  it('reads "由X牵头,A、B等单位组成,负责…" as X lead and the members responsible', () => {
    expect(roles('(1)综合协调组。由市政府办公厅牵头,公安局、人防办、信息中心等单位组成,负责传达应急处置指令、协调调度、督办和信息反馈。')).toEqual([
      [['市政府办公厅'], ['公安局', '人防办', '信息中心'], []],
    ]);
  });
});

describe('a request to a body by name, whatever the verb (real-GD gd03, gd07: Taipei and Executive Yuan meeting records)', () => {
  it('reads "請X…", "另請X…" and "並請X…" with X responsible, the longest name that still is one', () => {
    expect(roles('請內政部持續強化執勤人員相關工作訓練。')).toEqual([[[], ['內政部'], []]]);
    expect(roles('另請內政部督導基層警政。')).toEqual([[[], ['內政部'], []]]);
    expect(roles('請縣政府辦公室儘速研議。')).toEqual([[[], ['縣政府辦公室'], []]]);
    // the name stops where the request's words begin
    expect(roles('請財政局依地政處宋處長所提意見辦理。')).toEqual([[[], ['財政局'], []]]);
  });
  it('reads no body in a request that opens on a verb', () => {
    expect(roles('請結合部門職責和轄區實際,認真貫徹落實。')).toEqual([]);
  });
});

describe('the locality and bare levels sharing one government (real-GC gc08, gc02)', () => {
  it('reads "由属地和市公安局负责落实" as two bodies, the locality one of them', () => {
    expect(roles('在全市严格落实交通管制各项措施,由属地和市公安局负责落实。')).toEqual([[[], ['属地', '市公安局'], []]]);
  });
  it('reads "市、县、区人民政府" as one collective, as "各市、县、区人民政府" is', () => {
    expect(roles('市、县、区人民政府要加快工程治理,于年底前完成。')).toEqual([[[], ['市、县、区人民政府'], []]]);
  });
});

describe('the work, then 由 the unit that does it (real-GB gb01: 卫生城市 巩固方案 责任单位 paragraphs)', () => {
  it('reads "X由Y负责" closing a sentence with Y alone responsible, not the work as a name', () => {
    expect(parseText('厕所的消杀和保洁由市公用局负责。').tasks.map((t) => [t.title, raws(t.responsible)])).toEqual([['厕所的消杀和保洁由市公用局负责', ['市公用局']]]);
  });
  it('reads "X由Y负责," before a comma as well', () => {
    expect(roles('居民小区的垃圾清运由各街道负责,确保日产日清。')).toEqual([[[], ['各街道'], []]]);
  });
});

describe('teams each led by a body named after 由, a comma after 牵头 (real-BY by04: 普安 招商分队)', () => {
  it('reads "第一分队由县投资促进局牵头,具体负责…;第二分队由…牵头,…" as one lead a team', () => {
    expect(roles('第一分队由县投资促进局牵头,具体负责京、津、鲁地区招商引资;第二分队由县发改局牵头,具体负责长三角地区招商引资。')).toEqual([
      [['县投资促进局'], [], []],
      [['县发改局'], [], []],
    ]);
  });
});

describe('a request opened by 仍请/并请 names its bodies without the request word (real-GD gd08)', () => {
  it('reads "仍請經濟部及台電公司務必掌握所有情況" with the two bodies, not "仍請經濟部"', () => {
    expect(roles('仍請經濟部及台電公司務必掌握所有情況,妥善因應。')).toEqual([[[], ['經濟部', '台電公司'], []]]);
  });
});

describe('a body doing dated work after a purpose of several clauses (real-FX fx09)', () => {
  it('reads "为改善…,提高…,提升…,市城市管理局于今年4月至12月…开展…" with the body responsible', () => {
    expect(roles('为改善城市环境,提高城市管理能力和水平,提升淮北市文明城市形象,市城市管理局于今年4月至12月在全市城区范围内开展各类建筑楼顶环境整治专项行动。')).toEqual([[[], ['市城市管理局'], []]]);
  });
});

describe('bodies that all must do a piece of work: 都要/均要 after the subject (real-BT bt09, real-CX cx01)', () => {
  it('reads "各乡镇人民政府和县直相关部门都要…制定…" with both bodies responsible', () => {
    expect(roles('各乡镇人民政府和县直相关部门都要结合本地本部门的工作实际,尽快制定实施办法,并报县食品安全委员会办公室备案。')).toEqual([
      [[], ['各乡镇人民政府', '县直相关部门'], []],
    ]);
  });
  it('reads "各县区均要于6月底前完成…" with the collective responsible', () => {
    expect(roles('各县区均要于6月底前完成摸底排查,建立台账。')).toEqual([[[], ['各县区'], []]]);
  });
});

describe('bodies by name taking turns in the clauses of one sentence (real-BL bl14, CH ch12, CI ci02, FB fb02)', () => {
  it('reads every later clause that opens on a body with a duty, not only the first', () => {
    expect(roles('各乡镇要在6月底前完成摸底排查,县民政局要于7月底前完成复核,县财政局要于8月底前拨付资金。')).toEqual([
      [[], ['各乡镇'], []],
      [[], ['县民政局'], []],
      [[], ['县财政局'], []],
    ]);
  });
  it('reads "X要发挥好…作用" in a later clause as a charge, 牵头协调 as the lead', () => {
    expect(roles('县直各单位要与乡(镇)密切配合,落实好部门责任,县农业农村局要发挥好牵头协调作用,县农机服务中心要发挥好组织协调作用,县气象部门要发挥好预报预警作用。')).toEqual([
      [[], ['县直各单位'], []],
      [['县农业农村局'], [], []],
      [[], ['县农机服务中心'], []],
      [[], ['县气象部门'], []],
    ]);
  });
});

describe('work put on a list, and after what the body acts (real-GO go07, go04; DW dw04, dw12)', () => {
  it('reads "各级政府要把…列入…考核内容" as a piece of work, as 纳入 is', () => {
    expect(roles('各级政府要把秸秆禁烧工作列入专项目标管理考核内容,进一步细化管理措施。')).toEqual([[[], ['各级政府'], []]]);
  });
  it('reads "督查督办件发出后,督查目标办要适时进行询问" with the body after the clause of when', () => {
    expect(roles('督查督办件发出后,督查目标办要适时进行询问,督促催办。')).toEqual([[[], ['督查目标办'], []]]);
  });
});

describe('拟 is 将, and a body that will inspect (real-FE fe02, BX bx04; README session 23)', () => {
  it('reads "县政府拟于6月召开专题会议研究" with the body responsible', () => {
    expect(roles('县政府拟于6月召开专题会议研究。')).toEqual([[[], ['县政府'], []]]);
  });
  it('reads "区人大常委会将组织代表视察…" as a check the body will make', () => {
    expect(roles('区人大常委会将组织代表视察民生实事项目建设情况。')).toEqual([[[], ['区人大常委会'], []]]);
  });
});

describe('addressees who must act once they receive the matter, and 办结 as work (real-GO go03; BU bu03, bu08; AM am14)', () => {
  it('reads "各承办单位接到督查事项后,要…在规定时间内办结" with the addressees responsible', () => {
    expect(roles('各承办单位接到督查事项后,要及时组织办理,并在规定时间内办结,同时反馈办理结果。')).toEqual([[[], ['各承办单位'], []]]);
  });
  it('reads "各承办单位要认真办理,按时办结" as a piece of work', () => {
    expect(roles('各承办单位要认真办理代表建议,按时办结。')).toEqual([[[], ['各承办单位'], []]]);
  });
});

describe('quotas handed down and measures drawn up are work (real-GJ gj02; AX ax02, EP ep02)', () => {
  it('reads "各地(市)要…尽快将指标任务层层分解下达" with the addressees responsible', () => {
    expect(roles('各地(市)要按照农业生产目标责任制的要求,尽快将指标任务层层分解下达。')).toEqual([[[], ['各地(市)'], []]]);
  });
  it('reads "各牵头部门和责任单位要认真对照工作任务,迅速制定工作措施" as a piece of work', () => {
    expect(roles('各牵头部门和责任单位要认真对照工作任务,迅速制定工作措施,明确专人负责。')).toEqual([[[], ['各牵头部门', '责任单位'], []]]);
  });
});

describe('inspections, upkeep and liaison named as work (real-AP ap07, CE ce01, Y y18, AE ae12, BW bw02, CY cy01)', () => {
  it('reads "各单位要对辖区内各地灾隐患点进行巡查和监测" as a piece of work', () => {
    expect(roles('各单位要对辖区内各地灾隐患点进行巡查和监测。')).toEqual([[[], ['各单位'], []]]);
  });
  it('reads "县直各单位要对各自卫生区定期进行清扫" as a piece of work', () => {
    expect(roles('县直各单位要对各自卫生区定期进行清扫。')).toEqual([[[], ['县直各单位'], []]]);
  });
  it('reads "各县(市)要进一步完善贷款担保机制" as a piece of work', () => {
    expect(roles('各县(市)要进一步完善贷款担保机制。')).toEqual([[[], ['各县(市)'], []]]);
  });
  it('reads "各责任单位要主动对接项目业主" as a piece of work', () => {
    expect(roles('各责任单位要主动对接项目业主,及时协调解决项目推进中的困难。')).toEqual([[[], ['各责任单位'], []]]);
  });
  it('still reads "各部门要高度重视,形成合力" as no task', () => {
    expect(roles('各部门要高度重视,密切配合,形成合力。')).toEqual([]);
  });
});

describe('drills, funding requests and enforcement named as work (real-AY ay17, FD fd08, CO co01, P p08)', () => {
  it('reads "各乡镇要适时组织防汛应急演练" as a piece of work', () => {
    expect(roles('各乡镇要适时组织防汛应急演练。')).toEqual([[[], ['各乡镇'], []]]);
  });
  it('reads "各有关部门要积极争取上级资金" as a piece of work', () => {
    expect(roles('各有关部门要积极争取上级专项资金。')).toEqual([[[], ['各有关部门'], []]]);
  });
  it('reads "各镇街要依法查处非法捕捞行为" as a piece of work', () => {
    expect(roles('各镇街要依法查处非法捕捞行为。')).toEqual([[[], ['各镇街'], []]]);
  });
});

describe('高度重视 before a piece of work does not make the work an exhortation (real-AB ab02, EN en09, GG gg04)', () => {
  it('reads "各区、各部门要…高度重视…问题的整改工作" as a piece of work', () => {
    expect(roles('会议要求,各区、各部门要进一步提高政治站位,高度重视本次专项督查中发现问题的整改工作,全力以赴抓好整改工作。')).toEqual([[[], ['各区', '各部门'], []]]);
  });
  it('still reads "各部门要高度重视,加强组织领导" as no task', () => {
    expect(roles('各部门要高度重视,加强组织领导,确保各项任务落到实处。')).toEqual([]);
  });
});

describe('a further request to a body by name in mid-sentence (real-GN gn03, gn06; BO bo02)', () => {
  it('reads "…积极办理,并请外交部及经济部研议…" as the two bodies\' own task, opening on 并请', () => {
    const p = parseText('請各相關部會透過本方案分工事項積極辦理,並請外交部及經濟部研議駐外單位之績效評鑑機制。');
    expect(p.tasks.map((t) => [raws(t.responsible), t.title.slice(0, 4)])).toEqual([[['外交部', '經濟部'], '并请外交']]);
  });
  it('reads "…检讨,也请交通部一并督导了解" with 交通部 responsible', () => {
    expect(roles('至於高鐵在3月4日地震的應變處置檢討,也請交通部一併督導瞭解。')).toEqual([[[], ['交通部'], []]]);
  });
  it('reads no body in "也请您一起监督相关责任单位…"', () => {
    expect(roles('欢迎市民参与,也请您一起监督相关责任单位把工作做实。')).toEqual([]);
  });
});

describe('a request to help the bodies asked before is no task of its own (real-GD gd08)', () => {
  it('reads no task for "…,并请环保署与内政部营建署提供协助"', () => {
    expect(parseText('請各機關妥善因應,並請環保署與內政部營建署提供協助,以期重大建設能順利推展。').tasks.filter((t) => raws(t.responsible).includes('環保署'))).toEqual([]);
  });
});

describe('即 ("namely") before the first body of a list announced just before (real-GP gp01)', () => {
  it('reads "即县水务局牵头,…" with 县水务局', () => {
    const names = parseText('同时,要求县级部门牵头实施好八大行动。即县水务局牵头,组织开展县级河流打击非法采砂专项行动。').tasks.flatMap((t) => [...raws(t.lead), ...raws(t.responsible)]);
    expect(names).toContain('县水务局');
    expect(names).not.toContain('即县水务局');
  });
});

describe('"X牵头," then the work, whatever letters the name holds (real-GP gp01)', () => {
  it('reads each of a paragraph\'s "X牵头,组织/督促/做好…" sentences with its body the lead', () => {
    const p = parseText('县交委牵头,组织开展打击非法码头专项行动。县环保局牵头,督促乡镇生活污水设施建设。县农委、畜牧局牵头,做好打击非法养鱼行为。');
    expect(p.tasks.map((t) => raws(t.lead))).toEqual([['县交委'], ['县环保局'], ['县农委', '畜牧局']]);
  });
  it('reads no task in a record "X牵头编制了…"', () => {
    expect(roles('日前,县农水局牵头编制了《节水型社会达标建设实施方案》。')).toEqual([]);
  });
});

describe('one body\'s duty left in a paragraph after its exhortations (real-GW gw07; V v01, DO do05)', () => {
  it('opens the task on the body\'s own sentence, not on the paragraph', () => {
    const p = parseText('张三强调,受全国性煤炭供应紧缺、价格走高等因素影响,我市与全国、全省一样,电力供应形势较为严峻。各级各相关部门要提高思想认识。市供电公司要精准研判形势,加大科学调度。');
    expect(p.tasks.map((t) => [t.title, raws(t.responsible)])).toEqual([['市供电公司要精准研判形势,加大科学调度', ['市供电公司']]]);
  });
});

describe('a word of when written straight before the body (real-GX gx13, C c04)', () => {
  it('reads "明年国务院妇儿工委将来闽督查" with the committee, not "明年…", responsible', () => {
    expect(roles('她强调,明年国务院妇儿工委将来闽督查。')).toEqual([[[], ['国务院妇儿工委'], []]]);
  });
  it('reads "明年厦门市妇儿工委办将…开展评估" with the office', () => {
    expect(roles('明年厦门市妇儿工委办将对项目实施情况开展专项督导。')).toEqual([[[], ['厦门市妇儿工委办'], []]]);
  });
});

describe('a paragraph of bodies taking turns keeps its other sentences (real-DD dd01, F f10, BU bu06)', () => {
  it('reads "县民生办将…" before two "X要…" turns as a task of its own', () => {
    const p = parseText('三、坚持跟踪问效。县民生办将进一步完善民生实事工作推进机制,配合省、市民生办开展满意度调查。县财政局要指导各地各部门统筹使用好各级各类资金。县审计局要加强民生实事项目资金管理使用的审计监督。');
    expect(p.tasks.map((t) => raws(t.responsible))).toEqual([['县民生办'], ['县财政局'], ['县审计局']]);
  });
});

describe('a first sentence that charges a body is no run-in heading (real-DJ dj03)', () => {
  it('opens the second sentence\'s task on its own body, not on the item\'s first sentence', () => {
    const p = parseText('(三)试点地方要及时总结可复制推广的经验做法。中央编办、工商总局要牵头做好改革推进和组织协调工作。');
    const t = p.tasks.find((x) => raws(x.lead).includes('中央编办'));
    expect(t?.title.startsWith('中央编办')).toBe(true);
  });
});

describe('a body found in a later clause opens its task there (real-GP gp08, CI ci07, AB ab05)', () => {
  it('reads "…;污染源治理问题,属地要…,农投公司要一月一报水质监测" with the company\'s own clause as its task', () => {
    const p = parseText('各单位要履职尽责、共同协作,落实好主体责任;污染源治理问题,对周边禁养鱼池能收尽收,县农投公司要一月一报水质监测。');
    const t = p.tasks.find((x) => raws(x.responsible).includes('县农投公司'));
    expect(t?.title.startsWith('县农投公司')).toBe(true);
  });
});

describe('a later clause that says by 由 who does its own work (real-AA aa15, C c21, CK ck04)', () => {
  it('reads "…报送至市政府督查室,由市政府督查室负责每季度…公开" as the office\'s own task', () => {
    const p = parseText('各责任事项牵头单位要于2019年4月15日前,将责任事项完成情况报送至市政府督查室,由市政府督查室负责每季度在市政府门户网站向社会集中公开。');
    expect(p.tasks.map((t) => [t.title.slice(0, 5), raws(t.responsible)])).toEqual([
      ['各责任事项', ['各责任事项牵头单位']],
      ['由市政府督', ['市政府督查室']],
    ]);
  });
});

describe('"由X、Y分别负责…" (real-AV av03)', () => {
  it('reads each body responsible', () => {
    expect(roles('由农业农村部、国家药监局分别负责中药材道地产区环境保护的强化工作。')).toEqual([[[], ['农业农村部', '国家药监局'], []]]);
  });
});

describe('a document that decides who leads, as minutes do (real-BD bd07)', () => {
  it('reads "《方案》明确,由X牵头,会同…组成督导组开展督导" as the sentence\'s own task', () => {
    const p = parseText('此前已开展部署。《方案》明确,由中央政法委牵头,会同领导小组成员单位,组成中央督导组开展督导工作。');
    const t = p.tasks.find((x) => raws(x.lead).includes('中央政法委'));
    expect(t?.title.includes('此前')).toBe(false);
  });
});
