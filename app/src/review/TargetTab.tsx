// 目标 tab of the import review: numeric targets found in the running text.
import { useEffect, useState } from 'react';
import { Table } from 'antd';
import type { ImportCorrection } from '../api';
import type { ParsedTarget } from '../../../shared/parsedPlan';
import { TargetValueText } from '../components/TargetValueText';
import { TargetEditModal } from './TargetEditModal';
import { scrollRowIntoView } from './scrollRow';
import { opsColumn, withOps } from './columns';

type Row = ParsedTarget & { index: number };

export function TargetTab({ targets, selected, onSelect, apply, readOnly }: { targets: ParsedTarget[]; selected: number | null; onSelect: (i: number) => void; apply: (c: ImportCorrection[]) => Promise<void>; readOnly?: boolean }) {
  const [editing, setEditing] = useState<number | null>(null);
  const [page, setPage] = useState(1);
  useEffect(() => {
    if (selected === null) return;
    setPage(Math.floor(selected / 20) + 1);
    scrollRowIntoView(selected);
  }, [selected]);
  return (
    <>
      <Table<Row>
        rowKey="index"
        size="small"
        dataSource={targets.map((t, index) => ({ ...t, index }))}
        pagination={{ current: page, pageSize: 20, onChange: setPage, size: 'small', showTotal: (t) => `${t} 项`, showSizeChanger: false }}
        locale={{ emptyText: '没有识别到数值目标' }}
        rowClassName={(r) => (r.index === selected ? 'row-selected clickable-row' : 'clickable-row')}
        onRow={(r) => ({ onClick: () => onSelect(r.index), onKeyDown: (e) => e.key === 'Enter' && e.target === e.currentTarget && onSelect(r.index), tabIndex: 0 })}
        columns={withOps<Row>([
          { title: '目标事项', dataIndex: 'subject', render: (v: string, r) => <span title={r.quote}>{v}</span> },
          {
            title: '目标值',
            key: 'value',
            width: 150,
            render: (_, r) => <TargetValueText {...r} />,
          },
          { title: '年份', dataIndex: 'year', width: 70, render: (v: number | null) => v ?? '—' },
          opsColumn<Row>('目标', (r) => setEditing(r.index), (r) => apply([{ op: 'removeTarget', index: r.index }]).catch(() => undefined)),
        ], readOnly)}
      />
      <TargetEditModal
        target={editing === null ? null : (targets[editing] ?? null)}
        onCancel={() => setEditing(null)}
        onSubmit={async (patch) => {
          if (editing === null) return;
          await apply([{ op: 'updateTarget', index: editing, patch }]);
          setEditing(null);
        }}
      />
    </>
  );
}
