// 首页 (今日待办): the page each role lands on after login. The office sees what waits for it (and the district
// overview one click away), a unit what it has due this period, a leader or evaluator the district at a glance.
import { Alert, Segmented } from 'antd';
import dayjs from 'dayjs';
import { useSearchParams } from 'react-router-dom';
import { useMe } from '../auth';
import { PageLoading } from '../components/PageLoading';
import { isUnitRole } from '../permissions';
import { canReview, canSeeEvaluation } from '../run/runPermissions';
import { useRequest } from '../useRequest';
import { DistrictOverview } from './DistrictOverview';
import { homeApi } from './homeApi';
import { OfficeHome } from './OfficeHome';
import { UnitHome } from './UnitHome';
import '../run/run.css';
import './home.css';

const asOfText = (d?: string) => (d ? dayjs(d).format('YYYY年M月D日 dddd') : '');

function OfficeView() {
  const [search, setSearch] = useSearchParams();
  const view = search.get('view') === 'district' ? 'district' : 'todo';
  const todo = useRequest(['home', 'office', view], () => (view === 'todo' ? homeApi.office() : Promise.resolve(undefined)));
  const district = useRequest(['home', 'district', 'view', view], () => (view === 'district' ? homeApi.district() : Promise.resolve(undefined)));
  const data = view === 'todo' ? todo.data : district.data;
  return (
    <section className="home-page">
      <div className="page-head">
        <h2>
          {view === 'todo' ? '今日待办' : '全区概览'}
          <small className="home-date">{asOfText(data?.asOf)}</small>
        </h2>
        <Segmented
          value={view}
          onChange={(v) => setSearch((p) => (v === 'district' ? p.set('view', 'district') : p.delete('view'), p), { replace: true })}
          options={[{ value: 'todo', label: '今日待办' }, { value: 'district', label: '全区概览' }]}
        />
      </div>
      {view === 'todo' ? (todo.data ? <OfficeHome data={todo.data} /> : <PageLoading />) : district.data ? <DistrictOverview data={district.data} /> : <PageLoading />}
    </section>
  );
}

function UnitView({ head }: { head: boolean }) {
  const me = useMe();
  const req = useRequest(['home', 'unit'], () => homeApi.unit());
  if (!me.unitId) return <Alert type="info" showIcon title="您的账号未关联单位,没有需要报送的任务。" />;
  return (
    <section className="home-page">
      <div className="page-head">
        <h2>
          今日待办{req.data?.unitName ? ` · ${req.data.unitName}` : ''}
          <small className="home-date">{asOfText(req.data?.asOf)}</small>
        </h2>
      </div>
      {req.data ? <UnitHome data={req.data} head={head} /> : <PageLoading />}
    </section>
  );
}

function DistrictView() {
  const req = useRequest(['home', 'district'], () => homeApi.district());
  return (
    <section className="home-page">
      <div className="page-head">
        <h2>
          全区概览
          <small className="home-date">{asOfText(req.data?.asOf)}</small>
        </h2>
      </div>
      {req.data ? <DistrictOverview data={req.data} /> : <PageLoading />}
    </section>
  );
}

export default function HomePage() {
  const me = useMe();
  if (canReview(me)) return <OfficeView />;
  if (isUnitRole(me)) return <UnitView head={me.roles.includes('unit_head')} />;
  if (canSeeEvaluation(me)) return <DistrictView />;
  return <Alert type="info" showIcon title="您的账号没有待办事项。" />;
}
