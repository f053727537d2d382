// A throwaway demo server for browser journeys: fresh database directory, free port, built app.
import { spawn, execSync, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync, statSync, copyFileSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { launchBrowser, login, newPage, screenshot } from './helpers';

const root = resolve(import.meta.dirname, '../..');

function newest(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

/** Build the web app when dist/app is missing or older than app/. */
export function buildAppIfStale(): void {
  const index = join(root, 'dist/app/index.html');
  if (existsSync(index) && statSync(index).mtimeMs >= newest(join(root, 'app'))) return;
  // vitest sets NODE_ENV=test, which would give React's development build; the demo must serve the production one
  execSync('npx vite build', { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
}

async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      const port = typeof a === 'object' && a ? a.port : 0;
      s.close(() => ok(port));
    });
    s.on('error', fail);
  });
}

export interface DemoServer {
  base: string;
  stop: () => Promise<void>;
}

export async function startDemoServer(): Promise<DemoServer> {
  const dir = mkdtempSync(join(tmpdir(), 'luoshi-run-'));
  // the server serves ./dist/app from its working directory: give it a private copy, so a rebuild of
  // dist/app by someone else during the journey cannot pull the chunks from under the browser
  const web = join(dir, 'web');
  cpSync(join(root, 'dist/app'), join(web, 'dist/app'), { recursive: true });
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, [join(root, 'bin/luoshi.js'), 'demo', '--port', String(port)], {
    cwd: web,
    env: { ...process.env, LUOSHI_DEMO_DB: join(dir, 'db') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout?.on('data', (d) => (log += d));
  child.stderr?.on('data', (d) => (log += d));
  const base = `http://127.0.0.1:${port}`;
  const t0 = Date.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`演示服务已退出:\n${log}`);
    try {
      const r = await fetch(`${base}/api/public/plans`);
      if (r.status < 500 && log.includes('演示已启动')) break;
    } catch {
      /* not yet listening */
    }
    if (Date.now() - t0 > 240_000) throw new Error(`演示服务启动超时:\n${log}`);
    await new Promise((r) => setTimeout(r, 500));
  }
  return {
    base,
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((r) => setTimeout(r, 500));
      if (child.exitCode === null) child.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A session for API calls from the test itself (setting up what the journey starts from). */
export async function apiSession(base: string, username: string, password = 'luoshi2026') {
  const res = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  if (!res.ok) throw new Error(`登录失败 ${username}: ${res.status}`);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0];
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return async <T = unknown>(method: string, path: string, body?: unknown): Promise<T> => {
    const r = await fetch(base + path, {
      method,
      headers: { cookie, 'x-csrf-token': csrfToken, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await r.text();
    if (!r.ok) throw new Error(`${method} ${path} → ${r.status} ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  };
}

/** Screenshot into test-results/screenshots/ (and docs/screenshots/ with UPDATE_SCREENSHOTS=1). */
export async function shotBoth(page: Page, name: string, fullPage = false): Promise<string> {
  await page.waitForLoadState('networkidle').catch(() => undefined);
  await page.waitForTimeout(300);
  const file = await screenshot(page, name, { fullPage });
  // the committed screens are refreshed on request only: a test run must leave the clone clean
  if (process.env.UPDATE_SCREENSHOTS === '1') {
    mkdirSync(join(root, 'docs/screenshots'), { recursive: true });
    copyFileSync(file, join(root, 'docs/screenshots', `${name}.png`));
  }
  return file;
}

/** A new page logged in as a demo account; its page errors go to `errors` (with the account name) when given. */
export async function pageAs(browser: Browser, base: string, username: string, password = 'luoshi2026', errors?: string[]): Promise<Page> {
  const { page } = await newPage(browser, base);
  page.on('pageerror', (e) => {
    console.log(`[${username}] 页面错误:`, e.message);
    errors?.push(`[${username}] ${e.message}`);
  });
  await login(page, username, password);
  return page;
}

/**
 * One demo server and one browser for a journey file: registers its own beforeAll/afterAll (a file's own
 * beforeAll, registered after this call, runs after the server is up). Fields are set once beforeAll has run.
 */
export function useDemoJourney() {
  const ctx = {} as { server: DemoServer; browser: Browser; asUser: (username: string) => Promise<Page> };
  // a journey fails on any page error of any page it opened (checked after each test)
  const pageErrors: string[] = [];
  beforeAll(async () => {
    buildAppIfStale();
    ctx.server = await startDemoServer();
    ctx.browser = await launchBrowser();
    ctx.asUser = (username) => pageAs(ctx.browser, ctx.server.base, username, 'luoshi2026', pageErrors);
  });
  afterEach(() => {
    const seen = pageErrors.splice(0);
    expect(seen, '页面错误').toEqual([]);
  });
  afterAll(async () => {
    await ctx.browser?.close();
    await ctx.server?.stop();
  });
  return ctx;
}
