// A task's (or an indicator's) links to the same work in the region's other plans (issue #13), shown in its detail:
// the other plan's item, whether the office confirmed it, and figures that differ. Nothing shows when there is none.
import { Alert, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { SAME_WORK_STATUS_LABELS, type SameWorkKind } from '../../../shared/sameWork';
import { useRequest } from '../useRequest';
import { sameWorkApi } from './sameWorkApi';

export function SameWorkLinks({ kind, id }: { kind: SameWorkKind; id: number }) {
  const links = useRequest(['sameWork', 'item', kind, id], () => sameWorkApi.ofItem(kind, id).catch(() => null));
  const items = links.data?.items ?? [];
  if (!items.length) return null;
  return (
    <div className="same-work-links">
      <h4 style={{ margin: '16px 0 8px' }}>其他规划中的相同工作</h4>
      <Space direction="vertical" size={6} style={{ display: 'flex' }}>
        {items.map((l) => (
          <div key={l.id}>
            <Space size={6} wrap>
              <Tag color={l.status === 'confirmed' ? 'green' : 'default'}>{SAME_WORK_STATUS_LABELS[l.status]}</Tag>
              {l.kind === 'task' ? <Link to={`/tasks/${l.there.id}`}>{l.there.title}</Link> : <span>{l.there.title}</span>}
              <Typography.Text type="secondary">《{l.there.planTitle}》{l.there.planPeriod ?? ''}</Typography.Text>
            </Space>
            {l.conflicts.map((c, i) => <Alert key={i} type="warning" showIcon style={{ marginTop: 4 }} message={c.message} />)}
          </div>
        ))}
      </Space>
    </div>
  );
}
