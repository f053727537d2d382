// 进展报告列表: a page of a plan's reports — task (linked), unit, period, state, what was reported, warnings,
// when it was submitted — with 查看 and, where the reader may decide, 审核.
import { Button, Space, Table, Tag } from 'antd';
import { Link } from 'react-router-dom';
import { dateTime } from '../format';
import type { PlanReportItem } from './runApi';
import type { usePlanReports } from './usePlanReports';
import { reportStatusColors, reportStatusLabels } from './runLabels';

export interface PlanReportTableProps {
  /** a page of reports as usePlanReports keeps it: data, loading, page and how to turn it */
  list: ReturnType<typeof usePlanReports>;
  onOpen: (r: PlanReportItem) => void;
  /** shows 审核 on the rows this returns true for */
  canReview?: (r: PlanReportItem) => boolean;
  onReview?: (r: PlanReportItem) => void;
  showUnit?: boolean;
  empty: string;
  /** 批量审核: the reports ticked (only submitted ones can be) */
  selection?: { keys: number[]; onChange: (keys: number[]) => void };
}

export function PlanReportTable({ list, onOpen, canReview, onReview, showUnit = true, empty, selection }: PlanReportTableProps) {
  const { data, loading, page, pageSize, setPage: onPage } = list;
  return (
    <Table<PlanReportItem>
      rowKey="id"
      size="small"
      className="plan-report-table"
      loading={loading}
      dataSource={data?.items ?? []}
      locale={{ emptyText: empty }}
      rowSelection={selection && { selectedRowKeys: selection.keys, onChange: (k) => selection.onChange(k as number[]), getCheckboxProps: (r) => ({ disabled: r.status !== 'submitted', 'aria-label': `选择「${r.taskTitle}」` }), columnWidth: 36 }}
      pagination={{ current: page, pageSize, total: data?.total ?? 0, onChange: onPage, showSizeChanger: false, showTotal: (t) => `共 ${t} 份` }}
      columns={[
        {
          title: '任务',
          key: 't',
          render: (_, r) => (
            <Link to={`/tasks/${r.taskId}`} className="clamp-2">
              {r.taskTitle}
            </Link>
          ),
        },
        ...(showUnit ? [{ title: '报送单位', dataIndex: 'unitName', width: 150 }] : []),
        { title: '报送期', key: 'p', width: 100, render: (_, r) => r.period.label },
        { title: '报告状态', key: 's', width: 140, render: (_, r) => <Tag color={reportStatusColors[r.status]}>{reportStatusLabels[r.status] ?? r.status}</Tag> },
        { title: '填报内容', key: 'v', width: 120, render: (_, r) => `${r.reportedStatus ?? '—'} ${r.progress === null ? '—' : `${r.progress}%`}` },
        {
          title: '提醒',
          key: 'w',
          width: 130,
          render: (_, r) => (
            <Space size={4} wrap>
              {r.warnings.length ? <Tag color="warning">{r.warnings.length} 条校验提醒</Tag> : null}
              {r.late ? <Tag color="error">逾期报送</Tag> : null}
            </Space>
          ),
        },
        { title: '报送时间', key: 'at', width: 160, render: (_, r) => dateTime(r.submittedAt) },
        {
          title: '操作',
          key: 'op',
          width: 130,
          render: (_, r) => (
            <Space size={4}>
              <Button size="small" onClick={() => onOpen(r)}>
                查看
              </Button>
              {canReview?.(r) && onReview ? (
                <Button size="small" type="primary" onClick={() => onReview(r)}>
                  审核
                </Button>
              ) : null}
            </Space>
          ),
        },
      ]}
    />
  );
}
