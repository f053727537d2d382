// 城市体检 (issue #14): a region's annual check-up, its indicator system, values per area, the problems found
// where a value misses its standard, and what each problem was turned into.
import { pgTable, serial, integer, text, timestamp, doublePrecision, index, jsonb, uniqueIndex } from 'drizzle-orm/pg-core';
import type { CheckupCycleStored } from '../../../shared/checkup.js';
import { regions, units, users } from './core.js';
import { projects, tasks } from './plan.js';

export const checkups = pgTable(
  'checkups',
  {
    id: serial('id').primaryKey(),
    /** the region checked (a city or a district); values are kept for it and the regions directly below it */
    regionId: integer('region_id').notNull().references(() => regions.id),
    year: integer('year').notNull(),
    title: text('title').notNull(),
    /** where the indicator system came from, in words */
    basis: text('basis').notNull().default(''),
    /** the year's dated stages and when each was closed (shared/checkup.ts checkupCycleStoredSchema) */
    cycle: jsonb('cycle').$type<Partial<CheckupCycleStored>>().notNull().default({}),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('checkups_region_year').on(t.regionId, t.year)],
);

export const checkupIndicators = pgTable(
  'checkup_indicators',
  {
    id: serial('id').primaryKey(),
    checkupId: integer('checkup_id').notNull().references(() => checkups.id, { onDelete: 'cascade' }),
    code: text('code').notNull(),
    aspect: text('aspect').notNull(),
    name: text('name').notNull(),
    measure: text('measure').notNull().default(''),
    direction: text('direction').notNull(), // higher | lower
    standard: doublePrecision('standard'),
    kind: text('kind').notNull().default(''),
    /** 数据提供单位: its people enter the values */
    unitId: integer('unit_id').references(() => units.id),
    note: text('note').notNull().default(''),
    position: integer('position').notNull().default(0),
  },
  (t) => [uniqueIndex('checkup_indicators_code').on(t.checkupId, t.code), index('checkup_indicators_unit').on(t.unitId)],
);

export const checkupValues = pgTable(
  'checkup_values',
  {
    id: serial('id').primaryKey(),
    checkupId: integer('checkup_id').notNull().references(() => checkups.id, { onDelete: 'cascade' }),
    indicatorId: integer('indicator_id').notNull().references(() => checkupIndicators.id, { onDelete: 'cascade' }),
    /** the area: the check-up's region or one directly below it */
    regionId: integer('region_id').notNull().references(() => regions.id),
    value: doublePrecision('value').notNull(),
    note: text('note').notNull().default(''),
    source: text('source').notNull().default('entry'), // entry | import
    enteredBy: integer('entered_by').references(() => users.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('checkup_values_cell').on(t.indicatorId, t.regionId), index('checkup_values_checkup').on(t.checkupId)],
);

export const checkupProblems = pgTable(
  'checkup_problems',
  {
    id: serial('id').primaryKey(),
    checkupId: integer('checkup_id').notNull().references(() => checkups.id, { onDelete: 'cascade' }),
    indicatorId: integer('indicator_id').notNull().references(() => checkupIndicators.id, { onDelete: 'cascade' }),
    regionId: integer('region_id').notNull().references(() => regions.id),
    /** the value and the standard when the problem was found (kept up to date while the value changes) */
    value: doublePrecision('value').notNull(),
    standard: doublePrecision('standard').notNull(),
    status: text('status').notNull().default('open'), // open | assigned | acted | met
    assignedUnitId: integer('assigned_unit_id').references(() => units.id),
    assignedAt: timestamp('assigned_at', { withTimezone: true }),
    note: text('note').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('checkup_problems_cell').on(t.indicatorId, t.regionId), index('checkup_problems_checkup').on(t.checkupId), index('checkup_problems_unit').on(t.assignedUnitId)],
);

/** what a problem was turned into: a task, or a project of the library */
export const checkupProblemLinks = pgTable(
  'checkup_problem_links',
  {
    id: serial('id').primaryKey(),
    problemId: integer('problem_id').notNull().references(() => checkupProblems.id, { onDelete: 'cascade' }),
    taskId: integer('task_id').references(() => tasks.id, { onDelete: 'cascade' }),
    projectId: integer('project_id').references(() => projects.id, { onDelete: 'cascade' }),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('checkup_problem_links_problem').on(t.problemId), index('checkup_problem_links_task').on(t.taskId), index('checkup_problem_links_project').on(t.projectId)],
);
