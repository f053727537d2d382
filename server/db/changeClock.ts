// The change clock (issue #15's answer cache, http/answerCache.ts): a per-process count of committed changes, so that a
// cached answer can be checked without a round trip to the database.
//
// Every change writes an audit row in its own transaction (house rule) and the audit table's statement trigger sends
// NOTIFY luoshi_change (migrations 0017, 0019; the route gate's inputs notify by their own triggers, 0018), which the
// database delivers after the commit. Each database handle keeps one clock: on PostgreSQL one dedicated connection
// LISTENs (opened when the HTTP app is built, or by the first request that asks) and each notification
// moves the count; on the embedded database (PGlite: one process, one connection) the notification comes with the
// answer to the committing statement, before the writer goes on. A transaction of this process moves the count itself
// as soon as it has ended (db/client.ts), so the writer's next request never waits for its own notification.
//
// A cached answer is kept under the count read BEFORE any of its statements ran: whatever the database had committed
// when that count was read — every change whose notification had arrived — is in the answer, so an entry holds data at
// least as new as its stamp. While the listening connection is not up (not yet opened, lost, reconnecting) the clock
// gives no stamp and callers read the database's stamp (db/changeStamp.ts) as before; when it is up again the count
// moves once, since notifications may have been missed in between (and once when it is lost).
//
// Per plan (migration 0019): each notification names the plans of its audit rows, so an answer about one plan (its
// task lists, status, dashboards, board) is kept under that plan's stamp — `stamp(planId)`: moved by a change of the
// plan or by one that names no plan ('*': a unit, a region, a row without a plan id) — and a report in one district does
// not drop another plan's answers. Answers that read more than one plan (a unit's own list, the plan list, coverage)
// are kept under `stamp()`, moved by every change. Audit rows of users and notifications (a login, a message read)
// name no plan and touch no cached answer: they move `stamp()` only ('.').
import pg from 'pg';

export const CHANGE_CHANNEL = 'luoshi_change';

/**
 * What an audit row tells the clock (the trigger of migration 0019 says the same in SQL): its plan, '.' for a user's or
 * a notification's row without one (no cached answer about a plan reads them), '*' for any other row without one.
 */
export function changeToken(planId: number | null | undefined, entityType: string): string {
  if (planId != null) return String(planId);
  return entityType === 'user' || entityType === 'notification' ? '.' : '*';
}

export interface ChangeClock {
  /**
   * The stamp to keep an answer under, read before any of its statements: with `planId`, an answer about that plan
   * alone ('p<everything>.<plan>'); without, any answer ('g<count>'). Null while notifications are not being received
   * (read the database's stamp then).
   */
  stamp(planId?: number): string | null;
  /** a change this process committed (or may have): its tokens (`changeToken`), or everything */
  bump(tokens?: Iterable<string>): void;
  /** changes seen so far (tests wait on it) */
  readonly count: number;
  /** is the listening connection up (or, on the embedded database, always) */
  readonly listening: boolean;
  close(): Promise<void>;
}

/** At most this many plans' marks; past it they are dropped and every plan's stamp moves. */
const MAX_PLAN_MARKS = 100_000;

/**
 * The counts behind the stamps: `count` moves with every change; `everything` with a change that names no plan, a
 * lost connection or a change of this process whose plans are not known; `marks` holds, per plan, the count at its
 * last change. A plan's stamp (everything, its mark) never comes back once it has moved: marks only grow, and
 * dropping them moves `everything`.
 */
class Counts {
  count = 0;
  everything = 0;
  marks = new Map<number, number>();
  /** one change, told by its tokens: plan ids, '*', '.' (a notification's payload, split at commas) */
  change(tokens: Iterable<string>) {
    this.count++;
    let any = false;
    for (const t of tokens) {
      any = true;
      if (t === '.') continue;
      const id = Number(t);
      if (t !== '' && t !== '*' && Number.isSafeInteger(id)) this.marks.set(id, this.count);
      else this.everything++;
    }
    if (!any) this.everything++;
    if (this.marks.size > MAX_PLAN_MARKS) {
      this.marks.clear();
      this.everything++;
    }
  }
  all() {
    this.count++;
    this.everything++;
  }
  stamp(planId?: number) {
    return planId === undefined ? `g${this.count}` : `p${this.everything}.${this.marks.get(planId) ?? 0}`;
  }
}
const payloadTokens = (payload: string | undefined) => (payload ?? '').split(',');

/** How a database receives notifications, for `clockOver`: its state ('idle' until first asked), how it starts, how it stops. */
interface Listener {
  state(): string;
  start(): void;
  close(): Promise<void>;
}

/**
 * The clock both databases hand out over their counts: a stamp while the listener is 'listening', none otherwise (the
 * first stamp asked for while it is 'idle' starts it).
 */
function clockOver(counts: Counts, listener: Listener): ChangeClock {
  return {
    stamp(planId) {
      const state = listener.state();
      if (state === 'listening') return counts.stamp(planId);
      if (state === 'idle') listener.start();
      return null;
    },
    bump: (tokens) => (tokens ? counts.change(tokens) : counts.all()),
    get count() {
      return counts.count;
    },
    get listening() {
      return listener.state() === 'listening';
    },
    close: () => listener.close(),
  };
}

const clocks = new WeakMap<object, ChangeClock>();
/** The clock of a database handle (`db`), if it has one; a transaction handle has none. */
export const changeClockOf = (db: object): ChangeClock | undefined => clocks.get(db);

/**
 * Gives a database handle its clock, and makes every transaction begun on it move the clock once it has ended if it
 * wrote an audit row (`noteChange`), with the tokens of its rows: committed, or — when the end failed — perhaps
 * committed. A transaction is known by its session (drizzle's, one per transaction, shared by its savepoints).
 */
export function attachChangeClock(db: { transaction: (...a: never[]) => Promise<unknown> }, clock: ChangeClock, notifier?: CommitNotifier): void {
  clocks.set(db, clock);
  if (notifier) notifiers.set(db, notifier);
  const transaction = db.transaction.bind(db) as (fn: (tx: object) => Promise<unknown>, config?: unknown) => Promise<unknown>;
  (db as { transaction: unknown }).transaction = async (fn: (tx: object) => Promise<unknown>, config?: unknown) => {
    let session: object | undefined;
    // the transaction's function ran to its end: an error after it is the commit's (committed, perhaps)
    let ran = false;
    try {
      return await transaction(async (tx) => {
        session = sessionOf(tx);
        if (session) changed.set(session, { tokens: new Set(), notifier });
        const out = await fn(tx);
        ran = true;
        return out;
      }, config);
    } finally {
      const tokens = session && changed.get(session)?.tokens;
      if (tokens?.size) {
        clock.bump(tokens);
        // its audit statements left the notification to this process (notifiesAfterCommit): sent now, not if rolled back
        if (notifier && ran) notifier.send(tokens);
      }
      if (session) changed.delete(session);
    }
  };
}

const sessionOf = (tx: object) => (tx as { session?: object }).session;
/** the sessions of this process's open transactions: the tokens of the audit rows each has written, and who notifies after its commit */
const changed = new WeakMap<object, { tokens: Set<string>; notifier?: CommitNotifier }>();
/** the database handles whose audited commits this process notifies */
const notifiers = new WeakMap<object, CommitNotifier>();

/**
 * An audit row was just written on `tx` (audit.ts writeAudit) with this token (`changeToken`): on a database handle
 * (no transaction: it is committed already) the clock moves now, and the notification goes out now; in a transaction,
 * when it ends.
 */
export function noteChange(tx: object, token: string): void {
  const clock = clocks.get(tx);
  if (clock) {
    clock.bump([token]);
    notifiers.get(tx)?.send([token]);
    return;
  }
  const session = sessionOf(tx);
  changed.get(session ?? tx)?.tokens.add(token);
}

/**
 * Will this process send the change notification of an audit row written on `tx` once it has committed (a PostgreSQL
 * handle, or a transaction begun on one)? Its audit statement then tells the trigger not to (migration 0020,
 * `luoshi.notify`); otherwise the trigger notifies inside the transaction.
 */
export function notifiesAfterCommit(tx: object): boolean {
  if (notifiers.has(tx)) return true;
  const session = sessionOf(tx);
  return !!(session && changed.get(session)?.notifier);
}

/** The notifications of this process's audited commits on PostgreSQL, sent after each commit (migration 0020). */
export interface CommitNotifier {
  /** a committed change's tokens (`changeToken`): notified at once, with those of other commits while one is on its way */
  send(tokens: Iterable<string>): void;
  /** resolves once every change handed over so far has been notified (or its sending has failed) */
  flush(): Promise<void>;
}

/**
 * A NOTIFY in the committing transaction holds PostgreSQL's notify-queue lock through the commit's WAL flush: commits
 * that notify wait for each other, a flush each (issue #15 phase 10: a surge held to one commit per ~6 ms flush). Sent
 * after the commit instead, by `query` (a pool's statement: a transaction of its own with no WAL to flush), with the
 * trigger's payload — the distinct tokens, '*' when long. One statement at a time: the tokens of commits that end while
 * one is on its way go together in the next. A change committed by a process that stops before sending it reaches the
 * other processes' caches through their 10 s lifetime (http/answerCache.ts), as a write that sends no notification.
 */
export function commitNotifier(query: (text: string, values: unknown[]) => Promise<unknown>): CommitNotifier {
  let pending = new Set<string>();
  let sending: Promise<void> | null = null;
  let reported = false;
  const run = async () => {
    while (pending.size) {
      const tokens = [...pending];
      pending = new Set();
      const joined = tokens.join(',');
      try {
        await query('select pg_notify($1, $2)', [CHANGE_CHANNEL, joined.length > 1000 ? '*' : joined]);
        reported = false;
      } catch (err) {
        if (!reported) console.error(`[db] 变更通知发送失败,其他进程的缓存将在有效期(10 秒)内更新:${(err as Error).message}`);
        reported = true;
      }
    }
    sending = null;
  };
  return {
    send(tokens) {
      for (const t of tokens) pending.add(t);
      if (!sending) sending = run();
    },
    async flush() {
      while (sending) await sending;
    },
  };
}

/** Embedded database: LISTEN on its one connection, where a notification arrives with the commit that sent it. */
export function embeddedChangeClock(client: { listen(channel: string, cb: (payload: string) => void): Promise<unknown> }): ChangeClock {
  const counts = new Counts();
  let state: 'idle' | 'starting' | 'listening' | 'closed' = 'idle';
  const start = () => {
    state = 'starting';
    client.listen(CHANGE_CHANNEL, (payload) => counts.change(payloadTokens(payload))).then(
      () => {
        if (state !== 'starting') return;
        counts.all();
        state = 'listening';
      },
      () => {
        if (state === 'starting') state = 'idle';
      },
    );
  };
  return clockOver(counts, {
    state: () => state,
    start,
    async close() {
      state = 'closed';
    },
  });
}

/** Heartbeat of the listening connection: a statement every HEARTBEAT_MS, the connection given up if one takes longer than HEARTBEAT_TIMEOUT_MS. */
const HEARTBEAT_MS = 5_000;
const HEARTBEAT_TIMEOUT_MS = 3_000;

/** The first wait before reconnecting (LUOSHI_CHANGE_RETRY_MS, 100 ms by default; tests hold the loss open longer). */
const firstRetryMs = () => Number(process.env.LUOSHI_CHANGE_RETRY_MS ?? 100);

/** PostgreSQL: one connection of its own LISTENs; reconnects after a loss (0.1 s, doubling to 5 s). */
export function serverChangeClock(connectionString: string): ChangeClock {
  const counts = new Counts();
  let state: 'idle' | 'connecting' | 'listening' | 'waiting' | 'closed' = 'idle';
  let client: pg.Client | null = null;
  let failures = 0;
  let retry: NodeJS.Timeout | null = null;
  let heartbeat: NodeJS.Timeout | null = null;
  let reported = false;

  const lost = (c: pg.Client, err?: Error) => {
    if (c !== client) return;
    client = null;
    if (heartbeat) clearInterval(heartbeat);
    heartbeat = null;
    c.removeAllListeners('notification');
    c.on('error', () => undefined);
    void c.end().catch(() => undefined);
    if (state === 'closed') return;
    state = 'waiting';
    counts.all();
    if (!reported) console.error(`[db] 变更通知连接中断,缓存改为逐次读取数据库变更戳,正在重新连接:${err?.message ?? '连接已关闭'}`);
    reported = true;
    retry = setTimeout(connect, Math.min(firstRetryMs() * 2 ** failures++, 5_000));
    retry.unref();
  };

  const connect = () => {
    retry = null;
    if (state === 'closed') return;
    state = 'connecting';
    const c = new pg.Client({ connectionString, keepAlive: true, query_timeout: HEARTBEAT_TIMEOUT_MS, application_name: 'luoshi change listener' });
    client = c;
    c.on('notification', (msg) => counts.change(payloadTokens(msg.payload)));
    c.on('error', (err) => lost(c, err));
    c.on('end', () => lost(c));
    c.connect()
      .then(() => c.query(`listen ${CHANGE_CHANNEL}`))
      .then(() => {
        if (c !== client || state !== 'connecting') return;
        // notifications sent before LISTEN took effect were not received: every answer cached before is dropped
        counts.all();
        state = 'listening';
        failures = 0;
        if (reported) console.error('[db] 变更通知连接已恢复');
        reported = false;
        (c as unknown as { connection?: { stream?: { unref?: () => void } } }).connection?.stream?.unref?.();
        heartbeat = setInterval(() => {
          c.query('select 1').catch((err: Error) => lost(c, err));
        }, HEARTBEAT_MS);
        heartbeat.unref();
      })
      .catch((err: Error) => lost(c, err));
  };

  return clockOver(counts, {
    state: () => state,
    start: connect,
    async close() {
      state = 'closed';
      if (retry) clearTimeout(retry);
      if (heartbeat) clearInterval(heartbeat);
      const c = client;
      client = null;
      if (c) {
        c.removeAllListeners();
        c.on('error', () => undefined);
        await c.end().catch(() => undefined);
      }
    },
  });
}
