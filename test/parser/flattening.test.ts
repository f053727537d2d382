// The same real page flattened another way (blank lines, indentation, line ends, spaces, tabs or spaces for "|",
// a cell per line, full-width punctuation, a traditional-character mirror) must read as it does written as is: every word is kept, so a lower
// score is a rule that depends on one site's spelling (bench/perturb.ts prints the table).
import { describe, expect, it } from 'vitest';
import { overall } from '../../bench/accuracy.js';
import { scoreVariants } from '../../bench/perturb.js';

// real-A…H and the two-letter batches whose variants were checked when the bars below were set (later batches join when checked)
const results = scoreVariants('a,b,c,d,e,f,g,h,aa,ab,ac,ad,ae,af,ag');

// Where a variant still reads worse, the gap measured (2026-12-05) is the bar, so it can only close:
// - trad: the converter's rare choices (个 → 箇) that the converted labels do not follow;
// - tabs, spaces: two completion tables whose header cell breaks over two lines ("1- 8月 实际完成情况⏎任务完成率"):
//   with "|" the broken row still reads, with tabs or spaces it does not; a headerless project list (c01) whose
//   建设地点 column of towns is taken for the units and whose figures in later columns are then not read;
// - cells (every cell on a line of its own, empty cells lost): tables with a header read per line lose their
//   columns when a row has an empty cell; headerless rows opened by their number read.
const GAPS: Record<string, { f1: number; pages: number }> = {
  trad: { f1: 0.002, pages: 2 },
  tabs: { f1: 0.018, pages: 3 },
  spaces: { f1: 0.02, pages: 3 },
  cells: { f1: 0.02, pages: 6 },
};
const asis = overall(results.find((r) => r.variant === 'asis')!.scores);

describe('real pages flattened another way', () => {
  for (const r of results.filter((x) => x.variant !== 'asis')) {
    it(`reads the "${r.variant}" variant as written`, () => {
      const o = overall(r.scores);
      const detail = r.worse.map((w) => w.name).join(', ');
      expect(r.skipped, 'every labelled key survives the variant').toBe(0);
      const gap = GAPS[r.variant] ?? { f1: 0.001, pages: 0 };
      expect(o.tasks.f1, detail).toBeGreaterThanOrEqual(asis.tasks.f1 - gap.f1);
      expect(o.units.f1, detail).toBeGreaterThanOrEqual(asis.units.f1 - gap.f1);
      expect(o.targets.f1, detail).toBeGreaterThanOrEqual(asis.targets.f1 - gap.f1);
      expect(r.worse.length, detail).toBeLessThanOrEqual(gap.pages);
    });
  }
});
