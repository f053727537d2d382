// 督办 notices go out through the reminders' channels: in the app, by e-mail to the unit's people and to the
// plan's group robot, logged in the delivery log with retries; escalation goes out again (to the office and
// the leader too when it turns red); the plan's supervision channels choose which; the unit's feedback time is kept.
import { describe, expect, it } from 'vitest';
import { and, desc, eq } from 'drizzle-orm';
import { auditEvents, deliveries } from '../../server/db/schema/index.js';
import { setClock } from '../../server/clock.js';
import { deliverPending } from '../../server/jobs/deliver.js';
import { escalateNotices } from '../../server/jobs/supervise.js';
import { runReminders } from '../../server/jobs/reminders.js';
import { makeRunningPlan } from '../helpers/factories.js';
import { useAppWithOutbox, type CaughtMail } from '../helpers/outbox.js';

const o = useAppWithOutbox();

const at = (iso: string) => {
  const d = new Date(iso);
  setClock(() => d);
  return d;
};

/** The decoded subject and text of a caught mail (nodemailer writes UTF-8 as encoded words and base64 or quoted-printable). */
function decode(m: CaughtMail): { subject: string; text: string } {
  const [head, ...rest] = m.raw.split(/\r?\n\r?\n/);
  const unfolded = head.replace(/\r?\n[ \t]+/g, ' ');
  const words = (s: string) =>
    s.replace(/=\?UTF-8\?([BQ])\?([^?]*)\?=\s*/gi, (_, enc: string, data: string) =>
      enc.toUpperCase() === 'B' ? Buffer.from(data, 'base64').toString('utf8') : Buffer.from(data.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (_x, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8'),
    );
  const subject = words(/^Subject: (.*)$/im.exec(unfolded)?.[1] ?? '');
  const body = rest.join('\n\n');
  const cte = /^Content-Transfer-Encoding: (\S+)/im.exec(unfolded)?.[1]?.toLowerCase();
  const text =
    cte === 'base64'
      ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
      : cte === 'quoted-printable'
        ? Buffer.from(body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_x, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8')
        : body;
  return { subject, text };
}
const mailsTo = (addr: string, from = 0) => o.smtp.mails.slice(from).filter((m) => m.to.includes(addr)).map(decode);

describe('督办 delivery', () => {
  // first in the file: a red notice reaches every office and leader of the region, and this keeps them to this test's
  it('escalation goes out again; a red notice also reaches the office and the leader', async () => {
    const s = await makeRunningPlan(o.t.app, o.t.handle.db, { emails: true, settings: { supervision: { autoIssue: false } } });
    at('2026-05-06T02:00:00Z');
    const id = (await s.office.client.post(`/api/plans/${s.plan.id}/notices`, { unitId: s.units.c.id, title: '智慧城管平台建设滞后', requirement: '请限期整改并反馈', responseDeadline: '2026-05-08' })).json().id;
    const mails0 = o.smtp.mails.length;
    await deliverPending(o.t.handle.db, new Date('2026-05-06T02:00:00Z'));
    expect(mailsTo(s.reporterC.user.email!, mails0).map((m) => m.subject)).toEqual(['督办:智慧城管平台建设滞后']);

    const yellow = at('2026-05-11T02:00:00Z');
    expect(await escalateNotices(o.t.handle.db, '2026-05-11', yellow)).toBeGreaterThanOrEqual(1);
    await deliverPending(o.t.handle.db, yellow);
    const toC = mailsTo(s.reporterC.user.email!, mails0);
    expect(toC.map((m) => m.subject)).toEqual(['督办:智慧城管平台建设滞后', '督办升级为黄色:智慧城管平台建设滞后']);
    expect(toC[1].text).toContain('逾期未反馈(原期限2026-05-08),已升级为黄色督办');
    expect(mailsTo(s.office.user.email!, mails0)).toHaveLength(0);

    const deadline = (await s.office.client.get(`/api/notices/${id}`)).json().responseDeadline;
    const red = at(`${deadline}T02:00:00Z`);
    const after = new Date(red.getTime() + 86_400_000);
    expect(await escalateNotices(o.t.handle.db, after.toISOString().slice(0, 10), after)).toBeGreaterThanOrEqual(1);
    await deliverPending(o.t.handle.db, after);
    expect((await s.office.client.get(`/api/notices/${id}`)).json().level).toBe('red');
    expect(mailsTo(s.reporterC.user.email!, mails0).at(-1)!.subject).toBe('督办升级为红色:智慧城管平台建设滞后');
    expect(mailsTo(s.office.user.email!, mails0).map((m) => m.subject)).toEqual(['督办升级为红色:智慧城管平台建设滞后']);
    expect(mailsTo(s.leader.user.email!, mails0).map((m) => m.subject)).toEqual(['督办升级为红色:智慧城管平台建设滞后']);
    // unit A was never concerned
    expect(mailsTo(s.reporterA.user.email!, mails0)).toHaveLength(0);
    const escalations = await o.t.handle.db.select().from(auditEvents).where(and(eq(auditEvents.entityId, String(id)), eq(auditEvents.action, 'notice.escalate'))).orderBy(desc(auditEvents.id));
    expect((escalations[0].after as { deliveries: string[] }).deliveries).toEqual(['email', 'email', 'email']); // C's reporter, the office, the leader
  });

  it('a notice by hand goes to the unit by e-mail and to the group robot, logged and sent by the job', async () => {
    const s = await makeRunningPlan(o.t.app, o.t.handle.db, { emails: true, settings: { reminders: { webhookUrl: o.hook.url } } });
    const mails0 = o.smtp.mails.length;
    const hooks0 = o.hook.bodies.length;
    const now = at('2026-05-06T02:00:00Z');
    const res = await s.office.client.post(`/api/plans/${s.plan.id}/notices`, { unitId: s.units.a.id, taskId: s.task.id, title: '老旧小区改造推进迟缓', requirement: '请说明开工滞后原因并提出整改措施' });
    expect(res.statusCode, res.body).toBe(200);
    const id = res.json().id;

    // queued in the same transaction as the notice: one e-mail per person of the unit with an address, one robot call
    const log = (await s.office.client.get(`/api/plans/${s.plan.id}/deliveries`)).json().items.filter((d: { noticeId: number | null }) => d.noticeId === id);
    expect(log.map((d: { channel: string; target: string }) => `${d.channel}:${d.target}`).sort()).toEqual(
      [`email:${s.reporterA.user.email}`, `email:${s.headA.user.email}`, 'webhook:' + o.hook.url.replace('access_token=test', 'access_token=***')].sort(),
    );
    expect(log.every((d: { status: string; subject: string }) => d.status === 'pending' && d.subject === '督办:老旧小区改造推进迟缓')).toBe(true);
    const [issue] = await o.t.handle.db.select().from(auditEvents).where(and(eq(auditEvents.entityType, 'notice'), eq(auditEvents.entityId, String(id)), eq(auditEvents.action, 'notice.issue')));
    expect((issue.after as { deliveries: string[] }).deliveries.sort()).toEqual(['email', 'email', 'webhook']);
    // nobody outside unit A is written to
    expect(mailsTo(s.reporterC.user.email!, mails0)).toHaveLength(0);

    // the robot refuses once: retried with backoff like a reminder
    o.hook.state.failNext = 1;
    expect(await deliverPending(o.t.handle.db, now)).toEqual({ sent: 2, failed: 1 });
    const [a] = mailsTo(s.reporterA.user.email!, mails0);
    expect(a.subject).toBe('督办:老旧小区改造推进迟缓');
    expect(a.text).toContain(`《${s.plan.title}》向${s.units.a.name}下发蓝色督办件`);
    expect(a.text).toContain('请说明开工滞后原因并提出整改措施');
    expect(a.text).toContain('反馈期限:2026-05-12');
    expect(mailsTo(s.headA.user.email!, mails0)).toHaveLength(1);
    expect(await deliverPending(o.t.handle.db, new Date(now.getTime() + 2 * 60_000))).toEqual({ sent: 1, failed: 0 });
    expect(o.hook.bodies.length - hooks0).toBe(1);
    expect((o.hook.bodies.at(-1) as { text: { content: string } }).text.content).toContain(`向${s.units.a.name}下发蓝色督办件:老旧小区改造推进迟缓`);
    const robot = (await s.office.client.get(`/api/plans/${s.plan.id}/deliveries`)).json().items.find((d: { noticeId: number | null; channel: string }) => d.noticeId === id && d.channel === 'webhook');
    expect(robot).toMatchObject({ status: 'sent', attempts: 2, lastError: null });
    // in the app as before
    expect((await s.headA.client.get('/api/me/notifications')).json().items[0]).toMatchObject({ kind: 'notice', title: '督办:老旧小区改造推进迟缓', link: `/notices/${id}` });
  });

  it('rule-made notices are delivered by the job; the plan chooses the channels', async () => {
    const s = await makeRunningPlan(o.t.app, o.t.handle.db, { emails: true, settings: { startMonth: '2026-03', reminders: { webhookUrl: o.hook.url } } });
    const mails0 = o.smtp.mails.length;
    // 28 March: three days after the due date, A and C have not reported: a missing-report notice each
    await runReminders(o.t.handle.db, at('2026-03-28T02:00:00Z'));
    expect((await s.office.client.get(`/api/notices?planId=${s.plan.id}`)).json().items.map((n: { kind: string }) => n.kind)).toEqual(['missing_report', 'missing_report']);
    const subjects = mailsTo(s.headA.user.email!, mails0).map((m) => m.subject);
    expect(subjects).toContain('督办:2026年3月工作进展未按时报送');
    const rows = await o.t.handle.db.select().from(deliveries).where(eq(deliveries.planId, s.plan.id));
    const noticeRows = rows.filter((d) => (d.meta as { noticeId?: number } | null)?.noticeId);
    expect(noticeRows.filter((d) => d.channel === 'webhook')).toHaveLength(2);
    expect(noticeRows.every((d) => d.status === 'sent')).toBe(true);

    // e-mail only: no robot, no in-app message
    const patch = await s.office.client.patch(`/api/plans/${s.plan.id}/reporting`, { supervision: { channels: ['email'] } });
    expect(patch.statusCode, patch.body).toBe(200);
    expect(patch.json().settings.supervision).toMatchObject({ channels: ['email'], autoIssue: true, responseWorkingDays: 5 });
    expect((await s.office.client.patch(`/api/plans/${s.plan.id}/reporting`, { supervision: { channels: [] } })).statusCode).toBe(400);
    const unread = (await s.reporterC.client.get('/api/me/notifications')).json().unread;
    const id = (await s.office.client.post(`/api/plans/${s.plan.id}/notices`, { unitId: s.units.c.id, title: '仅邮件督办测试', requirement: '请按期反馈办理情况' })).json().id;
    const only = (await s.office.client.get(`/api/plans/${s.plan.id}/deliveries`)).json().items.filter((d: { noticeId: number | null }) => d.noticeId === id);
    expect(only.map((d: { channel: string }) => d.channel)).toEqual(['email']);
    expect((await s.reporterC.client.get('/api/me/notifications')).json().unread).toBe(unread);
  });

  it('records when the unit fed back, shown on the notice', async () => {
    const s = await makeRunningPlan(o.t.app, o.t.handle.db);
    at('2026-05-06T02:00:00Z');
    const id = (await s.office.client.post(`/api/plans/${s.plan.id}/notices`, { unitId: s.units.a.id, title: '反馈时间测试', requirement: '请按期反馈办理情况' })).json().id;
    expect((await s.reporterA.client.get(`/api/notices/${id}`)).json().fedBackAt).toBeNull();
    await s.reporterA.client.post(`/api/notices/${id}/respond`, { action: 'sign' });
    await s.reporterA.client.post(`/api/notices/${id}/respond`, { action: 'handle' });
    expect((await s.reporterA.client.get(`/api/notices/${id}`)).json().fedBackAt).toBeNull();
    at('2026-05-08T06:30:00Z');
    const fed = (await s.reporterA.client.post(`/api/notices/${id}/respond`, { action: 'feedback', text: '已完成整改' })).json();
    expect(fed).toMatchObject({ status: 'fed_back', feedback: '已完成整改', fedBackAt: '2026-05-08T06:30:00.000Z' });
    // a failed recheck keeps the time of the feedback it judged; feeding back again moves it
    at('2026-05-09T02:00:00Z');
    expect((await s.office.client.post(`/api/notices/${id}/recheck`, { passed: false, note: '缺少佐证材料' })).json()).toMatchObject({ status: 'handled', fedBackAt: '2026-05-08T06:30:00.000Z' });
    at('2026-05-11T01:00:00Z');
    await s.reporterA.client.post(`/api/notices/${id}/respond`, { action: 'feedback', text: '已补充佐证材料' });
    const list = (await s.office.client.get(`/api/notices?planId=${s.plan.id}`)).json().items;
    expect(list.find((n: { id: number }) => n.id === id)).toMatchObject({ feedback: '已补充佐证材料', fedBackAt: '2026-05-11T01:00:00.000Z' });
    const board = (await s.office.client.get(`/api/plans/${s.plan.id}/board`)).json();
    expect(board.notices.find((n: { id: number }) => n.id === id).fedBackAt).toBe('2026-05-11T01:00:00.000Z');
  });
});
