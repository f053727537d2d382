import { it } from 'vitest';
import { allRoutes } from '../../server/http/routes/index.js';
import { Client, startTestApp } from '../helpers/app.js';
import { makeUser, PASSWORD } from '../helpers/factories.js';
it('dbg', async () => {
  const t = await startTestApp();
  const u = await makeUser(t.handle.db, ['admin']);
  const c = await new Client(t.app).login(u.username, PASSWORD);
  for (const r of allRoutes.filter((x) => x.permission !== 'public' && x.permission !== 'session')) {
    const t0 = Date.now();
    const res = await Promise.race([c.request({ method: r.method, url: r.url.replace(/:id/g, '999999'), payload: r.method === 'GET' || r.method === 'DELETE' ? undefined : {} }), new Promise((res) => setTimeout(() => res(null), 3000))]);
    console.log(r.method, r.url, (res as any)?.statusCode ?? 'HANG', Date.now() - t0);
  }
}, 200000);
