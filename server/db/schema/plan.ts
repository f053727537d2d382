// Plans and what an import turns them into: outline, tasks with units by role, indicators, targets, projects.
import { sql } from 'drizzle-orm';
import { pgTable, serial, integer, text, timestamp, jsonb, doublePrecision, boolean, index, uniqueIndex, customType, check } from 'drizzle-orm/pg-core';
import { regions, units, users } from './core.js';
import type { IndicatorTarget } from '../../../shared/parsedPlan.js';
import { reportedTaskStatusSchema } from '../../../shared/planSettings.js';
import { oneOf } from './checks.js';

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => 'bytea' });

/** The original uploaded file, kept with its hash (idempotent uploads). */
export const documents = pgTable(
  'documents',
  {
    id: serial('id').primaryKey(),
    filename: text('filename').notNull(),
    format: text('format').notNull(),
    encoding: text('encoding').notNull(),
    sha256: text('sha256').notNull(),
    size: integer('size').notNull(),
    content: bytea('content').notNull(),
    text: text('text').notNull(), // decoded text; every source offset points into it
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('documents_sha256').on(t.sha256)],
);

export const plans = pgTable(
  'plans',
  {
    id: serial('id').primaryKey(),
    title: text('title').notNull(),
    regionId: integer('region_id').references(() => regions.id),
    level: text('level'), // municipal | district | town
    type: text('type'), // 纲要 | 专项规划 | 行动计划 | 实施方案 | 决定 | 其他
    periodStart: integer('period_start'),
    periodEnd: integer('period_end'),
    status: text('status').notNull().default('draft'), // draft | active | archived
    published: boolean('published').notNull().default(false), // visible on the public page
    parentPlanIds: jsonb('parent_plan_ids').$type<number[]>().notNull().default([]),
    documentId: integer('document_id').references(() => documents.id),
    officeUnitId: integer('office_unit_id').references(() => units.id), // the leading-group office
    settings: jsonb('settings').$type<Record<string, unknown>>().notNull().default({}),
    notes: jsonb('notes').$type<{ code: string; text: string; start: number; end: number }[]>().notNull().default([]),
    searchText: text('search_text').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** optimistic concurrency: a save names the version it read; a stale one gets 409 */
    version: integer('version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('plans_search').using('gin', sql`to_tsvector('simple', ${t.searchText})`)],
);

export const outlineNodes = pgTable(
  'outline_nodes',
  {
    id: serial('id').primaryKey(),
    planId: integer('plan_id').notNull().references(() => plans.id, { onDelete: 'cascade' }),
    parentId: integer('parent_id'),
    level: integer('level').notNull(),
    kind: text('kind').notNull(),
    marker: text('marker').notNull(),
    title: text('title').notNull(),
    position: integer('position').notNull(),
    sourceStart: integer('source_start'),
    sourceEnd: integer('source_end'),
  },
  (t) => [index('outline_nodes_plan').on(t.planId)],
);

export const tasks = pgTable(
  'tasks',
  {
    id: serial('id').primaryKey(),
    planId: integer('plan_id').notNull().references(() => plans.id, { onDelete: 'cascade' }),
    outlineNodeId: integer('outline_node_id').references(() => outlineNodes.id),
    parentTaskId: integer('parent_task_id'), // sub-tasks from decomposition (定人、定责、定目标、定时间、定标准)
    title: text('title').notNull(),
    text: text('text').notNull(),
    leaders: jsonb('leaders').$type<string[]>().notNull().default([]),
    assignee: text('assignee'), // 定人: the person responsible
    targetText: text('target_text'), // 定目标
    standard: text('standard'), // 定标准
    startDate: text('start_date'), // YYYY-MM-DD
    deadline: text('deadline'), // YYYY-MM or YYYY-MM-DD
    deadlineText: text('deadline_text'),
    weight: doublePrecision('weight').notNull().default(1),
    progress: doublePrecision('progress'), // last accepted progress, %
    reportedStatus: text('reported_status'), // last accepted, reportedTaskStatusSchema: 未开始 | 推进中 | 已完成 | 滞后 | 受阻
    position: integer('position').notNull().default(0),
    sourceStart: integer('source_start'),
    sourceEnd: integer('source_end'),
    searchText: text('search_text').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** optimistic concurrency: a save names the version it read; a stale one gets 409 */
    version: integer('version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // a plan's tasks in list order (plan, position, id): a page is read off the index, no sort
    index('tasks_plan_position').on(t.planId, t.position, t.id),
    index('tasks_search').using('gin', sql`to_tsvector('simple', ${t.searchText})`),
    check('tasks_reported_status_check', oneOf(t.reportedStatus, reportedTaskStatusSchema.options)),
  ],
);

/** A unit's role on a task. Catch-alls ("等有关部门", "各镇街") have no unitId but keep their wording. */
export const taskUnits = pgTable(
  'task_units',
  {
    id: serial('id').primaryKey(),
    taskId: integer('task_id').notNull().references(() => tasks.id, { onDelete: 'cascade' }),
    unitId: integer('unit_id').references(() => units.id),
    role: text('role').notNull(), // lead | responsible | cooperating
    raw: text('raw').notNull(),
    scope: text('scope').notNull().default('unit'),
    position: integer('position').notNull().default(0),
  },
  (t) => [
    index('task_units_task').on(t.taskId, t.role),
    // a unit's tasks by role, answered from the index alone
    index('task_units_unit').on(t.unitId, t.role, t.taskId),
    // the few links addressed to 各镇街 (the unit_tasks triggers, migration 0016), found without reading the others
    index('task_units_all_towns').on(t.taskId).where(sql`${t.scope} = 'all_towns' and ${t.unitId} is null`),
  ],
);

export const indicators = pgTable(
  'indicators',
  {
    id: serial('id').primaryKey(),
    planId: integer('plan_id').notNull().references(() => plans.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    unit: text('unit'),
    attribute: text('attribute'), // binding | expected
    kind: text('kind').notNull().default('level'), // level | annual_growth | cumulative
    direction: text('direction').notNull().default('higher_better'), // higher_better | lower_better
    category: text('category'),
    tableName: text('table_name'),
    baselineYear: integer('baseline_year'),
    baselineValue: doublePrecision('baseline_value'),
    baselineText: text('baseline_text'),
    targetYear: integer('target_year'),
    targetValue: doublePrecision('target_value'),
    targetValueMax: doublePrecision('target_value_max'),
    comparator: text('comparator').notNull().default('='),
    targetText: text('target_text'),
    /** every target year of the row (2023年目标 | 2025年目标); target_* above repeat the last one */
    targets: jsonb('targets').$type<IndicatorTarget[]>().notNull().default([]),
    actualText: text('actual_text'),
    note: text('note'),
    position: integer('position').notNull().default(0),
    sourceStart: integer('source_start'),
    sourceEnd: integer('source_end'),
  },
  (t) => [index('indicators_plan').on(t.planId)],
);

/** Owner units of an indicator, with the share of the target split to each (binding indicators go down to units and towns). */
export const indicatorUnits = pgTable(
  'indicator_units',
  {
    id: serial('id').primaryKey(),
    indicatorId: integer('indicator_id').notNull().references(() => indicators.id, { onDelete: 'cascade' }),
    unitId: integer('unit_id').notNull().references(() => units.id),
    share: doublePrecision('share'),
    weight: doublePrecision('weight'),
  },
  (t) => [uniqueIndex('indicator_units_pair').on(t.indicatorId, t.unitId)],
);

export const indicatorValues = pgTable(
  'indicator_values',
  {
    id: serial('id').primaryKey(),
    indicatorId: integer('indicator_id').notNull().references(() => indicators.id, { onDelete: 'cascade' }),
    unitId: integer('unit_id').references(() => units.id),
    date: text('date').notNull(), // YYYY-MM-DD the value stands for
    value: doublePrecision('value').notNull(),
    reportId: integer('report_id'),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('indicator_values_indicator').on(t.indicatorId)],
);

/** Numeric targets stated in prose ("到2025年,…达到35%以上"). */
export const targets = pgTable(
  'targets',
  {
    id: serial('id').primaryKey(),
    planId: integer('plan_id').notNull().references(() => plans.id, { onDelete: 'cascade' }),
    outlineNodeId: integer('outline_node_id').references(() => outlineNodes.id),
    subject: text('subject').notNull(),
    value: doublePrecision('value').notNull(),
    valueMax: doublePrecision('value_max'),
    unit: text('unit'),
    comparator: text('comparator').notNull(),
    year: integer('year'),
    recurring: boolean('recurring').notNull().default(false),
    decrease: boolean('decrease').notNull().default(false),
    quote: text('quote').notNull(),
    sourceStart: integer('source_start'),
    sourceEnd: integer('source_end'),
  },
  (t) => [index('targets_plan').on(t.planId)],
);

/**
 * Key projects: the 专栏 projects an import reads (plan, outline node, column), and the project library (issue #14)
 * built on them: projects entered by hand or from Excel have no plan. `regionId` is where the project is (a
 * district or a town); the office of that region (or one above) runs it, its owner unit reports it.
 */
export const projects = pgTable(
  'projects',
  {
    id: serial('id').primaryKey(),
    planId: integer('plan_id').references(() => plans.id, { onDelete: 'cascade' }),
    outlineNodeId: integer('outline_node_id').references(() => outlineNodes.id),
    kind: text('kind').notNull(), // column | inline | manual
    column: text('column_title'),
    group: text('group_title'),
    name: text('name').notNull(),
    text: text('text').notNull(), // 建设内容
    status: text('status').notNull().default('planned'),
    position: integer('position').notNull().default(0),
    sourceStart: integer('source_start'),
    sourceEnd: integer('source_end'),
    // ---- the library (issue #14) ----
    regionId: integer('region_id').references(() => regions.id),
    ownerUnitId: integer('owner_unit_id').references(() => units.id),
    location: text('location'), // 建设地点 as written
    lng: doublePrecision('lng'),
    lat: doublePrecision('lat'),
    category: text('category'),
    totalInvestment: doublePrecision('total_investment'), // 万元
    fundingSources: jsonb('funding_sources').$type<{ source: string; amount: number | null }[]>().notNull().default([]),
    startDate: text('start_date'), // YYYY-MM-DD 开工
    finishDate: text('finish_date'), // YYYY-MM-DD 竣工
    phase: text('phase').notNull().default('planning'), // planning 谋划储备 | preparation 前期 | scheduled 年度计划 | construction 在建 | completed 竣工 | terminated 终止
    phaseReason: text('phase_reason'), // why it was terminated
    list: text('list').notNull().default('reserve'), // the latest list it was rolled into: reserve | rolling | annual
    listYear: integer('list_year'),
    completedInvestment: doublePrecision('completed_investment').notNull().default(0), // 累计完成投资 of the latest report
    progressText: text('progress_text'), // 形象进度 of the latest report
    lastPeriod: text('last_period'), // the latest reported period key
    origin: text('origin').notNull().default('import'), // import | manual | excel
    searchText: text('search_text').notNull().default(''),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** optimistic concurrency: a save names the version it read; a stale one gets 409 */
    version: integer('version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('projects_plan').on(t.planId),
    index('projects_region').on(t.regionId, t.id),
    index('projects_owner').on(t.ownerUnitId),
  ],
);

/** An import job: upload → parse → review (corrections) → confirm into a plan. */
export const imports = pgTable(
  'imports',
  {
    id: serial('id').primaryKey(),
    status: text('status').notNull(), // pending | running | review | confirmed | failed
    documentId: integer('document_id').references(() => documents.id),
    filename: text('filename').notNull(),
    sha256: text('sha256').notNull(),
    regionId: integer('region_id').references(() => regions.id),
    parsed: jsonb('parsed'), // ParsedPlan without text, with the office's corrections applied
    error: jsonb('error'),
    unitMappings: jsonb('unit_mappings').$type<Record<string, number | null>>().notNull().default({}),
    planId: integer('plan_id').references(() => plans.id),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('imports_sha').on(t.sha256)],
);
