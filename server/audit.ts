// writeAudit is called inside the transaction of every change, so the change and its record commit together.
import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import { auditEvents } from './db/schema/index.js';
import type { DbOrTx } from './db/client.js';
import { prepareSql, preparedStatement } from './db/prepared.js';
import { changeToken, noteChange, notifiesAfterCommit } from './db/changeClock.js';
import type { Actor } from './policy.js';
import { maskWebhookToken } from './delivery/webhookGuard.js';

export interface AuditInput {
  action: string;
  entityType: string;
  entityId: string | number;
  planId?: number | null;
  before?: unknown;
  after?: unknown;
}

/**
 * The audit row's insert, built once (db/prepared.ts): every change sends it. before/after go as JSON text (a null is
 * SQL's NULL, not JSON's null: drizzle's encoder of a jsonb placeholder would write the latter).
 */
const insertAudit = preparedStatement('audit_insert', (db, name) => prepareSql(db, auditRowsFrom(sql`(select 1) one`, sql`${sql.placeholder('entityId')}`, sql`${sql.placeholder('planId')}::int`), name));
const jsonOrNull = (v: unknown) => (v === undefined || v === null ? null : JSON.stringify(v));

/**
 * The audit rows of a change written by the change's own statement (issue #15 phase 10: one round trip, not two): an
 * `insert into audit_events … select … from <source>` for a data-modifying CTE of that statement, one audit row per
 * row of `source`, the entity id and the plan read from it (`entityId`, `planId`: SQL over its columns); the other
 * values are the placeholders `auditValues` gives. The caller tells the change clock with `noteAudited`.
 */
export function auditRowsFrom(source: SQL, entityId: SQL, planId: SQL): SQL {
  return auditRowsFromEach([{ source, entityId, planId }]);
}

/**
 * Several changes' audit rows in one insert (a review that moves its task's progress, issue #15 phase 15): each part's
 * rows from its own source with its own placeholders (`prefix`, `auditValues`' of the same prefix), written in the
 * order of the parts (one insert of their union: the rows' ids in that order, as writeAudit's one after the other).
 */
export function auditRowsFromEach(parts: { source: SQL; entityId: SQL; planId: SQL; prefix?: string }[]): SQL {
  // luoshi.notify for the statement's trigger (migration 0020): 'after_commit' when this process sends the change
  // notification once the transaction has committed (db/changeClock.ts notifiesAfterCommit), set before its rows
  const rows = parts.map(({ source, entityId, planId, prefix = 'audit' }) => {
    const ph = (k: string) => sql.placeholder(`${prefix}${k}`);
    return sql`select ${ph('ActorUserId')}::int, ${ph('ActorName')}::text, ${ph('Action')}::text, ${ph('EntityType')}::text, (${entityId})::text,
           (${planId})::int, ${ph('Before')}::jsonb, ${ph('After')}::jsonb, ${ph('Ip')}::text
      from ${source} cross join (select set_config('luoshi.notify', ${ph('Notify')}::text, true)) notify`;
  });
  return sql`insert into ${auditEvents} (actor_user_id, actor_name, action, entity_type, entity_id, plan_id, before, after, ip)
    ${sql.join(rows, sql` union all `)}`;
}

/** The placeholders' values of `auditRowsFrom` for one change on `tx`, as writeAudit writes them (`prefix`: auditRowsFromEach's part's). */
export function auditValues(tx: DbOrTx, actor: Actor, e: Omit<AuditInput, 'entityId' | 'planId'>, prefix = 'audit') {
  const v = {
    Notify: notifiesAfterCommit(tx) ? 'after_commit' : 'in_commit',
    ActorUserId: actor.userId,
    ActorName: actor.displayName || actor.username,
    Action: e.action,
    EntityType: e.entityType,
    Before: jsonOrNull(e.before),
    After: jsonOrNull(e.after),
    Ip: actor.ip ?? null,
  };
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [`${prefix}${k}`, x]));
}

/** A change whose audit row its own statement wrote (auditRowsFrom): this process's change clock told, as writeAudit does. */
export function noteAudited(tx: DbOrTx, e: Pick<AuditInput, 'planId' | 'entityType'>): void {
  noteChange(tx, changeToken(e.planId, e.entityType));
}

export async function writeAudit(tx: DbOrTx, actor: Actor, e: AuditInput): Promise<void> {
  await insertAudit(tx, { ...auditValues(tx, actor, e), entityId: String(e.entityId), planId: e.planId ?? null });
  // the answer cache's clock (db/changeClock.ts): this process sees its own change as soon as it is committed
  noteChange(tx, changeToken(e.planId, e.entityType));
}

/**
 * A record's history as shown to people: whoever may read the record reads its history (a district reads the
 * city's plan), so a robot address a change set is shown with its token masked, as in the run settings.
 */
export async function readHistory(db: DbOrTx, entityType: string, entityId: string | number) {
  const rows = await db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.entityType, entityType), eq(auditEvents.entityId, String(entityId))))
    .orderBy(asc(auditEvents.id));
  return rows.map((r) => ({ ...r, before: maskTokens(r.before), after: maskTokens(r.after) }));
}

function maskTokens(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(maskTokens);
  if (v === null || typeof v !== 'object') return v;
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, k === 'webhookUrl' && typeof x === 'string' ? maskWebhookToken(x) : maskTokens(x)]));
}
