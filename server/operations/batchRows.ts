// Runs one step per row of a batch and keeps going: each row is its own operation (its own transaction and
// audit row), so a refused row is named with its error and leaves nothing half-done, and the others proceed.
import { ZodError } from 'zod';
import { AppError, errorCatalogue } from '../../shared/errors.js';
import type { BatchResult, RowError } from '../../shared/bulk.js';

export function rowError(e: unknown): RowError {
  if (e instanceof AppError) return { code: e.code, message: e.message, ...(e.details === undefined ? {} : { details: e.details }) };
  if (e instanceof ZodError) return { code: 'VALIDATION_FAILED', message: e.issues.map((i) => `${i.path.join('.') || '数据'}:${i.message}`).join(';') || errorCatalogue.VALIDATION_FAILED.message, details: e.issues };
  throw e; // not a refusal but a fault: the request fails as any other would
}

export async function eachRow<T>(ids: number[], step: (id: number, index: number) => Promise<T>): Promise<BatchResult & { values: Map<number, T> }> {
  const items: BatchResult['items'] = [];
  const values = new Map<number, T>();
  for (const [i, id] of ids.entries()) {
    try {
      values.set(id, await step(id, i));
      items.push({ id, ok: true });
    } catch (e) {
      items.push({ id, ok: false, error: rowError(e) });
    }
  }
  return { items, done: items.filter((x) => x.ok).length, failed: items.filter((x) => !x.ok).length, values };
}
