// extractTasks: a task is the text a responsibility note (or a task-table row) assigns.
// Its body runs back from the note to the start of the innermost heading or to the
// previous note, whichever is later. Plans without any notes (纲要, news write-ups) fall
// back to their lead-phrase paragraphs, with no units.
import type { OutlineNode, ParsedTask, ParsedUnit } from '../../shared/parsedPlan.js';
import type { ParseContext } from './types.js';
import { findRespNotes, INLINE_ITEM, type RespNote } from './respNotes.js';
import { readInline, hasRoleVerb } from './labelNotes.js';
import { findTaskTables, leadPhrase, trimTitleTail } from './taskTable.js';
import { findMatrixTables } from './matrixTargets.js';
import { findQuotaPairs } from './quotaRuns.js';
import { headingStart } from './outline.js';
import { parseDeadline, contextYearOf, issueYear } from './deadline.js';
import { warnUnknownUnits } from './units.js';
import { findTitle, noticeTitle } from './meta.js';
import { titleLine } from './targets.js';
import { looksLikeUnit, parseUnitList, placeUnit, splitUnitList } from './units.js';
import { ORGAN_END, PROJECT_VERB, REGION_START, ROLE_LABEL_SRC } from './vocabulary.js';

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
  /** a table row naming its task by number ("二(一)1"), to be joined to that item of the text */
  ref?: string;
  /** labels "同上": take the task above's */
  same?: RespNote['same'];
}

// "(注:责任单位中列第一位的为牵头单位,其他为配合单位)": the order of a plain list gives the roles
const FIRST_LEADS =
  /(?:列|排|排在|排名|排序|位列|列在|列于)?(?:第一位|第一个|第一|首位|首个|最前|前面)(?:的|者)?(?:单位|部门)?(?:为|是)牵头(?:或[\u4e00-\u9fa5]{1,4})?(?:单位|部门)/;
const OTHERS_COOPERATE = /(?:其他|其余|其它|其后|其他单位|其余单位)(?:的?单位|部门)?(?:为|是)(?:配合|协同|协办|参与)(?:单位|部门)/;

function applyListOrder(text: string, drafts: Draft[]) {
  const rule = FIRST_LEADS.exec(text);
  if (!rule) return;
  const near = text.slice(rule.index, rule.index + 80);
  const othersCooperate = OTHERS_COOPERATE.test(near);
  // "(列第一位者为牵头或汇总单位,下同)" in an item's note: that item and the ones after it, not those before
  const onward = /下同/.test(near.slice(0, 30)) && text.slice(Math.max(0, rule.index - 300), rule.index).includes('\n');
  for (const d of drafts) {
    if (!d.plainList || d.responsible.length === 0) continue;
    if (onward && Math.max(d.end, d.units?.end ?? 0) < rule.index) continue;
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
  // a title of no known kind ("…重点工作任务") still names the year a month-only deadline falls in
  const title0 = findTitle(doc) || noticeTitle(doc) || titleLine(doc);
  // minutes and bulletins ("…专题会议纪要"): a month without a year is in the year they are dated
  // any other page: "5月底前" falls in the year it was issued (its date line, 文号, or the page's 发布时间 line the
  // normalized text drops as furniture)
  const year = contextYearOf(title0) ?? issueYear(doc.text) ?? issueYear(doc.original);
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
        // a table with no deadline column: the row's own words may say by when ("2021年2月底前,群众对…知晓率达90%")
        deadlineText: r.deadlineText ?? textDeadline(r.text),
        units: r.unitsStart === null ? null : { start: r.unitsStart, end: r.unitsEnd! },
        year: tYear,
        plainList: r.plainList,
        ref: r.ref,
      });
    }
  }
  // a target matrix with one column per place hands each row to the places with a figure in it
  for (const m of findMatrixTables(doc.lines)) {
    for (const r of m.rows ?? []) {
      if (tables.some((t) => t.start <= r.start && r.start < t.end)) continue;
      const responsible = r.places.flatMap((c) => parseUnitList(ctx, c.text, c.start, true).units);
      if (!responsible.length) continue;
      drafts.push({
        start: r.start,
        end: r.end,
        outlineId: innermost(heads, r.start)?.node.id ?? null,
        title: r.label,
        text: r.label,
        lead: [],
        responsible,
        cooperating: [],
        leaders: [],
        deadlineText: null,
        units: null,
        year,
      });
    }
  }
  // a quota table by place ("乡镇 | 新种任务(亩)"): each place's row is its task
  for (const m of findMatrixTables(doc.lines)) {
    for (const r of m.unitRows ?? []) {
      if (tables.some((t) => t.start <= r.start && r.start < t.end)) continue;
      const got = parseUnitList(ctx, r.label.text, r.label.start, true);
      // "城 厢", "港区 (含浮桥)": the place column holds one place a row, however its name is spaced or noted
      const whole = m.placeRows && /^[\u4e00-\u9fa5][\u4e00-\u9fa5 ()]{1,18}$/.test(r.label.text) && (got.units.length !== 1 || got.rejected.length);
      if (whole) got.units = [placeUnit(ctx, r.label.text, r.label.start)];
      else if (!got.units.length || got.rejected.length) continue;
      drafts.push({
        start: r.start,
        end: r.end,
        outlineId: innermost(heads, r.start)?.node.id ?? null,
        title: r.text,
        text: r.text,
        lead: [],
        responsible: got.units,
        cooperating: [],
        leaders: [],
        deadlineText: null,
        units: null,
        year,
      });
    }
  }
  // a run of "place figure" pairs ("元坝镇280 白果乡15 …", "吴家镇4720株,太平8810株,…"): each place is handed its quota
  const earlier = drafts.slice();
  for (const q of findQuotaPairs(doc.lines)) {
    if (earlier.some((d) => d.start <= q.start && q.end <= d.end && d.end - d.start <= q.end - q.start + 8)) continue;
    drafts.push({
      start: q.start,
      end: q.end,
      outlineId: innermost(heads, q.start)?.node.id ?? null,
      // "城镇新增就业人数:元坝镇 280人": what is counted, the place, its quota with its measure
      title: `${q.measure ? `${q.measure}:` : ''}${q.place.text} ${q.value}${q.unit ?? ''}`,
      text: q.text,
      lead: [],
      responsible: [placeUnit(ctx, q.place.text, q.place.start)],
      cooperating: [],
      leaders: [],
      deadlineText: null,
      units: null,
      year,
    });
  }
  const inTable = (p: number) => tables.some((t) => t.start <= p && p < t.end);
  const notes = findRespNotes(ctx).filter((n) => !inTable(n.start) && !inNoteBlock(ctx, n.start));
  let boundary = 0;
  let prev: Draft | null = null;
  let prevNote: RespNote | null = null;
  for (const n of notes) {
    const d = noteTask(ctx, heads, n, boundary, tables);
    boundary = Math.max(n.end, n.bodyEnd ?? 0);
    if (!d) continue;
    // "1.推进…(市行政审批局负责)。推动…(市数据局负责)。": short notes closing sentences of one item's paragraph
    const short = (x: RespNote) => x.layout === 'inline' && x.damaged.length === 0;
    // …but a note standing after its sentence's end ("…跟踪评价。(区卫生健康委负责)严格…。(区农业农村局负责)")
    // closes a task of its own: the item holds several tasks
    const afterStop = (x: RespNote) => /[。;!?]\s*$/.test(ctx.doc.text.slice(Math.max(0, x.start - 3), x.start));
    // (a note opening its own sentence, "X负责,Y配合,强化…", starts a duty of its own)
    const ownSentence = (x: RespNote) => x.opens && (afterStop(x) || !!x.laterClause || sentenceStart(ctx.doc.text, x.start) >= prevNote!.end);
    if (prev && prevNote && short(prevNote) && short(n) && !(afterStop(prevNote) && afterStop(n)) && !ownSentence(n) && sameItemLine(ctx, heads, prev, n))
      mergeInto(prev, d);
    else {
      drafts.push(d);
      prev = d;
      prevNote = n;
    }
  }
  retroGroups(ctx, heads, drafts);
  linkTableRows(ctx, heads, drafts, tables);
  unitGroupedTasks(ctx, heads, drafts);
  if (drafts.length === 0) drafts.push(...leadPhraseTasks(ctx, heads));
  dutyHeadings(ctx, outline, drafts);
  applyListOrder(doc.text, drafts);

  drafts.sort((a, b) => a.start - b.start);
  cascadeUnits(ctx, drafts);
  sameAsAbove(drafts);
  rowDeadlines(ctx, drafts);
  const seen = new Set<string>();
  return drafts.map((d, i) => {
    warnUnknownUnits(ctx, [...d.lead, ...d.responsible, ...d.cooperating], seen);
    // (a draft's wording may have grown after its note was read: merged notes, a duty run on into the next sentence)
    d.deadlineText ??= textDeadline(d.text);
    const dl = d.deadlineText ? finalDeadline(d.deadlineText, d.year ?? year) : null;
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

// "以下各项工作均需各县、区人民政府(管委会)落实,不再列出", "以下均需各县市区人民政府,阜阳经开区、阜合园区管委会负责落实,不再列出", "本条及以下责任单位均包括各县市区政府(管委会),不再重复列举":
// units stated once for this task and every one after it
const CASCADE =
  /(?:本条及|本项及)?以下(?:各项|所有)?(?:工作|任务|各条|条目|责任单位)?(?:均|都)?(?:需|须|要|包括|由|为)([^。;:]{2,60}?)(?:负责)?(?:落实|实施|负责)?[,]\s*(?:均)?不再(?:重复|单独|一一)?列(?:出|举|明)/g;

// "具体任务均涉及相关市(州)人民政府,不再做分工,下同": the same, said of the tasks' scope
const CASCADE_SCOPE =
  /(?:具体|各项|所有)?任务(?:均|都)涉及([^,。;:]{2,40}?)(?:负责)?(?:落实|实施)?[,]\s*(?:均)?不再(?:做|作|进行)?(?:分工|重复列举|一一列出|列出)/g;

function cascadeUnits(ctx: ParseContext, drafts: Draft[]) {
  const text = ctx.doc.text;
  const found: RegExpExecArray[] = [];
  for (const re of [CASCADE, CASCADE_SCOPE]) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) found.push(m);
  }
  for (const m of found) {
    const at = m.index;
    const parsed = parseUnitList(ctx, m[1], m.index + m[0].indexOf(m[1]));
    if (!parsed.units.length || parsed.rejected.length) continue;
    for (const d of drafts) {
      if (!d.units || d.units.end <= at) continue;
      const have = new Set([...d.lead, ...d.responsible, ...d.cooperating].map((u) => u.raw));
      for (const u of parsed.units) if (!have.has(u.raw)) d.responsible.push({ ...u });
    }
  }
}

// "(一)县人民政府职责", "(二)乡镇人民政府工作职责", "(一)国土资源部门": a heading naming the unit whose duties follow
const DUTY_HEAD = /^(.{2,30}?)(?:的)?(?:工作)?(职责|职能|主要职责)?$/;

function dutyHeadings(ctx: ParseContext, outline: OutlineNode[], drafts: Draft[]) {
  const byId = new Map(outline.map((n) => [n.id, n]));
  for (const d of drafts) {
    if (d.lead.length || d.responsible.length || d.cooperating.length || !d.outlineId) continue;
    const m = DUTY_HEAD.exec(byId.get(d.outlineId)?.title.trim() ?? '');
    // a heading that is only a name must end as an organ's does; "…职责" says it names who
    // ("建设苏州市残疾人活动中心" is a project, not its builder)
    if (!m || PROJECT_VERB.test(m[1])) continue;
    if (!(m[2] || (REGION_START.test(m[1]) && ORGAN_END.test(m[1]))) || !looksLikeUnit(m[1]) || splitUnitList(m[1], 0).length !== 1) continue;
    const at = ctx.doc.text.lastIndexOf(m[1], d.start);
    const got = parseUnitList(ctx, m[1], at >= 0 ? at : d.start, true);
    if (!got.units.length || got.rejected.length) continue;
    d.responsible.push(...got.units);
  }
}

/** "责任单位:同上" / "责任领导、牵头单位、责任单位、完成时限同上。": the labels of the task above hold */
function sameAsAbove(drafts: Draft[]) {
  for (let i = 1; i < drafts.length; i++) {
    const d = drafts[i];
    if (!d.same?.length) continue;
    const p = drafts[i - 1];
    for (const r of d.same) {
      if (r === 'deadline') {
        d.deadlineText ??= p.deadlineText;
        d.year ??= p.year;
      } else if (r === 'leaders') d.leaders = [...p.leaders];
      else d[r] = [...p[r]];
    }
  }
}

/** The innermost heading containing position p: the last one starting before it. */
// "以上任务由X牵头…", "上述第4、5项任务牵头单位:…", "第6项由X牵头,Y配合;第7项由…": units stated after a
// group of items, for the items above
const RETRO_LINE =
  /^\s*(?:(?:以上|上述|前述|上列)(?:各项|所列)?(?:第?\d+(?:[、,，和及至-]\d+)*项)?(?:任务|工作|事项)?|第\d+(?:[、,，和及至-]\d+)*项(?:任务|工作)?)\s*(?=由|牵头|责任|配合|[:：])/;
const RETRO_SEG =
  /(?:^|[;；。]\s*)((?:(?:以上|上述|前述|上列)(?:各项|所列)?)?(?:第?(\d+(?:[、,，和及至-]\d+)*)项)?(?:任务|工作|事项)?\s*)(?=由|牵头|责任|配合|[:：])/g;

function retroGroups(ctx: ParseContext, heads: Head[], drafts: Draft[]) {
  const text = ctx.doc.text;
  for (const line of ctx.doc.lines) {
    if (!RETRO_LINE.test(line.text)) continue;
    const segs: { nums: number[] | null; from: number; to: number }[] = [];
    RETRO_SEG.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = RETRO_SEG.exec(line.text))) {
      if (!m[1]) {
        RETRO_SEG.lastIndex++;
        continue;
      }
      const nums = m[2] ? numbersOf(m[2]) : null;
      if (segs.length) segs[segs.length - 1].to = m.index;
      segs.push({ nums, from: m.index + m[0].length, to: line.text.length });
    }
    if (!segs.length) continue;
    // the numbered items above the line, back to the heading that holds them
    const above = heads.filter((h) => h.start < line.start && h.node.number !== null);
    if (!above.length) continue;
    const last = above[above.length - 1];
    const made: Draft[] = [];
    for (const seg of segs) {
      let body = line.text.slice(seg.from, seg.to).replace(/[。;；\s]+$/, '');
      const off = line.start + seg.from;
      const lead = body.startsWith('由') ? 1 : 0;
      body = body.slice(lead);
      const units = readGroupUnits(ctx, body, off + lead);
      if (!units) continue;
      let items: Head[];
      if (seg.nums)
        items = seg.nums
          .map((n) => [...above].reverse().find((h) => h.node.number === n && h.node.kind === last.node.kind && h.node.level === last.node.level))
          .filter((h): h is Head => !!h);
      else {
        items = [];
        for (let k = above.length - 1; k >= 0 && above[k].node.level === last.node.level && above[k].node.kind === last.node.kind; k--) {
          if (items.length && above[k].node.parentId !== last.node.parentId) break;
          items.unshift(above[k]);
        }
      }
      for (const h of items) {
        const next = heads.find((x) => x.start > h.start);
        let end = Math.min(next?.start ?? line.start, line.start);
        while (end > h.start && /\s/.test(text[end - 1])) end--;
        const own = text.slice(h.start, end);
        const body2 = own.slice(own.indexOf(h.node.marker) + h.node.marker.length).trim();
        made.push({
          start: h.start,
          end,
          outlineId: h.node.id,
          title: h.node.title,
          text: body2,
          lead: [...units.lead],
          responsible: [...units.responsible],
          cooperating: [...units.cooperating],
          leaders: [],
          deadlineText: null,
          units: { start: off, end: line.start + seg.to },
        });
      }
    }
    if (!made.length) continue;
    // drafts the line's note made from the item just above give way
    for (let k = drafts.length - 1; k >= 0; k--) {
      const d = drafts[k];
      if ((d.start < line.end && d.end > line.start) || made.some((x) => d.start < x.end && d.end > x.start && d.start >= x.start)) drafts.splice(k, 1);
    }
    drafts.push(...made);
  }
}

function numbersOf(s: string): number[] {
  const out: number[] = [];
  for (const part of s.split(/[、,，和及]/)) {
    const r = /^(\d+)[至-](\d+)$/.exec(part);
    if (r) for (let n = Number(r[1]); n <= Number(r[2]) && out.length < 50; n++) out.push(n);
    else if (/^\d+$/.test(part)) out.push(Number(part));
  }
  return out;
}

/** "X牵头,Y配合" or "牵头单位:X;责任单位:Y" */
function readGroupUnits(ctx: ParseContext, body: string, off: number): Pick<Draft, 'lead' | 'responsible' | 'cooperating'> | null {
  const out = { lead: [] as ParsedUnit[], responsible: [] as ParsedUnit[], cooperating: [] as ParsedUnit[] };
  const LABEL = /(牵头单位|牵头部门|责任单位|责任部门|配合单位|配合部门)\s*[:：]\s*([^;；:：]*?)(?=[;；]|[,，]?\s*(?:牵头|责任|配合)(?:单位|部门)\s*[:：]|$)/g;
  let m: RegExpExecArray | null;
  let any = false;
  while ((m = LABEL.exec(body))) {
    const role = m[1].startsWith('牵头') ? 'lead' : m[1].startsWith('配合') ? 'cooperating' : 'responsible';
    const at = off + m.index + m[0].indexOf(m[2], m[1].length);
    out[role].push(...parseUnitList(ctx, m[2].replace(/[,，。\s]+$/, ''), at, true).units);
    any = true;
  }
  if (any) return out;
  if (!hasRoleVerb(body)) return null;
  const r = readInline(ctx, body, off);
  return r ? { lead: r.lead, responsible: r.responsible, cooperating: r.cooperating } : null;
}

/** Inside a "注:1.… 2.…" block (under a table, about the table): its lines assign no task. */
function inNoteBlock(ctx: ParseContext, p: number): boolean {
  const lines = ctx.doc.lines;
  let k = lines.findIndex((l) => l.start <= p && p <= l.end);
  for (let n = 0; k >= 0 && n < 8; k--, n++) {
    const t = lines[k].text;
    if (!t.trim() && n > 0) continue;
    if (/^\s*(?:注|备注|说明)\s*[:：]/.test(t)) return true;
    if (!/^\s*\d{1,2}\s*[.、．](?!\d)/.test(t) || (!/^\s*\d{1,2}\s*[.、．]\s*(?:牵头|责任|配合|表中|本表|“)/.test(t) && n === 0)) return false;
  }
  return false;
}

const FIELD_ITEM = /^\s*(?:活动|工作|主要|具体|实施)?(?:内容|时间|地点|对象|方式|要求|措施|目标|任务|范围|步骤|主题)\s*[:：]/;

/** the heading right above an item numbered "1." that is its only item (or one of its field items), when that heading is a short name ("(一)X") */
function namingHead(heads: Head[], head: Head): Head | null {
  const i = heads.indexOf(head);
  const field = FIELD_ITEM.test(head.node.title);
  // (a field item's heading is its parent, however many field items stand between them)
  let parent: Head | null = i > 0 ? heads[i - 1] : null;
  if (field) {
    parent = null;
    for (let k = i - 1; k >= 0 && !parent; k--) if (heads[k].node.id === head.node.parentId) parent = heads[k];
  }
  if (!parent || head.node.parentId !== parent.node.id || !/^\d{1,2}[.、．]$/.test(head.node.marker)) return null;
  if (!/^(?:[((][一二三四五六七八九十]{1,3}[))]|[一二三四五六七八九十]{1,3}、)$/.test(parent.node.marker)) return null;
  const next = heads[i + 1];
  // "(一)开展…活动 ⏎ 1.活动时间:… ⏎ 2.活动内容:… ⏎ 3.组织单位:…": items that are the heading's fields, not tasks of their own
  if (next && next.node.parentId === parent.node.id && !field) return null;
  const name = parent.node.title.trim();
  return name.length >= 4 && name.length <= 30 && !/[。;!?,]/.test(name) ? parent : null;
}

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

/** where the sentence holding `at` begins (after the last 。!? or line break before it) */
function sentenceStart(text: string, at: number): number {
  let k = at;
  while (k > 0 && !/[。!?\n]/.test(text[k - 1])) k--;
  return k;
}

function noteTask(ctx: ParseContext, heads: Head[], n: RespNote, boundary: number, tables: { start: number; end: number }[]): Draft | null {
  const text = ctx.doc.text;
  const bodyEnd = n.layout === 'line' ? text.lastIndexOf('\n', n.start - 1) + 1 : n.start;
  const head = innermost(heads, bodyEnd);
  let start = Math.max(head?.start ?? 0, boundary);
  for (const t of tables) if (t.end <= bodyEnd) start = Math.max(start, t.end);
  // a note that lost its ")" ends before the "。": the next body must not start with it
  while (start < bodyEnd && /[\s。;,]/.test(text[start])) start++;
  // "X要于…前…" opening its sentence: the sentence, not the page's title and furniture above it; a heading on
  // the line just above still names it ("(一)宣传引导 ⏎ X要…")
  if (n.opens && start < n.start) {
    const gap = text.slice(start, n.start);
    // (only the paragraph's first sentence: "督查室要…" after other sentences under the heading is a task of its own)
    const nl = gap.indexOf('\n');
    // (a run-in heading, "二、加强统筹推进,确保办理进度。X要…", ends at its own 。)
    const ends = ((nl >= 0 ? gap.slice(nl + 1) : gap).match(/[。!?]/g) ?? []).length;
    // (a heading wrapped over two lines, joined by a space in its title: "重点工作 ⏎ 编制年度实施方案")
    const headLines = head === null ? 1 : Math.min(2, 1 + (head.node.title.match(/ /g) ?? []).length);
    // (not a first sentence that charges a subject of its own, "(三)试点地方要及时总结…。中央编办…要牵头…", dj03: a sentence, no
    // run-in heading)
    const charged = /^[\s\d一二三四五六七八九十、.．()（）]*(?:各[^,,;。:]{1,20}?|[^,,;。:]{0,20}?(?:局|委|办|厅|部门|单位|政府|中心|地方|乡镇|街道|公司))(?:要|应当|必须|须|将)(?!求)/.test(gap.replace(head?.node.marker ?? '', ''));
    const nearHead = head !== null && start === head.start && (gap.match(/\n/g) ?? []).length <= headLines && gap.length <= 80 && ends <= (nl >= 0 ? 0 : 1) && !(nl < 0 && ends === 1 && charged);
    if (!nearHead) start = Math.max(start, text.lastIndexOf('\n', n.start - 1) + 1, sentenceStart(text, n.start));
    // (a later clause's note with no note before it in the sentence — "…积极办理,并请外交部…研议…", where the first
    // clause charges no one — opens its task on its own clause; after a note, the boundary already starts it there)
    if (n.laterClause) start = Math.max(start, n.start);
    // "…要求:一是各单位…报县发改局汇总;二是县发改局要…": a unit that opens a clause after ";" (an enumerated point
    // of its own) starts its task there, not at the sentence's first clause
    const semi = text.lastIndexOf(';', n.start - 1);
    if (semi >= start && /^\s*(?:[一二三四五六七八九十]是|[(（]?\d{1,2}[)）.、]|[①-⑳])?\s*$/.test(text.slice(semi + 1, n.start))) start = semi + 1;
  }
  // "…圆满完成。 1.轨道交通…。 牵头领导:…": items numbered inside one long line; the note's item starts at its number
  if (n.layout === 'inline' && !text.slice(start, bodyEnd).includes('\n')) {
    const re = new RegExp(INLINE_ITEM.source, 'g');
    let last = -1;
    for (let m = re.exec(text.slice(start, bodyEnd)); m; m = re.exec(text.slice(start, bodyEnd))) last = m.index + 1;
    if (last > 0) start += last;
  }
  // a note opening its sentence ("市财政局负责将…"): the sentence is the task's wording
  let end = n.bodyEnd !== undefined && n.bodyEnd > bodyEnd ? n.bodyEnd : bodyEnd;
  while (end > start && /\s/.test(text[end - 1])) end--;
  const body = text.slice(start, end);
  const fromHead = head !== null && start === head.start;
  let title: string;
  let taskText: string;
  if (fromHead) {
    title = head.node.title;
    // a note glued to its heading line ("(一)…接种牵头责任部门:X"): the heading's words end where the note begins
    const glued = title.indexOf(text.slice(n.start, Math.min(n.end, n.start + 6)));
    // (not when the words before the note are only "请" or "…,由": the heading's whole line says what the work is)
    const cut = glued > 0 && n.start > head.start && !text.slice(head.start, n.start).includes('\n') ? trimTitleTail(title.slice(0, glued)) : null;
    if (cut !== null && !(n.opens && cut.replace(/[由请,,\s]+$/, '').length < 4)) title = n.opens ? cut.replace(/[,,]?\s*由$/, '') : cut;
    const lineEnd = text.indexOf('\n', start);
    const headLine = text.slice(start, lineEnd < 0 ? text.length : lineEnd).trim();
    const ownLine = headLine.replace(/[\s。;]/g, '') === `${head.node.marker}${head.node.title}`.replace(/\s/g, '');
    taskText = ownLine && lineEnd >= 0 && lineEnd < end ? text.slice(lineEnd + 1, end) : body.slice(body.indexOf(head.node.marker) + head.node.marker.length);
  } else {
    title = leadPhrase(body);
    taskText = body;
  }
  taskText = taskText
    .replace(/\n[ \t]*\n+/g, '\n')
    .replace(/[ \t]*\n[ \t]*/g, '\n')
    .trim();
  // "…;由X牵头,Y配合,在12月底前完成工业园区74.0亩…处置任务": the note's clause holds the wording after its roles
  if (!title && !taskText && n.layout === 'inline') {
    const own = text.slice(n.start, n.end).replace(/[。;]$/, '');
    const what = own.replace(/^(?:[^,;。]*?(?:牵头负责|牵头|配合|具体负责|负责|协助|参与|协办)[,;]\s*)+/, '').trim();
    if (what && what !== own) {
      title = leadPhrase(what);
      taskText = what;
    }
  }
  // "(一)由省经贸委负责,省农业厅…配合,加快省级无公害畜禽基地建设,…": the roles open the item; its wording follows them
  if (n.layout === 'inline' && title) {
    const roles = text.slice(n.start, n.end).replace(/[。;,]$/, '');
    const at = title.indexOf(roles.slice(0, 8));
    const after = text.slice(n.start + roles.length, n.start + roles.length + 200);
    const closed = /(?:牵头负责|牵头|配合|具体负责|负责|协助|参与|协办|承办|主办)$/.test(roles) && /^[,,]/.test(after);
    if (roles.length >= 4 && at >= 0 && at <= 1 && closed) {
      const lead = after.length - after.replace(/^[,,\s]+/, '').length;
      const what = after.slice(lead).split(/[。;\n]/)[0];
      if (what.length >= 4) {
        title = leadPhrase(what);
        // the task spans its wording too, not only its roles
        end = Math.max(end, n.start + roles.length + lead + what.length);
      }
    }
  }
  if (!title && !taskText) title = '(未识别任务内容)';
  if (n.damaged.length) {
    ctx.warnings.push({
      code: 'UNIT_NOTE_DAMAGED',
      message: `责任单位说明不完整或有损(${[...new Set(n.damaged)].join(';')}),已保留可识别的单位,请核对原文`,
      source: ctx.doc.toSource(n.start, n.end),
    });
  }
  // "(一)开展职业技能培训和评价取证 ⏎ 1.持续深入推进…。⏎ 责任单位:X": a heading over one numbered item names it
  const named = head && !n.opens ? namingHead(heads, head) : null;
  if (named) {
    start = Math.min(start, named.start);
    title = named.node.title;
  }
  let deadlineText = n.deadlineText;
  if (!deadlineText) for (const r of n.remarks) if (parseDeadline(r.text)) deadlineText = r.text;
  deadlineText ??= textDeadline(taskText);
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
    same: n.same,
  };
}

// "9月底前,各村…", "10月底前完成选址,11月15日前建成投用": a month the task's text says it is due by
// (the last one named: the stages before it lead up to it); "每月25日前报送" recurs and is no deadline
// "2024年底前,全市…": a year's end
// ("预计2021年11月份完成", "6月底建成": the month the work ends, said by the verb instead of 前)
const TEXT_DEADLINE =
  /(?<![每\d])(?:((?:19|20)\d{2})年)?(?:(\d{1,2})月(?:(\d{1,2})日|底|末|中旬|下旬|上旬)?|(?<=(?:19|20)\d{2}年)年?(?:底|末))(?:前|以前|之前|份?(?=(?:全部|全面|基本)?(?:完成|完工|建成|竣工|投用|投入使用|办结)))(?![\d年月])/g;

/**
 * "2021年2月公布预算信息,2021年8月公布上年度决算信息": a time cell holding milestones; the task is due at the last one.
 * One date, or clauses that are not each dated, read as before.
 */
function finalDeadline(text: string, year: number | null): ReturnType<typeof parseDeadline> {
  const first = parseDeadline(text, year);
  const parts = text.split(/[,,;;]/).filter((p) => p.trim());
  if (parts.length < 2) return first;
  const each = parts.map((p) => parseDeadline(p, year));
  if (each.some((e) => !e?.deadline)) return first;
  return each.reduce((a, b) => (b!.deadline! > a!.deadline! ? b : a), each[0]);
}

export function textDeadline(text: string): string | null {
  let last: string | null = null;
  TEXT_DEADLINE.lastIndex = 0;
  for (let m = TEXT_DEADLINE.exec(text); m; m = TEXT_DEADLINE.exec(text)) {
    if (m[2] !== undefined && (Number(m[2]) < 1 || Number(m[2]) > 12)) continue;
    if (/每(?:年|季度?|月|周)[^,;。]{0,3}$/.test(text.slice(Math.max(0, m.index - 6), m.index))) continue;
    last = m[0];
  }
  // "年底前完成", "年内完工": the end of the plan's year (parseDeadline takes the year from the context)
  if (!last) {
    const end =
      /(?<!每)(?:今年|本年|当年)?(?:年底前|年末前|年底|年内)(?=(?:全部|全面|基本|确保)?(?:完成|完工|建成|竣工|投用|投入使用|办结|到位|实现|见效))/.exec(text);
    if (end) last = end[0];
  }
  return last;
}

// Sections that describe rather than assign: context, principles, goals.
const NOT_TASKS = /发展环境|发展基础|指导思想|基本原则|发展目标|总体目标|主要目标|远景目标|工作目标|总体要求|发展形势|重大意义/;

function leadPhraseTasks(ctx: ParseContext, heads: Head[]): Draft[] {
  const byId = new Map(heads.map((h) => [h.node.id, h.node]));
  const excluded = (node: OutlineNode | null): boolean => {
    for (let n = node; n; n = n.parentId ? (byId.get(n.parentId) ?? null) : null) if (NOT_TASKS.test(n.title)) return true;
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
      ...noUnits(),
    });
  }
  return out;
}

/** A later note on the same line as the one before it, both in an item whose heading opens that line. */
function sameItemLine(ctx: ParseContext, heads: Head[], prev: Draft, n: RespNote): boolean {
  if (!prev.units || n.layout === 'line') return false;
  const text = ctx.doc.text;
  if (text.slice(prev.units.end, n.start).includes('\n')) return false;
  const head = innermost(heads, n.start);
  if (!head || head.node.id !== prev.outlineId || prev.start !== head.start) return false;
  // the item's heading line is the line holding both notes
  return !text.slice(head.start, n.start).includes('\n');
}

/** The unit side of a draft before any note has been merged into it. */
const noUnits = (): Pick<Draft, 'lead' | 'responsible' | 'cooperating' | 'leaders' | 'deadlineText' | 'units'> => ({
  lead: [],
  responsible: [],
  cooperating: [],
  leaders: [],
  deadlineText: null,
  units: null,
});

function mergeInto(a: Draft, b: Draft) {
  a.lead.push(...b.lead);
  a.responsible.push(...b.responsible);
  a.cooperating.push(...b.cooperating);
  a.leaders.push(...b.leaders);
  a.deadlineText ??= b.deadlineText;
  if (b.units) a.units = a.units ? { start: Math.min(a.units.start, b.units.start), end: Math.max(a.units.end, b.units.end) } : b.units;
  a.start = Math.min(a.start, b.start);
  a.end = Math.max(a.end, b.end);
  a.plainList = !!a.plainList && !!b.plainList;
}

/** End of an outline node's own text: the next heading, a table, or the end of the document. */
function nodeEnd(ctx: ParseContext, heads: Head[], k: number, stops: number[] = []): number {
  let end = k + 1 < heads.length ? heads[k + 1].start : ctx.doc.text.length;
  for (const s of stops) if (s > heads[k].start && s < end) end = s;
  while (end > heads[k].start && /\s/.test(ctx.doc.text[end - 1])) end--;
  return end;
}

/** A draft for an item of the text: its heading to its end; notes inside it add their units. */
function itemDraft(ctx: ParseContext, start: number, end: number, outlineId: string | null, title: string, drafts: Draft[]): Draft {
  const text = ctx.doc.text.slice(start, end);
  const d: Draft = {
    start,
    end,
    outlineId,
    title: leadPhrase(title),
    text: text
      .replace(/^\s*(\d{1,3}[.、]|\([一二三四五六七八九十\d]{1,3}\)|[一二三四五六七八九十]{1,3}、)/, '')
      .replace(/\n[ \t]*\n+/g, '\n')
      .trim(),
    ...noUnits(),
  };
  for (let i = drafts.length - 1; i >= 0; i--) {
    const o = drafts[i];
    if (!o.units || o.ref !== undefined || o.units.start < start || o.units.start >= end) continue;
    mergeInto(d, o);
    d.start = start;
    d.end = Math.max(end, o.units.end);
    drafts.splice(i, 1);
  }
  return d;
}

const markerKey = (s: string) => s.replace(/[\s、.,:;]/g, '').replace(/^第(.+)[章节条]$/, '$1');

/**
 * A 责任分工表 naming each task only by its number ("二(一)1") or by its heading: its units belong
 * to that item of the text, not to a task of their own.
 */
function linkTableRows(ctx: ParseContext, heads: Head[], drafts: Draft[], tables: { start: number; end: number }[]) {
  const rows = drafts.filter((d) => d.ref !== undefined || (d.units && tables.some((t) => t.start <= d.start && d.start < t.end)));
  if (!rows.length) return;
  const outside = heads.map((h, k) => ({ h, k })).filter(({ h }) => !tables.some((t) => t.start <= h.start && h.start < t.end));
  const byId = new Map(heads.map((h, k) => [h.node.id, k]));
  const pathKey = (k: number): string => {
    let key = '';
    for (let n: Head | undefined = heads[k]; n; n = n.node.parentId ? heads[byId.get(n.node.parentId)!] : undefined) key = markerKey(n.node.marker) + key;
    return key;
  };
  const keys = outside.map(({ k }) => pathKey(k));
  const titleKey = (t: string) => t.replace(/[\s。;,:、“”"]/g, '');
  const tableStarts = tables.map((t) => t.start);
  for (const r of rows) {
    let hit = -1;
    const ref = r.ref ? markerKey(r.ref) : '';
    if (ref && /^[一二三四五六七八九十\d()]+$/.test(ref)) {
      const exact = keys.flatMap((k, i) => (k === ref ? [i] : []));
      const tail = exact.length ? exact : keys.flatMap((k, i) => (k.endsWith(ref) && k.length > ref.length ? [i] : []));
      if (tail.length === 1) hit = tail[0];
    } else if (r.title.length >= 4) {
      const want = titleKey(r.title);
      const same = outside.flatMap(({ h }, i) => (titleKey(leadPhrase(h.node.title)) === want ? [i] : []));
      if (same.length === 1) hit = same[0];
    }
    if (hit < 0) continue;
    const { h, k } = outside[hit];
    const end = nodeEnd(ctx, heads, k, tableStarts);
    // a task of the text there already (from a note): the row adds its units; else the item becomes one
    let d = drafts.find((o) => o !== r && o.ref === undefined && o.start >= h.start && o.start < end && !rows.includes(o));
    if (!d) {
      d = itemDraft(ctx, h.start, end, h.node.id, h.node.title, []);
      drafts.push(d);
    }
    mergeInto(d, r);
    d.start = Math.min(d.start, h.start);
    d.end = Math.max(end, Math.min(d.end, end));
    d.year ??= r.year;
    drafts.splice(drafts.indexOf(r), 1);
  }
  for (const d of drafts) delete d.ref;
}

// an organ that can own a group of tasks: "(一)市发改委", "市卫生健康委:10.…;11.…"
const ORGAN = /(局|委|委员会|办|办公室|部|政府|中心|管委会|集团|公司|院|馆|厅|署|支队|分局|分行|工委|党委|警备区|军分区)$/;
// …and is named from its level or place ("市…", "区…", "中共…", "XX县…"), which "优化城市空间布局" is not
const ORGAN_HEAD =
  /^(市|区|县|省|州|盟|旗|镇|乡|街道|中共|共青团|国家|中国|[\u4e00-\u9fa5]{2,4}?(市|区|县|州)(?![场域间级民容政内外貌])|(?:北京|天津|上海|重庆|河北|山西|辽宁|吉林|黑龙江|江苏|浙江|安徽|福建|江西|山东|河南|湖北|湖南|广东|海南|四川|贵州|云南|陕西|甘肃|青海|内蒙古|广西|西藏|宁夏|新疆)(?=[\u4e00-\u9fa5]{2}))(?!.*(布局|格局|大局|全局|开局|变局)$)/;
const isOrganList = (ctx: ParseContext, t: string, at: number): ReturnType<typeof parseUnitList> | null => {
  // ("卫生部门", "工商部门": a field's department by name; "有关部门", "成员单位" name nobody)
  if (
    t.length < 3 ||
    t.length > 60 ||
    /领导$/.test(t) ||
    (/单位$|部门$/.test(t) && !/^(?!各|有关|相关|其他|其它|职能|责任|成员|牵头|配合|主管|行业)[\u4e00-\u9fa5]{2,4}部门$/.test(t))
  )
    return null;
  const pieces = splitUnitList(t, at);
  const field = (x: string) => /^[\u4e00-\u9fa5]{2,4}部门$/.test(x);
  if (
    !pieces.length ||
    !pieces.every(
      (p) => p.text.length <= 24 && looksLikeUnit(p.text) && ((ORGAN_HEAD.test(p.text) && ORGAN.test(p.text.replace(/\([^)]*\)$/, ''))) || field(p.text)),
    )
  )
    return null;
  const parsed = parseUnitList(ctx, t, at);
  return parsed.units.length && !parsed.rejected.length ? parsed : null;
};

/**
 * Tasks listed under the unit that carries them: a heading "(一)市发改委" over items 1. 2. 3., or a
 * line "市卫生健康委:10.…;11.…". Each item is a task of that unit (lead when the plan says its tasks
 * are listed by 牵头单位, responsible otherwise); notes inside an item add the units that help.
 */
const CLOSING_LABEL = new RegExp(`^[ \\t\\u3000]*(?:${ROLE_LABEL_SRC})[:：]`);

function unitGroupedTasks(ctx: ParseContext, heads: Head[], drafts: Draft[]) {
  const text = ctx.doc.text;
  const role = /按牵头(单位|部门)|以牵头(单位|部门)/.test(text) ? 'lead' : 'responsible';
  const give = (d: Draft, units: ReturnType<typeof parseUnitList>, r: 'lead' | 'responsible' = role) => {
    if (d[r].some((u) => units.units.some((v) => v.raw === u.raw))) return;
    if (r === 'lead' && d.lead.length) return;
    d[r].unshift(...units.units);
    if (!d.units) d.units = { start: d.start, end: d.start };
  };
  for (let k = 0; k < heads.length; k++) {
    const h = heads[k];
    const headTitle = h.node.title.replace(/\s/g, '').replace(/\((共)?\d{1,3}项\)$|[:;。]$/g, '');
    let title = headTitle;
    // "县示范区管委会牵头工作(8项)", "区发改委负责的任务": the heading names its unit and the unit's role
    const said = /(牵头|负责|承担|责任)的?(?:工作|任务|事项)(?:清单)?$/.exec(title);
    if (said) title = title.slice(0, said.index);
    // "(七)卫生部门职责、任务", "区财政局主要职责": the unit's remit listed below
    else title = title.replace(/的?(?:主要|工作)?(?:职责(?:、?任务)?|职责分工|工作任务)$/, '');
    const headRole = said ? (said[1] === '牵头' ? 'lead' : 'responsible') : role;
    const tStart = text.indexOf(title.slice(0, 2), h.start);
    const units = isOrganList(ctx, title, tStart < 0 ? h.start : tStart);
    if (!units) continue;
    const kids = heads.map((c, i) => ({ c, i })).filter(({ c }) => c.node.parentId === h.node.id);
    // "(五)质监部门 ⏎ 对治超工作所需的检测设备依法实施计量检定;…": the unit's duties as one paragraph, no items
    if (!kids.length) {
      const lineEnd = text.indexOf('\n', h.start);
      const end = nodeEnd(ctx, heads, k);
      const raw = lineEnd < 0 || lineEnd >= end ? '' : text.slice(lineEnd + 1, end);
      const body = raw.trim();
      if (body.length < 8 || drafts.some((o) => o.units && o.units.start > lineEnd && o.units.start < end)) continue;
      // (one of a run of such headings: a heading naming an issuer or a project alone is no duty list)
      if (!heads.some((o, i) => i !== k && o.node.parentId === h.node.parentId && isOrganList(ctx, o.node.title.replace(/\s/g, ''), o.start))) continue;
      const from = lineEnd + 1 + raw.length - raw.trimStart().length;
      const d = itemDraft(ctx, from, end, h.node.id, body, drafts);
      give(d, units, headRole);
      drafts.push(d);
      continue;
    }
    // "2. 市第二人民医院 ⏎ (1)院内禁烟标识数量不达标; ⏎ (2)… ⏎ 问题整改责任单位:市卫生健康委员会 整改时限:5天": a problem list
    // (real-CW cw01): the place named in the heading, its problems below, and who puts them right on a label line
    // closing the group — the heading is the task, with the label's units; its problems are what it covers
    const last = kids[kids.length - 1];
    const groupEnd = nodeEnd(ctx, heads, last.i);
    // (a heading that names the unit's role, "省审计厅牵头的工作", lists that unit's own tasks: its label lines name helpers)
    const bare = !said && title === headTitle;
    if (bare && ctx.doc.lines.some((l) => l.start > last.c.start && l.start < groupEnd && CLOSING_LABEL.test(l.text))) {
      const d = itemDraft(ctx, h.start, groupEnd, h.node.id, h.node.title, drafts);
      if (!(d.lead.length + d.responsible.length + d.cooperating.length)) give(d, units, headRole);
      drafts.push(d);
      continue;
    }
    for (const { c, i } of kids) {
      const end = nodeEnd(ctx, heads, i);
      const d = itemDraft(ctx, c.start, end, c.node.id, c.node.title, drafts);
      give(d, units, headRole);
      drafts.push(d);
    }
  }
  // "市卫生健康委:10.新增…;11.为…": the unit named once before the items of its line
  for (const line of ctx.doc.lines) {
    const m = /^([ \t\u3000]*)([^\s:;,。]{3,40}?):[ \t]*(?=\d{1,3}[.、](?!\d))/.exec(line.text);
    if (!m) continue;
    const units = isOrganList(ctx, m[2], line.start + m[1].length);
    if (!units) continue;
    const body = line.start + m[0].length;
    const rest = text.slice(body, line.end);
    const cuts: number[] = [];
    const re = /(^|[;。])[ \t]*(\d{1,3})[.、](?!\d)/g;
    let x: RegExpExecArray | null;
    while ((x = re.exec(rest))) cuts.push(body + x.index + x[1].length);
    cuts.forEach((s, j) => {
      let e = j + 1 < cuts.length ? cuts[j + 1] : line.end;
      while (e > s && /[\s;]/.test(text[e - 1])) e--;
      const item = text.slice(s, e).replace(/^[ \t]*\d{1,3}[.、]/, '');
      const d = itemDraft(ctx, s, e, innermost(heads, s)?.node.id ?? null, item, drafts);
      give(d, units);
      drafts.push(d);
    });
  }
}

/**
 * A table cell holding several tasks, with the row's 完成时限 in the next cell: flattened, the
 * deadline stands alone on a line right after the last task of the row and is due for every task
 * of that row (the tasks since the previous such line).
 */
function rowDeadlines(ctx: ParseContext, drafts: Draft[]) {
  const text = ctx.doc.text;
  let from = 0;
  let k = 0;
  for (const line of ctx.doc.lines) {
    const t = line.text.trim();
    if (!t || t.length > 24 || !/^\S*$/.test(t) || !parseDeadline(t)?.deadline || !/^((19|20)\d\d年)?\d{1,2}月/.test(t)) continue;
    while (k < drafts.length && drafts[k].end <= line.start) k++;
    const row = drafts.slice(0, k).filter((d) => d.start >= from && d.end <= line.start);
    from = line.end;
    const last = row[row.length - 1];
    // only cell borders between the row's last task and the deadline
    if (!last || !/^[\s\t]*$/.test(text.slice(last.end, line.start))) continue;
    for (const d of row) if (!d.deadlineText) d.deadlineText = t;
  }
}
