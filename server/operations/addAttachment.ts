// Attachments to a report: pdf, docx, xlsx, jpg, png up to 10 MB, checked by extension and by content.
// Bytes are stored in the database; the uploaded name is kept only as display text.
import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { AppError } from '../../shared/errors.js';
import { attachments } from '../db/schema/index.js';
import { writeAudit } from '../audit.js';
import { now } from '../clock.js';
import { getVisibleReport } from '../queries/reports.js';
import { reportEditable, requireReportActor } from '../domain/reportFlow.js';
import type { OpContext } from './context.js';

export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;

const starts = (b: Uint8Array, sig: number[]) => sig.every((x, i) => b[i] === x);
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const kinds: Record<string, { kind: string; mime: string; sig: number[] }> = {
  pdf: { kind: 'pdf', mime: 'application/pdf', sig: [0x25, 0x50, 0x44, 0x46] },
  docx: { kind: 'docx', mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', sig: ZIP },
  xlsx: { kind: 'xlsx', mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', sig: ZIP },
  jpg: { kind: 'jpg', mime: 'image/jpeg', sig: [0xff, 0xd8, 0xff] },
  jpeg: { kind: 'jpg', mime: 'image/jpeg', sig: [0xff, 0xd8, 0xff] },
  png: { kind: 'png', mime: 'image/png', sig: [0x89, 0x50, 0x4e, 0x47] },
};
export const mimeOf = (kind: string) => kinds[kind]?.mime ?? 'application/octet-stream';

/** The last path segment, without control characters: a user's "C:\\材料\\a.pdf" is shown as "a.pdf". */
export function displayName(name: string): string {
  let decoded = name;
  // some clients send the multipart file name percent-encoded
  if (/%[0-9a-f]{2}/i.test(name)) {
    try {
      decoded = decodeURIComponent(name);
    } catch {
      decoded = name;
    }
  }
  const base = decoded.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  return base.replace(/[\u0000-\u001f\u007f]/g, '').trim().slice(-120) || '附件';
}

export function classify(filename: string, bytes: Uint8Array): { kind: string } {
  const ext = /\.([a-z0-9]+)$/i.exec(filename)?.[1]?.toLowerCase() ?? '';
  const k = kinds[ext];
  if (!k || !starts(bytes, k.sig)) throw new AppError('ATTACHMENT_TYPE_NOT_ALLOWED', { filename: displayName(filename) });
  return { kind: k.kind };
}

export async function addAttachment({ db, actor }: OpContext, reportId: number, file: { filename: string; bytes: Uint8Array }) {
  const { r } = await getVisibleReport(db, actor, reportId);
  // attachments are part of the report's content: whoever may save it, while a save may (draft or returned)
  requireReportActor('save', { ofUnit: actor.unitId === r.unitId, unitHead: actor.roles.includes('unit_head'), office: false });
  if (!reportEditable(r.status)) throw new AppError('REPORT_NOT_EDITABLE', { status: r.status });
  if (!file.bytes.length) throw new AppError('ATTACHMENT_EMPTY');
  if (file.bytes.length > ATTACHMENT_MAX_BYTES) throw new AppError('ATTACHMENT_TOO_LARGE', { size: file.bytes.length, max: ATTACHMENT_MAX_BYTES });
  const { kind } = classify(file.filename, file.bytes);
  const filename = displayName(file.filename);
  return db.transaction(async (tx) => {
    const sha256 = createHash('sha256').update(file.bytes).digest('hex');
    const [row] = await tx
      .insert(attachments)
      .values({ reportId, filename, kind, size: file.bytes.length, sha256, content: file.bytes, createdBy: actor.userId, createdAt: now() })
      .returning({ id: attachments.id, filename: attachments.filename, kind: attachments.kind, size: attachments.size, createdAt: attachments.createdAt });
    await writeAudit(tx, actor, { action: 'report.attach', entityType: 'report', entityId: reportId, planId: r.planId, after: { attachmentId: row.id, filename, kind, size: row.size, sha256 } });
    return row;
  });
}

export async function removeAttachment({ db, actor }: OpContext, attachmentId: number) {
  const [a] = await db.select({ id: attachments.id, reportId: attachments.reportId, filename: attachments.filename }).from(attachments).where(eq(attachments.id, attachmentId));
  if (!a) throw new AppError('NOT_FOUND');
  const { r } = await getVisibleReport(db, actor, a.reportId);
  // attachments are part of the report's content: whoever may save it, while a save may (draft or returned)
  requireReportActor('save', { ofUnit: actor.unitId === r.unitId, unitHead: actor.roles.includes('unit_head'), office: false });
  if (!reportEditable(r.status)) throw new AppError('REPORT_NOT_EDITABLE', { status: r.status });
  await db.transaction(async (tx) => {
    await tx.delete(attachments).where(eq(attachments.id, attachmentId));
    await writeAudit(tx, actor, { action: 'report.detach', entityType: 'report', entityId: a.reportId, planId: r.planId, before: { attachmentId, filename: a.filename } });
  });
}
