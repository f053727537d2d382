// Authorization is declared once per route (issue #10): the route table (server/http/app.ts registerRoute) checks the
// route's permission and its declared record and action before any handler runs. A handler or an operation that
// calls requirePermission again repeats — and can drift from — what the route already declares; this test fails
// on the first such call anywhere in server/.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../../server');
const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : /\.ts$/.test(e.name) ? [path.join(dir, e.name)] : []));
const sources = files(root).map((f) => ({ rel: path.relative(root, f).split(path.sep).join('/'), src: readFileSync(f, 'utf8') }));
const calls = (src: string) => [...src.matchAll(/\brequirePermission\(([^)]*)\)/g)].map((m) => m[1].trim());

describe('the route gate', () => {
  it('has the server sources to check', () => expect(sources.some((s) => s.rel === 'http/app.ts')).toBe(true));

  it('checks each route once, in the route table, with the permission and record the route declares', () => {
    const app = sources.find((s) => s.rel === 'http/app.ts')!.src;
    expect(calls(app)).toEqual(['req.actor, route.permission']);
    expect(app).toMatch(/authorizeRecord\(db, req\.actor, access,/);
  });

  it('no handler or operation calls requirePermission again', () => {
    const elsewhere = sources
      .filter((s) => s.rel !== 'http/app.ts')
      .flatMap((s) => calls(s.src).filter((args) => !/^actor: Actor, permission: Permission$/.test(args)).map((args) => `${s.rel}: requirePermission(${args})`));
    expect(elsewhere).toEqual([]);
  });
});
