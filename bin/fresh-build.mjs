// Whether the compiled server (dist/server-build, made by scripts/build-server.mjs) is newer than every
// source file: then the CLI and the parse workers run it; otherwise they fall back to compiling the
// TypeScript at run time, which is correct but slow to start.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
export const buildDir = join(root, 'dist/server-build');

function newest(dir) {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

export function freshBuild() {
  let stamp;
  try {
    stamp = statSync(join(buildDir, '.stamp')).mtimeMs;
  } catch {
    return null;
  }
  return newest(join(root, 'server')) <= stamp && newest(join(root, 'shared')) <= stamp ? buildDir : null;
}
