// decodeInput: bytes of an upload → text. Format is sniffed from the bytes first (a
// renamed file is still what its bytes say), the extension only breaks ties. Anything
// that is not a readable document becomes an AppError with a stable IMPORT_* code.
import iconv from 'iconv-lite';
import { createRequire } from 'node:module';
import { AppError } from '../../shared/errors.js';
import { htmlToText } from './html.js';
import { checkChars, checkExpandedSize, limits, tooComplex } from './limits.js';
import { pdfPagesToText, readPdfPage, type PdfPage } from './pdfText.js';

export type InputFormat = 'txt' | 'docx' | 'pdf' | 'html' | 'xlsx';
export interface DecodedInput {
  text: string;
  format: InputFormat;
  encoding: string;
}

export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

const startsWith = (b: Uint8Array, sig: number[]) => sig.every((x, i) => b[i] === x);
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d];
const OLE = [0xd0, 0xcf, 0x11, 0xe0];
// images, archives and media: clearly not documents we read
const OTHER_BINARY = [[0x89, 0x50, 0x4e, 0x47], [0xff, 0xd8, 0xff], [0x47, 0x49, 0x46, 0x38], [0x52, 0x61, 0x72, 0x21], [0x1f, 0x8b], [0x37, 0x7a, 0xbc, 0xaf], [0x7f, 0x45, 0x4c, 0x46], [0x4d, 0x5a]];

export async function decodeInput(bytes: Uint8Array, filename: string): Promise<DecodedInput> {
  if (bytes.byteLength > MAX_IMPORT_BYTES) throw new AppError('IMPORT_TOO_LARGE', { size: bytes.byteLength });
  if (bytes.byteLength === 0) throw new AppError('IMPORT_EMPTY');
  const ext = (/\.([a-z0-9]+)$/i.exec(filename)?.[1] ?? '').toLowerCase();
  const out = await decodeBytes(bytes, ext);
  checkChars(out.text);
  return out;
}

async function decodeBytes(bytes: Uint8Array, ext: string): Promise<DecodedInput> {
  if (startsWith(bytes, ZIP)) {
    checkExpandedSize(bytes);
    const head = latin1(bytes.subarray(0, Math.min(bytes.length, 1 << 16)));
    if (head.includes('xl/') || ext === 'xlsx') return decodeXlsx(bytes);
    if (head.includes('word/') || ext === 'docx') return decodeDocx(bytes);
    throw new AppError('IMPORT_UNSUPPORTED_FORMAT', { format: 'zip' });
  }
  if (startsWith(bytes, PDF) || (ext === 'pdf' && latin1(bytes.subarray(0, 1024)).includes('%PDF-'))) return decodePdf(bytes);
  if (startsWith(bytes, OLE)) throw new AppError('IMPORT_UNSUPPORTED_FORMAT', { format: ext === 'xls' ? 'xls' : 'doc' });
  if (OTHER_BINARY.some((sig) => startsWith(bytes, sig))) throw new AppError('IMPORT_BINARY');
  // a .docx or .pdf whose bytes are neither: damaged or mislabelled
  if (ext === 'docx' || ext === 'pdf' || ext === 'xlsx') throw new AppError('IMPORT_CORRUPT', { expected: ext });

  const { text, encoding } = decodeText(bytes);
  checkChars(text);
  const isHtml = ext === 'html' || ext === 'htm' || /^\s*(<!doctype html|<html|<head|<meta|<body)/i.test(text.slice(0, 1000));
  if (isHtml) {
    const out = htmlToText(text);
    if (!out.trim()) throw new AppError('IMPORT_NO_TEXT', { format: 'html' });
    return { text: out, format: 'html', encoding };
  }
  if (!text.trim()) throw new AppError('IMPORT_EMPTY');
  return { text, format: 'txt', encoding };
}

function latin1(b: Uint8Array): string {
  return Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('latin1');
}

/** UTF-8 (with or without BOM), UTF-16 with BOM, else GB18030 (a superset of GBK/GB2312). */
export function decodeText(bytes: Uint8Array): { text: string; encoding: string } {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (startsWith(bytes, [0xff, 0xfe])) return { text: iconv.decode(buf, 'utf-16le'), encoding: 'utf-16le' };
  if (startsWith(bytes, [0xfe, 0xff])) return { text: iconv.decode(buf, 'utf-16be'), encoding: 'utf-16be' };
  if (looksBinary(bytes)) throw new AppError('IMPORT_BINARY');
  const bom = startsWith(bytes, [0xef, 0xbb, 0xbf]);
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bom ? bytes.subarray(3) : bytes);
    return { text, encoding: bom ? 'utf-8-bom' : 'utf-8' };
  } catch {
    // not UTF-8: Chinese government text that is not UTF-8 is GB-family in practice
  }
  // loaded only for text that is not UTF-8: it costs a seventh of a second at start-up
  const jschardet = createRequire(import.meta.url)('jschardet') as typeof import('jschardet');
  const guess = jschardet.detect(buf.subarray(0, 65536));
  const enc = /big5/i.test(guess.encoding ?? '') && guess.confidence > 0.8 ? 'big5' : 'gb18030';
  const text = iconv.decode(buf, enc);
  const bad = (text.match(/\ufffd/g) ?? []).length;
  if (bad > Math.max(10, text.length * 0.05)) throw new AppError('IMPORT_BINARY');
  return { text, encoding: enc };
}

/** NUL bytes or many control characters in the first 8 KB: not a text file. */
function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  let ctl = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b === 0) return true;
    if (b < 9 || (b > 13 && b < 32 && b !== 27)) ctl++;
  }
  return ctl > n * 0.02;
}

async function decodeDocx(bytes: Uint8Array): Promise<DecodedInput> {
  const mammoth = (await import('mammoth')).default;
  let value: string;
  try {
    // the HTML conversion keeps tables (rows, merged cells as rowspan/colspan) and soft line breaks
    // (<br>), which extractRawText flattens; the text read from it is the docx's decoded text
    // empty paragraphs are kept: a file spaced with them (Enter pressed twice) has its blank lines there
    const { value: html } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) }, { ignoreEmptyParagraphs: false });
    if (html.length > limits.chars * 4) throw tooComplex('chars', html.length, limits.chars * 4);
    value = htmlToText(html, { word: true });
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError('IMPORT_CORRUPT', { format: 'docx', reason: String((e as Error)?.message ?? e).slice(0, 200) });
  }
  if (!value.trim()) throw new AppError('IMPORT_EMPTY', { format: 'docx' });
  return { text: value, format: 'docx', encoding: 'utf-8' };
}

async function decodePdf(bytes: Uint8Array): Promise<DecodedInput> {
  const { getDocumentProxy, getResolvedPDFJS } = await import('unpdf');
  let pages: PdfPage[];
  try {
    // pdf.js may detach the buffer it is given: hand it a copy
    // verbosity 0: pdf.js prints its font warnings on stdout, which would corrupt `luoshi parse --json`
    const pdf = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 });
    if (pdf.numPages > limits.pdfPages) throw tooComplex('pdfPages', pdf.numPages, limits.pdfPages);
    const { OPS } = await getResolvedPDFJS();
    pages = [];
    // positioned text items and drawn rules per page: lines, paragraphs and table rows are rebuilt from them
    for (let n = 1; n <= pdf.numPages; n++) pages.push(await readPdfPage(await pdf.getPage(n), OPS as unknown as Record<string, number>));
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError('IMPORT_CORRUPT', { format: 'pdf', reason: String((e as Error)?.message ?? e).slice(0, 200) });
  }
  // a scan has pages but (almost) no characters in its text layer
  const chars = pages.reduce((n, p) => n + p.items.reduce((m, i) => m + i.str.replace(/\s/g, '').length, 0), 0);
  if (chars < Math.max(10, pages.length * 5)) throw new AppError('IMPORT_NO_TEXT', { pages: pages.length });
  const text = pdfPagesToText(pages);
  return { text, format: 'pdf', encoding: 'utf-8' };
}

async function decodeXlsx(bytes: Uint8Array): Promise<DecodedInput> {
  const ExcelJS = (await import('exceljs')).default;
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer);
  } catch (e) {
    throw new AppError('IMPORT_CORRUPT', { format: 'xlsx', reason: String((e as Error)?.message ?? e).slice(0, 200) });
  }
  // each row becomes one line of tab-separated cells: the task-table reader understands that layout
  const out: string[] = [];
  const rows = wb.worksheets.reduce((n, w) => n + w.rowCount, 0);
  if (rows > limits.sheetRows) throw tooComplex('sheetRows', rows, limits.sheetRows);
  wb.eachSheet((sheet) => {
    out.push(sheet.name);
    sheet.eachRow({ includeEmpty: false }, (row) => {
      const cells: string[] = [];
      for (let c = 1; c <= row.cellCount; c++) cells.push(String(row.getCell(c).text ?? '').replace(/\s*\n\s*/g, ' ').trim());
      out.push(cells.join('\t'));
    });
    out.push('');
  });
  const text = out.join('\n');
  if (!text.replace(/\s/g, '').length) throw new AppError('IMPORT_EMPTY', { format: 'xlsx' });
  return { text, format: 'xlsx', encoding: 'utf-8' };
}
