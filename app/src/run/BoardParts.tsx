// Pieces of the period board: the numbers at the top, per-unit reporting, and red/yellow lists with reasons.
import { useState } from 'react';
import { Button, Card, Empty, Statistic, Table, Tag } from 'antd';
import { Link } from 'react-router-dom';
import type { Board } from './runApi';
import { StatusLight } from './StatusLight';
import { COLOR_WORDS } from '../../../shared/statusWords';

type UnitRow = Board['units'][number];

export function BoardStats({ board, pending }: { board: Board; pending: number }) {
  // 逾期未报 counts what the 督办 rule counts: the last period due, whichever period the board shows
  const late = board.overdue.units.length;
  const lateTitle = board.overdue.period ? `逾期未报单位(${board.overdue.period.label})` : '逾期未报单位';
  const done = board.units.filter((u) => u.missing === 0 && u.tasks > 0).length;
  const open = board.notices.filter((n) => n.status !== 'closed').length;
  return (
    <div className="board-stats">
      <Card size="small"><Statistic title="应报单位" value={board.units.length} suffix="个" /></Card>
      <Card size="small"><Statistic title="已全部报送" value={done} suffix="个" /></Card>
      <Card size="small">
        <Statistic title={lateTitle} value={late} suffix="个" styles={{ content: { color: late ? '#cf1322' : undefined } }} />
        <div className="muted board-stat-note">未按期报送督办 {board.overdue.openNotices} 件未办结</div>
      </Card>
      <Card size="small"><Statistic title="待审核报告" value={pending} suffix="份" /></Card>
      <Card size="small"><Statistic title="红灯任务" value={board.red.length} suffix="项" styles={{ content: { color: board.red.length ? '#cf1322' : undefined } }} /></Card>
      <Card size="small"><Statistic title="黄灯任务" value={board.yellow.length} suffix="项" styles={{ content: { color: board.yellow.length ? '#d48806' : undefined } }} /></Card>
      <Card size="small"><Statistic title="未办结督办" value={open} suffix="件" /></Card>
    </div>
  );
}

export function UnitTable({ board, onNotice }: { board: Board; onNotice: (u: UnitRow) => void }) {
  return (
    <Table<UnitRow>
      rowKey="unitId"
      size="small"
      dataSource={board.units}
      pagination={{ pageSize: 15, showTotal: (t) => `共 ${t} 个单位` }}
      columns={[
        { title: '单位', dataIndex: 'unitName' },
        { title: '牵头任务', dataIndex: 'tasks', width: 90, align: 'right' },
        { title: '待单位审核', dataIndex: 'unitReview', width: 96, align: 'right' },
        { title: '已报送', dataIndex: 'submitted', width: 80, align: 'right' },
        { title: '已通过', dataIndex: 'accepted', width: 80, align: 'right' },
        { title: '被退回', dataIndex: 'returned', width: 80, align: 'right' },
        { title: '未报', dataIndex: 'missing', width: 70, align: 'right', sorter: (a, b) => a.missing - b.missing },
        {
          title: '情况',
          key: 'state',
          width: 150,
          render: (_, u) => (u.late ? <Tag color="error">逾期未报 {u.missing} 项</Tag> : u.missing === 0 ? <Tag color="success">已全部报送</Tag> : <Tag>尚有 {u.missing} 项未报</Tag>),
        },
        { title: '操作', key: 'op', width: 90, render: (_, u) => <Button size="small" onClick={() => onNotice(u)}>督办</Button> },
      ]}
    />
  );
}

export function LightList({ items, color, label, onNotice }: { items: Board['red']; color: 'red' | 'yellow'; label: string; onNotice: (taskId: number, title: string, reason: string) => void }) {
  const [all, setAll] = useState(false);
  if (!items.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={`没有${label}任务`} />;
  const shown = all ? items : items.slice(0, 20);
  return (
    <ul className="light-list">
      {shown.length < items.length && (
        <li>
          <Button type="link" size="small" onClick={() => setAll(true)}>
            显示全部 {items.length} 项(当前显示前 20 项)
          </Button>
        </li>
      )}
      {shown.map((t) => (
        <li key={t.taskId}>
          <StatusLight status={{ color, label }} reason={false} />
          <div style={{ flex: 1 }}>
            <Link to={`/tasks/${t.taskId}`}>{t.title}</Link>
            <div className="light-reason">{t.reason}</div>
          </div>
          <Button size="small" onClick={() => onNotice(t.taskId, t.title, t.reason)}>
            督办
          </Button>
        </li>
      ))}
    </ul>
  );
}

export function IndicatorLights({ items }: { items: Board['indicators'] }) {
  if (!items.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有预警指标" />;
  return (
    <ul className="light-list">
      {items.map((i) => (
        <li key={i.indicatorId}>
          <StatusLight status={{ color: i.color, label: COLOR_WORDS[i.color as 'red']?.light ?? i.color }} reason={false} />
          <div>
            <div>{i.name}</div>
            <div className="light-reason">{i.reason}</div>
          </div>
        </li>
      ))}
    </ul>
  );
}
