// Who a report's messages reach, through the HTTP stack: a return tells the unit's reporters and heads (not a
// disabled one, not another unit's), a unit head's return tells the reporters and whoever submitted, a submission
// waiting for the unit head tells the heads but not the head who submitted it. One insert reads the people (issue #15).
import { afterEach, describe, expect, it } from 'vitest';
import { and, eq, inArray } from 'drizzle-orm';
import { notifications, users } from '../../server/db/schema/index.js';
import { setClock } from '../../server/clock.js';
import { useTestApp } from '../helpers/app.js';
import { makeClient, makeRunningPlan, makeUser } from '../helpers/factories.js';

const t = useTestApp();
afterEach(() => setClock(null));
const at = (iso: string) => setClock(() => new Date(iso));
const report = (over: Record<string, unknown> = {}) => ({ reportedStatus: '推进中', progress: 25, progressText: '完成3个小区的改造设计', problems: '资金到位慢', nextSteps: '启动施工招标', submit: true, ...over });

async function inbox(userIds: number[], title: string) {
  const rows = await t.handle.db.select({ userId: notifications.userId }).from(notifications).where(and(inArray(notifications.userId, userIds), eq(notifications.title, title)));
  return rows.map((r) => r.userId).sort((a, b) => a - b);
}

describe('report messages', () => {
  it('an office return reaches the unit\'s reporters and heads only, each once', async () => {
    const s = await makeRunningPlan(t.app, t.handle.db);
    at('2026-03-20T02:00:00Z');
    const reporter2 = await makeUser(t.handle.db, ['unit_reporter'], { unitId: s.units.a.id });
    const gone = await makeUser(t.handle.db, ['unit_reporter', 'unit_head'], { unitId: s.units.a.id });
    await t.handle.db.update(users).set({ disabled: true }).where(eq(users.id, gone.id));
    const r = (await s.reporterA.client.post(`/api/tasks/${s.task.id}/reports`, report())).json();
    expect((await s.office.client.post(`/api/reports/${r.id}/review`, { decision: 'return', reason: '请补充已开工小区名单' })).statusCode).toBe(200);
    const everyone = [s.reporterA.user.id, s.headA.user.id, reporter2.id, gone.id, s.reporterB.user.id, s.reporterC.user.id, s.office.user.id];
    const want = [s.reporterA.user.id, s.headA.user.id, reporter2.id].sort((a, b) => a - b);
    expect(await inbox(everyone, '2026年3月进展报告被退回')).toEqual(want);
  });

  it('a submission waiting for review reaches every head of the unit; a head\'s return reaches the reporters once each', async () => {
    const s = await makeRunningPlan(t.app, t.handle.db);
    await s.office.client.patch(`/api/plans/${s.plan.id}/reporting`, { unitHeadReview: true });
    at('2026-03-20T02:00:00Z');
    const head2 = await makeClient(t.app, t.handle.db, ['unit_head'], { unitId: s.units.a.id });
    const headB = await makeUser(t.handle.db, ['unit_head'], { unitId: s.units.b.id });
    const r = (await s.reporterA.client.post(`/api/tasks/${s.task.id}/reports`, report())).json();
    expect(r.status).toBe('unit_review');
    const everyone = [s.reporterA.user.id, s.headA.user.id, head2.user.id, headB.id, s.reporterB.user.id];
    expect(await inbox(everyone, '2026年3月进展报告待您审核')).toEqual([s.headA.user.id, head2.user.id].sort((a, b) => a - b));
    expect((await head2.client.post(`/api/reports/${r.id}/unit-review`, { decision: 'return', reason: '请补充名单' })).statusCode).toBe(200);
    // reporterA is both a reporter and the submitter: one message
    expect(await inbox(everyone, '2026年3月进展报告被单位负责人退回')).toEqual([s.reporterA.user.id]);
  });
});
