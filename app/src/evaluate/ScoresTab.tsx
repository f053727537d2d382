// 考核排名: each unit's total, rank and award (e.g. 猛虎奖/蜗牛奖), expandable into its hand-checkable components.
// The awards stand in their own summary above the table (never hidden on a later page); ties the rule cannot
// separate are said in words; units with nothing due are listed apart, not ranked. Scores come from the server.
import { useState } from 'react';
import { Alert, Button, Collapse, Select, Table, Tag, Tooltip } from 'antd';
import { SettingOutlined } from '@ant-design/icons';
import { useMe } from '../auth';
import { canManageEvaluation } from '../run/runPermissions';
import { useRequest } from '../useRequest';
import { runApi } from '../run/runApi';
import { evalApi, type ScoresOut, type UnitScoreOut } from './evalApi';
import { NotApplicable, ScoreComponents } from './ScoreComponents';
import { ScoreSettingsModal } from './ScoreSettingsModal';
import './scores.css';
import type { ScoreSettings } from '../../../shared/evaluation';

type Unrated = ScoresOut['unrated'][number];

export function ScoresTab({ planId }: { planId: number }) {
  const me = useMe();
  const [period, setPeriod] = useState<string | undefined>(undefined);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const calendar = useRequest(['calendar', planId], () => runApi.calendar(planId));
  const scores = useRequest(['eval', 'scores', planId, period], () => evalApi.scores(planId, period));
  const s = scores.data;
  // periods that ended before the plan began are not scored: not offered either
  const planStart = s?.selection.planStart ?? '';
  const periods = (calendar.data?.periods ?? []).filter((p) => p.end >= planStart);
  const years = [...new Set(periods.map((p) => p.key.slice(0, 4)))];
  const options = [
    ...years.reverse().map((y) => ({ value: y, label: `${y}年度` })),
    ...periods.slice().reverse().map((p) => ({ value: p.key, label: p.label })),
  ];
  if (s && !options.some((o) => o.value === s.selection.key)) options.unshift({ value: s.selection.key, label: s.selection.label });
  const top = s?.settings.ranking.topAward;
  const bottom = s?.settings.ranking.bottomAward;
  const componentNames = s?.items[0]?.components ?? s?.unrated[0]?.components ?? [];
  return (
    <div>
      <div className="toolbar" style={{ marginBottom: 12 }}>
        <label htmlFor="score-period">考核期间</label>
        <Select id="score-period" style={{ width: 200 }} value={period ?? s?.selection.key} onChange={setPeriod} options={options} placeholder="选择期间" />
        {s && <span className="muted">{s.selection.label}(统计至{s.selection.asOf},计分报送期 {s.selection.periods.length} 个{s.provisional ? ',截止日未到,名次为临时结果' : ''})</span>}
        <span style={{ flex: 1 }} />
        {s && <span className="muted">{awardText(s.settings.ranking)}</span>}
        {canManageEvaluation(me) && (
          <Button icon={<SettingOutlined />} onClick={() => setSettingsOpen(true)}>
            考核设置
          </Button>
        )}
      </div>
      {canManageEvaluation(me) && (
        <ScoreSettingsModal
          planId={planId}
          open={settingsOpen}
          onCancel={() => setSettingsOpen(false)}
          onSaved={() => {
            setSettingsOpen(false);
            scores.reload();
          }}
        />
      )}
      {s?.selection.note && <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={s.selection.note} />}
      {s && s.items.length > 0 && <AwardSummary scores={s} />}
      {s && s.rules.length > 0 && (
        <Collapse
          size="small"
          style={{ marginBottom: 12 }}
          items={[
            {
              key: 'rules',
              label: '计分规则(不适用项与折算、并列与奖项)',
              children: (
                <ul style={{ margin: 0, paddingLeft: 18 }}>
                  {s.rules.map((r) => (
                    <li key={r}>{r}</li>
                  ))}
                </ul>
              ),
            },
          ]}
        />
      )}
      <Table<UnitScoreOut>
        className="score-table"
        rowKey="unitId"
        size="middle"
        loading={scores.loading}
        dataSource={s?.items ?? []}
        locale={{ emptyText: '本期无参加排名的单位' }}
        pagination={{ pageSize: 50, hideOnSinglePage: true, showTotal: (t) => `共 ${t} 个单位参加排名` }}
        expandable={{ expandedRowRender: (u) => <ScoreComponents score={u} />, expandRowByClick: true }}
        rowClassName={(u) => (u.award === bottom ? 'score-row-bottom' : u.award === top ? 'score-row-top' : '')}
        columns={[
          { title: '名次', key: 'rank', width: 80, align: 'center', render: (_, u) => (u.tied ? <span>{u.rank}<span className="score-tied">并列</span></span> : u.rank) },
          { title: '单位', dataIndex: 'unitName' },
          {
            title: '总分',
            key: 'total',
            width: 140,
            align: 'right',
            render: (_, u) => (
              <span>
                {u.reweighting && (
                  <Tooltip title={u.reweighting}>
                    <Tag className="score-reweighted">折算</Tag>
                  </Tooltip>
                )}
                <strong>{u.total.toFixed(1)}</strong> <span className="muted">/ {u.maxTotal}</span>
              </span>
            ),
          },
          ...componentNames.map((c, idx) => ({
            title: `${c.name}(${c.weight})`,
            key: c.key,
            width: 120,
            align: 'right' as const,
            render: (_: unknown, u: UnitScoreOut) => {
              const x = u.components[idx];
              return x?.applicable && x.points !== null ? x.points.toFixed(1) : <NotApplicable />;
            },
          })),
          {
            title: '奖项',
            key: 'award',
            width: 130,
            render: (_, u) =>
              u.award ? (
                <Tag color={u.award === top ? 'gold' : u.award === bottom ? 'volcano' : 'blue'}>{u.award}</Tag>
              ) : u.awardUndecided ? (
                <Tooltip title={`同分跨过名额线,得分不能区分,未评“${u.awardUndecided}”`}>
                  <Tag className="score-undecided">同分未评</Tag>
                </Tooltip>
              ) : null,
          },
        ]}
      />
      <p className="muted" style={{ fontSize: 12 }}>点击单位行展开各项得分的计算过程,可逐项手工复核;标“不适用”的考核项本期无可计事项,总分按其余各项的权重折算为满分制。</p>
      {s && s.unrated.length > 0 && <UnratedUnits units={s.unrated} />}
    </div>
  );
}

/** Who got which award, and which ties kept an award from being given: above the table, on every page. */
function AwardSummary({ scores }: { scores: ScoresOut }) {
  const r = scores.settings.ranking;
  const names = (award: string) => scores.items.filter((u) => u.award === award).map((u) => `${u.unitName}(${u.total.toFixed(1)})`);
  const rows = scores.provisional
    ? []
    : [
        r.topN > 0 ? { award: r.topAward, n: `前 ${r.topN} 名`, units: names(r.topAward), color: 'gold' } : null,
        r.bottomN > 0 ? { award: r.bottomAward, n: `后 ${r.bottomN} 名`, units: names(r.bottomAward), color: 'volcano' } : null,
      ].filter((x) => x !== null);
  if (!rows.length && !scores.awardNotes.length) return null;
  return (
    <div className="score-awards" aria-label="奖项">
      {rows.map((x) => (
        <div key={x.award} className="score-award-line">
          <Tag color={x.color}>{x.award}</Tag>
          <span className="muted">{x.n}:</span>
          {x.units.length ? <span>{x.units.join('、')}</span> : <span className="muted">未评出</span>}
        </div>
      ))}
      {scores.awardNotes.map((n) => (
        <div key={n} className="score-award-note">{n}</div>
      ))}
    </div>
  );
}

function UnratedUnits({ units }: { units: Unrated[] }) {
  return (
    <div className="score-unrated">
      <h4>本期无考核事项的单位({units.length} 个,不参加排名)</h4>
      <Table<Unrated>
        rowKey="unitId"
        size="small"
        dataSource={units}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        expandable={{ expandedRowRender: (u) => <ScoreComponents score={u} />, expandRowByClick: true }}
        columns={[
          { title: '单位', dataIndex: 'unitName' },
          { title: '说明', dataIndex: 'reason', render: (t: string) => <span className="muted">{t}</span> },
        ]}
      />
    </div>
  );
}

function awardText(r: ScoreSettings['ranking']): string {
  const parts = [r.topN > 0 ? `前 ${r.topN} 名评“${r.topAward}”` : '', r.bottomN > 0 ? `后 ${r.bottomN} 名评“${r.bottomAward}”` : ''].filter(Boolean);
  return parts.length ? parts.join(',') : '不评奖项';
}
