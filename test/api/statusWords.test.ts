// One vocabulary of status (issue #11): a task walked through its states — nothing due yet, 未报送, 已报送待审核,
// accepted on pace, seriously behind — must read the same in the task table, the status read and the dashboard, the
// office's board, the unit's and the district's home pages and the public page (preview and published). A task no unit
// leads is never 未报送 nor red for silence. The board's 逾期未报 counts what the 督办 rule counts. Publishing goes
// through a preview whose fingerprint the office confirms.
import { afterEach, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditEvents, plans, taskUnits } from '../../server/db/schema/index.js';
import { setClock } from '../../server/clock.js';
import { runReminders } from '../../server/jobs/reminders.js';
import { TASK_STATE_LABELS } from '../../shared/statusWords.js';
import type { Client } from '../helpers/app.js';
import { useTestApp } from '../helpers/app.js';
import { makeRunningPlan } from '../helpers/factories.js';

const t = useTestApp();
afterEach(() => setClock(null));
const at = (iso: string) => setClock(() => new Date(iso));

type Light = { color: string; state?: string; label: string };

async function get<T = any>(c: Client, url: string): Promise<T> {
  const res = await c.get(url);
  expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
  return res.json() as T;
}

/** How every screen shows one task right now. */
async function views(s: Awaited<ReturnType<typeof makeRunningPlan>>, taskId: number, title: string) {
  const planId = s.plan.id;
  const table = (await get(s.office.client, `/api/plans/${planId}/tasks?pageSize=100`)).items.find((x: { id: number }) => x.id === taskId).status;
  const status = (await get(s.office.client, `/api/plans/${planId}/status`)).tasks.find((x: { taskId: number }) => x.taskId === taskId).status;
  const detail = (await get(s.office.client, `/api/tasks/${taskId}`)).status;
  const dashboard = await get(s.office.client, `/api/plans/${planId}/dashboard/status`);
  const board = await get(s.office.client, `/api/plans/${planId}/board`);
  const boardColor = board.red.some((x: { taskId: number }) => x.taskId === taskId) ? 'red' : board.yellow.some((x: { taskId: number }) => x.taskId === taskId) ? 'yellow' : 'neither';
  const district = await get(s.leader.client, '/api/home/district');
  const lagging = district.lagging.find((x: { taskId: number }) => x.taskId === taskId)?.status ?? null;
  const preview = await get(s.office.client, `/api/plans/${planId}/public-preview`);
  const pub = preview.page.tasks.find((x: { title: string }) => x.title === title);
  return { table, status, detail, dashboard, board, boardColor, lagging, pub, preview };
}

/** Every screen says `state` in the words of shared/statusWords.ts, in one colour. */
function agree(v: Awaited<ReturnType<typeof views>>, state: keyof typeof TASK_STATE_LABELS, color: string) {
  for (const [name, s] of [['table', v.table], ['status', v.status], ['detail', v.detail]] as [string, Light & { reason: string }][]) {
    expect(s.state, name).toBe(state);
    expect(s.label, name).toBe(TASK_STATE_LABELS[state]);
    expect(s.color, name).toBe(color);
  }
  expect(v.table.reason).toBe(v.status.reason);
  // the board lists it red or yellow exactly when its colour is; the district's lagging list likewise
  expect(v.boardColor).toBe(color === 'red' || color === 'yellow' ? color : 'neither');
  if (color === 'red' || color === 'yellow') expect(v.lagging).toMatchObject({ state, color, label: TASK_STATE_LABELS[state] });
  else expect(v.lagging).toBeNull();
  // the dashboard counts it in its colour (one task per chapter-less plan: the unit row of its lead)
  const unitRow = v.dashboard.byUnit.find((u: { counts: Record<string, number> }) => u.counts[color] > 0);
  expect(unitRow, `dashboard counts a ${color} task`).toBeTruthy();
}

describe('status words agree on every screen', () => {
  it('walks a task from nothing due to 未报送, 已报送待审核, accepted and seriously behind', async () => {
    at('2026-01-05T02:00:00Z');
    const s = await makeRunningPlan(t.app, t.handle.db);
    const { task } = s;
    const cal = await get(s.office.client, `/api/plans/${s.plan.id}/reporting`);
    const first = cal.periods.find((p: { key: string }) => p.key === '2026-01');
    expect(first, 'the plan reports monthly from 2026-01').toBeTruthy();

    // 1. before the first due date: nothing was owed yet — not 未报送, not "已报送,但未填写进度百分比"
    let v = await views(s, task.id, task.title);
    agree(v, 'nothing_due', 'grey');
    expect(v.table.reason).toBe(`尚未到首个报送截止日(${first.dueDate}),无应报进展`);
    expect(v.pub).toMatchObject({ label: '无应报进展', color: 'grey', progress: null });
    expect(v.preview.page.progress).toBeNull(); // the public page will not claim 0 %
    expect(v.preview.page.counts.red).toBe(0);

    // 2. the due date passes without a report: 未报送 everywhere, and the board's 逾期未报 names unit A as the 督办 do
    const late = new Date(`${first.dueDate}T02:00:00Z`);
    late.setUTCDate(late.getUTCDate() + 5);
    at(late.toISOString());
    v = await views(s, task.id, task.title);
    agree(v, 'not_reported', 'grey');
    expect(v.pub).toMatchObject({ label: '未报送', color: 'grey' });
    await runReminders(t.handle.db, late);
    const notices = await get(s.office.client, `/api/notices?planId=${s.plan.id}`);
    const missingNotices = notices.items.filter((n: { kind: string; status: string }) => n.kind === 'missing_report' && n.status !== 'closed');
    const board = await get(s.office.client, `/api/plans/${s.plan.id}/board`);
    expect(board.overdue.period.key).toBe('2026-01');
    expect(board.overdue.units.map((u: { unitId: number }) => u.unitId).sort()).toEqual(missingNotices.map((n: { unitId: number }) => n.unitId).sort());
    expect(board.overdue.units.map((u: { unitId: number }) => u.unitId)).toContain(s.units.a.id);
    expect(board.overdue.openNotices).toBe(missingNotices.length);
    const office = await get(s.office.client, '/api/home/office');
    expect(office.counts.overdueUnits).toBe(board.overdue.units.length);

    // 3. the unit reports 60 %: 已报送待审核 with its 60 % judged — never "未填写进度百分比" — and the public page
    //    shows the state without the unreviewed figure
    const sent = await s.reporterA.client.post(`/api/tasks/${task.id}/reports`, { period: '2026-01', reportedStatus: '推进中', progress: 60, progressText: '完成6个小区改造', submit: true });
    expect(sent.statusCode, sent.body).toBe(200);
    v = await views(s, task.id, task.title);
    const pendingColor = v.table.color;
    agree(v, 'awaiting_review', pendingColor);
    expect(v.table.progress).toBe(60);
    expect(v.table.reason).toContain('2026年1月进展已报送,待规划办审核');
    expect(v.table.reason).toContain('实际进度60%');
    expect(v.table.reason).not.toContain('未填写进度');
    expect(v.pub).toMatchObject({ label: '已报送待审核', color: 'grey', progress: null, explanation: '进展已报送,审核通过后公开' });

    // 4. accepted: the public page now shows the 60 % and the same words as the table
    expect((await s.office.client.post(`/api/reports/${sent.json().id}/review`, { decision: 'accept' })).statusCode).toBe(200);
    v = await views(s, task.id, task.title);
    const judged = v.table.state as keyof typeof TASK_STATE_LABELS;
    expect(['on_track', 'behind', 'seriously_behind', 'completed']).toContain(judged);
    agree(v, judged, v.table.color);
    expect(v.pub).toMatchObject({ label: v.table.label, color: v.table.color, progress: 60, explanation: v.table.reason });
    expect(v.preview.page.dataUpdatedAt).toBe(late.toISOString().slice(0, 10));

    // 5. months later, re-estimated at 40 %: behind the 序时进度 by more than the red threshold — red on every screen
    at('2026-10-20T02:00:00Z');
    const slow = await s.reporterA.client.post(`/api/tasks/${task.id}/reports`, { period: '2026-10', reportedStatus: '推进中', progress: 40, progressText: '重新核定工程量后推进缓慢', submit: true });
    expect(slow.statusCode, slow.body).toBe(200);
    expect((await s.office.client.post(`/api/reports/${slow.json().id}/review`, { decision: 'accept' })).statusCode).toBe(200);
    v = await views(s, task.id, task.title);
    agree(v, 'seriously_behind', 'red');
    expect(v.pub).toMatchObject({ label: '严重滞后', color: 'red' });
    expect(v.preview.page.counts.red).toBeGreaterThanOrEqual(1);
  });

  it('a task no unit leads is 无应报进展 — never 未报送, and never red, even past its deadline', async () => {
    at('2027-02-01T02:00:00Z');
    const s = await makeRunningPlan(t.app, t.handle.db);
    await t.handle.db.delete(taskUnits).where(and(eq(taskUnits.taskId, s.otherTask.id), eq(taskUnits.role, 'lead')));
    const v = await views(s, s.otherTask.id, s.otherTask.title);
    expect(v.table).toMatchObject({ state: 'nothing_due', label: '无应报进展', color: 'grey' });
    expect(v.table.reason).toBe('未明确牵头单位,尚无应报进展;完成时限2026-12-31已过');
    expect(v.boardColor).toBe('neither');
    expect(v.pub).toMatchObject({ label: '无应报进展', color: 'grey' });
    // while the task unit A leads, silent past its deadline, is red — and said so alike on the public page
    const led = await views(s, s.task.id, s.task.title);
    agree(led, 'overdue', 'red');
    expect(led.pub).toMatchObject({ label: '逾期未完成', color: 'red' });
  });
});

describe('publishing with a preview', () => {
  it('publishes exactly what was previewed, refuses a stale preview, ignores a PATCH of published, audits both steps', async () => {
    at('2026-03-20T02:00:00Z');
    const s = await makeRunningPlan(t.app, t.handle.db);
    const anon = (url: string) => t.app.inject({ method: 'GET', url });
    // PATCH no longer publishes
    const patched = await s.office.client.patch(`/api/plans/${s.plan.id}`, { published: true });
    expect(patched.statusCode, patched.body).toBe(200);
    expect((await anon(`/api/public/plans/${s.plan.id}`)).statusCode).toBe(404);

    const preview = await get(s.office.client, `/api/plans/${s.plan.id}/public-preview`);
    expect(preview.published).toBe(false);
    expect(preview.fingerprint).toMatch(/^[0-9a-f]{32}$/);
    // another role may not preview, nor publish
    expect((await s.reporterA.client.get(`/api/plans/${s.plan.id}/public-preview`)).statusCode).toBe(403);
    expect((await s.reporterA.client.post(`/api/plans/${s.plan.id}/publish`, { publish: true, fingerprint: preview.fingerprint })).statusCode).toBe(403);

    // the page changes after the preview (a report accepted): the old preview cannot be published
    const r = await s.reporterA.client.post(`/api/tasks/${s.task.id}/reports`, { period: '2026-03', reportedStatus: '推进中', progress: 20, progressText: '完成2个小区', submit: true });
    expect(r.statusCode, r.body).toBe(200);
    expect((await s.office.client.post(`/api/reports/${r.json().id}/review`, { decision: 'accept' })).statusCode).toBe(200);
    const stale = await s.office.client.post(`/api/plans/${s.plan.id}/publish`, { publish: true, fingerprint: preview.fingerprint });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('PUBLISH_PREVIEW_STALE');
    expect((await t.handle.db.select({ published: plans.published }).from(plans).where(eq(plans.id, s.plan.id)))[0].published).toBe(false);
    expect((await s.office.client.post(`/api/plans/${s.plan.id}/publish`, { publish: true, fingerprint: 'nothex' })).statusCode).toBe(400);

    // previewed again and confirmed: the public page is exactly the preview
    const again = await get(s.office.client, `/api/plans/${s.plan.id}/public-preview`);
    expect(again.fingerprint).not.toBe(preview.fingerprint);
    const ok = await s.office.client.post(`/api/plans/${s.plan.id}/publish`, { publish: true, fingerprint: again.fingerprint });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().published).toBe(true);
    const page = await anon(`/api/public/plans/${s.plan.id}`);
    expect(page.statusCode).toBe(200);
    expect(page.json()).toEqual(again.page);

    const withdrawn = await s.office.client.post(`/api/plans/${s.plan.id}/publish`, { publish: false });
    expect(withdrawn.statusCode).toBe(200);
    expect((await anon(`/api/public/plans/${s.plan.id}`)).statusCode).toBe(404);

    // (in the order written: a select without ORDER BY may return them in any order on PostgreSQL)
    const trail = await t.handle.db.select().from(auditEvents).where(eq(auditEvents.entityId, String(s.plan.id))).orderBy(auditEvents.id);
    const pub = trail.filter((e) => e.entityType === 'plan' && (e.action === 'plan.publish' || e.action === 'plan.unpublish'));
    expect(pub.map((e) => e.action)).toEqual(['plan.publish', 'plan.unpublish']);
    expect(pub[0].after).toMatchObject({ published: true, fingerprint: again.fingerprint });
  });
});
