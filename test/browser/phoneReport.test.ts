// Journey (issue #11, phones): at 390×844 a department reporter (区发展改革委) logs in, opens one report due this
// period from its home page and submits it through the report drawer (推进状态, 完成进度, 进展情况, 存在问题,
// 下步打算); then a town (青峰镇) does the same. No page error, no English, nothing wider than the screen
// (document.documentElement.scrollWidth ≤ the viewport). The reporter's and town's other screens and the leader's
// home and dashboard are then checked at 360 and 414 px. Screenshots at 390×844 (and 360/414) via shotBoth.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { englishTextOnPage, login, newPage } from './helpers';
import { apiSession, shotBoth, useDemoJourney } from './runServer';

const j = useDemoJourney();
const PHONE = { width: 390, height: 844 };

interface UnitHome {
  reports: { planId: number; taskId: number; taskTitle: string; todo: boolean; reportStatus: string | null }[];
  contributions: { planId: number; taskId: number; taskTitle: string; role: string; viaAllTowns: boolean; given: boolean }[];
}

async function phonePage(username: string, viewport = PHONE) {
  const { page, context } = await newPage(j.browser, j.server.base);
  await page.setViewportSize(viewport);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`[${username}] ${e.message}`));
  await login(page, username, 'luoshi2026');
  await page.waitForURL((u) => u.pathname === '/home');
  return { page, errors, close: () => context.close() };
}

/** The document and every element outside a table's own scrolling box stay within the screen. */
async function overflow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const vw = document.documentElement.clientWidth;
    const out: string[] = [];
    if (document.documentElement.scrollWidth > vw) out.push(`document ${document.documentElement.scrollWidth} > ${vw}`);
    for (const el of Array.from(document.querySelectorAll<HTMLElement>('#main *, .ant-drawer *'))) {
      if (el.closest('.ant-table-content, .ant-table-body, .ant-table-header, .ant-tabs-nav-wrap, .ant-segmented, canvas')) continue;
      const r = el.getBoundingClientRect();
      if (r.width > 0 && r.height > 0 && r.right > vw + 1) {
        out.push(`${el.tagName.toLowerCase()}.${String(el.className).split(' ')[0]} reaches ${Math.round(r.right)} > ${vw}`);
        break;
      }
    }
    return out;
  });
}

/** Nothing is still loading: no spinner and no 正在加载. */
async function settled(page: Page) {
  await page.waitForLoadState('networkidle').catch(() => undefined);
  await page.waitForFunction(() => !document.querySelector('.ant-spin-spinning') && !document.body.innerText.includes('正在加载'), null, { timeout: 60_000 });
}

/**
 * From the home page: the first report due with 填报, the drawer at full width, the form filled and submitted.
 * Returns the task reported on.
 */
async function reportFromHome(username: string, name: string, text: { progressText: string; problems: string; nextSteps: string; progress: number }) {
  const { page, errors, close } = await phonePage(username);
  await page.getByRole('heading', { name: /^本期应报进展/ }).waitFor({ timeout: 60_000 });
  await settled(page);
  expect(await overflow(page)).toEqual([]);
  await shotBoth(page, `phone-report-${name}-home`);
  const item = page.locator('#home-reports .home-list > li').filter({ has: page.getByRole('button', { name: /^填\s*报$/ }) }).first();
  const title = (await item.locator('.home-item-title').innerText()).trim();
  await item.getByRole('button', { name: /^填\s*报$/ }).click();
  await page.waitForURL((u) => u.pathname === '/reports' && u.searchParams.has('task'));
  const taskId = Number(new URL(page.url()).searchParams.get('task'));
  const drawer = page.locator('.ant-drawer').filter({ hasText: '填报进展' });
  await drawer.getByLabel('进展情况').waitFor({ timeout: 60_000 });
  await expect.poll(() => drawer.locator('h3').first().innerText()).toBe(title);
  // the drawer takes the screen's width, with 完成进度 and the whole form inside it
  // (once it has slid in)
  const right = async (l: ReturnType<Page['locator']>) => {
    const b = await l.boundingBox();
    return b ? Math.round(b.x + b.width) : Infinity;
  };
  await expect.poll(() => right(drawer.locator('.ant-drawer-content, .ant-drawer-section').first()), { timeout: 10_000 }).toBeLessThanOrEqual(PHONE.width);
  const progress = drawer.getByRole('spinbutton', { name: /完成进度/ });
  await expect.poll(() => right(progress), { timeout: 10_000 }).toBeLessThanOrEqual(PHONE.width);
  await shotBoth(page, `phone-report-${name}-drawer`);
  expect(await overflow(page)).toEqual([]);

  await drawer.getByRole('combobox', { name: /推进状态/ }).click();
  await page.locator('.ant-select-dropdown:visible').getByTitle('推进中').click();
  await progress.fill(String(text.progress));
  await drawer.getByLabel('进展情况').fill(text.progressText);
  await drawer.getByLabel('存在问题').fill(text.problems);
  await drawer.getByLabel('下步打算').fill(text.nextSteps);
  await drawer.getByRole('button', { name: /^报\s*送$/ }).scrollIntoViewIfNeeded();
  await shotBoth(page, `phone-report-${name}-filled`);
  expect(await overflow(page)).toEqual([]);
  await drawer.getByRole('button', { name: /^报\s*送$/ }).click();
  await page.getByText(/已报送,等待规划办审核|已提交,等待单位负责人审核/).first().waitFor({ timeout: 60_000 });
  await drawer.getByText(/报告已报送,等待规划办审核|报告待单位负责人审核/).waitFor();
  // one vocabulary: the task's own light above the form says the same as the form (it is read again at once)
  if (await drawer.getByText('报告已报送,等待规划办审核').count()) {
    await drawer.getByText('已报送待审核', { exact: true }).first().waitFor({ timeout: 60_000 });
    expect(await drawer.getByText('未报送', { exact: true }).count()).toBe(0);
  }
  await shotBoth(page, `phone-report-${name}-submitted`);
  expect(await englishTextOnPage(page)).toEqual([]);
  expect(await overflow(page)).toEqual([]);
  expect(errors).toEqual([]);
  await close();
  return { taskId, title };
}

describe('在手机上报送一份进展(390×844)', () => {
  it('区发展改革委填报员从首页打开一项应报任务,在抽屉里填写并报送', async () => {
    const text = { progress: 65, progressText: '完成年度重点项目储备库更新,3 个项目完成可研批复', problems: '个别项目用地报批进度偏慢', nextSteps: '下月协调规划自然资源部门加快用地预审' };
    const { taskId } = await reportFromHome('yc_fgw', 'fgw', text);
    // the office sees the report as sent, with what was typed
    const fgw = await apiSession(j.server.base, 'yc_fgw');
    const home = await fgw<UnitHome>('GET', '/api/home/unit');
    expect(home.reports.find((r) => r.taskId === taskId)?.reportStatus).toBe('submitted');
    const reports = await fgw<{ items: { status: string; progress: number; progressText: string; problems: string; nextSteps: string }[] }>('GET', `/api/tasks/${taskId}/reports`);
    expect(reports.items.find((r) => r.progressText === text.progressText)).toMatchObject({ status: 'submitted', progress: 65, progressText: text.progressText, problems: text.problems, nextSteps: text.nextSteps });
  });

  it('青峰镇填报员同样从首页报送本镇牵头的一项任务', async () => {
    // the demo's 青峰镇 leads tasks only as one of 各镇街 (its part is a contribution, the report is the named lead
    // units'): the office names it lead of one of them, so a report of its own is due
    const town = await apiSession(j.server.base, 'yc_town');
    const office = await apiSession(j.server.base, 'yc_office');
    const { unitId } = await town<{ unitId: number }>('GET', '/api/auth/me');
    const before = await town<UnitHome>('GET', '/api/home/unit');
    expect(before.reports.filter((r) => r.todo)).toEqual([]);
    const viaTowns = before.contributions.find((c) => c.role === 'lead' && c.viaAllTowns);
    expect(viaTowns, '青峰镇 leads a task as one of 各镇街').toBeTruthy();
    await office('POST', `/api/plans/${viaTowns!.planId}/tasks/assign`, { taskIds: [viaTowns!.taskId], mode: 'add', units: [{ unitId, role: 'lead' }] });
    const text = { progress: 40, progressText: '完成镇村责任清单分解,召开专题部署会 2 次', problems: '无', nextSteps: '督促各村(社区)按月报送推进情况' };
    const { taskId } = await reportFromHome('yc_town', 'town', text);
    expect(taskId).toBe(viaTowns!.taskId);
    const home = await town<UnitHome>('GET', '/api/home/unit');
    expect(home.reports.find((r) => r.taskId === taskId)?.reportStatus).toBe('submitted');
  });

  it('青峰镇在各镇街承担的任务中填写本镇的配合情况', async () => {
    const { page, errors, close } = await phonePage('yc_town');
    await page.getByRole('heading', { name: /^责任、配合任务/ }).waitFor({ timeout: 60_000 });
    await settled(page);
    const item = page.locator('#home-help .home-list > li').filter({ hasText: '未填写配合情况' }).first();
    const title = (await item.locator('.home-item-title').innerText()).trim();
    await item.locator('.home-item-title').click();
    await page.waitForURL((u) => u.pathname === '/reports' && u.searchParams.get('tab') === 'help' && u.searchParams.has('task'));
    const drawer = page.locator('.ant-drawer').filter({ hasText: '填报配合情况' });
    await drawer.getByRole('textbox', { name: '配合情况' }).waitFor({ timeout: 60_000 });
    expect(await drawer.locator('h3').first().innerText()).toBe(title);
    await drawer.getByRole('textbox', { name: '配合情况' }).fill('本镇完成 12 个村(社区)人居环境整治点位排查,整改问题 36 处');
    await shotBoth(page, 'phone-report-town-part');
    expect(await overflow(page)).toEqual([]);
    await drawer.getByRole('button', { name: /保\s*存/ }).click();
    await page.getByText('配合情况已保存').first().waitFor({ timeout: 60_000 });
    await shotBoth(page, 'phone-report-town-part-saved');
    expect(await englishTextOnPage(page)).toEqual([]);
    expect(errors).toEqual([]);
    await close();
  });
});

describe('填报员、镇街和领导的页面在 360–414 px 宽的手机上不超出屏幕', () => {
  const screens: { user: string; name: string; path: string; ready: (p: Page) => Promise<unknown> }[] = [
    { user: 'yc_fgw', name: 'reports', path: '/reports', ready: (p) => p.locator('.ant-tabs-content-active .ant-table-row').first().waitFor({ timeout: 60_000 }) },
    { user: 'yc_fgw', name: 'my-tasks', path: '/my-tasks', ready: (p) => p.locator('.ant-table-row').first().waitFor({ timeout: 60_000 }) },
    { user: 'yc_fgw', name: 'notices', path: '/notices', ready: (p) => p.locator('.ant-table-row').first().waitFor({ timeout: 60_000 }) },
    { user: 'yc_fgw', name: 'plan', path: '/plans/1', ready: (p) => p.locator('.plan-main .ant-table-row').first().waitFor({ timeout: 60_000 }) },
    { user: 'yc_fgw', name: 'batch-report', path: '/batch-report', ready: (p) => p.locator('.report-grid-row').first().waitFor({ timeout: 60_000 }) },
    { user: 'yc_town', name: 'town-home', path: '/home', ready: (p) => p.getByText(/^今日待办/).first().waitFor({ timeout: 60_000 }) },
    { user: 'yc_town', name: 'town-notices', path: '/notices', ready: (p) => p.locator('.ant-table-row, .ant-table-placeholder').first().waitFor({ timeout: 60_000 }) },
    { user: 'yc_town', name: 'town-reports-help', path: '/reports?tab=help', ready: (p) => p.locator('.ant-tabs-content-active .ant-table-row').first().waitFor({ timeout: 60_000 }) },
    { user: 'yc_town', name: 'town-my-tasks', path: '/my-tasks', ready: (p) => p.locator('.ant-table-row').first().waitFor({ timeout: 60_000 }) },
    { user: 'yc_leader', name: 'leader-home', path: '/home', ready: (p) => p.getByRole('heading', { name: /^滞后清单/ }).waitFor({ timeout: 60_000 }) },
    { user: 'yc_leader', name: 'leader-dashboard', path: '/evaluation?tab=dashboard&plan=1', ready: (p) => p.getByText('分章节任务状态').first().waitFor({ timeout: 60_000 }) },
  ];
  for (const width of [360, 414]) {
    it(`${width} px`, async () => {
      const byUser = new Map<string, Awaited<ReturnType<typeof phonePage>>>();
      for (const s of screens) {
        if (!byUser.has(s.user)) byUser.set(s.user, await phonePage(s.user, { width, height: 844 }));
        const { page } = byUser.get(s.user)!;
        await page.goto(s.path);
        await s.ready(page);
        await settled(page);
        await shotBoth(page, `phone-${s.name}-${width}`);
        expect(await overflow(page), `${s.user} ${s.path} at ${width}`).toEqual([]);
        expect(await englishTextOnPage(page), `${s.user} ${s.path}`).toEqual([]);
      }
      for (const { errors, close } of byUser.values()) {
        expect(errors).toEqual([]);
        await close();
      }
    });
  }
});
