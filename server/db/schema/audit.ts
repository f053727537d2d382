// Every change writes one of these in the same transaction as the change.
import { pgTable, bigserial, integer, text, timestamp, jsonb, index } from 'drizzle-orm/pg-core';

export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorUserId: integer('actor_user_id'),
    actorName: text('actor_name').notNull(),
    action: text('action').notNull(), // e.g. plan.create, task.update, import.correct
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    planId: integer('plan_id'),
    before: jsonb('before'),
    after: jsonb('after'),
    ip: text('ip'),
  },
  (t) => [index('audit_entity').on(t.entityType, t.entityId), index('audit_plan').on(t.planId)],
);
