// One task: where it stands in the plan, the original wording, its units by role, and its history.
import { useEffect, useState } from 'react';
import { App, Button, Descriptions, Popconfirm, Result, Skeleton, Space, Tag } from 'antd';
import { DeleteOutlined, EditOutlined, FileTextOutlined, PlusOutlined } from '@ant-design/icons';
import type { Unit } from '../../../shared/api';
import { Link } from 'react-router-dom';
import { api } from '../api';
import { useMe } from '../auth';
import { deadline } from '../format';
import { taskRoleLabels } from '../labels';
import { canReadAudit } from '../permissions';
import { TaskFormModal, type TaskFormValues } from './TaskFormModal';
import type { TaskDetail } from '../api';
import './task.css';
import { SubtaskFormModal } from './SubtaskFormModal';
import { TaskUnits } from '../plan/TaskUnits';
import { TaskProgress } from '../plan/TaskProgress';
import { loadUnits } from '../unitsCache';
import { useRequest } from '../useRequest';
import { HistoryTimeline } from './HistoryTimeline';
import { SameWorkLinks } from '../sameWork/SameWorkLinks';

interface Props {
  taskId: number;
  showPlanLink?: boolean;
  /** after a change or removal, so the list behind can refresh */
  onChanged?: () => void;
  onDeleted?: () => void;
}

export function TaskDetailView({ taskId, showPlanLink = true, onChanged, onDeleted }: Props) {
  const me = useMe();
  const { message } = App.useApp();
  const [editing, setEditing] = useState(false);
  const [splitting, setSplitting] = useState(false);
  const [registry, setRegistry] = useState<Unit[]>([]);
  const task = useRequest(['task', taskId], () => api.task(taskId));
  const history = useRequest(['task', 'history', taskId], () => (canReadAudit(me) ? api.taskHistory(taskId) : Promise.resolve({ items: [] })));
  const [names, setNames] = useState<Map<number, string>>(new Map());
  useEffect(() => {
    loadUnits().then((us) => {
      setRegistry(us);
      setNames(new Map(us.map((u) => [u.id, u.name])));
    }, () => undefined);
  }, []);

  if (task.loading && !task.data) return <Skeleton active />;
  const t = task.data;
  if (!t) return <Result status="warning" title="无法加载该任务" />;
  return (
    <div>
      <h3 style={{ marginTop: 0, lineHeight: 1.6 }}>{t.title}</h3>
      {/* what the server says this user may do to this task (policy.ts taskRights), not what the role could do somewhere */}
      {t.can.split && !t.can.manage && (
        <Button icon={<PlusOutlined />} style={{ marginBottom: 12 }} onClick={() => setSplitting(true)}>
          分解子任务
        </Button>
      )}
      <SubtaskFormModal
        open={splitting}
        onCancel={() => setSplitting(false)}
        onSubmit={async (v) => {
          await api.createSubtask(t.id, { ...v });
          message.success('子任务已新增');
          setSplitting(false);
          onChanged?.();
        }}
      />
      {t.can.manage && (
        <Space style={{ marginBottom: 12 }}>
          <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
            修改任务
          </Button>
          <Popconfirm
            title="删除这项任务?"
            description="删除后不可恢复,修改记录仍会保留。"
            okText="删除"
            cancelText="取消"
            onConfirm={() =>
              api.deleteTask(t.id).then(() => {
                message.success('任务已删除');
                onDeleted?.();
              }, () => undefined)
            }
          >
            <Button danger icon={<DeleteOutlined />}>
              删除
            </Button>
          </Popconfirm>
        </Space>
      )}
      <TaskFormModal
        open={editing}
        task={t}
        units={registry}
        onCancel={() => setEditing(false)}
        onSubmit={async (v) => {
          // send only what changed: the PATCH contract leaves every field it is not given alone
          const patch = taskPatch(t, v);
          if (Object.keys(patch).length) {
            task.setData(await api.updateTask(t.id, { ...patch, version: t.version }));
            message.success('任务已保存');
            history.reload();
            onChanged?.();
          }
          setEditing(false);
        }}
      />
      <Descriptions size="small" column={1} bordered styles={{ label: { width: 110, whiteSpace: 'nowrap' } }}>
        <Descriptions.Item label="所属规划">{showPlanLink ? <Link to={`/plans/${t.planId}`}>{t.planTitle}</Link> : t.planTitle}</Descriptions.Item>
        {t.chapter && <Descriptions.Item label="所属章节">{t.chapter}</Descriptions.Item>}
        {(['lead', 'responsible', 'cooperating'] as const).map((r) => (
          <Descriptions.Item key={r} label={taskRoleLabels[r]}>
            <TaskUnits task={t} role={r} highlight={me.unitId} />
          </Descriptions.Item>
        ))}
        {t.leaders.length > 0 && <Descriptions.Item label="牵头领导">{t.leaders.join('、')}</Descriptions.Item>}
        <Descriptions.Item label="具体负责人">{t.assignee ?? <span className="muted">未指定</span>}</Descriptions.Item>
        <Descriptions.Item label="目标">{t.targetText ?? <span className="muted">未填写</span>}</Descriptions.Item>
        <Descriptions.Item label="完成标准">{t.standard ?? <span className="muted">未填写</span>}</Descriptions.Item>
        <Descriptions.Item label="完成时限">
          {t.startDate && `${deadline(t.startDate)} 至 `}
          {deadline(t.deadline)}
          {t.deadlineText && <span className="muted">(原文:{t.deadlineText})</span>}
        </Descriptions.Item>
        {t.weight !== 1 && <Descriptions.Item label="权重">{t.weight}</Descriptions.Item>}
        <Descriptions.Item label="进度/状态">
          <TaskProgress progress={t.progress} status={t.status} />
        </Descriptions.Item>
        {t.parentTaskId && (
          <Descriptions.Item label="上级任务">
            <Link to={`/tasks/${t.parentTaskId}`}>
              <Tag>查看上级任务</Tag>
            </Link>
          </Descriptions.Item>
        )}
      </Descriptions>
      <h4 style={{ margin: '16px 0 8px' }}>
        规划原文
        {t.source && (
          <Link className="task-source-link" to={`/plans/${t.planId}?tab=source&item=task-${t.id}`} state={{ focus: Date.now() }}>
            <FileTextOutlined /> 查看原文
          </Link>
        )}
      </h4>
      {t.quote ? <blockquote className="quote">{t.quote.trim()}</blockquote> : <div className="muted">{t.text || '(无原文对应,该任务为手工新增)'}</div>}
      <SameWorkLinks kind="task" id={t.id} />
      {canReadAudit(me) && (
        <>
          <h4 style={{ margin: '16px 0 8px' }}>修改记录</h4>
          {history.loading ? <Skeleton active paragraph={{ rows: 2 }} /> : <HistoryTimeline events={history.data?.items ?? []} unitNames={names} />}
        </>
      )}
    </div>
  );
}

/** The fields of the form that differ from the saved task (units compared as a set of role:unit). */
export function taskPatch(t: TaskDetail, v: TaskFormValues): Partial<TaskFormValues> {
  const patch: Record<string, unknown> = {};
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  const saved: Record<string, unknown> = {
    title: t.title, text: t.text, deadline: t.deadline, deadlineText: t.deadlineText, startDate: t.startDate, assignee: t.assignee,
    leaders: t.leaders, targetText: t.targetText, standard: t.standard, weight: t.weight, outlineNodeId: t.outlineNodeId,
  };
  for (const [k, before] of Object.entries(saved)) {
    const after = (v as unknown as Record<string, unknown>)[k];
    if (k === 'outlineNodeId' && after === undefined) continue;
    if (!same(before, after)) patch[k] = after;
  }
  const key = (us: { unitId: number | null; role: string }[]) => us.filter((u) => u.unitId !== null).map((u) => `${u.role}:${u.unitId}`).sort();
  if (!same(key(v.units), key(t.units))) patch.units = v.units;
  return patch as Partial<TaskFormValues>;
}
