// A plan's tasks, filtered by unit, role, chapter and text, paged on the server.
import { useEffect, useState, type ReactNode } from 'react';
import { Input, Select, Table } from 'antd';
import type { Task, Unit } from '../../../shared/api';
import { api, type TaskRole } from '../api';
import { deadline } from '../format';
import { taskRoleLabels } from '../labels';
import { useInvalidate, useRequest } from '../useRequest';
import { TaskUnits } from './TaskUnits';
import { TaskProgress } from './TaskProgress';
import { Button } from 'antd';
import { BulkAssignModal } from '../bulk/BulkAssignModal';
import { colorPhrase, TASK_STATE_LABELS } from '../../../shared/statusWords';

interface Props {
  planId: number;
  /** the plan's region: 批量指派 offers its units and those of the regions below it */
  regionId: number | null;
  outlineNodeId: number | null;
  chapterLabel: string | null;
  onClearChapter: () => void;
  onOpenTask: (id: number) => void;
  units: Unit[];
  /** toolbar extras, e.g. 新增任务 */
  extra?: ReactNode;
  /** the office may select tasks and assign them in bulk (批量指派) */
  assignable?: boolean;
}

/** Computed status, as the server filters it: a colour or a state, in the words of shared/statusWords.ts. */
const statusFilterOptions = [
  ...(['red', 'yellow', 'green', 'blue'] as const).map((c) => ({ value: c, label: colorPhrase(c) })),
  ...(['awaiting_review', 'not_reported', 'nothing_due'] as const).map((s) => ({ value: s, label: TASK_STATE_LABELS[s] })),
];

export function PlanTaskTable({ planId, regionId, outlineNodeId, chapterLabel, onClearChapter, onOpenTask, units, extra, assignable }: Props) {
  const [selected, setSelected] = useState<number[]>([]);
  const [assigning, setAssigning] = useState(false);
  const invalidate = useInvalidate();
  const [unitId, setUnitId] = useState<number | undefined>();
  const [role, setRole] = useState<TaskRole | undefined>();
  const [status, setStatus] = useState<string | undefined>();
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  useEffect(() => setPage(1), [outlineNodeId, unitId, role, status, q]);
  const { data, loading } = useRequest(['tasks', 'planPage', planId, unitId, role, status, outlineNodeId, q, page, pageSize], () => api.planTasks(planId, { unitId, role, status, outlineNodeId: outlineNodeId ?? undefined, q: q || undefined, page, pageSize }));

  return (
    <div>
      <div className="toolbar" style={{ margin: '4px 0 8px' }}>
        <Select
          aria-label="按单位筛选"
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder="全部单位"
          style={{ width: 200 }}
          value={unitId}
          onChange={setUnitId}
          options={units.map((u) => ({ value: u.id, label: u.name }))}
        />
        <Select
          aria-label="按角色筛选"
          allowClear
          placeholder="全部角色"
          style={{ width: 120 }}
          value={role}
          onChange={setRole}
          options={Object.entries(taskRoleLabels).map(([value, label]) => ({ value, label }))}
        />
        <Select
          aria-label="按状态筛选"
          allowClear
          placeholder="全部状态"
          popupMatchSelectWidth={false}
          style={{ width: 130 }}
          value={status}
          onChange={setStatus}
          options={statusFilterOptions}
        />
        <Input.Search allowClear placeholder="搜索任务内容" aria-label="搜索任务" style={{ width: 220 }} onSearch={(v) => setQ(v.trim())} />
        {extra}
        {assignable && (
          <Button disabled={!selected.length} onClick={() => setAssigning(true)}>
            批量指派{selected.length ? `(${selected.length})` : ''}
          </Button>
        )}
        {chapterLabel && (
          <span className="muted">
            章节:{chapterLabel.slice(0, 24)}{' '}
            <a onClick={onClearChapter} role="button" tabIndex={0} onKeyDown={(e) => e.key === 'Enter' && onClearChapter()}>
              清除
            </a>
          </span>
        )}
      </div>
      <Table<Task>
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={data?.items ?? []}
        locale={{ emptyText: '没有符合条件的任务' }}
        scroll={{ y: 'calc(100vh - 330px)' }}
        pagination={{ current: page, pageSize, total: data?.total ?? 0, showSizeChanger: true, size: 'small', showTotal: (t) => `共 ${t} 项`, onChange: (p, s) => (setPage(p), setPageSize(s)) }}
        rowClassName="clickable-row"
        rowSelection={assignable ? { selectedRowKeys: selected, preserveSelectedRowKeys: true, onChange: (keys) => setSelected(keys as number[]), columnWidth: 36 } : undefined}
        onRow={(t) => ({ onClick: (e) => !(e.target as HTMLElement).closest('.ant-table-selection-column') && onOpenTask(t.id), onKeyDown: (e) => e.key === 'Enter' && onOpenTask(t.id), tabIndex: 0 })}
        columns={[
          {
            title: '任务',
            key: 'title',
            render: (_, t) => (
              <div>
                <div className="clamp-2">{t.title}</div>
                {t.chapter && <div className="muted clamp-2" style={{ fontSize: 12 }}>{t.chapter}</div>}
              </div>
            ),
          },
          { title: '牵头单位', key: 'lead', width: 140, render: (_, t) => <TaskUnits task={t} role="lead" highlight={unitId} /> },
          { title: '责任单位', key: 'responsible', width: 170, render: (_, t) => <TaskUnits task={t} role="responsible" highlight={unitId} /> },
          { title: '配合单位', key: 'cooperating', width: 140, render: (_, t) => <TaskUnits task={t} role="cooperating" highlight={unitId} /> },
          { title: '时限', dataIndex: 'deadline', width: 96, render: (d: string | null) => deadline(d) },
          { title: '进度/状态', key: 'progress', width: 120, render: (_, t) => <TaskProgress progress={t.progress} status={t.status} /> },
        ]}
      />
      {assignable && (
        <BulkAssignModal
          planId={planId}
          regionId={regionId}
          taskIds={selected}
          units={units}
          open={assigning}
          onClose={() => setAssigning(false)}
          onDone={() => {
            setAssigning(false);
            setSelected([]);
            // the tasks' lists here and elsewhere, and the office's count of tasks without units
            void invalidate(['tasks'], ['task'], ['home']);
          }}
        />
      )}
    </div>
  );
}
