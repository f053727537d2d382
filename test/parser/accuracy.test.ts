// The owner's bars on other cities' layouts (unit F1 ≥ 0.85, target F1 ≥ 0.80), measured on the
// hand-labelled fixtures in fixtures/other-cities by the same scorer as bench/accuracy.ts.
import { describe, expect, it } from 'vitest';
import { evaluate, overall, prf, report } from '../../bench/accuracy.js';

const scores = await evaluate();

describe('accuracy on other cities’ layouts', () => {
  const o = overall(scores);

  it('has a labelled fixture set of realistic size, saved web pages included', () => {
    expect(scores.length).toBeGreaterThanOrEqual(10);
    expect(scores.filter((d) => d.html).length).toBeGreaterThanOrEqual(2);
  });

  it('meets the unit and target bars overall', () => {
    expect(o.units.f1, report(scores, true)).toBeGreaterThanOrEqual(0.85);
    expect(o.targets.f1, report(scores, true)).toBeGreaterThanOrEqual(0.8);
  });

  it("keeps other cities' units unknown: the registry only knows Chongqing", () => {
    expect(scores.reduce((n, d) => n + d.knownWrongly, 0), report(scores, true)).toBe(0);
  });

  it('no single layout collapses', () => {
    for (const d of scores) {
      if (d.units.tp + d.units.fn > 0) expect(prf(d.units).f1, d.name).toBeGreaterThanOrEqual(0.7);
      if (d.targets.tp + d.targets.fn > 0) expect(prf(d.targets).f1, d.name).toBeGreaterThanOrEqual(0.6);
    }
  });
});
