// Robustness of the parser on the real pages: the same page flattened differently. Web pages, copy-pastes and
// mirrors differ in blank lines, indentation, line ends and spaces without changing a word; a rule that only
// works for one of those spellings will fail on the next site. Each variant keeps every character of the
// text's words (the truth keys are found again), so a drop in score is the parser's, not the labels'.
// Run: npx tsx bench/perturb.ts [--only abcdefgh] [--misses VARIANT]. test/parser/flattening.test.ts holds the result.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as OpenCC from 'opencc-js/cn2t';
import { parseText } from '../server/parser/index.js';
import { REAL_PAGES, overall, scoreDoc, type DocScore } from './accuracy.js';

type Truth = Parameters<typeof scoreDoc>[2];

const toTrad = OpenCC.Converter({ from: 'cn', to: 'tw' });

/** a "|" table's cells parted by `sep` instead: lone-bar lines and the bars closing or opening a row dropped */
const partedBy = (t: string, sep: string) => t.replace(/^[ \t]*\|[ \t|]*$/gm, '').replace(/ ?\|[ \t|]*$/gm, '').replace(/^\| /gm, '').replace(/ \| ?/g, sep);

export const VARIANTS: Record<string, (text: string) => string> = {
  asis: (t) => t,
  // a page whose paragraphs had blank lines between them, copied without
  noblank: (t) => t.replace(/\n[ \t\u3000]*\n+/g, '\n'),
  // a page that puts a blank line after every line (Word → web); a page already spaced so stays as it is
  blank: (t) => ((t.match(/\n[ \t\u3000]*\n/g) ?? []).length > (t.match(/\n/g) ?? []).length / 4 ? t : t.replace(/\n/g, '\n\n')),
  // paragraphs indented with two ideographic spaces, as most 政府网站 pages are
  indent: (t) => t.replace(/^(?=[^\s])/gm, '\u3000\u3000'),
  // Windows line ends
  crlf: (t) => t.replace(/\r?\n/g, '\r\n'),
  // HTML no-break spaces where the page had spaces
  nbsp: (t) => t.replace(/ /g, '\u00a0'),
  // trailing spaces on every line
  trailing: (t) => t.replace(/\n/g, '  \n'),
  // a table pasted from a spreadsheet: cells parted by tabs where the page had " | "
  tabs: (t) => partedBy(t, '\t'),
  // the same table as a Markdown-like grid: "| a | b |"
  pipes: (t) => t.replace(/^(.* \| .*?) ?\|?$/gm, '| $1 |'),
  // the table copied as plain text: cells parted by runs of spaces
  spaces: (t) => partedBy(t, '   '),
  // each cell of a "|" row on a line of its own, a blank line between rows (a table pasted from a web page)
  cells: (t) => t.replace(/^[ \t]*\|[ \t]*$/gm, '').replace(/^(?:\| )?(.* \| .*?)(?: ?\|)?$/gm, (_, row: string) => row.split(/ ?\| ?/).join('\n') + '\n'),
  // a traditional-character mirror of the page (the labels are converted alike, see truthFor)
  trad: (t) => toTrad(t),
  // full-width punctuation where the page had half-width (and the reverse is what normalize does)
  fullwidth: (t) => t.replace(/,/g, '，').replace(/:/g, '：').replace(/;/g, '；').replace(/\(/g, '（').replace(/\)/g, '）'),
};

export interface VariantScore {
  variant: string;
  scores: DocScore[];
  skipped: number;
  /** pages whose task, task-unit or target F1 is lower than as written */
  worse: { name: string; before: DocScore; after: DocScore }[];
}

const f1 = (c: { tp: number; fp: number; fn: number }) => (c.tp ? (2 * c.tp) / (2 * c.tp + c.fp + c.fn) : c.fp + c.fn ? 0 : 1);

/** every variant of every page of the batches `only` (first letters), scored against the page's labels */
export function scoreVariants(only: string, variants = Object.keys(VARIANTS)): VariantScore[] {
  // batches as bench/accuracy.ts names them: one-letter codes run together ("abcdefgh") or codes parted by commas
  const codes = new Set(only.includes(',') ? only.split(',') : [...only]);
  const pages = readdirSync(REAL_PAGES)
    .filter((f) => f.endsWith('.txt') && codes.has(/^([a-z]+)\d/.exec(f)?.[1] ?? ''))
    .sort()
    .map((f) => ({
      name: f.replace(/\.txt$/, ''),
      text: readFileSync(join(REAL_PAGES, f), 'utf8'),
      truth: JSON.parse(readFileSync(join(REAL_PAGES, f.replace(/\.txt$/, '.truth.json')), 'utf8')) as Truth,
    }));
  const base = new Map(pages.map((p) => [p.name, scoreDoc(p.name, p.text, p.truth, parseText(p.text))]));
  return variants.map((variant) => {
    const scores: DocScore[] = [];
    let skipped = 0;
    for (const p of pages) {
      const text = VARIANTS[variant](p.text);
      const truth = truthFor(variant, p.truth, text);
      if (truth.tasks.some((t) => !text.includes(t.key))) {
        skipped++;
        continue;
      }
      scores.push(variant === 'asis' ? base.get(p.name)! : scoreDoc(p.name, text, truth, parseText(text)));
    }
    const worse = scores.flatMap((after) => {
      const before = base.get(after.name)!;
      const lower = (k: 'tasks' | 'units' | 'targets') => f1(after[k]) < f1(before[k]) - 1e-9;
      return lower('tasks') || lower('units') || lower('targets') ? [{ name: after.name, before, after }] : [];
    });
    return { variant, scores, skipped, worse };
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const arg = (k: string) => (process.argv.includes(k) ? process.argv[process.argv.indexOf(k) + 1] : undefined);
  const showMisses = arg('--misses');
  const pct = (x: number) => (x * 100).toFixed(1);
  console.log(`| variant | pages | task F1 | task-unit F1 | target F1 | pages worse than as-is |\n|---|---:|---:|---:|---:|---:|`);
  for (const v of scoreVariants(arg('--only') ?? 'abcdefgh')) {
    const o = overall(v.scores);
    console.log(`| ${v.variant} | ${v.scores.length}${v.skipped ? ` (${v.skipped} skipped)` : ''} | ${pct(o.tasks.f1)} | ${pct(o.units.f1)} | ${pct(o.targets.f1)} | ${v.worse.length} |`);
    if (showMisses === v.variant)
      for (const { name, before: b, after: s } of v.worse)
        console.log(`  ${name}: task ${pct(f1(b.tasks))}→${pct(f1(s.tasks))} unit ${pct(f1(b.units))}→${pct(f1(s.units))} target ${pct(f1(b.targets))}→${pct(f1(s.targets))}`);
  }
}

/** the labels of a page as the variant spells it: a key keeps its words, its punctuation follows the page's */
export function truthFor(variant: string, truth: Truth, text: string): Truth {
  if (variant === 'trad') return tradTruth(truth);
  return { ...truth, tasks: truth.tasks.map((t) => ({ ...t, key: text.includes(t.key) ? t.key : VARIANTS[variant](t.key) })) };
}

/** the labels of a page written again in traditional characters: keys, unit names, target subjects and measures */
function tradTruth(truth: Truth): Truth {
  const list = (xs?: string[]) => xs?.map(toTrad);
  return {
    ...truth,
    tasks: truth.tasks.map((t) => ({ ...t, key: toTrad(t.key), lead: list(t.lead), responsible: list(t.responsible), cooperating: list(t.cooperating) })),
    targets: truth.targets.map((x) => ({ ...x, subject: toTrad(x.subject), unit: x.unit == null ? x.unit : toTrad(x.unit) })),
  } as Truth;
}
