// Runs the reminder job on an interval inside `luoshi serve`. Runs never overlap within one
// instance; across instances the job's own claims keep every reminder single.
import type { Db } from '../db/client.js';
import { runReminders } from './reminders.js';
import { refreshStatusRows } from './statusRows.js';
import { closeMail } from '../delivery/channels.js';

export function startScheduler(db: Db, opts: { intervalMs?: number; log?: (s: string) => void } = {}): () => void {
  if (process.env.LUOSHI_JOBS === '0') return () => {};
  const intervalMs = opts.intervalMs ?? Number(process.env.LUOSHI_JOB_INTERVAL_MS ?? 5 * 60_000);
  const log = opts.log ?? ((s: string) => console.error(s));
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      await runReminders(db, new Date());
    } catch (err) {
      log(`提醒任务失败:${err instanceof Error ? err.message : String(err)}`);
    }
    try {
      // statuses move with the calendar: yesterday's rows recomputed for today (jobs/statusRows.ts)
      await refreshStatusRows(db, new Date());
    } catch (err) {
      log(`任务状态刷新失败:${err instanceof Error ? err.message : String(err)}`);
    } finally {
      running = false;
    }
  };
  const first = setTimeout(tick, 5_000);
  const timer = setInterval(tick, intervalMs);
  first.unref();
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
    closeMail();
  };
}
