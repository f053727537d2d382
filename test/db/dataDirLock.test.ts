// One process per embedded data directory: a second process is refused with DB_IN_USE while the first holds it,
// and the directory stays whole; a lock left by a process that is gone is taken over.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { openDb } from '../../server/db/client.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dirs: string[] = [];
const fresh = () => {
  const d = mkdtempSync(path.join(tmpdir(), 'luoshi-lock-'));
  dirs.push(d);
  return d;
};
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** another process holding the directory open, as a running server does */
async function holder(dir: string): Promise<ChildProcess> {
  const script = path.join(fresh(), 'hold.mts');
  writeFileSync(
    script,
    `const { openDb } = await import(${JSON.stringify(path.join(root, 'server/db/client.ts'))});\nawait openDb(${JSON.stringify(dir)}, { migrate: false });\nconsole.log('open');\nsetInterval(() => {}, 1000);\n`,
  );
  const child = spawn(process.execPath, ['--import', 'tsx', script], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (b: Buffer) => b.toString().includes('open') && resolve());
    child.on('exit', (code) => reject(new Error(`holder exited ${code}`)));
  });
  return child;
}

const count = async (dir: string) => {
  const h = await openDb(dir);
  try {
    const r = (await h.db.execute(sql`select count(*)::int as n from regions`)) as unknown as { rows: { n: number }[] };
    return r.rows[0].n;
  } finally {
    await h.close();
  }
};

describe('the embedded data directory is held by one process', () => {
  it('refuses a second process with DB_IN_USE while the first holds it, and the data stays readable after', async () => {
    const dir = fresh();
    const first = await openDb(dir);
    await first.db.execute(sql`insert into regions (name, level) values ('测试区', 'district')`);
    await first.close();

    const child = await holder(dir);
    try {
      await expect(openDb(dir)).rejects.toMatchObject({ code: 'DB_IN_USE', message: expect.stringMatching(/正被另一个进程/) });
    } finally {
      child.kill('SIGKILL');
      await new Promise((r) => child.once('exit', r));
    }
    // the holder was killed without closing: its lock is stale and taken over, the rows are there
    expect(await count(dir)).toBe(1);
  }, 120_000);

  it('lets the same process open the directory again after closing it', async () => {
    const dir = fresh();
    await (await openDb(dir)).close();
    expect(await count(dir)).toBe(0);
    expect(await count(dir)).toBe(0);
  }, 120_000);
});
