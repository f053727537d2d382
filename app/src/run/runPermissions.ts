// Who may do what while running a plan; the server decides, this only hides what would be refused.
import type { Me } from '../../../shared/api';

const has = (me: Me, ...roles: string[]) => me.roles.some((r) => roles.includes(r));

export const canReport = (me: Me) => has(me, 'unit_head', 'unit_reporter') && !!me.unitId;
export const canReview = (me: Me) => has(me, 'admin', 'office');
export const canManageNotices = (me: Me) => has(me, 'admin', 'office');
export const canRespondNotices = (me: Me) => has(me, 'unit_head', 'unit_reporter') && !!me.unitId;
export const canSeeEvaluation = (me: Me) => has(me, 'admin', 'office', 'leader', 'evaluator');
export const canManageEvaluation = (me: Me) => has(me, 'admin', 'office');
/** 单位负责人预审: a unit head reviews its own unit's reports before they reach the office. */
export const canUnitReview = (me: Me) => has(me, 'unit_head') && !!me.unitId;
