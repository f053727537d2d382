// The annual 城市体检 cycle's rules (issue #14): default dates, their order, what blocks a stage, and the words.
import { describe, expect, it } from 'vitest';
import { currentStage, defaultDueDates, describeCycle, dueDatesOf, scheduleError, stageBlocker, type CycleFacts } from '../../server/domain/checkupCycle.js';

const facts = (f: Partial<CycleFacts> = {}): CycleFacts => ({ indicators: 59, valued: 0, problems: 0, open: 0, acted: 0, candidates: 0, ...f });

describe('checkup cycle', () => {
  it('falls due in the stages’ order, the office’s dates over the defaults', () => {
    expect(defaultDueDates(2025)).toEqual({ collect: '2025-09-30', diagnose: '2025-10-31', project: '2025-11-30' });
    expect(dueDatesOf(2025, { dueDates: { collect: '2025-06-30' }, done: {} })).toEqual({ collect: '2025-06-30', diagnose: '2025-10-31', project: '2025-11-30' });
    expect(scheduleError(defaultDueDates(2025))).toBeNull();
    expect(scheduleError({ collect: '2025-11-01', diagnose: '2025-10-31', project: '2025-11-30' })).toBe('“查找问题”的截止日期不能早于“采集数值”');
    expect(scheduleError({ collect: '2025-09-01', diagnose: '2025-12-01', project: '2025-11-30' })).toBe('“问题转项目”的截止日期不能早于“查找问题”');
    // the same day for two stages is allowed
    expect(scheduleError({ collect: '2025-10-31', diagnose: '2025-10-31', project: '2025-10-31' })).toBeNull();
  });

  it('blocks a stage until its work is done', () => {
    expect(stageBlocker('collect', facts())).toBe('尚未填报任何指标数值');
    expect(stageBlocker('collect', facts({ valued: 1 }))).toBeNull();
    expect(stageBlocker('diagnose', facts({ problems: 3, open: 2 }))).toBe('还有 2 个问题未分派整改单位');
    expect(stageBlocker('diagnose', facts({ problems: 0 }))).toBeNull();
    expect(stageBlocker('project', facts({ problems: 3, acted: 1 }))).toBe('还有 2 个问题未转为任务或项目');
    expect(stageBlocker('project', facts({ problems: 3, acted: 3 }))).toBeNull();
  });

  it('says what is due: days left, today, overdue; closed stages with their date; a closed cycle with its roll', () => {
    const open = { dueDates: {}, done: {} };
    expect(currentStage(open)).toBe('collect');
    let c = describeCycle(2025, open, '2025-09-20', facts({ valued: 12 }));
    expect(c).toMatchObject({ current: 'collect', dueDate: '2025-09-30', overdue: false, nextYear: 2026, dueText: '采集数值:截止 2025-09-30,还剩 10 天' });
    expect(c.stages.map((s) => s.state)).toEqual(['current', 'upcoming', 'upcoming']);
    expect(c.stages[0].text).toBe('已填报 12/59 项指标的数值;截止 2025-09-30,还剩 10 天');
    expect(c.stages[1].text).toBe('发现问题 0 个,待分派 0 个;截止 2025-10-31');
    expect(describeCycle(2025, open, '2025-09-30', facts()).dueText).toBe('采集数值:今天(2025-09-30)截止');
    c = describeCycle(2025, { dueDates: {}, done: { collect: { at: '2025-09-28T02:00:00.000Z', by: 1 } } }, '2025-11-03', facts({ valued: 59, problems: 4, open: 1 }));
    expect(c).toMatchObject({ current: 'diagnose', overdue: true, dueText: '查找问题:截止 2025-10-31,已逾期 3 天' });
    expect(c.stages[0]).toMatchObject({ state: 'done', overdue: false, text: '已于 2025-09-28 完成;已填报 59/59 项指标的数值' });
    expect(c.stages[1]).toMatchObject({ state: 'current', overdue: true });
    const at = { at: '2025-11-20T02:00:00.000Z', by: 1 };
    c = describeCycle(2025, { dueDates: {}, done: { collect: at, diagnose: at, project: { ...at, rolled: [7, 9] } } }, '2026-01-05', facts({ problems: 4, acted: 4, candidates: 2 }));
    expect(c).toMatchObject({ current: null, dueDate: null, overdue: false, dueText: '本年体检已完成,2 个候选项目已转入2026年储备库' });
    expect(c.stages[2].text).toBe('已于 2025-11-20 完成;问题已转任务或项目 4/4 个,2 个候选项目已转入2026年储备库');
  });
});
