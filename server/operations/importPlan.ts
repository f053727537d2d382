// Upload → parse → an import waiting for review. The same file twice returns the first import.
// A file that fails (a cap, a damaged file, a timeout) stores nothing of itself: only a 'failed' import row
// and its audit row say who uploaded what and why it was refused.
import { and, desc, eq, inArray } from 'drizzle-orm';
import { AppError } from '../../shared/errors.js';
import type { ParsedPlan } from '../../shared/parsedPlan.js';
import { documents, imports, regions } from '../db/schema/index.js';
import { writeAudit } from '../audit.js';
import { parseDocumentInWorker } from '../parser/worker/pool.js';
import { loadRegistry } from '../queries/units.js';
import { figuresOfParsed, figuresOfRegion, findConflicts } from '../queries/conflicts.js';
import { importTable, isXlsx } from './importTable.js';
import type { OpContext } from './context.js';
import { importRegion, requireOwnRegion } from '../access.js';
import { importScope } from '../policy.js';
import { byteaValue, importFileOfInput, type ImportInput } from './importFile.js';

export type { ImportInput } from './importFile.js';

export async function importPlan({ db, actor }: OpContext, input: ImportInput) {
  requireOwnRegion(actor, input.regionId);
  const file = importFileOfInput(input);
  const { sha256 } = file;
  const [existing] = await db
    .select()
    .from(imports)
    .where(and(eq(imports.sha256, sha256), inArray(imports.status, ['review', 'confirmed']), importScope(actor)))
    .orderBy(desc(imports.id))
    .limit(1);
  if (existing) return existing;
  // one reading of Excel: as a task-division table, with the mapping it detects (the office may re-map in review)
  if (isXlsx(file.head)) return importTable({ db, actor }, { file, filename: input.filename, regionId: input.regionId, review: true });

  const registry = await loadRegistry(db);
  const allRegions = await db.select().from(regions);
  const regionName = input.regionId ? allRegions.find((r) => r.id === input.regionId)?.name : undefined;
  let decoded, parsed;
  try {
    ({ decoded, parsed } = await parseDocumentInWorker({ source: file.source, filename: input.filename, registry, region: regionName ?? null }));
  } catch (err) {
    const code = err instanceof AppError ? err.code : 'IMPORT_CORRUPT';
    // a busy server is no verdict on the file: nothing is recorded, the office simply tries again
    if (code === 'IMPORT_BUSY') throw err;
    await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(imports)
        .values({ status: 'failed', filename: input.filename, sha256, error: { code, message: err instanceof Error ? err.message : String(err) }, createdBy: actor.userId })
        .returning();
      await writeAudit(tx, actor, { action: 'import.fail', entityType: 'import', entityId: row.id, after: { filename: input.filename, code } });
    });
    throw err instanceof AppError ? err : new AppError('IMPORT_CORRUPT');
  }
  if (!parsed.meta.title.trim()) {
    // a plan needs a name on every screen; the reviewer can correct it before confirming
    parsed.meta.title = input.filename.replace(/\.[a-z0-9]+$/i, '');
    parsed.warnings.push({ code: 'TITLE_NOT_FOUND', message: '未识别出规划标题,已暂用文件名,请在审核时修改', source: null });
  }
  const regionId = importRegion(actor, input.regionId, allRegions.find((r) => r.name === parsed.meta.region)?.id);

  if (regionId) {
    for (const c of findConflicts(figuresOfParsed(parsed), await figuresOfRegion(db, regionId)))
      parsed.warnings.push({ code: 'FIGURE_CONFLICT', message: c.message, source: c.here.source });
  }

  const content = await file.read();
  return db.transaction(async (tx) => {
    let [doc] = await tx.select({ id: documents.id }).from(documents).where(eq(documents.sha256, sha256));
    if (!doc) {
      [doc] = await tx
        .insert(documents)
        .values({ filename: input.filename, format: decoded.format, encoding: decoded.encoding, sha256, size: file.size, content: byteaValue(content), text: decoded.text })
        .returning({ id: documents.id });
    }
    const [row] = await tx
      .insert(imports)
      .values({ status: 'review', documentId: doc.id, filename: input.filename, sha256, regionId, parsed: parsed as ParsedPlan, createdBy: actor.userId })
      .returning();
    await writeAudit(tx, actor, {
      action: 'import.create',
      entityType: 'import',
      entityId: row.id,
      after: { filename: input.filename, tasks: parsed.tasks.length, indicators: parsed.indicators.length, targets: parsed.targets.length, projects: parsed.projects.length, warnings: parsed.warnings.length },
    });
    return row;
  });
}
