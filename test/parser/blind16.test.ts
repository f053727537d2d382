// Blind batch 16: task tables whose header words the parser had no list entry for, read by structure
// (a unit-role column plus a time column or a second unit column); single-space cells; OCR 単 for 单;
// "A和B局" one name; "各街道、镇"; a second plate in parentheses; a long-past year as no running year.
import { describe, expect, it } from 'vitest';
import { parseText } from '../../server/parser/index.js';

const raws = (us: { raw: string }[]) => us.map((u) => u.raw);

describe('blind-16: header columns inferred by structure', () => {
  it('unknown 主办单位 / 协办部门 words: lead and cooperating by their role words ("|" rows)', () => {
    const p = parseText(
      ['某市2024年重点工作分解表', '', '序号|工作事项|主要内容|主办单位|协办部门|时间安排', '1|管网更新|改造管道不少于150公里|市城管局|市住建局,市水利局|2024年12月底前'].join('\n'),
    );
    expect(p.tasks.map((t) => t.title)).toEqual(['管网更新']);
    expect(raws(p.tasks[0].lead)).toEqual(['市城管局']);
    expect(raws(p.tasks[0].cooperating)).toEqual(['市住建局', '市水利局']);
    expect(p.tasks[0].deadline).toBe('2024-12');
  });

  it('an unknown text header (责任清单) is the task column when two unit columns follow (tabs)', () => {
    const p = parseText(['某区2024年重点任务', '', '\t序号\t责任清单\t牵头部门\t配合单位\t完成时限', '\t1\t建设海洋牧场。新建示范区2处。\t区海洋发展局\t区财政局\t2024年12月底前'].join('\n'));
    expect(p.tasks).toHaveLength(1);
    expect(p.tasks[0].title).toBe('建设海洋牧场');
    expect(raws(p.tasks[0].lead)).toEqual(['区海洋发展局']);
    expect(raws(p.tasks[0].cooperating)).toEqual(['区财政局']);
  });

  it('one header cell per line with unknown words, after a page mark', () => {
    const p = parseText(
      ['某市2024年任务表', '', '序号', '工作事项', '主要内容', '主办单位', '协办部门', '时间安排', '1', '社区试点', '建设试点15个', '市民政局', '市住建局', '2024年12月底前'].join('\n'),
    );
    expect(p.tasks.map((t) => t.title)).toEqual(['社区试点']);
    expect(raws(p.tasks[0].lead)).toEqual(['市民政局']);
    expect(raws(p.tasks[0].cooperating)).toEqual(['市住建局']);
  });

  it('cells parted by single spaces', () => {
    const p = parseText(
      ['某县2024年方案', '', '序号 任务名称 具体措施 牵头单位 责任单位 配合单位 时限', '1 推进节能改造 实施技改项目12个 县工信局 县发改局、县市场监管局 县生态环境局 2025年12月底前', ''].join('\n'),
    );
    expect(p.tasks).toHaveLength(1);
    expect(raws(p.tasks[0].lead)).toEqual(['县工信局']);
    expect(raws(p.tasks[0].responsible)).toEqual(['县发改局', '县市场监管局']);
    expect(raws(p.tasks[0].cooperating)).toEqual(['县生态环境局']);
  });

  it('a title line above a per-line header is no header cell', () => {
    const p = parseText(['重点任务分解表', '序号', '重点任务', '牵头单位', '配合单位', '完成时限', '1', '实施城市体检', '区住建委', '区统计局', '6月下旬'].join('\n'));
    expect(p.tasks.map((t) => t.title)).toEqual(['实施城市体检']);
  });
});

describe('blind-16: notes and names', () => {
  it('OCR 単 for 单 in labels; two labels parted by a space', () => {
    const p = parseText('某区2024年方案\n\n    一、开展村庄清洁行动。集中整治不少于4次。(牵头単位:区农业农村局 配合単位:团区委、区妇联)');
    expect(raws(p.tasks[0].lead)).toEqual(['区农业农村局']);
    expect(raws(p.tasks[0].cooperating)).toEqual(['团区委', '区妇联']);
  });

  it('"区农业农村和水利局" is one name; "区卫生健康委和区医保局" two', () => {
    const p = parseText('某区2024年要点\n\n    1.推进利用。利用率达到96%。(区农业农村和水利局牵头,区卫生健康委和区医保局配合)');
    expect(raws(p.tasks[0].lead)).toEqual(['区农业农村和水利局']);
    expect(raws(p.tasks[0].cooperating)).toEqual(['区卫生健康委', '区医保局']);
  });

  it('"各街道、镇" is one catch-all; a note cut after "牵头," goes on', () => {
    const p = parseText('某区2024年要点\n\n    3.强化治理。利用率不低于80%。(区住建局、区综合行政执法局牵头,\n各街道、镇按职责分工负责)');
    expect(raws(p.tasks[0].lead)).toEqual(['区住建局', '区综合行政执法局']);
    expect(raws(p.tasks[0].responsible)).toEqual(['各街道、镇']);
  });

  it('a second plate of the same level stays with the name: "区科学技术局(区科协)"', () => {
    const p = parseText(['某区2024年任务', '', '序号\t任务\t牵头单位\t配合单位\t完成时限', '1\t发展医药。引进项目3个。\t区科学技术局（区科协）\t区卫生健康局\t9月底前'].join('\n'));
    expect(raws(p.tasks[0].lead)).toEqual(['区科学技术局(区科协)']);
  });

  it('"2000年底前建成的" sets no running year for later targets', () => {
    const p = parseText(
      ['某市2024年城市更新任务表', '某政办字〔2024〕33号', '', '    到2025年底,基本完成2000年底前建成的老旧小区改造任务。', '', '序号|工作事项|主要内容|主办单位|协办部门|时间安排', '1|口袋公园|新建口袋公园50个|市园林局|各区人民政府|6月下旬'].join('\n'),
    );
    const t = p.targets.find((x) => x.value === 50);
    expect(t?.year).not.toBe(2000);
  });
});

describe('blind-16: web page cell', () => {
  it('"X<br>(Y)" in a cell is one name with its second plate', async () => {
    const { parsePlan } = await import('../../server/parser/index.js');
    const html =
      '<html><body><p>某区2024年重点工作</p><table><tr><td>序号</td><td>重点工作</td><td>牵头部门</td><td>参与单位</td><td>进度安排</td></tr>' +
      '<tr><td>1</td><td>培育电商直播</td><td>区工业和信息化局<br>（区大数据局）</td><td>团区委<br>区人社局</td><td>6月下旬</td></tr></table></body></html>';
    const p = await parsePlan(new TextEncoder().encode(html), 'a.html');
    expect(raws(p.tasks[0].lead)).toEqual(['区工业和信息化局(区大数据局)']);
    expect(raws(p.tasks[0].cooperating)).toEqual(['团区委', '区人社局']);
  });
});
