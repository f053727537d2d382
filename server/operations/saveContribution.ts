// A responsible or cooperating unit adds its part to a task's progress for a period.
import { z } from 'zod';
import { AppError } from '../../shared/errors.js';
import { contributionBodySchema } from '../../shared/reporting.js';
import { reportContributions } from '../db/schema/index.js';
import { writeAudit } from '../audit.js';
import { now } from '../clock.js';
import { getVisibleTaskWithPlan, type VisibleTaskWithPlan } from '../queries/tasks.js';
import { currentPeriod, effectiveState, ensurePeriod, findPeriod, runSettings, shanghaiToday } from '../queries/calendar.js';
import type { OpContext } from './context.js';
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.js';
import { unitTaskRoles } from '../policy.js';

/**
 * Responsible or cooperating, by name or (a town) as one of 各镇街; a town addressed as a lead only through 各镇街
 * gives its part here too (the report is the named lead units' to write).
 */
async function contributesTo(db: DbOrTx, unitId: number, taskId: number): Promise<boolean> {
  const res = await db.execute(sql`select 1 from (${unitTaskRoles(unitId)}) as mine where task_id = ${taskId}
    and (role <> 'lead' or not exists (select 1 from task_units n where n.task_id = ${taskId} and n.unit_id = ${unitId} and n.role = 'lead')) limit 1`);
  return (res as unknown as { rows: unknown[] }).rows.length > 0;
}

/** `gated`: the task with its plan as the route gate read it (access.ts `loads: 'task_with_plan'`), else read here */
export async function saveContribution({ db, actor }: OpContext, taskId: number, input: z.input<typeof contributionBodySchema>, gated?: VisibleTaskWithPlan) {
  const data = contributionBodySchema.parse(input);
  const { plan } = gated?.id === taskId ? gated : await getVisibleTaskWithPlan(db, actor, taskId);
  if (!actor.unitId || !(await contributesTo(db, actor.unitId, taskId))) throw new AppError('REPORT_NOT_CONTRIBUTOR');
  const unitId = actor.unitId;
  const today = shanghaiToday(now());
  const settings = runSettings(plan);
  const period = data.period ? findPeriod(plan, data.period, settings) : currentPeriod(plan, today, settings);
  return db.transaction(async (tx) => {
    const prow = await ensurePeriod(tx, plan.id, period);
    if (effectiveState(period, prow.lockOverride, today) === 'locked') throw new AppError('REPORT_PERIOD_LOCKED', { period: period.key });
    const at = now();
    const [row] = await tx
      .insert(reportContributions)
      .values({ taskId, periodId: prow.id, unitId, text: data.text, createdBy: actor.userId, updatedAt: at })
      .onConflictDoUpdate({ target: [reportContributions.taskId, reportContributions.periodId, reportContributions.unitId], set: { text: data.text, createdBy: actor.userId, updatedAt: at } })
      .returning();
    await writeAudit(tx, actor, { action: 'report.contribute', entityType: 'task', entityId: taskId, planId: plan.id, after: { period: period.key, unitId, text: data.text } });
    return row;
  });
}
