// Reads the one uploaded file of a multipart request, with the import size limit and an optional regionId field.
import type { FastifyRequest } from 'fastify';
import { AppError } from '../../shared/errors.js';

export const MAX_UPLOAD = 20 * 1024 * 1024;

export async function readUpload(req: FastifyRequest): Promise<{ bytes: Buffer; filename: string; regionId: number | null }> {
  const file = await req.file();
  if (!file) throw new AppError('IMPORT_EMPTY');
  const bytes = await file.toBuffer().catch((e: { code?: string }) => {
    throw e.code === 'FST_REQ_FILE_TOO_LARGE' ? new AppError('IMPORT_TOO_LARGE') : e;
  });
  if (bytes.length > MAX_UPLOAD) throw new AppError('IMPORT_TOO_LARGE');
  const field = (file.fields as Record<string, { value?: unknown } | undefined>).regionId;
  return { bytes, filename: file.filename || 'upload', regionId: field?.value ? Number(field.value) || null : null };
}
