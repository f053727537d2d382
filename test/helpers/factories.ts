// Fresh data per test, built through the same operations the product uses.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import { plans, regions, units } from '../../server/db/schema/index.js';
import { systemActor } from '../../server/policy.js';
import { addUser } from '../../server/operations/addUser.js';
import { createUnit } from '../../server/operations/createUnit.js';
import { createTask } from '../../server/operations/saveTask.js';
import { writeAudit } from '../../server/audit.js';
import type { Role } from '../../shared/roles.js';

export const corpusPath = (name: string) => path.resolve(__dirname, '../../../shared/corpus', name);
export const corpus = (prefix: string) => {
  const dir = path.resolve(__dirname, '../../../shared/corpus');
  const file = ['000_72a228d2becc53a7.txt', '001_d9c31fc2ce3966eb.txt', '002_a8cf94ceb730f871.txt', '003_024748a5dd49b957.txt', '004_daddf72c7a72a405.txt'].find((f) => f.startsWith(prefix))!;
  return readFileSync(path.join(dir, file));
};

export const PASSWORD = 'testpass123';
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

export async function makeUser(db: Db, roles: Role[], opts: { region?: string; unitId?: number } = {}) {
  const username = `u_${uniq()}`;
  const rid = await regionId(db, opts.region ?? '永川区');
  const user = await addUser(db, systemActor, { username, displayName: `测试用户${username}`, password: PASSWORD, roles, regionId: rid, unitId: opts.unitId ?? null });
  return { ...user, password: PASSWORD };
}

/** A plan with tasks whose units are given by role; built through createTask. */
export async function makePlan(db: Db, opts: { region?: string; title?: string; tasks?: { title: string; lead?: number[]; responsible?: number[]; cooperating?: number[]; deadline?: string }[] } = {}) {
  const rid = await regionId(db, opts.region ?? '永川区');
  const [plan] = await db.insert(plans).values({ title: opts.title ?? `测试规划${uniq()}`, regionId: rid, status: 'active', periodStart: 2021, periodEnd: 2025 }).returning();
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
