// Piscina's entry for a parse worker. The compiled build has jobs.js beside this file; from the
// TypeScript sources (tests, `tsx`) the worker registers tsx's loader first, since a worker thread
// does not inherit the parent's in-process module hooks.
import { existsSync } from 'node:fs';
import { setPriority } from 'node:os';
import { fileURLToPath } from 'node:url';
import { workerData } from 'piscina';

// Linux gives each thread its own nice value, so this lowers only this parse thread's CPU priority (elsewhere
// it would lower the whole process: left alone). pool.ts explains why.
if (process.platform === 'linux' && workerData?.nice > 0) {
  try {
    setPriority(0, workerData.nice);
  } catch {
    // not permitted: the thread keeps the server's priority
  }
}

let jobs;
async function load() {
  const compiled = new URL('./jobs.js', import.meta.url);
  if (existsSync(fileURLToPath(compiled))) return import(compiled.href);
  // running from the sources (tests, tsx): the compiled build, when it is current, starts far faster
  const { freshBuild } = await import(new URL('../../../bin/fresh-build.mjs', import.meta.url).href);
  const built = freshBuild();
  if (built) return import(`${built}/server/parser/worker/jobs.js`);
  const { register } = await import('tsx/esm/api');
  register();
  return import(new URL('./jobs.ts', import.meta.url).href);
}

export default async function run(job) {
  jobs ??= await load();
  try {
    return { ok: true, value: await jobs.runJob(job) };
  } catch (e) {
    // AppError does not survive structured cloning as a class: send its code and details
    return { ok: false, code: e?.code ?? null, details: e?.details ?? null, message: String(e?.message ?? e).slice(0, 500) };
  }
}
