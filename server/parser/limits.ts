// Caps on what an upload may expand to. A small file can hold a great deal (a 1 MB .docx with 300 MB of
// paragraphs, a 2,000-page PDF, a million-row sheet): each cap is checked before or while the expensive
// reading happens, and exceeding one is IMPORT_TOO_COMPLEX. The worker's heap and time caps
// (worker/pool.ts) catch whatever slips past these. Every cap can be raised by an environment variable.
import { AppError } from '../../shared/errors.js';

/** a positive number from the environment, or the default */
export const num = (name: string, dflt: number) => {
  const v = Number(process.env[name]);
  return Number.isFinite(v) && v > 0 ? v : dflt;
};

export const limits = {
  /** one zip entry (word/document.xml, a worksheet) once inflated */
  zipEntryBytes: num('LUOSHI_IMPORT_MAX_ENTRY_MB', 64) * 1024 * 1024,
  /** all zip entries together once inflated */
  zipTotalBytes: num('LUOSHI_IMPORT_MAX_EXPANDED_MB', 160) * 1024 * 1024,
  zipEntries: num('LUOSHI_IMPORT_MAX_ZIP_ENTRIES', 5000),
  pdfPages: num('LUOSHI_IMPORT_MAX_PDF_PAGES', 600),
  /** characters of decoded text: the longest real plans are a few hundred thousand */
  chars: num('LUOSHI_IMPORT_MAX_CHARS', 3_000_000),
  sheetRows: num('LUOSHI_IMPORT_MAX_ROWS', 50_000),
};

export function tooComplex(what: string, value: number, max: number): AppError {
  return new AppError('IMPORT_TOO_COMPLEX', { what, value, max });
}

const ZIP_SIG = [0x50, 0x4b, 0x03, 0x04];

/**
 * The inflated sizes a zip (docx, xlsx) declares in its central directory. A zip that lies about them is
 * still held by the worker's heap cap; one that declares too much is refused before anything is inflated.
 */
export function checkExpandedSize(bytes: Uint8Array): void {
  if (!ZIP_SIG.every((x, i) => bytes[i] === x)) return;
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // end of central directory: signature 0x06054b50 within the last 64 KB + 22 bytes
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 65557); i--) {
    if (dv.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return; // not a readable zip: the decoder reports it as corrupt
  const entries = dv.getUint16(eocd + 10, true);
  let at = dv.getUint32(eocd + 16, true);
  if (entries > limits.zipEntries) throw tooComplex('zipEntries', entries, limits.zipEntries);
  let total = 0;
  for (let n = 0; n < entries && at + 46 <= bytes.length; n++) {
    if (dv.getUint32(at, true) !== 0x02014b50) break;
    const size = dv.getUint32(at + 24, true);
    if (size > limits.zipEntryBytes) throw tooComplex('zipEntryBytes', size, limits.zipEntryBytes);
    total += size;
    if (total > limits.zipTotalBytes) throw tooComplex('zipTotalBytes', total, limits.zipTotalBytes);
    at += 46 + dv.getUint16(at + 28, true) + dv.getUint16(at + 30, true) + dv.getUint16(at + 32, true);
  }
}

export function checkChars(text: string): void {
  if (text.length > limits.chars) throw tooComplex('chars', text.length, limits.chars);
}
