// What each side may do next with a notice: the unit signs, handles and feeds back; the office rechecks and closes.
import { useState } from 'react';
import { App, Button, Input, Space } from 'antd';
import { useMe } from '../auth';
import { runApi, type NoticeOut } from './runApi';
import { canManageNotices, canRespondNotices } from './runPermissions';

export function NoticeActions({ notice, onChange }: { notice: NoticeOut; onChange: (n: NoticeOut) => void }) {
  const me = useMe();
  const { message } = App.useApp();
  const [text, setText] = useState('');
  const [busy, setBusy] = useState<string | null>(null);
  const unit = canRespondNotices(me) && me.unitId === notice.unitId;
  const office = canManageNotices(me);
  const run = async (key: string, fn: () => Promise<NoticeOut>, ok: string) => {
    setBusy(key);
    try {
      const n = await fn();
      setText('');
      message.success(ok);
      onChange(n);
    } finally {
      setBusy(null);
    }
  };
  const s = notice.status;
  if (unit && s === 'issued')
    return <Button type="primary" loading={busy === 'sign'} onClick={() => run('sign', () => runApi.respondNotice(notice.id, 'sign'), '已签收')}>签收</Button>;
  if (unit && s === 'signed')
    return <Button type="primary" loading={busy === 'handle'} onClick={() => run('handle', () => runApi.respondNotice(notice.id, 'handle'), '已开始办理')}>开始办理</Button>;
  if (unit && s === 'handled')
    return (
      <div>
        <label htmlFor="notice-feedback">整改落实情况</label>
        <Input.TextArea id="notice-feedback" value={text} onChange={(e) => setText(e.target.value)} autoSize={{ minRows: 3, maxRows: 8 }} maxLength={5000} placeholder="整改措施、完成情况和佐证" />
        <Button
          type="primary"
          style={{ marginTop: 8 }}
          loading={busy === 'feedback'}
          onClick={() => (text.trim().length < 2 ? message.warning('请填写整改落实情况') : run('feedback', () => runApi.respondNotice(notice.id, 'feedback', text.trim()), '已反馈,等待规划办复核'))}
        >
          提交反馈
        </Button>
      </div>
    );
  if (office && s === 'fed_back')
    return (
      <div>
        <label htmlFor="notice-recheck">复核意见</label>
        <Input.TextArea id="notice-recheck" value={text} onChange={(e) => setText(e.target.value)} autoSize={{ minRows: 2, maxRows: 6 }} maxLength={5000} placeholder="不通过时请写明原因,督办件将退回单位继续办理" />
        <Space style={{ marginTop: 8 }}>
          <Button type="primary" loading={busy === 'pass'} onClick={() => run('pass', () => runApi.recheckNotice(notice.id, true, text.trim()), '复核通过')}>
            复核通过
          </Button>
          <Button danger loading={busy === 'fail'} onClick={() => (text.trim() ? run('fail', () => runApi.recheckNotice(notice.id, false, text.trim()), '已退回单位继续办理') : message.warning('复核不通过须写明原因'))}>
            不通过,退回办理
          </Button>
        </Space>
      </div>
    );
  if (office && s === 'rechecked')
    return <Button type="primary" loading={busy === 'close'} onClick={() => run('close', () => runApi.closeNotice(notice.id), '督办件已办结')}>办结</Button>;
  const waiting: Record<string, string> = unit
    ? { fed_back: '已反馈,等待规划办复核', rechecked: '复核已通过,等待规划办办结', closed: '已办结' }
    : { issued: '等待单位签收', signed: '单位已签收,等待办理', handled: '单位办理中,等待反馈', closed: '已办结' };
  return <span className="muted">{waiting[s] ?? ''}</span>;
}
