// The date rules of the task contract (shared/api.ts createTaskBodySchema), for the form to say in advance.
/** A real calendar month (YYYY-MM) or day (YYYY-MM-DD). */
export function isCalendarDate(v: string): boolean {
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(v);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), m[3] === undefined ? 1 : Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, mo, 0)).getUTCDate();
}

/** 开始日期 after 完成时限? (a month limit covers its whole month) */
export function startsAfterDeadline(startDate: string | null, deadline: string | null): boolean {
  return !!startDate && !!deadline && startDate.slice(0, deadline.length) > deadline;
}
