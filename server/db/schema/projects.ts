// The project library (issue #14): key projects with owner, place, money, phase and the library list they are in,
// the plan items they serve, their moves (phase and list, with history), and monthly investment reports.
// The `projects` table itself is in plan.ts (an import writes the 专栏 projects there); these tables hang off it.
import { pgTable, serial, integer, text, timestamp, doublePrecision, index, uniqueIndex } from 'drizzle-orm/pg-core';
import { projects } from './plan.js';
import { units, users } from './core.js';

/** The list a project is in for one year (储备库 reserve / 三年滚动 rolling / 年度计划 annual), with that year's planned investment. */
export const projectYears = pgTable(
  'project_years',
  {
    id: serial('id').primaryKey(),
    projectId: integer('project_id').notNull().references(() => projects.id, { onDelete: 'cascade' }),
    year: integer('year').notNull(),
    list: text('list'), // reserve | rolling | annual; null: a year with only its planned investment
    plannedInvestment: doublePrecision('planned_investment'), // 万元, that year's 年度计划投资
    updatedBy: integer('updated_by').references(() => users.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('project_years_pair').on(t.projectId, t.year), index('project_years_year_list').on(t.year, t.list, t.projectId)],
);

/** Every phase move and list move of a project: the library's history (also in the audit trail). */
export const projectMoves = pgTable(
  'project_moves',
  {
    id: serial('id').primaryKey(),
    projectId: integer('project_id').notNull().references(() => projects.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(), // phase | list
    year: integer('year'), // list moves: the year rolled into
    fromValue: text('from_value'),
    toValue: text('to_value').notNull(),
    reason: text('reason'),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('project_moves_project').on(t.projectId, t.id)],
);

/** What a project serves in its plans: an outline node (专栏/chapter), a task or an indicator. */
export const projectLinks = pgTable(
  'project_links',
  {
    id: serial('id').primaryKey(),
    projectId: integer('project_id').notNull().references(() => projects.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(), // outline | task | indicator
    targetId: integer('target_id').notNull(),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('project_links_triple').on(t.projectId, t.kind, t.targetId), index('project_links_target').on(t.kind, t.targetId)],
);

/** The owner unit's monthly report: 本月完成投资, 累计完成投资 and 形象进度, one per project and period. */
export const projectReports = pgTable(
  'project_reports',
  {
    id: serial('id').primaryKey(),
    projectId: integer('project_id').notNull().references(() => projects.id, { onDelete: 'cascade' }),
    periodKey: text('period_key').notNull(), // the reporting calendar's key: 2026-03
    periodEnd: text('period_end').notNull(), // YYYY-MM-DD, the period's last day (order and pace)
    unitId: integer('unit_id').references(() => units.id),
    monthInvestment: doublePrecision('month_investment').notNull(), // 万元
    cumulativeInvestment: doublePrecision('cumulative_investment').notNull(), // 万元
    progressText: text('progress_text').notNull(), // 形象进度
    note: text('note'),
    version: integer('version').notNull().default(1),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('project_reports_period').on(t.projectId, t.periodKey), index('project_reports_period_key').on(t.periodKey)],
);
