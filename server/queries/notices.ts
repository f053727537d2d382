// 督办 notices, scoped: the office and leaders see their plans' notices, a unit only its own.
import { desc, eq, inArray, ne, sql, type SQL } from 'drizzle-orm';
import { AppError } from '../../shared/errors.js';
import type { NoticeOut } from '../../shared/reporting.js';
import type { DbOrTx } from '../db/client.js';
import { notices, plans, units } from '../db/schema/index.js';
import { combine, planScope, seesRegion, type Actor } from '../policy.js';

type NoticeRow = typeof notices.$inferSelect;

export function noticeScope(actor: Actor): SQL | undefined {
  if (seesRegion(actor)) {
    const ps = planScope(actor);
    return ps ? sql`${notices.planId} in (select ${plans.id} from ${plans} where ${ps})` : undefined;
  }
  return actor.unitId ? eq(notices.unitId, actor.unitId) : sql`false`;
}

/** One notice as the API gives it, with its unit's name and its plan's title. */
function noticeOut(n: NoticeRow, unitName: string, planTitle: string): NoticeOut {
  return {
    id: n.id, planId: n.planId, planTitle, unitId: n.unitId, unitName, taskId: n.taskId, indicatorId: n.indicatorId, periodKey: n.periodKey,
    kind: n.kind, origin: n.origin, title: n.title, requirement: n.requirement, level: n.level as NoticeOut['level'], status: n.status as NoticeOut['status'],
    responseDeadline: n.responseDeadline, feedback: n.feedback, recheckNote: n.recheckNote, issuedAt: n.issuedAt.toISOString(), closedAt: n.closedAt?.toISOString() ?? null,
    fedBackAt: n.fedBackAt?.toISOString() ?? null,
  };
}

export async function toNoticeOut(db: DbOrTx, rows: NoticeRow[]): Promise<NoticeOut[]> {
  const ids = [...new Set(rows.map((r) => r.unitId))];
  const names = ids.length ? await db.select({ id: units.id, name: units.name }).from(units).where(inArray(units.id, ids)) : [];
  const planIds = [...new Set(rows.map((r) => r.planId))];
  const titles = new Map((planIds.length ? await db.select({ id: plans.id, title: plans.title }).from(plans).where(inArray(plans.id, planIds)) : []).map((p) => [p.id, p.title]));
  return rows.map((n) => noticeOut(n, names.find((u) => u.id === n.unitId)?.name ?? '', titles.get(n.planId) ?? ''));
}

/** The notices the actor may see (newest first, at most 500), each with its unit's name and plan's title: one statement. */
export async function listNotices(db: DbOrTx, actor: Actor, f: { planId?: number; status?: string; open?: boolean }) {
  const rows = await db
    .select({ n: notices, unitName: units.name, planTitle: plans.title })
    .from(notices)
    .leftJoin(units, eq(units.id, notices.unitId))
    .leftJoin(plans, eq(plans.id, notices.planId))
    .where(combine(noticeScope(actor), f.planId ? eq(notices.planId, f.planId) : undefined, f.status ? eq(notices.status, f.status) : undefined, f.open ? ne(notices.status, 'closed') : undefined))
    .orderBy(desc(notices.id))
    .limit(500);
  return rows.map((r) => noticeOut(r.n, r.unitName ?? '', r.planTitle ?? ''));
}

export async function getVisibleNotice(db: DbOrTx, actor: Actor, id: number): Promise<NoticeRow> {
  const [row] = await db.select().from(notices).where(combine(eq(notices.id, id), noticeScope(actor)));
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

