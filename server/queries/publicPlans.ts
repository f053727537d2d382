// The public page: published plans only, and only what a citizen should read — progress by
// chapter, task status and indicator charts. Built field by field (never by spreading rows) so
// nothing internal (report texts, return reasons, people, ids of users) can slip through.
import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { AppError } from '../../shared/errors.js';
import type { DbOrTx } from '../db/client.js';
import { indicators, outlineNodes, plans, regions, taskUnits, tasks, units } from '../db/schema/index.js';
import { countColors } from '../domain/rollup.js';
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
  const publicTasks = status.tasks.filter((t) => ids.includes(t.taskId));
  return {
    id: p.id, title: p.title, type: p.type, regionName: row.regionName, periodStart: p.periodStart, periodEnd: p.periodEnd,
    progress: status.plan.progress, taskCount: publicTasks.length, asOf: status.asOf,
    counts: countColors(publicTasks.map((t) => t.status.color)),
    chapters: status.chapters.map((c) => ({ title: c.title, progress: c.progress, taskCount: c.taskCount, counts: { ...countColors([]), ...c.counts } })),
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
        deadline: r.deadline ?? r.deadlineText, progress: t.progress == null ? null : round(Math.max(0, Math.min(100, t.progress)), 1), label: t.status.label, color: t.status.color,
      };
    }),
  };
}
