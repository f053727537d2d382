// Where the server may post a group-robot webhook (server-side request forgery guard).
// Only http(s); never loopback, link-local (169.254.169.254: the cloud metadata service), private,
// shared, unspecified, multicast or reserved addresses, in IPv4 or IPv6 (including IPv4 written inside
// IPv6), whether written in the URL or reached through a host name — unless the administrator names the
// host, the address or its range in LUOSHI_WEBHOOK_ALLOW (comma-separated: robot.intra.example,
// 10.20.0.0/16, 127.0.0.1). Checked when the URL is set (with a DNS lookup) and again on every delivery,
// where the check runs inside the connection's own lookup, so a name cannot resolve to a safe address
// for the check and to an inner one for the connection.
import dns, { type LookupAddress, type LookupOptions } from 'node:dns';
import { BlockList, isIP } from 'node:net';
import { AppError } from '../../shared/errors.js';

export const ALLOW_ENV = 'LUOSHI_WEBHOOK_ALLOW';

/** A delivery to a refused address: not retried. */
export class WebhookRefusedError extends Error {
  constructor(public readonly reason: string) {
    super(`群机器人地址被拒绝:${reason}`);
    this.name = 'WebhookRefusedError';
  }
}

const refused = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8], // "this network", unspecified
  ['10.0.0.0', 8],
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8],
  ['169.254.0.0', 16], // link-local, cloud metadata
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.88.99.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, broadcast
] as const)
  refused.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of [
  ['::', 128], // unspecified
  ['::1', 128], // loopback
  ['100::', 64], // discard
  ['2001::', 32], // Teredo (hides an IPv4 address)
  ['2001:db8::', 32], // documentation
  ['fc00::', 7], // unique local (private)
  ['fe80::', 10], // link-local
  ['fec0::', 10], // site-local (deprecated)
  ['ff00::', 8], // multicast
] as const)
  refused.addSubnet(net, prefix, 'ipv6');

/** The 16 bytes of an IPv6 address (zone id dropped), or null. */
function ipv6Bytes(addr: string): number[] | null {
  let a = addr.replace(/%.*$/, '');
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(a);
  if (v4) {
    const parts = v4[1].split('.').map(Number);
    a = a.slice(0, -v4[1].length) + `${((parts[0] << 8) | parts[1]).toString(16)}:${((parts[2] << 8) | parts[3]).toString(16)}`;
  }
  const halves = a.split('::');
  if (halves.length > 2) return null;
  const head = halves[0] ? halves[0].split(':') : [];
  const tail = halves.length === 2 && halves[1] ? halves[1].split(':') : [];
  const fill = halves.length === 2 ? 8 - head.length - tail.length : 0;
  const groups = [...head, ...Array(Math.max(fill, 0)).fill('0'), ...tail];
  if (groups.length !== 8) return null;
  return groups.flatMap((g) => {
    const n = parseInt(g || '0', 16);
    return [(n >> 8) & 0xff, n & 0xff];
  });
}

/** IPv4 addresses carried inside an IPv6 one: mapped (::ffff:a.b.c.d), compatible (::a.b.c.d), NAT64 (64:ff9b::/96), 6to4 (2002::/16). */
function embeddedIpv4(addr: string): string[] {
  const b = ipv6Bytes(addr);
  if (!b) return [];
  const v4 = (o: number) => `${b[o]}.${b[o + 1]}.${b[o + 2]}.${b[o + 3]}`;
  const zero = (from: number, to: number) => b.slice(from, to).every((x) => x === 0);
  const out: string[] = [];
  if (zero(0, 10) && ((b[10] === 0xff && b[11] === 0xff) || (b[10] === 0 && b[11] === 0))) out.push(v4(12));
  if (b[0] === 0x00 && b[1] === 0x64 && b[2] === 0xff && b[3] === 0x9b && zero(4, 12)) out.push(v4(12));
  if (b[0] === 0x20 && b[1] === 0x02) out.push(v4(2));
  return out;
}

/** True for an address the server must not call unless allowed: loopback, private, link-local, reserved… */
export function isRefusedAddress(addr: string): boolean {
  const family = isIP(addr.replace(/%.*$/, ''));
  if (family === 4) return refused.check(addr, 'ipv4');
  if (family !== 6) return true; // not an address at all
  const bare = addr.replace(/%.*$/, '');
  if (refused.check(bare, 'ipv6')) return true;
  return embeddedIpv4(bare).some((v4) => refused.check(v4, 'ipv4'));
}

interface AllowList {
  hosts: Set<string>;
  wildcards: string[];
  addresses: BlockList;
}

/** LUOSHI_WEBHOOK_ALLOW, read on each use: host names (a leading "*." also allows subdomains), addresses and CIDR ranges. */
export function allowList(raw = process.env[ALLOW_ENV] ?? ''): AllowList {
  const list: AllowList = { hosts: new Set(), wildcards: [], addresses: new BlockList() };
  for (const entry of raw.split(',').map((e) => e.trim().toLowerCase().replace(/^\[|\]$/g, '')).filter(Boolean)) {
    const [net, bits] = entry.split('/');
    const family = isIP(net);
    if (family && bits !== undefined && /^\d+$/.test(bits)) list.addresses.addSubnet(net, Number(bits), family === 4 ? 'ipv4' : 'ipv6');
    else if (family) list.addresses.addAddress(net, family === 4 ? 'ipv4' : 'ipv6');
    else if (entry.startsWith('*.')) list.wildcards.push(entry.slice(1));
    else list.hosts.add(entry.replace(/\.$/, ''));
  }
  return list;
}

const hostAllowed = (host: string, allow: AllowList) => allow.hosts.has(host) || allow.wildcards.some((w) => host.endsWith(w));
function addressAllowed(addr: string, allow: AllowList): boolean {
  const bare = addr.replace(/%.*$/, '');
  const family = isIP(bare);
  if (!family) return false;
  if (allow.addresses.check(bare, family === 4 ? 'ipv4' : 'ipv6')) return true;
  return family === 6 && embeddedIpv4(bare).some((v4) => allow.addresses.check(v4, 'ipv4'));
}

/** Null when the server may connect to this address, else the reason. */
export function addressProblem(addr: string, allow = allowList()): string | null {
  if (!isRefusedAddress(addr) || addressAllowed(addr, allow)) return null;
  return `${addr} 是本机、内网、链路本地或保留地址`;
}

export interface CheckedUrl {
  url: URL;
  /** the host name as the URL gives it (no brackets) */
  host: string;
  /** the administrator named this host in the allow-list: its addresses are not checked */
  allowedByName: boolean;
}

/** The syntactic and literal-address checks (no DNS): throws WebhookRefusedError. */
export function checkWebhookTarget(raw: string, allow = allowList()): CheckedUrl {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new WebhookRefusedError('不是有效的网址');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new WebhookRefusedError(`只允许 http 或 https,不允许 ${url.protocol}`);
  // WHATWG URL has already turned 2130706433, 0x7f.1 and 127.1 into 127.0.0.1
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase().replace(/\.$/, '');
  if (!host) throw new WebhookRefusedError('网址缺少主机名');
  if (hostAllowed(host, allow)) return { url, host, allowedByName: true };
  if (isIP(host)) {
    const p = addressProblem(host, allow);
    if (p) throw new WebhookRefusedError(p);
  } else if (host === 'localhost' || host.endsWith('.localhost')) {
    throw new WebhookRefusedError(`${host} 指向本机`);
  }
  return { url, host, allowedByName: false };
}

type LookupAll = (host: string) => Promise<LookupAddress[]>;
const systemLookup: LookupAll = (host) => dns.promises.lookup(host, { all: true, verbatim: true });

/**
 * The check made when an office sets the URL: the literal checks, then the host name's addresses.
 * A name that does not resolve now is accepted (the server's network may differ from the office's
 * view of it); it is checked again, address by address, at every delivery.
 */
export async function assertWebhookUrlAllowed(raw: string, opts: { lookup?: LookupAll; timeoutMs?: number } = {}): Promise<void> {
  const allow = allowList();
  try {
    const t = checkWebhookTarget(raw, allow);
    if (t.allowedByName || isIP(t.host)) return;
    let addresses: LookupAddress[] = [];
    try {
      const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timeout')), opts.timeoutMs ?? 3000).unref());
      addresses = await Promise.race([(opts.lookup ?? systemLookup)(t.host), timeout]);
    } catch {
      return;
    }
    for (const a of addresses) {
      const p = addressProblem(a.address, allow);
      if (p) throw new WebhookRefusedError(`${t.host} 解析为 ${p}`);
    }
  } catch (e) {
    if (e instanceof WebhookRefusedError) throw new AppError('WEBHOOK_URL_NOT_ALLOWED', { webhookUrl: e.reason });
    throw e;
  }
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A `lookup` for http(s).request that refuses the connection when any address of the name is refused.
 * Node calls it for the very connection it makes, so the checked address is the one connected to.
 */
export function guardedLookup(allow = allowList(), resolve: typeof dns.lookup = dns.lookup) {
  return (hostname: string, options: LookupOptions, callback: LookupCallback) => {
    resolve(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, '');
      const list = addresses as unknown as LookupAddress[];
      for (const a of list) {
        const p = addressProblem(a.address, allow);
        if (p) return callback(Object.assign(new WebhookRefusedError(`${hostname} 解析为 ${p}`), { code: 'EWEBHOOKREFUSED' }), '');
      }
      if (!list.length) return callback(Object.assign(new Error(`${hostname} 没有地址`), { code: 'ENOTFOUND' }), '');
      if (options.all) return callback(null, list);
      return callback(null, list[0].address, list[0].family);
    });
  };
}

/**
 * A robot URL as shown to people: its access token (DingTalk `access_token=`, WeCom `key=`) masked. The one masking
 * of a webhook address, used wherever one is shown (run settings to those who do not manage the plan, delivery log).
 */
export function maskWebhookToken(url: string): string {
  return url.replace(/(access_token|key)=[^&]+/g, '$1=***');
}
