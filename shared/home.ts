// Contracts of the home pages (今日待办): what the office has to handle, what a unit has due this period,
// and the district at a glance for leaders. Every list is across all the plans the caller may see.
import { z } from 'zod';
import { taskStatusOutSchema } from './api.js';
import { noticeLevelSchema, noticeStatusSchema, periodOutSchema, reportStatusSchema } from './reporting.js';

/** A deadline as a countdown reads it: working days left (0 = today), negative once passed (see domain workingDaysUntil). */
export const deadlineOutSchema = z.object({
  date: z.string(),
  workingDays: z.number().int(),
  overdue: z.boolean(),
});
export type DeadlineOut = z.infer<typeof deadlineOutSchema>;

const planRef = { planId: z.number(), planTitle: z.string() };

// ---- the office ----------------------------------------------------------------------------------------

export const officeHomeSchema = z.object({
  asOf: z.string(),
  /** the plans counted: those the office may see and runs (issued by its region or one below it), not archived */
  planCount: z.number().int(),
  counts: z.object({
    pendingReview: z.number().int(),
    overdueUnits: z.number().int(),
    unassignedTasks: z.number().int(),
    noticesToRecheck: z.number().int(),
    importsInReview: z.number().int(),
  }),
  /** reports submitted to the office and not yet accepted or returned, oldest first (at most 20) */
  pendingReview: z.array(z.object({
    reportId: z.number(), ...planRef, taskId: z.number(), taskTitle: z.string(), unitName: z.string(),
    periodKey: z.string(), periodLabel: z.string(), submittedAt: z.string().nullable(), late: z.boolean(),
  })),
  /** lead units with reports missing for the last period whose due date has passed (what 督办 counts), most overdue first */
  overdueUnits: z.array(z.object({
    ...planRef, unitId: z.number(), unitName: z.string(), periodKey: z.string(), periodLabel: z.string(),
    deadline: deadlineOutSchema, missingTasks: z.number().int(),
  })),
  /** per plan, tasks that name no unit (a few of them as examples) */
  unassignedTasks: z.array(z.object({ ...planRef, count: z.number().int(), examples: z.array(z.object({ taskId: z.number(), title: z.string() })) })),
  /** 督办 the unit has fed back on, waiting for the office's 复核, oldest feedback first (at most 20) */
  noticesToRecheck: z.array(z.object({
    noticeId: z.number(), ...planRef, unitName: z.string(), title: z.string(), level: noticeLevelSchema, fedBackAt: z.string().nullable(),
  })),
  /** imports parsed and waiting for the office's review and confirmation */
  importsInReview: z.array(z.object({ importId: z.number(), filename: z.string(), title: z.string().nullable(), taskCount: z.number().int(), createdAt: z.string() })),
});
export type OfficeHome = z.infer<typeof officeHomeSchema>;

// ---- a unit (reporter, head, town) -----------------------------------------------------------------------

const periodRef = periodOutSchema.pick({ key: true, label: true, dueDate: true, state: true });

export const unitHomeSchema = z.object({
  asOf: z.string(),
  unitName: z.string().nullable(),
  counts: z.object({
    /** lead reports of this period not yet sent (none, draft or returned) */
    toReport: z.number().int(),
    /** of those, the ones past their due date */
    overdue: z.number().int(),
    returned: z.number().int(),
    /** sent and waiting for the unit head or the office */
    waiting: z.number().int(),
    accepted: z.number().int(),
    /** tasks the unit takes part in without leading, with no 配合情况 for this period yet */
    contributionsOpen: z.number().int(),
    notices: z.number().int(),
    /** the unit head's 预审 */
    unitReview: z.number().int(),
  }),
  /** this period's progress report of every task the unit leads, across every running plan: overdue first */
  reports: z.array(z.object({
    ...planRef, taskId: z.number(), taskTitle: z.string(), period: periodRef, deadline: deadlineOutSchema,
    reportId: z.number().nullable(), reportStatus: reportStatusSchema.nullable(), returnReason: z.string().nullable(),
    /** nothing sent yet for the period and it is still open: the unit has to act */
    todo: z.boolean(),
    taskStatus: taskStatusOutSchema,
  })),
  /** tasks the unit is responsible for or cooperates on (a town: those addressed to 各镇街): its part this period */
  contributions: z.array(z.object({
    ...planRef, taskId: z.number(), taskTitle: z.string(), role: z.enum(['lead', 'responsible', 'cooperating']), viaAllTowns: z.boolean(),
    period: periodRef, deadline: deadlineOutSchema, given: z.boolean(),
  })),
  /** 督办 addressed to the unit that wait for it (签收, 办理, 反馈), earliest deadline first */
  notices: z.array(z.object({ noticeId: z.number(), ...planRef, title: z.string(), level: noticeLevelSchema, status: noticeStatusSchema, deadline: deadlineOutSchema })),
  /** reports of the unit's reporters waiting for the unit head (only for a unit head) */
  unitReview: z.array(z.object({ reportId: z.number(), ...planRef, taskId: z.number(), taskTitle: z.string(), periodLabel: z.string(), submittedAt: z.string().nullable() })),
});
export type UnitHome = z.infer<typeof unitHomeSchema>;

// ---- the district at a glance ---------------------------------------------------------------------------

const colorCountsOutSchema = z.object({ green: z.number().int(), yellow: z.number().int(), red: z.number().int(), grey: z.number().int(), blue: z.number().int() });

export const districtHomeSchema = z.object({
  asOf: z.string(),
  /** every plan the caller may see that is in force (active) */
  plans: z.array(z.object({
    planId: z.number(), title: z.string(), regionName: z.string().nullable(), periodStart: z.number().nullable(), periodEnd: z.number().nullable(),
    /** issued by a region above the caller's own (a city plan that reaches the district) */
    issuedAbove: z.boolean(),
    taskCount: z.number().int(), progress: z.number().nullable(), counts: colorCountsOutSchema,
    /** the last period whose due date has passed, null before the first one or once the plan has ended */
    period: z.object({ key: z.string(), label: z.string(), dueDate: z.string() }).nullable(),
    dueReports: z.number().int(), missingReports: z.number().int(), missingUnits: z.number().int(),
    openNotices: z.number().int(),
  })),
  /** the district's lead units across those plans, the most lagging first */
  units: z.array(z.object({
    unitId: z.number(), unitName: z.string(), planCount: z.number().int(), leadTasks: z.number().int(), counts: colorCountsOutSchema,
    missingReports: z.number().int(), openNotices: z.number().int(),
  })),
  /** red and yellow tasks of the district's plans or led by its units, red first, the furthest behind first (at most 100) */
  lagging: z.array(z.object({ taskId: z.number(), title: z.string(), ...planRef, leadUnits: z.array(z.string()), status: taskStatusOutSchema })),
  laggingTotal: z.object({ red: z.number().int(), yellow: z.number().int() }),
});
export type DistrictHome = z.infer<typeof districtHomeSchema>;
