// One project: its facts and status, the office's actions (edit, phase moves, links), the owner unit's monthly
// investment report form, the reports, and the history of its lists (per year) and phases.
import { useEffect, useState } from 'react';
import { Alert, App, Button, DatePicker, Descriptions, Drawer, Empty, Form, Input, InputNumber, Modal, Popconfirm, Select, Space, Table, Tabs, Tag, Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import { PROJECT_LIST_LABELS, PROJECT_PHASE_LABELS, PROJECT_PHASE_ORDER, type ProjectLinkKind, type ProjectPhase } from '../../../shared/projects';
import type { PlanDetail, PlanSummary, Task, Unit } from '../../../shared/api';
import { request } from '../api';
import { StatusLight } from '../run/StatusLight';
import { useRequest } from '../useRequest';
import { projectApi, type ProjectDetail } from './projectApi';

const wan = (v: number | null | undefined) => (v === null || v === undefined ? '—' : `${v.toLocaleString('zh-CN', { maximumFractionDigits: 2 })}万元`);
const linkKindLabel: Record<string, string> = { outline: '专栏/章节', task: '任务', indicator: '指标' };

/** the moves the server allows (domain/projectStatus.ts): one step on, one step back, or 终止 */
function nextPhases(p: ProjectPhase): ProjectPhase[] {
  if (p === 'completed' || p === 'terminated') return [];
  const i = PROJECT_PHASE_ORDER.indexOf(p);
  return [PROJECT_PHASE_ORDER[i + 1], ...(i > 0 ? [PROJECT_PHASE_ORDER[i - 1]] : []), 'terminated'];
}
const moveLabel = (v: string | null, kind: string) => (v === null ? '—' : kind === 'phase' ? (PROJECT_PHASE_LABELS[v as ProjectPhase] ?? v) : (PROJECT_LIST_LABELS[v as keyof typeof PROJECT_LIST_LABELS] ?? v));

export function ProjectDrawer({ id, onClose, onChanged, units }: { id: number | null; onClose: () => void; onChanged: () => void; units: Unit[] }) {
  const d = useRequest(['project', id], () => (id ? projectApi.detail(id) : Promise.resolve(undefined)));
  const reload = () => {
    d.reload();
    onChanged();
  };
  const data = d.data;
  return (
    <Drawer open={id !== null} onClose={onClose} width="min(760px, 100vw)" title={data?.project.name ?? '项目'} destroyOnHidden>
      {data && (
        <Tabs
          items={[
            { key: 'facts', label: '概况', children: <Facts data={data} reload={reload} units={units} /> },
            { key: 'reports', label: `投资报送(${data.reports.length})`, children: <Reports data={data} reload={reload} /> },
            { key: 'links', label: `关联事项(${data.links.length})`, children: <Links data={data} reload={reload} /> },
            { key: 'history', label: '库别与阶段历史', children: <History data={data} /> },
          ]}
        />
      )}
    </Drawer>
  );
}

function Facts({ data, reload, units }: { data: ProjectDetail; reload: () => void; units: Unit[] }) {
  const p = data.project;
  const { message } = App.useApp();
  const [terminate, setTerminate] = useState(false);
  const [reason, setReason] = useState('');
  const [editing, setEditing] = useState(false);
  const [form] = Form.useForm();
  const move = async (phase: ProjectPhase, why?: string) => {
    try {
      await projectApi.phase(p.id, { phase, reason: why, version: p.version });
      message.success(`已转为${PROJECT_PHASE_LABELS[phase]}`);
      setTerminate(false);
      reload();
    } catch {
      /* shown by the client */
    }
  };
  const save = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    try {
      await projectApi.update(p.id, {
        version: p.version, ownerUnitId: v.ownerUnitId ?? null, location: v.location || null, category: v.category || null, totalInvestment: v.totalInvestment ?? null,
        startDate: v.start ? v.start.format('YYYY-MM-DD') : null, finishDate: v.finish ? v.finish.format('YYYY-MM-DD') : null,
      });
      setEditing(false);
      reload();
    } catch {
      /* shown by the client */
    }
  };
  return (
    <>
      <div style={{ marginBottom: 12 }}><StatusLight status={p.status} /></div>
      <Descriptions size="small" column={{ xs: 1, sm: 2 }} bordered styles={{ label: { whiteSpace: 'nowrap' } }}>
        <Descriptions.Item label="阶段"><Tag>{PROJECT_PHASE_LABELS[p.phase]}</Tag>{p.phaseReason ? <span className="muted">{p.phaseReason}</span> : null}</Descriptions.Item>
        <Descriptions.Item label="库别">{PROJECT_LIST_LABELS[p.list]}{p.listYear ? `(${p.listYear}年)` : ''}</Descriptions.Item>
        <Descriptions.Item label="业主单位">{p.ownerUnitName ?? '未定'}</Descriptions.Item>
        <Descriptions.Item label="区域 / 地点">{[p.regionName, p.location].filter(Boolean).join(' · ') || '—'}</Descriptions.Item>
        <Descriptions.Item label="总投资">{wan(p.totalInvestment)}</Descriptions.Item>
        <Descriptions.Item label="本年计划投资">{wan(p.plannedInvestment)}</Descriptions.Item>
        <Descriptions.Item label="累计完成投资">{wan(p.completedInvestment)}</Descriptions.Item>
        <Descriptions.Item label="开工 / 竣工">{p.startDate ?? '—'} 至 {p.finishDate ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="形象进度" span={2}>{p.progressText ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="来源" span={2}>{p.planTitle ? `${p.planTitle}${p.column ? ` · ${p.column}` : ''}` : p.origin === 'excel' ? 'Excel导入' : '手工录入'}</Descriptions.Item>
        <Descriptions.Item label="建设内容" span={2}><Typography.Paragraph style={{ margin: 0 }} ellipsis={{ rows: 4, expandable: true }}>{p.text || '—'}</Typography.Paragraph></Descriptions.Item>
      </Descriptions>
      {data.canManage && (
        <div style={{ marginTop: 16 }}>
          <Typography.Text strong>规划办操作</Typography.Text>
          <div style={{ marginTop: 8 }}>
            <Space wrap>
              {nextPhases(p.phase).filter((x) => x !== 'terminated').map((x) => (
                <Popconfirm key={x} title={`将项目转为“${PROJECT_PHASE_LABELS[x]}”?`} onConfirm={() => move(x)}><Button>转为{PROJECT_PHASE_LABELS[x]}</Button></Popconfirm>
              ))}
              {nextPhases(p.phase).includes('terminated') && <Button danger onClick={() => setTerminate(true)}>终止项目</Button>}
              <Button onClick={() => { form.setFieldsValue({ ownerUnitId: p.ownerUnitId, location: p.location, category: p.category, totalInvestment: p.totalInvestment, start: p.startDate ? dayjs(p.startDate) : null, finish: p.finishDate ? dayjs(p.finishDate) : null }); setEditing(true); }}>修改信息</Button>
            </Space>
          </div>
        </div>
      )}
      <Modal title="终止项目" open={terminate} onCancel={() => setTerminate(false)} okText="终止" okButtonProps={{ danger: true, disabled: reason.trim().length < 2 }} onOk={() => move('terminated', reason.trim())} destroyOnHidden>
        <Input.TextArea rows={3} placeholder="请说明终止理由(必填)" aria-label="终止理由" value={reason} onChange={(e) => setReason(e.target.value)} />
      </Modal>
      <Modal title="修改项目信息" open={editing} onCancel={() => setEditing(false)} onOk={save} okText="保存" destroyOnHidden>
        <Form form={form} layout="vertical">
          <Form.Item name="ownerUnitId" label="业主单位"><Select allowClear showSearch optionFilterProp="label" options={units.map((u) => ({ value: u.id, label: u.name }))} /></Form.Item>
          <Space wrap>
            <Form.Item name="location" label="建设地点"><Input /></Form.Item>
            <Form.Item name="category" label="项目类别"><Input /></Form.Item>
          </Space>
          <Space wrap>
            <Form.Item name="totalInvestment" label="总投资(万元)"><InputNumber min={0} style={{ width: 160 }} /></Form.Item>
            <Form.Item name="start" label="计划开工"><DatePicker /></Form.Item>
            <Form.Item name="finish" label="计划竣工"><DatePicker /></Form.Item>
          </Space>
        </Form>
      </Modal>
    </>
  );
}

function Reports({ data, reload }: { data: ProjectDetail; reload: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const p = data.project;
  const open = data.canReport && ['preparation', 'scheduled', 'construction'].includes(p.phase);
  useEffect(() => {
    const mine = data.reports.find((r) => r.periodKey === data.currentPeriod.key);
    form.setFieldsValue({ period: data.currentPeriod.key, monthInvestment: mine?.monthInvestment ?? null, cumulativeInvestment: mine?.cumulativeInvestment ?? p.completedInvestment, progressText: mine?.progressText ?? '', note: mine?.note ?? '' });
  }, [data, form, p.completedInvestment]);
  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    const mine = data.reports.find((r) => r.periodKey === v.period);
    setBusy(true);
    setError(null);
    try {
      await request(`/api/projects/${p.id}/reports`, { method: 'POST', body: { period: v.period, monthInvestment: v.monthInvestment ?? null, cumulativeInvestment: v.cumulativeInvestment, progressText: v.progressText, note: v.note || null, version: mine?.version }, quiet: true });
      message.success('已报送');
      reload();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      {open && (
        <div className="project-report-form">
          <Typography.Text strong>报送{data.currentPeriod.label}投资进度</Typography.Text>
          <span className="muted">(截止 {data.currentPeriod.dueDate})</span>
          <Form form={form} layout="vertical" style={{ marginTop: 8 }}>
            <Form.Item name="period" hidden><Input /></Form.Item>
            <Space wrap>
              <Form.Item name="monthInvestment" label="本月完成投资(万元)" extra="不填则按累计减上期累计计算"><InputNumber min={0} style={{ width: 170 }} /></Form.Item>
              <Form.Item name="cumulativeInvestment" label="累计完成投资(万元)" rules={[{ required: true, message: '请填写累计完成投资' }]}><InputNumber min={0} style={{ width: 170 }} /></Form.Item>
            </Space>
            <Form.Item name="progressText" label="形象进度" rules={[{ required: true, min: 2, message: '请填写形象进度' }]}><Input.TextArea rows={2} /></Form.Item>
            <Form.Item name="note" label="备注" extra="累计超过总投资、或本月与累计对不上时须说明"><Input /></Form.Item>
            {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 8 }} />}
            <Button type="primary" loading={busy} onClick={submit}>报送</Button>
          </Form>
        </div>
      )}
      {!open && data.canReport && <Alert type="info" showIcon message={`项目处于${PROJECT_PHASE_LABELS[p.phase]}阶段,不需报送投资进度`} />}
      <Table size="small" rowKey="id" style={{ marginTop: 12 }} dataSource={data.reports} pagination={false} scroll={{ x: 560 }} locale={{ emptyText: '尚无报送' }}
        columns={[
          { title: '报送期', dataIndex: 'periodKey', width: 90 },
          { title: '本月完成', dataIndex: 'monthInvestment', width: 100, render: wan },
          { title: '累计完成', dataIndex: 'cumulativeInvestment', width: 110, render: wan },
          { title: '形象进度', dataIndex: 'progressText' },
          { title: '备注', dataIndex: 'note', width: 120, render: (v: string | null) => v ?? '' },
        ]} />
    </>
  );
}

type LinkKind = ProjectLinkKind;
const LINK_KINDS: LinkKind[] = ['outline', 'task', 'indicator'];
type Picked = Record<LinkKind, number[]>;
/** one plan's items a project may serve: its outline (专栏 and chapters), top-level and sub tasks, indicators */
type PlanItems = { planId: number; outline: { id: number; marker: string; title: string; level: number }[]; tasks: { id: number; title: string }[]; indicators: { id: number; name: string }[] };

async function planItems(planId: number): Promise<PlanItems> {
  const [plan, tasks, indicators] = await Promise.all([
    request<PlanDetail>(`/api/plans/${planId}`),
    request<{ items: Task[] }>(`/api/plans/${planId}/tasks`, { query: { pageSize: 500 } }),
    request<{ items: { id: number; name: string }[] }>(`/api/plans/${planId}/indicators`),
  ]);
  return { planId, outline: plan.outline, tasks: tasks.items, indicators: indicators.items };
}

/**
 * The plan items a project serves (issue #14): 专栏/章节, tasks and indicators of any plan the office sees, picked plan
 * by plan; what was picked in another plan is kept. The whole set is saved at once (PUT /api/projects/:id/links).
 */
function Links({ data, reload }: { data: ProjectDetail; reload: () => void }) {
  const p = data.project;
  const { message } = App.useApp();
  const [editing, setEditing] = useState(false);
  const [saving, setSaving] = useState(false);
  const [planId, setPlanId] = useState<number | null>(p.planId);
  const [picked, setPicked] = useState<Picked>({ outline: [], task: [], indicator: [] });
  const plans = useRequest(['plans', 'forProjectLinks', editing], () => (editing ? request<{ items: PlanSummary[] }>('/api/plans', { query: { pageSize: 100 } }) : Promise.resolve({ items: [] as PlanSummary[] })));
  const items = useRequest(['planItems', 'forProjectLinks', editing, planId], () => (editing && planId ? planItems(planId) : Promise.resolve(null)));
  // a previous plan's items stay on screen while the next one loads: only the chosen plan's own count
  const current = items.data && items.data.planId === planId ? items.data : null;
  // an outline node is indented by its level in the list (not in the chosen tag)
  const options: Record<LinkKind, { value: number; label: string; level?: number }[]> = {
    outline: (current?.outline ?? []).map((n) => ({ value: n.id, label: `${n.marker} ${n.title}`.trim(), level: n.level })),
    task: (current?.tasks ?? []).map((t) => ({ value: t.id, label: t.title })),
    indicator: (current?.indicators ?? []).map((i) => ({ value: i.id, label: i.name })),
  };
  const inPlan = (kind: LinkKind, id: number) => options[kind].some((o) => o.value === id);
  const otherPlans = LINK_KINDS.reduce((n, k) => n + picked[k].filter((id) => !inPlan(k, id)).length, 0);
  const total = LINK_KINDS.reduce((n, k) => n + picked[k].length, 0);

  const start = () => {
    const fromLinks = (kind: LinkKind) => data.links.filter((l) => l.kind === kind).map((l) => l.targetId);
    setPicked({ outline: fromLinks('outline'), task: fromLinks('task'), indicator: fromLinks('indicator') });
    setPlanId(p.planId ?? data.links.find((l) => l.planId)?.planId ?? null);
    setEditing(true);
  };
  const choose = (kind: LinkKind, ids: number[]) => setPicked((was) => ({ ...was, [kind]: [...was[kind].filter((id) => !inPlan(kind, id)), ...ids] }));
  const save = async () => {
    setSaving(true);
    try {
      await projectApi.links(p.id, LINK_KINDS.flatMap((kind) => picked[kind].map((targetId) => ({ kind, targetId }))));
      message.success('关联事项已保存');
      setEditing(false);
      reload();
    } catch {
      /* shown by the client */
    } finally {
      setSaving(false);
    }
  };
  const planOptions = (plans.data?.items ?? [])
    .slice()
    .sort((a, b) => Number(b.regionId === p.regionId) - Number(a.regionId === p.regionId) || a.id - b.id)
    .map((x) => ({ value: x.id, label: `${x.title}${x.regionName ? `(${x.regionName})` : ''}` }));
  return (
    <>
      {data.links.length ? (
        <ul className="project-links">
          {data.links.map((l) => (
            <li key={`${l.kind}-${l.targetId}`}><Tag>{linkKindLabel[l.kind]}</Tag>{l.kind === 'task' ? <a href={`/tasks/${l.targetId}`}>{l.title}</a> : l.title}</li>
          ))}
        </ul>
      ) : (
        <Empty description="尚未关联规划事项" />
      )}
      {data.canManage && (
        <Button style={{ marginTop: 8 }} onClick={start}>编辑关联事项</Button>
      )}
      <Modal title="项目服务的规划事项" open={editing} onCancel={() => setEditing(false)} onOk={save} okText="保存" cancelText="取消" confirmLoading={saving} destroyOnHidden width="min(640px, 100vw)">
        <Form layout="vertical" className="project-link-editor">
          <Form.Item label="规划">
            <Select aria-label="规划" showSearch optionFilterProp="label" loading={plans.loading} value={planId ?? undefined} onChange={(v: number) => setPlanId(v)} options={planOptions} placeholder="选择规划" />
          </Form.Item>
          {LINK_KINDS.map((kind) => (
            <Form.Item key={kind} label={linkKindLabel[kind]}>
              <Select mode="multiple" aria-label={linkKindLabel[kind]} showSearch optionFilterProp="label" loading={items.loading} disabled={!current}
                value={picked[kind].filter((id) => inPlan(kind, id))} onChange={(ids: number[]) => choose(kind, ids)} options={options[kind]}
                optionRender={(o) => <span style={{ paddingLeft: Math.max(0, ((o.data as { level?: number }).level ?? 1) - 1) * 14 }}>{o.label}</span>}
                placeholder={current ? `选择本规划的${linkKindLabel[kind]}` : '请先选择规划'} />
            </Form.Item>
          ))}
          <Typography.Text type="secondary">共 {total} 项{otherPlans ? `,其中其他规划 ${otherPlans} 项(保留)` : ''}</Typography.Text>
        </Form>
      </Modal>
    </>
  );
}

function History({ data }: { data: ProjectDetail }) {
  return (
    <>
      <Typography.Text strong>各年度库别</Typography.Text>
      <Table size="small" rowKey="year" style={{ margin: '8px 0 16px' }} pagination={false} dataSource={data.years}
        columns={[{ title: '年度', dataIndex: 'year' }, { title: '库别', dataIndex: 'list', render: (v: keyof typeof PROJECT_LIST_LABELS) => PROJECT_LIST_LABELS[v] }, { title: '年度计划投资', dataIndex: 'plannedInvestment', render: wan }]} />
      <Typography.Text strong>变更记录</Typography.Text>
      <Timeline style={{ marginTop: 12 }}
        items={data.moves.map((m) => ({
          children: (
            <span>
              {m.createdAt.slice(0, 10)} {m.by ?? '系统'}:{m.kind === 'phase' ? '阶段' : `${m.year ?? ''}年库别`} {moveLabel(m.fromValue, m.kind)} → {moveLabel(m.toValue, m.kind)}
              {m.reason ? <span className="muted">({m.reason})</span> : null}
            </span>
          ),
        }))} />
    </>
  );
}
