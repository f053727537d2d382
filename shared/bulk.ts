// Contracts of bulk work (issue #11): assigning many tasks at once, a unit's report grid and ledger upload,
// the office's batch review, manual 催报 and batch 复核. Every batch answers row by row: what was done and,
// for each row that was not, the error from the catalogue (code + Chinese message), so a partial failure is
// named where it happened.
import { z } from 'zod';
import { createTaskBodySchema } from './api.js';
import { idListSchema, idSchema } from './input.js';
import { periodOutSchema, reportStatusSchema, reportedTaskStatusSchema } from './reporting.js';

/** The most rows one batch takes. */
export const MAX_BATCH = 300;

export const rowErrorSchema = z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() });
export type RowError = z.infer<typeof rowErrorSchema>;
/** One row of a batch: the record it named, and either done or the reason it was not. */
export const batchRowSchema = z.object({ id: z.number(), ok: z.boolean(), error: rowErrorSchema.optional() });
export const batchResultSchema = z.object({ items: z.array(batchRowSchema), done: z.number().int(), failed: z.number().int() });
export type BatchResult = z.infer<typeof batchResultSchema>;

// ---- assignment -------------------------------------------------------------------------------------------

/**
 * Many tasks of one plan at once: units added to those each task names (`add`) or put in place of them
 * (`replace`), and/or a deadline and a weight. All or nothing: one transaction, one audit row per task.
 */
export const assignTasksBodySchema = z
  .object({
    taskIds: idListSchema(MAX_BATCH).refine((l) => l.length > 0, { message: '请至少选择一项任务' }),
    mode: z.enum(['add', 'replace']).default('add'),
    units: createTaskBodySchema.shape.units.optional(),
    deadline: createTaskBodySchema.shape.deadline.unwrap().optional(),
    weight: z.number().positive().max(100).optional(),
  })
  .refine((b) => b.units !== undefined || b.deadline !== undefined || b.weight !== undefined, { message: '请选择要设置的单位、完成时限或权重' });
export const assignTasksOutSchema = z.object({ updated: z.number().int(), taskIds: z.array(z.number()) });
export type AssignTasksOut = z.infer<typeof assignTasksOutSchema>;

// ---- a unit's report grid ------------------------------------------------------------------------------------

const reportTexts = { reportedStatus: z.string().nullable(), progress: z.number().nullable(), progressText: z.string(), problems: z.string(), nextSteps: z.string() };
/** One lead task due this period in a plan taking reports: its report as it stands and last period's to copy. */
export const reportGridRowSchema = z.object({
  planId: z.number(), planTitle: z.string(), taskId: z.number(), taskTitle: z.string(),
  period: periodOutSchema.pick({ key: true, label: true, dueDate: true, state: true }),
  /** the unit may still write it: none yet, a draft or returned, and the period not locked */
  editable: z.boolean(),
  report: z.object({ id: z.number(), status: reportStatusSchema, version: z.number(), returnReason: z.string().nullable(), ...reportTexts }).nullable(),
  /** the latest report of an earlier period ("上月"), to copy */
  previous: z.object({ periodKey: z.string(), periodLabel: z.string(), status: reportStatusSchema, ...reportTexts }).nullable(),
});
export type ReportGridRow = z.infer<typeof reportGridRowSchema>;
export const reportGridSchema = z.object({ asOf: z.string(), unitName: z.string().nullable(), rows: z.array(reportGridRowSchema) });
export type ReportGrid = z.infer<typeof reportGridSchema>;

/**
 * Many reports at once, as drafts or submitted. Each row is a report body of POST /api/tasks/:id/reports
 * (checked there, row by row, so one bad row does not refuse the others) plus its task.
 */
export const saveReportsBodySchema = z.object({
  items: z.array(z.looseObject({ taskId: idSchema })).min(1).max(MAX_BATCH).refine((l) => new Set(l.map((i) => i.taskId)).size === l.length, { message: '同一任务只能填报一行' }),
  submit: z.boolean().default(false),
});
export const saveReportsOutSchema = z.object({
  items: z.array(batchRowSchema.extend({ reportId: z.number().optional(), status: reportStatusSchema.optional(), version: z.number().optional() })),
  done: z.number().int(), failed: z.number().int(),
});
export type SaveReportsOut = z.infer<typeof saveReportsOutSchema>;

// ---- the ledger (台账) Excel ------------------------------------------------------------------------------

/** What the upload understood of one row of the ledger, and what is wrong with it. Nothing is saved yet. */
export const ledgerRowSchema = z.object({
  rowNumber: z.number().int(),
  taskId: z.number().nullable(),
  taskTitle: z.string(),
  planTitle: z.string().nullable(),
  periodKey: z.string().nullable(),
  report: z.object({ period: z.string(), reportedStatus: reportedTaskStatusSchema, progress: z.number().nullable(), progressText: z.string(), problems: z.string(), nextSteps: z.string(), version: z.number().optional() }).nullable(),
  /** the row's own cells as written in the file, shown beside its errors when nothing could be read from it */
  cells: z.object({ reportedStatus: z.string(), progress: z.string(), progressText: z.string() }),
  /** the row is the same as what is stored: saving it changes nothing */
  unchanged: z.boolean(),
  errors: z.array(z.string()),
});
export type LedgerRow = z.infer<typeof ledgerRowSchema>;
export const ledgerPreviewSchema = z.object({
  sheetName: z.string(), headerRow: z.number().int(),
  /** column → what it was read as */
  columns: z.array(z.object({ header: z.string(), field: z.string() })),
  rows: z.array(ledgerRowSchema),
  /** due tasks of the grid that no row of the file names */
  missing: z.array(z.object({ taskId: z.number(), taskTitle: z.string() })),
});
export type LedgerPreview = z.infer<typeof ledgerPreviewSchema>;

// ---- the office ---------------------------------------------------------------------------------------------

export const reviewReportsBodySchema = z.object({
  reportIds: idListSchema(MAX_BATCH).refine((l) => l.length > 0, { message: '请至少选择一份报告' }),
  decision: z.enum(['accept', 'return']),
  reason: z.string().trim().max(2000).default(''),
});

/** 催报 now: the chosen lead units of the plan with reports missing for its period, each at most once a day. */
export const remindUnitsBodySchema = z.object({
  unitIds: idListSchema(MAX_BATCH).refine((l) => l.length > 0, { message: '请至少选择一个单位' }),
  /** the period chased (default: the one the plan takes reports for now) */
  period: z.string().min(4).max(10).optional(),
  note: z.string().trim().max(500).default(''),
});
export const remindUnitsOutSchema = batchResultSchema.extend({ periodKey: z.string(), periodLabel: z.string() });
export type RemindUnitsOut = z.infer<typeof remindUnitsOutSchema>;

export const recheckNoticesBodySchema = z.object({
  noticeIds: idListSchema(MAX_BATCH).refine((l) => l.length > 0, { message: '请至少选择一件督办' }),
  passed: z.boolean(),
  note: z.string().trim().max(5000).default(''),
});
