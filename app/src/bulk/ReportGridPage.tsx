// 批量填报: every lead task due this period across the unit's plans on one page, one editable row each (推进状态,
// 完成进度, 完成情况, 存在问题, 下步计划), "复制上月" per row and for all blank rows, drafts saved and reports submitted
// many at once; a refused row keeps what was typed and shows why. The ledger Excel goes both ways from here.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Alert, App, Button, Empty, Input, InputNumber, Select, Space, Tag } from 'antd';
import { CopyOutlined, DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { PageLoading } from '../components/PageLoading';
import { reportedStatuses, reportStatusColors, reportStatusLabels } from '../run/runLabels';
import { bulkApi, type GridItem, type ReportGrid, type ReportGridRow } from './bulkApi';
import { LedgerUploadModal } from './LedgerUploadModal';
import './bulk.css';

interface Vals {
  reportedStatus: string | null;
  progress: number | null;
  progressText: string;
  problems: string;
  nextSteps: string;
}

const fromReport = (r: Omit<Vals, 'reportedStatus'> & { reportedStatus: string | null } | null): Vals => ({
  reportedStatus: r?.reportedStatus ?? null, progress: r?.progress ?? null, progressText: r?.progressText ?? '', problems: r?.problems ?? '', nextSteps: r?.nextSteps ?? '',
});
const blank = (v: Vals) => !v.reportedStatus && v.progress === null && !v.progressText && !v.problems && !v.nextSteps;

export default function ReportGridPage() {
  const { message, modal } = App.useApp();
  const [grid, setGrid] = useState<ReportGrid | null>(null);
  const [vals, setVals] = useState<Record<number, Vals>>({});
  const [errors, setErrors] = useState<Record<number, string>>({});
  const [busy, setBusy] = useState<'save' | 'submit' | null>(null);
  const [ledgerOpen, setLedgerOpen] = useState(false);

  /** reads the grid again; the rows named in `keep` keep what was typed (they were refused) */
  const load = useCallback(async (keep: Set<number> = new Set()) => {
    const g = await bulkApi.grid();
    setGrid(g);
    setVals((prev) => Object.fromEntries(g.rows.map((r) => [r.taskId, keep.has(r.taskId) && prev[r.taskId] ? prev[r.taskId] : fromReport(r.report)])));
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  const editable = useMemo(() => grid?.rows.filter((r) => r.editable) ?? [], [grid]);
  const set = (taskId: number, patch: Partial<Vals>) => {
    setVals((v) => ({ ...v, [taskId]: { ...v[taskId], ...patch } }));
    setErrors((e) => (e[taskId] ? { ...e, [taskId]: '' } : e));
  };
  const copy = (r: ReportGridRow) => r.previous && set(r.taskId, fromReport(r.previous));
  const blankWithPrevious = editable.filter((r) => r.previous && blank(vals[r.taskId] ?? fromReport(null)));
  const copyAll = () => {
    for (const r of blankWithPrevious) copy(r);
    message.success(`已将上期报告复制到 ${blankWithPrevious.length} 项空白任务,请修改有变化的内容`);
  };

  const filled = editable.filter((r) => vals[r.taskId] && !blank(vals[r.taskId]));
  const run = async (submit: boolean) => {
    const missingStatus = filled.filter((r) => !vals[r.taskId].reportedStatus);
    if (missingStatus.length) {
      setErrors(Object.fromEntries(missingStatus.map((r) => [r.taskId, '请选择推进状态'])));
      message.error(`${missingStatus.length} 项未选择推进状态`);
      return;
    }
    const items: GridItem[] = filled.map((r) => ({ taskId: r.taskId, period: r.period.key, ...(vals[r.taskId] as Vals & { reportedStatus: string }), ...(r.report ? { version: r.report.version } : {}) }));
    setBusy(submit ? 'submit' : 'save');
    try {
      const res = await bulkApi.saveReports(items, submit);
      const failed = res.items.filter((i) => !i.ok);
      setErrors(Object.fromEntries(failed.map((f) => [f.id, f.error?.message ?? '保存失败'])));
      const verb = submit ? '报送' : '保存';
      if (failed.length) message.warning(`${res.done} 项已${verb},${failed.length} 项未${verb},原因见各行`);
      else message.success(`${res.done} 项已${verb}`);
      await load(new Set(failed.map((f) => f.id)));
    } finally {
      setBusy(null);
    }
  };
  const submitAll = () =>
    modal.confirm({
      title: `报送 ${filled.length} 项进展报告?`,
      content: '报送后由规划办审核,审核前不能再修改;未填写的任务不会报送。',
      okText: '报送',
      cancelText: '取消',
      onOk: () => run(true),
    });

  if (!grid) return <PageLoading />;
  const waiting = grid.rows.length - editable.length;
  return (
    <section className="report-grid">
      <div className="page-head">
        <h2>批量填报{grid.unitName ? ` · ${grid.unitName}` : ''}</h2>
        <div className="toolbar">
          <Button icon={<CopyOutlined />} onClick={copyAll} disabled={!blankWithPrevious.length}>
            全部复制上月{blankWithPrevious.length ? `(${blankWithPrevious.length})` : ''}
          </Button>
          <Button icon={<DownloadOutlined />} href={bulkApi.ledgerUrl} disabled={!editable.length}>
            下载台账
          </Button>
          <Button icon={<UploadOutlined />} onClick={() => setLedgerOpen(true)} disabled={!editable.length}>
            上传台账
          </Button>
        </div>
      </div>
      <p className="muted report-grid-intro">
        本期应报 {grid.rows.length} 项(待填 {editable.length} 项{waiting ? `,已报送或已锁定 ${waiting} 项` : ''})。可逐项“复制上月”后只改有变化的内容;“保存草稿”不报送,“全部报送”报送所有已填写的任务。
      </p>
      {!grid.rows.length ? (
        <Empty description="本期没有需要本单位牵头报送的任务" />
      ) : (
        <div className="report-grid-rows">
          <div className="report-grid-head" aria-hidden>
            <span>任务</span>
            <span>推进状态</span>
            <span>完成进度</span>
            <span>完成情况</span>
            <span>存在问题</span>
            <span>下步计划</span>
            <span />
          </div>
          {grid.rows.map((r) => (
            <GridRow key={r.taskId} row={r} v={vals[r.taskId] ?? fromReport(null)} error={errors[r.taskId]} onChange={(p) => set(r.taskId, p)} onCopy={() => copy(r)} />
          ))}
        </div>
      )}
      {editable.length > 0 && (
        <div className="report-grid-actions">
          <span className="muted">已填写 {filled.length} / {editable.length} 项</span>
          <Space wrap>
            <Button onClick={() => run(false)} loading={busy === 'save'} disabled={!filled.length || !!busy}>
              保存草稿
            </Button>
            <Button type="primary" onClick={submitAll} loading={busy === 'submit'} disabled={!filled.length || !!busy}>
              全部报送({filled.length})
            </Button>
          </Space>
        </div>
      )}
      <LedgerUploadModal open={ledgerOpen} onClose={() => setLedgerOpen(false)} onSaved={() => load()} />
    </section>
  );
}

function GridRow({ row: r, v, error, onChange, onCopy }: { row: ReportGridRow; v: Vals; error?: string; onChange: (p: Partial<Vals>) => void; onCopy: () => void }) {
  const status = r.report?.status;
  const label = `「${r.taskTitle}」`;
  return (
    <div className={`report-grid-row${r.editable ? '' : ' is-done'}${error ? ' has-error' : ''}`} data-task-id={r.taskId}>
      <div className="report-grid-task">
        <div className="report-grid-title">{r.taskTitle}</div>
        <div className="report-grid-meta">
          <span>{r.planTitle}</span>
          <span>
            {r.period.label} · 截止 {r.period.dueDate}
          </span>
          {status && <Tag color={reportStatusColors[status]}>{reportStatusLabels[status]}</Tag>}
        </div>
        {r.report?.status === 'returned' && r.report.returnReason && <div className="report-grid-return">退回理由:{r.report.returnReason}</div>}
      </div>
      {r.editable ? (
        <>
          <Select
            className="report-grid-status"
            aria-label={`${label}推进状态`}
            placeholder="推进状态"
            value={v.reportedStatus ?? undefined}
            onChange={(s) => onChange({ reportedStatus: s })}
            options={reportedStatuses.map((s) => ({ value: s, label: s }))}
          />
          <InputNumber
            className="report-grid-progress"
            aria-label={`${label}完成进度`}
            placeholder="进度"
            min={0}
            max={100}
            suffix="%"
            value={v.progress}
            onChange={(p) => onChange({ progress: typeof p === 'number' ? p : null })}
          />
          <Input.TextArea aria-label={`${label}完成情况`} placeholder="完成情况" autoSize={{ minRows: 1, maxRows: 6 }} maxLength={5000} value={v.progressText} onChange={(e) => onChange({ progressText: e.target.value })} />
          <Input.TextArea aria-label={`${label}存在问题`} placeholder="存在问题" autoSize={{ minRows: 1, maxRows: 6 }} maxLength={5000} value={v.problems} onChange={(e) => onChange({ problems: e.target.value })} />
          <Input.TextArea aria-label={`${label}下步计划`} placeholder="下步计划" autoSize={{ minRows: 1, maxRows: 6 }} maxLength={5000} value={v.nextSteps} onChange={(e) => onChange({ nextSteps: e.target.value })} />
          <Button size="small" icon={<CopyOutlined />} disabled={!r.previous} onClick={onCopy} title={r.previous ? `复制${r.previous.periodLabel}的报告` : '没有上期报告'}>
            复制上月
          </Button>
        </>
      ) : (
        <div className="report-grid-readonly">
          <span>{v.reportedStatus ?? '—'}</span>
          <span>{v.progress === null ? '—' : `${v.progress}%`}</span>
          <span className="clamp-2">{v.progressText || '—'}</span>
        </div>
      )}
      {error && <Alert className="report-grid-error" type="error" showIcon title={error} />}
    </div>
  );
}
