// 城市体检 (issue #14): a region's annual check-up — the problems found (assign, turn into a task or a library
// project), the values per area (entered by the providing unit or the office; Excel out and in, row errors shown
// before anything is saved), the indicator system (editable by the office), and last year's problems judged on
// this year's values. Above them, the year's dated cycle (体检日程: 采集数值 → 查找问题 → 问题转项目), what is due,
// and the office's actions on it; closing 问题转项目 puts the candidate projects into next year's 储备库.
import { useMemo, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { Alert, App, Button, DatePicker, Empty, Form, Input, InputNumber, Modal, Popconfirm, Radio, Select, Space, Steps, Table, Tabs, Tag, Typography, Upload } from 'antd';
import dayjs from 'dayjs';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import type { CheckupDetail, CheckupImportResult, CheckupProblem, CheckupStage, CheckupSummary, TurnProblemIntoTaskBody } from '../../../shared/checkup';
import { CHECKUP_DIRECTION_LABELS, MOVEMENT_LABELS } from '../../../shared/checkup';
import { ApiError, request } from '../api';
import { useMe } from '../auth';
import { PageLoading } from '../components/PageLoading';
import { useInvalidate, useRequest } from '../useRequest';
import './checkup.css';

type Summary = CheckupSummary;
type Indicator = CheckupDetail['indicators'][number];
type ImportResult = CheckupImportResult;

const api = {
  list: () => request<{ items: Summary[] }>('/api/checkups'),
  get: (id: number) => request<CheckupDetail>(`/api/checkups/${id}`),
  create: (body: { regionId: number; year: number; basis: 'previous' | 'national' }) => request<CheckupDetail>('/api/checkups', { method: 'POST', body }),
  indicator: (id: number, body: unknown) => request(`/api/checkups/${id}/indicators`, { method: 'POST', body }),
  values: (id: number, values: { indicatorId: number; regionId: number; value: number | null }[]) => request(`/api/checkups/${id}/values`, { method: 'POST', body: { values } }),
  assign: (problemId: number, body: { unitId: number; note?: string }) => request(`/api/checkup-problems/${problemId}/assign`, { method: 'POST', body }),
  task: (problemId: number, body: TurnProblemIntoTaskBody) => request<{ taskId: number }>(`/api/checkup-problems/${problemId}/task`, { method: 'POST', body }),
  project: (problemId: number, body: unknown) => request<{ projectId: number }>(`/api/checkup-problems/${problemId}/project`, { method: 'POST', body }),
  cycle: (id: number, body: { op: 'complete' | 'reopen'; stage: CheckupStage } | { op: 'schedule'; dueDates: Partial<Record<CheckupStage, string>> }) => request<CheckupDetail>(`/api/checkups/${id}/cycle`, { method: 'POST', body }),
  units: (regionId: number) => request<{ items: { id: number; name: string; regionName: string }[] }>('/api/units', { query: { regionId } }),
  plans: () => request<{ items: { id: number; title: string; regionName: string | null; status: string }[] }>('/api/plans', { query: { pageSize: 200 } }),
  projects: (regionId: number) => request<{ items: { id: number; name: string }[] }>('/api/projects', { query: { regionId, pageSize: 500 }, quiet: true }),
};

const statusColor: Record<string, string> = { open: 'red', assigned: 'orange', acted: 'blue', met: 'green' };
const movementColor: Record<string, string> = { better: 'green', solved: 'blue', worse: 'red', unchanged: 'orange', no_value: 'default', new: 'purple' };
const fmt = (x: number | null | undefined) => (x === null || x === undefined ? '—' : String(Math.round(x * 1e4) / 1e4));

export default function CheckupPage() {
  const { id } = useParams();
  const navigate = useNavigate();
  const me = useMe();
  const list = useRequest(['checkup', 'list'], api.list);
  const items = list.data?.items ?? [];
  const current = id ? Number(id) : items[0]?.id;
  const manager = me.roles.includes('office') || me.roles.includes('admin');
  const [creating, setCreating] = useState(false);

  if (list.loading && !list.data) return <PageLoading tip="正在加载城市体检…" />;
  return (
    <div className="checkup-page">
      <div className="page-head">
        <h2>城市体检</h2>
        <div className="toolbar">
          {items.length > 0 && (
            <Select
              aria-label="选择体检"
              style={{ minWidth: 220 }}
              value={current}
              options={items.map((c) => ({ value: c.id, label: `${c.title}(问题 ${c.problemCount})` }))}
              onChange={(v) => navigate(`/checkups/${v}`)}
            />
          )}
          {manager && <Button type="primary" onClick={() => setCreating(true)}>新建年度体检</Button>}
        </div>
      </div>
      {manager && <DueList items={items} current={current} />}
      {current ? <CheckupView key={current} id={current} /> : <Empty description={manager ? '尚无城市体检,请新建年度体检' : '暂无可查看的城市体检'} />}
      {creating && (
        <CreateDialog
          regionId={me.regionIds[0]}
          onClose={() => setCreating(false)}
          onCreated={(c) => {
            setCreating(false);
            list.reload();
            navigate(`/checkups/${c.id}`);
          }}
        />
      )}
    </div>
  );
}

function CreateDialog({ regionId, onClose, onCreated }: { regionId: number | undefined; onClose: () => void; onCreated: (c: CheckupDetail) => void }) {
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v || !regionId) return;
    setBusy(true);
    try {
      onCreated(await api.create({ regionId, year: v.year, basis: v.basis }));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open title="新建年度城市体检" onCancel={onClose} onOk={submit} confirmLoading={busy} okText="新建">
      <Form form={form} layout="vertical" initialValues={{ year: new Date().getFullYear(), basis: 'previous' }}>
        <Form.Item name="year" label="体检年度" rules={[{ required: true }]}>
          <InputNumber min={2000} max={2100} />
        </Form.Item>
        <Form.Item name="basis" label="指标体系">
          <Radio.Group options={[{ value: 'previous', label: '沿用上年本区域体检的指标体系(无上年则用国家基础指标)' }, { value: 'national', label: '使用国家基础指标' }]} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 体检日程: what each check-up the office runs has due now (the current stage and its date), overdue first */
function DueList({ items, current }: { items: Summary[]; current: number | undefined }) {
  const due = items.filter((c) => c.cycle.current !== null).sort((a, b) => Number(b.cycle.overdue) - Number(a.cycle.overdue) || (a.cycle.dueDate ?? '').localeCompare(b.cycle.dueDate ?? ''));
  if (!due.length) return null;
  return (
    <div className="checkup-due" data-testid="checkup-due">
      <Typography.Text strong>体检日程 · 待办</Typography.Text>
      <ul>
        {due.map((c) => (
          <li key={c.id}>
            <Tag color={c.cycle.overdue ? 'red' : 'blue'}>{c.cycle.overdue ? '已逾期' : '进行中'}</Tag>
            {c.id === current ? <span>{c.title}</span> : <Link to={`/checkups/${c.id}`}>{c.title}</Link>}
            <span className="muted"> {c.cycle.dueText}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** the year's three dated stages; the office closes the current one, reopens the last closed one, or moves the dates */
function CycleBar({ c, reload }: { c: CheckupDetail; reload: () => void }) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [dates, setDates] = useState(false);
  const [form] = Form.useForm();
  const cycle = c.cycle;
  const lastDone = [...cycle.stages].reverse().find((s) => s.state === 'done');
  const now = cycle.stages.find((s) => s.state === 'current');
  const run = async (body: Parameters<typeof api.cycle>[1], done: string) => {
    setBusy(true);
    try {
      await api.cycle(c.id, body);
      message.success(done);
      reload();
      return true;
    } catch {
      return false; // shown by the client
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="checkup-cycle" data-testid="checkup-cycle">
      <Steps
        size="small"
        responsive
        current={now ? cycle.stages.indexOf(now) : cycle.stages.length}
        items={cycle.stages.map((s) => ({
          title: s.label,
          status: s.state === 'done' ? 'finish' : s.state === 'current' ? (s.overdue ? 'error' : 'process') : 'wait',
          description: <span className="checkup-stage-text">{s.text}</span>,
        }))}
      />
      <div className="checkup-cycle-foot">
        <Typography.Text type={cycle.overdue ? 'danger' : undefined}>{cycle.dueText}</Typography.Text>
        {c.canManage && (
          <Space wrap>
            {now && (
              <Popconfirm
                title={`完成“${now.label}”?`}
                description={now.key === 'project' ? `候选项目将转入${cycle.nextYear}年储备库` : undefined}
                onConfirm={() => run({ op: 'complete', stage: now.key }, `已完成“${now.label}”`)}
              >
                <Button type="primary" size="small" loading={busy}>完成“{now.label}”</Button>
              </Popconfirm>
            )}
            {lastDone && (
              <Popconfirm title={`重新打开“${lastDone.label}”?`} onConfirm={() => run({ op: 'reopen', stage: lastDone.key }, `已重新打开“${lastDone.label}”`)}>
                <Button size="small" disabled={busy}>重新打开“{lastDone.label}”</Button>
              </Popconfirm>
            )}
            <Button size="small" onClick={() => { form.setFieldsValue(Object.fromEntries(cycle.stages.map((s) => [s.key, dayjs(s.dueDate)]))); setDates(true); }}>调整日期</Button>
          </Space>
        )}
      </div>
      <Modal
        title="体检日程:各阶段截止日期"
        open={dates}
        onCancel={() => setDates(false)}
        okText="保存"
        confirmLoading={busy}
        destroyOnHidden
        onOk={async () => {
          const v = await form.validateFields().catch(() => null);
          if (!v) return;
          const dueDates = Object.fromEntries(cycle.stages.map((s) => [s.key, (v[s.key] as dayjs.Dayjs).format('YYYY-MM-DD')]));
          if (await run({ op: 'schedule', dueDates }, '已保存体检日程')) setDates(false);
        }}
      >
        <Form form={form} layout="vertical">
          {cycle.stages.map((s) => (
            <Form.Item key={s.key} name={s.key} label={`${s.label}截止日期`} rules={[{ required: true, message: '请选择日期' }]}>
              <DatePicker allowClear={false} />
            </Form.Item>
          ))}
        </Form>
      </Modal>
    </div>
  );
}

function CheckupView({ id }: { id: number }) {
  // a stage closed or reopened: the check-up and the list's 体检日程 · 待办 (both under ['checkup']) are read again
  const invalidate = useInvalidate();
  const d = useRequest(['checkup', 'one', id], () => api.get(id));
  const [tab, setTab] = useState('problems');
  if (d.loading && !d.data) return <PageLoading tip="正在加载体检数据…" />;
  if (!d.data) return <Alert type="error" message="无法加载该体检" />;
  const c = d.data;
  const counts = c.previousYear?.counts ?? {};
  return (
    <>
      <Typography.Paragraph type="secondary" className="checkup-basis">
        {c.regionName} · {c.year}年 · {c.indicatorCount}项指标 · 发现问题 {c.problemCount} 个(待分派 {c.openProblemCount} 个) · 指标体系:{c.basis}
      </Typography.Paragraph>
      <CycleBar c={c} reload={() => void invalidate(['checkup'])} />
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          { key: 'problems', label: `问题清单(${c.problemCount})`, children: <ProblemList c={c} reload={d.reload} /> },
          { key: 'values', label: '数值填报', children: <ValuesGrid c={c} reload={d.reload} /> },
          { key: 'indicators', label: '指标体系', children: <IndicatorTable c={c} reload={d.reload} /> },
          {
            key: 'previous',
            label: c.previousYear ? `与${c.previousYear.year}年比较` : '与上年比较',
            children: c.previousYear ? (
              <>
                <Space wrap className="checkup-counts">
                  {Object.entries(counts).map(([k, n]) => (
                    <Tag key={k} color={movementColor[k]}>{MOVEMENT_LABELS[k as keyof typeof MOVEMENT_LABELS]} {n} 个</Tag>
                  ))}
                </Space>
                <Table
                  size="small"
                  rowKey="problemId"
                  pagination={false}
                  scroll={{ x: 640 }}
                  dataSource={c.previousYear.movements}
                  columns={[
                    { title: '上年问题', render: (_, m) => <span>{m.indicatorName}<div className="muted">{m.regionName}</div></span> },
                    { title: '变化', width: 90, render: (_, m) => <Tag color={movementColor[m.movement]}>{MOVEMENT_LABELS[m.movement]}</Tag> },
                    { title: '说明', dataIndex: 'text' },
                    { title: '整改任务', width: 160, render: (_, m) => m.tasks.map((t) => <div key={t.id}><Link to={`/tasks/${t.id}`}>{t.title}</Link></div>) },
                  ]}
                />
              </>
            ) : (
              <Empty description="本区域没有更早年度的体检,无法比较" />
            ),
          },
        ]}
      />
    </>
  );
}

type Dialog = { kind: 'assign' | 'task' | 'project'; p: CheckupProblem } | null;

function ProblemList({ c, reload }: { c: CheckupDetail; reload: () => void }) {
  const { message } = App.useApp();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm();
  const units = useRequest(['checkup', 'units', c.regionId, c.canManage], () => (c.canManage ? api.units(c.regionId) : Promise.resolve({ items: [] })));
  const plans = useRequest(['checkup', 'plans', c.canManage], () => (c.canManage ? api.plans() : Promise.resolve({ items: [] })));
  const projects = useRequest(['checkup', 'projects', dialog?.kind, c.regionId], () => (dialog?.kind === 'project' ? api.projects(c.regionId).catch(() => ({ items: [] })) : Promise.resolve({ items: [] })));
  const unitOptions = (units.data?.items ?? []).map((u) => ({ value: u.id, label: u.name }));
  const planOptions = (plans.data?.items ?? []).filter((p) => p.regionName === c.regionName && p.status !== 'archived').map((p) => ({ value: p.id, label: p.title }));
  const open = (kind: 'assign' | 'task' | 'project', p: CheckupProblem) => {
    form.resetFields();
    form.setFieldsValue({ unitId: p.assignedUnitId ?? undefined, note: p.note, planId: planOptions[0]?.value, mode: 'create' });
    setDialog({ kind, p });
  };
  const submit = async () => {
    if (!dialog) return;
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setBusy(true);
    try {
      if (dialog.kind === 'assign') await api.assign(dialog.p.id, { unitId: v.unitId, note: v.note });
      else if (dialog.kind === 'task') await api.task(dialog.p.id, { planId: v.planId, unitId: v.unitId, title: v.title || undefined, deadline: v.deadline || undefined });
      else await api.project(dialog.p.id, v.mode === 'link' ? { projectId: v.projectId } : { create: { name: v.name || undefined, ownerUnitId: v.unitId, totalInvestment: v.totalInvestment ?? undefined } });
      message.success(dialog.kind === 'assign' ? '已分派' : dialog.kind === 'task' ? '已转为规划任务' : '已关联项目库');
      setDialog(null);
      reload();
    } finally {
      setBusy(false);
    }
  };
  const mode = Form.useWatch('mode', form);
  if (!c.problems.length) return <Empty description="尚未发现问题:填报的数值均达到标准值(未设标准值的指标不判定)" />;
  return (
    <>
      <div className="problem-list">
        {c.problems.map((p) => (
          <div key={p.id} className={`problem-card status-${p.status}`} data-testid="checkup-problem" data-problem-id={p.id}>
            <div className="problem-head">
              <span className="problem-title">{p.indicatorName}</span>
              <Tag color={statusColor[p.status]}>{p.statusLabel}</Tag>
            </div>
            <div className="problem-meta">
              <Tag>{p.regionName}</Tag>
              <span className="muted">{p.aspect} · {p.code} · {CHECKUP_DIRECTION_LABELS[p.direction]}</span>
            </div>
            <div className="problem-gap">{p.gapText}</div>
            {p.previous && (
              <div className="problem-prev">
                <Tag color={movementColor[p.previous.movement]}>{MOVEMENT_LABELS[p.previous.movement]}</Tag>
                <span className="muted">{p.previous.text}</span>
              </div>
            )}
            <div className="problem-links">
              {p.assignedUnitName && <span>整改单位:{p.assignedUnitName}</span>}
              {p.tasks.map((t) => <Link key={`t${t.id}`} to={`/tasks/${t.id}`}>任务:{t.title}</Link>)}
              {p.projects.map((x) => <span key={`p${x.id}`}>项目:{x.name}</span>)}
            </div>
            {c.canManage && p.status !== 'met' && (
              <Space wrap className="problem-actions">
                <Button size="small" onClick={() => open('assign', p)}>{p.assignedUnitId ? '改派' : '分派'}</Button>
                <Button size="small" onClick={() => open('task', p)}>转为任务</Button>
                <Button size="small" onClick={() => open('project', p)}>转为项目</Button>
              </Space>
            )}
          </div>
        ))}
      </div>
      <Modal
        open={!!dialog}
        title={dialog ? `${{ assign: '分派问题', task: '转为规划任务', project: '转为项目库项目' }[dialog.kind]}:${dialog.p.regionName}${dialog.p.indicatorName}` : ''}
        onCancel={() => setDialog(null)}
        onOk={submit}
        confirmLoading={busy}
        okText="确定"
      >
        {dialog && <Typography.Paragraph type="secondary">{dialog.p.gapText}</Typography.Paragraph>}
        <Form form={form} layout="vertical">
          {dialog?.kind === 'task' && (
            <>
              <Form.Item name="planId" label="纳入规划" rules={[{ required: true, message: '请选择规划' }]}>
                <Select options={planOptions} placeholder="本区域的规划" />
              </Form.Item>
              <Form.Item name="title" label="任务名称(可不填,默认“补齐…短板”)">
                <Input maxLength={500} />
              </Form.Item>
              <Form.Item name="deadline" label="完成时限(年-月)" rules={[{ pattern: /^\d{4}-\d{2}$/, message: '格式如 2026-12' }]}>
                <Input placeholder="2026-12" />
              </Form.Item>
            </>
          )}
          {dialog?.kind === 'project' && (
            <Form.Item name="mode">
              <Radio.Group options={[{ value: 'create', label: '新建入库项目' }, { value: 'link', label: '关联已有项目' }]} />
            </Form.Item>
          )}
          {dialog?.kind === 'project' && mode === 'link' ? (
            <Form.Item name="projectId" label="项目" rules={[{ required: true, message: '请选择项目' }]}>
              <Select showSearch optionFilterProp="label" options={(projects.data?.items ?? []).map((x) => ({ value: x.id, label: x.name }))} placeholder="本区域项目库中的项目" />
            </Form.Item>
          ) : dialog?.kind === 'project' ? (
            <>
              <Form.Item name="name" label="项目名称(可不填,默认“…补短板项目”)">
                <Input maxLength={200} />
              </Form.Item>
              <Form.Item name="totalInvestment" label="总投资(万元)">
                <InputNumber min={0} style={{ width: '100%' }} />
              </Form.Item>
            </>
          ) : null}
          <Form.Item name="unitId" label={dialog?.kind === 'project' ? '业主单位' : dialog?.kind === 'task' ? '牵头单位(默认已分派的整改单位)' : '整改单位'} rules={dialog?.kind === 'assign' ? [{ required: true, message: '请选择单位' }] : []}>
            <Select showSearch optionFilterProp="label" options={unitOptions} allowClear />
          </Form.Item>
          {dialog?.kind === 'assign' && (
            <Form.Item name="note" label="整改要求">
              <Input.TextArea rows={3} maxLength={1000} />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </>
  );
}

function ValuesGrid({ c, reload }: { c: CheckupDetail; reload: () => void }) {
  const { message, modal } = App.useApp();
  const editable = useMemo(() => new Set(c.editableIndicatorIds), [c.editableIndicatorIds]);
  const [only, setOnly] = useState<'mine' | 'judged' | 'all'>(c.editableIndicatorIds.length && !c.canManage ? 'mine' : 'judged');
  const withValue = useMemo(() => new Set(c.values.map((v) => v.indicatorId)), [c.values]);
  const [draft, setDraft] = useState<Map<string, number | null>>(new Map());
  const [busy, setBusy] = useState(false);
  const cell = useMemo(() => new Map(c.values.map((v) => [`${v.indicatorId}|${v.regionId}`, v])), [c.values]);
  const rows = c.indicators.filter((i) => only === 'all' || (only === 'mine' ? editable.has(i.id) : i.standard !== null || withValue.has(i.id)));
  const save = async () => {
    const values = [...draft].map(([k, value]) => {
      const [indicatorId, regionId] = k.split('|').map(Number);
      return { indicatorId, regionId, value };
    });
    if (!values.length) return;
    setBusy(true);
    try {
      const r = (await api.values(c.id, values)) as { opened: number[]; cleared: number[] };
      message.success(`已保存 ${values.length} 个数值${r.opened.length ? `,发现问题 ${r.opened.length} 个` : ''}${r.cleared.length ? `,${r.cleared.length} 个问题已达标` : ''}`);
      setDraft(new Map());
      reload();
    } finally {
      setBusy(false);
    }
  };
  const importFile = async (file: File) => {
    const form = new FormData();
    form.append('file', file);
    const dry = await request<ImportResult>(`/api/checkups/${c.id}/import`, { method: 'POST', body: form, query: { dryRun: '1' } });
    if (dry.errors.length) {
      modal.error({
        title: `导入文件有 ${dry.errors.length} 行错误,未保存任何数据`,
        width: 560,
        content: (
          <ul className="import-errors" data-testid="import-errors">
            {dry.errors.map((e, i) => <li key={i}>第 {e.row} 行{e.column ? `(${e.column})` : ''}:{e.message}</li>)}
          </ul>
        ),
      });
      return;
    }
    modal.confirm({
      title: '确认导入',
      content: `工作表“${dry.sheetName}”第 ${dry.headerRow} 行为表头,读到 ${dry.values.length} 个数值,没有错误行。保存后将按标准值判定问题。`,
      okText: '保存',
      onOk: async () => {
        try {
          await request<ImportResult>(`/api/checkups/${c.id}/import`, { method: 'POST', body: form });
          message.success(`已导入 ${dry.values.length} 个数值`);
          reload();
        } catch (e) {
          if (!(e instanceof ApiError)) throw e;
        }
      },
    });
  };
  return (
    <>
      <div className="toolbar checkup-toolbar">
        <Radio.Group
          size="small"
          value={only}
          onChange={(e) => setOnly(e.target.value)}
          optionType="button"
          options={[
            ...(editable.size > 0 && !c.canManage ? [{ value: 'mine', label: '本单位负责的' }] : []),
            { value: 'judged', label: '已设标准或已填报' },
            { value: 'all', label: '全部指标' },
          ]}
        />
        <Button icon={<DownloadOutlined />} href={`/api/checkups/${c.id}/export`}>导出数据表</Button>
        {editable.size > 0 && (
          <Upload accept=".xlsx" showUploadList={false} beforeUpload={(f) => { void importFile(f); return false; }}>
            <Button icon={<UploadOutlined />}>导入数据表</Button>
          </Upload>
        )}
        {editable.size > 0 && <Button type="primary" disabled={!draft.size} loading={busy} onClick={save}>保存{draft.size ? `(${draft.size})` : ''}</Button>}
      </div>
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        sticky
        scroll={{ x: 360 + c.areas.length * 110 }}
        dataSource={rows}
        columns={[
          { title: '指标', fixed: 'left', width: 200, render: (_, i: Indicator) => <span className="ind-name">{i.name}<div className="muted">{i.code} · {i.measure || '—'}{i.unitName ? ` · ${i.unitName}` : ''}</div></span> },
          { title: '标准值', width: 90, render: (_, i: Indicator) => (i.standard === null ? <span className="muted">未设</span> : `${i.direction === 'higher' ? '≥' : '≤'} ${fmt(i.standard)}`) },
          ...c.areas.map((a) => ({
            title: a.name,
            width: 110,
            render: (_: unknown, i: Indicator) => {
              const key = `${i.id}|${a.id}`;
              const v = cell.get(key);
              const cls = v?.meets === false ? 'cell-miss' : v?.meets ? 'cell-ok' : '';
              if (!editable.has(i.id)) return <span className={cls}>{fmt(v?.value)}</span>;
              const value = draft.has(key) ? draft.get(key) : v?.value ?? null;
              return (
                <InputNumber
                  size="small"
                  className={cls}
                  aria-label={`${a.name}${i.name}`}
                  value={value}
                  onChange={(x) => setDraft((m) => new Map(m).set(key, typeof x === 'number' ? x : null))}
                  style={{ width: 96 }}
                />
              );
            },
          })),
        ]}
      />
    </>
  );
}

function IndicatorTable({ c, reload }: { c: CheckupDetail; reload: () => void }) {
  const { message } = App.useApp();
  const [editing, setEditing] = useState<Indicator | 'new' | null>(null);
  const [form] = Form.useForm();
  const units = useRequest(['checkup', 'units', c.regionId, c.canManage], () => (c.canManage ? api.units(c.regionId) : Promise.resolve({ items: [] })));
  const open = (i: Indicator | 'new') => {
    form.resetFields();
    if (i !== 'new') form.setFieldsValue(i);
    else form.setFieldsValue({ direction: 'higher', aspect: '特色指标', kind: '特色指标' });
    setEditing(i);
  };
  const save = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    const indicator = { code: v.code, aspect: v.aspect, name: v.name, measure: v.measure ?? '', direction: v.direction, standard: v.standard ?? null, kind: v.kind ?? '', unitId: v.unitId ?? null, note: v.note ?? '' };
    await api.indicator(c.id, editing === 'new' ? { op: 'create', indicator } : { op: 'update', indicatorId: (editing as Indicator).id, indicator });
    message.success('已保存指标');
    setEditing(null);
    reload();
  };
  const remove = async (i: Indicator) => {
    await api.indicator(c.id, { op: 'delete', indicatorId: i.id });
    message.success('已删除指标');
    reload();
  };
  return (
    <>
      {c.canManage && (
        <div className="toolbar checkup-toolbar">
          <Button onClick={() => open('new')}>新增指标</Button>
          <span className="muted">标准值与方向修改后,本年已填数值立即重新判定</span>
        </div>
      )}
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        scroll={{ x: 760 }}
        dataSource={c.indicators}
        columns={[
          { title: '编号', dataIndex: 'code', width: 64 },
          { title: '方面', dataIndex: 'aspect', width: 90 },
          { title: '指标', render: (_, i) => <span>{i.name}{i.kind && <Tag className="kind-tag">{i.kind}</Tag>}</span> },
          { title: '单位', dataIndex: 'measure', width: 90 },
          { title: '方向', width: 90, render: (_, i) => CHECKUP_DIRECTION_LABELS[i.direction] },
          { title: '标准值', width: 80, render: (_, i) => fmt(i.standard) },
          { title: '数据提供单位', width: 140, render: (_, i) => i.unitName ?? <span className="muted">规划办</span> },
          ...(c.canManage
            ? [{
                title: '操作', width: 110, fixed: 'right' as const,
                render: (_: unknown, i: Indicator) => (
                  <Space size={4}>
                    <Button size="small" type="link" onClick={() => open(i)}>编辑</Button>
                    <Popconfirm title="删除该指标及其数值、问题?" onConfirm={() => remove(i)}><Button size="small" type="link" danger>删除</Button></Popconfirm>
                  </Space>
                ),
              }]
            : []),
        ]}
      />
      <Modal open={!!editing} title={editing === 'new' ? '新增指标' : '编辑指标'} onCancel={() => setEditing(null)} onOk={save} okText="保存">
        <Form form={form} layout="vertical">
          <Space wrap>
            <Form.Item name="code" label="编号" rules={[{ required: true }]}><Input style={{ width: 100 }} /></Form.Item>
            <Form.Item name="aspect" label="方面" rules={[{ required: true }]}><Input style={{ width: 140 }} /></Form.Item>
            <Form.Item name="kind" label="指标类型"><Input style={{ width: 120 }} /></Form.Item>
          </Space>
          <Form.Item name="name" label="指标名称" rules={[{ required: true }]}><Input /></Form.Item>
          <Space wrap>
            <Form.Item name="measure" label="计量单位"><Input style={{ width: 120 }} /></Form.Item>
            <Form.Item name="direction" label="方向"><Select style={{ width: 120 }} options={[{ value: 'higher', label: '越高越好' }, { value: 'lower', label: '越低越好' }]} /></Form.Item>
            <Form.Item name="standard" label="标准值"><InputNumber style={{ width: 120 }} /></Form.Item>
          </Space>
          <Form.Item name="unitId" label="数据提供单位"><Select allowClear showSearch optionFilterProp="label" options={(units.data?.items ?? []).map((u) => ({ value: u.id, label: u.name }))} /></Form.Item>
        </Form>
      </Modal>
    </>
  );
}
