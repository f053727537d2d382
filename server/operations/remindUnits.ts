// 催报: the office reminds chosen lead units now of the reports they have not sent for a period, through the same
// path as the scheduled reminders — an in-app message to the unit's reporters and heads, e-mails and the plan's
// group robot through the delivery outbox (jobs/deliver.ts), by the channels the plan's 督办 settings name. Each
// unit at most once a day per plan and period: the claim is a unique reminder_sends row (rule 'manual', stage =
// the day), written with its messages, deliveries and audit row in one transaction.
import { and, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { AppError, errorCatalogue } from '../../shared/errors.js';
import { remindUnitsBodySchema, type BatchResult } from '../../shared/bulk.js';
import { deliveries, reminderSends, users } from '../db/schema/index.js';
import { writeAudit } from '../audit.js';
import { now } from '../clock.js';
import { canManagePlan } from '../policy.js';
import { getVisiblePlan } from '../queries/plans.js';
import { currentPeriod, findPeriod, runSettings, shanghaiToday } from '../queries/calendar.js';
import { missingReports } from '../queries/missingReports.js';
import { smtpUrl } from '../delivery/channels.js';
import { notifyUsers } from './notifyUnit.js';
import type { OpContext } from './context.js';

const refusal = (code: 'REMIND_LIMIT' | 'REMIND_NOTHING_MISSING') => ({ code, message: errorCatalogue[code].message });

export async function remindUnits({ db, actor }: OpContext, planId: number, input: z.input<typeof remindUnitsBodySchema>) {
  const data = remindUnitsBodySchema.parse(input);
  const { p: plan } = await getVisiblePlan(db, actor, planId);
  if (!canManagePlan(actor, plan)) throw new AppError('FORBIDDEN');
  const settings = runSettings(plan);
  const at = now();
  const today = shanghaiToday(at);
  const period = data.period ? findPeriod(plan, data.period, settings) : currentPeriod(plan, today, settings);
  const missing = new Map((await missingReports(db, plan.id, period.key)).map((u) => [u.unitId, u]));
  const channels = settings.supervision.channels;
  const webhookUrl = settings.reminders.webhookUrl ?? process.env.LUOSHI_WEBHOOK_URL ?? null;
  const due = period.nominalDueDate !== period.dueDate ? `${period.dueDate}(原定${period.nominalDueDate},遇节假日调整)` : period.dueDate;

  return db.transaction(async (tx) => {
    const items: BatchResult['items'] = [];
    const reminded: string[] = [];
    let firstSend: number | null = null;
    const staff = await tx.select().from(users).where(and(inArray(users.unitId, data.unitIds), eq(users.disabled, false)));
    for (const unitId of data.unitIds) {
      const u = missing.get(unitId);
      if (!u) {
        items.push({ id: unitId, ok: false, error: refusal('REMIND_NOTHING_MISSING') });
        continue;
      }
      const [claim] = await tx.insert(reminderSends).values({ planId: plan.id, rule: 'manual', recipient: `unit:${unitId}`, periodKey: period.key, stage: today, createdAt: at }).onConflictDoNothing().returning();
      if (!claim) {
        items.push({ id: unitId, ok: false, error: refusal('REMIND_LIMIT') });
        continue;
      }
      firstSend ??= claim.id;
      const people = staff.filter((p) => p.unitId === unitId && p.roles.some((r) => r === 'unit_reporter' || r === 'unit_head'));
      const msg = {
        kind: 'reminder', planId: plan.id, link: '/batch-report',
        title: `${period.label}工作进展催报`,
        body: `《${plan.title}》:规划办催报,${u.unitName}牵头的${u.tasks.length}项任务尚未报送${period.label}工作进展,报送截止日期${due}。${data.note ? `\n${data.note}` : ''}\n${u.tasks.map((t, i) => `${i + 1}. ${t.title}`).join('\n')}`,
      };
      if (channels.includes('app')) await notifyUsers(tx, people.map((p) => p.id), msg, at);
      const mails = channels.includes('email') && smtpUrl() ? people.filter((p) => p.email).map((p) => p.email!) : [];
      if (mails.length) await tx.insert(deliveries).values(mails.map((target) => ({ channel: 'email', target, sendId: claim.id, planId: plan.id, subject: msg.title, body: msg.body, nextAttemptAt: at, createdAt: at })));
      await writeAudit(tx, actor, {
        action: 'reminder.manual', entityType: 'unit', entityId: unitId, planId: plan.id,
        after: { period: period.key, tasks: u.tasks.length, people: people.length, channels, emails: mails.length, note: data.note || null },
      });
      reminded.push(`${u.unitName}(${u.tasks.length}项)`);
      items.push({ id: unitId, ok: true });
    }
    // the group robot hears one message for the whole 催报, not one per unit
    if (firstSend !== null && channels.includes('webhook') && webhookUrl) {
      const subject = `${period.label}工作进展催报`;
      await tx.insert(deliveries).values({ channel: 'webhook', target: webhookUrl, sendId: firstSend, planId: plan.id, subject, body: `《${plan.title}》${period.label}工作进展(截止${due})规划办催报:${reminded.join('、')}尚未报送。${data.note ? data.note : ''}`, nextAttemptAt: at, createdAt: at });
    }
    return { items, done: items.filter((i) => i.ok).length, failed: items.filter((i) => !i.ok).length, periodKey: period.key, periodLabel: period.label };
  });
}
