// The shape every reader of responsibility notes returns, and the two ways of starting one.
import type { ParsedUnit } from '../../shared/parsedPlan.js';

export type Role = 'lead' | 'responsible' | 'cooperating' | 'leaders' | 'deadline';

export interface RespNote {
  /** normalized span of the whole note, parentheses included */
  start: number;
  end: number;
  layout: 'paren' | 'line' | 'inline';
  lead: ParsedUnit[];
  responsible: ParsedUnit[];
  cooperating: ParsedUnit[];
  leaders: string[];
  deadlineText: string | null;
  damaged: string[];
  /** labels filled with "同上" ("责任单位:同上", "责任领导、牵头单位…同上"): the task above's value */
  same?: Role[];
  /** text in the note that is neither a label nor a unit ("所有任务均需区县落实、不再列出") */
  remarks: { text: string; start: number }[];
  /** the units are one plain list under 责任单位 (no 牵头/配合 label or verb): a plan-wide rule may order them */
  plainList?: boolean;
  /** a note that opens its sentence ("市财政局负责将…"): the task's wording runs on to here */
  bodyEnd?: number;
  /** the note is its sentence's subject: the task is that sentence, or the heading right above it */
  opens?: boolean;
  /** it opens a later clause of a sentence (after another unit's note, or after a clause that charges no one): a task of its own */
  laterClause?: boolean;
}

/** A note with no units, leaders, deadline or remarks yet: the readers below fill it in. */
export function emptyNote(start: number, end: number, layout: RespNote['layout']): RespNote {
  return { start, end, layout, lead: [], responsible: [], cooperating: [], leaders: [], deadlineText: null, damaged: [], remarks: [] };
}

/** A sentence's own note: `units` in `role` do the work its sentence (up to `bodyEnd`) names; the task is that sentence. */
export function openingNote(start: number, end: number, role: 'lead' | 'responsible' | 'cooperating', units: ParsedUnit[], bodyEnd: number): RespNote {
  const n = emptyNote(start, end, 'inline');
  n[role].push(...units);
  n.opens = true;
  n.bodyEnd = bodyEnd;
  return n;
}
