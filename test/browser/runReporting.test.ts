// Journey: a unit reporter submits this period's report, the office returns it with a reason, the reporter
// resubmits, the office accepts, and the task's computed status changes. Screens go to docs/screenshots/.
import { beforeAll, describe, expect, it } from 'vitest';
import { englishTextOnPage } from './helpers';
import { apiSession, shotBoth, useDemoJourney } from './runServer';

const j = useDemoJourney();
const asUser = (username: string) => j.asUser(username);

// a 1×1 PNG, as a photo from the site would be
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
const REASON = '进展情况缺少量化数据,请补充完成的项目个数';
const NOTICE = '城市更新项目进展滞后,请限期整改';
let taskTitle: string;


beforeAll(async () => {
  // the demo plan ended in 2025: the office extends it so this month's period is open
  const office = await apiSession(j.server.base, 'yc_office');
  await office('PATCH', '/api/plans/1', { periodEnd: 2027 });
});

describe('进展报送:报送、退回、重报、通过', () => {
  it('单位填报员报送本期进展', async () => {
    const page = await asUser('yc_jw');
    await page.goto('/reports?plan=1');
    await page.locator('.period-banner').waitFor();
    const first = page.locator('.ant-tabs-content-active .ant-table-row').first();
    await first.waitFor({ timeout: 30_000 });
    await page.locator('.ant-tabs-content-active .ant-table-row .light-reason').first().waitFor();
    await shotBoth(page, 'run-1-my-reports');
    expect(await englishTextOnPage(page)).toEqual([]);

    taskTitle = (await first.locator('.clamp-2').innerText()).trim();
    expect(await first.innerText()).toContain('未报送');
    await first.getByRole('button', { name: /^填\s*报$/ }).click();
    const drawer = page.locator('.ant-drawer-section');
    await drawer.getByLabel('推进状态').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '已完成' }).click();
    await drawer.getByLabel('完成进度(%)').fill('60');
    await drawer.getByLabel('进展情况').fill('已完成重点建筑设计方案比选征集,召开专家评审会2次。');
    await expect.poll(() => drawer.getByText('状态为"已完成",但进度为60%').count()).toBeGreaterThan(0);
    await shotBoth(page, 'run-2-report-warning');
    await drawer.getByLabel('推进状态').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '推进中' }).click();
    await drawer.getByLabel('存在问题').fill('部分项目审批周期较长');
    await drawer.getByLabel('下步打算').fill('12月底前完成方案深化');
    await drawer.locator('input[type=file]').setInputFiles({ name: '现场照片.png', mimeType: 'image/png', buffer: PNG });
    await page.locator('.ant-message').filter({ hasText: '已上传' }).waitFor();
    await drawer.getByRole('link', { name: '现场照片.png' }).waitFor();
    await drawer.getByRole('button', { name: /^报\s*送$/ }).click();
    await page.locator('.ant-message').filter({ hasText: '已报送' }).waitFor();
    await drawer.getByText('报告已报送,等待规划办审核').waitFor();
    await shotBoth(page, 'run-3-submitted');
    const url = new URL(page.url());
    expect(url.pathname).toBe('/reports');
    await page.context().close();
  });

  it('规划办在报送看板退回报告并说明理由', async () => {
    const page = await asUser('yc_office');
    await page.goto('/board/1');
    await page.locator('.board-stats').waitFor();
    const row = page.locator('.ant-tabs-content-active .ant-table-row', { hasText: taskTitle.slice(0, 10) }).first();
    await row.waitFor({ timeout: 30_000 });
    await shotBoth(page, 'run-4-board');
    expect(await englishTextOnPage(page)).toEqual([]);
    await row.getByRole('button', { name: /审\s*核/ }).click();
    const modal = page.locator('.ant-modal').filter({ hasText: '审核报告' });
    await modal.getByRole('link', { name: '现场照片.png' }).waitFor();
    await modal.getByLabel('退回理由(退回时必填)').fill(REASON);
    await shotBoth(page, 'run-5-review-return');
    await modal.getByRole('button', { name: /^退\s*回$/ }).click();
    await page.locator('.ant-message').filter({ hasText: '已退回' }).waitFor();
    await page.context().close();
  });

  it('单位看到退回理由,修改后重新报送', async () => {
    const page = await asUser('yc_jw');
    await page.goto('/reports?plan=1');
    const alert = page.locator('.ant-alert-error').filter({ hasText: '份报告被退回' });
    await alert.waitFor({ timeout: 30_000 });
    expect(await alert.innerText()).toContain(REASON);
    const row = page.locator('.ant-tabs-content-active .ant-table-row', { hasText: taskTitle.slice(0, 10) }).first();
    await row.getByRole('button', { name: '修改重报' }).click();
    const drawer = page.locator('.ant-drawer-section');
    await drawer.getByText(`报告已被退回:${REASON}`).waitFor();
    await drawer.getByLabel('进展情况').fill('已完成重点建筑设计方案比选征集3个,召开专家评审会2次,完成率60%。');
    await shotBoth(page, 'run-6-returned-edit');
    await drawer.getByRole('button', { name: '重新报送' }).click();
    await page.locator('.ant-message').filter({ hasText: '已报送' }).waitFor();
    await page.context().close();
  });

  it('规划办审核通过,任务状态随之更新', async () => {
    const page = await asUser('yc_office');
    await page.goto('/board/1');
    const row = page.locator('.ant-tabs-content-active .ant-table-row', { hasText: taskTitle.slice(0, 10) }).first();
    await row.waitFor({ timeout: 60_000 });
    await row.getByRole('button', { name: /审\s*核/ }).click();
    const modal = page.locator('.ant-modal').filter({ hasText: '审核报告' });
    await modal.getByRole('button', { name: /^通\s*过$/ }).click();
    await page.locator('.ant-message').filter({ hasText: '已审核通过' }).waitFor();
    await page.context().close();

    const unit = await asUser('yc_jw');
    await unit.goto('/reports?plan=1');
    const done = unit.locator('.ant-tabs-content-active .ant-table-row', { hasText: taskTitle.slice(0, 10) }).first();
    await done.waitFor({ timeout: 30_000 });
    await expect.poll(() => done.innerText()).toContain('已通过');
    const text = await done.innerText();
    // before: 未报送 (grey); after acceptance the status is computed from the accepted 60% against 序时进度
    expect(text).not.toContain('未报送');
    expect(text).toMatch(/序时进度[\d.]+%,实际进度60%/);
    expect(text).toMatch(/正常推进|滞后|严重滞后/);
    await shotBoth(unit, 'run-7-accepted-status');
    await unit.context().close();
  });

  it('督办、提醒与考核评估页面可用', async () => {
    // the office issues one 督办 by hand, so the unit has one to sign whatever the rules have issued by now
    const me = await (await apiSession(j.server.base, 'yc_jw'))<{ unitId: number }>('GET', '/api/auth/me');
    await (await apiSession(j.server.base, 'yc_office'))('POST', '/api/plans/1/notices', { unitId: me.unitId, title: NOTICE, requirement: '请补充本期完成的项目个数,并书面说明原因。' });
    const unit = await asUser('yc_jw');
    await unit.goto('/notices');
    const notice = unit.locator('.ant-table-row', { hasText: NOTICE }).first();
    await notice.waitFor({ timeout: 30_000 });
    await shotBoth(unit, 'run-8-notices-unit');
    await unit.locator('.bell-button').click();
    await unit.locator('.bell-list').waitFor();
    await shotBoth(unit, 'run-9-bell');
    expect(await unit.locator('.bell-item', { hasText: '退回' }).count()).toBeGreaterThan(0);
    await unit.keyboard.press('Escape');
    await notice.click();
    await unit.locator('.ant-drawer-section').getByRole('button', { name: /签\s*收/ }).click();
    await unit.locator('.ant-message').filter({ hasText: '已签收' }).waitFor();
    await shotBoth(unit, 'run-10-notice-signed');
    await unit.context().close();

    const office = await asUser('yc_office');
    await office.goto('/evaluation?plan=1');
    await office.locator('.ant-table-row').first().waitFor({ timeout: 30_000 });
    await office.locator('.ant-table-row').first().click();
    await office.waitForTimeout(300);
    await shotBoth(office, 'run-11-scores');
    expect(await englishTextOnPage(office)).toEqual([]);
    await office.goto('/evaluation?plan=5&tab=dashboard');
    await office.locator('.chart-box svg').first().waitFor({ timeout: 30_000 });
    await shotBoth(office, 'run-12-dashboard');
    await office.locator('.app-content').evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await shotBoth(office, 'run-12b-dashboard-indicators');
    await office.goto('/evaluation?plan=1&tab=reports');
    await office.getByRole('button', { name: '生成草稿' }).click();
    await office.locator('.ant-drawer-section textarea').first().waitFor({ timeout: 30_000 });
    await shotBoth(office, 'run-13-evaluation-draft');
    const drawer = office.locator('.ant-drawer-section');
    await drawer.getByLabel('前言').fill('为全面掌握规划实施进展,现将年度监测情况报告如下。');
    await drawer.getByRole('button', { name: /保\s*存/ }).click();
    await office.locator('.ant-message').filter({ hasText: '评估报告已保存' }).waitFor();
    await drawer.getByLabel('前言').scrollIntoViewIfNeeded();
    await shotBoth(office, 'run-14-evaluation-edit');
    // the export buttons are plain links the browser downloads with the session
    const hrefs = [await drawer.getByRole('link', { name: /导出文档/ }).getAttribute('href'), await office.getByRole('link', { name: /任务台账/ }).getAttribute('href')];
    const types = await office.evaluate(async (urls) => Promise.all(urls.map(async (u) => (await fetch(u!)).headers.get('content-type'))), hrefs);
    expect(types[0]).toContain('wordprocessingml');
    expect(types[1]).toContain('spreadsheetml');
    await office.context().close();
  });
  it('单位负责人预审:规划办开启后,填报员报送的报告先经本单位负责人审核,再到规划办的报告列表', async () => {
    const office = await asUser('yc_office');
    await office.goto('/board/1');
    await office.locator('.board-stats').waitFor();
    const toggle = office.getByRole('switch', { name: '单位负责人预审' });
    expect(await toggle.getAttribute('aria-checked')).toBe('false');
    await toggle.click();
    await office.locator('.ant-message').filter({ hasText: '已开启单位负责人预审' }).waitFor();
    await office.context().close();

    const unit = await asUser('yc_jw');
    await unit.goto('/reports?plan=1');
    const row = unit.locator('.ant-tabs-content-active .ant-table-row').filter({ has: unit.getByRole('button', { name: /^填\s*报$/ }) }).first();
    await row.waitFor({ timeout: 30_000 });
    const title = (await row.locator('.clamp-2').innerText()).trim();
    await row.getByRole('button', { name: /^填\s*报$/ }).click();
    const drawer = unit.locator('.ant-drawer-section');
    await drawer.getByLabel('推进状态').click();
    await unit.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '推进中' }).click();
    await drawer.getByLabel('完成进度(%)').fill('45');
    await drawer.getByLabel('进展情况').fill('完成片区更新实施方案初稿,征求街道意见。');
    await drawer.getByRole('button', { name: /^报\s*送$/ }).click();
    await unit.locator('.ant-message').filter({ hasText: '等待单位负责人审核' }).waitFor();
    await drawer.getByText('报告待单位负责人审核').waitFor();
    await shotBoth(unit, 'run-15-unit-review-submitted');
    await unit.keyboard.press('Escape');
    const mine = unit.locator('.ant-tabs-content-active .ant-table-row', { hasText: title.slice(0, 10) }).first();
    await expect.poll(() => mine.innerText()).toContain('待单位负责人审核');
    await unit.context().close();

    const head = await asUser('yc_jw_head');
    await head.goto('/reports?plan=1&tab=unit-review');
    const waiting = head.locator('.ant-tabs-content-active .plan-report-table .ant-table-row', { hasText: title.slice(0, 10) }).first();
    await waiting.waitFor({ timeout: 30_000 });
    expect(await head.getByRole('tab', { name: /待我审核\(\d+\)/ }).count()).toBe(1);
    expect(await englishTextOnPage(head)).toEqual([]);
    await shotBoth(head, 'run-16-unit-head-queue');
    await waiting.getByRole('button', { name: /审\s*核/ }).click();
    const modal = head.locator('.ant-modal').filter({ hasText: '单位负责人审核' });
    await modal.getByText('待单位负责人审核').first().waitFor();
    await shotBoth(head, 'run-17-unit-head-review');
    await modal.getByRole('button', { name: '审核通过并报规划办' }).click();
    await head.locator('.ant-message').filter({ hasText: '报告已报送规划办' }).waitFor();
    await expect.poll(() => head.locator('.ant-tabs-content-active .plan-report-table .ant-table-row', { hasText: title.slice(0, 10) }).count()).toBe(0);
    await head.context().close();

    const back = await asUser('yc_office');
    await back.goto('/board/1');
    await back.getByRole('tab', { name: /全部报告/ }).click();
    const listed = back.locator('.ant-tabs-content-active .plan-report-table .ant-table-row', { hasText: title.slice(0, 10) }).first();
    await listed.waitFor({ timeout: 30_000 });
    expect(await listed.innerText()).toContain('已报送待审核');
    await back.getByLabel('按报告状态筛选').click();
    await back.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '已通过' }).click();
    await expect.poll(() => back.locator('.ant-tabs-content-active .plan-report-table .ant-table-row', { hasText: title.slice(0, 10) }).count()).toBe(0);
    await back.getByLabel('按报告状态筛选').click();
    await back.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '已报送待审核' }).click();
    await listed.waitFor();
    await shotBoth(back, 'run-18-board-report-list');
    expect(await englishTextOnPage(back)).toEqual([]);
    await listed.getByRole('button', { name: /查\s*看/ }).click();
    const view = back.locator('.ant-drawer-section').filter({ hasText: '进展报告' });
    await view.getByText('完成片区更新实施方案初稿').waitFor();
    expect(new URL(back.url()).searchParams.get('report')).toMatch(/^\d+$/);
    await shotBoth(back, 'run-19-report-drawer');
    await back.context().close();
  });

  it('实施设置:规划办改截止日和提醒规则,报送日历随之重算,红灯阈值不得小于黄灯', async () => {
    const office = await asUser('yc_office');
    await office.goto('/board/1');
    await office.locator('.board-stats').waitFor();
    await office.getByRole('button', { name: '实施设置' }).click();
    const drawer = office.locator('.ant-drawer-section').filter({ hasText: '实施设置' });
    await drawer.getByText('报送日历').waitFor();
    await drawer.getByLabel('截止日(每月几日前)').fill('20');
    // a red threshold below the yellow one is refused in the form, in Chinese
    await drawer.getByLabel('落后序时进度(红灯)').fill('5');
    await drawer.getByRole('button', { name: /^保\s*存$/ }).click();
    await drawer.getByText('红灯阈值不能小于黄灯阈值').waitFor();
    await drawer.getByLabel('落后序时进度(红灯)').fill('25');
    await drawer.getByRole('button', { name: '添加提醒规则' }).click();
    const rows = drawer.locator('.run-settings-rule:not(.run-settings-rule-head)');
    await rows.last().getByLabel('相对截止日天数,负数为截止日前').fill('-7');
    await expect.poll(() => rows.last().innerText()).toContain('截止日前 7 天');
    expect(await englishTextOnPage(office)).toEqual([]);
    await shotBoth(office, 'run-20-run-settings');
    await drawer.getByRole('button', { name: /^保\s*存$/ }).click();
    await office.locator('.ant-message').filter({ hasText: '实施设置已保存' }).waitFor();

    const api = await apiSession(j.server.base, 'yc_office');
    const cal = await api<{ settings: { reporting: { dueDay: number }; taskThresholds: { redGap: number }; reminders: { rules: { offsetDays: number }[] } }; periods: { key: string; nominalDueDate: string }[] }>('GET', '/api/plans/1/reporting');
    expect(cal.settings.reporting.dueDay).toBe(20);
    expect(cal.settings.taskThresholds.redGap).toBe(25);
    expect(cal.settings.reminders.rules.map((r) => r.offsetDays)).toContain(-7);
    expect(cal.periods.every((p) => p.nominalDueDate.endsWith('-20'))).toBe(true);
    const history = await api<{ items: { action: string }[] }>('GET', '/api/audit?entityType=plan&entityId=1');
    expect(history.items.map((h) => h.action)).toContain('plan.settings');
    await office.context().close();
  });
});
