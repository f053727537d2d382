// The office sets how a plan is run: reporting calendar, status thresholds, reminder rules, supervision.
import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { AppError } from '../../shared/errors.js';
import { runSettingsPatchSchema, runSettingsSchema } from '../../shared/reporting.js';
import { plans } from '../db/schema/index.js';
import { writeAudit } from '../audit.js';
import { now } from '../clock.js';
import { canManagePlan } from '../policy.js';
import { getVisiblePlan } from '../queries/plans.js';
import { runSettings } from '../queries/calendar.js';
import type { OpContext } from './context.js';
import { assertWebhookUrlAllowed } from '../delivery/webhookGuard.js';

export async function updateRunSettings({ db, actor }: OpContext, planId: number, input: z.input<typeof runSettingsPatchSchema>) {
  const patch = runSettingsPatchSchema.parse(input);
  // http(s) only, and not an inner address (SSRF): checked again at every delivery
  if (patch.reminders?.webhookUrl) await assertWebhookUrlAllowed(patch.reminders.webhookUrl);
  const { p: plan } = await getVisiblePlan(db, actor, planId);
  if (!canManagePlan(actor, plan)) throw new AppError('FORBIDDEN');
  const current = runSettings(plan);
  const merged: Record<string, unknown> = { ...current };
  for (const [k, v] of Object.entries(patch)) merged[k] = v !== null && typeof v === 'object' ? { ...(current as unknown as Record<string, object>)[k], ...v } : v;
  const next = runSettingsSchema.parse(merged); // whole-object rules, e.g. yellow ≤ red
  return db.transaction(async (tx) => {
    await tx.update(plans).set({ settings: { ...plan.settings, ...next }, updatedAt: now(), version: sql`${plans.version} + 1` }).where(eq(plans.id, planId));
    const before = Object.fromEntries(Object.keys(patch).map((k) => [k, (current as Record<string, unknown>)[k]]));
    await writeAudit(tx, actor, { action: 'plan.settings', entityType: 'plan', entityId: planId, planId, before, after: patch });
    return next;
  });
}
