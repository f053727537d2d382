// 项目库 (issue #14): the office's library of key projects — filters, the table with each project's computed status,
// the detail drawer (links, history, reports), phase and roll actions, Excel import (upload → row errors → confirm)
// and export of the library and of the monthly investment ledger. An owner unit sees and reports its own projects.
// ?regionId= narrows to a district and its towns (the map's link), ?project= opens one project's drawer.
// Data through TanStack Query: reads by useRequest (keys 'projects', 'regions', 'units'), changes by useMutation, and a
// change invalidates what it touched ('projects', 'project', 'map') instead of reloading the list by hand.
import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useSearchParams } from 'react-router-dom';
import { Alert, App, Button, DatePicker, Form, Input, InputNumber, Modal, Select, Space, Table, Tag, Typography, Upload } from 'antd';
import { DownloadOutlined, PlusOutlined, SyncOutlined, UploadOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { PROJECT_LIST_LABELS, PROJECT_PHASE_LABELS, type ProjectImportPreview, type ProjectList, type ProjectPhase } from '../../../shared/projects';
import type { Unit } from '../../../shared/api';
import { api } from '../api';
import { useMe } from '../auth';
import { canManagePlans } from '../permissions';
import { loadUnits } from '../unitsCache';
import { StatusLight } from '../run/StatusLight';
import { useInvalidate, useRequest } from '../useRequest';
import { projectApi, type ProjectFilters, type ProjectRow } from './projectApi';
import { ProjectDrawer } from './ProjectDrawer';
import './projects.css';

const phaseOptions = Object.entries(PROJECT_PHASE_LABELS).map(([value, label]) => ({ value, label }));
const listOptions = Object.entries(PROJECT_LIST_LABELS).map(([value, label]) => ({ value, label }));
const statusOptions = [
  { value: 'red', label: '红灯' }, { value: 'yellow', label: '黄灯' }, { value: 'green', label: '绿灯' }, { value: 'grey', label: '灰灯' }, { value: 'blue', label: '已竣工' },
];
const phaseColor: Record<string, string> = { planning: 'default', preparation: 'cyan', scheduled: 'blue', construction: 'orange', completed: 'green', terminated: 'red' };
export const wan = (v: number | null | undefined) => (v === null || v === undefined ? '—' : `${v.toLocaleString('zh-CN', { maximumFractionDigits: 2 })}万元`);

export default function ProjectLibraryPage() {
  const me = useMe();
  const office = canManagePlans(me);
  const { message } = App.useApp();
  const [search, setSearch] = useSearchParams();
  const fromUrl = (k: string) => (/^\d+$/.test(search.get(k) ?? '') ? Number(search.get(k)) : undefined);
  const [filters, setFilters] = useState<ProjectFilters>(() => ({ regionId: fromUrl('regionId') }));
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [open, setOpenState] = useState<number | null>(() => fromUrl('project') ?? null);
  const setOpen = (id: number | null) => {
    setOpenState(id);
    setSearch((s) => {
      const n = new URLSearchParams(s);
      if (id === null) n.delete('project');
      else n.set('project', String(id));
      return n;
    }, { replace: true });
  };
  const regions = useRequest(['regions'], () => api.regions());
  const regionName = regions.data?.items.find((r) => r.id === filters.regionId)?.name;
  const [selected, setSelected] = useState<number[]>([]);
  const [rollOpen, setRollOpen] = useState(false);
  const [createOpen, setCreateOpen] = useState(false);
  const [importOpen, setImportOpen] = useState(false);
  const [ledgerMonth, setLedgerMonth] = useState(dayjs().subtract(dayjs().date() < 26 ? 0 : 0, 'month').format('YYYY-MM'));
  const units = useRequest(['units', 'registry'], loadUnits).data ?? [];
  const list = useRequest(['projects', JSON.stringify(filters), page, pageSize], () => projectApi.list(filters, page, pageSize));
  const invalidate = useInvalidate();
  /** what a change to projects makes stale: the library's pages, the open project, the map's counts and points */
  const changed = () => invalidate(['projects'], ['project'], ['map']);
  const set = (patch: ProjectFilters) => {
    setFilters((f) => ({ ...f, ...patch }));
    setPage(1);
  };
  const unitOptions = units.map((u) => ({ value: u.id, label: u.name }));

  const columns = [
    { title: '项目名称', dataIndex: 'name', key: 'name', width: 240, render: (v: string, r: ProjectRow) => <a onClick={() => setOpen(r.id)}>{v}</a> },
    { title: '业主单位', dataIndex: 'ownerUnitName', key: 'owner', width: 150, render: (v: string | null) => v ?? <span className="muted">未定</span> },
    { title: '区域', dataIndex: 'regionName', key: 'region', width: 90 },
    { title: '阶段', dataIndex: 'phase', key: 'phase', width: 90, render: (v: ProjectPhase) => <Tag color={phaseColor[v]}>{PROJECT_PHASE_LABELS[v]}</Tag> },
    { title: '库别', dataIndex: 'list', key: 'list', width: 90, render: (v: ProjectList, r: ProjectRow) => <span>{PROJECT_LIST_LABELS[v]}{r.listYear ? <span className="muted">({r.listYear})</span> : null}</span> },
    { title: '总投资', dataIndex: 'totalInvestment', key: 'total', width: 110, align: 'right' as const, render: wan },
    { title: '累计完成', dataIndex: 'completedInvestment', key: 'done', width: 110, align: 'right' as const, render: wan },
    { title: '状态', key: 'status', width: 260, render: (_: unknown, r: ProjectRow) => <StatusLight status={r.status} compact /> },
  ];

  return (
    <div className="project-library">
      <div className="page-head">
        <Typography.Title level={3} style={{ margin: 0 }}>项目库</Typography.Title>
        <Space wrap>
          {office && <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreateOpen(true)}>新建项目</Button>}
          {office && <Button icon={<UploadOutlined />} onClick={() => setImportOpen(true)}>导入项目表</Button>}
          <Button icon={<DownloadOutlined />} href={projectApi.exportUrl(filters)}>导出项目库</Button>
          <Space.Compact>
            <Input aria-label="台账月份" style={{ width: 96 }} value={ledgerMonth} onChange={(e) => setLedgerMonth(e.target.value)} />
            <Button icon={<DownloadOutlined />} href={/^\d{4}-\d{2}$/.test(ledgerMonth) ? projectApi.ledgerUrl(filters, ledgerMonth) : undefined} disabled={!/^\d{4}-\d{2}$/.test(ledgerMonth)}>投资台账</Button>
          </Space.Compact>
        </Space>
      </div>
      <div className="project-filters">
        <Input.Search allowClear placeholder="项目名称、建设内容、地点" aria-label="搜索项目" onSearch={(q) => set({ q: q || undefined })} style={{ width: 220 }} />
        <Select allowClear placeholder="阶段" aria-label="阶段" options={phaseOptions} value={filters.phase} onChange={(v) => set({ phase: v })} style={{ width: 110 }} />
        <Select allowClear placeholder="库别" aria-label="库别" options={listOptions} value={filters.list} onChange={(v) => set({ list: v })} style={{ width: 110 }} />
        <Select allowClear placeholder="状态" aria-label="状态" options={statusOptions} value={filters.status} onChange={(v) => set({ status: v })} style={{ width: 100 }} />
        {!me.unitId || office ? (
          <Select allowClear showSearch optionFilterProp="label" placeholder="业主单位" aria-label="业主单位" options={unitOptions} value={filters.ownerUnitId} onChange={(v) => set({ ownerUnitId: v })} style={{ width: 180 }} />
        ) : null}
        <Input allowClear placeholder="类别" aria-label="类别" style={{ width: 110 }} onChange={(e) => set({ category: e.target.value || undefined })} />
        {filters.regionId !== undefined && (
          <Tag closable data-testid="region-filter" onClose={() => { set({ regionId: undefined }); setSearch((s) => { const n = new URLSearchParams(s); n.delete('regionId'); return n; }, { replace: true }); }}>
            区域:{regionName ?? '所选区县'}(含镇街)
          </Tag>
        )}
      </div>
      {office && selected.length > 0 && (
        <Alert type="info" showIcon style={{ marginBottom: 8 }} message={<Space wrap>已选 {selected.length} 个项目<Button size="small" icon={<SyncOutlined />} onClick={() => setRollOpen(true)}>滚动调整</Button><Button size="small" onClick={() => setSelected([])}>取消选择</Button></Space>} />
      )}
      <Table<ProjectRow>
        rowKey="id"
        size="small"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        columns={columns}
        scroll={{ x: 1100 }}
        rowSelection={office ? { selectedRowKeys: selected, onChange: (keys) => setSelected(keys as number[]), getCheckboxProps: (r) => ({ disabled: !r.canManage || r.phase === 'completed' || r.phase === 'terminated' }) } : undefined}
        pagination={{ current: page, pageSize, total: list.data?.total ?? 0, showSizeChanger: true, showTotal: (n) => `共 ${n} 个项目`, onChange: (p, s) => { setPage(p); setPageSize(s); } }}
      />
      <ProjectDrawer id={open} onClose={() => setOpen(null)} onChanged={() => void invalidate(['projects'], ['map'])} units={units} />
      <RollModal open={rollOpen} ids={selected} onClose={() => setRollOpen(false)} onDone={() => { setRollOpen(false); setSelected([]); void changed(); message.success('已滚动调整'); }} />
      <CreateModal open={createOpen} units={units} regionId={me.regionIds[0] ?? null} onClose={() => setCreateOpen(false)} onDone={(id) => { setCreateOpen(false); void changed(); setOpen(id); }} />
      <ImportModal open={importOpen} onClose={() => setImportOpen(false)} onDone={(n) => { setImportOpen(false); void changed(); message.success(`已导入 ${n} 个项目`); }} />
    </div>
  );
}

function RollModal({ open, ids, onClose, onDone }: { open: boolean; ids: number[]; onClose: () => void; onDone: () => void }) {
  const [form] = Form.useForm();
  // a refusal is shown by the API client (ErrorBridge); the dialog stays open
  const roll = useMutation({ mutationFn: (v: { year: number; list: ProjectList }) => projectApi.roll({ year: v.year, moves: ids.map((projectId) => ({ projectId, list: v.list })) }), onSuccess: onDone });
  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (v) roll.mutate(v);
  };
  return (
    <Modal title="滚动调整" open={open} onCancel={onClose} onOk={submit} okText="调整" confirmLoading={roll.isPending} destroyOnHidden>
      <Typography.Paragraph type="secondary">将所选 {ids.length} 个项目调入某一年度的库别;调入年度计划的谋划储备、前期项目转为“年度计划”阶段,调出年度计划的转回“前期”。每次调整都留痕。</Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={{ year: new Date().getFullYear() + 1, list: 'rolling' }}>
        <Form.Item name="year" label="年度" rules={[{ required: true }]}><InputNumber min={2000} max={2100} /></Form.Item>
        <Form.Item name="list" label="调入" rules={[{ required: true }]}><Select options={listOptions} /></Form.Item>
      </Form>
    </Modal>
  );
}

function CreateModal({ open, units, regionId, onClose, onDone }: { open: boolean; units: Unit[]; regionId: number | null; onClose: () => void; onDone: (id: number) => void }) {
  const [form] = Form.useForm();
  const create = useMutation({
    mutationFn: (body: Record<string, unknown>) => projectApi.create(body),
    onSuccess: (row) => {
      form.resetFields();
      onDone(row.id);
    },
  });
  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    create.mutate({
      name: v.name, text: v.text ?? '', location: v.location || null, regionId, ownerUnitId: v.ownerUnitId ?? null, category: v.category || null,
      totalInvestment: v.totalInvestment ?? null, startDate: v.start ? v.start.format('YYYY-MM-DD') : null, finishDate: v.finish ? v.finish.format('YYYY-MM-DD') : null,
      phase: v.phase, list: v.list,
    });
  };
  return (
    <Modal title="新建项目" open={open} onCancel={onClose} onOk={submit} okText="入库" confirmLoading={create.isPending} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ phase: 'planning', list: 'reserve' }}>
        <Form.Item name="name" label="项目名称" rules={[{ required: true, min: 2, message: '请填写项目名称(至少2个字)' }]}><Input /></Form.Item>
        <Form.Item name="text" label="建设内容"><Input.TextArea rows={3} /></Form.Item>
        <Space wrap>
          <Form.Item name="location" label="建设地点"><Input /></Form.Item>
          <Form.Item name="category" label="项目类别"><Input /></Form.Item>
        </Space>
        <Form.Item name="ownerUnitId" label="业主单位"><Select allowClear showSearch optionFilterProp="label" options={units.map((u) => ({ value: u.id, label: u.name }))} /></Form.Item>
        <Space wrap>
          <Form.Item name="totalInvestment" label="总投资(万元)"><InputNumber min={0} style={{ width: 160 }} /></Form.Item>
          <Form.Item name="start" label="计划开工"><DatePicker /></Form.Item>
          <Form.Item name="finish" label="计划竣工"><DatePicker /></Form.Item>
        </Space>
        <Space wrap>
          <Form.Item name="phase" label="阶段"><Select style={{ width: 120 }} options={phaseOptions.filter((o) => o.value !== 'completed' && o.value !== 'terminated')} /></Form.Item>
          <Form.Item name="list" label="库别"><Select style={{ width: 120 }} options={listOptions} /></Form.Item>
        </Space>
      </Form>
    </Modal>
  );
}

function ImportModal({ open, onClose, onDone }: { open: boolean; onClose: () => void; onDone: (n: number) => void }) {
  const [file, setFile] = useState<File | null>(null);
  // the preview (nothing saved) and the confirmation (saved) are two mutations of one upload
  const check = useMutation({ mutationFn: (f: File) => projectApi.importFile(f, false, () => {}) });
  const save = useMutation({ mutationFn: (f: File) => projectApi.importFile(f, true, () => {}) });
  const preview: ProjectImportPreview | null = check.data ?? null;
  const error = ((save.error ?? check.error) as Error | null)?.message ?? null;
  const busy = check.isPending || save.isPending;
  const reset = () => {
    setFile(null);
    check.reset();
    save.reset();
  };
  const read = (f: File) => {
    reset();
    setFile(f);
    check.mutate(f);
  };
  const confirm = () => {
    if (!file) return;
    save.mutate(file, {
      onSuccess: (r) => {
        reset();
        onDone(r.saved);
      },
    });
  };
  const fields = preview ? Object.values(preview.columns) : [];
  const labels: Record<string, string> = { name: '项目名称', owner: '业主单位', total: '总投资', annual: '年度计划投资', start: '开工', finish: '竣工', phase: '阶段', location: '建设地点' };
  return (
    <Modal title="导入项目表" open={open} width={860} onCancel={() => { reset(); onClose(); }} destroyOnHidden
      footer={[<Button key="c" onClick={() => { reset(); onClose(); }}>取消</Button>, <Button key="ok" type="primary" disabled={!preview || preview.errorCount > 0 || !preview.rows.length} loading={busy} onClick={confirm}>确认导入{preview ? ` ${preview.rows.length} 个项目` : ''}</Button>]}>
      <Typography.Paragraph type="secondary">上传本单位日常使用的项目表(电子表格):自动识别表头(项目名称、建设内容、建设地点、业主单位、总投资、年度计划投资、开工/竣工时间…),先逐行检查,有错误的行全部改正后才能导入。</Typography.Paragraph>
      <Upload accept=".xlsx" maxCount={1} showUploadList={false} beforeUpload={(f) => { read(f); return false; }}>
        <Button icon={<UploadOutlined />} loading={busy && !preview}>选择文件</Button>
      </Upload>
      {file && <span style={{ marginLeft: 8 }}>{file.name}</span>}
      {error && <Alert type="error" showIcon style={{ marginTop: 12 }} message={error} />}
      {preview && (
        <>
          <Alert style={{ marginTop: 12 }} showIcon type={preview.errorCount ? 'warning' : 'success'}
            message={preview.errorCount ? `共 ${preview.rows.length} 行,${preview.rows.filter((r) => r.errors.length).length} 行有错误,请修改 Excel 后重新选择文件;未保存任何数据` : `共 ${preview.rows.length} 行,检查通过,可以导入`} />
          <Table size="small" rowKey="rowNumber" style={{ marginTop: 8 }} scroll={{ x: 800, y: 360 }} pagination={false} dataSource={preview.rows}
            rowClassName={(r) => (r.errors.length ? 'import-row-error' : '')}
            columns={[
              { title: '行', dataIndex: 'rowNumber', width: 50 },
              ...['name', 'owner', 'total', 'start', 'finish', 'phase'].filter((f) => f === 'name' || fields.includes(f as never)).map((f) => ({ title: labels[f], key: f, width: f === 'name' ? 200 : 100, render: (_: unknown, r: ProjectImportPreview['rows'][number]) => r.values[f] ?? '' })),
              { title: '检查结果', key: 'errors', width: 260, render: (_: unknown, r: ProjectImportPreview['rows'][number]) => (r.errors.length ? <span className="import-errors">{r.errors.join(';')}</span> : <Tag color="success">通过</Tag>) },
            ]} />
        </>
      )}
    </Modal>
  );
}
