// 未识别单位 tab: names the registry does not know; map each to a registry unit or mark it to be created.
import { Button, Checkbox, Empty, Select, Table, Tag } from 'antd';
import type { ImportJob, Unit } from '../../../shared/api';
import type { ImportCorrection } from '../api';

type UnknownUnit = ImportJob['unknownUnits'][number];

interface Props {
  units: UnknownUnit[];
  registry: Unit[];
  toCreate: Set<string>;
  setToCreate: (s: Set<string>) => void;
  selected: string | null;
  onSelect: (name: string) => void;
  apply: (c: ImportCorrection[]) => Promise<void>;
  readOnly?: boolean;
}

export function UnknownUnitTab({ units, registry, toCreate, setToCreate, selected, onSelect, apply, readOnly }: Props) {
  if (!units.length) return <Empty description="所有单位均已对应到单位库" />;
  const unmapped = units.filter((u) => u.mappedUnitId === null).map((u) => u.name);
  const toggle = (name: string, on: boolean) => {
    const next = new Set(toCreate);
    if (on) next.add(name);
    else next.delete(name);
    setToCreate(next);
  };
  return (
    <div>
      <div className="toolbar" style={{ marginBottom: 8 }}>
        <span className="muted">共 {units.length} 个,未处理 {unmapped.filter((n) => !toCreate.has(n)).length} 个。</span>
        <Button size="small" onClick={() => setToCreate(new Set(unmapped))} disabled={!unmapped.length}>
          其余全部新建
        </Button>
      </div>
      <Table<UnknownUnit>
        rowKey="name"
        size="small"
        dataSource={units}
        pagination={false}
        rowClassName={(r) => (r.name === selected ? 'row-selected clickable-row' : 'clickable-row')}
        onRow={(r) => ({ onClick: () => onSelect(r.name), onKeyDown: (e) => e.key === 'Enter' && e.target === e.currentTarget && onSelect(r.name), tabIndex: 0 })}
        columns={[
          {
            title: '识别出的名称',
            dataIndex: 'name',
            render: (v: string, r) => (
              <div>
                <div>{v}</div>
                {r.raws.some((x) => x !== v) && <div className="muted" style={{ fontSize: 12 }}>原文:{r.raws.join('、')}</div>}
              </div>
            ),
          },
          { title: '次数', dataIndex: 'count', width: 56, align: 'right' },
          {
            title: '对应单位库',
            key: 'map',
            width: 220,
            render: (_, r) => (
              <div onClick={(e) => e.stopPropagation()}>
                <Select
                  aria-label={`${r.name} 对应的单位`}
                  size="small"
                  style={{ width: '100%' }}
                  allowClear
                  disabled={readOnly}
                  placeholder="选择已有单位"
                  value={r.mappedUnitId ?? undefined}
                  showSearch={{ optionFilterProp: 'label' }}
                  options={registry.map((u) => ({ value: u.id, label: `${u.name}(${u.regionName})` }))}
                  onChange={(v) => {
                    toggle(r.name, false);
                    apply([{ op: 'mapUnit', name: r.name, unitId: v ?? null }]).catch(() => undefined);
                  }}
                />
              </div>
            ),
          },
          {
            title: '处理',
            key: 'create',
            width: 96,
            render: (_, r) =>
              r.mappedUnitId !== null ? (
                <Tag color="green">已对应</Tag>
              ) : (
                <span onClick={(e) => e.stopPropagation()}>
                  <Checkbox disabled={readOnly} checked={toCreate.has(r.name)} onChange={(e) => toggle(r.name, e.target.checked)}>
                    新建
                  </Checkbox>
                </span>
              ),
          },
        ]}
      />
    </div>
  );
}
