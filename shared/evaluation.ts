// Contracts for evaluating a plan: unit scores and their settings, evaluation drafts, dashboards,
// the table (任务分工表) import, and the public page.
import { z } from 'zod';
import { rankOptionsSchema, rankedUnitSchema, scoreComponentSchema, unitScoreConfigSchema, unitScoreSchema } from './scoring.js';
import { evaluationKindSchema, narrativeSectionSchema, reportItemSchema } from './reportDocs.js';
import { nameSchema } from './input.js';

export { evaluationKindSchema };

/** The score settings as stored under plans.settings.unitScore / .ranking. */
export const scoreSettingsSchema = z.object({ unitScore: unitScoreConfigSchema.prefault({}), ranking: rankOptionsSchema.prefault({}) });
export type ScoreSettings = z.infer<typeof scoreSettingsSchema>;
const weight = z.number().min(0).max(1000);
export const scoreSettingsPatchSchema = z.object({
  weights: z.object({ reporting: weight, tasks: weight, indicators: weight, notices: weight, revisions: weight }).partial().optional(),
  taskFactors: z.object({ blue: z.number().min(0).max(1), green: z.number().min(0).max(1), yellow: z.number().min(0).max(1), red: z.number().min(0).max(1) }).partial().optional(),
  indicatorFactors: z.object({ achieved_early: z.number().min(0).max(1), ahead: z.number().min(0).max(1), on_track: z.number().min(0).max(1), behind: z.number().min(0).max(1) }).partial().optional(),
  ranking: z.object({ topN: z.number().int().min(0).max(50), bottomN: z.number().int().min(0).max(50), topAward: z.string().trim().min(1).max(20), bottomAward: z.string().trim().min(1).max(20) }).partial().optional(),
});
export type ScoreSettingsPatch = z.input<typeof scoreSettingsPatchSchema>;

/** What was counted for a unit, so each component's numerator and denominator can be traced. */
export const scoreInputsSchema = z.object({
  reporting: z.object({ due: z.number(), onTime: z.number() }),
  tasks: z.object({ blue: z.number(), green: z.number(), yellow: z.number(), red: z.number(), grey: z.number() }),
  indicators: z.object({ achieved_early: z.number(), ahead: z.number(), on_track: z.number(), behind: z.number(), no_data: z.number() }),
  notices: z.object({ total: z.number(), answeredOnTime: z.number() }),
  revisions: z.object({ submitted: z.number(), returned: z.number() }),
});
/** A ranked unit: its score (components, 不适用 ones included, and how the total was re-weighted), rank and award. */
export const unitScoreOutSchema = unitScoreSchema
  .omit({ unitId: true, total: true })
  .extend(rankedUnitSchema.omit({ unitId: true }).shape)
  .extend({ unitId: z.number(), inputs: scoreInputsSchema });
/** A unit with nothing due at all in the selection: listed apart, not ranked. */
export const unratedUnitOutSchema = z.object({
  unitId: z.number(), unitName: z.string(), maxTotal: z.number(), reason: z.string(), components: z.array(scoreComponentSchema), inputs: scoreInputsSchema,
});
export const scoresOutSchema = z.object({
  planId: z.number(),
  selection: z.object({
    key: z.string(), label: z.string(), start: z.string(), end: z.string(), asOf: z.string(),
    periods: z.array(z.string()), // the periods scored
    planStart: z.string(), // the day the plan began: periods that ended before it are not scored
    skipped: z.array(z.object({ key: z.string(), label: z.string() })),
    note: z.string().nullable(), // why periods were skipped, in words
  }),
  settings: scoreSettingsSchema,
  rules: z.array(z.string()), // how each input is counted, in words
  items: z.array(unitScoreOutSchema), // ranked, best first
  unrated: z.array(unratedUnitOutSchema),
  provisional: z.boolean(), // a scored period is not yet due: the ranking may change and no award is given
  awardNotes: z.array(z.string()), // why an award was not given (a tie across its line, a provisional ranking), in words
});
export type ScoresOut = z.infer<typeof scoresOutSchema>;

const paragraphs = z.array(z.string().max(5000)).max(50);
const narrativeFields = {
  foreword: paragraphs,
  overview: paragraphs,
  indicators: paragraphs,
  tasks: paragraphs,
  extraSections: z.array(narrativeSectionSchema).max(20),
  closing: paragraphs,
  problems: z.array(reportItemSchema).max(100),
  nextSteps: z.array(reportItemSchema).max(100),
};
const f = narrativeFields;
export const narrativeSchema = z.object({
  foreword: f.foreword.default([]), overview: f.overview.default([]), indicators: f.indicators.default([]), tasks: f.tasks.default([]),
  extraSections: f.extraSections.default([]), closing: f.closing.default([]), problems: f.problems.default([]), nextSteps: f.nextSteps.default([]),
});
/** Only the parts sent are replaced; no defaults, so an absent part is left as it is. */
export const narrativePatchSchema = z.object(narrativeFields).partial();
export type Narrative = z.infer<typeof narrativeSchema>;
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
export const createEvaluationBodySchema = z.object({
  kind: evaluationKindSchema,
  year: z.number().int().min(2000).max(2100),
  title: z.string().trim().min(2).max(200).nullable().default(null),
  issuingOffice: z.string().trim().min(2).max(100).optional(),
  date: isoDate.optional(),
});
export const updateEvaluationBodySchema = z.object({
  title: z.string().trim().min(2).max(200).nullable().optional(),
  issuingOffice: z.string().trim().min(2).max(100).optional(),
  date: isoDate.optional(),
  narrative: narrativePatchSchema.optional(),
  /** the updatedAt the editor loaded: a later save by someone else is a CONFLICT, not lost */
  expectedUpdatedAt: z.string().optional(),
});
export const evaluationOutSchema = z.object({
  id: z.number(), planId: z.number(), kind: evaluationKindSchema, year: z.number(), title: z.string(), customTitle: z.string().nullable(),
  issuingOffice: z.string(), date: z.string(), narrative: narrativeSchema, updatedAt: z.string(), updatedBy: z.string().nullable(),
});
export type EvaluationOut = z.infer<typeof evaluationOutSchema>;
export const indicatorClassCountsSchema = z.object({ achieved_early: z.number(), ahead: z.number(), on_track: z.number(), behind: z.number(), none: z.number(), total: z.number() });
const taskCountRow = z.object({ name: z.string(), total: z.number(), completed: z.number(), onTrack: z.number(), behind: z.number(), notReported: z.number(), notStarted: z.number() });
/** The generated parts, shown beside the narrative while the office edits. */
export const evaluationDataSchema = z.object({
  asOf: z.string(),
  indicatorCounts: indicatorClassCountsSchema,
  indicators: z.array(z.object({ name: z.string(), unit: z.string().nullable(), baseline: z.string().nullable(), target: z.string().nullable(), latest: z.string().nullable(), expected: z.string().nullable(), evaluation: z.string().nullable() })),
  tasksByChapter: z.array(taskCountRow),
  tasksByUnit: z.array(taskCountRow),
  suggestedProblems: z.array(reportItemSchema),
  suggestedNextSteps: z.array(reportItemSchema),
});
export const evaluationDetailSchema = evaluationOutSchema.extend({ data: evaluationDataSchema });
export type EvaluationDetail = z.infer<typeof evaluationDetailSchema>;

const colorCounts = z.object({ green: z.number(), yellow: z.number(), red: z.number(), grey: z.number(), blue: z.number() });
export const statusDashboardSchema = z.object({
  asOf: z.string(),
  byChapter: z.array(z.object({ outlineNodeId: z.number(), title: z.string(), progress: z.number().nullable(), taskCount: z.number(), counts: colorCounts })),
  byUnit: z.array(z.object({ unitId: z.number(), unitName: z.string(), taskCount: z.number(), progress: z.number().nullable(), counts: colorCounts })),
});
export type StatusDashboard = z.infer<typeof statusDashboardSchema>;
export const trajectorySchema = z.object({
  indicatorId: z.number(), name: z.string(), unit: z.string().nullable(), attribute: z.string().nullable(), state: z.string(), label: z.string(), color: z.string(),
  /** one point per year from the baseline to the target year; actual is the last value dated in that year */
  points: z.array(z.object({ year: z.number(), expected: z.number().nullable(), actual: z.number().nullable() })),
});
export const indicatorDashboardSchema = z.object({ asOf: z.string(), items: z.array(trajectorySchema) });
export type IndicatorDashboard = z.infer<typeof indicatorDashboardSchema>;
export const reportingDashboardSchema = z.object({
  asOf: z.string(),
  periods: z.array(z.object({ key: z.string(), label: z.string(), dueDate: z.string(), due: z.number(), submitted: z.number(), onTime: z.number(), accepted: z.number(), returned: z.number(), rate: z.number().nullable(), onTimeRate: z.number().nullable() })),
});
export type ReportingDashboard = z.infer<typeof reportingDashboardSchema>;

/** A column of a 任务分工表 (server/reports/xlsx/headerDetect.ts guesses them from the header). */
export const taskFieldSchema = z.enum(['seq', 'chapter', 'title', 'text', 'lead', 'responsible', 'cooperating', 'deadline', 'leader', 'ignore']);
export type TaskField = z.infer<typeof taskFieldSchema>;
/** 0-based column index → field */
export const columnMappingSchema = z.record(z.string().regex(/^\d+$/), taskFieldSchema);
export type ColumnMapping = Record<number, TaskField>;

export const tableImportOptionsSchema = z.object({
  sheet: z.union([z.string().min(1).max(100), z.coerce.number().int().min(0).max(100)]).optional(),
  headerRow: z.coerce.number().int().min(1).max(200).optional(),
});
export const tableMappingBodySchema = tableImportOptionsSchema.extend({
  /** 0-based column index → field, as the preview's `mapping` */
  mapping: columnMappingSchema,
  title: nameSchema(2, 200).optional(),
});
export const tablePreviewSchema = z.object({
  importId: z.number(),
  status: z.string(),
  filename: z.string(),
  sheetName: z.string(),
  sheets: z.array(z.string()),
  titleLines: z.array(z.string()),
  headerRow: z.number(),
  headers: z.array(z.string()),
  mapping: z.record(z.string(), taskFieldSchema),
  fields: z.array(z.object({ field: taskFieldSchema, label: z.string() })),
  rowCount: z.number(),
  taskRowCount: z.number(),
  rows: z.array(z.object({ rowNumber: z.number(), cells: z.array(z.string()), kind: z.enum(['task', 'heading', 'note']) })), // the first 50
});

export const publicPlanSummarySchema = z.object({ id: z.number(), title: z.string(), type: z.string().nullable(), regionName: z.string().nullable(), periodStart: z.number().nullable(), periodEnd: z.number().nullable(), progress: z.number().nullable(), taskCount: z.number() });
export const publicPlanSchema = publicPlanSummarySchema.extend({
  asOf: z.string(),
  counts: colorCounts,
  chapters: z.array(z.object({ title: z.string(), progress: z.number().nullable(), taskCount: z.number(), counts: colorCounts })),
  indicators: z.array(z.object({
    name: z.string(), unit: z.string().nullable(), attribute: z.string().nullable(), baseline: z.string().nullable(), target: z.string().nullable(),
    latest: z.number().nullable(), latestDate: z.string().nullable(), label: z.string(), color: z.string(),
    points: z.array(z.object({ year: z.number(), expected: z.number().nullable(), actual: z.number().nullable() })),
  })),
  tasks: z.array(z.object({ title: z.string(), chapter: z.string().nullable(), leadUnits: z.array(z.string()), deadline: z.string().nullable(), progress: z.number().nullable(), label: z.string(), color: z.string(), explanation: z.string() })),
  /** when the published figures last changed: the latest accepted report or indicator value (null: none yet) */
  dataUpdatedAt: z.string().nullable(),
});
/** GET /api/plans/:id/public-preview: exactly what the public page would show, and the fingerprint publishing confirms. */
export const publicPreviewSchema = z.object({ published: z.boolean(), fingerprint: z.string(), page: publicPlanSchema });
/** POST /api/plans/:id/publish: publish what was previewed (its fingerprint), or withdraw it. */
export const publishPlanBodySchema = z.discriminatedUnion('publish', [
  z.object({ publish: z.literal(true), fingerprint: z.string().regex(/^[0-9a-f]{16,64}$/) }),
  z.object({ publish: z.literal(false) }),
]);
