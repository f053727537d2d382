// Figures that two plans of one region state differently (e.g. 000 says the digital economy reaches 12 % of GDP
// by 2025, 004 says 33 %). They are shown side by side for a person to resolve, never merged.
import { and, eq, ne } from 'drizzle-orm';
import { z } from 'zod';
import type { ParsedPlan } from '../../shared/parsedPlan.js';
import type { DbOrTx } from '../db/client.js';
import { indicators, plans, targets } from '../db/schema/index.js';
import { segmentWords } from '../search.js';

export const figureSchema = z.object({
  planId: z.number().nullable(),
  planTitle: z.string(),
  subject: z.string(),
  value: z.number(),
  unit: z.string().nullable(),
  year: z.number().nullable(),
  source: z.object({ start: z.number(), end: z.number() }).nullable(),
});
export type Figure = z.infer<typeof figureSchema>;
export const conflictSchema = z.object({ here: figureSchema, there: figureSchema, message: z.string() });
export type Conflict = z.infer<typeof conflictSchema>;

const SYNONYMS: [RegExp, string][] = [
  [/GDP/gi, '地区生产总值'],
  [/研究与试验发展经费支出|研发经费投入|R&D经费/g, '研发投入'],
  [/降低率|下降率/g, '降低'],
  [/^(全区|全市|全县)/, ''],
];

interface Words {
  set: Set<string>;
  head: string;
}

export function subjectWords(subject: string): Words {
  let s = subject.replace(/[((].*?[))]/g, '');
  for (const [re, to] of SYNONYMS) s = s.replace(re, to);
  const list = segmentWords(s).filter((w) => w.length > 1 || /[率量数]/.test(w));
  return { set: new Set(list), head: list[0] ?? '' };
}

function sameSubject(a: Words, b: Words): boolean {
  let shared = 0;
  for (const w of a.set) if (b.set.has(w)) shared++;
  // "文化产业增加值占GDP比重" and "数字经济增加值占GDP比重" share most words but not what they measure:
  // the head word must match, and most words of the longer name must be shared
  return shared >= 2 && a.head === b.head && shared / Math.max(a.set.size, b.set.size) >= 0.7;
}

const normUnit = (u: string | null) => (u ?? '').replace(/\s/g, '').replace('%', '%');
const fmt = (f: Figure) => `${f.value}${f.unit ?? ''}${f.year ? `(${f.year}年)` : ''}`;

export function findConflicts(here: Figure[], there: Figure[]): Conflict[] {
  const out: Conflict[] = [];
  const thereWords = there.map((f) => ({ f, w: subjectWords(f.subject) }));
  for (const h of here) {
    const hw = subjectWords(h.subject);
    if (hw.set.size < 2) continue;
    for (const { f: t, w } of thereWords) {
      if (h.year !== t.year || normUnit(h.unit) !== normUnit(t.unit)) continue;
      if (Math.abs(h.value - t.value) <= 1e-9 * Math.max(1, Math.abs(h.value))) continue;
      if (!sameSubject(hw, w)) continue;
      out.push({ here: h, there: t, message: `「${h.subject}」目标不一致:本规划 ${fmt(h)},《${t.planTitle}》「${t.subject}」${fmt(t)}。两处数字均保留,请核实。` });
    }
  }
  return out;
}

export function figuresOfParsed(p: ParsedPlan): Figure[] {
  const title = p.meta.title;
  return [
    ...p.targets.filter((t) => !t.recurring).map((t) => ({ planId: null, planTitle: title, subject: t.subject, value: t.value, unit: t.unit, year: t.year, source: t.source })),
    ...p.indicators.flatMap((i) => i.targets.filter((t) => t.value != null && t.kind === 'level').map((t) => ({ planId: null, planTitle: title, subject: i.name, value: t.value!, unit: i.unit, year: t.year, source: i.source }))),
  ];
}

/** Figures of the confirmed plans of a region, optionally leaving one plan out. */
export async function figuresOfRegion(db: DbOrTx, regionId: number, exceptPlanId?: number): Promise<Figure[]> {
  const where = and(eq(plans.regionId, regionId), exceptPlanId ? ne(plans.id, exceptPlanId) : undefined);
  const ts = await db.select({ t: targets, title: plans.title }).from(targets).innerJoin(plans, eq(plans.id, targets.planId)).where(and(where, eq(targets.recurring, false)));
  const is = await db.select({ i: indicators, title: plans.title }).from(indicators).innerJoin(plans, eq(plans.id, indicators.planId)).where(and(where, eq(indicators.kind, 'level')));
  const src = (s: number | null, e: number | null) => (s == null ? null : { start: s, end: e ?? s });
  return [
    ...ts.map(({ t, title }) => ({ planId: t.planId, planTitle: title, subject: t.subject, value: t.value, unit: t.unit, year: t.year, source: src(t.sourceStart, t.sourceEnd) })),
    ...is.filter(({ i }) => i.targetValue != null).map(({ i, title }) => ({ planId: i.planId, planTitle: title, subject: i.name, value: i.targetValue!, unit: i.unit, year: i.targetYear, source: src(i.sourceStart, i.sourceEnd) })),
  ];
}

export async function planConflicts(db: DbOrTx, planId: number, regionId: number | null): Promise<Conflict[]> {
  if (!regionId) return [];
  const mine = (await figuresOfRegion(db, regionId)).filter((f) => f.planId === planId);
  const others = await figuresOfRegion(db, regionId, planId);
  return findConflicts(mine, others);
}
