// GB/T 9704-2012 (党政机关公文格式) measures and paragraph kinds. Word has no
// font fallback list, so each run names the GB font for East Asian text and a
// Latin font for digits; Word substitutes a close font where one is missing.
import { AlignmentType, LineRuleType, Paragraph, TextRun, type IRunOptions, type ParagraphChild } from 'docx';
import { charWidth } from './chinese.js';

export const mm = (v: number): number => Math.round((v * 1440) / 25.4);
export const pt = (v: number): number => v * 20; // twips
export const half = (v: number): number => v * 2; // docx run size is in half-points

export const fonts = {
  title: '方正小标宋简体',
  body: '仿宋_GB2312',
  hei: '黑体',
  kai: '楷体_GB2312',
  song: '宋体',
  latin: 'Times New Roman',
} as const;

/** 号 → pt */
export const sizes = { er: 22, san: 16, si: 14, xiaosi: 12, wu: 10.5 } as const;

export const page = {
  width: mm(210),
  height: mm(297),
  top: mm(37),
  bottom: mm(35),
  left: mm(28),
  right: mm(26),
  /** page number sits about 7 mm below the type area */
  footer: mm(24),
  textWidth: mm(210 - 28 - 26),
} as const;

/** 22 lines of 28 characters fill the type area at a fixed 28.95 pt pitch */
export const bodyLine = { line: 579, lineRule: LineRuleType.EXACT } as const;
// No linesAndChars document grid (which would give exactly 28 characters a line):
// LibreOffice, and so some WPS versions, spread every character over two grid cells.
const indent2 = { firstLine: pt(sizes.san * 2) };

export function run(text: string, font: string, sizePt: number, extra: Partial<IRunOptions> = {}): TextRun {
  return new TextRun({
    text,
    font: { eastAsia: font, ascii: font === fonts.body ? fonts.latin : font, hAnsi: font === fonts.body ? fonts.latin : font, hint: 'eastAsia' },
    size: half(sizePt),
    ...extra,
  } as IRunOptions);
}

export const bodyRun = (text: string, extra: Partial<IRunOptions> = {}): TextRun => run(text, fonts.body, sizes.san, extra);

export function titleParagraph(text: string): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { line: pt(35), lineRule: LineRuleType.EXACT },
    children: [run(text, fonts.title, sizes.er)],
  });
}

export function blankLine(): Paragraph {
  return new Paragraph({ spacing: bodyLine, children: [bodyRun('')] });
}

export function bodyParagraph(content: string | ParagraphChild[]): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    spacing: bodyLine,
    indent: indent2,
    children: typeof content === 'string' ? [bodyRun(content)] : content,
  });
}

/** 一、 黑体; (一) 楷体; 1. and (1) in the body font, as GB/T 9704 orders them. */
export function heading(level: 1 | 2 | 3 | 4, text: string): Paragraph {
  const font = level === 1 ? fonts.hei : level === 2 ? fonts.kai : fonts.body;
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    spacing: bodyLine,
    indent: indent2,
    keepNext: true,
    children: [run(text, font, sizes.san)],
  });
}

export function centeredParagraph(text: string, font: string = fonts.body, sizePt: number = sizes.san): Paragraph {
  return new Paragraph({ alignment: AlignmentType.CENTER, spacing: bodyLine, children: [run(text, font, sizePt)] });
}

/**
 * 发文机关署名 centred over 成文日期, the date 右空四字 (GB/T 9704-2012 7.3.5.2):
 * both lines are right-aligned and the office gets the indent that centres it over the date.
 */
export function signatureBlock(office: string, date: string): Paragraph[] {
  const charTwips = pt(sizes.san);
  const dateIndent = 4 * charTwips;
  const officeIndent = Math.max(0, Math.round(dateIndent + ((charWidth(date) - charWidth(office)) / 2) * charTwips));
  const line = (text: string, right: number) =>
    new Paragraph({ alignment: AlignmentType.RIGHT, spacing: bodyLine, indent: { right }, children: [bodyRun(text)] });
  return [line(office, officeIndent), line(date, dateIndent)];
}
