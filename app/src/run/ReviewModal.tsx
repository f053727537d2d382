// 审核报告: read the report, then decide. The office accepts or returns it; under 单位负责人预审 a head of the
// reporting unit first approves it (it goes on to the office) or returns it. A reason is required to return.
import { useState } from 'react';
import { App, Button, Input, Modal, Space } from 'antd';
import { runApi, type ReportOut } from './runApi';
import { ReportView } from './ReportView';

export type ReviewMode = 'office' | 'unit';

const words = {
  office: { title: '审核报告', ok: '通过', okDone: '已审核通过', returnDone: '已退回,单位将收到退回理由' },
  unit: { title: '单位负责人审核', ok: '审核通过并报规划办', okDone: '已审核通过,报告已报送规划办', returnDone: '已退回,填报人将收到退回理由' },
};

/** `onNext`: step to the next report waiting (下一条) without deciding this one; `position`: e.g. 第 2 / 7 份 */
export function ReviewModal({ report, title, mode = 'office', onClose, onDone, onNext, position }: { report: ReportOut | null; title: string; mode?: ReviewMode; onClose: () => void; onDone: (r: ReportOut) => void; onNext?: () => void; position?: string }) {
  const { message } = App.useApp();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState<'ok' | 'return' | null>(null);
  const w = words[mode];
  const decide = async (decision: 'ok' | 'return') => {
    if (!report) return;
    if (decision === 'return' && !reason.trim()) return void message.warning('退回报告须说明理由');
    setBusy(decision);
    try {
      const r =
        mode === 'unit'
          ? await runApi.unitReview(report.id, decision === 'ok' ? 'approve' : 'return', reason.trim())
          : await runApi.review(report.id, decision === 'ok' ? 'accept' : 'return', reason.trim());
      message.success(decision === 'ok' ? w.okDone : w.returnDone);
      setReason('');
      onDone(r);
    } finally {
      setBusy(null);
    }
  };
  return (
    <Modal
      open={!!report}
      onCancel={onClose}
      width={760}
      title={`${w.title}${position ? `(${position})` : ''}:${title}`}
      destroyOnHidden
      footer={
        <Space>
          <Button onClick={onClose}>取消</Button>
          {onNext && (
            <Button onClick={() => (setReason(''), onNext())} disabled={!!busy}>
              下一条
            </Button>
          )}
          <Button danger onClick={() => decide('return')} loading={busy === 'return'} disabled={!!busy}>
            退回
          </Button>
          <Button type="primary" onClick={() => decide('ok')} loading={busy === 'ok'} disabled={!!busy}>
            {w.ok}
          </Button>
        </Space>
      }
    >
      {report && <ReportView report={report} />}
      <label htmlFor="return-reason" style={{ display: 'block', margin: '12px 0 4px' }}>
        退回理由(退回时必填)
      </label>
      <Input.TextArea id="return-reason" value={reason} onChange={(e) => setReason(e.target.value)} autoSize={{ minRows: 2, maxRows: 5 }} maxLength={2000} placeholder="例如:进展情况缺少量化数据,请补充" />
    </Modal>
  );
}
