// Mark one of the user's own in-app messages as read.
import { and, eq, isNull } from 'drizzle-orm';
import { AppError } from '../../shared/errors.js';
import { notifications } from '../db/schema/index.js';
import { writeAudit } from '../audit.js';
import { now } from '../clock.js';
import type { OpContext } from './context.js';

export async function readNotification({ db, actor }: OpContext, id: number) {
  return db.transaction(async (tx) => {
    const [n] = await tx.select().from(notifications).where(and(eq(notifications.id, id), eq(notifications.userId, actor.userId ?? -1)));
    if (!n) throw new AppError('NOT_FOUND');
    if (n.readAt) return n;
    const [row] = await tx.update(notifications).set({ readAt: now() }).where(and(eq(notifications.id, id), isNull(notifications.readAt))).returning();
    await writeAudit(tx, actor, { action: 'notification.read', entityType: 'notification', entityId: id, planId: n.planId });
    return row ?? n;
  });
}
