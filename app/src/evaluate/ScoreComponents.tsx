// A unit's score taken apart: each component with its weight, counts and the formula to check it by hand.
import { Table } from 'antd';
import type { UnitScoreOut } from './evalApi';

type Component = UnitScoreOut['components'][number];

export function ScoreComponents({ score }: { score: UnitScoreOut }) {
  const i = score.inputs;
  const counted: Record<string, string> = {
    reporting: `应报 ${i.reporting.due} 期次,按时 ${i.reporting.onTime}`,
    tasks: `蓝 ${i.tasks.blue}、绿 ${i.tasks.green}、黄 ${i.tasks.yellow}、红 ${i.tasks.red}(灰 ${i.tasks.grey} 项不计)`,
    indicators: `提前完成 ${i.indicators.achieved_early}、快于预期 ${i.indicators.ahead}、符合序时 ${i.indicators.on_track}、滞后 ${i.indicators.behind}(无数据 ${i.indicators.no_data} 项不计)`,
    notices: `督办 ${i.notices.total} 件,按期回复 ${i.notices.answeredOnTime}`,
    revisions: `报送 ${i.revisions.submitted} 次,被退回 ${i.revisions.returned}`,
  };
  return (
    <Table<Component>
      rowKey="key"
      size="small"
      pagination={false}
      dataSource={score.components}
      summary={() => (
        <Table.Summary.Row>
          <Table.Summary.Cell index={0}><strong>合计</strong></Table.Summary.Cell>
          <Table.Summary.Cell index={1} align="right">{score.maxTotal}</Table.Summary.Cell>
          <Table.Summary.Cell index={2} />
          <Table.Summary.Cell index={3} />
          <Table.Summary.Cell index={4} align="right"><strong>{score.total.toFixed(1)}</strong></Table.Summary.Cell>
        </Table.Summary.Row>
      )}
      columns={[
        { title: '考核项', dataIndex: 'name', width: 130 },
        { title: '权重', dataIndex: 'weight', width: 60, align: 'right' },
        { title: '计入情况', key: 'counted', render: (_, c) => <span className="muted">{counted[c.key]}</span> },
        { title: '算式', dataIndex: 'formula', render: (f: string) => <span className="score-formula">{f}</span> },
        { title: '得分', dataIndex: 'points', width: 70, align: 'right', render: (p: number) => p.toFixed(1) },
      ]}
    />
  );
}
