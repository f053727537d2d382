// 公开:一份规划的实施进展 — progress by chapter, task states, indicator charts. Shows only what the public API
// returns: no internal notes, no reporters, no review comments.
import { useMemo } from 'react';
import { Alert, Progress, Table, Tag } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { deadline, period } from '../format';
import { useRequest } from '../useRequest';
import { PageLoading } from '../components/PageLoading';
import { StatusLight } from '../run/StatusLight';
import { colorPhrase, STATUS_COLORS } from '../../../shared/statusWords';
import EChart from '../evaluate/EChart';
import { statusBars, trajectory } from '../evaluate/chartOptions';
import { publicApi, type PublicPlan } from './publicApi';
import { PublicFrame } from './PublicFrame';
import '../run/run.css';

type TaskRow = PublicPlan['tasks'][number];

function Indicators({ items }: { items: PublicPlan['indicators'] }) {
  const drawable = items.filter((i) => i.points.some((p) => p.expected !== null || p.actual !== null));
  const rest = items.filter((i) => !drawable.includes(i));
  return (
    <>
      <div className="indicator-grid">
        {drawable.map((i) => (
          <div className="indicator-card" key={i.name}>
            <h3>{i.name}</h3>
            <StatusLight status={{ color: i.color, label: i.label }} compact />
            <div className="muted" style={{ fontSize: 12 }}>
              基期 {i.baseline ?? '—'} · 目标 {i.target ?? '—'} · 最新 {i.latest === null ? '—' : `${i.latest}${i.unit ?? ''}`}
            </div>
            <EChart option={trajectory(i.points, i.unit)} height={200} label={`${i.name}:` + i.points.map((p) => `${p.year}年应达${p.expected ?? '—'}、实际${p.actual ?? '—'}`).join(';')} />
          </div>
        ))}
      </div>
      {rest.length > 0 && (
        <Table
          style={{ marginTop: 12 }}
          size="small"
          rowKey="name"
          pagination={{ pageSize: 10 }}
          dataSource={rest}
          columns={[
            { title: '指标', dataIndex: 'name' },
            { title: '基期值', dataIndex: 'baseline', width: 140, render: (v) => v ?? '—' },
            { title: '目标值', dataIndex: 'target', width: 140, render: (v) => v ?? '—' },
            { title: '状态', key: 's', width: 140, render: (_, i) => <StatusLight status={{ color: i.color, label: i.label }} /> },
          ]}
        />
      )}
    </>
  );
}

export default function PublicPlanPage() {
  const id = Number(useParams().id);
  const plan = useRequest(['public', 'plan', id], () => publicApi.plan(id));
  const p = plan.data;
  const chapterOpt = useMemo(() => statusBars((p?.chapters ?? []).map((c) => ({ name: c.title, counts: c.counts }))), [p]);
  if (plan.loading) return <PublicFrame><PageLoading /></PublicFrame>;
  if (!p) return <PublicFrame><Alert type="warning" showIcon title="该规划未公开或不存在" action={<Link to="/public">查看已公开的规划</Link>} /></PublicFrame>;
  return (
    <PublicFrame>
      <h1>{p.title}</h1>
      <p className="muted" style={{ marginTop: 0 }}>
        {p.regionName ?? ''} · {period(p.periodStart, p.periodEnd)} · 统计至{deadline(p.asOf)}
      </p>
      <section className="public-card" aria-label="总体进展">
        <div className="public-counts">
          {p.progress === null ? (
            <span className="muted">暂无已审核进度</span>
          ) : (
            <Progress type="circle" size={72} percent={Math.round(p.progress)} format={(x) => `${x}%`} aria-label={`总体进度${p.progress}%`} />
          )}
          <span>
            总体进度(已审核通过的任务进度按权重平均)
            <br />共 {p.taskCount} 项任务 · 数据更新至{p.dataUpdatedAt ?? '(暂无审核通过的报送)'}
          </span>
          {STATUS_COLORS.map((c) => (
            <StatusLight key={c} status={{ color: c, label: `${colorPhrase(c)} ${p.counts[c]} 项` }} compact />
          ))}
        </div>
      </section>
      <section className="public-card">
        <h2>分章节进展</h2>
        <Table
          size="small"
          rowKey="title"
          pagination={false}
          dataSource={p.chapters}
          columns={[
            { title: '章节', dataIndex: 'title' },
            { title: '任务数', dataIndex: 'taskCount', width: 80, align: 'right' },
            { title: '进度', dataIndex: 'progress', width: 220, render: (v: number | null) => (v === null ? <span className="muted">暂无已审核进度</span> : <Progress percent={Math.round(v)} size="small" />) },
          ]}
        />
        {p.chapters.length > 0 && <EChart option={chapterOpt} height={Math.max(240, p.chapters.length * 30 + 60)} label={p.chapters.map((c) => `${c.title}:${c.taskCount}项`).join(';')} />}
      </section>
      <section className="public-card">
        <h2>主要指标</h2>
        {p.indicators.length ? <Indicators items={p.indicators} /> : <span className="muted">该规划没有量化指标</span>}
      </section>
      <section className="public-card">
        <h2>重点任务</h2>
        <Table<TaskRow>
          size="small"
          rowKey={(t, i) => `${t.title}-${i}`}
          dataSource={p.tasks}
          pagination={{ pageSize: 15, showTotal: (t) => `共 ${t} 项` }}
          columns={[
            { title: '任务', dataIndex: 'title', render: (t: string, r) => <div><div className="clamp-2">{t}</div><div className="muted" style={{ fontSize: 12 }}>{r.chapter ?? ''}</div></div> },
            { title: '牵头单位', dataIndex: 'leadUnits', width: 200, render: (u: string[]) => u.map((x) => <Tag key={x}>{x}</Tag>) },
            { title: '时限', dataIndex: 'deadline', width: 110, render: (d: string | null) => deadline(d) },
            { title: '进度', dataIndex: 'progress', width: 90, render: (v: number | null) => (v === null ? '—' : `${v}%`) },
            { title: '状态', key: 's', width: 130, render: (_, t) => <StatusLight status={{ color: t.color, label: t.label, reason: t.explanation }} /> },
          ]}
        />
      </section>
    </PublicFrame>
  );
}
