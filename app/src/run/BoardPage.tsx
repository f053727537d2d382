// 报送看板 (office): one period — who reported, who is late, red and yellow items with reasons, notices,
// reports waiting for review, the period's lock, and 督办 issued by hand.
import { useState } from 'react';
import { App, Button, Popconfirm, Select, Table, Tabs, Tag } from 'antd';
import { useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { dateTime } from '../format';
import { PageLoading } from '../components/PageLoading';
import { useRequest } from '../useRequest';
import { runApi, type ReportOut } from './runApi';
import { usePlanChoice } from './usePlanChoice';
import { PlanSelect } from './PlanSelect';
import { PeriodBanner } from './PeriodBanner';
import { BoardStats, IndicatorLights, LightList, UnitTable } from './BoardParts';
import { usePendingReports, type PendingReport } from './usePendingReports';
import { ReviewModal } from './ReviewModal';
import { IssueNoticeModal, type NoticeSeed } from './IssueNoticeModal';
import { NoticeTable } from './NoticeTable';
import { NoticeDrawer } from './NoticeDrawer';
import { periodStateLabels } from './runLabels';
import './run.css';

export default function BoardPage() {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const params = useParams();
  const [search, setSearch] = useSearchParams();
  const choice = usePlanChoice(Number(params.id) || undefined);
  const planId = choice.planId;
  const periodKey = search.get('period') ?? undefined;
  const calendar = useRequest(() => (planId ? runApi.calendar(planId) : Promise.resolve(undefined)), [planId]);
  const board = useRequest(() => (planId ? runApi.board(planId, periodKey) : Promise.resolve(undefined)), [planId, periodKey]);
  const pending = usePendingReports(planId, board.data);
  const [reviewing, setReviewing] = useState<PendingReport | null>(null);
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
      board.reload();
    } finally {
      setLocking(false);
    }
  };
  const reviewed = (r: ReportOut) => {
    pending.drop(r.id);
    setReviewing(null);
    board.reload();
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
          <BoardStats board={b} pending={Math.max(b.pendingReview, pending.items.length)} />
          <Tabs
            className="run-section"
            items={[
              {
                key: 'review',
                label: `待审核报告(${b.pendingReview})`,
                children: (
                  <Table<PendingReport>
                    rowKey={(r) => r.report.id}
                    size="small"
                    loading={pending.loading}
                    dataSource={pending.items}
                    locale={{ emptyText: '本期没有待审核的报告' }}
                    pagination={{ pageSize: 10, showTotal: (t) => `共 ${t} 份` }}
                    columns={[
                      { title: '任务', key: 't', render: (_, r) => <span className="clamp-2">{r.task.title}</span> },
                      { title: '报送单位', dataIndex: 'unitName', width: 150 },
                      { title: '填报状态', key: 's', width: 130, render: (_, r) => `${r.report.reportedStatus ?? '—'} ${r.report.progress ?? '—'}%` },
                      { title: '提醒', key: 'w', width: 160, render: (_, r) => (r.report.warnings.length ? <Tag color="warning">{r.report.warnings.length} 条校验提醒</Tag> : r.report.late ? <Tag color="error">逾期报送</Tag> : null) },
                      { title: '报送时间', key: 'at', width: 170, render: (_, r) => dateTime(r.report.submittedAt) },
                      { title: '操作', key: 'op', width: 90, render: (_, r) => <Button size="small" type="primary" onClick={() => setReviewing(r)}>审核</Button> },
                    ]}
                  />
                ),
              },
              { key: 'units', label: `单位报送情况(${b.units.length})`, children: <UnitTable board={b} onNotice={(u) => setSeed({ unitId: u.unitId, title: `${b.period.label}进展未按期报送`, requirement: `${u.unitName}尚有${u.missing}项任务未报送${b.period.label}进展,请立即报送并说明原因。` })} /> },
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
      <ReviewModal report={reviewing?.report ?? null} title={reviewing?.task.title ?? ''} onClose={() => setReviewing(null)} onDone={reviewed} />
      {planId && b && (
        <IssueNoticeModal
          planId={planId}
          units={b.units}
          seed={seed}
          onClose={() => setSeed(null)}
          onDone={() => {
            setSeed(null);
            board.reload();
          }}
        />
      )}
      <NoticeDrawer id={noticeId} onClose={() => setNoticeId(null)} onChange={() => board.reload()} />
    </section>
  );
}
