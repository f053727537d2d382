import { asc, eq, ilike, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import { createUnitBodySchema, unitSchema } from '../../../shared/api.js';
import { regions, units } from '../../db/schema/index.js';
import { createUnit } from '../../operations/createUnit.js';
import { combine } from '../../policy.js';
import { defineRoute } from '../route.js';
import { idStringSchema } from '../../../shared/input.js';
import { regionSchema } from '../../../shared/regions.js';

export const unitRoutes = [
  defineRoute({
    method: 'GET', url: '/api/regions', permission: 'unit.read', tag: 'units', summary: '行政区划',
    response: z.object({ items: z.array(regionSchema) }),
    handler: async ({ db }) => {
      return { items: await db.select({ id: regions.id, name: regions.name, level: regions.level, parentId: regions.parentId }).from(regions).orderBy(asc(regions.id)) };
    },
  }),
  defineRoute({
    method: 'GET', url: '/api/units', permission: 'unit.read', tag: 'units', summary: '单位库',
    query: z.object({ q: z.string().trim().max(50).optional(), regionId: idStringSchema.optional() }),
    response: z.object({ items: z.array(unitSchema) }),
    handler: async ({ db, actor, query }) => {
      const like = query.q ? `%${query.q.replace(/[%_\\]/g, (c) => `\\${c}`)}%` : null;
      const rows = await db
        .select({ u: units, regionName: regions.name })
        .from(units)
        .innerJoin(regions, eq(regions.id, units.regionId))
        .where(combine(query.regionId ? eq(units.regionId, query.regionId) : undefined, like ? or(ilike(units.name, like), sql`${units.aliases}::text like ${like}`) : undefined))
        .orderBy(asc(units.regionId), asc(units.id))
        .limit(1000);
      return { items: rows.map(({ u, regionName }) => ({ id: u.id, name: u.name, aliases: u.aliases, kind: u.kind, regionId: u.regionId, regionName })) };
    },
  }),
  defineRoute({
    method: 'POST', url: '/api/units', permission: 'unit.manage', tag: 'units', summary: '新建单位', body: createUnitBodySchema,
    handler: async ({ db, actor, body }) => {
      return db.transaction((tx) => createUnit(tx, actor, body));
    },
  }),
];
