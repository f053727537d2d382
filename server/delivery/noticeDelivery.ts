// 督办 notices go out the way reminders do: in the app, by e-mail to the people concerned (those with an
// address, when SMTP is configured) and to the plan's group robot, per the plan's supervision channels.
// Rows land in the same delivery log (`deliveries`, meta.noticeId) in the caller's transaction, so a
// notice made once (dedupe key, compare-and-set escalation) is delivered once; the job sends them.
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.js';
import { deliveries, notices, plans, units, users } from '../db/schema/index.js';
import { runSettings } from '../queries/calendar.js';
import { notifyUsers, type Message } from '../operations/notifyUnit.js';
import { smtpUrl } from './channels.js';

type NoticeRow = typeof notices.$inferSelect;
type UserRow = typeof users.$inferSelect;
export type NoticeEvent = 'issue' | 'escalate';

const LEVEL_WORDS: Record<string, string> = { blue: '蓝色', yellow: '黄色', red: '红色' };

/** What the e-mail and the group robot say: unlike the in-app message it names the plan and the unit. */
export async function noticeText(tx: DbOrTx, n: NoticeRow, event: NoticeEvent, previousDeadline?: string) {
  const [plan] = await tx.select({ title: plans.title }).from(plans).where(eq(plans.id, n.planId));
  const [unit] = await tx.select({ name: units.name }).from(units).where(eq(units.id, n.unitId));
  const level = LEVEL_WORDS[n.level] ?? '';
  const head = event === 'issue' ? `《${plan?.title ?? ''}》向${unit?.name ?? ''}下发${level}督办件` : `${unit?.name ?? ''}的督办件逾期未反馈(原期限${previousDeadline ?? ''}),已升级为${level}督办`;
  return {
    subject: event === 'issue' ? `督办:${n.title}` : `督办升级为${level}:${n.title}`,
    body: `${head}:${n.title}\n${n.requirement}\n反馈期限:${n.responseDeadline}。请登录落实平台签收、办理并反馈。`,
  };
}

/**
 * Tells `people` about a notice on the plan's channels and logs the outgoing rows. Returns the channels
 * used for the outside world (for the audit row).
 */
export async function sendNotice(tx: DbOrTx, n: NoticeRow, people: UserRow[], inApp: Message, event: NoticeEvent, at: Date, previousDeadline?: string): Promise<string[]> {
  const [plan] = await tx.select({ settings: plans.settings }).from(plans).where(eq(plans.id, n.planId));
  const settings = runSettings(plan ?? { settings: {} });
  const channels = settings.supervision.channels;
  if (channels.includes('app')) await notifyUsers(tx, people.map((u) => u.id), inApp, at);
  const rows: { channel: string; target: string }[] = [];
  if (channels.includes('email') && smtpUrl()) {
    const addresses = [...new Set(people.map((u) => u.email?.trim()).filter((e): e is string => !!e))];
    for (const a of addresses) rows.push({ channel: 'email', target: a });
  }
  const hook = settings.reminders.webhookUrl ?? process.env.LUOSHI_WEBHOOK_URL ?? null;
  if (channels.includes('webhook') && hook) rows.push({ channel: 'webhook', target: hook });
  if (rows.length) {
    const text = await noticeText(tx, n, event, previousDeadline);
    await tx.insert(deliveries).values(rows.map((r) => ({ ...r, planId: n.planId, subject: text.subject, body: text.body, meta: { noticeId: n.id, event, level: n.level }, nextAttemptAt: at, createdAt: at })));
  }
  return rows.map((r) => r.channel);
}
