// One vocabulary of status (issue #11): the words, colours and reasons every screen, export and the public page
// use for a task's computed status. A pure mapping: server/domain/status.ts decides the state and colour from the
// figures (序时进度, thresholds, the reporting calendar); this module only says it in words. Server and app both
// import it, so a state never shows two names, and a colour never means two things.

/** Colours of a computed status, in the order legends and counts list them. */
export const STATUS_COLORS = ['blue', 'green', 'yellow', 'red', 'grey'] as const;
export type StatusColorWord = (typeof STATUS_COLORS)[number];

/** States of a computed task status (server/domain/status.ts taskStateSchema holds the same list). */
export const TASK_STATES = [
  'completed', // 已完成
  'on_track', // 正常推进
  'awaiting_review', // 已报送待审核: the freshest report is with the office, judged on its figures
  'behind', // 滞后
  'seriously_behind', // 严重滞后
  'overdue', // 逾期未完成
  'blocked', // 受阻
  'not_reported', // 未报送: a period is due and no report for it reached the office
  'nothing_due', // 无应报进展: no report has been due from the task yet (no lead unit, or no period due since it began)
  'not_started', // 未开始: before its start date
] as const;
export type TaskStateWord = (typeof TASK_STATES)[number];

export const TASK_STATE_LABELS: Record<TaskStateWord, string> = {
  completed: '已完成',
  on_track: '正常推进',
  awaiting_review: '已报送待审核',
  behind: '滞后',
  seriously_behind: '严重滞后',
  overdue: '逾期未完成',
  blocked: '受阻',
  not_reported: '未报送',
  nothing_due: '无应报进展',
  not_started: '未开始',
};

/** What each colour stands for (legends, counts, chart series), its light name and its display colours. */
export const COLOR_WORDS: Record<StatusColorWord, { light: string; meaning: string; tag: string; hex: string }> = {
  blue: { light: '蓝灯', meaning: '已完成', tag: 'processing', hex: '#1677ff' },
  green: { light: '绿灯', meaning: '正常推进', tag: 'success', hex: '#52c41a' },
  yellow: { light: '黄灯', meaning: '滞后', tag: 'warning', hex: '#faad14' },
  red: { light: '红灯', meaning: '严重滞后或逾期', tag: 'error', hex: '#f5222d' },
  grey: { light: '灰灯', meaning: '未报送或无应报进展', tag: 'default', hex: '#bfbfbf' },
};

/** A report's own state (draft → (unit_review →) submitted → accepted | returned), and none yet for the period. */
export const REPORT_STATUS_WORDS: Record<'none' | 'draft' | 'unit_review' | 'submitted' | 'accepted' | 'returned', { label: string; tag: string }> = {
  none: { label: '未报送', tag: 'default' },
  draft: { label: '草稿', tag: 'default' },
  unit_review: { label: '待单位负责人审核', tag: 'warning' },
  submitted: { label: '已报送待审核', tag: 'processing' },
  accepted: { label: '已通过', tag: 'success' },
  returned: { label: '已退回', tag: 'error' },
};

/** "红灯(严重滞后或逾期)": a colour named with what it means, never a colour alone. */
export const colorPhrase = (c: StatusColorWord): string => `${COLOR_WORDS[c].light}(${COLOR_WORDS[c].meaning})`;

/** The colour a state takes when nothing else decides it (thresholds may turn 受阻 yellow, a pending report any colour). */
export const DEFAULT_STATE_COLOR: Record<TaskStateWord, StatusColorWord> = {
  completed: 'blue',
  on_track: 'green',
  awaiting_review: 'green',
  behind: 'yellow',
  seriously_behind: 'red',
  overdue: 'red',
  blocked: 'red',
  not_reported: 'grey',
  nothing_due: 'grey',
  not_started: 'grey',
};

/** Percent / points: at most one decimal, no trailing ".0" (as server/domain/format.ts fmtPct). */
function pct(x: number): string {
  const r = Math.round((x + Math.sign(x) * Number.EPSILON * Math.abs(x)) * 10) / 10;
  return Number.isInteger(r) ? String(r) : r.toFixed(1);
}

/**
 * The facts a reason is written from. `kind` says which rule of the domain decided the state; the figures are the
 * ones it compared. `pending` marks figures taken from a report that waits for the office's review.
 */
export type TaskStatusFacts =
  | { kind: 'completed'; pending?: PendingFacts | null }
  | { kind: 'not_started'; start: string }
  | { kind: 'nothing_due'; why: 'no_lead_unit' | 'no_period_due'; deadlinePassed?: string | null; firstDue?: string | null }
  | { kind: 'overdue'; deadline: string; lateDays: number; progress: number | null; pending?: PendingFacts | null }
  | { kind: 'blocked'; pace: number | null; progress: number | null; pending?: PendingFacts | null }
  | { kind: 'not_reported'; pace: number | null; withUnitHead?: boolean }
  | { kind: 'no_pace'; selfBehind: boolean; pending?: PendingFacts | null }
  | { kind: 'no_progress'; selfBehind: boolean; pending?: PendingFacts | null }
  | { kind: 'paced'; pace: number; progress: number; gap: number; band: 'red' | 'yellow' | 'self_behind' | 'ok'; pending?: PendingFacts | null };

/** A report sent to the office and not yet reviewed: its period's label. */
export interface PendingFacts {
  periodLabel: string;
}

const paceSentence = (pace: number, progress: number) => `序时进度${pct(pace)}%,实际进度${pct(progress)}%`;

/** The reason of a computed task status, in words. */
export function taskStatusReason(f: TaskStatusFacts): string {
  const pendingNote = 'pending' in f && f.pending ? `${f.pending.periodLabel}进展已报送,待规划办审核;` : '';
  switch (f.kind) {
    case 'completed':
      return f.pending ? `${pendingNote}单位报告已完成` : '已完成';
    case 'not_started':
      return `计划于${f.start}开始,尚未到开始时间`;
    case 'nothing_due': {
      const base = f.why === 'no_lead_unit' ? '未明确牵头单位,尚无应报进展' : `尚未到首个报送截止日${f.firstDue ? `(${f.firstDue})` : ''},无应报进展`;
      return f.deadlinePassed ? `${base};完成时限${f.deadlinePassed}已过` : base;
    }
    case 'overdue': {
      const prog = f.progress === null ? '未报送进度' : `实际进度${pct(f.progress)}%`;
      return `${pendingNote}已超过完成时限${f.deadline}(逾期${f.lateDays}天),${prog},尚未完成`;
    }
    case 'blocked': {
      const detail = f.pace !== null && f.progress !== null ? `;${paceSentence(f.pace, f.progress)}` : '';
      return `${pendingNote}单位报告推进受阻,需协调解决${detail}`;
    }
    case 'not_reported': {
      const detail = f.pace !== null ? `(当前序时进度${pct(f.pace)}%)` : '';
      return f.withUnitHead ? `本报送期进展尚在单位负责人审核,未报送规划办${detail}` : `本报送期未报送进展${detail}`;
    }
    case 'no_pace':
      return `${pendingNote}${f.selfBehind ? '单位自报滞后;' : ''}未设开始时间或完成时限,无法计算序时进度`;
    case 'no_progress':
      return `${pendingNote}${f.selfBehind ? '单位自报滞后;' : ''}已报送,但未填写进度百分比`;
    case 'paced': {
      const base = `${pendingNote}${paceSentence(f.pace, f.progress)}`;
      if (f.band === 'red' || f.band === 'yellow') return `${base},落后${pct(f.gap)}个百分点`;
      if (f.band === 'self_behind') return `${base},单位自报滞后`;
      if (f.gap > 0) return `${base},落后${pct(f.gap)}个百分点,在允许范围内`;
      if (f.gap < 0) return `${base},快于序时进度${pct(-f.gap)}个百分点`;
      return `${base},与序时进度持平`;
    }
  }
}

/** A computed status as the screens carry it. */
export interface StatusWordsInput {
  state: string;
  color: string;
  label?: string;
  reason?: string | null;
}

/** Label and tag colour of a state (unknown states keep their own label). */
export function stateLabel(state: string): string {
  return (TASK_STATE_LABELS as Record<string, string>)[state] ?? state;
}

/**
 * What the public page may say of a task: the same words, but a report the office has not reviewed is not
 * published — its figures stay out (grey, 已报送待审核) until accepted.
 */
export function publicTaskWords(s: { state: string; color: string; reason: string }): { state: string; label: string; color: StatusColorWord; reason: string } {
  if (s.state === 'awaiting_review') return { state: s.state, label: TASK_STATE_LABELS.awaiting_review, color: 'grey', reason: '进展已报送,审核通过后公开' };
  return { state: s.state, label: stateLabel(s.state), color: (STATUS_COLORS as readonly string[]).includes(s.color) ? (s.color as StatusColorWord) : 'grey', reason: s.reason };
}

/** Counts of colours, every colour present (0 when none). */
export function countByColor(colors: string[]): Record<StatusColorWord, number> {
  const out = { blue: 0, green: 0, yellow: 0, red: 0, grey: 0 } as Record<StatusColorWord, number>;
  for (const c of colors) if (c in out) out[c as StatusColorWord]++;
  return out;
}
