// 批量复核: the selected fed-back 督办 of one plan rechecked in one go — passed, or back to the unit to handle again
// with one note; each notice that could not be rechecked is named with the reason.
import { useState } from 'react';
import { App, Button, Input, Modal } from 'antd';
import { batchSummary, bulkApi } from './bulkApi';
import './bulk.css';

export function BatchRecheckBar({ selected, planOf, nameOf, onDone, onClear }: { selected: number[]; planOf: (id: number) => number | undefined; nameOf: (id: number) => string; onDone: () => void; onClear: () => void }) {
  const { message, modal } = App.useApp();
  const [mode, setMode] = useState<'pass' | 'fail' | null>(null);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  if (!selected.length) return null;
  const run = async () => {
    setBusy(true);
    try {
      // one call per plan: a batch changes one plan's notices
      const byPlan = new Map<number, number[]>();
      for (const id of selected) byPlan.set(planOf(id)!, [...(byPlan.get(planOf(id)!) ?? []), id]);
      const items = [];
      for (const [planId, noticeIds] of byPlan) items.push(...(await bulkApi.recheckNotices(planId, { noticeIds, passed: mode === 'pass', note: note.trim() })).items);
      const s = batchSummary({ items, done: items.filter((i) => i.ok).length, failed: items.filter((i) => !i.ok).length }, '复核', nameOf);
      if (s.ok) message.success(s.text);
      else modal.warning({ title: '部分督办未能复核', content: s.text });
      setMode(null);
      setNote('');
      onDone();
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="batch-bar" role="region" aria-label="批量复核">
      <span>已选 {selected.length} 件督办</span>
      <Button type="primary" size="small" onClick={() => setMode('pass')}>
        批量复核通过
      </Button>
      <Button danger size="small" onClick={() => setMode('fail')}>
        批量复核不通过
      </Button>
      <Button size="small" type="link" onClick={onClear}>
        取消选择
      </Button>
      <Modal
        open={!!mode}
        title={mode === 'pass' ? `复核通过 ${selected.length} 件督办` : `复核不通过 ${selected.length} 件督办(退回单位重新办理)`}
        okText="确定"
        cancelText="取消"
        okButtonProps={{ loading: busy, danger: mode === 'fail', disabled: mode === 'fail' && note.trim().length < 2 }}
        onOk={run}
        onCancel={() => setMode(null)}
      >
        <Input.TextArea aria-label="复核意见" value={note} onChange={(e) => setNote(e.target.value)} maxLength={5000} autoSize={{ minRows: 2, maxRows: 5 }} placeholder={mode === 'fail' ? '复核不通过的理由(必填)' : '复核意见(可选)'} />
      </Modal>
    </div>
  );
}
