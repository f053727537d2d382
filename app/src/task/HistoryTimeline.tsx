// A record's audit history: who did what when, and the fields that changed.
import { Empty, Timeline } from 'antd';
import type { AuditEvent } from '../api';
import { dateTime } from '../format';
import { describeAction, describeChanges } from './auditText';

export function HistoryTimeline({ events, unitNames }: { events: AuditEvent[]; unitNames: Map<number, string> }) {
  if (!events.length) return <Empty description="暂无修改记录" image={Empty.PRESENTED_IMAGE_SIMPLE} />;
  return (
    <Timeline
      items={[...events].reverse().map((e) => ({
        key: e.id,
        content: (
          <div>
            <div className="muted" style={{ fontSize: 12 }}>
              {dateTime(e.at)}
            </div>
            <div>
              <strong>{e.actorName}</strong> {describeAction(e)}
            </div>
            {describeChanges(e, unitNames).map((c, i) => (
              <div key={i} className="history-change">
                {c.field}:{c.before !== null && <del>{c.before}</del>}
                {c.before !== null && ' → '}
                <ins>{c.after ?? '(清空)'}</ins>
              </div>
            ))}
          </div>
        ),
      }))}
    />
  );
}
