// Preload for bench/hostile-upload.bench.ts (BENCH_LOOP=1): the server main thread's event-loop delay and its
// stalls (gaps > 30 ms in a 5 ms timer); SIGUSR2 prints them to stderr and starts over.
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { isMainThread } from 'node:worker_threads';
if (isMainThread) {
  const h = monitorEventLoopDelay({ resolution: 5 });
  h.enable();
  let stalls = [];
  let last = performance.now();
  const t = setInterval(() => {
    const now = performance.now();
    const gap = now - last - 5;
    if (gap > 30) stalls.push(Math.round(gap));
    last = now;
  }, 5);
  t.unref();
  process.on('SIGUSR2', () => {
    const ms = (x) => (x / 1e6).toFixed(1);
    process.stderr.write(`[loop] p50 ${ms(h.percentile(50))} p99 ${ms(h.percentile(99))} max ${ms(h.max)} stalls>30ms: ${stalls.length} top ${stalls.sort((a, b) => b - a).slice(0, 15).join(',')}\n`);
    h.reset();
    stalls = [];
  });
}
