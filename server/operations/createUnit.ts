import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { AppError } from '../../shared/errors.js';
import { createUnitBodySchema } from '../../shared/api.js';
import type { DbOrTx } from '../db/client.js';
import { regions, units } from '../db/schema/index.js';
import { writeAudit } from '../audit.js';
import type { Actor } from '../policy.js';
import { requireOwnRegion } from '../access.js';

export async function createUnit(tx: DbOrTx, actor: Actor, input: z.input<typeof createUnitBodySchema>) {
  const data = createUnitBodySchema.parse(input);
  const [region] = await tx.select().from(regions).where(eq(regions.id, data.regionId));
  if (!region) throw new AppError('NOT_FOUND', { regionId: data.regionId });
  requireOwnRegion(actor, data.regionId);
  const [dup] = await tx.select().from(units).where(and(eq(units.regionId, data.regionId), eq(units.name, data.name)));
  if (dup) throw new AppError('DUPLICATE', { unitId: dup.id });
  const [row] = await tx.insert(units).values(data).returning();
  await writeAudit(tx, actor, { action: 'unit.create', entityType: 'unit', entityId: row.id, after: row });
  return row;
}
