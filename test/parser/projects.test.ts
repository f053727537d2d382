import { describe, expect, it } from 'vitest';
import { extractProjects } from '../../server/parser/projects.js';
import { parsedProjectSchema } from '../../shared/parsedPlan.js';
import { corpus, ctxOf } from './indicators.helpers.js';

describe('004 专栏', () => {
  const text = corpus('004_daddf72c7a72a405.txt');
  const ps = extractProjects(ctxOf(text), []);
  const cols = ps.filter((p) => p.kind === 'column');
  const titles = [...new Set(cols.map((p) => p.column))];
  const inColumn = (n: number) => cols.filter((p) => p.column?.startsWith(`专栏${n} `));

  it('finds all 23 columns, in order, each with items', () => {
    expect(titles).toHaveLength(23);
    expect(titles.map((t) => Number(/^专栏(\d+)/.exec(t!)![1]))).toEqual(Array.from({ length: 23 }, (_, i) => i + 1));
    expect(titles[0]).toBe('专栏1 永川“双百城市”重点拓展区域');
    expect(titles[22]).toBe('专栏23 社会治安建设项目');
    for (let n = 1; n <= 23; n++) expect(inColumn(n).length, `专栏${n}`).toBeGreaterThan(0);
    for (const p of ps) parsedProjectSchema.parse(p);
    expect(ps.map((p) => p.id)).toEqual(ps.map((_, i) => `p${i + 1}`));
  });

  it('lists the projects of a column with their groups', () => {
    expect(inColumn(9).map((p) => p.name).slice(0, 7)).toEqual(['白沙水库', '石佛寺水库', '大桥水库', '牛王沟水库', '烂田沟水库', '石梁桥水库', '花滩水库']);
    const c3 = inColumn(3);
    expect(c3.find((p) => p.name === '永川污水处理厂四期扩建项目')?.group).toBe('城市基础设施提升项目');
    expect(c3.find((p) => p.name === '主城区24个片区426个老旧小区改造项目')?.group).toBe('城市有机更新');
    expect(inColumn(10).filter((p) => p.group === '电力设施').map((p) => p.name)).toContain('永川凌阁堂110kV输变电工程');
    expect(inColumn(14).filter((p) => p.group === '文化服务设施').map((p) => p.name)).toContain('永川大剧院');
    expect(inColumn(4).filter((p) => p.group === '重点项目').map((p) => p.name)).toEqual(
      expect.arrayContaining(['汽车整车物流基地', '零部件仓储物流基地', '物流结算中心']),
    );
  });

  it('keeps a described item whole, named by its label', () => {
    expect(inColumn(1).map((p) => p.name)).toEqual(['城东科技生态城片区', '凤凰湖及南站片区', '商贸物流片区', '西部欢乐城片区']);
    expect(inColumn(13).map((p) => p.name)).toContain('朱沱镇');
    expect(inColumn(1)[0].text).toContain('拓展面积约10平方公里');
  });

  it('points every item back at its wording', () => {
    for (const p of cols.filter((c) => c.group)) expect(text.slice(p.source.start, p.source.end).replace(/[（）]/g, (c) => (c === '（' ? '(' : ')'))).toBe(p.name);
  });
});

describe('inline candidates', () => {
  it('takes the list before 等…项目/工程', () => {
    const ps = extractProjects(ctxOf('加快推进成渝高速改扩建、永川至自贡高速、永川至大足高速等项目建设。'), []);
    expect(ps.map((p) => [p.kind, p.name, p.column])).toEqual([
      ['inline', '成渝高速改扩建', null],
      ['inline', '永川至自贡高速', null],
      ['inline', '永川至大足高速', null],
    ]);
    expect(ps[0].text).toContain('等项目');
  });

  it('takes a single named project and skips lists of fields', () => {
    expect(extractProjects(ctxOf('实施四水厂等新区供水工程。'), []).map((p) => p.name)).toEqual(['四水厂']);
    expect(extractProjects(ctxOf('推进交通、能源、水利等重大工程。'), [])).toEqual([]);
    expect(extractProjects(ctxOf('推动产业升级,加快发展。'), [])).toEqual([]);
  });

  it('reads a column in another layout: "专栏一:" with numbered lines', () => {
    const text = '专栏一:交通重点工程\n1.高速公路:建设A至B高速、C至D高速。\n2.轨道交通:推进市域铁路E线。\n\n正文。';
    const ps = extractProjects(ctxOf(text), []);
    expect(ps.map((p) => [p.column, p.group, p.name])).toEqual([
      ['专栏一:交通重点工程', '高速公路', 'A至B高速'],
      ['专栏一:交通重点工程', '高速公路', 'C至D高速'],
      ['专栏一:交通重点工程', '轨道交通', '市域铁路E线'],
    ]);
  });
});
