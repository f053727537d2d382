// Roll an upper task's status up from the regions directly below that carry it (issue #13): the city's task from its
// 区县, a district's task from its 镇街 (the same rule one level down; the sentences name the level). Each region has
// one cell: 未落实, 不适用, or 已落实 with the worst colour of its linked tasks. The plan's office chooses the rule
// (shared/takeUp.ts rollupRuleSchema): the worst colour, the share on track against a threshold, or that share
// weighted by region. 不适用 and 未落实 regions never count; the result is stated in one sentence.
import { rollupRuleSchema, type LevelWord, type RollupRule } from '../../shared/takeUp.js';
import { fmtPct, round } from './format.js';
import type { StatusColor } from './status.js';

/** a region level's word (regions.level of the columns) */
export const levelWord = (level: string | null | undefined): LevelWord => (level === 'town' ? '镇街' : '区县');

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
export function describeRollupRule(input: Partial<RollupRule> | undefined, districtNames: Map<number, string> = new Map(), w: LevelWord = '区县'): string {
  const rule = rollupRuleSchema.parse(input ?? {});
  const cell = `每个已落实${w}取其关联任务中最差的颜色(红 > 黄 > 灰 > 绿 > 蓝)`;
  const tail = `标为不适用的${w}和未落实的${w}不计入。`;
  if (rule.kind === 'worst') return `上级任务的状态取最差颜色:${cell},上级任务再取各${w}中最差的颜色;${tail}`;
  const t = fmtPct(rule.threshold);
  const bands = `达到${t}%为绿色,低于${t}%为黄色,低于${fmtPct(rule.threshold / 2)}%为红色,全部完成为蓝色,均无进展为灰色`;
  if (rule.kind === 'share') return `上级任务的状态按正常推进占比:${cell},有进展(非灰色)的${w}中绿色或蓝色${w}所占比例${bands};${tail}`;
  const set = Object.entries(rule.weights)
    .filter(([, weight]) => weight !== 1)
    .map(([id, weight]) => `${districtNames.get(Number(id)) ?? `${w}${id}`}${fmtPct(weight)}`);
  const weights = set.length ? `(${set.join('、')},其余${w}为1)` : `(各${w}均为1)`;
  return `上级任务的状态按${w}权重:${cell},有进展(非灰色)的${w}中绿色或蓝色${w}的权重之和占其权重之和${weights}的比例${bands};${tail}`;
}

/**
 * One city task's roll-up over its districts' cells under the plan's rule, with the sentence that says how the
 * colour came about. No district taken up: no colour. Taken up but none with progress (all grey): grey.
 */
export function rollupDistricts(cells: DistrictCellIn[], input?: Partial<RollupRule>, w: LevelWord = '区县'): DistrictRollup {
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
    ...(rule.kind !== 'worst' && takenUp > progressing ? [`${takenUp - progressing}个已落实${w}尚无进展`] : []),
    ...(notTaken ? [`${notTaken}个${w}未落实`] : []),
    ...(notApplicable ? [`${notApplicable}个${w}不适用`] : []),
  ];
  const tail = left.length ? `;${left.join('、')},不计入` : '';
  const out = (color: StatusColor | null, share: number | null, head: string): DistrictRollup => ({ color, onTrack, takenUp, progressing, share, text: `${head}${tail}。` });

  if (!takenUp) return out(null, null, `尚无${w}落实`);
  if (rule.kind === 'worst') {
    const color = worstColor(taken.map((c) => c.color))!;
    const share = progressing ? round((onTrack / progressing) * 100, 1) : null;
    const shareWords = share === null ? '均尚无进展' : `正常推进或已完成${onTrack}个(占有进展${w}的${fmtPct(share)}%)`;
    return out(color, share, `取最差颜色:${takenUp}个${w}已落实,最差为${COLOR_WORDS[color]},${shareWords}`);
  }
  if (!progressing) return out('grey', null, `${takenUp}个已落实${w}均尚无进展,为灰色`);
  const allDone = taken.every((c) => c.color === 'blue');
  if (rule.kind === 'share') {
    const share = round((onTrack / progressing) * 100, 1);
    const color = allDone ? 'blue' : shareColor(share, rule.threshold);
    return out(color, share, `按正常推进占比:有进展的${progressing}个${w}中正常推进或已完成${onTrack}个(${fmtPct(share)}%),${judge(share, rule.threshold, color)}`);
  }
  const wAll = progressingCells.reduce((s, c) => s + districtWeight(rule, c.regionId), 0);
  const wOn = onTrackCells.reduce((s, c) => s + districtWeight(rule, c.regionId), 0);
  if (wAll <= 0) return out('grey', null, `按${w}权重:有进展的${progressing}个${w}权重之和为0,无法计算,为灰色`);
  const share = round((wOn / wAll) * 100, 1);
  const color = allDone ? 'blue' : shareColor(share, rule.threshold);
  return out(color, share, `按${w}权重:有进展的${progressing}个${w}权重之和${fmtPct(wAll)},其中正常推进或已完成的${onTrack}个${w}权重之和${fmtPct(wOn)}(${fmtPct(share)}%),${judge(share, rule.threshold, color)}`);
}

function judge(share: number, threshold: number, color: StatusColor): string {
  if (color === 'blue') return '均已完成,为蓝色';
  const t = fmtPct(threshold);
  return share >= threshold ? `达到阈值${t}%,为绿色` : `低于阈值${t}%,为${COLOR_WORDS[color]}`;
}
