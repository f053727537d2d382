// An indicator row with targets for several years: all of them are kept from the import, shown by the API,
// and the status of a year before the last target is judged against that year's target.
import { describe, expect, it } from 'vitest';
import { indicatorValues } from '../../server/db/schema/index.js';
import { useTestApp } from '../helpers/app.js';
import { makeClient, makeIndicator, makePlan } from '../helpers/factories.js';

const t = useTestApp();

const doc = `某市“十四五”生态环境保护规划

表1 主要指标
指标 | 单位 | 2020年 | 2023年目标 | 2025年目标 | 属性
城市空气质量优良天数比率 | % | 85.2 | 88 | 90 | 约束性
城镇污水处理率 | % | 92 | 95 | 97 | 预期性
`;

describe('indicator targets by year', () => {
  it('an import keeps every target year of a row', async () => {
    const office = await makeClient(t.app, t.handle.db, ['office']);
    const up = await office.client.upload('/api/imports', 'eco.txt', Buffer.from(doc));
    expect(up.statusCode).toBeLessThan(300);
    const job = up.json();
    const confirmed = await office.client.post(`/api/imports/${job.id}/confirm`, {});
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    const planId = confirmed.json().planId;
    const items = (await office.client.get(`/api/plans/${planId}/indicators`)).json().items;
    const air = items.find((i: { name: string }) => i.name === '城市空气质量优良天数比率');
    expect(air).toMatchObject({ baselineYear: 2020, baselineValue: 85.2, targetYear: 2025, targetValue: 90, attribute: 'binding' });
    expect(air.targets.map((x: { year: number; value: number }) => [x.year, x.value])).toEqual([[2023, 88], [2025, 90]]);
  });

  it('a value in the interim year is judged against the interim target, not a straight line to the last one', async () => {
    const { plan } = await makePlan(t.handle.db, { periodStart: 2026, periodEnd: 2030 });
    const targets = [
      { year: 2027, value: 58, valueMax: null, text: '58', comparator: '>=' as const, kind: 'level' as const },
      { year: 2030, value: 60, valueMax: null, text: '60', comparator: '>=' as const, kind: 'level' as const },
    ];
    // straight from 50 (2025) to 60 (2030) the 2027 value would be 54, and 56 would be ahead
    const ind = await makeIndicator(t.handle.db, plan.id, { baselineYear: 2025, baselineValue: 50, targetYear: 2030, targetValue: 60, attribute: 'binding', targets });
    const flat = await makeIndicator(t.handle.db, plan.id, { baselineYear: 2025, baselineValue: 50, targetYear: 2030, targetValue: 60, attribute: 'binding' });
    await t.handle.db.insert(indicatorValues).values([
      { indicatorId: ind.id, date: '2027-12-31', value: 56 },
      { indicatorId: flat.id, date: '2027-12-31', value: 56 },
    ]);
    const leader = await makeClient(t.app, t.handle.db, ['leader']);
    const st = (await leader.client.get(`/api/plans/${plan.id}/status`)).json();
    const row = st.indicators.find((i: { indicatorId: number }) => i.indicatorId === ind.id);
    expect(row).toMatchObject({ color: 'red', expected: 58, actual: 56 });
    expect(row.reason).toContain('按2027年阶段目标58');
    const other = st.indicators.find((i: { indicatorId: number }) => i.indicatorId === flat.id);
    expect(other.expected).toBe(54);
    expect(other.color).not.toBe('red');
    // ?only=indicators: the same lights, without the tasks and roll-ups the indicator pages do not show
    const only = (await leader.client.get(`/api/plans/${plan.id}/status?only=indicators`)).json();
    expect(only.indicators).toEqual(st.indicators);
    expect(only.period).toEqual(st.period);
    expect(only).not.toHaveProperty('tasks');
    expect(only).not.toHaveProperty('plan');

    const dash = (await leader.client.get(`/api/plans/${plan.id}/dashboard/indicators`)).json();
    const points = (dash.items ?? dash).find((i: { indicatorId: number }) => i.indicatorId === ind.id).points;
    expect(points.map((p: { year: number; expected: number }) => [p.year, p.expected])).toEqual([[2025, 50], [2026, 54], [2027, 58], [2028, 58.67], [2029, 59.33], [2030, 60]]);
  });
});
