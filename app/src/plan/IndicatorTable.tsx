// 指标: the plan's indicator tables with baseline, target, attribute, kind and a small chart each.
import { useMemo, useState } from 'react';
import { Segmented, Table, Tag, Tooltip } from 'antd';
import type { SameWorkList } from '../../../shared/sameWork';
import type { Indicator } from '../api';
import { targetValue } from '../format';
import { attributeLabels, indicatorKindLabels, label } from '../labels';
import { IndicatorSpark } from './IndicatorSpark';

/** the same indicator in the region's other plans (issue #13): one tag per link, orange with the figures when they differ */
function SameIndicatorTags({ id, sameWork }: { id: number; sameWork: SameWorkList | null }) {
  const links = (sameWork?.items ?? []).filter((l) => l.kind === 'indicator' && l.status !== 'rejected' && l.here.id === id);
  return (
    <>
      {links.map((l) => (
        <Tooltip key={l.id} title={l.conflicts.length ? l.conflicts.map((c) => c.message).join(' ') : `《${l.there.planTitle}》中的同一指标:${l.there.title}`}>
          <Tag className="same-indicator" color={l.conflicts.length ? 'orange' : l.status === 'confirmed' ? 'green' : 'default'} style={{ marginTop: 2 }}>
            {l.conflicts.length ? '数字不一致' : l.status === 'confirmed' ? '同一指标' : '疑似同一指标'}:《{l.there.planTitle}》
          </Tag>
        </Tooltip>
      ))}
    </>
  );
}

export default function IndicatorTable({ items, loading, sameWork = null }: { items: Indicator[]; loading: boolean; sameWork?: SameWorkList | null }) {
  const tables = useMemo(() => [...new Set(items.map((x) => x.tableName ?? '其他指标'))], [items]);
  const [table, setTable] = useState<string | null>(null);
  const current = table && tables.includes(table) ? table : (tables[tables.length - 1] ?? null);
  const rows = tables.length > 1 ? items.filter((x) => (x.tableName ?? '其他指标') === current) : items;
  return (
    <div>
      {tables.length > 1 && (
        <Segmented
          style={{ marginBottom: 8, maxWidth: '100%' }}
          value={current ?? undefined}
          onChange={(v) => setTable(String(v))}
          options={tables.map((t) => ({ value: t, label: <span title={t}>{t.length > 28 ? t.slice(0, 28) + '…' : t}</span> }))}
        />
      )}
      <Table<Indicator>
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={rows}
        pagination={false}
        scroll={{ y: 'calc(100vh - 330px)' }}
        locale={{ emptyText: '该规划没有指标表' }}
        columns={[
          {
            title: '指标',
            key: 'name',
            render: (_, x) => (
              <div>
                <div>{x.name}</div>
                {x.category && <div className="muted" style={{ fontSize: 12 }}>{x.category}</div>}
                <SameIndicatorTags id={x.id} sameWork={sameWork} />
              </div>
            ),
          },
          { title: '单位', dataIndex: 'unit', width: 80, render: (v: string | null) => v ?? '—' },
          { title: '基期值', key: 'baseline', width: 110, render: (_, x) => (x.baselineText || x.baselineValue !== null ? <>{x.baselineYear && <div className="muted" style={{ fontSize: 12 }}>{x.baselineYear}年</div>}{x.baselineText ?? x.baselineValue}</> : '—') },
          {
            title: '目标值',
            key: 'target',
            width: 120,
            render: (_, x) =>
              x.targets.length > 1 ? (
                // interim targets first: "2023年 88 / 2025年 90"
                x.targets.map((t, i) => (
                  <div key={i}>
                    {t.year && <span className="muted" style={{ fontSize: 12, marginRight: 4 }}>{t.year}年</span>}
                    {t.text || targetValue(t.comparator, t.value, t.valueMax, null)}
                  </div>
                ))
              ) : (
                <>
                  {x.targetYear && <div className="muted" style={{ fontSize: 12 }}>{x.targetYear}年</div>}
                  {x.targetText ?? targetValue(x.comparator, x.targetValue, x.targetValueMax, null)}
                </>
              ),
          },
          ...(rows.some((x) => x.actualText) ? [{ title: '完成情况', dataIndex: 'actualText', width: 100, render: (v: string | null) => v ?? '—' }] : []),
          { title: '属性', dataIndex: 'attribute', width: 80, render: (v: string | null) => (v ? <Tag color={v === 'binding' ? 'red' : 'blue'}>{label(attributeLabels, v)}</Tag> : '—') },
          { title: '口径', dataIndex: 'kind', width: 90, render: (v: string) => label(indicatorKindLabels, v) },
          { title: '基期→目标', key: 'chart', width: 170, render: (_, x) => <IndicatorSpark indicator={x} /> },
        ]}
      />
    </div>
  );
}
