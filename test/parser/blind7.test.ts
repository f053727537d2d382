// Behaviours added after blind batch 7: unit names alone in parentheses after a sentence, notes that
// name only helpers ("(X、Y配合)"), several "(X负责)" notes in one item's paragraph, tasks grouped under
// the unit that carries them ("(一)市发改委" / "市卫健委:10.…;11.…"), an appendix 分工表 that names
// tasks only by their number ("二(一)1"), a row's deadline cell after a cell of several tasks, saved
// web pages read through parsePlan; in targets, "比上年增长" as a target, a 年度目标 table of
// consecutive years, a lead-in paragraph above a table, and another document's "十四五" title.
import { describe, expect, it } from 'vitest';
import { parsePlan, parseText } from '../../server/parser/index.js';
import { extractTargets } from '../../server/parser/targets.js';
import type { ParsedUnit } from '../../shared/parsedPlan.js';
import { ctxOf } from './indicators.helpers.js';

const raws = (us: ParsedUnit[]) => us.map((u) => u.raw);
const roles = (text: string) => parseText(text).tasks.map((t) => [raws(t.lead), raws(t.responsible), raws(t.cooperating)]);
const brief = (text: string) => extractTargets(ctxOf(text), []).map((t) => [t.value, t.unit, t.comparator, t.decrease]);

describe('unit notes without labels', () => {
  it('reads unit names alone in parentheses after the sentence as responsible units', () => {
    const text = ['某市新材料产业行动方案', '二、重点任务', '1.推进园区提质。推动化工园区认定管理。(市工信局、市应急局,各区县政府、高新区管委会)', '2.加强人才引育。实施英才计划。(市委组织部、市人社局)'].join('\n');
    expect(roles(text)).toEqual([
      [[], ['市工信局', '市应急局', '各区县政府', '高新区管委会'], []],
      [[], ['市委组织部', '市人社局'], []],
    ]);
  });

  it('leaves a parenthesis that is not a list of units, or that does not close a sentence, alone', () => {
    const text = ['某市方案', '1.发展物流。建设枢纽(含陆港型枢纽)。(2023年全市社会物流总额为2.03万亿元。)', '2.建设平台。依托市市场监管局(市知识产权局)推进。'].join('\n');
    expect(parseText(text).tasks.every((t) => t.responsible.length === 0)).toBe(true);
  });

  it('keeps every "(X负责)" of one item\'s paragraph in that one task', () => {
    const text = ['某市2025年工作要点', '一、提升效能', '1.深化改革。推出集成服务12项以上(市行政审批局负责)。电子证照应用率达到90%(市数据局负责)。', '2.降低成本。减税降费150亿元(市税务局负责);电价下降3%(市发改委负责)。'].join('\n');
    expect(roles(text)).toEqual([
      [[], ['市行政审批局', '市数据局'], []],
      [[], ['市税务局', '市发改委'], []],
    ]);
  });
});

describe('tasks grouped under their unit', () => {
  const text = [
    '某市2024年重点任务分解方案',
    '以下任务按牵头单位分列,配合单位在任务后括号内注明。',
    '二、重点任务分解',
    '(一)市发改委',
    '1.实施扩大有效投资攻坚行动,固定资产投资增长5%以上。(市经信局、市自然资源和规划局配合)',
    '2.深化要素市场化配置改革,开展用能权交易试点。',
    '(二)市教育局',
    '3.新建中小学20所。(市住建局配合)',
    '三、民生实事',
    '市卫生健康委:4.新增普惠托位1000个;5.开展老年人健康体检不少于40万人次。(各县(市、区)政府配合)',
  ].join('\n');

  it('gives each item under a unit heading that unit, as lead when the plan lists tasks by 牵头单位', () => {
    expect(roles(text)).toEqual([
      [['市发改委'], [], ['市经信局', '市自然资源和规划局']],
      [['市发改委'], [], []],
      [['市教育局'], [], ['市住建局']],
      [['市卫生健康委'], [], []],
      [['市卫生健康委'], [], ['各县(市、区)政府']],
    ]);
  });

  it('does not take a heading such as "优化城市空间布局" for a unit', () => {
    const t = parseText(['某区规划', '(六)优化城市空间布局', '1.坚持东进南延。推进开发。(牵头单位:区规划自然资源局;责任单位:区新城建管委)'].join('\n')).tasks;
    expect(t.map((x) => [raws(x.lead), raws(x.responsible)])).toEqual([[['区规划自然资源局'], ['区新城建管委']]]);
  });
});

describe('an appendix 分工表 naming tasks by number', () => {
  it('joins each row to the item of the text it numbers, with its deadline', () => {
    const text = [
      '某市现代物流业实施方案(2024—2026年)',
      '二、重点任务',
      '(一)强化枢纽功能',
      '1.建设国家物流枢纽。完善枢纽功能。',
      '2.提升多式联运水平。加快铁水联运发展。',
      '三、保障措施',
      '各有关部门按照职责分工抓好落实。',
      '附件',
      '重点任务责任分工表',
      '序号\t任务编号\t牵头单位\t配合单位\t完成时限',
      '1\t二(一)1\t市发展改革委\t市交通运输局、市商务局\t2026年底',
      '2\t二(一)2\t市交通运输局\t中国铁路上海局集团徐州车务段\t2025年6月',
    ].join('\n');
    const tasks = parseText(text).tasks;
    expect(tasks.map((t) => [t.title, raws(t.lead), raws(t.cooperating), t.deadline])).toEqual([
      ['建设国家物流枢纽', ['市发展改革委'], ['市交通运输局', '市商务局'], '2026-12'],
      ['提升多式联运水平', ['市交通运输局'], ['中国铁路上海局集团徐州车务段'], '2025-06'],
    ]);
    expect(text.slice(tasks[0].source.start, tasks[0].source.end)).toContain('完善枢纽功能');
  });
});

describe('saved web pages', () => {
  const page = (body: string) =>
    new TextEncoder().encode(
      `<!DOCTYPE html><html><head><title>某市方案</title></head><body><div class="crumb">首页 &gt; 政策文件</div><div class="TRS_Editor">${body}</div><div class="footer"><p>主办单位：某市人民政府办公室 ICP备案：豫ICP备05003328号 联系电话：0371-23399000</p></div></body></html>`,
    );

  it('gives the row deadline to every task of a cell holding several, each with its labels', async () => {
    const p = await parsePlan(
      page(
        '<p style="text-align:center">某市2024年人居环境整治工作方案</p><table><tr><td><p>序号</p></td><td><p>整治类别</p></td><td><p>工作任务及责任单位</p></td><td><p>完成时限</p></td></tr>' +
          '<tr><td><p>1</p></td><td><p>市容环境</p></td><td><p>1.开展背街小巷整治，完成立面清洗。牵头单位：市城市管理局&nbsp;配合单位：各区政府</p><p>2.规范占道经营，设置便民疏导点40处。<br/>牵头单位：市城市管理局<br/>配合单位：市公安局交通管理支队</p></td><td><p>2024年10月底前</p></td></tr></table>',
      ),
      'page.html',
    );
    expect(p.meta.format).toBe('html');
    expect(p.tasks.map((t) => [raws(t.lead), raws(t.cooperating), t.deadline])).toEqual([
      [['市城市管理局'], ['各区政府'], '2024-10'],
      [['市城市管理局'], ['市公安局交通管理支队'], '2024-10'],
    ]);
    expect(p.text).not.toContain('ICP');
  });

  it('reads a 年度目标 table of consecutive years as targets of each year, and the paragraph above it as prose', async () => {
    const p = await parsePlan(
      page(
        '<p>某市养老服务体系建设三年行动计划（2024—2026年）</p><p>到2026年，全市每千名老年人拥有养老床位数达到35张，力争达到38张；累计培训养老护理员1万人次。年度目标如下：</p>' +
          '<table><tr><td><p>序号</p></td><td><p>指标名称</p></td><td><p>单位</p></td><td><p>2024年</p></td><td><p>2025年</p></td><td><p>2026年</p></td></tr>' +
          '<tr><td><p>1</p></td><td><p>养老机构护理型床位占比</p></td><td><p>%</p></td><td><p>55</p></td><td><p>60</p></td><td><p>65</p></td></tr>' +
          '<tr><td><p>2</p></td><td><p>社区老年助餐点</p></td><td><p>个</p></td><td><p>300</p></td><td><p>400</p></td><td><p>500</p></td></tr></table>',
      ),
      'page.html',
    );
    expect(p.indicators).toHaveLength(2);
    expect(p.indicators[0].baseline?.value ?? null).toBeNull();
    expect(p.indicators[0].targets.map((t) => [t.year, t.value])).toEqual([
      [2024, 55],
      [2025, 60],
      [2026, 65],
    ]);
    expect(p.targets.map((t) => [t.value, t.unit])).toEqual([
      [35, '张'],
      [38, '张'],
      [1, '万人次'],
    ]);
  });
});

describe('targets', () => {
  it('reads "比上年增长/下降/减少" in a work plan as a target; "同比增长" stays a record', () => {
    expect(brief('普惠小微贷款余额比上年增长15%以上,一般工商业平均电价比上年下降3%,涉企行政检查次数比上年减少20%。')).toEqual([
      [15, '%', '>=', false],
      [3, '%', '=', true],
      [20, '%', '=', true],
    ]);
    expect(brief('某市新材料产业行动方案(2024—2027年)\n2023年,全市新材料产业实现营业收入2650亿元,同比增长8.5%。')).toEqual([]);
  });

  it('does not take the year of another document\'s title ("《…“十四五”…规划》") for the plan\'s', () => {
    const t = extractTargets(ctxOf('某市物流实施方案(2024—2026年)\n根据《江苏省“十四五”现代物流业发展规划》,制定本方案。\n二、重点任务\n1.发展冷链物流。新增冷库库容20万吨。'), []);
    expect(t.map((x) => [x.value, x.year])).toEqual([[20, 2026]]);
  });
});
