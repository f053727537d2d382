import { Progress, Tag } from 'antd';
import { label, taskStatusColors, taskStatusLabels } from '../labels';

export function TaskProgress({ progress, status }: { progress: number | null; status: string | null }) {
  return (
    <div style={{ minWidth: 90 }}>
      {status && <Tag color={taskStatusColors[status]}>{label(taskStatusLabels, status)}</Tag>}
      {progress !== null ? <Progress percent={Math.round(progress)} size="small" /> : !status && <span className="muted">未报送</span>}
    </div>
  );
}
