// Numeric targets in prose: "建成区绿化覆盖率不低于43%" → subject, value, unit, comparator, year.
// One left-to-right pass per paragraph; the year in force is the last one named in the
// paragraph, else the one an earlier paragraph named under the same heading.
import type { Comparator, OutlineNode, ParsedTarget } from '../../shared/parsedPlan.js';
import type { ParseContext } from './types.js';
import { findTables } from './tableCells.js';
import { flatIndicatorLines, isIndicatorTable } from './indicators.js';
import { UNIT_RE_SRC, cnDigitsToNumber, fiveYearPlanEnd } from './numbers.js';
import { currentPlanNumber, indexOutline, unitAsWritten, unitWrittenInDoc } from './numbersContext.js';
import { findPeriod, findTitle, noticeTitle } from './meta.js';
import { tailWords, comparatorOf, isDecrease, CHANGE_WORD, COUNT_UNIT, ACTION_END, ACTION_START, ACTION_ANY, ACTION_WIDE, DIMENSION, ITEM_UNIT, ITEM_HOLDER, ITEM_OBJECT } from './targetsWords.js';
import { findMatrixTables } from './matrixTargets.js';
import { findQuotaPairs } from './quotaRuns.js';
import { TEAM_WORD_SRC } from './vocabulary.js';
import { FIGURE_BOUND, findTaskTables, type TableTask } from './taskTable.js';
import { issueYear, parseDeadline } from './deadline.js';
import { REACHES_SRC, cnFigureEdits } from './cnFigures.js';
import { fragsV, lineV, quoteV, rewriteV, spanV, type Frag, type VText } from './virtual.js';

// "成立四个督查组", "组织5个督查组深入…": teams counted (the same words make a team a body in sentenceDuties)
const TEAM_COUNTED = new RegExp(`^\\s*(?:专项)?(?:${TEAM_WORD_SRC})[^,;。]{0,4}?(?:小)?[组組]`);

const NUM = String.raw`\d+(?:\.\d+)?`;
// ("5个—7个", "2家-3家": a range that writes its measure on both ends; not "20个到2025年")
const FIG_SRC = String.raw`(${NUM})\s*(%|‰|(?:${UNIT_RE_SRC})(?=\s*(?:-|~|～|—|–)\s*\d))?(?:\s*(?:-|~|～|至|到|—|–)\s*(${NUM}))?\s*(余|多)?\s*(${UNIT_RE_SRC})?`;
const YEAR_SRC = String.raw`(到|至|力争|预计|展望|截至|截止|计划|于|在|比|较|与|同)?\s*((?:19|20)\d{2}|[〇零一二三四五六七八九]{4})\s*年(?:度(?=[\u4e00-\u9fa5]{0,10}?(?:任务|计划|目标)))?(?![度以来])(底|末|前)?`;
const PLAN_SRC = String.raw`十([一二三四五六七八九])(?:五["”]?|个五年规划)(末|期末|期间|时期|以来)?`;
// one alternation so years, plan periods and figures are met in reading order
const EVENT_RE = new RegExp(`${YEAR_SRC}|${PLAN_SRC}|${FIG_SRC}`, 'g');

// "|" and tabs part the cells of a task table flattened to text
const CLAUSE_BOUND = /[,;:、()“”"《》。!?|｜\t]/;
// ("…增长10%以上的年度目标": a list of goals closed by the word that names them)
const TERMINATOR = /^(?: {2,}|\t)|^\s*(?:[,;。、:!?()\]】”"|｜]|(?:和|及|与|或|至)\s*\d|或(?:者)?(?:持续|逐步|稳步|逐年|进一步)?(?:降低|下降|提升|提高|增长|改善|减少|优化)|(?:和|及|与|并)(?!以)|的?(?:年度|全年|发展|预期|主要|奋斗|工作)?目标(?:任务)?[,;。!]|(?:同比|比上年|较上年)?(?:增长|增幅|增速)\s*\d|(?:长|总长|全长)\s*\d|\[\d{1,2}\]|\d+(?:\.\d+)?\s*万?(?:人|名|口)(?![\u4e00-\u9fa5]{0,2}[户家])|$)/;
// ("清淤支斗渠98条长119.4公里": a count, then the length of what it counts; "…4084亿元 [1][2]": a footnote mark)
// ("脱贫总体目标是67户250人": households, then the people in them, with nothing between)
// ("生产总产值突破30亿元增长25%": the level reached, then its growth with no comma between)
// ("65%及以上", "52μg/m3及以下": the bound with the figure itself)
const ATTENDED = /^\s*(?:余|多|左右)?\s*(?:人|名)?[^,;。]{0,6}?(?:(?:参加|出席|列席)了?(?:本次|此次)?(?:会议|座谈会?|推进会|培训会)|参会|与会)/;
// what the things a share counts reach ("80%以上村庄实现…", "90%以上的村生活垃圾得到治理")
const REACH_VERB = '实现|达到|完成|建成|通过|纳入|覆盖|得到|具备';
const REACHES = new RegExp(REACH_VERB);
const SHARE_REACHES = new RegExp(`^[\\u4e00-\\u9fa5]{1,10}?(?:${REACH_VERB})`);
const BARE_SHARE = new RegExp(`^((?:[\\u4e00-\\u9fa5]{1,10}?)(?:${REACH_VERB}|参加|接受|享受)[\\u4e00-\\u9fa5“”]{0,16})(?=[,;。:!?)|]|$)`);
const BOUND_WORD = /^(?:力争|确保|争取|不低于|不少于|至少|超过)$/;
/** the comparator a bound written after a figure gives: 左右/上下 approx, 以上 at least, 以下/以内/之内/内 at most */
const boundComparator = (w: string): Comparator => (w === '左右' || w === '上下' ? 'approx' : w === '以上' ? '>=' : '<=');
// ("65%及以上": 及/或 only before 以上/以下/以内/之内, not "10家及上下游配套企业")
const POSTFIX = /^\s*(?:(?:及|或)(?=以[上下内]|之内))?(以上|以下|以内|之内|左右|上下|内)/;
// "比上年增长15%以上" in a year's work plan is what it sets out to reach; "同比增长8.5%" reports
// ("…由国家发展改革委负责,去年国内生产总值增长6.7%": last year's figure in a clause of its own, fj01; not "比去年增长8%")
const PAST_CLAUSE = /已|目前|现有|截至|截止|累计完成|共完成|完成了|建成了|实现了|达到了|同比|(?<![比较同与超于如])去年(?!同期|水平|基础)/;
// "据预测,…47.62万人次", "预计将达175.05万人次", "有望突破5.1亿人次": a forecast of demand (fr03, fr08)
const FORECAST = /据预测|据测算|预测(?:显示|表明)?[,,]|预计(?:将)?(?:达|达到|突破|超过|增长)|有望(?:分别)?(?:达到|突破|超过)/;
// "全镇现有行政村26个、社区7个,常住人口约11.6万人": a sentence stating what there is now
const PAST_SENTENCE =
  /过去五年|五年来|近五年|近年来|过去一年|过去的一年|过去[两三四]年|[两三四]年来|以来|^\s*(?:全年|上半年|前三季度)?共完成|^\s*(?:(?:19|20)\d{2}年)?1\s*[-—~至]\s*\d{1,2}月份?[,,]|^\s*(?:目前|当前|截至目前|截止目前|现阶段|截至\d{1,2}月|截止\d{1,2}月)|^\s*(?:进展情况|进度情况|推进情况|完成情况|工作进展|滞后原因|存在问题|主要问题)\s*:|^\s*(?:(?:19|20)\d\d年(?:底|末)?,?)?(?:(?:全|本)[市区县镇乡街]{1,2}|[\u4e00-\u9fa5]{0,6}(?:街道|社区|镇|乡))(?:现有|现辖|下辖|辖|共有)/;
const POLICY_TERM =
  /(?:(?:给予|一次性|最高|按)[^,;。]{0,12}(?:奖励|补助|补贴|资助|奖补|贴息|扶持)|给予[^,;。]{0,8}(?:经费|资金)(?:支持|保障)?|(?:奖励|补助|补贴|资助|奖补|贴息)(?:标准)?(?:为)?(?:最高)?|有效期|试行期)(?:为|至|最高|不超过)?\s*$/;
// "说明:本台账共列任务8项": the document describing itself
const SELF_SENTENCE = /^\s*(?:[\u4e00-\u9fa5]{2}:)?本(?:台账|清单|方案|计划|表|细则|办法|文件|规划)(?:共|一共|合计|列有|包括|涉及)/;
// "…,截至目前,", "…,截至8月底,", "…,1-7月,": the clauses after it tell progress
const AS_OF_NOW = /[,,]\s*(?:(?:截至|截止)(?:目前|[^,,。]{0,12}?(?:底|末|日))|(?:(?:19|20)\d{2}年)?1\s*[-—~至]\s*\d{1,2}月份?)[,,]/;
// "完成全年目标任务的45.6%", "完成市上全年任务(42.5亿元)的59.94%": the share of the year's task done so far
const YEAR_SHARE_DONE = /完成[^,;。]{0,8}?(?:全年|年度)[^,;。]{0,6}?(?:目标|任务|计划)(?:\([^()]{0,16}\))?的\s*\d+\.\d+\s*%/;
// "2018年涪城全区经济社会发展取得显著成效。": what follows in the paragraph are its results
// (a year or a span gone by said with it: "2019年底前,…取得明显成效" and a goal list's "…取得明显成效" look ahead)
const RESULTS_SAID = /取得(?:了)?(?:显著|明显|积极|良好|重大|长足|阶段性|新的|较好)?(?:成效|成绩|进展|成果)[。!]?\s*$/;
const resultsSaid = (s: string) =>
  RESULTS_SAID.test(s) && /(?:19|20)\d{2}年(?!底?前|末前)|去年|过去|以来|一年来/.test(s) && !FUTURE.test(s) && !/前[,，]|到(?:19|20)\d{2}|将|要/.test(s);
// "上半年,全市…实现…", "今年以来,…", "截至9月底,…": a paragraph opening on the year so far reports progress
const SO_FAR = /^\s*(?:(?:19|20)\d{2}年)?(?:上半年|前三季度|一季度|第一季度|今年以来|年初以来|1\s*[-—~至]\s*\d{1,2}月份?|目前|(?:截至|截止)(?:目前|[^,,。]{0,12}?月(?:底|末|\d{1,2}日)?))[,,]/;
// the words that head a block of what is to be done ("目标任务:", "【目标要求】")
const GOAL_WORDS = '(?:目标任务|工作目标|目标要求|目标|年度任务|计划任务|建设任务|任务目标)';
const GOAL_LINE = new RegExp(String.raw`^\s*(?:(?:年度|全年|[一二三四]季度)?${GOAL_WORDS}\s*:|【\s*(?:年度|全年)?${GOAL_WORDS}\s*】)`);
// (only the measured shapes: "完成年目标任务6600人的100.76%", "比年目标任务4%低0.63个百分点"; "全年完成计划签约项目40个" sets one)
const GOAL_MEASURED =
  /(?:完成|占)(?:全年|年度|年|市定|省定|下达的?)?(?:目标任务|任务|目标|计划)数?[^,;。]{0,12}?的\s*[\d.]+\s*%|(?:比|较)(?:全年|年度|年|市定|省定|下达的?)?(?:目标任务|任务|目标|计划)[\d.]+\s*%?[^,;。]{0,4}?[低高多少]/g;
// "二、经济社会发展预期目标", "(一)主要目标": the part of a plan that sets its goals
const GOAL_HEADING = /(?:预期|主要|发展|年度|总体|工作)目标(?:任务)?$|^目标任务$/;
const LAST_YEAR = /^\s*(?:去年|上年|上一年|过去一年)(?:以来|全年|度)?[,,]/;
const THIS_YEAR = /^\s*(?:今年|明年|本年|新的一年|(?:19|20)\d{2}年)|将|计划|预计/;
// "各市州完成率分别为:长沙市76.43%、…": each place's share done, a progress list
const RATE_REACHED = /(?:完成率|完工率|开工率|到位率|办结率|执行率)\s*(?:分别)?(?:为|是|达)?\s*[::]?\s*(?:[\u4e00-\u9fa5]{1,6}?(?:市|州|县|区|镇|乡|街道))?\d/;
const FUTURE = /到(?:19|20)\d\d年|力争|确保|争取|展望|预计到/;
const PAST_TITLE_WORDS = /总体情况|进展情况|推进情况|完成情况|执行情况|工作进展情况|发展基础|规划背景|发展背景|编制背景|发展环境|发展成就|发展回顾|回顾|工作成效|取得成效|主要成就|现状|基本情况|工作基础/;
// "优化数字发展环境" is a task: a heading that opens on an action verb is not the document's history
// …nor is one that sets out to find the situation out ("…专项治理行动摸清用人单位粉尘危害基本情况")
const PAST_TITLE = {
  test: (t: string) =>
    PAST_TITLE_WORDS.test(t) &&
    !/^(?:优化|营造|改善|打造|提升|完善|构建|强化|持续|推进|加快|夯实|巩固|创新|深化)/.test(t) &&
    !/(?:摸清|摸排|查清|掌握|排查|调查|核实|了解)[^,;。]{0,16}(?:基本情况|现状)/.test(t),
};
const LEAD_NOISE =
  /^(?:\s|到|至|力争|确保|争取|预计|计划|其中|同时|并且|并|且|使|让|进一步|努力|将|要|展望|实现|\d+年内?|(?:19|20)\d\d年(?:底|末|前)?|["“]?十[一二三四五六七八九]五["”]?(?:末|期末|期间|时期)?)+/;
const MARKER =
  /^\s*(?:第[一二三四五六七八九十百零〇\d]+[章节篇部分条]|[一二三四五六七八九十百]+[、.]|\([一二三四五六七八九十百\d]+\)|\d{1,3}[、．.](?!\d)|[①-⑳]|——|[-•●■◆▲★☆▶►◇○]|(?:专栏|附表|表)\s*\d+)\s*/;

const DOUBLED_BEFORE = new RegExp(
  String.raw`([^,;。:]{2,40}?)(?:在[^,;。]{0,16}基础上)?(?:实现)?(?:翻(?:一|两|二|三)?番|(?:增加|增长|提高)[一两二三四五]倍(?:以上)?)[,、]${REACHES_SRC}$`,
);

const FOUND_BEFORE = /(?:发现|查出|查找出|排查出|检查出|梳理出|暗访出)(?:各类|突出|存在|的)?(?:问题|隐患|不足|短板)?\s*$/;
const DONE_LE = /(?:进行|开展|完成|发现|下发|召开|组织|出动|检查|督查|约谈|通报|处理|考核|评分|排查|查处)了/;

const ROOT = '';
const RUN_UNIT = new RegExp(String.raw`^(?:\s*、\s*\d+(?:\.\d+)?)+\s*(${UNIT_RE_SRC})(?![\u4e00-\u9fa5])`);
const SIBLING_FIG = new RegExp(String.raw`^、\s*\d+(?:\.\d+)?\s*(${UNIT_RE_SRC})\s*(以上|以下|以内|之内|左右|上下)?`);
// "市发展改革委", "区服务中心": a body's name holds verbs that act on nothing
const ORG_NAME = /[\u4e00-\u9fa5]{0,8}?(?:发展改革|发改|服务中心|服务局|服务站)[\u4e00-\u9fa5]{0,3}?(?:委员会|委|局|中心|站|办)/g;
const DURATION = /^(?:分钟|小时|个工作日|工作日|天|日)$/;

/** the last target of the sentence, which "98%、90%" lists continue */
interface Prev {
  t: ParsedTarget;
  at: number; // sentence offset just past its figure
}

interface LineState {
  lastItem: number;
}

// a meeting's minutes or an inspection bulletin: dated, and about the year it is dated in
const MINUTES = /会议纪要|会\s*议\s*纪\s*要|督查通报|通报/;

/** a label opening a block of what was done: "推进情况:", "(二)进展情况:" */
// ("【完成情况】2013年,已完成全县40个村庄整治工作,…": a review's bracketed label, gk07)
const PROGRESS_WORDS = '(?:(?:工作)?(?:推进|进展|完成|落实|实施|办理)情况|(?:目前|当前|工作|完成)进度|工作进展)';
const PROGRESS_LABEL = new RegExp(String.raw`^\s*(?:[(（]?[一二三四五六七八九十\d]{1,2}[)）、.]\s*)?(?:【\s*${PROGRESS_WORDS}\s*】|${PROGRESS_WORDS}[::])`);
/** the next item of the report: "二、…", "(三)…" */
const ITEM_HEAD = /^\s*(?:[一二三四五六七八九十]{1,3}、|[(（][一二三四五六七八九十]{1,3}[)）])/;
const ANNUAL_WORK = /政府工作报告|工作要点|(?:民生|惠民)实事|重点工作(?:任务)?(?:分工|分解|责任)|年度(?:工作|目标|任务)/;

// "10件12项省重点民生实事", "发展9项重点工作": a level or 重点 before the programme's name
const PROGRAMME_AFTER = /^(?:[省市区县]?重点)?(?:(?:民生|惠民|为民)?实事|(?:民生|惠民)工程)|^重点(?:工作|任务)(?![\u4e00-\u9fa5])/;

export function extractTargets(ctx: ParseContext, outline: OutlineNode[]): ParsedTarget[] {
  const { doc } = ctx;
  const idx = indexOutline(doc, outline);
  // an action plan "(2023—2025年)" or "2024年…方案" sets what its targets are due by
  const period = findPeriod(findTitle(doc) || noticeTitle(doc) || titleLine(doc), doc.text);
  let plan = currentPlanNumber(doc.text);
  // a year's plan ("2025年…计划报告") works within the five-year plan that year belongs to, whatever later plan it names
  if (plan !== null && period && period[0] === period[1] && (period[0] <= fiveYearPlanEnd(plan) - 5 || period[0] > fiveYearPlanEnd(plan)))
    plan = 11 + Math.floor((period[0] - 2006) / 5);
  const planEnd = plan ? fiveYearPlanEnd(plan) : null;
  // the first year the document looks ahead to, for documents that name no plan or period
  const ahead = /(?:到|至|力争到?)\s*((?:19|20)\d{2})\s*年/.exec(doc.text);
  const horizon = period?.[0] ?? (ahead ? Number(ahead[1]) : null);
  const tableLines = new Set<number>();
  const indSpans: [number, number][] = [];
  for (const t of findTables(doc)) {
    if (!isIndicatorTable(t)) continue;
    for (let i = t.lineFrom; i < t.lineTo; i++) tableLines.add(i);
    if (t.lineTo > t.lineFrom) indSpans.push([doc.lines[t.lineFrom].start, doc.lines[t.lineTo - 1].end]);
  }
  for (const [a, b] of flatIndicatorLines(ctx)) {
    for (let i = a; i < b; i++) tableLines.add(i);
    indSpans.push([doc.lines[a].start, doc.lines[b - 1].end]);
  }
  const isIndicatorRow = (p: number) => indSpans.some(([a, b]) => a <= p && p <= b);
  const matrices = findMatrixTables(doc.lines).filter((t) => !isIndicatorRow(doc.lines[t.lineFrom].start));
  for (const t of matrices) for (let i = t.lineFrom; i < t.lineTo; i++) tableLines.add(i);
  // task tables are read cell by cell: a row's task and detail cells, joined where they wrapped
  const taskRows: { start: number; cells: Frag[][]; year: number | null; title: string; figures: NonNullable<TableTask['figures']>; measure: string | null }[] = [];
  const taskLines: [number, number][] = [];
  for (const t of findTaskTables(ctx)) {
    taskLines.push([t.start, t.end]);
    for (const r of t.rows) {
      const due = r.deadlineText ? parseDeadline(r.deadlineText)?.deadline : null;
      taskRows.push({ start: r.start, cells: r.cells, year: due ? Number(due.slice(0, 4)) : r.headerYear ?? null, title: r.title, figures: r.figures ?? [], measure: r.measure ?? null });
    }
  }
  const inTaskTable = (p: number) => taskLines.some(([a, b]) => a <= p && p < b);
  // a list naming no period of its own starts with its earliest deadline: "2023年,全县…为29微克/立方米" before it is a record
  const dueYears = taskRows.flatMap((r) => (r.year ? [r.year] : []));
  // the year the document was issued: its date line or its 文号
  const dl = dateline(doc.text);
  const issuedOn = issueYear(doc.text) ?? dl?.year ?? null;
  // …or the year it was issued in, when earlier: "2022年,完成农村户厕改造3000户" in a list issued in 2022
  const startYear = period?.[0] ?? (dueYears.length ? Math.min(...dueYears, issuedOn ?? Infinity) : null);
  // else the first year of its period
  const issued = issuedOn ?? startYear;
  // a page with no period and no deadlines of its own (a news report of a 政府工作报告): its date line's year starts it,
  // so "2017年,吉林省地区生产总值增长5.3%" on a page dated 2018 is a record
  // (a page dated in the year's last months that sets the next year's goals, "2022-12-28 … 2023年…主要预期目标是": the
  // dateline's own year is the one it reports on)
  const nextYear =
    issuedOn !== null && dl?.year === issuedOn && dl.month >= 11 && new RegExp(`${issuedOn + 1}\\s*年[^。;]{0,30}?(?:预期目标|主要目标|目标任务|发展目标|工作目标)`).test(doc.text)
      ? issuedOn + 1
      : null;
  const recordStart = startYear ?? nextYear ?? issuedOn ?? afterReviewedYear(doc.text) ?? programmeYear(doc.text);
  const minutesYear = MINUTES.test(findTitle(doc) ?? titleLine(doc)) || MINUTES.test(doc.text.slice(0, 300)) ? issueYear(doc.text) : null;
  // a year's work ("落实《政府工作报告》重点工作分工", "2024年工作要点", 民生实事): figures with no year of their own are
  // due within the year it was issued in
  const heading = `${findTitle(doc) ?? ''} ${noticeTitle(doc) ?? ''} ${titleLine(doc) ?? ''}`;
  const annualYear = ANNUAL_WORK.test(heading) ? issuedOn : null;
  // a dated news page on what is to be done '今年' ('2021-02-04 … 今年河南将重点办好10件民生实事'): its figures with no year
  // of their own are due within the year it is dated in
  const thisYear = /今年/.test(doc.text.slice(0, 2000)) ? issuedOn : null;
  const yearByNode = new Map<string, number>();
  const out: ParsedTarget[] = [];
  const state: LineState = { lastItem: 0 };
  const readable = (v: VText) => rewriteV(v, cnFigureEdits(v.text));

  /** the targets of one paragraph (a line, or a table cell); returns the last year it set */
  // againstOnly: under a progress heading, only the goal a result is measured against ("完成年度目标任务589亿元的37.22%")
  const scanText = (v: VText, from: number, node: OutlineNode | null, year: number | null, againstOnly = false): number | null => {
    let lastSet: number | null = null;
    const goalHeading = () => idx.chain(node).some((n) => GOAL_HEADING.test(n.title) && !PAST_TITLE.test(n.title) && !/进展|进度|完成/.test(n.title));
    // "2023年,全镇实现…;完成固定资产投资29.4亿元" in a 2024 plan: a record's year holds for the rest of its paragraph
    let recordYear: number | null = null;
    let lastYearPara = false;
    let soFarPara = false;
    const text = v.text;
    const sentenceRe = /[^。!?;]+[。!?;]?/g;
    sentenceRe.lastIndex = from;
    // "1.实施…20个;2.30%以上的…": the item after item 1 in the same paragraph, its number glued to a figure
    let sentItem = 0;
    for (let sm = sentenceRe.exec(text); sm; sm = sentenceRe.exec(text)) {
      const glued = /^\s*(\d{1,2})\.(?=\d)/.exec(sm[0]);
      let skip = 0;
      if (glued && sentItem > 0 && Number(glued[1]) === sentItem + 1) {
        sentItem++;
        skip = glued[0].length;
      } else {
        const item = /^\s*(\d{1,2})[.、．](?!\d)/.exec(sm[0]);
        if (item) sentItem = Number(item[1]);
      }
      const s = skip ? sm[0].slice(skip) : sm[0];
      const sStart = sm.index + skip;
      // "去年,邵阳市…;全市建立双季稻万亩示范片16个,…": a paragraph opening on last year reports it, to a sentence that
      // turns to this year or says what is to come
      if (LAST_YEAR.test(s) || resultsSaid(s)) lastYearPara = true;
      else if (THIS_YEAR.test(s) || FUTURE.test(s)) lastYearPara = false;
      // (progress so far holds until a sentence names a task or a goal: "同时,省下达该市今年…任务2000套")
      if (SO_FAR.test(s) && !FUTURE.test(s)) soFarPara = true;
      // ("完成年目标任务6600人的100.76%", "比年目标任务4%低0.63个百分点": a result measured against the year's goal names no new one)
      else if (/任务|目标|要求|下达|计划|力争|确保|将/.test(s.replace(GOAL_MEASURED, ''))) soFarPara = false;
      if (!/[\d十〇]/.test(s)) continue;
      // "三年内,实现…": a span of years from the year the document was issued
      const rel = /年内|年时间/.test(s) ? relativeYears(s, issued) : null;
      const relYear = (s: string, at: number): number | null => {
        let y: number | null = null;
        if (rel) for (const r of rel) if (r.at < at && !yearBetween(s, r.at, at)) y = r.year;
        return y;
      };
      const past = lastYearPara || soFarPara || SELF_SENTENCE.test(s) || isPastSentence(s, plan, planEnd) || beforePeriod(s, recordStart) || earlierPlanPeriod(s, plan, horizon);
      let prev: Prev | null = null;
      EVENT_RE.lastIndex = 0;
      for (let m = EVENT_RE.exec(s); m; m = EVENT_RE.exec(s)) {
        if (m[2] !== undefined) {
          const prefix = m[1] ?? '';
          const y = /^\d/.test(m[2]) ? Number(m[2]) : cnDigitsToNumber(m[2]);
          const after = s.slice(m.index + m[0].length);
          // "2000年前建成的老旧小区": the year describes the object, it is not when the target is due
          if (/^(?:以前|之前)?(?:建成|建设|修建|投用|竣工|交付)/.test(after) && /前$/.test(m[0])) continue;
          // "由2023年的45%提高到80%", "从2020年的…": the year of a starting point
          if (!prefix && (/^的/.test(after) || /[由从]\s*$/.test(s.slice(0, m.index)))) continue;
          // "不低于2022年水平", "高于2022年同期": a year to compare with, not when anything is due
          if (/^(?:的)?(?:水平|同期|基础上|基数)/.test(after)) continue;
          // "(与)2022年相比,今年共新增14个项目": the year compared with, not when what follows is due
          if (/^\s*(?:相比|比较|相较|对比)/.test(after)) continue;
          // "(按2005年价格计算,下同)", "按2020年不变价": the price base of the figures, not when they are due
          if (/^(?:的)?(?:价格|不变价|可比价|现价|价)/.test(after) || /按\s*$/.test(s.slice(0, m.index))) continue;
          // "2024年3月1日" is a date; "2024年6月底前完成" is when what follows is due
          const date = /^\s*\d{1,2}月/.test(after) && !/^\s*\d{1,2}月(?:\d{1,2}日)?(?:底|末|上旬|中旬|下旬)?(?:前|以前|之前)/.test(after);
          // "截至2023年底已建成12家": a point of progress, not when what follows is due
          if (y && !/比|较|与|同|截至|截止/.test(prefix) && (!date || prefix)) {
            year = y;
            recordYear = recordStart !== null && y < recordStart && !/到|至|力争/.test(prefix) && !FUTURE.test(s) ? y : null;
            // "2023年,全市…为27.6%": the year of a record sets nothing for the paragraphs after it;
            // nor does "…,2023年网格事件办结率为97.2%" in a 2024 plan, wherever in the sentence it stands
            if (!past && !(recordStart !== null && y < recordStart && !/到|至|力争/.test(prefix) && !FUTURE.test(s))) lastSet = y;
          }
          continue;
        }
        if (m[4] !== undefined) {
          // "根据《江苏省“十四五”现代物流业发展规划》": another document's title sets no year
          const before = s.slice(0, m.index);
          if (before.lastIndexOf('《') > before.lastIndexOf('》')) continue;
          const p = 11 + '一二三四五六七八九'.indexOf(m[4]);
          // "2024年是实施“十四五”规划的关键之年": the plan named, not its end, beside a year of its own span
          const pEnd = fiveYearPlanEnd(p);
          const named = m[5] === undefined ? /(?:19|20)\d{2}\s*年/.exec(before) : null;
          // "2025年是“十四五”收官之年,也是“十五五”谋篇布局之年": a later plan named beside a year is not when anything is due
          if (named && Number(named[0].slice(0, 4)) <= pEnd) continue;
          // an earlier plan's period makes what follows history, unless the sentence looks ahead
          if (plan === null || p >= plan || !FUTURE.test(s)) year = lastSet = pEnd;
          continue;
        }
        // "已完成通村公路136.9公里,占目标任务数100公里的136.9%": in a progress report, the target it is measured against
        const against = TASK_OF.test(s.slice(Math.max(0, m.index - 8), m.index));
        if (!against && (againstOnly || past || (planEnd !== null && year !== null && year <= planEnd - 5))) continue;
        // (under a progress heading, only as the base of a share: "…589亿元的37.22%", not "分解目标任务405项")
        if (againstOnly && !/^\s*的\s*\d/.test(s.slice(m.index + m[0].length))) continue;
        if (recordYear !== null && year === recordYear && !FUTURE.test(s)) continue;
        // "…,2023年度重点任务完成率为96%": a clause opening on a year before the plan's is a record
        if (recordStart !== null && !FUTURE.test(s) && clauseOpensBefore(commaClause(s, m.index), recordStart)) continue;
        // "原则上平原地区不低于3000亩,丘陵山区不低于1000亩", "单个项目涉及的乡镇原则上不超过2个": a norm each project keeps, not a goal (to the sentence end)
        if (/原则上/.test(s.slice(0, m.index))) continue;
        // "2024年全市…,案件数量同比下降20%" in a 2024 plan: a sentence set in the plan's own years says what to reach
        // (and under a heading that names the goals, "二、经济社会发展预期目标": "地区生产总值同比增长6.5%以上")
        const goal =
          s.includes('同比') &&
          ((startYear !== null && year !== null && year >= startYear && ownYearsOnly(s.slice(0, m.index), startYear)) ||
            (goalHeading() && !/(?:19|20)\d{2}\s*年/.test(s.slice(0, m.index)) && !PAST_CLAUSE.test(s.slice(0, m.index).replace(/同比/g, ''))));
        const t = figure(ctx, s, v, sStart, m, relYear(s, m.index) ?? year, node, prev, plan, goal);
        if (t) {
          out.push(...sharedFigure(ctx, s, v, sStart, m.index, m.index + m[0].trimEnd().length, t), t);
          prev = { t, at: m.index + m[0].trimEnd().length };
        }
      }
    }
    return lastSet;
  };

  const yearOfChain = (chain: OutlineNode[]): number | null => {
    for (const n of chain) {
      const y = yearByNode.get(n.id);
      if (y !== undefined) return y;
    }
    return null;
  };

  let row = 0;
  // "推进情况:1. 全市统筹开展…培训5585人次。": a progress report's block of what was done, up to the next item
  let progressFrom = -1;
  doc.lines.forEach((line, li) => {
    if (taskLines.length && inTaskTable(line.start)) {
      // the rows of a task table, each once, when its first line is reached
      for (; row < taskRows.length && taskRows[row].start < line.end; row++) {
        const r = taskRows[row];
        const node = idx.nodeAt(r.start);
        const chain = idx.chain(node);
        if (chain.some((n) => PAST_TITLE.test(n.title))) continue;
        const year = r.year ?? yearOfChain(chain) ?? planEnd ?? yearByNode.get(ROOT) ?? period?.[1] ?? minutesYear ?? annualYear ?? thisYear ?? null;
        for (const c of r.cells) scanText(readable(fragsV(c)), 0, node, year);
        for (const f of r.figures) {
          const fy = /(20\d{2})年/.exec(f.header);
          const fYear = fy ? Number(fy[1]) : year;
          // "1300人" in a 目标任务 cell: the measure written after the count is the cell's own
          // "3000万吨左右", "100个以上": the bound after the figure
          const bound = FIGURE_BOUND.exec(f.text)?.[0].trim() ?? '';
          const ftext = bound ? f.text.replace(FIGURE_BOUND, '') : f.text;
          const counted = /^(.*?\d)\s*([\u4e00-\u9fa5·]{1,4})$/.exec(ftext);
          const cellUnit = counted && (COUNT_UNIT.test(counted[2]) || /^[万亿]?元$/.test(counted[2])) ? counted[2] : null;
          const bare = /^([≥≤><]|不低于|不少于|不超过|不高于)?\s*(\d+(?:\.\d+)?)(?:\s*[~～\-—至]\s*(\d+(?:\.\d+)?))?$/.exec(cellUnit ? counted![1] : ftext);
          if (bare) {
            // a bare figure under "2024年计划投资(亿元)": the unit is in the header; an indicator table already holds it
            if (isIndicatorRow(f.start)) continue;
            // the unit in the header ("(亿元)"), else the row's own 单位 cell; a "%" written in the cell is its own
            const unit = /%$/.test(f.text) ? '%' : cellUnit ? unitWrittenInDoc(ctx.doc, cellUnit) : unitWrittenInDoc(ctx.doc, /\(([^()]{1,8})\)\s*$/.exec(f.header)?.[1] ?? r.measure ?? null);
            const max = bare[3] ? Number(bare[3]) : null;
            const cmp: Comparator = max !== null ? 'range' : bound ? (bound === '左右' ? 'approx' : /以上/.test(bound) ? '>=' : '<=') : bare[1] ? (/[≥>]|不低于|不少于/.test(bare[1]) ? (bare[1] === '>' ? '>' : '>=') : bare[1] === '<' ? '<' : '<=') : '=';
            const name = f.header.replace(/\([^()]*\)\s*$/, '');
            out.push({ subject: `${r.title}${name}`, value: Number(bare[2]), valueMax: max, unit, comparator: cmp, year: fYear, recurring: false, decrease: false, quote: ctx.doc.text.slice(f.start, f.start + f.text.length), outlineId: node?.id ?? null, source: ctx.doc.toSource(f.start, f.start + f.text.length) });
            continue;
          }
          // "较上年提高1.5个百分点", "不少于2000人次/年": a phrase, read as prose after the row's name
          const title = r.cells[0]?.[0];
          scanText(readable(fragsV(title ? [{ text: r.title, start: title.start }, { text: f.text, start: f.start }] : [{ text: f.text, start: f.start }])), 0, node, fYear);
        }
      }
      return;
    }
    if (tableLines.has(li)) {
      trackItem(line.text, state);
      return;
    }
    if (PROGRESS_LABEL.test(line.text)) progressFrom = li;
    else if (progressFrom >= 0 && (ITEM_HEAD.test(line.text) || GOAL_LINE.test(line.text) || li - progressFrom > 15)) progressFrom = -1;
    if (progressFrom >= 0) {
      trackItem(line.text, state);
      return;
    }
    const edits = cnFigureEdits(line.text);
    if (!edits.length && !/[\d十〇]/.test(line.text)) {
      trackItem(line.text, state);
      return;
    }
    const v = rewriteV(lineV(line.text, line.start), edits);
    // a heading's source starts after its marker, so look the line up by its last character
    const node = idx.nodeAt(Math.max(line.start, line.end - 1));
    const chain = idx.chain(node);
    const pastHead = chain.some((n) => PAST_TITLE.test(n.title));
    if (pastHead && !TASK_OF_ANY.test(v.text)) return;
    const from = markerEnd(v.text, state);
    let year = yearOfChain(chain);
    // before any heading the document's own period rules; under headings, its plan's end year
    // a one-year document ("2022年…重点工作目标任务") sets its targets for that year, whatever five-year plan it names
    const oneYear = period && period[0] === period[1] ? period[1] : null;
    year ??= node ? (oneYear ?? planEnd ?? yearByNode.get(ROOT) ?? period?.[1] ?? null) : (yearByNode.get(ROOT) ?? oneYear ?? planEnd ?? period?.[1] ?? null);
    // minutes and bulletins speak of the year they were issued in
    year ??= minutesYear ?? annualYear ?? thisYear;
    // "目标任务:对8所中小学校进行校舍安全改造" in a progress bulletin: the line labelled as the goal sets it
    const lastSet = scanText(v, from, node, year, pastHead && !GOAL_LINE.test(v.text));
    // a vision year beyond the plan's end ("到2035年") holds for its own paragraph only
    const horizonEnd = planEnd ?? period?.[1] ?? null;
    // "基本完成2000年底前建成的…小区": a year long before the document was issued sets no running year
    const longAgo = lastSet !== null && issued !== null && lastSet < issued - 1;
    if (lastSet !== null && !longAgo && (horizonEnd === null || lastSet <= horizonEnd)) yearByNode.set(node?.id ?? ROOT, lastSet);
  });
  for (const t of matrices) {
    // "2023年城镇老旧小区改造计划表": the caption's year, else the plan's
    const cy = /((?:19|20)\d{2})\s*年/.exec(t.caption);
    const year = cy ? Number(cy[1]) : (period?.[1] ?? planEnd ?? issued ?? null);
    const node = idx.nodeAt(doc.lines[t.lineFrom].start);
    for (const m of t.targets) {
      out.push({ subject: m.subject, value: m.value, valueMax: null, unit: m.unit, comparator: '=', year, recurring: false, decrease: false, quote: m.text, outlineId: node?.id ?? null, source: doc.toSource(m.start, m.start + m.text.length) });
    }
  }
  // each place's quota in a run of "place figure" pairs (quotaRuns.ts), where the readers above did not take its figure
  const quotaYear = annualYear ?? period?.[1] ?? issued ?? null;
  for (const q of findQuotaPairs(doc.lines)) {
    const fig = q.start + q.place.text.length;
    const source = doc.toSource(fig, q.end);
    if (out.some((t) => t.value === q.value && t.source.start < source.end && source.start < t.source.end)) continue;
    const node = idx.nodeAt(q.start);
    out.push({ subject: `${q.place.text}${q.measure ?? ''}`, value: q.value, valueMax: null, unit: q.unit, comparator: '=', year: quotaYear, recurring: false, decrease: false, quote: q.text, outlineId: node?.id ?? null, source });
  }
  // "全国粮食产量达到1.3万亿斤" in a district's plan: the nation's figure, quoted for context, is no target of the
  // district's (a national document — 国务院, a ministry — sets them)
  const national = /国务院|中共中央|国家[\u4e00-\u9fa5]{0,8}(?:委|局|部)|^[\u4e00-\u9fa5]{0,6}部(?:关于|办公厅)/.test(heading + doc.text.slice(0, 200)) || /全[国國]/.test(heading);
  // ("全国重点实验室25家", "全国文明城市" name a rank the district reaches: kept; totals run to 万 and 亿)
  const nationTotal = (t: ParsedTarget) => /^全[国國](?!重点|示范|文明|先进|百强|一流|首批|优秀|标准|卫生|绿化|生态|历史)/.test(t.subject) && /[万亿萬億]/.test(t.unit ?? '');
  return dedupe(national ? out : out.filter((t) => !nationTotal(t)));
}

/** The years `s` names are all from `from` on, and it names at least one. */
function ownYearsOnly(s: string, from: number): boolean {
  const ys = [...s.matchAll(/((?:19|20)\d\d)\s*年/g)].map((y) => Number(y[1]));
  return ys.length > 0 && ys.every((y) => y >= from);
}

/** a document whose title names no known kind ("…工作台账"): its first line, when it reads as a title */
export function titleLine(doc: ParseContext['doc']): string {
  for (const l of doc.lines.slice(0, 8)) {
    const t = l.text.trim();
    if (!t) continue;
    return t.length <= 60 && !/[。,;:!?]/.test(t) ? t : '';
  }
  return '';
}

/** numbered items: "4.30%以上" right after item 3 is item 4 with 30% */
function trackItem(text: string, st: LineState) {
  const m = /^\s*(\d{1,2})[.、．](?!\d)/.exec(text);
  if (m) st.lastItem = Number(m[1]);
  else if (MARKER.test(text) && !/^\s*\d/.test(text)) st.lastItem = 0;
}

function markerEnd(text: string, st: LineState): number {
  const glued = /^\s*(\d{1,2})\.(?=\d)/.exec(text);
  if (glued && Number(glued[1]) === st.lastItem + 1) {
    st.lastItem++;
    return glued[0].length;
  }
  trackItem(text, st);
  const m = MARKER.exec(text);
  return m ? m[0].length : 0;
}

function isPastSentence(s: string, plan: number | null, planEnd: number | null): boolean {
  if (FUTURE.test(s)) return false;
  if (PAST_SENTENCE.test(s)) return true;
  // "冠县改造完成3.5万户,完成率100%": a result beside the share of its goal it reached
  if (RATE_REACHED.test(s) && !/达到|确保|力争|不低于|以上/.test(s)) return true;
  // "上半年,全市…实现到位资金401.6亿元,完成全年目标任务的45.6%": a result told with how much of the year's task it is
  // (not the task it was handed first: "上级下达…任务7.8万亩(其中…),截至目前,完成…,完成全年任务的50.6%" — the figures
  // before "截至目前" are the task; the clauses after it are read as progress figure by figure)
  const since = AS_OF_NOW.exec(s);
  const handed = since && !s.slice(0, since.index).includes('。') ? s.slice(0, since.index) : null;
  if (YEAR_SHARE_DONE.test(s) && !/确保|力争|要|争取|达到/.test(s) && !(handed !== null && /下达|分解|目标任务|任务数/.test(handed) && !PAST_CLAUSE.test(handed))) return true;
  if (plan !== null) {
    for (const m of s.matchAll(/十([一二三四五六七八九])五/g)) if (11 + '一二三四五六七八九'.indexOf(m[1]) < plan) return true;
  }
  if (planEnd !== null) {
    for (const m of s.matchAll(/(比|较|与|同)?\s*((?:19|20)\d{2})年/g)) if (!m[1] && Number(m[2]) <= planEnd - 5) return true;
  }
  return false;
}

/** "2023年,全市新登记经营主体33.6万户" in a 2024 plan: a sentence opening on a year before the plan's own is a result */
function beforePeriod(s: string, start: number | null): boolean {
  if (start === null || FUTURE.test(s)) return false;
  // "(2023年全市…为2.03万亿元。)": a record in parentheses reads the same
  // "备注:1.2023年全区…为6.8张": a labelled, numbered note reads the same
  const m = /^\s*(?:[\u4e00-\u9fa5]{1,4}:\s*)?(?:\d{1,2}[.、．](?=(?:19|20)\d\d年)|[(（]\d{1,2}[)）])?\s*[(（]?\s*(?:截至|截止)?\s*((?:19|20)\d{2})\s*年(?:底|末|全年)?/.exec(s);
  return m !== null && Number(m[1]) < start;
}

/** a page with no date of its own that reviews a year ("总结回顾2025年工作,深入部署2026年…"): the year after it, or null */
function afterReviewedYear(text: string): number | null {
  const m = /(?:总结|回顾)\s*((?:19|20)\d\d)\s*年(?:度)?(?:工作|以来|成绩)/.exec(text.slice(0, 2000));
  return m ? Number(m[1]) + 1 : null;
}

/** a page with no date of its own that opens on the year its programme covers ("群众关注的2019年度温州“十大民生实事项目”",
 * fv05): that year, or null */
function programmeYear(text: string): number | null {
  const m = /((?:19|20)\d\d)\s*年度[^。;]{0,16}?(?:民生实事|实事项目|重点项目|工作要点|工作计划|目标任务)/.exec(text.slice(0, 300));
  return m ? Number(m[1]) : null;
}

/** a news page's dateline near its head: "东亚经贸新闻  2018-01-27 08:32", "2021-02-04 来源:新华社" */
function dateline(text: string): { year: number; month: number } | null {
  const m = /(?:^|[ \t\u3000])((?:19|20)\d{2})-(0?[1-9]|1[0-2])-(?:0?[1-9]|[12]\d|3[01])(?=[ \t\u3000]|$)/m.exec(text.slice(0, 800));
  return m ? { year: Number(m[1]), month: Number(m[2]) } : null;
}

function clauseOpensBefore(clause: string, start: number): boolean {
  const m = /^\s*((?:19|20)\d{2})\s*年(?:度|底|末|全年)?/.exec(clause);
  return m !== null && Number(m[1]) < start;
}

/** "“十三五”期间,全市累计改造棚户区12万户" in a plan looking to 2025: an earlier plan's record */
function earlierPlanPeriod(s: string, plan: number | null, horizon: number | null): boolean {
  if (plan !== null || horizon === null || FUTURE.test(s)) return false;
  const m = /十([一二三四五六七八九])五["”]?(?:期间|时期|以来)/.exec(s);
  return m !== null && fiveYearPlanEnd(11 + '一二三四五六七八九'.indexOf(m[1])) < horizon;
}

// what a document's title ends on; "《城镇新增就业2000人以上》" (a page listing its items in title marks) is no title
const DOC_TITLE_END = /(?:通知|方案|意见|办法|规划|纲要|条例|报告|计划|决定|规定|细则|标准|法|纪要|清单|目录|指南|公告|通报|批复|函|要点|制度|规则|章程|白皮书|年鉴|公报|措施|举措)(?:\([^()]*\))?$/;

const SHARE_ACT = /^((?:网上|全程|全面|全部|按时|及时|规范|无害化|资源化)?(?:受理|办结|办理|覆盖|达标|收运|处理|处置|公开|可办|通办|联网|接入|上线|入驻|到位|落实|完成|整改|销号|回访|培训|检测|清运))(?=[”"]?\s*(?:[,;。、:!?()]|$))/;
// "实现行政审批事项“100%网上受理、100%网上办结”": a share quoted as the slogan it is still a share to reach
const QUOTED_SHARE = /^\s*%?[\u4e00-\u9fa5]{2,8}[、,”]/;
function insideQuote(s: string, i: number): boolean {
  let q = 0;
  let b = 0;
  let open = -1;
  for (let k = 0; k < i; k++) {
    const c = s[k];
    if (c === '“') q++;
    else if (c === '”') q = Math.max(0, q - 1);
    else if (c === '《') {
      b++;
      open = k;
    } else if (c === '》') b = Math.max(0, b - 1);
  }
  if (q > 0) return true;
  if (b === 0) return false;
  const close = s.indexOf('》', i);
  return close < 0 || DOC_TITLE_END.test(s.slice(open + 1, close));
}

function figure(
  ctx: ParseContext,
  s: string,
  v: VText,
  sBase: number,
  m: RegExpExecArray,
  year: number | null,
  node: OutlineNode | null,
  prev: Prev | null,
  plan: number | null = null,
  goal = false,
): ParsedTarget | null {
  const [whole] = m;
  const numStr = m[6];
  const i = m.index;
  let end = i + whole.trimEnd().length;
  const unitEnd = end;
  const before = s[i - 1] ?? '';
  // ("第 6 期": an issue's number, spaced from its 第)
  if (/[A-Za-z\d._\-/#+]/.test(before) || before === '第' || /第\s+$/.test(s.slice(Math.max(0, i - 3), i)) || /[〔[【]/.test(before)) return null;
  let unit: string | null = (m[7] && m[10] ? m[10] : (m[7] ?? m[10])) ?? null;
  if (unit === '年' && /^\d{4}$/.test(numStr)) return null;
  // "结构由2021年的60:25:15优化为25:48:27": a term of a ratio is no figure of its own
  const numAt = s.indexOf(numStr, i);
  if (!unit && numAt >= 0 && (/^\s*:\s*\d/.test(s.slice(numAt + numStr.length)) || /\d\s*:\s*$/.test(s.slice(0, numAt)))) return null;
  // "2月10日", "3月底"
  if (/\d\s*月\s*$/.test(s.slice(Math.max(0, i - 4), i)) || /^\s*月/.test(s.slice(i + numStr.length))) return null;
  let rest = s.slice(end);
  // "完成市上全年任务(42.5亿元)的59.94%": the year's task named right before the figure (in parentheses)
  const taskNamed = TASK_OF.test(s.slice(Math.max(0, i - 9), i));
  if (before === '(' && /^\)/.test(rest) && !taskNamed) return null;
  // "完成农村公路改善工程137.4公里,占目标任务数110公里的124.9%": what was done, measured against the target
  if (/^[^,,;;。]{0,12}[,,]\s*(?:占|为|达到?)(?:年度|全年)?(?:目标任务|计划任务|任务|目标)/.test(s.slice(i + numStr.length))) return null;
  // "完成投资295.9亿元,为年投资计划的80%": the amount done and its share of the year's plan (a progress report)
  // ("完成投资585.99亿元,占年计划64.4%": the 的 left out, fw06)
  if (/^[^,,;;。]{0,12}[,,]\s*(?:占|为|完成|达到?)(?:年度|全年|年)?[\u4e00-\u9fa5]{0,4}?(?:计划|目标|任务)(?:任务|数)?的?\s*\d/.test(s.slice(i + numStr.length))) return null;
  if (unit === '%' && /(?:占|为)(?:年度|全年|年)?[\u4e00-\u9fa5]{0,4}?(?:计划|目标|任务)(?:任务|数)?的?\s*$/.test(s.slice(Math.max(0, i - 16), i))) return null;
  // "承办单位将在交办后三个月内…答复": a time limit counted from an event, a deadline rather than a figure to reach
  if (unit && /^(?:个月|月|天|日|个工作日|工作日|周|小时)$/.test(unit) && /^\s*内/.test(rest) && /(?:后|起)\s*$/.test(s.slice(Math.max(0, i - 3), i))) return null;
  // "急件1—5日内办结", "一般为5日内" (…答复): how soon a matter handed over is answered, a rule of procedure (fa04, fa05)
  if (unit && /^(?:个月|天|日|个工作日|工作日|小时)$/.test(unit) && /^\s*(?:以)?内\s*(?:办结|答复|回复|反馈|办理完毕|处理完毕|予以答复|作出答复|书面答复)/.test(rest)) return null;
  if (unit && /^(?:天|日|个工作日|工作日)$/.test(unit) && /^\s*(?:以)?内/.test(rest) && /(?:一般为|一般在|急件|非急件|特急件)\s*$/.test(s.slice(Math.max(0, i - 4), i))) return null;
  // "其中涉及城乡基础设施建设的97件,占总数的38.5%": a count in a breakdown, told with its share of the whole
  if (/^\s*[^\d,,;;。]{0,3}[,,]\s*占(?:总数|总量|全部|总)[^,,;;。]{0,4}?\d/.test(s.slice(i + numStr.length))) return null;
  // "项目占地120亩", "冷库库容达15000余立方米": the size of what is built, a dimension, not a figure to reach (ge01);
  // "新增冷库库容20万吨" is capacity to add
  if (/(?:占地|占地面积)(?:约|达|为|近|共)?\s*$/.test(s.slice(Math.max(0, i - 8), i)) || /(?<!新增|新建|增加|扩大|扩建|提升)(?:冷库)?(?:库容|容积)(?:约|达|为|近|共)\s*$/.test(s.slice(Math.max(0, i - 10), i))) return null;
  // "权重40%,总分40分": how an assessment scores, not a figure to reach
  if (/(?:权重|分值|满分|总分|计分|赋分|得分)(?:为|是|占)?\s*$/.test(s.slice(Math.max(0, i - 5), i))) return null;
  // "“…”等17项超额完成、占比56.67%": a completion report counting what was done, and that count's share
  if (/^\s*(?:项|个|件)?\s*(?:均已|已经|已|均)?(?:超额|提前|全部|如期)完成/.test(s.slice(i + numStr.length)) && /等\s*$/.test(s.slice(0, i))) return null;
  if (/占比\s*$/.test(s.slice(Math.max(0, i - 4), i)) && /(?:超额|提前|全部|如期|已)完成[^。;]{0,6}$/.test(s.slice(Math.max(0, i - 24), i).replace(/[、,,]?\s*占比\s*$/, ''))) return null;
  // "继续实施10件民生实事": the size of a named programme, not a figure to reach
  if ((unit === '件' || unit === '项') && PROGRAMME_AFTER.test(rest)) return null;
  if (insideQuote(s, i) && !(unit === '%' && QUOTED_SHARE.test(s.slice(i + numStr.length)))) return null;
  // "…等9个部门和6个街道主要负责同志参会": how many bodies sent someone to a meeting
  if (unit && /^(?:个|家)$/.test(unit) && /^[^,;。]{0,20}?(?:负责同志|负责人|主要领导|分管领导|代表)[^,;。]{0,6}?(?:参加|出席|列席|参会|与会)/.test(rest)) return null;
  // "0浏览 评论0条": a web page's counters
  if (/^\s*(?:次|人次)?\s*(?:浏览|阅读|点击|评论|点赞|收藏|分享)/.test(rest) || /(?:浏览|阅读|点击|评论|点赞|收藏)(?:量|数|次数)?\s*[::]?\s*$/.test(s.slice(Math.max(0, i - 8), i))) return null;
  // "读完约1分钟": a web page's reading time
  if (/^(?:分钟|分)$/.test(unit ?? '') && /(?:读完|阅读|阅读时长|阅读时间)(?:约|需|大约)?\s*$/.test(s.slice(Math.max(0, i - 6), i))) return null;
  // "成立四个督查组", "组织5个督查组深入…", "听取12个督导检查组…汇报": the teams sent to check, not a figure to reach
  if (unit && /^[个個支]$/.test(unit) && TEAM_COUNTED.test(rest)) return null;
  // "建成一个5人制足球场", "11人制": a game's format, not a count of people
  if (unit === '人' && /^制/.test(rest)) return null;
  // "城管队员共40余人参加了会议": who attended a meeting, not a figure to reach
  if ((unit === '人' || unit === '名') && ATTENDED.test(rest)) return null;
  // "大会应到代表103名,实到93名": a meeting's roll
  if ((unit === '人' || unit === '名') && /(?:应到|实到|应出席|实际出席|到会)(?:代表|委员|人员)?\s*$/.test(s.slice(Math.max(0, i - 6), i))) return null;
  // "相应增加该单位班子成员奖金3000元", "给其领导班子成员贡献奖30000元": an assessment's reward, not a figure to reach
  if (unit && /元$/.test(unit) && /(?:奖金|贡献奖|奖励|罚款|罚金|扣发|扣减)\s*$/.test(s.slice(Math.max(0, i - 4), i))) return null;
  // "较2009年的1499亿元增长32%": the base a growth is measured from
  if (/(?:较|比|与)\s*(?:19|20)\d{2}\s*年(?:度|底|末|同期)?的\s*$/.test(s.slice(Math.max(0, i - 12), i))) return null;
  // "满300元立减100元", "消费满200元可减免50元": a voucher's rule, the spend it needs and what it takes off
  if (unit === '元' && (/满\s*$/.test(s.slice(Math.max(0, i - 2), i)) || /(?:立减|减免|抵扣|抵用|可减|减)\s*$/.test(s.slice(Math.max(0, i - 3), i)))) return null;
  let comparator: Comparator | null = m[9] ? '>' : null;
  const post = POSTFIX.exec(rest);
  if (post) {
    comparator = boundComparator(post[1]);
    end += post[0].length;
    rest = s.slice(end);
  } else {
    // "达到754.61万亩(其中早稻216万亩)以上": the bound after an aside holds for the figure and for the aside's own
    const aside = /^\s*[(（][^()（）,;。]{1,24}[)）]/.exec(rest) ?? /^\s*[)）]/.exec(rest);
    const bound = aside ? /^\s*(以上|以下|以内)/.exec(rest.slice(aside[0].length)) : null;
    if (bound) comparator = boundComparator(bound[1]);
  }
  // "高新技术企业5年内增长一倍以上": the span a growth is reached in, not a figure of its own
  if (unit && /^(?:年|个月|月|周|天|日)$/.test(unit) && /^\s*(?:增长|翻|提高|增加|下降|减少)/.test(rest)) return null;
  // "分别压缩至3个、4个工作日以内": the first figure of a pair shares the last one's unit and bound
  if (unit && !post) {
    const sib = SIBLING_FIG.exec(rest);
    if (sib && sib[1].startsWith(unit) && (sib[1].length > unit.length || sib[2])) {
      unit = sib[1];
      if (sib[2]) comparator = boundComparator(sib[2]);
    } else if (sib?.[2] && /分别[^,;。]{0,12}$/.test(s.slice(Math.max(0, i - 16), i))) {
      // "生猪出栏量、蔬菜产量分别稳定在34万头、54万吨以上": the bound after the pair holds for both figures
      comparator = boundComparator(sib[2]);
    }
  }
  // "PM10分别为57、54、55、58微克/立方米": a list given 分别 has its unit once, after the last figure
  if (!unit && /^\s*、/.test(rest) && /分别(?:为|是|达到|控制在|不高于|不低于)?[^,;。]{0,40}$/.test(s.slice(Math.max(0, i - 60), i))) {
    const run = RUN_UNIT.exec(rest);
    if (run) unit = run[1];
  }
  if (/^[A-Za-z]/.test(rest)) return null;
  // "发送短信SD到10658000": a bare run of seven or more digits is a phone or service number, not a quantity
  if (!unit && /^\d{7,}$/.test(numStr)) return null;
  let clauseStart = i;
  while (clauseStart > 0 && !CLAUSE_BOUND.test(s[clauseStart - 1])) clauseStart--;
  // "完成市上全年任务(42.5亿元)": the task named before the parenthesis is the subject
  if (clauseStart === i && before === '(' && taskNamed)
    for (clauseStart = i - 1; clauseStart > 0 && !CLAUSE_BOUND.test(s[clauseStart - 1]); ) clauseStart--;
  // "省级智能制造示范工厂(场景)不少于20个", "养殖网箱(工船)10座": a short note in parentheses is part of the subject
  let noted = false;
  for (let guard = 0; guard < 3 && clauseStart > 1 && s[clauseStart - 1] === ')'; guard++) {
    const o = s.lastIndexOf('(', clauseStart - 2);
    if (o <= 0 || clauseStart - 2 - o > 10 || /[\d,;:。、]/.test(s.slice(o + 1, clauseStart - 1)) || CLAUSE_BOUND.test(s[o - 1])) break;
    clauseStart = o;
    while (clauseStart > 0 && !CLAUSE_BOUND.test(s[clauseStart - 1])) clauseStart--;
    noted = clauseStart < o;
  }
  // "培育“未来工厂”20家": the quoted name right before the figure is its subject
  // and so is one before a bound: "评选“美丽庭院”不少于1000户"
  const bare = clauseStart === i || /^(?:不少于|不低于|不超过|不高于|超过|达到|突破|约|至少)$/.test(s.slice(clauseStart, i));
  const open = bare && s[clauseStart - 1] === '”' ? s.lastIndexOf('“', clauseStart - 1) : -1;
  if (open >= 0 && clauseStart - open <= 24) {
    clauseStart = open;
    while (clauseStart > 0 && !CLAUSE_BOUND.test(s[clauseStart - 1])) clauseStart--;
  }
  const pre = s.slice(clauseStart, i);
  // "于6月15日前" read without its 月 ("615日"), "7月9日至17日": a day of the month, not an amount
  if (unit === '日' && !(post && /内/.test(post[1]))) return null;
  // "集中供热保供方案通用5篇", "春运工作方案15篇": a model-document site's count of its samples, not a figure to reach
  if (unit === '篇' && /(?:通用|精选|范文|方案|计划|总结|报告|心得|讲话|合集|大全|汇总|汇编|模板|范本)\s*$/.test(pre)) return null;
  // "开展为期6个月的专项行动": how long a campaign runs, not a figure to reach
  if (unit && /^(?:个月|天|日|年|周|个工作日|工作日)$/.test(unit) && /为期\s*$/.test(pre)) return null;
  // "在三个工作日内解决好": the time allowed for a piece of work, not a figure to reach
  if (unit && /(?:工作日|天|日|周|个月|小时)$/.test(unit) && post && /内/.test(post[1]) && /[在于]\s*$/.test(pre)) return null;
  // "从交通出行等10个方面", "具体实施三个方面": how many headings a text has
  if (/^个?$/.test(unit ?? '') && /^\s*个?(?:方面|阶段|层级|环节|步骤)/.test(s.slice(unitEnd))) return null;
  // "新增3岁以下婴幼儿托位", "60岁以上老年人": an age bound says who is counted (a life expectancy is reached, not bounded)
  if (unit === '岁' && post && /以上|以下/.test(post[1]) && !/寿命/.test(pre)) return null;
  // "占总任务的7.7%", "欠进度的有17个": a share or a count of what stands, in a progress report
  if (/占[^,;。]{0,12}的\s*$/.test(pre) && !/达到|提高|提升|不低于|超过|力争|确保|实现/.test(pre)) return null;
  if (/的有\s*$/.test(pre)) return null;
  // "完成年度计划的104.44%": how far a year's plan was carried, in a completion report (a share to reach is round, ≤ 100)
  if (unit === '%' && /完成[^,;。]{0,10}?(?:计划|任务|目标)的\s*$/.test(pre) && (Number(numStr) > 100 || /\.\d{2}/.test(numStr))) return null;
  // "经济建设类提案32件,占总数28.6%", "占17.5%": a breakdown's share, told after its count
  if (unit === '%' && /(?:^|[,,、])\s*占(?:总数|总量|全部|比)?\s*$/.test(pre)) return null;
  // "企业开办4项指标进入全国一流水平", "3项指标未达到序时进度": how many indicators are meant, not a figure to reach
  if (unit === '项' && /^\s*(?:指标|主要指标|约束性指标|预期性指标)/.test(s.slice(unitEnd))) return null;
  // "交办代表建议135条", "经济建设类提案32件", "通过拟立案提案40件": the proposals a session handed over, counted
  if (unit && /^(?:件|条|个)$/.test(unit) && /(?:提案|建议|议案|批评意见)\s*$/.test(pre)) return null;
  // ("社会治理类20件", "印发6类22件": items counted by kind)
  if (unit === '件' && /类\s*$/.test(pre)) return null;
  // "据预测,春运期间全县道路客运总量47.62万人次", "旅客发送量预计将达175.05万人次", "有望突破5.1亿人次": a forecast of demand,
  // not a figure the page sets (fr03, fr08)
  if (FORECAST.test(s.slice(Math.max(0, i - 120), i).replace(/^.*[。;]/, ''))) return null;
  const pastIn = (t: string) => PAST_CLAUSE.test(t) && !(goal && !PAST_CLAUSE.test(t.replace(/同比/g, '')));
  // "…任务7.8万亩(…),截至目前,完成…1.6万亩": every clause after "截至目前," in the sentence tells progress
  // (but "占目标任务数100公里的136.9%" names the target the progress is measured against)
  if (AS_OF_NOW.test(s.slice(0, i)) && !/(?:目标任务数?|任务数|计划数?|目标)\s*$/.test(pre) && !/到(?:19|20)\d{2}年|力争|确保|将/.test(s.slice(0, i).replace(/^.*(?:截至|截止)/, ''))) return null;
  if (pastIn(pre) || pastIn(clauseAfter(rest, true))) {
    // "到2026年,全区累计完成改造8000亩以上": a bounded cumulative figure in a sentence looking ahead is a target
    const cumulative = /累计完成/.test(pre) && !PAST_CLAUSE.test(pre.replace(/累计完成/g, '')) && !PAST_CLAUSE.test(clauseAfter(rest, true));
    // "“十四五”期间,全县累计完成水利投资50亿元以上" in that plan: its own period's total
    if (!(cumulative && post && post[1] !== '内' && (FUTURE.test(s) || ownPeriod(s, plan)))) return null;
  }
  // "存栏5000头以上的养殖场", "年营业收入2000万元以上的企业": a size that says which things are meant, not a figure to reach
  if (post && /以上|以下/.test(post[1]) && /^的/.test(rest) && /(?:存栏|出栏|面积|规模|投资|投资额|人口|产值|营业收入|营收|年产|产能|容量|排量|处理能力|总投资)\s*$/.test(pre)) return null;
  // "每生每课时收费不超过3元": a price cap, a norm charges keep, not a figure to reach
  if (unit && /元$/.test(unit) && post === null && /每(?:生|人|户|课时|次|小时|平方米|吨|月)[^,;。]{0,10}(?:收费|价格|标准|费用)[^,;。]{0,8}(?:不超过|不高于|最高)\s*$/.test(pre)) return null;
  // "每年召开1次全体会议", "每季度召开一次联席会议": how often a body meets, a rule of procedure, not a figure to reach
  // (with a bound, "每季度至少召开1次座谈会", a figure to reach)
  if (unit === '次' && /召开\s*$/.test(pre) && !/(?:至少|不少于|最少|不低于)\s*召开\s*$/.test(pre) && /^\s*[^,;。]{0,10}?(?:会议|例会|联席会|座谈会)/.test(rest)) return null;
  // "县政府第十七届56次常务会议": which meeting it was, not a figure to reach
  if (unit === '次' && /^\s*(?:常务|全体|主任|党组|专题|办公|常委)?(?:会议|会)/.test(rest) && (/[届第]\s*$/.test(pre) || /第[一二三四五六七八九十百零〇\d]+届\s*$/.test(pre) || /政府|党委|人大|政协/.test(pre))) return null;
  // "由50%提高到55%": the first figure is the starting point
  if (/[由从]\s*$/.test(pre)) return null;
  // "项目总投资132亿元", "总投资约200万": what a project costs in all, not a figure the year's work reaches
  if (unit && /元$|^[万亿]$/.test(unit) && /(?:总投资|總投資|计划总投资|估算总投资|概算总投资|投资概算|投资估算|概算投资|估算投资)(?:额)?(?:约|达|为|共|合计)?\s*$/.test(pre)) return null;
  // "建成年输气量2亿方门站", "建设日处理能力10万吨的污水处理厂": the capacity of the thing built, named after it
  if (!TERMINATOR.test(rest) && !POSTFIX.test(rest) && /(?:输气量|输水量|供水量|处理量|处理能力|产能|容量|库容|装机)\s*$/.test(pre)) return null;
  // "新建道路宽50米", "管径1.2米": the size of what is built, not a figure to reach
  if (unit && /^(?:米|厘米|毫米)$/.test(unit) && /(?:宽|高|深|厚|直径|半径|宽度|高度|深度|厚度|管径|层高|净高|埋深|净空)\s*$/.test(pre)) return null;
  // "给予一次性奖励50万元", "有效期3年": a policy's terms, not what the plan sets out to reach
  // "发放公共租赁住房租赁补助900户": households counted, not a payment's size
  if (POLICY_TERM.test(pre) && !(unit && COUNT_UNIT.test(unit) && !/元/.test(unit))) return null;
  // "分别给予 100 万元", "一次性奖励企业 50 万元", "每家给予最高20万元奖励": a sum paid out (up to a cap), not a figure to reach
  if (unit && /元$/.test(unit) && /(?:给予|奖励|补助|补贴|资助|奖补)(?:企业|单位|个人|团队|项目)?(?:最高|最多|不超过)?\s*$/.test(pre)) return null;
  const between = prev && prev.at <= i ? s.slice(prev.at, i) : null;
  if (prev && between !== null && /^\s*(?:以上|以下|以内|左右)?\s*(?:[、和及与或]|以及)\s*$/.test(between)) {
    const valueMax = m[8] !== undefined ? Number(m[8]) : null;
    if (!TERMINATOR.test(rest)) return null;
    return {
      ...prev.t,
      value: Number(numStr),
      valueMax,
      unit: unit ?? prev.t.unit,
      comparator: valueMax !== null ? 'range' : (comparator ?? prev.t.comparator),
      quote: quoteV(ctx.doc, v, sBase + i, sBase + end),
      source: sourceOf(ctx, v, sBase + i, sBase + end),
    };
  }
  const { head, words } = tailWords(pre);
  let subject = head
    .replace(LEAD_NOISE, '')
    .replace(/[由从]\s*\d[^]*$/, '')
    .replace(/^.*\d[^\u4e00-\u9fa5\d]*[\u4e00-\u9fa5]{0,4}?[和及与并]/, '')
    .replace(/(?:比|较|与)(?:(?:19|20)\d\d年|上年|基期|基准年)(?:末|底)?$/, '')
    .trim();
  // "年均增长9%": the change is what is measured
  const change = words.filter((w) => CHANGE_WORD.test(w));
  if (/(?:年均|平均|每年)$/.test(subject) && change.length) subject += change.reverse().join('');
  // "突破3000亿元,年均增长6.5%": the growth of the subject just named
  if (prev && /^(?:年均|平均|每年)?(?:增长|下降|降低|减少|提高|提升|增加)?$/.test(subject) && (subject || change.length))
    subject = prev.t.subject + (subject || change.join(''));
  let objectEnd = end;
  let verbCmp: Comparator | null = null;
  // "30%以上的医疗机构建成健康促进医院", "设立总规模20亿元的产业基金": what the figure measures follows it
  const after = TERMINATOR.test(rest) ? null : /^的((?:[^,;。:!?()\d“”"|]|“[^”,;。]{1,12}”){2,30}?)(?=[,;。:!?)|]|$)/.exec(rest);
  const lead = head.replace(LEAD_NOISE, '').trim();
  // "帮助20%的贫困户实现脱贫": a share of the things named after it, an action verb before it (no bound needed)
  const shareOf = !post && (ACTION_END.test(lead) || /^(?:帮助|推动|确保|力争|争取|实现|促进)$/.test(lead));
  // "计划全区60%村庄实现冬季清洁取暖", "80%以上村庄实现…": a share of the things named straight after it, then what they reach
  const bareShare = !after && unit === '%' && !words.length && (!lead || /(?:计划|力争|确保|争取|全区|全市|全县|全镇|全乡|全省)$/.test(lead))
    ? BARE_SHARE.exec(rest)
    : null;
  if (bareShare) {
    subject = bareShare[1];
    objectEnd = end + bareShare[0].length;
  } else if (
    after &&
    unit === '%' &&
    ((post && !lead) || shareOf || (!lead && SHARE_REACHES.test(after[1]))) &&
    // ("力争90%以上的村生活垃圾得到治理", "不低于35%的行政村…": a bound before the share of things that reach something)
    (!words.length || (words.every((w) => BOUND_WORD.test(w)) && REACHES.test(after[1])))
  ) {
    // a share heading its clause: "the share of X is at least 30%"
    subject = after[1];
    objectEnd = end + after[0].length;
  } else if (after && unit && unit !== '%' && (!post || post[1] === '以上') && !words.length && !m[9] && ACTION_START.test(lead)) {
    // the size of the thing created: no threshold ("以上"), an action verb opens the clause
    subject = after[1] + lead.replace(ACTION_START, '');
    objectEnd = end + after[0].length;
  } else if (norm(pre, rest, unit)) {
    // "按照每个网格300—500户的标准调整": the size a rule sets for each of something
    subject = pre.replace(/^\s*(?:按照|按|依照|参照)/, '').trim();
  } else if (unit && TASK_OF.test(pre)) {
    // "…通村公路136.9公里,占目标任务数100公里的136.9%": the target a progress report measures against; what it
    // counts is named in the clause before
    const lastClause = s.slice(0, clauseStart).replace(/[,,;;。]\s*$/, '');
    const named = lastClause.slice(Math.max(lastClause.search(/[^,,;;。]*$/), 0)).replace(/^.*?(?:已完成|完成了|完成|建成|实现)/, '').replace(/[\d.]+\s*\S{0,4}$/, '');
    subject = `${named}${pre.trim().replace(/^占/, '').replace(/数$/, '')}`.slice(-30);
  } else if (!TERMINATOR.test(rest)) {
    // "建成10个智慧社区": a counted object after an action verb
    // a table cell ends the object too: "新增4000张养老床位 | 4385 | 110%"
    // "为45户有需求且符合改造条件的残疾人家庭实施无障碍改造": after 为/对 the counted object may be long
    const forCount = /(?:^|[^\u4e00-\u9fa5]|[,;。])(?:免费|无偿|优先|集中|统一|分别|逐步)?(?:为|对|向)\s*$/.test(pre) || /^(?:免费|无偿|优先|集中|统一|分别|逐步)?(?:为|对|向)\s*$/.test(pre.trim());
    // ("推荐不少于1家示范企业和10个重点项目": the object ends where the next counted object of the list begins)
    const obj = (forCount ? /^((?:[^,;。、:!?()\d“”"|｜\t]|“[^”,;。]{1,12}”){1,32}?)(?=\s*[,;。、:!?()|｜\t]|$)/ : /^((?:[^,;。、:!?()\d“”"|｜\t]|“[^”,;。]{1,12}”){1,20}?)(?=\s*[,;。、:!?()|｜\t]|$|(?:和|及|与|以及)\s*\d)/).exec(rest);
    // "火情发生后30分钟内到达现场": a time limit for an action; "每季度末5日内将进展报…" is a reporting rule
    const timeLimit = obj && unit && DURATION.test(unit) && post && /内/.test(post[1]) && !/每/.test(commaClause(s, i)) && !/^(?:将|把|向|报|上报|报送)/.test(rest);
    // "实现行政审批事项100%网上受理、100%网上办结": a share written before the act it measures
    const act = unit === '%' && /(?:实现|达到|确保|力争)[^,;。]*$/.test(s.slice(Math.max(0, i - 40), i)) ? SHARE_ACT.exec(rest) : null;
    if (timeLimit || act) {
      const what = act ? act[1] : obj![1];
      subject = (subject + what).trim();
      objectEnd = end + what.length;
    } else {
    if (!obj || !unit || !COUNT_UNIT.test(unit)) return null;
    const verbPre = pre.replace(/\s+$/, '').replace(/(?:约|超过|不少于|近|至少)$/, '');
    const verb = ACTION_END.exec(verbPre);
    // "完成A镇、B镇2个乡镇的试点": the verb opens the list the figure counts
    const listed = !verb && /、/.test(s.slice(0, clauseStart)) && ACTION_START.test(listClause(s, clauseStart));
    // "对28所中小学校食堂安装…", "为全区23000名老年人提供…服务", "完善26个乡镇卫生院医疗急救站": a counted object
    // in a clause that acts on it, the verb before or after the figure; not a size ("宽50米") or a threshold
    const acted =
      !verb && !listed && !post && COUNT_UNIT.test(unit) && !DIMENSION.test(pre.trimEnd()) &&
      !/^级/.test(obj[1]) &&
      (ACTION_WIDE.test(commaClause(s, i).replace(ORG_NAME, '')) || ACTION_WIDE.test(clauseAfter(rest.slice(obj[1].length)).replace(ORG_NAME, '')) || actsOnCount(obj[1], s.slice(i, i + numStr.length)) || bareItem(s, i, rest.slice(obj[1].length)) ||
        // "为7万人次提供送餐服务": the count is whom the act is for, the verb straight after it
        (forCount && /^\d/.test(s.slice(i, i + numStr.length)) && ACTION_WIDE.exec(obj[1])?.index === 0));
    if (!verb && !listed && !acted) return null;
    // "实施33项重点民生实事项目", "新地体育公园等5个项目", "统筹推进三个“一号工程”": the page counting its items
    const fig = spanV(v, sBase + i, sBase + i + numStr.length);
    const inWords = !/\d/.test(ctx.doc.text.slice(fig.start, fig.end));
    if (ITEM_UNIT.test(unit) && ITEM_OBJECT.test(obj[1].replace(/[”"]$/, '')) && (/^(?:项|类|大类)$/.test(unit) || /等$/.test(pre.trimEnd()) || inWords)) return null;
    if (inWords && ITEM_UNIT.test(unit) && (/^[“"]/.test(obj[1]) || /工程$/.test(obj[1]))) return null;
    // "每季度至少召开1次座谈会": a bound written before the verb
    // "每年至少组织开展1次演练": the bound stands before a run of verbs
    let bound = verb ? verbPre.slice(0, verb.index) : '';
    for (let guard = 0, v2 = ACTION_END.exec(bound); v2 && guard < 3; guard++, v2 = ACTION_END.exec(bound)) bound = bound.slice(0, v2.index);
    if (verb) verbCmp = comparatorOf(tailWords(bound).words);
    // "每人每年至少义务植树5棵": a bound before a verb of the wider list
    else if (acted && /(?:至少|不少于|不低于)[\u4e00-\u9fa5]{1,6}$/.test(verbPre)) verbCmp = '>=';
    subject = (listed ? obj[1] : subject + obj[1]).trim();
    objectEnd = end + obj[1].length;
    }
  } else if (!words.length && !post && !m[9]) {
    // a bare figure needs a unit and a subject written right before it
    // "新建市政消火栓 160 个": a page that spaces its figures out still writes the subject right before
    const spaced = before === ' ' ? s.slice(0, i).trimEnd().slice(-1) : before;
    // "精准脱贫530户,2339人;": the same count in another measure, a clause of its own right after the figure before
    const again = !!unit && /[,,]/.test(spaced) && !!prev && prev.t.unit !== unit && COUNT_UNIT.test(unit) && !!prev.t.unit &&
      /^\s*[,,]\s*$/.test(s.slice(prev.at, i)) && /^\s*(?:[;;。]|$)/.test(rest);
    if (again) subject = prev!.t.subject;
    else if (!unit || !(/[\u4e00-\u9fa5”]/.test(spaced) || (noted && spaced === ')') || (spaced === '(' && taskNamed)))
      return null;
    // "区住建局民生实事项目1个", "共两大类33项": the page counting its own items, no action to take
    if (ITEM_UNIT.test(unit) && ITEM_HOLDER.test(pre.trimEnd()) && !ACTION_ANY.test(pre)) return null;
    // "共7个类别193项,分为基层党建28项、城乡建设24项…": a list counting its items by kind, nothing to do
    if (/^(?:项|类|件)$/.test(unit) && !ACTION_ANY.test(commaClause(s, i))) return null;
  }
  // "确保收入增长7.5%以上,力争达到1.9万元": the subject of the figure just before
  if (prev && !/[\u4e00-\u9fa5A-Za-z]/.test(subject) && (words.length || unit))
    subject = prev.t.subject.replace(/(?:年均|平均|每年)?(?:增长|下降|降低|减少|提高|提升|增加)$/, '');
  // "粮食综合生产能力,“十四五”稳定在1.2万吨", "地区生产总值增长,2025年达到800亿元": an indicator's name, a comma,
  // then when and what it reaches
  if (!/[\u4e00-\u9fa5A-Za-z]/.test(subject) && (words.length || unit)) {
    const named = /(?:^|[;;。:])\s*(?:\d{1,2}[.、．]\s*)?([^,,;;。:\d]{2,20}?)(?:增长|增速)?[,,][^,,;;。]*$/.exec(s.slice(0, i));
    if (named && INDICATOR_NAME.test(named[1])) subject = named[1];
  }
  // "高新技术企业数量增加一倍,达到2000家", "总产值在2021年基础上实现翻番、突破6000亿元": what doubles reaches the level
  if (!/[\u4e00-\u9fa5A-Za-z]/.test(subject) && (words.length || unit)) {
    const doubled = DOUBLED_BEFORE.exec(s.slice(Math.max(0, i - 60), i));
    if (doubled) subject = doubled[1].replace(LEAD_NOISE, '');
  }
  if (!/[\u4e00-\u9fa5A-Za-z]/.test(subject)) return null;
  // "共发现问题22个", "排查出隐患90处": what an inspection found; "位居全县前三名": a ranking; "对25个乡镇…进行了考核评分":
  // a verb with 了 in the figure's clause tells what was done — records of a supervision bulletin, not goals
  const near = s.slice(Math.max(0, i - 14), i);
  if (FOUND_BEFORE.test(near) || (/^名/.test(unit ?? '') && /[前后]$/.test(near)) || DONE_LE.test(commaClause(s, i) + clauseAfter(rest))) return null;
  if (subject.length > 40) subject = subject.slice(-40);
  const valueMax = m[8] !== undefined ? Number(m[8]) : null;
  // "不少于1家示范企业和10个重点项目": a bound before the first counted object of a list holds for the next
  const listed = prev && prev.at <= i && /^[\u4e00-\u9fa5“”]{1,16}(?:和|及|与|以及)\s*$/.test(s.slice(prev.at, i)) && /(?:不少于|不低于|至少|超过)\s*[\d.]+\s*[\u4e00-\u9fa5]{0,2}$/.test(s.slice(0, prev.at).slice(-12)) ? prev.t.comparator : null;
  // "每周至少巡河1次": a bound before the verb the figure closes; "引进10个项目以上": a bound after what it counts
  const boundBefore = /(?:至少|不少于|不低于)[\u4e00-\u9fa5]{1,4}$/.test(pre.trimEnd()) ? '>=' : null;
  const boundAfter = /[\u4e00-\u9fa5]以上$/.test(subject) && objectEnd > end ? '>=' : null;
  if (boundAfter) subject = subject.slice(0, -2);
  const cmp: Comparator = valueMax !== null ? 'range' : (comparator ?? boundAfter ?? (words.length ? comparatorOf(words) : (listed ?? verbCmp ?? boundBefore ?? '=')));
  const at = subject ? pre.lastIndexOf(subject) : -1;
  const quoteStart = clauseStart + (at >= 0 ? at : pre.length - pre.trimStart().length);
  // "不少于1200人次/年": "/年" says how often, not what is counted — the unit is 人次, the target recurs
  const perYear = !!unit && /^(?:人次|次|场|期|批|人|名|户|家|个|课时|学时|[万亿千百]?元)\/年$/.test(unit);
  let outUnit = perYear ? unit!.slice(0, -2) : unit;
  if (outUnit && unit === m[10]) outUnit = asWritten(ctx, v, sBase + unitEnd - unit.length, sBase + unitEnd - unit.length + outUnit.length, outUnit);
  return {
    subject,
    value: Number(numStr),
    valueMax,
    unit: outUnit,
    comparator: cmp,
    year,
    // "每年培训种植、酿造技术人员不少于3000人次": 每年 governs its whole comma clause, lists included
    // ("年均增长8%" recurs; "PM2.5年均浓度" is a yearly mean, not a yearly figure)
    recurring: perYear || /每年|年(?:平)?均(?:增长|增速|增幅|递增|提高|提升|下降|降低|减少|新增|增加)/.test(commaClause(s, i)) || yearlySentence(s, i),
    decrease: isDecrease(words),
    quote: quoteV(ctx.doc, v, sBase + quoteStart, sBase + Math.max(objectEnd, end)),
    outlineId: node?.id ?? null,
    source: sourceOf(ctx, v, sBase + quoteStart, sBase + Math.max(objectEnd, end)),
  };
}

// ("完成市上全年任务(42.5亿元)的59.94%": the task in parentheses after its name)
const TASK_OF = /(?:目标任务数?|年度任务数?|全年任务数?|计划任务数?|年度目标)(?:为|是)?\s*[(（]?\s*$/;
const TASK_OF_ANY = new RegExp(TASK_OF.source.replace(/\\s\*\$$/, ''));

/** "每个网格300—500户的标准", "每村1至2名的规模": a per-item norm, not a policy's payment */

/**
 * "100个农村睦邻互助点", "*366张养老床位", "*30个市民益智健身苑点、2片市民足球场": a list item that is nothing but a count
 * and the things counted — a 实事 list's deliverable, the verb left to its heading
 */
function bareItem(s: string, i: number, after: string): boolean {
  // (every item of the line a count and its things: "40个项目涵盖幼有所育、学有所教…" is a sentence, not a list)
  return /^[\s*＊·•]*(?:\d+(?:\.\d+)?[^\d、,,;;。:]{1,20}、)*$/.test(s.slice(0, i)) && /^\s*(?:、|$)/.test(after) && /^[\s*＊·•]*\d+(?:\.\d+)?[^\d、,,;;。:]{1,16}(?:、[\s*＊]*\d+(?:\.\d+)?[^\d、,,;;。:]{1,16})*[。;]?\s*$/.test(s);
}

function norm(pre: string, rest: string, unit: string | null): boolean {
  return !!unit && unit !== '%' && /^的(?:标准|规模)(?![^,;。]*(?:补贴|补助|奖励|发放|给予|资助))/.test(rest) && /^\s*(?:按照|按|依照|参照)?\s*每(?:个|户|村|人|名|家|所|条)?[\u4e00-\u9fa5]{1,8}$/.test(pre);
}

const METRIC_END = /(?:率|数|量|比例|比重|面积|指数|规模|总额|收入|人次|占比)$/;
// the name of an indicator written alone before its figures
const INDICATOR_NAME = /(?:率|数|量|比例|比重|面积|指数|规模|总额|总值|收入|人次|占比|能力|投资|产值|增加值|产量|人口|天数|降幅|排放)$/;

/**
 * "高血压、糖尿病患者规范管理率均达到70%": one figure for each subject of the list before 均; an
 * earlier item that names no measure takes the last item's ("高血压" → "高血压患者规范管理率").
 */
function sharedFigure(ctx: ParseContext, s: string, v: VText, sBase: number, at: number, figEnd: number, t: ParsedTarget): ParsedTarget[] {
  if (!/均\s*(?:达到|为|保持在|稳定在|不低于|不少于|不超过|超过|控制在|提高到|在|达)?\s*$/.test(s.slice(0, at))) return [];
  const subjAt = s.lastIndexOf(t.subject, at);
  if (subjAt <= 0 || s[subjAt - 1] !== '、') return [];
  let k = subjAt - 1;
  while (k > 0 && !/[,;:。()!?“”\t|]/.test(s[k - 1])) k--;
  const items = s.slice(k, subjAt - 1).split('、');
  const last = t.subject.replace(/均$/, '');
  const out: ParsedTarget[] = [];
  let pos = k;
  for (const raw of items) {
    const item = raw.trim().replace(LEAD_NOISE, '');
    const here = pos + raw.indexOf(item);
    pos += raw.length + 1;
    if (item.length < 2 || item.length > 16 || /\d/.test(item)) return [];
    // parallel items of one length share what follows them ("高血压"/"糖尿病" + "患者规范管理率"); else the measure word
    const first = last.slice(0, item.length);
    const tail = first.length === item.length && last.length > item.length + 1 && item.length <= 4 ? last.slice(item.length) : last.slice(-3);
    const subject = METRIC_END.test(item) ? item : item + tail;
    out.push({ ...t, subject, quote: quoteV(ctx.doc, v, sBase + here, sBase + figEnd), source: sourceOf(ctx, v, sBase + here, sBase + figEnd) });
  }
  return out;
}

/** "每年开展活动不少于200场,覆盖居民用户30万户以上": a sentence opening on 每年 recurs throughout */
function yearlySentence(s: string, i: number): boolean {
  const m = /^\s*(?:[\u4e00-\u9fa5]{0,4}?)每年/.exec(s.replace(MARKER, ''));
  if (!m) return false;
  const between = s.slice(0, i);
  return !/累计|总计|合计|(?:19|20)\d\d年|年底|年末|到|至/.test(between.slice(between.indexOf('每年') + 2));
}

function ownPeriod(s: string, plan: number | null): boolean {
  if (plan === null) return false;
  const m = /十([一二三四五六七八九])五["”]?(?:期间|时期|末|期末)/.exec(s);
  return m !== null && 11 + '一二三四五六七八九'.indexOf(m[1]) === plan;
}

const REL_RE = /(?<![\d〇零一二三四五六七八九十两])(?:用|在|力争|争取)?([一二两三四五六七八九十]|\d{1,2})\s*年(?:内|时间)/g;

/** "三年内" from an issue year of 2024 → 2026 (the third year, counting the first) */
function relativeYears(s: string, issued: number | null): { at: number; year: number }[] | null {
  if (issued === null) return null;
  const out: { at: number; year: number }[] = [];
  REL_RE.lastIndex = 0;
  for (let m = REL_RE.exec(s); m; m = REL_RE.exec(s)) {
    const n = /\d/.test(m[1]) ? Number(m[1]) : m[1] === '两' ? 2 : m[1] === '十' ? 10 : '一二三四五六七八九'.indexOf(m[1]) + 1;
    if (n >= 1 && n <= 10) out.push({ at: m.index, year: issued + n - 1 });
  }
  return out.length ? out : null;
}

/** an explicit year between a relative one and the figure overrides it */
function yearBetween(s: string, a: number, b: number): boolean {
  return /(?:19|20)\d\d\s*年|十[一二三四五六七八九]五/.test(s.slice(a, b));
}

/** the clause a "、" list stands in: back to the last clause mark other than "、" */
function listClause(s: string, upTo: number): string {
  let k = upTo;
  while (k > 0 && !/[,;:()“”"《》。!?|｜\t]/.test(s[k - 1])) k--;
  return s.slice(k, upTo).replace(LEAD_NOISE, '');
}

/** a unit in the script the page is written in */
function asWritten(ctx: ParseContext, v: VText, s: number, e: number, unit: string): string {
  const n = spanV(v, s, e);
  return unitAsWritten(ctx.doc, n.start, n.end, unit);
}

function sourceOf(ctx: ParseContext, v: VText, s: number, e: number) {
  const n = spanV(v, s, e);
  return ctx.doc.toSource(n.start, n.end);
}

/** the text before position i back to the last clause mark other than "、" */
/**
 * "为全区23000名老年人提供居家养老服务", "对28所中小学校食堂安装监控": the counted object, then a verb acting for or on
 * it and what it does — not a compound noun holding a verb ("80万吨乙烯改扩建项目", "24个均衡化发展项目清单").
 */
function actsOnCount(obj: string, digits: string): boolean {
  if (!/^\d/.test(digits) || /(?:项目|清单|标准|名单)$/.test(obj)) return false;
  const v = ACTION_WIDE.exec(obj.replace(ORG_NAME, ''));
  return !!v && (v.index >= 1 || v[0] === obj) && v.index <= 16;
}

function commaClause(s: string, i: number): string {
  let k = i;
  while (k > 0 && !/[,;:。!?|｜\t]/.test(s[k - 1])) k--;
  return s.slice(k, i);
}

function clauseAfter(rest: string, items = false): string {
  // (items: "…增幅16%以上、…同比增长15%以上": a 、 before the next item's own figure ends this one's clause too,
  // for what the clause says of its time — not "…实现14429元、同比增长9.5%", the same figure's growth; for its
  // action the list is one clause: "再启动100个城市、1000个以上易涝点的整治")
  const k = rest.search(items ? /[,;。:!?()]|、(?!\s*(?:同比|环比|比上年|较上年|增长|增速|增幅|下降))(?=[^,;。:!?()、]*\d)/ : /[,;。:!?()]/);
  return k < 0 ? rest : rest.slice(0, k);
}

function dedupe(ts: ParsedTarget[]): ParsedTarget[] {
  const seen = new Set<string>();
  // a goal restated in a page's headline, teaser and body ("新增生活垃圾分类覆盖户数92.21万户" four times) is one
  const said = new Set<string>();
  const kept: ParsedTarget[] = [];
  for (const t of ts) {
    const k = `${t.source.start}:${t.source.end}`;
    // (the same words: a table's cells that differ only by the row they stand in are not restatements)
    const same = `${t.quote.replace(/\s/g, '')}|${t.subject.replace(/\s/g, '')}|${t.value}|${t.unit}|${t.comparator}|${t.year}`;
    if (seen.has(k) || (t.quote.replace(/\s/g, '').length >= 8 && said.has(same))) continue;
    seen.add(k);
    said.add(same);
    // "今年将新增供热面积230万平方米 … 新增供热面积230万平方米": the same figure of the same thing said again in other
    // words, in a sentence of its own (a table's short cells are rows, not restatements)
    const again = t.quote.replace(/\s/g, '').length >= 6 && kept.some((e) => e.value === t.value && e.unit === t.unit && e.comparator === t.comparator && (e.year === t.year || e.year === null || t.year === null) && e.quote.replace(/\s/g, '').length >= 6 && sameThing(e.subject, t.subject));
    if (!again) kept.push(t);
  }
  return kept;
}

const thing = (s: string) => s.replace(/[\s,,、;;:“”"()()]/g, '');
// words before a restated subject that say when or how surely, not which part ("今年全区将", "计划", "累计")
const FILLER = /^(?:今年|明年|全年|年内|当年|将|拟|计划|累计|总共|共|全[区市县省镇乡]|要|再|力争|预计|确保|能够|还将)+$/;
/** the same thing counted: equal subjects, or one that only puts filler words before the other ("今年将新增供热面积") */
function sameThing(a: string, b: string): boolean {
  // "德州市建立四级林长制体系 每年造林" (a headline's clauses) and "德州市每年造林": the last clause says what is counted
  const last = (s: string) => s.split(/[\s,,、;;:]+/).filter(Boolean).pop() ?? s;
  return sameCore(a, b) || sameCore(last(a), last(b), thing(a) + thing(b));
}
// a place before the words: "德州市每年造林" restates "每年造林"
const PLACE_FILLER = /^([\u4e00-\u9fa5]{1,6}(?:省|市|县|区|州|盟|旗|镇|乡))(?:今年|明年|全年|将|计划|要|力争)*$/;
// (a place counts as filler only where both subjects name it: "井陉县PM2.5平均浓度" is not the city's "PM2.5平均浓度")
function sameCore(a: string, b: string, both = ''): boolean {
  const [x, y] = [thing(a), thing(b)];
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  if (short.length < 4 || !long.endsWith(short)) return false;
  const before = long.slice(0, long.length - short.length);
  if (long === short || FILLER.test(before)) return true;
  const place = PLACE_FILLER.exec(before)?.[1];
  return place !== undefined && both.split(place).length > 2;
}
