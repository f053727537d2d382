// 填报进展: the lead unit's form for one task and period — save as draft or submit; a returned report shows why.
import { useMemo, useState } from 'react';
import { Alert, App, Button, Form, Input, InputNumber, Select, Space } from 'antd';
import type { Task } from '../../../shared/api';
import { ApiError } from '../api';
import type { AttachmentOut, IndicatorStatusOut, PeriodOut, ReportBody, ReportedStatus, ReportOut } from './runApi';
import { runApi } from './runApi';
import { reportedStatuses } from './runLabels';
import { draftWarnings } from './reportWarnings';
import { AttachmentEditor } from './AttachmentList';

interface Values {
  reportedStatus?: ReportedStatus;
  progress?: number | null;
  progressText?: string;
  problems?: string;
  nextSteps?: string;
  indicators?: Record<string, number | null | undefined>;
}

export interface ReportFormProps {
  task: Task;
  period: PeriodOut;
  report?: ReportOut;
  indicators: IndicatorStatusOut[];
  lastProgress: number | null;
  onSaved: (r: ReportOut) => void;
}

const editable = (r?: ReportOut) => !r || r.status === 'draft' || r.status === 'returned';
const periodOpen = (p: PeriodOut) => p.state !== 'upcoming' && p.state !== 'locked' && p.state !== 'closed';

export function ReportForm({ task, period, report, indicators, lastProgress, onSaved }: ReportFormProps) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState<'draft' | 'submit' | null>(null);
  const [current, setCurrent] = useState<ReportOut | undefined>(report);
  const [attachments, setAttachments] = useState<AttachmentOut[]>(report?.attachments ?? []);
  const values = Form.useWatch([], form) as Values | undefined;
  const canEdit = editable(current) && periodOpen(period);
  const initial = useMemo<Values>(
    () => ({
      reportedStatus: (report?.reportedStatus as ReportedStatus) ?? undefined,
      progress: report?.progress ?? null,
      progressText: report?.progressText ?? '',
      problems: report?.problems ?? '',
      nextSteps: report?.nextSteps ?? '',
      indicators: Object.fromEntries((report?.indicatorValues ?? []).map((v) => [String(v.indicatorId), v.value])),
    }),
    [report],
  );
  const warnings = draftWarnings(values ?? initial, lastProgress);

  const body = (v: Values, submit: boolean): ReportBody => ({
    period: period.key,
    reportedStatus: v.reportedStatus!,
    progress: v.progress ?? null,
    progressText: v.progressText ?? '',
    problems: v.problems ?? '',
    nextSteps: v.nextSteps ?? '',
    indicatorValues: Object.entries(v.indicators ?? {})
      .filter(([, x]) => typeof x === 'number')
      .map(([id, x]) => ({ indicatorId: Number(id), value: x as number })),
    submit,
    version: current?.version,
  });

  const save = async (submit: boolean): Promise<ReportOut | null> => {
    let v: Values;
    try {
      v = submit ? await form.validateFields() : await form.validateFields(['reportedStatus']);
      v = { ...form.getFieldsValue(true), ...v };
    } catch {
      message.warning(submit ? '请先填写必填项' : '保存草稿至少需要选择状态');
      return null;
    }
    setSaving(submit ? 'submit' : 'draft');
    try {
      const r = await runApi.saveReport(task.id, body(v, submit));
      setCurrent(r);
      setAttachments(r.attachments);
      onSaved(r);
      message.success(!submit ? '草稿已保存' : r.status === 'unit_review' ? '已提交,等待单位负责人审核后报规划办' : '已报送,等待规划办审核');
      return r;
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      return null;
    } finally {
      setSaving(null);
    }
  };

  const ensureReport = async () => current?.id ?? (await save(false))?.id ?? null;

  return (
    <div>
      {current?.status === 'returned' && (
        <Alert type="error" showIcon style={{ marginBottom: 12 }} title={`报告已被退回:${current.returnReason ?? '未说明理由'}`} description="请根据退回理由修改后重新报送。" />
      )}
      {current?.status === 'unit_review' && <Alert type="warning" showIcon style={{ marginBottom: 12 }} title="报告待单位负责人审核;审核通过后报送规划办,审核前不能修改。" />}
      {current?.status === 'submitted' && <Alert type="info" showIcon style={{ marginBottom: 12 }} title="报告已报送,等待规划办审核;审核前不能修改。" />}
      {current?.status === 'accepted' && <Alert type="success" showIcon style={{ marginBottom: 12 }} title="报告已审核通过。" />}
      {!periodOpen(period) && <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={period.state === 'upcoming' ? '该报送期尚未开始,暂不能报送' : '该报送期已锁定,如需补报请联系规划办解锁'} />}
      {(current?.warnings ?? []).map((w) => (
        <Alert key={w.code} type="warning" showIcon style={{ marginBottom: 8 }} title={w.message} />
      ))}
      <Form form={form} layout="vertical" initialValues={initial} disabled={!canEdit} requiredMark>
        <Space size="large" align="start" wrap>
          <Form.Item name="reportedStatus" label="推进状态" rules={[{ required: true, message: '请选择推进状态' }]}>
            <Select style={{ width: 160 }} placeholder="请选择" options={reportedStatuses.map((s) => ({ value: s, label: s }))} />
          </Form.Item>
          <Form.Item name="progress" label="完成进度(%)" rules={[{ required: true, message: '请填写完成进度' }]} extra={lastProgress !== null ? `上期已通过:${lastProgress}%` : undefined}>
            <InputNumber min={0} max={100} step={5} style={{ width: 140 }} suffix="%" placeholder="0–100" />
          </Form.Item>
        </Space>
        {warnings.map((w) => (
          <Alert key={w} type="warning" showIcon style={{ marginBottom: 8 }} title={w} />
        ))}
        <Form.Item name="progressText" label="进展情况" rules={[{ required: true, whitespace: true, message: '请填写进展情况' }]}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={5000} showCount placeholder="本期主要工作、完成的节点和量化成果" />
        </Form.Item>
        <Form.Item name="problems" label="存在问题">
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={5000} placeholder="没有可填“无”" />
        </Form.Item>
        <Form.Item name="nextSteps" label="下步打算">
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={5000} />
        </Form.Item>
        {indicators.length > 0 && (
          <fieldset className="run-fieldset">
            <legend>本单位负责的指标(只能填写数字)</legend>
            {indicators.map((i) => (
              <Form.Item key={i.indicatorId} name={['indicators', String(i.indicatorId)]} label={i.name} extra={i.expected !== null ? `当前应达值:${i.expected}` : undefined}>
                <InputNumber style={{ width: 200 }} placeholder="填写数值" />
              </Form.Item>
            ))}
          </fieldset>
        )}
        <Form.Item label="附件">
          <AttachmentEditor items={attachments} onChange={setAttachments} ensureReport={ensureReport} disabled={!canEdit} />
        </Form.Item>
      </Form>
      {canEdit && (
        <Space style={{ marginBottom: 16 }}>
          <Button onClick={() => save(false)} loading={saving === 'draft'} disabled={!!saving}>
            保存草稿
          </Button>
          <Button type="primary" onClick={() => save(true)} loading={saving === 'submit'} disabled={!!saving}>
            {current?.status === 'returned' ? '重新报送' : '报送'}
          </Button>
        </Space>
      )}
    </div>
  );
}
