// Evaluation drafts as the API shows them, and the document input assembled from the plan's
// live data (indicator classes, task counts by chapter and unit) plus the office's narrative.
import { eq } from 'drizzle-orm';
import { AppError } from '../../shared/errors.js';
import { narrativeSchema, type Narrative } from '../../shared/evaluation.js';
import type { DbOrTx } from '../db/client.js';
import { evaluations, indicators, notices, plans, regions, tasks, units, users } from '../db/schema/index.js';
import { countEvaluations, evaluationReportTitle, summarizeTasks, type EvaluationKind, type EvaluationReportInput, type SupervisionNoticeInput } from '../reports/index.js';
import { minDate, todayInShanghai } from '../domain/dates.js';
import type { Actor } from '../policy.js';
import { getVisiblePlan } from './plans.js';
import { indicatorRows, reportItems, taskLedgerRows } from './planRecords.js';

type PlanRow = typeof plans.$inferSelect;
type EvaluationRow = typeof evaluations.$inferSelect;
type NoticeRow = typeof notices.$inferSelect;

/** A plan's evaluation drafts, by year. */
export async function listPlanEvaluations(db: DbOrTx, plan: PlanRow) {
  const rows = await db.select().from(evaluations).where(eq(evaluations.planId, plan.id)).orderBy(evaluations.year, evaluations.id);
  return Promise.all(rows.map((r) => toEvaluationOut(db, plan, r)));
}

/**
 * The Word supervision notice (督办通知) of a notice the caller may see, and its file name. The notice's visibility
 * decides: a unit may hold a notice on an indicator without a task in the plan.
 */
export async function supervisionNoticeDocument(db: DbOrTx, n: NoticeRow): Promise<{ input: SupervisionNoticeInput; filename: string }> {
  const [plan] = await db.select().from(plans).where(eq(plans.id, n.planId));
  const [unit] = await db.select({ name: units.name }).from(units).where(eq(units.id, n.unitId));
  const [task] = n.taskId ? await db.select({ title: tasks.title }).from(tasks).where(eq(tasks.id, n.taskId)) : [];
  const [ind] = n.indicatorId ? await db.select({ name: indicators.name }).from(indicators).where(eq(indicators.id, n.indicatorId)) : [];
  const date = todayInShanghai(n.issuedAt);
  return {
    input: {
      noticeNumber: `督办〔${date.slice(0, 4)}〕${n.id}号`,
      recipient: unit?.name ?? '',
      intro: `根据《${plan.title}》实施监测情况,现就以下事项进行督办,请认真研究,抓紧整改,并于${n.responseDeadline}前反馈整改落实情况。`,
      items: [{ task: task?.title ?? ind?.name ?? n.title, problem: n.title, requirement: n.requirement, deadline: n.responseDeadline }],
      responseDeadline: n.responseDeadline,
      issuingOffice: await defaultIssuingOffice(db, plan),
      date,
    },
    filename: `督办通知-${unit?.name ?? n.unitId}-${n.id}.docx`,
  };
}

export async function defaultIssuingOffice(db: DbOrTx, plan: PlanRow): Promise<string> {
  if (plan.officeUnitId) {
    const [u] = await db.select({ name: units.name }).from(units).where(eq(units.id, plan.officeUnitId));
    if (u) return u.name;
  }
  const [r] = plan.regionId ? await db.select({ name: regions.name }).from(regions).where(eq(regions.id, plan.regionId)) : [];
  return `${r?.name ?? ''}规划实施工作领导小组办公室`;
}

/** Annual: the year itself; mid-term and final: from the plan's first year to the end of `year`. */
export function evaluationSpan(plan: Pick<PlanRow, 'periodStart'>, kind: EvaluationKind, year: number, today: string) {
  const from = kind === 'annual' ? `${year}-01-01` : `${Math.min(plan.periodStart ?? year, year)}-01-01`;
  return { from, to: `${year}-12-31`, asOf: minDate(today, `${year}-12-31`) };
}

export async function evaluationData(db: DbOrTx, plan: PlanRow, kind: EvaluationKind, year: number, today: string) {
  const span = evaluationSpan(plan, kind, year, today);
  const inds = await indicatorRows(db, plan, span.asOf);
  const ledger = await taskLedgerRows(db, plan, span.asOf);
  const { byChapter, byUnit } = summarizeTasks(ledger);
  const items = await reportItems(db, plan.id, span.from, span.to);
  return {
    asOf: span.asOf,
    indicatorCounts: countEvaluations(inds),
    indicators: inds,
    tasksByChapter: byChapter,
    tasksByUnit: byUnit,
    suggestedProblems: items.problems,
    suggestedNextSteps: items.nextSteps,
  };
}

export async function getVisibleEvaluation(db: DbOrTx, actor: Actor, id: number) {
  const [row] = await db.select().from(evaluations).where(eq(evaluations.id, id));
  if (!row) throw new AppError('NOT_FOUND');
  const { p: plan } = await getVisiblePlan(db, actor, row.planId);
  return { row, plan };
}

export async function toEvaluationOut(db: DbOrTx, plan: PlanRow, row: EvaluationRow) {
  const [u] = row.updatedBy ? await db.select({ name: users.displayName }).from(users).where(eq(users.id, row.updatedBy)) : [];
  const kind = row.kind as EvaluationKind;
  return {
    id: row.id, planId: row.planId, kind, year: row.year,
    title: evaluationReportTitle({ kind, planTitle: plan.title, title: row.title, year: row.year }), customTitle: row.title,
    issuingOffice: row.issuingOffice, date: row.date, narrative: readNarrative(row.narrative),
    updatedAt: row.updatedAt.toISOString(), updatedBy: u?.name ?? null,
  };
}

export function readNarrative(v: unknown): Narrative {
  const parsed = narrativeSchema.safeParse(v ?? {});
  return parsed.success ? parsed.data : narrativeSchema.parse({});
}

export async function evaluationReportInput(db: DbOrTx, plan: PlanRow, row: EvaluationRow, today: string): Promise<EvaluationReportInput> {
  const kind = row.kind as EvaluationKind;
  const data = await evaluationData(db, plan, kind, row.year, today);
  const { problems, nextSteps, ...narrative } = readNarrative(row.narrative);
  return {
    kind, planTitle: plan.title, title: row.title, year: row.year, issuingOffice: row.issuingOffice, date: row.date, narrative,
    indicators: data.indicators, tasksByChapter: data.tasksByChapter, tasksByUnit: data.tasksByUnit, problems, nextSteps,
    // the chart PNG fallback needs a CJK font; Word and WPS read the SVG either way
    charts: true,
  };
}
