// Check constraints built from the shared/ enums (issue #12): the database refuses a status the contracts do not know,
// and the list of values is written once — in shared/ — for the API, the state machines (server/domain/reportFlow.ts,
// noticeFlow.ts) and the tables. A new value in an enum means a new migration (npm run db:generate).
import { sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';

/** `column in ('a', 'b', …)`: true for one of `values`; a NULL passes, so a nullable column stays nullable. */
export function oneOf(column: AnyPgColumn, values: readonly string[]): SQL {
  const list = values.map((v) => `'${v.replaceAll("'", "''")}'`).join(', ');
  return sql`${column} in (${sql.raw(list)})`;
}
