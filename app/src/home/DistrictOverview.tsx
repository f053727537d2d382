// 全区概览 (leaders; the office's second view): every plan in force with its status and reporting, the district's
// lead units, and the lagging list. Status words and colours are the computed status's (StatusLight, lightMeaning).
import { useState } from 'react';
import { Button, Progress, Table, Tag } from 'antd';
import { Link } from 'react-router-dom';
import { deadline, period } from '../format';
import { lightHex, lightLabels, lightMeaning } from '../run/runLabels';
import { StatusLight } from '../run/StatusLight';
import type { DistrictHome as Data } from './homeApi';
import { HomeCounts, HomeSection } from './HomeParts';

type PlanRow = Data['plans'][number];
type UnitRow = Data['units'][number];
const colors = ['red', 'yellow', 'green', 'blue', 'grey'] as const;

/** The colour counts as one bar, with the words beside it (never colour alone). */
export function ColorBar({ counts }: { counts: Record<(typeof colors)[number], number> }) {
  const total = colors.reduce((n, c) => n + counts[c], 0);
  if (!total) return <span className="muted">暂无任务</span>;
  return (
    <div className="color-bar-wrap">
      <div className="color-bar" aria-hidden="true">
        {colors.map((c) => (counts[c] ? <span key={c} style={{ flexGrow: counts[c], background: lightHex[c] }} /> : null))}
      </div>
      <div className="color-bar-legend">
        {colors.map((c) => (counts[c] ? <StatusLight key={c} status={{ color: c, label: `${lightMeaning[c]} ${counts[c]} 项` }} compact /> : null))}
      </div>
    </div>
  );
}

/** Each plan in force: progress, status counts, reporting of the last period due; `linkOf` says where a plan opens. */
export function PlanStatusList({ plans, linkOf }: { plans: PlanRow[]; linkOf: (planId: number) => string }) {
  return (
    <ul className="home-list home-plans">
      {plans.map((p) => (
        <li key={p.planId}>
          <div className="home-item-row">
            <Link to={linkOf(p.planId)} className="home-item-title">
              {p.title}
            </Link>
            {p.issuedAbove && <Tag>{p.regionName ?? '上级'}印发</Tag>}
          </div>
          <div className="home-item-meta">
            {p.periodStart || p.periodEnd ? <span>{period(p.periodStart, p.periodEnd)}</span> : null}
            <span>{p.taskCount} 项任务</span>
            {p.progress == null ? (
              <span>总体进度 暂无</span>
            ) : (
              <span className="home-progress">
                总体进度
                <Progress percent={p.progress} size="small" showInfo={false} style={{ width: 90, margin: '0 6px' }} aria-hidden />
                {p.progress}%
              </span>
            )}
          </div>
          <ColorBar counts={p.counts} />
          <div className="home-item-meta">
            {p.period ? (
              <span>
                {p.period.label}(截止{deadline(p.period.dueDate)}):应报 {p.dueReports} 项,
                {p.missingReports ? <strong className="countdown late">未报 {p.missingReports} 项({p.missingUnits} 个单位)</strong> : '已全部报送'}
              </span>
            ) : (
              <span className="muted">当前没有到期的报送期</span>
            )}
            {p.openNotices > 0 && <span>未办结督办 {p.openNotices} 件</span>}
          </div>
        </li>
      ))}
    </ul>
  );
}

function UnitTable({ units }: { units: UnitRow[] }) {
  const [all, setAll] = useState(false);
  const shown = all ? units : units.slice(0, 10);
  const num = (n: number, color?: string) => (n ? <strong style={{ color }}>{n}</strong> : <span className="muted">0</span>);
  return (
    <>
      <Table<UnitRow>
        rowKey="unitId"
        size="small"
        className="home-unit-table"
        dataSource={shown}
        pagination={false}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: '牵头单位', dataIndex: 'unitName', fixed: 'left' },
          { title: '牵头任务', dataIndex: 'leadTasks', align: 'right', width: 80 },
          { title: `${lightLabels.red}任务`, key: 'red', align: 'right', width: 80, render: (_, u) => num(u.counts.red, '#cf1322') },
          { title: `${lightLabels.yellow}任务`, key: 'yellow', align: 'right', width: 80, render: (_, u) => num(u.counts.yellow, '#d48806') },
          { title: '未报', dataIndex: 'missingReports', align: 'right', width: 60, render: (n: number) => num(n, '#cf1322') },
          { title: '未办结督办', dataIndex: 'openNotices', align: 'right', width: 90, render: (n: number) => num(n) },
        ]}
      />
      {units.length > 10 && (
        <Button type="link" onClick={() => setAll(!all)}>
          {all ? '只看前 10 个单位' : `显示全部 ${units.length} 个单位`}
        </Button>
      )}
    </>
  );
}

export function DistrictOverview({ data }: { data: Data }) {
  const sum = (f: (p: PlanRow) => number) => data.plans.reduce((n, p) => n + f(p), 0);
  const [all, setAll] = useState(false);
  const lagging = all ? data.lagging : data.lagging.slice(0, 15);
  return (
    <div className="home-district">
      <HomeCounts
        items={[
          { key: 'plans', title: '实施中的规划', value: data.plans.length, suffix: '个' },
          { key: 'red', target: 'lagging', title: '红灯任务', value: data.laggingTotal.red, suffix: '项', alert: true },
          { key: 'yellow', target: 'lagging', title: '黄灯任务', value: data.laggingTotal.yellow, suffix: '项' },
          { key: 'missing', target: 'units', title: '逾期未报', value: sum((p) => p.missingReports), suffix: '项', alert: true },
          { key: 'notices', target: 'units', title: '未办结督办', value: sum((p) => p.openNotices), suffix: '件' },
        ]}
      />
      <div className="home-columns">
        <div className="home-col home-col-wide">
          <HomeSection id="plans" title="各规划实施情况" count={data.plans.length} empty={!data.plans.length && '暂无实施中的规划'}>
            <PlanStatusList plans={data.plans} linkOf={(id) => `/evaluation?plan=${id}&tab=dashboard`} />
          </HomeSection>
        </div>
        <div className="home-col">
          <HomeSection id="lagging" title="滞后清单" count={`${lightLabels.red} ${data.laggingTotal.red} 项 · ${lightLabels.yellow} ${data.laggingTotal.yellow} 项`} empty={!data.lagging.length && '没有红灯、黄灯任务'}>
            <ul className="home-list">
              {lagging.map((t) => (
                <li key={t.taskId}>
                  <Link to={`/tasks/${t.taskId}`} className="home-item-title">
                    {t.title}
                  </Link>
                  <div className="home-item-light">
                    <StatusLight status={t.status} />
                  </div>
                  <div className="home-item-meta">
                    <span>牵头:{t.leadUnits.length ? t.leadUnits.join('、') : '未明确'}</span>
                    <span className="home-item-plan">{t.planTitle}</span>
                  </div>
                </li>
              ))}
            </ul>
            {data.lagging.length > 15 && (
              <Button type="link" onClick={() => setAll(!all)}>
                {all ? '收起' : `显示全部 ${data.lagging.length} 项`}
              </Button>
            )}
            {data.laggingTotal.red + data.laggingTotal.yellow > data.lagging.length && <p className="muted home-more">只列出最靠前的 {data.lagging.length} 项。</p>}
          </HomeSection>
        </div>
      </div>
      <HomeSection id="units" title="各牵头单位" count={data.units.length} empty={!data.units.length && '暂无牵头单位'}>
        <UnitTable units={data.units} />
      </HomeSection>
    </div>
  );
}
