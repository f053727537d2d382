// Chinese wording and colours for the enums in schemas.ts, shared by docx, xlsx and charts
// so one status never shows two names or two colours.
import type { IndicatorEvaluation, TaskStatus } from './schemas.js';

export const evaluationLabels: Record<IndicatorEvaluation, string> = {
  completed_early: '提前完成',
  ahead: '快于预期',
  on_track: '符合序时进度',
  behind: '滞后',
};
export const evaluationOrder: IndicatorEvaluation[] = ['completed_early', 'ahead', 'on_track', 'behind'];
export const notEvaluatedLabel = '暂无数据';

export const taskStatusLabels: Record<TaskStatus, string> = {
  not_started: '未启动',
  in_progress: '推进中',
  completed: '已完成',
  behind: '滞后',
  overdue: '逾期',
};

/** RGB hex without '#': green done, blue moving, amber late, red overdue, grey idle. */
export const taskStatusColours: Record<TaskStatus, string> = {
  completed: 'C6EFCE',
  in_progress: 'DDEBF7',
  behind: 'FFEB9C',
  overdue: 'FFC7CE',
  not_started: 'EDEDED',
};
export const evaluationColours: Record<IndicatorEvaluation, string> = {
  completed_early: '2E7D32',
  ahead: '1565C0',
  on_track: '6D9EEB',
  behind: 'C62828',
};

export const attributeLabels = { binding: '约束性', expected: '预期性' } as const;
export const kindLabels = { level: '水平值', annual_growth: '年均增速', cumulative: '累计值' } as const;
export const reviewLabels = { pending: '待审核', approved: '通过', returned: '退回' } as const;
