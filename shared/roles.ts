import { z } from 'zod';

export const roleSchema = z.enum(['admin', 'office', 'unit_head', 'unit_reporter', 'leader', 'evaluator']);
export type Role = z.infer<typeof roleSchema>;

export const roleLabels: Record<Role, string> = {
  admin: '系统管理员',
  office: '规划办(领导小组办公室)',
  unit_head: '单位负责人',
  unit_reporter: '单位填报员',
  leader: '领导',
  evaluator: '评估人员',
};

/** 'public': anyone, logged in or not. 'session': any logged-in user. */
export type Permission =
  | 'public'
  | 'session'
  | 'plan.read'
  | 'plan.import'
  | 'plan.manage'
  | 'task.read'
  | 'task.manage'
  | 'unit.read'
  | 'unit.manage'
  | 'user.manage'
  | 'audit.read'
  | 'report.read'
  | 'report.submit'
  | 'report.review'
  | 'report.review_unit'
  | 'notice.manage'
  | 'notice.respond'
  | 'evaluation.read'
  | 'evaluation.manage'
  | 'checkup.read'
  | 'checkup.submit'
  | 'checkup.manage';
