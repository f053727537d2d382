// The same work across plans of one region (issue #13): tasks and indicators of different plans of a region that
// describe the same work are proposed as links (similar text, the same units, the same indicator name and measure),
// then confirmed or rejected by the region's office; linked items show each other, and linked indicators whose
// figures for a year differ are flagged side by side.
import { z } from 'zod';
import { idSchema } from './input.js';

export const sameWorkKindSchema = z.enum(['task', 'indicator']);
export type SameWorkKind = z.infer<typeof sameWorkKindSchema>;
export const SAME_WORK_KIND_LABELS: Record<SameWorkKind, string> = { task: '任务', indicator: '指标' };
export const sameWorkStatusSchema = z.enum(['proposed', 'confirmed', 'rejected']);
export type SameWorkStatus = z.infer<typeof sameWorkStatusSchema>;
export const SAME_WORK_STATUS_LABELS: Record<SameWorkStatus, string> = { proposed: '待确认', confirmed: '已确认', rejected: '不是同一项工作' };

/** Find the same work in the region's other plans (proposals only: nothing is linked until the office confirms). */
export const proposeSameWorkBodySchema = z.object({ kinds: z.array(sameWorkKindSchema).min(1).max(2).default(['task', 'indicator']) });
export const confirmSameWorkBodySchema = z.object({ linkId: idSchema });
export const rejectSameWorkBodySchema = z.object({ linkId: idSchema, note: z.string().trim().max(500).optional() });

/** one side of a link: a task or an indicator of a plan of the region */
export const sameWorkItemSchema = z.object({
  id: z.number(),
  title: z.string(),
  planId: z.number(),
  planTitle: z.string(),
  /** the plan's years, to tell the documents apart (e.g. 2021–2025) */
  planPeriod: z.string().nullable(),
  /** an indicator's measure (%, 万人…) */
  unit: z.string().nullable(),
});
/** a year both linked indicators state a target for, with different figures */
export const sameWorkConflictSchema = z.object({
  year: z.number().nullable(),
  here: z.object({ value: z.number(), text: z.string() }),
  there: z.object({ value: z.number(), text: z.string() }),
  /** in words: 「数字经济增加值占比」2025年目标不一致:本规划 12%,《…》33% */
  message: z.string(),
});
export const sameWorkLinkSchema = z.object({
  id: z.number(),
  kind: sameWorkKindSchema,
  status: sameWorkStatusSchema,
  score: z.number(),
  reasons: z.array(z.string()),
  /** the item of the plan (or of the task/indicator) asked about, and the one of the other plan */
  here: sameWorkItemSchema,
  there: sameWorkItemSchema,
  conflicts: z.array(sameWorkConflictSchema),
  decidedAt: z.string().nullable(),
  note: z.string().nullable(),
});
export type SameWorkLink = z.infer<typeof sameWorkLinkSchema>;

export const sameWorkListSchema = z.object({
  /** whether the actor may propose, confirm and reject (the region's office) */
  canDecide: z.boolean(),
  items: z.array(sameWorkLinkSchema),
  counts: z.object({ proposed: z.number(), confirmed: z.number(), rejected: z.number(), conflicts: z.number() }),
});
export type SameWorkList = z.infer<typeof sameWorkListSchema>;
export const proposeSameWorkOutSchema = z.object({ proposed: z.number(), tasks: z.number(), indicators: z.number() });
export const sameWorkDecisionOutSchema = z.object({ id: z.number(), status: sameWorkStatusSchema });
