import { desc, eq } from 'drizzle-orm';
import { AppError } from '../../shared/errors.js';
import type { ImportJob } from '../../shared/api.js';
import type { ParsedPlan } from '../../shared/parsedPlan.js';
import type { DbOrTx } from '../db/client.js';
import { documents, imports } from '../db/schema/index.js';
import { unitMatcher } from './units.js';
import { combine, importScope, type Actor } from '../policy.js';

/** Named unit mentions that neither the registry nor the office's mappings resolve (now, not at parse time). */
export function unresolvedUnits(p: ParsedPlan, match: (name: string) => number | null, mappings: Record<string, number | null>) {
  const byName = new Map<string, { raws: Set<string>; count: number }>();
  for (const t of p.tasks)
    for (const u of [...t.lead, ...t.responsible, ...t.cooperating]) {
      if (u.scope !== 'unit' || match(u.name)) continue;
      const e = byName.get(u.name) ?? { raws: new Set<string>(), count: 0 };
      e.raws.add(u.raw);
      e.count++;
      byName.set(u.name, e);
    }
  return [...byName].map(([name, e]) => ({ name, raws: [...e.raws], count: e.count, mappedUnitId: mappings[name] ?? null }));
}

export async function getImportJob(db: DbOrTx, id: number, withParsed = true): Promise<ImportJob> {
  const [row] = await db.select().from(imports).where(eq(imports.id, id));
  if (!row) throw new AppError('NOT_FOUND');
  return toJob(db, row, withParsed);
}

/** NOT_FOUND unless the actor may see this import. */
export async function assertImportVisible(db: DbOrTx, actor: Actor, id: number): Promise<void> {
  const [row] = await db.select({ id: imports.id }).from(imports).where(combine(eq(imports.id, id), importScope(actor)));
  if (!row) throw new AppError('NOT_FOUND');
}

export async function listImportJobs(db: DbOrTx, actor: Actor): Promise<ImportJob[]> {
  const rows = await db.select().from(imports).where(importScope(actor)).orderBy(desc(imports.id)).limit(200);
  return Promise.all(rows.map((r) => toJob(db, r, false)));
}

async function toJob(db: DbOrTx, row: typeof imports.$inferSelect, withParsed: boolean): Promise<ImportJob> {
  let parsed = row.parsed as ParsedPlan | null;
  const unknownUnits: ImportJob['unknownUnits'] = [];
  if (parsed) {
    unknownUnits.push(...unresolvedUnits(parsed, await unitMatcher(db, row.regionId), row.unitMappings));
    if (withParsed && row.documentId) {
      const [doc] = await db.select({ text: documents.text }).from(documents).where(eq(documents.id, row.documentId));
      parsed = { ...parsed, text: doc?.text };
    }
  }
  const [dup] = await db.select({ id: imports.id }).from(imports).where(eq(imports.sha256, row.sha256)).orderBy(imports.id).limit(1);
  return {
    id: row.id,
    status: row.status as ImportJob['status'],
    filename: row.filename,
    sha256: row.sha256,
    regionId: row.regionId,
    planId: row.planId,
    error: (row.error as ImportJob['error']) ?? null,
    parsed: withParsed ? parsed : null,
    unknownUnits,
    createdAt: row.createdAt.toISOString(),
    duplicateOf: dup && dup.id !== row.id ? dup.id : null,
  };
}
