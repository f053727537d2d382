// Realistic report data: indicator wording from 表2 of the Yongchuan 14th five-year outline
// (corpus 004) and tasks with their responsibility notes from the Yongchuan urban-renewal
// action plan (corpus 000). Progress figures and statuses are invented for the tests.
import type { EvaluationReportInput, IndicatorRow, TaskLedgerRow } from '../../shared/reportDocs.js';

type IndicatorFixture = Partial<IndicatorRow> & Pick<IndicatorRow, 'name'>;
const ind = (
  name: string,
  unit: string | null,
  attribute: 'binding' | 'expected',
  kind: IndicatorRow['kind'],
  baseline: string,
  target: string,
  latest: string | null,
  expected: string | null,
  evaluation: IndicatorRow['evaluation'],
): IndicatorFixture => ({ name, unit, attribute, kind, baselineYear: 2020, baseline, targetYear: 2025, target, latestYear: latest ? 2023 : null, latest, expected, evaluation });

export const indicators: IndicatorRow[] = [
  ind('地区生产总值年均增速', '%', 'expected', 'annual_growth', '4.6', '7.5*', '6.9', '7.5', 'behind'),
  ind('人均地区生产总值', '万元', 'expected', 'level', '8.8', '11.8', '10.9', '10.6', 'ahead'),
  ind('全员劳动生产率', '万元/人·年', 'expected', 'level', '16', '19.5', '18.4', '18.1', 'ahead'),
  ind('研究与试验发展经费支出占地区生产总值比重', '%', 'expected', 'level', '2.5', '3', '2.8', '2.8', 'on_track'),
  ind('新增高新技术企业数量', '户', 'expected', 'cumulative', '—', '【120】', '126', '72', 'achieved_early'),
  ind('数字经济增加值占地区生产总值比重', '%', 'expected', 'level', '24.9', '33', '29.6', '29.8', 'on_track'),
  ind('社会消费品零售总额年均增速', '%', 'expected', 'annual_growth', '3.4', '8*', '5.1', '8', 'behind'),
  ind('进出口总额', '亿美元', 'expected', 'cumulative', '4.55', '【40】', '26.3', '24', 'ahead'),
  ind('单位地区生产总值能耗降低率', '%', 'binding', 'cumulative', '【19.1】', '【13】', '8.2', '7.8', 'on_track'),
  ind('常住人口城镇化率', '%', 'expected', 'level', '72.77', '80', '76.1', '76.6', 'on_track'),
  ind('森林覆盖率', '%', 'binding', 'level', '51', '>51', '52.3', '>51', 'achieved_early'),
  ind('空气质量优良天数', '天', 'binding', 'level', '334', '≧300', '321', '≧300', 'on_track'),
  ind('城镇新增就业人数', '万人', 'expected', 'cumulative', '2.6', '【12】', '7.6', '7.2', 'ahead'),
  ind('每千老年人口拥有养老服务机构床位数', '张', 'expected', 'level', '18', '30', '21', '25', 'behind'),
  ind('粮食综合生产能力', '万吨', 'binding', 'level', '48', '48.5', null, null, 'no_data'),
  ind('亿元地区生产总值安全事故死亡率', null, 'binding', 'level', '0.024', '<0.019', '0.017', '<0.019', 'achieved_early'),
].map((r) => ({ unit: null, attribute: null, kind: null, baselineYear: null, baseline: null, targetYear: null, target: null, latestYear: null, latest: null, expected: null, evaluation: null, ...r }));

const ch2 = '二、提升城市发展能级，建设“新区大城”';
const ch3 = '三、提升城市规划水平，科学引领城市发展';
const ch4 = '四、提升城市建设水平，突显精美城市特色';
const t = (chapter: string, title: string, lead: string[], responsible: string[], status: TaskLedgerRow['status'], latestProgress: string | null, deadline: string | null = '2025-12'): TaskLedgerRow => ({
  chapter,
  title,
  lead,
  responsible,
  cooperating: [],
  deadline,
  status,
  color: status === 'overdue' ? 'red' : null,
  latestProgress,
  updatedAt: latestProgress ? '2026-10-24 16:30' : null,
});

export const tasks: TaskLedgerRow[] = [
  t(ch2, '（一）展现大格局担当', ['区发展改革委', '区规划自然资源局'], ['永川高新区管委会', '区新城建管委'], 'on_track', '已完成“新区大城”目标内涵研究，正在修改完善。'),
  t(ch2, '（二）坚持大思路谋划', ['区发展改革委', '区规划自然资源局'], ['永川高新区管委会', '区新城建管委'], 'completed', '“双百”区域性中心城市建设方案已印发。'),
  t(ch2, '（三）构建大协同体系', ['区发展改革委', '区规划自然资源局'], ['区经济信息委', '区交通局', '区商务委', '永川高新区管委会', '区新城建管委', '港桥产业促进中心'], 'behind', '临港新区规划报批晚于计划。'),
  t(ch2, '（四）践行高品质示范', ['区发展改革委', '区住房城乡建委', '区规划自然资源局'], ['区城市管理局', '永川高新区管委会', '区新城建管委'], 'on_track', '按季度推进。'),
  t(ch3, '1.打造“十字轴线”发展带', ['区规划自然资源局'], ['区交通局', '永川高新区管委会', '区新城建管委', '港桥产业促进中心', '三教产业促进中心'], 'on_track', '南北大道（兴龙大道南延段）完成可研。'),
  t(ch3, '2.构建“1+2+12”城镇体系', ['区规划自然资源局'], ['永川高新区管委会', '区新城建管委', '港桥产业促进中心', '三教产业促进中心', '各街镇政府'], 'completed', '差异化发展策略已制定。'),
  t(ch3, '1.构建山清水秀生态空间', ['区规划自然资源局'], ['区水利局', '区交通局', '区林业局', '永川高新区管委会', '区新城建管委'], 'overdue', null, '2024-06'),
  t(ch3, '3.构建宜居适度生活空间', ['区规划自然资源局'], ['区住房城乡建委', '区城市管理局', '永川高新区管委会', '区新城建管委'], 'not_reported', null),
  t(ch4, '1.拉开“双百”城市空间框架', ['区规划自然资源局'], ['永川高新区管委会', '区新城建管委'], 'on_track', '完成城市空间框架专题研究。'),
  t(ch4, '3.加强重点建筑管控', ['区规划自然资源局', '区住房城乡建委'], ['区文化旅游委', '永川高新区管委会', '区新城建管委'], 'completed', '重点建筑管控导则已实施。'),
  t(ch4, '4.提升绿色化智能化建造水平', ['区住房城乡建委'], ['区发展改革委', '区科技局', '区经济信息委', '区大数据发展局', '永川高新区管委会', '区新城建管委'], 'on_track', '智慧工地平台覆盖在建项目78%。', '长期坚持'),
];

export const planTitle = '永川区国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要';

export function reportInput(kind: EvaluationReportInput['kind'], extra: Partial<EvaluationReportInput> = {}): EvaluationReportInput {
  return {
    kind,
    planTitle,
    year: 2025,
    issuingOffice: '永川区发展和改革委员会',
    date: '2026-03-15',
    narrative: {
      foreword: ['为全面掌握《纲要》实施进展，根据《纲要》第十八章关于建立健全规划实施监测评估机制的要求，区发展改革委会同有关部门对《纲要》实施情况开展了评估，形成本报告。'],
      overview: ['《纲要》实施以来，全区坚持以新时代中国特色社会主义思想为指导，完整、准确、全面贯彻新发展理念，高质量发展先行区、高品质生活示范区建设取得重要进展。'],
      indicators: [],
      tasks: [],
      extraSections: [],
      closing: [],
    },
    indicators,
    tasksByChapter: [],
    tasksByUnit: [],
    problems: [
      { title: '部分指标进展滞后', text: '受外部环境影响，地区生产总值年均增速、社会消费品零售总额年均增速低于序时进度。', units: ['区发展改革委', '区商务委'], period: '2025年第四季度' },
      { title: null, text: '临港新区规划报批晚于计划，港桥片区基础设施建设进度偏慢。', units: ['区规划自然资源局'], period: null },
    ],
    nextSteps: [
      { title: '强化规划统筹', text: '对滞后指标逐项分析原因，制定针对性措施，确保“十四五”目标任务顺利完成。', units: [], period: null },
    ],
    ...extra,
  };
}
