// A submitted report, read-only: state, reported status, progress, texts, indicator values, warnings, attachments.
import { Alert, Descriptions, Tag } from 'antd';
import { dateTime } from '../format';
import { num } from '../format';
import type { ReportOut } from './runApi';
import { reportStatusColors, reportStatusLabels } from './runLabels';
import { AttachmentLinks } from './AttachmentList';

export function ReportView({ report, indicatorNames }: { report: ReportOut; indicatorNames?: Map<number, string> }) {
  return (
    <div>
      {report.status === 'returned' && report.returnReason ? <Alert type="error" showIcon style={{ marginBottom: 8 }} title={`退回理由:${report.returnReason}`} /> : null}
      {report.warnings.map((w) => (
        <Alert key={w.code} type="warning" showIcon style={{ marginBottom: 8 }} title={w.message} />
      ))}
      <Descriptions size="small" column={2} bordered>
        <Descriptions.Item label="报告状态">
          <Tag color={reportStatusColors[report.status]}>{reportStatusLabels[report.status]}</Tag>
          {report.late ? <Tag color="error">逾期报送</Tag> : null}
        </Descriptions.Item>
        <Descriptions.Item label="报送期">{report.period.label}</Descriptions.Item>
        <Descriptions.Item label="填报状态">{report.reportedStatus ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="完成进度">{report.progress === null ? '—' : `${report.progress}%`}</Descriptions.Item>
        <Descriptions.Item label="进展情况" span={2}>
          <p className="report-text">{report.progressText || '—'}</p>
        </Descriptions.Item>
        <Descriptions.Item label="存在问题" span={2}>
          <p className="report-text">{report.problems || '—'}</p>
        </Descriptions.Item>
        <Descriptions.Item label="下步打算" span={2}>
          <p className="report-text">{report.nextSteps || '—'}</p>
        </Descriptions.Item>
        {report.indicatorValues.length ? (
          <Descriptions.Item label="指标数值" span={2}>
            {report.indicatorValues.map((v) => (
              <div key={v.indicatorId}>
                {indicatorNames?.get(v.indicatorId) ?? `指标${v.indicatorId}`}:{num(v.value)}
              </div>
            ))}
          </Descriptions.Item>
        ) : null}
        <Descriptions.Item label="附件" span={2}>
          <AttachmentLinks items={report.attachments} />
        </Descriptions.Item>
        <Descriptions.Item label="报送时间">{dateTime(report.submittedAt)}</Descriptions.Item>
        <Descriptions.Item label="报送/退回次数">
          {report.submissions} 次报送,{report.returns} 次退回
        </Descriptions.Item>
      </Descriptions>
    </div>
  );
}
