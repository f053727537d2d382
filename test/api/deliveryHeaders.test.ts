// Delivery headers (issue #11), beside the security headers of headers.test.ts: hashed assets are cached for a year
// as immutable, the app shell is revalidated (no-cache) so a new build is picked up, a missing asset is a 404 and
// not the shell, and answers come back compressed (br or gzip, by Accept-Encoding): JS assets from the build's
// pre-compressed files (or on the fly when a file has none), API JSON on the fly. Not timed.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/http/app.js';
import { COMPRESSIBLE, cacheControlFor } from '../../server/http/staticAssets.js';
import { Client, useTestApp } from '../helpers/app.js';
import { makePlan, makeUser, unitId } from '../helpers/factories.js';

const t = useTestApp();

// a stand-in for dist/app as `vite build` leaves it: the shell, hashed chunks, and NAME.br / NAME.gz beside them
const web = mkdtempSync(path.join(tmpdir(), 'luoshi-delivery-'));
const shell = '<!doctype html><html><head><script type="module" src="/assets/index-Ab3_x9Zq.js"></script></head><body><div id="root"></div></body></html>';
const chunk = Array.from({ length: 400 }, (_, i) => `export const f${i} = (a) => a.map((x) => x * ${i}).filter(Boolean);`).join('\n');
const lazyChunk = chunk.replaceAll('filter', 'some'); // a chunk the build left without .br/.gz
const write = (rel: string, body: string | Buffer) => writeFileSync(path.join(web, rel), body);
mkdirSync(path.join(web, 'assets'));
write('index.html', shell);
write('index.html.br', brotliCompressSync(shell));
write('index.html.gz', gzipSync(shell));
write('assets/index-Ab3_x9Zq.js', chunk);
write('assets/index-Ab3_x9Zq.js.br', brotliCompressSync(chunk));
write('assets/index-Ab3_x9Zq.js.gz', gzipSync(chunk));
write('assets/EvaluationPage-7EPSSjp2.js', lazyChunk);
write('favicon.svg', '<svg xmlns="http://www.w3.org/2000/svg"/>');

let web1: FastifyInstance;
beforeAll(async () => {
  web1 = await buildApp({ db: t.handle.db, staticDir: web });
  await web1.ready();
});
afterAll(async () => {
  await web1?.close();
  rmSync(web, { recursive: true, force: true });
});

const get = (app: FastifyInstance, url: string, encoding?: string) =>
  app.inject({ method: 'GET', url, headers: encoding === undefined ? {} : { 'accept-encoding': encoding } });

/** the body as the client reads it after undoing Content-Encoding */
function decoded(res: LightMyRequestResponse): string {
  const enc = res.headers['content-encoding'];
  if (enc === 'br') return brotliDecompressSync(res.rawPayload).toString('utf8');
  if (enc === 'gzip') return gunzipSync(res.rawPayload).toString('utf8');
  expect(enc ?? 'identity').toBe('identity');
  return res.body;
}

describe('caching', () => {
  it('names Vite hashed are immutable; the shell and unhashed names are not', () => {
    for (const f of ['/assets/index-qP6A7af1.js', '/assets/chartTooltip-BRF10RA9.js', '/assets/index-B_x-9aZq.css', '/assets/AppLayout-DvNMwC9r.js'])
      expect(cacheControlFor(f), f).toBe('public, max-age=31536000, immutable');
    for (const f of ['/index.html', '/favicon.svg', '/assets/logo.svg', '/robots.txt', '/assets/sub/index-qP6A7af1.js'])
      expect(cacheControlFor(f), f).toBe('no-cache');
  });

  it('a hashed asset is cached for a year as immutable, in every encoding', async () => {
    for (const enc of [undefined, 'br', 'gzip']) {
      for (const url of ['/assets/index-Ab3_x9Zq.js', '/assets/EvaluationPage-7EPSSjp2.js']) {
        const res = await get(web1, url, enc);
        expect(res.statusCode, `${url} ${enc}`).toBe(200);
        expect(res.headers['cache-control'], `${url} ${enc}`).toBe('public, max-age=31536000, immutable');
        expect(res.headers['content-type']).toMatch(/javascript/);
      }
    }
  });

  it('the app shell is no-cache (revalidated, so a new build is picked up): /, index.html, a client route', async () => {
    for (const url of ['/', '/index.html', '/plans/1?tab=indicators', '/evaluation']) {
      for (const enc of [undefined, 'br, gzip']) {
        const res = await get(web1, url, enc);
        expect(res.statusCode, url).toBe(200);
        expect(res.headers['cache-control'], url).toBe('no-cache');
        expect(res.headers['content-type'], url).toMatch(/text\/html/);
        expect(decoded(res), url).toBe(shell);
      }
    }
  });

  it('a file without a content hash is revalidated too, and a revalidation of an unchanged file is a 304', async () => {
    const svg = await get(web1, '/favicon.svg');
    expect(svg.headers['cache-control']).toBe('no-cache');
    const first = await get(web1, '/index.html');
    const etag = String(first.headers.etag);
    expect(etag).toBeTruthy();
    const again = await web1.inject({ method: 'GET', url: '/index.html', headers: { 'if-none-match': etag } });
    expect(again.statusCode).toBe(304);
  });

  it('a missing asset is a 404, never the app shell parsed as a script', async () => {
    const res = await get(web1, '/assets/PlanListPage-Gone1234.js', 'br, gzip');
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type'] ?? '').not.toMatch(/html/);
    expect(res.headers['cache-control'] ?? '').not.toMatch(/immutable/);
  });
});

describe('compression', () => {
  it('compresses text, JSON, JS, CSS and SVG; not zip-based documents, images, PDF or opaque bytes', () => {
    for (const t of ['application/json; charset=utf-8', 'text/html; charset=utf-8', 'text/javascript', 'application/javascript; charset=utf-8', 'text/css', 'image/svg+xml', 'application/problem+json'])
      expect(COMPRESSIBLE.test(t), t).toBe(true);
    for (const t of ['application/octet-stream', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'application/pdf', 'image/png', 'application/zip', 'text/event-stream'])
      expect(COMPRESSIBLE.test(t), t).toBe(false);
  });

  it('a JS asset comes back as brotli or gzip by Accept-Encoding (the pre-compressed file), plain without it', async () => {
    const br = await get(web1, '/assets/index-Ab3_x9Zq.js', 'gzip, deflate, br');
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.rawPayload.length).toBeLessThan(chunk.length / 4);
    expect(decoded(br)).toBe(chunk);
    const gz = await get(web1, '/assets/index-Ab3_x9Zq.js', 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(decoded(gz)).toBe(chunk);
    const plain = await get(web1, '/assets/index-Ab3_x9Zq.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(chunk);
    for (const res of [br, gz, plain]) expect(String(res.headers.vary)).toMatch(/accept-encoding/i);
  });

  it('a JS asset the build left uncompressed is compressed on the fly', async () => {
    for (const enc of ['br', 'gzip']) {
      const res = await get(web1, '/assets/EvaluationPage-7EPSSjp2.js', enc);
      expect(res.headers['content-encoding']).toBe(enc);
      expect(decoded(res)).toBe(lazyChunk);
    }
  });

  it('API JSON comes back as brotli or gzip, and reads the same as the plain answer', async () => {
    const u = await makeUser(t.handle.db, ['office']);
    const client = await new Client(t.app).login(u.username, u.password);
    for (const url of ['/api/units', '/api/openapi.json']) {
      const plain = await client.request({ method: 'GET', url });
      expect(plain.statusCode, url).toBe(200);
      expect(plain.headers['content-encoding'], url).toBeUndefined();
      expect(plain.body.length, url).toBeGreaterThan(1024);
      for (const enc of ['br', 'gzip']) {
        const res = await client.request({ method: 'GET', url, headers: { 'accept-encoding': `${enc}, identity` } });
        expect(res.statusCode, url).toBe(200);
        expect(res.headers['content-encoding'], `${url} ${enc}`).toBe(enc);
        expect(res.headers['content-type']).toMatch(/application\/json/);
        expect(String(res.headers.vary)).toMatch(/accept-encoding/i);
        expect(res.rawPayload.length, url).toBeLessThan(plain.body.length / 3);
        expect(JSON.parse(decoded(res)), url).toEqual(plain.json());
      }
    }
  });

  it('small answers, zip-based downloads and request bodies are left alone', async () => {
    const me = await get(t.app, '/api/auth/me', 'br, gzip');
    expect(me.statusCode).toBe(401);
    expect(me.headers['content-encoding']).toBeUndefined();

    const u = await makeUser(t.handle.db, ['office']);
    const client = await new Client(t.app).login(u.username, u.password);
    const { plan } = await makePlan(t.handle.db, { tasks: [{ title: '推进老旧小区改造', lead: [await unitId(t.handle.db, '区住房城乡建委')] }] });
    const xlsx = await client.request({ method: 'GET', url: `/api/plans/${plan.id}/exports/tasks`, headers: { 'accept-encoding': 'br, gzip' } });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-encoding']).toBeUndefined();
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');

    // a gzip request body is not inflated by the server (no decompression bomb past the body limit)
    const body = gzipSync(JSON.stringify({ username: u.username, password: u.password }));
    const login = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: body, headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' } });
    expect(login.statusCode).toBeGreaterThanOrEqual(400);
    expect(login.statusCode).toBeLessThan(500);
  });
});
