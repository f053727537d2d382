// 城市体检 judgements (issue #14), pure: does a value meet its standard, how far is it, and did last year's
// problem move. Numbers are compared after rounding to 6 decimals so 0.1 + 0.2 does not miss 0.3.
import type { CheckupDirection, Movement } from '../../shared/checkup.js';

const round = (x: number) => Math.round(x * 1e6) / 1e6;

/** A number as a person writes it: no trailing zeros, at most 4 decimals. */
export function fmt(x: number): string {
  return String(Math.round(x * 1e4) / 1e4);
}

/** true: meets; false: misses; null: the indicator has no standard (nothing is judged). */
export function meetsStandard(value: number, standard: number | null, direction: CheckupDirection): boolean | null {
  if (standard === null) return null;
  return direction === 'higher' ? round(value) >= round(standard) : round(value) <= round(standard);
}

/** "低于标准值 70%,差 12%" / "高于标准值 0栋,超出 3栋" */
export function gapText(value: number, standard: number, direction: CheckupDirection, measure: string): string {
  const gap = Math.abs(round(value - standard));
  return direction === 'higher'
    ? `现状 ${fmt(value)}${measure},低于标准值 ${fmt(standard)}${measure},差 ${fmt(gap)}${measure}`
    : `现状 ${fmt(value)}${measure},高于标准值 ${fmt(standard)}${measure},超出 ${fmt(gap)}${measure}`;
}

/**
 * Last year's problem judged on this year's value: solved when it now meets the standard, else better / worse /
 * unchanged by the indicator's direction, with the change and what remains in words.
 */
export function problemMovement(last: number, now: number | null, standard: number | null, direction: CheckupDirection, measure: string): { movement: Movement; text: string } {
  if (now === null) return { movement: 'no_value', text: `上年 ${fmt(last)}${measure},本年尚未填报数值,无法判断` };
  const delta = round(now - last);
  const changed = delta === 0 ? '与上年持平' : `较上年${delta > 0 ? '上升' : '下降'} ${fmt(Math.abs(delta))}${measure}`;
  if (standard !== null && meetsStandard(now, standard, direction)) {
    return { movement: 'solved', text: `上年 ${fmt(last)}${measure},本年 ${fmt(now)}${measure},${changed},已达到标准值 ${fmt(standard)}${measure}` };
  }
  const remaining = standard !== null ? `,距标准值 ${fmt(standard)}${measure} 仍差 ${fmt(Math.abs(round(now - standard)))}${measure}` : '';
  if (delta === 0) return { movement: 'unchanged', text: `上年 ${fmt(last)}${measure},本年 ${fmt(now)}${measure},${changed},问题未见改善${remaining}` };
  const better = direction === 'higher' ? delta > 0 : delta < 0;
  return better
    ? { movement: 'better', text: `上年 ${fmt(last)}${measure},本年 ${fmt(now)}${measure},${changed},有所好转${remaining}` }
    : { movement: 'worse', text: `上年 ${fmt(last)}${measure},本年 ${fmt(now)}${measure},${changed},问题加重${remaining}` };
}
