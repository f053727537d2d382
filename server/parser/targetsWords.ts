// The words between a target's subject and its figure, and what they mean.
import type { Comparator } from '../../shared/parsedPlan.js';

// longest first: the tail is peeled word by word from the right
const TAIL_WORDS = [
  '不能超过', '不得超过', '不能高于', '不得高于', '不能低于', '不得低于', '不能少于', '不得少于', '不低于', '不少于', '不小于', '不超过', '不高于', '不多于', '不大于', '至少', '最少', '控制在', '保持在', '稳定在', '维持在',
  '提高到', '提高至', '提升到', '提升至', '增加到', '增加至', '增长到', '增长至', '扩大到', '扩大至', '降低到', '降低至',
  '下降到', '下降至', '减少到', '减少至', '缩小到', '缩小至', '压减至', '压减到', '压缩至', '压缩到', '缩短至', '缩短到', '缩减至', '缩减到', '削减至', '削减到', '增至', '降至', '达到', '超过', '突破', '高于', '大于',
  '多于', '低于', '小于', '少于', '不足', '接近', '约为', '大约', '增长', '下降', '降低', '减少', '提高', '提升', '增加',
  '缩小', '压减', '削减', '缩减', '压缩', '缩短', '分别', '保持', '维持', '稳定', '每人每月', '每人每年', '每人', '每月', '每年', '实现', '力争', '达', '约', '近', '为', '超', '均', '在', '至', '到', '≥', '≤', '≧', '≦',
  '>=', '<=', '>', '<',
].sort((a, b) => b.length - a.length);

const CMP: [RegExp, Comparator][] = [
  [/^(?:不低于|不少于|不小于|不能低于|不得低于|不能少于|不得少于|至少|最少|≥|≧|>=)$/, '>='],
  // "降至47微克/立方米", "压减至…": brought down to at most
  [/^(?:不超过|不能超过|不得超过|不能高于|不得高于|不高于|不多于|不大于|控制在|缩短至|缩短到|降至|降到|降低到|降低至|下降到|下降至|减少到|减少至|压减至|压减到|压缩至|压缩到|缩减至|缩减到|削减至|削减到|缩小到|缩小至|≤|≦|<=)$/, '<='],
  [/^(?:超过|突破|高于|大于|多于|超|>)$/, '>'],
  [/^(?:低于|小于|少于|不足|<)$/, '<'],
  [/^(?:接近|约为|大约|约|近)$/, 'approx'],
];

export const CHANGE_WORD = /^(?:增长|下降|降低|减少|提高|提升|增加|缩小|压减|削减|缩减|压缩|缩短)$/;
const DECREASE_WORD = /^(?:下降|降低|减少|缩小|压减|削减|缩减|压缩|缩短)$/;

/** measure words that count things an action produces ("10个", "5000户", "20公里") */
export const COUNT_UNIT =
  /^[万亿千百十]{0,2}(?:个|家|所|条|座|处|项|件|套|台|辆|艘|张|床|册|名|位|批|种|栋|幢|间|棵|株|户|人|人次|亩|公顷|公里|千米|米|平方米|平方公里|吨|千瓦|兆瓦|标箱|标准箱|床位|次|场|场次|期|届|轮|批次|只|头|根|穴|延长米|处|万人次|人·次|份|方|立方米|对|盏|剂次|剂|口|眼|孔|宗|块|支|架|部|节|盘|组|堂)$/;
/** a clause ending in an action verb, so a counted object may follow the figure */
export const ACTION_END =
  /(?:建成|新建|建设|打造|培育|创建|新增|完成|改造|实施|引进|培训|提供|发展|推广|设立|布局|招引|储备|扶持|认定|培养|吸引|开展|组建|建立|新开|开通|开工|种植|治理|修复|整治|增设|新设|安置|帮扶|带动|创造|举办|改建|扩建|续建|提档升级|更新|配建|示范|召开|组织|推动|遴选|选择|选树|开辟|引育|评选|落地|谋划|策划|投保|购买|清淤|疏浚|优选|筛选|扶持培育|支持|制作|加装|安装|设置|配备|铺设|修建|购置|发放|投放|推荐|申请|申报|争创|提质扩能|提质改造|提标改造|选聘|选派|招聘|聘用|新招|新建改扩建|改扩建)$/;
/** a clause opening on an action verb ("设立总规模20亿元的基金", "完成A、B2个乡镇的试点") */
export const ACTION_START = new RegExp(`^${ACTION_END.source.replace(/\$$/, '')}`);

/** anywhere in a clause: an action verb ("推进省级重大项目300个" sets a number of projects to push) */
export const ACTION_ANY = new RegExp(`${ACTION_END.source.replace(/^\^|\$$/g, '').replace(/^\(\?:/, '(?:推进|')}`);
/** anywhere in the clause around a counted object: what is done to it ("对28所学校食堂安装…", "为64万名孕妇提供…") */
export const ACTION_WIDE = new RegExp(
  `${ACTION_ANY.source.replace(/^\(\?:/, '(?:达到|创成|评为|获评|开设|完善|解决|维修|打通|安装|改善|救助|招聘|开发|筛查|检查|配备|新辟|发放|购置|铺设|修建|改扩建|整修|惠及|服务|举办|培训|救治|资助|体检|接种|聘用|招录|吸纳|推出|上线|挂牌|投放|设置|种植|栽植|植树|适配|')}`,
);
/** a figure that gives a size or a bound of the thing, not a number of things to make ("宽50米", "占地30亩") */
export const DIMENSION = /(?:宽|长|高|深|厚|直径|半径|宽度|长度|高度|占地|占地面积|总长|全长|跨度|埋深|层高|净高|距离|半径|面积|每)$/;

/** measure words a list of items is counted in ("民生实事项目1个", "县教育局3项") */
export const ITEM_UNIT = /^(?:项|個|个|件|类|大类)$/;
/** what a count of the page's own items counts ("33项重点民生实事项目", "63项指标", "两个改革试点") */
export const ITEM_OBJECT = /(?:项目|实事|指标|任务|试点|类别|事项|措施|行动|举措)$/;
/** what holds a count of the page's own items: a list noun, a unit's name, or 共/合计 */
export const ITEM_HOLDER =
  /(?:项目|事项|实事|指标|任务|工程类|事项类|类|局|委|办|部|厅|政府|残联|共|合计|总计|其中|分别为|包括)$/;

/** peel comparator and change words off the end of the text before a figure */
export function tailWords(pre: string): { head: string; words: string[] } {
  let head = pre.replace(/\s+$/, '');
  const words: string[] = [];
  for (let guard = 0; guard < 6; guard++) {
    const w = TAIL_WORDS.find((t) => head.endsWith(t));
    // 年均/人均/平均 belong to the subject
    if (!w || (w === '均' && /[年人平]均$/.test(head))) break;
    words.push(w);
    head = head.slice(0, -w.length).replace(/\s+$/, '');
  }
  return { head, words };
}

/** the nearest word that says how the figure bounds the subject */
export function comparatorOf(words: string[]): Comparator {
  for (const w of words) for (const [re, c] of CMP) if (re.test(w)) return c;
  return '=';
}

export function isDecrease(words: string[]): boolean {
  return words.some((w) => DECREASE_WORD.test(w));
}
