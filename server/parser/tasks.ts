// extractTasks: a task is the text a responsibility note (or a task-table row) assigns.
// Its body runs back from the note to the start of the innermost heading or to the
// previous note, whichever is later. Plans without any notes (纲要, news write-ups) fall
// back to their lead-phrase paragraphs, with no units.
import type { OutlineNode, ParsedTask, ParsedUnit } from '../../shared/parsedPlan.js';
import type { ParseContext } from './types.js';
import { findRespNotes, type RespNote } from './respNotes.js';
import { findTaskTables, leadPhrase } from './taskTable.js';
import { headingStart } from './outline.js';
import { parseDeadline, contextYearOf } from './deadline.js';
import { warnUnknownUnits } from './units.js';
import { findTitle } from './meta.js';

interface Head {
  node: OutlineNode;
  start: number; // normalized
}

interface Draft {
  start: number;
  end: number;
  outlineId: string | null;
  title: string;
  text: string;
  lead: ParsedUnit[];
  responsible: ParsedUnit[];
  cooperating: ParsedUnit[];
  leaders: string[];
  deadlineText: string | null;
  units: { start: number; end: number } | null;
  /** year for deadlines written without one */
  year?: number | null;
  /** one plain list under 责任单位: a plan-wide "列第一位的为牵头单位" decides who leads */
  plainList?: boolean;
}

// "(注:责任单位中列第一位的为牵头单位,其他为配合单位)": the order of a plain list gives the roles
const FIRST_LEADS = /(?:列|排|排在|排名|排序|位列|列在|列于)?(?:第一位|第一个|第一|首位|首个|最前|前面)的?(?:单位|部门)?(?:为|是)牵头(?:单位|部门)/;
const OTHERS_COOPERATE = /(?:其他|其余|其它|其后|其他单位|其余单位)(?:的?单位|部门)?(?:为|是)(?:配合|协同|协办|参与)(?:单位|部门)/;

function applyListOrder(text: string, drafts: Draft[]) {
  const rule = FIRST_LEADS.exec(text);
  if (!rule) return;
  const near = text.slice(rule.index, rule.index + 80);
  const othersCooperate = OTHERS_COOPERATE.test(near);
  for (const d of drafts) {
    if (!d.plainList || d.responsible.length === 0) continue;
    const lead = d.lead.length ? [] : d.responsible.slice(0, 1);
    const rest = d.lead.length ? d.responsible : d.responsible.slice(1);
    d.lead.push(...lead);
    d.responsible = othersCooperate ? [] : rest;
    if (othersCooperate) d.cooperating.push(...rest);
  }
}

export function extractTasks(ctx: ParseContext, outline: OutlineNode[]): ParsedTask[] {
  const doc = ctx.doc;
  const heads: Head[] = outline.map((node) => ({ node, start: headingStart(ctx, node) }));
  const year = contextYearOf(findTitle(doc) ?? '');
  const drafts: Draft[] = [];

  const tables = findTaskTables(ctx);
  for (const t of tables) {
    const tYear = contextYearOf(t.caption) ?? year;
    for (const r of t.rows) {
      drafts.push({
        start: r.start,
        end: r.end,
        outlineId: innermost(heads, r.start)?.node.id ?? null,
        title: r.title,
        text: r.text,
        lead: r.lead,
        responsible: r.responsible,
        cooperating: r.cooperating,
        leaders: r.leaders,
        deadlineText: r.deadlineText,
        units: r.unitsStart === null ? null : { start: r.unitsStart, end: r.unitsEnd! },
        year: tYear,
        plainList: r.plainList,
      });
    }
  }
  const inTable = (p: number) => tables.some((t) => t.start <= p && p < t.end);
  const notes = findRespNotes(ctx).filter((n) => !inTable(n.start));
  let boundary = 0;
  for (const n of notes) {
    const d = noteTask(ctx, heads, n, boundary, tables);
    boundary = n.end;
    if (d) drafts.push(d);
  }
  if (drafts.length === 0) drafts.push(...leadPhraseTasks(ctx, heads));
  applyListOrder(doc.text, drafts);

  drafts.sort((a, b) => a.start - b.start);
  const seen = new Set<string>();
  return drafts.map((d, i) => {
    warnUnknownUnits(ctx, [...d.lead, ...d.responsible, ...d.cooperating], seen);
    const dl = d.deadlineText ? parseDeadline(d.deadlineText, d.year ?? year) : null;
    return {
      id: `t${i + 1}`,
      outlineId: d.outlineId,
      title: d.title,
      text: d.text,
      lead: d.lead,
      responsible: d.responsible,
      cooperating: d.cooperating,
      leaders: d.leaders,
      deadline: dl?.deadline ?? null,
      deadlineText: d.deadlineText,
      source: doc.toSource(d.start, d.end),
      unitsSource: d.units ? doc.toSource(d.units.start, d.units.end) : null,
    };
  });
}

/** The innermost heading containing position p: the last one starting before it. */
function innermost(heads: Head[], p: number): Head | null {
  let lo = 0;
  let hi = heads.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (heads[mid].start < p) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 ? heads[lo - 1] : null;
}

function noteTask(ctx: ParseContext, heads: Head[], n: RespNote, boundary: number, tables: { start: number; end: number }[]): Draft | null {
  const text = ctx.doc.text;
  const bodyEnd = n.layout === 'line' ? text.lastIndexOf('\n', n.start - 1) + 1 : n.start;
  const head = innermost(heads, bodyEnd);
  let start = Math.max(head?.start ?? 0, boundary);
  for (const t of tables) if (t.end <= bodyEnd) start = Math.max(start, t.end);
  // a note that lost its ")" ends before the "。": the next body must not start with it
  while (start < bodyEnd && /[\s。;,]/.test(text[start])) start++;
  let end = bodyEnd;
  while (end > start && /\s/.test(text[end - 1])) end--;
  const body = text.slice(start, end);
  const fromHead = head !== null && start === head.start;
  let title: string;
  let taskText: string;
  if (fromHead) {
    title = head.node.title;
    const lineEnd = text.indexOf('\n', start);
    const headLine = text.slice(start, lineEnd < 0 ? text.length : lineEnd).trim();
    const ownLine = headLine.replace(/[\s。;]/g, '') === `${head.node.marker}${head.node.title}`.replace(/\s/g, '');
    taskText = ownLine && lineEnd >= 0 && lineEnd < end ? text.slice(lineEnd + 1, end) : body.slice(body.indexOf(head.node.marker) + head.node.marker.length);
  } else {
    title = leadPhrase(body);
    taskText = body;
  }
  taskText = taskText.replace(/\n[ \t]*\n+/g, '\n').replace(/[ \t]*\n[ \t]*/g, '\n').trim();
  if (!title && !taskText) title = '(未识别任务内容)';
  if (n.damaged.length) {
    ctx.warnings.push({
      code: 'UNIT_NOTE_DAMAGED',
      message: `责任单位说明不完整或有损(${[...new Set(n.damaged)].join(';')}),已保留可识别的单位,请核对原文`,
      source: ctx.doc.toSource(n.start, n.end),
    });
  }
  let deadlineText = n.deadlineText;
  if (!deadlineText) for (const r of n.remarks) if (parseDeadline(r.text)) deadlineText = r.text;
  return {
    start: Math.min(start, n.start),
    end: Math.max(n.end, end),
    outlineId: head?.node.id ?? null,
    title: title || leadPhrase(taskText),
    text: taskText,
    lead: n.lead,
    responsible: n.responsible,
    cooperating: n.cooperating,
    leaders: n.leaders,
    deadlineText,
    units: { start: n.start, end: n.end },
    plainList: n.plainList,
  };
}

// Sections that describe rather than assign: context, principles, goals.
const NOT_TASKS = /发展环境|发展基础|指导思想|基本原则|发展目标|总体目标|主要目标|远景目标|工作目标|总体要求|发展形势|重大意义/;

function leadPhraseTasks(ctx: ParseContext, heads: Head[]): Draft[] {
  const byId = new Map(heads.map((h) => [h.node.id, h.node]));
  const excluded = (node: OutlineNode | null): boolean => {
    for (let n = node; n; n = n.parentId ? byId.get(n.parentId) ?? null : null) if (NOT_TASKS.test(n.title)) return true;
    return false;
  };
  const out: Draft[] = [];
  let inColumn = false;
  for (const line of ctx.doc.lines) {
    // a 专栏 (box of projects) runs to the next blank line; its entries are projects, not tasks
    if (/^\s*专栏/.test(line.text)) inColumn = true;
    else if (!line.text.trim()) inColumn = false;
    if (inColumn || line.text.startsWith('\t')) continue;
    const lead = line.text.length - line.text.trimStart().length;
    const head = innermost(heads, line.start + lead + 1);
    if (!head || excluded(head.node)) continue;
    let body = line.text.slice(lead);
    let offset = line.start + lead;
    const isHead = head.start === offset;
    if (isHead) {
      const cut = body.indexOf(head.node.title);
      if (cut < 0) continue;
      body = body.slice(cut);
      offset += cut;
    }
    const stop = body.search(/[。!?]/);
    // a lead phrase ("推进XX。具体做法…") opens an assignable paragraph; a heading line has no body
    if (stop < 4 || stop > 40 || body.length - stop < 12) continue;
    const phrase = body.slice(0, stop);
    // "规划是城市建设的蓝图,…": a definition opening a theme, not something to carry out
    if (/:/.test(phrase) || /^[^。]{0,10}是/.test(phrase) || (phrase.match(/,/g) ?? []).length > 1) continue;
    // "做好城市工作根本在党的领导,关键在人": a thesis sentence, not an action
    if (/,/.test(phrase) && (phrase.length > 22 || /必须|关键|根本|在于|,是/.test(phrase))) continue;
    out.push({
      start: isHead ? head.start : offset,
      end: line.end,
      outlineId: head.node.id,
      title: body.slice(0, stop),
      text: body.slice(stop + 1).trim(),
      lead: [],
      responsible: [],
      cooperating: [],
      leaders: [],
      deadlineText: null,
      units: null,
    });
  }
  return out;
}
