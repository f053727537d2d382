// 报送看板 (office): one period — who reported, who is late, red and yellow items with reasons, notices,
// reports waiting for review, the plan's reports (filtered, paged; ?report= opens one), the period's lock,
// the 单位负责人预审 switch, the plan's 实施设置, and 督办 issued by hand.
import { useState } from 'react';
import { App, Button, Popconfirm, Segmented, Select, Space, Switch, Tabs, Tooltip } from 'antd';
import { useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { PageLoading } from '../components/PageLoading';
import { useInvalidate, useRequest } from '../useRequest';
import { runApi, type PlanReportItem, type ReportOut } from './runApi';
import { usePlanChoice } from './usePlanChoice';
import { PlanSelect } from './PlanSelect';
import { PeriodBanner } from './PeriodBanner';
import { BoardStats, IndicatorLights, LightList, UnitTable } from './BoardParts';
import { usePlanReports } from './usePlanReports';
import { PlanReportTable } from './PlanReportTable';
import { ReportDrawer } from './ReportDrawer';
import { ReviewModal } from './ReviewModal';
import { IssueNoticeModal, type NoticeSeed } from './IssueNoticeModal';
import { NoticeTable } from './NoticeTable';
import { NoticeDrawer } from './NoticeDrawer';
import { RunSettingsDrawer } from './RunSettingsDrawer';
import { BatchReviewBar } from '../bulk/BatchReviewBar';
import { RemindUnitsButton } from '../bulk/RemindUnitsButton';
import { periodStateLabels, reportStatusLabels, reportStatusOrder } from './runLabels';
import './run.css';

export default function BoardPage() {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const params = useParams();
  const [search, setSearch] = useSearchParams();
  const choice = usePlanChoice(Number(params.id) || undefined);
  const planId = choice.planId;
  const periodKey = search.get('period') ?? undefined;
  const calendar = useRequest(['calendar', planId], () => (planId ? runApi.calendar(planId) : Promise.resolve(undefined)));
  const board = useRequest(['board', planId, periodKey], () => (planId ? runApi.board(planId, periodKey) : Promise.resolve(undefined)));
  const [statusFilter, setStatusFilter] = useState<string | undefined>(undefined);
  const [unitFilter, setUnitFilter] = useState<number | undefined>(undefined);
  const [allPeriods, setAllPeriods] = useState(false);
  // every report waiting for the office, whatever its period; and the plan's reports under the filters
  const pending = usePlanReports(planId, { status: 'submitted' });
  const reports = usePlanReports(planId, { period: allPeriods ? undefined : board.data?.period.key, status: statusFilter, unitId: unitFilter });
  const [reviewing, setReviewing] = useState<{ report: ReportOut; title: string } | null>(null);
  // 批量审核 and 下一条: the ticked reports, and those decided since the queue was read
  const [picked, setPicked] = useState<number[]>([]);
  const [decided, setDecided] = useState<Set<number>>(new Set());
  const queue = (pending.data?.items ?? []).filter((r) => !decided.has(r.id));
  const queueAt = reviewing ? queue.findIndex((r) => r.id === reviewing.report.id) : -1;
  const nextOf = (id: number) => {
    const at = queue.findIndex((r) => r.id === id);
    return [...queue.slice(at + 1), ...queue.slice(0, Math.max(at, 0))].find((r) => r.id !== id) ?? null;
  };
  const [savingSetting, setSavingSetting] = useState(false);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const reportId = Number(search.get('report')) || null;
  const openReport = (r: PlanReportItem) => setSearch((p) => (p.set('report', String(r.id)), p));
  const closeReport = () => setSearch((p) => (p.delete('report'), p));
  const unitHeadReview = calendar.data?.settings.unitHeadReview ?? false;
  // what a change makes stale is invalidated by key: every list, drawer and count showing it (here, on the home
  // pages, in 我的报送) is fetched again — no page reloads its siblings by hand
  const invalidate = useInvalidate();
  const afterReview = () => invalidate(['reports'], ['board', planId], ['home'], ['task']);
  const afterNotice = () => invalidate(['board', planId], ['notices'], ['home']);
  const afterSettings = () => invalidate(['calendar', planId], ['board', planId]);
  const [seed, setSeed] = useState<NoticeSeed | null>(null);
  const [noticeId, setNoticeId] = useState<number | null>(null);
  const [locking, setLocking] = useState(false);
  const b = board.data;
  const locked = b?.period.state === 'locked';

  const toggleLock = async () => {
    if (!planId || !b) return;
    setLocking(true);
    try {
      await runApi.lockPeriod(planId, b.period.key, !locked);
      message.success(locked ? '报送期已解锁,单位可以补报' : '报送期已锁定');
      void afterSettings();
    } finally {
      setLocking(false);
    }
  };
  const reviewed = (r: ReportOut) => {
    // 下一条: the next report waiting opens at once, until none is left
    const next = nextOf(r.id);
    setDecided((d) => new Set(d).add(r.id));
    setReviewing(next ? { report: next, title: next.taskTitle } : null);
    void afterReview();
  };
  const toggleUnitHeadReview = async (on: boolean) => {
    if (!planId) return;
    setSavingSetting(true);
    try {
      await runApi.updateSettings(planId, { unitHeadReview: on });
      message.success(on ? '已开启单位负责人预审:填报员报送的报告须经本单位负责人审核后才报送规划办' : '已关闭单位负责人预审');
      void afterSettings();
    } finally {
      setSavingSetting(false);
    }
  };

  return (
    <section>
      <div className="page-head">
        <h2>报送看板</h2>
        <div className="toolbar">
          <PlanSelect plans={choice.plans} value={planId} onChange={(id) => navigate(`/board/${id}`)} loading={choice.loading} />
          <Select
            aria-label="选择报送期"
            style={{ width: 200 }}
            value={b?.period.key}
            onChange={(k) => setSearch((p) => (p.set('period', k), p))}
            options={(calendar.data?.periods ?? []).slice().reverse().map((p) => ({ value: p.key, label: `${p.label}(${periodStateLabels[p.state]})` }))}
          />
          {b && (
            <Popconfirm title={locked ? '解锁后单位可以补报或修改,确定解锁?' : '锁定后单位不能再报送本期,确定锁定?'} okText="确定" cancelText="取消" onConfirm={toggleLock}>
              <Button loading={locking}>{locked ? '解锁报送期' : '锁定报送期'}</Button>
            </Popconfirm>
          )}
          <Tooltip title="开启后,单位填报员报送的报告先由本单位负责人审核,通过后才报送规划办">
            <Space size={6}>
              <Switch aria-label="单位负责人预审" size="small" checked={unitHeadReview} loading={savingSetting || calendar.loading} onChange={toggleUnitHeadReview} />
              <span>单位负责人预审</span>
            </Space>
          </Tooltip>
          <Button disabled={!planId} onClick={() => setSettingsOpen(true)}>
            实施设置
          </Button>
          <Button type="primary" disabled={!b} onClick={() => setSeed({})}>
            下发督办
          </Button>
        </div>
      </div>
      {!b ? (
        <PageLoading />
      ) : (
        <>
          <PeriodBanner period={b.period} />
          <BoardStats board={b} pending={pending.data?.total ?? b.pendingReview} />
          <Tabs
            className="run-section"
            defaultActiveKey={search.get('tab') ?? undefined}
            items={[
              {
                key: 'review',
                label: `待审核报告(${pending.data?.total ?? b.pendingReview})`,
                children: (
                  <>
                    {planId && (
                      <BatchReviewBar
                        planId={planId}
                        selected={picked}
                        nameOf={(id) => `「${pending.data?.items.find((r) => r.id === id)?.taskTitle ?? id}」`}
                        onClear={() => setPicked([])}
                        onDone={() => {
                          setPicked([]);
                          void afterReview();
                        }}
                      />
                    )}
                    <PlanReportTable
                      list={pending}
                      onOpen={openReport}
                      canReview={() => true}
                      onReview={(r) => setReviewing({ report: r, title: r.taskTitle })}
                      empty="没有待审核的报告"
                      selection={{ keys: picked, onChange: setPicked }}
                    />
                  </>
                ),
              },
              {
                key: 'reports',
                label: `全部报告(${reports.data?.total ?? 0})`,
                children: (
                  <div>
                    <Space wrap style={{ marginBottom: 12 }}>
                      <Segmented value={allPeriods ? 'all' : 'period'} onChange={(v) => setAllPeriods(v === 'all')} options={[{ value: 'period', label: `${b.period.label}` }, { value: 'all', label: '全部报送期' }]} />
                      <Select aria-label="按报告状态筛选" allowClear placeholder="全部状态" style={{ width: 180 }} value={statusFilter} onChange={setStatusFilter} options={reportStatusOrder.map((k) => ({ value: k, label: reportStatusLabels[k] }))} />
                      <Select
                        aria-label="按报送单位筛选"
                        allowClear
                        showSearch={{ optionFilterProp: 'label' }}
                        placeholder="全部单位"
                        style={{ width: 240 }}
                        value={unitFilter}
                        onChange={setUnitFilter}
                        options={b.units.map((u) => ({ value: u.unitId, label: u.unitName }))}
                      />
                    </Space>
                    <PlanReportTable
                      list={reports}
                      onOpen={openReport}
                      canReview={(r) => r.status === 'submitted'}
                      onReview={(r) => setReviewing({ report: r, title: r.taskTitle })}
                      empty="没有符合条件的报告"
                    />
                  </div>
                ),
              },
              { key: 'units', label: `单位报送情况(${b.units.length})`, children: <>{planId && <div className="toolbar" style={{ marginBottom: 8 }}><RemindUnitsButton planId={planId} periodKey={b.period.key} periodLabel={b.period.label} units={b.units} /></div>}<UnitTable board={b} onNotice={(u) => setSeed({ unitId: u.unitId, title: `${b.period.label}进展未按期报送`, requirement: `${u.unitName}尚有${u.missing}项任务未报送${b.period.label}进展,请立即报送并说明原因。` })} /></> },
              {
                key: 'lights',
                label: `红黄灯任务(${b.red.length + b.yellow.length})`,
                children: (
                  <div className="chart-grid">
                    <div>
                      <h3>红灯({b.red.length})</h3>
                      <LightList items={b.red} color="red" label="红灯" onNotice={(taskId, title, reason) => setSeed({ taskId, title: `任务进展滞后:${title}`, requirement: `${reason}。请分析原因,提出整改措施并按期反馈。` })} />
                    </div>
                    <div>
                      <h3>黄灯({b.yellow.length})</h3>
                      <LightList items={b.yellow} color="yellow" label="黄灯" onNotice={(taskId, title, reason) => setSeed({ taskId, title: `任务进展偏慢:${title}`, requirement: `${reason}。请加快推进并按期反馈。` })} />
                    </div>
                  </div>
                ),
              },
              { key: 'indicators', label: `指标预警(${b.indicators.length})`, children: <IndicatorLights items={b.indicators} /> },
              { key: 'notices', label: `督办件(${b.notices.filter((n) => n.status !== 'closed').length} 件未办结)`, children: <NoticeTable items={b.notices} onOpen={(n) => setNoticeId(n.id)} pageSize={10} /> },
            ]}
          />
        </>
      )}
      <ReviewModal
        report={reviewing?.report ?? null}
        title={reviewing?.title ?? ''}
        onClose={() => setReviewing(null)}
        onDone={reviewed}
        // where this report is among all those waiting (the list is paged: its page's place, out of the total)
        position={queueAt >= 0 ? `第 ${(pending.page - 1) * pending.pageSize + queueAt + 1} / ${Math.max(pending.data?.total ?? 0, queue.length)} 份待审核` : undefined}
        onNext={reviewing && queueAt >= 0 && nextOf(reviewing.report.id) ? () => { const n = nextOf(reviewing.report.id)!; setReviewing({ report: n, title: n.taskTitle }); } : undefined}
      />
      <ReportDrawer id={reportId} onClose={closeReport} onReview={(r, title) => setReviewing({ report: r, title })} reviewable={(r) => r.status === 'submitted'} />
      {planId && b && (
        <IssueNoticeModal
          planId={planId}
          units={b.units}
          seed={seed}
          onClose={() => setSeed(null)}
          onDone={() => {
            setSeed(null);
            void afterNotice();
          }}
        />
      )}
      <NoticeDrawer id={noticeId} onClose={() => setNoticeId(null)} onChange={() => void afterNotice()} />
      {planId && (
        <RunSettingsDrawer
          planId={planId}
          open={settingsOpen}
          onClose={() => setSettingsOpen(false)}
          onSaved={() => {
            void afterSettings();
          }}
        />
      )}
    </section>
  );
}
