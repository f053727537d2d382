// Contracts of unit scores (单位考核得分): inputs, settings (weights, factors, awards) and results. The rules that
// compute them are server/domain/unitScore.ts.
import { z } from 'zod';

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
  taskFactors: z.object({ blue: z.number(), green: z.number(), yellow: z.number(), red: z.number() }).default({ blue: 1, green: 1, yellow: 0.5, red: 0 }),
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

export const scoreComponentKeySchema = z.enum(['reporting', 'tasks', 'indicators', 'notices', 'revisions']);
export const scoreComponentSchema = z.object({
  key: scoreComponentKeySchema,
  name: z.string(),
  weight: z.number(),
  /** false = 不适用: nothing of this kind was due for the unit (or its weight is 0); it is left out of the total */
  applicable: z.boolean(),
  numerator: z.number(),
  denominator: z.number(),
  ratio: z.number().nullable(), // 0..1; null when 不适用
  points: z.number().nullable(), // ratio × weight, 0.1 precision; null when 不适用
  formula: z.string(), // e.g. "按时报送率 9/10 × 30 = 27.0", or why it does not apply
});
export type ScoreComponent = z.infer<typeof scoreComponentSchema>;

export const unitScoreSchema = z.object({
  unitId: z.union([z.number(), z.string()]),
  unitName: z.string(),
  /** Σ points of the applicable components re-weighted to maxTotal; null when no component applies (not ranked) */
  total: z.number().nullable(),
  maxTotal: z.number(), // Σ weights
  subtotal: z.number(), // Σ points of the applicable components
  applicableWeight: z.number(), // Σ weights of the applicable components
  /** how the total was formed, e.g. "指标完成、督办按期回复率不适用;按适用项权重 70 折算:63.4 ÷ 70 × 100 = 90.6"; null when every component applies */
  reweighting: z.string().nullable(),
  components: z.array(scoreComponentSchema),
});
export type UnitScore = z.infer<typeof unitScoreSchema>;

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
  tied: z.boolean(), // another unit has the same total
  award: z.string().nullable(),
  /** the award this unit is tied for across the cut: not given, because the rule cannot separate the tied units */
  awardUndecided: z.string().nullable(),
});
export type RankedUnit = z.infer<typeof rankedUnitSchema>;

export const rankingSchema = z.object({
  items: z.array(rankedUnitSchema),
  /** in words, one line per award a tie kept from being given in full */
  notes: z.array(z.string()),
});
export type Ranking = z.infer<typeof rankingSchema>;
