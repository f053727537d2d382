// Checks the hand-labelled real pages (test/parser/fixtures/real): every NAME.txt has a NAME.truth.json with
// an address, each task key occurs exactly once in the text, targets are well formed, no address is used twice,
// and no page is one of the product owner's hidden evaluation pages (../shared/tools/excluded.mjs).
// Run: npx tsx bench/checkTruth.ts [DIR]. Exit 1 on any problem.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dir = resolve(process.argv[2] ?? join(root, 'test/parser/fixtures/real'));
const excluded = resolve(root, '../shared/tools/excluded.mjs');
const COMPARATORS = new Set(['=', '>=', '<=', '>', '<', 'range', 'approx']);
const problems: string[] = [];
const urls = new Map<string, string>();
let pages = 0;
let tasks = 0;
let targets = 0;

for (const f of readdirSync(dir).filter((f) => f.endsWith('.txt')).sort()) {
  const name = f.replace(/\.txt$/, '');
  const text = readFileSync(join(dir, f), 'utf8');
  const truthFile = join(dir, `${name}.truth.json`);
  if (!existsSync(truthFile)) {
    problems.push(`${name}: no truth file`);
    continue;
  }
  let truth: Record<string, unknown>;
  try {
    truth = JSON.parse(readFileSync(truthFile, 'utf8'));
  } catch (e) {
    problems.push(`${name}: truth is not JSON (${(e as Error).message})`);
    continue;
  }
  pages++;
  const url = String(truth.url ?? '');
  if (!/^https?:\/\//.test(url)) problems.push(`${name}: no url`);
  if (urls.has(url)) problems.push(`${name}: same url as ${urls.get(url)}`);
  urls.set(url, name);
  for (const k of ['city', 'kind', 'layout', 'batch']) if (typeof truth[k] !== 'string' || !truth[k]) problems.push(`${name}: no ${k}`);
  for (const t of (truth.tasks as Record<string, unknown>[]) ?? []) {
    tasks++;
    const key = String(t.key ?? '');
    const n = key ? text.split(key).length - 1 : 0;
    if (n !== 1) problems.push(`${name}: key “${key}” occurs ${n} times`);
    for (const r of ['lead', 'responsible', 'cooperating', 'leaders'])
      if (t[r] !== undefined && !(Array.isArray(t[r]) && (t[r] as unknown[]).every((u) => typeof u === 'string' && u.trim())))
        problems.push(`${name}: [${key}] ${r} must be a list of names`);
    if (!['lead', 'responsible', 'cooperating'].some((r) => (t[r] as unknown[] | undefined)?.length)) problems.push(`${name}: [${key}] names no unit`);
    if (t.deadline !== undefined && !/^\d{4}-\d{2}(-\d{2})?$/.test(String(t.deadline))) problems.push(`${name}: [${key}] deadline ${t.deadline}`);
  }
  for (const g of (truth.targets as Record<string, unknown>[]) ?? []) {
    targets++;
    const where = `${name}: target ${g.subject}`;
    if (typeof g.value !== 'number') problems.push(`${where}: value`);
    if (!COMPARATORS.has(String(g.comparator))) problems.push(`${where}: comparator ${g.comparator}`);
    if (g.comparator === 'range' && typeof g.valueMax !== 'number') problems.push(`${where}: range without valueMax`);
    if (!(g.unit === null || typeof g.unit === 'string')) problems.push(`${where}: unit`);
    if (!(g.year === null || Number.isInteger(g.year))) problems.push(`${where}: year`);
  }
  try {
    execFileSync('node', [excluded, '--url', url, '--file', join(dir, f)], { stdio: 'pipe' });
  } catch {
    problems.push(`${name}: EXCLUDED — a hidden evaluation page; delete it`);
  }
}
console.log(`${pages} pages, ${tasks} tasks, ${targets} targets`);
for (const p of problems) console.log(`- ${p}`);
process.exit(problems.length ? 1 : 0);
