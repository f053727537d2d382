// Roll task progress up to chapters and plans (weighted by task weight) and count colours.
import { z } from 'zod';
import { round } from './format.js';
import { statusColorSchema, type StatusColor } from './status.js';

export const rollupTaskSchema = z.object({
  id: z.union([z.number(), z.string()]),
  nodeId: z.union([z.number(), z.string()]).nullable().default(null), // outline node (chapter/section) the task sits under
  weight: z.number().min(0).default(1),
  progress: z.number().min(0).max(100).nullable(), // latest accepted %, null when none
  color: statusColorSchema,
});
export type RollupTask = z.input<typeof rollupTaskSchema>;

export const colorCountsSchema = z.object({
  green: z.number(),
  yellow: z.number(),
  red: z.number(),
  grey: z.number(),
  blue: z.number(),
});
export type ColorCounts = z.infer<typeof colorCountsSchema>;

export const rollupSchema = z.object({
  progress: z.number().nullable(), // weighted mean %, 0.1 precision; null when no task counts
  taskCount: z.number(),
  weightTotal: z.number(),
  weightWithProgress: z.number(), // weight behind the mean; < weightTotal when some tasks have no progress
  counts: colorCountsSchema,
});
export type Rollup = z.infer<typeof rollupSchema>;

export const rollupOptionsSchema = z.object({
  /** 'exclude' (default): unreported tasks do not drag the mean (their absence shows in counts.grey); 'zero': they count as 0%. */
  missingProgress: z.enum(['exclude', 'zero']).default('exclude'),
});
export type RollupOptions = z.input<typeof rollupOptionsSchema>;

export function emptyColorCounts(): ColorCounts {
  return { green: 0, yellow: 0, red: 0, grey: 0, blue: 0 };
}

export function countColors(colors: Iterable<StatusColor>): ColorCounts {
  const c = emptyColorCounts();
  for (const col of colors) c[col]++;
  return c;
}

export function rollupProgress(tasks: RollupTask[], options: RollupOptions = {}): Rollup {
  const opts = rollupOptionsSchema.parse(options);
  const parsed = tasks.map((t) => rollupTaskSchema.parse(t));
  let weightTotal = 0;
  let weighted = 0;
  let weightWithProgress = 0;
  for (const t of parsed) {
    weightTotal += t.weight;
    // A completed task counts fully even if its last report carried no percentage.
    const p = t.color === 'blue' ? 100 : (t.progress ?? (opts.missingProgress === 'zero' ? 0 : null));
    if (p === null) continue;
    weighted += t.weight * p;
    weightWithProgress += t.weight;
  }
  return {
    progress: weightWithProgress > 0 ? round(weighted / weightWithProgress, 1) : null,
    taskCount: parsed.length,
    weightTotal,
    weightWithProgress,
    counts: countColors(parsed.map((t) => t.color)),
  };
}

export const outlineNodeRefSchema = z.object({
  id: z.union([z.number(), z.string()]),
  parentId: z.union([z.number(), z.string()]).nullable(),
});
export type OutlineNodeRef = z.infer<typeof outlineNodeRefSchema>;

/**
 * Rollup for every outline node over the tasks in its whole subtree, plus the plan total
 * (key 'plan'). Tasks whose nodeId is unknown or null count only toward the plan.
 */
export function rollupOutline(
  nodes: OutlineNodeRef[],
  tasks: RollupTask[],
  options: RollupOptions = {},
): { plan: Rollup; nodes: Map<string | number, Rollup> } {
  const parent = new Map(nodes.map((n) => [n.id, n.parentId]));
  const byNode = new Map<string | number, RollupTask[]>(nodes.map((n) => [n.id, []]));
  for (const t of tasks) {
    let cur = t.nodeId ?? null;
    const seen = new Set<string | number>();
    // Walk to the root, guarding against a cycle in bad outline data.
    while (cur !== null && byNode.has(cur) && !seen.has(cur)) {
      seen.add(cur);
      byNode.get(cur)!.push(t);
      cur = parent.get(cur) ?? null;
    }
  }
  const out = new Map<string | number, Rollup>();
  for (const [id, list] of byNode) out.set(id, rollupProgress(list, options));
  return { plan: rollupProgress(tasks, options), nodes: out };
}
