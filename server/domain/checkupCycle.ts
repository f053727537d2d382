// The annual 城市体检 cycle (issue #14) as dated stages: 采集数值 → 查找问题 → 问题转项目. Pure: the due dates (the
// office's, else the defaults below), what is done, and what stands in the way of closing a stage, in words.
// Default dates: values by 30 September, problems found and assigned by 31 October, problems turned into tasks or
// candidate projects by 30 November — so the candidates are in next year's 储备库 before the annual plan is drawn up
// in December (local work plans set similar dates, e.g. 杨凌示范区2022年城市体检: 数据采集10月底前, 报告12月底前).
import { CHECKUP_STAGES, CHECKUP_STAGE_LABELS, type CheckupCycle, type CheckupCycleStored, type CheckupStage } from '../../shared/checkup.js';

export type DueDates = Record<CheckupStage, string>;

export function defaultDueDates(year: number): DueDates {
  return { collect: `${year}-09-30`, diagnose: `${year}-10-31`, project: `${year}-11-30` };
}

export function dueDatesOf(year: number, stored: CheckupCycleStored): DueDates {
  return { ...defaultDueDates(year), ...stored.dueDates };
}

/** the stages must fall due in their order; null when they do */
export function scheduleError(d: DueDates): string | null {
  if (d.collect > d.diagnose) return `“${CHECKUP_STAGE_LABELS.diagnose}”的截止日期不能早于“${CHECKUP_STAGE_LABELS.collect}”`;
  if (d.diagnose > d.project) return `“${CHECKUP_STAGE_LABELS.project}”的截止日期不能早于“${CHECKUP_STAGE_LABELS.diagnose}”`;
  return null;
}

/** the first stage not closed, or null when the cycle is closed */
export function currentStage(stored: CheckupCycleStored): CheckupStage | null {
  return CHECKUP_STAGES.find((s) => !stored.done[s]) ?? null;
}

/** what the cycle's words and checks are made of, counted from the check-up's rows */
export interface CycleFacts {
  indicators: number;
  /** indicators with at least one value */
  valued: number;
  /** problems not met */
  problems: number;
  /** problems not yet assigned */
  open: number;
  /** problems turned into a task or a project */
  acted: number;
  /** library projects linked to the problems, neither completed nor terminated */
  candidates: number;
}

/** why a stage cannot be closed now, or null */
export function stageBlocker(stage: CheckupStage, f: CycleFacts): string | null {
  if (stage === 'collect') return f.valued === 0 ? '尚未填报任何指标数值' : null;
  if (stage === 'diagnose') return f.open > 0 ? `还有 ${f.open} 个问题未分派整改单位` : null;
  const left = f.problems - f.acted;
  return left > 0 ? `还有 ${left} 个问题未转为任务或项目` : null;
}

const dayNumber = (d: string) => Math.round(Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10))) / 86_400_000);

function when(due: string, today: string): { overdue: boolean; text: string } {
  const n = dayNumber(due) - dayNumber(today);
  if (n < 0) return { overdue: true, text: `截止 ${due},已逾期 ${-n} 天` };
  return { overdue: false, text: n === 0 ? `今天(${due})截止` : `截止 ${due},还剩 ${n} 天` };
}

function progressText(stage: CheckupStage, f: CycleFacts, nextYear: number, rolled: number | null): string {
  if (stage === 'collect') return `已填报 ${f.valued}/${f.indicators} 项指标的数值`;
  if (stage === 'diagnose') return `发现问题 ${f.problems} 个,待分派 ${f.open} 个`;
  return rolled === null
    ? `问题已转任务或项目 ${f.acted}/${f.problems} 个,候选项目 ${f.candidates} 个(完成后转入${nextYear}年储备库)`
    : `问题已转任务或项目 ${f.acted}/${f.problems} 个,${rolled} 个候选项目已转入${nextYear}年储备库`;
}

export function describeCycle(year: number, stored: CheckupCycleStored, today: string, f: CycleFacts): CheckupCycle {
  const due = dueDatesOf(year, stored);
  const current = currentStage(stored);
  const nextYear = year + 1;
  const stages = CHECKUP_STAGES.map((key) => {
    const done = stored.done[key];
    const state = done ? ('done' as const) : key === current ? ('current' as const) : ('upcoming' as const);
    const w = when(due[key], today);
    const rolled = key === 'project' && stored.done.project ? stored.done.project.rolled.length : null;
    const progress = progressText(key, f, nextYear, rolled);
    const text = done ? `已于 ${done.at.slice(0, 10)} 完成;${progress}` : state === 'current' ? `${progress};${w.text}` : `${progress};截止 ${due[key]}`;
    return { key, label: CHECKUP_STAGE_LABELS[key], dueDate: due[key], doneAt: done?.at ?? null, state, overdue: state === 'current' && w.overdue, text };
  });
  const now = stages.find((s) => s.state === 'current') ?? null;
  const dueText = now
    ? `${now.label}:${when(now.dueDate, today).text}`
    : `本年体检已完成,${stored.done.project?.rolled.length ?? 0} 个候选项目已转入${nextYear}年储备库`;
  return { stages, current, dueDate: now?.dueDate ?? null, overdue: now?.overdue ?? false, dueText, nextYear };
}
