// 督办 by rule: a missing report some days after the due date, a red task, a red indicator each become
// a notice to the unit (once, by dedupe key); open notices escalate blue → yellow → red as deadlines pass.
import { and, eq, inArray, lt } from 'drizzle-orm';
import type { RunSettings } from '../../shared/reporting.js';
import type { Db } from '../db/client.js';
import { indicatorUnits, notices, plans, taskUnits, tasks } from '../db/schema/index.js';
import { writeAudit } from '../audit.js';
import { systemActor } from '../policy.js';
import { addDays } from '../domain/dates.js';
import { addWorkingDays } from '../domain/calendar/index.js';
import { indicatorStatuses, taskStatuses } from '../queries/status.js';
import { lastDuePeriod, runSettings } from '../queries/calendar.js';
import { insertNotice, type NoticeValues } from '../operations/issueNotice.js';
import { regionUsers, unitUsers } from '../operations/notifyUnit.js';
import { sendNotice } from '../delivery/noticeDelivery.js';
import { missingReports } from '../queries/missingReports.js';

type PlanRow = typeof plans.$inferSelect;

export async function issueRuleNotices(db: Db, plan: PlanRow, settings: RunSettings, today: string, now: Date): Promise<number> {
  const s = settings.supervision;
  const deadline = addWorkingDays(today, s.responseWorkingDays);
  const wanted: NoticeValues[] = [];
  const rule = { planId: plan.id, origin: 'rule', level: 'blue', responseDeadline: deadline, issuedBy: null };

  const due = lastDuePeriod(plan, today, settings);
  if (due && today >= addDays(due.dueDate, s.missingReportAfterDays)) {
    for (const u of await missingReports(db, plan.id, due.key))
      wanted.push({
        ...rule, unitId: u.unitId, periodKey: due.key, kind: 'missing_report', dedupeKey: `missing_report:${plan.id}:${due.key}:${u.unitId}`,
        title: `${due.label}工作进展未按时报送`,
        requirement: `你单位牵头的以下${u.tasks.length}项任务未按期(${due.dueDate})报送${due.label}工作进展:\n${u.tasks.map((t, i) => `${i + 1}. ${t.title}`).join('\n')}\n请立即补报,并书面说明原因。`,
      });
  }

  const taskRows = await db.select().from(tasks).where(eq(tasks.planId, plan.id));
  const st = await taskStatuses(db, taskRows, today);
  const red = taskRows.filter((t) => st.get(t.id)?.color === 'red');
  const leads = red.length ? await db.select().from(taskUnits).where(and(inArray(taskUnits.taskId, red.map((t) => t.id)), eq(taskUnits.role, 'lead'))) : [];
  const periodTag = due?.key ?? today.slice(0, 7);
  for (const t of red)
    for (const l of leads.filter((x) => x.taskId === t.id && x.unitId))
      wanted.push({
        ...rule, unitId: l.unitId!, taskId: t.id, periodKey: due?.key ?? null, kind: 'red_task', dedupeKey: `red_task:${t.id}:${l.unitId}:${periodTag}`,
        title: `任务进展滞后:${t.title.slice(0, 60)}`, requirement: `${st.get(t.id)!.reason}。请分析原因,提出整改措施并按期反馈。`,
      });

  const inds = await indicatorStatuses(db, plan, today);
  const owners = inds.length ? await db.select().from(indicatorUnits).where(inArray(indicatorUnits.indicatorId, inds.map((i) => i.indicatorId))) : [];
  for (const ind of inds)
    for (const o of owners.filter((x) => x.indicatorId === ind.indicatorId)) {
      const mine = ind.units.find((u) => u.unitId === o.unitId);
      const reason = mine?.color === 'red' ? mine.reason : ind.color === 'red' ? ind.reason : null;
      if (!reason) continue;
      wanted.push({
        ...rule, unitId: o.unitId, indicatorId: ind.indicatorId, kind: 'red_indicator', dedupeKey: `red_indicator:${ind.indicatorId}:${o.unitId}:${today.slice(0, 4)}`,
        title: `约束性指标预警:${ind.name}`, requirement: `${ind.name}:${reason}。请采取措施确保完成分解目标并按期反馈。`,
      });
    }

  let n = 0;
  for (const v of wanted) if (await db.transaction((tx) => insertNotice(tx, systemActor, v, now))) n++;
  return n;
}

const NEXT_LEVEL: Record<string, string> = { blue: 'yellow', yellow: 'red' };

/** Notices the unit has not fed back by the deadline go up one level and get a new deadline. */
export async function escalateNotices(db: Db, today: string, now: Date): Promise<number> {
  const late = await db
    .select()
    .from(notices)
    .where(and(inArray(notices.status, ['issued', 'signed', 'handled']), inArray(notices.level, ['blue', 'yellow']), lt(notices.responseDeadline, today)));
  if (!late.length) return 0;
  const planRows = await db.select().from(plans).where(inArray(plans.id, [...new Set(late.map((n) => n.planId))]));
  let count = 0;
  for (const n of late) {
    const plan = planRows.find((p) => p.id === n.planId)!;
    const level = NEXT_LEVEL[n.level];
    const deadline = addWorkingDays(today, runSettings(plan).supervision.escalationWorkingDays);
    const done = await db.transaction(async (tx) => {
      // compare-and-set: a second instance escalating the same notice finds nothing to update
      const [row] = await tx
        .update(notices)
        .set({ level, responseDeadline: deadline, updatedAt: now })
        .where(and(eq(notices.id, n.id), eq(notices.level, n.level), eq(notices.responseDeadline, n.responseDeadline)))
        .returning();
      if (!row) return false;
      const msg = { kind: 'notice', planId: n.planId, link: `/notices/${n.id}`, title: `督办升级为${level === 'red' ? '红' : '黄'}色:${n.title}`, body: `督办件逾期未反馈(原期限${n.responseDeadline}),已升级,请于${deadline}前反馈。` };
      const people = [...(await unitUsers(tx, n.unitId)), ...(level === 'red' ? [...(await regionUsers(tx, plan.regionId, 'office')), ...(await regionUsers(tx, plan.regionId, 'leader'))] : [])];
      const unique = [...new Map(people.map((u) => [u.id, u])).values()];
      const sent = await sendNotice(tx, row, unique, msg, 'escalate', now, n.responseDeadline);
      await writeAudit(tx, systemActor, { action: 'notice.escalate', entityType: 'notice', entityId: n.id, planId: n.planId, before: { level: n.level, responseDeadline: n.responseDeadline }, after: { level, responseDeadline: deadline, deliveries: sent } });
      return true;
    });
    if (done) count++;
  }
  return count;
}
