// The data's change stamp (issue #15's answer cache, http/answerCache.ts): the newest audit id. Every change writes an
// audit row in its own transaction (house rule), so the stamp moves with every committed change. As a column
// expression, so that a read made anyway can carry the stamp in the same statement (one round trip fewer).
import { sql } from 'drizzle-orm';

export const changeStampColumn = sql<number | null>`(select max(id) from audit_events)`;

/** The stamp as the cache compares it. */
export const stampOf = (value: number | string | null | undefined) => String(value ?? 0);
