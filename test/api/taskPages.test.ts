// Keyset pages of the big task lists (issue #15): /api/plans/:id/tasks (with ?unitId=, ?role=, ?status=) and
// /api/me/tasks take `cursor` beside the numbered pages the app uses. Walking the cursor pages gives exactly the
// numbered list, in its order, once each; a page is unaffected by tasks added or removed before it; the status filter
// is right even when the maintained rows are stale; a bad cursor is a 400.
import { afterEach, describe, expect, it } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import { tasks } from '../../server/db/schema/index.js';
import { taskStatusRows } from '../../server/db/schema/taskStatus.js';
import { setClock } from '../../server/clock.js';
import { useTestApp, type Client } from '../helpers/app.js';
import { makeClient, makePlan, makeUnit } from '../helpers/factories.js';

const t = useTestApp();
afterEach(() => setClock(null));

type Item = { id: number; status: { color: string; state: string } };
type NumberedPage = { items: Item[]; total: number; page: number; pageSize: number };
type KeysetPage = { items: Item[]; pageSize: number; nextCursor: string | null };

/** Every keyset page of `path` (with its query) from the first, pageSize `size`. */
async function walk(client: Client, path: string, size: number) {
  const pages: KeysetPage[] = [];
  let cursor: string | null = '';
  while (cursor !== null) {
    const sep = path.includes('?') ? '&' : '?';
    const res = await client.get(`${path}${sep}pageSize=${size}&cursor=${encodeURIComponent(cursor)}`);
    expect(res.statusCode, res.body).toBe(200);
    const page = res.json() as KeysetPage;
    expect(page).not.toHaveProperty('total');
    expect(page.items.length).toBeLessThanOrEqual(size);
    pages.push(page);
    cursor = page.nextCursor;
    if (pages.length > 100) throw new Error('no end');
  }
  return pages;
}
const numbered = async (client: Client, path: string) => {
  const res = await client.get(`${path}${path.includes('?') ? '&' : '?'}pageSize=500`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as NumberedPage;
};

async function setup() {
  // 2026-06-10: May's report was due, none sent — the led tasks are 未报送 (grey), the others 无应报进展
  setClock(() => new Date('2026-06-10T02:00:00Z'));
  const db = t.handle.db;
  const [a, b] = [await makeUnit(db), await makeUnit(db)];
  const specs = Array.from({ length: 23 }, (_, i) => ({
    title: `任务${i}`,
    lead: i % 3 === 0 ? [a.id] : i % 3 === 1 ? [b.id] : [],
    cooperating: i % 4 === 0 ? [b.id] : [],
    deadline: i % 5 === 0 ? '2026-03' : '2026-12',
  }));
  const { plan } = await makePlan(db, { periodStart: 2026, periodEnd: 2030, tasks: specs });
  // positions out of step with ids, with ties (the order is position, then id)
  const rows = await db.select({ id: tasks.id }).from(tasks).where(eq(tasks.planId, plan.id)).orderBy(asc(tasks.id));
  for (const [i, r] of rows.entries()) await db.update(tasks).set({ position: (i * 7) % 5 }).where(eq(tasks.id, r.id));
  const office = await makeClient(t.app, db, ['office']);
  const reporterA = await makeClient(t.app, db, ['unit_reporter'], { unitId: a.id });
  return { db, plan, a, b, office: office.client, reporterA: reporterA.client };
}

describe('keyset pages of task lists', () => {
  it('walking the cursor gives the numbered list, in order, once each — plan tasks, ?unitId=, ?role=, ?status=, /api/me/tasks', async () => {
    const { plan, a, b, office, reporterA } = await setup();
    const lists: [Client, string][] = [
      [office, `/api/plans/${plan.id}/tasks`],
      [office, `/api/plans/${plan.id}/tasks?unitId=${a.id}`],
      [office, `/api/plans/${plan.id}/tasks?unitId=${b.id}&role=cooperating`],
      [office, `/api/plans/${plan.id}/tasks?status=not_reported`],
      [office, `/api/plans/${plan.id}/tasks?status=grey`],
      [office, `/api/plans/${plan.id}/tasks?status=red&unitId=${a.id}`],
      [office, `/api/plans/${plan.id}/tasks?status=nothing_due`],
      [reporterA, `/api/me/tasks`],
      [reporterA, `/api/me/tasks?status=not_reported`],
    ];
    for (const [client, path] of lists) {
      const all = await numbered(client, path);
      expect(all.items.length, path).toBe(all.total);
      const pages = await walk(client, path, 4);
      const walked = pages.flatMap((p) => p.items);
      expect(walked.map((i) => i.id), path).toEqual(all.items.map((i) => i.id));
      expect(walked.map((i) => i.status), path).toEqual(all.items.map((i) => i.status));
      expect(pages.at(-1)!.nextCursor, path).toBeNull();
      // full pages until the last
      expect(pages.slice(0, -1).every((p) => p.items.length === 4), path).toBe(true);
    }
    // the filters do filter: every status kind above is there, and the unit filters keep the unit's tasks
    expect((await numbered(office, `/api/plans/${plan.id}/tasks?status=not_reported`)).total).toBeGreaterThan(0);
    expect((await numbered(office, `/api/plans/${plan.id}/tasks?status=nothing_due`)).total).toBeGreaterThan(0);
    expect((await numbered(office, `/api/plans/${plan.id}/tasks?status=red&unitId=${a.id}`)).total).toBeGreaterThan(0);
    expect((await numbered(reporterA, `/api/me/tasks`)).total).toBe(8);
  });

  it('the numbered pages the app uses are unchanged', async () => {
    const { plan, office } = await setup();
    const all = await numbered(office, `/api/plans/${plan.id}/tasks`);
    const second = (await office.get(`/api/plans/${plan.id}/tasks?page=2&pageSize=5`)).json() as NumberedPage;
    expect(second).toMatchObject({ total: 23, page: 2, pageSize: 5 });
    expect(second).not.toHaveProperty('nextCursor');
    expect(second.items.map((i) => i.id)).toEqual(all.items.slice(5, 10).map((i) => i.id));
    const red = (await office.get(`/api/plans/${plan.id}/tasks?status=grey&page=2&pageSize=3`)).json() as NumberedPage;
    const allGrey = await numbered(office, `/api/plans/${plan.id}/tasks?status=grey`);
    expect(red.total).toBe(allGrey.total);
    expect(red.items.map((i) => i.id)).toEqual(allGrey.items.slice(3, 6).map((i) => i.id));
  });

  it('a page after the cursor neither repeats nor skips a task when others are added or removed before it', async () => {
    const { db, plan, office } = await setup();
    const before = (await numbered(office, `/api/plans/${plan.id}/tasks`)).items.map((i) => i.id);
    const first = (await office.get(`/api/plans/${plan.id}/tasks?pageSize=6&cursor=`)).json() as KeysetPage;
    expect(first.items.map((i) => i.id)).toEqual(before.slice(0, 6));
    // meanwhile: a task of the first page removed, a task added at the top of the list
    expect((await office.delete(`/api/tasks/${before[2]}`)).statusCode).toBe(200);
    const added = (await office.post(`/api/plans/${plan.id}/tasks`, { title: '新增的任务' })).json() as { id: number };
    await db.update(tasks).set({ position: -1 }).where(eq(tasks.id, added.id));
    let cursor = first.nextCursor;
    const rest: number[] = [];
    while (cursor) {
      const page = (await office.get(`/api/plans/${plan.id}/tasks?pageSize=6&cursor=${encodeURIComponent(cursor)}`)).json() as KeysetPage;
      rest.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor;
    }
    expect(rest).toEqual(before.slice(6));
  });

  it('the status filter is right when the maintained rows are stale (a writer that did not refresh)', async () => {
    const { db, plan, office } = await setup();
    const fresh = await numbered(office, `/api/plans/${plan.id}/tasks?status=not_reported`);
    await db.update(taskStatusRows).set({ asOf: '', color: 'green', state: 'on_track' }).where(eq(taskStatusRows.planId, plan.id));
    const walked = (await walk(office, `/api/plans/${plan.id}/tasks?status=not_reported`, 5)).flatMap((p) => p.items);
    expect(walked.map((i) => i.id)).toEqual(fresh.items.map((i) => i.id));
    expect((await walk(office, `/api/plans/${plan.id}/tasks?status=on_track`, 5)).flatMap((p) => p.items)).toEqual([]);
  });

  it('a cursor that is not one is a 400; one past the end is an empty last page', async () => {
    const { plan, office, reporterA } = await setup();
    for (const bad of ['abc', '1.2', '1.2.3.4', '1.2.-3', '99999999999.1.1', 'x'.repeat(50)]) {
      const res = await office.get(`/api/plans/${plan.id}/tasks?cursor=${encodeURIComponent(bad)}`);
      expect(res.statusCode, bad).toBe(400);
      expect(res.json().error.code, bad).toBe('VALIDATION_FAILED');
      expect((await reporterA.get(`/api/me/tasks?cursor=${encodeURIComponent(bad)}`)).statusCode, bad).toBe(400);
    }
    const end = (await office.get(`/api/plans/${plan.id}/tasks?cursor=${plan.id}.2147483647.1`)).json() as KeysetPage;
    expect(end).toEqual({ items: [], pageSize: 50, nextCursor: null });
    // a user of no unit: an empty keyset page
    const noUnit = await makeClient(t.app, t.handle.db, ['leader']);
    expect((await noUnit.client.get('/api/me/tasks?cursor=')).json()).toEqual({ items: [], pageSize: 50, nextCursor: null });
  });
});
