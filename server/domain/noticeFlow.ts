// The 督办 notice's lifecycle as data: every allowed step, who takes it, and the status it moves from and to. The
// operations (respondNotice, recheckNotice, closeNotice) ask noticeStep; nothing else decides a notice's status.
import { AppError } from '../../shared/errors.js';
import type { z } from 'zod';
import type { noticeStatusSchema } from '../../shared/reporting.js';

export type NoticeStatus = z.infer<typeof noticeStatusSchema>;
export type NoticeAction = 'sign' | 'handle' | 'feedback' | 'recheck' | 'recheck_fail' | 'close';

export interface NoticeTransition {
  action: NoticeAction;
  from: NoticeStatus;
  to: NoticeStatus;
  /** the unit the notice is addressed to, or the office that manages the plan */
  by: 'unit' | 'office';
}

export const NOTICE_TRANSITIONS: readonly NoticeTransition[] = [
  { action: 'sign', from: 'issued', to: 'signed', by: 'unit' }, // 签收
  { action: 'handle', from: 'signed', to: 'handled', by: 'unit' }, // 办理
  { action: 'feedback', from: 'handled', to: 'fed_back', by: 'unit' }, // 反馈
  { action: 'recheck', from: 'fed_back', to: 'rechecked', by: 'office' }, // 复核通过
  { action: 'recheck_fail', from: 'fed_back', to: 'handled', by: 'office' }, // 复核不通过: back to the unit to handle again
  { action: 'close', from: 'rechecked', to: 'closed', by: 'office' }, // 办结
];

/** The step `action` takes from `status`; NOTICE_INVALID_TRANSITION (409) when the lifecycle has no such step. */
export function noticeStep(status: string, action: NoticeAction): NoticeTransition {
  const t = NOTICE_TRANSITIONS.find((x) => x.action === action && x.from === status);
  if (!t) throw new AppError('NOTICE_INVALID_TRANSITION', { status, action });
  return t;
}
