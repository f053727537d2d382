// Request and response contracts of the HTTP API, shared by server routes and the web app.
import { z } from 'zod';
import { isCalendarDate } from './dates.js';
import { permissionSchema, roleSchema } from './roles.js';
import { patchSchema } from './patch.js';
import { idSchema, idListSchema, idStringSchema, MAX_UNITS, nameSchema, unique, uniqueBy } from './input.js';
import { parsedPlanSchema, parsedUnitSchema, parsedTaskSchema, parsedTargetSchema, parsedIndicatorSchema, sourceSchema, indicatorTargetSchema } from './parsedPlan.js';

export const meSchema = z.object({
  id: z.number(),
  username: z.string(),
  displayName: z.string(),
  roles: z.array(roleSchema),
  unitId: z.number().nullable(),
  unitName: z.string().nullable(),
  regionIds: z.array(z.number()),
  /** what the server grants this account (server/policy.ts); the app shows or hides actions by these, never by role */
  permissions: z.array(permissionSchema),
  csrfToken: z.string(),
});
export type Me = z.infer<typeof meSchema>;

/** `newPassword`: sets a new password at login, required after an administrator's reset (PASSWORD_CHANGE_REQUIRED). */
export const loginBodySchema = z.object({ username: z.string().min(1).max(100), password: z.string().min(1).max(200), newPassword: z.string().min(1).max(200).optional() });

export const unitSchema = z.object({ id: z.number(), name: z.string(), aliases: z.array(z.string()), kind: z.string(), regionId: z.number(), regionName: z.string() });
export type Unit = z.infer<typeof unitSchema>;
export const createUnitBodySchema = z.object({ name: nameSchema(2, 60), aliases: z.array(nameSchema(1, 60)).max(20).overwrite(unique).default([]), kind: z.string().trim().min(1).max(30).default('department'), regionId: idSchema });
export type CreateUnitBody = z.infer<typeof createUnitBodySchema>;

export const planStatusSchema = z.enum(['draft', 'active', 'archived']);
export const planSummarySchema = z.object({
  id: z.number(),
  title: z.string(),
  level: z.string().nullable(),
  type: z.string().nullable(),
  periodStart: z.number().nullable(),
  periodEnd: z.number().nullable(),
  status: planStatusSchema,
  published: z.boolean(),
  regionId: z.number().nullable(),
  regionName: z.string().nullable(),
  taskCount: z.number(),
  indicatorCount: z.number(),
  progress: z.number().nullable(), // weighted mean of accepted progress, %
  createdAt: z.string(),
});
export type PlanSummary = z.infer<typeof planSummarySchema>;

export const outlineNodeOutSchema = z.object({ id: z.number(), parentId: z.number().nullable(), level: z.number(), kind: z.string(), marker: z.string(), title: z.string(), position: z.number(), source: sourceSchema.nullable() });
export const planDetailSchema = planSummarySchema.extend({
  /** the level of the plan's region (city | district | town): the regions below take up its tasks (区县 or 镇街) */
  regionLevel: z.string().nullable(),
  outline: z.array(outlineNodeOutSchema),
  notes: z.array(z.object({ code: z.string(), text: z.string(), start: z.number(), end: z.number() })),
  settings: z.record(z.string(), z.unknown()),
  documentId: z.number().nullable(),
  parentPlanIds: z.array(z.number()),
  version: z.number(),
  /**
   * What the asking user may do to this plan, as policy decides (server/policy.ts canManagePlan): manage = change its
   * status, publish it, add and assign its tasks, its settings. A town's office reads its district's plan, manages none.
   */
  can: z.object({ manage: z.boolean() }),
});
export type PlanDetail = z.infer<typeof planDetailSchema>;
export const updatePlanBodySchema = z.object({
  title: nameSchema(2, 200).optional(),
  status: planStatusSchema.optional(),
  // published: only through POST /api/plans/:id/publish, after the preview (issue #11)
  periodStart: z.number().int().min(2000).max(2100).nullable().optional(),
  periodEnd: z.number().int().min(2000).max(2100).nullable().optional(),
  /** plans this one implements (e.g. a district action plan under the municipal one) */
  parentPlanIds: idListSchema(20).optional(),
  /** the version the editor read: a stale save gets 409 with the current one */
  version: z.number().int().positive().optional(),
});

export const taskRoleSchema = z.enum(['lead', 'responsible', 'cooperating']);
export type TaskRole = z.infer<typeof taskRoleSchema>;
export const taskUnitOutSchema = z.object({ unitId: z.number().nullable(), name: z.string(), raw: z.string(), role: taskRoleSchema, scope: z.string() });
/** Computed, never stored: colour and state against 序时进度 and the last due period, with the reason in words. */
export const taskStatusOutSchema = z.object({
  color: z.enum(['green', 'yellow', 'red', 'grey', 'blue']),
  state: z.string(),
  label: z.string(),
  pace: z.number().nullable(),
  gap: z.number().nullable(),
  /** the % the status was judged on: the accepted one, or that of the report waiting for review (已报送待审核) */
  progress: z.number().nullable().optional(),
  reason: z.string(),
  periodKey: z.string().nullable(),
});
export const taskSchema = z.object({
  id: z.number(),
  version: z.number().default(1),
  planId: z.number(),
  outlineNodeId: z.number().nullable(),
  chapter: z.string().nullable(),
  parentTaskId: z.number().nullable(),
  title: z.string(),
  text: z.string(),
  units: z.array(taskUnitOutSchema),
  leaders: z.array(z.string()),
  deadline: z.string().nullable(),
  weight: z.number(),
  progress: z.number().nullable(),
  reportedStatus: z.string().nullable(),
  assignee: z.string().nullable(),
  /** 定目标 / 定标准 / 开始日期 / the time limit as worded (e.g. 长期坚持) */
  targetText: z.string().nullable(),
  standard: z.string().nullable(),
  startDate: z.string().nullable(),
  deadlineText: z.string().nullable(),
  source: sourceSchema.nullable(),
  updatedAt: z.string(),
  status: taskStatusOutSchema.optional(),
});
export type Task = z.infer<typeof taskSchema>;
export const taskDetailSchema = taskSchema.extend({
  quote: z.string().nullable(),
  planTitle: z.string(),
  /**
   * What the asking user may do to this task, as policy decides (server/policy.ts taskRights): manage = change or
   * delete it (the plan's own office, or one above); split = break it into sub-tasks (the head of its lead unit).
   */
  can: z.object({ manage: z.boolean(), split: z.boolean() }),
});
/**
 * Where a keyset page of a task list starts (issue #15): after the task with this key in the order of every task list
 * (plan, position in the plan, id). Clients pass on the `nextCursor` of the page before, unread; `cursor=` (empty)
 * asks for the first page. Stays valid while tasks are added or removed: a page never repeats or skips a task that
 * was there throughout.
 */
export interface TaskCursor {
  planId: number;
  position: number;
  id: number;
}
const INT = '(-?\\d{1,10})';
const cursorPattern = new RegExp(`^${INT}\\.${INT}\\.(\\d{1,10})$`);
const int32 = (n: number) => Number.isSafeInteger(n) && n >= -2147483648 && n <= 2147483647;
export const encodeTaskCursor = (c: TaskCursor): string => `${c.planId}.${c.position}.${c.id}`;
export const taskCursorSchema = z
  .string()
  .trim()
  .max(40)
  .transform((s, ctx): TaskCursor | null => {
    if (s === '') return null;
    const m = cursorPattern.exec(s);
    const c = m ? { planId: Number(m[1]), position: Number(m[2]), id: Number(m[3]) } : null;
    if (c && int32(c.planId) && int32(c.position) && int32(c.id)) return c;
    ctx.addIssue({ code: 'custom', message: '无效的分页游标' });
    return z.NEVER;
  });
export const taskListQuerySchema = z.object({
  unitId: idStringSchema.optional(),
  role: taskRoleSchema.optional(),
  outlineNodeId: idStringSchema.optional(),
  q: z.string().trim().max(100).optional(),
  /** computed status: a colour (green|yellow|red|grey|blue) or a state (e.g. not_reported, overdue) */
  status: z.string().trim().regex(/^[a-z_]{3,30}$/).optional(),
  /** numbered pages (with the total): what the app's tables use */
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
  /** keyset pages instead (no total, no offset: the same cost on the last page as on the first); `page` is ignored */
  cursor: taskCursorSchema.optional(),
});
/** A keyset page: `nextCursor` is null on the last page. */
export const keysetPageSchema = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), pageSize: z.number().int(), nextCursor: z.string().nullable() });
const unitRefSchema = z.object({ unitId: idSchema, role: taskRoleSchema });
const monthOrDay = z.string().trim().regex(/^\d{4}-\d{2}(-\d{2})?$/, '格式为 2025-12 或 2025-12-31').refine(isCalendarDate, '不是有效的日期');
const day = z.string().trim().regex(/^\d{4}-\d{2}-\d{2}$/, '格式为 2025-01-31').refine(isCalendarDate, '不是有效的日期');
/** Empty text is "not set": '' and blanks are stored as null. */
const optionalText = (max: number) => z.string().trim().max(max).transform((v) => v || null).nullable();
export const createTaskBodySchema = z.object({
  outlineNodeId: idSchema.nullable().default(null),
  parentTaskId: idSchema.nullable().default(null),
  title: z.string().trim().min(2).max(500),
  text: z.string().trim().max(10000).default(''),
  /** at most 200, each unit named once per role */
  units: z.array(unitRefSchema).max(MAX_UNITS).overwrite(uniqueBy((u) => `${u.unitId}:${u.role}`)).default([]),
  deadline: monthOrDay.nullable().default(null),
  /** the time limit as worded, e.g. 2025年底前, 长期坚持 */
  deadlineText: optionalText(100).default(null),
  startDate: day.nullable().default(null),
  weight: z.number().positive().max(100).default(1),
  /** 定人 */
  assignee: optionalText(50).default(null),
  /** 牵头领导 */
  leaders: z.array(z.string().trim().min(1).max(50)).max(20).default([]),
  /** 定目标 */
  targetText: optionalText(500).default(null),
  /** 定标准 */
  standard: optionalText(500).default(null),
});
export const updateTaskBodySchema = patchSchema(createTaskBodySchema.omit({ parentTaskId: true }).extend({ version: z.number().int().positive().optional() }));

export const indicatorOutSchema = z.object({
  id: z.number(), planId: z.number(), name: z.string(), unit: z.string().nullable(), attribute: z.string().nullable(), kind: z.string(), direction: z.string(),
  category: z.string().nullable(), tableName: z.string().nullable(), baselineYear: z.number().nullable(), baselineValue: z.number().nullable(), baselineText: z.string().nullable(),
  targetYear: z.number().nullable(), targetValue: z.number().nullable(), targetValueMax: z.number().nullable(), comparator: z.string(), targetText: z.string().nullable(),
  /** every target year of the row; the target* fields above repeat the last */
  targets: z.array(indicatorTargetSchema),
  actualText: z.string().nullable(), note: z.string().nullable(), source: sourceSchema.nullable(),
  values: z.array(z.object({ date: z.string(), value: z.number(), unitId: z.number().nullable() })),
});
export const projectOutSchema = z.object({ id: z.number(), planId: z.number(), kind: z.string(), column: z.string().nullable(), group: z.string().nullable(), name: z.string(), text: z.string(), status: z.string(), source: sourceSchema.nullable() });
export const targetOutSchema = z.object({ id: z.number(), subject: z.string(), value: z.number(), valueMax: z.number().nullable(), unit: z.string().nullable(), comparator: z.string(), year: z.number().nullable(), recurring: z.boolean(), decrease: z.boolean(), quote: z.string(), source: sourceSchema.nullable() });

export const importStatusSchema = z.enum(['pending', 'running', 'review', 'confirmed', 'failed']);
export const unknownUnitSchema = z.object({ name: z.string(), raws: z.array(z.string()), count: z.number(), mappedUnitId: z.number().nullable() });
export const importJobSchema = z.object({
  id: z.number(),
  status: importStatusSchema,
  filename: z.string(),
  sha256: z.string(),
  regionId: z.number().nullable(),
  planId: z.number().nullable(),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
  parsed: parsedPlanSchema.nullable(),
  unknownUnits: z.array(unknownUnitSchema),
  createdAt: z.string(),
  duplicateOf: z.number().nullable(), // an earlier import of the same file
});
export type ImportJob = z.infer<typeof importJobSchema>;

/** Corrections the office makes during review; each one is audited. */
export const importCorrectionSchema = z.discriminatedUnion('op', [
  z.object({ op: z.literal('setTaskUnits'), taskId: z.string(), role: taskRoleSchema, units: z.array(parsedUnitSchema).max(MAX_UNITS) }),
  z.object({ op: z.literal('updateTask'), taskId: z.string(), patch: parsedTaskSchema.pick({ title: true, text: true, deadline: true }).partial() }),
  z.object({ op: z.literal('removeTask'), taskId: z.string() }),
  z.object({
    op: z.literal('addTask'),
    task: z.object({
      title: z.string().trim().min(2).max(500),
      text: z.string().max(10000).default(''),
      outlineId: z.string().nullable().default(null),
      lead: z.array(parsedUnitSchema).max(MAX_UNITS).default([]),
      responsible: z.array(parsedUnitSchema).max(MAX_UNITS).default([]),
      cooperating: z.array(parsedUnitSchema).max(MAX_UNITS).default([]),
      deadline: z.string().regex(/^\d{4}-\d{2}(-\d{2})?$/).nullable().default(null),
      source: sourceSchema.nullable().default(null),
    }),
  }),
  z.object({ op: z.literal('updateTarget'), index: z.number().int().min(0), patch: patchSchema(parsedTargetSchema.omit({ source: true, quote: true })) }),
  z.object({ op: z.literal('removeTarget'), index: z.number().int().min(0) }),
  z.object({ op: z.literal('updateIndicator'), index: z.number().int().min(0), patch: patchSchema(parsedIndicatorSchema.omit({ source: true })) }),
  z.object({ op: z.literal('removeIndicator'), index: z.number().int().min(0) }),
  z.object({ op: z.literal('removeProject'), id: z.string() }),
  z.object({ op: z.literal('updateMeta'), patch: z.object({ title: nameSchema(2, 200), periodStart: z.number().int().min(1900).max(2200).nullable(), periodEnd: z.number().int().min(1900).max(2200).nullable(), type: z.string().nullable() }).partial() }),
  z.object({ op: z.literal('mapUnit'), name: z.string().max(200), unitId: idSchema.nullable() }),
]);
export type ImportCorrection = z.infer<typeof importCorrectionSchema>;
export const confirmImportBodySchema = z.object({
  /** names still unknown after mapping: create them as new units in the import's region */
  createUnits: z.array(z.string().max(200)).max(1000).overwrite(unique).default([]),
  status: planStatusSchema.default('active'),
});

export const auditEventSchema = z.object({ id: z.number(), at: z.string(), actorName: z.string(), action: z.string(), entityType: z.string(), entityId: z.string(), before: z.unknown(), after: z.unknown() });
export const errorBodySchema = z.object({ error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }) });
