// Create, update and delete tasks (the office, or decomposition into sub-tasks). Audited with before/after.
import { and, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import { AppError } from '../../shared/errors.js';
import { createTaskBodySchema, updateTaskBodySchema } from '../../shared/api.js';
import { outlineNodes, taskUnits, tasks, units } from '../db/schema/index.js';
import type { DbOrTx } from '../db/client.js';
import { writeAudit } from '../audit.js';
import { searchTokens } from '../search.js';
import { getVisiblePlan } from '../queries/plans.js';
import { getVisibleTask } from '../queries/tasks.js';
import { canManagePlan, headsLeadUnit } from '../policy.js';
import { requireUnitsInRegion } from '../access.js';
import { refreshTaskStatuses } from '../queries/status.js';
import type { OpContext } from './context.js';

type UnitRef = { unitId: number; role: 'lead' | 'responsible' | 'cooperating' };

async function setUnits(tx: DbOrTx, taskId: number, refs: UnitRef[]) {
  const ids = [...new Set(refs.map((r) => r.unitId))];
  const found = ids.length ? await tx.select().from(units).where(inArray(units.id, ids)) : [];
  if (found.length !== ids.length) throw new AppError('VALIDATION_FAILED', { units: ids.filter((i) => !found.some((f) => f.id === i)) });
  await tx.delete(taskUnits).where(eq(taskUnits.taskId, taskId));
  if (refs.length)
    await tx.insert(taskUnits).values(refs.map((r, i) => ({ taskId, unitId: r.unitId, role: r.role, raw: found.find((f) => f.id === r.unitId)!.name, scope: 'unit', position: i })));
}

async function checkOutline(tx: DbOrTx, planId: number, nodeId: number | null | undefined) {
  if (!nodeId) return;
  const [n] = await tx.select().from(outlineNodes).where(and(eq(outlineNodes.id, nodeId), eq(outlineNodes.planId, planId)));
  if (!n) throw new AppError('VALIDATION_FAILED', { outlineNodeId: nodeId });
}

/** 开始日期 must not fall after 完成时限 (a month limit covers its whole month). Issues shaped like Zod's. */
function checkDates(startDate: string | null | undefined, deadline: string | null | undefined) {
  if (!startDate || !deadline) return;
  if (startDate.slice(0, deadline.length) > deadline)
    throw new AppError('VALIDATION_FAILED', [{ path: ['startDate'], message: '开始日期不能晚于完成时限' }]);
}

export async function createTask({ db, actor }: OpContext, planId: number, input: z.input<typeof createTaskBodySchema>) {
  const data = createTaskBodySchema.parse(input);
  const { p: plan } = await getVisiblePlan(db, actor, planId);
  await requireUnitsInRegion(db, data.units.map((u) => u.unitId), plan.regionId);
  if (data.parentTaskId) {
    // the lead unit may break its own task into sub-tasks; the office may do it anywhere
    const parent = await getVisibleTask(db, actor, data.parentTaskId);
    if (parent.planId !== planId || !(canManagePlan(actor, plan) || headsLeadUnit(actor, parent))) throw new AppError('FORBIDDEN');
  } else if (!canManagePlan(actor, plan)) throw new AppError('FORBIDDEN');
  checkDates(data.startDate, data.deadline);
  return db.transaction(async (tx) => {
    await checkOutline(tx, planId, data.outlineNodeId);
    const { units: refs, ...fields } = data;
    const [row] = await tx.insert(tasks).values({ ...fields, planId, searchText: searchTokens(`${data.title} ${data.text}`), position: 100000 }).returning();
    await setUnits(tx, row.id, refs);
    await refreshTaskStatuses(tx, [row.id]);
    await writeAudit(tx, actor, { action: 'task.create', entityType: 'task', entityId: row.id, planId, after: { ...fields, units: refs } });
    return row;
  });
}

export async function updateTask({ db, actor }: OpContext, taskId: number, input: z.input<typeof updateTaskBodySchema>) {
  const patch = updateTaskBodySchema.parse(input);
  const before = await getVisibleTask(db, actor, taskId);
  const { p: plan } = await getVisiblePlan(db, actor, before.planId);
  if (!canManagePlan(actor, plan)) throw new AppError('FORBIDDEN');
  if (patch.units) await requireUnitsInRegion(db, patch.units.map((u) => u.unitId), plan.regionId);
  checkDates(patch.startDate !== undefined ? patch.startDate : before.row.startDate, patch.deadline !== undefined ? patch.deadline : before.row.deadline);
  return db.transaction(async (tx) => {
    await checkOutline(tx, before.planId, patch.outlineNodeId);
    const { units: refs, version: expected, ...fields } = patch;
    const text = fields.title !== undefined || fields.text !== undefined ? { searchText: searchTokens(`${fields.title ?? before.title} ${fields.text ?? before.text}`) } : {};
    // compare-and-set on the version the editor read: a stale save changes nothing and gets 409
    const [row] = await tx
      .update(tasks)
      .set({ ...fields, ...text, version: sql`${tasks.version} + 1`, updatedAt: new Date() })
      .where(and(eq(tasks.id, taskId), expected === undefined ? undefined : eq(tasks.version, expected)))
      .returning();
    if (!row) throw new AppError('CONFLICT', { currentVersion: (await tx.select({ v: tasks.version }).from(tasks).where(eq(tasks.id, taskId)))[0]?.v });
    if (refs) await setUnits(tx, taskId, refs);
    await refreshTaskStatuses(tx, [taskId]);
    // the audit row records what changed; the version is bookkeeping, not a field of the task
    const { version: _v, ...changed } = patch;
    const beforeFields = Object.fromEntries(Object.keys(changed).map((k) => [k, k === 'units' ? before.units.map((u) => ({ unitId: u.unitId, role: u.role, name: u.name })) : (before.row as Record<string, unknown>)[k]]));
    await writeAudit(tx, actor, { action: 'task.update', entityType: 'task', entityId: taskId, planId: before.planId, before: beforeFields, after: changed });
    return row;
  });
}

export async function deleteTask({ db, actor }: OpContext, taskId: number) {
  const before = await getVisibleTask(db, actor, taskId);
  if (!canManagePlan(actor, (await getVisiblePlan(db, actor, before.planId)).p)) throw new AppError('FORBIDDEN');
  await db.transaction(async (tx) => {
    const children = await tx.update(tasks).set({ parentTaskId: null }).where(eq(tasks.parentTaskId, taskId)).returning({ id: tasks.id });
    await refreshTaskStatuses(tx, children.map((c) => c.id));
    await tx.delete(tasks).where(eq(tasks.id, taskId));
    const { row: _r, ...snapshot } = before;
    await writeAudit(tx, actor, { action: 'task.delete', entityType: 'task', entityId: taskId, planId: before.planId, before: snapshot });
  });
}
