// The progress report's lifecycle as data: every allowed step, who takes it, the status it moves from and to, and the
// audit action it writes. saveReport, reviewUnitReport and reviewReport (and through them the batch operations
// saveReports and reviewReports) and addAttachment ask this module; nothing else decides a report's status.
//
//   (none) ─save→ draft ─submit→ submitted ─accept→ accepted
//                   │                 └─return→ returned ─submit→ submitted (a resubmission)
//                   └─submit_to_head→ unit_review ─unit_approve→ submitted
//                                          └─unit_return→ returned
// 单位负责人预审 (the plan setting unitHeadReview): a reporter's submission first waits for a head of the unit.
import { AppError, type ErrorCode } from '../../shared/errors.js';
import type { ReportStatus } from '../../shared/reporting.js';

/** where a step starts: a report's status, or `none` before the unit's first save of that task and period */
export type ReportFrom = ReportStatus | 'none';
export type ReportAction = 'save' | 'submit' | 'submit_to_head' | 'unit_approve' | 'unit_return' | 'accept' | 'return';
/**
 * lead_unit: a user of the task's lead unit (reporter or head); unit_reporter: such a user who is not a head of the unit
 * (only their submissions wait for a head); unit_head: a head of the report's unit; office: manages the plan.
 */
export type ReportActor = 'lead_unit' | 'unit_reporter' | 'unit_head' | 'office';

export interface ReportTransition {
  action: ReportAction;
  from: ReportFrom;
  to: ReportStatus;
  by: ReportActor;
  /** the audit_events action the step writes */
  audit: string;
}

export const REPORT_TRANSITIONS: readonly ReportTransition[] = [
  // 保存草稿: a returned report saved again stays returned (the reason stays in sight) until it is resubmitted
  { action: 'save', from: 'none', to: 'draft', by: 'lead_unit', audit: 'report.save' },
  { action: 'save', from: 'draft', to: 'draft', by: 'lead_unit', audit: 'report.save' },
  { action: 'save', from: 'returned', to: 'returned', by: 'lead_unit', audit: 'report.save' },
  // 报送 straight to the office (预审 off, or a head's own report)
  { action: 'submit', from: 'none', to: 'submitted', by: 'lead_unit', audit: 'report.submit' },
  { action: 'submit', from: 'draft', to: 'submitted', by: 'lead_unit', audit: 'report.submit' },
  { action: 'submit', from: 'returned', to: 'submitted', by: 'lead_unit', audit: 'report.resubmit' },
  // 报送 to a head of the unit first (预审 on, a reporter's report)
  { action: 'submit_to_head', from: 'none', to: 'unit_review', by: 'unit_reporter', audit: 'report.submit' },
  { action: 'submit_to_head', from: 'draft', to: 'unit_review', by: 'unit_reporter', audit: 'report.submit' },
  { action: 'submit_to_head', from: 'returned', to: 'unit_review', by: 'unit_reporter', audit: 'report.resubmit' },
  // 单位负责人审核: on to the office, or back to the reporter
  { action: 'unit_approve', from: 'unit_review', to: 'submitted', by: 'unit_head', audit: 'report.unit_approve' },
  { action: 'unit_return', from: 'unit_review', to: 'returned', by: 'unit_head', audit: 'report.unit_return' },
  // 规划办审核
  { action: 'accept', from: 'submitted', to: 'accepted', by: 'office', audit: 'report.accept' },
  { action: 'return', from: 'submitted', to: 'returned', by: 'office', audit: 'report.return' },
];

/** The catalogue's refusal when a report's status has no such step (the codes the API has always answered). */
const REFUSAL: Record<ReportAction, ErrorCode> = {
  save: 'REPORT_NOT_EDITABLE',
  submit: 'REPORT_NOT_EDITABLE',
  submit_to_head: 'REPORT_NOT_EDITABLE',
  unit_approve: 'REPORT_NOT_IN_UNIT_REVIEW',
  unit_return: 'REPORT_NOT_IN_UNIT_REVIEW',
  accept: 'REPORT_NOT_EDITABLE',
  return: 'REPORT_NOT_EDITABLE',
};

/** The step `action` takes from `status` (null or undefined: no report yet); the action's refusal code otherwise. */
export function reportStep(status: ReportStatus | string | null | undefined, action: ReportAction): ReportTransition {
  const from = status ?? 'none';
  const t = REPORT_TRANSITIONS.find((x) => x.action === action && x.from === from);
  if (!t) throw new AppError(REFUSAL[action], { status: from, action });
  return t;
}

/** Which submission a lead unit's 报送 is: to a head of the unit first when the plan asks for 预审 and the sender is no head. */
export function submitAction(settings: { unitHeadReview: boolean }, sender: { unitHead: boolean }): 'submit' | 'submit_to_head' {
  return settings.unitHeadReview && !sender.unitHead ? 'submit_to_head' : 'submit';
}

/** A report's content (text, figures, attachments) can be changed only in the statuses a save starts from. */
export function reportEditable(status: ReportStatus | string | null | undefined): boolean {
  const from = status ?? 'none';
  return REPORT_TRANSITIONS.some((t) => t.action === 'save' && t.from === from);
}

/** What the operation knows of the actor, against the report's unit and plan. */
export interface ReportActorFacts {
  /** the actor belongs to the unit that reports (the task's lead unit) */
  ofUnit: boolean;
  /** the actor holds the unit_head role */
  unitHead: boolean;
  /** the actor manages the plan (canManagePlan) */
  office: boolean;
}

const ACTOR_REFUSAL: Record<ReportActor, ErrorCode> = {
  lead_unit: 'REPORT_NOT_LEAD_UNIT',
  unit_reporter: 'REPORT_NOT_LEAD_UNIT',
  unit_head: 'REPORT_NOT_UNIT_HEAD',
  office: 'FORBIDDEN',
};

/** The party that takes `action`: every action is taken by one party only (the table's `by`). */
export function reportActorOf(action: ReportAction): ReportActor {
  return REPORT_TRANSITIONS.find((x) => x.action === action)!.by;
}

/** Whether an actor with these facts may take `action` (its party, whatever the report's status). */
export function mayTakeReportStep(action: ReportAction, f: ReportActorFacts): boolean {
  switch (reportActorOf(action)) {
    case 'lead_unit':
      return f.ofUnit;
    case 'unit_reporter':
      return f.ofUnit && !f.unitHead;
    case 'unit_head':
      return f.ofUnit && f.unitHead;
    case 'office':
      return f.office;
  }
}

/** Refuses an actor who is not the party of `action`, with the catalogue's code for that party. */
export function requireReportActor(action: ReportAction, f: ReportActorFacts): void {
  if (!mayTakeReportStep(action, f)) throw new AppError(ACTOR_REFUSAL[reportActorOf(action)], { action });
}
