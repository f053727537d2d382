import { z } from 'zod';

export const roleSchema = z.enum(['admin', 'office', 'unit_head', 'unit_reporter', 'leader', 'evaluator']);
export type Role = z.infer<typeof roleSchema>;

/** The one table of role names, shown by the web app (header, user admin). */
export const roleLabels: Record<Role, string> = {
  admin: '系统管理员',
  office: '规划办',
  unit_head: '单位负责人',
  unit_reporter: '单位填报员',
  leader: '领导',
  evaluator: '评估人员',
};

/** 'public': anyone, logged in or not. 'session': any logged-in user. Which role holds which: server/policy.ts (grants),
 * sent to the web app with the account (GET /api/auth/me `permissions`) so the app never re-derives them. */
export const permissionSchema = z.enum([
  'public',
  'session',
  'plan.read',
  'plan.import',
  'plan.manage',
  'task.read',
  'task.manage',
  'unit.read',
  'unit.manage',
  'user.manage',
  'audit.read',
  'report.read',
  'report.submit',
  'report.review',
  'report.review_unit',
  'notice.manage',
  'notice.respond',
  'evaluation.read',
  'evaluation.manage',
  'checkup.read',
  'checkup.submit',
  'checkup.manage',
]);
export type Permission = z.infer<typeof permissionSchema>;
