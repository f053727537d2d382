// The project library (issue #14): the contract between server and app. A project has an owner unit, a region
// (district or town), money, dates, a phase and the library list it is in each year; the owner unit reports its
// investment monthly on the plan's reporting calendar.
import { z } from 'zod';
import { idSchema, idStringSchema } from './input.js';
import { patchSchema } from './patch.js';

export const projectPhaseSchema = z.enum(['planning', 'preparation', 'scheduled', 'construction', 'completed', 'terminated']);
export type ProjectPhase = z.infer<typeof projectPhaseSchema>;
export const PROJECT_PHASE_LABELS: Record<ProjectPhase, string> = {
  planning: '谋划储备', preparation: '前期', scheduled: '年度计划', construction: '在建', completed: '竣工', terminated: '终止',
};
/** the phases in order; 终止 leaves the line from any phase before 竣工 */
export const PROJECT_PHASE_ORDER: ProjectPhase[] = ['planning', 'preparation', 'scheduled', 'construction', 'completed'];

export const projectListSchema = z.enum(['reserve', 'rolling', 'annual']);
export type ProjectList = z.infer<typeof projectListSchema>;
export const PROJECT_LIST_LABELS: Record<ProjectList, string> = { reserve: '储备库', rolling: '三年滚动', annual: '年度计划' };

export const projectLinkKindSchema = z.enum(['outline', 'task', 'indicator']);
export type ProjectLinkKind = z.infer<typeof projectLinkKindSchema>;

const isoDay = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, '日期格式应为YYYY-MM-DD');
/** 万元; a sum is never negative and never absurd (1e9 万元 = 10 万亿元) */
const money = z.number().finite().min(0, '金额不能为负数').max(1e9, '金额过大');
const text = (max: number) => z.string().trim().max(max);

export const fundingSourceSchema = z.object({ source: text(100).min(1, '请填写资金来源'), amount: money.nullable().default(null) });
export const annualPlanSchema = z.object({ year: z.number().int().min(2000).max(2100), plannedInvestment: money.nullable() });

export const projectFieldsSchema = z.object({
  name: text(300).min(2, '项目名称至少2个字'),
  text: text(5000).default(''), // 建设内容
  location: text(300).nullable().default(null), // 建设地点
  regionId: idSchema,
  ownerUnitId: idSchema.nullable().default(null),
  lng: z.number().min(73).max(136).nullable().default(null),
  lat: z.number().min(3).max(54).nullable().default(null),
  category: text(100).nullable().default(null),
  totalInvestment: money.nullable().default(null),
  fundingSources: z.array(fundingSourceSchema).max(20).default([]),
  startDate: isoDay.nullable().default(null),
  finishDate: isoDay.nullable().default(null),
  planId: idSchema.nullable().default(null),
  outlineNodeId: idSchema.nullable().default(null),
});

const datesInOrder = (b: { startDate?: string | null; finishDate?: string | null }) => !b.startDate || !b.finishDate || b.startDate <= b.finishDate;
const pointWhole = (b: { lng?: number | null; lat?: number | null }) => (b.lng == null) === (b.lat == null);

export const createProjectBodySchema = projectFieldsSchema
  .extend({
    phase: projectPhaseSchema.exclude(['terminated', 'completed']).default('planning'),
    list: projectListSchema.default('reserve'),
    year: z.number().int().min(2000).max(2100).optional(), // the list's year; default: this year
    annualPlans: z.array(annualPlanSchema).max(20).default([]),
    origin: z.enum(['manual', 'excel', 'import', 'checkup']).default('manual'),
  })
  .refine(datesInOrder, { message: '竣工时间不能早于开工时间', path: ['finishDate'] })
  .refine(pointWhole, { message: '经度和纬度须同时填写', path: ['lat'] });
export type CreateProjectInput = z.input<typeof createProjectBodySchema>;

export const updateProjectBodySchema = z
  .intersection(patchSchema(projectFieldsSchema.omit({ planId: true, outlineNodeId: true })), z.object({ version: z.number().int().positive(), annualPlans: z.array(annualPlanSchema).max(20).optional() }))
  .refine(datesInOrder, { message: '竣工时间不能早于开工时间', path: ['finishDate'] })
  .refine(pointWhole, { message: '经度和纬度须同时填写', path: ['lat'] });

export const moveProjectPhaseBodySchema = z.object({
  phase: projectPhaseSchema,
  reason: text(1000).optional(),
  version: z.number().int().positive().optional(),
});

export const rollProjectsBodySchema = z.object({
  year: z.number().int().min(2000).max(2100),
  moves: z
    .array(z.object({ projectId: idSchema, list: projectListSchema, plannedInvestment: money.nullable().optional() }))
    .min(1, '请选择要滚动的项目')
    .max(1000),
});

export const linkProjectItemsBodySchema = z.object({
  links: z.array(z.object({ kind: projectLinkKindSchema, targetId: idSchema })).max(100),
});

export const projectReportBodySchema = z.object({
  period: z.string().regex(/^\d{4}(-(0[1-9]|1[0-2]|Q[1-4]|H[12]))?$/, '报送期格式不正确'),
  monthInvestment: money.nullable().default(null), // 本月完成投资; null: 累计 − 上期累计
  cumulativeInvestment: money, // 累计完成投资
  progressText: text(2000).min(2, '请填写形象进度'),
  note: text(1000).nullable().default(null),
  version: z.number().int().positive().optional(),
});

export const projectListQuerySchema = z.object({
  phase: projectPhaseSchema.optional(),
  list: projectListSchema.optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  regionId: idStringSchema.optional(),
  ownerUnitId: idStringSchema.optional(),
  category: z.string().trim().max(100).optional(),
  planId: idStringSchema.optional(),
  status: z.enum(['green', 'yellow', 'red', 'grey', 'blue']).optional(),
  q: z.string().trim().max(100).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});
export type ProjectListQuery = z.infer<typeof projectListQuerySchema>;

export const projectStatusSchema = z.object({
  color: z.enum(['green', 'yellow', 'red', 'grey', 'blue']),
  state: z.string(),
  label: z.string(),
  pace: z.number().nullable(), // 序时进度 %
  investmentRate: z.number().nullable(), // 累计完成投资 ÷ 总投资 %
  gap: z.number().nullable(),
  reason: z.string(),
});
export type ProjectStatus = z.infer<typeof projectStatusSchema>;

export const projectOutSchema = z.object({
  id: z.number(), name: z.string(), text: z.string(), location: z.string().nullable(),
  regionId: z.number().nullable(), regionName: z.string().nullable(),
  ownerUnitId: z.number().nullable(), ownerUnitName: z.string().nullable(),
  lng: z.number().nullable(), lat: z.number().nullable(), category: z.string().nullable(),
  totalInvestment: z.number().nullable(), fundingSources: z.array(z.object({ source: z.string(), amount: z.number().nullable() })),
  startDate: z.string().nullable(), finishDate: z.string().nullable(),
  phase: projectPhaseSchema, phaseReason: z.string().nullable(), list: projectListSchema, listYear: z.number().nullable(),
  plannedInvestment: z.number().nullable(), // this year's 年度计划投资
  completedInvestment: z.number(), progressText: z.string().nullable(), lastPeriod: z.string().nullable(),
  planId: z.number().nullable(), planTitle: z.string().nullable(), column: z.string().nullable(), outlineNodeId: z.number().nullable(),
  origin: z.string(), version: z.number(), status: projectStatusSchema,
  /** may the caller run this project (the office of its region or one above) */
  canManage: z.boolean(),
});
export type ProjectOut = z.infer<typeof projectOutSchema>;

export const projectPageSchema = z.object({ items: z.array(projectOutSchema), total: z.number(), page: z.number(), pageSize: z.number(), canManage: z.boolean() });

export const projectReportOutSchema = z.object({
  id: z.number(), periodKey: z.string(), periodEnd: z.string(), monthInvestment: z.number(), cumulativeInvestment: z.number(),
  progressText: z.string(), note: z.string().nullable(), unitId: z.number().nullable(), version: z.number(), createdAt: z.string(), updatedAt: z.string(),
});

export const projectDetailSchema = z.object({
  project: projectOutSchema,
  years: z.array(z.object({ year: z.number(), list: projectListSchema, plannedInvestment: z.number().nullable() })),
  moves: z.array(z.object({ id: z.number(), kind: z.string(), year: z.number().nullable(), fromValue: z.string().nullable(), toValue: z.string(), reason: z.string().nullable(), createdAt: z.string(), by: z.string().nullable() })),
  links: z.array(z.object({ kind: projectLinkKindSchema, targetId: z.number(), title: z.string(), planId: z.number().nullable() })),
  reports: z.array(projectReportOutSchema),
  canManage: z.boolean(),
  canReport: z.boolean(),
  /** the period a report goes to by default */
  currentPeriod: z.object({ key: z.string(), label: z.string(), dueDate: z.string() }),
});

export const projectImportRowSchema = z.object({
  rowNumber: z.number(),
  name: z.string(),
  values: z.record(z.string(), z.string()),
  errors: z.array(z.string()),
});
export const projectImportPreviewSchema = z.object({
  sheetName: z.string(),
  headerRow: z.number(),
  headers: z.array(z.string()),
  columns: z.record(z.string(), z.string()), // 0-based column → field
  rows: z.array(projectImportRowSchema),
  errorCount: z.number(),
  saved: z.number(), // 0 in a preview
  projectIds: z.array(z.number()),
});
export type ProjectImportPreview = z.infer<typeof projectImportPreviewSchema>;
