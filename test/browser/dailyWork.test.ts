// Journeys (issue #11) of the office's and a reporter's daily work that bulkReporting.test.ts does not walk:
// 批量指派 (the office ticks many tasks without units and gives them a lead unit and a deadline), the ledger in
// Excel (a reporter downloads its 工作进展台账, fills it, uploads it, sees the rows with errors, then sends the clean
// rows), 催报 (the office reminds the units it chooses), and the top bar's search ("十四五" finds the 纲要 whose text
// holds it). No page error, no English; screenshots at 1366×768 via shotBoth.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { englishTextOnPage, userPage } from './helpers';
import { apiSession, shotBoth, useDemoJourney } from './runServer';

const j = useDemoJourney();

const pageFor = (username: string, viewport?: { width: number; height: number }) => userPage(j.browser, j.server.base, username, viewport);

/** English in the page, ignoring what the user typed or a file name shown back. */
const english = (page: Page) => englishTextOnPage(page);

interface TaskOut { id: number; title: string; deadline: string | null; units: { unitId: number | null; role: string; name: string }[] }

describe('规划办批量指派', () => {
  it('从首页"未明确单位的任务"进入规划,搜出无单位的任务,勾选六项,一次指定牵头单位和完成时限', async () => {
    // the demo's imported tasks all name their units now: the office adds six 背街小巷 tasks of its own without any
    const office = await apiSession(j.server.base, 'yc_office');
    const planId = 1;
    const created: number[] = [];
    for (let i = 1; i <= 6; i++) created.push((await office<{ id: number }>('POST', `/api/plans/${planId}/tasks`, { title: `推进背街小巷整治提升(第${i}批)`, text: `完成第${i}批背街小巷的路面、管线、立面和照明整治。` })).id);
    const after = await office<{ unassignedTasks: { planId: number; count: number }[] }>('GET', '/api/home/office');
    expect(after.unassignedTasks.find((u) => u.planId === planId)?.count).toBeGreaterThanOrEqual(6);
    const lead = (await office<{ items: { id: number; name: string; regionName: string }[] }>('GET', `/api/units?q=${encodeURIComponent('区城市管理局')}`)).items.find((u) => u.name === '区城市管理局' && u.regionName === '永川区')!;

    const { page, errors, close } = await pageFor('yc_office');
    const link = page.locator(`#home-unassigned .home-list a.home-item-title[href="/plans/${planId}"]`);
    await link.waitFor({ timeout: 60_000 });
    expect(await link.innerText()).toMatch(/\d+ 项任务未明确牵头或责任单位/);
    await shotBoth(page, 'bulk-assign-home');
    await link.click();
    await page.waitForURL((u) => u.pathname === `/plans/${planId}`);
    const search = page.locator('.plan-main').getByLabel('搜索任务', { exact: true });
    await search.fill('背街小巷');
    await search.press('Enter');
    for (const id of created) await page.locator(`.plan-main tr[data-row-key="${id}"]`).waitFor({ timeout: 60_000 });
    // the search also finds a task of the plan that names its units already: only the six without are ticked
    for (const id of created) await page.locator(`.plan-main tr[data-row-key="${id}"] .ant-checkbox-input`).check();
    const picked = created.length;
    const assign = page.getByRole('button', { name: `批量指派(${picked})` });
    await assign.waitFor();
    await shotBoth(page, 'bulk-assign-selected');
    await assign.click();
    const modal = page.locator('.ant-modal').filter({ hasText: `批量指派:已选 ${picked} 项任务` });
    await modal.getByRole('combobox', { name: '牵头单位' }).click();
    await modal.getByRole('combobox', { name: '牵头单位' }).fill('区城市管理局');
    // every district has a 区城市管理局: the list offers only the plan's own (永川区 and its towns), as the server
    // accepts only those (UNIT_OUTSIDE_REGION)
    const options = page.locator('.ant-select-dropdown:visible .ant-select-item-option');
    await options.filter({ hasText: /^区城市管理局$/ }).waitFor();
    const offered = await options.allInnerTexts();
    expect(offered).toContain('区城市管理局');
    expect(offered.filter((t) => /璧山区|区城市管理局[((]/.test(t))).toEqual([]);
    await options.filter({ hasText: /^区城市管理局$/ }).click();
    // a multiple select keeps its list open after a pick: a click on the dialog's title closes it
    await modal.locator('.ant-modal-title').click();
    await page.locator('.ant-select-dropdown:visible').waitFor({ state: 'hidden' });
    await modal.getByLabel('完成时限').click();
    await modal.getByLabel('完成时限').fill('2027-06');
    await shotBoth(page, 'bulk-assign-modal');
    expect(await english(page)).toEqual([]);
    await modal.getByRole('button', { name: /指\s*派/ }).click();
    // the toast (已为 N 项任务完成指派) lasts three seconds: the closed dialog and the table are what stay
    await modal.waitFor({ state: 'hidden', timeout: 60_000 });
    await expect.poll(async () => (await office<TaskOut>('GET', `/api/tasks/${created[0]}`)).deadline, { timeout: 30_000 }).toBe('2027-06');
    await page.locator(`.plan-main tr[data-row-key="${created[0]}"]`).getByText('区城市管理局').first().waitFor({ timeout: 60_000 });
    await shotBoth(page, 'bulk-assign-done');
    for (const id of created) {
      const t = await office<TaskOut>('GET', `/api/tasks/${id}`);
      expect(t.units.filter((u) => u.role === 'lead').map((u) => u.unitId)).toEqual([lead.id]);
      expect(t.deadline).toBe('2027-06');
    }
    expect((await office<{ unassignedTasks: { planId: number }[] }>('GET', '/api/home/office')).unassignedTasks.find((u) => u.planId === planId)?.planId ?? null).toBeNull();
    expect(errors).toEqual([]);
    await close();
  });
});

describe('填报员用 Excel 台账报送', () => {
  it('下载台账,填写后上传,先看到有问题的行,确认后只报送无误的行', async () => {
    const { page, errors, close } = await pageFor('yc_fgw');
    await page.getByRole('menuitem', { name: '批量填报' }).click();
    await page.waitForURL((u) => u.pathname === '/batch-report');
    await page.locator('.report-grid-row').first().waitFor({ timeout: 60_000 });
    const downloading = page.waitForEvent('download');
    await page.getByRole('link', { name: /下载台账/ }).click();
    const download = await downloading;
    const dir = mkdtempSync(join(tmpdir(), 'luoshi-ledger-'));
    const file = join(dir, download.suggestedFilename() || '台账.xlsx');
    await download.saveAs(file);

    // fill it as a unit would: two good rows, one with a progress of 150 %, one with a status not in the list
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.worksheets[0];
    let header = 0;
    const col: Record<string, number> = {};
    ws.eachRow((row, n) => {
      if (header) return;
      row.eachCell((c, i) => {
        const text = String(c.value ?? '').replace(/\s+/g, '');
        if (text === '推进状态' || text === '完成情况' || text === '存在问题' || text === '下步计划') col[text] = i;
        else if (text.startsWith('完成进度')) col['完成进度'] = i;
        else if (/任务$/.test(text)) col['任务'] = i; // 重点任务
      });
      if (col['推进状态'] && col['完成情况']) header = n;
    });
    expect(header, 'the ledger has its header row').toBeGreaterThan(0);
    const dataRows: number[] = [];
    for (let n = header + 1; n <= ws.rowCount && dataRows.length < 4; n++) if (String(ws.getRow(n).getCell(col['任务']).value ?? '').trim()) dataRows.push(n);
    expect(dataRows.length).toBe(4);
    const fill = (n: number, v: { status: string; progress: number; text: string; problems?: string; next?: string }) => {
      const r = ws.getRow(n);
      r.getCell(col['推进状态']).value = v.status;
      r.getCell(col['完成进度']).value = v.progress;
      r.getCell(col['完成情况']).value = v.text;
      r.getCell(col['存在问题']).value = v.problems ?? '无';
      r.getCell(col['下步计划']).value = v.next ?? '按计划推进';
      r.commit();
    };
    fill(dataRows[0], { status: '推进中', progress: 45, text: '完成年度重点项目谋划储备,入库项目 36 个' });
    fill(dataRows[1], { status: '推进中', progress: 150, text: '进度填错的一行' });
    fill(dataRows[2], { status: '进行中', progress: 30, text: '推进状态写成了表外的词' });
    fill(dataRows[3], { status: '已完成', progress: 100, text: '专项规划编制完成并印发实施', next: '开展实施评估' });
    const filled = join(dir, '区发展改革委工作进展台账(已填).xlsx');
    await wb.xlsx.writeFile(filled);

    await page.getByRole('button', { name: /上传台账/ }).click();
    const modal = page.locator('.ledger-modal');
    await modal.locator('input[type=file]').setInputFiles(filled);
    await modal.getByText(/行可保存/).waitFor({ timeout: 60_000 });
    // the two rows filled wrong say why; the rows left blank are set aside too (本行未填写任何进展,不保存)
    const titleOf = (n: number) => String(ws.getRow(n).getCell(col['任务']).value ?? '').trim();
    const errorOf = (n: number) => modal.locator('.ledger-row-error').filter({ hasText: titleOf(n) }).first().locator('.ledger-errors').innerText();
    expect(await errorOf(dataRows[1])).toMatch(/进度/);
    expect(await errorOf(dataRows[2])).toMatch(/推进状态“进行中”不在可选范围内/);
    const errors2 = await modal.locator('.ledger-row-error .ledger-errors').allInnerTexts();
    expect(errors2.filter((t) => !t.includes('未填写任何进展')).length).toBe(2);
    await shotBoth(page, 'ledger-upload-errors');
    expect(await english(page)).toEqual([]);
    await modal.getByRole('button', { name: /^报送\(2\)$/ }).click();
    // the rows' tags, not the three-second toast, which a busy machine can miss
    await expect.poll(() => modal.locator('.ant-tag', { hasText: '已报送' }).count(), { timeout: 60_000 }).toBe(2);
    await shotBoth(page, 'ledger-upload-sent');

    const fgw = await apiSession(j.server.base, 'yc_fgw');
    const grid = await fgw<{ rows: { taskId: number; taskTitle: string; report: { status: string; progress: number | null; progressText: string } | null }[] }>('GET', '/api/me/report-grid');
    const byTitle = (n: number) => String(ws.getRow(n).getCell(col['任务']).value ?? '').trim();
    const sent = grid.rows.filter((r) => r.report?.status === 'submitted');
    expect(sent.map((r) => r.report!.progressText)).toEqual(expect.arrayContaining(['完成年度重点项目谋划储备,入库项目 36 个', '专项规划编制完成并印发实施']));
    // the rows with errors saved nothing
    for (const n of [dataRows[1], dataRows[2]]) expect(grid.rows.find((r) => r.taskTitle === byTitle(n))?.report?.status ?? null).not.toBe('submitted');
    expect(errors).toEqual([]);
    await close();
  });
});

describe('规划办催报', () => {
  it('在报送看板上选择要催报的未报单位,立即催报:选中的单位收到提醒,未选的没有', async () => {
    const jw = await apiSession(j.server.base, 'yc_jw');
    const fgw = await apiSession(j.server.base, 'yc_fgw');
    const home = await jw<{ reports: { planId: number; todo: boolean }[] }>('GET', '/api/home/unit');
    const planId = home.reports.find((r) => r.todo)!.planId;
    const reminders = async (who: typeof jw) => (await who<{ items: { title: string; body: string }[] }>('GET', '/api/me/notifications')).items.filter((n) => n.title.endsWith('工作进展催报') && n.body.includes('请于本周五下班前报送'));
    expect(await reminders(jw)).toEqual([]);

    const { page, errors, close } = await pageFor('yc_office');
    await page.goto(`/board/${planId}`);
    await page.getByRole('tab', { name: /单位报送情况/ }).click();
    const remind = page.getByRole('button', { name: /催报\(\d+ 个单位未报\)/ });
    await remind.waitFor({ timeout: 60_000 });
    await remind.click();
    const modal = page.locator('.ant-modal').filter({ hasText: /催报 .* 工作进展/ });
    const boxes = modal.locator('.ant-checkbox-wrapper');
    await boxes.first().waitFor();
    const names = (await boxes.allInnerTexts()).map((t) => t.replace(/[(（]未报 \d+ 项[)）]$/, '').trim());
    expect(names).toEqual(expect.arrayContaining(['区住房城乡建委', '区发展改革委']));
    // every late unit is ticked at first: the office clears them and ticks only 区住房城乡建委
    await modal.getByRole('button', { name: '全不选' }).click();
    await modal.getByText('已选 0 /').waitFor();
    await boxes.nth(names.indexOf('区住房城乡建委')).locator('input').check();
    await modal.getByLabel('催报附言').fill('请于本周五下班前报送本月进展');
    const send = modal.getByRole('button', { name: '立即催报(1)' });
    await send.waitFor();
    await shotBoth(page, 'remind-units-chosen');
    expect(await english(page)).toEqual([]);
    await send.click();
    await page.getByText(/1 项已催报/).first().waitFor({ timeout: 60_000 });
    await shotBoth(page, 'remind-units-sent');
    const got = await reminders(jw);
    expect(got.length).toBe(1);
    expect(got[0].body).toContain('区住房城乡建委');
    expect(await reminders(fgw)).toEqual([]);
    expect(errors).toEqual([]);
    await close();
  });
});

describe('顶栏搜索', () => {
  it('"十四五" 在分组结果中找到正文含有它的纲要,选中即打开该规划', async () => {
    const { page, errors, close } = await pageFor('yc_office');
    const box = page.getByRole('combobox', { name: '全局搜索' });
    await box.click();
    await box.fill('十四五');
    const popup = page.locator('.top-search-popup');
    await popup.locator('.top-search-group').first().waitFor({ timeout: 60_000 });
    const groups = await popup.locator('.top-search-group').allInnerTexts();
    expect(groups[0]).toMatch(/^规划/);
    const gangyao = popup.locator('.top-search-hit[data-kind="plans"]').filter({ hasText: '国民经济和社会发展第十四个五年规划' });
    await gangyao.first().waitFor();
    expect(await gangyao.first().innerText()).toMatch(/正文提及:.*十四五/);
    await shotBoth(page, 'top-search-results');
    expect(await english(page)).toEqual([]);
    await gangyao.first().click();
    await page.waitForURL((u) => /^\/plans\/\d+$/.test(u.pathname));
    await page.locator('.plan-meta h2').filter({ hasText: '第十四个五年规划' }).waitFor({ timeout: 60_000 });
    // a unit from the same box opens the unit list searched
    await box.click();
    await box.fill('区发展改革委');
    await popup.locator('.top-search-hit[data-kind="units"]').first().click();
    await page.waitForURL((u) => u.pathname === '/units' && u.searchParams.get('q') === '区发展改革委');
    await page.locator('.ant-table-row').filter({ hasText: '区发展改革委' }).first().waitFor({ timeout: 60_000 });
    expect(errors).toEqual([]);
    await close();

    // a phone: the search sits behind a button, in a full-width panel
    const phone = await pageFor('yc_fgw', { width: 390, height: 844 });
    await phone.page.getByRole('button', { name: '打开搜索' }).click();
    const panelBox = phone.page.locator('.top-search-modal').getByRole('combobox', { name: '全局搜索' });
    await panelBox.fill('十四五');
    await phone.page.locator('.top-search-popup .top-search-hit').first().waitFor({ timeout: 60_000 });
    await shotBoth(phone.page, 'top-search-phone');
    expect(await phone.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(phone.errors).toEqual([]);
    await phone.close();
  });
});
