import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { Document, Packer, Paragraph } from 'docx';
import ExcelJS from 'exceljs';
import { decodeInput } from '../../server/parser/decode.js';
import { htmlToText } from '../../server/parser/html.js';
import { parsePlan } from '../../server/parser/index.js';
import { AppError } from '../../shared/errors.js';

const utf8 = (s: string) => new TextEncoder().encode(s);
async function code(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'no error';
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    return (e as AppError).code;
  }
}

/** A one-page PDF; `text` null gives a page with no text layer, like a scan. */
function pdf(text: string | null): Uint8Array {
  const content = text === null ? '0 0 m 100 100 l S' : `BT /F1 24 Tf 72 700 Td (${text}) Tj ET`;
  const objs = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objs.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objs.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return utf8(out);
}

describe('decodeInput: text encodings', () => {
  it('reads UTF-8 with and without BOM', async () => {
    expect(await decodeInput(utf8('一、总体要求'), 'a.txt')).toEqual({ text: '一、总体要求', format: 'txt', encoding: 'utf-8' });
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('一、总体要求')]);
    expect(await decodeInput(bom, 'a.txt')).toMatchObject({ text: '一、总体要求', encoding: 'utf-8-bom' });
  });

  it('detects GB18030/GBK and UTF-16', async () => {
    const gbk = iconv.encode('重庆市永川区城市更新提升行动计划(牵头单位:区住房城乡建委)', 'gbk');
    expect(await decodeInput(new Uint8Array(gbk), 'plan.txt')).toMatchObject({ text: '重庆市永川区城市更新提升行动计划(牵头单位:区住房城乡建委)', encoding: 'gb18030' });
    const u16 = iconv.encode('\ufeff规划纲要', 'utf-16le');
    expect((await decodeInput(new Uint8Array(u16), 'plan.txt')).text).toBe('规划纲要');
  });
});

describe('decodeInput: refusals with stable codes', () => {
  it('too large, empty, binary', async () => {
    expect(await code(decodeInput(new Uint8Array(20 * 1024 * 1024 + 1), 'big.txt'))).toBe('IMPORT_TOO_LARGE');
    expect(await code(decodeInput(new Uint8Array(0), 'a.txt'))).toBe('IMPORT_EMPTY');
    expect(await code(decodeInput(utf8(' \n\t\n'), 'a.txt'))).toBe('IMPORT_EMPTY');
    const bin = new Uint8Array(4096).map((_, i) => (i * 37) % 256);
    expect(await code(decodeInput(bin, 'a.txt'))).toBe('IMPORT_BINARY');
    expect(await code(decodeInput(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 13, 10, 26, 10, 0, 0]), 'scan.png'))).toBe('IMPORT_BINARY');
  });

  it('corrupt and unsupported files', async () => {
    expect(await code(decodeInput(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5]), 'a.docx'))).toBe('IMPORT_CORRUPT');
    expect(await code(decodeInput(utf8('这不是 Word 文件'), 'a.docx'))).toBe('IMPORT_CORRUPT');
    expect(await code(decodeInput(utf8('%PDF-1.4\n这不是完整的 PDF'), 'a.pdf'))).toBe('IMPORT_CORRUPT');
    expect(await code(decodeInput(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), 'old.doc'))).toBe('IMPORT_UNSUPPORTED_FORMAT');
  });

  it('a PDF without a text layer is IMPORT_NO_TEXT; with one it is read', async () => {
    expect(await code(decodeInput(pdf(null), 'scan.pdf'))).toBe('IMPORT_NO_TEXT');
    const d = await decodeInput(pdf('Plan 2025 task list'), 'plan.pdf');
    expect(d.format).toBe('pdf');
    expect(d.text).toContain('Plan 2025 task list');
  });
});

describe('decodeInput: documents', () => {
  it('reads .docx paragraphs', async () => {
    const doc = new Document({ sections: [{ children: ['一、重点任务', '(一)推进老旧小区改造。完成改造。(牵头单位:区住房城乡建委)'].map((t) => new Paragraph(t)) }] });
    const bytes = new Uint8Array(await Packer.toBuffer(doc));
    const d = await decodeInput(bytes, '方案.docx');
    expect(d.format).toBe('docx');
    const plan = await parsePlan(bytes, '方案.docx');
    expect(plan.meta.format).toBe('docx');
    expect(plan.tasks[0].lead[0].name).toBe('区住房城乡建委');
    expect(d.text.slice(plan.tasks[0].lead[0].source!.start, plan.tasks[0].lead[0].source!.end)).toBe('区住房城乡建委');
  });

  it('reads .xlsx task tables as tab-separated rows', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('任务清单');
    ws.addRow(['序号', '重点任务', '牵头单位', '责任单位', '完成时限']);
    ws.addRow([1, '实施城市体检', '区住房城乡建委', '区统计局、区规划自然资源局', '2024年6月底前']);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const plan = await parsePlan(bytes, 'tasks.xlsx');
    expect(plan.meta.format).toBe('xlsx');
    expect(plan.tasks.map((t) => [t.title, t.lead.map((u) => u.raw), t.responsible.length, t.deadline])).toEqual([['实施城市体检', ['区住房城乡建委'], 2, '2024-06']]);
  });

  it('reads HTML: drops scripts, navigation and footer, keeps paragraphs', async () => {
    const html = `<!DOCTYPE html><html><head><title>网页标题</title><script>var x = "(牵头单位:假)";</script><style>p{}</style></head>
<body><nav><a href="/">首页</a> &gt; 政策</nav><div class="breadcrumb">当前位置</div>
<h1>某区行动计划</h1><p>一、重点任务</p><p>(一)推进改造。完成任务&nbsp;&ldquo;两城&rdquo;。(牵头单位:区住房城乡建委)</p>
<table><tr><td>序号</td><td>任务</td></tr></table><footer>版权所有 &copy; 2024</footer></body></html>`;
    const d = await decodeInput(utf8(html), 'page.html');
    expect(d.format).toBe('html');
    expect(d.text).not.toContain('假');
    expect(d.text).not.toContain('版权所有');
    expect(d.text).not.toContain('首页');
    expect(d.text).toContain('某区行动计划\n');
    expect(d.text).toContain('完成任务 “两城”。');
    expect(htmlToText('<p>a</p><p>b</p>')).toBe('a\n\nb');
    const gb = iconv.encode(html, 'gbk');
    expect((await decodeInput(new Uint8Array(gb), 'page.htm')).text).toContain('一、重点任务');
  });
});
