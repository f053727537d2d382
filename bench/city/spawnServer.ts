// Starts bench/city/server.ts (or another checkout's copy, for a before/after pair) as its own process, as
// bench/city.bench.ts and bench/surge.bench.ts run it: node with tsx, the checkout's root as its directory,
// DATABASE_URL = the bench database, no scheduler (LUOSHI_JOBS=0; LUOSHI_DB_POOL and the rest of the environment passed
// through). Resolves with the process and its port once it prints "listening <port>".
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';

export async function spawnBenchServer(serverScript: string, dbUrl: string, nodeArgs: string[] = []): Promise<{ server: ChildProcess; port: number }> {
  const server = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', serverScript], {
    cwd: path.resolve(path.dirname(serverScript), '../..'),
    env: { ...process.env, DATABASE_URL: dbUrl, LUOSHI_JOBS: '0' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    createInterface({ input: server.stdout! }).on('line', (l) => {
      // with node options (a trace, a profile) its other output is shown
      if (nodeArgs.length) console.error(`[server] ${l}`);
      const m = /^listening (\d+)/.exec(l);
      if (m) resolve(Number(m[1]));
    });
    server.on('exit', (c) => reject(new Error(`server exited ${c}`)));
  });
  return { server, port };
}
