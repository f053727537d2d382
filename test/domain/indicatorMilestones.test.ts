import { describe, expect, it } from 'vitest';
import { targetSegment } from '../../server/domain/indicatorMilestones.js';
import { expectedValue } from '../../server/domain/indicatorExpected.js';

const level = { baselineYear: 2020, baselineValue: 40, kind: 'level' };
const two = [
  { year: 2025, value: 60 },
  { year: 2023, value: 52 },
];

describe('targetSegment', () => {
  it('runs from the baseline to the first milestone, then from it to the next', () => {
    expect(targetSegment(level, two, 2022)).toMatchObject({ baselineYear: 2020, baseline: 40, targetYear: 2023, target: 52, interim: true });
    expect(targetSegment(level, two, 2023)).toMatchObject({ baselineYear: 2020, targetYear: 2023, interim: true });
    expect(targetSegment(level, two, 2024)).toMatchObject({ baselineYear: 2023, baseline: 52, targetYear: 2025, target: 60, interim: false });
    expect(targetSegment(level, two, 2030)).toMatchObject({ targetYear: 2025, interim: false });
  });

  it('gives a piecewise-linear expected path through the milestone', () => {
    const at = (year: number) => {
      const s = targetSegment(level, two, year)!;
      return expectedValue({ baseline: s.baseline, baselineYear: s.baselineYear, target: s.target, targetYear: s.targetYear, kind: 'level', asOf: year });
    };
    expect(at(2021)).toBeCloseTo(44);
    expect(at(2023)).toBeCloseTo(52);
    expect(at(2024)).toBeCloseTo(56);
    expect(at(2025)).toBeCloseTo(60);
  });

  it('keeps the baseline for growth rates and totals, taking the target of the year in question', () => {
    const g = targetSegment({ ...level, kind: 'annual_growth' }, [{ year: 2023, value: 6 }, { year: 2025, value: 7 }], 2024);
    expect(g).toMatchObject({ baselineYear: 2020, baseline: 40, targetYear: 2025, target: 7 });
  });

  it('ignores targets without a year or a value, or not after the baseline', () => {
    expect(targetSegment(level, [{ year: null, value: 5 }, { year: 2025, value: null }, { year: 2019, value: 3 }], 2022)).toBeNull();
    expect(targetSegment({ ...level, baselineYear: null }, two, 2022)).toBeNull();
    expect(targetSegment(level, [{ year: 2025, value: 60, valueMax: 65, comparator: 'range' }], 2022)).toMatchObject({ targetMax: 65, comparator: 'range' });
  });
});
