// Response headers of every answer (app shell, assets, API, downloads), as helmet makes them:
// a strict Content-Security-Policy (scripts only from our own origin, no inline script, no framing),
// nosniff, no Referer, and HSTS only when the server is told it is served over https.
import type { IncomingMessage, ServerResponse } from 'node:http';
import helmet, { type HelmetOptions } from 'helmet';

declare module 'fastify' {
  interface FastifyInstance {
    /** true when the server is served over https (AppOptions.secureCookies or LUOSHI_SECURE_COOKIES=1) */
    secureCookies: boolean;
  }
}

/**
 * "Served over https" is the operator's statement, never the client's: the AppOptions flag, or
 * LUOSHI_SECURE_COOKIES=1 in the environment. X-Forwarded-Proto is not consulted.
 */
export function servedOverHttps(option: boolean | undefined): boolean {
  return option ?? process.env.LUOSHI_SECURE_COOKIES === '1';
}

/** HSTS max-age when served over https: one year, this host only (subdomains may be other systems). */
export const HSTS_MAX_AGE = 365 * 24 * 3600;

export function helmetOptions(https: boolean): HelmetOptions {
  return {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        scriptSrcAttr: ["'none'"],
        // Ant Design injects its CSS-in-JS as <style> elements and ECharts draws with style attributes
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        ...(https ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    strictTransportSecurity: https ? { maxAge: HSTS_MAX_AGE, includeSubDomains: false } : false,
    // the app loads nothing from other origins; keep its windows and resources to itself
    crossOriginOpenerPolicy: { policy: 'same-origin' },
    crossOriginResourcePolicy: { policy: 'same-origin' },
    crossOriginEmbedderPolicy: false,
  };
}

/**
 * The headers helmet sets under these options, made once: none of them depends on the request (no nonce, no function
 * in a directive). The Fastify plugin (@fastify/helmet) built helmet's middleware again on every request — its
 * directives parsed and written out each time, 13 % of the CPU of a request to a bare route at 50 clients (issue #15).
 */
export function securityHeaders(https: boolean): Record<string, string> {
  const headers: Record<string, string> = {};
  const res = {
    setHeader: (name: string, value: string | number) => (headers[name.toLowerCase()] = String(value)),
    removeHeader: (name: string) => delete headers[name.toLowerCase()],
  };
  helmet(helmetOptions(https))({} as IncomingMessage, res as unknown as ServerResponse, (err?: unknown) => {
    if (err) throw err;
  });
  return headers;
}
