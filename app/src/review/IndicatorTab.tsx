// 指标 tab of the import review: rows of the indicator tables, editable and removable.
import { useEffect, useState } from 'react';
import { Table, Tag } from 'antd';
import type { ImportCorrection } from '../api';
import type { ParsedIndicator } from '../../../shared/parsedPlan';
import { targetValue } from '../format';
import { attributeLabels, indicatorKindLabels, label } from '../labels';
import { IndicatorEditModal } from './IndicatorEditModal';
import { scrollRowIntoView } from './scrollRow';
import { opsColumn, withOps } from './columns';

interface Props {
  indicators: ParsedIndicator[];
  selected: number | null;
  onSelect: (index: number) => void;
  apply: (c: ImportCorrection[]) => Promise<void>;
  readOnly?: boolean;
}

type Row = ParsedIndicator & { index: number };

export function IndicatorTab({ indicators, selected, onSelect, apply, readOnly }: Props) {
  const [editing, setEditing] = useState<number | null>(null);
  const [page, setPage] = useState(1);
  useEffect(() => {
    if (selected === null) return;
    setPage(Math.floor(selected / 20) + 1);
    scrollRowIntoView(selected);
  }, [selected]);
  const rows: Row[] = indicators.map((x, index) => ({ ...x, index }));
  return (
    <>
      <Table<Row>
        rowKey="index"
        size="small"
        dataSource={rows}
        pagination={{ current: page, pageSize: 20, onChange: setPage, size: 'small', showTotal: (t) => `${t} 项`, showSizeChanger: false }}
        locale={{ emptyText: '没有识别到指标表' }}
        rowClassName={(r) => (r.index === selected ? 'row-selected clickable-row' : 'clickable-row')}
        onRow={(r) => ({ onClick: () => onSelect(r.index), onKeyDown: (e) => e.key === 'Enter' && e.target === e.currentTarget && onSelect(r.index), tabIndex: 0 })}
        columns={withOps<Row>([
          {
            title: '指标',
            key: 'name',
            render: (_, r) => (
              <div>
                <div>{r.name}</div>
                <div className="muted desktop-only" style={{ fontSize: 12 }}>{[r.category, r.table].filter(Boolean).join(' · ')}</div>
                {/* on a phone the 单位 and 属性 columns are hidden: they go under the name */}
                <div className="muted phone-only" style={{ fontSize: 12 }}>
                  {r.unit ?? ''}
                  {r.attribute ? ` · ${label(attributeLabels, r.attribute)}` : ''}
                </div>
              </div>
            ),
          },
          { title: '单位', dataIndex: 'unit', width: 70, responsive: ['md'], render: (v: string | null) => v ?? '—' },
          { title: '属性', dataIndex: 'attribute', width: 66, responsive: ['md'], render: (v: string | null) => (v ? <Tag color={v === 'binding' ? 'red' : 'blue'}>{label(attributeLabels, v)}</Tag> : '—') },
          { title: '基期', key: 'baseline', width: 110, render: (_, r) => (r.baseline ? `${r.baseline.year ? r.baseline.year + '年 ' : ''}${r.baseline.text}` : '—') },
          {
            title: '目标',
            key: 'targets',
            width: 150,
            render: (_, r) =>
              r.targets.length
                ? r.targets.map((t, i) => (
                    <div key={i} title={t.text}>
                      {t.year ? `${t.year}年 ` : ''}
                      {t.value !== null ? targetValue(t.comparator, t.value, t.valueMax, null) : t.text}
                      <span className="muted" style={{ fontSize: 12 }}> {label(indicatorKindLabels, t.kind)}</span>
                    </div>
                  ))
                : '—',
          },
          opsColumn<Row>('指标', (r) => setEditing(r.index), (r) => apply([{ op: 'removeIndicator', index: r.index }]).catch(() => undefined)),
        ], readOnly)}
      />
      <IndicatorEditModal
        indicator={editing === null ? null : (indicators[editing] ?? null)}
        onCancel={() => setEditing(null)}
        onSubmit={async (patch) => {
          if (editing === null) return;
          await apply([{ op: 'updateIndicator', index: editing, patch }]);
          setEditing(null);
        }}
      />
    </>
  );
}
