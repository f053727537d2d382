// Parse time of the largest corpus document against jieba segmenting the same text:
// the parser must stay within ~2x of a plain segmentation pass.
// Run: npx tsx bench/parse.bench.ts [runs] [--source]. The ratio comes from alternating runs in one process;
// each side also runs alone in a child process so its peak RSS is its own.
// The parser timed is the compiled build (dist/server-build, built first when stale): what `luoshi parse`, the
// server and its parse workers run. --source times the TypeScript as tsx compiles it instead, which is slower
// (esbuild's keep-names wrapper runs each time a nested function is made).
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';

const FILE = '/work/shared/corpus/004_daddf72c7a72a405.txt';
const WARMUP = 2;

interface Result {
  label: string;
  runs: number;
  medianMs: number;
  minMs: number;
  peakRssMb: number;
  baseRssMb: number;
  output: string;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

async function subject(mode: string): Promise<{ label: string; run: (text: string) => string }> {
  if (mode === 'jieba') {
    const { Jieba } = await import('@node-rs/jieba');
    const { dict } = await import('@node-rs/jieba/dict.js');
    const jieba = Jieba.withDict(dict);
    return { label: 'jieba Jieba.withDict(dict).cut(text)', run: (t) => `${jieba.cut(t).length} words` };
  }
  try {
    const fromSource = process.argv.includes('--source');
    const { parseText } = (await import(
      fromSource ? '../server/parser/index.js' : pathToFileURL(`${await compiledBuild()}/server/parser/index.js`).href
    )) as typeof import('../server/parser/index.js');
    return {
      label: fromSource ? 'parseText (server/parser/index.ts through tsx)' : 'parseText (compiled, dist/server-build)',
      run: (t) => {
        const p = parseText(t);
        return `${p.outline.length} outline, ${p.tasks.length} tasks, ${p.indicators.length} indicators, ${p.targets.length} targets, ${p.projects.length} projects`;
      },
    };
  } catch (e) {
    // other stages not in place yet: time normalize plus the quantitative stages
    const { normalize } = await import('../server/parser/normalize.js');
    const { extractIndicators } = await import('../server/parser/indicators.js');
    const { extractTargets } = await import('../server/parser/targets.js');
    const { extractProjects } = await import('../server/parser/projects.js');
    return {
      label: `normalize + indicators/targets/projects (parseText unavailable: ${String((e as Error).message).slice(0, 60)})`,
      run: (t) => {
        const ctx = { doc: normalize(t), registry: [], warnings: [], region: null };
        const i = extractIndicators(ctx).length;
        return `${i} indicators, ${extractTargets(ctx, []).length} targets, ${extractProjects(ctx, []).length} projects`;
      },
    };
  }
}

/** the compiled server, built now when a source is newer than it */
async function compiledBuild(): Promise<string> {
  // @ts-expect-error plain JavaScript module without types
  const { freshBuild } = (await import('../bin/fresh-build.mjs')) as { freshBuild: () => string | null };
  const fresh = freshBuild();
  if (fresh) return fresh;
  execFileSync(process.execPath, [fileURLToPath(new URL('../scripts/build-server.mjs', import.meta.url))], { stdio: ['ignore', 'ignore', 'inherit'] });
  return freshBuild()!;
}

async function child(mode: string, runs: number) {
  const text = readFileSync(FILE, 'utf8');
  const baseRssMb = process.memoryUsage().rss / 2 ** 20;
  const s = await subject(mode);
  let output = '';
  for (let i = 0; i < WARMUP; i++) output = s.run(text);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    s.run(text);
    times.push(performance.now() - t0);
  }
  const r: Result = {
    label: s.label,
    runs,
    medianMs: median(times),
    minMs: Math.min(...times),
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    baseRssMb,
    output,
  };
  process.stdout.write(JSON.stringify(r));
}

function runChild(mode: string, runs: number): Result {
  const script = fileURLToPath(import.meta.url);
  const flags = process.argv.includes('--source') ? ['--source'] : [];
  const res = spawnSync(process.execPath, [...process.execArgv, script, '--child', mode, String(runs), ...flags], { encoding: 'utf8' });
  if (res.status !== 0) throw new Error(`${mode} bench failed: ${res.stderr}`);
  return JSON.parse(res.stdout.trim().split('\n').pop()!) as Result;
}

/** both sides timed in one process, alternating, so load on the machine hits them alike */
async function interleaved(runs: number) {
  const text = readFileSync(FILE, 'utf8');
  const sides = [await subject('parse'), await subject('jieba')];
  for (let i = 0; i < WARMUP; i++) for (const s of sides) s.run(text);
  const times: number[][] = [[], []];
  for (let i = 0; i < runs; i++)
    sides.forEach((s, k) => {
      const t0 = performance.now();
      s.run(text);
      times[k].push(performance.now() - t0);
    });
  return times.map((t) => ({ medianMs: median(t), minMs: Math.min(...t) }));
}

async function main() {
  const args = process.argv.slice(2);
  if (args[0] === '--child') return child(args[1], Number(args[2]));
  const runs = Number(args.find((a) => /^\d+$/.test(a)) ?? process.env.BENCH_RUNS ?? 15);
  const chars = readFileSync(FILE, 'utf8').length;
  // peak RSS needs a process per side; their timings are kept for reference
  const rows = [runChild('parse', runs), runChild('jieba', runs)];
  const same = await interleaved(runs);
  const ratio = same[0].medianMs / same[1].medianMs;
  console.log(`004 (${chars} chars, ${(Buffer.byteLength(readFileSync(FILE)) / 1024).toFixed(0)} KB), median of ${runs} runs after ${WARMUP} warm-up\n`);
  console.log('| what | median ms (alternating) | min ms | median ms (own process) | peak RSS MB (own process) | RSS at start MB | result |');
  console.log('|---|---:|---:|---:|---:|---:|---|');
  rows.forEach((r, k) =>
    console.log(
      `| ${r.label} | ${same[k].medianMs.toFixed(1)} | ${same[k].minMs.toFixed(1)} | ${r.medianMs.toFixed(1)} | ${r.peakRssMb.toFixed(0)} | ${r.baseRssMb.toFixed(0)} | ${r.output} |`,
    ),
  );
  console.log(`\nparse / jieba, median of alternating runs: ${ratio.toFixed(2)}x (budget 2x); min: ${(same[0].minMs / same[1].minMs).toFixed(2)}x`);
}

await main();
