// 单位考核: the inputs of each unit's score gathered from reports, task and indicator status,
// notices and returns, then scored and ranked by server/domain/unitScore with the plan's weights.
import { and, asc, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import { AppError } from '../../shared/errors.js';
import { scoreSettingsSchema, type ScoreSettings, type ScoresOut } from '../../shared/evaluation.js';
import type { DbOrTx } from '../db/client.js';
import { auditEvents, indicatorUnits, notices, plans, reportPeriods, reports, taskUnits, tasks, units } from '../db/schema/index.js';
import { periodsToScore, scoreUnits, type UnitScoreInput } from '../domain/unitScore.js';
import { generatePeriods, type ReportingPeriod } from '../domain/reportingPeriods.js';
import { maxDate, minDate, todayInShanghai } from '../domain/dates.js';
import { findPeriod, lastDuePeriod, currentPeriod, runSettings } from './calendar.js';
import { indicatorStatuses, taskStatuses } from './status.js';

type PlanRow = typeof plans.$inferSelect;

export function scoreSettings(plan: Pick<PlanRow, 'settings'>): ScoreSettings {
  const parsed = scoreSettingsSchema.safeParse(plan.settings ?? {});
  return parsed.success ? parsed.data : scoreSettingsSchema.parse({});
}

export interface Selection {
  key: string;
  label: string;
  start: string;
  end: string;
  periods: readonly ReportingPeriod[];
}

/** The day a plan began for scoring: the later of the day it was created and its first reporting month. */
export function planStartDate(plan: Pick<PlanRow, 'createdAt' | 'settings'>): string {
  const startMonth = runSettings(plan).startMonth;
  const created = todayInShanghai(plan.createdAt);
  return startMonth ? maxDate(created, `${startMonth}-01`) : created;
}

/** A period key ('2026-03', '2026-Q1'; a quarter or half-year of a monthly plan takes its months), a year ('2026': every period of it), or by default the last period already due. */
export function selectPeriods(plan: PlanRow, sel: string | null | undefined, today: string): Selection {
  const settings = runSettings(plan);
  let periods: readonly ReportingPeriod[];
  let label: string;
  let key: string;
  if (sel && /^\d{4}$/.test(sel)) {
    periods = generatePeriods({ ...settings.reporting, startMonth: `${sel}-01`, endMonth: `${sel}-12` });
    key = sel;
    label = `${sel}年度`;
  } else if (sel && !/^\d{4}-\d{2}$/.test(sel) && settings.reporting.frequency === 'monthly') {
    // a quarter or half-year of a monthly-reporting plan: its months together
    const frequency = sel.includes('Q') ? 'quarterly' : 'half_year';
    const span = generatePeriods({ frequency, startMonth: `${sel.slice(0, 4)}-01`, endMonth: `${sel.slice(0, 4)}-12` }).find((x) => x.key === sel);
    if (!span) throw new AppError('NOT_FOUND', { period: sel });
    periods = generatePeriods({ ...settings.reporting, startMonth: span.start.slice(0, 7), endMonth: span.end.slice(0, 7) });
    key = span.key;
    label = span.label;
  } else {
    // by default the last period already due, unless it ended before the plan began: then the current one
    const due = lastDuePeriod(plan, today, settings);
    const p = sel ? findPeriod(plan, sel, settings) : due && due.end >= planStartDate(plan) ? due : currentPeriod(plan, today, settings);
    periods = [p];
    key = p.key;
    label = p.label;
  }
  return { key, label, start: periods[0].start, end: periods[periods.length - 1].end, periods };
}

export const scoreRules = [
  '按时报送:所选期间内每个报送期、每项牵头任务计一次应报(截止日已过,或已提前报送);任务开始前的报送期、此前已审核为"已完成"的任务不计。报告已报送(待审核或已通过)且报送日期不晚于截止日,计为按时;有应报而未报送的,按时报送率为 0。',
  '任务进展:本单位牵头任务在期末(或今天)的状态颜色;灰灯(未报送、未开始)不计入分母,未报送已在按时报送率中扣分。',
  '指标完成:本单位承担的指标在期末(或今天)的评价分类;暂无数据的指标不计入分母。',
  '督办按期回复:回复期限在所选期间内的督办件(期限已过或已回复);首次反馈日期不晚于回复期限计为按期。',
  '报告一次通过:所选期间内已报送的报告;曾被退回修改的计为未一次通过。',
  '不适用与折算:某一考核项对该单位没有可计的事项(分母为 0)时记为"不适用",不给分也不扣分;总分按适用项的权重折算为满分制:适用项得分之和 ÷ 适用项权重之和 × 满分。各项均不适用(本期无任何考核事项)的单位单列,不参加排名。',
  '排名与奖项:得分相同名次相同(1、1、3);同分单位整体落在名额之内、且有得分更低(猛虎奖)或更高(蜗牛奖)的单位时才评奖,同分跨过名额线时不评、并在页面说明,不以单位名称等任意顺序区分;同一单位不同时获两奖;所选期间的报送截止日未到时名次为临时结果,不评奖。',
  '规划开始实施(创建日期或开始报送月份,取较晚者)之前结束的报送期不计分。',
];

const shanghai = (d: Date) => todayInShanghai(d);
/** what a task's score inputs and status are computed from */
const scoreTaskColumns = {
  id: tasks.id, planId: tasks.planId, parentTaskId: tasks.parentTaskId, startDate: tasks.startDate, deadline: tasks.deadline,
  progress: tasks.progress, reportedStatus: tasks.reportedStatus, createdAt: tasks.createdAt,
};

export async function planScores(db: DbOrTx, plan: PlanRow, sel: string | null | undefined, today: string): Promise<ScoresOut> {
  const selection = selectPeriods(plan, sel, today);
  const asOf = minDate(today, selection.end);
  const settings = scoreSettings(plan);
  const planStart = planStartDate(plan);
  const { scored: periods, skipped } = periodsToScore(selection.periods, planStart);
  const keys = periods.map((p) => p.key);
  const selectionOut = {
    key: selection.key, label: selection.label, start: selection.start, end: selection.end, asOf, periods: keys, planStart,
    skipped: skipped.map((p) => ({ key: p.key, label: p.label })),
    note: periods.length === 0
      ? `所选期间在规划开始实施(${planStart})之前,不计分。`
      : skipped.length
        ? `${skipped.length > 2 ? `${skipped[0].label}至${skipped[skipped.length - 1].label}(${skipped.length} 个报送期)` : skipped.map((p) => p.label).join('、')}在规划开始实施(${planStart})之前结束,不计分。`
        : null,
  };
  const base = { planId: plan.id, selection: selectionOut, settings, rules: scoreRules };
  if (periods.length === 0) return { ...base, items: [], unrated: [], provisional: false, awardNotes: [] };
  const spanStart = periods[0].start;
  // only what the inputs are counted from: no task texts, no report texts
  const taskRows = await db.select(scoreTaskColumns).from(tasks).where(eq(tasks.planId, plan.id)).orderBy(asc(tasks.id));
  const leads = await db.select({ taskId: taskUnits.taskId, unitId: taskUnits.unitId }).from(taskUnits).innerJoin(tasks, eq(tasks.id, taskUnits.taskId)).where(and(eq(tasks.planId, plan.id), eq(taskUnits.role, 'lead'))).orderBy(asc(taskUnits.taskId), asc(taskUnits.id));
  const indStatus = await indicatorStatuses(db, plan, asOf);
  const owners = indStatus.length ? await db.select({ indicatorId: indicatorUnits.indicatorId, unitId: indicatorUnits.unitId }).from(indicatorUnits).where(inArray(indicatorUnits.indicatorId, indStatus.map((i) => i.indicatorId))) : [];
  // the reports of the scored periods (index reports_period), and per task the first period accepted as 已完成
  const periodRows = await db.select({ id: reportPeriods.id, key: reportPeriods.key }).from(reportPeriods).where(and(eq(reportPeriods.planId, plan.id), inArray(reportPeriods.key, keys)));
  const keyOf = new Map(periodRows.map((p) => [p.id, p.key]));
  const reportRows = periodRows.length
    ? await db
        .select({ taskId: reports.taskId, unitId: reports.unitId, periodId: reports.periodId, status: reports.status, submittedAt: reports.submittedAt, submissions: reports.submissions, returns: reports.returns })
        .from(reports)
        .where(and(inArray(reports.periodId, periodRows.map((p) => p.id)), eq(reports.planId, plan.id)))
    : [];
  const completedRows = await db
    .select({ taskId: reports.taskId, start: sql<string>`min(${reportPeriods.start})` })
    .from(reports)
    .innerJoin(reportPeriods, eq(reportPeriods.id, reports.periodId))
    .where(and(eq(reports.planId, plan.id), eq(reports.status, 'accepted'), eq(reports.reportedStatus, '已完成')))
    .groupBy(reports.taskId);
  const noticeRows = await db
    .select({ id: notices.id, unitId: notices.unitId, responseDeadline: notices.responseDeadline })
    .from(notices)
    .where(and(eq(notices.planId, plan.id), gte(notices.responseDeadline, spanStart), lte(notices.responseDeadline, selection.end)));
  const feedbacks = noticeRows.length
    ? await db.select({ entityId: auditEvents.entityId, at: auditEvents.at }).from(auditEvents).where(and(eq(auditEvents.entityType, 'notice'), eq(auditEvents.action, 'notice.feedback'), inArray(auditEvents.entityId, noticeRows.map((n) => String(n.id))))).orderBy(asc(auditEvents.at))
    : [];
  const statuses = await taskStatuses(db, taskRows, asOf);

  const unitIds = [...new Set([...leads.map((l) => l.unitId), ...owners.map((o) => o.unitId)].filter((x): x is number => x != null))];
  const names = unitIds.length ? await db.select({ id: units.id, name: units.name }).from(units).where(inArray(units.id, unitIds)) : [];

  // everything below is looked up, never rescanned: per unit its lead tasks, owned indicators, notices and reports
  const group = <T, K>(xs: T[], key: (x: T) => K) => {
    const m = new Map<K, T[]>();
    for (const x of xs) (m.get(key(x)) ?? m.set(key(x), []).get(key(x))!).push(x);
    return m;
  };
  const leadTaskIds = new Map<number, Set<number>>();
  for (const l of leads) if (l.unitId != null) (leadTaskIds.get(l.unitId) ?? leadTaskIds.set(l.unitId, new Set()).get(l.unitId)!).add(l.taskId);
  const ownersOf = group(owners, (o) => o.unitId);
  const stateOf = new Map<number, string>();
  for (const i of indStatus) if (!stateOf.has(i.indicatorId)) stateOf.set(i.indicatorId, i.state);
  const noticesOf = group(noticeRows, (n) => n.unitId);
  const firstFeedback = new Map<string, Date>();
  for (const f of feedbacks) if (!firstFeedback.has(f.entityId)) firstFeedback.set(f.entityId, f.at);
  const reportOf = new Map<string, (typeof reportRows)[number]>();
  for (const r of reportRows) reportOf.set(`${r.taskId}|${keyOf.get(r.periodId)}`, r);
  const reportsByUnit = group(reportRows, (r) => r.unitId);
  const completedFrom = new Map(completedRows.map((c) => [c.taskId, c.start]));
  const nameOf = new Map(names.map((n) => [n.id, n.name]));
  const taskStart = (t: (typeof taskRows)[number]) => t.startDate ?? (plan.periodStart ? `${plan.periodStart}-01-01` : '0000-01-01');
  /** an accepted 已完成 report in a period that began before `start` */
  const completedBefore = (taskId: number, start: string) => {
    const from = completedFrom.get(taskId);
    return from !== undefined && from < start;
  };

  const scored = unitIds.map((unitId) => {
    const mineIds = leadTaskIds.get(unitId);
    const myTasks = mineIds ? taskRows.filter((t) => mineIds.has(t.id)) : [];
    const reporting = { due: 0, onTime: 0 };
    for (const t of myTasks)
      for (const p of periods) {
        if (taskStart(t) > p.end || completedBefore(t.id, p.start)) continue;
        const r = reportOf.get(`${t.id}|${p.key}`);
        const sent = !!r && (r.status === 'submitted' || r.status === 'accepted') && !!r.submittedAt;
        if (p.dueDate >= today && !sent) continue; // not due yet
        reporting.due++;
        if (sent && shanghai(r!.submittedAt!) <= p.dueDate) reporting.onTime++;
      }
    const colors = { blue: 0, green: 0, yellow: 0, red: 0, grey: 0 };
    for (const t of myTasks) colors[statuses.get(t.id)?.color ?? 'grey']++;
    const ind = { achieved_early: 0, ahead: 0, on_track: 0, behind: 0, no_data: 0 };
    for (const o of ownersOf.get(unitId) ?? []) {
      const s = stateOf.get(o.indicatorId) ?? 'no_data';
      ind[(s in ind ? s : 'no_data') as keyof typeof ind]++;
    }
    const noticesIn = { total: 0, answeredOnTime: 0 };
    for (const n of noticesOf.get(unitId) ?? []) {
      const fb = firstFeedback.get(String(n.id));
      if (!fb && n.responseDeadline >= today) continue;
      noticesIn.total++;
      if (fb && shanghai(fb) <= n.responseDeadline) noticesIn.answeredOnTime++;
    }
    const mine = (reportsByUnit.get(unitId) ?? []).filter((r) => r.submissions > 0);
    const revisions = { submitted: mine.length, returned: mine.filter((r) => r.returns > 0).length };
    const unitName = nameOf.get(unitId) ?? String(unitId);
    const input: UnitScoreInput = { unitId, unitName, reporting, tasks: { blue: colors.blue, green: colors.green, yellow: colors.yellow, red: colors.red }, indicators: { achieved_early: ind.achieved_early, ahead: ind.ahead, on_track: ind.on_track, behind: ind.behind }, notices: noticesIn, revisions };
    return { input, inputs: { reporting, tasks: colors, indicators: ind, notices: noticesIn, revisions } };
  });

  // awards wait until every scored period is due: before that the ranking is provisional
  const open = periods.filter((p) => p.dueDate >= today);
  const provisional = open.length > 0;
  const result = scoreUnits(scored.map((s) => s.input), settings.unitScore, provisional ? { ...settings.ranking, topN: 0, bottomN: 0 } : settings.ranking);
  const awardsOn = settings.ranking.topN > 0 || settings.ranking.bottomN > 0;
  if (provisional && awardsOn) result.notes.unshift(`${open[open.length - 1].label}报送截止日(${open[open.length - 1].dueDate})未到,名次为临时结果,暂不评奖。`);
  const inputsById = new Map<number | string, (typeof scored)[number]['inputs']>(scored.map((x) => [x.input.unitId, x.inputs]));
  const inputsOf = (unitId: number | string) => inputsById.get(unitId)!;
  return {
    ...base,
    items: result.ranked.map(({ unitId, ...r }) => ({ ...r, unitId: unitId as number, inputs: inputsOf(unitId) })),
    unrated: result.unrated.map((u) => ({ unitId: u.unitId as number, unitName: u.unitName, maxTotal: u.maxTotal, reason: u.reweighting ?? '', components: u.components, inputs: inputsOf(u.unitId) })),
    provisional,
    awardNotes: result.notes,
  };
}
