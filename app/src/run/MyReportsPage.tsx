// 我的报送: this period's progress reports for the tasks my unit leads, and my part in tasks others lead —
// across all my plans unless one is chosen (?plan=); ?task= opens a task's form (links from the home page).
import { useState } from 'react';
import { Alert, Button, Drawer, Empty, Table, Tabs, Tag } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { useMe } from '../auth';
import { useInvalidate } from '../useRequest';
import { deadline } from '../format';
import { PageLoading } from '../components/PageLoading';
import { PlanSelect } from './PlanSelect';
import { usePlanChoice } from './usePlanChoice';
import { useMyReports, type TaskRow } from './useMyReports';
import { PeriodBanner } from './PeriodBanner';
import { StatusLight } from './StatusLight';
import { ReportForm } from './ReportForm';
import { ContributionForm, ContributionList } from './ContributionForm';
import { reportStatusColors, reportStatusLabels } from './runLabels';
import { canUnitReview } from './runPermissions';
import { usePlanReports } from './usePlanReports';
import { useReportsAcrossPlans } from './useReportsAcrossPlans';
import { PlanReportTable } from './PlanReportTable';
import { ReportDrawer } from './ReportDrawer';
import { ReviewModal } from './ReviewModal';
import type { ReportOut } from './runApi';
import './run.css';

function ReportState({ row }: { row: TaskRow }) {
  const r = row.report;
  if (!r) return <Tag>未填报</Tag>;
  return (
    <span>
      <Tag color={reportStatusColors[r.status]}>{reportStatusLabels[r.status]}</Tag>
      {r.status === 'returned' && r.returnReason ? <div className="light-reason">退回理由:{r.returnReason}</div> : null}
    </span>
  );
}

export default function MyReportsPage() {
  const me = useMe();
  // without ?plan=: all my plans that take reports now, never one picked for me
  const choice = usePlanChoice(undefined, { all: true });
  const planIds = choice.loading && !choice.plans.length ? undefined : choice.all ? choice.plans.filter((p) => p.status === 'active').map((p) => p.id) : choice.planId ? [choice.planId] : [];
  const data = useMyReports(planIds, me.unitId, { onlyOpen: choice.all });
  const [dirty, setDirty] = useState(false);
  const [search, setSearch] = useSearchParams();
  const openId = Number(search.get('task')) || null;
  const setOpenId = (id: number | null) => setSearch((p) => (id ? p.set('task', String(id)) : p.delete('task'), p));
  const head = canUnitReview(me);
  // 待我审核: this unit's reports its reporters submitted under 单位负责人预审 (in the chosen plan, or in all of them)
  const waitingOne = usePlanReports(head && !choice.all ? choice.planId : undefined, { status: 'unit_review', unitId: me.unitId ?? undefined });
  const waitingAll = useReportsAcrossPlans(head && choice.all ? planIds : undefined, { status: 'unit_review', unitId: me.unitId ?? undefined });
  const waiting = choice.all ? waitingAll : waitingOne;
  const [reviewing, setReviewing] = useState<{ report: ReportOut; title: string } | null>(null);
  const [viewing, setViewing] = useState<number | null>(null);
  const reviewOn = [...data.calendars.values()].some((c) => c.settings.unitHeadReview);
  const headTab = head && (reviewOn || (waiting.data?.total ?? 0) > 0);
  const tab = search.get('tab') === 'unit-review' ? (headTab ? 'unit-review' : 'lead') : search.get('tab') === 'help' ? 'help' : 'lead';
  const period = data.calendar?.current;
  const planTitle = new Map(choice.plans.map((p) => [p.id, p.title]));
  const open = [...data.lead, ...data.helping].find((r) => r.task.id === openId);
  const isLead = !!open && data.lead.includes(open);
  const returned = data.lead.filter((r) => r.report?.status === 'returned');
  const needsReport = (r: TaskRow) => !r.report || r.report.status === 'draft' || r.report.status === 'returned';
  const todo = data.lead.filter((r) => !r.report || r.report.status === 'draft').length;
  // across plans: what is still to send first
  const leadRows = choice.all ? [...data.lead].sort((a, b) => Number(needsReport(b)) - Number(needsReport(a)) || a.period.dueDate.localeCompare(b.period.dueDate)) : data.lead;
  // a report sent or decided: this page's lists, the home page's counts and the task's own page are read again
  const invalidate = useInvalidate();
  const afterChange = () => invalidate(['reports'], ['home'], ['task']);
  const close = () => {
    setOpenId(null);
    if (dirty) void afterChange();
    setDirty(false);
  };

  if (!me.unitId) return <Alert type="info" showIcon title="您的账号未关联单位,没有需要报送的任务。" />;
  const columns = (lead: boolean) => [
    {
      title: '任务',
      key: 'title',
      render: (_: unknown, r: TaskRow) => (
        <div>
          <div className="clamp-2">{r.task.title}</div>
          <div className="muted" style={{ fontSize: 12 }}>
            {choice.all ? `${planTitle.get(r.task.planId) ?? ''} · ${r.period.label}报送截止${deadline(r.period.dueDate)}` : (r.task.chapter ?? '')}
            {r.task.deadline ? ` · 时限${deadline(r.task.deadline)}` : ''}
          </div>
          <div className="phone-only">
            {lead && <ReportState row={r} />}
            <StatusLight status={r.task.status} compact reason={false} />
          </div>
        </div>
      ),
    },
    { title: '当前状态及原因', key: 'status', width: 300, responsive: ['md' as const], render: (_: unknown, r: TaskRow) => <StatusLight status={r.task.status} /> },
    ...(lead ? [{ title: '本期报告', key: 'report', width: 200, responsive: ['md' as const], render: (_: unknown, r: TaskRow) => <ReportState row={r} /> }] : []),
    {
      title: '操作',
      key: 'op',
      width: 96,
      render: (_: unknown, r: TaskRow) => (
        <Button type={lead && (!r.report || r.report.status !== 'accepted') ? 'primary' : 'default'} size="small" onClick={() => setOpenId(r.task.id)}>
          {!lead ? '填报配合情况' : !r.report ? '填报' : r.report.status === 'returned' ? '修改重报' : r.report.status === 'draft' ? '继续填报' : '查看'}
        </Button>
      ),
    },
  ];

  return (
    <section>
      <div className="page-head">
        <h2>我的报送 · {me.unitName}</h2>
        <div className="toolbar">
          <PlanSelect plans={choice.plans} value={choice.planId} onChange={choice.setPlanId} loading={choice.loading} allLabel="全部规划" />
        </div>
      </div>
      {period && <PeriodBanner period={period} />}
      {choice.all && data.calendars.size > 0 && (
        <p className="muted" style={{ marginTop: 0 }}>
          显示本单位在全部 {data.calendars.size} 个正在报送的规划中的任务,各规划的报送期和截止日期见每项任务;选择一个规划可只看该规划。
        </p>
      )}
      {returned.length > 0 && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          title={`有 ${returned.length} 份报告被退回,请根据退回理由修改后重新报送`}
          description={returned.map((r) => (
            <div key={r.task.id}>
              「{r.task.title}」:{r.report?.returnReason}
            </div>
          ))}
        />
      )}
      {data.loading && !data.calendars.size ? (
        <PageLoading />
      ) : (
        <Tabs
          activeKey={tab}
          onChange={(k) => setSearch((p) => (p.set('tab', k), p), { replace: true })}
          items={[
            ...(headTab
              ? [
                  {
                    key: 'unit-review',
                    label: `待我审核(${waiting.data?.total ?? 0})`,
                    children: (
                      <div>
                        <p className="muted" style={{ marginTop: 0 }}>
                          {reviewOn
                            ? '本规划已开启单位负责人预审:本单位填报员报送的报告须经您审核通过后才报送规划办;退回须写明理由。'
                            : '本规划已关闭单位负责人预审,以下是关闭前提交、仍待您审核的报告。'}
                        </p>
                        <PlanReportTable
                          list={waiting}
                          onOpen={(r) => setViewing(r.id)}
                          canReview={(r) => r.status === 'unit_review'}
                          onReview={(r) => setReviewing({ report: r, title: r.taskTitle })}
                          showUnit={false}
                          empty="没有待您审核的报告"
                        />
                      </div>
                    ),
                  },
                ]
              : []),
            {
              key: 'lead',
              label: `牵头任务(${data.lead.length},待报 ${todo})`,
              children: <Table<TaskRow> rowKey={(r) => r.task.id} size="middle" loading={data.loading} dataSource={leadRows} columns={columns(true)} pagination={{ pageSize: 20, showTotal: (t) => `共 ${t} 项` }} locale={{ emptyText: <Empty description={choice.all ? '本单位在各规划中没有牵头任务' : '本单位在该规划中没有牵头任务'} /> }} />,
            },
            {
              key: 'help',
              label: `责任、配合任务(${data.helping.length})`,
              children: <Table<TaskRow> rowKey={(r) => r.task.id} size="middle" loading={data.loading} dataSource={data.helping} columns={columns(false)} pagination={{ pageSize: 20, showTotal: (t) => `共 ${t} 项` }} locale={{ emptyText: <Empty description={choice.all ? '本单位在各规划中没有配合任务' : '本单位在该规划中没有配合任务'} /> }} />,
            },
          ]}
        />
      )}
      <ReviewModal
        mode="unit"
        report={reviewing?.report ?? null}
        title={reviewing?.title ?? ''}
        onClose={() => setReviewing(null)}
        onDone={() => {
          setReviewing(null);
          setViewing(null);
          void afterChange();
        }}
      />
      <ReportDrawer id={viewing} onClose={() => setViewing(null)} onReview={(r, title) => setReviewing({ report: r, title })} reviewable={(r) => head && r.status === 'unit_review'} />
      <Drawer open={!!open} onClose={close} width={720} title={open ? (isLead ? '填报进展' : '填报配合情况') : ''} destroyOnHidden>
        {open && (
          <div>
            <h3 style={{ marginTop: 0 }}>{open.task.title}</h3>
            <div className="report-meta">
              <StatusLight status={open.task.status} compact />
              <span className="muted">
                {choice.all ? `${planTitle.get(open.task.planId) ?? ''} · ` : ''}
                {open.period.label} · 截止 {deadline(open.period.dueDate)}
              </span>
            </div>
            {isLead ? (
              <>
                <ReportForm
                  task={open.task}
                  period={open.period}
                  report={open.report}
                  indicators={data.indicatorsOf(open.task.planId)}
                  lastProgress={open.lastAccepted}
                  onSaved={(r) => {
                    data.replace(r);
                    setDirty(true);
                    // a sent report changes the task's computed state (已报送待审核): the light above says so at once
                    if (r.status !== 'draft') void afterChange();
                  }}
                />
                <div className="run-section" style={{ padding: '12px 0 0' }}>
                  <h3>配合单位填报情况</h3>
                  <ContributionList items={open.contributions.filter((c) => c.periodKey === open.period.key)} />
                </div>
              </>
            ) : (
              <ContributionForm taskId={open.task.id} periodKey={open.period.key} unitId={me.unitId} items={open.contributions} onSaved={() => setDirty(true)} />
            )}
          </div>
        )}
      </Drawer>
    </section>
  );
}
