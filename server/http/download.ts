// File responses: the UTF-8 name for browsers (RFC 6266/5987) with an ASCII fallback for old clients.
import type { FastifyReply } from 'fastify';

export const mime = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

export function sendFile(reply: FastifyReply, bytes: Buffer, filename: string, kind: keyof typeof mime) {
  const safe = filename.replace(/[\\/:*?"<>|\r\n]+/g, '_');
  const ascii = safe.replace(/[^\x20-\x7e]/g, '_');
  reply
    .header('content-type', mime[kind])
    .header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(safe)}`)
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'no-store');
  return reply.send(bytes);
}
