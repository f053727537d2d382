// The first command of the README: the demo imports the five corpus documents, confirmed, with demo accounts.
import { asc, count, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, indicators, plans, projects, tasks, users } from '../../server/db/schema/index.js';
import { seedDemo, demoAccounts } from '../../server/seed/demo.js';
import { createTestDb } from '../helpers/db.js';

let h: Awaited<ReturnType<typeof createTestDb>>;
const log: string[] = [];
beforeAll(async () => {
  h = await createTestDb();
  await seedDemo(h.db, (s) => log.push(s));
}, 120_000);
afterAll(() => h.close());

describe('demo data', () => {
  it('holds the five corpus plans, confirmed and titled in words, with their tasks, indicators and projects', async () => {
    const rows = await h.db.select().from(plans).orderBy(asc(plans.id));
    expect(rows).toHaveLength(5);
    for (const p of rows) {
      expect(p.status).toBe('active');
      expect(p.title, `plan ${p.id}`).toMatch(/[\u4e00-\u9fff]{6,}/);
      expect(p.title).not.toMatch(/^\d{3}_[0-9a-f]+/);
    }
    const taskCount = async (planId: number) => (await h.db.select({ n: count() }).from(tasks).where(eq(tasks.planId, planId)))[0].n;
    expect(await taskCount(rows[0].id)).toBeGreaterThanOrEqual(91);
    expect(await taskCount(rows[2].id)).toBeGreaterThanOrEqual(26);
    expect((await h.db.select({ n: count() }).from(indicators).where(eq(indicators.planId, rows[4].id)))[0].n).toBe(62);
    expect((await h.db.select({ n: count() }).from(projects).where(eq(projects.planId, rows[4].id)))[0].n).toBeGreaterThan(0);
    expect(rows[0].periodEnd).toBe(2027);
    expect(rows[4].published).toBe(true);
  });

  it('records every demo step in the audit trail and creates every demo account once', async () => {
    const names = (await h.db.select({ u: users.username }).from(users)).map((r) => r.u).sort();
    expect(names).toEqual(demoAccounts.map((a) => a.username).sort());
    // titles filled in (plan.update) and 004 published through its preview (plan.publish, its own audited step)
    const updates = await h.db.select().from(auditEvents).where(inArray(auditEvents.action, ['plan.update', 'plan.publish']));
    expect(updates.length).toBeGreaterThanOrEqual(3);
    expect(updates.some((u) => u.action === 'plan.publish')).toBe(true);
    expect(log.some((l) => l.includes('补录标题'))).toBe(true);
    // seeding again adds nothing
    await seedDemo(h.db);
    expect((await h.db.select({ n: count() }).from(plans))[0].n).toBe(5);
  });
});

describe('demo take-up (issue #13)', () => {
  it('has the municipal scheme taken up by 永川 (one task 不适用, one link lagging), 铜梁 and 璧山 (two 不适用), audited', async () => {
    const { coverage } = await import('../../server/queries/takeUp.js');
    const { systemActor } = await import('../../server/policy.js');
    const city = (await h.db.select().from(plans).orderBy(asc(plans.id)))[2]; // 002, the municipal scheme
    const cov = await coverage(h.db, systemActor, city.id, '2026-06-30');
    const yc = cov.districts.find((d) => d.name === '永川区')!;
    expect(yc.counts.taken_up).toBe(3);
    expect(yc.counts.not_applicable).toBe(1);
    // the lagging link has nothing reported by mid-year: 未报送 (grey in the one status vocabulary, issue #11), and
    // no 永川 link is on track
    const ycCells = cov.rows.flatMap((r) => r.cells.filter((c) => c.regionId === yc.id));
    expect(ycCells.some((c) => c.label.includes('未报送'))).toBe(true);
    expect(yc.colors.green ?? 0).toBe(0);
    expect(cov.rows[0].counts.taken_up).toBeGreaterThanOrEqual(1);
    // 璧山 takes up three tasks and says why two do not apply: three districts show in the matrix
    const bs = cov.districts.find((d) => d.name === '璧山区')!;
    expect(bs.counts).toMatchObject({ taken_up: 3, not_applicable: 2 });
    expect(cov.rows[4].cells.find((c) => c.regionId === bs.id)).toMatchObject({ state: 'not_applicable', reason: expect.stringContaining('璧山区') });
    expect(cov.districts.filter((d) => d.counts.taken_up > 0).map((d) => d.name).sort()).toEqual(['永川区', '璧山区', '铜梁区'].sort());
    expect(cov.rows[0].counts.taken_up).toBe(3);
    const actions = (await h.db.select({ a: auditEvents.action }).from(auditEvents)).map((r) => r.a);
    expect(actions.filter((a) => a === 'task.take_up').length).toBeGreaterThanOrEqual(7);
    expect(actions.filter((a) => a === 'task.not_applicable').length).toBe(3);
    expect(actions).toContain('task.not_applicable');
  });
});
