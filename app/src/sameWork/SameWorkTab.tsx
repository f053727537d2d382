// 相同工作 (issue #13): on a plan's page, the tasks and indicators of the region's other plans that describe the same
// work. The region's office asks for proposals (similar text, the same units, the same indicator name and measure),
// then confirms or rejects each; figures that differ between two linked indicators are listed side by side.
import { useState } from 'react';
import { Alert, App, Button, Input, Popconfirm, Segmented, Space, Table, Tag, Typography } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { SAME_WORK_KIND_LABELS, SAME_WORK_STATUS_LABELS, type SameWorkLink, type SameWorkStatus } from '../../../shared/sameWork';
import { PageLoading } from '../components/PageLoading';
import { useRequest } from '../useRequest';
import { sameWorkApi } from './sameWorkApi';

const statusColor: Record<SameWorkStatus, string> = { proposed: 'gold', confirmed: 'green', rejected: 'default' };
type Filter = SameWorkStatus | 'conflicts' | 'all';

function ItemCell({ item, kind, own }: { item: SameWorkLink['here']; kind: SameWorkLink['kind']; own: boolean }) {
  return (
    <Space direction="vertical" size={0}>
      {kind === 'task' ? <Link to={`/tasks/${item.id}`}>{item.title}</Link> : <span>{item.title}{item.unit ? `(${item.unit})` : ''}</span>}
      {!own && <Typography.Text type="secondary" style={{ fontSize: 12 }}>《{item.planTitle}》{item.planPeriod ?? ''}</Typography.Text>}
    </Space>
  );
}

export function SameWorkTab({ planId }: { planId: number }) {
  const { message } = App.useApp();
  const list = useRequest(['sameWork', 'plan', planId], () => sameWorkApi.ofPlan(planId));
  const [filter, setFilter] = useState<Filter>('proposed');
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState('');
  if (list.loading && !list.data) return <PageLoading tip="正在加载相同工作…" />;
  const data = list.data;
  if (!data) return <Alert type="warning" message="无法加载相同工作" />;
  const rows = data.items.filter((l) => (filter === 'all' ? true : filter === 'conflicts' ? l.conflicts.length > 0 && l.status !== 'rejected' : l.status === filter));

  const propose = async () => {
    setBusy(true);
    try {
      const r = await sameWorkApi.propose(planId);
      message.success(r.proposed ? `新建议 ${r.proposed} 项(任务 ${r.tasks} 项,指标 ${r.indicators} 项),请逐项确认` : '没有新的建议');
      setFilter('proposed');
      list.reload();
    } finally {
      setBusy(false);
    }
  };
  const decide = async (l: SameWorkLink, to: 'confirmed' | 'rejected') => {
    if (to === 'confirmed') await sameWorkApi.confirm(planId, l.id);
    else await sameWorkApi.reject(planId, l.id, note.trim() || undefined);
    setNote('');
    message.success(to === 'confirmed' ? '已确认为同一项工作' : '已否定,不再建议');
    list.reload();
  };

  return (
    <div className="same-work">
      <Space style={{ marginBottom: 12 }} wrap>
        <Typography.Text>
          本区其他规划中的相同工作:待确认 {data.counts.proposed} 项,已确认 {data.counts.confirmed} 项,已否定 {data.counts.rejected} 项
          {data.counts.conflicts ? `;数字不一致 ${data.counts.conflicts} 项` : ''}
        </Typography.Text>
        <Segmented<Filter>
          value={filter}
          onChange={setFilter}
          options={[
            { value: 'proposed', label: '待确认' },
            { value: 'confirmed', label: '已确认' },
            { value: 'conflicts', label: '数字不一致' },
            { value: 'rejected', label: '已否定' },
            { value: 'all', label: '全部' },
          ]}
        />
        {data.canDecide && <Button icon={<SearchOutlined />} loading={busy} onClick={propose}>查找相同工作</Button>}
      </Space>
      <Alert type="info" style={{ marginBottom: 12 }} message="建议按文字相近程度、同一责任单位、相同指标名称和计量单位生成,须由规划办逐项确认;确认后两项在各自详情中互相显示。" />
      <Table<SameWorkLink>
        rowKey="id"
        size="small"
        dataSource={rows}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        locale={{ emptyText: data.items.length ? '没有符合条件的关联' : data.canDecide ? '尚无关联,可点击“查找相同工作”' : '尚无关联' }}
        columns={[
          { title: '类别', width: 60, render: (_v, l) => SAME_WORK_KIND_LABELS[l.kind] },
          { title: '本规划', render: (_v, l) => <ItemCell item={l.here} kind={l.kind} own /> },
          { title: '其他规划', render: (_v, l) => <ItemCell item={l.there} kind={l.kind} own={false} /> },
          {
            title: '依据',
            width: 280,
            render: (_v, l) => (
              <Space direction="vertical" size={2}>
                {l.reasons.map((r, i) => <Typography.Text key={i} type="secondary" style={{ fontSize: 12 }}>{r}</Typography.Text>)}
                {l.conflicts.map((c, i) => <Alert key={`c${i}`} type="warning" showIcon message={c.message} />)}
              </Space>
            ),
          },
          {
            title: '状态',
            width: 200,
            render: (_v, l) => (
              <Space direction="vertical" size={4}>
                <Tag color={statusColor[l.status]}>{SAME_WORK_STATUS_LABELS[l.status]}</Tag>
                {l.note && <Typography.Text type="secondary" style={{ fontSize: 12 }}>说明:{l.note}</Typography.Text>}
                {data.canDecide && (
                  <Space size={4} wrap>
                    {l.status !== 'confirmed' && <Button size="small" type="primary" onClick={() => decide(l, 'confirmed')}>确认</Button>}
                    {l.status !== 'rejected' && (
                      <Popconfirm
                        title="不是同一项工作?"
                        description={<Input.TextArea rows={2} maxLength={500} placeholder="说明(可不填)" value={note} onChange={(e) => setNote(e.target.value)} />}
                        onConfirm={() => decide(l, 'rejected')}
                        okText="否定"
                        cancelText="取消"
                      >
                        <Button size="small">不是同一项</Button>
                      </Popconfirm>
                    )}
                  </Space>
                )}
              </Space>
            ),
          },
        ]}
      />
    </div>
  );
}
