// Roll a city task's status up from the districts that carry it (issue #13). Each district has one cell: 未落实,
// 不适用, or 已落实 with the worst colour of its linked tasks. The plan's office chooses the rule (shared/takeUp.ts
// rollupRuleSchema): the worst colour, the share of districts on track against a threshold, or that share weighted
// by district. 不适用 and 未落实 districts never count; the result is stated in one sentence.
import { rollupRuleSchema, type RollupRule } from '../../shared/takeUp.js';
import { fmtPct, round } from './format.js';
import type { StatusColor } from './status.js';

export type DistrictCellIn = {
  regionId: number;
  state: 'taken_up' | 'not_applicable' | 'not_taken';
  /** the worst colour of the district's linked tasks; read only when taken up (missing: grey) */
  color: StatusColor | null;
};

export type DistrictRollup = {
  color: StatusColor | null;
  onTrack: number;
  takenUp: number;
  /** taken-up districts whose colour is not grey (有进展) */
  progressing: number;
  share: number | null;
  text: string;
};

/** worst first: a district's cell and (under 'worst') an upper task take the worst colour under them */
export const COLOR_SEVERITY: Record<StatusColor, number> = { red: 4, yellow: 3, grey: 2, green: 1, blue: 0 };
export const COLOR_WORDS: Record<StatusColor, string> = { red: '红色', yellow: '黄色', grey: '灰色', green: '绿色', blue: '蓝色' };

export function worstColor(colors: StatusColor[]): StatusColor | null {
  return colors.length ? colors.reduce((a, b) => (COLOR_SEVERITY[b] > COLOR_SEVERITY[a] ? b : a)) : null;
}

const onTrackColor = (c: StatusColor) => c === 'green' || c === 'blue';

/** A district's weight under the 'weighted' rule: its own, or 1. */
export function districtWeight(rule: RollupRule, regionId: number): number {
  return rule.weights[String(regionId)] ?? 1;
}

/** The colour a (weighted) share on track gives: at or above the threshold green, below it yellow, below half of it red. */
export function shareColor(share: number, threshold: number): StatusColor {
  return share >= threshold ? 'green' : share >= threshold / 2 ? 'yellow' : 'red';
}

/** The rule of a plan, in one sentence (shown above the coverage matrix and under the Excel). */
export function describeRollupRule(input: Partial<RollupRule> | undefined, districtNames: Map<number, string> = new Map()): string {
  const rule = rollupRuleSchema.parse(input ?? {});
  const cell = '每个已落实区县取其关联任务中最差的颜色(红 > 黄 > 灰 > 绿 > 蓝)';
  const tail = '标为不适用的区县和未落实的区县不计入。';
  if (rule.kind === 'worst') return `上级任务的状态取最差颜色:${cell},上级任务再取各区县中最差的颜色;${tail}`;
  const t = fmtPct(rule.threshold);
  const bands = `达到${t}%为绿色,低于${t}%为黄色,低于${fmtPct(rule.threshold / 2)}%为红色,全部完成为蓝色,均无进展为灰色`;
  if (rule.kind === 'share') return `上级任务的状态按正常推进占比:${cell},有进展(非灰色)的区县中绿色或蓝色区县所占比例${bands};${tail}`;
  const set = Object.entries(rule.weights)
    .filter(([, w]) => w !== 1)
    .map(([id, w]) => `${districtNames.get(Number(id)) ?? `区县${id}`}${fmtPct(w)}`);
  const weights = set.length ? `(${set.join('、')},其余区县为1)` : '(各区县均为1)';
  return `上级任务的状态按区县权重:${cell},有进展(非灰色)的区县中绿色或蓝色区县的权重之和占其权重之和${weights}的比例${bands};${tail}`;
}

/**
 * One city task's roll-up over its districts' cells under the plan's rule, with the sentence that says how the
 * colour came about. No district taken up: no colour. Taken up but none with progress (all grey): grey.
 */
export function rollupDistricts(cells: DistrictCellIn[], input?: Partial<RollupRule>): DistrictRollup {
  const rule = rollupRuleSchema.parse(input ?? {});
  const taken = cells.filter((c) => c.state === 'taken_up').map((c) => ({ ...c, color: c.color ?? 'grey' }));
  const notTaken = cells.filter((c) => c.state === 'not_taken').length;
  const notApplicable = cells.filter((c) => c.state === 'not_applicable').length;
  const progressingCells = taken.filter((c) => c.color !== 'grey');
  const onTrackCells = taken.filter((c) => onTrackColor(c.color));
  const takenUp = taken.length;
  const progressing = progressingCells.length;
  const onTrack = onTrackCells.length;
  const left = [
    ...(rule.kind !== 'worst' && takenUp > progressing ? [`${takenUp - progressing}个已落实区县尚无进展`] : []),
    ...(notTaken ? [`${notTaken}个区县未落实`] : []),
    ...(notApplicable ? [`${notApplicable}个区县不适用`] : []),
  ];
  const tail = left.length ? `;${left.join('、')},不计入` : '';
  const out = (color: StatusColor | null, share: number | null, head: string): DistrictRollup => ({ color, onTrack, takenUp, progressing, share, text: `${head}${tail}。` });

  if (!takenUp) return out(null, null, '尚无区县落实');
  if (rule.kind === 'worst') {
    const color = worstColor(taken.map((c) => c.color))!;
    const share = progressing ? round((onTrack / progressing) * 100, 1) : null;
    const shareWords = share === null ? '均尚无进展' : `正常推进或已完成${onTrack}个(占有进展区县的${fmtPct(share)}%)`;
    return out(color, share, `取最差颜色:${takenUp}个区县已落实,最差为${COLOR_WORDS[color]},${shareWords}`);
  }
  if (!progressing) return out('grey', null, `${takenUp}个已落实区县均尚无进展,为灰色`);
  const allDone = taken.every((c) => c.color === 'blue');
  if (rule.kind === 'share') {
    const share = round((onTrack / progressing) * 100, 1);
    const color = allDone ? 'blue' : shareColor(share, rule.threshold);
    return out(color, share, `按正常推进占比:有进展的${progressing}个区县中正常推进或已完成${onTrack}个(${fmtPct(share)}%),${judge(share, rule.threshold, color)}`);
  }
  const wAll = progressingCells.reduce((s, c) => s + districtWeight(rule, c.regionId), 0);
  const wOn = onTrackCells.reduce((s, c) => s + districtWeight(rule, c.regionId), 0);
  if (wAll <= 0) return out('grey', null, `按区县权重:有进展的${progressing}个区县权重之和为0,无法计算,为灰色`);
  const share = round((wOn / wAll) * 100, 1);
  const color = allDone ? 'blue' : shareColor(share, rule.threshold);
  return out(color, share, `按区县权重:有进展的${progressing}个区县权重之和${fmtPct(wAll)},其中正常推进或已完成的${onTrack}个区县权重之和${fmtPct(wOn)}(${fmtPct(share)}%),${judge(share, rule.threshold, color)}`);
}

function judge(share: number, threshold: number, color: StatusColor): string {
  if (color === 'blue') return '均已完成,为蓝色';
  const t = fmtPct(threshold);
  return share >= threshold ? `达到阈值${t}%,为绿色` : `低于阈值${t}%,为${COLOR_WORDS[color]}`;
}
