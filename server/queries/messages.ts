// A person's in-app messages and a plan's outgoing log (e-mail and group robot, with retries).
import { and, desc, eq, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.js';
import { deliveries, notifications } from '../db/schema/index.js';
import { maskWebhookToken } from '../delivery/webhookGuard.js';
import type { Actor } from '../policy.js';

/** The actor's latest 200 messages (or only the unread ones) and how many are unread. */
export async function listMyNotifications(db: DbOrTx, actor: Actor, unreadOnly: boolean) {
  const mine = eq(notifications.userId, actor.userId ?? -1);
  const rows = await db
    .select()
    .from(notifications)
    .where(unreadOnly ? and(mine, isNull(notifications.readAt)) : mine)
    .orderBy(desc(notifications.id))
    .limit(200);
  const unread = (await db.select({ id: notifications.id }).from(notifications).where(and(mine, isNull(notifications.readAt)))).length;
  return {
    items: rows.map((n) => ({ id: n.id, kind: n.kind, title: n.title, body: n.body, link: n.link, planId: n.planId, readAt: n.readAt?.toISOString() ?? null, createdAt: n.createdAt.toISOString() })),
    unread,
  };
}

const noticeIdOf = (meta: unknown): number | null => {
  const id = (meta as { noticeId?: unknown } | null)?.noticeId;
  return typeof id === 'number' ? id : null;
};

/** The plan's latest 500 deliveries; robot addresses with their token masked. The caller checked the plan. */
export async function listPlanDeliveries(db: DbOrTx, planId: number) {
  const rows = await db.select().from(deliveries).where(eq(deliveries.planId, planId)).orderBy(desc(deliveries.id)).limit(500);
  return rows.map((d) => ({
    id: d.id,
    noticeId: noticeIdOf(d.meta),
    channel: d.channel,
    target: d.channel === 'webhook' ? maskWebhookToken(d.target) : d.target,
    subject: d.subject,
    status: d.status,
    attempts: d.attempts,
    lastError: d.lastError,
    nextAttemptAt: d.nextAttemptAt.toISOString(),
    sentAt: d.sentAt?.toISOString() ?? null,
  }));
}
