// A unit's score taken apart: each component with its weight, counts and the formula to check it by hand;
// components with nothing due are 不适用, and the re-weighting of the total over the others is written out.
// Everything shown comes from the server (GET /api/plans/:id/scores); nothing is computed here.
import { Table, Tag } from 'antd';
import type { ScoresOut } from './evalApi';

type Component = ScoresOut['items'][number]['components'][number];
type Inputs = ScoresOut['items'][number]['inputs'];

export interface ScoreParts {
  components: Component[];
  inputs: Inputs;
  maxTotal: number;
  /** absent for a unit with nothing due (not ranked) */
  total?: number;
  subtotal?: number;
  applicableWeight?: number;
  reweighting?: string | null;
}

export function ScoreComponents({ score }: { score: ScoreParts }) {
  const i = score.inputs;
  const counted: Record<string, string> = {
    reporting: `应报 ${i.reporting.due} 期次,按时 ${i.reporting.onTime}`,
    tasks: `蓝 ${i.tasks.blue}、绿 ${i.tasks.green}、黄 ${i.tasks.yellow}、红 ${i.tasks.red}(灰 ${i.tasks.grey} 项不计)`,
    indicators: `提前完成 ${i.indicators.achieved_early}、快于预期 ${i.indicators.ahead}、符合序时 ${i.indicators.on_track}、滞后 ${i.indicators.behind}(无数据 ${i.indicators.no_data} 项不计)`,
    notices: `督办 ${i.notices.total} 件,按期回复 ${i.notices.answeredOnTime}`,
    revisions: `报送 ${i.revisions.submitted} 次,被退回 ${i.revisions.returned}`,
  };
  const rated = score.total !== undefined;
  const reweighted = rated && !!score.reweighting;
  return (
    <Table<Component>
      rowKey="key"
      size="small"
      pagination={false}
      dataSource={score.components}
      rowClassName={(c) => (c.applicable ? '' : 'score-na-row')}
      summary={() =>
        rated ? (
          <>
            <Table.Summary.Row>
              <Table.Summary.Cell index={0}><strong>{reweighted ? '适用项合计' : '合计'}</strong></Table.Summary.Cell>
              <Table.Summary.Cell index={1} align="right">{reweighted ? score.applicableWeight : score.maxTotal}</Table.Summary.Cell>
              <Table.Summary.Cell index={2} />
              <Table.Summary.Cell index={3} />
              <Table.Summary.Cell index={4} align="right"><strong>{(reweighted ? score.subtotal! : score.total!).toFixed(1)}</strong></Table.Summary.Cell>
            </Table.Summary.Row>
            {reweighted && (
              <Table.Summary.Row className="score-reweight-row">
                <Table.Summary.Cell index={0}><strong>折算总分</strong></Table.Summary.Cell>
                <Table.Summary.Cell index={1} align="right">{score.maxTotal}</Table.Summary.Cell>
                <Table.Summary.Cell index={2} colSpan={2}><span className="score-formula">{score.reweighting}</span></Table.Summary.Cell>
                <Table.Summary.Cell index={4} align="right"><strong>{score.total!.toFixed(1)}</strong></Table.Summary.Cell>
              </Table.Summary.Row>
            )}
          </>
        ) : null
      }
      columns={[
        { title: '考核项', dataIndex: 'name', width: 130 },
        { title: '权重', dataIndex: 'weight', width: 60, align: 'right' },
        { title: '计入情况', key: 'counted', render: (_, c) => <span className="muted">{counted[c.key]}</span> },
        { title: '算式', dataIndex: 'formula', render: (f: string) => <span className="score-formula">{f}</span> },
        { title: '得分', dataIndex: 'points', width: 80, align: 'right', render: (p: number | null, c) => (c.applicable && p !== null ? p.toFixed(1) : <NotApplicable />) },
      ]}
    />
  );
}

export function NotApplicable() {
  return <Tag className="score-na">不适用</Tag>;
}
