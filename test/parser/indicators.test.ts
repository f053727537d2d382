import { describe, expect, it } from 'vitest';
import { extractIndicators } from '../../server/parser/indicators.js';
import { parsedIndicatorSchema, type ParsedIndicator } from '../../shared/parsedPlan.js';
import { corpus, ctxOf } from './indicators.helpers.js';

const text004 = corpus('004_daddf72c7a72a405.txt');
const all = extractIndicators(ctxOf(text004));
const t1 = all.filter((i) => i.table?.startsWith('表1'));
const t2 = all.filter((i) => i.table?.startsWith('表2'));
const row = (rows: ParsedIndicator[], name: string) => {
  const hits = rows.filter((r) => r.name === name);
  expect(hits, name).toHaveLength(1);
  return hits[0];
};

// [name, unit, attribute, kind, baseline, target comparator, target value, actual]
type Exp = [string, string | null, 'binding' | 'expected', 'level' | 'annual_growth' | 'cumulative', number | null, string, number | null, number | null];

describe('004 indicator tables', () => {
  it('finds both tables with all rows, valid against the contract', () => {
    expect(t1).toHaveLength(36);
    expect(t2).toHaveLength(26);
    expect(all).toHaveLength(62);
    for (const i of all) parsedIndicatorSchema.parse(i);
    expect(t1[0].table).toBe('表1:永川区“十三五”经济和社会发展主要目标完成情况');
    expect(t2[0].table).toBe('表2 永川区“十四五”经济社会发展主要指标表');
  });

  it('maps every row back to its wording in the original', () => {
    for (const i of all) {
      const raw = text004.slice(i.source.start, i.source.end).replace(/[（）]/g, (c) => (c === '（' ? '(' : ')'));
      expect(raw).toContain(i.name);
      expect(raw).toContain(i.targets[0].text.replace(/[：]/g, ':'));
    }
  });

  const table1: Exp[] = [
    ['地区生产总值年均增速', '%', 'expected', 'annual_growth', null, '=', 11, 9],
    ['常住居民人均可支配收入年均增速', '%', 'expected', 'annual_growth', null, '=', 10, 9.6],
    ['工业增加值占GDP比重', '%', 'expected', 'level', null, '=', 50, 41.4],
    ['万人发明专利拥有量', '件', 'expected', 'level', null, '=', 6, 10.4],
    ['规模以上工业企业全员劳动生产率', '万元/人·年', 'expected', 'level', null, '=', 31, 36],
    ['城乡居民人均可支配收入比', null, 'expected', 'level', null, '=', 1.85, 1.95],
    ['森林蓄积量', '万立方米', 'binding', 'level', null, '=', 200, 200],
    ['空气质量优良天数比率', '%', 'binding', 'level', null, '=', 80, 91],
    ['二氧化硫', '%', 'binding', 'cumulative', null, '=', 40, 40],
    ['单位地区生产总值能耗降低率', '%', 'binding', 'cumulative', null, '=', 16.5, 21.16],
    ['净增建设用地总量', '公顷', 'binding', 'cumulative', null, '<=', 1600, 2059],
    ['实际利用内资', '亿元', 'expected', 'cumulative', null, '=', 2500, null],
    ['港口货运吞吐量', '万吨', 'expected', 'level', null, '=', 850, 68],
    ['主要劳动年龄人口平均受教育年限', '年', 'binding', 'level', null, '=', 11.8, 11.8],
  ];
  it.each(table1)('table 1: %s', (name, unit, attribute, kind, baseline, cmp, target, actual) => {
    const r = row(t1, name);
    expect([r.unit, r.attribute, r.baseline]).toEqual([unit, attribute, baseline]);
    expect(r.targets).toHaveLength(1);
    expect(r.targets[0]).toMatchObject({ year: 2020, kind, comparator: cmp, value: target });
    expect(r.actual?.value ?? null).toBe(actual);
    if (actual !== null) expect(r.actual?.year).toBe(2020);
  });

  it('table 1: group rows become categories and pass their unit on', () => {
    expect(row(t1, '科技成果转化率').category).toBe('创新效率');
    expect(row(t1, '化学需氧量')).toMatchObject({ category: '主要污染物排放总量减少率', unit: '%' });
    expect(row(t1, '区内主要河流水质').targets[0]).toMatchObject({ text: 'Ⅱ-Ⅳ', comparator: 'range', value: 2, valueMax: 4 });
    expect(row(t1, '户籍人口城镇化率').category).toBeNull();
    expect(t1.map((r) => r.name)).not.toContain('创新效率');
  });

  it('table 1: notes go to the rows they name, generic notes to all, the legend nowhere', () => {
    expect(row(t1, '实际利用内资').note).toContain('不再统计');
    expect(row(t1, '氨氮').note).toContain('以重庆下达数为准');
    expect(row(t1, '进出口总额').note).not.toContain('以重庆下达数为准');
    for (const r of t1) expect(r.note).toContain('实际完成数据以最终统计发布数据为准');
    for (const r of all) expect(r.note ?? '').not.toContain('带*');
  });

  const table2: Exp[] = [
    ['地区生产总值年均增速', '%', 'expected', 'annual_growth', 4.6, '=', 7.5, null],
    ['人均地区生产总值', '万元', 'expected', 'level', 8.8, '=', 11.8, null],
    ['全员劳动生产率', '万元/人·年', 'expected', 'level', 16, '=', 19.5, null],
    ['研究与试验发展经费支出占地区生产总值比重', '%', 'expected', 'level', 2.5, '=', 3, null],
    ['新增高新技术企业数量', '户', 'expected', 'cumulative', null, '=', 120, null],
    ['数字经济增加值占地区生产总值比重', '%', 'expected', 'level', 24.9, '=', 33, null],
    ['进出口总额', '亿美元', 'expected', 'cumulative', 4.55, '=', 40, null],
    ['单位地区生产总值能耗降低率', '%', 'binding', 'cumulative', 19.1, '=', 13, null],
    ['常住居民人均可支配收入年均增速', '%', 'expected', 'annual_growth', 6.7, '=', 7, null],
    ['城乡居民人均可支配收入比', null, 'expected', 'level', 1.95, '=', 1.85, null],
    ['森林覆盖率', '%', 'binding', 'level', 51, '>', 51, null],
    ['空气质量优良天数', '天', 'binding', 'level', 334, '>=', 300, null],
    ['国家考核断面水质达标比例', '%', 'binding', 'level', null, '=', 100, null],
    ['每千老年人口拥有养老服务机构床位数', '张', 'expected', 'level', 18, '=', 30, null],
    ['粮食综合生产能力', '万吨', 'binding', 'level', 48, '=', 48.5, null],
    ['亿元地区生产总值安全事故死亡率', null, 'binding', 'level', 0.024, '<', 0.019, null],
  ];
  it.each(table2)('table 2: %s', (name, unit, attribute, kind, baseline, cmp, target) => {
    const r = row(t2, name);
    expect([r.unit, r.attribute, r.actual]).toEqual([unit, attribute, null]);
    expect(r.baseline?.value ?? null).toBe(baseline);
    if (baseline !== null) expect(r.baseline?.year).toBe(2020);
    expect(r.targets).toEqual([expect.objectContaining({ year: 2025, kind, comparator: cmp, value: target })]);
  });

  it('table 2: categories from the numbered group rows, notes by attribute', () => {
    expect(row(t2, '人均地区生产总值').category).toBe('综合发展质效');
    expect(row(t2, '常住人口城镇化率').category).toBe('打造高质量发展先行区');
    expect(row(t2, '每千人口医疗卫生机构床位数').category).toBe('打造高品质生活示范区');
    expect(row(t2, '粮食综合生产能力').category).toBe('安全发展');
    expect(row(t2, '森林覆盖率').note).toContain('部分约束性指标目标值最终以重庆下达目标为准');
    expect(row(t2, '人口平均预期寿命').note).toBe('2020年数据以最终统计发布数据为准');
  });
});

describe('other table layouts', () => {
  it('reads one row per line split by tabs, a unit column and two target years', () => {
    const text = [
      '表3 某市“十四五”生态环境主要指标',
      '类别\t指标\t单位\t2020年\t2025年\t2035年\t属性',
      '绿色生态\t单位GDP能耗降低\t%\t—\t[14]\t—\t约束性',
      '\tPM2.5年均浓度\t微克/立方米\t38\t≤35\t≤25\t约束性',
      '民生福祉\t城镇调查失业率\t%\t5.1\t<5.5\t—\t预期性',
      '正文继续。',
    ].join('\n');
    const rows = extractIndicators(ctxOf(text));
    expect(rows).toHaveLength(3);
    expect(rows[0]).toMatchObject({ name: '单位GDP能耗降低', unit: '%', category: '绿色生态', attribute: 'binding', baseline: null });
    expect(rows[0].targets).toEqual([expect.objectContaining({ year: 2025, value: 14, kind: 'cumulative' })]);
    expect(rows[1]).toMatchObject({ category: '绿色生态', unit: '微克/立方米', baseline: { year: 2020, value: 38, text: '38' } });
    expect(rows[1].targets.map((t) => [t.year, t.comparator, t.value])).toEqual([
      [2025, '<=', 35],
      [2035, '<=', 25],
    ]);
    expect(rows[2]).toMatchObject({ category: '民生福祉', attribute: 'expected' });
  });

  it('reads a pipe table with notes', () => {
    const text = [
      '主要指标',
      '| 序号 | 指标名称 | 基期值 | 目标值(2025年) | 属性 |',
      '|---|---|---|---|---|',
      '| 1 | 地区生产总值(亿元) | 1000 | 1500左右 | 预期性 |',
      '| 2 | 居民人均可支配收入增长(%) | 6 | *6.5 | 预期性 |',
      '注:目标值为预计数。',
    ].join('\n');
    const rows = extractIndicators(ctxOf(text));
    expect(rows.map((r) => [r.name, r.unit, r.targets[0].comparator, r.targets[0].value, r.targets[0].kind, r.targets[0].year])).toEqual([
      ['地区生产总值', '亿元', 'approx', 1500, 'level', 2025],
      ['居民人均可支配收入增长', '%', '=', 6.5, 'annual_growth', 2025],
    ]);
    expect(rows[0].note).toBe('目标值为预计数');
    expect(rows[0].table).toBe('主要指标');
  });

  it('reads rows split by runs of spaces', () => {
    const text = '指标名称      单位    2020年    2025年    属性\n农村自来水普及率    %    88    ≥95    约束性\n乡村旅游接待人次    万人次    300    500左右    预期性\n';
    const rows = extractIndicators(ctxOf(text));
    expect(rows.map((r) => [r.name, r.unit, r.baseline?.value, r.targets[0].comparator, r.targets[0].value, r.attribute])).toEqual([
      ['农村自来水普及率', '%', 88, '>=', 95, 'binding'],
      ['乡村旅游接待人次', '万人次', 300, 'approx', 500, 'expected'],
    ]);
  });

  it('reads a docx read as plain text (one paragraph per cell) and an HTML table (tab-led rows)', () => {
    // mammoth: every cell is a paragraph followed by a blank line; an empty cell adds two blank lines
    const docx = '表1 主要指标\n\n序号\n\n指标名称\n\n属性\n\n2020年\n\n2025年\n\n一\n\n经济发展\n\n\n\n\n\n\n\n1\n\nGDP(亿元)\n\n预期性\n\n1000\n\n1500\n\n2\n\n新增就业(万人)\n\n\n\n—\n\n【12】\n\n备注:目标为预计数。\n\n正文';
    const html = '表2 指标\n\t序号\t指标名称\t属性\t2020年\t2025年\n\t一\t经济发展\t\t\t\n\t1\tGDP(亿元)\t预期性\t1000\t1500\n\t2\t新增就业(万人)\t\t—\t【12】\n正文。';
    for (const text of [docx, html]) {
      const rows = extractIndicators(ctxOf(text));
      expect(rows.map((r) => [r.name, r.unit, r.category, r.attribute, r.baseline?.value ?? null, r.targets.map((t) => [t.year, t.value, t.kind])])).toEqual([
        ['GDP', '亿元', '经济发展', 'expected', 1000, [[2025, 1500, 'level']]],
        ['新增就业', '万人', '经济发展', null, null, [[2025, 12, 'cumulative']]],
      ]);
    }
  });

  it('ignores tables without indicator columns and prose with spaces', () => {
    expect(extractIndicators(ctxOf('姓名  职务  电话\n张三  主任  123\n'))).toEqual([]);
    expect(extractIndicators(ctxOf('推进  城市更新,  加快建设。\n'))).toEqual([]);
    const tasks = '序号\t重点任务\t工作目标\t牵头单位\t完成时限\n1\t推进老旧小区改造\t改造100个\t区住房城乡建委\t2025年底\n2\t建设公园\t新建5个\t区城市管理局\t2024年\n';
    expect(extractIndicators(ctxOf(tasks))).toEqual([]);
  });
});

describe('a table flattened one cell per line with unnumbered names and a category column (real-CM cm01)', () => {
  it('reads each name with the figures under it, the category lines as sections', () => {
    const text =
      '“十二五”现代农业主要经济指标表\n\n类别\n\n  指标\n\n  2010年实绩\n\n  2015年目标\n\n  一、经济增长\n\n  农业增加值(亿元)\n\n  81.53\n\n  163\n\n' +
      '  农民人均纯收入(元)\n\n  10874\n\n  22000\n\n  二、农产品供给\n\n  粮食总产(万吨)\n\n  119.6\n\n  100\n\n' +
      '  综合农业机械化水平(%)\n\n  74%\n\n  82%\n\n  全市新增造林面积(万亩)(5年新增量)\n\n  28.4\n\n  17.3\n';
    const got = extractIndicators(ctxOf(text)).map((i) => [i.name, i.unit, i.baseline?.value ?? null, i.targets.map((t) => [t.year, t.value])]);
    expect(got).toEqual([
      ['农业增加值', '亿元', 81.53, [[2015, 163]]],
      ['农民人均纯收入', '元', 10874, [[2015, 22000]]],
      ['粮食总产', '万吨', 119.6, [[2015, 100]]],
      ['综合农业机械化水平', '%', 74, [[2015, 82]]],
      ['全市新增造林面积(5年新增量)', '万亩', 28.4, [[2015, 17.3]]],
    ]);
  });
});

describe('the section lines of a flat indicator table name its rows\' category (real-CM cm01)', () => {
  it('gives each row the section it stands under', () => {
    const text =
      '主要经济指标表\n\n类别\n\n指标\n\n2010年实绩\n\n2015年目标\n\n一、经济增长\n\n农业增加值(亿元)\n\n81.53\n\n163\n\n二、农产品供给\n\n粮食总产(万吨)\n\n119.6\n\n100\n\n肉类总产(万吨)\n\n11.45\n\n13\n';
    expect(extractIndicators(ctxOf(text)).map((i) => [i.category, i.name])).toEqual([
      ['经济增长', '农业增加值'],
      ['农产品供给', '粮食总产'],
      ['农产品供给', '肉类总产'],
    ]);
  });
});

describe('a flat indicator table whose running number stands under the category\'s header (real-DP dp05)', () => {
  it('reads each row by its number, the category printed before its group dropped', () => {
    const text = ['二、主要指标', '', '领域', '', '指标', '', '2025年', '', '残疾预防知识普及行动', '', '1', '', '重点人群残疾预防知识普及率', '', '>85%', '', '出生缺陷和发育障碍致残防控行动', '', '2', '', '婚前医学检测率', '', '>70%', '', '3', '', '新生儿遗传代谢性疾病筛查率', '', '≥98%', ''].join('\n');
    const got = extractIndicators(ctxOf(text)).map((i) => [i.name, i.targets[0]?.comparator, i.targets[0]?.value, i.targets[0]?.year]);
    expect(got).toEqual([
      ['重点人群残疾预防知识普及率', '>', 85, 2025],
      ['婚前医学检测率', '>', 70, 2025],
      ['新生儿遗传代谢性疾病筛查率', '>=', 98, 2025],
    ]);
  });
});
