// Reminders and their delivery. A reminder is claimed by inserting its unique key before anything
// is sent, so two instances running the job against one database send it once.
import { pgTable, serial, integer, text, timestamp, jsonb, index, uniqueIndex } from 'drizzle-orm/pg-core';
import { plans } from './plan.js';
import { users } from './core.js';

export const reminderSends = pgTable(
  'reminder_sends',
  {
    id: serial('id').primaryKey(),
    planId: integer('plan_id').notNull().references(() => plans.id, { onDelete: 'cascade' }),
    rule: text('rule').notNull(),
    recipient: text('recipient').notNull(), // 'user:12' | 'webhook'
    periodKey: text('period_key').notNull(),
    stage: text('stage').notNull(), // before | due | after | notice
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('reminder_sends_key').on(t.planId, t.rule, t.recipient, t.periodKey, t.stage)],
);

/** In-app messages (站内提醒). */
export const notifications = pgTable(
  'notifications',
  {
    id: serial('id').primaryKey(),
    userId: integer('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    planId: integer('plan_id'),
    kind: text('kind').notNull(), // reminder | notice | report
    title: text('title').notNull(),
    body: text('body').notNull(),
    link: text('link'),
    readAt: timestamp('read_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('notifications_user').on(t.userId, t.createdAt)],
);

/** One outgoing e-mail or webhook call, retried with backoff until sent or given up. */
export const deliveries = pgTable(
  'deliveries',
  {
    id: serial('id').primaryKey(),
    sendId: integer('send_id').references(() => reminderSends.id, { onDelete: 'cascade' }),
    planId: integer('plan_id'),
    channel: text('channel').notNull(), // email | webhook
    target: text('target').notNull(), // address or URL
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    status: text('status').notNull().default('pending'), // pending | sending | sent | failed
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    meta: jsonb('meta'),
  },
  (t) => [index('deliveries_due').on(t.status, t.nextAttemptAt)],
);
