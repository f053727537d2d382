// 公开:已发布的规划 — anyone, no login.
import { Empty, List, Progress } from 'antd';
import { Link } from 'react-router-dom';
import { period } from '../format';
import { useRequest } from '../useRequest';
import { PageLoading } from '../components/PageLoading';
import { publicApi } from './publicApi';
import { PublicFrame } from './PublicFrame';

export default function PublicListPage() {
  const plans = useRequest(['public', 'plans'], () => publicApi.plans());
  return (
    <PublicFrame>
      <h1>已公开的规划</h1>
      {plans.loading ? (
        <PageLoading />
      ) : !plans.data?.items.length ? (
        <Empty description="暂无公开的规划" />
      ) : (
        <List
          className="public-card"
          dataSource={plans.data.items}
          renderItem={(p) => (
            <List.Item extra={<Progress type="circle" size={56} percent={Math.round(p.progress ?? 0)} format={(x) => `${x}%`} aria-label={`总体进度${p.progress ?? 0}%`} />}>
              <List.Item.Meta title={<Link to={`/public/plans/${p.id}`}>{p.title}</Link>} description={`${p.regionName ?? ''} · ${period(p.periodStart, p.periodEnd)} · ${p.taskCount} 项任务`} />
            </List.Item>
          )}
        />
      )}
    </PublicFrame>
  );
}
