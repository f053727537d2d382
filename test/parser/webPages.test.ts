// Saved web pages read through parsePlan: page furniture dropped, rowspan/colspan cells repeated, two-row
// headers, units one per <br/> in a cell, a second plate on its own line. (Regrouped from the blind-batch files 7–16.)
import { describe, expect, it } from 'vitest';
import { parsePlan, parseText } from '../../server/parser/index.js';
import { htmlToText } from '../../server/parser/html.js';

const raws = (us: { raw: string }[]) => us.map((u) => u.raw);

// blind batch 7
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

// blind batch 8
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

// blind batch 9b
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
});

// blind batch 16
describe('a web page cell', () => {
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

describe('a portal\'s footer naming its supervising, sponsoring and assisting bodies (real-AU au14, real-BH bh11)', () => {
  it('reads no units from "主管单位:… 主办单位:…" and "协办单位:…" beside the copyright line', () => {
    const text =
      '10月底前忠县建成216个文化服务中心\n正文略。\n关于我们 | 网站声明 | 意见反馈 Copyright2011-2017 All Rights Reserved 城乡统筹发展网 版权所有\n' +
      '主管单位:重庆出版集团  主办单位:重庆农家科技杂志社有限公司  城乡统筹发展研究中心\n协办单位:重庆市发改委、重庆市城乡统筹办、重庆市教育委员会\n渝ICP备10015940号-1 技术支持:城乡统筹发展网\n';
    expect(parseText(text).tasks.flatMap((t) => [...t.lead, ...t.responsible, ...t.cooperating])).toEqual([]);
  });
});
