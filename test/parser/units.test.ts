import { describe, expect, it } from 'vitest';
import { parseDeadline, contextYearOf } from '../../server/parser/deadline.js';
import { defaultRegistry, resolveUnit } from '../../server/parser/registry.js';
import { parseUnitList } from '../../server/parser/units.js';
import { identityDoc } from '../../server/parser/doc.js';
import type { ParseContext } from '../../server/parser/types.js';

describe('deadlines', () => {
  it.each([
    ['2025年12月底前', null, '2025-12'],
    ['2022年10月底前', null, '2022-10'],
    ['8月底', 2023, '2023-08'],
    ['8月底', null, null],
    ['6月下旬', 2024, '2024-06'],
    ['2024年6月30日前', null, '2024-06-30'],
    ['2025年底前', null, '2025-12'],
    ['2024年上半年', null, '2024-06'],
    ['2023年第三季度', null, '2023-09'],
    ['十月底前', 2022, '2022-10'],
  ])('%s (context %s) → %s', (text, year, want) => {
    expect(parseDeadline(text, year)?.deadline ?? null).toBe(want);
  });

  it('keeps open-ended wording without a date', () => {
    expect(parseDeadline('长期坚持')).toEqual({ deadline: null, text: '长期坚持' });
    expect(parseDeadline('按要求推进')).toBeNull();
    expect(contextYearOf('2022年城市更新重点任务清单')).toBe(2022);
    expect(contextYearOf('2021—2025年规划')).toBeNull();
  });
});

describe('registry', () => {
  const reg = defaultRegistry();
  it('is data per region, with the district template expanded', () => {
    const regions = new Set(reg.map((u) => u.region));
    expect([...regions].sort()).toEqual(['永川区', '璧山区', '重庆市', '铜梁区'].sort());
    expect(reg.filter((u) => u.name === '区卫生健康委').map((u) => u.region).sort()).toEqual(['永川区', '璧山区', '铜梁区'].sort());
    expect(reg.some((u) => u.region === '永川区' && u.name === '朱沱镇')).toBe(true);
  });

  it('区卫健委 and 区卫生健康委 are one unit; prefixes follow the region', () => {
    expect(resolveUnit('区卫健委', reg, '永川区')).toMatchObject({ name: '区卫生健康委', known: true, region: '永川区' });
    expect(resolveUnit('永川区卫生健康委员会', reg, '永川区')).toMatchObject({ name: '区卫生健康委', region: '永川区' });
    expect(resolveUnit('市卫健委', reg, '永川区')).toMatchObject({ name: '市卫生健康委', region: '重庆市' });
    expect(resolveUnit('重庆市交通局', reg, null)).toMatchObject({ name: '市交通运输委', known: true });
    expect(resolveUnit('高新区管委会', reg, '铜梁区').name).toBe('铜梁高新区管委会');
    expect(resolveUnit('区发展改革委', reg, null)).toMatchObject({ name: '区发展改革委', known: true });
    expect(resolveUnit('区无此局', reg, '永川区')).toMatchObject({ name: '区无此局', known: false });
  });
});

describe('unit lists', () => {
  const ctx: ParseContext = { doc: identityDoc(''), registry: defaultRegistry(), warnings: [], region: '永川区' };
  const read = (s: string) => {
    const c = { ...ctx, doc: identityDoc(s) };
    return parseUnitList(c, s, 0);
  };

  it('keeps catch-alls honest', () => {
    const r = read('区规划自然资源局、区交通局等区级有关部门,各镇街,区安委会成员单位,各区县(自治县)政府,相关管委会');
    expect(r.units.map((u) => [u.raw, u.scope])).toEqual([
      ['区规划自然资源局', 'unit'],
      ['区交通局', 'unit'],
      ['等区级有关部门', 'others'],
      ['各镇街', 'all_towns'],
      ['区安委会成员单位', 'group_members'],
      ['各区县(自治县)政府', 'all_districts'],
      ['相关管委会', 'others'],
    ]);
    expect(r.rejected).toEqual([]);
  });

  it('rejects sentence fragments and keeps offsets', () => {
    const s = '区财政局,着力集聚一批高端研发平台';
    const r = read(s);
    expect(r.units.map((u) => u.raw)).toEqual(['区财政局']);
    expect(r.rejected.map((p) => p.text)).toEqual(['着力集聚一批高端研发平台']);
    expect(s.slice(r.units[0].source!.start, r.units[0].source!.end)).toBe('区财政局');
  });

  it('reads the catch-alls other cities write', () => {
    const r = read('各县(市、区)人民政府,各乡镇人民政府、街道办事处,相关镇街,有关区县');
    expect(r.units.map((u) => [u.raw, u.scope])).toEqual([
      ['各县(市、区)人民政府', 'all_districts'],
      ['各乡镇人民政府、街道办事处', 'all_towns'],
      ['相关镇街', 'others'],
      ['有关区县', 'others'],
    ]);
  });

  it('splits names joined by 和 but not names that contain it', () => {
    expect(read('区卫生健康委和区医保局').units.map((u) => u.name)).toEqual(['区卫生健康委', '区医保局']);
    expect(read('区规划和自然资源局').units.map((u) => u.name)).toEqual(['区规划自然资源局']);
  });

  it('under a label, short plain names are kept', () => {
    const s = '电信、移动、联通公司';
    expect(parseUnitList({ ...ctx, doc: identityDoc(s) }, s, 0, true).units.map((u) => [u.raw, u.known])).toEqual([
      ['电信', false],
      ['移动', false],
      ['联通公司', false],
    ]);
    expect(read(s).units.map((u) => u.raw)).toEqual(['联通公司']);
  });
});

