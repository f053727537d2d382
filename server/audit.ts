// writeAudit is called inside the transaction of every change, so the change and its record commit together.
import { and, asc, eq } from 'drizzle-orm';
import { auditEvents } from './db/schema/index.js';
import type { DbOrTx } from './db/client.js';
import type { Actor } from './policy.js';

export interface AuditInput {
  action: string;
  entityType: string;
  entityId: string | number;
  planId?: number | null;
  before?: unknown;
  after?: unknown;
}

export async function writeAudit(tx: DbOrTx, actor: Actor, e: AuditInput): Promise<void> {
  await tx.insert(auditEvents).values({
    actorUserId: actor.userId,
    actorName: actor.displayName || actor.username,
    action: e.action,
    entityType: e.entityType,
    entityId: String(e.entityId),
    planId: e.planId ?? null,
    before: e.before === undefined ? null : (e.before as object),
    after: e.after === undefined ? null : (e.after as object),
    ip: actor.ip ?? null,
  });
}

export async function readHistory(db: DbOrTx, entityType: string, entityId: string | number) {
  return db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.entityType, entityType), eq(auditEvents.entityId, String(entityId))))
    .orderBy(asc(auditEvents.id));
}
