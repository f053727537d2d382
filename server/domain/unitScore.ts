// 单位考核得分: every point is shown with its inputs so an office can recompute it by hand.
// One place computes scores, ranks and awards (scoreUnits); the API, the dashboards and any export call it.
import { fmtFixed, fmtPct, round } from './format.js';
import { rankOptionsSchema, unitScoreConfigSchema, unitScoreInputSchema } from '../../shared/scoring.js';
import type { UnitScoreConfig, UnitScoreInput, ScoreComponent, UnitScore, RankOptions, RankedUnit, Ranking } from '../../shared/scoring.js';

// The contracts (inputs, settings, results) live in shared/scoring.ts; re-exported for the domain's callers.
export { unitScoreWeightsSchema, unitScoreConfigSchema, unitScoreInputSchema, scoreComponentKeySchema, scoreComponentSchema, unitScoreSchema, rankOptionsSchema, rankedUnitSchema, rankingSchema } from '../../shared/scoring.js';
export type { UnitScoreWeights, UnitScoreConfig, UnitScoreInput, ScoreComponent, UnitScore, RankOptions, RankedUnit, Ranking } from '../../shared/scoring.js';

const num = (x: number) => fmtPct(x);

/** Why a component with nothing counted does not apply, in the words of what was not there. */
const nothingDue: Record<ScoreComponent['key'], string> = {
  reporting: '本期无应报事项',
  tasks: '无已亮灯的牵头任务(灰灯不计)',
  indicators: '无有数据的指标',
  notices: '本期无到期督办件',
  revisions: '本期无已报送的报告',
};

function component(
  key: ScoreComponent['key'],
  name: string,
  weight: number,
  numerator: number,
  denominator: number,
  numeratorText: string,
): ScoreComponent {
  if (denominator === 0) return { key, name, weight, applicable: false, numerator, denominator, ratio: null, points: null, formula: `${name} 不适用:${nothingDue[key]}` };
  const ratio = numerator / denominator;
  if (weight === 0) return { key, name, weight, applicable: false, numerator, denominator, ratio, points: null, formula: `${name} 不适用:权重为0` };
  const points = round(ratio * weight, 1);
  return { key, name, weight, applicable: true, numerator, denominator, ratio, points, formula: `${name} ${numeratorText}/${denominator} × ${num(weight)} = ${fmtFixed(points, 1)}` };
}

/**
 * One unit's score. A component applies when something of its kind was due (reports due, lit tasks,
 * indicators with data, notices due, reports submitted) and its weight is above 0; the others are 不适用.
 * The total is the weighted mean over the applicable components scaled to maxTotal:
 * subtotal ÷ applicableWeight × maxTotal (equal to the subtotal when every component applies).
 * Nothing applicable at all: total null, the unit is listed apart and not ranked.
 */
export function computeUnitScore(input: UnitScoreInput, config: UnitScoreConfig = {}): UnitScore {
  const u = unitScoreInputSchema.parse(input);
  const c = unitScoreConfigSchema.parse(config);
  const w = c.weights;
  const tf = c.taskFactors;
  const ifac = c.indicatorFactors;

  const t = u.tasks;
  const taskDen = t.blue + t.green + t.yellow + t.red;
  const taskNum = t.blue * tf.blue + t.green * tf.green + t.yellow * tf.yellow + t.red * tf.red;
  const taskText = `(蓝${t.blue}×${num(tf.blue)}+绿${t.green}×${num(tf.green)}+黄${t.yellow}×${num(tf.yellow)}+红${t.red}×${num(tf.red)})`;

  const i = u.indicators;
  const indDen = i.achieved_early + i.ahead + i.on_track + i.behind;
  const indNum = i.achieved_early * ifac.achieved_early + i.ahead * ifac.ahead + i.on_track * ifac.on_track + i.behind * ifac.behind;
  const indText = `(提前完成${i.achieved_early}×${num(ifac.achieved_early)}+快于预期${i.ahead}×${num(ifac.ahead)}+符合序时进度${i.on_track}×${num(ifac.on_track)}+滞后${i.behind}×${num(ifac.behind)})`;

  const r = u.revisions;
  const components = [
    component('reporting', '按时报送率', w.reporting, u.reporting.onTime, u.reporting.due, `${u.reporting.onTime}`),
    component('tasks', '任务进展', w.tasks, taskNum, taskDen, taskText),
    component('indicators', '指标完成', w.indicators, indNum, indDen, indText),
    component('notices', '督办按期回复率', w.notices, u.notices.answeredOnTime, u.notices.total, `${u.notices.answeredOnTime}`),
    component('revisions', '报告一次通过率', w.revisions, r.submitted - r.returned, r.submitted, `(${r.submitted}−${r.returned})`),
  ];
  const maxTotal = w.reporting + w.tasks + w.indicators + w.notices + w.revisions;
  const applicable = components.filter((x) => x.applicable);
  const applicableWeight = applicable.reduce((a, x) => a + x.weight, 0);
  const subtotal = round(applicable.reduce((a, x) => a + x.points!, 0), 1);
  const left = components.filter((x) => !x.applicable).map((x) => x.name);
  let total: number | null;
  let reweighting: string | null;
  if (applicable.length === 0) {
    total = null;
    reweighting = '各考核项均不适用(本期无考核事项),不计分、不排名';
  } else if (applicableWeight === maxTotal) {
    total = subtotal;
    reweighting = null;
  } else {
    total = round((subtotal / applicableWeight) * maxTotal, 1);
    reweighting = `${left.join('、')}不适用;按适用项权重 ${num(applicableWeight)} 折算:${fmtFixed(subtotal, 1)} ÷ ${num(applicableWeight)} × ${num(maxTotal)} = ${fmtFixed(total, 1)}`;
  }
  return { unitId: u.unitId, unitName: u.unitName, total, maxTotal, subtotal, applicableWeight, reweighting, components };
}


/**
 * Competition ranking (1, 1, 3) of scored units. An award goes to a unit only when the scores separate it:
 * its whole group of equal totals fits inside the cut, and some unit scores lower (top award) or higher
 * (bottom award). A tie that straddles the Nth place is not split by any arbitrary order: the tied units
 * get no award and a note says so (fewer than N units may be named); a lone unit or a list all tied gets
 * none. A unit in the top never also gets the bottom award (small groups).
 */
export function rankUnits(scores: { unitId: number | string; unitName: string; total: number }[], options: RankOptions = {}): Ranking {
  const o = rankOptionsSchema.parse(options);
  const sorted = [...scores].sort((a, b) => b.total - a.total || a.unitName.localeCompare(b.unitName, 'zh-Hans-CN'));
  const notes: string[] = [];
  const noted = new Set<string>();
  const items = sorted.map((s) => {
    const above = sorted.filter((x) => x.total > s.total).length;
    const below = sorted.filter((x) => x.total < s.total).length;
    const size = sorted.length - above - below;
    const rank = 1 + above;
    const fromBottom = 1 + below;
    // an award must separate: the top one needs a unit scoring lower, the bottom one a unit scoring higher
    const inTop = o.topN > 0 && rank <= o.topN && below > 0;
    const inBottom = o.bottomN > 0 && fromBottom <= o.bottomN && above > 0;
    let award: string | null = null;
    const undecided: string[] = [];
    const straddles = (name: string, text: string) => {
      undecided.push(name);
      if (!noted.has(text)) {
        noted.add(text);
        notes.push(text);
      }
    };
    const total = fmtFixed(s.total, 1);
    if (above === 0 && below === 0) {
      const names = [o.topN > 0 ? o.topAward : null, o.bottomN > 0 ? o.bottomAward : null].filter((x): x is string => !!x);
      const text = size === 1 ? `只有 1 个单位参加排名,无从比较,不评“${names.join('”“')}”。` : `参加排名的 ${size} 个单位全部同分(${total}),得分不能区分,不评“${names.join('”“')}”。`;
      for (const name of names) straddles(name, text);
    }
    if (inTop) {
      if (rank + size - 1 <= o.topN) award = o.topAward;
      else straddles(o.topAward, `第 ${rank} 名有 ${size} 个单位同分(${total}),超出“${o.topAward}”前 ${o.topN} 名的名额,得分不能区分,同分单位均未评“${o.topAward}”。`);
    }
    if (inBottom && !award) {
      if (inTop) straddles(o.bottomAward, `第 ${rank} 名的 ${size} 个同分单位(${total})同在后 ${o.bottomN} 名之内,也未评“${o.bottomAward}”。`);
      else if (fromBottom + size - 1 <= o.bottomN) award = o.bottomAward;
      else straddles(o.bottomAward, `倒数第 ${fromBottom} 名有 ${size} 个单位同分(${total}),超出“${o.bottomAward}”后 ${o.bottomN} 名的名额,得分不能区分,同分单位均未评“${o.bottomAward}”。`);
    }
    return { unitId: s.unitId, unitName: s.unitName, total: s.total, rank, tied: size > 1, award, awardUndecided: undecided.length ? undecided.join('、') : null };
  });
  return { items, notes };
}

/** All units of a selection: those with something to score, ranked; those with nothing due, apart. */
export interface ScoredUnits {
  ranked: (UnitScore & RankedUnit & { total: number })[];
  unrated: UnitScore[];
  notes: string[];
}

export function scoreUnits(inputs: UnitScoreInput[], config: UnitScoreConfig = {}, options: RankOptions = {}): ScoredUnits {
  const scores = inputs.map((i) => computeUnitScore(i, config));
  const rated = scores.filter((s): s is UnitScore & { total: number } => s.total !== null);
  const ranking = rankUnits(rated, options);
  const ranked = ranking.items.map((r) => ({ ...rated.find((s) => s.unitId === r.unitId)!, ...r }));
  const unrated = scores.filter((s) => s.total === null).sort((a, b) => a.unitName.localeCompare(b.unitName, 'zh-Hans-CN'));
  return { ranked, unrated, notes: ranking.notes };
}

/**
 * Periods of a selection that are scored: those that end on or after the day the plan began (the later
 * of its creation and its first reporting month). Earlier periods are listed as skipped.
 */
export function periodsToScore<P extends { end: string }>(periods: readonly P[], planStart: string): { scored: P[]; skipped: P[] } {
  return { scored: periods.filter((p) => p.end >= planStart), skipped: periods.filter((p) => p.end < planStart) };
}
