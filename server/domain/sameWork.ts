// The same work across plans of one region (issue #13), the pure part: which pairs of tasks or indicators of two
// plans are proposed as the same work, with the reasons in words, and where two linked indicators state different
// figures for a year. Words come in already segmented (jieba, server/search.ts); nothing here reads the database.
import { round } from './format.js';

export interface TaskForMatch {
  id: number;
  planId: number;
  /** jieba tokens of the title and text (tasks.search_text) */
  tokens: string[];
  /** the units named on the task (lead, responsible, cooperating) */
  units: { id: number; name: string }[];
}

export interface IndicatorForMatch {
  id: number;
  planId: number;
  name: string;
  /** the name's words after the synonyms (queries/conflicts.ts subjectWords) */
  words: string[];
  unit: string | null;
}

export interface ProposedPair {
  a: number;
  b: number;
  planA: number;
  planB: number;
  score: number;
  reasons: string[];
}

/** the settings of a proposal: the least similarity, and how many proposals one item gets at most */
export const TASK_MIN_SCORE = 0.3;
export const UNIT_BONUS = 0.1;
export const PER_ITEM = 3;

/**
 * Inverse document frequency of each token over the tasks compared: a word every task uses (推进, 建设) weighs
 * little, a word two tasks share and no other (老旧小区, 海绵城市) weighs much.
 */
export function tokenWeights(docs: string[][]): Map<string, number> {
  const df = new Map<string, number>();
  for (const d of docs) for (const t of new Set(d)) df.set(t, (df.get(t) ?? 0) + 1);
  const n = docs.length;
  return new Map([...df].map(([t, f]) => [t, Math.log((n + 1) / (f + 0.5))]));
}

/** Cosine similarity of two token sets weighted by `weights` (0…1), and the shared tokens, heaviest first. */
export function weightedSimilarity(a: string[], b: string[], weights: Map<string, number>): { score: number; shared: string[] } {
  const sa = new Set(a);
  const sb = new Set(b);
  const w = (t: string) => Math.max(0, weights.get(t) ?? 0);
  let na = 0;
  let nb = 0;
  let dot = 0;
  const shared: string[] = [];
  for (const t of sa) na += w(t) ** 2;
  for (const t of sb) {
    nb += w(t) ** 2;
    if (sa.has(t)) {
      dot += w(t) ** 2;
      shared.push(t);
    }
  }
  if (!na || !nb) return { score: 0, shared: [] };
  return { score: dot / Math.sqrt(na * nb), shared: shared.sort((x, y) => w(y) - w(x) || y.length - x.length) };
}

/** the words shown as a reason: the heaviest shared ones, leaving out those inside a longer one shown */
function shownWords(shared: string[], max = 6): string[] {
  const out: string[] = [];
  for (const t of shared) {
    if (t.length < 2 || out.some((o) => o.includes(t))) continue;
    out.push(t);
    if (out.length === max) break;
  }
  return out;
}

/** keep for each item its best `perItem` pairs; a pair is kept when either side keeps it */
function bestPerItem(pairs: ProposedPair[], perItem: number): ProposedPair[] {
  const sorted = [...pairs].sort((x, y) => y.score - x.score || x.a - y.a || x.b - y.b);
  const taken = new Map<number, number>();
  const keep: ProposedPair[] = [];
  for (const p of sorted) {
    const ka = taken.get(p.a) ?? 0;
    const kb = taken.get(-p.b) ?? 0;
    if (ka >= perItem && kb >= perItem) continue;
    taken.set(p.a, ka + 1);
    taken.set(-p.b, kb + 1);
    keep.push(p);
  }
  return keep;
}

/**
 * Tasks of one plan (`here`) against the tasks of the region's other plans (`there`): similar text (weighted shared
 * words) and the same units. Each pair is returned once, `a` from `here`.
 */
export function proposeTaskPairs(here: TaskForMatch[], there: TaskForMatch[], opts: { minScore?: number; perItem?: number } = {}): ProposedPair[] {
  const minScore = opts.minScore ?? TASK_MIN_SCORE;
  const weights = tokenWeights([...here, ...there].map((t) => t.tokens.filter((x) => x.length >= 2)));
  const pairs: ProposedPair[] = [];
  for (const h of here) {
    const ht = h.tokens.filter((x) => x.length >= 2);
    for (const t of there) {
      if (t.planId === h.planId) continue;
      const sim = weightedSimilarity(ht, t.tokens.filter((x) => x.length >= 2), weights);
      if (!sim.shared.length) continue;
      const units = h.units.filter((u) => t.units.some((v) => v.id === u.id));
      const score = round(Math.min(1, sim.score + (units.length ? UNIT_BONUS : 0)), 3);
      if (score < minScore) continue;
      const words = shownWords(sim.shared);
      pairs.push({
        a: h.id, b: t.id, planA: h.planId, planB: t.planId, score,
        reasons: [`文字相近(${Math.round(sim.score * 100)}%)${words.length ? `,共同词语:${words.join('、')}` : ''}`, ...(units.length ? [`同一单位:${units.slice(0, 3).map((u) => u.name).join('、')}`] : [])],
      });
    }
  }
  return bestPerItem(pairs, opts.perItem ?? PER_ITEM);
}

export const normMeasure = (u: string | null) => (u ?? '').replace(/\s/g, '').replace(/%/g, '%').replace(/^百分比$/, '%');

/** "数字经济增加值占GDP比重" and "文化产业增加值占GDP比重" share most words but not what they measure: the first word must match */
export function sameName(a: string[], b: string[]): { same: boolean; exact: boolean; share: number } {
  const sa = new Set(a);
  const sb = new Set(b);
  if (!sa.size || !sb.size) return { same: false, exact: false, share: 0 };
  let shared = 0;
  for (const w of sa) if (sb.has(w)) shared++;
  const share = shared / Math.max(sa.size, sb.size);
  const exact = a.join('') === b.join('');
  return { same: exact || (a[0] === b[0] && shared >= 2 && share >= 0.7), exact, share };
}

/** Indicators of one plan against those of the region's other plans: the same name (or nearly) and the same measure. */
export function proposeIndicatorPairs(here: IndicatorForMatch[], there: IndicatorForMatch[], opts: { perItem?: number } = {}): ProposedPair[] {
  const pairs: ProposedPair[] = [];
  for (const h of here) {
    for (const t of there) {
      if (t.planId === h.planId) continue;
      if (normMeasure(h.unit) !== normMeasure(t.unit)) continue;
      const n = sameName(h.words, t.words);
      if (!n.same) continue;
      const measure = normMeasure(h.unit) ? [`计量单位相同:${h.unit}`] : [];
      pairs.push({
        a: h.id, b: t.id, planA: h.planId, planB: t.planId, score: n.exact ? 1 : round(n.share, 3),
        reasons: [n.exact ? `指标名称相同:${h.name}` : `指标名称相近:${h.name} / ${t.name}`, ...measure],
      });
    }
  }
  return bestPerItem(pairs, opts.perItem ?? PER_ITEM);
}

export interface YearFigure {
  year: number | null;
  value: number | null;
  valueMax?: number | null;
  comparator?: string;
}

const COMPARATOR_WORDS: Record<string, string> = { '>=': '≥', '<=': '≤', '>': '>', '<': '<' };
const fmtFigure = (f: YearFigure, unit: string | null) => `${f.comparator ? COMPARATOR_WORDS[f.comparator] ?? '' : ''}${f.value}${f.valueMax != null ? `~${f.valueMax}` : ''}${unit ?? ''}`;

/** The years both indicators state a target for, with different figures (both kept; a person resolves them). */
export function figureConflicts(
  here: { name: string; unit: string | null; targets: YearFigure[] },
  there: { name: string; unit: string | null; targets: YearFigure[]; planTitle: string },
): { year: number | null; here: { value: number; text: string }; there: { value: number; text: string }; message: string }[] {
  const out: ReturnType<typeof figureConflicts> = [];
  for (const h of here.targets) {
    if (h.value == null) continue;
    const t = there.targets.find((x) => x.year === h.year && x.value != null);
    if (!t || t.value == null) continue;
    const same = Math.abs(h.value - t.value) <= 1e-9 * Math.max(1, Math.abs(h.value)) && (h.valueMax ?? null) === (t.valueMax ?? null);
    if (same) continue;
    const ht = fmtFigure(h, here.unit);
    const tt = fmtFigure(t, there.unit);
    out.push({
      year: h.year, here: { value: h.value, text: ht }, there: { value: t.value, text: tt },
      message: `「${here.name}」${h.year ? `${h.year}年` : ''}目标不一致:本规划 ${ht},《${there.planTitle}》${tt}。两处数字均保留,请核实。`,
    });
  }
  return out;
}
