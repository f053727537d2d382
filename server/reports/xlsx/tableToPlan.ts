// A reviewed task-division preview → ParsedPlan (format 'xlsx'), so a table import goes
// through the same review and confirm as a document import. ParsedPlan.text is a
// rendering of the table, one row per line with cells joined by " | ", and every
// source points into it.
import { parsedPlanSchema, planTypeSchema, type OutlineNode, type ParsedPlan, type ParsedTask, type ParsedUnit, type ParseWarning, type Source } from '../../../shared/parsedPlan.js';
import { columnMappingSchema, type ColumnMapping, type TaskField } from '../../../shared/evaluation.js';
import { contextYearOf, parseDeadline } from '../../parser/deadline.js';
import { widthFold } from '../../parser/normalize.js';
import type { TaskDivisionPreview } from './taskDivisionImport.js';
import { parserUnitResolver } from './parserUnits.js';
import type { RegistryUnit } from '../../parser/types.js';

export const cellSeparator = ' | ';

export interface ToPlanOptions {
  title?: string;
  region?: string | null;
  /** the unit registry for name resolution; default: the parser's (server/data/units) */
  registry?: RegistryUnit[];
  /** replaces the parser's unit splitting altogether (tests, special tables) */
  resolveUnits?: (cell: string, cellStart: number) => ParsedUnit[];
}

interface RenderedLine {
  start: number;
  cellStarts: number[];
  cells: string[];
}

function render(lines: string[][]): { text: string; lines: RenderedLine[] } {
  let text = '';
  const out: RenderedLine[] = [];
  for (const cells of lines) {
    if (text) text += '\n';
    const start = text.length;
    const cellStarts: number[] = [];
    cells.forEach((c, i) => {
      if (i) text += cellSeparator;
      cellStarts.push(text.length);
      text += c;
    });
    out.push({ start, cellStarts, cells });
  }
  return { text, lines: out };
}

const markerPattern = /^(第[一二三四五六七八九十百]+[章节部分篇]|[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[)）]|\d+[.．、])\s*/;
const numerals: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

function markerNumber(marker: string): number | null {
  const digits = /\d+/.exec(marker);
  if (digits) return Number(digits[0]);
  const cn = marker.replace(/[^一二三四五六七八九十]/g, '');
  if (!cn) return null;
  if (cn === '十') return 10;
  const [tens, ones] = cn.includes('十') ? cn.split('十') : ['', cn];
  return (cn.includes('十') ? (tens ? numerals[tens] : 1) * 10 : 0) + (ones ? numerals[ones] ?? 0 : 0);
}

function splitMarker(text: string): { marker: string; title: string } {
  const m = markerPattern.exec(text);
  return m ? { marker: m[1], title: text.slice(m[0].length) } : { marker: '', title: text };
}

/** A short task title from its text: the first clause, as a reviewer would name it. */
function shortTitle(text: string): string {
  const first = text.split(/[。;；!！]/)[0];
  const t = first.length > 40 ? `${first.slice(0, 40)}…` : first;
  return splitMarker(t).title || t;
}

/** Date cells arrive as ISO text; everything else is read the way the document parser reads deadlines. */
function readDeadline(cell: string, contextYear: number | null): { deadline: string | null; understood: boolean } {
  const iso = /^(\d{4}-\d{2}(?:-\d{2})?)$/.exec(cell);
  if (iso) return { deadline: iso[1], understood: true };
  const d = parseDeadline(widthFold(cell), contextYear);
  return { deadline: d?.deadline ?? null, understood: d !== null };
}

function fieldColumns(mapping: ColumnMapping): Map<TaskField, number[]> {
  const cols = new Map<TaskField, number[]>();
  for (const [k, f] of Object.entries(mapping)) cols.set(f, [...(cols.get(f) ?? []), Number(k)].sort((a, b) => a - b));
  return cols;
}

function metaFromTitle(title: string) {
  const region = /^(?:重庆市)?([\u4e00-\u9fff]{2,4}?[区县])(?![\u4e00-\u9fff]*[级委局])/.exec(title)?.[1] ?? null;
  const type = planTypeSchema.options.find((t) => t !== '其他' && title.includes(t)) ?? null;
  const period = /(\d{4})\s*[-—–~至到]\s*(\d{4})\s*年/.exec(title);
  const single = /(\d{4})\s*年/.exec(title);
  return {
    region,
    type,
    periodStart: period ? Number(period[1]) : single ? Number(single[1]) : null,
    periodEnd: period ? Number(period[2]) : single ? Number(single[1]) : null,
  };
}

export function toParsedPlan(preview: TaskDivisionPreview, mapping: ColumnMapping = preview.mapping, opts: ToPlanOptions = {}): ParsedPlan {
  const map = Object.fromEntries(Object.entries(columnMappingSchema.parse(mapping)).map(([k, v]) => [Number(k), v])) as ColumnMapping;
  const cols = fieldColumns(map);
  const col = (f: TaskField) => cols.get(f)?.[0];

  const lines = [...preview.titleLines.map((t) => [t]), preview.headers, ...preview.rows.map((r) => r.cells)];
  const { text, lines: rendered } = render(lines);
  const title = opts.title ?? preview.titleLines[0] ?? preview.sheetName;
  const m = metaFromTitle(title);
  const region = opts.region ?? m.region;
  const contextYear = contextYearOf(title); // "6月底" in a 2025年 table is 2025-06
  const parserUnits = opts.resolveUnits ? null : parserUnitResolver(text, opts.registry, region);
  const resolveUnits = opts.resolveUnits ?? parserUnits!.resolve;
  const firstRow = preview.titleLines.length + 1;
  const lineOf = (i: number) => rendered[firstRow + i];
  const cellSource = (line: RenderedLine, c: number): Source => ({ start: line.cellStarts[c], end: line.cellStarts[c] + line.cells[c].length });
  const rowSource = (line: RenderedLine): Source => ({ start: line.start, end: line.start + line.cells.join(cellSeparator).length });

  const outline: OutlineNode[] = [];
  const tasks: ParsedTask[] = [];
  const warnings: ParseWarning[] = [];
  const notes: ParsedPlan['notes'] = [];
  let chapter: OutlineNode | null = null;
  let group: OutlineNode | null = null;
  let chapterRaw: string | null = null; // the 章节 cell that opened `chapter`
  const addNode = (kind: 'chapter' | 'section', raw: string, source: Source): OutlineNode => {
    const { marker, title } = splitMarker(raw);
    const node: OutlineNode = {
      id: `o${outline.length + 1}`,
      parentId: kind === 'section' ? chapter?.id ?? null : null,
      level: kind === 'section' && chapter ? 2 : 1,
      kind,
      marker,
      number: markerNumber(marker),
      title: title || raw,
      source,
    };
    outline.push(node);
    return node;
  };

  const chapterCol = col('chapter');
  const titleCol = col('title');
  const textCol = col('text');
  preview.rows.forEach((row, i) => {
    const line = lineOf(i);
    if (row.kind === 'note') {
      notes.push({ code: 'TABLE_NOTE', text: row.cells.find(Boolean) ?? '', source: rowSource(line) });
      return;
    }
    if (row.kind === 'heading') {
      const c = row.cells.findIndex(Boolean);
      chapter = addNode('chapter', row.cells[c], cellSource(line, c));
      chapterRaw = null;
      group = null;
      return;
    }
    const chapterCell = chapterCol !== undefined ? row.cells[chapterCol] : '';
    if (chapterCell && chapterCell !== chapterRaw) {
      chapter = addNode('chapter', chapterCell, cellSource(line, chapterCol!));
      chapterRaw = chapterCell;
      group = null;
    }
    const titleCell = titleCol !== undefined ? row.cells[titleCol] : '';
    const textCell = textCol !== undefined ? row.cells[textCol] : '';
    if (!titleCell && !textCell) return;
    // a 重点任务 merged over several 具体任务 rows is a group heading, not a task name
    const prev = preview.rows[i - 1];
    const next = preview.rows[i + 1];
    const sharedTitle = !!(titleCell && textCell && titleCol !== undefined && [prev, next].some((r) => r?.kind === 'task' && r.cells[titleCol] === titleCell));
    if (sharedTitle && prev?.cells[titleCol!] !== titleCell) group = addNode('section', titleCell, cellSource(line, titleCol!));
    if (!sharedTitle) group = null;

    const units = (f: TaskField) => (cols.get(f) ?? []).flatMap((c) => (row.cells[c] ? resolveUnits(row.cells[c], line.cellStarts[c]) : []));
    const lead = units('lead');
    const responsible = units('responsible');
    const cooperating = units('cooperating');
    const unitCols = (['lead', 'responsible', 'cooperating'] as TaskField[]).flatMap((f) => cols.get(f) ?? []).filter((c) => row.cells[c]);
    const unitsSource = unitCols.length ? { start: line.cellStarts[Math.min(...unitCols)], end: cellSource(line, Math.max(...unitCols)).end } : null;
    const deadlineCol = col('deadline');
    const deadlineText = deadlineCol !== undefined && row.cells[deadlineCol] ? row.cells[deadlineCol] : null;
    const { deadline, understood } = deadlineText ? readDeadline(deadlineText, contextYear) : { deadline: null, understood: true };
    const leaderCol = col('leader');
    const leaders = leaderCol !== undefined && row.cells[leaderCol] ? row.cells[leaderCol].split(/[、,，;；\s]+/).filter(Boolean) : [];

    const source = rowSource(line);
    const where = `第${row.rowNumber}行`;
    if (!lead.length && !responsible.length) warnings.push({ code: 'UNIT_NOTE_MISSING', message: `${where}未填写牵头单位或责任单位`, source });
    if (!understood) warnings.push({ code: 'DEADLINE_UNPARSED', message: `${where}的完成时限“${deadlineText}”无法识别为日期`, source: cellSource(line, deadlineCol!) });

    const taskText = textCell || titleCell;
    tasks.push({
      id: `t${tasks.length + 1}`,
      outlineId: group?.id ?? chapter?.id ?? null,
      title: titleCell && !sharedTitle ? splitMarker(titleCell).title || titleCell : shortTitle(taskText),
      text: taskText,
      lead,
      responsible,
      cooperating,
      leaders,
      deadline,
      deadlineText,
      source,
      unitsSource,
    });
  });

  warnings.push(...(parserUnits?.warnings ?? []));
  return parsedPlanSchema.parse({
    meta: { title, format: 'xlsx', encoding: 'utf-8', charCount: text.length, region, level: region ? 'district' : null, type: m.type, periodStart: m.periodStart, periodEnd: m.periodEnd },
    text,
    outline,
    tasks,
    targets: [],
    indicators: [],
    projects: [],
    notes,
    warnings,
  });
}
