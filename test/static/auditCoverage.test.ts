// Every change writes an audit row in its own transaction: any server module that inserts, updates or deletes
// rows must call writeAudit (or write the row in its own statement through auditRowsFrom[Each]), unless it is listed here
// with the reason its writes are covered elsewhere.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../../server');
const covered: Record<string, string> = {
  'operations/notifyUnit.ts': 'in-app messages, written inside the transaction of the audited change that sends them',
  'jobs/deliver.ts': "the outbox's own bookkeeping (attempts, last error, sent time) of deliveries already audited when queued",
  'delivery/noticeDelivery.ts': 'queues deliveries inside the transaction of the audited notice issue or escalation',
  'queries/calendar.ts': 'materializes report periods computed from the plan settings the first time one is read (the settings change itself is audited)',
};
// pure code never touches the database
const pure = ['parser/', 'domain/'];

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));
}

describe('audit coverage', () => {
  it('every module that writes rows also writes an audit row, or says why not', () => {
    const writers = files(root)
      .map((f) => ({ rel: path.relative(root, f).split(path.sep).join('/'), src: readFileSync(f, 'utf8') }))
      .filter(({ rel }) => !pure.some((p) => rel.startsWith(p)))
      // a database write: tx.insert(t) / db.update(t), or a chain continued on its own line (".delete(t)");
      // hash.update(chunk) and map.delete(key) are no writes
      .filter(({ src }) => /\b(?:tx|db|trx)\s*\.\s*(?:insert|update|delete)\(\s*[a-zA-Z]/.test(src) || /^\s*\.(?:insert|update|delete)\(\s*[a-zA-Z]/m.test(src));
    expect(writers.length).toBeGreaterThan(20);
    // (audit.ts auditRowsFrom / auditRowsFromEach write the same audit rows inside the changing statement itself: a
    // data-modifying CTE)
    const audits = (src: string) => src.includes('writeAudit(') || src.includes('auditRowsFrom(') || src.includes('auditRowsFromEach(');
    const missing = writers.filter(({ rel, src }) => !audits(src) && !covered[rel]).map((w) => w.rel);
    expect(missing, 'these modules change rows without an audit row').toEqual([]);
    // a listed exception that no longer writes rows (or now audits) is stale
    for (const rel of Object.keys(covered)) {
      const w = writers.find((x) => x.rel === rel);
      if (w) expect(audits(w.src), `${rel} audits now: drop it from the list`).toBe(false);
    }
  });
});
