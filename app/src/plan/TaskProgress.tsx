// A task's progress and computed status in one cell: the status words are the server's (shared/statusWords.ts),
// the same the dashboard, board, home and public page show; the bar is the % the status was judged on.
import { Progress } from 'antd';
import type { TaskStatusOut } from '../../../shared/reporting';
import { StatusLight } from '../run/StatusLight';

export function TaskProgress({ progress, status }: { progress: number | null; status: TaskStatusOut | null | undefined }) {
  const judged = status?.progress !== undefined ? status.progress : progress;
  return (
    <div className="task-progress" style={{ minWidth: 90 }}>
      {status ? <StatusLight status={status} reason={false} compact /> : null}
      {judged !== null && judged !== undefined ? <Progress percent={Math.round(judged)} size="small" /> : null}
    </div>
  );
}
