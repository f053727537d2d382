// Reminders before, on and after the due date (in the app, by e-mail, by group robot), retries,
// 督办 notices made by rule that escalate as deadlines pass, and single sending with two instances.
import { describe, expect, it } from 'vitest';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { auditEvents, deliveries, reminderSends } from '../../server/db/schema/index.js';
import { openDb } from '../../server/db/client.js';
import { setClock } from '../../server/clock.js';
import { runReminders } from '../../server/jobs/reminders.js';
import { makeRunningPlan } from '../helpers/factories.js';
import { useAppWithOutbox } from '../helpers/outbox.js';

const o = useAppWithOutbox();

/** Moves the API clock and runs the job at that instant (10:00 Beijing time unless given). */
const run = (date: string, time = '02:00:00') => {
  const now = new Date(`${date}T${time}Z`);
  setClock(() => now);
  return runReminders(o.t.handle.db, now);
};
const mailsTo = (addr: string) => o.smtp.mails.filter((m) => m.to.includes(addr)).length;
const report = { reportedStatus: '推进中', progress: 20, progressText: '按计划推进', submit: true };

describe('reporting reminders and 督办', () => {
  it('reminds each level once per stage, retries the robot, then issues a notice that escalates until handled', async () => {
    // the office starts chasing reports from March: February's missing reports are not notices
    const s = await makeRunningPlan(o.t.app, o.t.handle.db, { emails: true, settings: { startMonth: '2026-03', reminders: { webhookUrl: o.hook.url } } });
    const mail = (c: { user: { email: string | null } }) => c.user.email!;
    setClock(() => new Date('2026-03-20T02:00:00Z'));
    expect((await s.reporterC.client.post(`/api/tasks/${s.otherTask.id}/reports`, report)).statusCode).toBe(200);

    expect(await run('2026-03-21')).toMatchObject({ reminders: 0, sent: 0 });
    // three days before the 25th: the reporting unit
    expect(await run('2026-03-22')).toMatchObject({ reminders: 1, sent: 1 });
    expect(await run('2026-03-22', '08:00:00')).toMatchObject({ reminders: 0, sent: 0 });
    expect(mailsTo(mail(s.reporterA))).toBe(1);
    expect(mailsTo(mail(s.reporterC))).toBe(0); // C has reported
    const inbox = (await s.reporterA.client.get('/api/me/notifications')).json();
    expect(inbox.items[0]).toMatchObject({ kind: 'reminder', title: '2026年3月工作进展报送即将到期', readAt: null });
    expect(inbox.items[0].body).toContain('推进老旧小区改造');
    expect((await s.reporterA.client.post(`/api/me/notifications/${inbox.items[0].id}/read`)).statusCode).toBe(200);
    expect((await s.reporterA.client.get('/api/me/notifications')).json().unread).toBe(0);
    expect((await s.reporterC.client.post(`/api/me/notifications/${inbox.items[0].id}/read`)).statusCode).toBe(404);

    // on the day: the unit and its head
    expect(await run('2026-03-25')).toMatchObject({ reminders: 2 });
    expect([mailsTo(mail(s.reporterA)), mailsTo(mail(s.headA))]).toEqual([2, 1]);

    // the day after: unit, head, office, and the group robot, which fails once and is retried
    o.hook.state.failNext = 1;
    expect(await run('2026-03-26')).toMatchObject({ reminders: 4, sent: 3, failed: 1 });
    expect(o.hook.bodies).toHaveLength(0);
    const [pending] = await o.t.handle.db.select().from(deliveries).where(and(eq(deliveries.planId, s.plan.id), eq(deliveries.channel, 'webhook')));
    expect(pending).toMatchObject({ status: 'pending', attempts: 1, lastError: 'HTTP 500: busy' });
    expect(await run('2026-03-26', '02:00:30')).toMatchObject({ sent: 0 }); // backoff: not before a minute
    expect(await run('2026-03-26', '02:05:00')).toMatchObject({ reminders: 0, sent: 1 });
    expect(o.hook.bodies).toHaveLength(1);
    expect(o.hook.bodies[0]).toMatchObject({ msgtype: 'text', text: { content: expect.stringContaining(s.units.a.name) } });
    expect((o.hook.bodies[0] as { text: { content: string } }).text.content).not.toContain(s.units.c.name);
    const log = (await s.office.client.get(`/api/plans/${s.plan.id}/deliveries`)).json().items;
    expect(log.find((d: { channel: string }) => d.channel === 'webhook')).toMatchObject({ status: 'sent', attempts: 2, lastError: null, target: expect.stringContaining('access_token=***') });
    expect(mailsTo(mail(s.office))).toBe(1);
    expect(mailsTo(mail(s.leader))).toBe(0);
    const board = (await s.office.client.get(`/api/plans/${s.plan.id}/board`)).json();
    expect(board.units.find((u: { unitId: number }) => u.unitId === s.units.a.id)).toMatchObject({ missing: 1, late: true });

    // the notice: issued three days after the due date (on the 28th), response within five working days
    const [toA, toHead, robot] = [mailsTo(mail(s.reporterA)), mailsTo(mail(s.headA)), o.hook.bodies.length];
    const issued = await run('2026-03-28');
    expect(issued.notices).toBe(1);
    // the notice goes out like a reminder: to the unit's people by e-mail and to the group robot
    expect([mailsTo(mail(s.reporterA)) - toA, mailsTo(mail(s.headA)) - toHead, o.hook.bodies.length - robot]).toEqual([1, 1, 1]);
    expect((o.hook.bodies.at(-1) as { text: { content: string } }).text.content).toContain(`向${s.units.a.name}下发蓝色督办件`);
    const mine = (await s.reporterA.client.get('/api/notices')).json().items;
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ kind: 'missing_report', origin: 'rule', level: 'blue', status: 'issued', unitId: s.units.a.id, periodKey: '2026-03', responseDeadline: '2026-04-03' });
    const id = mine[0].id;
    expect((await s.reporterC.client.get('/api/notices')).json().items).toHaveLength(0);
    expect((await s.reporterC.client.get(`/api/notices/${id}`)).statusCode).toBe(404);
    expect((await s.reporterB.client.post(`/api/notices/${id}/respond`, { action: 'sign' })).statusCode).toBe(404);
    expect((await run('2026-03-29')).notices).toBe(0); // once per unit and period

    // five days after the due date: the leader
    expect(await run('2026-03-30')).toMatchObject({ reminders: 1, notices: 0 });
    expect(mailsTo(mail(s.leader))).toBe(1);

    // no answer by the deadline: yellow, three more working days (4–6 April is the Qingming holiday)
    expect((await run('2026-04-04')).escalated).toBe(1);
    expect((await s.reporterA.client.get(`/api/notices/${id}`)).json()).toMatchObject({ level: 'yellow', responseDeadline: '2026-04-09' });
    expect((await run('2026-04-09')).escalated).toBe(0);
    expect((await run('2026-04-10')).escalated).toBe(1);
    expect((await s.reporterA.client.get(`/api/notices/${id}`)).json()).toMatchObject({ level: 'red', responseDeadline: '2026-04-15' });
    const officeInbox = (await s.office.client.get('/api/me/notifications')).json().items;
    expect(officeInbox[0].title).toMatch(/^督办升级为红色/);
    expect((await s.office.client.get(`/api/plans/${s.plan.id}/board`)).json().notices.map((n: { id: number }) => n.id)).toContain(id);

    // the lifecycle, each step audited
    const step = (c: typeof s.reporterA, url: string, body?: object) => c.client.post(url, body);
    expect((await step(s.reporterA, `/api/notices/${id}/respond`, { action: 'handle' })).json().error.code).toBe('NOTICE_INVALID_TRANSITION');
    expect((await step(s.reporterA, `/api/notices/${id}/respond`, { action: 'sign' })).json().status).toBe('signed');
    expect((await step(s.headA, `/api/notices/${id}/respond`, { action: 'handle' })).json().status).toBe('handled');
    expect((await step(s.reporterA, `/api/notices/${id}/respond`, { action: 'feedback' })).json().error.code).toBe('VALIDATION_FAILED');
    expect((await step(s.reporterA, `/api/notices/${id}/respond`, { action: 'feedback', text: '已补报3月进展' })).json()).toMatchObject({ status: 'fed_back', feedback: '已补报3月进展' });
    expect((await step(s.reporterA, `/api/notices/${id}/recheck`, { passed: true })).statusCode).toBe(403);
    expect((await step(s.office, `/api/notices/${id}/recheck`, { passed: false, note: '未说明迟报原因' })).json()).toMatchObject({ status: 'handled', recheckNote: '未说明迟报原因' });
    await step(s.reporterA, `/api/notices/${id}/respond`, { action: 'feedback', text: '已补报,迟报原因为资料汇总延误' });
    expect((await step(s.office, `/api/notices/${id}/close`)).json().error.code).toBe('NOTICE_INVALID_TRANSITION');
    expect((await step(s.office, `/api/notices/${id}/recheck`, { passed: true })).json().status).toBe('rechecked');
    expect((await step(s.office, `/api/notices/${id}/close`)).json()).toMatchObject({ status: 'closed', closedAt: expect.any(String) });
    const history = (await s.office.client.get(`/api/audit?entityType=notice&entityId=${id}`)).json().items.map((e: { action: string }) => e.action);
    expect(history).toEqual(['notice.issue', 'notice.escalate', 'notice.escalate', 'notice.sign', 'notice.handle', 'notice.feedback', 'notice.recheck_fail', 'notice.feedback', 'notice.recheck', 'notice.close']);
    expect((await run('2026-04-20')).escalated).toBe(0);
  });

  it('the office issues a notice by hand; units only see their own', async () => {
    const s = await makeRunningPlan(o.t.app, o.t.handle.db);
    setClock(() => new Date('2026-05-06T02:00:00Z'));
    const body = { unitId: s.units.c.id, taskId: s.otherTask.id, title: '智慧城管平台建设行动迟缓', requirement: '请于5个工作日内说明进展滞后原因并提出整改措施' };
    expect((await s.reporterC.client.post(`/api/plans/${s.plan.id}/notices`, body)).statusCode).toBe(403);
    const res = await s.office.client.post(`/api/plans/${s.plan.id}/notices`, body);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ origin: 'manual', kind: 'manual', level: 'blue', status: 'issued', responseDeadline: '2026-05-12' }); // 9 May is a make-up working day
    const [row] = await o.t.handle.db.select().from(auditEvents).where(and(eq(auditEvents.entityType, 'notice'), eq(auditEvents.entityId, String(res.json().id))));
    expect(row.action).toBe('notice.issue');
    expect((await s.reporterC.client.get(`/api/notices?planId=${s.plan.id}`)).json().items.map((n: { id: number }) => n.id)).toEqual([res.json().id]);
    expect((await s.reporterA.client.get(`/api/notices/${res.json().id}`)).statusCode).toBe(404);
    expect((await s.reporterC.client.get('/api/me/notifications')).json().items[0].title).toBe('督办:智慧城管平台建设行动迟缓');
  });

  it('two instances running the job at once send every reminder once', async () => {
    const s = await makeRunningPlan(o.t.app, o.t.handle.db, { emails: true, settings: { reminders: { webhookUrl: o.hook.url } } });
    const second = o.t.handle.url ? await openDb(o.t.handle.url, { migrate: false }) : o.t.handle;
    try {
      const sendsBefore = (await o.t.handle.db.select({ id: reminderSends.id }).from(reminderSends)).map((r) => r.id);
      const mailsBefore = o.smtp.mails.length;
      const hooksBefore = o.hook.bodies.length;
      const now = new Date('2026-06-26T02:00:00Z'); // the day after the June due date: unit, head, office, robot
      setClock(() => now);
      const [r1, r2] = await Promise.all([runReminders(o.t.handle.db, now), runReminders(second.db, now)]);
      const made = await o.t.handle.db.select().from(reminderSends).where(sendsBefore.length ? sql`${reminderSends.id} not in (${sql.join(sendsBefore.map((i) => sql`${i}`), sql`, `)})` : undefined);
      expect(r1.reminders + r2.reminders).toBe(made.length);
      expect(made.length).toBeGreaterThan(0);
      const keys = made.map((m) => `${m.planId}|${m.rule}|${m.recipient}|${m.periodKey}|${m.stage}`);
      expect(new Set(keys).size).toBe(keys.length);
      const sent = await o.t.handle.db.select().from(deliveries).where(inArray(deliveries.sendId, made.map((m) => m.id)));
      expect(sent.every((d) => d.status === 'sent' && d.attempts === 1)).toBe(true);
      expect(o.smtp.mails.length - mailsBefore).toBe(sent.filter((d) => d.channel === 'email').length);
      expect(o.hook.bodies.length - hooksBefore).toBe(sent.filter((d) => d.channel === 'webhook').length);
      // this plan: A and C are both late, each unit's people and the office get exactly one e-mail
      for (const c of [s.reporterA, s.headA, s.reporterC]) expect(o.smtp.mails.slice(mailsBefore).filter((m) => m.to.includes(c.user.email!)).length).toBe(1);
      const again = await Promise.all([runReminders(o.t.handle.db, now), runReminders(second.db, now)]);
      expect(again.map((r) => r.reminders)).toEqual([0, 0]);
    } finally {
      if (second !== o.t.handle) await second.close();
    }
  });
});
