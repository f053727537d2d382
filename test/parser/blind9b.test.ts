// Behaviours added after blind batch 9 (tables, notes and targets): a web table whose header has two
// rows (a merged 责任主体 over 牵头单位 | 配合单位) and cells listing units one per <br/>; 协同科室 and
// 落实主体 labels; "依职责负责"; "由X牵头,Y配合" runs inside a sentence and "X负责<job>" after them;
// a unit as a sentence's subject ("X负责将…", "X要会同Y…"); deadlines "2024年底前"; in targets, a
// record year that does not carry, per-item norms ("每个网格300—500户的标准"), relative years
// ("三年内"), "实现…全覆盖", "80%以上的行政村", "A、B均达到X", self-descriptions and 备注 records.
import { describe, expect, it } from 'vitest';
import { parsePlan, parseText } from '../../server/parser/index.js';
import { htmlToText } from '../../server/parser/html.js';
import type { ParsedUnit } from '../../shared/parsedPlan.js';

const raws = (us: ParsedUnit[]) => us.map((u) => u.raw);
const roles = (text: string) => parseText(text).tasks.map((t) => [raws(t.lead), raws(t.responsible), raws(t.cooperating)]);
const targets = (text: string) => parseText(text).targets.map((t) => [t.value, t.valueMax, t.unit, t.comparator, t.year]);

describe('a web table with a two-row header', () => {
  const page = (rows: string) =>
    `<html><body><p>某区2025年文化旅游提升行动任务表</p><table>
<tr><td rowspan="2">序号</td><td rowspan="2">工作任务</td><td rowspan="2">具体措施及目标</td><td colspan="2">责任主体</td><td rowspan="2">完成时限</td></tr>
<tr><td>牵头单位</td><td>配合单位</td></tr>${rows}</table></body></html>`;
  const rows = `<tr><td>1</td><td>打造夜游街区</td><td>建成夜游街区2个。</td><td>区文旅局</td><td>区商务局<br/>区城管局</td><td>2025年10月底前</td></tr>
<tr><td>2</td><td>培育民宿集群</td><td>到2027年新增精品民宿50家。</td><td>区农业农村局<br>区文旅局</td><td>各镇人民政府</td><td>长期坚持</td></tr>
<tr><td>3</td><td>提升景区服务</td><td>游客满意度达到95%以上。</td><td>区文旅局</td><td>各景区管理单位</td><td>2025年12月底前</td></tr>`;

  it('reads the columns under the merged cell and units one per line in a cell', async () => {
    const plan = await parsePlan(Buffer.from(page(rows)), 'x.html');
    expect(plan.tasks.map((t) => [t.title, raws(t.lead), raws(t.cooperating), t.deadline])).toEqual([
      ['打造夜游街区', ['区文旅局'], ['区商务局', '区城管局'], '2025-10'],
      ['培育民宿集群', ['区农业农村局', '区文旅局'], ['各镇人民政府'], null],
      ['提升景区服务', ['区文旅局'], ['各景区管理单位'], '2025-12'],
    ]);
    // a row's own year: "到2027年" in row 2 does not carry into row 3
    expect(plan.targets.map((t) => [t.value, t.year])).toEqual([
      [2, 2025],
      [50, 2027],
      [95, 2025],
    ]);
  });

  it('keeps the line breaks of a cell that holds sentences', () => {
    const t = htmlToText('<table><tr><td>1</td><td>开展排查。<br/>建立台账,每月更新。</td></tr></table>');
    expect(t).toContain('开展排查。\n建立台账');
  });

  it('reads a flattened header whose second row has only the merged cell’s columns', () => {
    const text = ['某县2025年重点任务表', '', '序号\t重点任务\t责任主体\t完成时限', '\t\t牵头单位\t配合单位\t', '1\t建设物流园区\t县商务局\t县交通局\t2025年9月', ''].join('\n');
    expect(roles(text)).toEqual([[['县商务局'], [], ['县交通局']]]);
  });
});

it('reads a 目标要求 column as the task’s detail', () => {
  const text = ['某区2024年重点工作任务清单', '序号\t重点任务\t目标要求\t牵头单位\t配合单位\t完成时限', '1\t推进家庭医生签约\t签约率达到80%。\t区卫健局\t区医保局\t2024年12月', ''].join('\n');
  expect(roles(text)).toEqual([[['区卫健局'], [], ['区医保局']]]);
});

describe('notes', () => {
  it('reads 协同科室 and 落实主体 on one line split by spaces', () => {
    const text = '某街道2025年工作方案\n\n一、主要任务\nA. 推进垃圾分类。\n牵头科室:街道城建办 协同科室:街道执法队 落实主体:各社区\n完成时间:2025年8月\n';
    expect(roles(text)).toEqual([[['街道城建办'], ['各社区'], ['街道执法队']]]);
  });

  it('reads "依职责负责" and a run of "由X牵头,Y配合" clauses inside a sentence', () => {
    expect(roles('1.加强食品安全抽检。扩大抽检范围。市市场监管局、市农业农村局依职责负责,市直有关部门配合。\n')).toEqual([
      [[], ['市市场监管局', '市农业农村局'], ['市直有关部门']],
    ]);
    expect(roles('1.发展冰雪旅游。打造冰雪小镇,此项工作由区文旅局牵头负责,区体育局配合,力争游客人次增长20%。\n')).toEqual([
      [['区文旅局'], [], ['区体育局']],
    ]);
  });

  it('reads "X负责<job>" after a run of role clauses', () => {
    expect(roles('第二节 建设灌区\n改造渠道80公里。由县水务局牵头,县财政局配合,县水投公司负责项目建设运营。\n')).toEqual([
      [['县水务局'], ['县水投公司'], ['县财政局']],
    ]);
  });

  it('reads a unit as the subject of its sentence', () => {
    const text = '第一章 保障措施\n\n第九条 市财政局负责将专项经费纳入年度预算。\n\n第十条 加强督查,依法追责。由市纪委监委负责。\n';
    const plan = parseText(text);
    expect(plan.tasks.map((t) => [raws(t.responsible), t.text.includes('纳入年度预算')])).toEqual([
      [['市财政局'], true],
      [['市纪委监委'], false],
    ]);
    expect(roles('三、保障措施\n加大投入。县发改局要会同县直有关部门加强项目储备,定期调度。\n')).toEqual([[['县发改局'], [], ['县直有关部门']]]);
    // a document or a role word is no subject
    expect(roles('三、保障措施\n本规划由市发展改革委负责解释。各牵头单位要会同配合单位细化方案。\n').flat(2)).toEqual([]);
  });

  it('reads "2025年底前" in the task text as its deadline', () => {
    const plan = parseText('1.整治违建。2025年底前,全部违建清零。(责任单位:区城管局)\n');
    expect(plan.tasks[0].deadline).toBe('2025-12');
  });
});

describe('targets', () => {
  it('does not carry a record year mid-sentence into later paragraphs', () => {
    const text = '某街道2024年网格治理方案\n\n街道现辖8个社区,划分网格120个,2023年事件办结率为96%。\n\n一、主要任务\n1.配齐网格员。招录网格员不少于20名。\n';
    expect(targets(text)).toEqual([[20, null, '名', '>=', 2024]]);
  });

  it('reads a per-item norm and skips funding granted', () => {
    expect(targets('某镇2024年工作方案\n\n1.按照每个网格200—300户的标准划分网格,每个示范点给予工作经费3万元。\n')).toEqual([[200, 300, '户', 'range', 2024]]);
  });

  it('takes the year of a document whose title names no known kind from its first line', () => {
    const text = '某市2024年城市更新工作台账\n\n说明:本台账共列任务6项。2023年,全市改造小区80个。\n\n任务1\n工作措施:全年改造小区100个。\n';
    expect(targets(text)).toEqual([[100, null, '个', '=', 2024]]);
  });

  it('resolves "三年内" from the year the document was issued', () => {
    const text = '某市燃气管网改造实施细则\n\n某政办〔2024〕9号\n\n第一条 三年内完成老旧管道更新改造200公里,2024年完成改造任务的30%以上。\n';
    expect(targets(text)).toEqual([
      [200, null, '公里', '=', 2026],
      [30, null, '%', '>=', 2024],
    ]);
  });

  it('reads a dated "实现…全覆盖", a share before its subject and one figure for a list with 均', () => {
    const text = '某县“十四五”供水规划(中期调整)\n\n某县人民政府\n2024年5月\n\n第二章 发展目标\n三年内,实现全县乡镇污水处理设施全覆盖,90%以上的行政村建成“一张网”。\n城市、农村供水水质达标率均达到95%。\n';
    const got = parseText(text).targets.map((t) => [t.subject, t.value, t.comparator, t.year]);
    expect(got).toEqual([
      ['全县乡镇污水处理设施覆盖', 100, '=', 2026],
      ['行政村建成“一张网”', 90, '>=', 2026],
      ['城市供水水质达标率', 95, '=', 2025],
      ['农村供水水质达标率', 95, '=', 2025],
    ]);
  });

  it('does not read a task’s passing "全覆盖" or "基本全覆盖" as a figure', () => {
    expect(targets('1.推进校园安全建设,实现“一键报警”全覆盖。(责任单位:市教育局)\n')).toEqual([]);
    expect(targets('到2030年,千兆小区基本全覆盖。\n')).toEqual([]);
  });

  it('skips a numbered 备注 record and keeps a whole sentence recurring under 每年', () => {
    expect(targets('某区2024年任务清单\n\n备注:1.2023年全区床位数为6.8张。\n')).toEqual([]);
    const t = parseText('某区2024年方案\n\n1.每年开展宣传活动不少于100场,覆盖群众10万人次以上。\n').targets;
    expect(t.map((x) => [x.value, x.recurring])).toEqual([
      [100, true],
      [10, true],
    ]);
  });

  it('counts a 十四五 total in a plan of that period', () => {
    expect(targets('某县“十四五”水利发展规划\n\n第二章 发展目标\n“十四五”期间,全县累计完成水利投资30亿元以上。\n')).toEqual([[30, null, '亿元', '>=', 2025]]);
  });
});
