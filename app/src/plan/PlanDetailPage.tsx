// 规划详情: outline on the left; tasks, indicators, projects and targets on the right.
import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { App, Button, Result, Select, Space, Tabs, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useLocation, useParams, useSearchParams } from 'react-router-dom';
import type { Unit } from '../../../shared/api';
import { api } from '../api';
import { useMe } from '../auth';
import { PageLoading } from '../components/PageLoading';
import { period } from '../format';
import { label, planLevelLabels, planStatusColors, planStatusLabels } from '../labels';
import { canReadAudit, seesTakeUp } from '../permissions';
import { PlanHistoryButton } from './PlanHistoryButton';
import { PublishControl } from './PublishPlanModal';
import { TaskDrawer, useTaskDrawer } from '../task/TaskDrawer';
import { loadUnits } from '../unitsCache';
import { useInvalidate, useRequest } from '../useRequest';
import { OutlineTree } from './OutlineTree';
import { PlanSourceTab } from './PlanSourceTab';
import { PlanTaskTable } from './PlanTaskTable';
import { ProjectList } from './ProjectList';
import { TargetTable } from './TargetTable';
import { TakeUpTab } from './TakeUpTab';
import { SameWorkTab } from '../sameWork/SameWorkTab';
import { sameWorkApi } from '../sameWork/sameWorkApi';

// the charts (ECharts) load only when the 指标 tab is opened
const IndicatorTable = lazy(() => import('./IndicatorTable'));
// the new-task form (date pickers, unit picker) loads the first time 新增任务 is pressed
const TaskFormModal = lazy(() => import('../task/TaskFormModal').then((m) => ({ default: m.TaskFormModal })));

const EMPTY: never[] = [];

export default function PlanDetailPage() {
  const id = Number(useParams().id);
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') ?? 'tasks';
  // 原文 tab: the selected item (?item=task-12) and, in the navigation state, a request to scroll to it
  const item = params.get('item');
  const scrollNonce = (useLocation().state as { focus?: number } | null)?.focus;
  const plan = useRequest(['plan', id], () => api.plan(id));
  const indicators = useRequest(['planIndicators', id], () => api.planIndicators(id));
  // the same indicators in the region's other plans (issue #13), marked in the indicator table
  const sameWork = useRequest(['sameWork', 'planIfSeen', id, tab === 'indicators'], () => (seesTakeUp(me) ? sameWorkApi.ofPlan(id).catch(() => null) : Promise.resolve(null)));
  const projects = useRequest(['planProjects', id], () => api.planProjects(id));
  const targets = useRequest(['planTargets', id], () => api.planTargets(id));
  const [units, setUnits] = useState<Unit[]>([]);
  const [chapter, setChapter] = useState<number | null>(null);
  const drawer = useTaskDrawer();
  const { message } = App.useApp();
  // a task added, changed or removed: the plan's task lists (table and 原文), its count and the home pages are read again
  const invalidate = useInvalidate();
  const tasksChanged = () => invalidate(['tasks'], ['plan', id], ['task'], ['home']);
  const [adding, setAdding] = useState(false);
  // once opened, the form stays mounted so that closing it animates like any modal
  const [formLoaded, setFormLoaded] = useState(false);
  if (adding && !formLoaded) setFormLoaded(true);
  useEffect(() => {
    loadUnits().then(setUnits, () => undefined);
  }, []);
  const chapterNode = useMemo(() => plan.data?.outline.find((n) => n.id === chapter) ?? null, [plan.data, chapter]);

  if (plan.loading && !plan.data) return <PageLoading tip="正在加载规划…" />;
  const p = plan.data;
  if (!p) return <Result status="warning" title="无法加载该规划" extra={<Link to="/plans">返回规划列表</Link>} />;
  // office actions on this plan (状态, 预览并公开, 新增任务, assigning units) only when policy says this user may use
  // them here (the plan's `can`): a town's office reading its district's plan has the office role but manages nothing
  const manage = p.can.manage;

  const setTab = (k: string) => {
    const next = new URLSearchParams(params);
    next.set('tab', k);
    setParams(next, { replace: true });
  };
  const selectInSource = (key: string | null, opts: { scroll?: boolean; openTask?: number } = {}) => {
    const next = new URLSearchParams(params);
    next.set('tab', 'source');
    if (key) next.set('item', key);
    else next.delete('item');
    if (opts.openTask) next.set('task', String(opts.openTask));
    setParams(next, { replace: !opts.openTask, state: opts.scroll ? { focus: Date.now() } : null });
  };
  const change = (patch: { status?: string }) =>
    api.updatePlan(id, { ...patch, version: plan.data?.version }).then((d) => plan.setData(d), () => plan.reload());

  return (
    <div className="plan-detail">
      <div className="plan-meta">
        <h2>{p.title}</h2>
        <Space wrap size={6}>
          {p.regionName && <Tag>{p.regionName}</Tag>}
          {p.level && <Tag>{label(planLevelLabels, p.level)}</Tag>}
          {p.type && <Tag>{p.type}</Tag>}
          <Tag>{period(p.periodStart, p.periodEnd)}</Tag>
          <span className="muted">
            任务 {p.taskCount} 项 · 指标 {p.indicatorCount} 项{p.progress !== null ? ` · 总体进度 ${p.progress.toFixed(1)}%` : ''}
          </span>
          <span style={{ width: 12 }} />
          {manage ? (
            <>
              <span className="muted">状态</span>
              <Select
                size="small"
                aria-label="规划状态"
                value={p.status}
                style={{ width: 100 }}
                onChange={(v) => change({ status: v })}
                options={Object.entries(planStatusLabels).map(([value, l]) => ({ value, label: l }))}
              />
              <PublishControl planId={id} published={p.published} onChanged={(d) => plan.setData(d)} />
            </>
          ) : (
            <>
              <Tag color={planStatusColors[p.status]}>{label(planStatusLabels, p.status)}</Tag>
              {p.published && <Tag color="green">已公开</Tag>}
            </>
          )}
          {canReadAudit(me) && <PlanHistoryButton planId={id} version={`${p.status}-${p.published}-${p.title}`} />}
        </Space>
      </div>
      <div className="plan-body">
        <aside className="plan-outline" aria-label="提纲">
          <div style={{ fontWeight: 500, padding: '4px 4px 8px' }}>规划提纲</div>
          <OutlineTree
            outline={p.outline}
            selected={chapter}
            onSelect={(n) => {
              // reading the original: jump to the heading; otherwise filter the tasks by chapter
              if (tab === 'source') return selectInSource(n === null ? null : `outline-${n}`, { scroll: true });
              setChapter(n);
              if (tab !== 'tasks') setTab('tasks');
            }}
          />
        </aside>
        <div className="plan-main">
          <Tabs
            activeKey={tab}
            onChange={setTab}
            items={[
              {
                key: 'tasks',
                label: `任务(${p.taskCount})`,
                children: (
                  <PlanTaskTable
                    planId={id}
                    regionId={p.regionId}
                    outlineNodeId={chapter}
                    chapterLabel={chapterNode ? `${chapterNode.marker}${chapterNode.title}` : null}
                    onClearChapter={() => setChapter(null)}
                    onOpenTask={drawer.open}
                    units={units}
                    assignable={manage}
                    extra={
                      manage && (
                        <Button icon={<PlusOutlined />} onClick={() => setAdding(true)}>
                          新增任务
                        </Button>
                      )
                    }
                  />
                ),
              },
              { key: 'indicators', label: `指标(${indicators.data?.items.length ?? p.indicatorCount})`, children: (
                  <Suspense fallback={<PageLoading tip="正在加载指标图表…" />}>
                    <IndicatorTable items={indicators.data?.items ?? []} loading={indicators.loading} sameWork={sameWork.data ?? null} />
                  </Suspense>
                ),
              },
              { key: 'projects', label: `项目(${projects.data?.items.length ?? 0})`, children: <ProjectList items={projects.data?.items ?? []} /> },
              { key: 'targets', label: `目标(${targets.data?.items.length ?? 0})`, children: <TargetTable items={targets.data?.items ?? []} loading={targets.loading} /> },
              ...(seesTakeUp(me) ? [{ key: 'take-up', label: p.regionLevel === 'district' ? '镇街落实' : '区县落实', children: <TakeUpTab planId={id} /> }] : []),
              ...(seesTakeUp(me) ? [{ key: 'same-work', label: '相同工作', children: <SameWorkTab planId={id} /> }] : []),
              {
                key: 'source',
                label: '原文',
                children: (
                  <PlanSourceTab
                    planId={id}
                    outline={p.outline}
                    indicators={indicators.data?.items ?? EMPTY}
                    targets={targets.data?.items ?? EMPTY}
                    projects={projects.data?.items ?? EMPTY}
                    selected={item}
                    scrollNonce={scrollNonce}
                    onSelect={selectInSource}
                    onShowList={setTab}
                  />
                ),
              },
            ]}
          />
        </div>
      </div>
      <TaskDrawer id={drawer.id} onClose={drawer.close} showPlanLink={false} onChanged={() => void tasksChanged()} />
      {formLoaded && (
        <Suspense fallback={null}>
          <TaskFormModal
            open={adding}
            task={null}
            outline={p.outline}
            units={units}
            onCancel={() => setAdding(false)}
            onSubmit={async (v) => {
              const t = await api.createTask(id, { ...v, outlineNodeId: v.outlineNodeId ?? chapter });
              message.success('任务已新增');
              setAdding(false);
              void tasksChanged();
              drawer.open(t.id);
            }}
          />
        </Suspense>
      )}
    </div>
  );
}
