// Browser helpers for UI checks: Debian's chromium driven by playwright-core, headless, 1366×768.
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
export const VIEWPORT = { width: 1366, height: 768 };
export const SCREENSHOT_DIR = process.env.SCREENSHOT_DIR ?? 'test-results/screenshots';

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
}

export async function newPage(browser: Browser, baseURL?: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: VIEWPORT, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', baseURL });
  const page = await context.newPage();
  return { context, page };
}

/** Save a screenshot as DIR/NAME.png (DIR defaults to test-results/screenshots) and return its path. */
export async function screenshot(page: Page, name: string, opts: { dir?: string; fullPage?: boolean } = {}): Promise<string> {
  const file = join(opts.dir ?? SCREENSHOT_DIR, `${name}.png`);
  mkdirSync(dirname(file), { recursive: true });
  await page.screenshot({ path: file, fullPage: opts.fullPage ?? false });
  return file;
}

/** Log in through the UI form. */
export async function login(page: Page, username: string, password: string): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
}

/** Visible text that contains Latin words (a hint of untranslated UI); ignores digits, units and file names. */
export async function englishTextOnPage(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || el.closest('script,style,.source-pane')) continue;
      const t = (n.textContent ?? '').trim();
      if (/[A-Za-z]{3,}/.test(t) && el.offsetParent !== null) out.push(t.slice(0, 80));
    }
    return out;
  });
}

/** A logged-in page on its home page that collects every page error (a journey fails on any). */
export async function userPage(browser: Browser, baseURL: string, username: string, viewport?: { width: number; height: number }) {
  const { page, context } = await newPage(browser, baseURL);
  if (viewport) await page.setViewportSize(viewport);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`[${username}] ${e.message}`));
  await login(page, username, 'luoshi2026');
  await page.waitForURL((u) => u.pathname === '/home');
  return { page, context, errors, close: () => context.close() };
}

/** Opens a tab and waits until it is the selected one: a click that lands while a drawer is still sliding in is lost (CI, projectLibrary at 390 px). */
export async function openTab(scope: Page | Locator, name: string | RegExp): Promise<void> {
  const tab = scope.getByRole('tab', { name });
  for (let i = 0; i < 5; i++) {
    await tab.click();
    try {
      await tab.and(scope.locator('[aria-selected="true"]')).waitFor({ timeout: 2000 });
      return;
    } catch {
      // clicked mid-animation; click again
    }
  }
  throw new Error(`标签页未能打开:${String(name)}`);
}
