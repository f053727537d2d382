// Regions (city, districts, their towns) and the unit registry from server/data/units: idempotent, every new row audited.
import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { regions, units } from '../db/schema/index.js';
import { writeAudit } from '../audit.js';
import { defaultRegistry, CITY } from '../parser/registry.js';
import type { Actor } from '../policy.js';

export async function seedRegistry(db: Db, actor: Actor): Promise<{ regions: number; units: number }> {
  const registry = defaultRegistry();
  let newRegions = 0;
  let newUnits = 0;
  await db.transaction(async (tx) => {
    const regionId = new Map<string, number>();
    const ensureRegion = async (name: string, level: string, parentId: number | null) => {
      // towns are named alike across districts (两个区都可能有"大安镇"): a town is found under its own district
      const [found] = await tx.select().from(regions).where(level === 'town' && parentId ? and(eq(regions.name, name), eq(regions.parentId, parentId)) : eq(regions.name, name));
      if (found) return found.id;
      const [row] = await tx.insert(regions).values({ name, level, parentId }).returning();
      await writeAudit(tx, actor, { action: 'region.create', entityType: 'region', entityId: row.id, after: row });
      newRegions++;
      return row.id;
    };
    const cityId = await ensureRegion(CITY, 'city', null);
    regionId.set(CITY, cityId);
    for (const name of new Set(registry.map((u) => u.region))) if (!regionId.has(name)) regionId.set(name, await ensureRegion(name, 'district', cityId));
    for (const u of registry) {
      const rid = regionId.get(u.region)!;
      const [found] = await tx.select({ id: units.id }).from(units).where(and(eq(units.regionId, rid), eq(units.name, u.name)));
      if (found) continue;
      const [row] = await tx.insert(units).values({ name: u.name, aliases: u.aliases, kind: u.kind ?? 'department', regionId: rid }).returning();
      await writeAudit(tx, actor, { action: 'unit.create', entityType: 'unit', entityId: row.id, after: row });
      newUnits++;
    }
    // 镇街 are regions too (市 → 区县 → 镇街): a town's own plans and people belong there. The town as a unit
    // stays in its district, where the district's plans name it among the units that carry out their tasks.
    for (const u of registry.filter((x) => x.kind === 'town')) await ensureRegion(u.name, 'town', regionId.get(u.region)!);
  });
  return { regions: newRegions, units: newUnits };
}
