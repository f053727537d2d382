// Behaviours added after blind batch 8: a PDF table read one cell per line whose cells all wrap, with
// page furniture (footer, running title, repeated header) inside a row; saved web pages whose tables
// merge cells with rowspan/colspan; 责任科室-style labels; a deadline written in the task's text
// ("9月底前…"); "A、B按职责分工负责;C落实"; in targets, the year of a starting point ("由2023年的45%"),
// stock figures and records before the plan's start, units with a second measure word ("台(套)"),
// and time limits ("30分钟内到达现场").
import { describe, expect, it } from 'vitest';
import { parsePlan, parseText } from '../../server/parser/index.js';
import { htmlToText } from '../../server/parser/html.js';
import type { ParsedUnit } from '../../shared/parsedPlan.js';

const raws = (us: ParsedUnit[]) => us.map((u) => u.raw);
const roles = (text: string) => parseText(text).tasks.map((t) => [raws(t.lead), raws(t.responsible), raws(t.cooperating)]);
const targets = (text: string) => parseText(text).targets.map((t) => [t.value, t.unit, t.comparator, t.year]);

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

describe('saved web pages with merged cells', () => {
  it('repeats a rowspan cell in every row it covers and keeps colspan rows aligned', () => {
    const html =
      '<table><tr><td>序号</td><td>问题</td><td>责任单位</td><td>整改时限</td></tr>' +
      '<tr><td>1</td><td>甲问题</td><td rowspan="2">县住建局</td><td>2024年10月底前</td></tr>' +
      '<tr><td>2</td><td>乙问题</td><td rowspan=2>2025年6月底前</td></tr>' +
      '<tr><td colspan="2">丙问题</td><td>县城管局</td></tr></table>';
    const rows = htmlToText(html)
      .split('\n')
      .filter((l) => l.trim())
      .map((r) => r.replace(/^\t/, '').split('\t'));
    expect(rows).toEqual([
      ['序号', '问题', '责任单位', '整改时限'],
      ['1', '甲问题', '县住建局', '2024年10月底前'],
      ['2', '乙问题', '县住建局', '2025年6月底前'],
      ['丙问题', '', '县城管局', '2025年6月底前'],
    ]);
  });

  it('gives every row of a rectification list its merged leader, units and deadline', async () => {
    const html = `<html><body><p>2023年,全县空气优良天数比例为88.5%。</p><table>
<tr><th>序号</th><th>反馈问题</th><th>整改目标</th><th>整改措施</th><th>责任领导</th><th>责任单位</th><th>整改时限</th></tr>
<tr><td>1</td><td>扬尘管控不到位</td><td>建筑工地扬尘防治达标率达到95%以上</td><td>开展专项检查。</td><td rowspan="2">副县长 张三</td><td rowspan="2">县住建局(牵头)、县城管局</td><td>2024年9月底前</td></tr>
<tr><td>2</td><td>餐饮油烟扰民</td><td>完成油烟净化设施安装120家</td><td>推进安装。</td><td rowspan="2">2025年3月底前</td></tr>
<tr><td>3</td><td>河道垃圾清理不及时</td><td>河道保洁覆盖率保持100%</td><td>落实河长制。</td><td>副县长 李四</td><td>县水利局牵头,各乡镇人民政府配合</td></tr>
</table></body></html>`;
    const plan = await parsePlan(new TextEncoder().encode(html), 'list.html');
    expect(plan.tasks.map((t) => [raws(t.lead), raws(t.responsible), raws(t.cooperating), t.leaders, t.deadline])).toEqual([
      [['县住建局'], ['县城管局'], [], ['副县长 张三'], '2024-09'],
      [['县住建局'], ['县城管局'], [], ['副县长 张三'], '2025-03'],
      [['县水利局'], [], ['各乡镇人民政府'], ['副县长 李四'], '2025-03'],
    ]);
    // the baseline before the list is a record; each row's target takes its row's year
    expect(plan.targets.map((t) => [t.value, t.year])).toEqual([
      [95, 2024],
      [120, 2025],
      [100, 2025],
    ]);
  });
});

describe('labels and notes', () => {
  it('reads 责任科室 / 配合科室 labels of a town plan', () => {
    const text = ['某镇2024年工作方案', '1.开展宣传。发放资料。(责任科室:宣传办、党政办;配合科室:各管区)', '2.加强巡查。每天巡查。(牵头科室:应急办;责任科室:综合执法中队)'].join('\n');
    expect(roles(text)).toEqual([
      [[], ['宣传办', '党政办'], ['各管区']],
      [['应急办'], ['综合执法中队'], []],
    ]);
  });

  it('reads "A、B按职责分工负责;C、D落实" as one note of responsible units', () => {
    const text = ['某市养老规划', '一、加强队伍建设。举办技能竞赛。(市人社局、市民政局按职责分工负责;各区县人民政府、高新区管委会落实)'].join('\n');
    expect(roles(text)).toEqual([[[], ['市人社局', '市民政局', '各区县人民政府', '高新区管委会'], []]]);
  });

  it('takes a month the task text says it is due by, the last one named, but not a recurring date', () => {
    const text = [
      '某镇2024年秸秆禁烧工作方案',
      '1.开展宣传。9月底前发放明白纸。(责任科室:宣传办)',
      '2.建设收储点。10月底前完成选址,11月15日前建成投用。(责任科室:农业服务中心)',
      '3.报送进展。每月25日前报送工作进展。(责任科室:党政办)',
    ].join('\n');
    expect(parseText(text).tasks.map((t) => t.deadline)).toEqual(['2024-09', '2024-11-15', null]);
  });
});

describe('targets', () => {
  it('does not take the year of a starting point ("由2023年的45%") for the target year', () => {
    const text = ['某市养老服务规划(2024—2027年)', '二、发展目标', '到2027年,社区助餐服务覆盖率由2023年的45%提高到80%,养老护理员持证率达到九成以上。'].join('\n');
    expect(targets(text)).toEqual([
      [80, '%', '=', 2027],
      [90, '%', '>=', 2027],
    ]);
  });

  it('leaves stock figures and a record of a year before the plan alone', () => {
    const text = ['某市养老服务规划(2024—2027年)', '一、总体情况', '全市共有养老机构126家、养老床位1.95万张,2023年度重点任务完成率为96%。', '二、发展目标', '新建社区养老服务设施40处。'].join('\n');
    expect(targets(text)).toEqual([[40, '处', '=', 2027]]);
  });

  it('reads a unit with a second measure word, 万份, and a time limit for an action', () => {
    const text = [
      '某镇2024年工作方案',
      '1.投入还田机械80台(套)以上,发放明白纸1.2万份,火情发生后30分钟内到达现场。',
      '2.各单位于每季度末5日内将进展报镇办公室。',
    ].join('\n');
    expect(targets(text)).toEqual([
      [80, '台(套)', '>=', 2024],
      [1.2, '万份', '=', 2024],
      [30, '分钟', '<=', 2024],
    ]);
  });
});
