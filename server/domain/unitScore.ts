// 单位考核得分: every point is shown with its inputs so an office can recompute it by hand.
import { z } from 'zod';
import { fmtFixed, fmtPct, round } from './format.js';

const count = z.number().int().min(0);

export const unitScoreWeightsSchema = z
  .object({
    reporting: z.number().min(0).default(30), // 按时报送率
    tasks: z.number().min(0).default(30), // 任务进展
    indicators: z.number().min(0).default(20), // 指标完成
    notices: z.number().min(0).default(10), // 督办按期回复率
    revisions: z.number().min(0).default(10), // 报告一次通过率
  })
  .refine((w) => w.reporting + w.tasks + w.indicators + w.notices + w.revisions > 0, '权重合计必须大于0');
export type UnitScoreWeights = z.infer<typeof unitScoreWeightsSchema>;

export const unitScoreConfigSchema = z.object({
  weights: unitScoreWeightsSchema.default({ reporting: 30, tasks: 30, indicators: 20, notices: 10, revisions: 10 }),
  /** Credit per task colour; grey (未报送/未开始) is left out because late reporting is scored separately. */
  taskFactors: z
    .object({ blue: z.number(), green: z.number(), yellow: z.number(), red: z.number() })
    .default({ blue: 1, green: 1, yellow: 0.5, red: 0 }),
  /** Credit per indicator class; no_data is left out. */
  indicatorFactors: z
    .object({ achieved_early: z.number(), ahead: z.number(), on_track: z.number(), behind: z.number() })
    .default({ achieved_early: 1, ahead: 1, on_track: 1, behind: 0 }),
});
export type UnitScoreConfig = z.input<typeof unitScoreConfigSchema>;

export const unitScoreInputSchema = z.object({
  unitId: z.union([z.number(), z.string()]),
  unitName: z.string(),
  reporting: z.object({ due: count, onTime: count }).refine((r) => r.onTime <= r.due, '按时报送数不能大于应报数'),
  tasks: z.object({ blue: count, green: count, yellow: count, red: count }),
  indicators: z.object({ achieved_early: count, ahead: count, on_track: count, behind: count }),
  notices: z.object({ total: count, answeredOnTime: count }).refine((n) => n.answeredOnTime <= n.total, '按期回复数不能大于督办件数'),
  revisions: z.object({ submitted: count, returned: count }).refine((r) => r.returned <= r.submitted, '退回数不能大于报送数'),
});
export type UnitScoreInput = z.input<typeof unitScoreInputSchema>;

export const scoreComponentSchema = z.object({
  key: z.enum(['reporting', 'tasks', 'indicators', 'notices', 'revisions']),
  name: z.string(),
  weight: z.number(),
  numerator: z.number(),
  denominator: z.number(),
  ratio: z.number(), // 0..1; 1 when nothing was due
  points: z.number(), // ratio × weight, 0.1 precision
  formula: z.string(), // e.g. "按时报送率 9/10 × 30 = 27.0"
});
export type ScoreComponent = z.infer<typeof scoreComponentSchema>;

export const unitScoreSchema = z.object({
  unitId: z.union([z.number(), z.string()]),
  unitName: z.string(),
  total: z.number(), // sum of the rounded component points
  maxTotal: z.number(),
  components: z.array(scoreComponentSchema),
});
export type UnitScore = z.infer<typeof unitScoreSchema>;

const num = (x: number) => fmtPct(x);

function component(
  key: ScoreComponent['key'],
  name: string,
  weight: number,
  numerator: number,
  denominator: number,
  numeratorText: string,
): ScoreComponent {
  // Nothing due means nothing failed: full points, said so in the formula.
  if (denominator === 0) {
    return { key, name, weight, numerator, denominator, ratio: 1, points: weight, formula: `${name} 本期无考核事项,按满分计 ${fmtFixed(weight, 1)}` };
  }
  const ratio = numerator / denominator;
  const points = round(ratio * weight, 1);
  return {
    key,
    name,
    weight,
    numerator,
    denominator,
    ratio,
    points,
    formula: `${name} ${numeratorText}/${denominator} × ${num(weight)} = ${fmtFixed(points, 1)}`,
  };
}

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
  return {
    unitId: u.unitId,
    unitName: u.unitName,
    total: round(components.reduce((a, x) => a + x.points, 0), 1),
    maxTotal: w.reporting + w.tasks + w.indicators + w.notices + w.revisions,
    components,
  };
}

export const rankOptionsSchema = z.object({
  topN: z.number().int().min(0).default(3),
  bottomN: z.number().int().min(0).default(3),
  topAward: z.string().default('猛虎奖'),
  bottomAward: z.string().default('蜗牛奖'),
});
export type RankOptions = z.input<typeof rankOptionsSchema>;

export const rankedUnitSchema = z.object({
  unitId: z.union([z.number(), z.string()]),
  unitName: z.string(),
  total: z.number(),
  rank: z.number(), // 1 = best; equal totals share a rank (1, 1, 3)
  award: z.string().nullable(),
});
export type RankedUnit = z.infer<typeof rankedUnitSchema>;

/**
 * Competition ranking. Ties are never split by an arbitrary order: every unit tied at the
 * Nth place gets the award, so "top 3" may name four. A unit in the top never also gets the
 * bottom award (small groups).
 */
export function rankUnits(scores: Pick<UnitScore, 'unitId' | 'unitName' | 'total'>[], options: RankOptions = {}): RankedUnit[] {
  const o = rankOptionsSchema.parse(options);
  const sorted = [...scores].sort((a, b) => b.total - a.total || a.unitName.localeCompare(b.unitName, 'zh-Hans-CN'));
  return sorted.map((s) => {
    const rank = 1 + sorted.filter((x) => x.total > s.total).length;
    const rankFromBottom = 1 + sorted.filter((x) => x.total < s.total).length;
    const award = rank <= o.topN ? o.topAward : rankFromBottom <= o.bottomN ? o.bottomAward : null;
    return { unitId: s.unitId, unitName: s.unitName, total: s.total, rank, award };
  });
}
