// Project library rules (issue #14, docs/domain.md §10): which phase moves are allowed, how a project's status is
// judged against the plan's pace (序时进度) from its completed investment and its milestones (开工, 竣工), and the
// sums and places a project's own text states. Pure functions; the operations and queries call them.
import { daysBetween } from './dates.js';
import { fmtPct, round } from './format.js';
import { timeElapsedPace } from './status.js';
import { PROJECT_PHASE_LABELS, PROJECT_PHASE_ORDER, type ProjectPhase, type ProjectStatus } from '../../shared/projects.js';

/**
 * Allowed phase moves: one step forward along 谋划储备 → 前期 → 年度计划 → 在建 → 竣工, one step back before 竣工
 * (a project dropped from the year's plan returns to 前期), and 终止 from any phase before 竣工. 竣工 and 终止 are final.
 */
export function allowedPhaseMoves(from: ProjectPhase): ProjectPhase[] {
  if (from === 'completed' || from === 'terminated') return [];
  const i = PROJECT_PHASE_ORDER.indexOf(from);
  const out: ProjectPhase[] = [PROJECT_PHASE_ORDER[i + 1]];
  if (i > 0) out.push(PROJECT_PHASE_ORDER[i - 1]);
  out.push('terminated');
  return out;
}

export function phaseMoveAllowed(from: ProjectPhase, to: ProjectPhase): boolean {
  return allowedPhaseMoves(from).includes(to);
}

export interface ProjectStatusInput {
  phase: ProjectPhase;
  phaseReason?: string | null;
  startDate: string | null; // 计划开工
  finishDate: string | null; // 计划竣工
  totalInvestment: number | null;
  completedInvestment: number; // 累计完成投资 of the latest report
  /** has the owner unit reported the last period whose due date has passed (or a later one)? */
  reportedLastDue: boolean;
  /** is there a period due yet at all? (before the first one nothing is 未报送) */
  anyPeriodDue: boolean;
  asOf: string;
  thresholds?: { yellowGap: number; redGap: number };
}

const LABELS: Record<string, string> = {
  terminated: '已终止', completed: '已竣工', not_started: '未开工', late_start: '未按期开工', overdue: '逾期未竣工',
  not_reported: '未报送', no_data: '暂无数据', seriously_behind: '严重滞后', behind: '滞后', on_track: '正常推进', reserve: '储备',
};

/**
 * Status in words, as task status: 终止 → grey; 竣工 → blue; not yet in construction → grey before the planned start,
 * yellow (≤ 30 days) or red after it (未按期开工); in construction → red past the planned finish (逾期未竣工), grey
 * when the last period due is not reported, then 投资完成率 (累计完成投资 ÷ 总投资) against 序时进度 (days from
 * 开工 to 竣工, as task pace): behind by more than 30 points red, 10–30 yellow, else green.
 */
export function computeProjectStatus(i: ProjectStatusInput): ProjectStatus {
  const t = i.thresholds ?? { yellowGap: 10, redGap: 30 };
  const rate = i.totalInvestment && i.totalInvestment > 0 ? round((i.completedInvestment / i.totalInvestment) * 100, 1) : null;
  const pace = i.startDate && i.finishDate && i.startDate <= i.finishDate ? timeElapsedPace(i.startDate, i.finishDate, i.asOf) : null;
  const gap = pace !== null && rate !== null ? round(pace - rate, 1) : null;
  const out = (color: ProjectStatus['color'], state: string, reason: string): ProjectStatus => ({ color, state, label: LABELS[state], pace, investmentRate: rate, gap, reason });
  if (i.phase === 'terminated') return out('grey', 'terminated', `项目已终止${i.phaseReason ? `:${i.phaseReason}` : ''}`);
  if (i.phase === 'completed') return out('blue', 'completed', rate !== null ? `已竣工,累计完成投资${fmtPct(rate)}%` : '已竣工');
  const building = i.phase === 'construction';
  if (!building) {
    const phase = PROJECT_PHASE_LABELS[i.phase];
    if (!i.startDate) return out('grey', i.phase === 'planning' ? 'reserve' : 'not_started', `处于${phase}阶段,未定计划开工时间`);
    if (i.asOf <= i.startDate) return out('grey', 'not_started', `处于${phase}阶段,计划于${i.startDate}开工`);
    const late = daysBetween(i.startDate, i.asOf);
    return out(late > 30 ? 'red' : 'yellow', 'late_start', `计划于${i.startDate}开工,已过${late}天,仍处于${phase}阶段`);
  }
  if (i.finishDate && i.asOf > i.finishDate) {
    const late = daysBetween(i.finishDate, i.asOf);
    return out('red', 'overdue', `已超过计划竣工时间${i.finishDate}(逾期${late}天)${rate !== null ? `,投资完成${fmtPct(rate)}%` : ''},尚未竣工`);
  }
  if (i.anyPeriodDue && !i.reportedLastDue) return out('grey', 'not_reported', `本报送期未报送投资进度${pace !== null ? `(当前序时进度${fmtPct(pace)}%)` : ''}`);
  if (pace === null || rate === null || gap === null) {
    const why = pace === null ? '未设计划开工或竣工时间,无法计算序时进度' : '未填总投资,无法计算投资完成率';
    return out('grey', 'no_data', `在建;${why}`);
  }
  const base = `序时进度${fmtPct(pace)}%,投资完成${fmtPct(rate)}%(累计${fmtPct(i.completedInvestment)}万元/总投资${fmtPct(i.totalInvestment!)}万元)`;
  if (gap > t.redGap) return out('red', 'seriously_behind', `${base},落后${fmtPct(gap)}个百分点`);
  if (gap >= t.yellowGap) return out('yellow', 'behind', `${base},落后${fmtPct(gap)}个百分点`);
  if (gap > 0) return out('green', 'on_track', `${base},落后${fmtPct(gap)}个百分点,在允许范围内`);
  if (gap < 0) return out('green', 'on_track', `${base},快于序时进度${fmtPct(-gap)}个百分点`);
  return out('green', 'on_track', `${base},与序时进度持平`);
}

export function projectSearchText(p: { name: string; text?: string | null; column?: string | null; location?: string | null; owner?: string | null; category?: string | null }): string {
  return [p.name, p.column, p.category, p.location, p.owner, p.text].filter(Boolean).join(' ').slice(0, 4000);
}

/** A sum in 万元 from "3.5亿元" / "12000万元" / "8000 万元"; null when none. */
export function toWan(value: number, unit: string): number {
  return unit.startsWith('亿') ? round(value * 10000, 2) : round(value, 2);
}

/**
 * The total investment a project's own text states: "总投资约12亿元", "计划投资3500万元", "投资规模2.3亿元".
 * Only a sum named as investment counts (产值、销售额 are not); null when the text names none.
 */
export function investmentFromText(text: string): number | null {
  const m = /(?:总投资|计划投资|估算投资|投资规模|总投入|投资总额|投资)(?:额|规模)?(?:约|达|为|超过|近|逾)?\s*(\d+(?:\.\d+)?)\s*(亿元|万元|亿|万)/.exec(text);
  return m ? toWan(Number(m[1]), m[2]) : null;
}

/** The completion year a project's text states ("到2025年", "2024年建成"), as its planned finish date (that year's 31 December). */
export function finishFromText(text: string): string | null {
  const m = /(?:到|至)(20\d{2})年|(20\d{2})年(?:前|底前|底)?(?:建成|完成|竣工)/.exec(text);
  const y = m ? (m[1] ?? m[2]) : null;
  return y ? `${y}-12-31` : null;
}
