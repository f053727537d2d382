// A notice's history: from the audit log when the user may read it, otherwise from the notice's own dates.
import { Timeline } from 'antd';
import { dateTime, deadline } from '../format';
import { useRequest } from '../useRequest';
import { runApi, type NoticeOut } from './runApi';
import { noticeActionLabels, noticeLevelLabels, noticeStatusLabels } from './runLabels';

function detail(after: unknown): string {
  if (!after || typeof after !== 'object') return '';
  const a = after as Record<string, unknown>;
  const parts: string[] = [];
  if (typeof a.text === 'string' && a.text) parts.push(a.text);
  if (typeof a.note === 'string' && a.note) parts.push(`意见:${a.note}`);
  if (typeof a.level === 'string' && a.responseDeadline) parts.push(`升级为${noticeLevelLabels[a.level] ?? a.level},新期限${deadline(String(a.responseDeadline))}`);
  return parts.join(';');
}

export function NoticeHistory({ notice }: { notice: NoticeOut }) {
  const audit = useRequest(['notices', 'history', notice.id, notice.status, notice.level], () => runApi.noticeHistory(notice.id).catch(() => ({ items: [] })));
  const items = audit.data?.items ?? [];
  if (items.length)
    return (
      <Timeline
        items={items.map((e) => ({
          key: e.id,
          content: (
            <div>
              <strong>{noticeActionLabels[e.action] ?? '处理'}</strong> <span className="muted">{dateTime(e.at)} · {e.actorName === 'system' ? '系统' : e.actorName}</span>
              {detail(e.after) ? <div className="report-text">{detail(e.after)}</div> : null}
            </div>
          ),
        }))}
      />
    );
  const steps = [
    { key: 'issued', content: `下发 ${dateTime(notice.issuedAt)}` },
    notice.feedback ? { key: 'fb', content: `单位反馈:${notice.feedback}` } : null,
    notice.recheckNote ? { key: 'rc', content: `复核意见:${notice.recheckNote}` } : null,
    notice.closedAt ? { key: 'closed', content: `办结 ${dateTime(notice.closedAt)}` } : { key: 'now', content: `当前:${noticeStatusLabels[notice.status] ?? ''}` },
  ].filter(Boolean) as { key: string; content: string }[];
  return <Timeline items={steps} />;
}
