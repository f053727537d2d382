// Layouts other Chinese cities publish in, as small fixtures: label lines under an item,
// inline "X牵头,Y按职责分工负责", comma-separated labels, flattened task tables.
import { describe, expect, it } from 'vitest';
import { parseText } from '../../server/parser/index.js';
import type { ParsedPlan, ParsedTask, ParsedUnit } from '../../shared/parsedPlan.js';

const raws = (us: ParsedUnit[]) => us.map((u) => u.raw);
const names = (us: ParsedUnit[]) => us.map((u) => u.name);
function sourcesHold(text: string, plan: ParsedPlan) {
  for (const t of plan.tasks) {
    expect(t.source.start).toBeGreaterThanOrEqual(0);
    expect(t.source.end).toBeLessThanOrEqual(text.length);
    for (const u of [...t.lead, ...t.responsible, ...t.cooperating]) expect(text.slice(u.source!.start, u.source!.end)).toBe(u.raw);
  }
}

describe('label lines under an item', () => {
  const text = [
    '重庆市永川区2025年城市品质提升工作方案',
    '一、重点任务',
    '(一)推进老旧小区改造',
    '1.加快实施老旧小区改造。完成改造小区120个。',
    '牵头单位:区住房城乡建委',
    '责任单位:区财政局、区发展改革委',
    '配合单位:各镇街',
    '完成时限:2025年12月底前',
    '2.完善社区服务设施。新建社区养老服务站10个。',
    '牵头领导:副区长 张三',
    '牵头责任单位:区民政局',
    '协同责任单位:区卫健委、区发展改革委等区级有关部门',
    '3.提升物业服务水平。推动物业服务覆盖率达到90%。',
    '牵头负责领导:区政府办公室主任',
    '主要责任单位:区住房城乡建委',
    '责任单位:区应急局安委会成员单位',
    '完成时限:长期坚持',
  ].join('\n');
  const plan = parseText(text);

  it('reads each label line into its role', () => {
    expect(plan.tasks.length).toBe(3);
    const [a, b, c] = plan.tasks;
    expect(a.title).toBe('加快实施老旧小区改造');
    expect(raws(a.lead)).toEqual(['区住房城乡建委']);
    expect(raws(a.responsible)).toEqual(['区财政局', '区发展改革委']);
    expect(a.cooperating.map((u) => [u.raw, u.scope])).toEqual([['各镇街', 'all_towns']]);
    expect(a.deadline).toBe('2025-12');
    expect(a.deadlineText).toBe('2025年12月底前');
    expect(a.text).toContain('完成改造小区120个');
    expect(a.text).not.toContain('牵头单位');

    expect(b.leaders).toEqual(['副区长 张三']);
    expect(raws(b.lead)).toEqual(['区民政局']);
    expect(b.cooperating.map((u) => [u.raw, u.name, u.scope])).toEqual([
      ['区卫健委', '区卫生健康委', 'unit'],
      ['区发展改革委', '区发展改革委', 'unit'],
      ['等区级有关部门', '其他有关单位', 'others'],
    ]);

    // 牵头负责领导 is a post, never a unit; 主要责任单位 leads when no 牵头单位 is named
    expect(c.leaders).toEqual(['区政府办公室主任']);
    expect(raws(c.lead)).toEqual(['区住房城乡建委']);
    expect(c.responsible[0].scope).toBe('group_members');
    expect(c.deadline).toBeNull();
    expect(c.deadlineText).toBe('长期坚持');
    expect(plan.meta.region).toBe('永川区');
    sourcesHold(text, plan);
  });

  it('hangs tasks on the outline', () => {
    const item = plan.outline.find((n) => n.id === plan.tasks[0].outlineId)!;
    expect(item).toMatchObject({ marker: '1.', kind: 'item', title: '加快实施老旧小区改造', number: 1 });
    expect(plan.outline.find((n) => n.id === item.parentId)?.marker).toBe('(一)');
  });
});

describe('inline notes', () => {
  const text = [
    '某市城市更新行动方案',
    '一、主要任务',
    '(一)实施城市体检。全面开展城市体检评估,建立问题清单。(市住房城乡建委、市规划自然资源局牵头,市级有关部门按职责分工负责)',
    '(二)完善职业教育。加大职业院校(含技工院校)建设力度。(市教委牵头,市人力社保局配合)',
    '(三)加强城市管理。推进“大城细管”。(牵头单位:市城市管理局,责任单位:市公安局、市交通运输委)',
    '(四)提升防洪能力。实施堤防工程。(牵头单位:市水利局)',
    '(五)强化安全生产。落实企业主体责任。(各区县(自治县)政府负责)',
  ].join('\n');
  const plan = parseText(text);

  it('reads "X、Y牵头,Z按职责分工负责" and the comma and lead-only variants', () => {
    expect(plan.tasks.length).toBe(5);
    const [a, b, c, d, e] = plan.tasks;
    expect(raws(a.lead)).toEqual(['市住房城乡建委', '市规划自然资源局']);
    expect(a.responsible.map((u) => u.scope)).toEqual(['others']);
    expect(raws(b.lead)).toEqual(['市教委']);
    expect(raws(b.cooperating)).toEqual(['市人力社保局']);
    expect(b.text).toContain('(含技工院校)');
    expect(raws(c.lead)).toEqual(['市城市管理局']);
    expect(names(c.responsible)).toEqual(['市公安局', '市交通运输委']);
    expect(raws(d.lead)).toEqual(['市水利局']);
    expect(d.responsible).toEqual([]);
    expect(e.responsible.map((u) => u.scope)).toEqual(['all_districts']);
    expect(plan.tasks.every((t) => t.lead.concat(t.responsible).every((u) => u.known))).toBe(true);
    sourcesHold(text, plan);
  });

  it('does not take ordinary parentheses for notes', () => {
    const p = parseText('一、任务\n(一)发展职业教育。支持职业院校(含技工院校)建设,由企业负责运营(试点)。\n');
    expect(p.tasks.every((t) => t.lead.length + t.responsible.length === 0)).toBe(true);
  });
});

describe('flattened task tables', () => {
  const check = (t: ParsedTask, lead: string[], resp: string[]) => {
    expect(raws(t.lead)).toEqual(lead);
    expect(raws(t.responsible)).toEqual(resp);
  };

  it('one row per line, cells separated by "|"', () => {
    const text = [
      '2022年城市更新重点任务清单',
      '序号|重点任务|牵头单位|责任单位|配合单位|完成时限',
      '1|推进老旧小区改造|区住房城乡建委|区财政局、区发展改革委|各镇街|2022年10月底前',
      '2|完善停车设施|区城市管理局|区公安局|区交通局|8月底',
      '3|实施城市体检|区住房城乡建委|区统计局||6月下旬',
    ].join('\n');
    const plan = parseText(text);
    expect(plan.tasks.length).toBe(3);
    check(plan.tasks[0], ['区住房城乡建委'], ['区财政局', '区发展改革委']);
    expect(plan.tasks[0].cooperating[0].scope).toBe('all_towns');
    expect(plan.tasks[0].title).toBe('推进老旧小区改造');
    expect(plan.tasks.map((t) => t.deadline)).toEqual(['2022-10', '2022-08', '2022-06']);
    expect(plan.tasks[2].cooperating).toEqual([]);
    sourcesHold(text, plan);
  });

  it('one row per line, cells separated by tabs or runs of spaces', () => {
    const tabs = ['序号\t重点任务\t牵头单位\t责任单位\t完成时限', '1\t建设智慧停车平台\t区大数据发展局\t区城市管理局、区公安局\t2024年6月底前'].join('\n');
    const spaces = ['序号  重点任务  牵头单位  责任单位  完成时限', '1  建设口袋公园  区城市管理局  区规划自然资源局  2024年底前'].join('\n');
    const a = parseText(tabs).tasks;
    expect(a.length).toBe(1);
    check(a[0], ['区大数据发展局'], ['区城市管理局', '区公安局']);
    expect(a[0].deadline).toBe('2024-06');
    const b = parseText(spaces).tasks;
    expect(b.length).toBe(1);
    check(b[0], ['区城市管理局'], ['区规划自然资源局']);
    expect(b[0].deadline).toBe('2024-12');
  });

  it('one cell per line', () => {
    const text = [
      '重点任务分解表',
      '序号',
      '重点任务',
      '牵头单位',
      '责任单位',
      '配合单位',
      '完成时限',
      '1',
      '实施城市体检',
      '区住房城乡建委',
      '区规划自然资源局、区统计局',
      '各镇人民政府、街道办事处',
      '6月下旬',
      '2',
      '推进雨污分流改造',
      '区住房城乡建委',
      '区城市管理局',
      '区生态环境局',
      '2023年9月底前',
      '',
      '二、保障措施',
      '加强组织领导,建立工作机制。',
    ].join('\n');
    const plan = parseText(text);
    expect(plan.tasks.length).toBe(2);
    check(plan.tasks[0], ['区住房城乡建委'], ['区规划自然资源局', '区统计局']);
    expect(plan.tasks[0].cooperating.map((u) => [u.raw, u.scope])).toEqual([['各镇人民政府、街道办事处', 'all_towns']]);
    // no year anywhere near: a bare month stays without a date
    expect(plan.tasks[0].deadline).toBeNull();
    expect(plan.tasks[0].deadlineText).toBe('6月下旬');
    expect(plan.tasks[1].deadline).toBe('2023-09');
    sourcesHold(text, plan);
  });
});

describe('units and the registry', () => {
  it('resolves aliases with the plan region and flags unknown names', () => {
    const text = ['重庆市璧山区2024年工作要点', '(一)建设园区。推进产业园建设。(牵头单位:高新区管委会;责任单位:璧山区卫生健康委员会、区发改委、区城市更新指挥部)'].join('\n');
    const plan = parseText(text);
    expect(plan.meta.region).toBe('璧山区');
    const t = plan.tasks[0];
    expect(t.lead[0]).toMatchObject({ raw: '高新区管委会', name: '璧山高新区管委会', known: true });
    expect(t.responsible.map((u) => [u.raw, u.name, u.known])).toEqual([
      ['璧山区卫生健康委员会', '区卫生健康委', true],
      ['区发改委', '区发展改革委', true],
      ['区城市更新指挥部', '区城市更新指挥部', false],
    ]);
    const w = plan.warnings.filter((x) => x.code === 'UNIT_UNKNOWN');
    expect(w.length).toBe(1);
    expect(text.slice(w[0].source!.start, w[0].source!.end)).toBe('区城市更新指挥部');
  });

  it('a registry passed in is used instead of the default', () => {
    const plan = parseText('(一)任务。内容。(牵头单位:区城市更新指挥部)', {
      registry: [{ name: '区城市更新指挥部', aliases: [], region: '永川区' }],
      region: '永川区',
    });
    expect(plan.tasks[0].lead[0]).toMatchObject({ known: true, name: '区城市更新指挥部' });
  });
});

describe('outline styles', () => {
  it('full- and half-width markers, circled numbers, bullets and numbering gaps', () => {
    const text = [
      '第一章　总体要求',
      '第一节　指导思想',
      '一、基本原则',
      '（一）坚持规划引领',
      '1．优化布局。按照规划实施。',
      '（1）细化指标',
      '①明确责任',
      '——统筹推进。',
      '3.强化保障。',
      '第三章　保障措施',
    ].join('\n');
    const plan = parseText(text);
    expect(plan.outline.map((n) => [n.marker, n.level, n.kind])).toEqual([
      ['第一章', 1, 'chapter'],
      ['第一节', 2, 'section'],
      ['一、', 3, 'item'],
      ['(一)', 4, 'subitem'],
      ['1.', 5, 'point'],
      ['(1)', 6, 'point'],
      ['①', 7, 'point'],
      ['——', 8, 'bullet'],
      ['3.', 5, 'point'],
      ['第三章', 1, 'chapter'],
    ]);
    expect(plan.outline[4].title).toBe('优化布局');
    const skipped = plan.warnings.filter((w) => w.code === 'OUTLINE_NUMBER_SKIPPED');
    expect(skipped.map((w) => text.slice(w.source!.start, w.source!.end))).toEqual(['3.强化保障。', '第三章　保障措施']);
  });
});

describe('plan-wide notes', () => {
  it('finds cascade and reporting rules', () => {
    const text = [
      '(一)任务一。内容。(责任单位:市发展改革委,各区县政府;所有任务均需区县落实,不再列出)',
      '四、保障措施',
      '各牵头单位于每季度末5日前向市领导小组办公室报送工作进展情况。',
    ].join('\n');
    const plan = parseText(text);
    expect(plan.notes.map((n) => n.code)).toEqual(['CASCADE_ALL_DISTRICTS', 'REPORTING_RULE']);
    expect(plan.notes[1].text).toBe('各牵头单位于每季度末5日前向市领导小组办公室报送工作进展情况。');
    expect(plan.tasks[0].responsible.map((u) => u.scope)).toEqual(['unit', 'all_districts']);
  });
});

describe('more label forms', () => {
  it('labels after the sentence without parentheses, bracketed labels, verbs after names', () => {
    const text = [
      '一、重点任务',
      '1.推进智慧城市建设。建设城市运行管理平台。牵头单位:区大数据发展局;责任单位:区城市管理局、区公安局。',
      '2.完善应急体系。修订应急预案。【牵头单位】区应急局 【责任单位】区消防救援支队、有关区县',
      '3.深化户籍改革。放宽落户限制。(责任单位:市公安局、市人力社保局,各区县(自治县)政府按职责分工负责)',
    ].join('\n');
    const plan = parseText(text);
    expect(plan.tasks.map((t) => [t.title, raws(t.lead), raws(t.responsible)])).toEqual([
      ['推进智慧城市建设', ['区大数据发展局'], ['区城市管理局', '区公安局']],
      ['完善应急体系', ['区应急局'], ['区消防救援支队', '有关区县']],
      ['深化户籍改革', [], ['市公安局', '市人力社保局', '各区县(自治县)政府']],
    ]);
    expect(plan.tasks[1].responsible[1].scope).toBe('others');
    expect(plan.tasks[2].responsible[2].scope).toBe('all_districts');
    expect(plan.tasks[0].text).not.toContain('牵头单位');
    expect(plan.warnings.filter((w) => w.code === 'UNIT_NOTE_DAMAGED')).toEqual([]);
    sourcesHold(text, plan);
  });

  it('table headers with qualified names and schedule columns', () => {
    const text = ['主要任务 | 牵头单位(部门) | 责任单位(部门) | 时间安排', '建设口袋公园 | 区城市管理局 | 区住房城乡建委 | 2024年9月底前'].join('\n');
    const plan = parseText(text);
    expect(plan.tasks.map((t) => [t.title, raws(t.lead), raws(t.responsible), t.deadline])).toEqual([['建设口袋公园', ['区城市管理局'], ['区住房城乡建委'], '2024-09']]);
  });
});

describe('verbs inside a labelled value or a table cell', () => {
  it('"责任单位:X牵头,Y配合" gives X the lead', () => {
    const plan = parseText('(一)推进改造。内容。(责任单位:区住房城乡建委牵头,区财政局、区发展改革委配合)');
    const t = plan.tasks[0];
    expect([raws(t.lead), raws(t.responsible), raws(t.cooperating)]).toEqual([['区住房城乡建委'], [], ['区财政局', '区发展改革委']]);
    const table = parseText(['序号|重点任务|责任单位|完成时限', '1|建设公园|区城市管理局牵头,区林业局配合|2024年底'].join('\n'));
    expect([raws(table.tasks[0].lead), raws(table.tasks[0].cooperating)]).toEqual([['区城市管理局'], ['区林业局']]);
  });
});

describe('a note that opens with its deadline', () => {
  it('"(2025年底前完成;牵头单位:X)" is one note, not a damaged one', () => {
    const plan = parseText('(一)建设公园。新建口袋公园10个。(2025年底前完成;牵头单位:区城市管理局;责任单位:各镇街)');
    const t = plan.tasks[0];
    expect([raws(t.lead), t.responsible[0].scope, t.deadline]).toEqual([['区城市管理局'], 'all_towns', '2025-12']);
    expect(plan.warnings.filter((w) => w.code === 'UNIT_NOTE_DAMAGED')).toEqual([]);
  });
});
