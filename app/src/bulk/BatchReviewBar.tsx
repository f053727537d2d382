// 批量审核: the selected submitted reports accepted, or returned with one reason, in one go; each report that could
// not be decided is named with the reason.
import { useState } from 'react';
import { App, Button, Input, Modal, Popconfirm } from 'antd';
import { batchSummary, bulkApi } from './bulkApi';
import './bulk.css';

export function BatchReviewBar({ planId, selected, nameOf, onDone, onClear }: { planId: number; selected: number[]; nameOf: (id: number) => string; onDone: () => void; onClear: () => void }) {
  const { message, modal } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [returning, setReturning] = useState(false);
  const [reason, setReason] = useState('');
  if (!selected.length) return null;
  const run = async (decision: 'accept' | 'return') => {
    setBusy(true);
    try {
      const res = await bulkApi.reviewReports(planId, { reportIds: selected, decision, reason: reason.trim() });
      const s = batchSummary(res, decision === 'accept' ? '通过' : '退回', nameOf);
      if (s.ok) message.success(s.text);
      else modal.warning({ title: '部分报告未能处理', content: s.text });
      setReturning(false);
      setReason('');
      onDone();
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="batch-bar" role="region" aria-label="批量审核">
      <span>已选 {selected.length} 份报告</span>
      <Popconfirm title={`通过选中的 ${selected.length} 份报告?`} okText="通过" cancelText="取消" onConfirm={() => run('accept')}>
        <Button type="primary" size="small" loading={busy && !returning}>
          批量通过
        </Button>
      </Popconfirm>
      <Button danger size="small" onClick={() => setReturning(true)} disabled={busy}>
        批量退回
      </Button>
      <Button size="small" type="link" onClick={onClear}>
        取消选择
      </Button>
      <Modal
        open={returning}
        title={`退回选中的 ${selected.length} 份报告`}
        okText="退回"
        okButtonProps={{ danger: true, loading: busy, disabled: reason.trim().length < 2 }}
        cancelText="取消"
        onOk={() => run('return')}
        onCancel={() => setReturning(false)}
      >
        <label htmlFor="batch-return-reason" style={{ display: 'block', marginBottom: 4 }}>
          退回理由(各单位都会收到这一理由)
        </label>
        <Input.TextArea id="batch-return-reason" value={reason} onChange={(e) => setReason(e.target.value)} autoSize={{ minRows: 2, maxRows: 5 }} maxLength={2000} placeholder="例如:进展情况缺少量化数据,请补充" />
      </Modal>
    </div>
  );
}
