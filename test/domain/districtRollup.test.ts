// The roll-up of a city task from its districts (issue #13): one test per rule, 不适用 and 未落实 left out,
// no district taken up, none reporting, and the sentence that states each.
import { describe, expect, it } from 'vitest';
import { describeRollupRule, rollupDistricts, shareColor, type DistrictCellIn } from '../../server/domain/districtRollup.js';

const cell = (regionId: number, color: DistrictCellIn['color'], state: DistrictCellIn['state'] = 'taken_up'): DistrictCellIn => ({ regionId, state, color });
const na = (regionId: number) => cell(regionId, null, 'not_applicable');
const none = (regionId: number) => cell(regionId, null, 'not_taken');

describe('worst colour', () => {
  it('takes the worst colour of the taken-up districts; 不适用 and 未落实 do not count', () => {
    const r = rollupDistricts([cell(1, 'green'), cell(2, 'blue'), cell(3, 'yellow'), cell(4, 'green'), na(5), none(6), none(7)], { kind: 'worst' });
    expect(r).toEqual({
      color: 'yellow', onTrack: 3, takenUp: 4, progressing: 4, share: 75,
      text: '取最差颜色:4个区县已落实,最差为黄色,正常推进或已完成3个(占有进展区县的75%);2个区县未落实、1个区县不适用,不计入。',
    });
    // a red district under 不适用 is not read: 不适用 has no colour
    expect(rollupDistricts([cell(1, 'green'), { regionId: 2, state: 'not_applicable', color: 'red' }], { kind: 'worst' }).color).toBe('green');
  });
  it('is the default rule, and grey ranks above green', () => {
    expect(rollupDistricts([cell(1, 'green'), cell(2, 'grey')]).color).toBe('grey');
    expect(rollupDistricts([cell(1, 'red'), cell(2, 'grey')])).toMatchObject({ color: 'red', progressing: 1, share: 0 });
  });
});

describe('share on track', () => {
  const rule = { kind: 'share' as const, threshold: 60 };
  it('compares the share of reporting districts on track with the threshold', () => {
    // 2 of 3 reporting on track (66.7 %) ≥ 60 %: green, though one is red; the grey district and 不适用 are left out
    const r = rollupDistricts([cell(1, 'green'), cell(2, 'blue'), cell(3, 'red'), cell(4, 'grey'), na(5)], rule);
    expect(r).toEqual({
      color: 'green', onTrack: 2, takenUp: 4, progressing: 3, share: 66.7,
      text: '按正常推进占比:有进展的3个区县中正常推进或已完成2个(66.7%),达到阈值60%,为绿色;1个已落实区县尚无进展、1个区县不适用,不计入。',
    });
    expect(rollupDistricts([cell(1, 'green'), cell(2, 'red'), cell(3, 'yellow')], rule)).toMatchObject({ color: 'yellow', share: 33.3 });
    expect(rollupDistricts([cell(1, 'green'), cell(2, 'red'), cell(3, 'yellow'), cell(4, 'red')], rule)).toMatchObject({ color: 'red', share: 25 });
    expect(rollupDistricts([cell(1, 'blue'), cell(2, 'blue'), na(3)], rule)).toMatchObject({ color: 'blue', share: 100 });
    expect(rollupDistricts([cell(1, 'green'), cell(2, 'red')], { kind: 'share' }).text).toContain('低于阈值80%,为黄色');
  });
  it('the bands: at or above the threshold green, below it yellow, below half of it red', () => {
    expect([shareColor(80, 80), shareColor(79.9, 80), shareColor(40, 80), shareColor(39.9, 80)]).toEqual(['green', 'yellow', 'yellow', 'red']);
  });
});

describe('weighted by district', () => {
  it('weighs each reporting district (default 1) and compares the weighted share with the threshold', () => {
    const rule = { kind: 'weighted' as const, threshold: 50, weights: { '1': 3 } };
    // district 1 (weight 3) red, 2 and 3 green: 2 / 5 = 40 % < 50 %: yellow — the unweighted share would be 66.7 %
    const r = rollupDistricts([cell(1, 'red'), cell(2, 'green'), cell(3, 'green'), na(4)], rule);
    expect(r).toEqual({
      color: 'yellow', onTrack: 2, takenUp: 3, progressing: 3, share: 40,
      text: '按区县权重:有进展的3个区县权重之和5,其中正常推进或已完成的2个区县权重之和2(40%),低于阈值50%,为黄色;1个区县不适用,不计入。',
    });
    // with equal weights it is the share on track
    expect(rollupDistricts([cell(1, 'red'), cell(2, 'green'), cell(3, 'green')], { kind: 'weighted', threshold: 50 })).toMatchObject({ color: 'green', share: 66.7 });
    // a 不适用 district's weight is left out even when it is the heaviest
    expect(rollupDistricts([cell(1, 'green'), na(2)], { kind: 'weighted', weights: { '2': 100 } })).toMatchObject({ color: 'green', share: 100 });
  });
  it('weights that sum to nothing give grey, not a division by zero', () => {
    expect(rollupDistricts([cell(1, 'green')], { kind: 'weighted', weights: { '1': 0 } })).toMatchObject({ color: 'grey', share: null });
  });
});

describe('edge cases, every rule', () => {
  for (const kind of ['worst', 'share', 'weighted'] as const) {
    it(`${kind}: no district taken up has no colour; taken up with none reporting is grey`, () => {
      expect(rollupDistricts([none(1), none(2), na(3)], { kind })).toEqual({
        color: null, onTrack: 0, takenUp: 0, progressing: 0, share: null, text: '尚无区县落实;2个区县未落实、1个区县不适用,不计入。',
      });
      expect(rollupDistricts([], { kind })).toMatchObject({ color: null, text: '尚无区县落实。' });
      const silent = rollupDistricts([cell(1, 'grey'), cell(2, null), none(3)], { kind });
      expect(silent).toMatchObject({ color: 'grey', takenUp: 2, progressing: 0, share: null });
      expect(silent.text).toMatch(/尚无进展/);
    });
  }
});

describe('the rule in words', () => {
  it('states each rule with its threshold and weights', () => {
    expect(describeRollupRule(undefined)).toMatch(/^上级任务的状态取最差颜色:.*最差的颜色.*不计入。$/);
    expect(describeRollupRule({ kind: 'share', threshold: 70 })).toMatch(/达到70%为绿色,低于70%为黄色,低于35%为红色/);
    const w = describeRollupRule({ kind: 'weighted', weights: { '7': 2, '8': 1 } }, new Map([[7, '永川区']]));
    expect(w).toContain('(永川区2,其余区县为1)');
    expect(describeRollupRule({ kind: 'weighted' })).toContain('(各区县均为1)');
  });
});
