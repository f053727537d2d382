// A figure handed down to places in one run of "place figure" pairs (server/parser/quotaRuns.ts): each place's task and
// target. Shapes from real pages: a table cell (real-CT ct06), a sentence with bare town names (real-BK bk01).
import { describe, expect, it } from 'vitest';
import { parseText } from '../../server/parser/index.js';

const tasksOf = (text: string) => parseText(text).tasks.filter((t) => t.responsible.length).map((t) => t.responsible.map((u) => u.raw).join('、'));
const targetsOf = (text: string) => parseText(text).targets.map((t) => `${t.value}${t.unit ?? ''}@${t.year}`);

describe('quota runs', () => {
  it('reads a table cell of town quotas under "城镇新增就业人数(人)" as each town\'s task and target', () => {
    const text =
      '广元市昭化区2017年度民生工程目标任务分解表\n' +
      '项 目 | 目标 | 分 解 情 况 | 责任领导 | 责任单位 | 责任人 |\n' +
      '就 业 促 进 工 程 | 促进城乡劳动者就业创业 | 城镇新增就业人数(人) | 1300 | 元坝镇280 白果乡15 柏林沟镇40 朝阳乡20 拣银岩街道办40 | 刘 强 | 区人社局 | 陈 宗 |\n' +
      '2017年4月26日\n';
    expect(tasksOf(text)).toEqual(expect.arrayContaining(['元坝镇', '白果乡', '柏林沟镇', '朝阳乡', '拣银岩街道办']));
    expect(targetsOf(text)).toEqual(expect.arrayContaining(['280人@2017', '15人@2017', '40人@2017', '20人@2017']));
    // the reviewer reads what is counted, the place and its quota
    expect(parseText(text).tasks.map((t) => t.title)).toContain('城镇新增就业人数:元坝镇 280人');
  });

  it('reads "吴家镇4720株,太平8810株,…" (bare town names sharing one measure word) the same way', () => {
    const text = '2022年全县乡村植树任务分解如下:\n吴家镇4720株,太平8810株,坝墙子4500株,沙岭13000株,古城子1700株。\n';
    expect(tasksOf(text)).toEqual(['吴家镇', '太平', '坝墙子', '沙岭', '古城子']);
    expect(targetsOf(text)).toEqual(expect.arrayContaining(['4720株@2022', '8810株@2022', '13000株@2022']));
  });

  it('leaves a progress breakdown and an assessment\'s points alone', () => {
    expect(tasksOf('其中北山街道1个,西溪街道1个,灵隐街道1个,翠苑街道2个,文新街道1个,其中3个点位已完成建设。\n')).toEqual([]);
    expect(tasksOf('考核内容:城乡管理30分、社会治安和综合治理8分、卫生计生8分、农业农村10分。\n')).toEqual([]);
  });

  it('hands a city\'s figure down to its districts and counties ("其中,平城区1700户、云冈区3650户、…", real-EZ ez01, session 23)', () => {
    const text = '2021年城镇住房保障家庭租赁补贴计划发放16555户,其中,平城区1700户、云冈区3650户、云州区200户、新荣区305户、天镇县1900户。\n';
    expect(tasksOf(text)).toEqual(['平城区', '云冈区', '云州区', '新荣区', '天镇县']);
    expect(targetsOf(text)).toEqual(expect.arrayContaining(['1700户@2021', '1900户@2021']));
  });

  it('takes no housing estate, park or scenic area for a district ("居民小区45个,农贸市场8个,…", real-DF df11)', () => {
    expect(tasksOf('完成测评10类点位78个,居民小区45个,农贸市场周边8个,农贸市场8个,主次干道5个,医院周边4个,医院4个。\n')).toEqual([]);
    expect(tasksOf('其中,工业园区12个,旅游景区8个,老旧小区30个,安置小区6个。\n')).toEqual([]);
  });

  it('needs four pairs: two towns\' figures in a sentence are no quota list', () => {
    expect(tasksOf('今年元坝镇新增就业280人,白果乡新增就业15人。\n')).toEqual([]);
  });
});

describe('a quota table by province under "省 份" (real-EK ek02, session 22)', () => {
  it('hands each province its row, the national total to no one', () => {
    const plan = parseText('2017年全国农机深松整地作业任务表\n省 份 | 作业面积(万亩) |\n全 国 | 15187 |\n天津市 | 80 |\n河北省 | 950 |\n山西省 | 400 |\n内蒙古自治区 | 1370 |\n');
    expect(plan.tasks.map((t) => t.responsible.map((u) => u.raw))).toEqual([['天津市'], ['河北省'], ['山西省'], ['内蒙古自治区']]);
    expect(plan.targets.concat().map((x) => x.value)).toEqual(expect.arrayContaining([80, 950, 400, 1370]));
  });
});
