// Journey: the office publishes a plan through the UI; the public page (no login) shows progress by chapter
// and indicator charts, and nothing internal: no reporters' names, no report texts, no return reasons.
import { beforeAll, describe, expect, it } from 'vitest';
import { englishTextOnPage, login, newPage } from './helpers';
import { apiSession, shotBoth, useDemoJourney } from './runServer';

const j = useDemoJourney();

const REASON = '请补充资金到位情况的佐证材料';
const PROBLEM = '内部备注:征收补偿协商尚未完成';
const secrets = ['李强', '王敏', '张华', '填报员', REASON, PROBLEM, '退回'];

beforeAll(async () => {
  // a report that went through a return and an acceptance, so there is internal text to leak
  const office = await apiSession(j.server.base, 'yc_office');
  const unit = await apiSession(j.server.base, 'yc_jw');
  await office('PATCH', '/api/plans/1', { periodEnd: 2027 });
  // the 纲要 (plan 5) is published by the demo, after its preview
  const tasks = await unit<{ items: { id: number; planId: number }[] }>('GET', '/api/me/tasks?role=lead&pageSize=5');
  const taskId = tasks.items.find((t) => t.planId === 1)!.id;
  const body = { reportedStatus: '推进中', progress: 50, progressText: '已完成方案设计', problems: PROBLEM, nextSteps: '加快推进', submit: true };
  const r = await unit<{ id: number }>('POST', `/api/tasks/${taskId}/reports`, body);
  await office('POST', `/api/reports/${r.id}/review`, { decision: 'return', reason: REASON });
  await unit('POST', `/api/tasks/${taskId}/reports`, body);
  await office('POST', `/api/reports/${r.id}/review`, { decision: 'accept' });
});

describe('公开页面', () => {
  it('规划办在界面上公开规划', async () => {
    const { page, context } = await newPage(j.browser, j.server.base);
    await login(page, 'yc_office', 'luoshi2026');
    await page.goto('/plans/1');
    // publishing goes through a preview of exactly what the public will see, then 确认公开
    await page.getByRole('button', { name: '预览并公开…' }).click();
    const modal = page.locator('.publish-preview');
    await modal.getByText('总体进度').waitFor();
    await shotBoth(page, 'public-0-preview');
    const previewText = await modal.innerText();
    for (const s of secrets) expect(previewText, `预览含内部信息「${s}」`).not.toContain(s);
    await modal.getByRole('button', { name: '确认公开' }).click();
    await page.getByText('已公开').first().waitFor();
    await page.getByRole('button', { name: '撤回公开' }).waitFor();
    await page.waitForLoadState('networkidle');
    await shotBoth(page, 'public-0-publish');
    await context.close();
  });

  it('未登录即可查看进展,且不含内部信息', async () => {
    const { page, context } = await newPage(j.browser, j.server.base);
    page.on('pageerror', (e) => console.log('页面错误:', e.message));
    await page.goto('/public');
    await page.getByRole('link', { name: /城市更新/ }).first().click();
    await page.waitForURL(/\/public\/plans\/1$/);
    await page.getByText('分章节进展').waitFor();
    await page.locator('.chart-box svg').first().waitFor({ timeout: 30_000 });
    expect(page.url()).not.toContain('/login');
    await shotBoth(page, 'public-plan');
    await shotBoth(page, 'public-plan-full', true);
    expect(await englishTextOnPage(page)).toEqual([]);

    const text = await page.locator('body').innerText();
    const html = await page.content();
    for (const s of secrets) {
      expect(text, `页面文字含内部信息「${s}」`).not.toContain(s);
      expect(html, `页面源码含内部信息「${s}」`).not.toContain(s);
    }
    expect(text).toContain('重点任务');
    // the data behind the page carries nothing internal either
    const json = await (await fetch(`${j.server.base}/api/public/plans/1`)).text();
    for (const s of secrets) expect(json, `公开接口含内部信息「${s}」`).not.toContain(s);

    await page.goto('/public');
    await page.getByRole('link').first().waitFor();
    await shotBoth(page, 'public-list');

    await page.goto('/public/plans/5');
    await page.getByText('主要指标').waitFor();
    await page.locator('.indicator-card .chart-box svg').first().waitFor({ timeout: 30_000 });
    await page.locator('.indicator-card').first().scrollIntoViewIfNeeded();
    await shotBoth(page, 'public-indicators');
    const text5 = await page.locator('body').innerText();
    for (const s of secrets) expect(text5).not.toContain(s);
    await context.close();
  });

  it('未公开的规划不能查看', async () => {
    const { page, context } = await newPage(j.browser, j.server.base);
    await page.goto('/public/plans/3');
    await page.getByText('该规划未公开或不存在').waitFor();
    await context.close();
  });
});
