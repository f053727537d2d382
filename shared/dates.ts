// Date rules shared by the API contracts and the forms that check them in advance; no dependencies, so the web
// app can import it at run time.
/** A real calendar month (YYYY-MM) or day (YYYY-MM-DD): 2025-13 or 2025-02-30 are refused. */
export function isCalendarDate(v: string): boolean {
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(v);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), m[3] === undefined ? 1 : Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, mo, 0)).getUTCDate();
}
