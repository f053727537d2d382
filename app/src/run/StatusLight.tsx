// A computed status: its colour as a tag with words, and the reason beside it (never colour alone).
import { Tag } from 'antd';
import { lightTagColors } from './runLabels';

export interface Light {
  color: string;
  label: string;
  reason?: string | null;
}

export function StatusLight({ status, reason = true, compact = false }: { status: Light | null | undefined; reason?: boolean; compact?: boolean }) {
  if (!status) return <span className="muted">—</span>;
  return (
    <span className={compact ? 'status-light compact' : 'status-light'}>
      <Tag color={lightTagColors[status.color] ?? 'default'} className={`light-tag light-${status.color}`}>
        <span className="light-dot" aria-hidden="true" />
        {status.label}
      </Tag>
      {reason && status.reason ? <span className="light-reason">{status.reason}</span> : null}
    </span>
  );
}
