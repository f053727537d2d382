// Status, computed and explained: each task against 序时进度 and the last due period, each indicator
// against its expected value, rolled up (weighted) to chapters and the plan. Thresholds come from plan settings.
import { countTasks, itemJson, itemRows, taskWhere, type ItemRow, type TaskFilter } from './tasks.js';
import { JsonText } from '../jsonText.js';
import { scopeKey, type Actor } from '../policy.js';
import { and, asc, desc, eq, inArray, ne, or, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { TaskStatusOut } from '../../shared/reporting.js';
import { encodeTaskCursor, type Task, type TaskCursor } from '../../shared/api.js';
import type { DbOrTx } from '../db/client.js';
import { prepareSql, preparedStatement } from '../db/prepared.js';
import { taskStatusRows } from '../db/schema/taskStatus.js';
import { now } from '../clock.js';
import { indicatorUnits, indicatorValues, indicators, outlineNodes, plans, tasks } from '../db/schema/index.js';
import { computeTaskStatus, reportedTaskStatusSchema, TASK_STATE_LABELS, type StatusColor } from '../domain/status.js';
import { computeIndicatorStatus, INDICATOR_STATE_LABELS } from '../domain/indicatorStatus.js';
import { rollupOutline, type Rollup } from '../domain/rollup.js';
import { isValidIsoDate, lastOfMonth, todayInShanghai } from '../domain/dates.js';
import { firstDueDate, lastDuePeriod, runSettings } from './calendar.js';
import { sentStatuses, statusFacts, type SentReport } from './statusFacts.js';
import { targetSegment, type YearTarget } from '../domain/indicatorMilestones.js';
import { round } from '../domain/format.js';
import { reportsSentAfterWrite } from '../domain/reportStatusInputs.js';

type IndicatorRow = typeof indicators.$inferSelect;
/** The row's targets by year; rows written before they were kept hold only the last one. */
export function yearTargets(ind: IndicatorRow): YearTarget[] {
  if (ind.targets.length) return ind.targets;
  return ind.targetValue == null ? [] : [{ year: ind.targetYear, value: ind.targetValue, valueMax: ind.targetValueMax, comparator: ind.comparator }];
}
const fmtNumber = (x: number) => String(round(x, 4));

type PlanRow = typeof plans.$inferSelect;
type PlanCalendarRow = Pick<PlanRow, 'id' | 'settings' | 'periodStart' | 'periodEnd'>;
type TaskRow = Pick<typeof tasks.$inferSelect, 'id' | 'planId' | 'parentTaskId' | 'startDate' | 'deadline' | 'progress' | 'reportedStatus' | 'createdAt'>;
/** what a task's status is computed from: fetching only these keeps long task texts out of the status pass */
/** what the calendar of a plan is computed from (not its texts) */
const statusPlanColumns = { id: plans.id, settings: plans.settings, periodStart: plans.periodStart, periodEnd: plans.periodEnd };
const statusColumns = {
  id: tasks.id, planId: tasks.planId, parentTaskId: tasks.parentTaskId, startDate: tasks.startDate, deadline: tasks.deadline,
  progress: tasks.progress, reportedStatus: tasks.reportedStatus, createdAt: tasks.createdAt,
};

function deadlineDate(deadline: string | null, plan: PlanCalendarRow): string | null {
  if (deadline && /^\d{4}-\d{2}$/.test(deadline)) return lastOfMonth(Number(deadline.slice(0, 4)), Number(deadline.slice(5, 7)));
  if (deadline && isValidIsoDate(deadline)) return deadline;
  return plan.periodEnd ? `${plan.periodEnd}-12-31` : null;
}

/**
 * A task starts with the plan, or when it was assigned if later. A plan's own tasks were assigned
 * when the plan was issued (not when it was imported); a sub-task on the day it was broken out.
 */
function startDate(t: TaskRow, plan: PlanCalendarRow): string {
  if (t.startDate && isValidIsoDate(t.startDate)) return t.startDate;
  const assigned = todayInShanghai(t.createdAt);
  const planStart = plan.periodStart ? `${plan.periodStart}-01-01` : null;
  if (!planStart) return assigned;
  return t.parentTaskId && assigned > planStart ? assigned : planStart;
}

/**
 * Status of each task as of `today` (Beijing date), computed from its reports: the rules of domain/status.ts. "A report
 * for the due period (or a later one) is in" is asked once for all the tasks: the submitted or accepted reports in the
 * periods of each plan from its due period on (a few periods, not every report the tasks ever had). This is the
 * reference computation; `taskStatuses` answers from the maintained rows and falls back to it.
 */
export async function computeTaskStatuses(db: DbOrTx, rows: TaskRow[], today: string, known: KnownInputs = {}): Promise<Map<number, TaskStatusOut>> {
  const out = new Map<number, TaskStatusOut>();
  if (!rows.length) return out;
  const planIds = [...new Set(rows.map((r) => r.planId))];
  const planRows = known.plans ?? (await db.select(statusPlanColumns).from(plans).where(inArray(plans.id, planIds)));
  const calendar = new Map(planRows.map((plan) => {
    const settings = runSettings(plan);
    return [plan.id, { settings, due: lastDuePeriod(plan, today, settings) }];
  }));
  const since = planRows.flatMap((plan) => {
    const due = calendar.get(plan.id)!.due;
    return due ? [{ planId: plan.id, start: due.start }] : [];
  });
  // reports in hand, waiting for review or with the unit's head, and lead units (issue #11: queries/statusFacts.ts)
  const facts = await statusFacts(db, rows.map((r) => r.id), since, known.led, known.sent);
  const byPlan = new Map<number, TaskRow[]>();
  for (const r of rows) (byPlan.get(r.planId) ?? byPlan.set(r.planId, []).get(r.planId)!).push(r);
  for (const plan of planRows) {
    const { settings, due } = calendar.get(plan.id)!;
    for (const t of byPlan.get(plan.id) ?? []) {
      const start = startDate(t, plan);
      let deadline = deadlineDate(t.deadline, plan);
      if (deadline && deadline < start) deadline = null;
      const status = reportedTaskStatusSchema.safeParse(t.reportedStatus);
      // a report was owed: the task has a lead unit (a sub-task reports for itself) and a period came due since it began
      const hasLead = t.parentTaskId !== null || facts.led.has(t.id);
      const periodDue = !!due && due.end >= start;
      const s = computeTaskStatus({
        start, deadline, progress: t.progress == null ? null : Math.max(0, Math.min(100, t.progress)), reportedStatus: status.success ? status.data : null,
        hasReportForCurrentPeriod: !periodDue || facts.reported.has(t.id), reportsDue: hasLead && periodDue, noReportsWhy: hasLead ? 'no_period_due' : 'no_lead_unit',
        firstDue: periodDue ? null : firstDueDate(plan, start, today, settings), pending: facts.pending.get(t.id) ?? null, withUnitHead: facts.withUnitHead.has(t.id),
        asOf: today, thresholds: settings.taskThresholds,
      });
      out.set(t.id, { ...s, label: TASK_STATE_LABELS[s.state], periodKey: due?.key ?? null });
    }
  }
  return out;
}

/** Inputs of computeTaskStatuses its caller read already (in the same statement as the tasks, so at the same moment). */
interface KnownInputs {
  /** the calendars of every plan of the tasks */
  plans?: PlanCalendarRow[];
  /** which of the tasks have a lead unit */
  led?: Set<number>;
  /** the tasks' reports sent in one plan from a period's start on: statusFacts' rows when that start is the plan's due period's */
  sent?: { planId: number; start: string; rows: SentReport[] };
}

/** Above this many tasks the maintained rows are read by plan (one index range) rather than by a list of ids. */
const BY_PLAN_FROM = 100;

/**
 * Status of each task as of `today`, from the maintained rows (db/schema/taskStatus.ts) where they hold `today`'s
 * figures; the others are computed (`computeTaskStatuses`) and, when `today` is the server's today, stored back — unless
 * an input changed meanwhile (the row's generation moved) or another transaction holds the row (it is writing it).
 */
export async function taskStatuses(db: DbOrTx, rows: TaskRow[], today: string): Promise<Map<number, TaskStatusOut>> {
  const out = new Map<number, TaskStatusOut>();
  if (!rows.length) return out;
  const wanted = new Set(rows.map((r) => r.id));
  const cols = { taskId: taskStatusRows.taskId, asOf: taskStatusRows.asOf, gen: taskStatusRows.gen, status: taskStatusRows.status };
  const planIds = [...new Set(rows.map((r) => r.planId))];
  const stored = rows.length > BY_PLAN_FROM
    ? await db.select(cols).from(taskStatusRows).where(inArray(taskStatusRows.planId, planIds))
    : await db.select(cols).from(taskStatusRows).where(inArray(taskStatusRows.taskId, [...wanted]));
  const genOf = new Map<number, number>();
  for (const r of stored) {
    if (!wanted.has(r.taskId)) continue;
    genOf.set(r.taskId, r.gen);
    if (r.asOf === today) out.set(r.taskId, r.status as TaskStatusOut);
  }
  return computeMissing(db, rows, out, genOf, today);
}

/** The tasks not in `out` computed, put in it and, when `today` is the server's today, stored in their rows (`genOf`). */
async function computeMissing(db: DbOrTx, rows: TaskRow[], out: Map<number, TaskStatusOut>, genOf: Map<number, number>, today: string, known?: KnownInputs) {
  const missing = rows.filter((r) => !out.has(r.id));
  if (!missing.length) return out;
  const computed = await computeTaskStatuses(db, missing, today, known);
  for (const [id, s] of computed) out.set(id, s);
  if (today === todayInShanghai(now())) await storeTaskStatuses(db, [...computed].filter(([id]) => genOf.has(id)).map(([id, s]) => ({ taskId: id, gen: genOf.get(id)!, status: s })), today);
  return out;
}

/**
 * Writes computed statuses into their rows: only rows still at the generation read before computing (a trigger bumps it
 * when an input changes), and never waiting for a row another transaction holds (SKIP LOCKED): no stale figure is
 * kept, and a reader never deadlocks with a writer. Rows are locked in task order.
 */
export async function storeTaskStatuses(db: DbOrTx, items: { taskId: number; gen: number; status: TaskStatusOut }[], today: string) {
  for (let i = 0; i < items.length; i += 500) {
    const chunk = items.slice(i, i + 500).sort((a, b) => a.taskId - b.taskId);
    await (chunk.length <= FEW ? storeFew : storeMany)(db, {
      taskIds: chunk.map((c) => c.taskId), gens: chunk.map((c) => c.gen), colors: chunk.map((c) => c.status.color), states: chunk.map((c) => c.status.state),
      statuses: chunk.map((c) => JSON.stringify(c.status)), today,
    });
  }
}
/** storeTaskStatuses' statement, built once (db/prepared.ts): named for a few rows (a report's save: one), else planned with the values */
const storeStatuses = (named: boolean) =>
  preparedStatement(
    `status_store_${named ? 'few' : 'many'}`,
    (db, name) =>
      prepareSql(
        db,
        sql`with v (task_id, gen, color, state, status) as (select * from unnest(${sql.placeholder('taskIds')}::int[], ${sql.placeholder('gens')}::int[], ${sql.placeholder('colors')}::text[], ${sql.placeholder('states')}::text[], ${sql.placeholder('statuses')}::text[])),
          l as (select t.task_id from task_statuses t join v on v.task_id = t.task_id and v.gen = t.gen order by t.task_id for update of t skip locked)
          update task_statuses t set as_of = ${sql.placeholder('today')}, color = v.color, state = v.state, status = v.status::jsonb, computed_at = now()
          from v where t.task_id = v.task_id and t.task_id in (select task_id from l)`,
        name,
      ),
    { named },
  );
const FEW = 50;
const storeFew = storeStatuses(true);
const storeMany = storeStatuses(false);

/**
 * Recomputes and stores the given tasks' statuses as of today: called in the transaction of each change to a task or
 * its reports (the triggers have marked the rows; this writes today's figures back before the change commits).
 */
/** refreshTaskStatuses' read, built once (db/prepared.ts): every report's save sends it */
const refreshSelection = {
  task: statusColumns, gen: taskStatusRows.gen, asOf: taskStatusRows.asOf, status: taskStatusRows.status, plan: statusPlanColumns,
  led: sql<boolean>`exists (select 1 from task_units l where l.task_id = ${tasks.id} and l.role = 'lead' and l.unit_id is not null)`,
};
const refreshInputs = preparedStatement('status_refresh_inputs', (db, name) =>
  db
    .select(refreshSelection)
    .from(tasks)
    .innerJoin(plans, eq(plans.id, tasks.planId))
    .leftJoin(taskStatusRows, eq(taskStatusRows.taskId, tasks.id))
    .where(sql`${tasks.id} = any(${sql.placeholder('taskIds')}::int[])`)
    .prepare(name),
);
/**
 * The same read with each task's reports sent (statusFacts' rows) from the due period on, for tasks of one plan whose
 * due period the caller computed from the plan as it read it (issue #15 phase 10: a report's save asks its status's
 * inputs and its facts in one statement, not two). As JSON text: the drivers hand json back differently.
 */
const refreshInputsWithSent = preparedStatement('status_refresh_inputs_sent', (db, name) =>
  db
    .select({
      ...refreshSelection,
      sent: sql<string>`coalesce((select json_agg(json_build_object('taskId', r.task_id, 'status', r.status, 'progress', r.progress, 'reportedStatus', r.reported_status, 'start', p.start, 'label', p.label))
        from reports r join report_periods p on p.id = r.period_id
       where r.task_id = ${tasks.id} and r.status in (${sql.raw(sentStatuses.map((s) => `'${s}'`).join(', '))}) and p.plan_id = ${sql.placeholder('planId')}::int and p.start >= ${sql.placeholder('start')}::text), '[]')::text`,
    })
    .from(tasks)
    .innerJoin(plans, eq(plans.id, tasks.planId))
    .leftJoin(taskStatusRows, eq(taskStatusRows.taskId, tasks.id))
    .where(sql`${tasks.id} = any(${sql.placeholder('taskIds')}::int[])`)
    .prepare(name),
);

/**
 * `plan`: the plan of every task, as the caller read it (a report's save): their facts are read with their inputs, from
 * the due period of this plan; used when the plan read with the tasks has the same due period (else asked apart).
 */
export async function refreshTaskStatuses(tx: DbOrTx, taskIds: number[], opts: { plan?: PlanCalendarRow } = {}): Promise<void> {
  if (!taskIds.length) return;
  const today = todayInShanghai(now());
  // what taskStatuses and computeTaskStatuses read in four statements, in one (a report's write sends it every time):
  // the tasks' inputs, their rows' generation and date, their plans' calendars and whether each has a lead unit
  const since = opts.plan ? { planId: opts.plan.id, start: lastDuePeriod(opts.plan, today, runSettings(opts.plan))?.start ?? null } : null;
  const read: (Awaited<ReturnType<typeof refreshInputs>>[number] & { sent?: string })[] = since
    ? await refreshInputsWithSent(tx, { taskIds, ...since })
    : await refreshInputs(tx, { taskIds });
  const out = new Map<number, TaskStatusOut>();
  const genOf = new Map<number, number>();
  for (const r of read) {
    if (r.gen === null) continue;
    genOf.set(r.task.id, r.gen);
    if (r.asOf === today) out.set(r.task.id, r.status as TaskStatusOut);
  }
  const known: KnownInputs = { plans: [...new Map(read.map((r) => [r.plan.id, r.plan])).values()], led: new Set(read.filter((r) => r.led).map((r) => r.task.id)) };
  if (since?.start && read.every((r) => r.plan.id === since.planId)) known.sent = { ...since, start: since.start, rows: read.flatMap((r) => JSON.parse(r.sent ?? '[]') as SentReport[]) };
  await computeMissing(tx, read.map((r) => r.task), out, genOf, today, known);
}

/**
 * A task's status inputs as a subquery for a statement of the caller's (issue #15 phase 13: a report's save reads
 * them in the statement that holds its period and report, not in one of their own after the write; phase 14: a report
 * saved again and a review too): the task's status columns, its plan's calendar, its row's generation and date, whether
 * it has a lead unit and its reports sent in its plan from the period starting at `sql.placeholder('dueStart')` on
 * (statusFacts' rows, as JSON text: the drivers hand json back differently). `only`: a condition the caller adds. No
 * row when the task has no status row. The plan's id is the task's `planId` (one `id` column in a subquery). `taskId`:
 * the task's id in the caller's statement (a placeholder by default).
 */
export function statusInputsSubquery(db: DbOrTx, only?: SQL, taskId: SQLWrapper = sql.placeholder('taskId')) {
  return db
    .select({
      ...statusColumns, settings: plans.settings, periodStart: plans.periodStart, periodEnd: plans.periodEnd, gen: taskStatusRows.gen,
      statusAsOf: sql<string>`${taskStatusRows.asOf}`.as('status_as_of'),
      led: sql<boolean>`exists (select 1 from task_units l where l.task_id = ${tasks.id} and l.role = 'lead' and l.unit_id is not null)`.as('led'),
      sent: sql<string>`coalesce((select json_agg(json_build_object('taskId', sr.task_id, 'status', sr.status, 'progress', sr.progress, 'reportedStatus', sr.reported_status, 'start', sp.start, 'label', sp.label))
        from reports sr join report_periods sp on sp.id = sr.period_id
       where sr.task_id = ${tasks.id} and sr.status in (${sql.raw(sentStatuses.map((s) => `'${s}'`).join(', '))}) and sp.plan_id = ${tasks.planId} and sp.start >= ${sql.placeholder('dueStart')}::text), '[]')::text`.as('sent'),
    })
    .from(tasks)
    .innerJoin(plans, eq(plans.id, tasks.planId))
    .innerJoin(taskStatusRows, eq(taskStatusRows.taskId, tasks.id))
    .where(and(sql`${tasks.id} = ${taskId}`, only));
}
/** statusInputsSubquery's row */
export type StatusInputs = TaskRow & Pick<PlanRow, 'settings' | 'periodStart' | 'periodEnd'> & { gen: number; statusAsOf: string; led: boolean; sent: string };

/**
 * The status of a task a report is about to be written for (a new one, one saved again, one reviewed), computed from
 * the inputs read earlier in the same transaction (`inputs`, read with `dueStart` = the start of the due period of the
 * plan as the caller read it, or null), the report as it will be written (`report`, with its period's start and label:
 * it replaces the task's report of that period among its reports sent, domain/reportStatusInputs.ts
 * reportsSentAfterWrite) and the task's progress and reported status as the same transaction leaves them (`task`, when
 * it changes them: an accepted report's), with the row's generation read. Null when these inputs do not suffice (the
 * plan read with them has another due period: its reports sent would have to be read again, and before the write they
 * would miss this one) or the task has no status row. No statement runs. The caller writes it in the write's statement,
 * only at the generation read (a compare-and-set, `statusWrite`).
 */
export async function reportStatusAfter(
  tx: DbOrTx, inputs: StatusInputs, dueStart: string | null, report: SentReport, task?: Pick<TaskRow, 'progress' | 'reportedStatus'>,
): Promise<{ gen: number; status: TaskStatusOut } | null> {
  const today = todayInShanghai(now());
  const { settings, periodStart, periodEnd, gen, statusAsOf: _asOf, led, sent, ...read } = inputs;
  const row = { ...read, ...task };
  const plan = { id: row.planId, settings, periodStart, periodEnd };
  if ((lastDuePeriod(plan, today, runSettings(plan))?.start ?? null) !== dueStart) return null;
  // the reports sent as the statement would read them after the write
  const rows = reportsSentAfterWrite(dueStart ? (JSON.parse(sent) as SentReport[]) : [], report, dueStart);
  const known: KnownInputs = { plans: [plan], led: new Set(led ? [row.id] : []), ...(dueStart ? { sent: { planId: plan.id, start: dueStart, rows } } : {}) };
  const status = (await computeTaskStatuses(tx, [row], today, known)).get(row.id);
  return status ? { gen, status } : null;
}

/**
 * The placeholders' values of `statusWrite` for a status computed by `newReportStatus` (none: nothing written, the
 * trigger marks the row).
 */
export function statusWriteValues(computed: { gen: number; status: TaskStatusOut } | null) {
  return {
    statusToday: todayInShanghai(now()), statusGen: computed?.gen ?? null, statusColor: computed?.status.color ?? null, statusState: computed?.status.state ?? null,
    statusJson: computed ? JSON.stringify(computed.status) : null,
  };
}

/**
 * For a data-modifying CTE that inserts or updates reports (`reports`, its name in the statement, one report of the
 * task): the task's status row written with the figures `statusWriteValues` gives, only if its generation is still the
 * one read (then one more, the step the report's trigger would add: a step where it would add none is harmless, the
 * generation only tells a writer that an input moved), after the report's write (it reads its rows), and a select naming
 * the rows written in `luoshi.status_written`, which the report triggers leave alone (migrations 0021 and 0022; issue #15
 * phases 13 and 14: the row written once, not marked by the trigger and then stored). Every input change moves the generation
 * in its own transaction: one committed after the read leaves this write nothing to write, and the trigger marks the
 * row; one still open holds the row, this update waits for it and then finds another generation (READ COMMITTED
 * re-checks the condition on the row as committed). `written`: the CTE's name for the select, to be joined.
 */
export function statusWrite(reports: SQL, written: SQL, opts: { tasks?: SQL } = {}): SQL {
  const ph = (k: string) => sql.placeholder(k);
  // `tasks`: a CTE of the same statement updating the task (an acceptance's progress): run before the status row is
  // locked (the order of a task's other writers: the task, then its status row), and its trigger (migration 0022) told
  // too, by a setting of its own — each trigger clears its own, whichever fires first
  const after = opts.tasks ? sql` and (select count(*) from ${opts.tasks}) >= 0` : sql``;
  const tasksToo = opts.tasks ? sql`, set_config('luoshi.status_written_tasks', coalesce(string_agg(s.task_id::text, ','), ''), true)` : sql``;
  return sql`s as (update task_statuses t set as_of = ${ph('statusToday')}::text, color = ${ph('statusColor')}::text, state = ${ph('statusState')}::text,
        status = ${ph('statusJson')}::jsonb, gen = t.gen + 1, computed_at = now()
      from ${reports} where t.task_id = ${reports}.task_id and t.gen = ${ph('statusGen')}::int${after} returning t.task_id),
    ${written} as (select set_config('luoshi.status_written', coalesce(string_agg(s.task_id::text, ','), ''), true)${tasksToo} from s)`;
}

/** Task list/detail responses with their computed status. */
export async function withStatus<T extends Task>(db: DbOrTx, items: T[], today: string): Promise<(T & { status: TaskStatusOut })[]> {
  const rows = items.length ? await db.select(statusColumns).from(tasks).where(inArray(tasks.id, items.map((i) => i.id))) : [];
  const st = await taskStatuses(db, rows, today);
  return items.map((i) => ({ ...i, status: st.get(i.id)! })).filter((i) => i.status);
}

const toRollup = (r: Rollup) => ({ progress: r.progress, taskCount: r.taskCount, counts: r.counts });

export async function indicatorStatuses(db: DbOrTx, plan: PlanRow, today: string) {
  const settings = runSettings(plan);
  const rows = await db.select().from(indicators).where(eq(indicators.planId, plan.id)).orderBy(asc(indicators.position));
  const ids = rows.map((r) => r.id);
  const [values, owners] = ids.length
    ? await Promise.all([
        db.select().from(indicatorValues).where(inArray(indicatorValues.indicatorId, ids)).orderBy(desc(indicatorValues.date), desc(indicatorValues.id)),
        db.select().from(indicatorUnits).where(inArray(indicatorUnits.indicatorId, ids)),
      ])
    : [[], []];
  // values come newest first: each indicator's list keeps that order
  const valuesOf = new Map<number, typeof values>();
  for (const v of values) (valuesOf.get(v.indicatorId) ?? valuesOf.set(v.indicatorId, []).get(v.indicatorId)!).push(v);
  const ownersOf = new Map<number, typeof owners>();
  for (const o of owners) (ownersOf.get(o.indicatorId) ?? ownersOf.set(o.indicatorId, []).get(o.indicatorId)!).push(o);
  return rows.map((ind) => {
    const mine = valuesOf.get(ind.id) ?? [];
    const own = ownersOf.get(ind.id) ?? [];
    const latestOf = (unitId: number | null) => mine.find((v) => v.unitId === unitId) ?? null;
    let actual = latestOf(null);
    if (!actual && own.length) {
      // a split indicator's whole is its units' latest values added up (or weight-averaged for ratios)
      const parts = own.map((o) => ({ o, v: latestOf(o.unitId) }));
      if (parts.every((p) => p.v)) {
        const ratio = own.every((o) => o.weight != null);
        const wSum = parts.reduce((a, p) => a + (p.o.weight ?? 0), 0);
        const value = ratio && wSum > 0 ? parts.reduce((a, p) => a + p.v!.value * (p.o.weight ?? 0), 0) / wSum : parts.reduce((a, p) => a + p.v!.value, 0);
        const date = parts.map((p) => p.v!.date).sort()[0];
        actual = { ...parts[0].v!, value, date, unitId: null };
      }
    }
    const base = { indicatorId: ind.id, name: ind.name, attribute: ind.attribute, actualDate: actual?.date ?? null };
    let status: { color: StatusColor; state: string; label: string; expected: number | null; actual: number | null; gap: number | null; reason: string };
    const asOf = actual?.date ?? today;
    const seg = targetSegment(ind, yearTargets(ind), Number(asOf.slice(0, 4)));
    if (!seg) {
      status = { color: 'grey', state: 'no_data', label: INDICATOR_STATE_LABELS.no_data, expected: null, actual: actual?.value ?? null, gap: null, reason: '缺少基期年份或目标值,无法计算应达值' };
    } else {
      const comparator = seg.comparator ?? ind.comparator;
      const s = computeIndicatorStatus({
        baseline: seg.baseline, baselineYear: seg.baselineYear, target: seg.target, targetMax: seg.targetMax, targetYear: seg.targetYear,
        kind: ind.kind as 'level', actual: actual?.value ?? null, actualDate: asOf,
        direction: ind.direction as 'higher_better', attribute: (ind.attribute as 'binding' | 'expected' | null) ?? 'expected',
        comparator: (['>=', '<=', '>', '<', '=', 'range'].includes(comparator) ? comparator : '>=') as '>=', tolerance: settings.indicator.tolerance, toleranceAbsolute: settings.indicator.toleranceAbsolute,
      });
      status = { ...s, label: INDICATOR_STATE_LABELS[s.state], reason: seg.interim ? `按${seg.targetYear}年阶段目标${fmtNumber(seg.target)}:${s.reason}` : s.reason };
    }
    const lower = ind.direction === 'lower_better';
    const units = own.map((o) => {
      const v = latestOf(o.unitId);
      if (!v || o.share == null) return { unitId: o.unitId, share: o.share, actual: v?.value ?? null, color: 'grey' as StatusColor, reason: v ? '未设分解目标' : '暂无实际值' };
      const met = lower ? v.value <= o.share : v.value >= o.share;
      const color: StatusColor = met ? 'blue' : ind.attribute === 'binding' ? 'red' : 'yellow';
      return { unitId: o.unitId, share: o.share, actual: v.value, color, reason: `分解目标${o.share},实际${v.value}(${v.date}),${met ? '已达到' : '未达到'}分解目标` };
    });
    return { ...base, ...status, units };
  });
}

/** Tasks of a plan with their status and the chapter and plan roll-ups (what /status and the status dashboard share). */
export async function planTaskStatus(db: DbOrTx, plan: PlanRow, today: string) {
  const taskRows = await db.select({ ...statusColumns, outlineNodeId: tasks.outlineNodeId, weight: tasks.weight, title: tasks.title }).from(tasks).where(eq(tasks.planId, plan.id)).orderBy(asc(tasks.position), asc(tasks.id));
  const st = await taskStatuses(db, taskRows, today);
  const nodes = await db.select({ id: outlineNodes.id, parentId: outlineNodes.parentId, marker: outlineNodes.marker, title: outlineNodes.title }).from(outlineNodes).where(eq(outlineNodes.planId, plan.id)).orderBy(asc(outlineNodes.position));
  const roll = rollupOutline(
    nodes.map((n) => ({ id: n.id, parentId: n.parentId })),
    taskRows.map((t) => ({ id: t.id, nodeId: t.outlineNodeId, weight: t.weight, progress: t.progress == null ? null : Math.max(0, Math.min(100, t.progress)), color: st.get(t.id)!.color })),
  );
  return {
    plan: toRollup(roll.plan),
    chapters: nodes
      .filter((n) => n.parentId === null && (roll.nodes.get(n.id)?.taskCount ?? 0) > 0)
      .map((n) => ({ outlineNodeId: n.id, title: `${n.marker}${n.title}`, ...toRollup(roll.nodes.get(n.id)!) })),
    tasks: taskRows.map((t) => ({ taskId: t.id, title: t.title, weight: t.weight, progress: t.progress, status: st.get(t.id)! })),
  };
}

export async function planStatus(db: DbOrTx, planId: number, today: string) {
  const [plan] = await db.select().from(plans).where(eq(plans.id, planId));
  const due = lastDuePeriod(plan, today, runSettings(plan));
  return { asOf: today, due, ...(await planTaskStatus(db, plan, today)), indicators: await indicatorStatuses(db, plan, today) };
}

/** /status?only=indicators: the indicator lights without the tasks and roll-ups (what the pages that show them need). */
export async function planIndicatorStatus(db: DbOrTx, planId: number, today: string) {
  const [plan] = await db.select().from(plans).where(eq(plans.id, planId));
  const due = lastDuePeriod(plan, today, runSettings(plan));
  return { asOf: today, due, indicators: await indicatorStatuses(db, plan, today) };
}

/**
 * The condition "the task's status today is `status`" (a colour or a state) on tasks joined with their maintained
 * rows (task_statuses), for the tasks `where` keeps: their rows not holding today's figures are computed first
 * (normally none — the writers and the daily job keep them), so the filter itself is read from the rows' indexes.
 * A row that could not be stored (another transaction holds it) is matched by its id.
 */
async function statusIs(db: DbOrTx, where: SQL | undefined, status: string, today: string, planId?: number) {
  // a plan's rows by their own index (plan_id, as_of, colour | state): its red tasks are one range, not a probe per task
  const ofPlan = planId ? eq(taskStatusRows.planId, planId) : undefined;
  const stale = await db.select(statusColumns).from(tasks).innerJoin(taskStatusRows, eq(taskStatusRows.taskId, tasks.id)).where(and(where, ofPlan, ne(taskStatusRows.asOf, today)));
  const computed = await taskStatuses(db, stale, today);
  const fresh = [...computed].filter(([, s]) => s.color === status || s.state === status).map(([id]) => id);
  const stored = and(eq(taskStatusRows.asOf, today), or(eq(taskStatusRows.color, status), eq(taskStatusRows.state, status)))!;
  return { where: and(ofPlan, fresh.length ? or(stored, inArray(tasks.id, fresh))! : stored)!, computed };
}

/**
 * A page's items as JSON text, each with its status: the row read with the page when it holds today's (or the one
 * `statusIs` computed), else computed here. A task that has no status (removed meanwhile) is left out.
 */
async function pageItems(db: DbOrTx, rows: ItemRow[], today: string, computed?: Map<number, TaskStatusOut>): Promise<string[]> {
  const missing = rows.filter((r) => !computed?.has(r.id) && !(r.as_of === today && r.status !== null)).map((r) => r.id);
  const late = missing.length ? await taskStatuses(db, await db.select(statusColumns).from(tasks).where(inArray(tasks.id, missing)), today) : null;
  return rows.flatMap((r) => {
    const s = computed?.get(r.id) ?? late?.get(r.id);
    const json = s ? JSON.stringify(s) : r.as_of === today ? r.status : null;
    return json ? [itemJson(r, json)] : [];
  });
}

/** What a task list answer is asked with (`listTasksWithStatus`). */
export type TaskListFilter = TaskFilter & { status?: string; cursor?: TaskCursor | null };

/**
 * The key of a task list answer in the answer cache (http/answerCache.ts): everything `listTasksWithStatus` reads
 * besides the data — the actor's scope (policy.ts `scopeKey`: `taskWhere` reads the actor through `taskScope` only;
 * no item field depends on who asks), every filter, normalised (a keyset page ignores `page`), and the calendar date
 * (statuses move with it). A filter added to TaskListFilter fails to compile here until it is in the key.
 */
export function taskListKey(actor: Actor, f: TaskListFilter, today: string): string {
  const { planId, unitId, role, outlineNodeId, q, status, page, pageSize, cursor, ...rest } = f;
  const none: Record<string, never> = rest;
  void none;
  const at = cursor === undefined ? `page:${page}` : `cursor:${cursor ? encodeTaskCursor(cursor) : ''}`;
  return `tasks|${today}|${scopeKey(actor)}|${JSON.stringify([planId ?? null, unitId ?? null, role ?? null, outlineNodeId ?? null, q ?? null, status ?? null, pageSize, at])}`;
}

/**
 * taskListKey kept per request URL (issue #15 phase 12): the filter is made from the URL (its path gives the plan, its
 * query every other filter) and the actor's unit (`/api/me/tasks`), the key from the filter, the actor's scope and the
 * date — so the same URL asked under the same scope, unit and date has the same key. Handing out the same string each
 * time saves building it (~9 µs of a cached list's hit in the profile) and lets the answer cache's Map use the hash the
 * string already holds. At most LIST_KEY_URLS URLs per scope and unit, LIST_KEY_SCOPES scopes (all dropped past it).
 */
const LIST_KEY_URLS = 1000;
const LIST_KEY_SCOPES = 1000;
const listKeys = new Map<string, Map<number | null, Map<string, { today: string; key: string }>>>();
export function taskListKeyFor(actor: Actor, url: string, f: TaskListFilter, today: string): string {
  const scope = scopeKey(actor);
  let byUnit = listKeys.get(scope);
  if (!byUnit) {
    if (listKeys.size >= LIST_KEY_SCOPES) listKeys.clear();
    listKeys.set(scope, (byUnit = new Map()));
  }
  let byUrl = byUnit.get(actor.unitId);
  if (!byUrl) byUnit.set(actor.unitId, (byUrl = new Map()));
  const kept = byUrl.get(url);
  if (kept?.today === today) return kept.key;
  if (!kept && byUrl.size >= LIST_KEY_URLS) byUrl.clear();
  const key = taskListKey(actor, f, today);
  byUrl.set(url, { today, key });
  return key;
}

/**
 * A page of tasks with their computed status: numbered (`page`, with the total) or, with `cursor`, a keyset page
 * (`nextCursor`, no total), as the answer's JSON text. Filtering by status reads the rows' colour and state
 * (`statusIs`); the page itself is one statement (`itemRows`: the items shaped by the database, with the total of a
 * numbered page), so a list costs the access check, that statement and — for `?status=` — the stale-row check.
 */
export async function listTasksWithStatus(db: DbOrTx, actor: Actor, f: TaskListFilter, today: string): Promise<JsonText> {
  const scoped = taskWhere(actor, f);
  const filter = f.status ? await statusIs(db, scoped, f.status, today, f.planId) : null;
  const where = and(scoped, filter?.where);
  if (f.cursor !== undefined) {
    // one row more than the page: there is a next page when it comes back
    const rows = await itemRows(db, where, { cursor: f.cursor, limit: f.pageSize + 1 });
    const page = rows.slice(0, f.pageSize);
    const last = page.at(-1);
    const nextCursor = rows.length > f.pageSize && last ? encodeTaskCursor({ planId: last.plan_id, position: last.position, id: last.id }) : null;
    const items = await pageItems(db, page, today, filter?.computed);
    return new JsonText(`{"items":[${items.join(',')}],"pageSize":${f.pageSize},"nextCursor":${JSON.stringify(nextCursor)}}`);
  }
  const rows = await itemRows(db, where, { offset: (f.page - 1) * f.pageSize, limit: f.pageSize, total: true });
  // a page past the end has no row to carry the total
  const total = rows.length ? rows[0].total! : f.page === 1 ? 0 : await countTasks(db, where);
  const items = await pageItems(db, rows, today, filter?.computed);
  return new JsonText(`{"items":[${items.join(',')}],"total":${total},"page":${f.page},"pageSize":${f.pageSize}}`);
}
