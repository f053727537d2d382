// The office assigns many tasks of a plan at once: lead / responsible / cooperating units added to what each task
// names or put in its place, and/or a deadline and a weight. All or nothing — one transaction — with one audit row
// per task (before/after of what changed), and the units must lie in the plan's region (requireUnitsInRegion).
import { and, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import { AppError } from '../../shared/errors.js';
import { assignTasksBodySchema } from '../../shared/bulk.js';
import { taskUnits, tasks, units } from '../db/schema/index.js';
import { writeAudit } from '../audit.js';
import { canManagePlan } from '../policy.js';
import { requireUnitsInRegion } from '../access.js';
import { getVisiblePlan } from '../queries/plans.js';
import { refreshTaskStatuses } from '../queries/status.js';
import type { OpContext } from './context.js';

type Ref = { unitId: number | null; role: string; raw: string; scope: string };

export async function assignTasks({ db, actor }: OpContext, planId: number, input: z.input<typeof assignTasksBodySchema>) {
  const data = assignTasksBodySchema.parse(input);
  const { p: plan } = await getVisiblePlan(db, actor, planId);
  if (!canManagePlan(actor, plan)) throw new AppError('FORBIDDEN');
  const refs = data.units ?? [];
  await requireUnitsInRegion(db, refs.map((u) => u.unitId), plan.regionId);
  if (data.units && data.mode === 'replace' && !refs.some((u) => u.role === 'lead')) throw new AppError('VALIDATION_FAILED', [{ path: ['units'], message: '替换单位时须指定牵头单位' }]);
  const found = refs.length ? await db.select({ id: units.id, name: units.name }).from(units).where(inArray(units.id, refs.map((u) => u.unitId))) : [];
  const missingUnits = refs.filter((r) => !found.some((f) => f.id === r.unitId)).map((r) => r.unitId);
  if (missingUnits.length) throw new AppError('VALIDATION_FAILED', { units: missingUnits });
  const nameOf = new Map(found.map((f) => [f.id, f.name]));

  return db.transaction(async (tx) => {
    const rows = await tx.select().from(tasks).where(and(eq(tasks.planId, plan.id), inArray(tasks.id, data.taskIds))).for('update');
    const absent = data.taskIds.filter((id) => !rows.some((r) => r.id === id));
    // a task of another plan (or none) is named: nothing is changed
    if (absent.length) throw new AppError('NOT_FOUND', { taskIds: absent });
    const links = await tx.select().from(taskUnits).where(inArray(taskUnits.taskId, data.taskIds));
    const linkedIds = [...new Set(links.map((l) => l.unitId).filter((x): x is number => x !== null))];
    const linked = linkedIds.length ? await tx.select({ id: units.id, name: units.name }).from(units).where(inArray(units.id, linkedIds)) : [];
    const unitNames = new Map(linked.map((u) => [u.id, u.name]));
    const show = (l: Ref[]) => l.map((x) => ({ unitId: x.unitId, role: x.role, name: x.unitId ? unitNames.get(x.unitId) ?? nameOf.get(x.unitId) ?? x.raw : x.raw }));
    for (const id of data.taskIds) {
      const task = rows.find((r) => r.id === id)!;
      const before: Record<string, unknown> = {};
      const after: Record<string, unknown> = {};
      if (data.units) {
        const current: Ref[] = links.filter((l) => l.taskId === id).sort((a, b) => a.position - b.position).map((l) => ({ unitId: l.unitId, role: l.role, raw: l.raw, scope: l.scope }));
        const wanted: Ref[] = refs.map((r) => ({ unitId: r.unitId, role: r.role, raw: nameOf.get(r.unitId)!, scope: 'unit' }));
        // add: the links a task has keep their rows (and places); only the new ones are appended
        const added = data.mode === 'replace' ? wanted : wanted.filter((w) => !current.some((c) => c.unitId === w.unitId && c.role === w.role));
        if (data.mode === 'replace') await tx.delete(taskUnits).where(eq(taskUnits.taskId, id));
        const base = data.mode === 'replace' ? 0 : current.length;
        if (added.length) await tx.insert(taskUnits).values(added.map((n, i) => ({ taskId: id, unitId: n.unitId, role: n.role, raw: n.raw, scope: n.scope, position: base + i })));
        if (added.length || data.mode === 'replace') {
          before.units = show(current);
          after.units = show(data.mode === 'replace' ? wanted : [...current, ...added]);
        }
      }
      if (data.deadline !== undefined && data.deadline !== task.deadline) {
        before.deadline = task.deadline;
        after.deadline = data.deadline;
      }
      if (data.weight !== undefined && data.weight !== task.weight) {
        before.weight = task.weight;
        after.weight = data.weight;
      }
      const fields = { ...(after.deadline !== undefined ? { deadline: data.deadline } : {}), ...(after.weight !== undefined ? { weight: data.weight } : {}) };
      await tx.update(tasks).set({ ...fields, version: sql`${tasks.version} + 1`, updatedAt: new Date() }).where(eq(tasks.id, id));
      await writeAudit(tx, actor, { action: 'task.assign', entityType: 'task', entityId: id, planId: plan.id, before, after: { ...after, mode: data.mode, batch: data.taskIds.length } });
    }
    // a new deadline moves the pace: the maintained status rows are rewritten in the same transaction
    await refreshTaskStatuses(tx, data.taskIds);
    return { updated: data.taskIds.length, taskIds: data.taskIds };
  });
}
