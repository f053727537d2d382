// Journey (issue #14): 永川's office opens its 城市体检 (the demo's 2025 year), reads the problems and how last year's
// moved, turns a problem into a task of its plan, enters a value; then the map (一图呈现) coloured by plan status and
// by check-up result, a district clicked open — on a desktop and on a 390 px phone, with every request kept on the
// demo server (the boundaries ship with the app) and no page error.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { englishTextOnPage } from './helpers';
import { apiSession, shotBoth, useDemoJourney } from './runServer';

const j = useDemoJourney();

/** fails the journey on a page error or on any request that leaves the demo server */
function watch(page: Page, base: string) {
  const errors: string[] = [];
  const outside: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  void page.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(base) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
    outside.push(url);
    return route.abort();
  });
  return { errors, outside };
}

interface Detail { id: number; year: number; problems: { id: number; code: string; regionName: string; status: string; indicatorName: string }[]; previousYear: { counts: Record<string, number> } | null }

describe('城市体检与一图呈现', () => {
  it('永川区规划办查看体检问题与上年变化,把问题转为任务,填报数值', async () => {
    const office = await apiSession(j.server.base, 'yc_office');
    const list = await office<{ items: { id: number; year: number; regionName: string }[] }>('GET', '/api/checkups');
    const c2025 = list.items.find((c) => c.year === 2025 && c.regionName === '永川区')!;
    expect(c2025).toBeTruthy();
    const before = await office<Detail>('GET', `/api/checkups/${c2025.id}`);
    expect(before.previousYear!.counts.solved).toBeGreaterThanOrEqual(1);
    const target = before.problems.find((p) => p.code === 'B04' && p.regionName === '永川区')!;
    expect(target.status).toBe('assigned');

    const page = await j.asUser('yc_office');
    const w = watch(page, j.server.base);
    await page.goto(`/checkups/${c2025.id}`);
    const cards = page.getByTestId('checkup-problem');
    await cards.first().waitFor();
    expect(await cards.count()).toBe(before.problems.length);
    await shotBoth(page, 'checkup-problems');

    // turn 普惠性幼儿园覆盖率 (assigned to 区教委) into a task of the plan
    const card = page.locator(`[data-problem-id="${target.id}"]`);
    expect(await card.textContent()).toContain('已分派');
    await card.getByRole('button', { name: '转为任务' }).click();
    const dialog = page.locator('.ant-modal').filter({ hasText: '转为规划任务' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: /确\s*定/ }).click();
    await expect.poll(() => card.textContent(), { timeout: 30_000 }).toContain('已转任务/项目');
    await expect.poll(() => card.textContent()).toContain('任务:补齐永川区“普惠性幼儿园覆盖率”短板');
    const after = await office<Detail>('GET', `/api/checkups/${c2025.id}`);
    expect(after.problems.find((p) => p.id === target.id)!.status).toBe('acted');

    // year on year
    await page.getByRole('tab', { name: /与2024年比较/ }).click();
    await expect.poll(() => page.locator('[role="tabpanel"]:visible').textContent()).toContain('已解决');
    expect(await page.locator('[role="tabpanel"]:visible').textContent()).toContain('有所好转');
    await shotBoth(page, 'checkup-year-on-year');

    // the values grid: change one value and save
    await page.getByRole('tab', { name: '数值填报' }).click();
    const input = page.getByLabel('青峰镇人均社区体育场地面积');
    await input.waitFor();
    await input.fill('3.1');
    await page.getByRole('button', { name: /保存\(1\)/ }).click();
    await expect.poll(() => page.locator('.ant-message').textContent(), { timeout: 30_000 }).toContain('已保存 1 个数值');
    await shotBoth(page, 'checkup-values');
    // indicator names of the national list keep their abbreviations (单位GDP…, R&D…): data, not interface
    expect((await englishTextOnPage(page)).filter((t) => !/GDP|R&D/.test(t))).toEqual([]);
    expect(w.errors).toEqual([]);
    expect(w.outside).toEqual([]);
    await page.close();
  });

  it('一图呈现:按规划状态与体检结果着色,点击区县打开其规划;手机 390 px 可用;不访问外网', async () => {
    const page = await j.asUser('cq_office');
    const w = watch(page, j.server.base);
    await page.goto('/map');
    const canvas = page.getByTestId('map-canvas');
    await canvas.waitFor();
    // 38 districts drawn from the shipped boundaries
    await expect.poll(() => canvas.locator('path').count(), { timeout: 30_000 }).toBeGreaterThanOrEqual(38);
    const side = page.getByTestId('map-side');
    for (const d of ['永川区', '铜梁区', '璧山区']) await expect.poll(() => side.textContent()).toContain(d);
    await shotBoth(page, 'map-plans');
    // click a district in the list: its plans open as links
    await side.locator('.ant-list-item').filter({ hasText: '永川区' }).click();
    const panel = page.getByTestId('area-panel');
    await panel.waitFor();
    expect(await panel.locator('a[href^="/plans/"]').count()).toBeGreaterThanOrEqual(1);
    // and a click on the map itself selects the district under it
    const box = (await canvas.boundingBox())!;
    await page.mouse.click(box.x + box.width * 0.5, box.y + box.height * 0.5);
    await expect.poll(() => panel.locator('h5').textContent()).not.toBe('');

    await page.getByText('城市体检结果').click();
    await page.getByText('点击区县查看规划与项目').waitFor().catch(() => undefined);
    await expect.poll(() => page.locator('.map-legend').textContent()).toContain('城市体检结果');
    await side.locator('.ant-list-item').filter({ hasText: '永川区' }).click();
    await expect.poll(() => panel.textContent()).toContain('2025年城市体检发现');
    expect(await panel.locator('a[href^="/checkups/"]').count()).toBe(1);
    expect(await panel.textContent()).toContain('永川区城区污水管网补短板工程'); // a project with a point
    await shotBoth(page, 'map-checkup');
    expect(await englishTextOnPage(page)).toEqual([]);

    // a 390 px phone: the map, then the check-up page, without sideways scrolling
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/map');
    await expect.poll(() => canvas.locator('path').count(), { timeout: 30_000 }).toBeGreaterThanOrEqual(38);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await shotBoth(page, 'map-phone');
    await page.goto('/checkups');
    await page.getByTestId('checkup-problem').first().waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await shotBoth(page, 'checkup-phone');
    expect(w.errors).toEqual([]);
    expect(w.outside).toEqual([]);
    await page.close();
  });

  it('区县下钻到镇街:永川区 23 个镇街按状态着色、项目点位与项目库,返回全市;1440 与 390 px;不访问外网', async () => {
    const page = await j.asUser('yc_office');
    const w = watch(page, j.server.base);
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto('/map');
    const canvas = page.getByTestId('map-canvas');
    await expect.poll(() => canvas.locator('path').count(), { timeout: 30_000 }).toBeGreaterThanOrEqual(38);
    // 城市体检结果: the towns with values are coloured (the demo's 2025 check-up has three of 永川's towns)
    await page.getByText('城市体检结果').click();
    await expect.poll(() => page.locator('.map-legend').textContent(), { timeout: 30_000 }).toContain('城市体检结果');
    await page.getByTestId('map-side').locator('.ant-list-item').filter({ hasText: '永川区' }).click();
    await expect.poll(() => canvas.getAttribute('aria-label'), { timeout: 30_000 }).toBe('永川区地图');
    const tiles = page.getByTestId('town-tile');
    await expect.poll(() => tiles.count(), { timeout: 30_000 }).toBe(23);
    expect(await page.getByTestId('town-grid').textContent()).toContain('镇街边界暂无开放许可的数据来源');
    expect(await page.locator('[data-testid="town-tile"]:not([data-color="grey"])').count()).toBeGreaterThanOrEqual(1);
    // one district drawn, its two project points on it
    await expect.poll(() => canvas.locator('path[fill="#8f1c22"], path[fill="rgb(143,28,34)"]').count(), { timeout: 30_000 }).toBe(2);
    expect(await canvas.locator('path').count()).toBeLessThan(38);
    await shotBoth(page, 'map-towns');
    // 规划任务状态: the same 23 towns; a town with projects opens them in the library
    await page.getByText('规划任务状态').click();
    await expect.poll(() => page.locator('.map-legend').textContent(), { timeout: 30_000 }).toContain('按规划任务状态着色');
    await page.getByTestId('map-side').locator('.ant-list-item').filter({ hasText: '永川区' }).click();
    await expect.poll(() => tiles.count(), { timeout: 30_000 }).toBe(23);
    // every town of 永川区 takes part in the tasks its plans address to 各镇街: none is without data
    await expect.poll(() => page.getByTestId('town-grid').textContent(), { timeout: 30_000 }).not.toContain('无数据');
    const withProjects = page.locator('a[data-testid="town-tile"]');
    expect(await withProjects.count()).toBeGreaterThanOrEqual(10); // the demo's 15 towns with a project
    const name = (await withProjects.first().locator('b').textContent())!;
    // back to the city, then into the library from a town
    await page.getByTestId('map-back').click();
    await expect.poll(() => canvas.locator('path').count(), { timeout: 30_000 }).toBeGreaterThanOrEqual(38);
    expect(await page.getByTestId('town-grid').count()).toBe(0);
    await page.getByTestId('map-side').locator('.ant-list-item').filter({ hasText: '永川区' }).click();
    await withProjects.filter({ hasText: name }).click();
    await page.waitForURL(/\/projects\?regionId=\d+/);
    await expect.poll(() => page.getByTestId('region-filter').textContent(), { timeout: 30_000 }).toContain(`区域:${name}`);
    await expect.poll(() => page.locator('.ant-pagination-total-text').textContent(), { timeout: 30_000 }).toMatch(/共 [1-9]\d* 个项目/);

    // a 390 px phone: the district, its towns under it, no sideways scrolling
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/map');
    await expect.poll(() => canvas.locator('path').count(), { timeout: 30_000 }).toBeGreaterThanOrEqual(38);
    await page.getByTestId('map-side').locator('.ant-list-item').filter({ hasText: '永川区' }).click();
    await expect.poll(() => tiles.count(), { timeout: 30_000 }).toBe(23);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await shotBoth(page, 'map-towns-phone');
    await page.getByTestId('town-grid').scrollIntoViewIfNeeded();
    await shotBoth(page, 'map-towns-phone-grid');
    expect(await englishTextOnPage(page)).toEqual([]);
    expect(w.errors).toEqual([]);
    expect(w.outside).toEqual([]);
    await page.close();
  });

  it('地图与项目、规划互通:点位打开项目详情,区县打开其规划、体检与项目库;手机 390 px 同样可用', async () => {
    const page = await j.asUser('yc_office');
    const w = watch(page, j.server.base);
    await page.goto('/map');
    const canvas = page.getByTestId('map-canvas');
    await expect.poll(() => canvas.locator('path').count(), { timeout: 30_000 }).toBeGreaterThanOrEqual(38);
    // a project point on the map (the scatter symbols are drawn in the points' colour) opens the project's detail
    const dots = canvas.locator('path[fill="#8f1c22"], path[fill="rgb(143,28,34)"]');
    await expect.poll(() => dots.count(), { timeout: 30_000 }).toBeGreaterThanOrEqual(2);
    await dots.first().click({ force: true });
    const drawer = page.locator('.ant-drawer-section');
    await drawer.waitFor();
    await expect.poll(() => drawer.locator('.ant-drawer-title').textContent(), { timeout: 30_000 }).toMatch(/永川区城区(污水管网补短板|易涝点整治)工程/);
    expect(await drawer.textContent()).toContain('业主单位');
    await shotBoth(page, 'map-project-drawer');
    await drawer.locator('.ant-drawer-close').click();
    await drawer.waitFor({ state: 'hidden' });

    // coloured by plan status, 永川区 opens its plans, its latest check-up and its projects
    const side = page.getByTestId('map-side');
    await side.locator('.ant-list-item').filter({ hasText: '永川区' }).click();
    const panel = page.getByTestId('area-panel');
    await panel.waitFor();
    expect(await panel.locator('a[href^="/plans/"]').count()).toBeGreaterThanOrEqual(1);
    expect(await panel.locator('a[href^="/checkups/"]').textContent()).toBe('查看2025年城市体检 →');
    await expect.poll(() => panel.textContent()).toMatch(/项目\((\d{2,})\)/);
    const points = panel.getByTestId('area-project');
    expect(await points.count()).toBe(2);
    await points.filter({ hasText: '永川区城区易涝点整治工程' }).click();
    await expect.poll(() => drawer.locator('.ant-drawer-title').textContent(), { timeout: 30_000 }).toBe('永川区城区易涝点整治工程');
    await drawer.locator('.ant-drawer-close').click();
    await drawer.waitFor({ state: 'hidden' });
    await shotBoth(page, 'map-area-panel');
    expect(await englishTextOnPage(page)).toEqual([]);

    // the district's projects in the library, filtered to the district and its towns
    await panel.getByRole('link', { name: /在项目库中查看本区县全部项目/ }).click();
    await page.waitForURL(/\/projects\?regionId=\d+/);
    await expect.poll(() => page.getByTestId('region-filter').textContent(), { timeout: 30_000 }).toContain('区域:永川区');
    await expect.poll(() => page.locator('.ant-pagination-total-text').textContent(), { timeout: 30_000 }).toMatch(/共 \d+ 个项目/);
    // the checkup page the panel points at opens
    await page.goto('/map');
    await side.locator('.ant-list-item').filter({ hasText: '永川区' }).click();
    await panel.locator('a[href^="/checkups/"]').click();
    await page.getByTestId('checkup-problem').first().waitFor();

    // a 390 px phone: the district's panel under the map, a project opened from it, no sideways scrolling
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/map');
    await expect.poll(() => canvas.locator('path').count(), { timeout: 30_000 }).toBeGreaterThanOrEqual(38);
    await side.locator('.ant-list-item').filter({ hasText: '永川区' }).click();
    await panel.getByTestId('area-project').first().scrollIntoViewIfNeeded();
    await shotBoth(page, 'map-area-phone');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await panel.getByTestId('area-project').first().click();
    await expect.poll(() => drawer.locator('.ant-drawer-title').textContent(), { timeout: 30_000 }).toMatch(/永川区城区/);
    await shotBoth(page, 'map-project-phone');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(w.errors).toEqual([]);
    expect(w.outside).toEqual([]);
    await page.close();
  });

  it('体检日程:规划办看到各年度体检的当前阶段与截止日期,阶段未就绪时说明原因,可调整日期;手机 390 px 可用', async () => {
    const office = await apiSession(j.server.base, 'yc_office');
    const list = await office<{ items: { id: number; year: number; cycle: { current: string | null; dueText: string } }[] }>('GET', '/api/checkups');
    const c2025 = list.items.find((c) => c.year === 2025)!;
    // the demo closed 采集数值 of both years: 查找问题 is what is due
    expect(c2025.cycle.current).toBe('diagnose');
    const page = await j.asUser('yc_office');
    const w = watch(page, j.server.base);
    await page.goto(`/checkups/${c2025.id}`);
    const due = page.getByTestId('checkup-due');
    await due.waitFor();
    expect(await due.textContent()).toContain('永川区2024年城市体检');
    expect(await due.textContent()).toContain(c2025.cycle.dueText);
    const cycle = page.getByTestId('checkup-cycle');
    await cycle.waitFor();
    expect(await cycle.locator('.ant-steps-item').count()).toBe(3);
    expect(await cycle.locator('.ant-steps-item-finish').textContent()).toContain('采集数值');
    await shotBoth(page, 'checkup-cycle');
    // 查找问题 cannot be closed while problems wait for a unit: the reason is shown, nothing changes
    await cycle.getByRole('button', { name: '完成“查找问题”' }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: /确\s*定|OK/ }).click();
    await expect.poll(() => page.locator('.ant-message').textContent(), { timeout: 30_000 }).toContain('未分派整改单位');
    expect((await office<{ cycle: { current: string } }>('GET', `/api/checkups/${c2025.id}`)).cycle.current).toBe('diagnose');
    // the office moves the dates: the stages show them
    await cycle.getByRole('button', { name: '调整日期' }).click();
    const dialog = page.locator('.ant-modal').filter({ hasText: '体检日程' });
    await dialog.waitFor();
    const field = dialog.getByLabel('问题转项目截止日期');
    await field.click();
    await field.fill('2025-12-15');
    await field.press('Enter');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await expect.poll(async () => (await office<{ cycle: { stages: { dueDate: string }[] } }>('GET', `/api/checkups/${c2025.id}`)).cycle.stages[2].dueDate, { timeout: 30_000 }).toBe('2025-12-15');
    await expect.poll(() => cycle.locator('.ant-steps-item').nth(2).textContent(), { timeout: 30_000 }).toContain('截止 2025-12-15');
    expect((await englishTextOnPage(page)).filter((t) => !/GDP|R&D/.test(t))).toEqual([]);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    await cycle.waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await shotBoth(page, 'checkup-cycle-phone');
    expect(w.errors).toEqual([]);
    expect(w.outside).toEqual([]);
    await page.close();
  });
});
