// Chinese wording and colours for running a plan: report states, period states, 督办 states and levels.
import { COLOR_WORDS, REPORT_STATUS_WORDS, STATUS_COLORS, type StatusColorWord } from '../../../shared/statusWords';
export const reportedStatuses = ['未开始', '推进中', '已完成', '滞后', '受阻'] as const;

export const reportStatusLabels: Record<string, string> = Object.fromEntries(Object.entries(REPORT_STATUS_WORDS).map(([k, w]) => [k, w.label]));
export const reportStatusColors: Record<string, string> = Object.fromEntries(Object.entries(REPORT_STATUS_WORDS).map(([k, w]) => [k, w.tag]));
/** The order the filters list report states in. */
export const reportStatusOrder = ['draft', 'unit_review', 'submitted', 'returned', 'accepted'] as const;
export const channelLabels: Record<string, string> = { app: '站内提醒', email: '电子邮件', webhook: '群机器人' };

export const periodStateLabels: Record<string, string> = {
  upcoming: '未开始',
  open: '报送中',
  due_soon: '即将截止',
  overdue: '已过截止日(可补报)',
  closed: '已截止',
  locked: '已锁定',
};
export const periodStateColors: Record<string, string> = { upcoming: 'default', open: 'processing', due_soon: 'warning', overdue: 'error', closed: 'default', locked: 'default' };

// Light colours of computed task/indicator status: one vocabulary with the server (shared/statusWords.ts).
const colorEntries = <T,>(f: (w: (typeof COLOR_WORDS)[StatusColorWord]) => T) => Object.fromEntries(STATUS_COLORS.map((c) => [c, f(COLOR_WORDS[c])])) as Record<string, T>;
export const lightLabels: Record<string, string> = colorEntries((w) => w.light);
/** What each colour means, for readers who do not know the convention. */
export const lightMeaning: Record<string, string> = colorEntries((w) => w.meaning);
export const lightTagColors: Record<string, string> = colorEntries((w) => w.tag);
export const lightHex: Record<string, string> = colorEntries((w) => w.hex);

export const noticeStatusLabels: Record<string, string> = {
  issued: '已下发待签收',
  signed: '已签收',
  handled: '办理中',
  fed_back: '已反馈待复核',
  rechecked: '复核通过待办结',
  closed: '已办结',
};
export const noticeStatusColors: Record<string, string> = { issued: 'default', signed: 'processing', handled: 'processing', fed_back: 'warning', rechecked: 'success', closed: 'success' };
export const noticeLevelLabels: Record<string, string> = { blue: '蓝色督办', yellow: '黄色督办', red: '红色督办' };
export const noticeLevelTagColors: Record<string, string> = { blue: 'blue', yellow: 'gold', red: 'red' };
export const noticeKindLabels: Record<string, string> = {
  red_task: '任务滞后',
  missing_report: '未按期报送',
  red_indicator: '指标滞后',
  manual: '人工督办',
};
export const noticeOriginLabels: Record<string, string> = { rule: '系统按规则生成', manual: '规划办下发' };

export const noticeActionLabels: Record<string, string> = {
  'notice.issue': '下发督办',
  'notice.create': '下发督办',
  'notice.sign': '签收',
  'notice.handle': '办理',
  'notice.feedback': '反馈',
  'notice.recheck': '复核',
  'notice.close': '办结',
  'notice.recheck_fail': '复核未通过,退回办理',
  'notice.escalate': '逾期升级',
};
