// Blind batch 12: another city's 市X names, labelled unit cells, role-word matrices, minutes, bulletins, "同上", PDF wraps.
import { describe, expect, it } from 'vitest';
import { parseText } from '../../server/parser/index.js';
import { parseDeadline } from '../../server/parser/deadline.js';

const raws = (us: { raw: string }[]) => us.map((u) => u.raw);

describe('blind-12: registry', () => {
  it("a plan naming another city keeps its 市X names unknown; a snippet naming no place still resolves", () => {
    const other = parseText('宣城市人民政府文件\n一、重点任务\n1.推进统计改革。(牵头单位:市统计局;配合单位:市民政局)\n');
    expect(other.tasks[0].lead[0].known).toBe(false);
    expect(other.tasks[0].cooperating[0].known).toBe(false);
    const plain = parseText('一、重点任务\n1.推进统计改革。(牵头单位:市统计局;配合单位:市民政局)\n');
    expect(plain.tasks[0].lead[0].known).toBe(true);
  });
});

describe('blind-12: unit cells and names', () => {
  it('reads "牵头:X(person) 配合:Y" cells and "X(person)牵头,Y配合", dropping the person in parentheses', () => {
    const plan = parseText(
      '宣城市人民政府\n任务分解表\n责任单位(责任人)\t任务编号\t重点任务\t完成时限\n牵头:市发展改革委(王立新) 配合:市财政局(周敏)、市统计局\t1-1\t地区生产总值增长6%左右。\t2024年12月\n市投资促进局(何静)牵头,市发展改革委配合\t1-2\t新开工亿元以上项目300个。\t2024年11月\n',
    );
    const [a, b] = plan.tasks;
    expect(raws(a.lead)).toEqual(['市发展改革委']);
    expect(raws(a.cooperating)).toEqual(['市财政局', '市统计局']);
    expect(raws(b.lead)).toEqual(['市投资促进局']);
    expect(raws(b.cooperating)).toEqual(['市发展改革委']);
  });

  it('keeps an alias that names an organ in parentheses, drops a remit', () => {
    const plan = parseText('一、任务\n1.新增停车泊位。\n牵头单位:市城市管理局(停车泊位)、市市场监管局(知识产权局)\n');
    expect(raws(plan.tasks[0].lead)).toEqual(['市城市管理局', '市市场监管局(知识产权局)']);
  });

  it('reads a matrix whose cells hold the words 牵头 / 配合', () => {
    const plan = parseText(
      '二、责任分工\n序号\t重点任务\t区民政局\t区财政局\t各镇(街道)\n1\t完善养老服务设施。\t牵头\t配合\t配合\n2\t改造老旧小区。\t\t配合\t牵头\n',
    );
    expect(raws(plan.tasks[0].lead)).toEqual(['区民政局']);
    expect(raws(plan.tasks[0].cooperating)).toEqual(['区财政局', '各镇(街道)']);
    expect(raws(plan.tasks[1].lead)).toEqual(['各镇(街道)']);
  });
});

describe('blind-12: indicator years', () => {
  it('every year column at or after the plan start is a target when there is no 基期 column', () => {
    const plan = parseText(
      '柯桥区未来社区建设行动方案(2025—2030年)\n一、总体目标\n序号\t指标名称\t单位\t2025年\t2027年\t2030年\t属性\n1\t未来社区创建数量\t个\t15\t30\t50\t预期性\n2\t社区养老服务覆盖率\t%\t90\t≥95\t100\t约束性\n',
    );
    const ind = plan.indicators[0];
    expect(ind.baseline).toBeNull();
    expect(ind.targets.map((t) => t.year)).toEqual([2025, 2027, 2030]);
  });
});

describe('blind-12: minutes and bulletins', () => {
  it('reads 会议明确 directives with their units and deadlines in the year of the minutes', () => {
    const plan = parseText(
      '专题会议纪要\n某某市人民政府办公室        2024年7月12日\n一、关于易涝点整治\n会议明确:新建雨水管网不少于35公里,由市住建局牵头实施,市财政局负责资金保障,年底前全部完工。\n二、关于泵站\n会议要求,市水利局要会同市城管局开展检修,于7月20日前完成。\n三、关于资金\n会议明确:市财政局要于7月底前统筹安排资金3000万元。\n',
    );
    const [a, b, c] = plan.tasks;
    expect(raws(a.lead)).toEqual(['市住建局']);
    expect(raws(a.responsible)).toEqual(['市财政局']);
    expect(a.deadline).toBe('2024-12');
    expect(raws(b.lead)).toEqual(['市水利局']);
    expect(raws(b.cooperating)).toEqual(['市城管局']);
    expect(b.deadline).toBe('2024-07-20');
    expect(raws(c.responsible)).toEqual(['市财政局']);
    expect(c.deadline).toBe('2024-07');
    expect(plan.targets.find((t) => t.value === 35)?.year).toBe(2024);
  });

  it('progress lines and a 总体情况 section are no targets', () => {
    const plan = parseText(
      '关于2024年重点工作推进情况的督查通报\n一、总体情况\n截至9月底,已完成19项,总体完成率为87.2%。\n二、进展滞后的工作任务\n(一)新建5G基站2000个。\n牵头单位:市工信局\n进展情况:截至9月底,全市新建5G基站1150个,开工率67.5%。\n滞后原因:选址难。\n',
    );
    expect(plan.targets.map((t) => t.value)).toEqual([2000]);
  });

  it('缩短至 is an upper bound', () => {
    const plan = parseText('一、目标\n到2025年,规划许可办理时间缩短至7个工作日。\n');
    expect(plan.targets[0].comparator).toBe('<=');
    expect(plan.targets[0].decrease ?? false).toBe(false);
  });

  it('年底前 takes the context year', () => {
    expect(parseDeadline('年底前全部完工', 2024)?.deadline).toBe('2024-12');
  });
});

describe('blind-12: 同上', () => {
  it('copies the task above for "同上" labels and a whole "…同上。" line', () => {
    const plan = parseText(
      '关于2024年重点工作任务分解的通知\n一、目标\n1-1 地区生产总值增长6.5%左右。\n责任领导:王一(副市长);牵头单位:市发展改革委;责任单位:市统计局;完成时限:2024年12月底\n1-2 工业增加值增长8%。\n责任领导:同上;牵头单位:市工信局;责任单位:同上;完成时限:2024年12月底\n1-3 新开工项目500个。\n责任领导、牵头单位、责任单位、完成时限同上。\n',
    );
    const [, b, c] = plan.tasks;
    expect(raws(b.lead)).toEqual(['市工信局']);
    expect(raws(b.responsible)).toEqual(['市统计局']);
    expect(raws(c.lead)).toEqual(['市工信局']);
    expect(raws(c.responsible)).toEqual(['市统计局']);
    expect(c.deadline).toBe('2024-12');
  });
});

describe('blind-12: PDF text', () => {
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
