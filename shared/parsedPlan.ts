// The parser's output contract. It is also the product's JSON export of a plan
// (`luoshi parse FILE --json`) and the payload an import job stores for review.
import { z } from 'zod';

/** UTF-16 offsets into the original decoded text: text.slice(start, end) is the wording as published. */
export const sourceSchema = z.object({
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
});
export type Source = z.infer<typeof sourceSchema>;

/**
 * A unit mention. `raw` is exactly as written; `name` is the canonical registry name
 * (or the cleaned raw name when the registry does not know it, with known=false).
 * `scope` keeps catch-alls honest: "X等区级有关部门" is X (scope unit) plus an `others` mention.
 */
export const unitScopeSchema = z.enum([
  'unit', // one named unit
  'others', // "等有关部门": unnamed further units
  'all_towns', // 各镇街 / 各镇人民政府、街道办事处
  'all_districts', // 各区县(自治县)政府
  'group_members', // "…成员单位": the members of a group
]);
export const parsedUnitSchema = z.object({
  raw: z.string(),
  name: z.string(),
  known: z.boolean(),
  scope: unitScopeSchema,
  source: sourceSchema.optional(),
});
export type ParsedUnit = z.infer<typeof parsedUnitSchema>;

export const outlineKindSchema = z.enum(['part', 'chapter', 'section', 'item', 'subitem', 'point', 'bullet']);
export const outlineNodeSchema = z.object({
  id: z.string(), // stable within one parse: "o1", "o2", …
  parentId: z.string().nullable(),
  level: z.number().int().min(1), // depth in the tree, 1 = top
  kind: outlineKindSchema,
  marker: z.string(), // as written after normalization: "第三章", "一、", "(二)", "1.", "①", "——"
  number: z.number().int().nullable(), // numeric value of the marker where it has one
  title: z.string(),
  source: sourceSchema,
});
export type OutlineNode = z.infer<typeof outlineNodeSchema>;

export const deadlineSchema = z
  .string()
  .regex(/^\d{4}-\d{2}(-\d{2})?$/)
  .nullable();

export const parsedTaskSchema = z.object({
  id: z.string(), // "t1", "t2", …
  outlineId: z.string().nullable(),
  title: z.string(),
  text: z.string(),
  lead: z.array(parsedUnitSchema),
  responsible: z.array(parsedUnitSchema),
  cooperating: z.array(parsedUnitSchema),
  leaders: z.array(z.string()).default([]), // 牵头领导: a person or post, never a unit
  deadline: deadlineSchema,
  deadlineText: z.string().nullable().default(null),
  source: sourceSchema,
  unitsSource: sourceSchema.nullable().default(null), // where the responsibility note stands
});
export type ParsedTask = z.infer<typeof parsedTaskSchema>;

export const comparatorSchema = z.enum(['=', '>=', '<=', '>', '<', 'range', 'approx']);
export type Comparator = z.infer<typeof comparatorSchema>;

export const parsedTargetSchema = z.object({
  subject: z.string(),
  value: z.number(),
  valueMax: z.number().nullable(),
  unit: z.string().nullable(),
  comparator: comparatorSchema,
  year: z.number().int().nullable(),
  recurring: z.boolean().default(false), // 每年
  decrease: z.boolean().default(false), // 下降/减少
  quote: z.string(),
  outlineId: z.string().nullable().default(null),
  source: sourceSchema,
});
export type ParsedTarget = z.infer<typeof parsedTargetSchema>;

export const indicatorKindSchema = z.enum(['level', 'annual_growth', 'cumulative']);
export const indicatorAttributeSchema = z.enum(['binding', 'expected']);
/** One target of an indicator table row: a row may hold several years (2023年目标 | 2025年目标). */
export const indicatorTargetSchema = z.object({
  year: z.number().int().nullable(),
  value: z.number().nullable(),
  valueMax: z.number().nullable().default(null),
  text: z.string(),
  comparator: comparatorSchema,
  kind: indicatorKindSchema,
});
export type IndicatorTarget = z.infer<typeof indicatorTargetSchema>;

export const parsedIndicatorSchema = z.object({
  name: z.string(),
  unit: z.string().nullable(),
  attribute: indicatorAttributeSchema.nullable(),
  category: z.string().nullable(),
  table: z.string().nullable().default(null), // the table's title, e.g. "表2 …主要指标"
  baseline: z
    .object({ year: z.number().int().nullable(), value: z.number().nullable(), text: z.string() })
    .nullable(),
  targets: z.array(indicatorTargetSchema),
  actual: z // a result column where the table has one (e.g. 13th-plan 完成情况)
    .object({ year: z.number().int().nullable(), value: z.number().nullable(), text: z.string() })
    .nullable()
    .default(null),
  note: z.string().nullable().default(null),
  source: sourceSchema,
});
export type ParsedIndicator = z.infer<typeof parsedIndicatorSchema>;

export const parsedProjectSchema = z.object({
  id: z.string(), // "p1", …
  kind: z.enum(['column', 'inline']), // from a 专栏, or a candidate from "推进A、B等项目建设"
  column: z.string().nullable(), // 专栏 title
  group: z.string().nullable().default(null), // a heading inside the column
  name: z.string(),
  text: z.string(),
  outlineId: z.string().nullable(),
  source: sourceSchema,
});
export type ParsedProject = z.infer<typeof parsedProjectSchema>;

export const parseNoteSchema = z.object({
  code: z.string(), // e.g. CASCADE_ALL_DISTRICTS, REPORTING_RULE
  text: z.string(),
  source: sourceSchema,
});
export const parseWarningSchema = z.object({
  code: z.string(), // e.g. UNIT_NOTE_DAMAGED, UNIT_UNKNOWN, OUTLINE_NUMBER_REPEATED
  message: z.string(), // Chinese, for the reviewer
  source: sourceSchema.nullable(),
});
export type ParseWarning = z.infer<typeof parseWarningSchema>;

export const planLevelSchema = z.enum(['municipal', 'district', 'town']);
export const planTypeSchema = z.enum(['纲要', '专项规划', '行动计划', '实施方案', '决定', '其他']);

export const parsedPlanSchema = z.object({
  meta: z.object({
    title: z.string(),
    format: z.enum(['txt', 'docx', 'pdf', 'html', 'xlsx']),
    encoding: z.string(),
    charCount: z.number().int(),
    region: z.string().nullable(), // e.g. 永川区 (when named in the text)
    level: planLevelSchema.nullable(),
    type: planTypeSchema.nullable(),
    periodStart: z.number().int().nullable(),
    periodEnd: z.number().int().nullable(),
  }),
  /** The original decoded text, so every `source` can be shown. Omitted from `parse --json` with --no-text. */
  text: z.string().optional(),
  outline: z.array(outlineNodeSchema),
  tasks: z.array(parsedTaskSchema),
  targets: z.array(parsedTargetSchema),
  indicators: z.array(parsedIndicatorSchema),
  projects: z.array(parsedProjectSchema),
  notes: z.array(parseNoteSchema),
  warnings: z.array(parseWarningSchema),
});
export type ParsedPlan = z.infer<typeof parsedPlanSchema>;
