// Turns the parser's deadlines into the calendar dates the status rules need.
import { z } from 'zod';
import { isoDateSchema, lastOfMonth } from './dates.js';

/** The parser emits 'YYYY-MM' for "2026年6月底前" / "2026年底前" and 'YYYY-MM-DD' when a day is given. */
export const taskDeadlineSchema = z.union([isoDateSchema, z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/)]).nullable();

/** A month deadline means the end of that month ("6月底前" → 30 June). */
export function resolveDeadline(deadline: string | null): string | null {
  const d = taskDeadlineSchema.parse(deadline);
  if (d === null || d.length === 10) return d;
  return lastOfMonth(Number(d.slice(0, 4)), Number(d.slice(5, 7)));
}

/**
 * A task without its own start date starts with the plan (1 January of its first year), or
 * on the day it was assigned if that is later: pace should not count time before the task existed.
 */
export function resolveTaskStart(planStartYear: number, assignedOn: string | null = null): string {
  const planStart = `${planStartYear}-01-01`;
  return assignedOn !== null && assignedOn > planStart ? isoDateSchema.parse(assignedOn) : planStart;
}
