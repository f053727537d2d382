// Tables inside official documents: 五号 text, single-spaced, ruled on every side,
// header row repeated on each page so a long indicator table stays readable.
import {
  AlignmentType,
  BorderStyle,
  LineRuleType,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  VerticalAlign,
  WidthType,
} from 'docx';
import { fonts, page, run, sizes } from './gb.js';

export interface CellSpec {
  text: string;
  bold?: boolean;
  align?: 'left' | 'center' | 'right';
  span?: number;
  fill?: string; // hex without '#'
}

const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const borders = { top: border, bottom: border, left: border, right: border };

function cell(spec: CellSpec, width: number, header: boolean): TableCell {
  const align = spec.align ?? (header ? 'center' : 'left');
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    columnSpan: spec.span,
    verticalAlign: VerticalAlign.CENTER,
    borders,
    margins: { left: 40, right: 40, top: 20, bottom: 20 },
    shading: spec.fill ? { type: ShadingType.CLEAR, color: 'auto', fill: spec.fill } : undefined,
    children: [
      new Paragraph({
        alignment: align === 'center' ? AlignmentType.CENTER : align === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        spacing: { line: 300, lineRule: LineRuleType.AUTO },
        // "\n" in a cell is a line break: headers like 基期值/(2020年) stay narrow
        children: spec.text.split('\n').map((part, i) => run(part, header || spec.bold ? fonts.hei : fonts.body, sizes.wu, i ? { break: 1 } : {})),
      }),
    ],
  });
}

/** `weights` split the type-area width between the columns. */
export function officialTable(headers: string[], rows: CellSpec[][], weights: number[]): Table {
  const total = weights.reduce((a, b) => a + b, 0);
  const widths = weights.map((w) => Math.floor((page.textWidth * w) / total));
  const widthAt = (i: number, span = 1) => widths.slice(i, i + span).reduce((a, b) => a + b, 0);
  const toRow = (cells: CellSpec[], header: boolean) => {
    let col = 0;
    return new TableRow({
      tableHeader: header,
      cantSplit: true,
      children: cells.map((c) => {
        const w = widthAt(col, c.span ?? 1);
        col += c.span ?? 1;
        return cell(c, w, header);
      }),
    });
  };
  return new Table({
    width: { size: page.textWidth, type: WidthType.DXA },
    columnWidths: widths,
    alignment: AlignmentType.CENTER,
    rows: [toRow(headers.map((text) => ({ text })), true), ...rows.map((r) => toRow(r, false))],
  });
}

/** GB tables carry a 表N caption; it sits centred above the table in 黑体. */
export function tableCaption(text: string): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { before: 120, after: 60, line: 400, lineRule: LineRuleType.AUTO },
    keepNext: true,
    children: [run(text, fonts.hei, sizes.xiaosi)],
  });
}
