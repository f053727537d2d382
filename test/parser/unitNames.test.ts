// How unit names and lists of them are read: catch-alls, organ names, 和 inside or between names, a second plate
// in parentheses, "A/B" lists and "等部门". (Regrouped from the blind-batch files 6, 9, 12 and 16.)
import { describe, expect, it } from 'vitest';
import { parseText } from '../../server/parser/index.js';
import { looksLikeUnit } from '../../server/parser/units.js';

const raws = (us: { raw: string }[]) => us.map((u) => u.raw);
const roles = (text: string) => parseText(text).tasks.map((t) => [raws(t.lead), raws(t.responsible), raws(t.cooperating)]);
const units = (p: ReturnType<typeof parseText>) => p.tasks.flatMap((t) => [...t.lead, ...t.responsible, ...t.cooperating]);

// blind batch 6
describe('unit names', () => {
  it('reads "各市(县)、区人民政府" as one all-districts catch-all', () => {
    const text = '1.强化惠企政策直达。兑现资金50亿元以上。(责任单位:市发展改革委、各市(县)、区人民政府)';
    const [t] = parseText(text).tasks;
    expect(raws(t.responsible)).toEqual(['市发展改革委', '各市(县)、区人民政府']);
    expect(t.responsible[1].scope).toBe('all_districts');
  });

  it('keeps organ names with 工作局 / 工作站 and hotline numbers', () => {
    const text = [
      '1.创新金融服务。新增贷款200亿元以上。',
      '牵头单位:市金融工作局    责任单位:镇生态环境保护工作站、市12345热线管理中心',
    ].join('\n');
    expect(roles(text)).toEqual([[['市金融工作局'], ['镇生态环境保护工作站', '市12345热线管理中心'], []]]);
  });

  it('still rejects figures and actions as units', () => {
    const text = '1.推进工作。(责任单位:市商务局、完成2000家企业改造工作)';
    expect(raws(parseText(text).tasks[0]?.responsible ?? [])).not.toContain('完成2000家企业改造工作');
  });
});

// blind batch 9
describe('unit lists', () => {
  const text = [
    '海口市城市更新工作台账',
    '任务名称:城中村改造',
    '工作措施:启动城中村改造项目6个。',
    '牵头单位:市住房城乡建设局/市自然资源和规划局',
    '配合单位:市城投集团/海口旅文集团,龙华区人民政府',
    '',
    '任务名称:完整社区建设试点',
    '工作措施:每个区至少打造2个完整社区。',
    '牵头单位:市民政局',
    '配合单位:/',
  ].join('\n');
  const p = parseText(text);

  it('splits "A/B/C" and reads a lone "/" as none', () => {
    const [a, b] = p.tasks;
    expect(a.lead.map((u) => u.raw)).toEqual(['市住房城乡建设局', '市自然资源和规划局']);
    expect(a.cooperating.map((u) => u.raw)).toEqual(['市城投集团', '海口旅文集团', '龙华区人民政府']);
    expect(b.cooperating).toEqual([]);
    for (const u of units(p)) expect(text.slice(u.source!.start, u.source!.end)).toBe(u.raw);
  });

  it('drops a bare "等部门" but keeps "等区级有关部门" as a catch-all', () => {
    const q = parseText('一、培育直播电商\n建设直播电商基地2个。(牵头单位:区商务局;配合单位:区人社局、区融媒体中心等部门)\n二、优化环境\n开展创建。(牵头单位:区市场监管局;配合单位:区商务局等区级有关部门)\n');
    expect(q.tasks[0].cooperating.map((u) => u.raw)).toEqual(['区人社局', '区融媒体中心']);
    expect(q.tasks[1].cooperating.map((u) => [u.raw, u.scope])).toEqual([
      ['区商务局', 'unit'],
      ['等区级有关部门', 'others'],
    ]);
    // (real-BJ bj06: the tail names the government whose departments they are)
    const g = parseText('1.新培育科技型中小企业50家以上。(区科技局牵头,区财政局等区政府有关部门配合)\n');
    expect(g.tasks[0].cooperating.map((u) => [u.raw, u.scope])).toEqual([
      ['区财政局', 'unit'],
      ['等区政府有关部门', 'others'],
    ]);
  });
});

// blind batches 12 and 16
describe('和, 、 and a second name in parentheses', () => {
  it('keeps an alias that names an organ in parentheses, drops a remit', () => {
    const plan = parseText('一、任务\n1.新增停车泊位。\n牵头单位:市城市管理局(停车泊位)、市市场监管局(知识产权局)\n');
    expect(raws(plan.tasks[0].lead)).toEqual(['市城市管理局', '市市场监管局(知识产权局)']);
  });

  it('"区农业农村和水利局" is one name; "区卫生健康委和区医保局" two', () => {
    const p = parseText('某区2024年要点\n\n    1.推进利用。利用率达到96%。(区农业农村和水利局牵头,区卫生健康委和区医保局配合)');
    expect(raws(p.tasks[0].lead)).toEqual(['区农业农村和水利局']);
    expect(raws(p.tasks[0].cooperating)).toEqual(['区卫生健康委', '区医保局']);
  });

  it('"A和B及C": the right part of a 和 is itself two names (bs01), and the note keeps its lead', () => {
    const p = parseText('(一) 国家综合能源基地。加快输送通道建设。(自治区能源开发局牵头,自治区发展改革委、环保厅和内蒙古电力监管办及相关盟市配合)');
    expect(raws(p.tasks[0].lead)).toEqual(['自治区能源开发局']);
    expect(raws(p.tasks[0].cooperating)).toEqual(['自治区发展改革委', '环保厅', '内蒙古电力监管办', '相关盟市']);
  });

  it('"各街道、镇" is one catch-all; a note cut after "牵头," goes on', () => {
    const p = parseText('某区2024年要点\n\n    3.强化治理。利用率不低于80%。(区住建局、区综合行政执法局牵头,\n各街道、镇按职责分工负责)');
    expect(raws(p.tasks[0].lead)).toEqual(['区住建局', '区综合行政执法局']);
    expect(raws(p.tasks[0].responsible)).toEqual(['各街道、镇']);
  });

  it('"X等有关部门" names only X; "X等区级有关部门" keeps its level\'s catch-all (real-FH fh01, corpus 000)', () => {
    const p = parseText('1.推进工作。(责任单位:县扶贫办等有关部门)\n2.加强管理。(责任单位:区交通局等区级有关部门)');
    expect(raws(p.tasks[0].responsible)).toEqual(['县扶贫办']);
    expect(raws(p.tasks[1].responsible)).toEqual(['区交通局', '等区级有关部门']);
  });

  it('"分办会办" as a heading is a procedure, not a body; "市社会办" stays a body (real-FM fm05, real-V v02)', () => {
    expect(looksLikeUnit('分办会办')).toBe(false);
    expect(looksLikeUnit('市社会办')).toBe(true);
  });

  it('a second plate in angle brackets stays with the name: "新区科技和人才局〈区科技局〉" (real-FF ff04)', () => {
    const p = parseText('一、强化科技创新(新区科技和人才局〈区科技局〉牵头)\n(一)加强创新载体建设。加快建设研究院。');
    expect(raws(p.tasks[0].lead)).toEqual(['新区科技和人才局〈区科技局〉']);
  });

  it('a second plate of the same level stays with the name: "区科学技术局(区科协)"', () => {
    const p = parseText(['某区2024年任务', '', '序号\t任务\t牵头单位\t配合单位\t完成时限', '1\t发展医药。引进项目3个。\t区科学技术局（区科协）\t区卫生健康局\t9月底前'].join('\n'));
    expect(raws(p.tasks[0].lead)).toEqual(['区科学技术局(区科协)']);
  });
});

describe('a bare level after a list opened by 相关 shares it, as after 各 (real-BP bp11)', () => {
  it('keeps "相关市、县政府" one collective', () => {
    const q = parseText('1.加快国省干道和农村公路建设。(责任单位:省交通运输厅,相关市、县政府)\n');
    expect(q.tasks[0].responsible.map((u) => u.raw)).toEqual(['省交通运输厅', '相关市、县政府']);
  });
});

describe('words that end as an organ\'s name does and name none (real-AS as12, real-CH ch06)', () => {
  it('reads "(一)全面动员部署。各地、各有关部门要成立专门班子…" as the addressees\' duty, not a unit "全面动员部署"', () => {
    const tasks = parseText('六、工作要求\n(一)全面动员部署。各地、各有关部门要成立专门班子,于3月底前制定切实可行的实施方案。\n').tasks;
    expect(tasks.map((t) => t.responsible.map((u) => u.raw))).toEqual([['各地', '各有关部门']]);
  });
  it('takes no unit "规划布局" from "规划布局要讲究系统性"', () => {
    const tasks = parseText('规划布局要讲究系统性、科学性、整体性、协调性,于6月底前完成方案。\n').tasks;
    expect(tasks.flatMap((t) => t.responsible.map((u) => u.raw))).not.toContain('规划布局');
  });
});

describe('a name broken by a PDF line inside a labelled list (real-CK ck01)', () => {
  it('joins "住房城乡 建设厅" and "各市(州) 人民政府", keeps two names parted by a space apart', () => {
    const tasks = parseText('一、节能减排\n1.合理分解节能减排指标。\n责任单位: 省经济和信息化委、住房城乡 建设厅、交通运输厅, 各市(州) 人民政府\n2.开展检查。\n责任单位: 省统计局 省政府督查室\n').tasks;
    expect(tasks.map((t) => t.responsible.map((u) => u.raw.replace(/\s/g, '')))).toEqual([
      ['省经济和信息化委', '住房城乡建设厅', '交通运输厅', '各市(州)人民政府'],
      ['省统计局', '省政府督查室'],
    ]);
  });
});

describe('the enterprises a letter is addressed to (real-CO co01, real-AK ak02, real-AS as08)', () => {
  it('reads "各企业" as a collective subject of a duty', () => {
    const tasks = parseText('二、安全生产主要工作责任\n1、各村、各企业、镇属各单位要成立安全生产工作领导小组,配备安全监督员,制定详实的工作规划。\n').tasks;
    expect(tasks.map((t) => t.responsible.map((u) => u.raw))).toEqual([['各村', '各企业', '镇属各单位']]);
  });
});

describe('a province\'s 厅 ends an organ\'s name wherever a city\'s 局 does', () => {
  it('parts two 厅 run together in a cell ("省教育厅省公安厅")', () => {
    const tasks = parseText('一、工作任务\n1.加强校园食品安全。\n责任单位:省教育厅省公安厅\n').tasks;
    expect(tasks.flatMap((t) => t.responsible.map((u) => u.raw))).toEqual(['省教育厅', '省公安厅']);
  });
});

describe('fields of government before "等行业主管、监管部门" (real-DK dk02)', () => {
  it('names each field as a unit, the kind of office they share dropped with 等', () => {
    const t = parseText('一、工作要求\n建设、农牧林业、银监、工商等行业主管、监管部门要于11月8日前向社会公布举报电话。\n').tasks;
    expect(t.map((x) => x.responsible.map((u) => u.raw))).toEqual([['建设', '农牧林业', '银监', '工商']]);
  });
  it('leaves "卫生健康、市场监管部门" as it was: 监管 there is the field\'s own word', () => {
    const t = parseText('一、工作要求\n各地教育部门要会同卫生健康、市场监管部门于9月底前开展食品安全检查。\n').tasks;
    expect(t.map((x) => x.cooperating.map((u) => u.raw))).toEqual([['卫生健康', '市场监管部门']]);
  });
});

describe('政协办, the office of the CPPCC (real-DN dn08)', () => {
  it('is a body: its 协办 is no verb', () => {
    const t = parseText('一、接待工作\n做好接待工作,由市府办牵头,市委办、人大办、政协办、武装部配合。\n').tasks;
    expect(t.map((x) => x.cooperating.map((u) => u.raw))).toEqual([['市委办', '人大办', '政协办', '武装部']]);
  });
});
