// Issue #13, the same work across plans of one region: the office asks for proposals (similar text, the same units,
// the same indicator name and measure), confirms or rejects each (audited), linked items show each other in their
// detail, and linked indicators whose figures differ are flagged. Only within one region, only by its office.
import { beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditEvents, indicators, sameWorkLinks } from '../../server/db/schema/index.js';
import { useTestApp, type Client } from '../helpers/app.js';
import { auditChecks } from '../helpers/audit.js';
import { makeClient, makeIndicator, makePlan, makeUnit } from '../helpers/factories.js';

const t = useTestApp();
const { audited } = auditChecks(() => t.handle.db);

let renewal: number; // 永川区城市更新行动计划
let outline: number; // 永川区十四五规划纲要
let tongliangPlan: number;
let rTasks: number[];
let oTasks: number[];
let digitalR: number;
let digitalO: number;
let jobsR: number;
let jobsO: number;
let cultureO: number;
let office: Client;
let leader: Client;
let tongliangOffice: Client;
let reporter: Client;
let otherReporter: Client;

type Link = { id: number; kind: string; status: string; reasons: string[]; here: { id: number; planId: number; title: string }; there: { id: number; planId: number; title: string }; conflicts: { year: number; message: string }[] };
const linkOf = (items: Link[], kind: string, here: number, there: number) => items.find((l) => l.kind === kind && l.here.id === here && l.there.id === there);

beforeAll(async () => {
  const db = t.handle.db;
  const housing = await makeUnit(db, '永川区', '永川区住房城乡建委');
  const traffic = await makeUnit(db, '永川区', '永川区交通局');
  const r = await makePlan(db, {
    region: '永川区', title: '永川区城市更新行动计划', periodStart: 2023, periodEnd: 2025,
    tasks: [{ title: '推进城镇老旧小区改造,完善小区配套设施', lead: [housing.id] }, { title: '建设海绵城市示范片区', lead: [housing.id] }, { title: '培育数字经济核心产业集群' }],
  });
  const o = await makePlan(db, {
    region: '永川区', title: '永川区国民经济和社会发展第十四个五年规划纲要', periodStart: 2021, periodEnd: 2025,
    tasks: [{ title: '全面推进城镇老旧小区改造', lead: [housing.id] }, { title: '系统化全域推进海绵城市建设' }, { title: '加快农村公路提档升级', lead: [traffic.id] }],
  });
  const tg = await makePlan(db, { region: '铜梁区', title: '铜梁区城市更新行动计划', periodStart: 2023, periodEnd: 2025, tasks: [{ title: '推进城镇老旧小区改造,完善小区配套设施' }] });
  renewal = r.plan.id;
  outline = o.plan.id;
  tongliangPlan = tg.plan.id;
  rTasks = r.tasks.map((x) => x.id);
  oTasks = o.tasks.map((x) => x.id);
  digitalR = (await makeIndicator(db, renewal, { name: '数字经济增加值占地区生产总值比重', unit: '%', targetYear: 2025, targetValue: 12 })).id;
  digitalO = (await makeIndicator(db, outline, { name: '数字经济增加值占GDP比重', unit: '%', targetYear: 2025, targetValue: 33 })).id;
  jobsR = (await makeIndicator(db, renewal, { name: '城镇新增就业人数', unit: '万人', targetYear: 2025, targetValue: 3 })).id;
  jobsO = (await makeIndicator(db, outline, { name: '城镇新增就业人数', unit: '人', targetYear: 2025, targetValue: 30000 })).id;
  cultureO = (await makeIndicator(db, outline, { name: '文化产业增加值占GDP比重', unit: '%', targetYear: 2025, targetValue: 5 })).id;
  await makeIndicator(db, tongliangPlan, { name: '数字经济增加值占地区生产总值比重', unit: '%', targetYear: 2025, targetValue: 20 });
  office = (await makeClient(t.app, db, ['office'], { region: '永川区' })).client;
  leader = (await makeClient(t.app, db, ['leader'], { region: '永川区' })).client;
  tongliangOffice = (await makeClient(t.app, db, ['office'], { region: '铜梁区' })).client;
  reporter = (await makeClient(t.app, db, ['unit_reporter'], { region: '永川区', unitId: housing.id })).client;
  otherReporter = (await makeClient(t.app, db, ['unit_reporter'], { region: '永川区', unitId: traffic.id })).client;
});

describe('proposals', () => {
  it('only the region’s office asks for them; the leader, a reporter and another district cannot', async () => {
    for (const c of [leader, reporter]) expect((await audited([], () => c.post(`/api/plans/${renewal}/same-work/propose`, {}))).statusCode).toBe(403);
    // 铜梁's office cannot even see 永川's plan
    expect((await tongliangOffice.post(`/api/plans/${renewal}/same-work/propose`, {})).statusCode).toBe(404);
    expect((await office.post(`/api/plans/${renewal}/same-work/propose`, { kinds: ['building'] })).statusCode).toBe(400);
  });

  it('proposes tasks with similar text and the same units, and indicators with the same name and measure, audited', async () => {
    const res = await office.post(`/api/plans/${renewal}/same-work/propose`, {});
    expect(res.statusCode, res.body).toBe(200);
    const out = res.json();
    expect(out.proposed).toBe(out.tasks + out.indicators);
    const rows = await t.handle.db.select().from(sameWorkLinks).where(eq(sameWorkLinks.planA, renewal));
    const audits = await t.handle.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'same_work.propose'), eq(auditEvents.planId, renewal)));
    expect(audits.length).toBe(out.proposed);
    expect(rows.every((r) => r.status === 'proposed')).toBe(true);

    const list = (await office.get(`/api/plans/${renewal}/same-work`)).json();
    expect(list.canDecide).toBe(true);
    const items: Link[] = list.items;
    // 老旧小区改造: similar words and the same lead unit
    const housing = linkOf(items, 'task', rTasks[0], oTasks[0]);
    expect(housing, JSON.stringify(items.map((i) => [i.here.title, i.there.title]))).toBeDefined();
    expect(housing!.reasons.join(';')).toMatch(/共同词语:.*老旧/);
    expect(housing!.reasons.join(';')).toMatch(/共同词语:.*小区/);
    expect(housing!.reasons.join(';')).toMatch(/同一单位:永川区住房城乡建委/);
    // 海绵城市: the words alone
    expect(linkOf(items, 'task', rTasks[1], oTasks[1])).toBeDefined();
    // nothing of another region, and no unrelated pair
    expect(items.some((l) => l.there.planId === tongliangPlan)).toBe(false);
    expect(items.some((l) => l.kind === 'task' && l.there.id === oTasks[2])).toBe(false);
    expect(linkOf(items, 'task', rTasks[0], oTasks[1])).toBeUndefined();
    // the digital economy: the same name once GDP reads 地区生产总值, the same measure
    const digital = linkOf(items, 'indicator', digitalR, digitalO);
    expect(digital).toBeDefined();
    expect(digital!.reasons.join(';')).toMatch(/计量单位相同:%/);
    // not the same measure (万人 / 人), not the same thing measured (文化产业)
    expect(linkOf(items, 'indicator', jobsR, jobsO)).toBeUndefined();
    expect(items.some((l) => l.kind === 'indicator' && l.there.id === cultureO)).toBe(false);
    expect(list.counts.proposed).toBe(items.length);
  });

  it('is asked again from the other plan without duplicating a pair', async () => {
    const before = (await office.get(`/api/plans/${outline}/same-work`)).json();
    const res = await office.post(`/api/plans/${outline}/same-work/propose`, {});
    expect(res.statusCode, res.body).toBe(200);
    const after = (await office.get(`/api/plans/${outline}/same-work`)).json();
    expect(after.items.length).toBe(before.items.length + res.json().proposed);
    // seen from the outline, the same pair with the sides turned round
    const housing = linkOf(after.items, 'task', oTasks[0], rTasks[0]);
    expect(housing).toBeDefined();
    expect(housing!.here.planId).toBe(outline);
    const again = await audited([], () => office.post(`/api/plans/${renewal}/same-work/propose`, {}));
    expect(again.json().proposed).toBe(0);
  });
});

describe('confirming and rejecting', () => {
  it('confirms a pair (audited); the two tasks show each other, the unit’s people see only what they may', async () => {
    const link = linkOf((await office.get(`/api/plans/${renewal}/same-work`)).json().items, 'task', rTasks[0], oTasks[0])!;
    const res = await audited(['same_work.confirm'], () => office.post(`/api/plans/${renewal}/same-work/confirm`, { linkId: link.id }));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ id: link.id, status: 'confirmed' });
    // confirming again changes nothing
    expect((await audited([], () => office.post(`/api/plans/${renewal}/same-work/confirm`, { linkId: link.id }))).statusCode).toBe(200);
    const fromOutline = (await leader.get(`/api/tasks/${oTasks[0]}/same-work`)).json();
    expect(fromOutline.items.map((l: Link) => [l.status, l.there.id, l.there.planId])).toContainEqual(['confirmed', rTasks[0], renewal]);
    expect(fromOutline.canDecide).toBe(false);
    // the housing bureau leads both tasks: it sees the link
    const mine = (await reporter.get(`/api/tasks/${rTasks[0]}/same-work`)).json();
    expect(mine.items.find((l: Link) => l.id === link.id)?.there.id).toBe(oTasks[0]);
    // the traffic bureau takes no part in these tasks
    expect((await otherReporter.get(`/api/tasks/${rTasks[0]}/same-work`)).statusCode).toBe(404);
  });

  it('rejects a pair with a note (audited): it is no link any more and is not proposed again', async () => {
    const link = linkOf((await office.get(`/api/plans/${renewal}/same-work`)).json().items, 'task', rTasks[1], oTasks[1])!;
    const res = await audited(['same_work.reject'], () => office.post(`/api/plans/${renewal}/same-work/reject`, { linkId: link.id, note: '示范片区是单独项目' }));
    expect(res.statusCode, res.body).toBe(200);
    const detail = (await office.get(`/api/tasks/${rTasks[1]}/same-work`)).json();
    expect(detail.items.some((l: Link) => l.id === link.id)).toBe(false);
    const plan = (await office.get(`/api/plans/${renewal}/same-work`)).json();
    expect(plan.items.find((l: Link) => l.id === link.id)).toMatchObject({ status: 'rejected', note: '示范片区是单独项目' });
    expect((await office.post(`/api/plans/${renewal}/same-work/propose`, {})).json().proposed).toBe(0);
    expect(plan.counts.rejected).toBe(1);
  });

  it('refuses a link of another plan, an unknown link, and anyone but the office', async () => {
    const link = linkOf((await office.get(`/api/plans/${renewal}/same-work`)).json().items, 'indicator', digitalR, digitalO)!;
    const other = await makePlan(t.handle.db, { region: '永川区', title: '永川区另一规划' });
    expect((await audited([], () => office.post(`/api/plans/${other.plan.id}/same-work/confirm`, { linkId: link.id }))).statusCode).toBe(404);
    expect((await office.post(`/api/plans/${renewal}/same-work/confirm`, { linkId: 999999 })).statusCode).toBe(404);
    for (const c of [leader, reporter]) expect((await audited([], () => c.post(`/api/plans/${renewal}/same-work/reject`, { linkId: link.id }))).statusCode).toBe(403);
    expect((await tongliangOffice.post(`/api/plans/${renewal}/same-work/reject`, { linkId: link.id })).statusCode).toBe(404);
    expect((await office.post(`/api/plans/${renewal}/same-work/confirm`, {})).statusCode).toBe(400);
  });
});

describe('indicators: the same indicator with different figures', () => {
  it('flags the conflicting target of a year on both sides, and the indicator detail shows the other plan’s', async () => {
    const link = linkOf((await office.get(`/api/plans/${renewal}/same-work`)).json().items, 'indicator', digitalR, digitalO)!;
    expect(link.conflicts).toHaveLength(1);
    expect(link.conflicts[0]).toMatchObject({ year: 2025, here: { value: 12 }, there: { value: 33 } });
    expect(link.conflicts[0].message).toBe('「数字经济增加值占地区生产总值比重」2025年目标不一致:本规划 ≥12%,《永川区国民经济和社会发展第十四个五年规划纲要》≥33%。两处数字均保留,请核实。');
    expect((await audited(['same_work.confirm'], () => office.post(`/api/plans/${renewal}/same-work/confirm`, { linkId: link.id }))).statusCode).toBe(200);
    const detail = (await leader.get(`/api/indicators/${digitalO}/same-work`)).json();
    expect(detail.items).toHaveLength(1);
    expect(detail.items[0]).toMatchObject({ status: 'confirmed', here: { id: digitalO, planId: outline }, there: { id: digitalR, planId: renewal } });
    expect(detail.items[0].conflicts[0]).toMatchObject({ here: { value: 33 }, there: { value: 12 } });
    expect(detail.counts.conflicts).toBe(1);
    expect((await tongliangOffice.get(`/api/indicators/${digitalO}/same-work`)).statusCode).toBe(404);
  });

  it('a figure brought in line clears the flag', async () => {
    await t.handle.db.update(indicators).set({ targetValue: 12 }).where(eq(indicators.id, digitalO));
    const detail = (await office.get(`/api/indicators/${digitalR}/same-work`)).json();
    expect(detail.items[0].conflicts).toEqual([]);
  });
});
