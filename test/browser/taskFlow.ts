// Change a saved task through the drawer and check that its history shows the change in Chinese.
// Changes data: run it against a throwaway database. Usage: LUOSHI_URL=… LUOSHI_SESSION=… PLAN_ID=… npx tsx test/browser/taskFlow.ts
import { launchBrowser, login, newPage, screenshot } from './helpers';

const base = process.env.LUOSHI_URL ?? 'http://127.0.0.1:3000';
const dir = process.env.SCREENSHOT_DIR ?? 'test-results/screenshots';

async function main() {
  const browser = await launchBrowser();
  try {
    const { context, page } = await newPage(browser, base);
    page.on('pageerror', (e) => console.log('页面错误:', e.message));
    if (process.env.LUOSHI_SESSION) await context.addCookies([{ name: 'luoshi_session', value: process.env.LUOSHI_SESSION, domain: new URL(base).hostname, path: '/' }]);
    else await login(page, process.env.LUOSHI_USER ?? 'yc_office', process.env.LUOSHI_PASSWORD ?? 'luoshi2026');
    await page.goto(`${base}/plans/${process.env.PLAN_ID ?? 1}`);
    await page.locator('.ant-table-row').nth(Number(process.env.ROW ?? 1)).click();
    await page.getByRole('button', { name: '修改任务' }).click();
    const modal = page.locator('.ant-modal').filter({ hasText: '修改任务' });
    await modal.getByLabel('完成时限').fill('2025-12');
    await modal.getByLabel('具体负责人').fill('王主任');
    await modal.getByRole('button', { name: /保\s*存/ }).click();
    await page.locator('.ant-message').filter({ hasText: '任务已保存' }).waitFor({ timeout: 15000 });
    await page.waitForTimeout(800);
    const history = await page.locator('.ant-timeline').innerText().catch(() => '(无修改记录)');
    console.log('修改记录:\n' + history);
    await page.locator('.ant-drawer-body').evaluate((el) => el.scrollTo(0, el.scrollHeight));
    console.log(await screenshot(page, 'task-history', { dir }));
  } finally {
    await browser.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
