// File responses, the one place a download's headers are written: the UTF-8 name for browsers (RFC 6266/5987) with an
// ASCII fallback for old clients, nosniff, never cached.
import type { FastifyReply } from 'fastify';

export const mime = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

/** kind: a document the server builds ('docx', 'xlsx'), or the MIME type of a stored file as is (an attachment). */
export function sendFile(reply: FastifyReply, bytes: Buffer, filename: string, kind: keyof typeof mime | (string & {})) {
  const safe = filename.replace(/[\\/:*?"<>|\r\n]+/g, '_');
  const ascii = safe.replace(/[^\x20-\x7e]/g, '_');
  reply
    .header('content-type', kind in mime ? mime[kind as keyof typeof mime] : kind)
    .header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(safe)}`)
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'no-store');
  return reply.send(bytes);
}
