// Label notes: "(牵头单位:X;责任单位:Y)", label lines ("牵头单位:X" under an item), and a labelled value or cell
// that gives roles by verbs ("X、Y牵头,Z按职责分工负责"): finding the labels and reading what stands after them.
import type { ParsedUnit } from '../../shared/parsedPlan.js';
import type { ParseContext } from './types.js';
import { parseUnitList, looksLikeUnit, sectorList, bareTowns, townPieces, splitUnitList } from './units.js';
import { parseDeadline } from './deadline.js';
import { emptyNote, type RespNote, type Role } from './noteParts.js';

/** "同上": the same as the item above */
export const SAME = /^\s*(?:均|也|亦)?同上\s*$/;
import { BARE_DUTY_LABELS, DEADLINE_LABELS, DIVISION_LABELS, HELP_VERB, LEADER_LABELS, ROLE_LABEL_SRC, isLeadLabel, labelRole, roleOfCore } from './vocabulary.js';

// leader and deadline labels, then every unit-role label the vocabulary composes ("牵头单位", "主要协作单位",
// "共同责任单位", "责任主体"…: vocabulary.ts decides each role once)
const OWN_LABELS: [string, Role][] = [
  ...LEADER_LABELS.map((l) => [l, 'leaders'] as [string, Role]),
  ...DEADLINE_LABELS.map((l) => [l, 'deadline'] as [string, Role]),
  ...DIVISION_LABELS.map((l) => [l, 'responsible'] as [string, Role]),
  // "(主体责任:白茶村委会,监督责任:市工商局)": a problem list's note, the duty named without its holder word
  ...BARE_DUTY_LABELS.map((l) => [l, 'responsible'] as [string, Role]),
];
const OWN = new Map(OWN_LABELS);
export const roleOfLabel = (label: string): Role | undefined => OWN.get(label) ?? labelRole(label) ?? undefined;

// truncated labels from page splices: "头单位:" is what is left of "牵头单位:"
const FRAGMENT_ROLE = new Map<string, Role>([
  ['头单位', 'lead'],
  ['任单位', 'responsible'],
]);
// "牵头单位:X", "【牵头单位】X", "责任单位为X" / "相关责任单位有X" (为/有 for the colon), and (damaged) "牵头单位X"
// before a unit-like start
const LABEL_RE = new RegExp(
  `[【\\[]?(${OWN_LABELS.map(([l]) => l).join('|')}|${ROLE_LABEL_SRC}|(?<![牵责])头单位|(?<![责主])任单位)(?:(?:及|和|与|、)(?:完成时限|完成时间|时间节点|时限要求|时限))?(?:[】\\]][ \\t]*:?|[ \\t]*(:|[为有](?=[\\u4e00-\\u9fa5])|(?=[区市县镇各])))`,
  'g',
);

export interface LabelHit {
  start: number;
  end: number; // after the colon
  role: Role;
  label: string;
  fragment: boolean;
  colon: boolean;
  /** "责任单位为X": the label runs into its value through 为 */
  wei?: boolean;
}

// "(牵头:市发展改革委;配合:市财政局)": the role word alone, always with a colon, at the start of a note or clause
// "(牵头:市发展改革委;配合:市财政局)": the role word alone, always with a colon, at the start of a note or clause
// (its role: vocabulary.roleOfCore); a town's notes: "责任村: 官山村、塔山村", "配合村(社区): …"
const SHORT_VILLAGE = new Map<string, Role>([
  ['责任村', 'responsible'],
  ['责任社区', 'responsible'],
  ['配合村', 'cooperating'],
]);
const shortRole = (w: string): Role => SHORT_VILLAGE.get(w) ?? roleOfCore(w);
// no leading lookbehind (it would be tried at every position): the character before is checked by hand
const SHORT_RE = /(牵头|主责|主办|承办|责任村|责任社区|配合村|责任|配合|参与|协办|协同|协作|协助)[ \t]*:(?=[ \t]*(?:[xX]{1,3})?[\u4e00-\u9fa5])/g;
const SHORT_BEFORE = /[(【〔[;,,\s]/;

export function labelHits(text: string): LabelHit[] {
  const out: LabelHit[] = [];
  LABEL_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = LABEL_RE.exec(text))) {
    const label = m[1];
    const fragment = FRAGMENT_ROLE.has(label);
    const wei = m[2] === '为' || m[2] === '有';
    // "…,责任单位为区经信局", "相关责任单位有省财政厅、省扶贫办": 为/有 stands for the colon when a unit follows
    if (
      wei &&
      (fragment || !looksLikeUnit(splitUnitList(/^[^,;。]*/.exec(text.slice(m.index + m[0].length, m.index + m[0].length + 80))![0], 0)[0]?.text ?? ''))
    )
      continue;
    const colon = m[2] === ':' || wei || /[】\]]/.test(m[0]);
    out.push({ start: m.index, end: m.index + m[0].length, role: roleOfLabel(label) ?? FRAGMENT_ROLE.get(label)!, label, fragment, colon, wei });
  }
  SHORT_RE.lastIndex = 0;
  const long = out.length;
  let k = 0;
  while ((m = SHORT_RE.exec(text))) {
    const at = m.index;
    if (at > 0 && !SHORT_BEFORE.test(text[at - 1])) continue;
    while (k < long && out[k].end <= at) k++;
    if (k < long && out[k].start <= at) continue;
    out.push({ start: at, end: at + m[0].length, role: shortRole(m[1]), label: m[1], fragment: false, colon: true });
  }
  return long === out.length ? out : out.sort((a, b) => a.start - b.start);
}

export function readNote(
  ctx: ParseContext,
  start: number,
  end: number,
  contentEnd: number,
  hits: LabelHit[],
  layout: RespNote['layout'],
  damaged: string[],
): RespNote {
  const text = ctx.doc.text;
  const note: RespNote = { ...emptyNote(start, end, layout), damaged };
  const hasLead = hits.some((h) => isLeadLabel(h.label) && h.role === 'lead');
  const unitHits = hits.filter((h) => h.role !== 'deadline' && h.role !== 'leaders');
  note.plainList = unitHits.length > 0 && unitHits.every((h) => h.role === 'responsible' && /^责任/.test(h.label));
  // words before the first label ("(2025年底前完成;牵头单位:…") are a remark, often the deadline
  const pStart = layout === 'paren' ? start + 1 : start;
  const prefix = text.slice(pStart, hits[0].start).replace(/[;,,\s]+$/, '');
  if (prefix.trim()) note.remarks.push({ text: prefix.trim(), start: pStart });
  for (let k = 0; k < hits.length; k++) {
    const h = hits[k];
    if (h.fragment) damaged.push(`标签“${h.label}”不完整`);
    else if (!h.colon) damaged.push(`标签“${h.label}”后缺少冒号`);
    let vEnd = k + 1 < hits.length ? hits[k + 1].start : contentEnd;
    // "责任单位:X 项目责任人:张三 实际完成情况:…": a label the list does not know still ends the value
    const other = OTHER_LABEL.exec(text.slice(h.end, vEnd));
    if (other) {
      const at = h.end + other.index + other[1].length;
      const rest = text.slice(at, vEnd).replace(/[;,,。\s]+$/, '');
      if (rest) note.remarks.push({ text: rest, start: at });
      vEnd = h.end + other.index;
    }
    let raw = text.slice(h.end, vEnd);
    // "〔责任单位:X、Y按职责分工负责。具体任务均涉及…,下同。〕": a sentence after the list states a rule, read elsewhere
    const stop = raw.indexOf('。');
    if (stop > 0 && stop < raw.replace(/[。\s]+$/, '').length) {
      note.remarks.push({ text: raw.slice(stop + 1).replace(/[。\s]+$/, ''), start: h.end + stop + 1 });
      raw = raw.slice(0, stop);
    }
    let value = raw.replace(/[;,,。\s]+$/, '');
    const vStart = h.end;
    // "配合单位:市公安局、各区政府 鄞州 海曙 合计 …": after the names, words parted by spaces are what follows the note
    const gap = /[ \t]+/g;
    for (let g = gap.exec(value.trim() ? value : ''); g; g = gap.exec(value)) {
      const head = value.slice(0, g.index).trim();
      const next = value.slice(g.index + g[0].length).split(/[ \t、,,;]/)[0];
      if (head && splitUnitList(head, 0).every((p) => looksLikeUnit(p.text)) && next && !looksLikeUnit(next)) {
        note.remarks.push({ text: value.slice(g.index + g[0].length), start: vStart + g.index + g[0].length });
        value = value.slice(0, g.index);
        break;
      }
    }
    let role = h.role;
    // 主责/主办/主要责任 lead unless the item has a 牵头 label (vocabulary.ts)
    if (role === 'lead' && hasLead && !isLeadLabel(h.label)) role = 'responsible';
    if (SAME.test(value)) {
      (note.same ??= []).push(role);
      continue;
    }
    if (role === 'deadline') {
      note.deadlineText = value.trim() || null;
      continue;
    }
    if (role === 'leaders') {
      // a post and a name ("副区长 张三") stay together: only list separators split leaders
      note.leaders.push(
        ...value
          .split(/[、,;,]/)
          .map((x) => x.trim())
          .filter(Boolean),
      );
      continue;
    }
    // "牵头单位:X、Y、Z等按职责分工负责": under a 牵头 label, a closing 负责 says how they share the lead, not another role
    const shared = role === 'lead' && isLeadLabel(h.label) ? /(?:按(?:各自)?职责(?:分工)?|分工)?负责$/.exec(value) : null;
    if (shared && !/[,,;]/.test(value.slice(0, shared.index)) && !hasRoleVerb(value.slice(0, shared.index))) value = value.slice(0, shared.index);
    // "责任单位:X牵头,Y配合": the verbs inside the value say who leads
    const byVerb = hasRoleVerb(value) ? readInline(ctx, value, vStart, role) : null;
    if (byVerb) {
      note.plainList = false;
      note.lead.push(...byVerb.lead);
      note.responsible.push(...byVerb.responsible);
      note.cooperating.push(...byVerb.cooperating);
      continue;
    }
    const parsed = parseUnitList(ctx, value, vStart, true);
    note[role].push(...parsed.units.filter((u) => !parsed.marked.includes(u)));
    note.lead.push(...parsed.marked);
    if (!value.trim()) damaged.push(`“${h.label}”后没有单位`);
    // "(牵头单位:市教育局,2024年8月底前完成)": a deadline written among the units
    const dated = parsed.rejected.filter((p) => parseDeadline(p.text)?.deadline);
    for (const p of dated) note.remarks.push({ text: p.text, start: p.start });
    for (const clause of clausesOf(value, vStart)) {
      const rejected = parsed.rejected.filter((p) => !dated.includes(p)).filter((p) => p.start >= clause.start && p.start < clause.start + clause.text.length);
      if (!rejected.length) continue;
      const accepted = parsed.units.some((u) => {
        const s = ctx.doc.toSource(clause.start, clause.start + clause.text.length);
        return u.source && u.source.start >= s.start && u.source.start < s.end;
      });
      // a clause of plain words after the units is a remark; rejected words among units are damage
      if (accepted) damaged.push(`无法识别为单位:“${rejected.map((r) => r.text).join('、')}”`);
      else note.remarks.push({ text: clause.text, start: clause.start });
    }
  }
  return note;
}

// a label of another kind after a unit list: "项目责任人:", "实际完成情况:", "联系人:"
const OTHER_LABEL = /([\s;,,。]+)[\u4e00-\u9fa5]{2,8}:/;

function clausesOf(value: string, offset: number): { text: string; start: number }[] {
  const out: { text: string; start: number }[] = [];
  let s = 0;
  for (let i = 0; i <= value.length; i++) {
    if (i === value.length || value[i] === ';') {
      const t = value.slice(s, i);
      if (t.trim()) out.push({ text: t.trim(), start: offset + s + (t.length - t.trimStart().length) });
      s = i + 1;
    }
  }
  return out;
}

// "(区发展改革委、区财政局牵头,区级有关部门按职责分工负责)"
// ("由市政府办公厅牵头,公安局、人防办等单位组成,负责…": the members of the group an emergency plan sets up carry its
// work, responsible — gc06)
export const VERB =
  /((?:按|依|依照|按照|根据)(?:各自)?职责(?:分工)?(?:分别)?(?:负责|落实)|牵头负责|牵头实施|牵头督导|牵头指导|牵头协调|牵头组织|分别牵头|牵头|负总责|主办|承办|协办|按职责分工负责|按职责分工落实|按职责负责|分工负责|共同负责|负责落实|具体负责|负责|督促指导|指导督促|配合|参与|参加|协助|协同配合|具体实施|组织实施|抓好落实|具体落实|负责实施|组织落实|落实|(?<=等|单位|部门)组成)$/;

// "由X牵头", "此项工作由X牵头负责": the clause naming who does the work
export const YOU = /^(?:(?:明确|决定|确定|商定|议定)?(?:此项|该项|本项|上述|以上|各项|这项|具体)?(?:工作|任务|措施|改革)?(?:具体)?由|请)/;

/** A labelled value or cell that gives roles by verbs: "X牵头,Y配合", "X、Y;Z具体落实". */
export function hasRoleVerb(value: string): boolean {
  if (/牵头(?!\))|配合|参与|参加|协助|协办/.test(value)) return true;
  return value.split(/[,;,]/).some((c) => VERB.test(c.trim()));
}

/**
 * "X牵头,Y配合": roles given by verbs rather than labels; null unless every clause reads so.
 * Under a label (`labelRole`), a clause without a verb is allowed: the first one takes the label's
 * role ("责任单位:各村两委,镇农业服务中心配合"), a later one the role of the verb that ends the
 * run it belongs to ("X牵头,A、B,C配合": A and B cooperate too), or the label's when none follows.
 */
export function readInline(
  ctx: ParseContext,
  inner: string,
  offset: number,
  labelRole?: 'lead' | 'responsible' | 'cooperating',
  helpersOnly = false,
): Omit<RespNote, 'start' | 'end'> | null {
  const note: Omit<RespNote, 'start' | 'end'> = {
    layout: 'inline',
    lead: [],
    responsible: [],
    cooperating: [],
    leaders: [],
    deadlineText: null,
    damaged: [],
    remarks: [],
  };
  let s = 0;
  let any = false;
  let first = true;
  const pending: ParsedUnit[] = [];
  let lastRole: 'lead' | 'responsible' | 'cooperating' | null = null;
  // where the verb-less clauses waiting for a role begin
  let pendingFrom = -1;
  for (let i = 0; i <= inner.length; i++) {
    if (i < inner.length && !/[,;,]/.test(inner[i])) continue;
    const clause = inner.slice(s, i).trim();
    const cStart = offset + s + (inner.slice(s, i).length - inner.slice(s, i).trimStart().length);
    const clauseAt = s;
    s = i + 1;
    if (!clause) continue;
    const wasFirst = first;
    first = false;
    const v = VERB.exec(clause);
    // "(X牵头,Y,Z按职责分工负责)": a list split by commas takes the role of the verb that closes it; so does a
    // sentence's list opened by 由 ("由市财政局、农业局,各县(市)、区人民政府负责落实")
    if (!v && !labelRole && wasFirst && !YOU.test(clause)) return null;
    if (!v) {
      const bare = wasFirst && !labelRole ? clause.replace(YOU, '') : clause;
      const parsed = parseUnitList(ctx, bare, cStart + clause.length - bare.length, true);
      if (!parsed.units.length || parsed.rejected.length) return null;
      if (wasFirst && labelRole) note[labelRole].push(...parsed.units);
      else {
        if (!pending.length) pendingFrom = clauseAt;
        pending.push(...parsed.units);
      }
      any = true;
      continue;
    }
    const said = clause.slice(0, v.index).replace(YOU, '');
    // "厕所的消杀和保洁由市公用局负责": the work, then 由 the unit — a sentence, no note (sentenceDuties' midYou reads it)
    if (/[\u4e00-\u9fa5](?<![经理自缘因])由(?!于)/.test(said)) return null;
    const whoStart = cStart + (v.index - said.length);
    // "县发改局、县住建局等部门密切配合": how they help is not part of their names
    const who = said.replace(/(?:要|应)?(?:密切|积极|全力|主动|大力|紧密|通力|共同)$/, '');
    if (!who) return null;
    // two lists about one verb: the side that leads and the side that helps
    const pair = (m: RegExpExecArray, leadSide: 1 | 3): boolean => {
      const a = parseUnitList(ctx, m[1], whoStart);
      const b = parseUnitList(ctx, m[3], whoStart + m[1].length + m[2].length);
      if (!a.units.length || a.rejected.length || !b.units.length || b.rejected.length) return false;
      note.lead.push(...(leadSide === 1 ? a : b).units);
      note.cooperating.push(...(leadSide === 1 ? b : a).units);
      return true;
    };
    // "县农业农村局会同县林业局、县供销社组织实施": the first leads, those it works with cooperate
    const with_ = /^(.{2,40}?)(会同|联合|协调)(.{2,})$/.exec(who);
    // "市人力社保局等部门配合市委办落实": the unit served leads, those who serve it help
    const serves = with_ ? null : /^(.{2,40}?)(配合|协助)(.{2,30})$/.exec(who);
    if ((with_ || serves) && !HELP_VERB.test(v[1])) {
      if (!pair((with_ ?? serves)!, with_ ? 1 : 3)) return null;
      any = true;
      continue;
    }
    const pieces = splitUnitList(who, whoStart);
    // "发改、农业农村、林业等部门": fields of government sharing one 部门 (units.ts sectorList)
    if (!pieces.length || (!pieces.every((p) => looksLikeUnit(p.text) || /等|有关|相关|各/.test(p.text)) && !sectorList(who, whoStart) && !bareTowns(townPieces(pieces)))) return null;
    // "X主办,Y协办" (fixtures/real/README.md: 主办 leads where no 牵头 label is in play)
    // "由X承办,Y协办": beside those who help, the one who undertakes the item runs it, as 主办 does
    const undertakes = v[1] === '承办' && /协办|配合|协助/.test(inner);
    const role = /^(?:分别)?牵头|^负总责$|^主办$/.test(v[1]) || undertakes ? 'lead' : HELP_VERB.test(v[1]) ? 'cooperating' : 'responsible';
    const parsed = parseUnitList(ctx, who, whoStart);
    if (parsed.rejected.length) return null;
    note[role].push(...pending.splice(0), ...parsed.units);
    any = true;
    lastRole = role;
    pendingFrom = -1;
  }
  // "(县委宣传部、县应急局分工负责;各乡镇)": units after a ";" that closes the verb's clause share its role
  if (pending.length && !labelRole && lastRole && pendingFrom > 0 && inner[pendingFrom - 1] === ';') note[lastRole].push(...pending.splice(0));
  if (pending.length && !labelRole) return null;
  if (pending.length) note[labelRole!].push(...pending);
  // "X、Y按职责分工负责": one plain list; a plan-wide "排名第一的为牵头单位" may give its first the lead
  if (!note.lead.length && !note.cooperating.length) note.plainList = true;
  return any && (note.lead.length > 0 || note.responsible.length > 0 || (helpersOnly && note.cooperating.length > 0)) ? note : null;
}

/**
 * A table cell that labels its own roles ("牵头:X(person) 配合:Y、Z", "牵头单位:X;配合单位:Y"):
 * read like a label note; null when the cell does not open with a label. `start` indexes ctx.doc.text.
 */
export function readLabelledCell(ctx: ParseContext, value: string, start: number): RespNote | null {
  const hits = labelHits(value).filter((h) => h.role !== 'leaders' && h.role !== 'deadline');
  if (!hits.length || value.slice(0, hits[0].start).trim()) return null;
  const all = labelHits(value).map((h) => ({ ...h, start: h.start + start, end: h.end + start }));
  return readNote(ctx, start, start + value.length, start + value.length, all, 'line', []);
}
