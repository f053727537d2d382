// Outline markers beyond 一、/(一)/1.: "01⏎title" sections, ▶/●/★ bullets, Ⅰ/Ⅱ parts with A./B. items, 第X条
// articles. (From blind batch 9.)
import { describe, expect, it } from 'vitest';
import { normalize } from '../../server/parser/normalize.js';
import { parseOutline } from '../../server/parser/outline.js';
import { defaultRegistry } from '../../server/parser/registry.js';
import type { ParseContext } from '../../server/parser/types.js';

describe('outline markers', () => {
  const outline = (text: string) => {
    const ctx: ParseContext = { doc: normalize(text), registry: defaultRegistry(), warnings: [], region: null };
    return parseOutline(ctx).map((n) => [n.marker, n.title, n.parentId === null]);
  };

  it('reads "01⏎title" sections and ▶ title bullets, whose ◆ sub-bullets are their text', () => {
    const o = outline('01\n总体目标\n\n★ 到2025年达到260亿元。\n\n02\n重点任务\n\n▶ 繁荣夜间经济\n◆ 打造夜间消费街区。\n◆ 由区文旅局牵头负责。\n\n03\n保障措施\n\n● 加强组织领导。成立工作专班。\n● 强化资金支持。安排专项资金。\n');
    expect(o).toEqual([
      ['01', '总体目标', true],
      ['★', '到2025年达到260亿元', false],
      ['02', '重点任务', true],
      ['▶', '繁荣夜间经济', false],
      ['03', '保障措施', true],
      ['●', '加强组织领导', false],
      ['●', '强化资金支持', false],
    ]);
  });

  it('reads Ⅰ/Ⅱ parts with A./B. items, and 第X条 articles in a document written in articles', () => {
    expect(outline('Ⅰ 工作目标\n到2024年底达到100%。\nⅡ 主要任务\nA. 优化网格设置。调整基础网格。\nB. 配齐网格力量。招录网格员。\n')).toEqual([
      ['Ⅰ', '工作目标', true],
      ['Ⅱ', '主要任务', true],
      ['A.', '优化网格设置', false],
      ['B.', '配齐网格力量', false],
    ]);
    const arts = outline('第一章 总则\n第一条 为落实方案,制定本细则。\n第二条 本细则适用于本市。\n第二章 整治任务\n第三条 开展排查。由市住建局牵头。\n');
    expect(arts.map((a) => a[0])).toEqual(['第一章', '第一条', '第二条', '第二章', '第三条']);
    // one article cited in a sentence is no heading
    expect(outline('一、总则\n依据第三条规定执行。\n第五条 见上。\n二、任务\n三、保障\n').map((a) => a[0])).toEqual(['一、', '二、', '三、']);
  });
});
