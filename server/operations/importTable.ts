// An Excel 任务分工表 as a plan source: the upload is kept with its hash and waits in 'pending'
// while the office checks the detected column mapping (or goes straight to 'review' with the
// detected mapping when it arrives through the general upload). The parsed plan's text is the
// table rendering toParsedPlan makes, so review and confirm work as for a document.
import { and, desc, eq, inArray } from 'drizzle-orm';
import { AppError } from '../../shared/errors.js';
import type { ParsedPlan } from '../../shared/parsedPlan.js';
import { documents, imports, regions } from '../db/schema/index.js';
import type { DbOrTx } from '../db/client.js';
import { writeAudit } from '../audit.js';
import type { ColumnMapping, TaskDivisionPreview } from '../reports/index.js';
import { readTableInWorker, sheetNamesInWorker } from '../parser/worker/pool.js';
import { MAX_IMPORT_BYTES } from '../parser/decode.js';
import { loadRegistry } from '../queries/units.js';
import type { OpContext } from './context.js';
import { importRegion, requireOwnRegion } from '../access.js';
import { byteaValue, importFileOfInput, type ImportInput } from './importFile.js';
import type { ParseSource } from '../parser/worker/jobs.js';

export interface TableOptions {
  sheet?: string | number;
  headerRow?: number;
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
/** A zip whose first entries name xl/: an .xlsx, whatever the file is called. */
export function isXlsx(bytes: Uint8Array): boolean {
  if (!ZIP.every((x, i) => bytes[i] === x)) return false;
  return Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 1 << 16)).toString('latin1').includes('xl/');
}

export async function sheetNames(bytes: Uint8Array): Promise<string[]> {
  return sheetNamesInWorker({ bytes });
}

/** The preview and the parsed plan (with its text) of a workbook under a mapping (default: the detected one), read in a parse worker. */
export async function parseTable(db: DbOrTx, source: ParseSource, opts: TableOptions & { mapping?: ColumnMapping; title?: string; region?: string | null } = {}): Promise<{ preview: TaskDivisionPreview; parsed: ParsedPlan }> {
  return readTableInWorker({ source, sheet: opts.sheet, headerRow: opts.headerRow, mapping: opts.mapping, title: opts.title, region: opts.region ?? null, registry: await loadRegistry(db) });
}

export async function importTable({ db, actor }: OpContext, input: ImportInput & { review?: boolean }) {
  requireOwnRegion(actor, input.regionId);
  const file = importFileOfInput(input);
  if (!file.size) throw new AppError('IMPORT_EMPTY');
  if (file.size > MAX_IMPORT_BYTES) throw new AppError('IMPORT_TOO_LARGE');
  const { sha256 } = file;
  const [existing] = await db.select().from(imports).where(and(eq(imports.sha256, sha256), inArray(imports.status, ['pending', 'review', 'confirmed']))).orderBy(desc(imports.id)).limit(1);
  if (existing) return existing;
  if (!isXlsx(file.head)) throw new AppError('IMPORT_NOT_TABLE');

  let result;
  try {
    result = await parseTable(db, file.source);
  } catch (err) {
    const code = err instanceof AppError ? err.code : 'IMPORT_CORRUPT';
    if (code === 'IMPORT_BUSY') throw err;
    await db.transaction(async (tx) => {
      const [row] = await tx.insert(imports).values({ status: 'failed', filename: input.filename, sha256, error: { code, message: err instanceof Error ? err.message : String(err) }, createdBy: actor.userId }).returning();
      await writeAudit(tx, actor, { action: 'import.fail', entityType: 'import', entityId: row.id, after: { filename: input.filename, code } });
    });
    throw err instanceof AppError ? err : new AppError('IMPORT_CORRUPT');
  }
  const { parsed } = result;
  const allRegions = await db.select().from(regions);
  const regionId = importRegion(actor, input.regionId, allRegions.find((r) => r.name === parsed.meta.region)?.id);
  const { text, ...withoutText } = parsed;
  const content = await file.read();
  return db.transaction(async (tx) => {
    let [doc] = await tx.select({ id: documents.id }).from(documents).where(eq(documents.sha256, sha256));
    if (!doc) {
      [doc] = await tx
        .insert(documents)
        .values({ filename: input.filename, format: 'xlsx', encoding: 'utf-8', sha256, size: file.size, content: byteaValue(content), text: text ?? '' })
        .returning({ id: documents.id });
    }
    const review = input.review === true;
    const [row] = await tx
      .insert(imports)
      .values({ status: review ? 'review' : 'pending', documentId: doc.id, filename: input.filename, sha256, regionId, parsed: review ? withoutText : null, createdBy: actor.userId })
      .returning();
    await writeAudit(tx, actor, {
      action: review ? 'import.create' : 'import.upload', entityType: 'import', entityId: row.id,
      after: { filename: input.filename, format: 'xlsx', mapping: result.preview.mapping, tasks: parsed.tasks.length, warnings: parsed.warnings.length },
    });
    return row;
  });
}
