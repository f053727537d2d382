// In-app messages to a unit's people (or to named roles of a region), written inside the caller's transaction.
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.js';
import { notifications, users } from '../db/schema/index.js';

export interface Message {
  kind: string;
  title: string;
  body: string;
  link?: string | null;
  planId?: number | null;
}

export async function unitUsers(tx: DbOrTx, unitId: number, roles: string[] = ['unit_reporter', 'unit_head']) {
  const rows = await tx.select().from(users).where(and(eq(users.unitId, unitId), eq(users.disabled, false)));
  return rows.filter((u) => u.roles.some((r) => roles.includes(r)));
}

/** People of a role in the region or any region below it (an office or leader of the plan's region). */
export async function regionUsers(tx: DbOrTx, regionId: number | null, role: string) {
  if (!regionId) return [];
  const res = await tx.execute(sql`with recursive r as (select id from regions where id = ${regionId} union all select c.id from regions c join r on c.parent_id = r.id) select id from r`);
  const ids = ((res as unknown as { rows: { id: number }[] }).rows ?? []).map((x) => Number(x.id));
  const found = ids.length ? await tx.select().from(users).where(and(inArray(users.regionId, ids), eq(users.disabled, false))) : [];
  return found.filter((u) => u.roles.includes(role));
}

export async function notifyUsers(tx: DbOrTx, userIds: number[], m: Message, at: Date): Promise<void> {
  const ids = [...new Set(userIds)];
  if (!ids.length) return;
  await tx.insert(notifications).values(ids.map((userId) => ({ userId, kind: m.kind, title: m.title, body: m.body, link: m.link ?? null, planId: m.planId ?? null, createdAt: at })));
}

/**
 * A message to a unit's people of the given roles (and to `also`, whoever they are; never to `except`) in one
 * statement: the people are read by the insert itself (issue #15: a review's return read them and wrote their
 * messages in two).
 */
export async function notifyUnit(tx: DbOrTx, to: { unitId: number; roles?: string[]; also?: number[]; except?: number | null }, m: Message, at: Date): Promise<void> {
  const roles = to.roles ?? ['unit_reporter', 'unit_head'];
  const also = [...new Set(to.also ?? [])];
  await tx.execute(sql`insert into notifications (user_id, plan_id, kind, title, body, link, created_at)
    select u.id, ${m.planId ?? null}::int, ${m.kind}, ${m.title}, ${m.body}, ${m.link ?? null}, ${at.toISOString()}::timestamptz from users u
    where ((u.unit_id = ${to.unitId} and not u.disabled and u.roles ?| array[${sql.join(roles.map((r) => sql`${r}`), sql`, `)}]::text[])
      or u.id = any(array[${sql.join(also.map((id) => sql`${id}`), sql`, `)}]::int[]))
      and u.id <> ${to.except ?? 0}`);
}
