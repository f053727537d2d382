// Blind batch 9: a plan from elsewhere keeps generic district names unknown, slash-separated
// unit lists, bare "等部门", Excel cells pasted with quotes, and web-article / article outlines.
import { describe, expect, it } from 'vitest';
import { parseText } from '../../server/parser/index.js';
import { normalize } from '../../server/parser/normalize.js';
import { parseOutline } from '../../server/parser/outline.js';
import { defaultRegistry, lookupRegion, ELSEWHERE } from '../../server/parser/registry.js';
import type { ParseContext } from '../../server/parser/types.js';

const units = (p: ReturnType<typeof parseText>) => p.tasks.flatMap((t) => [...t.lead, ...t.responsible, ...t.cooperating]);

describe('registry look-ups of a plan from elsewhere', () => {
  it('keeps "区财政局" unknown when the plan never names Chongqing or one of its districts', () => {
    const text = '一、强化资金支持\n区财政每年安排促消费专项资金不少于2000万元。(责任单位:区财政局、区体育局)\n';
    const p = parseText(text);
    expect(units(p).map((u) => [u.raw, u.name, u.known])).toEqual([
      ['区财政局', '区财政局', false],
      ['区体育局', '区体育局', false],
    ]);
  });

  it('still resolves them in a Chongqing district plan', () => {
    const text = '永川区促进消费工作方案\n一、强化资金支持\n安排专项资金。(责任单位:区财政局、区卫健委)\n';
    expect(units(parseText(text)).map((u) => [u.name, u.known])).toEqual([
      ['区财政局', true],
      ['区卫生健康委', true],
    ]);
  });

  it('looks up under the plan region, none when Chongqing is named, elsewhere otherwise', () => {
    const reg = defaultRegistry();
    expect(lookupRegion('永川区', '', reg)).toBe('永川区');
    expect(lookupRegion(null, '重庆市…', reg)).toBeNull();
    expect(lookupRegion(null, '璧山高新区…', reg)).toBeNull();
    expect(lookupRegion(null, '水磨沟区…', reg)).toBe(ELSEWHERE);
  });

  it('reads the title out of 《…(2024—2027年)》 and takes its district as the region', () => {
    const p = parseText('近日,《水磨沟区促进消费提质扩容行动方案(2024—2027年)》正式印发。\n');
    expect(p.meta.title).toBe('水磨沟区促进消费提质扩容行动方案');
    expect(p.meta.region).toBe('水磨沟区');
  });
});

describe('unit lists', () => {
  const text = [
    '海口市城市更新工作台账',
    '任务名称:城中村改造',
    '工作措施:启动城中村改造项目6个。',
    '牵头单位:市住房城乡建设局/市自然资源和规划局',
    '配合单位:市城投集团/海口旅文集团,龙华区人民政府',
    '',
    '任务名称:完整社区建设试点',
    '工作措施:每个区至少打造2个完整社区。',
    '牵头单位:市民政局',
    '配合单位:/',
  ].join('\n');
  const p = parseText(text);

  it('splits "A/B/C" and reads a lone "/" as none', () => {
    const [a, b] = p.tasks;
    expect(a.lead.map((u) => u.raw)).toEqual(['市住房城乡建设局', '市自然资源和规划局']);
    expect(a.cooperating.map((u) => u.raw)).toEqual(['市城投集团', '海口旅文集团', '龙华区人民政府']);
    expect(b.cooperating).toEqual([]);
    for (const u of units(p)) expect(text.slice(u.source!.start, u.source!.end)).toBe(u.raw);
  });

  it('drops a bare "等部门" but keeps "等区级有关部门" as a catch-all', () => {
    const q = parseText('一、培育直播电商\n建设直播电商基地2个。(牵头单位:区商务局;配合单位:区人社局、区融媒体中心等部门)\n二、优化环境\n开展创建。(牵头单位:区市场监管局;配合单位:区商务局等区级有关部门)\n');
    expect(q.tasks[0].cooperating.map((u) => u.raw)).toEqual(['区人社局', '区融媒体中心']);
    expect(q.tasks[1].cooperating.map((u) => [u.raw, u.scope])).toEqual([
      ['区商务局', 'unit'],
      ['等区级有关部门', 'others'],
    ]);
  });
});

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

describe('outline markers', () => {
  const outline = (text: string) => {
    const ctx: ParseContext = { doc: normalize(text), registry: defaultRegistry(), warnings: [], region: null };
    return parseOutline(ctx).map((n) => [n.marker, n.title, n.parentId === null]);
  };

  it('reads "01⏎title" sections and ▶ title bullets, whose ◆ sub-bullets are their text', () => {
    const o = outline('01\n总体目标\n\n★ 到2025年达到260亿元。\n\n02\n重点任务\n\n▶ 繁荣夜间经济\n◆ 打造夜间消费街区。\n◆ 由区文旅局牵头负责。\n\n03\n保障措施\n\n● 加强组织领导。成立工作专班。\n● 强化资金支持。安排专项资金。\n');
    expect(o).toEqual([
      ['01', '总体目标', true],
      ['★', '到2025年达到260亿元', false],
      ['02', '重点任务', true],
      ['▶', '繁荣夜间经济', false],
      ['03', '保障措施', true],
      ['●', '加强组织领导', false],
      ['●', '强化资金支持', false],
    ]);
  });

  it('reads Ⅰ/Ⅱ parts with A./B. items, and 第X条 articles in a document written in articles', () => {
    expect(outline('Ⅰ 工作目标\n到2024年底达到100%。\nⅡ 主要任务\nA. 优化网格设置。调整基础网格。\nB. 配齐网格力量。招录网格员。\n')).toEqual([
      ['Ⅰ', '工作目标', true],
      ['Ⅱ', '主要任务', true],
      ['A.', '优化网格设置', false],
      ['B.', '配齐网格力量', false],
    ]);
    const arts = outline('第一章 总则\n第一条 为落实方案,制定本细则。\n第二条 本细则适用于本市。\n第二章 整治任务\n第三条 开展排查。由市住建局牵头。\n');
    expect(arts.map((a) => a[0])).toEqual(['第一章', '第一条', '第二条', '第二章', '第三条']);
    // one article cited in a sentence is no heading
    expect(outline('一、总则\n依据第三条规定执行。\n第五条 见上。\n二、任务\n三、保障\n').map((a) => a[0])).toEqual(['一、', '二、', '三、']);
  });
});
