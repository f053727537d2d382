// Chinese wording and colours for the enums in schemas.ts, shared by docx, xlsx and charts
// so one status never shows two names or two colours. Labels follow server/domain.
import type { ClassifiedEvaluation, TaskStatus } from '../../shared/reportDocs.js';
import { TASK_STATE_LABELS } from '../domain/status.js';
import { DEFAULT_STATE_COLOR } from '../../shared/statusWords.js';

export const evaluationLabels: Record<ClassifiedEvaluation, string> = {
  achieved_early: '提前完成',
  ahead: '快于预期',
  on_track: '符合序时进度',
  behind: '滞后',
};
export const evaluationOrder: ClassifiedEvaluation[] = ['achieved_early', 'ahead', 'on_track', 'behind'];
export const notEvaluatedLabel = '暂无数据';

export const taskStatusLabels: Record<TaskStatus, string> = TASK_STATE_LABELS;

/** Light fills (RGB hex, no '#') for the domain's traffic-light colours. */
export const colourFills = { green: 'C6EFCE', yellow: 'FFEB9C', red: 'FFC7CE', grey: 'EDEDED', blue: 'DDEBF7' } as const;
/** The colour a state takes when the caller passes none (the domain may differ by threshold). */
export const defaultStatusColour: Record<TaskStatus, keyof typeof colourFills> = DEFAULT_STATE_COLOR;
export const evaluationColours: Record<ClassifiedEvaluation, string> = {
  achieved_early: '1565C0',
  ahead: '2E7D32',
  on_track: '7CB342',
  behind: 'C62828',
};

export { indicatorAttributeLabels as attributeLabels, indicatorKindLabels as kindLabels } from '../../shared/labels.js';
export const reviewLabels = { pending: '待审核', approved: '通过', returned: '退回' } as const;
