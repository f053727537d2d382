// How fast the import review reacts on a long document: list click → highlight, text click → selection.
// Usage: LUOSHI_URL=… LUOSHI_SESSION=… IMPORT_ID=… npx tsx test/browser/reviewPerf.ts
import { launchBrowser, login, newPage } from './helpers';

const base = process.env.LUOSHI_URL ?? 'http://127.0.0.1:3000';

async function main() {
  const browser = await launchBrowser();
  try {
    const { context, page } = await newPage(browser, base);
    if (process.env.LUOSHI_SESSION) await context.addCookies([{ name: 'luoshi_session', value: process.env.LUOSHI_SESSION, domain: new URL(base).hostname, path: '/' }]);
    else await login(page, process.env.LUOSHI_USER ?? 'yc_office', process.env.LUOSHI_PASSWORD ?? 'luoshi2026');
    const t0 = Date.now();
    await page.goto(`${base}/imports/${process.env.IMPORT_ID}`);
    await page.locator('.source-para').first().waitFor();
    console.log(`打开审核页:${Date.now() - t0} ms,段落 ${await page.locator('.source-para').count()} 个`);
    const rows = page.locator('.review-right tr.ant-table-row');
    for (const i of [0, 7, 15]) {
      const t = Date.now();
      await rows.nth(i).click();
      await page.locator('.source-para mark.hl').first().waitFor();
      await page.waitForFunction(() => {
        const m = document.querySelector('.source-para mark.hl');
        if (!m) return false;
        const r = m.getBoundingClientRect();
        return r.top >= 0 && r.top < innerHeight;
      });
      console.log(`列表第 ${i + 1} 行 → 原文高亮并滚动到位:${Date.now() - t} ms`);
    }
    const t = Date.now();
    const para = page.locator('.source-para:not(.is-hit)').filter({ hasText: '推进' }).nth(3);
    await para.click({ position: { x: 30, y: 6 } });
    await page.waitForTimeout(50);
    console.log(`原文点击 → 右侧选中:${Date.now() - t} ms,选中行 ${await page.locator('.review-right tr.row-selected').count()}`);
  } finally {
    await browser.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
