import { describe, expect, it } from 'vitest';
import { extractTargets } from '../../server/parser/targets.js';
import { parsedTargetSchema, type ParsedTarget } from '../../shared/parsedPlan.js';
import { corpus, ctxOf } from './indicators.helpers.js';

const targetsOf = (text: string) => extractTargets(ctxOf(text), []);

// [subject contains, value, comparator, unit, year], read by hand from 000's "(三)总体目标"
type Exp = [string, number, ParsedTarget['comparator'], string | null, number];
const expected000: Exp[] = [
  ['中心城区建成区面积', 100, '=', '平方公里', 2025],
  ['城市人口', 100, '=', '万人', 2025],
  ['建成区绿化覆盖率', 43, '>=', '%', 2025],
  ['人均公园绿地面积', 12, '=', '平方米', 2025],
  ['覆盖居住区比例', 90, '=', '%', 2025],
  ['城镇老旧小区改造规模', 600, '=', '万平方米', 2025],
  ['养老服务设施达标率', 100, '=', '%', 2025],
  ['高铁运行里程', 70, 'approx', '公里', 2025],
  ['高速公路通车里程', 172, '=', '公里', 2025],
  ['路网密度', 7, '=', '公里/平方公里', 2025],
  ['城市慢道长度', 20, '>', '公里', 2025],
  ['公共供水覆盖率', 100, '=', '%', 2025],
  ['供水管网漏损率', 10, '<', '%', 2025],
  ['5G网络覆盖率', 95, '>', '%', 2025],
  ['天然气消费占比', 30, '>=', '%', 2025],
  ['单位GDP能耗强度', 14.5, '=', '%', 2025],
  ['公共交通机动化出行分担率', 36, '=', '%', 2025],
  ['城镇绿色建筑占新建建筑比例', 100, '=', '%', 2025],
  ['大宗工业固废利用率', 95, '>=', '%', 2025],
  ['危险废物处置率', 100, '=', '%', 2025],
  ['生活垃圾回收利用率', 40, '=', '%', 2025],
  ['数字经济增加值占地区生产总值比重', 12, '=', '%', 2025],
  ['研发投入强度', 3, '>=', '%', 2025],
  ['科技创新平台总量', 110, '>', '个', 2025],
  ['文化产业增加值占GDP比重', 4, '=', '%', 2025],
  ['文物保护单位开放利用率', 100, '=', '%', 2025],
  ['公共文化设施面积', 1200, '=', '平方米', 2025],
  ['公共图书馆人均藏书量', 1.05, '=', '册', 2025],
  ['公共数字文化服务覆盖率', 100, '=', '%', 2025],
  ['人均体育场地面积', 2.5, '=', '平方米', 2025],
  ['消防基础设施完好率', 98, '=', '%', 2025],
  ['人均避难场所面积', 7.7, '=', '平方米', 2025],
  ['人员掩蔽工程占比', 70, '>=', '%', 2025],
  ['安全事故死亡率', 0.025, '<', null, 2025],
  ['中心城区建成区面积', 120, '=', '平方公里', 2035],
  ['城市人口', 120, '=', '万人', 2035],
];

describe('000 (三)总体目标', () => {
  const text = corpus('000_72a228d2becc53a7.txt');
  const from = text.indexOf('(三)总体目标');
  const to = text.indexOf('二、提升城市发展能级');
  const got = targetsOf(text).filter((t) => t.source.start >= from && t.source.end <= to);
  const matches = (t: ParsedTarget, e: Exp) =>
    t.subject.includes(e[0]) && t.value === e[1] && t.comparator === e[2] && t.unit === e[3] && t.year === e[4];

  it('finds every target with value, comparator, unit and year right', () => {
    const used = new Set<ParsedTarget>();
    const missed = expected000.filter((e) => {
      const hit = got.find((t) => !used.has(t) && matches(t, e));
      if (hit) used.add(hit);
      return !hit;
    });
    const precision = used.size / got.length;
    const recall = used.size / expected000.length;
    console.log(`000 总体目标: ${got.length} extracted, ${used.size}/${expected000.length} expected; precision ${precision.toFixed(3)} recall ${recall.toFixed(3)}`);
    expect(missed).toEqual([]);
    expect(got.filter((t) => !used.has(t)).map((t) => t.quote)).toEqual([]);
  });

  it('flags the decrease and maps quotes back to the original', () => {
    expect(got.find((t) => t.value === 14.5)?.decrease).toBe(true);
    expect(got.filter((t) => t.decrease)).toHaveLength(1);
    for (const t of got) {
      parsedTargetSchema.parse(t);
      expect(text.slice(t.source.start, t.source.end)).toBe(t.quote);
    }
  });
});

const one = (text: string) => {
  const ts = targetsOf(text);
  expect(ts, text).toHaveLength(1);
  return ts[0];
};

describe('comparator forms', () => {
  it.each([
    ['到2025年,全市森林覆盖率达到55%以上。', '全市森林覆盖率', 55, '>=', '%'],
    ['到2025年,城镇新增就业不少于10万人。', '城镇新增就业', 10, '>=', '万人'],
    ['到2025年,粮食总产量不低于110万吨。', '粮食总产量', 110, '>=', '万吨'],
    ['到2025年,研发经费投入至少保持在50亿元。', '研发经费投入', 50, '>=', '亿元'],
    ['到2025年,全市高新技术企业超过800家。', '全市高新技术企业', 800, '>', '家'],
    ['到2025年,数字经济规模突破1000亿元。', '数字经济规模', 1000, '>', '亿元'],
    ['到2025年,培育规上企业500余家。', '培育规上企业', 500, '>', '家'],
    ['到2025年,城镇调查失业率控制在5.5%以内。', '城镇调查失业率', 5.5, '<=', '%'],
    ['到2025年,PM2.5年均浓度不超过35微克/立方米。', 'PM2.5年均浓度', 35, '<=', '微克/立方米'],
    ['到2025年,万元GDP用水量低于30立方米。', '万元GDP用水量', 30, '<', '立方米'],
    ['到2025年,常住人口城镇化率达到70%左右。', '常住人口城镇化率', 70, 'approx', '%'],
    ['到2025年,地区生产总值接近3000亿元。', '地区生产总值', 3000, 'approx', '亿元'],
    ['到2025年,全市常住人口约120万人。', '全市常住人口', 120, 'approx', '万人'],
    ['到2025年,人均预期寿命达到79岁。', '人均预期寿命', 79, '=', '岁'],
    ['到2025年,每千人口拥有执业医师3.2人。', '每千人口拥有执业医师', 3.2, '=', '人'],
    ['到2025年,建成5G基站1.2万个。', '建成5G基站', 1.2, '=', '万个'],
  ] as const)('%s', (text, subject, value, comparator, unit) => {
    expect(one(text)).toMatchObject({ subject, value, comparator, unit, year: 2025, valueMax: null });
  });
});

describe('ranges, years, 每年, 下降', () => {
  it('reads ranges', () => {
    expect(one('到2025年,新建2-3个产业园。')).toMatchObject({ value: 2, valueMax: 3, comparator: 'range', unit: '个' });
    expect(one('“十四五”期间,地区生产总值年均增长6%-7%。')).toMatchObject({ subject: '地区生产总值年均增长', value: 6, valueMax: 7, unit: '%', year: 2025 });
    expect(one('到2030年,培育5至8家龙头企业。')).toMatchObject({ value: 5, valueMax: 8, comparator: 'range', year: 2030 });
  });

  it('takes the year from the sentence, the paragraph or an earlier paragraph, and Chinese years', () => {
    const ts = targetsOf('到2025年,全区人口达到100万人。\n——绿化覆盖率达到45%。\n展望二〇三五年,全区人口达到150万人。\n"十四五"末,农村自来水普及率达到90%。');
    expect(ts.map((t) => [t.value, t.year])).toEqual([
      [100, 2025],
      [45, 2025],
      [150, 2035],
      [90, 2025],
    ]);
    expect(one('力争2027年底前新能源汽车保有量达到5万辆。').year).toBe(2027);
    expect(one('新能源汽车保有量达到5万辆。').year).toBeNull();
  });

  it('marks 每年 as recurring and 下降 as a decrease', () => {
    expect(one('到2025年,每年新增城镇就业2万人以上。')).toMatchObject({ value: 2, comparator: '>=', recurring: true, decrease: false });
    expect(one('城镇新增就业人数每年稳定在65万人。')).toMatchObject({ subject: '城镇新增就业人数', value: 65, recurring: true });
    expect(one('到2025年,单位GDP二氧化碳排放下降18%。')).toMatchObject({ subject: '单位GDP二氧化碳排放', value: 18, decrease: true, comparator: '=' });
    expect(one('到2025年,化学需氧量排放总量减少8%以上。')).toMatchObject({ value: 8, decrease: true, comparator: '>=' });
    expect(one('到2025年,PM2.5浓度降至30微克/立方米。')).toMatchObject({ value: 30, decrease: false });
  });

  it('reads counted objects after an action verb', () => {
    expect(one('到2025年,建成10个智慧社区。')).toMatchObject({ subject: '建成智慧社区', value: 10, unit: '个' });
  });
});

describe('a paragraph in the style of other cities\' outlines', () => {
  it('reads lists, 分别, borrowed subjects and 保持/稳定在', () => {
    const text =
      '到2025年,全市地区生产总值突破3000亿元,年均增长6.5%左右,人均地区生产总值达到10万元以上;单位地区生产总值能源消耗和二氧化碳排放分别降低14%和18%;城市生活垃圾无害化处理率保持100%。\n' +
      '全市粮食播种面积稳定在300万亩以上、产量稳定在120万吨以上。森林覆盖率由50%提高到55%,单位GDP能耗比2020年下降13.5%,新建学校3所和幼儿园5所。';
    expect(targetsOf(text).map((t) => [t.subject, t.value, t.comparator, t.unit, t.decrease, t.year])).toEqual([
      ['全市地区生产总值', 3000, '>', '亿元', false, 2025],
      ['全市地区生产总值年均增长', 6.5, 'approx', '%', false, 2025],
      ['人均地区生产总值', 10, '>=', '万元', false, 2025],
      ['单位地区生产总值能源消耗和二氧化碳排放', 14, '=', '%', true, 2025],
      ['单位地区生产总值能源消耗和二氧化碳排放', 18, '=', '%', true, 2025],
      ['城市生活垃圾无害化处理率', 100, '=', '%', false, 2025],
      ['全市粮食播种面积', 300, '>=', '万亩', false, 2025],
      ['产量', 120, '>=', '万吨', false, 2025],
      ['森林覆盖率', 55, '=', '%', false, 2025],
      ['单位GDP能耗', 13.5, '=', '%', true, 2025],
      ['新建学校', 3, '=', '所', false, 2025],
      ['幼儿园', 5, '=', '所', false, 2025],
    ]);
  });
});

describe('not targets', () => {
  it.each([
    ['“十四五”规划纲要\n编制“十四五”规划。"十三五"期间,全市地区生产总值年均增长8.5%,城镇化率达到65%。'],
    ['过去五年,累计完成固定资产投资2000亿元。'],
    ['截至2023年底,已建成5G基站3000个。'],
    ['为60岁以上老年人提供服务,加强0-3岁婴幼儿照护。'],
    ['根据《重庆市人民政府关于印发方案的通知》(渝府发〔2025〕4号)要求。'],
    ['2025年6月底前出台实施细则。'],
    ['2025年2月10日印发,自3月1日起施行。'],
    ['推进5G网络、G246国道和S208省道建设。'],
    ['打造1000亿级汽车产业集群,建设“1+3+N”产业体系。'],
    ['支持占比30%的产业转型,(1)加强统筹;(2)完善机制。'],
    ['专栏3 城市提升重点项目'],
  ])('%s', (text) => {
    expect(targetsOf(text)).toEqual([]);
  });

  it('drops progress beside a target and the item number glued to a figure', () => {
    const ts = targetsOf('到2025年,建成充电桩1000个(目前已建成600个),累计完成投资50亿元。');
    expect(ts.map((t) => t.value)).toEqual([1000]);
    const glued = targetsOf('到2025年:\n3.公交分担率达到50%。\n4.30%以上的村达到美丽乡村标准,农村卫生厕所普及率达到95%。');
    expect(glued.map((t) => t.value)).toEqual([50, 30, 95]);
    // the share names its subject after it: 30% (not 4.30%) of villages meet the standard
    expect(glued[1]).toMatchObject({ subject: '村达到美丽乡村标准', comparator: '>=', unit: '%', year: 2025 });
  });

  it('skips a document\'s history: an earlier plan period and past years', () => {
    const text = '“十四五”规划\n第一章 发展基础\n"十三五"时期,全区经济实力显著增强。\n地区生产总值突破千亿元,年均增长9%。\n第二章 发展目标\n到2025年,地区生产总值达到1500亿元。\n展望"十四五",城镇化率达到80%。\n2020年,全区城镇化率达到72%。';
    expect(targetsOf(text).map((t) => [t.value, t.year])).toEqual([
      [1500, 2025],
      [80, 2025],
    ]);
  });
});
