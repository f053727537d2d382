// The office's column mapping for a table import: the table is read again under it and the
// import moves to 'review' (re-mapping a table in review starts its review again).
import { and, eq, getTableColumns, ne } from 'drizzle-orm';
import { z } from 'zod';
import { AppError } from '../../shared/errors.js';
import { tableMappingBodySchema } from '../../shared/evaluation.js';
import { documents, imports, plans, regions } from '../db/schema/index.js';
import { writeAudit } from '../audit.js';
import { now } from '../clock.js';
import type { ColumnMapping } from '../reports/index.js';
import { parseTable } from './importTable.js';
import { byteaColumn } from './importFile.js';
import type { OpContext } from './context.js';

export async function tableImportDocument({ db }: Pick<OpContext, 'db'>, importId: number) {
  const [imp] = await db.select().from(imports).where(eq(imports.id, importId));
  if (!imp) throw new AppError('NOT_FOUND');
  const [doc] = imp.documentId ? await db.select({ ...getTableColumns(documents), content: byteaColumn(documents.content) }).from(documents).where(eq(documents.id, imp.documentId)) : [];
  if (!doc || doc.format !== 'xlsx') throw new AppError('IMPORT_NOT_TABLE');
  return { imp, doc };
}

export async function mapTableImport({ db, actor }: OpContext, importId: number, input: z.input<typeof tableMappingBodySchema>) {
  const body = tableMappingBodySchema.parse(input);
  const { imp, doc } = await tableImportDocument({ db }, importId);
  if (imp.status !== 'pending' && imp.status !== 'review') throw new AppError('IMPORT_NOT_PENDING_REVIEW');
  const mapping = Object.fromEntries(Object.entries(body.mapping).map(([k, v]) => [Number(k), v])) as ColumnMapping;
  const [region] = imp.regionId ? await db.select().from(regions).where(eq(regions.id, imp.regionId)) : [];
  const { parsed } = await parseTable(db, { bytes: doc.content }, { sheet: body.sheet, headerRow: body.headerRow, mapping, title: body.title, region: region?.name ?? null });
  const { text, ...withoutText } = parsed;
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(imports).where(eq(imports.id, importId)).for('update');
    if (row.status !== 'pending' && row.status !== 'review') throw new AppError('IMPORT_NOT_PENDING_REVIEW');
    if (text !== doc.text) {
      // another sheet or header row renders other text; sources must point into the stored one
      const [otherImport] = await tx.select({ id: imports.id }).from(imports).where(and(eq(imports.documentId, doc.id), ne(imports.id, importId)));
      const [plan] = await tx.select({ id: plans.id }).from(plans).where(eq(plans.documentId, doc.id));
      if (otherImport || plan) throw new AppError('IMPORT_TABLE_LAYOUT_CHANGED');
      await tx.update(documents).set({ text: text ?? '' }).where(eq(documents.id, doc.id));
    }
    const [saved] = await tx.update(imports).set({ status: 'review', parsed: withoutText, updatedAt: now() }).where(eq(imports.id, importId)).returning();
    await writeAudit(tx, actor, {
      action: 'import.map', entityType: 'import', entityId: importId,
      before: { status: row.status },
      after: { status: 'review', mapping: body.mapping, sheet: body.sheet ?? null, headerRow: body.headerRow ?? null, title: parsed.meta.title, tasks: parsed.tasks.length },
    });
    return saved;
  });
}
