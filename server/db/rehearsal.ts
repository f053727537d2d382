// A rehearsal (issue #15, phase 11): real code run for what running it leaves in the process and on the connections —
// V8's compiled code, the statements prepared and planned, the triggers' functions compiled — and for nothing it
// writes. Every transaction begun on a database handle inside `rehearsal(fn)` is rolled back when its function has
// run, and answers what that function returned, as if it had committed: nothing is stored, no audit row is left, no
// change notification is sent (db/changeClock.ts sends none after a rollback). The start's warm-up (http/warmUp.ts)
// runs a report's submission through the HTTP route this way before the server listens.
//
// Only code of this process can begin a rehearsal (an AsyncLocalStorage context, never set from a request); a write
// made on the handle outside a transaction inside one is not rolled back — the route rehearsed writes only in its
// transaction.
import { AsyncLocalStorage } from 'node:async_hooks';

const rehearsing = new AsyncLocalStorage<true>();

/** Runs fn with every transaction begun on a database handle inside it rolled back at its end (see above). */
export function rehearsal<T>(fn: () => PromiseLike<T>): Promise<T> {
  // awaited inside: a lazy thenable (light-my-request's, which app.inject gives) starts its work when `then` is called,
  // and must be started in the rehearsal's context
  return rehearsing.run(true, async () => await fn());
}

/** thrown at the end of a rehearsed transaction's function, to roll it back */
class RolledBack extends Error {}

/**
 * Makes a handle's transactions roll back inside a rehearsal (db/client.ts, both drivers); outside one they run as
 * before, for the cost of one AsyncLocalStorage lookup.
 */
export function rollBackInRehearsal(db: { transaction: (...a: never[]) => Promise<unknown> }): void {
  const transaction = db.transaction.bind(db) as (fn: (tx: object) => Promise<unknown>, config?: unknown) => Promise<unknown>;
  (db as { transaction: unknown }).transaction = async (fn: (tx: object) => Promise<unknown>, config?: unknown) => {
    if (rehearsing.getStore() !== true) return transaction(fn, config);
    let out: unknown;
    const end = new RolledBack();
    try {
      await transaction(async (tx) => {
        out = await fn(tx);
        throw end;
      }, config);
    } catch (e) {
      if (e !== end) throw e;
    }
    return out;
  };
}
