// Contract of the top bar's search (issue #11): plans by title and full text (jieba tokens in the 'simple'
// tsvector), tasks by title and text, units by name or alias, indicators by name — each group only what the
// caller may see, a few hits a group with the group's total.
import { z } from 'zod';

export const SEARCH_GROUP_LIMIT_MAX = 20;

export const searchQuerySchema = z.object({
  q: z.string().trim().min(1).max(100),
  limit: z.coerce.number().int().min(1).max(SEARCH_GROUP_LIMIT_MAX).default(5),
});

export const searchPlanHitSchema = z.object({
  id: z.number(),
  title: z.string(),
  regionName: z.string().nullable(),
  status: z.string(),
  /** the words were found in the title, or only in the plan's text */
  matchedIn: z.enum(['title', 'text']),
  /** a few words of the text around the query, when the title does not hold it */
  excerpt: z.string().nullable(),
});
export const searchTaskHitSchema = z.object({ id: z.number(), title: z.string(), planId: z.number(), planTitle: z.string() });
export const searchUnitHitSchema = z.object({ id: z.number(), name: z.string(), regionName: z.string().nullable(), kind: z.string() });
export const searchIndicatorHitSchema = z.object({ id: z.number(), name: z.string(), unit: z.string().nullable(), planId: z.number(), planTitle: z.string() });

const group = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), total: z.number().int() });
export const searchOutSchema = z.object({
  q: z.string(),
  plans: group(searchPlanHitSchema),
  tasks: group(searchTaskHitSchema),
  units: group(searchUnitHitSchema),
  indicators: group(searchIndicatorHitSchema),
});
export type SearchOut = z.infer<typeof searchOutSchema>;
