// What one database test file pays before its first test (issue #12): a fresh database migrated from 0000 (the
// suite before test/helpers/dbTemplate.ts) against a clone of the schema migrated once per run (after it), on PGlite
// and, when LUOSHI_TEST_PG_URL (or the default) answers, on the PostgreSQL server. Wall time per file, median of N.
//   npx tsx bench/testDb.bench.ts [N=5]
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';
import { openDb } from '../server/db/client.js';
import { PG_ADMIN_URL } from '../test/helpers/db.js';

const N = Number(process.argv[2] ?? 5);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
async function timed(label: string, once: () => Promise<void>) {
  const ms: number[] = [];
  for (let i = 0; i < N; i++) {
    const t0 = performance.now();
    await once();
    ms.push(performance.now() - t0);
  }
  console.log(
    `${label.padEnd(44)} median ${(median(ms) / 1000).toFixed(2)} s  (min ${(Math.min(...ms) / 1000).toFixed(2)}, max ${(Math.max(...ms) / 1000).toFixed(2)})`,
  );
  return median(ms);
}

const dbFiles = ['test/api', 'test/db'].flatMap((d) => readdirSync(d).filter((f) => f.endsWith('.test.ts'))).length;
console.log(
  `load average ${loadavg()
    .map((x) => x.toFixed(1))
    .join(' ')}; ${N} runs each; ${dbFiles} database test files`,
);

// PGlite: migrate in memory per file, against a copy of a migrated data directory
const root = mkdtempSync(path.join(existsSync('/dev/shm') ? '/dev/shm' : tmpdir(), 'luoshi-bench-'));
const dir = path.join(root, 'template');
{
  const mem = await openDb('memory://');
  const tar = await (mem.db as unknown as { $client: PGlite }).$client.dumpDataDir('none');
  await mem.close();
  const out = new PGlite(dir, { loadDataDir: tar });
  await out.waitReady;
  await out.close();
}
const liteBefore = await timed('pglite: migrate a fresh database', async () => {
  const h = await openDb('memory://');
  await h.close();
});
const liteAfter = await timed('pglite: copy the migrated data directory', async () => {
  const d = mkdtempSync(path.join(root, 'db-'));
  cpSync(dir, d, { recursive: true });
  const h = await openDb(d, { migrate: false });
  await h.close();
  rmSync(d, { recursive: true, force: true });
});
rmSync(root, { recursive: true, force: true });
console.log(
  `pglite: ${dbFiles} files × ${((liteBefore - liteAfter) / 1000).toFixed(2)} s = ${((dbFiles * (liteBefore - liteAfter)) / 1000).toFixed(0)} s less per run`,
);

// PostgreSQL: create + migrate per file, against CREATE DATABASE … TEMPLATE
const admin = async (q: string) => {
  const c = new pg.Client({ connectionString: PG_ADMIN_URL });
  await c.connect();
  try {
    await c.query(q);
  } finally {
    await c.end();
  }
};
const urlOf = (name: string) => PG_ADMIN_URL.replace(/\/[^/]*$/, `/${name}`);
let reachable = true;
await admin('select 1').catch(() => (reachable = false));
if (reachable) {
  const tpl = `luoshi_bench_tpl_${randomBytes(4).toString('hex')}`;
  await admin(`create database ${tpl}`);
  await (await openDb(urlOf(tpl))).close();
  const pgBefore = await timed('pg: create and migrate a database', async () => {
    const name = `luoshi_bench_${randomBytes(4).toString('hex')}`;
    await admin(`create database ${name}`);
    await (await openDb(urlOf(name))).close();
    await admin(`drop database ${name} with (force)`);
  });
  const pgAfter = await timed('pg: create database … template', async () => {
    const name = `luoshi_bench_${randomBytes(4).toString('hex')}`;
    await admin(`create database ${name} template ${tpl}`);
    await (await openDb(urlOf(name), { migrate: false })).close();
    await admin(`drop database ${name} with (force)`);
  });
  await admin(`drop database ${tpl} with (force)`);
  console.log(`pg: ${dbFiles} files × ${((pgBefore - pgAfter) / 1000).toFixed(2)} s = ${((dbFiles * (pgBefore - pgAfter)) / 1000).toFixed(0)} s less per run`);
} else {
  console.log(`pg: ${PG_ADMIN_URL} not reachable, skipped`);
}
