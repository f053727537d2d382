// Parser accuracy on other cities' layouts: hand-labelled fixtures in
// test/parser/fixtures/other-cities (NAME.txt, NAME.html or NAME.docx + NAME.truth.json). A .txt is scored
// against parseText; a saved web page (.html) or Word file (.docx) goes through the real upload path,
// parsePlan on its bytes, and its truth keys are looked up in the decoded text that sources point into.
// Units: micro-averaged P/R/F1 on (task, role, raw) triples, and role-agnostic on (task, raw).
// Targets: a match needs value, valueMax, unit and comparator; year is scored on the matches. The
// targets of indicator tables (indicators[].targets) count as extracted targets too.
// Run: npx tsx bench/accuracy.ts [--set real] [--only abcde] [--misses]. test/parser/accuracy.test.ts holds the bars.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parsePlan, parseText } from '../server/parser/index.js';
import type { ParsedPlan, ParsedTask } from '../shared/parsedPlan.js';

export const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '../test/parser/fixtures/other-cities');
/** real published pages, labelled by hand: the only set accuracy claims rest on (fixtures/real/README.md) */
// LUOSHI_REAL_PAGES: another checkout's pages, to score two parsers on the same labels
export const REAL_PAGES = process.env.LUOSHI_REAL_PAGES ?? join(dirname(fileURLToPath(import.meta.url)), '../test/parser/fixtures/real');

const ROLES = ['lead', 'responsible', 'cooperating'] as const;
type Role = (typeof ROLES)[number];

interface TruthTask {
  key: string; // a phrase of the task's wording, unique in the document
  lead?: string[];
  responsible?: string[];
  cooperating?: string[];
  leaders?: string[];
  deadline?: string;
}
interface TruthTarget {
  subject: string;
  value: number;
  valueMax?: number | null;
  unit: string | null;
  comparator: string;
  year: number | null;
  recurring?: boolean;
  decrease?: boolean;
}
interface Truth {
  city: string;
  layout: string;
  /** dev: written first and tuned on; blind-N: written after round N-1 of fixes and scored before any fix for it */
  batch: string;
  tasks: TruthTask[];
  targets: TruthTarget[];
}

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}
export interface DocScore {
  name: string;
  layout: string;
  /** tasks: a labelled task found (any parser task spanning its key) or not; parser tasks with units that match no labelled task are extra */
  tasks: Counts;
  units: Counts;
  unitsAnyRole: Counts;
  targets: Counts;
  yearsRight: number;
  flagsRight: number;
  deadlines: { right: number; total: number };
  /** mentions resolved to a registry unit: the registry only knows Chongqing, so these are wrong */
  knownWrongly: number;
  batch: string;
  /** read from a saved web page through parsePlan */
  html: boolean;
  misses: string[];
}

const zero = (): Counts => ({ tp: 0, fp: 0, fn: 0 });
const add = (a: Counts, b: Counts): Counts => ({ tp: a.tp + b.tp, fp: a.fp + b.fp, fn: a.fn + b.fn });
export const prf = (c: Counts) => {
  const p = c.tp + c.fp ? c.tp / (c.tp + c.fp) : 1;
  const r = c.tp + c.fn ? c.tp / (c.tp + c.fn) : 1;
  return { p, r, f1: p + r ? (2 * p * r) / (p + r) : 0 };
};

// width and spacing are typography, not a different name
// a mirror's pinyin note ("鎮(zhèn)") is noise the labellers kept or dropped by turns: the same name either way
const norm = (s: string) => s.replace(/\s/g, '').replace(/（/g, '(').replace(/）/g, ')').replace(/\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüê]{1,7}\)/g, '');

function spanOf(t: ParsedTask): [number, number] {
  const u = t.unitsSource;
  return [Math.min(t.source.start, u?.start ?? Infinity), Math.max(t.source.end, u?.end ?? 0)];
}

/** multiset difference: how many of `want` are found in `got` */
function compare(want: string[], got: string[], label: string, misses: string[]): Counts {
  const left = got.map(norm);
  let tp = 0;
  for (const w of want) {
    const k = left.indexOf(norm(w));
    if (k >= 0) {
      left.splice(k, 1);
      tp++;
    } else misses.push(`${label} missed “${w}”`);
  }
  for (const g of left) misses.push(`${label} extra “${g}”`);
  return { tp, fp: left.length, fn: want.length - tp };
}

export function scoreDoc(name: string, text: string, truth: Truth, plan: ParsedPlan = parseText(text)): DocScore {
  const misses: string[] = [];
  let units = zero();
  let anyRole = zero();
  const taskCounts = zero();
  const used = new Set<ParsedTask>();
  const deadlines = { right: 0, total: 0 };
  for (const tt of truth.tasks) {
    const at = text.indexOf(tt.key);
    if (at < 0) throw new Error(`${name}: key “${tt.key}” not in text`);
    const cands = plan.tasks.filter((t) => !used.has(t) && spanOf(t)[0] <= at && at < spanOf(t)[1]);
    cands.sort((a, b) => spanOf(a)[1] - spanOf(a)[0] - (spanOf(b)[1] - spanOf(b)[0]));
    const got = cands[0];
    if (got) {
      used.add(got);
      taskCounts.tp++;
    } else {
      taskCounts.fn++;
      misses.push(`[${tt.key}] no task found`);
    }
    for (const r of ROLES) units = add(units, compare(tt[r] ?? [], got ? got[r].map((u) => u.raw) : [], `[${tt.key}] ${r}`, misses));
    const all = (x: { [k in Role]?: { raw: string }[] | string[] } | undefined) =>
      ROLES.flatMap((r) => (x?.[r] ?? []).map((u) => (typeof u === 'string' ? u : u.raw)));
    anyRole = add(anyRole, compare(all(tt as never), got ? all(got as never) : [], `[${tt.key}] any-role`, []));
    if (tt.deadline) {
      deadlines.total++;
      if (got?.deadline === tt.deadline) deadlines.right++;
      else misses.push(`[${tt.key}] deadline ${got?.deadline ?? 'null'} ≠ ${tt.deadline}`);
    }
  }
  for (const t of plan.tasks) {
    if (used.has(t)) continue;
    if (ROLES.some((r) => t[r].length)) {
      taskCounts.fp++;
      misses.push(`extra task “${t.title.slice(0, 24)}”`);
    }
    for (const r of ROLES) units = add(units, compare([], t[r].map((u) => u.raw), `[unmatched task “${t.title.slice(0, 16)}”] ${r}`, misses));
    anyRole = add(anyRole, { tp: 0, fp: ROLES.reduce((n, r) => n + t[r].length, 0), fn: 0 });
  }

  // a yearly-target table's cells are indicator targets (indicators[]), not prose targets: both count
  const tableTargets = plan.indicators.flatMap((ind) =>
    ind.targets.filter((t): t is typeof t & { value: number } => t.value !== null).map((t) => ({ value: t.value, valueMax: t.valueMax ?? null, unit: ind.unit, comparator: t.comparator, year: t.year, quote: `${ind.name} ${t.text}`, recurring: false, decrease: false })),
  );
  const pool: { value: number; valueMax?: number | null; unit: string | null; comparator: string; year: number | null; quote: string; recurring?: boolean; decrease?: boolean }[] = [
    ...plan.targets,
    ...tableTargets,
  ];
  let targets = zero();
  let yearsRight = 0;
  let flagsRight = 0; // 每年 (recurring) and 下降 (decrease) as labelled
  for (const w of truth.targets) {
    const k = pool.findIndex(
      (g) => g.value === w.value && (g.valueMax ?? null) === (w.valueMax ?? null) && (g.unit ?? null) === w.unit && g.comparator === w.comparator,
    );
    if (k < 0) {
      const near = pool.find((g) => g.value === w.value);
      misses.push(`target missed ${w.subject} ${w.comparator}${w.value}${w.unit ?? ''}${near ? ` (got “${near.quote}” ${near.comparator}${near.value}${near.unit ?? ''})` : ''}`);
      targets.fn++;
      continue;
    }
    const [g] = pool.splice(k, 1);
    targets.tp++;
    if (g.year === w.year) yearsRight++;
    else misses.push(`target year ${w.subject}: ${g.year} ≠ ${w.year}`);
    if (g.recurring !== !!w.recurring || g.decrease !== !!w.decrease) misses.push(`target flags ${w.subject}: recurring ${g.recurring}, decrease ${g.decrease}`);
    else flagsRight++;
  }
  for (const g of pool) misses.push(`target extra “${g.quote}” ${g.comparator}${g.value}${g.unit ?? ''}`);
  targets = add(targets, { tp: 0, fp: pool.length, fn: 0 });
  const known = plan.tasks.flatMap((t) => ROLES.flatMap((r) => t[r])).filter((u) => u.known && u.scope === 'unit');
  for (const u of known) misses.push(`“${u.raw}” resolved to Chongqing's “${u.name}”`);
  return { name, layout: truth.layout, tasks: taskCounts, units, unitsAnyRole: anyRole, targets, yearsRight, flagsRight, deadlines, knownWrongly: known.length, batch: truth.batch, html: plan.meta.format === 'html', misses };
}

/** fixture files: NAME.txt (read as UTF-8 text) or NAME.html / NAME.docx (bytes through the upload decoder) */
export const FIXTURE_EXT = /\.(txt|html|docx)$/;

export async function loadFixture(dir: string, file: string): Promise<{ name: string; text: string; plan: ParsedPlan }> {
  const name = file.replace(FIXTURE_EXT, '');
  if (file.endsWith('.txt')) {
    const text = readFileSync(join(dir, file), 'utf8');
    return { name, text, plan: parseText(text) };
  }
  const plan = await parsePlan(new Uint8Array(readFileSync(join(dir, file))), file);
  if (plan.text == null) throw new Error(`${file}: parsePlan returned no text`);
  return { name, text: plan.text, plan };
}

/** a page's batch code: the letters before its number ("a07-…" → "a", "ab03-…" → "ab") */
const batchCode = (file: string) => /^([a-z]+)\d/.exec(file)?.[1] ?? '';

/**
 * `only`: the batches to score, as one-letter codes run together ("abcde") or codes parted by commas ("x,y,aa,ab"),
 * so a batch being labelled stays unseen
 */
export async function evaluate(dir = FIXTURES, only?: string): Promise<DocScore[]> {
  const codes = only == null ? null : new Set(only.includes(',') ? only.split(',') : [...only]);
  const files = readdirSync(dir)
    .filter((f) => FIXTURE_EXT.test(f) && (!codes || codes.has(batchCode(f))))
    .sort();
  const out: DocScore[] = [];
  for (const f of files) {
    const { name, text, plan } = await loadFixture(dir, f);
    const truth = JSON.parse(readFileSync(join(dir, `${name}.truth.json`), 'utf8')) as Truth;
    out.push(scoreDoc(name, text, truth, plan));
  }
  return out;
}

export function overall(scores: DocScore[]) {
  const sum = (f: (d: DocScore) => Counts) => scores.map(f).reduce(add, zero());
  const targets = sum((d) => d.targets);
  return {
    tasks: prf(sum((d) => d.tasks)),
    units: prf(sum((d) => d.units)),
    unitsAnyRole: prf(sum((d) => d.unitsAnyRole)),
    targets: prf(targets),
    yearAccuracy: targets.tp ? scores.reduce((n, d) => n + d.yearsRight, 0) / targets.tp : 1,
  };
}

const pct = (x: number) => (x * 100).toFixed(1);

export function report(scores: DocScore[], withMisses: boolean): string {
  const rows = [
    '| document | layout (batch) | task F1 | unit P | unit R | unit F1 | any-role F1 | target P | target R | target F1 | years right | 每年/下降 right | deadlines | known≠0 |',
    '|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const d of scores) {
    const u = prf(d.units);
    const t = prf(d.targets);
    rows.push(
      `| ${d.name} | ${d.layout.slice(0, 60)} (${d.batch}) | ${pct(prf(d.tasks).f1)} | ${pct(u.p)} | ${pct(u.r)} | ${pct(u.f1)} | ${pct(prf(d.unitsAnyRole).f1)} | ${pct(t.p)} | ${pct(t.r)} | ${pct(t.f1)} | ${d.yearsRight}/${d.targets.tp} | ${d.flagsRight}/${d.targets.tp} | ${d.deadlines.right}/${d.deadlines.total} | ${d.knownWrongly} |`,
    );
  }
  const total = (label: string, ds: DocScore[]) => {
    if (!ds.length) return;
    const o = overall(ds);
    rows.push(
      `| **${label}** | ${ds.length} docs | **${pct(o.tasks.f1)}** | ${pct(o.units.p)} | ${pct(o.units.r)} | **${pct(o.units.f1)}** | ${pct(o.unitsAnyRole.f1)} | ${pct(o.targets.p)} | ${pct(o.targets.r)} | **${pct(o.targets.f1)}** | ${pct(o.yearAccuracy)}% | | | ${ds.reduce((n, d) => n + d.knownWrongly, 0)} |`,
    );
  };
  for (const b of [...new Set(scores.map((d) => d.batch))].sort()) total(b, scores.filter((d) => d.batch === b));
  total('overall', scores);
  if (withMisses) for (const d of scores) if (d.misses.length) rows.push('', `### ${d.name}`, ...d.misses.map((m) => `- ${m}`));
  return rows.join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const real = process.argv.includes('--set') && process.argv[process.argv.indexOf('--set') + 1] === 'real';
  const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;
  const scores = await evaluate(real ? REAL_PAGES : FIXTURES, only);
  console.log(report(scores, process.argv.includes('--misses')));
}
