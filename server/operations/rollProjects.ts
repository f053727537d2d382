// The yearly roll (滚动): the office puts projects into the 储备库, the 三年滚动 list or the 年度计划 of a year.
// Each project's list of that year is kept in project_years (one row per year, so the years are its history),
// each move in project_moves and the audit trail. Entering the year's 年度计划 moves a project still in 谋划储备 or
// 前期 to the 年度计划 phase; leaving it moves a project in that phase back to 前期. 竣工/终止 projects are not rolled.
// All or nothing: one transaction.
import { and, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import { rollProjectsBodySchema, type ProjectList, type ProjectPhase } from '../../shared/projects.js';
import { AppError } from '../../shared/errors.js';
import { projectMoves, projectYears, projects } from '../db/schema/index.js';
import { writeAudit } from '../audit.js';
import { now } from '../clock.js';
import { canManageProject, projectScope } from '../queries/projects.js';
import type { DbOrTx } from '../db/client.js';
import type { Actor } from '../policy.js';
import type { OpContext } from './context.js';

export async function rollProjects({ db, actor }: OpContext, input: z.input<typeof rollProjectsBodySchema>) {
  const data = rollProjectsBodySchema.parse(input);
  return db.transaction(async (tx) => rollProjectsIn(tx, actor, data));
}

/** The roll inside the caller's transaction (closing a check-up's cycle rolls its candidate projects with it). */
export async function rollProjectsIn(tx: DbOrTx, actor: Actor, data: z.infer<typeof rollProjectsBodySchema>) {
  const ids = [...new Set(data.moves.map((m) => m.projectId))];
  if (ids.length !== data.moves.length) throw new AppError('VALIDATION_FAILED', [{ path: ['moves'], message: '同一项目只能出现一次' }]);
  const rows = await tx.select().from(projects).where(and(inArray(projects.id, ids), projectScope(actor) ?? sql`true`)).for('update');
  const missing = ids.filter((i) => !rows.some((r) => r.id === i));
  if (missing.length) throw new AppError('NOT_FOUND', { projectIds: missing });
  const notMine = rows.filter((r) => !canManageProject(actor, r)).map((r) => r.id);
  if (notMine.length) throw new AppError('FORBIDDEN', { projectIds: notMine });
  const closed = rows.filter((r) => r.phase === 'completed' || r.phase === 'terminated').map((r) => r.id);
  if (closed.length) throw new AppError('PROJECT_NOT_ROLLABLE', { projectIds: closed });
  const years = await tx.select().from(projectYears).where(and(inArray(projectYears.projectId, ids), eq(projectYears.year, data.year)));
  const at = now();
  const out: { projectId: number; from: string | null; to: ProjectList; phase: ProjectPhase }[] = [];
  const yearRows: (typeof projectYears.$inferInsert)[] = [];
  const moveRows: (typeof projectMoves.$inferInsert)[] = [];
  // projects whose row changes the same way are updated together: (phase, list or unchanged)
  const groups = new Map<string, { phase: ProjectPhase; list: ProjectList | null; ids: number[] }>();
  for (const m of data.moves) {
    const p = rows.find((r) => r.id === m.projectId)!;
    const y = years.find((r) => r.projectId === p.id);
    const from = y?.list ?? null;
    const planned = m.plannedInvestment !== undefined ? m.plannedInvestment : (y?.plannedInvestment ?? null);
    yearRows.push({ projectId: p.id, year: data.year, list: m.list, plannedInvestment: planned, updatedBy: actor.userId, updatedAt: at });
    moveRows.push({ projectId: p.id, kind: 'list', year: data.year, fromValue: from, toValue: m.list, createdBy: actor.userId });
    let phase = p.phase as ProjectPhase;
    if (m.list === 'annual' && (phase === 'planning' || phase === 'preparation')) phase = 'scheduled';
    else if (m.list !== 'annual' && phase === 'scheduled') phase = 'preparation';
    if (phase !== p.phase) moveRows.push({ projectId: p.id, kind: 'phase', fromValue: p.phase, toValue: phase, reason: `${data.year}年滚动调整`, createdBy: actor.userId });
    // the project's current list is that of its latest rolled year
    const latest = p.listYear === null || data.year >= p.listYear;
    const key = `${phase}|${latest ? m.list : ''}`;
    const g = groups.get(key) ?? { phase, list: latest ? m.list : null, ids: [] };
    g.ids.push(p.id);
    groups.set(key, g);
    await writeAudit(tx, actor, {
      action: 'project.roll', entityType: 'project', entityId: p.id, planId: p.planId,
      before: { year: data.year, list: from, phase: p.phase, plannedInvestment: y?.plannedInvestment ?? null },
      after: { year: data.year, list: m.list, phase, plannedInvestment: planned },
    });
    out.push({ projectId: p.id, from, to: m.list, phase });
  }
  await tx
    .insert(projectYears)
    .values(yearRows)
    .onConflictDoUpdate({ target: [projectYears.projectId, projectYears.year], set: { list: sql`excluded.list`, plannedInvestment: sql`excluded.planned_investment`, updatedBy: actor.userId, updatedAt: at } });
  await tx.insert(projectMoves).values(moveRows);
  for (const g of groups.values()) {
    await tx
      .update(projects)
      .set({ phase: g.phase, ...(g.list ? { list: g.list, listYear: data.year } : {}), version: sql`${projects.version} + 1`, updatedAt: at })
      .where(inArray(projects.id, g.ids));
  }
  return { year: data.year, moved: out };
}
