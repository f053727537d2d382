// What the interface offers to whom. The server decides; this only hides what would be refused.
import type { Me } from '../../shared/api';

const has = (me: Me, ...roles: string[]) => me.roles.some((r) => roles.includes(r));

export const canManagePlans = (me: Me) => has(me, 'admin', 'office');
export const canImport = (me: Me) => has(me, 'admin', 'office');
export const canManageUnits = (me: Me) => has(me, 'admin', 'office');
export const isUnitRole = (me: Me) => has(me, 'unit_head', 'unit_reporter');
export const canReadAudit = (me: Me) => has(me, 'admin', 'office', 'unit_head', 'leader');

/** The first screen after login: the home page (今日待办), which shows each role its own (home/HomePage). */
export function homePath(_me: Me): string {
  return '/home';
}

/** 区县落实 (issue #13): the take-up list for a district's office, the matrix for those who read several districts. */
export const seesTakeUp = (me: Me) => has(me, 'admin', 'office', 'leader', 'evaluator');
