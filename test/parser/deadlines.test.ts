// Deadlines: written in the task's text ("9月底前…", "2025年底前"), dotted month ranges, 年底前 in the context
// year, a month-only deadline under a title of no known kind. (Regrouped from the blind-batch files 8–15;
// the parseDeadline unit cases are in units.test.ts.)
import { describe, expect, it } from 'vitest';
import { parseText } from '../../server/parser/index.js';
import { parseDeadline } from '../../server/parser/deadline.js';

// blind batches 8 and 9b
describe('a deadline written in the task text', () => {
  it('takes a month the task text says it is due by, the last one named, but not a recurring date', () => {
    const text = [
      '某镇2024年秸秆禁烧工作方案',
      '1.开展宣传。9月底前发放明白纸。(责任科室:宣传办)',
      '2.建设收储点。10月底前完成选址,11月15日前建成投用。(责任科室:农业服务中心)',
      '3.报送进展。每月25日前报送工作进展。(责任科室:党政办)',
    ].join('\n');
    expect(parseText(text).tasks.map((t) => t.deadline)).toEqual(['2024-09', '2024-11-15', null]);
  });

  it('reads "2025年底前" in the task text as its deadline', () => {
    const plan = parseText('1.整治违建。2025年底前,全部违建清零。(责任单位:区城管局)\n');
    expect(plan.tasks[0].deadline).toBe('2025-12');
  });
});

// blind batches 11 and 12
describe('deadline forms', () => {
  it('reads dotted month ranges as deadlines', () => {
    expect(parseDeadline('2023.06-2025.12')?.deadline).toBe('2025-12');
    expect(parseDeadline('2025.6')?.deadline).toBe('2025-06');
  });

  it('年底前 takes the context year', () => {
    expect(parseDeadline('年底前全部完工', 2024)?.deadline).toBe('2024-12');
  });
});

// blind batch 15
describe('the year of a month-only deadline', () => {
  it('a month-only deadline takes the year of a title of no known kind', () => {
    const p = parseText('某区2024年绿色发展重点工作任务\n\n序号  任务内容  主责单位  协办单位  完成时限\n1  加强水库保护  区水务局  区生态环境局  2024年12月底前\n2  发展生态旅游  区文化和旅游局  区农业农村局  8月底');
    expect(p.tasks.map((t) => t.deadline)).toEqual(['2024-12', '2024-08']);
  });
});

describe('"2020年年底前" in the item text (q11: 太康县 民生实事)', () => {
  it('is the end of 2020', () => {
    const plan = parseText(['太康县2020年民生实事', '一、加快推进引黄调蓄工程建设,一期工程于2020年年底前完成。(牵头责任单位:水利局;配合单位:有关乡镇)'].join('\n'));
    expect(plan.tasks[0].deadline).toBe('2020-12');
  });
});

describe('the month the work ends, said by its verb (e14: "预计2021年11月份完成")', () => {
  it('is the deadline; "每月…完成" is not', () => {
    const plan = parseText(['某镇2021年民生实事', '一、由镇公路站负责的农村道路硬化项目,建设约12.3公里道路硬化,预计2021年11月份完成。', '二、由镇财政所负责的资金拨付,每月15日完成拨付。'].join('\n'));
    expect(plan.tasks.find((t) => t.text.includes('道路硬化'))!.deadline).toBe('2021-11');
    expect(plan.tasks.find((t) => t.text.includes('资金拨付'))?.deadline ?? null).toBeNull();
  });
});

describe('a span of months (real-DJ dj07 计划开展时间 "1月—12月")', () => {
  it('is due at the span\'s last month, as "1—12月" is', () => {
    expect(['1月—12月', '2023年3月至6月', '2023年3月-2024年6月', '2023年5月20日至6月30日', '1—12月'].map((s) => parseDeadline(s, 2023)?.deadline)).toEqual([
      '2023-12',
      '2023-06',
      '2024-06',
      '2023-06-30',
      '2023-12',
    ]);
  });
});
