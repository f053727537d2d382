// The parser on real published pages (fixtures/real, labelled by hand; bench/accuracy.ts --set real). These
// bars hold what has been reached so that no change slips back unnoticed; they are not a claim about unseen
// pages — docs/benchmarks.md gives the first-sight and held-out figures for that.
import { describe, expect, it } from 'vitest';
import { evaluate, overall, report, REAL_PAGES } from '../../bench/accuracy.js';

// every batch; each was scored at first sight (or held out) before rules were written for it (docs/benchmarks.md)
const scores = await evaluate(REAL_PAGES);

describe('accuracy on real published pages', () => {
  it('has at least 250 real pages from the labelled batches', () => {
    expect(scores.length).toBeGreaterThanOrEqual(250);
  });

  // the bars are on the batches rules were written from (A–J, L–Z, AB, each scored at first sight before any rule was
  // written from it: docs/benchmarks.md); the held-out batch (K) is measured there, never tuned to, so it does not gate
  const DEV = new Set(['real-A', 'real-B', 'real-C', 'real-D', 'real-E', 'real-F', 'real-G', 'real-H', 'real-I', 'real-J', 'real-L', 'real-M', 'real-N', 'real-O', 'real-P', 'real-Q', 'real-R', 'real-S', 'real-T', 'real-U', 'real-V', 'real-W', 'real-X', 'real-Y', 'real-Z', 'real-AB']);
  it('holds the task, task-unit and target figures reached', () => {
    const o = overall(scores.filter((d) => DEV.has(d.batch)));
    expect(o.tasks.f1, report(scores, false)).toBeGreaterThanOrEqual(0.845);
    expect(o.units.f1, report(scores, false)).toBeGreaterThanOrEqual(0.84);
    expect(o.targets.f1, report(scores, false)).toBeGreaterThanOrEqual(0.85);
  });
});
