import type { Db } from '../db/client.js';
import type { Actor } from '../policy.js';

/** What every business operation receives: the database and who is acting. */
export interface OpContext {
  db: Db;
  actor: Actor;
}
