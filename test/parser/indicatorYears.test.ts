// Indicator tables that state targets for more than one year keep every year, and a bare year before them is the base.
import { describe, expect, it } from 'vitest';
import { parseText } from '../../server/parser/index.js';

const table = (header: string) => `某市“十四五”生态环境保护规划

表1 主要指标
${header}
城市空气质量优良天数比率 | % | 85.2 | 88 | 90 | 约束性
城镇污水处理率 | % | 92 | 95 | 97 | 预期性
`;

describe('indicator tables with several target years', () => {
  it('"2020年 | 2023年目标 | 2025年目标": 2020 is the base, 2023 and 2025 are targets', () => {
    const p = parseText(table('指标 | 单位 | 2020年 | 2023年目标 | 2025年目标 | 属性'));
    expect(p.indicators).toHaveLength(2);
    const [air] = p.indicators;
    expect(air.baseline).toMatchObject({ year: 2020, value: 85.2 });
    expect(air.targets.map((t) => [t.year, t.value])).toEqual([[2023, 88], [2025, 90]]);
    expect(air.attribute).toBe('binding');
  });

  it('"2020年 | 2023年 | 2025年": the earliest bare year is the base', () => {
    const p = parseText(table('指标 | 单位 | 2020年 | 2023年 | 2025年 | 属性'));
    expect(p.indicators[1].baseline).toMatchObject({ year: 2020, value: 92 });
    expect(p.indicators[1].targets.map((t) => t.year)).toEqual([2023, 2025]);
  });

  it('a bare year after the target year stays a target column', () => {
    const p = parseText(table('指标 | 单位 | 2020年基期值 | 2025年目标 | 2035年 | 属性'));
    expect(p.indicators[0].baseline).toMatchObject({ year: 2020 });
    expect(p.indicators[0].targets.map((t) => t.year)).toEqual([2025, 2035]);
  });
});

// blind batch 12
describe('year columns without a 基期 column', () => {
  it('every year column at or after the plan start is a target when there is no 基期 column', () => {
    const plan = parseText(
      '柯桥区未来社区建设行动方案(2025—2030年)\n一、总体目标\n序号\t指标名称\t单位\t2025年\t2027年\t2030年\t属性\n1\t未来社区创建数量\t个\t15\t30\t50\t预期性\n2\t社区养老服务覆盖率\t%\t90\t≥95\t100\t约束性\n',
    );
    const ind = plan.indicators[0];
    expect(ind.baseline).toBeNull();
    expect(ind.targets.map((t) => t.year)).toEqual([2025, 2027, 2030]);
  });
});
