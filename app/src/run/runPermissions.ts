// Who may do what while running a plan: the permissions the server sent with the account (GET /api/auth/me);
// this only hides what would be refused. Acting for a unit also needs the account to belong to one.
import type { Me } from '../../../shared/api';
import { may } from '../permissions';

export const canReport = (me: Me) => may(me, 'report.submit') && !!me.unitId;
export const canReview = (me: Me) => may(me, 'report.review');
export const canManageNotices = (me: Me) => may(me, 'notice.manage');
export const canRespondNotices = (me: Me) => may(me, 'notice.respond') && !!me.unitId;
export const canSeeEvaluation = (me: Me) => may(me, 'evaluation.read');
export const canManageEvaluation = (me: Me) => may(me, 'evaluation.manage');
/** 单位负责人预审: a unit head reviews its own unit's reports before they reach the office. */
export const canUnitReview = (me: Me) => may(me, 'report.review_unit') && !!me.unitId;
