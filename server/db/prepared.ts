// Statements built once per process (issue #15, phase 9). drizzle builds a statement's text from its query objects on
// every call: on a report's submission that was ~28 % of the server's CPU warm (drizzle's `is`, `buildSelection`,
// `sql` in the CPU profile of the surge), and more cold — the building code is the largest code a request runs, so it
// is what ran slowly in the first hundreds of requests after a start. A statement made here is built once, with
// `sql.placeholder`s for its values, and run on the database handle or on any transaction of it.
//
// named (the default): on PostgreSQL a named prepared statement, parsed once per connection and, after a few runs,
// planned once (PostgreSQL's plan cache; prepared statements outlive a rolled-back transaction). For statements whose
// best plan depends on the size of an array value, `named: false`: built once, planned with the values each time.
// PGlite runs the same text with the values (it has no named statements).
import * as drizzleOrm from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import type { DbOrTx } from './client.js';

/** what drizzle's `.prepare(name)` gives, for both drivers */
export interface Runnable<R> {
  execute(values?: Record<string, unknown>): Promise<R>;
}

/** drizzle's session of a handle or a transaction, and its driver client (a pool, a pool's connection, PGlite or its transaction) */
interface Session {
  client: unknown;
}
const sessionOf = (db: DbOrTx): Session => (db as unknown as { _: { session: Session } })._.session;

/** names are per connection: a serial keeps one name to one text in the process */
let serial = 0;

/**
 * A statement built once (per driver) by `build` — with `sql.placeholder('x')` for each value and `.prepare(name)` at
 * the end — and run with the values on `db`, a handle or a transaction: `run(db, { x: 1 })`.
 */
export function preparedStatement<R>(label: string, build: (db: DbOrTx, name: string) => Runnable<R>, opts: { named?: boolean } = {}) {
  const name = opts.named === false ? undefined : `${label}_${serial++}`;
  // one per driver (the prepared query's class is the driver's), keyed by the session's class; kept without the
  // client it was built on (a closed handle is not held)
  const kept = new Map<unknown, Runnable<R> & { client: unknown }>();
  return (db: DbOrTx, values: Record<string, unknown> = {}): Promise<R> => {
    const session = sessionOf(db);
    let q = kept.get(session.constructor);
    if (!q) {
      q = build(db, name as string) as Runnable<R> & { client: unknown };
      q.client = null;
      kept.set(session.constructor, q);
    }
    // run on this handle's or transaction's connection: drizzle's prepared query runs its text on `this.client`
    const bound = Object.create(q) as typeof q;
    bound.client = session.client;
    return bound.execute(values);
  };
}

/** For `build`: a statement written as SQL (`db.execute`'s kind, which drizzle prepares only inside), prepared; it answers the driver's result. */
export function prepareSql(db: DbOrTx, query: SQL, name: string): Runnable<unknown> {
  const d = db as unknown as { dialect: { sqlToQuery(q: SQL): unknown }; session: { prepareQuery(q: unknown, fields: undefined, name: string, arrayMode: boolean): Runnable<unknown> } };
  return d.session.prepareQuery(d.dialect.sqlToQuery(query), undefined, name, false);
}

/** drizzle's own ordering of a selection's fields (what its builders hand to prepareQuery), exported by drizzle-orm untyped */
const orderSelectedFields = (drizzleOrm as unknown as { orderSelectedFields(fields: Record<string, unknown>): unknown[] }).orderSelectedFields;

/**
 * For `build`: a statement written as SQL whose rows are read as `fields` — a drizzle selection such as a table's
 * columns, each value decoded as its column's (dates, JSON). The statement must answer exactly those columns in that
 * order (`select * from` a CTE `returning` the table's columns, for instance): a statement drizzle cannot build, a
 * data-modifying CTE, read like one it built.
 */
export function prepareSqlAs<R>(db: DbOrTx, query: SQL, fields: Record<string, unknown>, name: string): Runnable<R[]> {
  const d = db as unknown as { dialect: { sqlToQuery(q: SQL): unknown }; session: { prepareQuery(q: unknown, fields: unknown[], name: string, arrayMode: boolean): Runnable<R[]> } };
  return d.session.prepareQuery(d.dialect.sqlToQuery(query), orderSelectedFields(fields), name, true);
}
