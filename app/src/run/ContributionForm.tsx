// 配合情况: what a responsible or cooperating unit did for a task led by another unit, this period.
import { useState } from 'react';
import { App, Button, Input, Space } from 'antd';
import { runApi, type ContributionOut } from './runApi';
import { dateTime } from '../format';

export function ContributionForm({ taskId, periodKey, unitId, items, onSaved, disabled }: { taskId: number; periodKey: string; unitId: number; items: ContributionOut[]; onSaved: () => void; disabled?: boolean }) {
  const { message } = App.useApp();
  const mine = items.find((c) => c.unitId === unitId && c.periodKey === periodKey);
  const [text, setText] = useState(mine?.text ?? '');
  const [saving, setSaving] = useState(false);
  const save = async () => {
    if (!text.trim()) return void message.warning('请填写配合情况');
    setSaving(true);
    try {
      await runApi.contribute(taskId, text.trim(), periodKey);
      message.success('配合情况已保存');
      onSaved();
    } finally {
      setSaving(false);
    }
  };
  return (
    <div>
      <Input.TextArea aria-label="配合情况" value={text} onChange={(e) => setText(e.target.value)} autoSize={{ minRows: 3, maxRows: 8 }} maxLength={5000} showCount disabled={disabled} placeholder="本单位本期配合开展的工作" />
      <Space style={{ marginTop: 8 }}>
        <Button type="primary" onClick={save} loading={saving} disabled={disabled}>
          保存配合情况
        </Button>
        {mine ? <span className="muted">上次保存:{dateTime(mine.updatedAt)}</span> : null}
      </Space>
    </div>
  );
}

export function ContributionList({ items }: { items: ContributionOut[] }) {
  if (!items.length) return <span className="muted">暂无配合单位填报</span>;
  return (
    <ul className="light-list">
      {items.map((c) => (
        <li key={c.id}>
          <strong className="nowrap">{c.unitName}</strong>
          <span className="report-text">{c.text}</span>
        </li>
      ))}
    </ul>
  );
}
