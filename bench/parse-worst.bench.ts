// Worst case on 200 KB: the corpus concatenated, then mutated (cut, shuffled lines, duplicated markers,
// stray punctuation) with a fixed seed; reports median and maximum parse time over N inputs.
// Run: npx tsx bench/parse-worst.bench.ts [N]
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseText } from '../server/parser/index.js';

const n = Number(process.argv[2] ?? 20);
const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../shared/corpus');
const docs = readdirSync(dir).filter((f) => f.endsWith('.txt')).map((f) => readFileSync(path.join(dir, f), 'utf8'));
let seed = 20261122;
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const noise = ['(', ')', ';', '\n', '、', '牵头单位:', '责任单位:', '一、', '(一)', '1.', '%', '【', '】', '*', '\t', '|'];

function mutate(base: string): string {
  const lines = base.split('\n');
  for (let i = 0; i < lines.length / 10; i++) {
    const a = Math.floor(rand() * lines.length);
    const b = Math.floor(rand() * lines.length);
    [lines[a], lines[b]] = [lines[b], lines[a]];
  }
  let s = lines.join('\n');
  const out: string[] = [];
  for (let i = 0; i < s.length; i += 200) out.push(s.slice(i, i + 200), rand() < 0.3 ? noise[Math.floor(rand() * noise.length)] : '');
  s = out.join('');
  return s.slice(0, 200_000);
}

let base = '';
for (let k = 0; base.length < 200_000; k++) base += docs[k % docs.length];
parseText(base); // warm-up
const times: number[] = [];
for (let i = 0; i < n; i++) {
  const input = i === 0 ? base.slice(0, 200_000) : mutate(base);
  const t0 = performance.now();
  parseText(input);
  times.push(performance.now() - t0);
}
times.sort((a, b) => a - b);
console.log(`200 KB inputs: ${n} (corpus + seeded mutations); median ${times[Math.floor(n / 2)].toFixed(0)} ms, max ${times[n - 1].toFixed(0)} ms (bar: 1000 ms)`);
