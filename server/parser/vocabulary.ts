// The importer's vocabulary, decided once (issue #9 item 3; test/parser/fixtures/real/README.md): the
// words that label a role, the endings that make a name an organ, the catch-alls that name nobody.
// Every reader (label notes, task tables, unit lists, grouped items) asks this module.

export type UnitRole = 'lead' | 'responsible' | 'cooperating';

// ---------------------------------------------------------------------------------------------
// Role words. A role label is [prefix] core [holder]: "牵头单位", "主要责任单位", "共同责任单位",
// "主要协作单位", "配合部门", "责任科室". The core decides the role.
// ---------------------------------------------------------------------------------------------

/** cores that lead; 主责/主办/主要责任 lead only where the item has no 牵头 label (then they are responsible) */
export const LEAD_CORES = ['牵头责任', '牵头负责', '牵头', '主要责任', '主责', '主办'] as const;
/** cores that carry the task out */
export const RESPONSIBLE_CORES = ['主体责任', '监管责任', '属地管理责任', '属地责任', '共同责任', '具体责任', '责任', '落实', '实施', '承办', '主管', '具体承办', '组织'] as const;
/** cores that help */
/** ("组成单位": the members of a joint meeting or leading group the item sets up, beside its 牵头单位) */
export const COOPERATING_CORES = ['协同责任', '协同配合', '协同', '配合', '协办', '协作', '协助', '参与', '参加', '支持', '数据提供', '组成'] as const;
/** what holds the role: "单位", "部门", a town's or a department's offices */
/** ("责任街镇", "责任乡镇": the towns a row is handed to, in a column of their own) */
export const HOLDERS = ['单位', '部门', '科室', '处室', '股室', '站所', '主体', '街镇', '镇街', '乡镇'] as const;
/** words before a core that do not change it: "主要协作单位", "共同责任单位", "其他配合单位" */
/** ("问题整改责任单位", "整改责任单位": who puts a listed problem right) */
const PREFIXES = ['主要', '共同', '其他', '其它', '具体', '相关', '问题整改', '整改'];

const byLength = (xs: readonly string[]) => [...xs].sort((a, b) => b.length - a.length);
const CORES = byLength([...LEAD_CORES, ...RESPONSIBLE_CORES, ...COOPERATING_CORES]);
/** "牵头单位" / "主要协作单位" / "责任主体" …: regex source of a unit-role label */
/** ("责任科室(单位)": a second holder in parentheses) */
/** ("责任单位及责任人": the person in charge named with the unit, in one label) */
export const ROLE_LABEL_SRC = `(?:${PREFIXES.join('|')})?(?:${CORES.join('|')})(?:${HOLDERS.join('|')})(?:\\((?:${HOLDERS.join('|')})\\))?(?:(?:及|和|与)(?:责任人|负责人))?`;
const ROLE_LABEL = new RegExp(`^${ROLE_LABEL_SRC}$`);

/** A 牵头 label: with one in the item, 主责/主办/主要责任 are responsible (README). */
export const isLeadLabel = (label: string): boolean => /^(?:主要|共同|其他|其它|具体|相关)?牵头/.test(label);

/** The role a label names, or null when it is no role label. `hasLead`: the item also has a 牵头 label. */
export function labelRole(label: string, hasLead = false): UnitRole | null {
  const l = label.replace(/\s/g, '');
  if (!ROLE_LABEL.test(l)) return null;
  return roleOfCore(l, hasLead);
}

/** The role of a label word or header cell that holds a core ("牵头", "主办方", "协同配合单位"). */
export function roleOfCore(word: string, hasLead = false): UnitRole {
  const w = word.replace(/^(?:主要(?!责任)|共同(?!责任)|其他|其它|具体(?!责任|承办)|相关)/, '');
  if (/^(?:牵头)/.test(w)) return 'lead';
  if (/^(?:主要责任|主责|主办)/.test(w)) return hasLead ? 'responsible' : 'lead';
  if (/^(?:协同|配合|协办|协作|协助|参与|参加|支持|数据提供|组成)/.test(w)) return 'cooperating';
  return 'responsible';
}

/** verbs of helping: "Y配合", "Y参加", "Y协助" → cooperating */
export const HELP_VERB = /配合|参与|参加|协助|协同|协办/;

/** leader labels: named people, not units */
export const LEADER_LABELS = ['牵头负责领导', '牵头领导', '责任领导', '分管领导', '分包领导', '包保领导', '责任人'] as const;
/** labels of a division of work whose value names the units with their verbs ("部门分工:省发展改革委牵头,各地、各部门配合") */
export const DIVISION_LABELS = ['部门分工', '单位分工'] as const;
/** duties named without their holder ("主体责任:X,监督责任:Y"): who answers for the item, and who watches over it */
export const BARE_DUTY_LABELS = ['主体责任', '监督责任', '监管责任'] as const;
/** deadline labels */
export const DEADLINE_LABELS = ['完成时限', '完成时间', '时间节点', '时限要求'] as const;

// ---------------------------------------------------------------------------------------------
// What a unit name is.
// ---------------------------------------------------------------------------------------------

/** endings of an organ: a government body, a company, a town */
export const ORGAN_END_SRC =
  '局|委|委员会|办|办公室|部|政府|中心|管委会|管委|集团|公司|院|厅|署|支队|大队|分局|分行|工委|党委|街道|镇|乡|所|站|队|社|行|会|处|室|科';
export const ORGAN_END = new RegExp(`(?:${ORGAN_END_SRC})$`);
/**
 * a team sent to check or to work ("督查组", "第二督导检查组", "专项工作小组"): a body when it is charged with work
 * (sentenceDuties), and never a figure to reach when counted ("成立四个督查组", targets)
 */
export const TEAM_WORD_SRC = '督查|督导|检查|巡查|督察|暗访|联合|工作|行动|联络|考核|核查|验收|指导|评估|专案';
/** a name opening on its level or place: "市…", "区…", "XX县…" */
export const REGION_START = /^(?:市|区|县|省|州|盟|旗|镇|乡|街道|各|中共|共青团|团|国家|国网|中国|人民银行|[\u4e00-\u9fa5]{2,4}(?:市|区|县|州|镇|乡))/;

/**
 * "X等" / "X等部门" / "X等单位": a tail that adds nobody, dropped. "X等有关部门" / "X等区级有关部门" stay as a
 * catch-all mention (the corpus documents keep them; fixtures/real/README.md would drop them too).
 */
export const BARE_ETC = /^等(?:多个?|多家|多)?(?:部门|单位|部门单位)?$/;

/**
 * what a project's name opens with: a heading "建设苏州市残疾人活动中心" or "组建市大数据集团" names a piece of work, not
 * the unit that does it (the unit-heading readers in respNotes.ts and tasks.ts both ask this)
 */
export const PROJECT_VERB =
  /^(?:筹建|建设|建設|新建|改建|扩建|改造|组建|組建|打造|推进|推動|推动|优化|提升|完善|加强|加強|实施|實施|开展|開展|创建|創建|培育|设立|設立|成立|健全|深化|做强|发展|構建|构建|高质量|高質量)/;

/** a body named by its kind only, with no place: it shares the place of the name before it ("X党委和人民政府") */
export const GENERIC_BODY = /^(?:人民政府|政府|管委会|管理委员会|党工委|工委|委员会|办事处|人大|政协)$/;

// the lines of government a provincial or city text names by their field alone, before one shared "部门":
// "发展改革、住房和城乡建设、财政等部门", "民政、财政、扶贫部门", "全省各级财政、税务等部门"
export const SECTOR_FIELD =
  /^(?:(?:全省|全市|全区|全县|全州)?各级|省|市|区|县|州)?(?:发展改革|发展和改革|发改|财政|民政|教育|科技|工业和信息化|工业信息化|工信|经信|经济和信息化|公安|司法行政|司法|人力资源社会保障|人力资源和社会保障|人社|自然资源|国土资源|国土|生态环境|环境保护|环保|住房城乡建设|住房和城乡建设|城乡建设|住建|交通运输|交通|水利|水务|农业农村|农业|林业|林草|商务|文化和旅游|文化旅游|文旅|卫生健康|卫生计生|卫健|退役军人事务|应急管理|审计|国资|市场监管|市场监督管理|广电|体育|统计|医保|医疗保障|税务|地税|国税|扶贫|乡村振兴|粮食|能源|金融|城管|城市管理|规划|大数据|网信|宣传|编制|气象|消防|邮政|通信管理|供销|残联|妇联|工会|安监|工商|质监|物价|价格|外事|民族宗教|信访|人民银行|银保监|疾控|疾病预防控制|海关|工商联|共青团|团委|卫生|教育体育|教体|药监|药品监管|知识产权|广播电视|新闻出版|林业和草原|人防|地震|政务服务|数据|侨务|机关事务|铁路|民航|电力|烟草|应急|文旅体|文广旅|文体旅|文广新旅|文体广电旅游|粮食物资储备|粮食和物资储备|经贸|监察|城建|自然资源规划|自然资源和规划|农机|畜牧|水产|渔业|供电|消防救援|融媒体|交警|交管|住建交通|卫健委|教科体|建设|银监|证监|保监|农牧林业|农牧|食药监|食品药品监管|文化|旅游|文广|卫计|计生|人口计生|园林|房管|房产|劳动保障|劳动|人事|外经贸|科协)$/;
