// What the browser really loads for each route's first screen, and the size of the web app's files.
//
// Per route: a demo server (the built app, demo data), headless Chromium with an empty cache per route, the
// route opened (signed in as the role that uses it), and every response counted until the first screen is drawn
// and the network is idle: bytes on the wire (body as transferred, i.e. compressed when the server compresses)
// split into JS, CSS, API and other, plus the gzip-6 size of each body (what it would weigh compressed, for a
// server that does not compress). Bar: 600 KB gzip for the first screen, everything included.
//
// Run after `npx vite build`: npx tsx bench/bundle.bench.ts [--md]   (--md prints the table for docs/benchmarks.md)
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Request } from 'playwright-core';
import { launchBrowser, newPage } from '../test/browser/helpers';
import { buildAppIfStale, startDemoServer } from '../test/browser/runServer';

const BAR = 600 * 1024;
const md = process.argv.includes('--md');
/** --only=TEXT: the routes whose name contains TEXT; --files: every counted response */
const only = process.argv.find((a) => a.startsWith('--only='))?.slice(7);
const listFiles = process.argv.includes('--files');
const kb = (n: number) => (n / 1024).toFixed(1);

interface RouteSpec {
  name: string;
  /** path, or a function of the demo's ids */
  path: (ids: Ids) => string;
  user?: string;
  /** what shows when the first screen is drawn */
  ready: string;
}
interface Ids {
  planId: number;
  publicPlanId: number | null;
}

// `ready` is what the route's data draws (rows, charts, an empty state), so the data requests are counted too
const rows = '.ant-table-row, .ant-empty';
const routes: RouteSpec[] = [
  { name: '/login', path: () => '/login', ready: 'button[type=submit]' },
  { name: '/plans (office)', path: () => '/plans', user: 'yc_office', ready: '.ant-table-row' },
  { name: '/plans/:id (office)', path: (i) => `/plans/${i.planId}`, user: 'yc_office', ready: '.ant-table-row' },
  { name: '/reports (reporter)', path: () => '/reports', user: 'yc_jw', ready: rows },
  // 考核评估 opens on all the leader's plans (the overview); a plan's dashboard is one pick away (?plan=)
  { name: '/evaluation (leader)', path: () => '/evaluation', user: 'yc_leader', ready: '.home-plans .home-item-title, .ant-empty' },
  { name: '/evaluation?tab=dashboard (leader)', path: (i) => `/evaluation?tab=dashboard&plan=${i.planId}`, user: 'yc_leader', ready: '.chart-box svg, .ant-empty' },
  { name: '/public', path: () => '/public', ready: '.public-card, .ant-empty' },
  { name: '/public/plans/:id', path: (i) => `/public/plans/${i.publicPlanId ?? 1}`, ready: '.chart-box svg, .ant-result, .ant-alert' },
];

interface Counted {
  url: string;
  kind: 'js' | 'css' | 'api' | 'other';
  wire: number;
  gzip: number;
  encoding: string;
}

function kindOf(r: Request): Counted['kind'] {
  const u = new URL(r.url());
  if (u.pathname.startsWith('/api/')) return 'api';
  if (r.resourceType() === 'script') return 'js';
  if (r.resourceType() === 'stylesheet') return 'css';
  return 'other';
}

async function session(base: string, username: string): Promise<string> {
  const res = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: 'luoshi2026' }) });
  if (!res.ok) throw new Error(`login ${username}: ${res.status}`);
  return /luoshi_session=([^;]+)/.exec(res.headers.get('set-cookie') ?? '')![1];
}

async function measure(browser: Browser, base: string, spec: RouteSpec, ids: Ids) {
  const { context, page } = await newPage(browser, base);
  if (spec.user) await context.addCookies([{ name: 'luoshi_session', value: await session(base, spec.user), url: base }]);
  const pending: Promise<Counted | null>[] = [];
  page.on('requestfinished', (r) => {
    pending.push(
      (async () => {
        const res = await r.response();
        if (!res) return null;
        const sizes = await r.sizes();
        const encoding = (await res.headerValue('content-encoding')) ?? '';
        const body = await res.body().catch(() => Buffer.alloc(0));
        return { url: new URL(r.url()).pathname, kind: kindOf(r), wire: sizes.responseBodySize, gzip: gzipSync(body, { level: 6 }).length, encoding };
      })().catch((e: Error) => {
        console.error(`${spec.name}: ${r.url()} not counted: ${e.message}`);
        return null;
      }),
    );
  });
  await page.goto(spec.path(ids));
  await page.locator(spec.ready).first().waitFor({ timeout: 60_000 });
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(1000);
  // every finished response counted, including those that finished while the others were being read
  let seen = -1;
  while (seen !== pending.length) {
    seen = pending.length;
    await Promise.all(pending);
    await page.waitForTimeout(500);
  }
  const counted = (await Promise.all(pending)).filter((c): c is Counted => c !== null);
  if (listFiles) for (const c of counted) console.log(`  ${spec.name} ${c.kind} ${c.url} wire ${c.wire} (${c.encoding || 'none'}) gzip ${c.gzip}`);
  await context.close();
  const sum = (k: Counted['kind'] | null, f: (c: Counted) => number) => counted.filter((c) => k === null || c.kind === k).reduce((s, c) => s + f(c), 0);
  return {
    files: counted.filter((c) => c.kind === 'js').length,
    js: sum('js', (c) => c.wire),
    css: sum('css', (c) => c.wire),
    api: sum('api', (c) => c.wire),
    other: sum('other', (c) => c.wire),
    wire: sum(null, (c) => c.wire),
    gzip: sum(null, (c) => c.gzip),
    encodings: [...new Set(counted.filter((c) => c.kind === 'js').map((c) => c.encoding || 'none'))].join('/'),
  };
}

/** gzip of every built JS file (the whole app, not what one screen loads) */
function wholeApp() {
  const dist = path.resolve('dist/app');
  const all = readdirSync(path.join(dist, 'assets')).filter((f) => f.endsWith('.js'));
  const sizes = all.map((f) => ({ f, n: gzipSync(readFileSync(path.join(dist, 'assets', f)), { level: 9 }).length })).sort((a, b) => b.n - a.n);
  return { files: all.length, total: sizes.reduce((s, x) => s + x.n, 0), largest: sizes.slice(0, 5) };
}

async function main() {
  buildAppIfStale();
  const server = await startDemoServer();
  const browser = await launchBrowser();
  try {
    const office = await session(server.base, 'yc_office');
    const plans = (await (await fetch(`${server.base}/api/plans`, { headers: { cookie: `luoshi_session=${office}` } })).json()) as { items?: { id: number; published?: boolean }[] } | { id: number; published?: boolean }[];
    const list = Array.isArray(plans) ? plans : (plans.items ?? []);
    const pub = (await (await fetch(`${server.base}/api/public/plans`)).json()) as { id: number }[] | { items?: { id: number }[] };
    const pubList = Array.isArray(pub) ? pub : (pub.items ?? []);
    const ids: Ids = { planId: list[0]?.id ?? 1, publicPlanId: pubList[0]?.id ?? null };
    console.log(`demo plan for /plans/:id: #${ids.planId}; public plan: #${ids.publicPlanId}`);
    // a first visit warms the server (and PGlite) so the first route is not timed against a cold start
    await measure(browser, server.base, routes[0], ids);
    const rows: { name: string; r: Awaited<ReturnType<typeof measure>> }[] = [];
    for (const spec of routes.filter((r) => !only || r.name.includes(only))) {
      const r = await measure(browser, server.base, spec, ids);
      rows.push({ name: spec.name, r });
      if (!md) console.log(`${spec.name.padEnd(36)} ${String(r.files).padStart(3)} JS files  wire ${kb(r.wire).padStart(7)} KB (JS ${kb(r.js)}, CSS ${kb(r.css)}, API ${kb(r.api)}, other ${kb(r.other)}; JS ${r.encodings})  gzip-equivalent ${kb(r.gzip)} KB  ${Math.max(r.wire, 0) <= BAR ? 'ok' : 'OVER 600 KB'}`);
    }
    if (md) {
      console.log('| route (role) | JS files | JS KB | CSS KB | API KB | other KB | **on the wire KB** | gzip-6 of every body KB | ≤ 600 KB |');
      console.log('|---|---:|---:|---:|---:|---:|---:|---:|:-:|');
      for (const { name, r } of rows) console.log(`| ${name} | ${r.files} | ${kb(r.js)} | ${kb(r.css)} | ${kb(r.api)} | ${kb(r.other)} | **${kb(r.wire)}** | ${kb(r.gzip)} | ${r.wire <= BAR ? 'yes' : 'no'} |`);
      console.log(`\nJS encoding on the wire: ${[...new Set(rows.map((x) => x.r.encodings))].join(', ')}`);
    }
    const w = wholeApp();
    console.log(`all JS: ${w.files} files, gzip ${kb(w.total)} KB; largest: ${w.largest.map((x) => `${x.f} ${kb(x.n)} KB`).join(', ')}`);
  } finally {
    await browser.close();
    await server.stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
