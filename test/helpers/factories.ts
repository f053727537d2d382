// Fresh data per test, built through the same operations the product uses.
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import type { FastifyInstance } from 'fastify';
import { indicatorUnits, indicators, plans, regions, units } from '../../server/db/schema/index.js';
import { Client } from './app.js';
import { systemActor } from '../../server/policy.js';
import { addUser } from '../../server/operations/addUser.js';
import { createUnit } from '../../server/operations/createUnit.js';
import { createTask } from '../../server/operations/saveTask.js';
import { writeAudit } from '../../server/audit.js';
import type { Role } from '../../shared/roles.js';
import { corpusBytes } from './corpus.js';

export { corpusPath } from './corpus.js';
/** A corpus document's bytes by its number prefix ('000' … '004'). */
export const corpus = (prefix: string) => corpusBytes(prefix);

export const PASSWORD = 'Qingfeng-Test-26';
const uniq = () => randomBytes(4).toString('hex');

export async function regionId(db: Db, name: string): Promise<number> {
  const [r] = await db.select().from(regions).where(eq(regions.name, name));
  if (!r) throw new Error(`no region ${name}`);
  return r.id;
}

export async function unitId(db: Db, name: string, region = '永川区'): Promise<number> {
  const rid = await regionId(db, region);
  const rows = await db.select().from(units).where(eq(units.name, name));
  const u = rows.find((x) => x.regionId === rid) ?? rows[0];
  if (!u) throw new Error(`no unit ${name}`);
  return u.id;
}

export async function makeUnit(db: Db, region = '永川区', name = `测试单位${uniq()}`) {
  const rid = await regionId(db, region);
  return db.transaction(async (tx) => createUnit(tx, systemActor, { name, regionId: rid }));
}

export async function makeUser(db: Db, roles: Role[], opts: { region?: string; unitId?: number; email?: string } = {}) {
  const username = `u_${uniq()}`;
  const rid = await regionId(db, opts.region ?? '永川区');
  const user = await addUser(db, systemActor, { username, displayName: `测试用户${username}`, password: PASSWORD, roles, regionId: rid, unitId: opts.unitId ?? null, email: opts.email ?? null });
  return { ...user, password: PASSWORD };
}

/** A plan with tasks whose units are given by role; built through createTask. */
export async function makePlan(db: Db, opts: { region?: string; title?: string; periodStart?: number; periodEnd?: number; settings?: Record<string, unknown>; tasks?: { title: string; lead?: number[]; responsible?: number[]; cooperating?: number[]; deadline?: string }[] } = {}) {
  const rid = await regionId(db, opts.region ?? '永川区');
  const [plan] = await db.insert(plans).values({ title: opts.title ?? `测试规划${uniq()}`, regionId: rid, status: 'active', periodStart: opts.periodStart ?? 2021, periodEnd: opts.periodEnd ?? 2025, settings: opts.settings ?? {} }).returning();
  await writeAudit(db, systemActor, { action: 'plan.create', entityType: 'plan', entityId: plan.id, planId: plan.id, after: plan });
  const created = [];
  for (const t of opts.tasks ?? []) {
    const unitsByRole = [
      ...(t.lead ?? []).map((unitId) => ({ unitId, role: 'lead' as const })),
      ...(t.responsible ?? []).map((unitId) => ({ unitId, role: 'responsible' as const })),
      ...(t.cooperating ?? []).map((unitId) => ({ unitId, role: 'cooperating' as const })),
    ];
    created.push(await createTask({ db, actor: systemActor }, plan.id, { title: t.title, units: unitsByRole, deadline: t.deadline ?? null }));
  }
  return { plan, tasks: created };
}

/** A logged-in client for a new user with these roles. */
export async function makeClient(app: FastifyInstance, db: Db, roles: Role[], opts: { region?: string; unitId?: number; email?: string } = {}) {
  const user = await makeUser(db, roles, opts);
  return { user, client: await new Client(app).login(user.username, PASSWORD) };
}

/** An indicator of a plan, optionally split to units ({ unitId, share }). */
export async function makeIndicator(db: Db, planId: number, values: Partial<typeof indicators.$inferInsert> & { owners?: { unitId: number; share: number | null }[] } = {}) {
  const { owners = [], ...fields } = values;
  const [row] = await db
    .insert(indicators)
    .values({ planId, name: `测试指标${uniq()}`, unit: '%', attribute: 'binding', kind: 'level', baselineYear: 2025, baselineValue: 50, targetYear: 2030, targetValue: 60, comparator: '>=', ...fields })
    .returning();
  if (owners.length) await db.insert(indicatorUnits).values(owners.map((o) => ({ indicatorId: row.id, unitId: o.unitId, share: o.share })));
  return row;
}

/**
 * A plan being run in 2026: unit A leads one task, B is responsible/cooperating on it, C leads another;
 * an office, a leader, A's reporter and head, B's reporter and C's reporter are logged in.
 */
export async function makeRunningPlan(app: FastifyInstance, db: Db, opts: { settings?: Record<string, unknown>; emails?: boolean } = {}) {
  const [a, b, c] = [await makeUnit(db), await makeUnit(db), await makeUnit(db)];
  const { plan, tasks } = await makePlan(db, {
    periodStart: 2026, periodEnd: 2030, settings: opts.settings,
    tasks: [{ title: '推进老旧小区改造', lead: [a.id], cooperating: [b.id], deadline: '2026-12' }, { title: '建设智慧城管平台', lead: [c.id], deadline: '2026-12' }],
  });
  const mail = (who: string) => (opts.emails ? `${who}.${uniq()}@example.test` : undefined);
  const office = await makeClient(app, db, ['office'], { email: mail('office') });
  const leader = await makeClient(app, db, ['leader'], { email: mail('leader') });
  const reporterA = await makeClient(app, db, ['unit_reporter'], { unitId: a.id, email: mail('a') });
  const headA = await makeClient(app, db, ['unit_head'], { unitId: a.id, email: mail('heada') });
  const reporterB = await makeClient(app, db, ['unit_reporter'], { unitId: b.id, email: mail('b') });
  const reporterC = await makeClient(app, db, ['unit_reporter'], { unitId: c.id, email: mail('c') });
  return { plan, task: tasks[0], otherTask: tasks[1], units: { a, b, c }, office, leader, reporterA, headA, reporterB, reporterC };
}
