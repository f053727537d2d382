// The change clock (issue #15's answer cache, http/answerCache.ts): a per-process count of committed changes, so that a
// cached answer can be checked without a round trip to the database.
//
// Every change writes an audit row in its own transaction (house rule) and the audit table's statement trigger sends
// NOTIFY luoshi_change (migration 0017), which the database delivers after the commit. Each database handle keeps one
// clock: on PostgreSQL one dedicated connection LISTENs (opened on the first request that asks) and each notification
// moves the count; on the embedded database (PGlite: one process, one connection) the notification comes with the
// answer to the committing statement, before the writer goes on. A transaction of this process moves the count itself
// as soon as it has ended (db/client.ts), so the writer's next request never waits for its own notification.
//
// A cached answer is kept under the count read BEFORE any of its statements ran: whatever the database had committed
// when that count was read — every change whose notification had arrived — is in the answer, so an entry holds data at
// least as new as its stamp. While the listening connection is not up (not yet opened, lost, reconnecting) the clock
// gives no stamp and callers read the database's stamp (db/changeStamp.ts) as before; when it is up again the count
// moves once, since notifications may have been missed in between.
import pg from 'pg';

export const CHANGE_CHANNEL = 'luoshi_change';

export interface ChangeClock {
  /** 'g<count>' while notifications are being received; null while they are not (read the database's stamp then) */
  stamp(): string | null;
  /** a change this process committed (or may have): moves the count at once */
  bump(): void;
  /** changes seen so far (tests wait on it) */
  readonly count: number;
  /** is the listening connection up (or, on the embedded database, always) */
  readonly listening: boolean;
  close(): Promise<void>;
}

const clocks = new WeakMap<object, ChangeClock>();
/** The clock of a database handle (`db`), if it has one; a transaction handle has none. */
export const changeClockOf = (db: object): ChangeClock | undefined => clocks.get(db);

/**
 * Gives a database handle its clock, and makes every transaction begun on it move the clock once it has ended if it
 * wrote an audit row (`noteChange`): committed, or — when the end failed — perhaps committed. A transaction is known by
 * its session (drizzle's, one per transaction, shared by its savepoints).
 */
export function attachChangeClock(db: { transaction: (...a: never[]) => Promise<unknown> }, clock: ChangeClock): void {
  clocks.set(db, clock);
  const transaction = db.transaction.bind(db) as (fn: (tx: object) => Promise<unknown>, config?: unknown) => Promise<unknown>;
  (db as { transaction: unknown }).transaction = async (fn: (tx: object) => Promise<unknown>, config?: unknown) => {
    let session: object | undefined;
    try {
      return await transaction((tx) => {
        session = sessionOf(tx);
        if (session) changed.set(session, false);
        return fn(tx);
      }, config);
    } finally {
      if (session && changed.get(session)) clock.bump();
      if (session) changed.delete(session);
    }
  };
}

const sessionOf = (tx: object) => (tx as { session?: object }).session;
/** the sessions of this process's open transactions: has one written an audit row */
const changed = new WeakMap<object, boolean>();

/**
 * An audit row was just written on `tx` (audit.ts writeAudit): on a database handle (no transaction: it is committed
 * already) the clock moves now; in a transaction, when it ends.
 */
export function noteChange(tx: object): void {
  const clock = clocks.get(tx);
  if (clock) return clock.bump();
  const session = sessionOf(tx);
  if (session && changed.has(session)) changed.set(session, true);
}

/** Embedded database: LISTEN on its one connection, where a notification arrives with the commit that sent it. */
export function embeddedChangeClock(client: { listen(channel: string, cb: () => void): Promise<unknown> }): ChangeClock {
  let count = 0;
  let state: 'idle' | 'starting' | 'listening' | 'closed' = 'idle';
  const start = () => {
    state = 'starting';
    client.listen(CHANGE_CHANNEL, () => count++).then(
      () => {
        if (state !== 'starting') return;
        count++;
        state = 'listening';
      },
      () => {
        if (state === 'starting') state = 'idle';
      },
    );
  };
  return {
    stamp() {
      if (state === 'listening') return `g${count}`;
      if (state === 'idle') start();
      return null;
    },
    bump: () => void count++,
    get count() {
      return count;
    },
    get listening() {
      return state === 'listening';
    },
    async close() {
      state = 'closed';
    },
  };
}

/** Heartbeat of the listening connection: a statement every HEARTBEAT_MS, the connection given up if one takes longer than HEARTBEAT_TIMEOUT_MS. */
const HEARTBEAT_MS = 5_000;
const HEARTBEAT_TIMEOUT_MS = 3_000;

/** The first wait before reconnecting (LUOSHI_CHANGE_RETRY_MS, 100 ms by default; tests hold the loss open longer). */
const firstRetryMs = () => Number(process.env.LUOSHI_CHANGE_RETRY_MS ?? 100);

/** PostgreSQL: one connection of its own LISTENs; reconnects after a loss (0.1 s, doubling to 5 s). */
export function serverChangeClock(connectionString: string): ChangeClock {
  let count = 0;
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
    count++;
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
    c.on('notification', () => void count++);
    c.on('error', (err) => lost(c, err));
    c.on('end', () => lost(c));
    c.connect()
      .then(() => c.query(`listen ${CHANGE_CHANNEL}`))
      .then(() => {
        if (c !== client || state !== 'connecting') return;
        // notifications sent before LISTEN took effect were not received: every answer cached before is dropped
        count++;
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

  return {
    stamp() {
      if (state === 'listening') return `g${count}`;
      if (state === 'idle') connect();
      return null;
    },
    bump: () => void count++,
    get count() {
      return count;
    },
    get listening() {
      return state === 'listening';
    },
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
  };
}
