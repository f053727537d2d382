// A task list's item is the task as its detail route gives it (issue #15, phase 5): the lists shape their items in
// the database (queries/tasks.ts itemRows) while the detail reads and maps the row (hydrate). Every field must agree —
// units in order with their names (or the words as written when no unit is named), the chapter (a task that is itself
// a heading shows the heading above it, compared after trimming any white space), the source span, leaders, numbers
// with fractions, the update time to the millisecond and the status — in numbered and keyset pages, filtered by unit
// and by status, and in a unit's own list.
import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { outlineNodes, taskUnits, tasks } from '../../server/db/schema/index.js';
import { useTestApp, type Client } from '../helpers/app.js';
import { makeClient, makePlan, makeUnit } from '../helpers/factories.js';

const t = useTestApp();

type Item = Record<string, unknown> & { id: number; status: { color: string } };

async function setup() {
  const db = t.handle.db;
  const [a, b, c] = [await makeUnit(db), await makeUnit(db), await makeUnit(db)];
  const { plan } = await makePlan(db, { periodStart: 2026, periodEnd: 2030 });
  const [chapter] = await db
    .insert(outlineNodes)
    .values({ planId: plan.id, level: 1, kind: 'chapter', marker: '第一章', title: '推动高质量发展', position: 1 })
    .returning();
  const [section] = await db
    .insert(outlineNodes)
    .values({ planId: plan.id, parentId: chapter.id, level: 2, kind: 'section', marker: '(一)', title: '践行高品质示范', position: 2 })
    .returning();
  const [orphan] = await db
    .insert(outlineNodes)
    .values({ planId: plan.id, level: 1, kind: 'chapter', marker: '第二章', title: '加强保障', position: 3 })
    .returning();
  const rows = await db
    .insert(tasks)
    .values([
      // plain, under a section
      {
        planId: plan.id,
        outlineNodeId: section.id,
        title: '推进老旧小区改造',
        text: '推进老旧小区改造,完成"三线"整治。',
        position: 1,
        leaders: ['张三', '李四'],
        weight: 2.5,
        progress: 37.5,
        reportedStatus: '推进中',
        deadline: '2026-12',
        sourceStart: 10,
        sourceEnd: 40,
      },
      // a heading itself (its title is the section's, with white space around): shown under the chapter
      {
        planId: plan.id,
        outlineNodeId: section.id,
        title: '\u3000践行高品质示范 ',
        text: '践行高品质示范',
        position: 2,
        sourceStart: 5,
        sourceEnd: null,
        assignee: '王五',
        targetText: '年内完成 80%',
        standard: '验收合格',
        startDate: '2026-02-01',
        deadlineText: '长期坚持',
        updatedAt: new Date('2026-03-04T05:06:07.123Z'),
      },
      // a heading of a chapter with no parent: shown under its own node
      { planId: plan.id, outlineNodeId: orphan.id, title: '加强保障', text: '', position: 3, deadline: '2026-06-30' },
      // no chapter, no units
      { planId: plan.id, title: '手工新增的任务', text: '手工新增', position: 4 },
    ])
    .returning();
  // microseconds in the update time: both answers give milliseconds
  await db.execute(sql`update tasks set updated_at = '2026-05-06 07:08:09.987654+00' where id = ${rows[0].id}`);
  const [sub] = await db
    .insert(tasks)
    .values({ planId: plan.id, parentTaskId: rows[0].id, outlineNodeId: section.id, title: '子任务:先行片区', text: '先行片区', position: 5, progress: 0 })
    .returning();
  await db.insert(taskUnits).values([
    { taskId: rows[0].id, unitId: b.id, role: 'responsible', raw: '乙单位', position: 0 },
    { taskId: rows[0].id, unitId: a.id, role: 'lead', raw: '甲单位(牵头)', position: 0 },
    { taskId: rows[0].id, unitId: null, role: 'cooperating', raw: '各镇街', scope: 'all_towns', position: 1 },
    { taskId: rows[0].id, unitId: c.id, role: 'cooperating', raw: c.name, position: 0 },
    { taskId: rows[1].id, unitId: a.id, role: 'responsible', raw: a.name, position: 0 },
    { taskId: rows[2].id, unitId: c.id, role: 'lead', raw: c.name, position: 0 },
    { taskId: sub.id, unitId: a.id, role: 'lead', raw: a.name, position: 0 },
  ]);
  const office = (await makeClient(t.app, db, ['office'])).client;
  const reporterA = (await makeClient(t.app, db, ['unit_reporter'], { unitId: a.id })).client;
  return { plan, a, c, ids: [...rows.map((r) => r.id), sub.id], office, reporterA };
}

const items = async (client: Client, path: string) => {
  const res = await client.get(path);
  expect(res.statusCode, res.body).toBe(200);
  expect(res.headers['content-type']).toMatch(/^application\/json/);
  return (res.json() as { items: Item[] }).items;
};

describe('task list items', () => {
  it('are the task as the detail route gives it, field for field, in every list', async () => {
    const { plan, a, c, ids, office, reporterA } = await setup();
    const detail = new Map<number, Item>();
    for (const id of ids) {
      const res = await office.get(`/api/tasks/${id}`);
      expect(res.statusCode, res.body).toBe(200);
      const { quote: _q, planTitle: _p, can: _c, ...rest } = res.json() as Item;
      detail.set(id, rest as Item);
    }
    // what the fixture is for: each case is really there
    const d = (i: number) => detail.get(ids[i])!;
    expect(d(0)).toMatchObject({
      chapter: '(一)践行高品质示范',
      leaders: ['张三', '李四'],
      weight: 2.5,
      progress: 37.5,
      source: { start: 10, end: 40 },
      updatedAt: '2026-05-06T07:08:09.987Z',
    });
    expect(d(0).units).toEqual([
      { unitId: c.id, name: c.name, raw: c.name, role: 'cooperating', scope: 'unit' },
      { unitId: null, name: '各镇街', raw: '各镇街', role: 'cooperating', scope: 'all_towns' },
      { unitId: a.id, name: a.name, raw: '甲单位(牵头)', role: 'lead', scope: 'unit' },
      expect.objectContaining({ role: 'responsible', raw: '乙单位' }),
    ]);
    expect(d(1)).toMatchObject({
      chapter: '第一章推动高质量发展',
      source: { start: 5, end: 5 },
      updatedAt: '2026-03-04T05:06:07.123Z',
      assignee: '王五',
      deadlineText: '长期坚持',
    });
    expect(d(2)).toMatchObject({ chapter: '第二章加强保障' });
    expect(d(3)).toMatchObject({ chapter: null, units: [], source: null, progress: null });
    expect(d(4)).toMatchObject({ parentTaskId: ids[0], progress: 0 });

    const lists: [Client, string, number[]][] = [
      [office, `/api/plans/${plan.id}/tasks?pageSize=500`, ids],
      [office, `/api/plans/${plan.id}/tasks?pageSize=2&page=2`, [ids[2], ids[3]]],
      [office, `/api/plans/${plan.id}/tasks?pageSize=500&cursor=`, ids],
      [office, `/api/plans/${plan.id}/tasks?unitId=${a.id}&pageSize=500`, [ids[0], ids[1], ids[4]]],
      [office, `/api/plans/${plan.id}/tasks?unitId=${a.id}&pageSize=500&cursor=`, [ids[0], ids[1], ids[4]]],
      [office, `/api/plans/${plan.id}/tasks?status=${d(3).status.color}&pageSize=500`, ids.filter((id) => detail.get(id)!.status.color === d(3).status.color)],
      [reporterA, `/api/me/tasks?pageSize=500`, [ids[0], ids[1], ids[4]]],
      [reporterA, `/api/me/tasks?pageSize=500&cursor=`, [ids[0], ids[1], ids[4]]],
    ];
    for (const [client, path, want] of lists) {
      const got = await items(client, path);
      expect(
        got.map((i) => i.id),
        path,
      ).toEqual(want);
      for (const item of got) expect(item, `${path} #${item.id}`).toEqual(detail.get(item.id));
    }
  });

  it('a numbered page past the end is empty and still counts the list', async () => {
    const { plan, office } = await setup();
    const res = await office.get(`/api/plans/${plan.id}/tasks?pageSize=2&page=9`);
    expect(res.json()).toEqual({ items: [], total: 5, page: 9, pageSize: 2 });
    const none = await office.get(`/api/plans/${plan.id}/tasks?q=${encodeURIComponent('没有这样的任务')}`);
    expect(none.json()).toEqual({ items: [], total: 0, page: 1, pageSize: 50 });
  });
});
