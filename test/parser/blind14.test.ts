// Blind batch 14: the layouts of the owner's issue — a task table flattened to text, inline notes wrapped after
// "牵头,", a page number opening a note's continued line, label lists wrapped after a comma, 主要责任单位 alone.
import { describe, expect, it } from 'vitest';
import { parseText } from '../../server/parser/index.js';

const raws = (us: { raw: string }[]) => us.map((u) => u.raw);

describe('blind-14: flattened task table', () => {
  const header = ['序号', '实事项目', '目标任务', '牵头单位', '责任单位', '配合单位', '完成时限'];
  const text = [
    '某县2024年十件民生实事任务分解表',
    '',
    '2024年,县政府继续实施十件民生实事。现将任务分解如下:',
    '',
    header.join('|'),
    '1|城乡学校建设|新建中小学3所,新增学位2400个|县教体局|县发展改革委、县财政局|各乡镇人民政府|2024年8月底前',
    '2|就业创业帮扶|城镇调查失业率控制在5.5%以内|县人社局|县财政局|县妇联、团县委|12月底前',
    '— 2 —',
    ...header,
    '3',
    '城市停车难治理',
    '新增公共停车泊位1000个左右',
    '县住建局',
    '县公安局交警大队、县城管局',
    '高河镇人民政府',
    '9月底',
    '4',
    '困难群众救助',
    '救助覆盖率100%',
    '县民政局',
    '县财政局',
    '各乡镇人民政府',
    '全年',
    '',
    '各牵头单位要于每月28日前将进展情况报县政府督查室。',
  ].join('\n');
  const plan = parseText(text);

  it('a 实事项目 column names the task, in "|" rows and in the cell-per-line rows after the page line', () => {
    // the closing dated duty of the addressees is a task too, as every labeller of real pages read it
    expect(plan.tasks.map((t) => t.title)).toEqual(['城乡学校建设', '就业创业帮扶', '城市停车难治理', '困难群众救助', '各牵头单位要于每月28日前将进展情况报县政府督查室']);
    expect(raws(plan.tasks[4].responsible)).toEqual(['各牵头单位']);
    const [a, b, c, d] = plan.tasks;
    expect(raws(a.lead)).toEqual(['县教体局']);
    expect(raws(a.responsible)).toEqual(['县发展改革委', '县财政局']);
    expect(raws(a.cooperating)).toEqual(['各乡镇人民政府']);
    expect(a.deadline).toBe('2024-08');
    expect(b.deadline).toBe('2024-12');
    expect(raws(c.lead)).toEqual(['县住建局']);
    expect(raws(c.cooperating)).toEqual(['高河镇人民政府']);
    expect(c.deadline).toBe('2024-09');
    expect(raws(d.responsible)).toEqual(['县财政局']);
    expect(d.deadline).toBeNull();
  });

  it('targets inside the cells are read; the size of a named programme is not', () => {
    const values = plan.targets.map((t) => [t.value, t.unit]);
    expect(values).toContainEqual([1000, '个']);
    expect(values).toContainEqual([100, '%']);
    expect(values).toContainEqual([5.5, '%']);
    expect(plan.targets.find((t) => t.unit === '件')).toBeUndefined();
    const digits = parseText('一、目标\n2024年,县政府继续实施10件民生实事,新建幼儿园十所。\n');
    expect(digits.targets.map((t) => [t.value, t.unit])).toEqual([[10, '所']]);
  });
});

describe('blind-14: wrapped notes and label lists', () => {
  it('an inline note cut right after "牵头," keeps the units of both lines', () => {
    const p = parseText(
      '一、强化要素支撑\n1.加大融资支持,贷款余额增长12%以上。(人行某市支行、市金融服务中心牵头,\n各银行业金融机构按职责分工负责)\n2.保障企业用工需求。(市人社局牵头,市总工会配合)\n',
    );
    expect(p.tasks).toHaveLength(2);
    expect(raws(p.tasks[0].lead)).toEqual(['人行某市支行', '市金融服务中心']);
    expect(raws(p.tasks[0].responsible)).toEqual(['各银行业金融机构']);
  });

  it('a page number opening the continued line of a note, with a nested "(市)", is dropped', () => {
    const p = parseText(
      '二、重点工作\n(一)完善配套服务设施。新增服务设施30处。(牵头单位:市民政局;责任单位:市卫生健康委,\n3 市住房城乡建设局,各县(市)区政府)\n(二)拓宽资金渠道。争取资金不低于8亿元。(牵头单位:市财政局)\n',
    );
    expect(raws(p.tasks[0].responsible)).toEqual(['市卫生健康委', '市住房城乡建设局', '各县(市)区政府']);
  });

  it('a label list ending in "," goes on with the next line; the deadline line after it still counts', () => {
    const p = parseText(
      '1.提升民宿品质。新培育等级民宿20家。\n牵头责任单位:县文旅局\n协同责任单位:县消防救援大队、县公安局,\n各乡镇人民政府\n完成时限:2024年8月底\n2.完善交通网络。改造旅游公路45公里。\n主要责任单位:县交通运输局\n配合单位:县城市管理局\n',
    );
    const [a, b] = p.tasks;
    expect(raws(a.cooperating)).toEqual(['县消防救援大队', '县公安局', '各乡镇人民政府']);
    expect(a.deadline).toBe('2024-08');
    // convention (长丰县, layouts.test): 主要责任单位 leads when no 牵头 line is named, is responsible beside one (长春)
    expect(raws(b.lead)).toEqual(['县交通运输局']);
    expect(raws(b.cooperating)).toEqual(['县城市管理局']);
  });
});
