// The owner unit reports a project's investment for a period of the reporting calendar (its plan's, or the default
// monthly one due the 25th): 本月完成投资, 累计完成投资 and 形象进度. Refused: a locked or not yet open period; a
// cumulative sum below the previous period's (or above a later period's already reported); a cumulative sum above
// 总投资, or a month that does not add up (上期累计 + 本月 ≠ 本期累计), unless a note explains it. A second save in
// the same period replaces the first (naming the version it read). Audited in the same transaction.
import { and, asc, desc, eq, gt, lt } from 'drizzle-orm';
import { z } from 'zod';
import { projectReportBodySchema, type ProjectPhase } from '../../shared/projects.js';
import { AppError } from '../../shared/errors.js';
import { plans, projectReports, projects } from '../db/schema/index.js';
import { writeAudit } from '../audit.js';
import { now } from '../clock.js';
import { round } from '../domain/format.js';
import { canReportProject, getVisibleProject, projectPeriods } from '../queries/projects.js';
import { effectiveState, findPeriod, shanghaiToday, storedPeriod } from '../queries/calendar.js';
import type { OpContext } from './context.js';

const REPORTING_PHASES: ProjectPhase[] = ['preparation', 'scheduled', 'construction'];

export async function submitProjectReport({ db, actor }: OpContext, projectId: number, input: z.input<typeof projectReportBodySchema>) {
  const data = projectReportBodySchema.parse(input);
  const today = shanghaiToday(now());
  const project = await getVisibleProject(db, actor, projectId, today);
  if (!canReportProject(actor, project)) throw new AppError('PROJECT_NOT_OWNER');
  if (!REPORTING_PHASES.includes(project.phase)) throw new AppError('PROJECT_REPORT_CLOSED', { phase: project.phase });
  const [plan] = project.planId ? await db.select({ id: plans.id, settings: plans.settings }).from(plans).where(eq(plans.id, project.planId)) : [];
  const { settings } = projectPeriods(plan ?? null, today);
  const period = findPeriod({ settings: settings as unknown as Record<string, unknown> }, data.period, settings);
  return db.transaction(async (tx) => {
    const override = plan ? (await storedPeriod(tx, plan.id, period.key))?.lockOverride : null;
    const state = effectiveState(period, override, today);
    if (state === 'locked') throw new AppError('REPORT_PERIOD_LOCKED', { period: period.key });
    if (state === 'upcoming') throw new AppError('REPORT_PERIOD_NOT_OPEN', { period: period.key, opensOn: period.opensOn });
    const [p] = await tx.select().from(projects).where(eq(projects.id, projectId)).for('update');
    const [existing] = await tx.select().from(projectReports).where(and(eq(projectReports.projectId, projectId), eq(projectReports.periodKey, period.key)));
    if (existing && data.version !== undefined && data.version !== existing.version) throw new AppError('CONFLICT', { currentVersion: existing.version });
    const [prev] = await tx.select().from(projectReports).where(and(eq(projectReports.projectId, projectId), lt(projectReports.periodEnd, period.end))).orderBy(desc(projectReports.periodEnd)).limit(1);
    const [next] = await tx.select().from(projectReports).where(and(eq(projectReports.projectId, projectId), gt(projectReports.periodEnd, period.end))).orderBy(asc(projectReports.periodEnd)).limit(1);
    const cum = data.cumulativeInvestment;
    if (prev && cum < prev.cumulativeInvestment) throw new AppError('PROJECT_INVESTMENT_FALLS', { previous: prev.cumulativeInvestment, previousPeriod: prev.periodKey, cumulative: cum });
    if (next && cum > next.cumulativeInvestment) throw new AppError('PROJECT_INVESTMENT_FALLS', { later: next.cumulativeInvestment, laterPeriod: next.periodKey, cumulative: cum });
    if (p.totalInvestment !== null && cum > p.totalInvestment && !data.note) throw new AppError('PROJECT_INVESTMENT_OVER_TOTAL', { totalInvestment: p.totalInvestment, cumulative: cum });
    const base = prev?.cumulativeInvestment ?? null;
    const month = data.monthInvestment ?? round(cum - (base ?? 0), 2);
    if (data.monthInvestment !== null && base !== null && Math.abs(base + data.monthInvestment - cum) > 0.005 && !data.note)
      throw new AppError('PROJECT_INVESTMENT_MISMATCH', { previous: base, month: data.monthInvestment, cumulative: cum });
    if (month > cum + 0.005) throw new AppError('PROJECT_INVESTMENT_MISMATCH', { month, cumulative: cum });
    const at = now();
    const fields = { monthInvestment: month, cumulativeInvestment: cum, progressText: data.progressText, note: data.note, updatedAt: at, version: (existing?.version ?? 0) + 1 };
    const [row] = existing
      ? await tx.update(projectReports).set(fields).where(eq(projectReports.id, existing.id)).returning()
      : await tx.insert(projectReports).values({ ...fields, projectId, periodKey: period.key, periodEnd: period.end, unitId: actor.unitId, createdBy: actor.userId, createdAt: at }).returning();
    if (!next) await tx.update(projects).set({ completedInvestment: cum, progressText: data.progressText, lastPeriod: period.key, updatedAt: at }).where(eq(projects.id, projectId));
    await writeAudit(tx, actor, {
      action: existing ? 'project.report.update' : 'project.report', entityType: 'project', entityId: projectId, planId: project.planId,
      before: existing ? { period: period.key, monthInvestment: existing.monthInvestment, cumulativeInvestment: existing.cumulativeInvestment, progressText: existing.progressText } : null,
      after: { period: period.key, monthInvestment: month, cumulativeInvestment: cum, progressText: data.progressText, note: data.note },
    });
    return row;
  });
}
