// Reads the one uploaded file of a multipart request, with the import size limit and an optional regionId field.
import type { FastifyRequest } from 'fastify';
import { AppError } from '../../shared/errors.js';
import { idStringSchema } from '../../shared/input.js';
import { assertWellFormed } from './edge.js';

export const MAX_UPLOAD = 20 * 1024 * 1024;

export async function readUpload(req: FastifyRequest): Promise<{ bytes: Buffer; filename: string; regionId: number | null }> {
  const file = await req.file();
  if (!file) throw new AppError('IMPORT_EMPTY');
  const bytes = await file.toBuffer().catch((e: { code?: string }) => {
    throw e.code === 'FST_REQ_FILE_TOO_LARGE' ? new AppError('IMPORT_TOO_LARGE') : e;
  });
  if (bytes.length > MAX_UPLOAD) throw new AppError('IMPORT_TOO_LARGE');
  // the form's text fields and the file name pass the same edge check as a JSON body; regionId is an id
  const fields = file.fields as Record<string, { type?: string; value?: unknown } | { type?: string; value?: unknown }[] | undefined>;
  const values = Object.fromEntries(Object.entries(fields).map(([k, f]) => [k, (Array.isArray(f) ? f : [f]).filter((x) => x?.type === 'field').map((x) => x!.value)]));
  assertWellFormed({ filename: file.filename, fields: values });
  const field = (fields.regionId && !Array.isArray(fields.regionId) ? fields.regionId : undefined)?.value;
  let regionId: number | null = null;
  if (field !== undefined && field !== '') {
    const parsed = idStringSchema.safeParse(field);
    if (!parsed.success) throw new AppError('VALIDATION_FAILED', parsed.error.issues.map((i) => ({ ...i, path: ['regionId'] })));
    regionId = parsed.data;
  }
  return { bytes, filename: file.filename || 'upload', regionId };
}
