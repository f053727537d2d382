// 考核排名: each unit's total, rank and award (e.g. 猛虎奖/蜗牛奖), expandable into its hand-checkable components.
import { useState } from 'react';
import { Alert, Button, Select, Table, Tag } from 'antd';
import { SettingOutlined } from '@ant-design/icons';
import { useMe } from '../auth';
import { canManageEvaluation } from '../run/runPermissions';
import { useRequest } from '../useRequest';
import { runApi } from '../run/runApi';
import { evalApi, type UnitScoreOut } from './evalApi';
import { ScoreComponents } from './ScoreComponents';
import { ScoreSettingsModal } from './ScoreSettingsModal';

export function ScoresTab({ planId }: { planId: number }) {
  const me = useMe();
  const [period, setPeriod] = useState<string | undefined>(undefined);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const calendar = useRequest(() => runApi.calendar(planId), [planId]);
  const scores = useRequest(() => evalApi.scores(planId, period), [planId, period]);
  const s = scores.data;
  const years = [...new Set((calendar.data?.periods ?? []).map((p) => p.key.slice(0, 4)))];
  const options = [
    ...years.reverse().map((y) => ({ value: y, label: `${y}年度` })),
    ...(calendar.data?.periods ?? []).slice().reverse().map((p) => ({ value: p.key, label: p.label })),
  ];
  const top = s?.settings.ranking.topAward;
  const bottom = s?.settings.ranking.bottomAward;
  return (
    <div>
      <div className="toolbar" style={{ marginBottom: 12 }}>
        <label htmlFor="score-period">考核期间</label>
        <Select id="score-period" style={{ width: 200 }} value={period ?? s?.selection.key} onChange={setPeriod} options={options} placeholder="选择期间" />
        {s && <span className="muted">{s.selection.label}(统计至{s.selection.asOf},含 {s.selection.periods.length} 个报送期)</span>}
        <span style={{ flex: 1 }} />
        {s && (
          <span className="muted">
            {awardText(s.settings.ranking)}
          </span>
        )}
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
      {s && s.rules.length > 0 && (
        <Alert
          type="info"
          style={{ marginBottom: 12 }}
          title="计分规则"
          description={
            <ul style={{ margin: 0, paddingLeft: 18 }}>
              {s.rules.map((r) => (
                <li key={r}>{r}</li>
              ))}
            </ul>
          }
        />
      )}
      <Table<UnitScoreOut>
        rowKey="unitId"
        size="middle"
        loading={scores.loading}
        dataSource={s?.items ?? []}
        locale={{ emptyText: '暂无考核数据' }}
        pagination={{ pageSize: 20, showTotal: (t) => `共 ${t} 个单位` }}
        expandable={{ expandedRowRender: (u) => <ScoreComponents score={u} />, expandRowByClick: true }}
        columns={[
          { title: '名次', dataIndex: 'rank', width: 70, align: 'center' },
          { title: '单位', dataIndex: 'unitName' },
          { title: '总分', key: 'total', width: 120, align: 'right', render: (_, u) => <strong>{u.total.toFixed(1)} <span className="muted">/ {u.maxTotal}</span></strong> },
          ...(s?.items[0]?.components ?? []).map((c, idx) => ({ title: c.name, key: c.key, width: 110, align: 'right' as const, render: (_: unknown, u: UnitScoreOut) => u.components[idx]?.points.toFixed(1) })),
          { title: '奖项', dataIndex: 'award', width: 100, render: (a: string | null) => (a ? <Tag color={a === top ? 'gold' : a === bottom ? 'default' : 'blue'}>{a}</Tag> : null) },
        ]}
      />
      <p className="muted" style={{ fontSize: 12 }}>点击单位行展开各项得分的计算过程,可逐项手工复核。</p>
    </div>
  );
}

function awardText(r: { topN: number; bottomN: number; topAward: string; bottomAward: string }): string {
  const parts = [r.topN > 0 ? `前 ${r.topN} 名评“${r.topAward}”` : '', r.bottomN > 0 ? `后 ${r.bottomN} 名评“${r.bottomAward}”` : ''].filter(Boolean);
  return parts.length ? parts.join(',') : '不评奖项';
}
