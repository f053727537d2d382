// Property tests of the scoring rules (issue #11): silence never pays, components with nothing due are
// 不适用 and the total is the weighted mean over the others, ranks are ties-aware and no award is given
// across a tie, periods before a plan began are not scored.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { computeUnitScore, periodsToScore, rankUnits, scoreUnits, type UnitScoreConfig, type UnitScoreInput } from '../../server/domain/unitScore.js';

const n = fc.nat({ max: 12 });
const part = <K extends string>(keys: K[]) => fc.record(Object.fromEntries(keys.map((k) => [k, n])) as Record<K, typeof n>);
/** a pair (k ≤ total) */
const upTo = fc.nat({ max: 12 }).chain((total) => fc.tuple(fc.constant(total), fc.nat({ max: total })));

const inputArb = (id: number | fc.Arbitrary<number> = fc.nat()) =>
  fc
    .record({
      unitId: typeof id === 'number' ? fc.constant(id) : id,
      unitName: fc.constantFrom('甲', '乙', '丙', '丁', '戊', '己', '庚', '辛'),
      reporting: upTo.map(([due, onTime]) => ({ due, onTime })),
      tasks: part(['blue', 'green', 'yellow', 'red']),
      indicators: part(['achieved_early', 'ahead', 'on_track', 'behind']),
      notices: upTo.map(([total, answeredOnTime]) => ({ total, answeredOnTime })),
      revisions: upTo.map(([submitted, returned]) => ({ submitted, returned })),
    })
    .map((x) => x as UnitScoreInput);

const weightArb = fc.nat({ max: 50 });
const configArb: fc.Arbitrary<UnitScoreConfig> = fc
  .record({ reporting: weightArb, tasks: weightArb, indicators: weightArb, notices: weightArb, revisions: weightArb })
  .filter((w) => w.reporting + w.tasks + w.indicators + w.notices + w.revisions > 0)
  .map((weights) => ({ weights }));

/** reports were due and none came: nothing else was counted either */
const silent = (unitId: number, due: number): UnitScoreInput => ({
  unitId,
  unitName: `沉默单位${unitId}`,
  reporting: { due, onTime: 0 },
  tasks: { blue: 0, green: 0, yellow: 0, red: 0 },
  indicators: { achieved_early: 0, ahead: 0, on_track: 0, behind: 0 },
  notices: { total: 0, answeredOnTime: 0 },
  revisions: { submitted: 0, returned: 0 },
});

const scoreArb = fc.record({ unitId: fc.nat(), unitName: fc.constantFrom('甲', '乙', '丙', '丁'), total: fc.integer({ min: 0, max: 20 }).map((x) => x * 5) });
const scoresArb = fc.uniqueArray(scoreArb, { selector: (s) => s.unitId, maxLength: 30 });
const rankOptsArb = fc.record({ topN: fc.nat({ max: 6 }), bottomN: fc.nat({ max: 6 }) });

describe('punctuality (按时报送率)', () => {
  it('a unit with reports due and none submitted scores 0 on punctuality, and 0 in total when nothing else counts', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 24 }), (due) => {
        const s = computeUnitScore(silent(1, due));
        expect(s.components[0]).toMatchObject({ applicable: true, points: 0 });
        expect(s.total).toBe(0);
      }),
    );
  });

  it('a unit that reports on time never scores below a silent unit on punctuality', () => {
    fc.assert(
      fc.property(inputArb(1), fc.integer({ min: 1, max: 24 }), configArb, (reporter, due, config) => {
        const onTime = { ...reporter, reporting: { due: reporter.reporting.due, onTime: reporter.reporting.due } };
        const a = computeUnitScore(onTime, config).components[0];
        const b = computeUnitScore(silent(2, due), config).components[0];
        expect(a.points ?? Infinity).toBeGreaterThanOrEqual(b.points ?? 0);
      }),
    );
  });

  it('one more report on time never lowers the total', () => {
    fc.assert(
      fc.property(inputArb(1).filter((u) => u.reporting.onTime < u.reporting.due), configArb, (u, config) => {
        const before = computeUnitScore(u, config).total!;
        const after = computeUnitScore({ ...u, reporting: { ...u.reporting, onTime: u.reporting.onTime + 1 } }, config).total!;
        expect(after).toBeGreaterThanOrEqual(before);
      }),
    );
  });
});

describe('不适用 and re-weighting', () => {
  it('a component with nothing due is 不适用 and has no points', () => {
    fc.assert(
      fc.property(inputArb(), configArb, (u, config) => {
        for (const c of computeUnitScore(u, config).components) {
          expect(c.applicable).toBe(c.denominator > 0 && c.weight > 0);
          if (!c.applicable) {
            expect(c.points).toBeNull();
            expect(c.formula).toContain('不适用');
          }
        }
      }),
    );
  });

  it('total = weighted mean over the applicable components, scaled to the full marks (to display rounding)', () => {
    fc.assert(
      fc.property(inputArb(), configArb, (u, config) => {
        const s = computeUnitScore(u, config);
        const app = s.components.filter((c) => c.applicable);
        if (app.length === 0) {
          expect(s.total).toBeNull();
          return;
        }
        const w = app.reduce((a, c) => a + c.weight, 0);
        const exact = (app.reduce((a, c) => a + c.ratio! * c.weight, 0) / w) * s.maxTotal;
        // each component is shown to 0.1 and the total is rounded to 0.1
        const slack = 0.05 * app.length * (s.maxTotal / w) + 0.05 + 1e-9;
        expect(Math.abs(s.total! - exact)).toBeLessThanOrEqual(slack);
        expect(s.total!).toBeGreaterThanOrEqual(0);
        expect(s.total!).toBeLessThanOrEqual(s.maxTotal);
        // and it is recomputable from what is shown
        expect(s.applicableWeight).toBe(w);
        expect(s.subtotal).toBeCloseTo(app.reduce((a, c) => a + c.points!, 0), 9);
        // to the nearest 0.1 — a half-way value such as 2.4 ÷ 48 × 89 = 4.45 computes as 4.4499… in binary
        // and the product shows it as 4.5, so the check allows the half either way rather than re-rounding
        const shown = (s.subtotal / w) * s.maxTotal;
        expect(Math.abs(s.total! - shown)).toBeLessThanOrEqual(0.05 + 1e-9);
        expect(Math.round(s.total! * 10)).toBeCloseTo(s.total! * 10, 9);
        expect(s.reweighting === null).toBe(w === s.maxTotal);
      }),
    );
  });

  it('a unit with nothing due at all is listed apart, not ranked', () => {
    fc.assert(
      fc.property(fc.array(inputArb(), { maxLength: 12 }), (raw) => {
        const inputs = raw.map((u, i) => ({ ...u, unitId: i }));
        const r = scoreUnits(inputs);
        const nothing = inputs.filter((u) => !computeUnitScore(u).components.some((c) => c.applicable)).map((u) => u.unitId);
        expect(r.unrated.map((u) => u.unitId).sort()).toEqual(nothing.sort());
        expect(r.ranked.length + r.unrated.length).toBe(inputs.length);
        for (const u of r.unrated) expect(u.total).toBeNull();
      }),
    );
  });
});

describe('ranking and awards', () => {
  it('ranks are ties-aware: rank = 1 + the number of units strictly ahead (1, 1, 3)', () => {
    fc.assert(
      fc.property(scoresArb, rankOptsArb, (scores, o) => {
        const r = rankUnits(scores, o).items;
        for (const x of r) {
          expect(x.rank).toBe(1 + scores.filter((y) => y.total > x.total).length);
          expect(x.tied).toBe(scores.filter((y) => y.total === x.total).length > 1);
        }
        for (const x of r) for (const y of r) if (x.total === y.total) expect(x.rank).toBe(y.rank);
      }),
    );
  });

  it('no award across a tie: tied units get the same award, and no more than N units get one', () => {
    fc.assert(
      fc.property(scoresArb, rankOptsArb, (scores, o) => {
        const { items, notes } = rankUnits(scores, { ...o, topAward: '猛虎奖', bottomAward: '蜗牛奖' });
        for (const x of items) for (const y of items) if (x.total === y.total) {
          expect(x.award).toBe(y.award);
          expect(x.awardUndecided).toBe(y.awardUndecided);
        }
        const top = items.filter((x) => x.award === '猛虎奖');
        const bottom = items.filter((x) => x.award === '蜗牛奖');
        expect(top.length).toBeLessThanOrEqual(o.topN);
        expect(bottom.length).toBeLessThanOrEqual(o.bottomN);
        // every awarded unit is separated by score from every unit without that award
        for (const a of top) for (const x of items) if (x.award !== '猛虎奖') expect(a.total).toBeGreaterThan(x.total);
        for (const a of bottom) for (const x of items) if (x.award !== '蜗牛奖' && x.award !== '猛虎奖') expect(a.total).toBeLessThan(x.total);
        // and separated from someone: nobody is top with nobody below, nor bottom with nobody above
        for (const a of top) expect(items.some((x) => x.total < a.total)).toBe(true);
        for (const a of bottom) expect(items.some((x) => x.total > a.total)).toBe(true);
        // a tie kept from an award is said in words
        expect(notes.length > 0).toBe(items.some((x) => x.awardUndecided));
      }),
    );
  });

  it('the top award goes to exactly the top N when the scores separate them', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 0, max: 1000 }), { minLength: 2, maxLength: 20 }), fc.nat({ max: 6 }), (totals, topN) => {
        const r = rankUnits(totals.map((t, i) => ({ unitId: i, unitName: `单位${i}`, total: t / 10 })), { topN, bottomN: 0 });
        expect(r.items.filter((x) => x.award).length).toBe(Math.min(topN, totals.length - 1));
        expect(r.notes).toEqual([]);
      }),
    );
  });

  it('adding a silent unit never raises anyone\'s rank, and a silent unit never gets the top award', () => {
    fc.assert(
      fc.property(fc.array(inputArb(), { minLength: 1, maxLength: 10 }), fc.integer({ min: 1, max: 12 }), rankOptsArb, (raw, due, o) => {
        const inputs = raw.map((u, i) => ({ ...u, unitId: i }));
        const before = scoreUnits(inputs, {}, o).ranked;
        const after = scoreUnits([...inputs, silent(999, due)], {}, o).ranked;
        for (const b of before) {
          const a = after.find((x) => x.unitId === b.unitId)!;
          expect(a.rank).toBeGreaterThanOrEqual(b.rank);
        }
        const added = after.find((x) => x.unitId === 999)!;
        expect(added.total).toBe(0);
        expect(added.award).not.toBe('猛虎奖');
      }),
    );
  });

  it('silence never pays: a unit that reported everything on time ranks above a silent unit', () => {
    fc.assert(
      fc.property(inputArb(1), fc.integer({ min: 1, max: 12 }), (u, due) => {
        const good = { ...u, reporting: { due, onTime: due }, tasks: { blue: 0, green: 1, yellow: 0, red: 0 }, notices: { total: 0, answeredOnTime: 0 }, revisions: { submitted: due, returned: 0 }, indicators: { achieved_early: 0, ahead: 0, on_track: 0, behind: 0 } };
        const r = scoreUnits([good, silent(2, due)]).ranked;
        expect(r.find((x) => x.unitId === 1)!.rank).toBe(1);
        expect(r.find((x) => x.unitId === 2)!.rank).toBe(2);
      }),
    );
  });
});

describe('periods before the plan began', () => {
  it('are not scored; the rest are', () => {
    const day = fc.integer({ min: 0, max: 800 }).map((d) => new Date(Date.UTC(2025, 0, 1 + d)).toISOString().slice(0, 10));
    fc.assert(
      fc.property(fc.array(day, { maxLength: 24 }), day, (ends, start) => {
        const periods = ends.map((end, i) => ({ key: String(i), end }));
        const r = periodsToScore(periods, start);
        for (const p of r.scored) expect(p.end >= start).toBe(true);
        for (const p of r.skipped) expect(p.end < start).toBe(true);
        expect(r.scored.length + r.skipped.length).toBe(periods.length);
      }),
    );
  });
});
