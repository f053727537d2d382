// Rules added for other cities' plans (the registry only knows Chongqing): their units stay
// unknown, wrapped PDF text is joined, "(牵头)" marks, "各区、县(市)政府", period years.
import { describe, expect, it } from 'vitest';
import { parseText } from '../../server/parser/index.js';
import type { ParsedUnit } from '../../shared/parsedPlan.js';

const raws = (us: ParsedUnit[]) => us.map((u) => u.raw);

describe("another city's units", () => {
  it('keeps "市发展改革委" of 成都 unknown instead of resolving it to Chongqing', () => {
    const p = parseText('成都市2024年城市更新工作方案\n(一)推进改造。全市推进。(牵头单位:市发展改革委;责任单位:市住房城乡建设局)');
    expect(p.meta.region).toBe('成都市');
    expect(p.meta.level).toBe('municipal');
    expect(p.tasks[0].lead[0]).toMatchObject({ raw: '市发展改革委', known: false });
    expect(p.warnings.filter((w) => w.code === 'UNIT_UNKNOWN').length).toBe(2);
  });

  it('reads a district of another city and does not take "城市" for a city', () => {
    expect(parseText('成都市武侯区“一老一小”服务体系建设实施方案\n正文。').meta.region).toBe('成都市武侯区');
    expect(parseText('昆明市推进城市燃气管道更新改造工作方案\n正文。').meta.region).toBe('昆明市');
    expect(parseText('上海市2024年优化营商环境行动方案\n正文。').meta.region).toBe('上海市');
  });
});

describe('unit lists', () => {
  const task = (note: string) => parseText(`某市2024年工作方案\n(一)推进工作。抓好落实。${note}`).tasks[0];

  it('"X(牵头)、Y" makes X the lead', () => {
    const t = task('(责任单位:市城管局(牵头)、市生态环境局)');
    expect(raws(t.lead)).toEqual(['市城管局']);
    expect(raws(t.responsible)).toEqual(['市生态环境局']);
  });

  it('"各区、县(市)政府" is every district and county; a trailing note stays with its name', () => {
    const t = task('(牵头单位:市市场监管局(市知识产权局);责任单位:各区、县(市)政府,各区人民政府(含开发区管委会))');
    expect(raws(t.lead)).toEqual(['市市场监管局(市知识产权局)']);
    expect(t.responsible.map((u) => [u.raw, u.scope])).toEqual([
      ['各区、县(市)政府', 'all_districts'],
      ['各区人民政府(含开发区管委会)', 'all_districts'],
    ]);
  });

  it('a bare "等" is no unit; "等市直有关部门" is a catch-all', () => {
    const t = task('(市市场监管局牵头,市发展改革委、市司法局等按职责分工负责)');
    expect(raws(t.responsible)).toEqual(['市发展改革委', '市司法局']);
    const u = task('(牵头单位:市委改革办;配合单位:市司法局等市直有关部门)');
    expect(u.cooperating.map((x) => [x.raw, x.scope])).toEqual([
      ['市司法局', 'unit'],
      ['等市直有关部门', 'others'],
    ]);
  });

  it('an organ named for its work ("…工作领导小组办公室") is a unit', () => {
    const t = parseText('某市方案\n1.加强领导。统筹推进。\n牵头单位:市城市更新工作领导小组办公室\n责任单位:领导小组各成员单位').tasks[0];
    expect(raws(t.lead)).toEqual(['市城市更新工作领导小组办公室']);
  });

  it('a deadline written among the units is the deadline, not damage', () => {
    const p = parseText('某市2024年工作方案\n(一)加快建设。开工建设学校。(牵头单位:市教育局,2024年8月底前完成主体工程)');
    expect(raws(p.tasks[0].lead)).toEqual(['市教育局']);
    expect(p.tasks[0].deadline).toBe('2024-08');
    expect(p.warnings.some((w) => w.code === 'UNIT_NOTE_DAMAGED')).toBe(false);
  });
});

describe('OCR and flattened tables', () => {
  it('reads labels spaced out or misread by OCR', () => {
    const p = parseText('某市2024年方案\n(一)打造品牌。推进创建。(牵 头 单 位:市文旅局;贵任单位:市财政局)\n(二)丰富产品。推出线路。(牵头单位;市文旅局;责仼单位:市商务局)');
    expect(p.tasks.map((t) => [raws(t.lead), raws(t.responsible)])).toEqual([
      [['市文旅局'], ['市财政局']],
      [['市文旅局'], ['市商务局']],
    ]);
  });

  it('"X负责,Y督促指导" and "等区有关部门"', () => {
    const p = parseText('某县2024年方案\n(一)加强管护。建立机制。(各镇(街道)负责,县农业农村局督促指导)\n1.优化审批。压减时限。\n牵头单位:区行政服务中心\n责任单位:区住建局等区有关部门');
    expect(p.tasks.map((t) => raws(t.responsible))).toEqual([['各镇(街道)', '县农业农村局'], ['区住建局', '等区有关部门']]);
  });

  it('a one-cell-per-line row that lost its empty cell, or wrapped a unit cell, still lines up', () => {
    const text = ['某市2024年方案', '序号', '重点任务', '牵头单位', '责任单位', '配合单位', '完成时限', '1', '建设城市大脑', '市数据局', '市工信局', '2024年12月底前', '2', '完善社区服务', '区委组织部', '区民政局、各街道', '办事处', '区财政局', '2024年10月底前', ''].join('\n');
    const p = parseText(text);
    expect(p.tasks.map((t) => [raws(t.lead), raws(t.responsible), raws(t.cooperating), t.deadline])).toEqual([
      [['市数据局'], ['市工信局'], [], '2024-12'],
      [['区委组织部'], ['区民政局', '各街道办事处'], ['区财政局'], '2024-10'],
    ]);
  });
});

describe('broken lines', () => {
  it('joins a note broken once mid-name and a line opening with ";" and a label', () => {
    const p = parseText(
      '某市2024年工作方案\n(一)推进改造。完成改造。(牵头单位:市住建局;责任单位:市财政\n局、市经信局)\n(二)完善设施。新增泊位。(牵头单位:市商务局\n;责任单位:南宁海关)',
    );
    expect(raws(p.tasks[0].responsible)).toEqual(['市财政局', '市经信局']);
    expect(raws(p.tasks[1].responsible)).toEqual(['南宁海关']);
  });

  it('joins the lines of a hard-wrapped PDF page and drops its footer', () => {
    // a page of 30 characters a line, as text copied out of a PDF keeps it
    const wrap = (para: string) => para.match(/.{1,30}/g)!.join('\n');
    const text = [
      '某市推进管网更新改造工作方案',
      '一、重点任务',
      wrap('(一)全面开展普查。摸清城市燃气、供水、排水、供热等管道和设施底数,建立更新改造台账并动态更新管理。(牵头单位:市住房城乡建设局;责任单位:市城市管理局、市水务局,各县(市、区)人民政府)'),
      wrap('(二)有序推进改造。优先改造材质落后、使用年限较长、运行环境存在安全隐患的管道,每年改造燃气管道不少于二百六十公里。(牵头单位:市住房城乡建设局;责任单位:昆明燃气集团有限公司、昆明通用水务自来水有限公司,各县(市、区)人民政府、各开发(度假)园区管委会)').replace('\n', '\n                                 - 2 -\n'),
    ].join('\n');
    const p = parseText(text);
    expect(p.tasks.length).toBe(2);
    expect(raws(p.tasks[0].responsible)).toEqual(['市城市管理局', '市水务局', '各县(市、区)人民政府']);
    expect(raws(p.tasks[1].lead)).toEqual(['市住房城乡建设局']);
    expect(raws(p.tasks[1].responsible)[1]).toBe('昆明通用水务自来水有限公司');
    expect(p.tasks[1].text).toContain('运行环境存在安全隐患');
  });
});

describe('target years in action plans', () => {
  const targets = (text: string) => parseText(text).targets.map((t) => [t.value, t.year]);

  it('a plan "(2023—2025年)" dates its body targets by its end', () => {
    expect(targets('成都市制造业三年行动计划(2023—2025年)\n一、任务\n(一)建设平台。新建企业技术中心50家。')).toEqual([[50, 2025]]);
  });

  it('a sentence opening on a year before the plan is a result, and so is an earlier plan period', () => {
    expect(targets('合肥市2024年工作要点\n一、目标\n全年新增企业1500家。2023年全市产量达到74.6万辆。')).toEqual([[1500, 2024]]);
    expect(targets('某市方案\n一、目标\n力争到2025年,城镇化率达到82%。“十三五”期间,全市累计改造棚户区12万户。')).toEqual([[82, 2025]]);
  });

  it('"截至2023年底" and a vision year do not date the targets after them', () => {
    const text = '某市“十四五”规划\n第一章 目标\n“十四五”末,就业增加。\n到2035年,人均预期寿命达到82岁。\n新建托育机构20家(截至2023年底已建成12家)。\n新建城市绿道500公里。';
    expect(targets(text)).toEqual([
      [82, 2035],
      [20, 2025],
      [500, 2025],
    ]);
  });

  it('progress ("目前…") and a year describing the object ("2000年前建成的") date nothing', () => {
    const p = parseText('某市推进行动方案(2024—2025年)\n一、目标\n到2025年,覆盖率达到100%。目前,全市覆盖率约为60%。\n二、任务\n完成2000年前建成的老旧小区改造120个。');
    expect(p.targets.map((t) => [t.value, t.year])).toEqual([
      [100, 2025],
      [120, 2025],
    ]);
  });

  it('reads a target in a "|" table cell and a quoted name before a figure', () => {
    const t = parseText('某市2024年方案\n| 序号 | 工作任务 | 牵头单位 | 完成时限 |\n| 1 | 组织企业参加境外展会不少于100场次 | 市商务局 | 2024年12月底前 |\n培育“未来工厂”20家。').targets;
    expect(t.map((x) => [x.value, x.unit, x.comparator])).toEqual([
      [100, '场次', '>='],
      [20, '家', '='],
    ]);
  });
});
