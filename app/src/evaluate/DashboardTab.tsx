// 数据看板: status by chapter and by unit, indicator trajectories (expected vs actual), reporting completion by period.
import { useMemo, useState } from 'react';
import { Empty, InputNumber, Select } from 'antd';
import dayjs from 'dayjs';
import { useRequest } from '../useRequest';
import { runApi } from '../run/runApi';
import { StatusLight } from '../run/StatusLight';
import { evalApi } from './evalApi';
import EChart from './EChart';
import { reportingRates, statusBars, trajectory } from './chartOptions';

export function DashboardTab({ planId, showReporting }: { planId: number; showReporting: boolean }) {
  const [year, setYear] = useState(dayjs().year());
  const [indicatorId, setIndicatorId] = useState<number | undefined>(undefined);
  const status = useRequest(['eval', 'statusDashboard', planId], () => evalApi.statusDashboard(planId));
  const indicators = useRequest(['eval', 'indicatorDashboard', planId], () => evalApi.indicatorDashboard(planId));
  const lights = useRequest(['status', 'indicators', planId], () => runApi.status(planId, 'indicators').catch(() => undefined));
  const reporting = useRequest(['eval', 'reportingDashboard', planId, year, showReporting], () => (showReporting ? evalApi.reportingDashboard(planId, year) : Promise.resolve(undefined)));
  const chapterOpt = useMemo(() => statusBars((status.data?.byChapter ?? []).map((c) => ({ name: c.title, counts: c.counts }))), [status.data]);
  const unitOpt = useMemo(() => statusBars((status.data?.byUnit ?? []).slice(0, 20).map((u) => ({ name: u.unitName, counts: u.counts }))), [status.data]);
  const withPoints = (indicators.data?.items ?? []).filter((i) => i.points.some((p) => p.expected !== null || p.actual !== null));
  const chosen = withPoints.find((i) => i.indicatorId === indicatorId) ?? withPoints[0];
  const trajOpt = useMemo(() => (chosen ? trajectory(chosen.points, chosen.unit) : null), [chosen]);
  const repOpt = useMemo(() => (reporting.data ? reportingRates(reporting.data.periods) : null), [reporting.data]);
  const light = lights.data?.indicators.find((i) => i.indicatorId === chosen?.indicatorId);
  const chapters = status.data?.byChapter ?? [];
  const units = status.data?.byUnit ?? [];

  return (
    <div>
      <div className="chart-grid">
        <div className="run-section">
          <h3>分章节任务状态</h3>
          {chapters.length ? <EChart option={chapterOpt} height={Math.max(260, chapters.length * 30 + 60)} label={chapters.map((c) => `${c.title}:${c.taskCount}项,进度${c.progress ?? '—'}%`).join(';')} /> : <Empty description="暂无数据" />}
        </div>
        <div className="run-section">
          <h3>分牵头单位任务状态(前20个单位)</h3>
          {units.length ? <EChart option={unitOpt} height={Math.max(260, Math.min(units.length, 20) * 26 + 60)} label={units.slice(0, 20).map((u) => `${u.unitName}:${u.taskCount}项`).join(';')} /> : <Empty description="暂无数据" />}
        </div>
        <div className="run-section">
          <h3>指标应达值与实际值</h3>
          {chosen && trajOpt ? (
            <>
              <div className="toolbar" style={{ marginBottom: 6 }}>
                <Select aria-label="选择指标" style={{ width: 320 }} value={chosen.indicatorId} onChange={setIndicatorId} showSearch={{ optionFilterProp: 'label' }} options={withPoints.map((i) => ({ value: i.indicatorId, label: i.name }))} />
              </div>
              <StatusLight status={light ? { color: light.color, label: light.label, reason: light.reason } : { color: 'grey', label: chosen.label }} compact />
              <EChart option={trajOpt} label={`${chosen.name}:` + chosen.points.map((p) => `${p.year}年应达${p.expected ?? '—'}、实际${p.actual ?? '—'}`).join(';')} height={280} />
            </>
          ) : (
            <Empty description="暂无可绘制的指标(缺少基期值或目标值)" />
          )}
        </div>
        {showReporting && (
          <div className="run-section">
            <h3>
              报送完成情况{' '}
              <InputNumber aria-label="年度" size="small" value={year} min={2000} max={2100} onChange={(v) => v && setYear(v)} suffix="年" style={{ width: 100, marginLeft: 8 }} />
            </h3>
            {repOpt && reporting.data?.periods.length ? <EChart option={repOpt} height={280} label={reporting.data.periods.map((p) => `${p.label}报送率${p.rate ?? '—'}%,按时${p.onTimeRate ?? '—'}%`).join(';')} /> : <Empty description="该年度暂无报送记录" />}
          </div>
        )}
      </div>
    </div>
  );
}
