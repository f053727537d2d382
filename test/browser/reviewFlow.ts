// Walk the import review end to end on a pending import: pick in the text, correct units, map unknown
// units, remove a target, confirm. Changes data: run it against a throwaway database.
// Usage: LUOSHI_URL=… LUOSHI_SESSION=… IMPORT_ID=… npx tsx test/browser/reviewFlow.ts
import { launchBrowser, login, newPage, screenshot } from './helpers';

const base = process.env.LUOSHI_URL ?? 'http://127.0.0.1:3000';
const dir = process.env.SCREENSHOT_DIR ?? 'test-results/screenshots';
const importId = process.env.IMPORT_ID;

async function main() {
  if (!importId) throw new Error('IMPORT_ID is required');
  const browser = await launchBrowser();
  try {
    const { context, page } = await newPage(browser, base);
    page.on('pageerror', (e) => console.log('页面错误:', e.message));
    if (process.env.LUOSHI_SESSION) await context.addCookies([{ name: 'luoshi_session', value: process.env.LUOSHI_SESSION, domain: new URL(base).hostname, path: '/' }]);
    else await login(page, process.env.LUOSHI_USER ?? 'yc_office', process.env.LUOSHI_PASSWORD ?? 'luoshi2026');

    await page.goto(`${base}/imports/${importId}`);
    await page.locator('.source-para').first().waitFor();

    // 1. a click in the text selects the task whose source holds it
    const para = page.locator('.source-para', { hasText: '牵头单位' }).first();
    await para.scrollIntoViewIfNeeded();
    await para.click({ position: { x: 20, y: 8 } });
    await page.waitForTimeout(300);
    console.log('原文点击后选中的行:', await page.locator('.review-right tr.row-selected').count(), '高亮段:', await page.locator('.source-para mark.hl').count());
    await screenshot(page, 'flow-1-pick', { dir });

    // 2. edit the selected task's cooperating units through the registry picker
    const row = page.locator('.review-right tr.row-selected').first();
    await row.getByRole('button', { name: '修改任务' }).click();
    const modal = page.locator('.ant-modal').filter({ hasText: '修改任务' });
    await modal.waitFor();
    const coop = modal.locator('.ant-form-item').filter({ hasText: '配合单位' }).locator('.ant-select');
    await coop.click();
    await page.keyboard.type('区财政局');
    await page.waitForTimeout(300);
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
    await screenshot(page, 'flow-2-edit', { dir });
    await modal.getByRole('button', { name: /保\s*存/ }).click();
    await page.locator('.ant-message').filter({ hasText: '修改已保存' }).waitFor({ timeout: 15000 });
    console.log('任务单位已修改');

    // 3. unknown units: map the first, create the rest
    await page.getByRole('tab', { name: /未识别单位/ }).click();
    const unitRows = page.locator('.review-right tr.ant-table-row').filter({ has: page.locator('.ant-checkbox, .ant-tag-green') });
    await unitRows.first().waitFor({ timeout: 5000 }).catch(() => undefined);
    const n = await unitRows.count();
    console.log('未识别单位:', n);
    // MAP_ALL=1 maps every unknown unit (an import without a region cannot create units)
    for (let i = 0; i < (process.env.MAP_ALL ? n : Math.min(n, 1)); i++) {
      if (!(await unitRows.nth(i).locator('.ant-checkbox').count())) continue;
      await unitRows.nth(i).locator('.ant-select').click();
      await page.keyboard.type('区发展改革委');
      await page.waitForTimeout(300);
      await page.keyboard.press('Enter');
      await page.waitForTimeout(1200);
    }
    if (n > 0) {
      const rest = page.getByRole('button', { name: '其余全部新建' });
      if (await rest.isEnabled()) await rest.click();
    }
    await screenshot(page, 'flow-3-units', { dir });

    // 4. remove one target
    await page.getByRole('tab', { name: /目标/ }).click();
    const targetRows = page.locator('.review-right tr.ant-table-row').filter({ has: page.getByRole('button', { name: '删除目标' }) });
    await targetRows.first().waitFor({ timeout: 5000 }).catch(() => undefined);
    if ((await targetRows.count()) > 0) {
      await targetRows.first().getByRole('button', { name: '删除目标' }).click();
      await page.locator('.ant-popconfirm').getByRole('button', { name: /删\s*除/ }).click();
      await page.waitForTimeout(800);
      console.log('已删除一个目标');
    }

    // 5. confirm
    await page.getByRole('button', { name: /确认导入/ }).first().click();
    const confirm = page.locator('.ant-modal').filter({ hasText: '导入后的规划状态' });
    await confirm.waitFor();
    await screenshot(page, 'flow-4-confirm', { dir });
    await confirm.getByRole('button', { name: /确认导入/ }).click();
    await page.waitForURL(/\/plans\/\d+/, { timeout: 60000 });
    console.log('已生成规划:', page.url());
    await page.locator('.ant-table-row').first().waitFor();
    await screenshot(page, 'flow-5-plan', { dir });
  } finally {
    await browser.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
