// The job: reminders for every active plan's open periods, rule-made notices, escalation, then
// delivery of e-mails and webhooks. Safe to run from several instances at once; `now` is injected.
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { plans } from '../db/schema/index.js';
import { todayInShanghai } from '../domain/dates.js';
import { effectiveState, periodsAround, runSettings, storedPeriods } from '../queries/calendar.js';
import { deliverPending } from './deliver.js';
import { remindPeriod } from './remind.js';
import { escalateNotices, issueRuleNotices } from './supervise.js';

export interface JobResult {
  today: string;
  reminders: number;
  notices: number;
  escalated: number;
  sent: number;
  failed: number;
}

export async function runReminders(db: Db, now: Date): Promise<JobResult> {
  const today = todayInShanghai(now);
  const res: JobResult = { today, reminders: 0, notices: 0, escalated: 0, sent: 0, failed: 0 };
  for (const plan of await db.select().from(plans).where(eq(plans.status, 'active'))) {
    const settings = runSettings(plan);
    const stored = await storedPeriods(db, plan.id);
    const open = periodsAround(plan, today, settings).filter((p) => {
      const state = effectiveState(p, stored.find((s) => s.key === p.key)?.lockOverride, today);
      return state !== 'locked' && state !== 'upcoming';
    });
    for (const p of open) res.reminders += await remindPeriod(db, plan, settings, p, today, now);
    if (settings.supervision.autoIssue) res.notices += await issueRuleNotices(db, plan, settings, today, now);
  }
  res.escalated = await escalateNotices(db, today, now);
  const d = await deliverPending(db, now);
  res.sent = d.sent;
  res.failed = d.failed;
  return res;
}
