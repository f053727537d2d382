// Values of a check-up per indicator and area (issue #14), entered by the unit that provides the indicator (or the
// office), like a report. Each saved cell is judged against the indicator's standard at once: a value that misses it
// opens (or updates) a problem, a value that meets it clears an untouched problem or marks a handled one 数值已达标.
// One audit row per save, one per problem opened or cleared, in the same transaction.
import { and, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '../db/client.js';
import { checkupIndicators, checkupProblemLinks, checkupProblems, checkupValues } from '../db/schema/index.js';
import { AppError } from '../../shared/errors.js';
import { saveCheckupValuesBodySchema, type CheckupDirection } from '../../shared/checkup.js';
import { can, type Actor } from '../policy.js';
import { writeAudit } from '../audit.js';
import { meetsStandard } from '../domain/checkup.js';
import { canManageCheckup, checkupAreas, getVisibleCheckup } from '../queries/checkups.js';
import type { OpContext } from './context.js';

export interface CellValue {
  indicatorId: number;
  regionId: number;
  value: number | null;
  note?: string;
}

/** The indicators of this check-up the actor may fill in: all for its office, its own unit's for a unit's people. */
export async function editableIndicators(db: DbOrTx, actor: Actor, checkup: { id: number; regionId: number }) {
  const rows = await db.select({ id: checkupIndicators.id, unitId: checkupIndicators.unitId, code: checkupIndicators.code, name: checkupIndicators.name }).from(checkupIndicators).where(eq(checkupIndicators.checkupId, checkup.id));
  const manager = canManageCheckup(actor, checkup);
  return { all: rows, mine: new Set(rows.filter((r) => manager || (actor.unitId !== null && r.unitId === actor.unitId && can(actor, 'checkup.submit'))).map((r) => r.id)) };
}

/** Writes the cells and judges each against its standard; returns the problems opened and cleared. */
export async function writeCheckupValues(tx: DbOrTx, actor: Actor, checkupId: number, cells: CellValue[], source: 'entry' | 'import') {
  const before = cells.length
    ? await tx.select().from(checkupValues).where(and(eq(checkupValues.checkupId, checkupId), inArray(checkupValues.indicatorId, [...new Set(cells.map((c) => c.indicatorId))])))
    : [];
  const old = new Map(before.map((v) => [`${v.indicatorId}|${v.regionId}`, v]));
  const changed: { indicatorId: number; regionId: number; before: number | null; after: number | null }[] = [];
  for (const c of cells) {
    const prev = old.get(`${c.indicatorId}|${c.regionId}`);
    if (c.value === null) {
      if (prev) await tx.delete(checkupValues).where(eq(checkupValues.id, prev.id));
    } else if (prev) {
      await tx.update(checkupValues).set({ value: c.value, note: c.note ?? prev.note, source, enteredBy: actor.userId, updatedAt: new Date() }).where(eq(checkupValues.id, prev.id));
    } else {
      await tx.insert(checkupValues).values({ checkupId, indicatorId: c.indicatorId, regionId: c.regionId, value: c.value, note: c.note ?? '', source, enteredBy: actor.userId });
    }
    if ((prev?.value ?? null) !== c.value) changed.push({ indicatorId: c.indicatorId, regionId: c.regionId, before: prev?.value ?? null, after: c.value });
  }
  if (changed.length) await writeAudit(tx, actor, { action: source === 'import' ? 'checkup.import_values' : 'checkup.values', entityType: 'checkup', entityId: checkupId, before: changed.map((c) => ({ indicatorId: c.indicatorId, regionId: c.regionId, value: c.before })), after: changed.map((c) => ({ indicatorId: c.indicatorId, regionId: c.regionId, value: c.after })) });
  return refreshProblems(tx, actor, checkupId, cells);
}

/** Judges cells against their indicators' standards and keeps checkup_problems in step. */
export async function refreshProblems(tx: DbOrTx, actor: Actor, checkupId: number, cells: { indicatorId: number; regionId: number }[]) {
  const opened: number[] = [];
  const cleared: number[] = [];
  if (!cells.length) return { opened, cleared };
  const indicatorIds = [...new Set(cells.map((c) => c.indicatorId))];
  const inds = new Map((await tx.select().from(checkupIndicators).where(inArray(checkupIndicators.id, indicatorIds))).map((i) => [i.id, i]));
  const vals = new Map((await tx.select().from(checkupValues).where(and(eq(checkupValues.checkupId, checkupId), inArray(checkupValues.indicatorId, indicatorIds)))).map((v) => [`${v.indicatorId}|${v.regionId}`, v]));
  const probs = new Map((await tx.select().from(checkupProblems).where(and(eq(checkupProblems.checkupId, checkupId), inArray(checkupProblems.indicatorId, indicatorIds)))).map((p) => [`${p.indicatorId}|${p.regionId}`, p]));
  const seen = new Set<string>();
  for (const c of cells) {
    const key = `${c.indicatorId}|${c.regionId}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const ind = inds.get(c.indicatorId)!;
    const v = vals.get(key);
    const p = probs.get(key);
    const misses = v !== undefined && meetsStandard(v.value, ind.standard, ind.direction as CheckupDirection) === false;
    if (misses) {
      if (p) {
        const linked = (await tx.select({ id: checkupProblemLinks.id }).from(checkupProblemLinks).where(eq(checkupProblemLinks.problemId, p.id)).limit(1)).length > 0;
        const status = p.status === 'met' ? (linked ? 'acted' : p.assignedUnitId ? 'assigned' : 'open') : p.status;
        await tx.update(checkupProblems).set({ value: v.value, standard: ind.standard!, status }).where(eq(checkupProblems.id, p.id));
        if (p.status === 'met') await writeAudit(tx, actor, { action: 'checkup_problem.reopen', entityType: 'checkup_problem', entityId: p.id, before: { value: p.value, status: p.status }, after: { value: v.value, status } });
      } else {
        const [row] = await tx.insert(checkupProblems).values({ checkupId, indicatorId: c.indicatorId, regionId: c.regionId, value: v.value, standard: ind.standard! }).returning();
        opened.push(row.id);
        await writeAudit(tx, actor, { action: 'checkup_problem.found', entityType: 'checkup_problem', entityId: row.id, after: { checkupId, indicatorId: c.indicatorId, regionId: c.regionId, value: v.value, standard: ind.standard } });
      }
    } else if (p && p.status !== 'met') {
      const links = await tx.select({ id: checkupProblemLinks.id }).from(checkupProblemLinks).where(eq(checkupProblemLinks.problemId, p.id)).limit(1);
      if (p.status === 'open' && !links.length && !p.assignedUnitId) {
        await tx.delete(checkupProblems).where(eq(checkupProblems.id, p.id));
        await writeAudit(tx, actor, { action: 'checkup_problem.cleared', entityType: 'checkup_problem', entityId: p.id, before: { checkupId, indicatorId: c.indicatorId, regionId: c.regionId, value: p.value, standard: p.standard }, after: { value: v?.value ?? null } });
      } else {
        await tx.update(checkupProblems).set({ status: 'met', value: v?.value ?? p.value }).where(eq(checkupProblems.id, p.id));
        await writeAudit(tx, actor, { action: 'checkup_problem.met', entityType: 'checkup_problem', entityId: p.id, before: { value: p.value, status: p.status }, after: { value: v?.value ?? null, status: 'met' } });
      }
      cleared.push(p.id);
    }
  }
  return { opened, cleared };
}

/** Checks every cell names an indicator of the check-up the actor fills in and one of its areas. */
export async function checkCells(db: DbOrTx, actor: Actor, checkup: { id: number; regionId: number }, cells: { indicatorId: number; regionId: number }[]) {
  const { all, mine } = await editableIndicators(db, actor, checkup);
  const ids = new Set(all.map((i) => i.id));
  const areas = new Set((await checkupAreas(db, checkup.regionId)).map((a) => a.id));
  const foreign = cells.filter((c) => !ids.has(c.indicatorId)).map((c) => c.indicatorId);
  if (foreign.length) throw new AppError('NOT_FOUND', { indicatorIds: foreign });
  const notMine = cells.filter((c) => !mine.has(c.indicatorId)).map((c) => c.indicatorId);
  if (notMine.length) throw new AppError('CHECKUP_INDICATOR_NOT_OWNED', { indicatorIds: [...new Set(notMine)] });
  const outside = cells.filter((c) => !areas.has(c.regionId)).map((c) => c.regionId);
  if (outside.length) throw new AppError('CHECKUP_AREA_INVALID', { regionIds: [...new Set(outside)] });
}

export async function saveCheckupValues({ db, actor }: OpContext, checkupId: number, input: z.input<typeof saveCheckupValuesBodySchema>) {
  const data = saveCheckupValuesBodySchema.parse(input);
  const checkup = await getVisibleCheckup(db, actor, checkupId);
  await checkCells(db, actor, checkup, data.values);
  return db.transaction(async (tx) => {
    const r = await writeCheckupValues(tx, actor, checkupId, data.values, 'entry');
    return { saved: data.values.length, ...r };
  });
}
