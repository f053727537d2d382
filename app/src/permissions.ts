// What the interface offers to whom. The server decides and sends the account's permissions with it
// (GET /api/auth/me, from server/policy.ts); this only hides what would be refused, and never re-derives a grant.
import type { Me } from '../../shared/api';
import type { Permission } from '../../shared/roles';

export const may = (me: Me, permission: Permission) => me.permissions.includes(permission);

export const canManagePlans = (me: Me) => may(me, 'plan.manage');
export const canImport = (me: Me) => may(me, 'plan.import');
export const canManageUnits = (me: Me) => may(me, 'unit.manage');
export const canReadAudit = (me: Me) => may(me, 'audit.read');

// Which view a person gets (not what they may do): a unit's people land on their unit's work; the take-up tab is for
// those who read across districts (a unit's people see their own tasks instead).
export const isUnitRole = (me: Me) => me.roles.some((r) => r === 'unit_head' || r === 'unit_reporter');

/** The first screen after login: the home page (今日待办), which shows each role its own (home/HomePage). */
export function homePath(_me: Me): string {
  return '/home';
}

/** 区县落实 (issue #13): the take-up list for a district's office, the matrix for those who read several districts. */
export const seesTakeUp = (me: Me) => me.roles.some((r) => r === 'admin' || r === 'office' || r === 'leader' || r === 'evaluator');
