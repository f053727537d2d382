// Text extracted from PDFs: a table read one cell per line with page furniture inside a row, lines wrapped
// mid-number and mid-label, running titles and page numbers, half-width punctuation. (Regrouped from the
// blind-batch files 8, 11 and 12.)
import { describe, expect, it } from 'vitest';
import { parseText } from '../../server/parser/index.js';

const raws = (us: { raw: string }[]) => us.map((u) => u.raw);
const targets = (text: string) => parseText(text).targets.map((t) => [t.value, t.unit, t.comparator, t.year]);

// blind batch 8
describe('a PDF table read one cell per line, every cell wrapped', () => {
  const text = [
    '某市2025年营商环境提升行动任务清单',
    '',
    '序号',
    '重点任务',
    '工作措施',
    '牵头领导',
    '责任单位',
    '完成时限',
    '1',
    '推进企业开办全程网上',
    '办',
    '企业开办时间压缩至1个',
    '工作日以内,全年服务',
    '企业不少于3000户',
    '张明',
    '市市场监管局、市税务',
    '局、市人力资源和社会',
    '保障局',
    '2025年6月',
    '底前',
    '2',
    '优化水电气报装服务',
    '低压小微企业用电报装',
    '- 4 -',
    '某市2025年营商环境提升行动任务清单',
    '序号',
    '重点任务',
    '工作措施',
    '牵头领导',
    '责任单位',
    '完成时限',
    '零投资,全年节约成本1.5',
    '亿元以上',
    '李华',
    '市发展改革委、国网某',
    '市供电公司',
    '2025年9月',
    '底前',
    '3',
    '规范涉企检查',
    '涉企检查频次减少15%',
    '张明',
    '市司法局、各区县人民',
    '政府',
    '长期坚持',
  ].join('\n');

  it('puts each row back together: units, leader and deadline, with nothing from the page break', () => {
    const tasks = parseText(text).tasks;
    expect(tasks.map((t) => [raws(t.responsible), t.leaders, t.deadline])).toEqual([
      [['市市场监管局', '市税务局', '市人力资源和社会保障局'], ['张明'], '2025-06'],
      [['市发展改革委', '国网某市供电公司'], ['李华'], '2025-09'],
      [['市司法局', '各区县人民政府'], ['张明'], null],
    ]);
    expect(tasks[0].title).toBe('推进企业开办全程网上办');
  });

  it('reads figures wrapped across lines of a cell', () => {
    expect(targets(text)).toEqual([
      [1, '个工作日', '<=', 2025],
      [3000, '户', '>=', 2025],
      [1.5, '亿元', '>=', 2025],
      [15, '%', '=', 2025],
    ]);
  });
});

// blind batch 12
describe('PDF text wrapped mid-number and mid-label', () => {
  it('joins wraps mid-number and mid-label, drops a repeated running title, reads 主管部门', () => {
    const line = (s: string) => `${s}\n`;
    const body =
      line('某某区交通运输一体化三年行动方案(2025—2027年)') +
      line('  一、主要目标') +
      line('  到2027年,全区农村公路总里程和乡村养护总里程达到480') +
      line('0公里以上,建制村通双车道比例达85%,农村公路优良中等') +
      line('路率达80%左右;城市公交线路万人拥有率达到1.5条/万人;') +
      line('快递进村服务覆盖农户15万户以上,物流配送时间不超过2') +
      line('天;道路运输证件办理时限缩短至3个工作日,确保建成园区') +
      line('  二、重点任务') +
      line('  (一)实施农村公路提质改造。按照“建好、管好、护好、运营') +
      line('— 1 —') +
      line('某某区交通运输一体化三年行动方案') +
      line('好”要求,推进农村公路窄路加宽和危桥改造,每年完成养护工') +
      line('程200公里以上。') +
      line('  主管部门:区交通运输局;配合部门:区应急管理局、区公安') +
      line('局,各成员单位按职责分工抓好落实。') +
      line('  (二)完善城乡公交网络。优化调整城乡公交线路,推动城区公') +
      line('交向周边乡镇延伸,新增城乡公交车辆60辆,全面提升服务。') +
      line('— 2 —') +
      line('某某区交通运输一体化三年行动方案') +
      line('  责任主体:区交通运输局 实施主体:某某区公共交通有限公') +
      line('司');
    const plan = parseText(body);
    expect(plan.targets.some((t) => t.value === 4800 && t.unit === '公里')).toBe(true);
    const [a, b] = plan.tasks;
    expect(raws(a.responsible)).toEqual(['区交通运输局']);
    expect(raws(a.cooperating)).toEqual(['区应急管理局', '区公安局']);
    expect(raws(b.responsible)).toEqual(['区交通运输局', '某某区公共交通有限公司']);
    expect(a.text).not.toContain('行动方案');
  });
});

// blind batch 11
describe('PDF text with half-width punctuation', () => {
  it('reads "." as a sentence end, 责任村 as responsible, and targets after a record sentence', () => {
    const plan = parseText(
      '某镇2024年工作方案\n一、工作目标\n2024年,收入50万元以上的村占比达到60%.2023年全镇总收入为4862万元.\n二、重点任务\n(一)打造示范村.推进甲村、乙村示范村创建,每个村至少谋划1个增收项目.(牵头: 镇农业农村办; 责任村: 甲村、乙村)\n(二)整治环境.完成8个村终端设施改造.(牵头: 镇规划建设办; 配合: 镇财政办)\n',
    );
    expect(plan.tasks[0].title).toBe('打造示范村');
    expect(raws(plan.tasks[0].lead)).toEqual(['镇农业农村办']);
    expect(raws(plan.tasks[0].responsible)).toEqual(['甲村', '乙村']);
    const got = plan.targets.map((t) => [t.value, t.unit, t.comparator]);
    expect(got).toContainEqual([60, '%', '=']);
    expect(got).toContainEqual([1, '个', '>=']);
    expect(got).not.toContainEqual([4862, '万元', '=']);
  });

  it('keeps decimals, "一." item markers and ellipses', () => {
    const plan = parseText('一.工作目标\n全年完成投资3.5亿元,新建公园2个.绿化覆盖率达到45%.道路改造12公里.\n');
    expect(plan.outline[0]?.title).toContain('工作目标');
    expect(plan.targets.map((t) => t.value)).toEqual(expect.arrayContaining([3.5, 2, 45, 12]));
  });
});
