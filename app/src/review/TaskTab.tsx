// 任务 tab of the import review: every parsed task with its units; select, edit, remove, add.
import { useEffect, useMemo, useState } from 'react';
import { Button, Input, Popconfirm, Space, Table, Tooltip } from 'antd';
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import type { Unit } from '../../../shared/api';
import type { ImportCorrection, TaskRole } from '../api';
import type { OutlineNode, ParsedTask } from '../../../shared/parsedPlan';
import { deadline } from '../format';
import { TaskEditModal } from './TaskEditModal';
import { UnitTags } from './UnitTags';
import { scrollRowIntoView } from './scrollRow';
import { withOps } from './columns';

const PAGE = 20;

interface Props {
  tasks: ParsedTask[];
  outline: OutlineNode[];
  registry: Unit[];
  selectedId: string | null;
  onSelect: (id: string) => void;
  onSelectUnit: (taskId: string, role: TaskRole, index: number) => void;
  apply: (c: ImportCorrection[]) => Promise<void>;
  readOnly?: boolean;
  /** text the reviewer selected in the original, offered as a new task */
  textSelection: { start: number; end: number; text: string } | null;
}

export function TaskTab({ tasks, outline, registry, selectedId, onSelect, onSelectUnit, apply, readOnly, textSelection }: Props) {
  const [page, setPage] = useState(1);
  const [q, setQ] = useState('');
  const [editing, setEditing] = useState<Partial<ParsedTask> | null>(null);
  const outlineById = useMemo(() => new Map(outline.map((o) => [o.id, o])), [outline]);
  const rows = useMemo(() => {
    const s = q.trim();
    if (!s) return tasks;
    return tasks.filter((t) => t.title.includes(s) || t.text.includes(s) || [...t.lead, ...t.responsible, ...t.cooperating].some((u) => u.name.includes(s) || u.raw.includes(s)));
  }, [tasks, q]);

  // follow a selection made in the text: open its page and bring the row into view
  useEffect(() => {
    if (!selectedId) return;
    const i = rows.findIndex((t) => t.id === selectedId);
    if (i < 0) return;
    setPage(Math.floor(i / PAGE) + 1);
    scrollRowIntoView(selectedId);
  }, [selectedId, rows]);

  const addFromSelection = () => {
    if (!textSelection) return;
    const text = textSelection.text.trim();
    const containing = [...outline].reverse().find((o) => o.source.start <= textSelection.start);
    setEditing({ title: text.slice(0, 60), text, source: { start: textSelection.start, end: textSelection.end }, outlineId: containing?.id ?? null, deadline: null, lead: [], responsible: [], cooperating: [] });
  };

  return (
    <div>
      <div className="toolbar" style={{ marginBottom: 8 }}>
        <Input.Search allowClear placeholder="筛选任务或单位" aria-label="筛选任务" style={{ width: 220 }} onSearch={setQ} onChange={(e) => !e.target.value && setQ('')} />
        {!readOnly && (
          <>
        <Button icon={<PlusOutlined />} onClick={() => setEditing({ title: '', text: '', outlineId: null, deadline: null, lead: [], responsible: [], cooperating: [] })}>
          新增任务
        </Button>
        <Tooltip title={textSelection ? `“${textSelection.text.slice(0, 30)}…”` : '先在左侧原文中选中一段文字'}>
          <Button disabled={!textSelection} onClick={addFromSelection}>
            以选中原文新增
          </Button>
        </Tooltip>
          </>
        )}
        <span className="muted">共 {tasks.length} 项</span>
      </div>
      <Table<ParsedTask>
        rowKey="id"
        size="small"
        dataSource={rows}
        pagination={{ current: page, pageSize: PAGE, onChange: setPage, showSizeChanger: false, size: 'small', showTotal: (t) => `${t} 项` }}
        rowClassName={(r) => (r.id === selectedId ? 'row-selected clickable-row' : 'clickable-row')}
        onRow={(r) => ({
          onClick: () => onSelect(r.id),
          onKeyDown: (e) => {
            if (e.key === 'Enter' && e.target === e.currentTarget) onSelect(r.id);
          },
          tabIndex: 0,
          'aria-selected': r.id === selectedId,
        })}
        locale={{ emptyText: '没有识别到任务' }}
        columns={withOps<ParsedTask>([
          {
            title: '任务',
            key: 'title',
            render: (_, t) => {
              const o = t.outlineId ? outlineById.get(t.outlineId) : undefined;
              return (
                <div>
                  <div className="clamp-2">{t.title}</div>
                  {o && <div className="muted" style={{ fontSize: 12 }}>{`${o.marker}${o.title}`.slice(0, 30)}</div>}
                  {/* the 时限 column is hidden on a phone: the deadline goes under the title */}
                  {t.deadline && (
                    <div className="muted phone-only" style={{ fontSize: 12 }}>
                      时限:{deadline(t.deadline)}
                    </div>
                  )}
                </div>
              );
            },
          },
          {
            title: '牵头 / 责任 / 配合单位',
            key: 'units',
            width: '42%',
            render: (_, t) => (
              <div style={{ fontSize: 12 }}>
                {t.lead.length > 0 && (
                  <div>
                    <span className="muted">牵头:</span>
                    <UnitTags units={t.lead} onPick={(i) => onSelectUnit(t.id, 'lead', i)} />
                  </div>
                )}
                <div>
                  <span className="muted">责任:</span>
                  <UnitTags units={t.responsible} onPick={(i) => onSelectUnit(t.id, 'responsible', i)} />
                </div>
                {t.cooperating.length > 0 && (
                  <div>
                    <span className="muted">配合:</span>
                    <UnitTags units={t.cooperating} onPick={(i) => onSelectUnit(t.id, 'cooperating', i)} />
                  </div>
                )}
              </div>
            ),
          },
          { title: '时限', dataIndex: 'deadline', width: 92, responsive: ['md'], render: (d: string | null, t) => <span title={t.deadlineText ?? undefined}>{deadline(d)}</span> },
          {
            title: '操作',
            key: 'op',
            width: 76,
            render: (_, t) => (
              <Space size={0} onClick={(e) => e.stopPropagation()}>
                <Tooltip title="修改">
                  <Button type="text" size="small" icon={<EditOutlined />} aria-label="修改任务" onClick={() => setEditing(t)} />
                </Tooltip>
                <Popconfirm title="删除这项任务?" description="确认导入时不会生成该任务。" okText="删除" cancelText="取消" onConfirm={() => apply([{ op: 'removeTask', taskId: t.id }]).catch(() => undefined)}>
                  <Button type="text" size="small" danger icon={<DeleteOutlined />} aria-label="删除任务" />
                </Popconfirm>
              </Space>
            ),
          },
        ], readOnly)}
      />
      <TaskEditModal
        open={!!editing}
        task={editing}
        outline={outline}
        registry={registry}
        onCancel={() => setEditing(null)}
        onSubmit={async (c) => {
          await apply(c);
          setEditing(null);
        }}
      />
    </div>
  );
}
