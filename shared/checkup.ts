// 城市体检 (city check-up, issue #14): an annual check-up of a region holds an indicator system (each indicator
// with its measure, direction and standard value), values per area (the region and the regions directly below it),
// and the problems found where a value misses its standard. A problem is assigned to a unit and turned into tasks
// (or library projects); next year's check-up says in words whether it moved.
import { z } from 'zod';
import { idSchema } from './input.js';
import { patchSchema } from './patch.js';

export const checkupDirectionSchema = z.enum(['higher', 'lower']);
export type CheckupDirection = z.infer<typeof checkupDirectionSchema>;
export const CHECKUP_DIRECTION_LABELS: Record<CheckupDirection, string> = { higher: '越高越好', lower: '越低越好' };

const text = (max: number) => z.string().trim().max(max);
const finite = z.number().finite();

/** one indicator of a check-up's system (the default set's entries have the same shape) */
export const checkupIndicatorInputSchema = z.object({
  /** stable across years: the same code in next year's check-up is the same indicator */
  code: text(20).min(1, '请填写指标编号'),
  /** 方面/维度, e.g. 生态宜居 */
  aspect: text(40).min(1, '请填写指标所属方面'),
  name: text(200).min(1, '请填写指标名称'),
  /** 计量单位, e.g. % or 平方米/人 */
  measure: text(30).default(''),
  direction: checkupDirectionSchema,
  /** the value the indicator must reach (higher) or stay under (lower); null: no standard, no problem is judged */
  standard: finite.nullable().default(null),
  /** 底线指标 / 导向指标 / 特色指标 */
  kind: text(20).default(''),
  /** the unit that provides the values (数据提供单位) */
  unitId: idSchema.nullable().default(null),
  note: text(1000).default(''),
});
export type CheckupIndicatorInput = z.infer<typeof checkupIndicatorInputSchema>;

export const createCheckupBodySchema = z.object({
  regionId: idSchema,
  year: z.number().int().min(2000).max(2100),
  title: text(200).optional(),
  /** default: the previous check-up of the region (its edited system), else the national default set */
  basis: z.enum(['previous', 'national']).default('previous'),
});

export const saveCheckupIndicatorBodySchema = z.union([
  z.object({ op: z.literal('create'), indicator: checkupIndicatorInputSchema }),
  z.object({ op: z.literal('update'), indicatorId: idSchema, indicator: patchSchema(checkupIndicatorInputSchema) }),
  z.object({ op: z.literal('delete'), indicatorId: idSchema }),
]);

export const checkupValueInputSchema = z.object({
  indicatorId: idSchema,
  regionId: idSchema,
  /** null clears the value */
  value: finite.nullable(),
  note: text(500).default(''),
});
export const saveCheckupValuesBodySchema = z.object({ values: z.array(checkupValueInputSchema).min(1).max(2000) });

export const assignProblemBodySchema = z.object({ unitId: idSchema, note: text(1000).default('') });
export const turnProblemIntoTaskBodySchema = z.object({
  planId: idSchema,
  title: text(500).min(1).optional(),
  /** the lead unit; default: the unit the problem is assigned to */
  unitId: idSchema.optional(),
  deadline: z.string().regex(/^\d{4}-\d{2}(-\d{2})?$/).optional(),
});
export type TurnProblemIntoTaskBody = z.infer<typeof turnProblemIntoTaskBodySchema>;
/** link a project of the library, or enter a new one for the problem (the library's createProject rules apply) */
export const turnProblemIntoProjectBodySchema = z.union([
  z.object({ projectId: idSchema }),
  z.object({
    create: z.object({
      name: text(200).min(1).optional(),
      text: text(2000).optional(),
      ownerUnitId: idSchema.optional(),
      category: text(100).optional(),
      location: text(200).optional(),
      totalInvestment: z.number().finite().nonnegative().optional(),
      lng: z.number().finite().min(-180).max(180).optional(),
      lat: z.number().finite().min(-90).max(90).optional(),
    }),
  }),
]);

export const problemStatusSchema = z.enum(['open', 'assigned', 'acted', 'met']);
export type ProblemStatus = z.infer<typeof problemStatusSchema>;
export const PROBLEM_STATUS_LABELS: Record<ProblemStatus, string> = { open: '待分派', assigned: '已分派', acted: '已转任务/项目', met: '数值已达标' };

export const movementSchema = z.enum(['better', 'worse', 'unchanged', 'solved', 'no_value', 'new']);
export type Movement = z.infer<typeof movementSchema>;
export const MOVEMENT_LABELS: Record<Movement, string> = { better: '好转', worse: '恶化', unchanged: '无变化', solved: '已解决', no_value: '本年无数据', new: '新发现' };

const areaSchema = z.object({ id: z.number(), name: z.string(), level: z.string() });
export const checkupIndicatorSchema = checkupIndicatorInputSchema.extend({ id: z.number(), position: z.number(), unitName: z.string().nullable() });
export const checkupValueSchema = z.object({ indicatorId: z.number(), regionId: z.number(), value: z.number(), note: z.string(), source: z.string(), meets: z.boolean().nullable(), updatedAt: z.string() });

export const checkupProblemSchema = z.object({
  id: z.number(),
  checkupId: z.number(),
  indicatorId: z.number(),
  code: z.string(),
  aspect: z.string(),
  indicatorName: z.string(),
  measure: z.string(),
  direction: checkupDirectionSchema,
  regionId: z.number(),
  regionName: z.string(),
  value: z.number(),
  standard: z.number(),
  /** how far from the standard, in words */
  gapText: z.string(),
  status: problemStatusSchema,
  statusLabel: z.string(),
  assignedUnitId: z.number().nullable(),
  assignedUnitName: z.string().nullable(),
  note: z.string(),
  tasks: z.array(z.object({ id: z.number(), title: z.string(), planId: z.number() })),
  projects: z.array(z.object({ id: z.number(), name: z.string() })),
  /** compared with the same indicator and area in the previous year's check-up */
  previous: z.object({ year: z.number(), value: z.number().nullable(), movement: movementSchema, text: z.string() }).nullable(),
});
export type CheckupProblem = z.infer<typeof checkupProblemSchema>;

/** last year's problems, judged on this year's values */
export const problemMovementSchema = z.object({
  problemId: z.number(),
  code: z.string(),
  indicatorName: z.string(),
  regionId: z.number(),
  regionName: z.string(),
  lastValue: z.number(),
  value: z.number().nullable(),
  movement: movementSchema,
  text: z.string(),
  tasks: z.array(z.object({ id: z.number(), title: z.string(), planId: z.number() })),
});

// ---- the annual cycle (体检日程) ----
/** a check-up year runs in three dated stages: values collected → problems found (each assigned) → problems turned
 * into tasks or candidate projects, which then enter next year's 储备库 of the rolling key-project library */
export const checkupStageSchema = z.enum(['collect', 'diagnose', 'project']);
export type CheckupStage = z.infer<typeof checkupStageSchema>;
export const CHECKUP_STAGES: CheckupStage[] = ['collect', 'diagnose', 'project'];
export const CHECKUP_STAGE_LABELS: Record<CheckupStage, string> = { collect: '采集数值', diagnose: '查找问题', project: '问题转项目' };
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 年-月-日');
/** what checkups.cycle holds: the office's due dates (default: domain/checkupCycle.ts) and when each stage was closed */
export const checkupCycleStoredSchema = z.object({
  dueDates: z.object({ collect: day, diagnose: day, project: day }).partial().default({}),
  done: z.object({ collect: z.object({ at: z.string(), by: z.number().nullable() }), diagnose: z.object({ at: z.string(), by: z.number().nullable() }), project: z.object({ at: z.string(), by: z.number().nullable(), rolled: z.array(z.number()).default([]) }) }).partial().default({}),
});
export type CheckupCycleStored = z.infer<typeof checkupCycleStoredSchema>;
/** POST /api/checkups/:id/cycle: the office sets the due dates, closes the current stage, or reopens the last closed one */
export const checkupCycleBodySchema = z.union([
  z.object({ op: z.literal('schedule'), dueDates: z.object({ collect: day, diagnose: day, project: day }).partial() }),
  z.object({ op: z.literal('complete'), stage: checkupStageSchema }),
  z.object({ op: z.literal('reopen'), stage: checkupStageSchema }),
]);
export const checkupStageOutSchema = z.object({
  key: checkupStageSchema,
  label: z.string(),
  dueDate: z.string(),
  doneAt: z.string().nullable(),
  state: z.enum(['done', 'current', 'upcoming']),
  overdue: z.boolean(),
  /** where the stage stands, in words: what is done, what is missing, how long is left */
  text: z.string(),
});
export const checkupCycleSchema = z.object({
  stages: z.array(checkupStageOutSchema),
  /** the first stage not closed; null once the cycle is closed */
  current: checkupStageSchema.nullable(),
  /** the current stage's due date, and a line for the office's calendar */
  dueDate: z.string().nullable(),
  overdue: z.boolean(),
  dueText: z.string(),
  /** the year whose 储备库 the cycle's projects enter */
  nextYear: z.number(),
});
export type CheckupCycle = z.infer<typeof checkupCycleSchema>;

export const checkupSummarySchema = z.object({
  id: z.number(),
  regionId: z.number(),
  regionName: z.string(),
  year: z.number(),
  title: z.string(),
  indicatorCount: z.number(),
  problemCount: z.number(),
  openProblemCount: z.number(),
  cycle: checkupCycleSchema,
});
export type CheckupSummary = z.infer<typeof checkupSummarySchema>;
export const checkupListSchema = z.object({ items: z.array(checkupSummarySchema) });

export const checkupDetailSchema = checkupSummarySchema.extend({
  basis: z.string(),
  areas: z.array(areaSchema),
  indicators: z.array(checkupIndicatorSchema),
  values: z.array(checkupValueSchema),
  problems: z.array(checkupProblemSchema),
  previousYear: z.object({ id: z.number(), year: z.number(), movements: z.array(problemMovementSchema), counts: z.record(z.string(), z.number()) }).nullable(),
  /** what the actor may do */
  canManage: z.boolean(),
  /** the indicators whose values the actor's unit provides (all, for the office) */
  editableIndicatorIds: z.array(z.number()),
});
export type CheckupDetail = z.infer<typeof checkupDetailSchema>;

export const importRowErrorSchema = z.object({ row: z.number(), column: z.string().nullable(), message: z.string() });
export const checkupImportResultSchema = z.object({
  sheetName: z.string(),
  headerRow: z.number(),
  layout: z.enum(['wide', 'long']),
  rows: z.number(),
  values: z.array(z.object({ row: z.number(), indicatorId: z.number(), regionId: z.number(), value: z.number() })),
  errors: z.array(importRowErrorSchema),
  saved: z.boolean(),
});
export type CheckupImportResult = z.infer<typeof checkupImportResultSchema>;

// ---- the map (一图呈现) ----
export const mapModeSchema = z.enum(['plans', 'checkup']);
export const mapQuerySchema = z.object({ mode: mapModeSchema.default('plans'), year: z.coerce.number().int().min(2000).max(2100).optional() });
/** a town (镇街) of a district: coloured as the districts are, from what lies in the town (its plans, the tasks its
 * unit takes part in, its check-up values, its projects). No town boundary ships with the product: listed, not drawn. */
export const mapTownSchema = z.object({
  regionId: z.number(),
  name: z.string(),
  value: z.number().nullable(),
  color: z.enum(['green', 'yellow', 'red', 'grey']),
  text: z.string(),
  projectCount: z.number(),
});
export const mapAreaSchema = z.object({
  regionId: z.number().nullable(),
  /** the name the boundary file uses */
  name: z.string(),
  /** a number for the colour scale: the share of tasks on track (plans) or the problems found (checkup) */
  value: z.number().nullable(),
  color: z.enum(['green', 'yellow', 'red', 'grey']),
  text: z.string(),
  plans: z.array(z.object({ id: z.number(), title: z.string() })),
  /** the district's check-up: of the year shown (checkup mode), else its latest one the actor may read */
  checkupId: z.number().nullable(),
  checkupYear: z.number().nullable(),
  /** the library's projects of the district and its towns that the actor may see (with a point or not) */
  projectCount: z.number(),
  /** the district's towns in the region tree (empty where the tree has none), in the registry's order */
  towns: z.array(mapTownSchema),
});
export const mapAnswerSchema = z.object({
  mode: mapModeSchema,
  year: z.number().nullable(),
  legend: z.string(),
  areas: z.array(mapAreaSchema),
  points: z.array(z.object({ id: z.number(), name: z.string(), lng: z.number(), lat: z.number(), regionName: z.string().nullable(), text: z.string() })),
});
export type MapAnswer = z.infer<typeof mapAnswerSchema>;
