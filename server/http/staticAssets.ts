// Delivery: compressed answers and the built web app's cache rules.
//
// - The web app's files are compressed once, at build time (vite.config.ts writes NAME.br at brotli 11 and NAME.gz at
//   gzip 9 beside each text file), and served as they are (@fastify/static preCompressed): the best ratio for no CPU
//   per request, and no work at all for an answer a proxy or the browser already holds.
// - API answers are made per request, so they are compressed on the fly by @fastify/compress: brotli at quality 4
//   (close to gzip's speed, smaller output) or gzip, for text and JSON over 1 KB, in one synchronous call up to 256 KB
//   (no stream per answer); Word/Excel downloads are zip
//   files already and are left alone. Request bodies are never decompressed (no zip bombs through the body limit).
// - Caching: files under /assets/ carry a content hash in their names (NAME-HASH.js), so they never change and are
//   cached for a year as immutable; index.html and every other file is `no-cache` (revalidated with ETag, a 304
//   when unchanged), so a new build is picked up on the next load. A missing /assets/ file is a 404, not the app
//   shell: a page of an older build asking for a chunk that is gone must fail loudly, not parse HTML as JS.
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import compress from '@fastify/compress';
import fastifyStatic, { type SetHeadersResponse } from '@fastify/static';

/** content types worth compressing: text, JSON, JavaScript, XML, SVG (not zip-based documents or images) */
export const COMPRESSIBLE = /^text\/(?!event-stream)|^application\/(?:[\w.-]+\+)?(?:json|xml)\b|^application\/(?:x-)?javascript\b|^image\/svg\+xml\b/;

/** a file Vite named with a content hash: assets/NAME-HASH.EXT (the hash is 8 characters of [A-Za-z0-9_-]) */
export const HASHED_ASSET = /^\/assets\/[^/]+-[A-Za-z0-9_-]{8,}\.[a-z0-9]+$/;

export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const REVALIDATE = 'no-cache';

/** Compression of the answers of every route registered after it (register before the routes). */
export async function registerCompression(app: FastifyInstance): Promise<void> {
  await app.register(compress, {
    global: true,
    globalDecompression: false,
    encodings: ['br', 'gzip'],
    threshold: 1024,
    // compressed in one call on the event loop up to 256 KB (a list page of 50 tasks is 40–70 KB) rather than through
    // a zlib stream on the thread pool: on two cores the stream costs ~1.5 ms more CPU per answer than the brotli
    // itself (~1 ms for 62 KB at quality 4; issue #15, phase 5). The plugin's default on two cores is 8 KB.
    syncThreshold: 256 * 1024,
    customTypes: COMPRESSIBLE,
  });
}

/** Cache-Control of a served file, by its path below the web app's folder ("/assets/index-AbCd1234.js"). */
export function cacheControlFor(urlPath: string): string {
  return HASHED_ASSET.test(urlPath) ? IMMUTABLE : REVALIDATE;
}

/** Serve the built web app from dir: pre-compressed files, cache rules above, the app shell for client routes. */
export async function serveWebApp(app: FastifyInstance, dir: string): Promise<void> {
  // wildcard: files are looked up per request, so a rebuilt app is served without a restart
  await app.register(fastifyStatic, {
    root: dir,
    wildcard: true,
    preCompressed: true,
    cacheControl: false,
    setHeaders: (res: SetHeadersResponse, file: string) => {
      const rel = '/' + path.relative(dir, file).split(path.sep).join('/').replace(/\.(br|gz)$/, '');
      res.setHeader('Cache-Control', cacheControlFor(rel));
      // the same URL answers br, gzip or plain by Accept-Encoding: caches must key on it
      res.setHeader('Vary', 'Accept-Encoding');
    },
  });
  // client-side routes get the app shell; a missing asset is a plain 404
  app.setNotFoundHandler((req, reply) =>
    req.method === 'GET' && !req.url.startsWith('/assets/') ? reply.sendFile('index.html') : reply.status(404).send(),
  );
}
