// 目标: numeric targets stated in the running text, with the sentence they come from.
import { Table } from 'antd';
import type { Target } from '../api';
import { TargetValueText } from '../components/TargetValueText';

export function TargetTable({ items, loading }: { items: Target[]; loading: boolean }) {
  return (
    <Table<Target>
      rowKey="id"
      size="small"
      loading={loading}
      dataSource={items}
      pagination={{ pageSize: 20, size: 'small', showTotal: (t) => `共 ${t} 项` }}
      locale={{ emptyText: '正文中没有识别到数值目标' }}
      columns={[
        { title: '目标事项', dataIndex: 'subject', width: 220 },
        {
          title: '目标值',
          key: 'value',
          width: 150,
          render: (_, r) => <TargetValueText {...r} />,
        },
        { title: '年份', dataIndex: 'year', width: 70, render: (v: number | null) => v ?? '—' },
        { title: '原文', dataIndex: 'quote', render: (v: string) => <span className="muted clamp-2" style={{ fontSize: 13 }}>{v}</span> },
      ]}
    />
  );
}
