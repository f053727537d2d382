// Journey (issue #13): 铜梁's office opens the city's scheme (002), takes up one of its tasks on the 区县落实 tab by
// creating a task in its own plan, and the city office sees the matrix change (铜梁's column counts one more).
import { describe, expect, it } from 'vitest';
import { englishTextOnPage } from './helpers';
import { apiSession, shotBoth, useDemoJourney } from './runServer';

const j = useDemoJourney();

interface Coverage { plan: { id: number }; districts: { id: number; name: string; counts: { taken_up: number } }[] }

describe('区县落实', () => {
  it('铜梁区规划办落实市级任务,市规划办在矩阵中看到变化', async () => {
    const city = await apiSession(j.server.base, 'cq_office');
    const plans = await city<{ items: { id: number; regionName: string | null }[] }>('GET', '/api/plans?pageSize=50');
    const scheme = plans.items.find((p) => p.regionName === '重庆市')!;
    const before = (await city<Coverage>('GET', `/api/plans/${scheme.id}/coverage`)).districts.find((d) => d.name === '铜梁区')!.counts.taken_up;

    const page = await j.asUser('tl_office');
    await page.goto(`/plans/${scheme.id}?tab=take-up`);
    const rows = page.locator('.take-up .ant-table-row');
    await rows.first().waitFor();
    // the first task is taken up by the demo; take up the second by creating a task in 铜梁's plan
    await rows.nth(1).getByRole('button', { name: '新建任务' }).click();
    const dialog = page.locator('.ant-modal').filter({ hasText: '据此新建本区县任务' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: /确\s*定/ }).click();
    await expect.poll(() => rows.nth(1).locator('.ant-tag').first().textContent(), { timeout: 30_000 }).toBe('已落实');
    await shotBoth(page, 'take-up-district');
    expect(await englishTextOnPage(page)).toEqual([]);
    await page.close();

    const after = (await city<Coverage>('GET', `/api/plans/${scheme.id}/coverage`)).districts.find((d) => d.name === '铜梁区')!.counts.taken_up;
    expect(after).toBe(before + 1);
    // 永川's 住房城乡建委 reports far behind pace on one of its linked tasks: that row's roll-up turns red
    const cov = await city<Coverage & { rows: { cells: { regionId: number; taskIds: number[] }[] }[] }>('GET', `/api/plans/${scheme.id}/coverage`);
    const yc = cov.districts.find((d) => d.name === '永川区')!;
    const linked = cov.rows.flatMap((r) => r.cells.filter((c) => c.regionId === yc.id).flatMap((c) => c.taskIds));
    const reporter = await apiSession(j.server.base, 'yc_jw');
    const mine = await reporter<{ items: { id: number }[] }>('GET', '/api/me/tasks?role=lead&pageSize=200');
    const lagging = linked.find((id) => mine.items.some((t) => t.id === id));
    expect(lagging, '永川区住房城乡建委牵头的区县落实任务').toBeDefined();
    await reporter('POST', `/api/tasks/${lagging}/reports`, { reportedStatus: '推进中', progress: 1, progressText: '前期手续办理中', problems: '资金未到位', nextSteps: '加快推进', submit: true });
    const cityPage = await j.asUser('cq_office');
    await cityPage.goto(`/plans/${scheme.id}?tab=take-up`);
    await cityPage.locator('.coverage .ant-table-row').first().waitFor();
    await expect.poll(() => cityPage.locator('.coverage .ant-table-thead').textContent()).toContain('铜梁区');
    await expect.poll(() => cityPage.locator('.coverage').textContent()).toContain('汇总规则');
    // taken up and reporting: 永川's report for the current period marks its cell 本期已报送; a taken-up cell with nothing
    // sent for the period says 本期未报送 (铜梁's task created above)
    const ycReporting = cov.rows.findIndex((r) => r.cells.some((c) => c.regionId === yc.id && c.taskIds.includes(lagging!)));
    const ycCol = cov.districts.findIndex((d) => d.id === yc.id);
    const ycCell = cityPage.locator('.coverage .ant-table-row').nth(ycReporting).locator('td').nth(2 + ycCol);
    await expect.poll(() => ycCell.textContent()).toContain('本期已报送');
    expect(await cityPage.locator('.coverage .reporting-mark.silent').count()).toBeGreaterThan(0);
    await expect.poll(() => cityPage.locator('.coverage').textContent()).toMatch(/其中本期已报送 [1-9]/);
    await shotBoth(cityPage, 'take-up-matrix', true);
    // the roll-up rule dialog: the city office switches to the share on track at 60 %, the sentence above the matrix follows
    await cityPage.getByRole('button', { name: /汇总规则:取最差颜色/ }).click();
    const ruleDialog = cityPage.locator('.ant-modal').filter({ hasText: '设置汇总规则' });
    await ruleDialog.waitFor();
    await ruleDialog.locator('.ant-select').first().click();
    await cityPage.locator('.ant-select-item-option').filter({ hasText: '按正常推进占比' }).click();
    const threshold = ruleDialog.getByRole('spinbutton');
    await threshold.waitFor();
    await threshold.fill('60');
    await shotBoth(cityPage, 'take-up-rollup-rule');
    expect(await englishTextOnPage(cityPage)).toEqual([]);
    await ruleDialog.getByRole('button', { name: /保\s*存/ }).click();
    await cityPage.getByText('汇总规则已保存').waitFor();
    await expect.poll(() => cityPage.locator('.coverage .ant-alert').first().textContent()).toContain('按正常推进占比');
    await expect.poll(() => cityPage.locator('.coverage').textContent()).toContain('达到60%为绿色');
    await expect.poll(() => cityPage.getByRole('button', { name: /汇总规则:按正常推进占比/ }).count()).toBe(1);
    const saved = await city<{ rollupRule: { kind: string; threshold: number } }>('GET', `/api/plans/${scheme.id}/coverage`);
    expect(saved.rollupRule).toMatchObject({ kind: 'share', threshold: 60 });
    // the filter keeps the tasks whose roll-up is red or yellow: the report far behind pace makes at least one
    await cityPage.getByText('有区县滞后').click();
    await expect.poll(() => cityPage.locator('.coverage .ant-table-row').count()).toBeGreaterThanOrEqual(1);
    await expect.poll(() => cityPage.locator('.coverage .ant-table-row').count()).toBeLessThan(26);
    await cityPage.close();
  });
});
