// writeAudit is called inside the transaction of every change, so the change and its record commit together.
import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import { auditEvents } from './db/schema/index.js';
import type { DbOrTx } from './db/client.js';
import { preparedStatement } from './db/prepared.js';
import { changeToken, noteChange } from './db/changeClock.js';
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
const insertAudit = preparedStatement('audit_insert', (db, name) =>
  db
    .insert(auditEvents)
    .values({
      actorUserId: sql.placeholder('actorUserId'),
      actorName: sql.placeholder('actorName'),
      action: sql.placeholder('action'),
      entityType: sql.placeholder('entityType'),
      entityId: sql.placeholder('entityId'),
      planId: sql.placeholder('planId'),
      before: sql`${sql.placeholder('before')}::jsonb`,
      after: sql`${sql.placeholder('after')}::jsonb`,
      ip: sql.placeholder('ip'),
    })
    .prepare(name),
);
const jsonOrNull = (v: unknown) => (v === undefined || v === null ? null : JSON.stringify(v));

/**
 * The audit rows of a change written by the change's own statement (issue #15 phase 10: one round trip, not two): an
 * `insert into audit_events … select … from <source>` for a data-modifying CTE of that statement, one audit row per
 * row of `source`, the entity id and the plan read from it (`entityId`, `planId`: SQL over its columns); the other
 * values are the placeholders `auditValues` gives. The caller tells the change clock with `noteAudited`.
 */
export function auditRowsFrom(source: SQL, entityId: SQL, planId: SQL): SQL {
  const ph = (k: string) => sql.placeholder(k);
  return sql`insert into ${auditEvents} (actor_user_id, actor_name, action, entity_type, entity_id, plan_id, before, after, ip)
    select ${ph('auditActorUserId')}::int, ${ph('auditActorName')}::text, ${ph('auditAction')}::text, ${ph('auditEntityType')}::text, (${entityId})::text,
           ${planId}, ${ph('auditBefore')}::jsonb, ${ph('auditAfter')}::jsonb, ${ph('auditIp')}::text
      from ${source}`;
}

/** The placeholders' values of `auditRowsFrom` for one change, as writeAudit writes them. */
export function auditValues(actor: Actor, e: Omit<AuditInput, 'entityId' | 'planId'>) {
  return {
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
  await insertAudit(tx, {
    actorUserId: actor.userId,
    actorName: actor.displayName || actor.username,
    action: e.action,
    entityType: e.entityType,
    entityId: String(e.entityId),
    planId: e.planId ?? null,
    before: jsonOrNull(e.before),
    after: jsonOrNull(e.after),
    ip: actor.ip ?? null,
  });
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
