// Check-up values from the Excel table an office keeps (issue #14): the header row is detected, every row that
// cannot be read (unknown indicator or area, a value that is no number, a cell given twice, an indicator the actor's
// unit does not provide) is listed with its row number, and nothing is saved unless the table is clean. A dry run
// returns the same reading without saving. Saving goes through writeCheckupValues (problems judged, audited).
import { AppError } from '../../shared/errors.js';
import { readCheckupSheet } from '../reports/xlsx/checkupSheet.js';
import { checkupAreas, getVisibleCheckup } from '../queries/checkups.js';
import { editableIndicators, writeCheckupValues } from './saveCheckupValues.js';
import { checkupIndicators } from '../db/schema/index.js';
import { eq } from 'drizzle-orm';
import type { OpContext } from './context.js';

export const MAX_CHECKUP_FILE = 5 * 1024 * 1024;

export async function importCheckupValues({ db, actor }: OpContext, checkupId: number, bytes: Uint8Array, opts: { dryRun?: boolean } = {}) {
  const checkup = await getVisibleCheckup(db, actor, checkupId);
  if (!bytes.byteLength) throw new AppError('IMPORT_EMPTY');
  if (bytes.byteLength > MAX_CHECKUP_FILE) throw new AppError('CHECKUP_FILE_TOO_LARGE');
  const { mine } = await editableIndicators(db, actor, checkup);
  if (!mine.size) throw new AppError('CHECKUP_INDICATOR_NOT_OWNED');
  const indicators = await db.select({ id: checkupIndicators.id, code: checkupIndicators.code, name: checkupIndicators.name, measure: checkupIndicators.measure }).from(checkupIndicators).where(eq(checkupIndicators.checkupId, checkupId));
  const areas = await checkupAreas(db, checkup.regionId);
  const sheet = await readCheckupSheet(bytes, indicators, areas);
  const names = new Map(indicators.map((i) => [i.id, i.name]));
  const errors = [...sheet.errors];
  for (const v of sheet.values) if (!mine.has(v.indicatorId)) errors.push({ row: v.row, column: null, message: `“${names.get(v.indicatorId)}”不由本单位提供数据,不能导入` });
  errors.sort((a, b) => a.row - b.row);
  const result = { ...sheet, errors, saved: false };
  if (opts.dryRun) return result;
  if (errors.length) throw new AppError('CHECKUP_IMPORT_ROWS', { errors, headerRow: sheet.headerRow, layout: sheet.layout });
  if (!sheet.values.length) throw new AppError('IMPORT_EMPTY');
  await db.transaction((tx) => writeCheckupValues(tx, actor, checkupId, sheet.values.map((v) => ({ indicatorId: v.indicatorId, regionId: v.regionId, value: v.value })), 'import'));
  return { ...result, saved: true };
}
