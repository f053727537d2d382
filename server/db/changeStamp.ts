// The data's change stamp (issue #15's answer cache, http/answerCache.ts): the newest audit id. Every change writes an
// audit row in its own transaction (house rule), so the stamp moves with every committed change. As a column
// expression, so that a read made anyway can carry the stamp in the same statement (one round trip fewer).
import { sql } from 'drizzle-orm';

// The newest audit id alone misses a transaction that took a lower id and commits after a higher one: an answer
// computed between the two commits would stay cached under the final id. While any writing transaction is still open,
// the stamp also carries the oldest one's id (the snapshot's xmin), so it moves again when that one commits; with
// none open it is the audit id alone, and writes elsewhere do not churn it.
export const changeStampColumn = sql<string | null>`(select m.id::text || case when pg_snapshot_xmin(c.s) < pg_snapshot_xmax(c.s) then ':' || pg_snapshot_xmin(c.s)::text else '' end from (select coalesce(max(id), 0) as id from audit_events) m, (select pg_current_snapshot() as s) c)`;

/** The stamp as the cache compares it. */
export const stampOf = (value: number | string | null | undefined) => String(value ?? 0);
