import { describe, expect, it } from 'vitest';
import { chineseDate, chineseNumber, parenNumber } from '../../server/reports/docx/chinese.js';
import { classifyHeader, mappingFromHeaders } from '../../server/reports/xlsx/headerDetect.js';
import { countEvaluations, summarizeTasks } from '../../server/reports/summarize.js';

describe('report helpers', () => {
  it('writes Chinese heading numbers and document dates', () => {
    expect([1, 10, 12, 20, 35].map(chineseNumber)).toEqual(['一', '十', '十二', '二十', '三十五']);
    expect(parenNumber(3)).toBe('（三）');
    expect(chineseDate('2026-03-05')).toBe('2026年3月5日');
  });

  it('names columns from the ways tables title them', () => {
    expect(classifyHeader('牵头单位')).toBe('lead');
    expect(classifyHeader('牵头领导')).toBe('leader');
    expect(classifyHeader('责任 单位')).toBe('responsible');
    expect(classifyHeader('配合单位')).toBe('cooperating');
    expect(classifyHeader('时间节点')).toBe('deadline');
    expect(classifyHeader('工作措施')).toBe('text');
    expect(mappingFromHeaders(['序号', '重点任务', '任务', '牵头部门', '备注'])).toEqual({ 0: 'seq', 1: 'title', 2: 'text', 3: 'lead', 4: 'ignore' });
  });

  it('reads a sheet\'s headers with the document parser\'s words (one vocabulary, issue #9)', () => {
    // each as the parser reads the same header in a pasted table (server/parser/columns.ts)
    expect(classifyHeader('责任单位(加黑为牵头单位)')).toBe('responsible');
    expect(classifyHeader('实施主体')).toBe('responsible');
    expect(classifyHeader('检查主体')).toBe('responsible');
    expect(classifyHeader('责任人')).toBe('leader');
    expect(classifyHeader('时间进度')).toBe('deadline');
    expect(classifyHeader('项目内容')).toBe('text');
    expect(classifyHeader('民生事项名称')).toBe('title');
    // a grouping column the import keeps, and words only a sheet uses
    expect(classifyHeader('类别')).toBe('chapter');
    expect(classifyHeader('公开责任部门')).toBe('responsible');
    expect(classifyHeader('总牵头单位')).toBe('lead');
  });

  it('counts evaluations and tasks, crediting joint leads to each unit', () => {
    const c = countEvaluations([{ evaluation: 'ahead' }, { evaluation: 'no_data' }, { evaluation: null }, { evaluation: 'behind' }]);
    expect(c).toMatchObject({ ahead: 1, behind: 1, none: 2, total: 4 });
    const s = summarizeTasks([
      { chapter: '一', lead: ['甲', '乙'], status: 'completed' },
      { chapter: '一', lead: ['甲'], status: 'blocked' },
      { chapter: null, lead: [], status: 'not_reported' },
    ]);
    expect(s.byChapter.map((r) => [r.name, r.total, r.completed, r.behind, r.notReported])).toEqual([
      ['一', 2, 1, 1, 0],
      ['未分章节', 1, 0, 0, 1],
    ]);
    expect(s.byUnit.map((r) => [r.name, r.total])).toEqual([
      ['甲', 2],
      ['乙', 1],
    ]);
  });
});
