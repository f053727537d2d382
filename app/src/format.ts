// Display formats: years, dates, numbers and targets in Chinese conventions.
import dayjs from 'dayjs';
import { comparatorSymbols } from './labels';

export function period(start: number | null | undefined, end: number | null | undefined): string {
  if (start && end) return `${start}–${end}年`;
  if (end) return `至${end}年`;
  if (start) return `${start}年起`;
  return '—';
}

export function dateTime(iso: string | null | undefined): string {
  return iso ? dayjs(iso).format('YYYY年M月D日 HH:mm') : '—';
}

/** "2025-06" → 2025年6月底, "2025-06-30" → 2025年6月30日 */
export function deadline(d: string | null | undefined): string {
  if (!d) return '—';
  const [y, m, day] = d.split('-');
  if (day) return `${y}年${Number(m)}月${Number(day)}日`;
  if (m) return `${y}年${Number(m)}月底`;
  return `${y}年`;
}

export function num(v: number | null | undefined): string {
  if (v === null || v === undefined || Number.isNaN(v)) return '—';
  return Number.isInteger(v) ? v.toLocaleString('zh-CN') : String(Number(v.toFixed(4)));
}

export function targetValue(comparator: string, value: number | null, valueMax: number | null, unit: string | null): string {
  if (value === null) return '—';
  const u = unit ?? '';
  if (comparator === 'range' && valueMax !== null) return `${num(value)}–${num(valueMax)}${u}`;
  return `${comparatorSymbols[comparator] ?? ''}${num(value)}${u}`;
}
