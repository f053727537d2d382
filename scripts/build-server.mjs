// Compiles server/ and shared/ to JavaScript in dist/server-build (one .js per .ts, same layout), with the
// files the code reads beside it (unit registry, migrations, password list, the worker entry). The CLI,
// the server and the parse workers then start from plain JavaScript instead of compiling at run time.
// A stamp records the build; bin/fresh-build.mjs says whether it is newer than every source.
import { build } from 'esbuild';
import { cpSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const out = join(root, 'dist/server-build');

function walk(dir, keep, acc = []) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) walk(p, keep, acc);
    else if (keep(p)) acc.push(p);
  }
  return acc;
}

rmSync(out, { recursive: true, force: true });
const sources = ['server', 'shared'].flatMap((d) => walk(join(root, d), (p) => p.endsWith('.ts') && !p.endsWith('.d.ts')));
await build({
  entryPoints: sources,
  outdir: out,
  outbase: root,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  supported: { 'import-attributes': true },
  sourcemap: 'linked',
  logLevel: 'warning',
});
// everything that is not TypeScript is data the code reads relative to itself
for (const p of ['server', 'shared'].flatMap((d) => walk(join(root, d), (f) => !f.endsWith('.ts')))) {
  const dest = join(out, relative(root, p));
  mkdirSync(join(dest, '..'), { recursive: true });
  cpSync(p, dest);
}
writeFileSync(join(out, '.stamp'), new Date().toISOString());
console.log(`构建完成: ${sources.length} 个源文件 → ${relative(root, out)} (${statSync(join(out, '.stamp')).mtime.toISOString()})`);
