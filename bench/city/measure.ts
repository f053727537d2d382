// What the city benches measure beside their answers: the CPU time of the server and of every PostgreSQL process on
// this machine (from /proc), and one request on a keep-alive agent. Shared by bench/surge.bench.ts and bench/review.bench.ts.
import { readdirSync, readFileSync } from 'node:fs';
import http from 'node:http';

/** CPU time so far of each PostgreSQL process on this machine (user + system, ms): a backend opened meanwhile counts from 0 */
export function postgresCpu(): Map<number, number> {
  const out = new Map<number, number>();
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      if (!stat.includes('(postgres)')) continue;
      const f = stat.split(') ')[1].split(' ');
      out.set(Number(pid), (Number(f[11]) + Number(f[12])) * 10);
    } catch {
      // gone meanwhile
    }
  }
  return out;
}

/** a process's CPU time so far, ms: user (JavaScript, the collector) and system (the kernel's part: sockets, the disk) */
export function cpuOf(pid: number): { user: number; system: number } {
  const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return { user: Number(f[11]) * 10, system: Number(f[12]) * 10 }; // utime, stime in ticks of 10 ms (USER_HZ 100)
}

/** one request on a keep-alive agent of its own: its status and body text (`close` ends the agent's sockets) */
export function keepAliveSender(base: string) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });
  const send = (method: string, url: string, headers: Record<string, string>, body?: string) =>
    new Promise<{ statusCode: number; text: string }>((resolve, reject) => {
      const req = http.request(`${base}${url}`, { method, agent, headers: body ? { ...headers, 'content-length': String(Buffer.byteLength(body)) } : headers }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () => resolve({ statusCode: res.statusCode ?? 0, text }));
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end(body);
    });
  return Object.assign(send, { close: () => agent.destroy() });
}
