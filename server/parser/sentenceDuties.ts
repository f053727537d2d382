// Who does the work, said in a sentence with no label: "由X牵头,Y配合", "X要于6月底前完成…", "请各镇(街)…",
// duty lines "X做好…", a unit heading, units taking turns in a paragraph. findBareNotes runs every reader line by line.
import type { ParsedUnit } from '../../shared/parsedPlan.js';
import type { ParseContext } from './types.js';
import { parseUnitList, looksLikeUnit, placeUnit, sectorList, splitUnitList } from './units.js';
import { emptyNote, openingNote, type RespNote } from './noteParts.js';
import { VERB, YOU, readInline } from './labelNotes.js';
import { PROJECT_VERB, TEAM_WORD_SRC, labelRole } from './vocabulary.js';

// what opens a decision in minutes or news of a meeting: "会议明确,", "会议研究决定:", "会上要求,"
const DECIDED = /^\s*(?:会议|会上|经研究|会议研究|(?:分工)?方案|《[^》]{1,30}》|通知|意见)(?:明确|要求|强调|指出|决定|议定|提出|商定)?[,:,:]?\s*$/;
// a person's name (two or three characters, no organ ending) in the 牵头 slot: not a place, a level or an office
const TOPIC_PERSON = /^[^,;。由]{2,30}由(?![各市区县省镇乡本该其有相上全])[\u4e00-\u9fa5]{2,3}(?:同志)?牵头$/;
const PERSON_LEAD = /^由((?![各市区县省镇乡本该其有相上全])[\u4e00-\u9fa5]{2,3}?)(?:同志)?(?:牵头|负总责)$/;
// "由杨志武副市长负责,市发改委牵头,相关部门配合": a leader by name and post in the first slot, the units after
const LEADER_POST =
  /^由((?![各本该其有相上全])[\u4e00-\u9fa5]{2,4}(?:常务)?(?:副)?(?:市长|区长|县长|州长|镇长|乡长|省长|主任|书记|秘书长))(?:同志)?(?:负责|牵头|负总责|分管)$/;
// a short insert in parentheses, "各县(区)人民政府", is part of a name: no sentence bound
const SHORT_PAREN = /\([^()。\n]{1,6}\)/g;
const mask = (t: string) => (t.includes('(') ? t.replace(SHORT_PAREN, (p) => '□'.repeat(p.length)) : t);
// an item's marker or a bullet before a sentence that opens the line
const LINE_MARK =
  /^[ \t\u3000]*(?:第[一二三四五六七八九十百零〇\d]{1,4}[条款]|[①-⑳]|[★☆▶►◆◇●○■□▲•·]+|\d{1,2}[.、．](?!\d)|[(（]\d{1,2}[)）]|[一二三四五六七八九十]{1,3}、)?[ \t\u3000]*(?:[一二三四五六七八九十]是)?(?:会议(?:明确|要求|强调|决定|议定|确定|同意)[:,][ \t\u3000]*)?/;
// the modal 应, not the 应 inside a name: 应急局, 供应站, 相应的部门 (every subject reader below asks this)
const MODAL_YING = String.raw`(?<![供响适相对反回])应(?!急)`;
// "市财政局负责将…", "县水务局要会同县直有关部门加强…": a sentence whose subject is the unit that carries it out
// ("相关部门一是要迅速成立工作专班": the first of its points straight after the subject)
// ("镇应急办牵头,组织各村(居)委会…开展…排查": 牵头, then whom it brings together for the work)
// the words that open a request to a body: "请X…", "并请X…", "另请X…", "仍请X…", "也请X…"
const REQUEST_OPEN = '(?:并|另|仍|均|再|也)?请';
const REQUEST_AT = new RegExp(`^${REQUEST_OPEN}`);
// a further request after a clause of the sentence ("…,并请X…", "…,也请X…")
const LATER_REQUEST = '(?:并|另|也)请';
const LATER_REQUEST_OPEN = new RegExp(String.raw`^\s*${LATER_REQUEST}`);
const LATER_REQUEST_AT = new RegExp(String.raw`[,,]\s*${LATER_REQUEST}`);
// "要发挥好…作用", "要充分发挥牵头作用": told to play a role
const PLAY_ROLE = '(?:充分|切实|积极)?发挥好?';
// (a request after a comma, some words after it: the readers then decide who is asked)
const REQUEST_AFTER_COMMA = new RegExp(String.raw`[,,]\s*(?=${REQUEST_OPEN}[^,;。]{2,24}?)`);
// what a lead does after "X牵头,": brings others together, or takes up the work itself ("县环保局牵头,督促乡镇…",
// "县农委、畜牧局牵头,做好打击…", gp01)
const LEAD_THEN = '组织|联合|会同|协调|统筹|召集|负责|督促|做好|抓好|开展|推进|落实|实施|制定|建立|完善';
const SUBJECT = new RegExp(
  String.raw`^(?:${REQUEST_OPEN})?(?:尤其是|特别是)?([^,;。:()!?\s]{2,60}?)(?:也|还|亦|一是|都|均)?(?:(?:要|应|应当|须|必须|将)?(牵头负责|具体负责|负责(?![人責责]|同志)|会同|(?:协同|联合(?!对|向|在|于|开展|发布|印发|出台|下发|召开|组织|实施|进行|执法|检查|督查|行动))(?=[^,;。]{2,30}?(?:部门|单位|局|委|办|办公室)(?:[、和及等对,;。]|共同|开展|做好|推进|落实))|牵头(?=研究|制定|制订|组织|推进|开展|编制|起草|协调|做好|抓好|落实|按照|[,,]\s*(?:${LEAD_THEN})))(?=[\u4e00-\u9fa5]|[,,]\s*(?:${LEAD_THEN}))|(?:要|应|须|必须|务|将|拟)?(?=[于在](?:(?:19|20)\d{2}年|今年|本年|明年)?\d{1,2}月|[于在]每(?:月|季度|半年)|[一二三四五六七八九十两\d]{1,3}(?:天|日|周|个月|个工作日)内(?:完成|办结|整改|上报|报送))|(?:要(?!求)|${MODAL_YING}|应当|须|必须|务必|需)(?=[\u4e00-\u9fa5]))`,
);
// "请各镇(街)抓紧组织制定实施方案": a notice asking its addressees, the verb straight after them
// ("请各单位将落实情况于7月1日前报厅办公室": what to send in, and to whom)
const PLEASE =
  /^请([^,;。:()!?\s]{2,24}?)()(?=(?:对[^,;。]{1,20}?)?(?:派出|抽调|安排|抓紧|认真|尽快|及时|加强|结合|按照|根据|务必|切实|高度|做好|组织|进一步|立即|迅速|严格|全力|积极|督促|指导|落实|将(?=[^,;。]{2,60}?(?:报送|上报|报|提交|反馈))))/;
/** "请X…" with X a body by name (null when the text opens on no request): the shortest name the request opens on, or one up to four characters longer that
 * still is a name ("县政府" → "县政府办公室"; not "财政局" → "财政局依地政处宋处长所提意见办") */
function pleaseNamed(body: string): RegExpExecArray | null {
  const open = REQUEST_AT.exec(body)?.[0];
  if (open === undefined) return null;
  const named = (n: number) => {
    const who = body.slice(open.length, open.length + n);
    // (not a verb read as a name: "请结合部门职责…", "申报企业根据所…")
    // (nor a pronoun, "也请您一起监督…", nor a name run on past a preposition, "并请都更中心以行政法人…")
    return /^[\u4e00-\u9fa5]+$/.test(who) && /^[\u4e00-\u9fa5]/.test(body.slice(open.length + n)) && !/^(?:结合|对照|依据|依照|围绕|针对|您|你|大家|各位)|根据|按照|邀集|召集/.test(who) && !/.以(?![上下内外及])/.test(who) && byNameOnly(who) && !TOWNSHIP_WORD.test(who);
  };
  for (let n = 2; n <= 16 && open.length + n < body.length; n++) {
    if (!named(n)) continue;
    let best = n;
    for (let k = n + 1; k <= n + 4 && open.length + k < body.length; k++) if (named(k)) best = k;
    return new RegExp(`^${open}(${body.slice(open.length, open.length + best)})()`).exec(body);
  }
  return null;
}
// "(二)", "(五)" opening a line: a heading that may run on into its first sentence with no stop
// (the readers see it masked, as every parenthesis: "□□□")
const RUN_IN_HEAD = /^[ \t\u3000]*(?:[(（][一二三四五六七八九十]{1,3}[)）]|□{3,5}(?=[\u4e00-\u9fa5]))/;
// ("8月底区民政局将联合…": a month's end with no 前 is the date too)
// (or the span the work runs in: "2011年9月20日至2011年12月31日,省住房城乡建设厅机关有关处室…负责对口督查…")
const DATE_FIRST =
  /^(?:(?:(?:19|20)\d{2}年|今年|本年|明年)?\d{1,2}月(?:(?:\d{1,2}[日号]|底|末|中旬|下旬|上旬)?(?:前|以前|之前)|底|末|中旬|下旬|上旬)[,,]?\s*|(?:(?:19|20)\d{2}年)?\d{1,2}月\d{1,2}[日号]?(?:起)?(?:至|到|—|-|~)(?:(?:19|20)\d{2}年)?\d{1,2}月\d{1,2}[日号]?[,,]\s*)/;
// "各镇将…报农业农村局备案": addressees with 将 — a notice's instruction (a named unit with 将 is often the issuer's own plan);
// 拟 is 将 (fixtures/real/README.md session 23), and "X则将…" too
const WILL = /^([^,;。:()!?\s]{2,30}?)(?:也|还|亦|则)?(?:将|拟)(?=[\u4e00-\u9fa5])()/;
// "区城管局作为管理整治类任务牵头部门,要…": a body named for a role in the work
const ROLE_NAMED = String.raw`(牵头部门|牵头单位|责任主体|责任单位|主责部门|责任部门|实施主体|(?:实施)?的主体)`;
const AS_ROLE = new RegExp(String.raw`^([^,;。:()!?\s]{2,30}?)作为[^,;。]{0,24}?${ROLE_NAMED}`);
// ("县农委和农村能源办是秸秆综合利用的牵头部门": a body named by name said to be the work's lead, with 是…的)
const IS_ROLE = new RegExp(String.raw`^([^,;。:()!?\s]{2,30}?)(?<![特别就也还都正则但而于或总要])是[^,;。]{0,24}?的${ROLE_NAMED}(?=[,;。]|$)`);
// "发改局、教体局、…等部门根据明年项目计划和工作安排,务必按照有关要求推荐…": the units, what they go by, then the duty
const BASED_ON = /^([^,;。:()!?\s]{2,160}?)(?=(?:根据|按照|结合|依据)[^,;。]{2,40}[,,]\s*(?:要|务必|须|必须|应)[\u4e00-\u9fa5])()/;
// what a body will do that checks others' work: "将适时对…进行督办检查", "每季度将对县区进行一次督查"
const LATER_DUTY = /^[^,;。]{2,17}?(?:要|应|须|必须|务|需|将|拟|负责|牵头|会同|[于在]\d|[于在]每)/;
const WILL_CHECK = /^[^,;。]{0,40}?(?:督查|督办|督导|督促|监督|检查|考核|通报|评估|验收|抽查|跟踪|视察|调研|召开[^,;。]{0,10}?会议)/;
// the units a meeting asks, then what they are to do ("要求督察局做好…", "要求各社区入户宣传")
const REQUESTED =
  /^([^,;。:()!?\s“”]{2,40}?)()(?=(?:在[^,;。]{1,16}?(?:期间|过程中|中|时))?(?:要|必须|务必|在|于)?(?:限期|做好|加快|加大|加强|建立|成立|完成|开展|抓紧|落实|入户|增派|签订|组织|制定|制订|按照|尽快|立即|认真|切实|进一步|全面|继续|严格|积极|及时|负责|牵头|配合|随时|提前|按时|一要|对照))/;
// "她要求县市场监管局…", "会议要求各乡镇…": the speaker's verb with no comma after it
const PRONOUN_SPEAKER = /^(?:[她他]|会议|会上)(?:要求|强调|指出|明确|提出)[:,]?\s*/;
// "千军昌要求," / "会议强调:" opening a news report's sentence
// (or a document quoted by name: "《通知》要求,")
const SPEAKER = /^[”"]?(?:[\u4e00-\u9fa5]{2,4}|《[^》]{2,30}》)(?:要求|强调|指出|表示|提出|明确)[:,]\s*/;
// "各县市区和市级相关部门,要认真盘点…": the units charged, then a comma, then what they must do
const ADDRESSED = /^(?:尤其是|特别是)?([^,;。:()!?\s]{2,40}?)(?:(?:接到|收到)[^,;。]{1,20}?(?:后|以后))?,(?=(?:要|须|必须|务必)[\u4e00-\u9fa5])()/;
// "各牵头单位于2月10日前…", "各部门各单位要在每季度末…": addressees given a duty by the date their sentence sets
const COLLECTIVE = /^(?:[\u4e00-\u9fa5]{0,6})?各(?:[^,;。:!?\s]{1,16})$/;
// "各乡镇人民政府", "各县(市、区)", "各街道": every place of a kind
const PLACES = /^各(?:乡镇|镇|街道|乡|县|区|市|村|社区|园区|开发区|镇街|街镇|镇乡)/;
const SENTENCE_DATE = /[于在](?:(?:19|20)\d{2}年|今年|本年|明年)?(?:\d{1,2}月(?:\d{1,2}日|底|末|中旬|下旬|上旬)?|每月\d{1,2}日|每(?:个)?季度末|年中|年底)(?:前|以前|之前)?/;
// (a county's library, cultural centre or museum, a bureau's section: "县图书馆开展…", "文艺股负责…", fe01, en11)
const ORGAN_NAME = new RegExp(
  `(局|委|办|办公室|部|政府|中心|管委会|集团|公司|院|厅|署|分局|工委|党委|委员会|常委会|政协|人大|部门|单位|督查室|督导室|整改办|专班|指挥部|军分区|人武部|支队|大队|中队|领导小组|领导组|(?:${TEAM_WORD_SRC})(?:工作)?(?:小)?组|办事处|居委会|村委会|街道|镇|乡|所|站|队|村|电视台|气象台|图书馆|文化馆|博物馆|纪念馆|科技馆|美术馆|体育馆|档案馆|股|社|行|室)$`,
);
// ends as a township's or a station's name does but names no body: "城乡要素流动…", "城镇", "全镇", a bare "镇" or "x所"
const TOWNSHIP_WORD = /^(?:城乡|城镇|乡镇|村镇|集镇|小镇|全镇|全乡|本镇|本乡|.?[镇乡所站队村]|美丽乡村)$/;
// (a province's 厅 is a partner as a city's 局 is: "省食安办将会同省教育厅、省公安厅…联合开展…")
// (a partner's name does not open on a preposition: "会同相关责任部门对各单位…" names only 相关责任部门, "…市政协提案委就办理
// 工作…" only 市政协提案委; inside a name it may: "县对口支援办")
const PARTNERS = /^((?:(?!对|就|在|按|向|与|为|把|将|从)[^,;。、:()]{1,24}?(?:部门|单位|局|委|办(?!事处|公室)|政府|中心|管委会|集团|公司|院|厅|署|分局|办公室|办事处)、?)+)/;
// "会同发展改革、住房和城乡建设、财政等部门": fields of government sharing one 部门 (units.ts sectorList reads them)
const SECTOR_PARTNERS = /^((?:[\u4e00-\u9fa5]{2,10}、){1,12}[\u4e00-\u9fa5]{2,10}?等?(?:有关|相关)?部门)/;
const partnersOf = (s: string) => PARTNERS.exec(s) ?? SECTOR_PARTNERS.exec(s);
// Words without which a sentence cannot say who does its work: a cheap test before the readers run. Each wider
// set holds the narrower: a unit as subject needs a modal, 负责/会同, "牵头," or a date (not the 务 of a 水务局: "县交委牵头,
// 组织开展…" is read as "县水务局牵头,组织开展…" is, gp01); a clause run or a note also
// 牵头/配合/承办/协办; a whole line also 实施/落实 (closing "…具体实施。") or 请 anywhere; 请 opening an item may follow
// its marker, "(一)" seen masked as "□□□" by the readers
const SUBJECT_CUE = new RegExp(String.raw`负责|会同|牵头[,,]|要|应|须|务|将|拟|[于在](?:今年|本年|明年)?\d|[于在]每|需|[,,]\s*${REQUEST_OPEN}|^\s*(?:\d{1,2}[、.．]|[(（][一二三四五六七八九十\d]{1,3}[)）]|□{3,5}|[一二三四五六七八九十]{1,3}、)?\s*${REQUEST_OPEN}`);
// the work a unit named after 由 carries out (MID_YOU_WORK)
const YOU_VERB = '组织|组建|形成|派驻|派出|抽调|填报|制定|制订|编制|起草|开展|实施|承担|完成|上报|报送|汇总|审核|核实|提出|研究|出具|建立';
// (asked as three tests, the cheap ones first, not one alternation: the same answer at a fraction of the cost on long
// paragraphs; `subject` is SUBJECT_CUE's answer, which the caller needs anyway)
const ROLE_CUE = /牵头|配合|承办|协办/;
const YOU_CUE = new RegExp(`由[^,;。]{2,30}?(?:帮助|协助|${YOU_VERB})`);
const sentenceCue = (s: string, subject: boolean): boolean => subject || ROLE_CUE.test(s) || (s.includes('由') && YOU_CUE.test(s));
// (成立…聘用: the verbs of plainDuty's PLAIN_VERB that open a line with no other cue; the rest of that list
// would make the cheap test pass on most lines)
// (and every place of a kind opening a sentence: "各市组织对…进行梳理", plainDuty's addressees)
const LINE_WORDS = new RegExp(`实施|落实|请|月(?:\\d{1,2}日)?(?:底|末|中旬|下旬|上旬)?前|成立|设立|开设|排查|聘用|(?:^|[。)])\\s*${PLACES.source.slice(1)}`);
const lineCue = (t: string): boolean => LINE_WORDS.test(t) || sentenceCue(t, SUBJECT_CUE.test(t));

// ";要…", ";二是要…": a clause that carries on the subject of the sentence before
const POINT_MODAL = /^\s*(?:[一二三四五六七八九十]是)?要/;

/**
 * "…。由县农业农村局负责,县财政局配合,各乡镇人民政府具体实施。": a sentence that only says who
 * does the work, closing its paragraph, without parentheses or labels; the same run of clauses
 * inside a sentence ("…98%以上,由X牵头负责,Y、Z等配合。", "由X牵头,Y配合,Z负责项目建设运营。");
 * and a sentence whose subject is the unit ("市财政局负责将…", "X要会同Y加强…").
 */
export function findBareNotes(ctx: ParseContext, taken: RespNote[]): RespNote[] {
  const out: RespNote[] = [];
  const text = ctx.doc.text;
  const free = (a: number, b: number) => !taken.some((n) => n.start < b && a < n.end) && !out.some((n) => n.start < b && a < n.end);
  // a reader's note, kept where it overlaps none already taken; a reader's notes, kept together or not at all
  const takeAll = (ns: RespNote[]): boolean => {
    if (!ns.length || !ns.every((n) => free(n.start, n.end))) return false;
    out.push(...ns);
    return true;
  };
  const take = (n: RespNote | null): boolean => !!n && takeAll([n]);
  // after a sentence's first note, each later clause that opens on a body with a duty of its own is a new task, its note
  // after the one before ("…报送市政府督查室,市政府办公厅将及时予以通报"; "…,县农业农村局要发挥好牵头协调作用,县农机服务中心要
  // 发挥好组织协调作用,县气象部门要…": each in turn; fixtures/real/README.md)
  const takeLater = (first: RespNote, t: string, sm: string, s0: number, lineStart: number) => {
    for (let prev = first, next = laterSubject(ctx, t, sm, s0, lineStart, prev.end); next && free(next.start, next.end); next = laterSubject(ctx, t, sm, s0, lineStart, prev.end)) {
      prev.bodyEnd = Math.min(prev.bodyEnd ?? next.start, next.start);
      out.push(next);
      prev = next;
    }
  };
  for (const line of ctx.doc.lines) {
    const t = line.text.trimEnd();
    if (t.length < 6) continue;
    // "(12)绍兴军分区:指挥、督促…参加…扑救工作": a unit heading its item, whatever words of duty follow
    if (!lineCue(t)) {
      take(unitHead(ctx, t, line.start, true));
      continue;
    }
    const mt = mask(t);
    if (take(unitHead(ctx, t, line.start))) continue;
    // "县环保局:负责…。县交通局、公路局:负责…。": duties by unit, each unit a heading of its own, in one paragraph or a line each
    if (/[:。:]\s*负责/.test(t) && takeAll(unitDuties(ctx, t, line.start))) continue;
    if (/(牵头|负责|负总责|配合|实施|落实|协办)。?$/.test(t)) {
      const body = mt.replace(/。$/, '');
      const from = Math.max(body.lastIndexOf('。'), body.lastIndexOf('!'), body.lastIndexOf('?'), body.lastIndexOf(')')) + 1;
      const lead = body.length - body.trimStart().length;
      const sStart = Math.max(from, lead);
      const sentence = body.slice(sStart);
      const start = line.start + sStart;
      if (sentence.length >= 5 && sentence.length <= 160 && !/[(:“]/.test(sentence) && free(start, start + 1)) {
        const note = readInline(ctx, t.slice(sStart, body.length), start);
        if (note) {
          out.push({ ...note, layout: sStart === lead ? 'line' : 'inline', start, end: Math.min(line.start + t.length, text.length) });
          continue;
        }
      }
      // "(一)开展青年就业见习活动,市人力社保局等部门配合市委办落实。": the item's last clause says who does it
      const comma = Math.max(body.lastIndexOf(','), body.lastIndexOf(','));
      const clause = comma > sStart ? body.slice(comma + 1) : '';
      if (
        clause.length >= 6 &&
        clause.length <= 80 &&
        !/[(:“]/.test(clause) &&
        /配合|会同|牵头/.test(clause) &&
        free(line.start + comma + 1, line.start + comma + 2)
      ) {
        const note = readInline(ctx, t.slice(comma + 1, body.length), line.start + comma + 1);
        if (note && note.lead.length + note.responsible.length + note.cooperating.length >= 2) {
          out.push({ ...note, layout: 'inline', start: line.start + comma + 1, end: Math.min(line.start + t.length, text.length) });
          continue;
        }
      }
    }
    // "会议进一步压实各部门职责:住建局统筹协调全局…;应急局严管…;市场监管局从…严控…": a division of labour after a colon
    if (/职责|分工/.test(t) && takeAll(colonDuties(ctx, t, mt, line.start))) continue;
    // "有3项由X牵头,分别是A;B;C。", "X、Y等分工负责A;B;C": one note, a list of pieces of work each its own task
    takeAll(listedDuties(ctx, t, mt, line.start));
    // "X要…;Y要配合X…;Z要…": units taking turns as clause subjects in one paragraph
    // (the sentences the turns hold are theirs; the paragraph's other sentences are read below: "县民生办将…。县财政局要…。县审计局要…。",
    // dd01)
    const turns = turnNotes(ctx, t, mt, line.start);
    const turnSpans = takeAll(turns) ? turns.map((n) => [n.start, n.bodyEnd ?? n.end] as const) : [];
    // sentence by sentence: a run of "由X牵头,Y配合" clauses, or a unit as the sentence's subject
    // ";" parts clauses that each say who does what ("由X牵头,Y配合,在9月底前完成…;由Z牵头,…")
    const re = /[^。!?;]+[。!?;]?/g;
    // the subject of the sentence before, for ";要…" clauses that carry it on
    let carried: { text: string; at: number } | null = null;
    const carries = /;\s*(?:[一二三四五六七八九十]是)?要/.test(mt);
    for (let m = re.exec(mt); m; m = re.exec(mt)) {
      const sm = m[0];
      const s0 = m.index;
      if (turnSpans.some(([a, b]) => line.start + s0 < b && a < line.start + s0 + sm.length)) continue;
      const said = carries ? subjectOf(sm) : null;
      const point = POINT_MODAL.exec(sm);
      if (said) carried = { text: t.slice(s0 + said.at, s0 + said.at + said.text.length), at: line.start + s0 + said.at };
      else if (!point) carried = null;
      // "各级各部门要坚决遏制…;要加快编制国土空间总体规划,…": the same subject, a piece of work of its own ("…;二是要…" too)
      const on =
        !said && carried && point && /^[\u4e00-\u9fa5]/.test(sm.slice(point[0].length)) && pieceOfWork(sm.slice(point[0].length))
          ? carriedNote(ctx, carried, line.start + s0, line.start + s0 + sm.replace(/[。!?;]$/, '').length)
          : null;
      if (take(on)) continue;
      // "①6月底前,郑州市完成声环境功能区评估工作;12月底前,其他省辖市(含…)完成…": a date, then the place or body
      // that finishes a piece of work by it
      if (/月/.test(sm) && take(datedDuty(ctx, t, sm, s0, line.start))) continue;
      // "完善县乡村三级…配送体系被纳入其中,市邮政管理局成为责任单位": news of a division naming the work and its unit
      if (sm.includes('被纳入') && take(becameUnit(ctx, t, sm, s0, line.start))) continue;
      // the readers of who does the work by its cue words, in order; what none of them reads, a body opening its
      // sentence with a piece of work and no modal (plainDuty)
      const subjectCue = SUBJECT_CUE.test(sm);
      if (sentenceCue(sm, subjectCue)) {
        const run = /[由请]/.test(sm) ? clauseRun(ctx, t, sm, s0, line.start) : null;
        if (run && take(run)) {
          takeLater(run, t, sm, s0, line.start);
          continue;
        }
        const subj =
          (subjectCue ? subjectNote(ctx, t, sm, s0, line.start) : null) ??
          (/配合|协助|协办|参与/.test(sm) ? bareRun(ctx, t, sm, s0, line.start) : null);
        // "请各相关部会…积极办理,并请外交部及经济部研议…": with no subject taken, only a further request is read
        const request = subj || !LATER_REQUEST_AT.test(sm) ? null : laterSubject(ctx, t, sm, s0, line.start, line.start + s0, true);
        if (take(subj) || (request && take(request))) {
          takeLater(subj ?? request!, t, sm, s0, line.start);
          continue;
        }
        if (/由.{2,40}?会同/.test(sm) && take(youWith(ctx, t, sm, s0, line.start))) continue;
        if (/由.{2,30}?(?:负责|牵头|承担|实施|承办)的/.test(sm) && take(youWhose(ctx, t, sm, s0, line.start))) continue;
        const you = sm.includes('由') ? midYou(ctx, t, sm, s0, line.start) : null;
        if (you && take(you)) {
          takeLater(you, t, sm, s0, line.start);
          continue;
        }
      }
      if (PLAIN_CUE.test(sm)) take(plainDuty(ctx, t, sm, s0, line.start));
    }
  }
  out.push(...dutyLines(ctx, free));
  out.push(...dutyLists(ctx, free));
  return out;
}

const COLON_HEAD = /^[^。:]{0,60}?(?:职责|分工|责任)(?:如下|分别是|是)?:\s*/;
const ORGAN_AT = /(局|委|办|部|院|厅|署|中心|政府|街道|公司|集团|队|所|站|处|室|科)/g;

/**
 * "…压实各部门职责:住建局统筹协调全局,督促…;应急局严管工业燃料违规民用行为;市场监管局从生产销售端严控…": after a colon
 * that announces duties, ";" clauses each opening on a unit by name and its work. Three or more units: each clause a task.
 */
/** A unit by name whose duty runs from its name to `bodyEnd`: its note, or null where the name reads as no unit list. */
function ownDuty(ctx: ParseContext, who: string, at: number, bodyEnd: number): RespNote | null {
  const got = parseUnitList(ctx, who, at);
  return got.units.length && !got.rejected.length ? openingNote(at, at + who.length, 'responsible', got.units, bodyEnd) : null;
}

function colonDuties(ctx: ParseContext, t: string, mt: string, lineStart: number): RespNote[] {
  const head = COLON_HEAD.exec(mt);
  if (!head) return [];
  const duties: { at: number; who: string; end: number }[] = [];
  const re = /[^;。]+/g;
  re.lastIndex = head[0].length;
  for (let m = re.exec(mt); m; m = re.exec(mt)) {
    const c = m[0];
    let who = '';
    ORGAN_AT.lastIndex = 0;
    for (let e = ORGAN_AT.exec(c); e && e.index < 14; e = ORGAN_AT.exec(c)) {
      const cand = c.slice(0, e.index + e[0].length);
      if (/^[\u4e00-\u9fa5]{2}/.test(c.slice(cand.length)) && isUnitSubject(cand) && ORGAN_NAME.test(cand) && !NOT_NAMED.test(cand)) who = cand;
    }
    if (!who) continue;
    duties.push({ at: lineStart + m.index, who: t.slice(m.index, m.index + who.length), end: lineStart + m.index + c.length });
  }
  if (duties.length < 3 || new Set(duties.map((d) => d.who)).size < 3) return [];
  return duties.map((d) => ownDuty(ctx, d.who, d.at, d.end)).filter((n): n is RespNote => n !== null);
}

// "有3项由国家卫生健康委牵头,分别是A;B;C。" / "…明确,X、Y、Z等分工负责A;B;C。": who, then the pieces of work it has, parted by ";"
const LISTED =
  /(?:^|[,,:]\s*)(?:有[一二三四五六七八九十\d]{1,3}项)?(?:由([^,;。:()]{2,60}?)牵头[,,]\s*(?:分别是|分别为|包括)|([^,;。:()]{2,80}?)(?:等)?(?:分工负责|牵头负责|分别负责)(?=[\u4e00-\u9fa5“]))/g;

function listedDuties(ctx: ParseContext, t: string, mt: string, lineStart: number): RespNote[] {
  if (!mt.includes(';') || !/分别是|分别为|包括|分工负责|牵头负责|分别负责/.test(mt)) return [];
  const out: RespNote[] = [];
  LISTED.lastIndex = 0;
  for (let m = LISTED.exec(mt); m; m = LISTED.exec(mt)) {
    const who = m[1] ?? m[2];
    const whoAt = m.index + m[0].indexOf(who);
    const from = m.index + m[0].length;
    const stop = mt.indexOf('。', from);
    const body = mt.slice(from, stop < 0 ? mt.length : stop);
    const items = body.split(';');
    // (two pieces of work at least, each a clause of its own, not a list inside one sentence)
    if (items.length < 2 || items.some((x) => x.trim().length < 4 || x.length > 120)) continue;
    if (!(isUnitSubject(who) || splitUnitList(who, 0).every((p) => looksLikeUnit(p.text)))) continue;
    const got = parseUnitList(ctx, t.slice(whoAt, whoAt + who.length), lineStart + whoAt);
    if (!got.units.length || got.rejected.length) continue;
    let at = from;
    for (const x of items) {
      const lead = x.length - x.trimStart().length;
      out.push(
        openingNote(
          lineStart + at + lead,
          lineStart + at + lead + 1,
          m[1] ? 'lead' : 'responsible',
          got.units.map((u) => ({ ...u })),
          lineStart + at + x.length,
        ),
      );
      at += x.length + 1;
    }
  }
  return out;
}

const DATED_DUTY =
  /(?:^|[:,,]|[①-⑳])\s*(?:(?:19|20)\d{2}年)?\d{1,2}月(?:\d{1,2}日)?(?:底|末|中旬|下旬|上旬)?(?:前|以前|之前)(?:[,,]\s*|(?=各))([^,;。:!?\s]{2,40}?)(?:要|须|需|应)?(?:全部|均|务必)?(?=完成|出台|建成|实现|印发|制定|制订|编制|公布|公示|建立|成立|开展|提交|关闭|拆除|搬迁|签订|启动|上报|报送|办理完成|办结|办复)/;
// ("6月底前各县市区完成事项清单梳理": addressees straight after the date, no comma)
// a place that does the work: "郑州市", "其他省辖市(含济源示范区…)", "各省辖市"
const PLACE_SUBJECT =
  /^(?:[\u4e00-\u9fa5]{2,6}(?:省|市|县|区|州|旗|盟)|其他(?:省辖市|地市|市|县|区)|各(?:省辖市|地市|市|县|区|县区|县市区))(?:□+|\([^()]{1,40}\))?$/;

function datedDuty(ctx: ParseContext, t: string, sm: string, s0: number, lineStart: number): RespNote | null {
  const m = DATED_DUTY.exec(sm);
  if (!m) return null;
  const who = m[1];
  const place = PLACE_SUBJECT.test(who);
  if (!(isUnitSubject(who) || isAddressees(who) || (place && !/^(?:全|本)/.test(who)))) return null;
  const whoAt = s0 + m.index + m[0].lastIndexOf(who);
  const raw = t.slice(whoAt, whoAt + who.length);
  const got = place ? null : parseUnitList(ctx, raw, lineStart + whoAt, true);
  const units = !got ? [placeUnit(ctx, raw, lineStart + whoAt)] : got.units.length && !got.rejected.length ? got.units : [];
  if (!units.length) return null;
  return openingNote(lineStart + whoAt, lineStart + whoAt + who.length, 'responsible', units, lineStart + s0 + sm.replace(/[。!?;]$/, '').length);
}

const BECAME =
  /^(?:[^,;。]{0,40}[,,:]\s*)?([^,;。]{4,60}?)被纳入[^,;。]{0,40}[,,]\s*([^,;。:]{2,30}?)(?:成为|为|是|作为)(?:其)?(牵头单位|牵头部门|责任单位|责任部门|主责单位|配合单位)/;

function becameUnit(ctx: ParseContext, t: string, sm: string, s0: number, lineStart: number): RespNote | null {
  const m = BECAME.exec(sm);
  if (!m || !isUnitSubject(m[2])) return null;
  const whoAt = s0 + m[0].lastIndexOf(m[2]);
  const got = parseUnitList(ctx, t.slice(whoAt, whoAt + m[2].length), lineStart + whoAt);
  if (!got.units.length || got.rejected.length) return null;
  const workAt = s0 + m[0].indexOf(m[1]);
  return openingNote(lineStart + workAt, lineStart + whoAt + m[2].length, labelRole(m[3]) ?? 'responsible', got.units, lineStart + workAt + m[1].length);
}

// "县政务公开办在县政府门户网站开设…专栏", "各市、县对辖区内…进行全面排查,建立排查台账": a body by name (or every place
// of a kind) opening its sentence with a piece of work, no modal between
const PLAIN_VERB =
  '开设|设立|成立|建立|制定|制订|编制|排查|整改|申报|聘用|完善|组织|进行|开展|负责(?![人責责])|督促|指导|落实|推动|推进|实施|出台|完成(?!率)|上报|报送|做好|抓好';
const PLAIN_CUE = new RegExp(PLAIN_VERB);
const PLAIN_DUTY = new RegExp(
  `^([^,;。:()!?\\s“”]{2,30}?)(?=(?:也|还|要|应|须|必须)?(?:积极|全力|主动|认真|切实|及时|立即|尽快|逐步|统一|具体|依法|按[^,;。]{1,16}?|在[^,;。]{1,24}?|对[^,;。]{2,40}?|结合[^,;。]{2,30}?[,,]?|根据[^,;。]{2,30}?[,,]?)?(?:${PLAIN_VERB}))`,
);
const PAST = /了|已经|已|累计|截至|截止|先后|近日|日前|目前|期间|去年|上年|今年以来/;
function plainDuty(ctx: ParseContext, t: string, sm: string, s0: number, lineStart: number): RespNote | null {
  const lead = (LINE_MARK.exec(sm)?.[0] ?? '').length;
  const body = sm.slice(lead);
  const m = PLAIN_DUTY.exec(body);
  if (!m) return null;
  const who = m[1];
  // "制定法治政府建设年度工作计划": a verb's object that ends as an organ's name does
  if (PLAIN_CUE.test(who) || /^(?:将|把|对|按|在|为|由|以|推动|加强|强化|做好)|关于|印发|标题|有个别|《|\d|前|会同|會同|^要/.test(who)) return null;
  // a place's name opens it ("县平安办", "各县气象局"): a bare "高效督办" or "部署" only ends as an organ's name does
  // (…except where it says so outright: "(三)莆田出入境检验检疫局负责,重点加强…")
  const outright = /^(?:牵头负责|具体负责|负责)[,,]/.test(body.slice(who.length));
  if (!outright && !/^(?:各|全[省市区县]|[省市区县镇乡州]|[\u4e00-\u9fa5]{1,8}?(?:省|市|区|县|州|镇|乡|街道|盟|旗))/.test(who)) return null;
  const byName = isUnitSubject(who) && ORGAN_NAME.test(who) && !NOT_NAMED.test(who) && !splitUnitList(who, 0).some((p) => NOT_NAMED.test(p.text));
  const places = isAddressees(who) && splitUnitList(who, 0).every((p) => PLACES.test(p.text));
  if (!byName && !places) return null;
  const rest = body.slice(who.length);
  // "…;省人民政府对各州、市…实施年度目标责任管理;…(省发展改革委牵头…)": a paragraph whose note comes later is one task
  if (/牵头|责任单位|责任部门|配合|負責|负责/.test(t.slice(s0 + sm.length))) return null;
  // (a body that holds a meeting is news of an event: "县农业农村局组织召开党组会议…")
  if (PAST.test(rest.replace(/[。!?;]$/, '')) || /^[^,;。]{0,6}召开/.test(rest)) return null;
  const whoAt = s0 + lead;
  return ownDuty(ctx, t.slice(whoAt, whoAt + who.length), lineStart + whoAt, lineStart + s0 + sm.replace(/[。!?;]$/, '').length);
}

// a unit by name and its work, no modal between: "太原市发改委做好供热气源的保障工作", "市财政局积极争取落实…"
const DUTY_OPEN =
  /^([^,;。:()!?\s“”]{3,24}?)(?=(?:积极|全力|主动|认真|切实|及时|继续|进一步|具体)?(?:加强|做好|搞好|抓好|协调|督促|支持|指导|保障|推进|统筹|监督|组织|开展|落实|制定|制订|完善|建立|配合|争取|负责|牵头))/;

// "各街道办事处主要职责:", "区住建局的职责是:": a line naming a unit's duties, its numbered items below
const DUTY_LIST_HEAD = /^\s*([^,;。:()!?\s“”]{2,30}?)(?:的)?(?:主要)?(?:工作)?职责(?:是|为|如下)?\s*[:：]\s*$/;
const NUMBERED = /^\s*(?:\d{1,2}\s*[.、．]|[(（]\d{1,2}[)）]|[①-⑳])\s*/;

/** "各街道办事处主要职责:⏎1.负责…;⏎2.负责…": each numbered item under a unit's list of duties is its task */
function dutyLists(ctx: ParseContext, free: (a: number, b: number) => boolean): RespNote[] {
  const out: RespNote[] = [];
  const lines = ctx.doc.lines;
  for (let k = 0; k < lines.length; k++) {
    const h = DUTY_LIST_HEAD.exec(lines[k].text);
    if (!h || !(isUnitSubject(h[1]) || isAddressees(h[1]))) continue;
    const who = h[1];
    const at = lines[k].start + lines[k].text.indexOf(who);
    for (let j = k + 1; j < lines.length && NUMBERED.test(lines[j].text); j++) {
      const end = lines[j].start + lines[j].text.replace(/[。;\s]+$/, '').length;
      const n = free(lines[j].start, end) ? ownDuty(ctx, who, at, end) : null;
      if (!n) break;
      // the item is the task; the unit is named once above it
      const from = lines[j].start + (NUMBERED.exec(lines[j].text)?.[0].length ?? 0);
      out.push({ ...n, start: from, end: Math.min(end, from + 2) });
    }
  }
  return out;
}

/**
 * "太原市城管局加强对…的协调指导,…;…⏎太原市发改委做好…;市财政局积极争取…⏎太原市能源局协调…": a division of labour
 * written as a list of duties, each line opening on a unit by name and its work with no modal or label (a news item's
 * "各部门…:" list, a notice's 职责分工). Three or more such duties on consecutive lines, every line opening on one,
 * by at least three units: each duty is a task, its unit responsible. A line or two of this shape alone is prose.
 */
function dutyLines(ctx: ParseContext, free: (a: number, b: number) => boolean): RespNote[] {
  const out: RespNote[] = [];
  let block: { at: number; who: string; end: number }[] = [];
  const flush = () => {
    if (block.length >= 3 && new Set(block.map((d) => d.who)).size >= 3) {
      for (const d of block) {
        const n = free(d.at, d.end) ? ownDuty(ctx, d.who, d.at, d.end) : null;
        if (n) out.push(n);
      }
    }
    block = [];
  };
  for (const line of ctx.doc.lines) {
    // (blank lines between the duties do not part them)
    if (!/\S/.test(line.text)) continue;
    // (most lines open on no unit at all: look at the opening before reading the line clause by clause)
    const head = line.text.slice(0, 40).trimStart();
    if (!DUTY_OPEN.test(head.slice((LINE_MARK.exec(head)?.[0] ?? '').length))) {
      flush();
      continue;
    }
    const t = line.text.replace(/\s+$/, '');
    const mt = mask(t);
    const duties: typeof block = [];
    const re = /[^。!?;]+[。!?;]?/g;
    let first = true;
    for (let m = re.exec(mt); m; m = re.exec(mt), first = false) {
      const c = m[0];
      const lead = c.length - c.trimStart().length + (LINE_MARK.exec(c.trimStart())?.[0] ?? '').length;
      const d = DUTY_OPEN.exec(c.slice(lead));
      const who = d?.[1] ?? '';
      if (!d || !ORGAN_NAME.test(who) || NOT_NAMED.test(who) || !isUnitSubject(who)) {
        if (first) break;
        continue;
      }
      const prev = duties[duties.length - 1];
      if (prev) prev.end = line.start + m.index;
      duties.push({
        at: line.start + m.index + lead,
        who: t.slice(m.index + lead, m.index + lead + who.length),
        end: line.start + t.replace(/[。;]$/, '').length,
      });
    }
    if (!duties.length) {
      flush();
      continue;
    }
    block.push(...duties);
  }
  flush();
  // a duty ends before the next one's clause: trim the stop it ends on
  for (const n of out) while (n.bodyEnd! > n.end && /[;。\s]/.test(ctx.doc.text[n.bodyEnd! - 1])) n.bodyEnd!--;
  return out;
}

/** the units a sentence opens on before its modal ("各级各部门要…", "张守锐要求,各乡镇要…"), where they name units or addressees */
const ASKED = /^([^,;。:()!?\s“”]{2,40}?)(?=(?:主动|积极|全力|切实|认真|扎实|迅速|立即|及时|进一步|全面|严格)[\u4e00-\u9fa5])/;
const SAID_SUBJECT = new RegExp(String.raw`^([^,;。:()!?\s]{2,40}?)(?:[一二三四五六七八九十]是)?(?:要|${MODAL_YING}|须|必须)(?=[\u4e00-\u9fa5])`);
function subjectOf(sm: string): { text: string; at: number } | null {
  let lead = (LINE_MARK.exec(sm)?.[0] ?? '').length;
  lead += sm.length - lead - sm.slice(lead).trimStart().length;
  // ("就做好今年…工作,张守锐要求,各级各部门要…": the speaker may come after a clause of context)
  const speaker = /^[^。;]{0,40}?(?:要求|强调|指出|明确)[:,,]\s*/.exec(sm.slice(lead));
  if (speaker) lead += speaker[0].length;
  const m = SAID_SUBJECT.exec(sm.slice(lead));
  if (m && (isUnitSubject(m[1]) || isAddressees(m[1]))) return { text: m[1], at: lead };
  // "公安部交管局要求,各地公安交管部门主动应对…,要聚焦…;要扎实开展…": the units a request names, its modal left out
  const asked = speaker && /要求[:,,]\s*$/.test(speaker[0]) ? ASKED.exec(sm.slice(lead)) : null;
  if (asked && (isUnitSubject(asked[1]) || isAddressees(asked[1]))) return { text: asked[1], at: lead };
  return null;
}

function carriedNote(ctx: ParseContext, who: { text: string; at: number }, start: number, end: number): RespNote | null {
  const got = parseUnitList(ctx, who.text, who.at);
  if (!got.units.length || got.rejected.length) return null;
  return openingNote(start, start + 1, 'responsible', got.units, end);
}

// "14.市卫生局:负责…", "6、区质量技监局。负责…": a duty list by unit, each numbered item opening on its unit
const UNIT_HEAD =
  /^([ \t\u3000]*(?:\d{1,2}[.、．](?!\d)|[(（]\d{1,2}[)）]|[一二三四五六七八九十]{1,3}、|[(（][一二三四五六七八九十]{1,3}[)）])[ \t\u3000]*)([^,;。:!?\s“”]{2,40}?)(?:[:。:]|[ \t\u3000]+(?=负责))(?=\S{4})/;
const HEAD_COOP = /^(?:负责)?(?:会同|牵头(?:组织|协调)?)/;

const UNIT_DUTY = /(?:^|[。;])[ \t\u3000]*(?:\d{1,2}[.、．](?!\d)[ \t\u3000]*)?([^,;。:!?\s“”()]{2,30}?)[:。:][ \t\u3000]*(?=负责)/g;

/** "县环保局:负责对全县秸秆禁烧工作实施统一监督。县交通局、公路局。负责…": a unit standing as its duty's heading */
function unitDuties(ctx: ParseContext, t: string, lineStart: number): RespNote[] {
  const heads: { at: number; who: string }[] = [];
  UNIT_DUTY.lastIndex = 0;
  for (let m = UNIT_DUTY.exec(t); m; m = UNIT_DUTY.exec(t)) {
    const who = m[1];
    const pieces = splitUnitList(who, 0);
    if (!pieces.length || labelRole(who) || ROLE_NOUN.test(who) || PROJECT_VERB.test(who)) continue;
    if (!pieces.every((p) => looksLikeUnit(p.text) && !ROLE_NOUN.test(p.text) && ORGAN_NAME.test(p.text.replace(/\([^)]*\)$/, '')))) continue;
    heads.push({ at: m.index + m[0].lastIndexOf(who), who });
  }
  return heads
    .map((h, k) => ownDuty(ctx, h.who, lineStart + h.at, lineStart + (k + 1 < heads.length ? heads[k + 1].at : t.replace(/[。;\s]+$/, '').length)))
    .filter((n): n is RespNote => n !== null);
}

/** `bare`: a line with no word of duty, read only where a body by name heads it with a colon (not "受理单位:", "开发园区:",
 * "(二)进一步便利企业开办。") */
function unitHead(ctx: ParseContext, t: string, lineStart: number, bare = false): RespNote | null {
  const m = UNIT_HEAD.exec(t);
  if (!m) return null;
  const who = m[2];
  if (bare && (!/[:：]$/.test(m[0]) || /(?:单位|部门|园区)$/.test(who))) return null;
  const pieces = splitUnitList(who, 0);
  // "工作目标:", "责任单位:", "各成员单位:" are headings and labels, not a unit the item is about
  if (!pieces.length || labelRole(who) || ROLE_NOUN.test(who) || !pieces.every((p) => looksLikeUnit(p.text) && !ROLE_NOUN.test(p.text))) return null;
  // "2.筹建黄石(上海)离岸科创中心。", "1.高质量建设崂山实验室。": an item's title naming what to build, not who builds it
  const last = pieces[pieces.length - 1].text.replace(/\([^)]*\)$/, '');
  if (!(ORGAN_NAME.test(last) || /(?:工业区|开发区|园区|新区|高新区|功能区)$/.test(last)) || PROJECT_VERB.test(who)) return null;
  // an item with its own label note says who does it there
  if (/(?:牵头|责任|配合|协办|主办)(?:单位|部门)\s*[:：]/.test(t)) return null;
  const at = lineStart + m[1].length;
  const got = parseUnitList(ctx, who, at);
  if (!got.units.length || got.rejected.length) return null;
  const n = emptyNote(at, at + who.length, 'inline');
  const rest = t.slice(m[0].length);
  const coop = HEAD_COOP.exec(rest);
  if (coop) {
    n.lead.push(...got.units);
    const p = /会同/.test(coop[0]) ? (partnersOf(rest.slice(coop[0].length)) ?? /^([^,;。]{2,30}?(?:部门|单位))/.exec(rest.slice(coop[0].length))) : null;
    if (p) {
      const partners = parseUnitList(ctx, p[1].replace(/、$/, ''), lineStart + m[0].length + coop[0].length);
      if (!partners.rejected.length) n.cooperating.push(...partners.units);
    }
  } else n.responsible.push(...got.units);
  // the item's duties after the unit are the task's wording
  n.bodyEnd = lineStart + t.length;
  return n;
}

// a clause opening on its unit: "县卫健委要牵头…", "县医保局要配合县卫健委…", "区统计局负责…"
const TURN = new RegExp(
  String.raw`^([^,;。:()!?\s]{3,40}?)(?:(要|应当|${MODAL_YING}|须|必须)(牵头负责|牵头(?=[\u4e00-\u9fa5])(?!医院|单位|部门|作用)|会同|配合)?|(牵头负责|具体负责|负责|会同))(?=[\u4e00-\u9fa5])`,
);
// "一、" / "(二)" / "3." numbering an item inside a paragraph
const INLINE_NUM = /^(?:[一二三四五六七八九十]{1,3}、|\([一二三四五六七八九十]{1,3}\)|\d{1,2}[.、](?!\d))/;

/**
 * A paragraph where units speak in turn, clause by clause ("X要…;Y要…;Z要…"): at least two clauses
 * open on a unit. One note for the paragraph (one task, every unit named), or, when the clauses are
 * numbered inside the paragraph ("…如下:一、X负责…;二、Y负责…"), one note per numbered clause.
 */
function turnNotes(ctx: ParseContext, t: string, mt: string, lineStart: number): RespNote[] {
  if (!/要|应|须|负责|会同/.test(mt)) return [];
  const found: {
    at: number;
    end: number;
    numbered: boolean;
    who: ReturnType<typeof parseUnitList>;
    role: 'lead' | 'responsible' | 'cooperating';
    partners: ParsedUnit[];
    clauseEnd: number;
    own: boolean;
  }[] = [];
  const re = /[^。!?;:]+[。!?;:]?/g;
  for (let m = re.exec(mt); m; m = re.exec(mt)) {
    const c = m[0];
    const lead0 = c.length - c.trimStart().length;
    const num = INLINE_NUM.exec(c.slice(lead0));
    let off = lead0 + (num ? num[0].length : (LINE_MARK.exec(c.slice(lead0))?.[0] ?? '').length);
    // "在8月28日至9月12日的集中整治时间中,公安部门要…": when, then who
    // "按照职能分工,在市政府的领导下,市劳动和社会保障部门负责…": what the duties follow, then who
    const when =
      /^(?:(?:在|于)[^,,;。]{2,30}(?:中|期间|时|内|前|后)[,,]\s*|(?:按照|根据|依据|在)[^,,;。]{2,20}(?:分工|要求|规定|领导下|部署|统一领导)[,,]\s*){1,2}/.exec(
        c.slice(off),
      );
    if (when) off += when[0].length;
    const tm = TURN.exec(c.slice(off));
    if (!tm || !isUnitSubject(tm[1])) continue;
    const at = lineStart + m.index + off;
    const who = parseUnitList(ctx, t.slice(m.index + off, m.index + off + tm[1].length), at);
    if (!who.units.length || who.rejected.length) continue;
    const verb = tm[3] ?? tm[4] ?? '';
    let role: 'lead' | 'responsible' | 'cooperating' = verb.startsWith('牵头') ? 'lead' : verb === '配合' ? 'cooperating' : 'responsible';
    const partners: ParsedUnit[] = [];
    let end = at + tm[0].length;
    if (verb === '会同') {
      const restAt = m.index + off + tm[0].length;
      const p = partnersOf(t.slice(restAt, m.index + c.length));
      if (p) {
        const got = parseUnitList(ctx, p[1].replace(/、$/, ''), lineStart + restAt);
        if (got.units.length && !got.rejected.length) {
          role = 'lead';
          partners.push(...got.units);
          end = lineStart + restAt + p[1].length;
        }
      }
    }
    found.push({
      at,
      end,
      numbered: !!num,
      who,
      role,
      partners,
      clauseEnd: lineStart + m.index + c.replace(/[。!?;:]$/, '').length,
      own: /负责$/.test(verb) && !tm[2],
    });
  }
  if (found.length < 2) return [];
  const blank = (at: number, end: number): RespNote => emptyNote(at, end, 'inline');
  // "区委办公室负责将…纳入综合考评;区政府办公室负责对…督察通报;区统计局负责…": each unit takes a duty of
  // its own, clause by clause: one task per clause, as when the clauses are numbered
  const ownTurns = found.filter((f) => f.own).length >= 3 && found.every((f) => f.own || !f.who.units.some((u) => u.scope === 'unit'));
  if (found.every((f) => f.numbered) || ownTurns) {
    // (a closing "各部门、各单位要…" exhorts everyone: no duty of its own)
    return found
      .filter((f) => !ownTurns || f.own)
      .map((f) => {
        const n = blank(f.at, f.end);
        n[f.role].push(...f.who.units);
        n.cooperating.push(...f.partners);
        n.bodyEnd = f.clauseEnd;
        return n;
      });
  }
  // "X要建立…。Y要定期开展…。Z要聚焦…。": each sentence opening on its own unit is a duty of its own; clauses
  // of one sentence ("X要…;Y要配合X…") stay one task
  const sentenceOf = (f: (typeof found)[number]) => (mt.slice(0, f.at - lineStart).match(/[。!?]/g) ?? []).length;
  const before = mt.slice(0, found[0].at - lineStart).replace(/^\s+/, '');
  const titled = /^(?:[(（]?[一二三四五六七八九十\d]{1,3}[)）、.．]|□{3,5})?[^。;]{2,40}。\s*$/.test(before) && !/负责|負責|要|牵头|牽頭|配合/.test(before);
  const groups: (typeof found)[] = [];
  for (const f of found) {
    const last = groups[groups.length - 1];
    // "衛生局要…;環衛局要…;執法局要…": clauses parted by ";" each opening on a unit of its own, none helping another,
    // are duties of their own too
    // (not under an item's title, "(一)提升乡镇卫生院服务能力。X要…;Y要…": the title names one task the units share)
    const ownClause =
      !titled &&
      f.role !== 'cooperating' &&
      !f.partners.length &&
      /;\s*$/.test(mt.slice(Math.max(0, f.at - lineStart - 3), f.at - lineStart)) &&
      last?.every((x) => x.role !== 'cooperating');
    if (last && sentenceOf(last[0]) === sentenceOf(f) && !ownClause) last.push(f);
    else groups.push([f]);
  }
  const named0 = (g: typeof found) => g.some((f) => f.who.units.some((u) => u.scope === 'unit'));
  // "各有关部门要各司其职…。民政部门会同…负责…。住房和城乡建设系统各部门负责…": an opening exhortation of everyone
  // does not bind the duties after it into one task
  const dutyGroups = groups.filter(named0);
  // "各乡镇要全面贯彻…。各乡镇要积极动员各村,摸清…": addressees charged sentence by sentence, none named, take a duty per sentence
  const addressed = groups.length >= 2 && dutyGroups.length === 0;
  // (addressees given a piece of work or a date in their sentence keep it: "各承办单位要在…3个月内办理完毕")
  const worked = (g: typeof found) => g.some((f) => {
    const said = t.slice(f.end - lineStart, f.clauseEnd - lineStart);
    return pieceOfWork(said) || SENTENCE_DATE.test(said) || /\d+个?(?:月|日|天|工作日)内/.test(said);
  });
  const own = addressed
    ? groups
    : dutyGroups.length >= 1 && groups.length >= 2 && groups.every((g) => named0(g) || g.every((f) => !f.own && f.who.units.every((u) => u.scope !== 'unit')))
      ? groups.filter((g) => named0(g) || (dutyGroups.length === 1 && worked(g)))
      : [found];
  // (one duty left after the paragraph's exhortations are set aside, "各级各相关部门要提高思想认识…。市供电公司要精准研判…": its
  // sentence is the task too, gw07)
  const split = own.length > 1 || (!titled && groups.length > 1 && own.length === 1 && own[0] !== found);
  return own.map((g) => {
    const n = blank(g[0].at, g[0].end);
    // each duty its own sentence: the task is the sentence, not the heading over the paragraph
    if (split) n.opens = true;
    const named = new Set<string>();
    for (const f of g) {
      for (const u of f.who.units) {
        if (named.has(u.raw)) continue;
        named.add(u.raw);
        n[f.role].push(u);
      }
    }
    for (const f of g)
      for (const u of f.partners)
        if (!named.has(u.raw)) {
          named.add(u.raw);
          n.cooperating.push(u);
        }
    n.bodyEnd = g[g.length - 1].clauseEnd;
    return n;
  });
}

// "…,按属地管理原则由紫城镇各居委会负责清理、清扫", "…,由县环卫大队帮助清除": who does the work, named after 由 inside the sentence
const MID_YOU = /(?:^|[,;:]|原则|规定|要求|分别|统一|[\u4e00-\u9fa5](?<![经理自缘因])(?=由(?!于)))由([^,;。由()]{2,30}?)(?:分别|共同)?(牵头负责|具体负责|负责|牵头|帮助|协助)(?=[\u4e00-\u9fa5]|[,,;;](?!\s*(?:分别是|分别为|包括))|[。]?\s*$)(?!的)/;
// "该项工作由工业区形成专题报告上报区政府", "由各县(市、区)农业农村局在网上填报", "由住建局派驻专人指导": the unit named
// after 由 and the piece of work it carries out, with no role verb between ("督查通报工作由X具体实施", "由各承办单位直接答复
// 代表", "由省政府办公厅批转下发", fa02, fa04, ev07)
const MID_YOU_WORK = new RegExp(
  `(?:^|[,;:”]|原则|规定|要求|分别|统一|工作|任务|项目|事项|标准|方案|计划|部分|经费|资金|费用)由([^,;。由]{2,30}?)(?:统一|及时|尽快|另行|每周|每月|每季度|每半年|每年|定期|在网上|在线|具体|直接|负责)?(${YOU_VERB}|批转|下发|印发|公布|答复|(?:督查|督导|督办|检查|考核|通报|约谈|核查|验收)(?![室组办处科局站中]))(?=[\\u4e00-\\u9fa5,;。]|$)`,
);

function midYou(ctx: ParseContext, t: string, sm: string, s0: number, lineStart: number): RespNote | null {
  const m = MID_YOU.exec(sm) ?? MID_YOU_WORK.exec(sm);
  if (!m) return null;
  // "本方案…由区发展改革委负责解释": the document's own boilerplate; "未注明责任单位的,由各县区负责落实": a default
  // for every task that names no one, not a task of its own
  if (/^解释/.test(sm.slice(m.index + m[0].length)) || /未(?:注明|明确|列明|标明|列出)/.test(sm)) return null;
  // "由包片单位县气象局负责": the part a unit plays in the campaign, then its name
  const part = /^(?:[\u4e00-\u9fa5]{2,8}?沿线)?(?:包片|包保|包联|挂包|帮扶|对口)(?:单位|部门)/.exec(m[1])?.[0].length ?? 0;
  const who = m[1].slice(part);
  if (!(isUnitSubject(who) || isAddressees(who))) return null;
  const at = lineStart + s0 + m.index + m[0].indexOf('由') + 1 + part;
  const got = parseUnitList(ctx, t.slice(at - lineStart, at - lineStart + who.length), at);
  if (!got.units.length || got.rejected.length) return null;
  // the task is the sentence the unit is named in
  return openingNote(
    at,
    at + who.length + m[2].length,
    /^牵头/.test(m[2]) ? 'lead' : 'responsible',
    got.units,
    lineStart + s0 + sm.replace(/[。!?;]$/, '').length,
  );
}

/** "由镇公路站负责的农村道路硬化项目,…": the project named after the unit that carries it */
function youWhose(ctx: ParseContext, t: string, sm: string, s0: number, lineStart: number): RespNote | null {
  const m = /由([^,;。:()由的]{2,30}?)(负责|牵头|承担|实施|承办)的/.exec(sm);
  if (!m || !isUnitSubject(m[1])) return null;
  const at = s0 + m.index + 1;
  const who = parseUnitList(ctx, t.slice(at, at + m[1].length), lineStart + at);
  if (!who.units.length || who.rejected.length) return null;
  const end = lineStart + s0 + sm.replace(/[。!?;]$/, '').length;
  return openingNote(lineStart + s0 + m.index, lineStart + s0 + m.index + m[0].length, m[2] === '牵头' ? 'lead' : 'responsible', who.units, end);
}

/** "《清单》由县委编办会同县司法行政部门进行解释": X leads what it does together with Y */
function youWith(ctx: ParseContext, t: string, sm: string, s0: number, lineStart: number): RespNote | null {
  const m =
    /由([^,;。:()由]{2,40}?)会同([^,;。:()]{2,80}?)(?:共同|一起|联合)?(?=负责|进行|开展|组织|制定|研究|做好|抓好|推进|实施|落实|办理|解释|编制|起草|审核|督促|指导|监督|检查|评估|考核|确定|根据|按照|结合|依据|统筹|提出)/.exec(
      sm,
    );
  if (!m) return null;
  // "日前,由上海市民政局会同…编制的《…规划》正式发布": who wrote a document, news of its release
  if (/^[\u4e00-\u9fa5]{2,4}的/.test(sm.slice(m.index + m[0].length))) return null;
  const at = s0 + m.index + 1;
  const lead = parseUnitList(ctx, t.slice(at, at + m[1].length), lineStart + at);
  const pAt = at + m[1].length + 2;
  const partners = parseUnitList(ctx, t.slice(pAt, pAt + m[2].length), lineStart + pAt);
  if (!lead.units.length || lead.rejected.length || !partners.units.length || partners.rejected.length) return null;
  const note = emptyNote(lineStart + s0 + m.index, lineStart + pAt + m[2].length, 'inline');
  note.lead.push(...lead.units);
  note.cooperating.push(...partners.units);
  note.bodyEnd = lineStart + s0 + sm.replace(/[。!?]$/, '').length;
  note.opens = true;
  return note;
}

// "区城管局负责,工商局、区商务局配合,取缔…": the sentence opens on who does it and who helps, then the work
// ("…等部门积极参与、强化合作,做实…": the helpers' part may run on after a 、)
const BARE_RUN = /^([^,;。:()!?\s]{2,40}?)(牵头负责|牵头|负责),([^,;。:()!?]{2,60}?(?:配合|协助|协办|参与))(?=[,;。、]|$)/;

function bareRun(ctx: ParseContext, t: string, sm: string, s0: number, lineStart: number): RespNote | null {
  const lead = (LINE_MARK.exec(sm)?.[0] ?? '').length;
  const m = BARE_RUN.exec(sm.slice(lead));
  if (!m || !isUnitSubject(m[1])) return null;
  const at = lineStart + s0 + lead;
  const note = readInline(ctx, t.slice(s0 + lead, s0 + lead + m[0].length), at);
  if (!note || !note.cooperating.length || !(note.lead.length + note.responsible.length)) return null;
  const rest = sm
    .slice(lead + m[0].length)
    .replace(/^[,;]/, '')
    .replace(/[。!?;]$/, '');
  // the work follows: a run that ends its sentence says who, about the item above, and is read elsewhere
  if (rest.length < 4) return null;
  note.opens = true;
  note.bodyEnd = lineStart + s0 + sm.replace(/[。!?;]$/, '').length;
  return { ...note, layout: 'inline', start: at, end: at + m[0].length };
}

// "于2024年8月底前", "力争年内": a clause saying by when
const BY_WHEN = '(?:并)?(?:于|在|力争|确保)?(?:(?:19|20)\\d{2}年)?(?:\\d{1,2}月(?:\\d{1,2}日|底|末|中旬|下旬|上旬)?|年底|年内)(?:前|以前|之前)?';
const BY_WHEN_ONLY = new RegExp(`^${BY_WHEN}(?:完成|办结|落实到位)?$`);
const BY_WHEN_CLAUSE = new RegExp(`(?:^|[,;])\\s*${BY_WHEN}`);

/** "…,由X牵头负责,Y、Z等部门配合,力争…": the clauses from "由" while each ends on a role verb */
function clauseRun(ctx: ParseContext, t: string, sm: string, s0: number, lineStart: number): RespNote | null {
  const clauses: { a: number; b: number }[] = [];
  const cut = /[,;。!?]/g;
  let a = 0;
  for (let c = cut.exec(sm); ; c = cut.exec(sm)) {
    const i = c ? c.index : sm.length;
    if (i > a) clauses.push({ a, b: i });
    a = i + 1;
    if (!c) break;
  }
  const trimA = (c: { a: number; b: number }) => c.a + (sm.slice(c.a, c.b).length - sm.slice(c.a, c.b).replace(LINE_MARK, '').length);
  let k = clauses.findIndex((c) => {
    const x = sm.slice(trimA(c), c.b);
    return YOU.test(x) && /(牵头负责|牵头|负总责|负责|牵头实施|组织实施|负责实施|承办|主办)$/.test(x);
  });
  // "九重区域环境整治由王光玲牵头,九重镇落实;": the work named first, a leader by name, then the unit that carries it
  let topic: { a: number; at: number } | null = null;
  if (k < 0) {
    k = clauses.findIndex(
      (c, i) =>
        i + 1 < clauses.length &&
        TOPIC_PERSON.test(sm.slice(trimA(c), c.b)) &&
        /^\s*[^,;。]{2,20}?(?:负责|落实|实施)$/.test(sm.slice(clauses[i + 1].a, clauses[i + 1].b)),
    );
    if (k < 0) return null;
    const x = sm.slice(trimA(clauses[k]), clauses[k].b);
    topic = { a: trimA(clauses[k]), at: trimA(clauses[k]) + x.lastIndexOf('由') };
    clauses[k] = { a: topic.at, b: clauses[k].b };
  }
  // "由马娜牵头,区收储办、区自然资源和规划分局负责,…": a leader by name in the 牵头 slot; the units of the next
  // clause carry the work
  const person = PERSON_LEAD.exec(sm.slice(trimA(clauses[k]), clauses[k].b));
  const post = LEADER_POST.exec(sm.slice(trimA(clauses[k]), clauses[k].b));
  const leader =
    person && !ORGAN_NAME.test(person[1]) && k + 1 < clauses.length && /(?:负责|落实|实施)$/.test(sm.slice(clauses[k + 1].a, clauses[k + 1].b))
      ? person[1]
      : post && k + 1 < clauses.length && /(?:牵头负责|牵头|负责)$/.test(sm.slice(clauses[k + 1].a, clauses[k + 1].b))
        ? post[1]
        : null;
  const noteAt = leader ? k + 1 : k;
  let j = noteAt;
  while (j + 1 < clauses.length && VERB.test(sm.slice(clauses[j + 1].a, clauses[j + 1].b).trim())) j++;
  let end = clauses[j].b;
  // "…,宾川县水务产业投资有限公司负责项目建设运营": a last clause whose unit takes on a named job
  if (j + 1 < clauses.length) {
    const c = clauses[j + 1];
    const x = sm.slice(c.a, c.b);
    const sub = /^\s*([^,;。]{3,40}?)(?:具体负责|负责)(?=[\u4e00-\u9fa5])/.exec(x);
    if (sub && isUnitSubject(sub[1])) end = c.a + sub[0].length;
  }
  const from = trimA(clauses[noteAt]);
  const start = lineStart + s0 + trimA(clauses[k]);
  const note = readInline(ctx, t.slice(s0 + from, s0 + end), lineStart + s0 + from);
  if (!note) return null;
  if (leader) note.leaders.push(leader);
  if (topic) {
    note.opens = true;
    note.bodyEnd = lineStart + s0 + clauses[k].a;
    return { ...note, layout: 'inline', start: lineStart + s0 + topic.a, end: lineStart + s0 + end };
  }
  // "会议明确,由X牵头,Y负责,及时收集…": minutes deciding a duty; the duty is this sentence, not the item above it
  if (DECIDED.test(sm.slice(0, trimA(clauses[k])))) {
    note.opens = true;
    note.bodyEnd = lineStart + s0 + sm.replace(/[。!?;]$/, '').length;
  }
  // "…扶贫行动。由国家药监局牵头,建立健全…标准。": roles opening a sentence inside a paragraph, the work after them —
  // the sentence is the task, not the paragraph before it
  const opening = k === 0 && !leader && !topic && !/\S/.test(sm.slice(0, trimA(clauses[0]))) && /[。!?]\s*$/.test(t.slice(0, s0));
  // (not "此项工作由X负责,Y配合,9月底前完成。" or "具体由X组织实施": a closing word on the item above)
  const after = sm.slice(end).replace(/^[,;]/, '').replace(/[。!?;]$/, '');
  const dateOnly = BY_WHEN_ONLY.test(after);
  if (opening && /^由/.test(sm.slice(trimA(clauses[0]))) && after.length >= 4 && !dateOnly) {
    note.opens = true;
    note.bodyEnd = lineStart + s0 + sm.replace(/[。!?;]$/, '').length;
  }
  // "…,Y配合,于2024年8月底前完成整治。": the rest of the sentence says when, and belongs to the note
  const rest = sm.slice(end).replace(/[。!?]$/, '');
  if (BY_WHEN_CLAUSE.test(rest)) {
    const dl = /(?:(?:19|20)\d{2}年)?\d{1,2}月(?:\d{1,2}日|底|末|中旬|下旬|上旬)?(?:前|以前|之前)?|(?:(?:19|20)\d{2}年)?(?:年底|年内)(?:前)?/.exec(rest);
    if (dl) note.deadlineText = dl[0];
    end += rest.length;
  }
  return { ...note, layout: 'inline', start, end: lineStart + s0 + end };
}

const ROLE_NOUN = /^(?:各|其他|其余)?(?:牵头|责任|配合|协同|协办|参与|主要|成员)(?:责任)?(?:单位|部门)$/;
const MARKET_ACTOR =
  /^(?:用人|用工|施工|施工总承包|总承包|分包|监理|勘察|设计|劳务派遣|生产经营|经营|招标|代建)单位(?:或者?(?:施工总承包|总承包|分包|监理|施工)单位)?$/;
const OFFICE_IN_EACH =
  /^各(?:省|市|县|区|地|地区|州|盟|旗|乡镇|县区|县市区|市县|区县|县\(市、区\)|县\(市\)区)(?:级)?(?!.*(?:各|有关|相关|职能|成员|责任|牵头|配合))[\u4e00-\u9fa5□()]{2,24}?(?:部门|局|委|委员会|办|办公室|厅|中心|站|所)$/;
// (the subject readers ask the same few words of every sentence again and again: each answer, a pure function of the
// words, is kept; the cap keeps a long document's memory bounded)
function memo(f: (who: string) => boolean): (who: string) => boolean {
  const seen = new Map<string, boolean>();
  return (who) => {
    let got = seen.get(who);
    if (got === undefined) {
      if (seen.size > 20_000) seen.clear();
      got = f(who);
      seen.set(who, got);
    }
    return got;
  };
}
const isUnitSubject = memo((who: string): boolean => {
  const pieces = splitUnitList(who, 0);
  // "本规划由市发改委", "各牵头单位要会同责任单位": a document or a role, not a named unit
  if (/由|^本/.test(who)) return false;
  // "按要求及时将双创所(需…)": a clause that only ends as an organ's name does
  // ("汉中市召开…市级牵头部门": a news item's clause, not a subject)
  if (/^(?:按|根据|依据|依照|对)|及时|将(?!乐)|了|听取|聽取|要求|召开|举行/.test(who)) return false;
  // "用人单位应当依法…", "施工总承包单位应当…": parties a regulation binds (employers, contractors), not government units
  if (pieces.some((p) => MARKET_ACTOR.test(p.text))) return false;
  // "县发改、住建、自然资源等相关职能部门": fields of government named before one shared 部门
  if (!/^(?:全[省市区县州])?各/.test(who) && sectorList(who, 0) !== null) return true;
  return (
    pieces.length > 0 &&
    pieces.every((p) => looksLikeUnit(p.text) && ORGAN_NAME.test(p.text.replace(/\([^)]*\)$/, '')) && !ROLE_NOUN.test(p.text) && !TOWNSHIP_WORD.test(p.text))
  );
});
// "各单位", "全县各级各部门", "其他涉及部门": everyone addressed, no one named
const NOT_NAMED =
  /干部$|领导$|同志$|^(?:部门|单位|机构)$|^(?:全[省市区县])?各|^(?:其他|其余|相关|有关)|下阶段|下一步|^(?:区县|县区|市县|市州|乡镇|镇街|街镇|镇乡)(?:人民)?(?:政府|党委|党委政府)?$/;
/** units by name only, no addressee among them ("市住建局、市监察局", not "各有关部门") */
const byNameOnly = (who: string): boolean => isUnitSubject(who) && !splitUnitList(who, 0).some((p) => NOT_NAMED.test(p.text));
/** "各牵头单位", "各地、各部门", "各部门各单位": the addressees of a notice, no one unit by name */
// "各有关单位要按照分工抓紧制定实施细则", "各乡镇要组织开展自查": a piece of work to draw up, submit, check or finish (the
// labelling rule for collectives, fixtures/real/README.md); "要高度重视、加强领导、形成合力" is an exhortation
// (a post to fill, "要落实一名专(兼)职消防管理人员", and a rota to keep, "实行24小时值班制度", are work too: ft06, ft09)
const WORK_VERB =
  /(?:制定|制订|编制|起草|谋划)[^,;。]{0,14}?(?:方案|计划|清单|细则|办法|台账|臺賬|规划|意见|制度|预案|預案|措施)|(?:分解|层层)下达|报送|上报|报告|提交|填报|申报|报区|报市|报县|办结|完成(?![好率])(?=[\u4e00-\u9fa5])|启动[^,;。]{0,12}?(?:工作|工程|项目|建设|改造|设计)|建立(?:[^,;。]{0,10}?(?:台账|臺賬|档案|清单)|(?!健全)[^,;。]{0,12}?(?:渠道|机制|制度|队伍|团队|组织|平台|档案|数据库))|(?:推行|健全)[^,;。]{2,16}?制度|(?:完善|健全)[^,;。]{0,12}?(?:机制|体制)|(?:纳入|列入)[^,;。]{0,24}?(?:规划|计划|预算|考核|目录|清单|绩效)|成立|自查|排查|摸排|摸底|整改|清扫|巡查|监测|查看|演练|组织[^,;。]{0,10}?(?:活动|演练|会议)|申请|争取[^,;。]{0,8}?资金|处理|处置|查处|打击|取缔|关停|对接|协调解决|巡逻|值守|检修|维修|清运|疏散|转移|救援|清理|清查|核查|核实|抽查|回访|拆除|验收|录入|开展[^,;。]{0,12}?(?:行动|活动|检查|宣传|培训|调查|普查|整治|巡查|督查)|集中(?:治理|整治)|整治(?!工作)|组织实施|指导[^,;。]{0,8}?(?:企业|学校|乡镇|村|社区|单位)|(?:落实|配备|配齐|明确|确定|安排)[^,;。]{0,3}?[一二两三四五六七八九十\d]+名|实行[^,;。]{0,12}?(?:值班|制度)/;
const PLAYS_A_ROLE = new RegExp(`^${PLAY_ROLE}[^,;。]{2,10}作用`);
const PLAYS_LEAD = new RegExp(`^${PLAY_ROLE}牵头(?:抓总|协调)?作用`);
// (every sentence a piece of work may be in is asked: made once)
const WORK_VERB_ALL = new RegExp(WORK_VERB.source, 'g');
// (高度重视, 密切配合, 形成合力 and 树立 are not here: each, measured on the real pages, voided more labelled work than
// exhortations — "要高度重视…问题的整改工作")
const EXHORT =
  /提高认识|提高思想认识|加强(?:组织)?领导|加强协调|通力合作|压实|落实责任|各司其职|认真贯彻|深入贯彻|抓好落实|落到实处|切实承担|承担起|主动支持|积极配合|扛牢|精心组织|作为.{0,12}(?:政治任务|首要任务|重要任务)/;
const DUE_BY = /(?:^|[于在,,]|确保|力争)\s*(?:(?:19|20)\d{2}年)?(?:\d{1,2}月(?:\d{1,2}日|底|末|中旬|下旬|上旬)?|年底|年内)(?:前|以前|之前)/;

function pieceOfWork(rest: string): boolean {
  // (a traditional-character page has been converted already: normalize.ts toSimplified)
  const clause = rest.replace(/[。!?].*$/, '').slice(0, 160);
  // "要将造林绿化工作纳入政府绩效考核范畴,切实建立…机制,层层落实责任状": the work named first, an exhortation after it
  // (not a clause saying what the work goes by: "以…活动为契机", "严格按照《…报告》…"; a document's title names no work)
  const first = clause.split(/[,,;]/)[0].replace(/《[^》]*》/g, '');
  if (WORK_VERB.test(first) && !EXHORT.test(first) && !/确保|力争|努力|争取/.test(first) && !/^\s*(?:严格)?(?:以|按照|根据|围绕|结合|对照|依照|依据)/.test(first)) return true;
  // an exhortation anywhere in the sentence makes its work words part of the exhortation ("…,确保按时完成")
  if (EXHORT.test(clause) && !/限期|前完成|底前|月底|台账|清单|方案/.test(clause)) return false;
  // "要在2017年10月前停止使用…": anything with a deadline is a piece of work (fixtures/real/README.md)
  if (DUE_BY.test(clause)) return true;
  // "…,确保圆满完成各项目标任务": work words in a closing 确保 clause are the exhortation's own
  const re = WORK_VERB_ALL;
  re.lastIndex = 0;
  for (let m = re.exec(clause); m; m = re.exec(clause)) {
    const own = clause.slice(Math.max(clause.lastIndexOf(',', m.index), clause.lastIndexOf(',', m.index)) + 1, m.index);
    if (!/确保|力争|努力|争取/.test(own)) return true;
  }
  return false;
}

const isAddressees = memo((who: string): boolean => {
  const pieces = splitUnitList(who, 0);
  // "各牵头单位于2月28日前报送…" counts too: every labeller of the real pages took such a dated duty as a task
  // (the person confirming the import may drop it where it only restates the reporting calendar)
  // "牵头单位要…", "责任单位要…": the units a division table names, addressed by their role (and "主办单位要…",
  // "承办单位将…" in a notice on handling deputies' suggestions)
  return (
    pieces.length > 0 &&
    pieces.every(
      (p) =>
        (COLLECTIVE.test(p.text) && (looksLikeUnit(p.text) || /^各(?:地|部门各单位|单位)$/.test(p.text))) || /^(?:牵头|责任|配合|主办|承办|协办)(?:单位|部门)$/.test(p.text),
    )
  );
});

/**
 * A later clause of a sentence read by SUBJECT or WILL (`later`) that opens on one body by name with a duty of its own: a
 * role verb, a piece of work, a check on others' work or a date. ("认真研究所负责的重点工作": an adverb and a verb, not a 研究所.)
 */
function bodyWithDuty(rest: string, later: RegExpExecArray | null): boolean {
  if (!later || !isUnitSubject(later[1]) || NOT_NAMED.test(later[1]) || later[1].length > 16 || !ORGAN_NAME.test(later[1])) return false;
  if (/本(?:单位|部门)|^(?:一并|同时|并|及时|抓紧|认真|切实|积极|主动|进一步)/.test(later[1])) return false;
  const after = rest.slice(later[0].length);
  // ("县气象部门要发挥好预报预警作用": charged with the role named, fixtures/real/README.md session 24)
  return !!later[2] || pieceOfWork(after) || WILL_CHECK.test(after) || SENTENCE_DATE.test(after) || PLAYS_A_ROLE.test(after);
}

/** "…,并请外交部及经济部研议…", "…,也请交通部一并督导了解": a further request to a body by name, its charge whatever the verb */
// (not a request to help the bodies asked before, "…,并请环保署与内政部营建署提供协助": those serve the task before it)
const laterRequest = (rest: string): boolean => {
  if (!LATER_REQUEST_OPEN.test(rest)) return false;
  const asked = pleaseNamed(rest.trimStart());
  return asked !== null && !/^[^,;。]{0,6}?(?:协助|配合|支持|协办)/.test(rest.trimStart().slice(asked[0].length));
};

/**
 * A unit by name that opens a clause after `after` (a subject note's end, or the sentence's start), with a duty of its
 * own; `requestsOnly`: only a further request ("…,并请X…"). A request's task opens on its own words ("并请…").
 */
function laterSubject(ctx: ParseContext, t: string, sm: string, s0: number, lineStart: number, after: number, requestsOnly = false): RespNote | null {
  const from = after - lineStart - s0;
  for (let c = sm.indexOf(',', from); c > 0; c = sm.indexOf(',', c + 1)) {
    const rest = sm.slice(c + 1);
    const request = laterRequest(rest);
    // where the clause's own words begin: a request's task and a 由 clause's open there
    const opens = lineStart + s0 + c + 1 + (rest.length - rest.trimStart().length);
    // "…牵头组织实施,评定结果由省河长办向社会发布": a later clause saying who does its own piece of work by 由 (ay14)
    const you = !request && !requestsOnly && /^[^,;。]{0,30}?由/.test(rest) ? midYou(ctx, t, rest, s0 + c + 1, lineStart) : null;
    if (you) return { ...you, start: opens, laterClause: true };
    if (!request && (requestsOnly || !LATER_DUTY.test(rest) || !bodyWithDuty(rest, SUBJECT.exec(rest) ?? WILL.exec(rest)))) continue;
    const note = subjectNote(ctx, t, rest, s0 + c + 1, lineStart);
    if (!note || note.start < lineStart + s0 + c + 1) continue;
    return { ...note, ...(request ? { start: opens } : {}), laterClause: true };
  }
  return null;
}

/** "市财政局负责将…纳入年度预算", "县水务局要会同县直有关部门加强…": the unit opens the sentence */
const isRole = (body: string) => {
  const m = IS_ROLE.exec(body);
  return m && byNameOnly(m[1]) ? m : null;
};

function subjectNote(ctx: ParseContext, t: string, sm: string, s0: number, lineStart: number): RespNote | null {
  let lead = (LINE_MARK.exec(sm)?.[0] ?? '').length;
  // "关于“三无小区”改造工作,督导组指出,市住建局等部门要…": the matter first, then the speaker or the units
  const about = /^关于[^,,;。]{2,30}[,,]\s*/.exec(sm.slice(lead));
  if (about) lead += about[0].length;
  // "千军昌强调,市住建局、市监察局…要成立…": a news report's speaker before the units it charges
  const speaker = SPEAKER.exec(sm.slice(lead)) ?? PRONOUN_SPEAKER.exec(sm.slice(lead));
  if (speaker) lead += speaker[0].length;
  // "自2025年第二季度起,各牵头单位要…": when a rule starts, then who keeps it
  const since = /^(?:自|从)[^,,;。]{2,20}(?:起|开始)[,,]\s*/.exec(sm.slice(lead));
  if (since && !speaker) lead += since[0].length;
  // "本报讯 (记者李梦瑶 实习生陈思帆)省食安办将会同…": a news item's byline, then who
  const byline = /^\s*(?:本报讯|本网讯|讯)\s*(?:\([^()]{0,30}\)|□+)?\s*/.exec(sm.slice(lead));
  if (byline) lead += byline[0].length;
  // "下一步,各级各部门将…", "节前,各村(社区)必须完成…": a word of when or of sequence, then who
  // ("明年厦门市妇儿工委办将…", "近期市卫计委、市妇联将…": a word of when written straight before a body's region word, gx13)
  const then = /^(?:下一步|下阶段|今后|节前|节后|近期|年内)[,,]\s*|^(?:明年|今年|近期|下一步|下阶段|今后|年内)(?=[国各]|[\u4e00-\u9fa5]{0,8}?[省市区县州镇乡])/.exec(sm.slice(lead));
  if (then) lead += then[0].length;
  // "督查督办件发出后,督查目标办要适时进行询问": after what, then who
  // (not the subject's own clause: "各承办单位接到督查事项后,要及时组织办理")
  const after = !then && !speaker ? /^[^,,;。“”]{2,16}(?:后|以后|之后)[,,]\s*/.exec(sm.slice(lead)) : null;
  const afterWho = after ? SUBJECT.exec(sm.slice(lead + after[0].length)) : null;
  if (after && afterWho && (isUnitSubject(afterWho[1]) || isAddressees(afterWho[1]))) lead += after[0].length;
  // "为解决四中交通问题,市交投公司要加快推进…", "根据《计划》,各市、县(市、区)应及时制定…": the purpose or the basis first, then who
  // (a purpose of up to three clauses, "为改善…,提高…,提升…,市城市管理局于今年4月至12月开展…", fx09)
  const purpose =
    !since && !speaker ? /^(?:为了?|根据|按照|依据|依照|对于|针对|对(?=[^,,;。“”]{2,30}的[,,]))[^,,;。“”]{2,30}(?:[,,](?:提高|提升|加强|推进|促进|改善|加快|确保|增强|保障|维护)[^,,;。“”]{2,30}){0,2}[,,]\s*(?![^,,;。]{0,30}?要求)(?=[^,,;。]{2,30}?(?:要|应|须|必须|将|负责|牵头|[于在](?:今年|本年|明年|(?:19|20)\d{2}年)?\d{1,2}月))/.exec(sm.slice(lead)) : null;
  if (purpose) lead += purpose[0].length;
  // "在耕地保护责任目标考核年,由省国土资源厅会同省农牧厅…,对…进行考核": when, then 由 the unit that does it with others
  const during = /^在[^,,;。]{2,20}(?:年|期间|时|中)[,,]\s*(?=由[^,;。]{2,30}?(?:会同|联合))/.exec(sm.slice(lead));
  if (during) lead += during[0].length;
  const by = /^由(?=[^,;。由]{2,30}?(?:会同|联合)[^,;。]{2,60}?[,,])/.exec(sm.slice(lead));
  if (by) lead += by[0].length;
  // "8月7日前金元村、石宝沟村要完成…": the date first, then the units
  const dateFirst = DATE_FIRST.exec(sm.slice(lead));
  if (dateFirst && !speaker) lead += dateFirst[0].length;
  // "明确民政部门负责制定殡葬管理政策标准": the document says who is charged, the unit is the subject
  const clarify = /^明确(?:由)?(?=[^,;。、]{2,30}?(?:部门|局|厅|委|办|政府|中心|单位)(?:负责|牵头|要会同|要))/.exec(sm.slice(lead));
  if (clarify) lead += clarify[0].length;
  // a subject read so far that names neither a unit nor addressees: the readers below look further
  const unnamed = (x: RegExpExecArray | null) => !x || (!isUnitSubject(x[1]) && !isAddressees(x[1]));
  const body = sm.slice(lead);
  let m =
    SUBJECT.exec(body) ??
    (/根据|按照|结合|依据/.test(body) ? BASED_ON.exec(body) : null) ??
    (body.includes('作为') ? AS_ROLE.exec(body) : null) ??
    (body.includes('是') ? isRole(body) : null) ??
    ADDRESSED.exec(body) ??
    PLEASE.exec(body);
  // "请各单位将…分别于7月1日…前报厅办公室": the date after the request's object, not after its addressees
  if (unnamed(m) && /^请/.test(body)) m = PLEASE.exec(body) ?? m;
  // "请内政部持续强化…", "並請建設局…", "另请市财政局…": a request to a body by name is its charge whatever the verb (the
  // Executive Yuan's and Taipei's meeting records, gd02–gd09); addressees asked keep PLEASE's verbs
  if (unnamed(m)) m = pleaseNamed(body) ?? m;
  // "会议要求县住建局做好…", "她要求县市场监管局…": a request's units straight after the speaker's 要求
  if (!m && speaker && /要求[:,]?\s*$/.test(speaker[0])) m = REQUESTED.exec(sm.slice(lead));
  if (!m) {
    const will = WILL.exec(sm.slice(lead));
    // "市人民政府督查室将适时对各单位目标完成情况进行督办检查": a body named by name that will check the work is
    // charged with that check (the sentence-duty rule); "我们将…", "市政府将坚持…" promise and charge no one
    const willDo = () => {
      const rest = sm.slice(lead + will![0].length);
      return WILL_CHECK.test(rest) || pieceOfWork(rest);
    };
    if (will && (isAddressees(will[1]) || (isUnitSubject(will[1]) && !NOT_NAMED.test(will[1]) && willDo()))) m = will;
  }
  // "三是要求督察局做好整改督查工作,自然资源局做好配合": a meeting's request, the units straight after 要求
  // (the test first: the pattern's lookbehinds make it slow to try at every character of every sentence)
  if (unnamed(m) && sm.includes('要求', lead)) {
    // ("市老旧办要求各区加快完善改造程序": an office asking the units it oversees)
    // ("常务副镇长方仁良要求各村要做好…": a leader's post and name, then the request)
    const req = /(?:^|[,,:;]|[一二三四五六七八九十]是|会议|并|同时|正|组|还|再次|明确|进一步|(?<=[办局委府室心])|(?<=(?:长|书记|主任)[\u4e00-\u9fa5]{2,3}))要求/.exec(sm.slice(lead));
    const asked = req ? REQUESTED.exec(sm.slice(lead + req.index + req[0].length)) : null;
    if (req && !unnamed(asked)) {
      lead += req.index + req[0].length;
      m = asked;
    }
  }
  // "…指示:“21项整改任务已完成20项,请交通局按照整改要求,尽快销号": a request after a quoted instruction's first clause
  if (unnamed(m)) {
    // (inside a quotation only: a notice's own "现将…印发给你们,请各单位…" is its boilerplate)
    const quoted = sm.slice(lead).indexOf('“');
    const ask = quoted >= 0 ? /[,:“]\s*(?=请)/.exec(sm.slice(lead + quoted)) : null;
    if (ask) ask.index += quoted;
    const asked = ask ? PLEASE.exec(sm.slice(lead + ask.index + ask[0].length)) : null;
    if (ask && asked) {
      lead += ask.index + ask[0].length;
      m = asked;
    }
  }
  // "…共梳理出11条问题,请各事涉部门对存在的问题立即进行整改,并于5月20日前…": a request after a clause of context, with a
  // date or a piece of work (a notice's own "现将…印发给你们,请各单位…" is its boilerplate)
  if (unnamed(m)) {
    const ask = REQUEST_AFTER_COMMA.exec(sm.slice(lead));
    const askedText = ask ? sm.slice(lead + ask.index + ask[0].length) : '';
    const boiler = !ask || /印发给你们|发给你们|现将|转发给你们/.test(sm.slice(lead, lead + ask.index));
    const collective = boiler ? null : PLEASE.exec(askedText);
    const asked = collective ?? (boiler ? null : pleaseNamed(askedText));
    const rest = asked ? sm.slice(lead + ask!.index + ask![0].length + asked[0].length) : '';
    if (asked && !unnamed(asked) && (SENTENCE_DATE.test(rest) || pieceOfWork(rest))) {
      lead += ask!.index + ask![0].length;
      m = asked;
    }
  }
  // "会议强调,要定期调度评估,县住房城乡建设局负责工作日常调度,…": after the speaker, a general charge, then the unit
  // named by name that carries it, a few clauses on
  if (!m && (speaker || /(?:会议|会上)(?:明确|要求|强调|指出|决定|议定|确定|同意)[:,]\s*$/.test(sm.slice(0, lead)))) {
    for (let c = sm.indexOf(',', lead); c > 0 && c < lead + 80; c = sm.indexOf(',', c + 1)) {
      const later = SUBJECT.exec(sm.slice(c + 1));
      if (later && byNameOnly(later[1])) {
        lead = c + 1;
        m = later;
        break;
      }
    }
  }
  const headAt = RUN_IN_HEAD.exec(sm);
  const runIn = headAt && lead <= headAt[0].length && unnamed(m) ? headAt : null;
  if (runIn) {
    lead = runIn[0].length;
    // ("(一)请区住建局尽快完成…": a minutes' numbered request)
    m = SUBJECT.exec(sm.slice(lead)) ?? PLEASE.exec(sm.slice(lead));
  }
  // "…制定切实可行的实施方案,市政府办公厅将依据…进行跟踪督查": a body named by name that opens a later clause of
  // the sentence and says what it will do or must do; addressees in mid-sentence are too often an exhortation's
  // (found a later clause on: the task is that clause, the ones before it charge no one, as laterSubject's)
  let laterClause = false;
  if (!m) {
    for (let c = sm.indexOf(',', lead); c > 0 && c < lead + 120; c = sm.indexOf(',', c + 1)) {
      const rest = sm.slice(c + 1);
      // (a cheap look for a duty word close after the comma before the full subject readers)
      if (!LATER_DUTY.test(rest)) continue;
      const later = SUBJECT.exec(rest) ?? WILL.exec(rest);
      // "…目标为309.2亿元,各项目建设单位必须按目标责任完成年度投资计划": addressees charged, by a modal, with a
      // piece of work
      if (
        later &&
        !later[2] &&
        /^(?:要|必须|须|务必)$/.test(rest.slice(later[1].length, later[0].length)) &&
        isAddressees(later[1]) &&
        pieceOfWork(rest.slice(later[0].length))
      ) {
        lead = c + 1;
        m = later;
        laterClause = true;
        break;
      }
      if (!bodyWithDuty(rest, later)) continue;
      lead = c + 1;
      m = later;
      laterClause = true;
      break;
    }
  }
  if (!m) return null;
  // "区人大常委会对议案办理工作要加强检查": the unit, then what its duty is about, then the modal
  if (unnamed(m) && !m[2]) {
    const about = /^([^,;。]{2,30}?)(?:对|就)(?=[^,;。]{2,30}$)/.exec(m[1]);
    if (about && byNameOnly(about[1]))
      m = Object.assign([m[0], about[1], m[2]], { index: m.index, input: m.input }) as RegExpExecArray;
  }
  // "(二)明确目标、落实责任各级各部门要…": a run-in heading glued to the sentence, no stop between; the subject is the
  // tail of the words before the modal that names units
  if (runIn && unnamed(m)) {
    for (let k = 4; k <= m[1].length - 2; k++) {
      const tail = m[1].slice(k);
      if (!/^(?:各|区|市|县|镇|乡|街道|全[区市县镇])/.test(tail)) continue;
      if (!isUnitSubject(tail) && !isAddressees(tail)) continue;
      lead += k;
      m = (SUBJECT.exec(sm.slice(lead)) as RegExpExecArray | null) ?? m;
      break;
    }
  }
  // a named unit as subject carries the sentence out; addressees only where the sentence sets them a date
  // a duty verb or a date after the subject: any unit, or addressees whose sentence sets a date; a plain modal
  // ("X要加大…"): only a unit named as one body, not "各单位" or "区县政府" exhorted in a closing section
  const plain = !m[2] && !/^[于在]/.test(sm.slice(lead + m[0].length));
  // "各省农业农村部门要建立…", "各地公安交管部门要…": one kind of office in every place, named by what it is, as a unit by
  // name is (unlike "各单位", "各有关部门")
  const named = (isUnitSubject(m[1]) && (!plain || !splitUnitList(m[1], 0).some((p) => NOT_NAMED.test(p.text)))) || OFFICE_IN_EACH.test(m[1]);
  // "各县(区)、广元经济技术开发区和市安委会有关成员单位(详见任务分工)要…,于2024年3月15日前…": named units and
  // addressees together, given a date
  // ("请", "尤其是" before the units)
  const pre = Math.max(0, m[0].indexOf(m[1]));
  // a trailing "(详见任务分工)" says where the list is detailed: not part of the last name
  const whoText = t.slice(s0 + lead + pre, s0 + lead + pre + m[1].length).replace(/\((?:详见|见|具体见)[^()]{0,8}\)$|\((?:见)?附件\s*\d{0,2}\)$/, '');
  const mixed = () => splitUnitList(whoText, 0).every((p) => isUnitSubject(p.text) || isAddressees(p.text) || /有关成员单位$/.test(p.text));
  // addressees take a duty where the sentence sets a date, or where they are places ("各乡镇人民政府要严格执行…"):
  // the towns or districts that do the work, which labellers took as tasks, unlike "各单位要高度重视" (on the real
  // pages, sentences opening on role nouns were labelled in fewer than half of the cases)
  const places = () => splitUnitList(m[1], 0).every((p) => PLACES.test(p.text));
  // "各乡镇、水务局、自然资源局要加强…": the places beside units named by name share the sentence's duty
  const placesWithNamed = () => {
    const ps = splitUnitList(whoText, 0);
    const byName = (w: string) => isUnitSubject(w) && !NOT_NAMED.test(w) && !/有关|相关|各/.test(w);
    return ps.some((p) => byName(p.text)) && ps.every((p) => byName(p.text) || PLACES.test(p.text));
  };
  if (!named && !((isAddressees(m[1]) || mixed()) && (SENTENCE_DATE.test(sm) || places() || placesWithNamed() || pieceOfWork(sm.slice(lead + m[0].length)))))
    return null;
  const at = lineStart + s0 + lead + pre;
  const who = parseUnitList(ctx, whoText, at);
  if (!who.units.length || who.rejected.length) return null;
  const note: RespNote = emptyNote(at, lineStart + s0 + lead + m[0].length, 'inline');
  const sEnd = s0 + sm.replace(/[。!?]$/, '').length;
  note.bodyEnd = lineStart + sEnd;
  note.opens = true;
  if (laterClause) note.laterClause = true;
  // ("区考核办要协同相关责任部门…", "区发改局联合区统计局开展…": 协同 and 联合 with their partners read as 会同)
  if (m[2] === '会同' || m[2] === '协同' || m[2] === '联合') {
    const restAt = s0 + lead + m[0].length;
    const p = partnersOf(t.slice(restAt, sEnd));
    if (!p) return null;
    const partners = parseUnitList(ctx, p[1].replace(/、$/, ''), lineStart + restAt);
    if (!partners.units.length || partners.rejected.length) return null;
    note.lead.push(...who.units);
    note.cooperating.push(...partners.units);
    note.end = lineStart + restAt + p[1].length;
  } else if (m[2] === '牵头负责' || m[2] === '牵头' || /^牵头/.test(m[2] ?? '')) note.lead.push(...who.units);
  else {
    // "公路等相关部门要配合车站催促…", "各村、各单位要积极配合农机、公路部门,坚决打击…": the unit served leads
    const restAt = s0 + lead + m[0].length;
    const serve = m[2]
      ? null
      : /^(?:积极|主动|全力|密切|做好)?配合([^,;。:()!?“”]{2,30}?)(?=[,;。]|$|(?:催促|做好|抓好|开展|加强|落实|推进|完成|搞好|实施|督促|打击|整治|查处|组织))/.exec(
          t.slice(restAt, sEnd),
        );
    const served =
      serve && (isUnitSubject(serve[1]) || splitUnitList(serve[1], 0).every((p) => ORGAN_NAME.test(p.text)))
        ? parseUnitList(ctx, serve[1], lineStart + restAt + serve[0].length - serve[1].length)
        : null;
    if (served && served.units.length && !served.rejected.length) {
      note.lead.push(...served.units);
      note.cooperating.push(...who.units);
    }
    // "区发展改革委要发挥牵头作用,建立清单管理制度…": told to lead (a25, fb02, ez11; README: 牵头 → lead)
    else if (PLAYS_LEAD.test(t.slice(restAt, sEnd))) note.lead.push(...who.units);
    else note.responsible.push(...who.units);
  }
  // "…,自然资源局做好配合": a unit named later in the sentence to help
  const helper = /[,,]\s*([^,,;。:()!?\s]{2,20}?)(?:要|要积极|积极|全力)?(?:做好|搞好)?配合(?=[,,;。]|$)/.exec(sm.slice(lead + m[0].length));
  if (helper && isUnitSubject(helper[1])) {
    const at2 = lineStart + s0 + lead + m[0].length + helper.index + helper[0].indexOf(helper[1]);
    const got = parseUnitList(ctx, t.slice(at2 - lineStart, at2 - lineStart + helper[1].length), at2);
    if (got.units.length && !got.rejected.length) note.cooperating.push(...got.units);
  }
  return note;
}
