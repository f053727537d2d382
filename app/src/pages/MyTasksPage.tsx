// 我的任务: tasks where my unit leads, is responsible or cooperates.
import { useEffect, useState } from 'react';
import { Alert, Input, Segmented, Table, Tag } from 'antd';
import type { Task } from '../../../shared/api';
import { api, type TaskRole } from '../api';
import { useMe } from '../auth';
import { deadline } from '../format';
import { taskRoleColors, taskRoleLabels } from '../labels';
import { TaskDrawer, useTaskDrawer } from '../task/TaskDrawer';
import { TaskProgress } from '../plan/TaskProgress';
import { TaskUnits } from '../plan/TaskUnits';
import { useRequest } from '../useRequest';

export default function MyTasksPage() {
  const me = useMe();
  const [role, setRole] = useState<TaskRole | ''>('');
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const drawer = useTaskDrawer();
  useEffect(() => setPage(1), [role, q]);
  const tasks = useRequest(['myTasks', role, q, page, pageSize], () => api.myTasks({ role: role || undefined, q: q || undefined, page, pageSize }));
  const plans = useRequest(['plans', 'all'], () => api.plans({ pageSize: 100 }));
  const planTitle = new Map((plans.data?.items ?? []).map((p) => [p.id, p.title]));

  // this unit's role(s) on a task; listed for a town only through a 各镇街 mention: its role is that mention's
  const myRoleTags = (t: Task) => {
    const named = t.units.filter((u) => u.unitId === me.unitId);
    const mine = named.length ? named : t.units.filter((u) => u.scope === 'all_towns');
    return [...new Set(mine.map((u) => u.role))].map((r) => (
      <Tag key={r} color={taskRoleColors[r]}>
        {taskRoleLabels[r]}
        {!named.length && '(各镇街)'}
      </Tag>
    ));
  };
  return (
    <section>
      <div className="page-head">
        <h2>我的任务{me.unitName ? ` · ${me.unitName}` : ''}</h2>
        <div className="toolbar">
          <Segmented
            value={role}
            onChange={(v) => setRole(v as TaskRole | '')}
            options={[{ value: '', label: '全部' }, ...(['lead', 'responsible', 'cooperating'] as const).map((r) => ({ value: r, label: `作为${taskRoleLabels[r]}` }))]}
          />
          <Input.Search allowClear placeholder="搜索任务" aria-label="搜索任务" style={{ width: 240 }} onSearch={(v) => setQ(v.trim())} />
        </div>
      </div>
      {!me.unitId && <Alert type="info" showIcon style={{ marginBottom: 12 }} title="您的账号未关联单位,因此没有本单位任务。" />}
      <Table<Task>
        rowKey="id"
        size="middle"
        loading={tasks.loading}
        dataSource={tasks.data?.items ?? []}
        locale={{ emptyText: '暂无本单位任务' }}
        pagination={{ current: page, pageSize, total: tasks.data?.total ?? 0, showSizeChanger: true, showTotal: (t) => `共 ${t} 项`, onChange: (p, s) => (setPage(p), setPageSize(s)) }}
        rowClassName="clickable-row"
        onRow={(t) => ({ onClick: () => drawer.open(t.id), onKeyDown: (e) => e.key === 'Enter' && drawer.open(t.id), tabIndex: 0 })}
        columns={[
          {
            title: '任务',
            key: 'title',
            render: (_, t) => (
              <div>
                <div className="clamp-2">{t.title}</div>
                <div className="muted" style={{ fontSize: 12 }}>
                  {planTitle.get(t.planId) ?? ''}
                  {t.chapter ? ` · ${t.chapter}` : ''}
                </div>
                <div className="phone-only">
                  {myRoleTags(t)}
                  {t.deadline ? <span className="muted">时限{deadline(t.deadline)}</span> : null}
                </div>
              </div>
            ),
          },
          {
            title: '本单位角色',
            key: 'myRole',
            width: 110,
            responsive: ['md'],
            render: (_, t) => myRoleTags(t),
          },
          { title: '牵头单位', key: 'lead', width: 160, responsive: ['md'], render: (_, t) => <TaskUnits task={t} role="lead" highlight={me.unitId} /> },
          { title: '时限', dataIndex: 'deadline', width: 110, responsive: ['md'], render: (d: string | null) => deadline(d) },
          { title: '进度/状态', key: 'progress', width: 120, render: (_, t) => <TaskProgress progress={t.progress} status={t.status} /> },
        ]}
      />
      <TaskDrawer id={drawer.id} onClose={drawer.close} />
    </section>
  );
}
