// The office's corrections to a parsed plan before it is confirmed; each one is audited with before and after.
import { eq } from 'drizzle-orm';
import { AppError } from '../../shared/errors.js';
import type { ImportCorrection } from '../../shared/api.js';
import type { ParsedPlan } from '../../shared/parsedPlan.js';
import { imports } from '../db/schema/index.js';
import { writeAudit } from '../audit.js';
import { requireUnitsInReach } from '../access.js';
import type { OpContext } from './context.js';

export async function correctImport({ db, actor }: OpContext, importId: number, corrections: ImportCorrection[]) {
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(imports).where(eq(imports.id, importId)).for('update');
    if (!row) throw new AppError('NOT_FOUND');
    if (row.status !== 'review') throw new AppError('IMPORT_NOT_PENDING_REVIEW');
    const parsed = structuredClone(row.parsed) as ParsedPlan;
    const mappings = { ...row.unitMappings };
    // a name maps only to a unit the plan's region may name (the region the confirmation will give the plan)
    const mappedTo = corrections.flatMap((c) => (c.op === 'mapUnit' && c.unitId !== null ? [c.unitId] : []));
    await requireUnitsInReach(tx, mappedTo, row.regionId ?? actor.regionIds[0] ?? null);
    for (const c of corrections) {
      const { before, after } = applyCorrection(parsed, mappings, c);
      await writeAudit(tx, actor, { action: `import.${c.op}`, entityType: 'import', entityId: importId, before, after });
    }
    const [updated] = await tx.update(imports).set({ parsed, unitMappings: mappings, updatedAt: new Date() }).where(eq(imports.id, importId)).returning();
    return updated;
  });
}

function findTask(p: ParsedPlan, id: string) {
  const t = p.tasks.find((x) => x.id === id);
  if (!t) throw new AppError('NOT_FOUND', { taskId: id });
  return t;
}
function at<T>(list: T[], i: number): T {
  if (i >= list.length) throw new AppError('NOT_FOUND', { index: i });
  return list[i];
}

export function applyCorrection(p: ParsedPlan, mappings: Record<string, number | null>, c: ImportCorrection): { before: unknown; after: unknown } {
  switch (c.op) {
    case 'setTaskUnits': {
      const t = findTask(p, c.taskId);
      const before = { taskId: t.id, role: c.role, units: t[c.role] };
      t[c.role] = c.units;
      return { before, after: { taskId: t.id, role: c.role, units: c.units } };
    }
    case 'updateTask': {
      const t = findTask(p, c.taskId);
      const before = Object.fromEntries(Object.keys(c.patch).map((k) => [k, t[k as keyof typeof t]]));
      Object.assign(t, c.patch);
      return { before: { taskId: t.id, ...before }, after: { taskId: t.id, ...c.patch } };
    }
    case 'removeTask': {
      const t = findTask(p, c.taskId);
      p.tasks = p.tasks.filter((x) => x !== t);
      return { before: t, after: null };
    }
    case 'addTask': {
      const id = `t${1 + Math.max(0, ...p.tasks.map((x) => Number(x.id.replace(/\D/g, '')) || 0))}`;
      // a task the parser missed has no source unless the reviewer marked one in the text
      const task = { ...c.task, id, leaders: [], deadlineText: null, unitsSource: null, source: c.task.source ?? { start: 0, end: 0 } };
      p.tasks.push(task);
      return { before: null, after: task };
    }
    case 'updateTarget': {
      const t = at(p.targets, c.index);
      const before = { ...t };
      Object.assign(t, c.patch);
      return { before, after: t };
    }
    case 'removeTarget': {
      const t = at(p.targets, c.index);
      p.targets.splice(c.index, 1);
      return { before: t, after: null };
    }
    case 'updateIndicator': {
      const t = at(p.indicators, c.index);
      const before = structuredClone(t);
      Object.assign(t, c.patch);
      return { before, after: t };
    }
    case 'removeIndicator': {
      const t = at(p.indicators, c.index);
      p.indicators.splice(c.index, 1);
      return { before: t, after: null };
    }
    case 'removeProject': {
      const t = p.projects.find((x) => x.id === c.id);
      if (!t) throw new AppError('NOT_FOUND', { projectId: c.id });
      p.projects = p.projects.filter((x) => x !== t);
      return { before: t, after: null };
    }
    case 'updateMeta': {
      const before = { ...p.meta };
      Object.assign(p.meta, c.patch);
      return { before, after: p.meta };
    }
    case 'mapUnit': {
      const before = { name: c.name, unitId: mappings[c.name] ?? null };
      mappings[c.name] = c.unitId;
      return { before, after: { name: c.name, unitId: c.unitId } };
    }
  }
}
