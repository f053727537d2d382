// The units of a saved task for one role.
import { Tag } from 'antd';
import type { Task } from '../../../shared/api';
import { unitScopeLabels } from '../labels';

export function TaskUnits({ task, role, highlight }: { task: Task; role: string; highlight?: number | null }) {
  const list = task.units.filter((u) => u.role === role);
  if (!list.length) return <span className="muted">—</span>;
  return (
    <>
      {list.map((u, i) => (
        <Tag key={`${u.name}-${i}`} className="unit-tag" color={u.unitId !== null && u.unitId === highlight ? 'red' : u.scope !== 'unit' ? 'purple' : undefined} title={u.raw !== u.name ? `原文:${u.raw}` : undefined}>
          {u.scope === 'unit' ? u.name : u.raw || unitScopeLabels[u.scope]}
        </Tag>
      ))}
    </>
  );
}
