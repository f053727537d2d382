// The repository root, found from this file wherever it runs from: the TypeScript sources (server/) or the
// compiled build (dist/server-build/server/). Paths to files outside the code (the corpus, docs/) start here.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

function findRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pkg = path.join(dir, 'package.json');
    if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'luoshi') return dir;
    const up = path.dirname(dir);
    if (up === dir) throw new Error('找不到项目根目录(package.json)');
    dir = up;
  }
}

export const repoRoot = findRoot();
