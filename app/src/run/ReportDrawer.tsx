// One progress report opened from a list (the board's ?report=ID): the task it belongs to, the report read-only,
// and 审核 when the reader may decide on it now.
import { Button, Drawer } from 'antd';
import { Link } from 'react-router-dom';
import { api } from '../api';
import { useRequest } from '../useRequest';
import { runApi, type ReportOut } from './runApi';
import { ReportView } from './ReportView';

// the report is read under ['reports', 'one', id]: a decision on it invalidates ['reports'] and the drawer follows
export function ReportDrawer({ id, onClose, onReview, reviewable }: { id: number | null; onClose: () => void; onReview?: (r: ReportOut, taskTitle: string) => void; reviewable?: (r: ReportOut) => boolean }) {
  const req = useRequest(['reports', 'one', id], async () => {
    if (!id) return undefined;
    const report = await runApi.report(id);
    const task = await api.task(report.taskId).catch(() => undefined);
    return { report, taskTitle: task?.title ?? '' };
  });
  const d = req.data;
  return (
    <Drawer
      open={!!id}
      onClose={onClose}
      width={720}
      title="进展报告"
      destroyOnHidden
      loading={req.loading && !d}
      extra={
        d && onReview && reviewable?.(d.report) ? (
          <Button type="primary" onClick={() => onReview(d.report, d.taskTitle)}>
            审核
          </Button>
        ) : null
      }
    >
      {d && (
        <div>
          <div style={{ marginBottom: 12 }}>
            <h3 style={{ margin: '0 0 4px' }}>{d.taskTitle || '任务'}</h3>
            <Link to={`/tasks/${d.report.taskId}`}>查看任务详情及历次报告</Link>
          </div>
          <ReportView report={d.report} />
        </div>
      )}
    </Drawer>
  );
}
