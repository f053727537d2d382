// 区县落实 (issue #13): on a plan issued above the user's district, its office's take-up list (link its own tasks,
// create one, or 不适用 with a reason); for the city (and anyone who reads several districts), the coverage
// matrix of tasks × districts with coloured cells, counts and the rolled-up status, exportable to Excel. One level
// down the same (镇街落实): a town's office takes up its district's plan, the district sees its tasks × its towns;
// the words follow the level (region.word, coverage.levelWord).
import { useState } from 'react';
import { Alert, App, Button, Form, Grid, Input, InputNumber, Modal, Popconfirm, Segmented, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { REPORTING_LABELS, ROLLUP_RULE_LABELS, type Coverage, type RollupRule, type RollupRuleBody, type RollupRuleKind, type TakeUpList, type TakeUpSuggestions } from '../../../shared/takeUp';
import type { Task } from '../../../shared/api';
import { request } from '../api';
import { PageLoading } from '../components/PageLoading';
import { StatusLight } from '../run/StatusLight';
import { useRequest } from '../useRequest';

const takeUpApi = {
  list: (planId: number) => request<TakeUpList>(`/api/plans/${planId}/take-up`, { quiet: true }),
  coverage: (planId: number) => request<Coverage>(`/api/plans/${planId}/coverage`),
  exportUrl: (planId: number) => `/api/plans/${planId}/exports/coverage`,
  planTasks: (planId: number) => request<{ items: Task[] }>(`/api/plans/${planId}/tasks`, { query: { pageSize: 500 } }),
  suggestions: (taskId: number) => request<TakeUpSuggestions>(`/api/tasks/${taskId}/take-up-suggestions`, { quiet: true }),
  takeUp: (taskId: number, body: { taskIds?: number[]; create?: { planId: number; title?: string } }) => request(`/api/tasks/${taskId}/take-up`, { method: 'POST', body }),
  untake: (taskId: number, body: { taskId?: number }) => request(`/api/tasks/${taskId}/untake`, { method: 'POST', body }),
  notApplicable: (taskId: number, reason: string) => request(`/api/tasks/${taskId}/not-applicable`, { method: 'POST', body: { reason } }),
  setRule: (planId: number, body: RollupRuleBody) =>
    request<RollupRule>(`/api/plans/${planId}/rollup-rule`, { method: 'PUT', body }),
};

const stateTag: Record<string, { color: string; text: string }> = {
  not_taken: { color: 'default', text: '未落实' },
  not_applicable: { color: 'purple', text: '不适用' },
  taken_up: { color: 'success', text: '已落实' },
};
/** cell backgrounds, the same fills as the Excel export */
const cellFill: Record<string, string> = { green: '#C6EFCE', yellow: '#FFEB9C', red: '#FFC7CE', grey: '#EDEDED', blue: '#DDEBF7' };

export function TakeUpTab({ planId }: { planId: number }) {
  const list = useRequest(['takeUp', 'list', planId], () => takeUpApi.list(planId).catch(() => null));
  if (list.loading && !list.data) return <PageLoading tip="正在加载下级落实情况…" />;
  if (list.data?.canWrite) return <DistrictTakeUp planId={planId} data={list.data} reload={list.reload} />;
  return <CoverageMatrix planId={planId} />;
}

type Item = TakeUpList['items'][number];
type Dialog = { kind: 'link' | 'create' | 'na'; item: Item } | null;

function DistrictTakeUp({ planId, data, reload }: { planId: number; data: TakeUpList; reload: () => void }) {
  const { message } = App.useApp();
  const w = data.region.word;
  const [dialog, setDialog] = useState<Dialog>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm();
  const [districtPlan, setDistrictPlan] = useState<number | null>(data.districtPlans[0]?.id ?? null);
  const tasks = useRequest(['takeUp', 'planTasks', districtPlan], () => (districtPlan ? takeUpApi.planTasks(districtPlan) : Promise.resolve({ items: [] as Task[] })));
  const linkFor = dialog?.kind === 'link' ? dialog.item.task.id : null;
  const suggestions = useRequest(['takeUp', 'suggestions', linkFor], () => (linkFor ? takeUpApi.suggestions(linkFor).catch(() => ({ items: [] })) : Promise.resolve({ items: [] })));
  const taskOptions = [
    ...(tasks.data?.items ?? []).map((t) => ({ value: t.id, label: t.title })),
    ...(suggestions.data?.items ?? []).filter((sg) => !(tasks.data?.items ?? []).some((t) => t.id === sg.taskId)).map((sg) => ({ value: sg.taskId, label: `${sg.title}(${sg.planTitle})` })),
  ];

  const open = (kind: 'link' | 'create' | 'na', item: Item) => {
    form.resetFields();
    form.setFieldsValue({ planId: districtPlan, title: item.task.title, taskIds: item.links.map((l) => l.taskId) });
    setDialog({ kind, item });
  };
  const submit = async () => {
    if (!dialog) return;
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setBusy(true);
    try {
      if (dialog.kind === 'link') await takeUpApi.takeUp(dialog.item.task.id, { taskIds: v.taskIds });
      else if (dialog.kind === 'create') await takeUpApi.takeUp(dialog.item.task.id, { create: { planId: v.planId, title: v.title } });
      else await takeUpApi.notApplicable(dialog.item.task.id, v.reason);
      message.success(dialog.kind === 'na' ? '已标为不适用' : '已落实');
      setDialog(null);
      reload();
    } finally {
      setBusy(false);
    }
  };
  const untake = async (item: Item, taskId?: number) => {
    await takeUpApi.untake(item.task.id, taskId ? { taskId } : {});
    message.success('已取消');
    reload();
  };

  return (
    <div className="take-up">
      <Space style={{ marginBottom: 12 }} wrap>
        <Typography.Text>
          {data.region.name}落实情况:已落实 {data.counts.taken_up} 项（其中{REPORTING_LABELS.reporting} {data.counts.reporting} 项）,不适用 {data.counts.not_applicable} 项,未落实 {data.counts.not_taken} 项
        </Typography.Text>
      </Space>
      {!data.districtPlans.length && <Alert type="info" showIcon style={{ marginBottom: 12 }} message={`本${w}尚无规划,请先导入本${w}的规划,再关联或新建任务。`} />}
      <Table<Item>
        rowKey={(r) => r.task.id}
        dataSource={data.items}
        pagination={false}
        size="middle"
        columns={[
          { title: '序号', width: 60, render: (_v, _r, i) => i + 1 },
          { title: '上级任务', dataIndex: ['task', 'title'] },
          {
            title: '落实情况',
            render: (_v, r) => (
              <Space direction="vertical" size={4}>
                <Tag color={stateTag[r.state].color}>{stateTag[r.state].text}</Tag>
                {r.state === 'not_applicable' && <Typography.Text type="secondary">理由:{r.reason}</Typography.Text>}
                {r.links.map((l) => (
                  <Space key={l.taskId} size={4} wrap>
                    <Typography.Text>{l.title}</Typography.Text>
                    <Typography.Text type="secondary">({l.planTitle})</Typography.Text>
                    <StatusLight status={l.status} reason={false} compact />
                    <ReportingMark reporting={l.reporting} />
                    <Popconfirm title="取消这项关联?" onConfirm={() => untake(r, l.taskId)}>
                      <Button size="small" type="link" danger>取消关联</Button>
                    </Popconfirm>
                  </Space>
                ))}
              </Space>
            ),
          },
          {
            title: '操作',
            width: 260,
            render: (_v, r) => (
              <Space wrap size={4}>
                <Button size="small" onClick={() => open('link', r)} disabled={!data.districtPlans.length}>关联本{w}任务</Button>
                <Button size="small" onClick={() => open('create', r)} disabled={!data.districtPlans.length}>新建任务</Button>
                {r.state !== 'taken_up' && <Button size="small" onClick={() => open('na', r)}>不适用</Button>}
                {r.state === 'not_applicable' && (
                  <Popconfirm title="撤销不适用说明?" onConfirm={() => untake(r)}>
                    <Button size="small" type="link">撤销</Button>
                  </Popconfirm>
                )}
              </Space>
            ),
          },
        ]}
      />
      <Modal
        open={!!dialog}
        title={dialog ? `${dialog.kind === 'link' ? `关联本${w}任务` : dialog.kind === 'create' ? `据此新建本${w}任务` : `不适用于本${w}`}:${dialog.item.task.title}` : ''}
        onCancel={() => setDialog(null)}
        onOk={submit}
        confirmLoading={busy}
        okText="确定"
        destroyOnHidden
      >
        <Form form={form} layout="vertical">
          {dialog?.kind !== 'na' && (
            <Form.Item label={`本${w}规划`} name="planId" rules={[{ required: true, message: '请选择规划' }]}>
              <Select options={data.districtPlans.map((p) => ({ value: p.id, label: p.title }))} onChange={(v: number) => setDistrictPlan(v)} />
            </Form.Item>
          )}
          {dialog?.kind === 'link' && (
            <Form.Item label={`本${w}任务(可多选)`} name="taskIds" rules={[{ required: true, message: '请选择任务' }]}>
              <Select
                mode="multiple"
                loading={tasks.loading}
                showSearch
                optionFilterProp="label"
                options={taskOptions}
              />
            </Form.Item>
          )}
          {dialog?.kind === 'link' && !!suggestions.data?.items.length && (
            <div className="take-up-suggestions">
              <Typography.Text type="secondary">建议(按共同词语和同类单位排序,点击加入,确定后才关联):</Typography.Text>
              <Space direction="vertical" size={2} style={{ display: 'flex', marginTop: 4 }}>
                {suggestions.data.items.map((sg) => (
                  <Tooltip key={sg.taskId} title={sg.reasons.join(';')}>
                    <Tag
                      style={{ cursor: 'pointer', whiteSpace: 'normal' }}
                      onClick={() => form.setFieldValue('taskIds', [...new Set([...(form.getFieldValue('taskIds') ?? []), sg.taskId])])}
                    >
                      {sg.title}({sg.planTitle})
                    </Tag>
                  </Tooltip>
                ))}
              </Space>
            </div>
          )}
          {dialog?.kind === 'create' && (
            <Form.Item label="任务名称" name="title" rules={[{ required: true, message: '请填写任务名称' }]}>
              <Input maxLength={500} />
            </Form.Item>
          )}
          {dialog?.kind === 'na' && (
            <Form.Item label="不适用的理由(上级可见)" name="reason" rules={[{ required: true, min: 2, message: '请说明不适用的理由' }]}>
              <Input.TextArea rows={3} maxLength={1000} />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </div>
  );
}

type Row = Coverage['rows'][number];

/** taken up and reporting (a report for the current period reached the office) against taken up, nothing reported */
function ReportingMark({ reporting }: { reporting: boolean }) {
  return reporting
    ? <Tag className="reporting-mark reporting" color="green" bordered={false}>{REPORTING_LABELS.reporting}</Tag>
    : <Tag className="reporting-mark silent" bordered={false}>{REPORTING_LABELS.silent}</Tag>;
}

/** the matrix's row filters: every task, tasks some district (town) has not taken up, tasks whose roll-up is red or yellow */
const rowFilters: Record<string, { label: (w: string) => string; keep: (r: Row) => boolean }> = {
  all: { label: () => '全部任务', keep: () => true },
  not_taken: { label: (w) => `有${w}未落实`, keep: (r) => r.counts.not_taken > 0 },
  silent: { label: (w) => `有${w}本期未报送`, keep: (r) => r.counts.taken_up > r.counts.reporting },
  lagging: { label: (w) => `有${w}滞后`, keep: (r) => r.rollup.color === 'red' || r.rollup.color === 'yellow' },
};

function CoverageMatrix({ planId }: { planId: number }) {
  const cov = useRequest(['takeUp', 'coverage', planId], () => takeUpApi.coverage(planId));
  const [filter, setFilter] = useState('all');
  // on a phone the task column scrolls with the cells (fixed, it would fill the screen and hide every column)
  const phone = Grid.useBreakpoint().md === false;
  if (cov.loading && !cov.data) return <PageLoading tip="正在加载落实矩阵…" />;
  const c = cov.data;
  if (!c) return <Alert type="warning" message="无法加载下级落实情况" />;
  const w = c.levelWord;
  if (!c.districts.length) return <Alert type="info" showIcon message={`该规划所在区划下没有可查看的下级${w}。`} />;
  return (
    <div className="coverage">
      <Space style={{ marginBottom: 12 }} wrap>
        <Typography.Text>
          合计:已落实 {c.totals.taken_up}（其中{REPORTING_LABELS.reporting} {c.totals.reporting}）,不适用 {c.totals.not_applicable},未落实 {c.totals.not_taken}(任务 × {w})
        </Typography.Text>
        <Segmented value={filter} onChange={(v) => setFilter(String(v))} options={Object.entries(rowFilters).map(([value, f]) => ({ value, label: f.label(w) }))} />
        <Button icon={<DownloadOutlined />} href={takeUpApi.exportUrl(planId)}>导出电子表格</Button>
        {c.canSetRule ? <RollupRuleButton planId={planId} coverage={c} onSaved={cov.reload} /> : null}
      </Space>
      <Alert type="info" style={{ marginBottom: 12 }} message={`汇总规则:${c.rule}`} />
      <Table<Row>
        rowKey={(r) => r.task.id}
        dataSource={c.rows.filter(rowFilters[filter].keep)}
        pagination={false}
        size="small"
        bordered
        // a district's plan has ~90 tasks: the towns' names stay in view under the top bar (52 px)
        sticky={{ offsetHeader: 52 }}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: '序号', width: 50, fixed: phone ? undefined : 'left', render: (_v, _r, i) => i + 1 },
          { title: '任务', width: phone ? 150 : 260, fixed: phone ? undefined : 'left', dataIndex: ['task', 'title'] },
          ...c.districts.map((d, j) => ({
            title: (
              <Tooltip title={`已落实 ${d.counts.taken_up}（其中${REPORTING_LABELS.reporting} ${d.counts.reporting}）/ 不适用 ${d.counts.not_applicable} / 未落实 ${d.counts.not_taken}`}>
                <span>{d.name}<br /><small>{d.counts.taken_up}/{d.counts.taken_up + d.counts.not_applicable + d.counts.not_taken}</small></span>
              </Tooltip>
            ),
            key: `d${d.id}`,
            width: 92,
            align: 'center' as const,
            onCell: (r: Row) => ({ style: r.cells[j].color ? { background: cellFill[r.cells[j].color!] } : undefined }),
            render: (_v: unknown, r: Row) => {
              const cell = r.cells[j];
              if (cell.state === 'not_applicable') return <Tooltip title={`理由:${cell.reason}`}><Tag color="purple">不适用</Tag></Tooltip>;
              if (cell.state === 'not_taken') return <Typography.Text type="secondary">未落实</Typography.Text>;
              return <Space direction="vertical" size={0}><span>{cell.label}</span><ReportingMark reporting={cell.reporting} /></Space>;
            },
          })),
          { title: '已落实', width: 70, align: 'center', render: (_v, r) => r.counts.taken_up },
          { title: REPORTING_LABELS.reporting, width: 90, align: 'center', render: (_v, r) => r.counts.reporting },
          { title: '不适用', width: 70, align: 'center', render: (_v, r) => r.counts.not_applicable },
          { title: '未落实', width: 70, align: 'center', render: (_v, r) => r.counts.not_taken },
          {
            title: '汇总状态', width: 280,
            render: (_v, r) => (
              <Space direction="vertical" size={2}>
                {r.rollup.color ? <span style={{ background: cellFill[r.rollup.color], padding: '0 6px' }}>{r.rollup.share === null ? '尚无进展' : `${r.rollup.share}% 正常推进`}</span> : null}
                <Typography.Text type="secondary">{r.rollup.text}</Typography.Text>
              </Space>
            ),
          },
        ]}
      />
    </div>
  );
}

/** The issuing region's office chooses how a task's status is rolled up from its districts (audited as plan.rollup_rule). */
function RollupRuleButton({ planId, coverage, onSaved }: { planId: number; coverage: Coverage; onSaved: () => void }) {
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [saving, setSaving] = useState(false);
  const [form] = Form.useForm<RollupRule>();
  const kind = Form.useWatch('kind', form);
  const rule = coverage.rollupRule;
  // 按区县权重 reads 按镇街权重 on a district's plan
  const ruleLabel = (k: RollupRuleKind) => ROLLUP_RULE_LABELS[k].replace('区县', coverage.levelWord);
  const start = () => {
    form.setFieldsValue({ kind: rule.kind, threshold: rule.threshold, weights: Object.fromEntries(coverage.districts.map((d) => [String(d.id), rule.weights[String(d.id)] ?? 1])) });
    setOpen(true);
  };
  const save = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setSaving(true);
    try {
      const weights = v.kind === 'weighted' ? Object.entries(v.weights ?? {}).map(([id, w]) => ({ regionId: Number(id), weight: w ?? 1 })) : undefined;
      await takeUpApi.setRule(planId, { kind: v.kind, threshold: v.threshold, weights });
      message.success('汇总规则已保存');
      setOpen(false);
      onSaved();
    } finally {
      setSaving(false);
    }
  };
  return (
    <>
      <Button onClick={start}>汇总规则:{ruleLabel(rule.kind)}</Button>
      <Modal title="设置汇总规则" open={open} onOk={save} confirmLoading={saving} onCancel={() => setOpen(false)} okText="保存" cancelText="取消" destroyOnHidden>
        <Form form={form} layout="vertical">
          <Form.Item name="kind" label="上级任务的状态">
            <Select options={Object.keys(ROLLUP_RULE_LABELS).map((value) => ({ value, label: ruleLabel(value as RollupRuleKind) }))} />
          </Form.Item>
          {kind && kind !== 'worst' ? (
            <Form.Item name="threshold" label={`阈值(正常推进或已完成的${coverage.levelWord}所占比例,%)`} rules={[{ required: true, message: '请填写阈值' }]}>
              <InputNumber min={1} max={100} addonAfter="%" />
            </Form.Item>
          ) : null}
          {kind === 'weighted'
            ? coverage.districts.map((d) => (
                <Form.Item key={d.id} name={['weights', String(d.id)]} label={`${d.name}权重`} style={{ display: 'inline-block', width: 140, marginRight: 8 }}>
                  <InputNumber min={0} max={100} />
                </Form.Item>
              ))
            : null}
        </Form>
      </Modal>
    </>
  );
}
