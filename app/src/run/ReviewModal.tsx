// 审核报告: read the report, then accept it or return it with a reason (a reason is required to return).
import { useState } from 'react';
import { App, Button, Input, Modal, Space } from 'antd';
import { runApi, type ReportOut } from './runApi';
import { ReportView } from './ReportView';

export function ReviewModal({ report, title, onClose, onDone }: { report: ReportOut | null; title: string; onClose: () => void; onDone: (r: ReportOut) => void }) {
  const { message } = App.useApp();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState<'accept' | 'return' | null>(null);
  const decide = async (decision: 'accept' | 'return') => {
    if (!report) return;
    if (decision === 'return' && !reason.trim()) return void message.warning('退回报告须说明理由');
    setBusy(decision);
    try {
      const r = await runApi.review(report.id, decision, reason.trim());
      message.success(decision === 'accept' ? '已审核通过' : '已退回,单位将收到退回理由');
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
      title={`审核报告:${title}`}
      destroyOnHidden
      footer={
        <Space>
          <Button onClick={onClose}>取消</Button>
          <Button danger onClick={() => decide('return')} loading={busy === 'return'} disabled={!!busy}>
            退回
          </Button>
          <Button type="primary" onClick={() => decide('accept')} loading={busy === 'accept'} disabled={!!busy}>
            通过
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
