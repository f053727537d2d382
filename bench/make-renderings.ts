// Word and PDF renderings of corpus documents 000, 002 and 004, made the way real ones are made:
// a .docx with real Word structure (one paragraph per line of the text, first-line indents instead of
// leading spaces, headings, bookmarks, tables with rows, cells and merged cells, a page-number footer),
// then a PDF printed from that .docx by LibreOffice. The files are committed under
// test/parser/fixtures/renderings/ so the tests (test/parser/renderings.test.ts) need no LibreOffice.
//
// Run: npx tsx bench/make-renderings.ts [--no-pdf]
// Needs: the corpus at /work/shared/corpus (or LUOSHI_CORPUS), and for the PDFs LibreOffice
// (Debian: apt-get install --no-install-recommends libreoffice-writer fonts-noto-cjk), which is called as
//   soffice --headless -env:UserInstallation=file:///tmp/… --convert-to pdf --outdir DIR FILE.docx
// Made with LibreOffice 7.4 (Debian 12), fonts-noto-cjk standing in for 仿宋_GB2312/黑体.
//
// How each document is laid out (what the .txt shows, as Word holds it):
// - every non-empty line is one Word paragraph; leading spaces become a first-line indent of two
//   characters, a line pushed far right (the issuer's name) is right-aligned. So 000's responsibility
//   notes "(牵头单位:X;" ⏎ "责任单位:Y)" are two paragraphs, as in the Word files that reach the office;
// - 004's "[bookmark: _Toc…]" tags are real bookmarks, its 第…章 / 第…节 lines Heading 1 / Heading 2; its text
//   came out of Word (Tika-style: a line per paragraph, an empty paragraph per blank line), so its blank lines
//   are empty paragraphs and its body paragraphs get back the two-character first-line indent the
//   conversion dropped; captions (表N, 专栏N) are centred;
// - 004's tables (flattened in the .txt to one tab-indented cell per line, rows parted by blank lines,
//   a cell's second paragraph on an unindented line) become Word tables. Table 1's group rows
//   ("6 创新效率" followed by "#…" rows with an empty 序号) merge the 序号 cell down over their rows;
//   Table 2's category rows ("一 综合发展质效") merge the name across the four value columns. The
//   专栏 boxes are one-cell tables holding their paragraphs;
// - A4, GB/T 9704 margins, body 16 pt at a fixed 28 pt line, tables 10.5 pt; a centred "— N —" page
//   number in the footer; 004 also carries its title as a running head (page furniture the PDF reader
//   must drop).
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  AlignmentType,
  Bookmark,
  Document,
  Footer,
  Header,
  HeadingLevel,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type ISectionOptions,
} from 'docx';

const here = path.dirname(fileURLToPath(import.meta.url));
export const CORPUS = process.env.LUOSHI_CORPUS ?? path.resolve(here, '../../shared/corpus');
export const OUT = path.resolve(here, '../test/parser/fixtures/renderings');
export const DOCS = {
  '000': '000_72a228d2becc53a7',
  '002': '002_a8cf94ceb730f871',
  '004': '004_daddf72c7a72a405',
} as const;

const BODY_PT = 16;
const TABLE_PT = 10.5;
const TEXT_WIDTH = 11906 - 1588 - 1474; // A4 width minus GB/T 9704 left/right margins, in twips
const FONT = { ascii: 'Times New Roman', eastAsia: '仿宋_GB2312', hAnsi: 'Times New Roman' };

type Block =
  | { kind: 'p'; text: string; indent: boolean; right: boolean; bookmark: string | null; heading: 1 | 2 | null }
  | { kind: 'empty'; bookmark: string | null }
  | { kind: 'table'; rows: string[][][] }; // rows → cells → paragraphs

/** "[bookmark: _Toc123]" tags at the start of a line: the bookmark names and the rest of the line */
function bookmarks(line: string): { names: string[]; rest: string } {
  const names: string[] = [];
  const rest = line.replace(/\[bookmark: ([^\]]+)\]/g, (_, n: string) => {
    names.push(n);
    return '';
  });
  return { names, rest };
}

/** The corpus text as Word blocks. Tab-indented regions are tables (see the header comment). */
export function toBlocks(text: string, opts: { headings: boolean; spacers: boolean; indentAll: boolean }): Block[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const out: Block[] = [];
  let pendingBookmark: string | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.startsWith('\t')) {
      // a table region: rows parted by blank lines, a cell per tab line, unindented lines continue a cell
      const rows: string[][][] = [];
      let row: string[][] = [];
      let j = i;
      for (; j < lines.length; j++) {
        const l = lines[j];
        if (l.trim() === '' && !l.includes('\t')) {
          if (row.length) rows.push(row);
          row = [];
          const next = lines.slice(j + 1).find((x) => x.trim() !== '' || x.includes('\t'));
          if (next === undefined || !next.startsWith('\t')) break;
          continue;
        }
        if (l.startsWith('\t')) row.push([l.slice(1).trim()]);
        // an unindented line goes on with the cell above; an indented one, a bookmark or a heading is
        // the body text after the table (the flattening left no blank line before it)
        else if (row.length && !/^[ \u3000]|^\[bookmark:|^第[一二三四五六七八九十百]+[章节]/.test(l)) row[row.length - 1].push(l.trim());
        else break;
      }
      if (row.length) rows.push(row);
      out.push({ kind: 'table', rows: rows.map((r) => r.map((c) => c.filter((p, k) => p !== '' || k === 0))) });
      i = lines[j]?.trim() && !lines[j].startsWith('\t') ? j - 1 : j;
      continue;
    }
    const { names, rest } = bookmarks(line);
    const body = rest.replace(/^[ \u3000\u00a0]+/, '');
    if (!body.trim()) {
      // a Word file converted to text writes its empty paragraphs as blank lines: with `spacers` a blank
      // line is an empty paragraph (a bookmark on it stays there), otherwise paragraph spacing
      if (opts.spacers) out.push({ kind: 'empty', bookmark: names[0] ?? null });
      else if (names.length) pendingBookmark = names[0];
      continue;
    }
    const lead = rest.length - body.length;
    const heading = opts.headings ? (/^第[一二三四五六七八九十百]+章/.test(body) ? 1 : /^第[一二三四五六七八九十百]+节/.test(body) ? 2 : null) : null;
    // a Word file typed in an office indents every body paragraph by two characters; 004's text lost the
    // indents in its conversion (000's kept them as spaces), so its body paragraphs get them back
    const indent = opts.indentAll ? !heading && lead < 8 && !/^(?:专栏|表)\s*\d/.test(body) : lead > 0 && lead < 8;
    out.push({ kind: 'p', text: body.trimEnd(), indent, right: lead >= 8, bookmark: names[0] ?? pendingBookmark, heading });
    pendingBookmark = null;
  }
  return out;
}

const run = (text: string, size: number, bold = false) => new TextRun({ text, size: size * 2, bold, font: FONT });

function paragraph(b: Extract<Block, { kind: 'p' }>): Paragraph {
  const size = b.heading === 1 ? 16 : BODY_PT;
  const children = b.bookmark ? [new Bookmark({ id: b.bookmark, children: [run(b.text, size, !!b.heading)] })] : [run(b.text, size, !!b.heading)];
  return new Paragraph({
    children,
    heading: b.heading === 1 ? HeadingLevel.HEADING_1 : b.heading === 2 ? HeadingLevel.HEADING_2 : undefined,
    // table and box captions ("表1：…", "专栏1 …") are centred, as Word files set them
    alignment: b.right ? AlignmentType.RIGHT : b.heading === 1 || /^(?:专栏|表)\s*\d/.test(b.text) ? AlignmentType.CENTER : AlignmentType.JUSTIFIED,
    indent: b.indent ? { firstLine: BODY_PT * 2 * 20 } : undefined,
    spacing: { line: 28 * 20, lineRule: 'exact' as never },
  });
}

const cellParas = (paras: string[], bold = false) =>
  paras.map((t) => new Paragraph({ children: [run(t, TABLE_PT, bold)], alignment: AlignmentType.CENTER }));

/** A data table: merged 序号 down a group's rows, merged category names across the value columns. */
function dataTable(rows: string[][][]): Table {
  const cols = Math.max(...rows.map((r) => r.length));
  const widths = cols === 5 ? [700, 3844, 1200, 1500, 1600] : Array(cols).fill(Math.floor(TEXT_WIDTH / cols));
  const empty = (c: string[] | undefined) => !c || c.every((p) => p.trim() === '');
  const out: TableRow[] = [];
  for (let r = 0; r < rows.length; r++) {
    const cells = rows[r];
    const valuesEmpty = cells.length === cols && cells.slice(2).every(empty) && !empty(cells[1]);
    // a group row ("6 创新效率") whose following rows have no 序号: merge 序号 down over them
    let down = 0;
    if (valuesEmpty && !empty(cells[0])) while (r + 1 + down < rows.length && empty(rows[r + 1 + down][0]) && !empty(rows[r + 1 + down][1])) down++;
    const category = valuesEmpty && down === 0 && /^[一二三四五六七八九十]+$/.test(cells[0][0] ?? '');
    const tcs: TableCell[] = [];
    const head = r === 0;
    for (let c = 0; c < cells.length; c++) {
      if (category && c > 1) break;
      tcs.push(
        new TableCell({
          children: cellParas(cells[c], head),
          width: { size: category && c === 1 ? widths.slice(1).reduce((a, b) => a + b, 0) : widths[c], type: WidthType.DXA },
          rowSpan: c === 0 && down ? down + 1 : undefined,
          columnSpan: category && c === 1 ? cols - 1 : undefined,
          verticalAlign: VerticalAlign.CENTER,
        }),
      );
    }
    out.push(new TableRow({ children: tcs, tableHeader: head || undefined }));
    // the rows under a merged 序号 carry their cells without the first one
    for (let k = 1; k <= down; k++) {
      const sub = rows[r + k];
      out.push(
        new TableRow({
          children: sub.slice(1).map((p, c) => new TableCell({ children: cellParas(p), width: { size: widths[c + 1], type: WidthType.DXA }, verticalAlign: VerticalAlign.CENTER })),
        }),
      );
    }
    r += down;
  }
  return new Table({ rows: out, width: { size: TEXT_WIDTH, type: WidthType.DXA }, columnWidths: widths });
}

/** A 专栏 box: one cell holding its paragraphs, left-aligned at body size minus two points */
function boxTable(paras: string[]): Table {
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [TEXT_WIDTH],
    rows: [
      new TableRow({
        children: [
          new TableCell({
            width: { size: TEXT_WIDTH, type: WidthType.DXA },
            children: paras.map((t) => new Paragraph({ children: [run(t, 14)], indent: { firstLine: 14 * 2 * 20 }, spacing: { line: 24 * 20, lineRule: 'exact' as never } })),
          }),
        ],
      }),
    ],
  });
}

export async function makeDocx(key: keyof typeof DOCS): Promise<Buffer> {
  const text = readFileSync(path.join(CORPUS, `${DOCS[key]}.txt`), 'utf8');
  const blocks = toBlocks(text, { headings: key === '004', spacers: key === '004', indentAll: key === '004' });
  const children = blocks.map((b) =>
    b.kind === 'p'
      ? paragraph(b)
      : b.kind === 'empty'
        ? new Paragraph({ children: b.bookmark ? [new Bookmark({ id: b.bookmark, children: [] })] : [], spacing: { line: 28 * 20, lineRule: 'exact' as never } })
        : b.rows.length === 1 && b.rows[0].length === 1
          ? boxTable(b.rows[0][0])
          : dataTable(b.rows),
  );
  const footer = new Footer({
    children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], size: 28, font: FONT })] })],
  });
  const header =
    key === '004'
      ? new Header({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [run('重庆市永川区国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要', 10.5)] })] })
      : undefined;
  const section: ISectionOptions = {
    properties: {
      page: {
        size: { width: 11906, height: 16838 },
        margin: { top: 2098, bottom: 1984, left: 1588, right: 1474, header: 851, footer: 992 },
      },
    },
    headers: header ? { default: header } : undefined,
    footers: { default: footer },
    children,
  };
  const doc = new Document({
    creator: 'luoshi bench/make-renderings.ts',
    title: DOCS[key],
    styles: { default: { document: { run: { font: FONT, size: BODY_PT * 2 } } } },
    sections: [section],
  });
  return Packer.toBuffer(doc);
}

function soffice(args: string[]): void {
  const profile = mkdtempSync(path.join(tmpdir(), 'lo-profile-'));
  try {
    execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', ...args], { stdio: 'inherit', timeout: 300_000 });
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

async function main() {
  const pdf = !process.argv.includes('--no-pdf');
  mkdirSync(OUT, { recursive: true });
  for (const key of Object.keys(DOCS) as (keyof typeof DOCS)[]) {
    const file = path.join(OUT, `${key}.docx`);
    writeFileSync(file, await makeDocx(key));
    console.log('wrote', path.relative(process.cwd(), file));
    if (pdf) {
      soffice(['--convert-to', 'pdf', '--outdir', OUT, file]);
      if (!existsSync(path.join(OUT, `${key}.pdf`))) throw new Error(`LibreOffice made no ${key}.pdf`);
    }
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
