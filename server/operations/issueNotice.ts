// Issue a 督办 notice to a unit: by hand (the office) or by a rule (the job, deduplicated by key).
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { AppError } from '../../shared/errors.js';
import { createNoticeBodySchema } from '../../shared/reporting.js';
import type { DbOrTx } from '../db/client.js';
import { indicators, notices, tasks, units } from '../db/schema/index.js';
import { writeAudit } from '../audit.js';
import { now } from '../clock.js';
import { addWorkingDays } from '../domain/calendar/index.js';
import { canManagePlan, type Actor } from '../policy.js';
import { getVisiblePlan } from '../queries/plans.js';
import { requireUnitsInRegion } from '../access.js';
import { runSettings, shanghaiToday } from '../queries/calendar.js';
import { unitUsers } from './notifyUnit.js';
import { sendNotice } from '../delivery/noticeDelivery.js';
import type { OpContext } from './context.js';

export type NoticeValues = typeof notices.$inferInsert;

/** Inserts the notice (or nothing, if a rule already made one with this key), tells the unit on the plan's channels and audits it. */
export async function insertNotice(tx: DbOrTx, actor: Actor, values: NoticeValues, at: Date) {
  const [row] = await tx.insert(notices).values({ ...values, issuedAt: at, updatedAt: at }).onConflictDoNothing().returning();
  if (!row) return null;
  const people = await unitUsers(tx, row.unitId);
  const sent = await sendNotice(tx, row, people, { kind: 'notice', title: `督办:${row.title}`, body: `${row.requirement}\n请于${row.responseDeadline}前反馈。`, link: `/notices/${row.id}`, planId: row.planId }, 'issue', at);
  await writeAudit(tx, actor, { action: 'notice.issue', entityType: 'notice', entityId: row.id, planId: row.planId, after: { unitId: row.unitId, kind: row.kind, origin: row.origin, title: row.title, level: row.level, responseDeadline: row.responseDeadline, taskId: row.taskId, indicatorId: row.indicatorId, deliveries: sent } });
  return row;
}

export async function issueNotice({ db, actor }: OpContext, planId: number, input: z.input<typeof createNoticeBodySchema>) {
  const data = createNoticeBodySchema.parse(input);
  const { p: plan } = await getVisiblePlan(db, actor, planId);
  if (!canManagePlan(actor, plan)) throw new AppError('FORBIDDEN');
  const [unit] = await db.select({ id: units.id }).from(units).where(eq(units.id, data.unitId));
  if (!unit) throw new AppError('VALIDATION_FAILED', { unitId: data.unitId });
  await requireUnitsInRegion(db, [data.unitId], plan.regionId);
  if (data.taskId && !(await db.select({ id: tasks.id }).from(tasks).where(and(eq(tasks.id, data.taskId), eq(tasks.planId, planId)))).length) throw new AppError('VALIDATION_FAILED', { taskId: data.taskId });
  if (data.indicatorId && !(await db.select({ id: indicators.id }).from(indicators).where(and(eq(indicators.id, data.indicatorId), eq(indicators.planId, planId)))).length) throw new AppError('VALIDATION_FAILED', { indicatorId: data.indicatorId });
  const at = now();
  const deadline = data.responseDeadline ?? addWorkingDays(shanghaiToday(at), runSettings(plan).supervision.responseWorkingDays);
  return db.transaction(async (tx) =>
    insertNotice(tx, actor, { planId, unitId: data.unitId, taskId: data.taskId, indicatorId: data.indicatorId, kind: 'manual', origin: 'manual', title: data.title, requirement: data.requirement, responseDeadline: deadline, issuedBy: actor.userId }, at),
  );
}
