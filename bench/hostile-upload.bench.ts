// Issue #10: while hostile files are uploaded back to back, do other requests keep their p99 under 100 ms?
// Starts the demo server as its own process (compiled build, embedded database in memory), measures the p99
// of GET /api/plans and /api/auth/me with N concurrent clients: first alone (the floor), then while a second
// client uploads each hostile file in turn. The uploader runs in a worker thread of its own, so that building
// 20 MB request bodies never delays the readers' own event loop (which would count as server latency).
// Run: npx tsx bench/hostile-upload.bench.ts [seconds] [concurrency]
// (build first: node scripts/build-server.mjs, else the server compiles TypeScript at run time).
// BENCH_LOOP=1 also prints the server main thread's event-loop delay per phase (bench/loop-monitor.mjs);
// BENCH_CPU_PROF=<dir> writes the server's CPU profiles (main thread and workers) there at exit.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { Worker } from 'node:worker_threads';
import { expandingDocx, hugeSheet, manyPagePdf } from '../test/helpers/hostileFiles.js';

const seconds = Number(process.argv[2] ?? 15);
const concurrency = Number(process.argv[3] ?? 8);
const port = 3900 + Math.floor(Math.random() * 90);
const base = `http://127.0.0.1:${port}`;

const loop = process.env.BENCH_LOOP === '1';
const nodeArgs = [
  ...(loop ? ['--import', './bench/loop-monitor.mjs'] : []),
  ...(process.env.BENCH_CPU_PROF ? ['--cpu-prof', '--cpu-prof-dir', process.env.BENCH_CPU_PROF] : []),
];
const server = spawn(process.execPath, [...nodeArgs, 'bin/luoshi.js', 'demo', '--port', String(port)], { env: { ...process.env, LUOSHI_DEMO_DB: 'memory://', LUOSHI_JOBS: '0' }, stdio: ['ignore', 'pipe', 'inherit'] });
await new Promise<void>((resolve, reject) => {
  server.stdout!.on('data', (b: Buffer) => b.toString().includes('演示已启动') && resolve());
  server.on('exit', (c) => reject(new Error(`server exited ${c}`)));
});
try {
  const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'yc_office', password: 'luoshi2026' }) });
  const cookie = login.headers.get('set-cookie')!.split(';')[0];
  const csrf = ((await login.json()) as { csrfToken: string }).csrfToken;

  // BENCH_FILES=a.txt,b.docx uploads those files instead (accepted documents: what storing a real plan costs)
  const chosen = process.env.BENCH_FILES?.split(',').filter(Boolean);
  const hostile: [string, Buffer][] = chosen
    // each upload a distinct copy (one line appended), else the server answers a repeat from the stored import
    ? Array.from({ length: 40 }, (_, i) => chosen.map((p): [string, Buffer] => [`${i}-${basename(p)}`, Buffer.concat([readFileSync(p), Buffer.from(`\n副本${i}\n`)])])).flat()
    : [
    ['bomb.docx', expandingDocx(70)],
    ['liar.docx', expandingDocx(48, { lie: true })],
    ['long.pdf', manyPagePdf(2200)],
    ['long.txt', Buffer.from('推进城市更新。'.repeat(900_000))],
    ['huge.xlsx', await hugeSheet(100_000)],
  ];

  /** uploads the hostile files in turn until `end`, from a worker thread; resolves with each upload's outcome */
  function upload(end: number): Promise<string[]> {
    const files = hostile.map(([name, bytes]) => [name, new Uint8Array(bytes)] as const);
    const code = `
      const { parentPort, workerData: { base, cookie, csrf, files, end } } = require('node:worker_threads');
      (async () => {
        const outcomes = [];
        for (let i = 0; Date.now() < end; i++) {
          const [name, bytes] = files[i % files.length];
          const form = new FormData();
          form.append('file', new Blob([bytes]), name);
          const t0 = performance.now();
          const res = await fetch(base + '/api/imports', { method: 'POST', headers: { cookie, 'x-csrf-token': csrf }, body: form });
          const body = await res.json();
          outcomes.push(name + ' ' + res.status + ' ' + (body.error?.code ?? '') + ' ' + Math.round(performance.now() - t0) + ' ms');
        }
        parentPort.postMessage(outcomes);
      })();`;
    const w = new Worker(code, { eval: true, workerData: { base, cookie, csrf, files, end } });
    return new Promise((resolve, reject) => {
      w.once('message', (o: string[]) => resolve(o));
      w.once('error', reject);
    });
  }

  async function measure(withHostile: boolean) {
    const lat: number[] = [];
    let errors = 0;
    const outcomes: string[] = [];
    const end = Date.now() + seconds * 1000;
    const uploader = withHostile ? upload(end).then((o) => outcomes.push(...o)) : Promise.resolve();
    await Promise.all([
      uploader,
      ...Array.from({ length: concurrency }, async (_, k) => {
        const path = k % 2 ? '/api/plans' : '/api/auth/me';
        while (Date.now() < end) {
          const t0 = performance.now();
          const res = await fetch(base + path, { headers: { cookie } });
          await res.arrayBuffer();
          lat.push(performance.now() - t0);
          if (!res.ok) errors++;
        }
      }),
    ]);
    if (loop) {
      process.stderr.write(`${withHostile ? 'hostile' : 'floor'}: `);
      server.kill('SIGUSR2');
      await new Promise((r) => setTimeout(r, 200));
    }
    lat.sort((a, b) => a - b);
    return { n: lat.length, p50: lat[Math.floor(lat.length / 2)], p99: lat[Math.floor(lat.length * 0.99)], max: lat.at(-1)!, errors, outcomes };
  }

  // warm-up (the server has just seeded the demo; its code is not yet compiled hot), not measured
  await Promise.all(Array.from({ length: concurrency }, async () => {
    for (const end = Date.now() + 3000; Date.now() < end; ) await (await fetch(`${base}/api/plans`, { headers: { cookie } })).arrayBuffer();
  }));
  if (loop) {
    process.stderr.write('start-up and warm-up: ');
    server.kill('SIGUSR2');
    await new Promise((r) => setTimeout(r, 200));
  }
  const floor = await measure(false);
  const loaded = await measure(true);
  const f = (x: number) => x.toFixed(1);
  console.log(`| run | requests | p50 ms | p99 ms | max ms | errors |\n|---|---:|---:|---:|---:|---:|`);
  console.log(`| floor: reads alone | ${floor.n} | ${f(floor.p50)} | ${f(floor.p99)} | ${f(floor.max)} | ${floor.errors} |`);
  console.log(`| reads during hostile uploads | ${loaded.n} | ${f(loaded.p50)} | ${f(loaded.p99)} | ${f(loaded.max)} | ${loaded.errors} |`);
  console.log(`\np99 ratio to floor: ${(loaded.p99 / floor.p99).toFixed(2)}×; ${seconds}s each, ${concurrency} concurrent readers, node ${process.version}`);
  console.log('uploads:', loaded.outcomes.join('; '));
} finally {
  server.kill('SIGTERM');
  await new Promise((r) => server.once('exit', r));
}
