// Evaluating a running plan through the HTTP stack: unit scores recomputable by hand from their
// components, audited score settings and awards, evaluation drafts edited and exported as Word
// (read back with mammoth), the supervision notice in Word, and the dashboards' chart data.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import mammoth from 'mammoth';
import { auditEvents, indicatorValues, plans } from '../../server/db/schema/index.js';
import { setClock } from '../../server/clock.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { makeIndicator, makeRunningPlan } from '../helpers/factories.js';
import { auditChecks } from '../helpers/audit.js';

let t: TestApp;
const { lastAudit } = auditChecks(() => t.handle.db);
let s: Awaited<ReturnType<typeof makeRunningPlan>>;
const ids: Record<string, number> = {};
const at = (iso: string) => setClock(() => new Date(iso));
const docxText = async (body: Buffer) => (await mammoth.extractRawText({ buffer: body })).value;

beforeAll(async () => {
  t = await startTestApp();
  s = await makeRunningPlan(t.app, t.handle.db);
  const db = t.handle.db;
  // the plan began on 1 January 2026 (the factory stamps it with the machine's date; the tests pin earlier ones)
  await db.update(plans).set({ createdAt: new Date('2026-01-01T00:00:00+08:00') }).where(eq(plans.id, s.plan.id));
  // A owns a binding indicator that is behind; three more indicators (no owner) cover the other classes
  const behind = await makeIndicator(db, s.plan.id, { name: '城镇污水处理率', attribute: 'binding', owners: [{ unitId: s.units.a.id, share: null }] });
  const early = await makeIndicator(db, s.plan.id, { name: '城市绿地率', attribute: 'expected' });
  const onTrack = await makeIndicator(db, s.plan.id, { name: '公交分担率', attribute: 'expected' });
  await makeIndicator(db, s.plan.id, { name: '人均公园绿地面积', attribute: 'expected' });
  await db.insert(indicatorValues).values([
    { indicatorId: behind.id, date: '2026-03-31', value: 49 },
    { indicatorId: early.id, date: '2026-03-31', value: 61 },
    { indicatorId: onTrack.id, date: '2026-03-31', value: 50.5 },
  ]);
  ids.behind = behind.id;

  const post = async (c: typeof s.office.client, url: string, body: unknown) => {
    const res = await c.post(url, body);
    expect(res.statusCode, `${url} ${res.body}`).toBe(200);
    return res.json();
  };
  // A reports on time, is returned once, resubmits on time and is accepted
  at('2026-03-20T02:00:00Z');
  const rA = await post(s.reporterA.client, `/api/tasks/${s.task.id}/reports`, { period: '2026-03', reportedStatus: '推进中', progress: 30, progressText: '完成3个小区改造设计', problems: '改造资金到位慢', nextSteps: '启动施工招标', submit: true });
  await post(s.office.client, `/api/reports/${rA.id}/review`, { decision: 'return', reason: '请补充已开工小区名单' });
  at('2026-03-24T02:00:00Z');
  await post(s.reporterA.client, `/api/tasks/${s.task.id}/reports`, { period: '2026-03', reportedStatus: '推进中', progress: 30, progressText: '已开工:红旗小区', problems: '改造资金到位慢', nextSteps: '启动施工招标', submit: true });
  await post(s.office.client, `/api/reports/${rA.id}/review`, { decision: 'accept' });
  // C reports after the due date (25 March) and is accepted first time
  at('2026-03-27T02:00:00Z');
  const rC = await post(s.reporterC.client, `/api/tasks/${s.otherTask.id}/reports`, { period: '2026-03', reportedStatus: '推进中', progress: 10, progressText: '完成平台需求调研', problems: '数据接口未打通', nextSteps: '完成招标', submit: true });
  await post(s.office.client, `/api/reports/${rC.id}/review`, { decision: 'accept' });
  // one notice each, due 31 March: A answers on the 30th, C never does
  const nA = await post(s.office.client, `/api/plans/${s.plan.id}/notices`, { unitId: s.units.a.id, taskId: s.task.id, title: '老旧小区改造资金拨付滞后', requirement: '请说明资金拨付计划并加快拨付', responseDeadline: '2026-03-31' });
  await post(s.office.client, `/api/plans/${s.plan.id}/notices`, { unitId: s.units.c.id, taskId: s.otherTask.id, title: '智慧城管平台进度滞后', requirement: '请制定赶工计划', responseDeadline: '2026-03-31' });
  ids.noticeA = nA.id;
  at('2026-03-30T02:00:00Z');
  for (const action of ['sign', 'handle', 'feedback']) await post(s.reporterA.client, `/api/notices/${nA.id}/respond`, { action, text: action === 'feedback' ? '已拨付首批资金800万元' : '' });
  // the database stamps audit rows with its own clock; put the feedback on the pinned date
  await db.update(auditEvents).set({ at: new Date('2026-03-30T02:00:00Z') }).where(and(eq(auditEvents.entityType, 'notice'), eq(auditEvents.entityId, String(nA.id))));
});
afterAll(() => t.close());
afterEach(() => setClock(null));

describe('unit scores', () => {
  it('scores each unit from its reports, tasks, indicators, notices and returns, with formulas that add up', async () => {
    at('2026-04-10T02:00:00Z');
    const res = await s.leader.client.get(`/api/plans/${s.plan.id}/scores?period=2026-03`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.selection).toMatchObject({ key: '2026-03', label: '2026年3月', asOf: '2026-03-31', periods: ['2026-03'], planStart: '2026-01-01', skipped: [], note: null });
    expect(body.rules.length).toBe(8);
    expect(body.provisional).toBe(false);
    for (const u of body.items) {
      const app = u.components.filter((c: { applicable: boolean }) => c.applicable);
      const sum = app.reduce((a: number, c: { points: number }) => a + c.points, 0);
      const w = app.reduce((a: number, c: { weight: number }) => a + c.weight, 0);
      expect(u.subtotal).toBeCloseTo(sum, 5);
      expect(u.total).toBeCloseTo(Math.round((sum / w) * u.maxTotal * 10) / 10, 5);
      for (const c of app) expect(c.points).toBeCloseTo(Math.round((c.numerator / c.denominator) * c.weight * 10) / 10, 5);
    }
    const a = body.items.find((u: { unitId: number }) => u.unitId === s.units.a.id);
    const c = body.items.find((u: { unitId: number }) => u.unitId === s.units.c.id);
    expect(body.items.map((u: { unitId: number }) => u.unitId).sort()).toEqual([s.units.a.id, s.units.c.id].sort());
    // A by hand: reported on time 1/1 × 30 = 30; task green 1/1 × 30 = 30; indicator behind 0/1 × 20 = 0;
    // notice answered on time 1/1 × 10 = 10; returned once (1−1)/1 × 10 = 0 → 70 (every component applies)
    expect(a.inputs).toMatchObject({ reporting: { due: 1, onTime: 1 }, tasks: { green: 1 }, indicators: { behind: 1 }, notices: { total: 1, answeredOnTime: 1 }, revisions: { submitted: 1, returned: 1 } });
    expect(a.components.map((x: { points: number }) => x.points)).toEqual([30, 30, 0, 10, 0]);
    expect(a.total).toBe(70);
    expect(a.reweighting).toBeNull();
    expect(a.components[0].formula).toBe('按时报送率 1/1 × 30 = 30.0');
    expect(a.components[4].formula).toBe('报告一次通过率 (1−1)/1 × 10 = 0.0');
    // C by hand: late 0/1 → 0; task yellow (pace 24.7%, progress 10%) 0.5/1 × 30 = 15; no indicators → 不适用;
    // notice not answered 0/1 → 0; first-time pass 1/1 × 10 = 10 → 25 over the applicable weights 80 → 31.3
    expect(c.inputs).toMatchObject({ reporting: { due: 1, onTime: 0 }, tasks: { yellow: 1 }, notices: { total: 1, answeredOnTime: 0 }, revisions: { submitted: 1, returned: 0 } });
    expect(c.components.map((x: { points: number | null }) => x.points)).toEqual([0, 15, null, 0, 10]);
    expect(c.components[2]).toMatchObject({ applicable: false, formula: '指标完成 不适用:无有数据的指标' });
    expect(c).toMatchObject({ subtotal: 25, applicableWeight: 80, maxTotal: 100, total: 31.3 });
    expect(c.reweighting).toBe('指标完成不适用;按适用项权重 80 折算:25.0 ÷ 80 × 100 = 31.3');
    expect(a).toMatchObject({ rank: 1, tied: false });
    expect(c).toMatchObject({ rank: 2, tied: false });
    expect(body.unrated).toEqual([]);
  });

  it('lets the office change weights and awards (audited), and re-scores with them', async () => {
    at('2026-04-10T02:00:00Z');
    expect((await s.leader.client.patch(`/api/plans/${s.plan.id}/score-settings`, { ranking: { topN: 1 } })).statusCode).toBe(403);
    const bad = await s.office.client.patch(`/api/plans/${s.plan.id}/score-settings`, { weights: { reporting: 0, tasks: 0, indicators: 0, notices: 0, revisions: 0 } });
    expect(bad.json().error.code).toBe('SCORE_SETTINGS_INVALID');
    const res = await s.office.client.patch(`/api/plans/${s.plan.id}/score-settings`, { weights: { reporting: 40, revisions: 0 }, ranking: { topN: 1, bottomN: 1, topAward: '猛虎奖', bottomAward: '蜗牛奖' } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().unitScore.weights).toEqual({ reporting: 40, tasks: 30, indicators: 20, notices: 10, revisions: 0 });
    const audit = await lastAudit();
    expect(audit).toMatchObject({ action: 'plan.score_settings', entityType: 'plan', entityId: String(s.plan.id) });
    expect((audit.before as { unitScore: { weights: { reporting: number } } }).unitScore.weights.reporting).toBe(30);
    expect((await s.leader.client.get(`/api/plans/${s.plan.id}/score-settings`)).json().ranking).toMatchObject({ topN: 1, topAward: '猛虎奖' });

    const body = (await s.leader.client.get(`/api/plans/${s.plan.id}/scores?period=2026-03`)).json();
    const a = body.items.find((u: { unitId: number }) => u.unitId === s.units.a.id);
    const c = body.items.find((u: { unitId: number }) => u.unitId === s.units.c.id);
    expect(a).toMatchObject({ total: 80, maxTotal: 100, award: '猛虎奖' }); // 40 + 30 + 0 + 10 + 0
    // 0 + 15 + 0 over reporting 40, tasks 30 and notices 10 (indicators 不适用, revisions weight 0) → 15 ÷ 80 × 100
    expect(c).toMatchObject({ total: 18.8, award: '蜗牛奖' });
    expect(c.components[4]).toMatchObject({ applicable: false, formula: '报告一次通过率 不适用:权重为0' });
    const ranking = (await s.office.client.get(`/api/plans/${s.plan.id}/dashboard/ranking?period=2026-03`)).json();
    expect(ranking.awards).toEqual({ top: '猛虎奖', bottom: '蜗牛奖' });
    expect(ranking.items[0]).toMatchObject({ unitId: s.units.a.id, rank: 1, parts: { reporting: 40, tasks: 30 } });
    expect(ranking.items[1].parts).toEqual({ reporting: 0, tasks: 15, notices: 0 });
    expect(ranking.items[1]).toMatchObject({ applicableWeight: 80, maxTotal: 100 });
  });

  it('scores a whole year over every period due so far; units cannot see scores', async () => {
    at('2026-04-10T02:00:00Z');
    const body = (await s.office.client.get(`/api/plans/${s.plan.id}/scores?period=2026`)).json();
    expect(body.selection).toMatchObject({ key: '2026', label: '2026年度', start: '2026-01-01', end: '2026-12-31', asOf: '2026-04-10' });
    const a = body.items.find((u: { unitId: number }) => u.unitId === s.units.a.id);
    // January, February and March were due by 10 April; only March was reported
    expect(a.inputs.reporting).toEqual({ due: 3, onTime: 1 });
    expect(a.components[0].formula).toBe('按时报送率 1/3 × 40 = 13.3');
    const q1 = (await s.office.client.get(`/api/plans/${s.plan.id}/scores?period=2026-Q1`)).json();
    expect(q1.selection).toMatchObject({ key: '2026-Q1', label: '2026年第一季度', periods: ['2026-01', '2026-02', '2026-03'], asOf: '2026-03-31' });
    expect(q1.items.find((u: { unitId: number }) => u.unitId === s.units.a.id).inputs.reporting).toEqual({ due: 3, onTime: 1 });
    expect((await s.reporterA.client.get(`/api/plans/${s.plan.id}/scores`)).statusCode).toBe(403);
    expect((await s.office.client.get(`/api/plans/${s.plan.id}/scores?period=2026-13x`)).statusCode).toBe(400);
  });

  it('does not score periods that ended before the plan began; the default period is one after it', async () => {
    const db = t.handle.db;
    await db.update(plans).set({ createdAt: new Date('2026-02-15T10:00:00+08:00') }).where(eq(plans.id, s.plan.id));
    try {
      at('2026-04-10T02:00:00Z');
      const jan = (await s.office.client.get(`/api/plans/${s.plan.id}/scores?period=2026-01`)).json();
      expect(jan.selection).toMatchObject({ periods: [], planStart: '2026-02-15', skipped: [{ key: '2026-01', label: '2026年1月' }], note: '所选期间在规划开始实施(2026-02-15)之前,不计分。' });
      expect(jan.items).toEqual([]);
      expect(jan.unrated).toEqual([]);
      const q1 = (await s.office.client.get(`/api/plans/${s.plan.id}/scores?period=2026-Q1`)).json();
      expect(q1.selection).toMatchObject({ periods: ['2026-02', '2026-03'], skipped: [{ key: '2026-01' }], note: '2026年1月在规划开始实施(2026-02-15)之前结束,不计分。' });
      expect(q1.items.find((u: { unitId: number }) => u.unitId === s.units.a.id).inputs.reporting).toEqual({ due: 2, onTime: 1 });
      // on 20 February the last period due is January, which ended before the plan began: February is shown
      at('2026-02-20T02:00:00Z');
      expect((await s.office.client.get(`/api/plans/${s.plan.id}/scores`)).json().selection.key).toBe('2026-02');
    } finally {
      await db.update(plans).set({ createdAt: new Date('2026-01-01T00:00:00+08:00') }).where(eq(plans.id, s.plan.id));
    }
  });
});

describe('silence does not pay', () => {
  it('units with reports due and none submitted score 0, tie, and get no award; units with nothing due yet are listed apart', async () => {
    const q = await makeRunningPlan(t.app, t.handle.db);
    await t.handle.db.update(plans).set({ createdAt: new Date('2026-01-01T00:00:00+08:00') }).where(eq(plans.id, q.plan.id));
    at('2026-04-10T02:00:00Z');
    // March was due on the 25th and nobody reported
    const march = (await q.office.client.get(`/api/plans/${q.plan.id}/scores?period=2026-03`)).json();
    expect(march.items.map((u: { unitId: number }) => u.unitId).sort()).toEqual([q.units.a.id, q.units.c.id].sort());
    for (const u of march.items) {
      expect(u.components[0]).toMatchObject({ key: 'reporting', applicable: true, points: 0, formula: '按时报送率 0/1 × 30 = 0.0' });
      expect(u).toMatchObject({ total: 0, rank: 1, tied: true, award: null, awardUndecided: '猛虎奖、蜗牛奖' });
    }
    expect(march.provisional).toBe(false);
    expect(march.awardNotes).toEqual(['参加排名的 2 个单位全部同分(0.0),得分不能区分,不评“猛虎奖”“蜗牛奖”。']);
    // April is not due until the 25th: nothing is due yet for anyone, so nobody is ranked
    const april = (await q.office.client.get(`/api/plans/${q.plan.id}/scores?period=2026-04`)).json();
    expect(april.items).toEqual([]);
    expect(april.unrated.map((u: { unitId: number }) => u.unitId).sort()).toEqual([q.units.a.id, q.units.c.id].sort());
    expect(april.unrated[0].reason).toBe('各考核项均不适用(本期无考核事项),不计分、不排名');
    expect(april.unrated[0].components.every((c: { applicable: boolean }) => !c.applicable)).toBe(true);
    // A reports April early: A is ranked, C (nothing due yet) stays apart
    const post = await q.reporterA.client.post(`/api/tasks/${q.task.id}/reports`, { period: '2026-04', reportedStatus: '推进中', progress: 20, progressText: '完成设计', submit: true });
    expect(post.statusCode, post.body).toBe(200);
    const april2 = (await q.office.client.get(`/api/plans/${q.plan.id}/scores?period=2026-04`)).json();
    expect(april2.items.map((u: { unitId: number }) => u.unitId)).toEqual([q.units.a.id]);
    expect(april2.unrated.map((u: { unitId: number }) => u.unitId)).toEqual([q.units.c.id]);
    const a = april2.items[0];
    // April is not due yet: the ranking is provisional and gives no award
    expect(april2.provisional).toBe(true);
    expect(a).toMatchObject({ rank: 1, award: null });
    expect(april2.awardNotes).toEqual([expect.stringMatching(/^2026年4月报送截止日\(2026-04-\d\d\)未到,名次为临时结果,暂不评奖。$/)]);
    expect(a.components[0].formula).toBe('按时报送率 1/1 × 30 = 30.0');
    expect(a.reweighting).toMatch(/^指标完成、督办按期回复率不适用;按适用项权重 \d+ 折算:/);
  });
});

describe('evaluation reports', () => {
  it('creates an annual report draft with the units\' problems, lets the office edit it, and exports Word', async () => {
    at('2026-04-10T02:00:00Z');
    const res = await s.office.client.post(`/api/plans/${s.plan.id}/evaluations`, { kind: 'annual', year: 2026 });
    expect(res.statusCode, res.body).toBe(200);
    const draft = res.json();
    ids.evaluation = draft.id;
    expect(draft.title).toBe(`${s.plan.title}2026年度监测报告`);
    expect(draft.data.indicatorCounts).toEqual({ achieved_early: 1, ahead: 0, on_track: 1, behind: 1, none: 1, total: 4 });
    expect(draft.narrative.problems.map((p: { text: string }) => p.text).sort()).toEqual(['改造资金到位慢', '数据接口未打通']);
    expect(draft.narrative.nextSteps.find((p: { text: string }) => p.text === '启动施工招标')).toMatchObject({ title: '推进老旧小区改造', period: '2026年3月', units: [s.units.a.name] });
    expect((await lastAudit()).action).toBe('evaluation.create');
    expect((await s.office.client.post(`/api/plans/${s.plan.id}/evaluations`, { kind: 'annual', year: 2026 })).json().error.code).toBe('EVALUATION_EXISTS');

    at('2026-04-10T03:00:00Z');
    const edit = await s.office.client.patch(`/api/evaluations/${draft.id}`, {
      expectedUpdatedAt: draft.updatedAt,
      narrative: { overview: ['一季度全区城市更新工作总体平稳推进。'], problems: [{ title: '资金保障不足', text: '老旧小区改造资金到位慢,影响开工进度。', units: [s.units.a.name] }] },
    });
    expect(edit.statusCode, edit.body).toBe(200);
    expect(edit.json().narrative.overview).toEqual(['一季度全区城市更新工作总体平稳推进。']);
    expect(edit.json().narrative.nextSteps.length).toBe(2); // untouched parts stay
    expect(edit.json().updatedBy).toMatch(/^测试用户/);
    const audit = await lastAudit();
    expect(audit).toMatchObject({ action: 'evaluation.update', entityType: 'evaluation' });
    expect(Object.keys((audit.after as { narrative: object }).narrative).sort()).toEqual(['overview', 'problems']);
    const stale = await s.office.client.patch(`/api/evaluations/${draft.id}`, { expectedUpdatedAt: draft.updatedAt, narrative: { overview: ['覆盖'] } });
    expect(stale.json().error.code).toBe('CONFLICT');
    expect((await s.leader.client.patch(`/api/evaluations/${draft.id}`, { narrative: { overview: ['x'] } })).statusCode).toBe(403);

    const file = await s.leader.client.get(`/api/evaluations/${draft.id}/export`);
    expect(file.statusCode, file.body).toBe(200);
    expect(file.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(file.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent(`${s.plan.title}2026年度监测报告.docx`)}`);
    const text = await docxText(file.rawPayload);
    expect(text).toContain(`${s.plan.title}2026年度监测报告`);
    expect(text).toContain('一季度全区城市更新工作总体平稳推进。');
    expect(text).toMatch(/纳入监测的4项主要指标中，提前完成1项、快于预期0项、符合序时进度1项、滞后1项，另有1项暂无数据/);
    expect(text).toContain('城镇污水处理率');
    expect(text).toContain('资金保障不足');
    expect(text).toContain('启动施工招标');
    expect(text).toContain(s.units.c.name); // task table by lead unit
    expect(text).toContain('规划实施工作领导小组办公室');
  });

  it('creates mid-term and final drafts with their own titles and lists the drafts', async () => {
    at('2026-04-10T02:00:00Z');
    const mid = (await s.office.client.post(`/api/plans/${s.plan.id}/evaluations`, { kind: 'midterm', year: 2028, issuingOffice: '永川区城市更新领导小组办公室', date: '2028-06-30' })).json();
    expect(mid.title).toBe(`${s.plan.title}实施中期评估报告`);
    const fin = (await s.office.client.post(`/api/plans/${s.plan.id}/evaluations`, { kind: 'final', year: 2030, title: '城市更新规划实施总结评估' })).json();
    const list = (await s.leader.client.get(`/api/plans/${s.plan.id}/evaluations`)).json().items;
    expect(list.map((e: { kind: string }) => e.kind)).toEqual(['annual', 'midterm', 'final']);
    const text = await docxText((await s.office.client.get(`/api/evaluations/${mid.id}/export`)).rawPayload);
    expect(text).toContain('实施中期评估报告');
    expect(text).toContain('永川区城市更新领导小组办公室');
    expect(text).toContain('2028年6月30日');
    expect(await docxText((await s.office.client.get(`/api/evaluations/${fin.id}/export`)).rawPayload)).toContain('城市更新规划实施总结评估');
  });

  it('exports a supervision notice in Word for the unit it is addressed to', async () => {
    const file = await s.reporterA.client.get(`/api/notices/${ids.noticeA}/export`);
    expect(file.statusCode, file.body).toBe(200);
    expect(file.headers['content-type']).toContain('wordprocessingml');
    const text = await docxText(file.rawPayload);
    expect(text).toContain(s.units.a.name);
    expect(text).toContain('请说明资金拨付计划并加快拨付');
    expect(text).toContain(`督办〔2026〕${ids.noticeA}号`);
    expect((await s.reporterC.client.get(`/api/notices/${ids.noticeA}/export`)).statusCode).toBe(404);
  });
});

describe('dashboards', () => {
  it('gives status by chapter and unit, indicator trajectories and reporting completion', async () => {
    at('2026-04-10T02:00:00Z');
    const st = (await s.reporterA.client.get(`/api/plans/${s.plan.id}/dashboard/status`)).json();
    expect(st.byUnit.find((u: { unitId: number }) => u.unitId === s.units.a.id)).toMatchObject({ taskCount: 1, progress: 30 });
    expect(st.byUnit.find((u: { unitId: number }) => u.unitId === s.units.c.id)).toMatchObject({ taskCount: 1, progress: 10 });

    const ind = (await s.leader.client.get(`/api/plans/${s.plan.id}/dashboard/indicators`)).json();
    const tr = ind.items.find((i: { indicatorId: number }) => i.indicatorId === ids.behind);
    expect(tr.points.map((p: { year: number }) => p.year)).toEqual([2025, 2026, 2027, 2028, 2029, 2030]);
    expect(tr.points[0]).toEqual({ year: 2025, expected: 50, actual: 50 });
    expect(tr.points[1]).toEqual({ year: 2026, expected: 52, actual: 49 }); // 50 + 10 × 1/5
    expect(tr.points[5]).toMatchObject({ year: 2030, expected: 60, actual: null });
    expect(tr).toMatchObject({ state: 'behind', label: '滞后' });

    const rep = (await s.office.client.get(`/api/plans/${s.plan.id}/dashboard/reporting?year=2026`)).json();
    expect(rep.periods.map((p: { key: string }) => p.key)).toEqual(['2026-01', '2026-02', '2026-03']);
    expect(rep.periods[2]).toMatchObject({ due: 2, submitted: 2, onTime: 1, accepted: 2, rate: 100, onTimeRate: 50 });
    expect(rep.periods[0]).toMatchObject({ due: 2, submitted: 0, rate: 0 });
    expect((await s.reporterA.client.get(`/api/plans/${s.plan.id}/dashboard/reporting`)).statusCode).toBe(403);
  });
});
