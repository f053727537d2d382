// Journey (issue #11, bulk work): a department reporter leading twenty-odd tasks of one plan (the case: 23) fills its month in the 批量填报
// grid — 全部复制上月, change each task's progress, 全部报送 — and the clicks it takes are counted (real mouse clicks
// on the page, from landing on the home page to the reports being submitted; the bar is under 40). A second
// reporter does the same on a phone (390×844) row by row with 复制上月. The office then accepts them in one go
// (批量审核: 下一条 through the queue, one returned and one accepted there, two returned and a page accepted at once). No page error, no English; screenshots at 1366×768 and 390×844.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { englishTextOnPage, userPage } from './helpers';
import { apiSession, shotBoth, useDemoJourney } from './runServer';

const j = useDemoJourney();

interface GridRow { planId: number; taskId: number; taskTitle: string; period: { key: string }; editable: boolean; previous: { progressText: string; progress: number | null } | null; report: { status: string } | null }
interface Grid { rows: GridRow[] }
const prevMonth = (key: string) => {
  const [y, m] = key.split('-').map(Number);
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
};

/**
 * The reporter's open rows of one plan in its grid (the plan where it leads most tasks due now), and last month's
 * report on each, so there is something to copy: the office unlocks last month for it and locks it again.
 */
async function leadTasks(username: string, exclude: number[] = []): Promise<{ planId: number; taskIds: number[]; period: string }> {
  const office = await apiSession(j.server.base, 'yc_office');
  const me = await apiSession(j.server.base, username);
  const grid = await me<Grid>('GET', '/api/me/report-grid');
  // a task two units lead has one report a period: the other unit's rows are left to it
  const open = grid.rows.filter((r) => r.editable && !r.report && !exclude.includes(r.taskId));
  const byPlan = new Map<number, GridRow[]>();
  for (const r of open) byPlan.set(r.planId, [...(byPlan.get(r.planId) ?? []), r]);
  const [planId, rows] = [...byPlan.entries()].sort((a, b) => b[1].length - a[1].length)[0] ?? [0, []];
  expect(rows.length, `${username} has reports due`).toBeGreaterThan(0);
  const taskIds = rows.map((r) => r.taskId);
  const period = rows[0].period.key;
  const last = prevMonth(period);
  await office('POST', `/api/plans/${planId}/periods/${last}/unlock`, {});
  const saved = await me<{ done: number }>('POST', '/api/me/reports', {
    submit: true,
    items: taskIds.map((taskId, i) => ({ taskId, period: last, reportedStatus: '推进中', progress: 20 + (i % 5) * 5, progressText: `上月已完成第${i + 1}项工作的方案编制和部门会商`, problems: i % 3 ? '' : '资金到位较慢', nextSteps: '按计划推进实施' })),
  });
  expect(saved.done).toBe(taskIds.length);
  await office('POST', `/api/plans/${planId}/periods/${last}/lock`, {});
  return { planId, taskIds, period };
}

/** A page that fails the test on any page error and counts every real click on it (kept across reloads). */
async function countedPage(username: string, viewport?: { width: number; height: number }) {
  const { page, context, errors } = await userPage(j.browser, j.server.base, username, viewport);
  await context.addInitScript(() => {
    const w = window as unknown as { __clicks: number };
    w.__clicks = Number(sessionStorage.getItem('clicks') ?? 0);
    document.addEventListener('click', (e) => e.isTrusted && sessionStorage.setItem('clicks', String(++w.__clicks)), true);
  });
  await page.reload();
  const clicks = () => page.evaluate(() => (window as unknown as { __clicks: number }).__clicks);
  return { page, errors, clicks, close: () => context.close() };
}

const rowOf = (page: Page, taskId: number) => page.locator(`.report-grid-row[data-task-id="${taskId}"]`);

describe('批量填报', () => {
  let desk: { planId: number; taskIds: number[]; period: string };
  let phone: { planId: number; taskIds: number[]; period: string };
  beforeAll(async () => {
    desk = await leadTasks('yc_jw');
    phone = await leadTasks('yc_fgw', desk.taskIds);
    // the demo's 区住房城乡建委 leads twenty-odd tasks of one plan due this month (the reporter has 23; the
    // count follows what the importer reads in the corpus plan, so the bar is on the size, not the exact figure)
    expect(desk.taskIds.length).toBeGreaterThanOrEqual(20);
  });

  it('区住房城乡建委 submits a month of twenty-odd lead tasks from the grid in under 40 clicks', async () => {
    const { page, errors, clicks, close } = await countedPage('yc_jw');
    expect(await clicks()).toBe(0);
    await page.getByRole('menuitem', { name: '批量填报' }).click();
    await page.waitForURL((u) => u.pathname === '/batch-report');
    for (const id of desk.taskIds) await rowOf(page, id).waitFor();
    await shotBoth(page, 'bulk-grid');
    expect(await englishTextOnPage(page)).toEqual([]);
    await page.getByRole('button', { name: /全部复制上月/ }).click();
    // last month's text is in every row; only the progress moved
    for (const [i, id] of desk.taskIds.entries()) {
      const row = rowOf(page, id);
      expect(await row.getByRole('textbox', { name: /完成情况$/ }).inputValue()).toBe(`上月已完成第${i + 1}项工作的方案编制和部门会商`);
      const progress = row.getByRole('spinbutton', { name: /完成进度$/ });
      await progress.click();
      await progress.fill(String(30 + (i % 5) * 5));
    }
    await shotBoth(page, 'bulk-grid-filled');
    await page.getByRole('button', { name: /全部报送/ }).click();
    await page.locator('.ant-modal-confirm').getByRole('button', { name: /报\s*送/ }).click();
    // the rows' own tags, not the toast: a message that shows for three seconds can be missed on a busy machine
    await rowOf(page, desk.taskIds[desk.taskIds.length - 1]).locator('.ant-tag', { hasText: /已报送|待审核/ }).waitFor({ timeout: 60_000 });
    const total = await clicks();
    console.log(`批量填报: ${desk.taskIds.length} 项牵头任务从首页到全部报送共 ${total} 次点击`);
    expect(total).toBeLessThan(40);
    for (const id of desk.taskIds) await rowOf(page, id).locator('.ant-tag', { hasText: /已报送|待审核/ }).waitFor();
    await shotBoth(page, 'bulk-grid-submitted');

    const jw = await apiSession(j.server.base, 'yc_jw');
    const grid = await jw<Grid>('GET', '/api/me/report-grid');
    const mine = grid.rows.filter((r) => desk.taskIds.includes(r.taskId));
    expect(mine.map((r) => r.report?.status)).toEqual(desk.taskIds.map(() => 'submitted'));
    expect(errors).toEqual([]);
    await close();
  });

  it('区发展改革委 fills its rows one by one with 复制上月 on a phone', async () => {
    const { page, errors, close } = await countedPage('yc_fgw', { width: 390, height: 844 });
    await page.getByRole('button', { name: '打开导航菜单' }).click();
    await page.locator('.app-nav-drawer').getByRole('menuitem', { name: '批量填报' }).click();
    await page.waitForURL((u) => u.pathname === '/batch-report');
    const ids = phone.taskIds.slice(0, 4);
    const first = rowOf(page, ids[0]);
    await first.waitFor();
    await shotBoth(page, 'bulk-grid-phone');
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
    for (const [i, id] of ids.entries()) {
      const row = rowOf(page, id);
      await row.getByRole('button', { name: /复制上月/ }).click();
      await row.getByRole('spinbutton', { name: /完成进度$/ }).fill(String(50 + i));
    }
    await first.scrollIntoViewIfNeeded();
    await shotBoth(page, 'bulk-grid-phone-filled');
    await page.getByRole('button', { name: /全部报送/ }).click();
    await page.locator('.ant-modal-confirm').getByRole('button', { name: /报\s*送/ }).click();
    for (const id of ids) await rowOf(page, id).locator('.ant-tag', { hasText: /已报送|待审核/ }).waitFor({ timeout: 60_000 });
    await shotBoth(page, 'bulk-grid-phone-submitted');
    expect(await englishTextOnPage(page)).toEqual([]);
    expect(errors).toEqual([]);
    await close();
  });

  it('规划办 steps through the reports with 下一条, returns one and accepts one there, returns two and accepts a page of them in one go', async () => {
    const { page, errors, close } = await userPage(j.browser, j.server.base, 'yc_office');
    const office = await apiSession(j.server.base, 'yc_office');
    type Reports = { total: number; items: { id: number; taskTitle: string; status: string; reviewNote?: string | null }[] };
    const waiting = () => office<Reports>('GET', `/api/plans/${desk.planId}/reports?status=submitted&pageSize=100`);
    const returned = () => office<Reports>('GET', `/api/plans/${desk.planId}/reports?status=returned&pageSize=100`);
    const before = await waiting();
    const returnedBefore = (await returned()).total;
    expect(before.total).toBeGreaterThanOrEqual(desk.taskIds.length);
    const n = before.total;
    await page.goto(`/board/${desk.planId}`);
    const rows = page.locator('.plan-report-table .ant-table-row');
    await rows.first().waitFor({ timeout: 60_000 });
    const pendingTab = page.getByRole('tab', { name: /待审核报告/ });
    const pendingCount = async () => Number(/\((\d+)\)/.exec(await pendingTab.innerText())?.[1]);

    // 审核 the first report: the dialog says where it is in the queue, 下一条 steps on without deciding
    await rows.first().getByRole('button', { name: /审\s*核/ }).click();
    const dialog = page.locator('.ant-modal').filter({ hasText: '审核报告' });
    const title = dialog.locator('.ant-modal-title');
    await expect.poll(() => title.innerText()).toContain(`第 1 / ${n} 份待审核`);
    const first = await title.innerText();
    await dialog.getByRole('button', { name: '下一条' }).click();
    await expect.poll(() => title.innerText()).toContain(`第 2 / ${n} 份待审核`);
    const second = (await title.innerText()).replace(/^.*?:/, '');
    expect(second).not.toBe(first.replace(/^.*?:/, ''));
    await shotBoth(page, 'bulk-review-next');
    // return this one with a reason: the next one opens at once, one fewer waiting
    await dialog.getByLabel('退回理由(退回时必填)').fill('进展情况缺少量化数据,请补充');
    await dialog.getByRole('button', { name: /^退\s*回$/ }).click();
    await expect.poll(() => title.innerText(), { timeout: 60_000 }).toContain(`/ ${n - 1} 份待审核`);
    const third = (await title.innerText()).replace(/^.*?:/, '');
    expect(third).not.toBe(second);
    // accept it there: the next one again, two fewer
    await dialog.getByRole('button', { name: /^通\s*过$/ }).click();
    await expect.poll(() => title.innerText(), { timeout: 60_000 }).toContain(`/ ${n - 2} 份待审核`);
    await dialog.getByRole('button', { name: /^取\s*消$/ }).click();
    await dialog.waitFor({ state: 'hidden' });
    const sent = await returned();
    expect(sent.total).toBe(returnedBefore + 1);
    expect(sent.items.map((r) => r.taskTitle)).toContain(second);
    // the board's queue and its tab follow without a reload of the page
    await expect.poll(pendingCount, { timeout: 60_000 }).toBe(n - 2);

    // 批量退回 two ticked reports with one reason
    await rows.nth(0).locator('.ant-checkbox-input').check();
    await rows.nth(1).locator('.ant-checkbox-input').check();
    const bar = page.getByRole('region', { name: '批量审核' });
    await bar.getByText('已选 2 份报告').waitFor();
    await bar.getByRole('button', { name: '批量退回' }).click();
    const back = page.locator('.ant-modal').filter({ hasText: '退回选中的 2 份报告' });
    await back.getByLabel('退回理由(各单位都会收到这一理由)').fill('请补充本月完成的具体工程量');
    await shotBoth(page, 'bulk-review-return');
    await back.getByRole('button', { name: /^退\s*回$/ }).click();
    await back.waitFor({ state: 'hidden', timeout: 60_000 });
    await expect.poll(async () => (await returned()).total, { timeout: 60_000 }).toBe(returnedBefore + 3);
    await expect.poll(pendingCount, { timeout: 60_000 }).toBe(n - 4);

    // and a page of them accepted in one go
    await page.locator('.plan-report-table thead .ant-checkbox-input').first().check();
    await bar.waitFor();
    const ticked = Number(/已选 (\d+) 份报告/.exec(await bar.innerText())?.[1]);
    expect(ticked).toBe(Math.min(10, n - 4));
    await shotBoth(page, 'bulk-review-selected');
    await bar.getByRole('button', { name: '批量通过' }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: /通\s*过/ }).click();
    await expect.poll(async () => (await waiting()).total, { timeout: 60_000 }).toBe(n - 4 - ticked);
    await expect.poll(pendingCount, { timeout: 60_000 }).toBe(n - 4 - ticked);
    await shotBoth(page, 'bulk-review-done');
    expect(await englishTextOnPage(page)).toEqual([]);
    expect(errors).toEqual([]);
    await close();
  });
});
