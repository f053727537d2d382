// The date rules of the task contract (shared/api.ts createTaskBodySchema), for the form to say in advance.
export { isCalendarDate } from '../../../shared/dates';

/** 开始日期 after 完成时限? (a month limit covers its whole month) */
export function startsAfterDeadline(startDate: string | null, deadline: string | null): boolean {
  return !!startDate && !!deadline && startDate.slice(0, deadline.length) > deadline;
}
