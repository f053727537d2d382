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
  const ph = (k: string) => sql.placeholder(k);
  // luoshi.notify for the statement's trigger (migration 0020): 'after_commit' when this process sends the change
  // notification once the transaction has committed (db/changeClock.ts notifiesAfterCommit), set before its rows
  return sql`insert into ${auditEvents} (actor_user_id, actor_name, action, entity_type, entity_id, plan_id, before, after, ip)
    select ${ph('auditActorUserId')}::int, ${ph('auditActorName')}::text, ${ph('auditAction')}::text, ${ph('auditEntityType')}::text, (${entityId})::text,
           ${planId}, ${ph('auditBefore')}::jsonb, ${ph('auditAfter')}::jsonb, ${ph('auditIp')}::text
      from ${source} cross join (select set_config('luoshi.notify', ${ph('auditNotify')}::text, true)) notify`;
}

/** The placeholders' values of `auditRowsFrom` for one change on `tx`, as writeAudit writes them. */
export function auditValues(tx: DbOrTx, actor: Actor, e: Omit<AuditInput, 'entityId' | 'planId'>) {
  return {
    auditNotify: notifiesAfterCommit(tx) ? 'after_commit' : 'in_commit',
    auditActorUserId: actor.userId,
    auditActorName: actor.displayName || actor.username,
    auditAction: e.action,
    auditEntityType: e.entityType,
    auditBefore: jsonOrNull(e.before),
    auditAfter: jsonOrNull(e.after),
    auditIp: actor.ip ?? null,
  };
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
