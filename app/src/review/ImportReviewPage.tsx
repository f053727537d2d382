// 导入审核: the original text on the left, the extracted structure on the right; a click on either
// side finds the other. Every change is sent as a correction; 确认导入 creates the plan.
import { useCallback, useMemo, useState } from 'react';
import { Alert, App, Badge, Button, Grid, Result, Space, Splitter, Tabs, Tag } from 'antd';
import { CheckOutlined, EditOutlined } from '@ant-design/icons';
import { Link, useNavigate, useParams } from 'react-router-dom';
import type { ImportJob, TaskRole } from '../../../shared/api';
import type { ImportCorrection } from '../api';
import type { ParsedPlan } from '../../../shared/parsedPlan';
import { api } from '../api';
import { useMe } from '../auth';
import { SourceText, type Mark } from '../components/SourceText';
import { PageLoading } from '../components/PageLoading';
import { period } from '../format';
import { importStatusLabels, label, planLevelLabels } from '../labels';
import { useRequest } from '../useRequest';
import { pickAt, pickables, type ItemType, type Selection } from './pickables';
import { TaskTab } from './TaskTab';
import { IndicatorTab } from './IndicatorTab';
import { TargetTab } from './TargetTab';
import { ProjectTab } from './ProjectTab';
import { WarningTab } from './WarningTab';
import { UnknownUnitTab } from './UnknownUnitTab';
import { MetaEditModal } from './MetaEditModal';
import { ConfirmImportModal } from './ConfirmImportModal';

type Role = TaskRole;

/** The marks in the text for what is selected on the right. */
function marksFor(p: ParsedPlan, sel: Selection | null, unitCycle: number): Mark[] {
  if (!sel) return [];
  const range = (s: { start: number; end: number } | null | undefined, cls: Mark['cls'] = 'hl'): Mark[] => (s ? [{ start: s.start, end: s.end, cls }] : []);
  switch (sel.type) {
    case 'task': {
      const [id, role, idx] = sel.key.split('|');
      const t = p.tasks.find((x) => x.id === id);
      if (!t) return [];
      if (role) return [...range(t.source), ...range(t[role as Role][Number(idx)]?.source, 'hl-unit')];
      return [...range(t.source), ...[...t.lead, ...t.responsible, ...t.cooperating].flatMap((u) => range(u.source, 'hl-unit'))];
    }
    case 'indicator':
      return range(p.indicators[Number(sel.key)]?.source);
    case 'target':
      return range(p.targets[Number(sel.key)]?.source);
    case 'project':
      return range(p.projects.find((x) => x.id === sel.key)?.source);
    case 'warning':
      return sel.key.startsWith('n') ? range(p.notes[Number(sel.key.slice(1))]?.source) : range(p.warnings[Number(sel.key)]?.source);
    case 'unit': {
      const mentions = p.tasks.flatMap((t) => [...t.lead, ...t.responsible, ...t.cooperating]).filter((u) => u.name === sel.key && u.source);
      mentions.sort((a, b) => a.source!.start - b.source!.start);
      const current = mentions.length ? unitCycle % mentions.length : -1;
      return mentions.map((u, i) => ({ start: u.source!.start, end: u.source!.end, cls: i === current ? ('hl' as const) : ('hl-unit' as const) }));
    }
  }
}

export default function ImportReviewPage() {
  const id = Number(useParams().id);
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { data: job, loading, setData: setJob } = useRequest(['importJob', id], () => api.importJob(id));
  const me = useMe();
  const registry = useRequest(['units'], () => api.units());
  const [tab, setTab] = useState<ItemType>('task');
  const [sel, setSel] = useState<Selection | null>(null);
  const [scrollToken, setScrollToken] = useState(0);
  const [unitCycle, setUnitCycle] = useState(0);
  const [textSel, setTextSel] = useState<{ start: number; end: number } | null>(null);
  const [toCreate, setToCreate] = useState<Set<string>>(new Set());
  const [metaOpen, setMetaOpen] = useState(false);
  const [confirmOpen, setConfirmOpen] = useState(false);
  // on a phone the text and the items side by side leave each a few characters wide: the text goes above them
  const phone = Grid.useBreakpoint().md === false;

  const parsed = job?.parsed ?? null;
  const text = parsed?.text ?? '';
  const items = useMemo(() => (parsed ? pickables(parsed) : []), [parsed]);
  const marks = useMemo(() => (parsed ? marksFor(parsed, sel, unitCycle) : []), [parsed, sel, unitCycle]);

  /** select from the list: highlight and scroll the text */
  const selectFromList = useCallback((s: Selection) => {
    setSel((prev) => {
      if (prev && prev.type === 'unit' && s.type === 'unit' && prev.key === s.key) setUnitCycle((c) => c + 1);
      else if (s.type === 'unit') setUnitCycle(0);
      return s;
    });
    setScrollToken((t) => t + 1);
  }, []);

  /** select from the text: find the item, open its tab, no scrolling of the text */
  const pick = useCallback(
    (offset: number) => {
      if (!parsed) return;
      const hit = pickAt(items, offset, tab);
      if (!hit) return setSel(null);
      if (hit.type === 'unit') {
        const [tid, role, idx] = hit.key.split('|');
        const u = parsed.tasks.find((t) => t.id === tid)?.[role as Role][Number(idx)];
        if (tab === 'unit' && u && job?.unknownUnits.some((x) => x.name === u.name)) {
          setSel({ type: 'unit', key: u.name });
          return;
        }
        setTab('task');
        setSel({ type: 'task', key: hit.key });
        return;
      }
      setTab(hit.type);
      setSel(hit);
    },
    [parsed, items, tab, job],
  );

  const apply = useCallback(
    async (corrections: ImportCorrection[]) => {
      const next: ImportJob = await api.correctImport(id, corrections);
      setJob(next);
      message.success('修改已保存');
    },
    [id, setJob, message],
  );

  if (loading && !job) return <PageLoading tip="正在加载导入内容…" />;
  if (!job) return <Result status="warning" title="无法加载该导入记录" extra={<Link to="/imports">返回导入规划</Link>} />;
  if (!parsed) return <Result status="error" title="该文件未能解析" subTitle={job.error?.message} extra={<Link to="/imports">返回导入规划</Link>} />;

  const editable = job.status === 'review';
  const selKey = (t: ItemType) => (sel && sel.type === t ? sel.key : null);
  const selectedTaskId = sel?.type === 'task' ? sel.key.split('|')[0] : null;
  const openUnits = job.unknownUnits.filter((u) => u.mappedUnitId === null && !toCreate.has(u.name)).length;
  const selectedText = textSel ? { ...textSel, text: text.slice(textSel.start, textSel.end) } : null;
  // the reviewer's own regions first: that is where an import's units normally belong
  const regs = [...(registry.data?.items ?? [])].sort((a, b) => Number(!me.regionIds.includes(a.regionId)) - Number(!me.regionIds.includes(b.regionId)));
  const m = parsed.meta;
  const count = (n: number, warn = false) => <Badge count={n} showZero overflowCount={999} color={warn && n ? '#faad14' : '#bfbfbf'} size="small" style={{ marginLeft: 4 }} />;

  const tabs = [
    { key: 'task', label: <>任务{count(parsed.tasks.length)}</>, children: <TaskTab readOnly={!editable} tasks={parsed.tasks} outline={parsed.outline} registry={regs} selectedId={selectedTaskId} onSelect={(k) => selectFromList({ type: 'task', key: k })} onSelectUnit={(t, r, i) => selectFromList({ type: 'task', key: `${t}|${r}|${i}` })} apply={apply} textSelection={selectedText} /> },
    { key: 'indicator', label: <>指标{count(parsed.indicators.length)}</>, children: <IndicatorTab readOnly={!editable} indicators={parsed.indicators} selected={selKey('indicator') === null ? null : Number(selKey('indicator'))} onSelect={(i) => selectFromList({ type: 'indicator', key: String(i) })} apply={apply} /> },
    { key: 'target', label: <>目标{count(parsed.targets.length)}</>, children: <TargetTab readOnly={!editable} targets={parsed.targets} selected={selKey('target') === null ? null : Number(selKey('target'))} onSelect={(i) => selectFromList({ type: 'target', key: String(i) })} apply={apply} /> },
    { key: 'project', label: <>项目{count(parsed.projects.length)}</>, children: <ProjectTab readOnly={!editable} projects={parsed.projects} selected={selKey('project')} onSelect={(k) => selectFromList({ type: 'project', key: k })} apply={apply} /> },
    { key: 'warning', label: <>提示{count(parsed.warnings.length, true)}</>, children: <WarningTab warnings={parsed.warnings} notes={parsed.notes} selected={selKey('warning')} onSelect={(k) => selectFromList({ type: 'warning', key: k })} /> },
    { key: 'unit', label: <>未识别单位{count(openUnits, true)}</>, children: <UnknownUnitTab readOnly={!editable} units={job.unknownUnits} registry={regs} toCreate={toCreate} setToCreate={setToCreate} selected={selKey('unit')} onSelect={(n) => selectFromList({ type: 'unit', key: n })} apply={apply} /> },
  ];

  return (
    <div className="review-page">
      <div className="review-head">
        <h2 title={m.title}>{m.title || job.filename}</h2>
        <Space size={4} wrap>
          {m.region && <Tag>{m.region}</Tag>}
          {m.level && <Tag>{label(planLevelLabels, m.level)}</Tag>}
          {m.type && <Tag>{m.type}</Tag>}
          {(m.periodStart || m.periodEnd) && <Tag>{period(m.periodStart, m.periodEnd)}</Tag>}
          <Tag color={editable ? 'orange' : 'green'}>{label(importStatusLabels, job.status)}</Tag>
        </Space>
        <span style={{ flex: 1 }} />
        <span className="muted" style={{ fontSize: 12 }}>{job.filename} · {m.charCount.toLocaleString('zh-CN')} 字</span>
        {editable && (
          <>
            <Button icon={<EditOutlined />} onClick={() => setMetaOpen(true)}>
              基本信息
            </Button>
            <Button type="primary" icon={<CheckOutlined />} onClick={() => setConfirmOpen(true)}>
              确认导入
            </Button>
          </>
        )}
        {job.status === 'confirmed' && job.planId && (
          <Button type="primary" onClick={() => navigate(`/plans/${job.planId}`)}>
            查看规划
          </Button>
        )}
      </div>
      {!editable && <Alert type="info" banner title={job.status === 'confirmed' ? '该文件已确认导入,以下内容仅供查看。' : `该导入当前状态为“${label(importStatusLabels, job.status)}”,不能修改。`} />}
      <div className="review-body">
        <Splitter key={phone ? 'stacked' : 'side'} layout={phone ? 'vertical' : 'horizontal'}>
          <Splitter.Panel defaultSize={phone ? '35%' : '46%'} min="20%" max="70%">
            <SourceText text={text} marks={marks} scrollToken={scrollToken} onPick={pick} onSelectRange={setTextSel} label="规划原文" />
          </Splitter.Panel>
          <Splitter.Panel>
            <div className="review-right">
              <Tabs activeKey={tab} onChange={(k) => setTab(k as ItemType)} items={tabs} size="small" />
            </div>
          </Splitter.Panel>
        </Splitter>
      </div>
      <MetaEditModal
        open={metaOpen}
        meta={m}
        onCancel={() => setMetaOpen(false)}
        onSubmit={async (patch) => {
          await apply([{ op: 'updateMeta', patch: { ...patch, type: patch.type ?? null } }]);
          setMetaOpen(false);
        }}
      />
      <ConfirmImportModal
        open={confirmOpen}
        job={job}
        toCreate={toCreate}
        onCancel={() => setConfirmOpen(false)}
        onConfirm={async (status, createUnits) => {
          const { planId } = await api.confirmImport(id, createUnits, status);
          message.success('导入完成,已生成规划');
          navigate(`/plans/${planId}`);
        }}
      />
    </div>
  );
}
