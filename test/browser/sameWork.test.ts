// Journey (issue #13, the same work across plans of one region): 永川's office opens its 城市更新 action plan (000),
// asks for the same work in the region's other plans (the 十四五 outline, 004) on the 相同工作 tab, confirms a task
// pair, and sees it from the other plan's task; the digital-economy figure the two documents state differently
// (12 % against 33 %) is flagged in the list and in the indicator table.
import { describe, expect, it } from 'vitest';
import { englishTextOnPage } from './helpers';
import { apiSession, shotBoth, useDemoJourney } from './runServer';

const j = useDemoJourney();

interface Link { id: number; kind: string; status: string; here: { id: number; title: string }; there: { id: number; title: string; planId: number }; conflicts: { message: string }[] }

describe('相同工作', () => {
  it('永川区规划办查找并确认两个规划中的相同工作,数字不一致处有提示', async () => {
    const office = await apiSession(j.server.base, 'yc_office');
    const plans = await office<{ items: { id: number; title: string; regionName: string | null }[] }>('GET', '/api/plans?pageSize=50');
    const renewal = plans.items.find((p) => p.regionName === '永川区' && p.title.includes('城市更新'))!;
    const outline = plans.items.find((p) => p.regionName === '永川区' && p.id !== renewal.id)!;
    expect(renewal && outline).toBeTruthy();
    // the outline (004) states its renewal work as chapters and targets, not tasks: the office enters the line on old
    // residential areas as a task of the outline, led by the same bureau as the action plan's task
    const tasks = await office<{ items: { id: number; title: string; units: { unitId: number; role: string }[] }[] }>('GET', `/api/plans/${renewal.id}/tasks?q=${encodeURIComponent('老旧小区')}&pageSize=20`);
    const model = tasks.items.find((t) => t.units.some((u) => u.role === 'lead')) ?? tasks.items[0];
    expect(model, '城市更新行动计划中老旧小区改造的任务').toBeDefined();
    await office('POST', `/api/plans/${outline.id}/tasks`, { title: '全面推进城镇老旧小区改造,完善基础设施和公共服务配套', units: model.units.filter((u) => u.role === 'lead') });

    const page = await j.asUser('yc_office');
    await page.goto(`/plans/${renewal.id}?tab=same-work`);
    const tab = page.locator('.same-work');
    await tab.waitFor();
    await tab.getByRole('button', { name: '查找相同工作' }).click();
    const rows = tab.locator('.ant-table-row');
    await expect.poll(() => rows.count(), { timeout: 60_000 }).toBeGreaterThan(0);
    const list = await office<{ items: Link[]; counts: { proposed: number; conflicts: number } }>('GET', `/api/plans/${renewal.id}/same-work`);
    console.log(`相同工作建议:${list.counts.proposed} 项(任务 ${list.items.filter((l) => l.kind === 'task').length},指标 ${list.items.filter((l) => l.kind === 'indicator').length}),数字不一致 ${list.counts.conflicts} 项`);
    for (const l of list.items.slice(0, 12)) console.log(`  ${l.kind} ${l.here.title.slice(0, 30)} ⇄ ${l.there.title.slice(0, 30)}`);
    expect(list.items.every((l) => l.there.planId === outline.id)).toBe(true);
    expect(list.items.some((l) => l.kind === 'task')).toBe(true);
    await shotBoth(page, 'same-work-proposals');
    expect(await englishTextOnPage(page)).toEqual([]);

    // the office confirms the first task pair in the list
    const firstTask = rows.filter({ has: page.locator('td', { hasText: /^任务$/ }) }).first();
    const hereTitle = (await firstTask.locator('td').nth(1).textContent())!.trim();
    const pair = list.items.find((l) => l.kind === 'task' && l.here.title === hereTitle)!;
    expect(pair, hereTitle).toBeDefined();
    await firstTask.getByRole('button', { name: /确\s*认/ }).click();
    await page.getByText('已确认为同一项工作').waitFor();
    await tab.getByText('已确认', { exact: true }).first().click();
    await expect.poll(() => tab.locator('.ant-table-row').filter({ hasText: hereTitle }).count()).toBeGreaterThan(0);
    await shotBoth(page, 'same-work-confirmed');

    // the other plan's task shows this one in its detail
    await page.goto(`/tasks/${pair.there.id}`);
    const section = page.locator('.same-work-links');
    await section.waitFor({ timeout: 30_000 });
    expect(await section.textContent()).toContain(pair.here.title);
    expect(await section.textContent()).toContain('已确认');
    await shotBoth(page, 'same-work-task-detail');
    expect(await englishTextOnPage(page)).toEqual([]);

    // figures that differ between the two plans' same indicator are flagged in the indicator table
    const conflicting = list.items.find((l) => l.kind === 'indicator' && l.conflicts.length);
    if (conflicting) {
      await page.goto(`/plans/${renewal.id}?tab=indicators`);
      await page.locator('.same-indicator').first().waitFor({ timeout: 30_000 });
      expect(await page.locator('.same-indicator').filter({ hasText: '数字不一致' }).count()).toBeGreaterThan(0);
      await shotBoth(page, 'same-work-indicators');
    }
    console.log(`数字不一致的指标:${conflicting ? conflicting.conflicts[0].message : '无'}`);
    await page.close();
  });
});
