// Journey (issue #14): 永川区规划办 opens 项目库 (004's 专栏 projects), filters it, opens a project under construction,
// rolls two projects into next year's list, imports an Excel list (a wrong row first, refused with its reason, then a
// good file confirmed) and exports the library; 区水利局 reports its project's investment (a falling sum is refused
// with the reason, a good one saved). Desktop and phone (390 px); any page error fails the journey.
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { englishTextOnPage, openTab } from './helpers';
import { apiSession, shotBoth, useDemoJourney } from './runServer';

const j = useDemoJourney();

function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

async function sheet(rows: (string | number)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('项目表');
  ws.addRow(['序号', '项目名称', '建设内容', '建设地点', '业主单位', '总投资(万元)', '开工时间', '竣工时间']);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('项目库', () => {
  it('规划办筛选、查看、滚动、导入、导出;业主单位报送投资进度', async () => {
    const page = await j.asUser('yc_office');
    const errors = watchErrors(page);
    await page.goto('/projects');
    const rows = page.locator('.project-library .ant-table-row');
    await rows.first().waitFor();
    await expect.poll(() => page.locator('.project-library .ant-pagination').textContent()).toMatch(/共 3\d\d 个项目/);
    await shotBoth(page, 'project-library');
    // filter: 在建
    await page.getByLabel('阶段').click();
    await page.locator('.ant-select-dropdown:visible').getByText('在建', { exact: true }).click();
    await expect.poll(() => page.locator('.project-library .ant-pagination').textContent()).toMatch(/共 \d{1,2} 个项目/);
    // a project with reports: the water bureau's
    await page.getByLabel('搜索项目').fill('');
    const office = await apiSession(j.server.base, 'yc_office');
    const list = await office<{ items: { id: number; name: string; ownerUnitName: string | null; lastPeriod: string | null }[] }>('GET', '/api/projects?phase=construction&pageSize=500');
    const reported = list.items.find((p) => p.ownerUnitName === '区水利局' && p.lastPeriod)!;
    expect(reported, '演示数据中有区水利局报送过的在建项目').toBeTruthy();
    await page.getByLabel('搜索项目').fill(reported.name);
    await page.getByLabel('搜索项目').press('Enter');
    await page.locator('.project-library .ant-table-row a', { hasText: reported.name }).first().click();
    const drawer = page.locator('.ant-drawer').filter({ hasText: '投资报送' }).last();
    await drawer.getByText('规划办操作').waitFor();
    await openTab(drawer, /投资报送/);
    await expect.poll(() => drawer.locator('.ant-table-row').count()).toBeGreaterThanOrEqual(3);
    await shotBoth(page, 'project-drawer-office');
    await openTab(drawer, '库别与阶段历史');
    await expect.poll(() => drawer.textContent()).toContain('年度计划');
    await page.keyboard.press('Escape');

    // roll two reserve projects into next year's rolling list
    await page.goto('/projects');
    await rows.first().waitFor();
    // rows the office runs (not the city's, not closed ones) have a checkbox that can be ticked
    const open = rows.filter({ has: page.locator('.ant-checkbox-input:not([disabled])') });
    const names = [await open.nth(0).locator('a').first().textContent(), await open.nth(1).locator('a').first().textContent()];
    await open.nth(0).locator('.ant-checkbox-input').check();
    await open.nth(1).locator('.ant-checkbox-input').check();
    await page.getByRole('button', { name: /滚动调整/ }).click();
    const rollDialog = page.locator('.ant-modal').filter({ hasText: '调入' });
    await rollDialog.getByRole('button', { name: /调\s*整/ }).click();
    await page.getByText('已滚动调整').waitFor();
    const year = new Date().getFullYear() + 1;
    const rolled = await office<{ items: { name: string }[] }>('GET', `/api/projects?list=rolling&year=${year}&pageSize=500`);
    expect(rolled.items.map((p) => p.name)).toEqual(expect.arrayContaining(names as string[]));

    // import: a wrong row is shown with its reason and nothing is saved; a good file is confirmed
    await page.getByRole('button', { name: /导入项目表/ }).click();
    const dialog = page.locator('.ant-modal').filter({ hasText: '自动识别表头' });
    await dialog.locator('input[type=file]').setInputFiles({ name: '项目表.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: await sheet([[1, '红河大道北延伸段', '道路2.4公里', '中山路街道', '区交通局', '1.8亿元', '2027-03', '2028-12'], [2, '卫星湖污水处理厂提标', '', '', '不存在的公司', 5000, '2027-01', '2027-12']]) });
    await dialog.getByText('业主单位“不存在的公司”不在本区域单位库中', { exact: false }).waitFor();
    expect(await dialog.getByRole('button', { name: /确认导入/ }).isDisabled()).toBe(true);
    await shotBoth(page, 'project-import-errors');
    await dialog.locator('input[type=file]').setInputFiles({ name: '项目表.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: await sheet([[1, '红河大道北延伸段', '道路2.4公里', '中山路街道', '区交通局', '1.8亿元', '2027-03', '2028-12']]) });
    await dialog.getByText('检查通过').waitFor();
    await dialog.getByRole('button', { name: /确认导入/ }).click();
    await page.getByText('已导入 1 个项目').waitFor();
    await dialog.waitFor({ state: 'hidden' });
    const imported = await office<{ items: { totalInvestment: number; ownerUnitName: string; origin: string }[] }>('GET', `/api/projects?q=${encodeURIComponent('红河大道北延伸段')}`);
    expect(imported.items).toMatchObject([{ totalInvestment: 18000, ownerUnitName: '区交通局', origin: 'excel' }]);
    // export: the link carries the filters and answers an Excel file
    const href = await page.getByRole('link', { name: /导出项目库/ }).getAttribute('href');
    const cookies = await page.context().cookies();
    const res = await fetch(j.server.base + href, { headers: { cookie: cookies.map((c) => `${c.name}=${c.value}`).join('; ') } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    expect(await englishTextOnPage(page)).toEqual([]);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/projects');
    await rows.first().waitFor();
    await shotBoth(page, 'project-library-phone');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(errors).toEqual([]);
    await page.close();

    // the owner unit reports
    const unit = await j.asUser('yc_sl');
    const unitErrors = watchErrors(unit);
    await unit.setViewportSize({ width: 390, height: 844 });
    await unit.goto('/projects');
    await unit.locator('.project-library .ant-table-row').first().waitFor();
    const mine = await (await apiSession(j.server.base, 'yc_sl'))<{ items: { ownerUnitName: string }[] }>('GET', '/api/projects?pageSize=500');
    expect(new Set(mine.items.map((p) => p.ownerUnitName))).toEqual(new Set(['区水利局']));
    await unit.locator('.project-library .ant-table-row a', { hasText: reported.name }).first().click();
    const d = unit.locator('.ant-drawer').filter({ hasText: '投资报送' }).last();
    await openTab(d, /投资报送/);
    const form = d.locator('.project-report-form');
    await form.waitFor();
    const current = await office<{ project: { completedInvestment: number } }>('GET', `/api/projects/${reported.id}`);
    await form.getByLabel('累计完成投资(万元)').fill(String(current.project.completedInvestment - 1));
    await form.getByLabel('形象进度').fill('完成渠道衬砌3公里');
    await form.getByRole('button', { name: /报\s*送/ }).click();
    await form.getByText('累计完成投资不能低于上期累计完成投资', { exact: false }).waitFor();
    await shotBoth(unit, 'project-report-refused-phone');
    await form.getByLabel('累计完成投资(万元)').fill(String(current.project.completedInvestment + 120));
    await form.getByRole('button', { name: /报\s*送/ }).click();
    await unit.getByText('已报送').first().waitFor();
    const after = await office<{ project: { completedInvestment: number; progressText: string } }>('GET', `/api/projects/${reported.id}`);
    expect(after.project).toMatchObject({ completedInvestment: current.project.completedInvestment + 120, progressText: '完成渠道衬砌3公里' });
    expect(unitErrors).toEqual([]);
    await unit.close();
  });

  it('规划办编辑项目服务的规划事项:专栏/章节、任务、指标,跨规划保留', async () => {
    const office = await apiSession(j.server.base, 'yc_office');
    type Detail = { project: { id: number; name: string; planId: number | null }; links: { kind: string; targetId: number; title: string; planId: number | null }[] };
    const plans = await office<{ items: { id: number; title: string; regionName: string | null }[] }>('GET', '/api/plans?pageSize=50');
    const outline = plans.items.find((p) => p.regionName === '永川区' && !p.title.includes('城市更新'))!;
    const renewal = plans.items.find((p) => p.regionName === '永川区' && p.title.includes('城市更新'))!;
    const list = await office<{ items: { id: number; name: string; planId: number | null }[] }>('GET', `/api/projects?planId=${outline.id}&pageSize=500`);
    let project: Detail | undefined;
    for (const p of list.items) {
      const d = await office<Detail>('GET', `/api/projects/${p.id}`);
      if (!d.links.length) { project = d; break; }
    }
    expect(project, '纲要中尚未关联事项的专栏项目').toBeTruthy();
    const name = project!.project.name;

    for (const viewport of [{ width: 1366, height: 768 }, { width: 390, height: 844 }]) {
      const phone = viewport.width < 500;
      const page = await j.asUser('yc_office');
      const errors = watchErrors(page);
      await page.setViewportSize(viewport);
      await page.goto(`/projects?project=${project!.project.id}`);
      const drawer = page.locator('.ant-drawer').filter({ hasText: '关联事项' }).last();
      await openTab(drawer, /关联事项/);
      await drawer.getByRole('button', { name: '编辑关联事项' }).click();
      const modal = page.locator('.ant-modal').filter({ hasText: '项目服务的规划事项' });
      await modal.waitFor();
      // the project's own plan is chosen; pick one item of each kind
      await expect.poll(() => modal.locator('.ant-select').first().textContent(), { timeout: 30_000 }).toContain(outline.title);
      const pick = async (label: string, nth = 0) => {
        const select = modal.getByLabel(label, { exact: true });
        await expect.poll(() => select.isEnabled(), { timeout: 30_000 }).toBe(true);
        await select.click();
        // this select's own dropdown (its listbox is `${id}_list`): on a loaded machine the dropdown of the select
        // before it may still be in the page, and its active option is not this one's
        const dropdown = page.locator('.ant-select-dropdown:visible').filter({ has: page.locator(`[id="${await select.getAttribute('id')}_list"]`) });
        // by keyboard (a click on an option still sliding in is lost on a loaded machine): the nth option, Enter
        await dropdown.locator('.ant-select-item-option').first().waitFor();
        for (let i = 0; i < nth; i++) await page.keyboard.press('ArrowDown');
        const option = dropdown.locator('.ant-select-item-option-active');
        const text = ((await option.textContent()) ?? '').trim();
        await page.keyboard.press('Enter');
        await page.keyboard.press('Escape');
        await expect.poll(() => page.locator('.ant-select-dropdown:visible').count(), { timeout: 30_000 }).toBe(0);
        return text;
      };
      if (!phone) {
        const chosen = { outline: await pick('专栏/章节', 1), task: await pick('任务'), indicator: await pick('指标') };
        await expect.poll(() => modal.textContent(), { timeout: 30_000 }).toContain('共 3 项');
        await shotBoth(page, 'project-links-editor');
        // another plan: its task is added, the three picked in the outline are kept
        await modal.getByLabel('规划', { exact: true }).click();
        await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: renewal.title }).first().click();
        await expect.poll(() => page.locator('.ant-select-dropdown:visible').count(), { timeout: 30_000 }).toBe(0);
        await expect.poll(() => modal.textContent(), { timeout: 30_000 }).toContain('其他规划 3 项(保留)');
        const otherTask = await pick('任务');
        await expect.poll(() => modal.textContent(), { timeout: 30_000 }).toContain('共 4 项');
        await modal.getByRole('button', { name: /保\s*存/ }).click();
        await page.getByText('关联事项已保存').waitFor();
        await expect.poll(() => drawer.locator('.project-links li').count(), { timeout: 30_000 }).toBe(4);
        const saved = await office<Detail>('GET', `/api/projects/${project!.project.id}`);
        expect(saved.links.map((l) => l.kind).sort()).toEqual(['indicator', 'outline', 'task', 'task']);
        expect(saved.links.filter((l) => l.planId === outline.id).map((l) => l.kind).sort()).toEqual(['indicator', 'outline', 'task']);
        expect(saved.links.find((l) => l.kind === 'task' && l.planId === renewal.id)!.title).toBe(otherTask);
        expect(saved.links.find((l) => l.kind === 'task' && l.planId === outline.id)!.title).toBe(chosen.task);
        expect(saved.links.find((l) => l.kind === 'indicator')!.title).toBe(chosen.indicator);
        expect(chosen.outline).toContain(saved.links.find((l) => l.kind === 'outline')!.title.split(' ').pop()!);
        await shotBoth(page, 'project-links');
      } else {
        // on a phone: the saved set reopens as it was (3 in the outline's plan, 1 kept from the other), in the screen
        await expect.poll(() => modal.textContent(), { timeout: 30_000 }).toContain('共 4 项');
        await expect.poll(() => modal.locator('.ant-select-multiple .ant-select-selection-item').count(), { timeout: 30_000 }).toBe(3);
        await shotBoth(page, 'project-links-editor-phone');
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
        await modal.getByRole('button', { name: /取\s*消/ }).click();
      }
      expect(await englishTextOnPage(page)).toEqual([]);
      expect(errors, name).toEqual([]);
      await page.close();
    }
  });
});
