// The office enters a project into the library (by hand, from an Excel row, from an import, or from a 城市体检
// problem). The region must be the office's own tree; the owner unit must belong to a region the office runs; a plan
// named must be visible and the outline node must be the plan's. Audited in the same transaction.
// Signature kept stable: createProject(ctx, input) → the project row (other operations call it).
import { and, eq, sql } from 'drizzle-orm';
import { createProjectBodySchema, type CreateProjectInput } from '../../shared/projects.js';
import { AppError } from '../../shared/errors.js';
import { outlineNodes, plans, projectMoves, projectYears, projects, units } from '../db/schema/index.js';
import type { DbOrTx } from '../db/client.js';
import { planScope, writesRegion, type Actor } from '../policy.js';
import { requireOwnRegion } from '../access.js';
import { writeAudit } from '../audit.js';
import { now } from '../clock.js';
import { todayInShanghai } from '../domain/dates.js';
import { projectSearchText } from '../domain/projectStatus.js';
import type { OpContext } from './context.js';

export type ProjectRow = typeof projects.$inferSelect;
type Parsed = ReturnType<typeof createProjectBodySchema.parse>;

/** The owner unit (when given) must be a unit of a region the actor runs; returns its name. */
export async function checkOwnerUnit(tx: DbOrTx, actor: Actor, ownerUnitId: number | null): Promise<string | null> {
  if (ownerUnitId === null) return null;
  const [u] = await tx.select({ name: units.name, regionId: units.regionId }).from(units).where(eq(units.id, ownerUnitId));
  if (!u) throw new AppError('NOT_FOUND', { ownerUnitId });
  if (!writesRegion(actor, u.regionId)) throw new AppError('UNIT_OUTSIDE_REGION', { units: [ownerUnitId] });
  return u.name;
}

/** Checks and writes one project inside the caller's transaction (importProjects writes many in one). */
export async function insertProject(tx: DbOrTx, actor: Actor, data: Parsed): Promise<ProjectRow> {
  requireOwnRegion(actor, data.regionId);
  const owner = await checkOwnerUnit(tx, actor, data.ownerUnitId);
  if (data.planId !== null) {
    const [p] = await tx.select({ id: plans.id }).from(plans).where(and(eq(plans.id, data.planId), planScope(actor) ?? sql`true`));
    if (!p) throw new AppError('NOT_FOUND', { planId: data.planId });
  }
  if (data.outlineNodeId !== null) {
    const [n] = await tx.select({ planId: outlineNodes.planId }).from(outlineNodes).where(eq(outlineNodes.id, data.outlineNodeId));
    if (!n || n.planId !== data.planId) throw new AppError('PROJECT_LINK_INVALID', { outlineNodeId: data.outlineNodeId });
  }
  const [dup] = await tx.select({ id: projects.id }).from(projects).where(and(eq(projects.regionId, data.regionId), eq(projects.name, data.name), sql`${projects.planId} is not distinct from ${data.planId}`));
  if (dup) throw new AppError('PROJECT_NAME_TAKEN', { name: data.name, projectId: dup.id });
  const year = data.year ?? Number(todayInShanghai(now()).slice(0, 4));
  const at = now();
  const [row] = await tx
    .insert(projects)
    .values({
      planId: data.planId, outlineNodeId: data.outlineNodeId, kind: data.planId ? 'inline' : 'manual', name: data.name, text: data.text, location: data.location,
      regionId: data.regionId, ownerUnitId: data.ownerUnitId, lng: data.lng, lat: data.lat, category: data.category, totalInvestment: data.totalInvestment,
      fundingSources: data.fundingSources, startDate: data.startDate, finishDate: data.finishDate, phase: data.phase, list: data.list, listYear: year,
      origin: data.origin, searchText: projectSearchText({ ...data, owner }), createdBy: actor.userId, createdAt: at, updatedAt: at,
      position: 1_000_000,
    })
    .returning();
  const plansByYear = new Map(data.annualPlans.map((a) => [a.year, a.plannedInvestment]));
  const yearRows = [...new Set([year, ...plansByYear.keys()])].map((y) => ({ projectId: row.id, year: y, list: y === year ? data.list : null, plannedInvestment: plansByYear.get(y) ?? null, updatedBy: actor.userId }));
  await tx.insert(projectYears).values(yearRows);
  await tx.insert(projectMoves).values([
    { projectId: row.id, kind: 'phase', fromValue: null, toValue: data.phase, createdBy: actor.userId },
    { projectId: row.id, kind: 'list', year, fromValue: null, toValue: data.list, createdBy: actor.userId },
  ]);
  const { year: _y, ...after } = data;
  await writeAudit(tx, actor, { action: 'project.create', entityType: 'project', entityId: row.id, planId: data.planId, after: { ...after, listYear: year } });
  return row;
}

export async function createProject({ db, actor }: OpContext, input: CreateProjectInput): Promise<ProjectRow> {
  const data = createProjectBodySchema.parse(input);
  return db.transaction((tx) => insertProject(tx, actor, data));
}
