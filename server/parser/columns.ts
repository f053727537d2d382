// The columns of a task table, read from a header cell's words: the lists the pages use ("牵头单位", "完成时限"), then
// the same names with a qualifier before them, then role labels the vocabulary composes. One reader for every table
// layout (taskTable, gluedTable, boxTable).
import { labelRole } from './vocabulary.js';

export type Column = 'seq' | 'ref' | 'task' | 'detail' | 'lead' | 'responsible' | 'cooperating' | 'leaders' | 'deadline' | 'other' | 'mark' | 'figure' | 'spec';

const COLUMN_RE: [RegExp, Column][] = [
  [/^(序号|编号|序|任务项)$/, 'seq'],
  // an appendix 分工表 that names the task only by its place in the text: "二(一)1"
  [/^(任务编号|任务序号|条目编号|对应条目|对应任务|对应条款|条款|文件条目|任务条目)$/, 'ref'],
  [/^(牵头(负责)?领导|责任领导|分管领导|责任人)$/, 'leaders'],
  [/^(牵头单位|牵头部门|牵头责任单位|主要责任单位|主责单位|主责部门|牵头处室|牵头科室|牵头股室|牵头市级部门|牵头区级部门)$/, 'lead'],
  [/^(责任单位|主体责任单位|监管责任单位|属地责任单位|属地管理责任单位|责任部门|责任主体|实施单位|实施主体|落实主体|落实单位|责任处室|责任科室|责任股室|责任站所|监考单位|考核责任单位)$/, 'responsible'],
  [/^(配合单位|配合部门|配合科室|配合处室|协同科室|协同处室|协同单位|协同部门|协同责任单位|参与单位|协办单位)$/, 'cooperating'],
  [/^(完成时限|完成时间|完成期限|计划完成时间|计划完成时限|预计完成时间|时间节点|时限要求|进度安排|时间安排|时间进度|进度要求|时限|整改时限|整改期限|办结时限)$/, 'deadline'],
  [/^(重点任务|主要任务|具体任务|工作任务|任务|任务名称|重点工作|工作事项|改革事项|项目名称|实事项目|民生实事|民生实事项目|实事名称|反馈问题|存在问题|问题|问题清单|问题描述|突出问题)$/, 'task'],
  [/^(具体措施|工作内容|任务内容|工作措施|主要内容|具体内容|工作要求|工作标准|完成标准|目标标准|目标任务|预期成果|实施内容|整改目标|整改措施|整改要求|工作目标|目标要求|任务目标|预期目标|目标任务及措施)$/, 'detail'],
  [/^(备注|说明|情况说明|类别|大类|领域|分类|分值|权重|考核分值)$/, 'other'],
  // a progress report's own columns ("上半年推进情况", "1-6月完成情况"): what was done, never the task or a target
  [/^((?:\S{0,8}?)(?:推进|进展|完成|落实|办理|整改|工作|实施|任务|项目|工程|建设)(?:情况|进度|进展|状况|状态)|进展|工作进展|目前进度|推进措施|是否(?:达到|符合|完成)序时进度|是否按序时推进|是否达序(?:时)?(?:进度)?|是否完成)$/, 'other'],
  // "累计完成 | 累计进度", "实际完成 | 完成率": a completion table's record of what was done against the row's goal (ex01)
  [/^((?:累计|实际|目前|当前|已)(?:完成|进度)(?:数|量|值|额|投资|情况|比例|率)?|累计(?:完成)?(?:进度|比例|百分比)|完成(?:率|比例|百分比|数|量|额|值))$/, 'other'],
  // a project's 建设内容 describes it (8.6万平方米, 1200张): its wording, not its targets
  [/^(建设内容|项目内容|建设规模及内容|建设规模|主要建设内容)$/, 'spec'],
  // an indicator list that names who answers for each indicator: each indicator is a task
  [/^(指标名称|考核指标|指标|项目)$/, 'task'],
  // a project list: who owns the project is no responsible unit; what it costs and how it is assessed are attributes
  [/^(项目业主|业主单位|建设单位|项目单位|单位|计量单位|考核频次|频次|考核方式|总投资|计划总投资|估算总投资)$/, 'other'],
  // "2024年计划投资(亿元)", "2024年目标值": the row's figure for the year, its unit in the header
  [/^((?:20\d{2}年)?(?:度)?(?:目标值|计划投资|计划完成投资|投资计划))$/, 'figure'],
  [/^(开竣工时间|开工竣工时间|起止年限|建设年限|建设期限|建设起止年限)$/, 'deadline'],
];

/** no header cell is this long (the longest words above are under 20 characters): a prose line is no header */
const MAX_CELL = 40;

/**
 * Answers kept for one parse (`withColumnMemo`): the table readers ask each line again for every line above it that
 * might open a header, so a line is asked many times; nothing is kept from one document to the next.
 */
let memo: Map<string, Column | null> | null = null;

export function withColumnMemo<T>(fn: () => T): T {
  const outer = memo;
  memo = new Map();
  try {
    return fn();
  } finally {
    memo = outer;
  }
}

export function columnOf(cell: string): Column | null {
  if (cell.length > MAX_CELL * 2 || cell.replace(/\s/g, '').length > MAX_CELL) return null;
  if (!memo) return readColumn(cell);
  let col = memo.get(cell);
  if (col === undefined) {
    col = readColumn(cell);
    memo.set(cell, col);
  }
  return col;
}

function readColumn(cell: string): Column | null {
  // "责任部门(加*号为牵头部门,其余为参与部门)": the starred units lead (units.ts parseUnitList marks them), the rest help
  if (/\((?:加|标|带)?[*★]号?(?:的|者)?为牵头(?:单位|部门)?[,,;;]?(?:其余|其他|其它)(?:的)?(?:为)?(?:参与|配合|协办|协同)/.test(cell.replace(/\s/g, ''))) return 'cooperating';
  // "牵头单位(部门)" and "牵头部门" are the same column
  // "责任单位(加黑为牵头单位)", "责任部门(加*号为牵头部门,其余为参与部门)": a note on how to read the column is no part of its name
  // "牵头单位及主要负责人": the unit column that also names its head
  const c = cell.replace(/\s/g, '').replace(/\([^)]{1,6}\)$/, '').replace(/\((?:加黑|加粗|标黑|排名第一|列第一|第一个|首位|(?:加|标|带)?[*★▲☆])[^)]{0,20}\)$/, '').replace(/(?<=单位|部门)(?:及|和|与)(?:主要)?(?:负责人|责任人|联系人)$/, '');
  for (const [re, col] of COLUMN_RE) if (re.test(c)) return col;
  // "2022年预期目标", "年度目标": the row's goal, in words, is what the row assigns
  if (/^(?:(?:19|20)\d{2}年(?:度)?)?(?:主要)?(?:预期目标|年度目标|目标任务|工作目标|任务目标|年度任务目标|年度任务)$/.test(c)) return 'detail';
  // "民生事项名称", "实事项目名称": the row's name
  if (/^(?:民生|惠民|为民)?(?:事项|实事|实事项目|项目|工作|任务)(?:名称|内容)$/.test(c)) return 'task';
  // an assessment sheet: "考核项目清单" names the row, "考核项目"/"指标组" group the rows
  if (/^(?:考核)?(?:项目|任务|工作|指标)清单$/.test(c)) return 'task';
  if (/^(?:考核项目|考核类别|考核内容类别|指标组|指标类别|目标类别)$/.test(c)) return 'other';
  // "分管市领导", "分管县领导", "责任领导(分管)": named people
  if (/^(?:[市区县镇乡]政府)?(?:分管|联系|牵头|包抓|包保)(?:市|区|县|镇|乡)?(?:级)?领导$/.test(c)) return 'leaders';
  // a 双随机 check plan: "检查主体" carries the check out, "年度计划名称" names it, "检查内容" says what it covers,
  // "计划开展时间" when, "抽查比例"/"抽查数量" its figures for the year
  if (/^(?:检查|抽查|执法|监管)(?:主体|单位|部门)$/.test(c)) return 'responsible';
  if (/^(?:年度)?(?:计划|检查|抽查)(?:事项)?名称$/.test(c)) return 'task';
  if (/^(?:检查|抽查|监管|执法|督查)(?:内容|事项)$/.test(c)) return 'detail';
  if (/^(?:计划)?(?:开展|实施|检查|抽查)时间$/.test(c)) return 'deadline';
  if (/^(?:抽查|检查)(?:比例|数量)$/.test(c)) return 'figure';
  // "1-9月份工作取得成效", "监督电话": what was done, how to reach them
  if (/^(?:\S{0,10}?)(?:取得成效|工作成效|主要成效|存在(?:的)?问题(?:或|和|及)?(?:困难|不足)?|下一?步(?:工作)?(?:打算|计划|措施|思路))$|^(?:监督|联系|咨询)(?:科室|处室|电话|方式|人)+$|^联系人$/.test(c)) return 'other';
  // "重点工作任务", "主要工作措施", "具体举措", "完成时间节点": the usual names with a qualifier before them
  if (/^(?:重点|主要|具体|年度|核心|阶段)?(?:工作)?任务(?:名称)?$|^(?:\d{4}年)?年度重点工作$/.test(c)) return 'task';
  // "细化任务及目标", "三季度目标", "上半年目标": the row's work broken down, or its goal for the period
  // ("四季度任务分解": the quarter's share of the row's work)
  if (/^(?:细化|分解|具体)(?:任务|目标|措施)$|^(?:[一二三四1-4]季度|上半年|下半年|[1-9]\d?-\d{1,2}月|年度)(?:工作)?目标$|^(?:[一二三四1-4]季度|上半年|下半年|年度|本月|月度)?(?:任务|目标)(?:分解|细化)$/.test(c)) return 'detail';
  if (/^(?:重点|主要|具体|工作|任务|推进|落实)?(?:工作)?(?:内容|措施|举措|要求|标准)$/.test(c)) return 'detail';
  if (/^(?:完成|办结|整改|计划完成|预计完成|推进)?(?:时限|时间|期限|时间节点|节点|时间要求|进度时限|时限要求)$/.test(c)) return 'deadline';
  // "预期效果", "指标属性": what the row should achieve; the indicator's kind (约束性/预期性)
  if (/^(?:预期|预计|预定)?(?:效果|成效|成果)$/.test(c)) return 'detail';
  if (/^(?:指标)?(?:属性|性质|类型)$/.test(c)) return 'other';
  // "牵头负责司局", "责任司局": a ministry's offices
  if (/^牵头(?:负责)?(?:司局|司|处室|科室|股室|机构)$/.test(c)) return 'lead';
  if (/^(?:责任|负责|承办)(?:司局|司|机构)$/.test(c)) return 'responsible';
  // "负责科室" beside "牵头单位": the office inside it that does the work; "负责人": a person
  if (/^(?:负责|承办|具体负责)(?:科室|处室|股室|部门|单位)$/.test(c)) return 'responsible';
  if (/^(?:具体)?(?:负责人|责任人)$/.test(c)) return 'leaders';
  // "牵头组织实施单位", "牵头落实部门": the lead column named with what it does; "组织实施单位": who carries it out
  if (/^牵头(?:组织|推进|落实|实施|负责|督办)+(?:单位|部门)$/.test(c)) return 'lead';
  if (/^(?:组织|具体)?实施(?:单位|部门)$/.test(c)) return 'responsible';
  // a duty list ("职责部门 | 职责名称 | 职责依据", gw11): each row a duty of its body, and the law it rests on
  if (/^(?:职责|履职|职能)(?:部门|单位|主体)$/.test(c)) return 'responsible';
  if (/^(?:主要|工作|监管|具体)?职责(?:名称|事项|内容)?$/.test(c)) return 'task';
  if (/^(?:职责|法律|法定|设定|实施)?依据$/.test(c)) return 'other';
  // "主要协作单位", "协同配合单位", "主办单位": a role label the vocabulary composes
  const role = labelRole(c);
  if (role) return role;
  // "责任单位或牵头单位", "牵头/责任单位": one unit column named by two roles; its unit takes the stronger
  const either = /^(.{2,8}?)(?:或|\/)(.{2,8})$/.exec(c);
  if (either) {
    const roles = [readColumn(either[1]), readColumn(either[2])];
    for (const r of ['lead', 'responsible', 'cooperating'] as const) if (roles.includes(r) && roles.every((x) => x === 'lead' || x === 'responsible' || x === 'cooperating')) return r;
  }
  // "国家园林城市标准或要求": the standard the row works to, in words
  if (/^[\u4e00-\u9fa5]{0,8}(?:标准|要求)(?:或|及|和|与)(?:要求|标准)$/.test(c)) return 'detail';
  // "工作措施及目标", "任务内容和要求": a text column named with what it also holds
  const both = /^(.{2,8}?)(?:及|和|与|或)(?:目标|要求|标准|成效|进度|时序|举措|措施)$/.exec(c);
  if (both) {
    const first = readColumn(both[1]);
    if (first === 'task' || first === 'detail') return first;
  }
  return null;
}
