// Response headers of every answer (app shell, assets, API, downloads), set by @fastify/helmet:
// a strict Content-Security-Policy (scripts only from our own origin, no inline script, no framing),
// nosniff, no Referer, and HSTS only when the server is told it is served over https.
import type { FastifyHelmetOptions } from '@fastify/helmet';

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

export function helmetOptions(https: boolean): FastifyHelmetOptions {
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
