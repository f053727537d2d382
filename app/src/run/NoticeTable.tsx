// 督办件列表: escalation colour (blue/yellow/red), unit, state and deadline; a click opens the notice.
import { Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { deadline, dateTime } from '../format';
import type { NoticeOut } from './runApi';
import { noticeKindLabels, noticeLevelLabels, noticeLevelTagColors, noticeStatusColors, noticeStatusLabels } from './runLabels';

export function NoticeLevel({ level }: { level: string }) {
  return (
    <Tag color={noticeLevelTagColors[level]}>
      <span className={`notice-level ${level}`} aria-hidden="true" />
      {noticeLevelLabels[level] ?? level}
    </Tag>
  );
}

/** `showPlan`: a 规划 column (lists across plans); `selection`: tick notices for 批量复核 (only those fed back) */
export function NoticeTable({ items, loading, onOpen, pageSize = 15, showPlan, selection }: { items: NoticeOut[]; loading?: boolean; onOpen: (n: NoticeOut) => void; pageSize?: number; showPlan?: boolean; selection?: { keys: number[]; onChange: (keys: number[]) => void } }) {
  const today = dayjs().format('YYYY-MM-DD');
  return (
    <Table<NoticeOut>
      rowKey="id"
      size="small"
      loading={loading}
      dataSource={items}
      locale={{ emptyText: '暂无督办件' }}
      pagination={{ pageSize, showTotal: (t) => `共 ${t} 件` }}
      rowClassName={(n) => `clickable-row notice-row-${n.level}`}
      rowSelection={selection && { selectedRowKeys: selection.keys, onChange: (k) => selection.onChange(k as number[]), getCheckboxProps: (n) => ({ disabled: n.status !== 'fed_back', 'aria-label': `选择督办「${n.title}」` }), columnWidth: 36 }}
      onRow={(n) => ({ onClick: (e) => !(e.target as HTMLElement).closest('.ant-table-selection-column') && onOpen(n), onKeyDown: (e) => e.key === 'Enter' && onOpen(n), tabIndex: 0 })}
      columns={[
        { title: '级别', dataIndex: 'level', width: 110, responsive: ['md'], render: (l: string) => <NoticeLevel level={l} /> },
        {
          title: '督办事项',
          key: 'title',
          render: (_, n) => (
            <div>
              <div className="clamp-2">{n.title}</div>
              <div className="muted" style={{ fontSize: 12 }}>
                {noticeKindLabels[n.kind] ?? '督办'} · 下发于{dateTime(n.issuedAt)}
              </div>
              <div className="phone-only">
                <NoticeLevel level={n.level} />
                <Tag color={noticeStatusColors[n.status]}>{noticeStatusLabels[n.status] ?? n.status}</Tag>
                <span className="muted">{n.unitName} · 反馈期限{deadline(n.responseDeadline)}</span>
              </div>
            </div>
          ),
        },
        ...(showPlan ? [{ title: '规划', dataIndex: 'planTitle', width: 200, responsive: ['md' as const], render: (t: string) => <span className="clamp-2">{t}</span> }] : []),
        { title: '督办单位', dataIndex: 'unitName', width: 150, responsive: ['md'] },
        {
          title: '反馈时间',
          key: 'fed',
          width: 170,
          responsive: ['md'],
          render: (_, n) => {
            if (!n.fedBackAt) return <span className="muted">未反馈</span>;
            const late = dayjs(n.fedBackAt).format('YYYY-MM-DD') > n.responseDeadline;
            return <span className={late ? 'countdown late' : ''}>{dateTime(n.fedBackAt)}{late ? '(逾期)' : ''}</span>;
          },
        },
        { title: '状态', dataIndex: 'status', width: 130, responsive: ['md'], render: (s: string) => <Tag color={noticeStatusColors[s]}>{noticeStatusLabels[s] ?? s}</Tag> },
        {
          title: '反馈期限',
          dataIndex: 'responseDeadline',
          width: 150,
          responsive: ['md'],
          render: (d: string, n) => {
            const late = n.status !== 'closed' && n.status !== 'rechecked' && n.status !== 'fed_back' && d < today;
            return <span className={late ? 'countdown late' : ''}>{deadline(d)}{late ? '(已逾期)' : ''}</span>;
          },
        },
      ]}
    />
  );
}
