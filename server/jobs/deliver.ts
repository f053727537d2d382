// Sends pending e-mails and webhook calls. Rows are claimed with FOR UPDATE SKIP LOCKED and a lease,
// so two instances never send the same row; a failure is retried with backoff, then given up.
import { and, asc, eq, inArray, lte, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { deliveries } from '../db/schema/index.js';
import { postWebhook, sendMail } from '../delivery/channels.js';
import { WebhookRefusedError } from '../delivery/webhookGuard.js';

export const MAX_ATTEMPTS = 5;
const BACKOFF_MINUTES = [1, 5, 15, 60];
const LEASE_MS = 5 * 60_000;

function attempt(d: typeof deliveries.$inferSelect): Promise<void> {
  return d.channel === 'email' ? sendMail(d.target, d.subject, d.body) : postWebhook(d.target, d.subject, d.body);
}

export async function deliverPending(db: Db, now: Date): Promise<{ sent: number; failed: number }> {
  let sent = 0;
  let failed = 0;
  for (;;) {
    const batch = await db.transaction(async (tx) => {
      const due = await tx
        .select({ id: deliveries.id })
        .from(deliveries)
        .where(and(inArray(deliveries.status, ['pending', 'sending']), lte(deliveries.nextAttemptAt, now)))
        .orderBy(asc(deliveries.id))
        .limit(20)
        .for('update', { skipLocked: true });
      if (!due.length) return [];
      return tx
        .update(deliveries)
        .set({ status: 'sending', nextAttemptAt: new Date(now.getTime() + LEASE_MS) })
        .where(inArray(deliveries.id, due.map((d) => d.id)))
        .returning();
    });
    if (!batch.length) return { sent, failed };
    // a batch goes out in parallel: the pooled SMTP transport and the robots take several at once
    const outcomes = await Promise.all(batch.map((d) => attempt(d).then(() => null, (err: unknown) => err)));
    for (const [i, d] of batch.entries()) {
      const err = outcomes[i];
      if (err === null) {
        await db.update(deliveries).set({ status: 'sent', attempts: sql`${deliveries.attempts} + 1`, sentAt: now, lastError: null }).where(eq(deliveries.id, d.id));
        sent++;
        continue;
      }
      const attempts = d.attempts + 1;
      // a refused webhook address (SSRF guard) stays refused: it is not retried
      const giveUp = attempts >= MAX_ATTEMPTS || err instanceof WebhookRefusedError;
      const next = new Date(now.getTime() + BACKOFF_MINUTES[Math.min(attempts - 1, BACKOFF_MINUTES.length - 1)] * 60_000);
      await db
        .update(deliveries)
        .set({ status: giveUp ? 'failed' : 'pending', attempts, lastError: String(err instanceof Error ? err.message : err).slice(0, 500), nextAttemptAt: next })
        .where(eq(deliveries.id, d.id));
      failed++;
    }
  }
}
