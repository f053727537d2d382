// Drive the real UI and screenshot the main screens into docs/screenshots/ (or SCREENSHOT_DIR).
// Usage: LUOSHI_URL=http://127.0.0.1:3000 LUOSHI_USER=yc_office LUOSHI_PASSWORD=… npx tsx test/browser/screens.ts
// LUOSHI_SESSION=<cookie value> skips the login form. Also prints the gzip size of the login page's JS.
import { readFileSync, existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { englishTextOnPage, launchBrowser, login, newPage, screenshot } from './helpers';

const base = process.env.LUOSHI_URL ?? 'http://127.0.0.1:3000';
const dir = process.env.SCREENSHOT_DIR ?? 'docs/screenshots';
const only = process.env.ONLY?.split(',');
const want = (name: string) => !only || only.includes(name);

async function shot(page: Page, name: string) {
  await page.waitForLoadState('networkidle').catch(() => undefined);
  await page.waitForTimeout(400);
  const english = await englishTextOnPage(page);
  console.log(`${name}: ${await screenshot(page, name, { dir })}${english.length ? `  英文文字:${JSON.stringify(english.slice(0, 8))}` : ''}`);
}

async function firstScreenJs(page: Page): Promise<void> {
  const scripts = new Set<string>();
  page.on('response', (r) => {
    if (r.request().resourceType() === 'script') scripts.add(new URL(r.url()).pathname);
  });
  await page.goto(base + '/login');
  await page.waitForLoadState('networkidle');
  let total = 0;
  for (const p of scripts) {
    const file = join('dist/app', p);
    if (!existsSync(file)) continue;
    const gz = gzipSync(readFileSync(file), { level: 9 }).length;
    total += gz;
  }
  console.log(`登录页加载的脚本:${scripts.size} 个,gzip 合计 ${(total / 1024).toFixed(1)} KB`);
}

async function main() {
  const browser = await launchBrowser();
  try {
    const { context, page } = await newPage(browser, base);
    page.on('pageerror', (e) => console.log('页面错误:', e.message));
    page.on('console', (m) => m.type() === 'error' && console.log('控制台错误:', m.text().slice(0, 200)));
    if (want('login')) {
      await firstScreenJs(page);
      await shot(page, 'login');
    }
    if (process.env.LUOSHI_SESSION) {
      const u = new URL(base);
      await context.addCookies([{ name: 'luoshi_session', value: process.env.LUOSHI_SESSION, domain: u.hostname, path: '/' }]);
    } else await login(page, process.env.LUOSHI_USER ?? 'yc_office', process.env.LUOSHI_PASSWORD ?? 'luoshi2026');

    if (want('plans')) {
      await page.goto(base + '/plans');
      await page.locator('.ant-table-row').first().waitFor();
      await shot(page, 'plans');
    }
    const planId = process.env.PLAN_ID ?? '1';
    if (want('plan-detail')) {
      await page.goto(`${base}/plans/${planId}`);
      await page.locator('.ant-table-row').first().waitFor();
      await page.locator('.ant-tree-treenode', { hasText: process.env.CHAPTER ?? '三、' }).first().click();
      await page.waitForTimeout(500);
      await shot(page, 'plan-detail');
      await page.locator('.ant-table-row').first().click();
      await page.locator('.ant-drawer-body h3').waitFor();
      await shot(page, 'task-drawer');
    }
    if (want('indicators')) {
      await page.goto(`${base}/plans/${process.env.INDICATOR_PLAN_ID ?? planId}?tab=indicators`);
      await page.locator('.spark svg').first().waitFor({ timeout: 15000 }).catch(() => undefined);
      await shot(page, 'indicators');
    }
    if (want('projects')) {
      await page.goto(`${base}/plans/${process.env.INDICATOR_PLAN_ID ?? planId}?tab=projects`);
      await page.locator('.ant-collapse').first().waitFor({ timeout: 10000 }).catch(() => undefined);
      await shot(page, 'projects');
    }
    if (want('import')) {
      await page.goto(base + '/imports');
      await shot(page, 'import');
    }
    if (want('review') && process.env.UPLOAD_FILE) {
      // upload through the drop zone's file input, then land on the review
      await page.goto(base + '/imports');
      await page.locator('input[type=file]').setInputFiles(process.env.UPLOAD_FILE);
      await page.waitForURL(/\/imports\/\d+/, { timeout: 120000 });
      process.env.IMPORT_ID = page.url().split('/').pop();
      console.log('已上传,导入编号', process.env.IMPORT_ID);
    }
    if (want('review') && process.env.IMPORT_ID) {
      await page.goto(`${base}/imports/${process.env.IMPORT_ID}`);
      await page.locator('.source-para').first().waitFor();
      await page.locator('.review-right .ant-table-row').nth(2).click();
      await page.waitForTimeout(600);
      await shot(page, 'import-review');
      await page.getByRole('tab', { name: /指标/ }).click();
      await page.locator('.review-right .ant-table-row').nth(3).click().catch(() => undefined);
      await shot(page, 'import-review-indicator');
      await page.getByRole('tab', { name: /未识别单位/ }).click();
      await shot(page, 'import-review-units');
      await page.getByRole('tab', { name: /提示/ }).click();
      await page.locator('.warning-item').first().click().catch(() => undefined);
      await shot(page, 'import-review-warnings');
    }
    if (want('units')) {
      await page.goto(base + '/units');
      await page.locator('.ant-table-row').first().waitFor();
      await shot(page, 'units');
    }
    if (want('my-tasks') && process.env.UNIT_SESSION) {
      await context.clearCookies();
      const u = new URL(base);
      await context.addCookies([{ name: 'luoshi_session', value: process.env.UNIT_SESSION, domain: u.hostname, path: '/' }]);
      await page.goto(base + '/my-tasks');
      await page.locator('.ant-table-row').first().waitFor({ timeout: 10000 }).catch(() => undefined);
      await shot(page, 'my-tasks');
    } else if (want('my-tasks') && process.env.UNIT_USER) {
      await context.clearCookies();
      await login(page, process.env.UNIT_USER, process.env.LUOSHI_PASSWORD ?? 'luoshi2026');
      await page.goto(base + '/my-tasks');
      await page.locator('.ant-table-row').first().waitFor({ timeout: 10000 }).catch(() => undefined);
      await shot(page, 'my-tasks');
    }
  } finally {
    await browser.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
