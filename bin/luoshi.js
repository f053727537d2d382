#!/usr/bin/env node
// Runs the compiled CLI (dist/server-build) when it is current; otherwise the TypeScript sources through tsx.
import { freshBuild } from './fresh-build.mjs';

const built = freshBuild();
if (built) {
  await import(`${built}/server/cli/main.js`);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../server/cli/main.ts');
}
