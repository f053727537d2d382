// The office edits a project's fields (owner, place, money, dates, annual plans). The save names the version it
// read: a stale one gets 409 and nothing is written. Audited with the fields before and after.
import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { updateProjectBodySchema } from '../../shared/projects.js';
import { AppError } from '../../shared/errors.js';
import { projectYears, projects, units } from '../db/schema/index.js';
import { requireOwnRegion } from '../access.js';
import { writeAudit } from '../audit.js';
import { now } from '../clock.js';
import { projectSearchText } from '../domain/projectStatus.js';
import { checkOwnerUnit } from './createProject.js';
import { loadManagedProject } from './moveProjectPhase.js';
import type { OpContext } from './context.js';

export async function updateProject({ db, actor }: OpContext, id: number, input: z.input<typeof updateProjectBodySchema>) {
  const data = updateProjectBodySchema.parse(input);
  return db.transaction(async (tx) => {
    const before = await loadManagedProject(tx, actor, id);
    if (data.version !== before.version) throw new AppError('CONFLICT', { currentVersion: before.version });
    const { version: _v, annualPlans, ...fields } = data;
    if (fields.regionId !== undefined) requireOwnRegion(actor, fields.regionId);
    if (fields.ownerUnitId !== undefined) await checkOwnerUnit(tx, actor, fields.ownerUnitId);
    const merged = { ...before, ...fields };
    if (merged.startDate && merged.finishDate && merged.startDate > merged.finishDate) throw new AppError('VALIDATION_FAILED', [{ path: ['finishDate'], message: '竣工时间不能早于开工时间' }]);
    if (fields.name !== undefined && fields.name !== before.name) {
      const [dup] = await tx.select({ id: projects.id }).from(projects).where(and(eq(projects.regionId, merged.regionId!), eq(projects.name, fields.name), sql`${projects.planId} is not distinct from ${before.planId}`, sql`${projects.id} <> ${id}`));
      if (dup) throw new AppError('PROJECT_NAME_TAKEN', { name: fields.name, projectId: dup.id });
    }
    const [owner] = merged.ownerUnitId ? await tx.select({ name: units.name }).from(units).where(eq(units.id, merged.ownerUnitId)) : [];
    const [row] = await tx
      .update(projects)
      .set({ ...fields, searchText: projectSearchText({ ...merged, owner: owner?.name }), version: before.version + 1, updatedAt: now() })
      .where(and(eq(projects.id, id), eq(projects.version, before.version)))
      .returning();
    if (!row) throw new AppError('CONFLICT');
    for (const a of annualPlans ?? []) {
      await tx
        .insert(projectYears)
        .values({ projectId: id, year: a.year, plannedInvestment: a.plannedInvestment, updatedBy: actor.userId })
        .onConflictDoUpdate({ target: [projectYears.projectId, projectYears.year], set: { plannedInvestment: a.plannedInvestment, updatedBy: actor.userId, updatedAt: now() } });
    }
    const changed = Object.keys(fields).filter((k) => JSON.stringify((before as Record<string, unknown>)[k]) !== JSON.stringify((fields as Record<string, unknown>)[k]));
    await writeAudit(tx, actor, {
      action: 'project.update', entityType: 'project', entityId: id, planId: before.planId,
      before: Object.fromEntries(changed.map((k) => [k, (before as Record<string, unknown>)[k]])),
      after: { ...Object.fromEntries(changed.map((k) => [k, (fields as Record<string, unknown>)[k]])), ...(annualPlans ? { annualPlans } : {}) },
    });
    return row;
  });
}
