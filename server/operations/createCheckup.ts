// Starts a region's annual 城市体检 (issue #14): the indicator system is the region's previous check-up's (as the
// city edited it) or the national default set (server/data/checkup/national-indicators.json). Audited.
import { readFileSync } from 'node:fs';
import { and, asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { checkupIndicators, checkups, regions } from '../db/schema/index.js';
import { AppError } from '../../shared/errors.js';
import { checkupIndicatorInputSchema, createCheckupBodySchema, type CheckupIndicatorInput } from '../../shared/checkup.js';
import { requireOwnRegion } from '../access.js';
import { can } from '../policy.js';
import { writeAudit } from '../audit.js';
import { previousCheckup } from '../queries/checkups.js';
import type { OpContext } from './context.js';

const nationalFile = new URL('../data/checkup/national-indicators.json', import.meta.url);
let national: { basis: string; indicators: CheckupIndicatorInput[] } | null = null;

/** The national default set, read once and checked against the indicator contract. */
export function nationalIndicators() {
  if (!national) {
    const doc = JSON.parse(readFileSync(nationalFile, 'utf8')) as { basis: string; indicators: unknown[] };
    national = { basis: doc.basis, indicators: doc.indicators.map((i) => checkupIndicatorInputSchema.parse(i)) };
  }
  return national;
}

export async function createCheckup({ db, actor }: OpContext, input: z.input<typeof createCheckupBodySchema>) {
  const data = createCheckupBodySchema.parse(input);
  if (!can(actor, 'checkup.manage')) throw new AppError('FORBIDDEN');
  const [region] = await db.select().from(regions).where(eq(regions.id, data.regionId));
  if (!region) throw new AppError('NOT_FOUND');
  requireOwnRegion(actor, region.id);
  const [taken] = await db.select({ id: checkups.id }).from(checkups).where(and(eq(checkups.regionId, region.id), eq(checkups.year, data.year)));
  if (taken) throw new AppError('CHECKUP_EXISTS', { checkupId: taken.id });
  const prev = data.basis === 'previous' ? await previousCheckup(db, { regionId: region.id, year: data.year }) : null;
  let basis: string;
  let system: (CheckupIndicatorInput & { position: number })[];
  if (prev) {
    const rows = await db.select().from(checkupIndicators).where(eq(checkupIndicators.checkupId, prev.id)).orderBy(asc(checkupIndicators.position), asc(checkupIndicators.id));
    basis = `沿用${prev.year}年体检指标体系`;
    system = rows.map((r) => ({ code: r.code, aspect: r.aspect, name: r.name, measure: r.measure, direction: r.direction as 'higher' | 'lower', standard: r.standard, kind: r.kind, unitId: r.unitId, note: r.note, position: r.position }));
  } else {
    const n = nationalIndicators();
    basis = n.basis;
    system = n.indicators.map((i, k) => ({ ...i, position: k + 1 }));
  }
  const title = data.title ?? `${region.name}${data.year}年城市体检`;
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(checkups).values({ regionId: region.id, year: data.year, title, basis, createdBy: actor.userId }).returning();
    if (system.length) await tx.insert(checkupIndicators).values(system.map((i) => ({ ...i, checkupId: row.id })));
    await writeAudit(tx, actor, { action: 'checkup.create', entityType: 'checkup', entityId: row.id, after: { regionId: region.id, year: data.year, title, basis, indicators: system.length } });
    return row;
  });
}
