// Take-up and coverage (issue #13): a district carries a task of a plan above it through its own tasks, or says
// why it does not apply; the city sees upper tasks × districts and a rolled-up status per upper task. The same one
// level down: a town (镇街) carries its district's tasks and the district sees its tasks × towns.
import { z } from 'zod';
import { taskStatusOutSchema } from './api.js';
import { idSchema } from './input.js';

export const takeUpBodySchema = z
  .object({
    /** the district's own tasks that carry the upper task */
    taskIds: z.array(idSchema).max(50).default([]),
    /** or create a district task from the upper task in this plan of the district */
    create: z.object({ planId: idSchema, title: z.string().trim().min(1).max(500).optional() }).optional(),
  })
  .refine((b) => b.taskIds.length > 0 || !!b.create, { message: '请选择要关联的本级任务或新建任务' });
export const untakeBodySchema = z.object({ taskId: idSchema.optional() });
export const notApplicableBodySchema = z.object({ reason: z.string().trim().min(2, '请说明不适用的理由').max(1000) });

export const takeUpStateSchema = z.enum(['not_taken', 'not_applicable', 'taken_up']);
export type TakeUpState = z.infer<typeof takeUpStateSchema>;
export const TAKE_UP_STATE_LABELS: Record<TakeUpState, string> = { not_taken: '未落实', not_applicable: '不适用', taken_up: '已落实' };
/**
 * Taken up and reporting: a linked task has a report for its current period (the period last due, or a later one)
 * that reached the office (submitted or accepted). Taken up without one is "taken up, nothing reported".
 */
export const REPORTING_LABELS = { reporting: '本期已报送', silent: '本期未报送' } as const;

const upperTaskSchema = z.object({ id: z.number(), title: z.string(), position: z.number() });
export const takeUpLinkSchema = z.object({
  taskId: z.number(), title: z.string(), planId: z.number(), planTitle: z.string(),
  status: taskStatusOutSchema, linkedAt: z.string(), linkedBy: z.number().nullable(),
  /** the task has a report for its current period in the office's hands (REPORTING_LABELS) */
  reporting: z.boolean(),
});
/** `reporting` counts the taken-up ones (of `taken_up`) with a report for the current period */
export const stateCountsSchema = z.object({ taken_up: z.number(), reporting: z.number(), not_applicable: z.number(), not_taken: z.number() });

/** what the regions directly below a plan's region are called: 区县 under the city, 镇街 under a district */
export const levelWordSchema = z.enum(['区县', '镇街']);
export type LevelWord = z.infer<typeof levelWordSchema>;

export const takeUpListSchema = z.object({
  plan: z.object({ id: z.number(), title: z.string(), regionId: z.number().nullable() }),
  /** the region taking up (a district, or a town for a district's plan) and what it is called */
  region: z.object({ id: z.number(), name: z.string(), word: levelWordSchema }),
  /** the district's own plans, where a task may be created from an upper task */
  districtPlans: z.array(z.object({ id: z.number(), title: z.string() })),
  /** whether the actor may change this district's take-up */
  canWrite: z.boolean(),
  items: z.array(z.object({
    task: upperTaskSchema,
    state: takeUpStateSchema,
    reason: z.string().nullable(),
    markedAt: z.string().nullable(),
    links: z.array(takeUpLinkSchema),
  })),
  counts: stateCountsSchema,
});
export type TakeUpList = z.infer<typeof takeUpListSchema>;

const colorSchema = taskStatusOutSchema.shape.color;
export const colorCountsSchema = z.object({ green: z.number(), yellow: z.number(), red: z.number(), grey: z.number(), blue: z.number() });
export const coverageCellSchema = z.object({
  regionId: z.number(),
  state: takeUpStateSchema,
  /** the worst colour of the district's linked tasks (taken up only) */
  color: colorSchema.nullable(),
  /** taken up and reporting: one of the linked tasks has a report for its current period (REPORTING_LABELS) */
  reporting: z.boolean(),
  label: z.string(),
  taskIds: z.array(z.number()),
  reason: z.string().nullable(),
});
/**
 * How a city task's status is rolled up from its districts (a plan setting, kept in plans.settings.rollup; the
 * issuing region's office chooses it): the worst colour, the share of districts on track against a threshold, or
 * that share weighted by district (weights per district id, a district without one weighs 1).
 */
export const rollupRuleKindSchema = z.enum(['worst', 'share', 'weighted']);
export type RollupRuleKind = z.infer<typeof rollupRuleKindSchema>;
export const ROLLUP_RULE_LABELS: Record<RollupRuleKind, string> = { worst: '取最差颜色', share: '按正常推进占比', weighted: '按区县权重' };
export const rollupRuleSchema = z.object({
  kind: rollupRuleKindSchema.default('worst'),
  /** percent of (weighted) reporting districts on track at or above which the city task is green */
  threshold: z.number().finite().min(1).max(100).default(80),
  /** district region id → weight (0–100); only read by 'weighted' */
  weights: z.record(z.string().regex(/^[1-9]\d{0,9}$/), z.number().finite().min(0).max(100)).default({}),
});
export type RollupRule = z.infer<typeof rollupRuleSchema>;
export const rollupRuleBodySchema = z.object({
  kind: rollupRuleKindSchema,
  threshold: z.number().finite().min(1).max(100).optional(),
  weights: z.array(z.object({ regionId: idSchema, weight: z.number().finite().min(0).max(100) })).max(200).optional(),
});
export type RollupRuleBody = z.infer<typeof rollupRuleBodySchema>;
export const rollupOutSchema = z.object({
  color: colorSchema.nullable(),
  onTrack: z.number(),
  takenUp: z.number(),
  /** taken-up districts whose colour says something (not grey): 有进展 */
  progressing: z.number(),
  /** percent on track among progressing districts (weighted under 'weighted'); null when none reports */
  share: z.number().nullable(),
  /** the rule applied to this task, in one sentence */
  text: z.string(),
});
export const coverageSchema = z.object({
  plan: z.object({ id: z.number(), title: z.string(), regionId: z.number().nullable() }),
  /** the roll-up rule, in words */
  rule: z.string(),
  /** the plan's roll-up setting, and whether the actor may change it */
  rollupRule: rollupRuleSchema,
  canSetRule: z.boolean(),
  /** what the columns are: the city's plan has 区县, a district's plan 镇街 */
  levelWord: levelWordSchema,
  districts: z.array(z.object({ id: z.number(), name: z.string(), counts: stateCountsSchema, colors: colorCountsSchema })),
  rows: z.array(z.object({ task: upperTaskSchema, cells: z.array(coverageCellSchema), counts: stateCountsSchema, rollup: rollupOutSchema })),
  totals: stateCountsSchema,
});
export type Coverage = z.infer<typeof coverageSchema>;

/** District tasks proposed for an upper task, best first; a person confirms by linking (never linked silently). */
export const takeUpSuggestionsSchema = z.object({
  items: z.array(z.object({ taskId: z.number(), title: z.string(), planId: z.number(), planTitle: z.string(), score: z.number(), reasons: z.array(z.string()) })),
});
export type TakeUpSuggestions = z.infer<typeof takeUpSuggestionsSchema>;
