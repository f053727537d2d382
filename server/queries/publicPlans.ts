// The public page: published plans only, and only what a citizen should read — progress by
// chapter, task status and indicator charts. Built field by field (never by spreading rows) so
// nothing internal (report texts, return reasons, people, ids of users) can slip through.
import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { AppError } from '../../shared/errors.js';
import type { DbOrTx } from '../db/client.js';
import { indicatorValues, indicators, outlineNodes, plans, regions, reports, taskUnits, tasks, units } from '../db/schema/index.js';
import { countByColor, publicTaskWords } from '../../shared/statusWords.js';
import { round } from '../domain/format.js';
import { planStatus } from './status.js';
import { indicatorTrajectories } from './dashboards.js';

const num = (x: number | null | undefined) => (x == null ? null : String(round(x, 2)));

export async function listPublishedPlans(db: DbOrTx) {
  const rows = await db.select({ p: plans, regionName: regions.name }).from(plans).leftJoin(regions, eq(regions.id, plans.regionId)).where(eq(plans.published, true)).orderBy(desc(plans.id)).limit(200);
  const ids = rows.map((r) => r.p.id);
  const stats = ids.length
    ? await db
        .select({ planId: tasks.planId, n: sql<number>`count(*)::int`, progress: sql<number | null>`sum(${tasks.progress} * ${tasks.weight}) / nullif(sum(${tasks.weight}) filter (where ${tasks.progress} is not null), 0)` })
        .from(tasks)
        .where(and(inArray(tasks.planId, ids), isNull(tasks.parentTaskId)))
        .groupBy(tasks.planId)
    : [];
  return rows.map(({ p, regionName }) => {
    const s = stats.find((x) => x.planId === p.id);
    return { id: p.id, title: p.title, type: p.type, regionName, periodStart: p.periodStart, periodEnd: p.periodEnd, progress: s?.progress == null ? null : round(Number(s.progress), 1), taskCount: s?.n ?? 0 };
  });
}

export async function publicPlan(db: DbOrTx, id: number, today: string) {
  const [row] = await db.select({ p: plans, regionName: regions.name }).from(plans).leftJoin(regions, eq(regions.id, plans.regionId)).where(and(eq(plans.id, id), eq(plans.published, true)));
  if (!row) throw new AppError('NOT_FOUND');
  return buildPublicPlan(db, row, today);
}

/**
 * What the public page says of a plan, published or not (the office's preview reads it before publishing): accepted
 * figures only — a report waiting for review shows as 已报送待审核 without its figures — in the status words of
 * shared/statusWords.ts, with the date the figures last changed.
 */
export async function buildPublicPlan(db: DbOrTx, row: { p: typeof plans.$inferSelect; regionName: string | null }, today: string) {
  const { p } = row;
  const status = await planStatus(db, p.id, today);
  // sub-tasks are the units' own breakdown (with the person in charge): not part of the published plan
  const taskRows = await db.select({ id: tasks.id, outlineNodeId: tasks.outlineNodeId, deadline: tasks.deadline, deadlineText: tasks.deadlineText }).from(tasks).where(and(eq(tasks.planId, p.id), isNull(tasks.parentTaskId))).orderBy(asc(tasks.position), asc(tasks.id));
  const ids = taskRows.map((t) => t.id);
  const leads = ids.length ? await db.select({ taskId: taskUnits.taskId, name: units.name, raw: taskUnits.raw }).from(taskUnits).leftJoin(units, eq(units.id, taskUnits.unitId)).where(and(inArray(taskUnits.taskId, ids), eq(taskUnits.role, 'lead'))).orderBy(asc(taskUnits.position)) : [];
  const nodes = await db.select({ id: outlineNodes.id, parentId: outlineNodes.parentId, marker: outlineNodes.marker, title: outlineNodes.title }).from(outlineNodes).where(eq(outlineNodes.planId, p.id));
  const chapterOf = (nodeId: number | null) => {
    let n = nodes.find((x) => x.id === nodeId);
    for (let guard = 0; n?.parentId && guard < 20; guard++) n = nodes.find((x) => x.id === n!.parentId) ?? n;
    return n ? `${n.marker}${n.title}` : null;
  };
  const indRows = await db.select().from(indicators).where(eq(indicators.planId, p.id)).orderBy(asc(indicators.position), asc(indicators.id));
  const trajectories = await indicatorTrajectories(db, p, today);
  const publicTasks = status.tasks.filter((t) => ids.includes(t.taskId)).map((t) => ({ ...t, words: publicTaskWords(t.status) }));
  // chapter counts in the public colours (a report waiting for review is not coloured by its figures)
  const chapterOfTask = new Map(taskRows.map((t) => [t.id, chapterOf(t.outlineNodeId)]));
  const [{ reviewed }] = ids.length
    ? await db.select({ reviewed: sql<string | null>`max(${reports.reviewedAt})::text` }).from(reports).where(and(eq(reports.planId, p.id), eq(reports.status, 'accepted')))
    : [{ reviewed: null }];
  const indIds = (await db.select({ id: indicators.id }).from(indicators).where(eq(indicators.planId, p.id))).map((r) => r.id);
  const [{ valued }] = indIds.length ? await db.select({ valued: sql<string | null>`max(${indicatorValues.date})` }).from(indicatorValues).where(inArray(indicatorValues.indicatorId, indIds)) : [{ valued: null }];
  const dates = [reviewed ? reviewed.slice(0, 10) : null, valued].filter((d): d is string => !!d).sort();
  return {
    id: p.id, title: p.title, type: p.type, regionName: row.regionName, periodStart: p.periodStart, periodEnd: p.periodEnd,
    progress: status.plan.progress, taskCount: publicTasks.length, asOf: status.asOf,
    dataUpdatedAt: dates.length ? dates[dates.length - 1] : null,
    counts: countByColor(publicTasks.map((t) => t.words.color)),
    chapters: status.chapters.map((c) => {
      const mine = publicTasks.filter((t) => chapterOfTask.get(t.taskId) === c.title);
      return { title: c.title, progress: c.progress, taskCount: mine.length, counts: countByColor(mine.map((t) => t.words.color)) };
    }).filter((c) => c.taskCount > 0),
    indicators: indRows.map((ind) => {
      const tr = trajectories.find((x) => x.indicatorId === ind.id)!;
      const st = status.indicators.find((x) => x.indicatorId === ind.id);
      return {
        name: ind.name, unit: ind.unit, attribute: ind.attribute, baseline: ind.baselineText ?? num(ind.baselineValue), target: ind.targetText ?? num(ind.targetValue),
        latest: st?.actual ?? null, latestDate: st?.actualDate ?? null, label: tr.label, color: tr.color, points: tr.points,
      };
    }),
    tasks: publicTasks.map((t) => {
      const r = taskRows.find((x) => x.id === t.taskId)!;
      return {
        title: t.title, chapter: chapterOf(r.outlineNodeId), leadUnits: leads.filter((l) => l.taskId === t.taskId).map((l) => l.name ?? l.raw),
        deadline: r.deadline ?? r.deadlineText, progress: t.progress == null ? null : round(Math.max(0, Math.min(100, t.progress)), 1), label: t.words.label, color: t.words.color, explanation: t.words.reason,
      };
    }),
  };
}
