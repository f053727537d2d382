// 催报: remind the lead units that have not reported this period, now, by the plan's 督办 channels (站内、邮件、
// 群机器人); each unit at most once a day. The office picks the units (all the late ones by default).
import { useState } from 'react';
import { App, Button, Checkbox, Input, Modal, Space } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { batchSummary, bulkApi } from './bulkApi';
import type { Board } from '../../../shared/reporting';

export function RemindUnitsButton({ planId, periodKey, periodLabel, units, onDone }: { planId: number; periodKey: string; periodLabel: string; units: Board['overdue']['units']; onDone?: () => void }) {
  const { message, modal } = App.useApp();
  const late = units.filter((u) => u.missing > 0);
  const [open, setOpen] = useState(false);
  const [chosen, setChosen] = useState<number[]>([]);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const start = () => {
    setChosen(late.map((u) => u.unitId));
    setOpen(true);
  };
  const send = async () => {
    setBusy(true);
    try {
      const res = await bulkApi.remind(planId, { unitIds: chosen, period: periodKey, note: note.trim() });
      const s = batchSummary(res, '催报', (id) => units.find((u) => u.unitId === id)?.unitName ?? `#${id}`);
      if (s.ok) message.success(`${s.text}(${res.periodLabel})`);
      else modal.info({ title: '催报结果', content: s.text });
      setOpen(false);
      setNote('');
      onDone?.();
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button icon={<BellOutlined />} onClick={start} disabled={!late.length}>
        催报{late.length ? `(${late.length} 个单位未报)` : ''}
      </Button>
      <Modal open={open} title={`催报 ${periodLabel} 工作进展`} okText={`立即催报(${chosen.length})`} okButtonProps={{ disabled: !chosen.length, loading: busy }} cancelText="取消" onOk={send} onCancel={() => setOpen(false)}>
        <p className="muted">按本规划督办设置的渠道(站内提醒、电子邮件、群机器人)提醒所选单位的填报员和负责人;每个单位每天只催报一次。</p>
        <Space size="small" style={{ marginBottom: 6 }}>
          <Button size="small" type="link" onClick={() => setChosen(late.map((u) => u.unitId))}>
            全选
          </Button>
          <Button size="small" type="link" onClick={() => setChosen([])}>
            全不选
          </Button>
          <span className="muted">已选 {chosen.length} / {late.length} 个单位</span>
        </Space>
        {/* one column that scrolls, however many units are late (a wrapped column ran off the dialog's right edge) */}
        <Checkbox.Group value={chosen} onChange={(v) => setChosen(v as number[])} style={{ display: 'flex', flexDirection: 'column', flexWrap: 'nowrap', gap: 6, maxHeight: 280, overflowY: 'auto' }}>
          {late.map((u) => (
            <Checkbox key={u.unitId} value={u.unitId}>
              {u.unitName}(未报 {u.missing} 项)
            </Checkbox>
          ))}
        </Checkbox.Group>
        <Input.TextArea style={{ marginTop: 12 }} aria-label="催报附言" value={note} onChange={(e) => setNote(e.target.value)} maxLength={500} autoSize={{ minRows: 2, maxRows: 4 }} placeholder="附言(可选),例如:请于今日下班前报送" />
      </Modal>
    </>
  );
}
