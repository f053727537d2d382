// A statement of the app's run while another connection changes a row (PostgreSQL): the tests of the status row's
// compare-and-set (phases 13–14) make the change land right before the statement that writes the row.
import pg from 'pg';
import { vi } from 'vitest';

/**
 * Spies on pg's queries: right before the app's first statement whose name starts with `prefix`, `other` runs `change`
 * (with `params`) in a transaction, committed before that statement runs (`commitFirst`) or 300 ms after it was sent (the
 * statement waits for the row the transaction holds). `seen`: the names of the app's statements, their generation suffix
 * dropped; `changed()`: whether the change ran. Undone by vi.restoreAllMocks().
 */
export function changeBefore(other: pg.Client, prefix: string, change: string, params: unknown[], commitFirst: boolean): { seen: string[]; changed: () => boolean } {
  const seen: string[] = [];
  let changed = false;
  const query = pg.Client.prototype.query;
  vi.spyOn(pg.Client.prototype, 'query').mockImplementation(function (this: pg.Client, ...a: unknown[]) {
    const c = a[0] as string | { name?: string };
    const name = typeof c === 'string' ? c : (c.name ?? '');
    if (this !== other) seen.push(name.replace(/_\d+$/, ''));
    const run = () => (query as (...x: unknown[]) => unknown).apply(this, a);
    if (changed || this === other || !name.startsWith(prefix)) return run();
    changed = true;
    const go = async () => {
      await other.query('begin');
      await other.query(change, params);
      if (commitFirst) await other.query('commit');
      else setTimeout(() => void other.query('commit'), 300);
    };
    return go().then(run);
  } as never);
  return { seen, changed: () => changed };
}
