// One notice: what is required by when, its colour and state, the next action, and its history.
import { Button, Descriptions, Drawer, Tag } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { dateTime, deadline } from '../format';
import { useRequest } from '../useRequest';
import { runApi, type NoticeOut } from './runApi';
import { noticeKindLabels, noticeOriginLabels, noticeStatusColors, noticeStatusLabels } from './runLabels';
import { NoticeLevel } from './NoticeTable';
import { NoticeActions } from './NoticeActions';
import { NoticeHistory } from './NoticeHistory';

export function NoticeDrawer({ id, onClose, onChange }: { id: number | null; onClose: () => void; onChange: (n: NoticeOut) => void }) {
  const req = useRequest(['notices', 'one', id], () => (id ? runApi.notice(id) : Promise.resolve(undefined)));
  const n = req.data;
  const changed = (x: NoticeOut) => {
    req.setData(x);
    onChange(x);
  };
  return (
    <Drawer open={!!id} onClose={onClose} width={640} title="督办件" destroyOnHidden loading={req.loading && !n} extra={n ? <Button icon={<DownloadOutlined />} href={`/api/notices/${n.id}/export`}>导出督办通知</Button> : null}>
      {n && (
        <div>
          <h3 style={{ marginTop: 0 }}>{n.title}</h3>
          <Descriptions size="small" column={2} bordered>
            <Descriptions.Item label="级别"><NoticeLevel level={n.level} /></Descriptions.Item>
            <Descriptions.Item label="状态"><Tag color={noticeStatusColors[n.status]}>{noticeStatusLabels[n.status]}</Tag></Descriptions.Item>
            <Descriptions.Item label="督办单位">{n.unitName}</Descriptions.Item>
            <Descriptions.Item label="类别">{noticeKindLabels[n.kind] ?? '督办'}({noticeOriginLabels[n.origin] ?? ''})</Descriptions.Item>
            <Descriptions.Item label="下发时间">{dateTime(n.issuedAt)}</Descriptions.Item>
            <Descriptions.Item label="反馈期限">{deadline(n.responseDeadline)}</Descriptions.Item>
            {n.taskId ? <Descriptions.Item label="涉及任务" span={2}><Link to={`/tasks/${n.taskId}`}>查看任务</Link></Descriptions.Item> : null}
            <Descriptions.Item label="督办要求" span={2}><p className="report-text">{n.requirement}</p></Descriptions.Item>
            <Descriptions.Item label="反馈时间" span={2}>{n.fedBackAt ? dateTime(n.fedBackAt) : '尚未反馈'}</Descriptions.Item>
            {n.feedback ? <Descriptions.Item label="单位反馈" span={2}><p className="report-text">{n.feedback}</p></Descriptions.Item> : null}
            {n.recheckNote ? <Descriptions.Item label="复核意见" span={2}><p className="report-text">{n.recheckNote}</p></Descriptions.Item> : null}
            {n.closedAt ? <Descriptions.Item label="办结时间" span={2}>{dateTime(n.closedAt)}</Descriptions.Item> : null}
          </Descriptions>
          <div className="run-section" style={{ padding: '12px 0' }}>
            <h3>办理</h3>
            <NoticeActions notice={n} onChange={changed} />
          </div>
          <div className="run-section" style={{ padding: '12px 0' }}>
            <h3>办理记录</h3>
            <NoticeHistory notice={n} />
          </div>
        </div>
      )}
    </Drawer>
  );
}
