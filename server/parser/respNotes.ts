// Responsibility notes in running text, every kind in one pass (findRespNotes): label notes "(牵头单位:X;责任单位:Y)"
// and label lines under an item (read by labelNotes.ts, damaged ones kept as far as legible), inline verb notes
// "(X、Y牵头,Z按职责分工负责)", sentence duties (sentenceDuties.ts), "同上" lines; a duty then runs on through its paragraph.
import type { ParseContext } from './types.js';
import { parseUnitList, looksLikeUnit, splitUnitList } from './units.js';
import { emptyNote, type RespNote } from './noteParts.js';
import { labelHits, readInline, readNote, roleOfLabel, type LabelHit } from './labelNotes.js';
import { findBareNotes } from './sentenceDuties.js';

/** The matching ")" for the "(" at `open`, within the line; -1 when unclosed. */
function closeParen(text: string, open: number, limit = 1200): number {
  let depth = 0;
  const stop = Math.min(text.length, open + limit);
  for (let i = open; i < stop; i++) {
    const c = text[i];
    if (c === '\n') return -1;
    if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i;
  }
  return -1;
}

const SAME_LABELS = '责任领导|牵头领导|分管领导|牵头单位|牵头部门|责任单位|责任部门|配合单位|配合部门|协同单位|完成时限|完成时间';
// "责任领导、牵头单位、责任单位、完成时限同上。": a whole line saying the task above's labels hold here too
const SAME_LINE = new RegExp(`^[ \\t]*((?:(?:${SAME_LABELS})[、和及,]?){1,8})(?:均|也|亦)?同上[。.]?[ \\t]*$`);

function sameLines(ctx: ParseContext, taken: RespNote[]): RespNote[] {
  const out: RespNote[] = [];
  for (const line of ctx.doc.lines) {
    if (!line.text.includes('同上')) continue;
    const m = SAME_LINE.exec(line.text);
    if (!m || taken.some((n) => n.start < line.end && line.start < n.end)) continue;
    const roles = [...m[1].matchAll(new RegExp(SAME_LABELS, 'g'))].map((x) => roleOfLabel(x[0])!).filter(Boolean);
    const lead = line.text.length - line.text.trimStart().length;
    out.push({ ...emptyNote(line.start + lead, line.start + line.text.trimEnd().length, 'line'), same: roles });
  }
  return out;
}

// "(一)牵头单位:市住建局、市发改局。": a label line numbered as a sub-item of its own; the next label line numbered so too
const ITEM_NUMBER = String.raw`[(（][一二三四五六七八九十\d]{1,3}[)）]|\d{1,2}[.、．]`;
const MARK_ONLY = new RegExp(String.raw`^[ \t\u3000]*(?:${ITEM_NUMBER}|[一二三四五六七八九十]{1,3}、)[ \t]*$`);
const NEXT_MARK = new RegExp(String.raw`^\n[ \t\u3000]*(?:${ITEM_NUMBER})[ \t]*$`);

export function findRespNotes(ctx: ParseContext): RespNote[] {
  const text = ctx.doc.text;
  const hits = labelHits(text);
  const notes: RespNote[] = [];
  let i = 0;
  while (i < hits.length) {
    const h = hits[i];
    // look back a bounded stretch: a megabyte-long line must not make this quadratic
    let lineStart = h.start;
    while (lineStart > 0 && lineStart > h.start - 200 && text[lineStart - 1] !== '\n') lineStart--;
    const before = text.slice(lineStart, h.start);
    const open = unclosedParen(before);
    let start: number;
    let end: number;
    let contentEnd: number;
    let layout: RespNote['layout'] = 'paren';
    const damaged: string[] = [];
    // "【责任单位:X、Y】", "〔牵头部门:X;配合部门:Y〕", "[责任单位:X]": a bracketed note reads like a parenthesized one
    const bOpen = bracketOpen(text, h, before, lineStart);
    const bClose = bOpen >= 0 ? closeBracket(text, bOpen) : -1;
    if (bClose >= 0) {
      start = bOpen;
      end = bClose + 1;
      contentEnd = bClose;
    } else if (open >= 0) {
      start = lineStart + open;
      const close = closeParen(text, start);
      if (close >= 0) {
        end = close + 1;
        contentEnd = close;
      } else {
        contentEnd = endOfClause(text, h.end);
        end = contentEnd;
        damaged.push('缺少右括号');
      }
    } else if (/^[ \t]*([-—•●·*]+[ \t]*)?$/.test(before) || /^\t/.test(before) || MARK_ONLY.test(before)) {
      layout = 'line';
      start = h.start;
      // consecutive label lines belong to one note
      let j = i;
      let lineEnd = lineEndOf(text, h.start);
      while (j + 1 < hits.length) {
        const nx = hits[j + 1];
        if (nx.start < lineEnd) j++;
        // blank lines between label lines do not part them ("牵头单位:X⏎⏎责任单位:Y")
        else if (
          /^(?:\n[ \t\u3000]*){1,4}([-—•●·*]+[ \t]*)?$/.test(text.slice(lineEnd, nx.start)) ||
          (MARK_ONLY.test(before) && NEXT_MARK.test(text.slice(lineEnd, nx.start)))
        ) {
          j++;
          lineEnd = lineEndOf(text, nx.start);
        } else break;
      }
      end = contentEnd = lineEnd;
    } else {
      // mid-text label without "(": a note whose opening was lost, if a ")" closes it nearby
      const close = closeWithoutOpen(text, h.end);
      if (close >= 0) {
        start = h.start;
        end = close + 1;
        contentEnd = close;
        damaged.push('缺少左括号或标签不完整');
      } else if (h.colon && (HEAD_GLUED.test(before) || HEAD_CLAUSES.test(before))) {
        // "(一)适龄女生HPV疫苗接种牵头责任部门:县卫生健康委员会": the label glued to its item's heading, the
        // units to the end of the line
        layout = 'inline';
        start = h.start;
        contentEnd = endOfClause(text, h.end);
        end = contentEnd < text.length && text[contentEnd] === '。' ? contentEnd + 1 : contentEnd;
      } else if (/[。;!?]\s*$/.test(before) || (h.wei && /[,]\s*$/.test(before))) {
        // "…。牵头单位:X;责任单位:Y。": labels after the sentence, without parentheses
        layout = 'inline';
        start = h.start;
        contentEnd = endOfClause(text, h.end);
        // "… 4.新投放…。": the next item, numbered on the same line, ends the note
        const item = INLINE_ITEM.exec(text.slice(h.end, contentEnd));
        if (item) contentEnd = h.end + item.index + 1;
        end = contentEnd < text.length && text[contentEnd] === '。' ? contentEnd + 1 : contentEnd;
      } else {
        i++;
        continue;
      }
    }
    const inNote: LabelHit[] = [];
    while (i < hits.length && hits[i].start < contentEnd) inNote.push(hits[i++]);
    if (inNote.length === 0) {
      i++;
      continue;
    }
    notes.push(readNote(ctx, start, end, contentEnd, inNote, layout, damaged));
  }
  notes.push(...findInlineNotes(ctx, notes));
  notes.push(...sameLines(ctx, notes));
  notes.sort((a, b) => a.start - b.start);
  const kept = labelledBelow(text, notes);
  extendDuties(ctx, kept);
  return kept;
}

/**
 * "(五)6月1日前,各乡镇、安委会成员单位要在…设置…宣传栏。⏎ 责任单位:各乡镇政府,县安委会成员单位。": the item's own
 * label line says who does it; the sentence's subject is the same duty told in passing, not a task of its own.
 */
function labelledBelow(text: string, notes: RespNote[]): RespNote[] {
  return notes.filter((n, k) => {
    const next = notes[k + 1];
    if (!n.opens || !next || next.layout !== 'line' || next.opens) return true;
    const lineEnd = text.indexOf('\n', n.end);
    return !(lineEnd >= 0 && lineEnd < next.start && !/\S/.test(text.slice(lineEnd, next.start)));
  });
}

/**
 * "X要严格按照…确定危改对象。评议工作应认真开展,并将会议记录于4月15日前报送我委。": a duty opening its sentence goes on
 * through the sentences after it in its paragraph, up to the sentence where the next note of the paragraph begins —
 * the later sentences say how and by when (their deadline is the duty's).
 */
function extendDuties(ctx: ParseContext, notes: RespNote[]): void {
  const text = ctx.doc.text;
  notes.forEach((n, k) => {
    if (!n.opens || n.bodyEnd === undefined) return;
    const lineEnd = text.indexOf('\n', n.bodyEnd);
    let end = lineEnd < 0 ? text.length : lineEnd;
    const next = notes[k + 1];
    if (next && next.start < end) {
      // the next note's own sentence is not this duty's
      let s0 = next.start;
      while (s0 > n.bodyEnd && !/[。!?]/.test(text[s0 - 1])) s0--;
      end = Math.min(end, s0);
    }
    // …not past the next item numbered inside the line, and not far (a page flattened to one line)
    const item = /[。;!?]\s*(?:[一二三四五六七八九十]{1,3}、|[((][一二三四五六七八九十\d]{1,3}[))]|\d{1,2}[.、](?!\d))/.exec(text.slice(n.bodyEnd, end));
    if (item) end = n.bodyEnd + item.index + 1;
    if (end - n.bodyEnd > 240) return;
    while (end > n.bodyEnd && /[\s]/.test(text[end - 1])) end--;
    if (end > n.bodyEnd) n.bodyEnd = end;
  });
}

// a numbered heading with no sentence end before the label: "(一)…", "一、…", "3.…"
const HEAD_MARK = String.raw`^[ \t\u3000]*(?:[(（][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}、|\d{1,2}[.、．](?!\d))`;
const HEAD_GLUED = new RegExp(String.raw`${HEAD_MARK}[^。;!?:()]{2,60}$`);

// …or a longer item whose clauses run on to the label after a comma ("(一)开展…专项行动,进一步…,深入落实…,责任科室(单位):…")
const HEAD_CLAUSES = new RegExp(String.raw`${HEAD_MARK}[^。;!?:\n]{2,200}[,,][ \t]*$`);

const BRACKETS: Record<string, string> = { '【': '】', '〔': '〕', '[': ']', '〖': '〗' };

/** The opening bracket of "【责任单位:…】" / "〔牵头部门:…〕" the label stands right after, or -1. */
function bracketOpen(text: string, h: LabelHit, before: string, lineStart: number): number {
  // "【牵头单位】X" is a label in brackets, not a bracketed note
  if (BRACKETS[text[h.start]] && !/[】\]]/.test(text.slice(h.start, h.end))) return h.start;
  // the nearest unclosed bracket before the label, within the sentence ("【参与单位:X;牵头单位:Y】")
  for (let i = before.length - 1; i >= 0; i--) {
    const c = before[i];
    if (c === '。' || c === '】' || c === '〕' || c === ']' || c === '〗') return -1;
    if (BRACKETS[c]) return lineStart + i;
  }
  return -1;
}

/** The bracket closing the one at `open`, within the line; -1 when unclosed. */
function closeBracket(text: string, open: number, limit = 600): number {
  const want = BRACKETS[text[open]];
  const stop = Math.min(text.length, open + limit);
  for (let i = open + 1; i < stop; i++) {
    if (text[i] === '\n') return -1;
    if (text[i] === want) return i;
  }
  return -1;
}

/** The "(" a label stands inside ("(2025年底前;牵头单位:…"), or -1; a sentence end in between rules it out. */
function unclosedParen(before: string): number {
  let depth = 0;
  for (let i = before.length - 1; i >= 0; i--) {
    const c = before[i];
    if (c === '。') return -1;
    if (c === ')') depth++;
    else if (c === '(') {
      if (depth === 0) return i;
      depth--;
    }
  }
  return -1;
}

function lineEndOf(text: string, pos: number): number {
  const e = text.indexOf('\n', pos);
  return e < 0 ? text.length : e;
}

/** An unclosed note ends at the sentence or line end. */
function endOfClause(text: string, from: number): number {
  const m = /[。\n]/.exec(text.slice(from, from + 600));
  return m ? from + m.index : Math.min(text.length, from + 600);
}

function closeWithoutOpen(text: string, from: number): number {
  let depth = 0;
  const stop = Math.min(text.length, from + 400);
  for (let i = from; i < stop; i++) {
    const c = text[i];
    if (c === '\n' || c === '。') return -1;
    if (c === '(') depth++;
    else if (c === ')') {
      if (depth === 0) return i;
      depth--;
    }
  }
  return -1;
}

// an item numbered inside a line, after a space or a sentence's end: " 4.新投放…"
export const INLINE_ITEM = /[\s。;]\d{1,2}[.、．](?![\d])(?=[\u4e00-\u9fa5“])/;

function findInlineNotes(ctx: ParseContext, taken: RespNote[]): RespNote[] {
  const text = ctx.doc.text;
  const out: RespNote[] = [];
  // "(X牵头,Y配合)", and the same in brackets: "【X牵头,Y配合】", "〔X负责〕"
  const re = /[(【〔[〖]/g;
  const spans = [...taken].sort((a, b) => a.start - b.start);
  let k = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const open = m.index;
    let close = m[0] === '(' ? closeParen(text, open, 400) : closeBracket(text, open, 400);
    // the page was cut inside the note ("…。〔省委军民融合办、省发展改革委、省数据局(省营商局)"): the note runs to the end
    let cut = false;
    if (
      close < 0 &&
      open > 0 &&
      // (after its sentence, or after an item's words when the note already names a role: "…下降2.5%(分管副省长负责,省发展改革委牵头,省")
      (/[。;]\s*$/.test(text.slice(Math.max(0, open - 2), open)) || /牵头|负责|配合|会同/.test(text.slice(open, open + 400))) &&
      !text.slice(open, open + 400).includes('\n') &&
      text.length - open < 400
    ) {
      close = text.replace(/\s+$/, '').length;
      cut = true;
    }
    if (close < 0) continue;
    re.lastIndex = close + 1;
    while (k < spans.length && spans[k].end <= open) k++;
    if (k < spans.length && spans[k].start <= open) continue;
    let inner = text.slice(open + 1, close);
    // "[X、Y等按职责分工负责。排名第一的为牵头单位,下同。本条及以下责任单位均包括…]": the sentences after
    // the first state rules about the list (its order, a cascade), read elsewhere
    const stop = inner.indexOf('。');
    if (stop > 0 && /牵头|不再|下同|以下/.test(inner.slice(stop)) && !/:/.test(inner.slice(0, stop))) inner = inner.slice(0, stop);
    // "(X、Y等负责,列第一位者为牵头单位,下同)": the same rule after a comma
    const rule = LIST_RULE_AFTER.exec(inner);
    if (rule && rule.index > 0) inner = inner.slice(0, rule.index);
    // a cut note's first sentence says who does the work; what follows it was cut ("…按职责分工负责。各市州、县市区人民政府均为责任单位")
    if (cut && stop > 0 && !/:/.test(inner)) inner = inner.slice(0, stop);
    if (/[。:]/.test(inner)) continue;
    // "(X牵头,Y等按职责分工负责,2018年3月底前完成)": when, after who
    const when = NOTE_DEADLINE_TAIL.exec(inner);
    if (when && when.index > 0) inner = inner.slice(0, when.index);
    // "…等牵" cut inside its verb: the verb it was ("牵头", "负责", "配合")
    if (cut)
      inner = inner
        .replace(/牵$/, '牵头')
        .replace(/(?<!负)负$/, '负责')
        .replace(/配$/, '配合');
    // a note closing its sentence: "…。(市经信局、市科技局配合)" may name only those who help
    // (or closing the item before its stop: "1、地区生产总值增长11%(市发改委,市政府相关部门,各县市区政府)。")
    // (not a body's other names after it, "…报市政府办公厅(市职转办、市营商办)。", nor one place as an aside, "…南部给水厂(寿永片区)。")
    const closing =
      cut ||
      closesSentence(text, open, close) ||
      (endsItem(text, close) && splitUnitList(inner, 0).length >= 2 && !/(?:厅|局|委|办|室|府|中心|会|部|处|科)$/.test(text.slice(Math.max(0, open - 4), open)));
    let note = /牵头|负责|配合|会同|主办|协办/.test(inner)
      ? readInline(ctx, inner, open + 1, undefined, closing)
      : closing
        ? bareList(ctx, inner, open + 1)
        : null;
    // cut after "X牵头,Y、Z、": the verb of the last run is lost; the units after a lead help
    if (!note && cut) {
      const last = Math.max(inner.lastIndexOf(','), inner.lastIndexOf(';'));
      const head = last > 0 ? readInline(ctx, inner.slice(0, last), open + 1) : null;
      const tail = head?.lead.length ? parseUnitList(ctx, inner.slice(last + 1).replace(/[、,]$/, ''), open + 2 + last) : null;
      if (head && tail && tail.units.length && !tail.rejected.length) {
        head.cooperating.push(...tail.units);
        head.damaged.push('原文在说明中截断');
        note = head;
      }
    }
    if (note && when && when.index > 0) note.deadlineText ??= when[1];
    if (note) out.push({ ...note, start: open, end: Math.min(close + 1, text.length) });
  }
  out.push(...findBareNotes(ctx, [...taken, ...out]));
  return out;
}

// ",2018年3月底前完成", ",6月底前", ",持续推进": a note's last clause saying when
const NOTE_DEADLINE_TAIL =
  /[,,;;]\s*((?:(?:19|20)\d{2}\s*年\s*)?(?:\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?(?:底|末|上旬|中旬|下旬)?|年底|年内|(?<=年)底|(?<=年)末)(?:前|以前|之前)?(?:全面|基本)?(?:完成|建成|办结|到位|见效)?|长期坚持|持续推进|持续开展|长期推进|常态化推进|立行立改|长期)\s*$/;

/** ",列第一位者为牵头单位,下同" / ",排名第一的为牵头单位" / ",下同": a rule about the list after it, not part of it */
const LIST_RULE_AFTER =
  /[,,;;](?=\s*(?:(?:列|排|排在|排名|排序|位列|列在|列于)?(?:第一位|第一个|第一|首位|首个|最前)(?:的|者)?(?:单位|部门)?(?:为|是)牵头|下同|以下同|其他|其余))/;

/** "…增长11%(X,Y)。⏎": a parenthesis right before the stop that ends its line */
function endsItem(text: string, close: number): boolean {
  let a = close + 1;
  if (text[a] !== '。' && text[a] !== ';') return false;
  a++;
  while (a < text.length && (text[a] === ' ' || text[a] === '\t')) a++;
  return a >= text.length || text[a] === '\n';
}

/** "…。(X、Y)⏎": a parenthesis right after a sentence's end that closes its line or sentence. */
function closesSentence(text: string, open: number, close: number): boolean {
  let b = open - 1;
  while (b >= 0 && (text[b] === ' ' || text[b] === '\t')) b--;
  let a = close + 1;
  while (a < text.length && (text[a] === ' ' || text[a] === '\t')) a++;
  const after = a >= text.length || text[a] === '\n' || ((text[a] === '。' || text[a] === ';') && (a + 1 >= text.length || /[\n ]/.test(text[a + 1])));
  return b >= 0 && /[。;!?]/.test(text[b]) && after;
}

/**
 * "…确保各项任务落到实处。(市工信局、市应急局,各区县政府)": unit names alone in parentheses after
 * the sentence, with no label or verb: the units responsible for it. Every piece must be a unit.
 */
function bareList(ctx: ParseContext, inner: string, offset: number): Omit<RespNote, 'start' | 'end'> | null {
  if (inner.length < 3 || inner.length > 200) return null;
  const pieces = splitUnitList(inner, offset);
  if (!pieces.length || !pieces.every((p) => looksLikeUnit(p.text))) return null;
  const parsed = parseUnitList(ctx, inner, offset);
  if (!parsed.units.length || parsed.rejected.length) return null;
  return {
    layout: 'inline',
    lead: parsed.marked,
    responsible: parsed.units.filter((u) => !parsed.marked.includes(u)),
    cooperating: [],
    leaders: [],
    deadlineText: null,
    damaged: [],
    remarks: [],
    plainList: parsed.marked.length === 0,
  };
}

export type { RespNote } from './noteParts.js';
