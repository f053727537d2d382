// Size of the web app: gzip of what index.html loads up front (entry + modulepreload), of each lazy chunk,
// and of everything. Run after `npx vite build`: npx tsx bench/bundle.bench.ts
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const dist = path.resolve('dist/app');
const html = readFileSync(path.join(dist, 'index.html'), 'utf8');
const upFront = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]);
const gz = (f: string) => gzipSync(readFileSync(path.join(dist, f)), { level: 9 }).length;
const all = readdirSync(path.join(dist, 'assets')).filter((f) => f.endsWith('.js')).map((f) => `assets/${f}`);
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const sizes = all.map((f) => ({ f, n: gz(f) })).sort((a, b) => b.n - a.n);
console.log(`up front (index.html): ${upFront.length} files, gzip ${kb(upFront.reduce((s, f) => s + gz(f), 0))}`);
console.log(`all JS: ${all.length} files, gzip ${kb(sizes.reduce((s, x) => s + x.n, 0))}; largest lazy chunks:`);
for (const { f, n } of sizes.slice(0, 6)) console.log(`  ${f} ${kb(n)}${upFront.includes(f) ? ' (up front)' : ''}`);
