// 考核评估 (office, leader, evaluator): unit ranking with explained scores, evaluation drafts, dashboards, exports.
// Without ?plan=, all the user's plans in force side by side (status, progress, reporting), each opening its own.
import { lazy, Suspense } from 'react';
import { Alert, Tabs } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { useMe } from '../auth';
import { PlanSelect } from '../run/PlanSelect';
import { usePlanChoice } from '../run/usePlanChoice';
import { canManageEvaluation, canSeeEvaluation } from '../run/runPermissions';
import { ScoresTab } from './ScoresTab';
import { PageLoading } from '../components/PageLoading';
import { ExportButtons } from './ExportButtons';
import { useRequest } from '../useRequest';
import { homeApi } from '../home/homeApi';
import { PlanStatusList } from '../home/DistrictOverview';
import '../home/home.css';
import '../run/run.css';

// the dashboard (ECharts, ≈170 KB gzip) and the evaluation reports load when their tab is opened, not with the ranking
const DashboardTab = lazy(() => import('./DashboardTab').then((m) => ({ default: m.DashboardTab })));
const EvaluationsTab = lazy(() => import('./EvaluationsTab').then((m) => ({ default: m.EvaluationsTab })));

export default function EvaluationPage() {
  const me = useMe();
  const choice = usePlanChoice(undefined, { all: true });
  const [search, setSearch] = useSearchParams();
  const tab = search.get('tab') ?? 'scores';
  const planId = choice.planId;
  const overview = useRequest(['home', 'district', 'ifAll', choice.all], () => (choice.all && canSeeEvaluation(me) ? homeApi.district() : Promise.resolve(undefined)));
  if (!canSeeEvaluation(me)) return <Alert type="info" showIcon title="考核评估仅对规划办、领导和评估人员开放。" />;
  return (
    <section>
      <div className="page-head">
        <h2>考核评估</h2>
        <div className="toolbar">
          <PlanSelect plans={choice.plans} value={planId} onChange={choice.setPlanId} loading={choice.loading} allLabel="全部规划" />
          {planId && <ExportButtons planId={planId} />}
        </div>
      </div>
      {choice.all && (
        <div className="run-section">
          <h3>全部规划</h3>
          <p className="muted" style={{ marginTop: 0 }}>
            各实施中规划的任务状态、总体进度和最近到期报送期的报送情况;点击规划查看其考核排名、数据看板和评估报告。
          </p>
          {overview.data ? <PlanStatusList plans={overview.data.plans} linkOf={(id) => `/evaluation?plan=${id}`} /> : <PageLoading />}
        </div>
      )}
      {planId && (
        <Tabs
          className="run-section"
          activeKey={tab}
          onChange={(k) => setSearch((p) => (p.set('tab', k), p))}
          destroyOnHidden
          items={[
            { key: 'scores', label: '考核排名', children: <ScoresTab planId={planId} /> },
            { key: 'dashboard', label: '数据看板', children: <Suspense fallback={<PageLoading tip="正在加载看板…" />}><DashboardTab planId={planId} showReporting /></Suspense> },
            { key: 'reports', label: '评估报告', children: <Suspense fallback={<PageLoading />}><EvaluationsTab planId={planId} canEdit={canManageEvaluation(me)} /></Suspense> },
          ]}
        />
      )}
    </section>
  );
}
