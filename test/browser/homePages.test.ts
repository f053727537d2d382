// Journey (issue #11): each role lands on its home page (今日待办) after login — the office its queue across its
// plans, a department reporter and a town what is due this period across every plan (deadlines in working days),
// a leader the district at a glance — with the expected sections, no page error, no English, and no horizontal
// overflow on a phone. 我的报送 and 考核评估 open on all the user's plans. Screens at 1366×768 and 390×844.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { englishTextOnPage, login, newPage } from './helpers';
import { apiSession, shotBoth, useDemoJourney } from './runServer';

const j = useDemoJourney();

interface UnitHome {
  reports: { planId: number; taskId: number; todo: boolean }[];
}

beforeAll(async () => {
  // something in each queue: 区住房城乡建委 sends one report, and answers a 督办 the office sent
  const jw = await apiSession(j.server.base, 'yc_jw');
  const office = await apiSession(j.server.base, 'yc_office');
  const home = await jw<UnitHome>('GET', '/api/home/unit');
  const first = home.reports.find((r) => r.todo);
  expect(first, '区住房城乡建委 has a report due').toBeTruthy();
  const { unitId } = await jw<{ unitId: number }>('POST', `/api/tasks/${first!.taskId}/reports`, { reportedStatus: '推进中', progress: 40, progressText: '完成老旧小区改造设计方案比选', problems: '', nextSteps: '启动施工招标', submit: true });
  const notice = await office<{ id: number }>('POST', `/api/plans/${first!.planId}/notices`, { unitId, title: '请说明老旧小区改造进度偏慢的原因', requirement: '请分析原因,提出整改措施并按期反馈。' });
  for (const step of [{ action: 'sign' }, { action: 'handle', text: '已组织专题会' }, { action: 'feedback', text: '已制定整改措施,12月底前完成招标' }]) await jw('POST', `/api/notices/${notice.id}/respond`, step);
});

/** A fresh page that fails the test on any page error. */
async function pageFor(username: string): Promise<{ page: Page; errors: string[]; close: () => Promise<void> }> {
  const { page, context } = await newPage(j.browser, j.server.base);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`[${username}] ${e.message}`));
  await login(page, username, 'luoshi2026');
  return { page, errors, close: () => context.close() };
}

/** Nothing wider than the screen: the document and the scrolling content area. */
async function horizontalOverflow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const vw = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth > vw) out.push(`document ${document.documentElement.scrollWidth} > ${vw}`);
    for (const el of Array.from(document.querySelectorAll<HTMLElement>('.app-content, .app-header, .home-page'))) {
      if (el.scrollWidth > el.clientWidth + 1) out.push(`${el.className.split(' ')[0]} ${el.scrollWidth} > ${el.clientWidth}`);
    }
    // any element reaching past the right edge (tables scroll inside their own box and are not counted)
    for (const el of Array.from(document.querySelectorAll<HTMLElement>('.home-page *'))) {
      if (el.closest('.ant-table-content, .ant-table-body')) continue;
      const r = el.getBoundingClientRect();
      if (r.width > 0 && r.right > vw + 1) {
        out.push(`${el.tagName.toLowerCase()}.${String(el.className).split(' ')[0]} reaches ${Math.round(r.right)} > ${vw}`);
        break;
      }
    }
    return out;
  });
}

async function landsOnHome(username: string, sections: string[], name: string, then?: (page: Page) => Promise<void>) {
  const { page, errors, close } = await pageFor(username);
  await page.waitForURL((u) => u.pathname === '/home');
  for (const s of sections) await page.getByRole('heading', { name: new RegExp(`^${s}`) }).first().waitFor({ timeout: 30_000 });
  await shotBoth(page, `home-${name}`);
  expect(await englishTextOnPage(page)).toEqual([]);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  for (const s of sections) await page.getByRole('heading', { name: new RegExp(`^${s}`) }).first().waitFor({ timeout: 30_000 });
  await shotBoth(page, `home-${name}-phone`);
  expect(await horizontalOverflow(page)).toEqual([]);
  // the navigation sits behind the menu button on a phone
  await page.getByRole('button', { name: '打开导航菜单' }).click();
  const nav = page.locator('.app-nav-drawer');
  await nav.getByRole('menuitem', { name: '首页' }).waitFor();
  await nav.getByRole('button', { name: /退\s*出/ }).waitFor();
  await shotBoth(page, `home-${name}-phone-menu`);
  await page.keyboard.press('Escape');
  await nav.waitFor({ state: 'hidden' });
  await page.setViewportSize({ width: 1366, height: 768 });
  if (then) await then(page);
  expect(errors).toEqual([]);
  await close();
}

describe('每个角色登录后进入自己的首页', () => {
  it('规划办:待审核报告、逾期未报单位、未明确单位的任务、待复核督办、待审核导入,数量在前', async () => {
    await landsOnHome('yc_office', ['今日待办', '待审核报告', '逾期未报单位', '未明确单位的任务', '待复核督办', '待审核导入'], 'office', async (page) => {
      const counts = page.locator('.home-counts .home-count');
      expect(await counts.count()).toBe(5);
      expect(await counts.first().innerText()).toMatch(/待审核报告\s*[1-9]/);
      // a report waiting for review opens on the board, in its review drawer
      await page.locator('#home-review .home-list a').first().click();
      await page.waitForURL((u) => /^\/board\/\d+$/.test(u.pathname) && u.searchParams.has('report'));
      await page.locator('.ant-drawer').getByText('进展情况').first().waitFor();
      await shotBoth(page, 'home-office-review-link');
      // and the overview is one click away
      await page.goto('/home');
      await page.getByText('全区概览', { exact: true }).click();
      await page.getByRole('heading', { name: /^各规划实施情况/ }).waitFor();
      await shotBoth(page, 'home-office-district');
    });
  });

  it('填报员:各规划本期应报进展,按工作日计截止,逾期在前,一键进入填报', async () => {
    await landsOnHome('yc_jw', ['今日待办', '本期应报进展', '督办', '责任、配合任务'], 'reporter', async (page) => {
      const first = page.locator('#home-reports .home-list > li').first();
      expect(await first.innerText()).toMatch(/个工作日|今天截止|已逾期/);
      await first.getByRole('button').click();
      await page.waitForURL((u) => u.pathname === '/reports' && u.searchParams.has('task'));
      await page.locator('.ant-drawer').getByLabel('进展情况').waitFor();
      await shotBoth(page, 'home-reporter-report-link');
    });
  });

  it('镇街:本镇在各镇街任务中的配合情况', async () => {
    await landsOnHome('yc_town', ['今日待办', '本期应报进展', '责任、配合任务'], 'town');
  });

  it('领导:登录即见全区概览(各规划、各牵头单位、滞后清单)', async () => {
    await landsOnHome('yc_leader', ['全区概览', '各规划实施情况', '滞后清单', '各牵头单位'], 'leader', async (page) => {
      // a plan opens on its dashboard
      await page.locator('#home-plans .home-list a').first().click();
      await page.waitForURL((u) => u.pathname === '/evaluation' && u.searchParams.get('tab') === 'dashboard');
    });
  });
});

describe('列表默认显示"全部规划"', () => {
  it('我的报送与考核评估不替用户选定某一个规划', async () => {
    const jw = await pageFor('yc_jw');
    await jw.page.goto('/reports');
    await jw.page.getByRole('combobox', { name: '选择规划' }).waitFor();
    await jw.page.locator('.plan-select').getByText('全部规划').waitFor();
    await jw.page.locator('.ant-tabs-content-active .ant-table-row').first().waitFor({ timeout: 60_000 });
    expect(new URL(jw.page.url()).searchParams.get('plan')).toBeNull();
    await shotBoth(jw.page, 'home-my-reports-all');
    expect(jw.errors).toEqual([]);
    await jw.close();

    const leader = await pageFor('yc_leader');
    await leader.page.goto('/evaluation');
    await leader.page.getByRole('heading', { name: '全部规划' }).waitFor();
    await leader.page.locator('.home-plans > li').first().waitFor();
    expect(new URL(leader.page.url()).searchParams.get('plan')).toBeNull();
    await shotBoth(leader.page, 'home-evaluation-all');
    expect(leader.errors).toEqual([]);
    await leader.close();
  });
});
