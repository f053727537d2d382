// Reporting reminders: before, on and after a period's due date, to the unit, its head, the office
// and the leader, per the plan's rules. Each (plan, rule, recipient, period, stage) is claimed by a
// unique insert in the same transaction as its in-app message and its outgoing deliveries.
import { and, eq, inArray } from 'drizzle-orm';
import type { ReminderRule, RunSettings } from '../../shared/reporting.js';
import type { Db } from '../db/client.js';
import { deliveries, plans, reminderSends, users } from '../db/schema/index.js';
import { writeAudit } from '../audit.js';
import { systemActor } from '../policy.js';
import { addDays } from '../domain/dates.js';
import type { ReportingPeriod } from '../domain/reportingPeriods.js';
import { notifyUsers, regionUsers, type Message } from '../operations/notifyUnit.js';
import { smtpUrl } from '../delivery/channels.js';
import { missingReports, type MissingUnit } from '../queries/missingReports.js';

type PlanRow = typeof plans.$inferSelect;

export function stageOf(rule: ReminderRule): 'before' | 'due' | 'after' {
  return rule.offsetDays < 0 ? 'before' : rule.offsetDays === 0 ? 'due' : 'after';
}

export function ruleFires(rule: ReminderRule, p: Pick<ReportingPeriod, 'dueDate'>, today: string): boolean {
  const at = addDays(p.dueDate, rule.offsetDays);
  const stage = stageOf(rule);
  if (stage === 'before') return today >= at && today < p.dueDate;
  if (stage === 'due') return today === p.dueDate;
  return today >= at;
}

const STAGE_WORDS = { before: '即将到期', due: '今日截止', after: '已逾期' };

function dueText(p: ReportingPeriod): string {
  return p.nominalDueDate !== p.dueDate ? `${p.dueDate}(原定${p.nominalDueDate},遇节假日调整)` : p.dueDate;
}

function unitMessage(plan: PlanRow, p: ReportingPeriod, stage: keyof typeof STAGE_WORDS, u: MissingUnit): Message {
  const list = u.tasks.map((t, i) => `${i + 1}. ${t.title}`).join('\n');
  return {
    kind: 'reminder', planId: plan.id, link: `/plans/${plan.id}`,
    title: `${p.label}工作进展报送${STAGE_WORDS[stage]}`,
    body: `《${plan.title}》:${u.unitName}牵头的${u.tasks.length}项任务尚未报送${p.label}工作进展,报送截止日期${dueText(p)}。\n${list}`,
  };
}

function summaryMessage(plan: PlanRow, p: ReportingPeriod, stage: keyof typeof STAGE_WORDS, missing: MissingUnit[]): Message {
  const names = missing.map((u) => `${u.unitName}(${u.tasks.length}项)`).join('、');
  return {
    kind: 'reminder', planId: plan.id, link: `/plans/${plan.id}/board`,
    title: `${p.label}工作进展报送${STAGE_WORDS[stage]}`,
    body: `《${plan.title}》${p.label}工作进展(截止${dueText(p)})尚有${missing.length}个牵头单位未报送:${names}。`,
  };
}

interface Claim {
  planId: number;
  rule: string;
  recipient: string;
  periodKey: string;
  stage: string;
}

/** True if this call made the claim (and wrote its message and deliveries); false if another run had. */
async function claim(db: Db, key: Claim, out: { userId?: number; email?: string | null; webhook?: string | null; channels: string[]; msg: Message }, now: Date): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [s] = await tx.insert(reminderSends).values({ ...key, createdAt: now }).onConflictDoNothing().returning();
    if (!s) return false;
    if (out.userId && out.channels.includes('app')) await notifyUsers(tx, [out.userId], out.msg, now);
    const rows = [];
    if (out.email && out.channels.includes('email') && smtpUrl()) rows.push({ channel: 'email', target: out.email });
    if (out.webhook) rows.push({ channel: 'webhook', target: out.webhook });
    if (rows.length) await tx.insert(deliveries).values(rows.map((r) => ({ ...r, sendId: s.id, planId: key.planId, subject: out.msg.title, body: out.msg.body, nextAttemptAt: now, createdAt: now })));
    await writeAudit(tx, systemActor, { action: 'reminder.send', entityType: 'reminder', entityId: s.id, planId: key.planId, after: { ...key, channels: out.channels, deliveries: rows.map((r) => r.channel) } });
    return true;
  });
}

export async function remindPeriod(db: Db, plan: PlanRow, settings: RunSettings, p: ReportingPeriod, today: string, now: Date): Promise<number> {
  const rules = settings.reminders.rules.filter((r) => ruleFires(r, p, today));
  if (!rules.length) return 0;
  const missing = await missingReports(db, plan.id, p.key);
  if (!missing.length) return 0;
  const webhookUrl = settings.reminders.webhookUrl ?? process.env.LUOSHI_WEBHOOK_URL ?? null;
  // everyone who may be reminded, read once per period rather than once per unit and rule
  const staff = await db.select().from(users).where(and(inArray(users.unitId, missing.map((u) => u.unitId)), eq(users.disabled, false)));
  const ofUnit = (unitId: number, role: string) => staff.filter((u) => u.unitId === unitId && u.roles.includes(role));
  let n = 0;
  for (const rule of rules) {
    const stage = stageOf(rule);
    const base = { planId: plan.id, rule: rule.key, periodKey: p.key, stage };
    for (const level of rule.recipients) {
      if (level === 'unit' || level === 'head') {
        for (const u of missing) {
          const people = ofUnit(u.unitId, level === 'unit' ? 'unit_reporter' : 'unit_head');
          const msg = unitMessage(plan, p, stage, u);
          for (const person of people) if (await claim(db, { ...base, recipient: `user:${person.id}` }, { userId: person.id, email: person.email, channels: rule.channels, msg }, now)) n++;
        }
      } else {
        const people = await regionUsers(db, plan.regionId, level);
        const msg = summaryMessage(plan, p, stage, missing);
        for (const person of people) if (await claim(db, { ...base, recipient: `user:${person.id}` }, { userId: person.id, email: person.email, channels: rule.channels, msg }, now)) n++;
      }
    }
    if (rule.channels.includes('webhook') && webhookUrl) {
      if (await claim(db, { ...base, recipient: 'webhook' }, { webhook: webhookUrl, channels: ['webhook'], msg: summaryMessage(plan, p, stage, missing) }, now)) n++;
    }
  }
  return n;
}
