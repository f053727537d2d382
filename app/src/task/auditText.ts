// Audit events in plain Chinese: who, when, what changed (field: before → after).
import type { AuditEvent } from '../api';
import { deadline } from '../format';
import { auditActionLabels, fieldLabels, planStatusLabels, taskRoleShort } from '../labels';

export interface Change {
  field: string;
  before: string | null;
  after: string | null;
}

type UnitNames = Map<number, string>;

function unitsText(v: unknown, names: UnitNames): string {
  if (!Array.isArray(v)) return '';
  if (!v.length) return '(无)';
  const byRole = new Map<string, string[]>();
  for (const u of v as { unitId?: number | null; name?: string; role?: string }[]) {
    const n = u.name ?? (u.unitId != null ? names.get(u.unitId) : undefined) ?? '未知单位';
    const r = taskRoleShort[u.role ?? ''] ?? '';
    byRole.set(r, [...(byRole.get(r) ?? []), n]);
  }
  return [...byRole.entries()].map(([r, ns]) => (r ? `${r}:${ns.join('、')}` : ns.join('、'))).join(';');
}

function valueText(field: string, v: unknown, names: UnitNames): string | null {
  if (v === null || v === undefined || v === '') return null;
  if (field === 'units' || field === 'lead' || field === 'responsible' || field === 'cooperating') return unitsText(v, names);
  if ((field === 'deadline' || field === 'startDate') && typeof v === 'string') return deadline(v);
  if (Array.isArray(v) && !v.length) return null;
  if (field === 'status' && typeof v === 'string') return planStatusLabels[v] ?? v;
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (typeof v === 'number') return String(v);
  if (typeof v === 'string') return v.length > 120 ? v.slice(0, 120) + '…' : v;
  if (Array.isArray(v)) return v.map((x) => (typeof x === 'object' && x && 'name' in x ? String((x as { name: unknown }).name) : String(x))).join('、');
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (typeof o.title === 'string') return o.title;
    if (typeof o.name === 'string') return o.name;
    return Object.entries(o)
      .filter(([, x]) => x !== null && typeof x !== 'object')
      .map(([k, x]) => `${fieldLabels[k] ?? k}:${x}`)
      .join(',');
  }
  return String(v);
}

// task fields the shared label list does not name yet
const LABELS: Record<string, string> = { ...fieldLabels, startDate: '开始日期', deadlineText: '时限说明', assignee: '具体负责人', targetText: '目标', standard: '完成标准' };

const HIDDEN = new Set(['id', 'planId', 'searchText', 'position', 'createdAt', 'updatedAt', 'row', 'sourceStart', 'sourceEnd']);

export function describeChanges(e: AuditEvent, names: UnitNames): Change[] {
  const before = (e.before && typeof e.before === 'object' ? e.before : {}) as Record<string, unknown>;
  const after = (e.after && typeof e.after === 'object' ? e.after : {}) as Record<string, unknown>;
  if (e.action.endsWith('.delete') || e.action.endsWith('.create')) return [];
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((k) => !HIDDEN.has(k) && LABELS[k]);
  return keys
    .map((k) => ({ field: LABELS[k], before: valueText(k, before[k], names), after: valueText(k, after[k], names) }))
    .filter((c) => c.before !== c.after);
}

export function describeAction(e: AuditEvent): string {
  const base = auditActionLabels[e.action] ?? '修改';
  const rec = (e.action.endsWith('.delete') ? e.before : e.after) as Record<string, unknown> | null;
  if ((e.action.endsWith('.create') || e.action.endsWith('.delete')) && rec && typeof rec.title === 'string') return `${base}“${rec.title.slice(0, 40)}”`;
  return base;
}
