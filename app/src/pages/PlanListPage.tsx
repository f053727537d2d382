// 规划列表: search (full text), filter by status, paged table.
import { useState } from 'react';
import { Button, Input, Progress, Select, Table, Tag, Tooltip } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import type { PlanSummary } from '../../../shared/api';
import { api } from '../api';
import { useMe } from '../auth';
import { period } from '../format';
import { label, planLevelLabels, planStatusColors, planStatusLabels } from '../labels';
import { canImport } from '../permissions';
import { useRequest } from '../useRequest';

export default function PlanListPage() {
  const me = useMe();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const status = params.get('status') ?? '';
  const page = Number(params.get('page') ?? 1);
  const pageSize = Number(params.get('pageSize') ?? 20);
  const [draft, setDraft] = useState(q);
  const { data, loading } = useRequest(['plans', 'page', q, status, page, pageSize], () => api.plans({ q: q || undefined, status: status || undefined, page, pageSize }));

  const update = (patch: Record<string, string | number | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v === undefined || v === '') next.delete(k);
      else next.set(k, String(v));
    }
    setParams(next);
  };

  return (
    <section>
      <div className="page-head">
        <h2>规划列表</h2>
        <div className="toolbar">
          <Input.Search
            allowClear
            placeholder="搜索规划标题或正文"
            aria-label="搜索规划"
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
            onSearch={(v) => update({ q: v.trim(), page: undefined })}
            style={{ width: 300 }}
            enterButton="搜索"
          />
          <Select
            aria-label="按状态筛选"
            style={{ width: 140 }}
            value={status}
            onChange={(v) => update({ status: v, page: undefined })}
            options={[{ value: '', label: '全部状态' }, ...Object.entries(planStatusLabels).map(([value, l]) => ({ value, label: l }))]}
          />
          {canImport(me) && (
            <Button type="primary" icon={<UploadOutlined />} onClick={() => navigate('/imports')}>
              导入规划
            </Button>
          )}
        </div>
      </div>
      <Table<PlanSummary>
        rowKey="id"
        size="middle"
        loading={loading}
        dataSource={data?.items ?? []}
        locale={{ emptyText: q ? '没有找到符合条件的规划' : '暂无规划' }}
        pagination={{
          current: page,
          pageSize,
          total: data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (t) => `共 ${t} 项`,
          onChange: (p, s) => update({ page: p, pageSize: s }),
        }}
        columns={[
          {
            title: '规划名称',
            dataIndex: 'title',
            render: (t: string, r) => (
              <div>
                <Link to={`/plans/${r.id}`}>{t}</Link>
                {r.published && <Tag color="green" style={{ marginLeft: 8 }}>已公开</Tag>}
                {r.regionName && <div className="muted" style={{ fontSize: 12 }}>{r.regionName}</div>}
              </div>
            ),
          },
          { title: '层级', dataIndex: 'level', width: 90, render: (v: string | null) => label(planLevelLabels, v) },
          { title: '类型', dataIndex: 'type', width: 100, render: (v: string | null) => v ?? '—' },
          { title: '期限', key: 'period', width: 120, className: 'nowrap', render: (_, r) => period(r.periodStart, r.periodEnd) },
          { title: '状态', dataIndex: 'status', width: 90, render: (v: string) => <Tag color={planStatusColors[v]}>{label(planStatusLabels, v)}</Tag> },
          { title: '任务数', dataIndex: 'taskCount', width: 80, align: 'right' },
          {
            title: '进度',
            dataIndex: 'progress',
            width: 160,
            render: (v: number | null) =>
              v === null ? (
                <span className="muted">暂无报送</span>
              ) : (
                <Tooltip title={`加权平均进度 ${v.toFixed(1)}%`}>
                  <Progress percent={Math.round(v)} size="small" format={(p) => `${p}%`} />
                </Tooltip>
              ),
          },
        ]}
      />
    </section>
  );
}
