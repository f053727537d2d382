// 考核评估 (office, leader, evaluator): unit ranking with explained scores, evaluation drafts, dashboards, exports.
import { Alert, Tabs } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { useMe } from '../auth';
import { PlanSelect } from '../run/PlanSelect';
import { usePlanChoice } from '../run/usePlanChoice';
import { canManageEvaluation, canSeeEvaluation } from '../run/runPermissions';
import { ScoresTab } from './ScoresTab';
import { EvaluationsTab } from './EvaluationsTab';
import { DashboardTab } from './DashboardTab';
import { ExportButtons } from './ExportButtons';
import '../run/run.css';

export default function EvaluationPage() {
  const me = useMe();
  const choice = usePlanChoice();
  const [search, setSearch] = useSearchParams();
  const tab = search.get('tab') ?? 'scores';
  const planId = choice.planId;
  if (!canSeeEvaluation(me)) return <Alert type="info" showIcon title="考核评估仅对规划办、领导和评估人员开放。" />;
  return (
    <section>
      <div className="page-head">
        <h2>考核评估</h2>
        <div className="toolbar">
          <PlanSelect plans={choice.plans} value={planId} onChange={choice.setPlanId} loading={choice.loading} />
          {planId && <ExportButtons planId={planId} />}
        </div>
      </div>
      {planId && (
        <Tabs
          className="run-section"
          activeKey={tab}
          onChange={(k) => setSearch((p) => (p.set('tab', k), p))}
          destroyOnHidden
          items={[
            { key: 'scores', label: '考核排名', children: <ScoresTab planId={planId} /> },
            { key: 'dashboard', label: '数据看板', children: <DashboardTab planId={planId} showReporting /> },
            { key: 'reports', label: '评估报告', children: <EvaluationsTab planId={planId} canEdit={canManageEvaluation(me)} /> },
          ]}
        />
      )}
    </section>
  );
}
