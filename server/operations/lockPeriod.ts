// The office locks a reporting period (no more submissions) or opens it again.
import { eq } from 'drizzle-orm';
import { AppError } from '../../shared/errors.js';
import { reportPeriods } from '../db/schema/index.js';
import { writeAudit } from '../audit.js';
import { now } from '../clock.js';
import { canManagePlan } from '../policy.js';
import { getVisiblePlan } from '../queries/plans.js';
import { effectiveState, ensurePeriod, findPeriod, periodOut, runSettings, shanghaiToday } from '../queries/calendar.js';
import type { OpContext } from './context.js';

export async function lockPeriod({ db, actor }: OpContext, planId: number, key: string, lock: boolean) {
  const { p: plan } = await getVisiblePlan(db, actor, planId);
  if (!canManagePlan(actor, plan)) throw new AppError('FORBIDDEN');
  const period = findPeriod(plan, key, runSettings(plan));
  const today = shanghaiToday(now());
  return db.transaction(async (tx) => {
    const row = await ensurePeriod(tx, planId, period, 'update');
    // unlocking a period the calendar has already locked needs an explicit 'open'; otherwise the calendar rules again
    const override = lock ? 'locked' : effectiveState(period, null, today) === 'locked' ? 'open' : null;
    await tx.update(reportPeriods).set({ lockOverride: override, updatedAt: now() }).where(eq(reportPeriods.id, row.id));
    await writeAudit(tx, actor, { action: lock ? 'period.lock' : 'period.unlock', entityType: 'plan', entityId: planId, planId, before: { period: key, lockOverride: row.lockOverride }, after: { period: key, lockOverride: override } });
    return periodOut(period, override, today);
  });
}
