// Unit registry lookups shared by import, confirm and the unit routes.
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.js';
import { regions, units } from '../db/schema/index.js';
import type { RegistryUnit } from '../parser/types.js';

export async function loadRegistry(db: DbOrTx): Promise<RegistryUnit[]> {
  const rows = await db.select({ u: units, r: regions }).from(units).innerJoin(regions, eq(regions.id, units.regionId));
  return rows.map(({ u, r }) => ({ name: u.name, aliases: u.aliases, region: r.name, kind: u.kind }));
}

export interface UnitMatcher {
  (name: string): number | null;
}

/**
 * Resolves a canonical or alias name to a unit id, preferring the plan's own region, then the regions above it
 * (a municipal department named in a district plan), then the regions below it (a town). A unit of a region beside
 * the plan's (another district) is never matched (issue #10, finding 4): linking it would show that district's
 * people this plan. Without a region (an administrator's import that names none) any unit may match.
 */
export async function unitMatcher(db: DbOrTx, regionId: number | null): Promise<UnitMatcher> {
  const allRegions = await db.select().from(regions);
  const parentOf = new Map(allRegions.map((r) => [r.id, r.parentId]));
  const rank = (rid: number): number | null => {
    let d = 0;
    for (let cur: number | null | undefined = regionId; cur; cur = parentOf.get(cur), d++) if (cur === rid) return d;
    for (let cur: number | null | undefined = parentOf.get(rid); cur; cur = parentOf.get(cur)) if (cur === regionId) return 50;
    return regionId === null ? 100 : null;
  };
  const rows = await db.select().from(units);
  const best = new Map<string, { id: number; rank: number }>();
  for (const u of rows) {
    const r = rank(u.regionId);
    if (r === null) continue;
    for (const n of [u.name, ...u.aliases]) {
      const cur = best.get(n);
      if (!cur || r < cur.rank) best.set(n, { id: u.id, rank: r });
    }
  }
  return (name: string) => best.get(name)?.id ?? null;
}
