// Which reverse proxies are trusted to say who the client is (X-Forwarded-For, X-Forwarded-Proto/Host).
// Off by default: a client's own X-Forwarded-For is then ignored, so the login throttle and the audit trail see the
// address that really connected. Behind a proxy, LUOSHI_TRUST_PROXY names it (docs/security.md, 登录与账户).
import { isIP } from 'node:net';

/** What Fastify's `trustProxy` accepts: off, every hop (true), addresses/CIDR ranges, or a function of (address, hop). */
export type TrustProxy = boolean | string[] | ((address: string, hop: number) => boolean);

/** proxy-addr's names for address ranges */
const named = new Set(['loopback', 'linklocal', 'uniquelocal']);

function validEntry(e: string): boolean {
  if (named.has(e)) return true;
  const [addr, bits, ...rest] = e.split('/');
  const kind = isIP(addr);
  if (!kind || rest.length) return false;
  if (bits === undefined) return true;
  if (isIP(bits)) return kind === 4; // a dotted netmask
  const n = Number(bits);
  return /^\d{1,3}$/.test(bits) && n <= (kind === 4 ? 32 : 128);
}

/**
 * LUOSHI_TRUST_PROXY: unset, "", "0", "false", "no", "off" → off; "true", "yes", "on" → trust every hop (only when
 * the proxy overwrites X-Forwarded-For instead of appending to it); a whole number n ≥ 1 → trust the n nearest hops;
 * otherwise a comma-separated list of proxy addresses, CIDR ranges or loopback/linklocal/uniquelocal.
 */
export function parseTrustProxy(value: string | undefined): TrustProxy {
  const v = (value ?? '').trim().toLowerCase();
  if (['', '0', 'false', 'no', 'off'].includes(v)) return false;
  if (['true', 'yes', 'on'].includes(v)) return true;
  if (/^\d+$/.test(v)) {
    // a hop count: the n nearest hops (hop 0 is the peer of the socket) are proxies; Fastify 5 takes no plain number
    const hops = Number(v);
    return (_address: string, hop: number) => hop < hops;
  }
  const list = v.split(',').map((s) => s.trim()).filter(Boolean);
  const bad = list.filter((e) => !validEntry(e));
  if (bad.length || !list.length) throw new Error(`LUOSHI_TRUST_PROXY 无法识别:${bad.join(', ') || value}(应为 0/1/true、跳数,或以逗号分隔的代理地址/网段,如 127.0.0.1,10.0.0.0/8)`);
  return list;
}
