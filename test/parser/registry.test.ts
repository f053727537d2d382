// Registry look-ups: the registry knows Chongqing, so a plan of another city (named in its title or text) keeps
// its units unknown, and a snippet naming no place still resolves. (Regrouped from the blind-batch files 9, 12, 15.)
import { describe, expect, it } from 'vitest';
import { parseText } from '../../server/parser/index.js';
import { defaultRegistry, lookupRegion, namesOtherCity, ELSEWHERE } from '../../server/parser/registry.js';

const raws = (us: { raw: string }[]) => us.map((u) => u.raw);
const units = (p: ReturnType<typeof parseText>) => p.tasks.flatMap((t) => [...t.lead, ...t.responsible, ...t.cooperating]);

// blind batch 9
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

// blind batch 12
describe("another city's 市X names", () => {
  it("a plan naming another city keeps its 市X names unknown; a snippet naming no place still resolves", () => {
    const other = parseText('宣城市人民政府文件\n一、重点任务\n1.推进统计改革。(牵头单位:市统计局;配合单位:市民政局)\n');
    expect(other.tasks[0].lead[0].known).toBe(false);
    expect(other.tasks[0].cooperating[0].known).toBe(false);
    const plain = parseText('一、重点任务\n1.推进统计改革。(牵头单位:市统计局;配合单位:市民政局)\n');
    expect(plain.tasks[0].lead[0].known).toBe(true);
  });
});

// blind batch 15
describe('another city named in the title', () => {
  const reg = defaultRegistry();
  it('a four-character city opening the title line is another city', () => {
    expect(namesOtherCity('齐齐哈尔市2024年农村人居环境整治提升工作方案\n一、工作目标', reg)).toBe(true);
    expect(namesOtherCity('呼和浩特市人民政府办公室\n关于印发…的通知', reg)).toBe(true);
  });
  it('a snippet naming no place keeps resolving', () => {
    expect(namesOtherCity('一、加强宣传。(牵头单位:市委宣传部)', reg)).toBe(false);
    expect(namesOtherCity('全市2024年农村人居环境整治工作方案', reg)).toBe(false);
  });
  it('OCR 牵头单伩 is a lead label and the units stay the other city\'s', () => {
    const p = parseText('齐齐哈尔市2024年工作方案\n\n(五)健全长效管护机制。建立管护体系。(牵头单伩:市农业农村局;责任单位:市财政局)');
    expect(raws(p.tasks[0].lead)).toEqual(['市农业农村局']);
    expect(p.tasks.flatMap((t) => [...t.lead, ...t.responsible]).filter((u) => u.known)).toEqual([]);
  });
});

describe('a page about another city\'s government (p15: 成都 政府工作报告 分解方案 repost)', () => {
  it('keeps its 市X names unknown instead of resolving them to Chongqing\'s', async () => {
    const { parseText } = await import('../../server/parser/index.js');
    const plan = parseText(['日前,成都市人民政府网站公布了《2022年〈政府工作报告〉目标任务责任分解方案》。', '1.地区生产总值增长7%左右。(牵头单位:市发改委;责任单位:市统计局)'].join('\n'));
    const units = plan.tasks.flatMap((t) => [...t.lead, ...t.responsible]);
    expect(units.map((u) => u.raw)).toEqual(['市发改委', '市统计局']);
    expect(units.every((u) => !u.known)).toBe(true);
  });
});
