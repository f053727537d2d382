// The bell in the header: unread count, the latest in-app messages; a click marks one read and opens its page.
import { useEffect, useState } from 'react';
import { Badge, Button, Empty, Popover } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router-dom';
import { dateTime } from '../format';
import { runApi, type NotificationOut } from './runApi';
import './run.css';

const POLL_MS = 60_000;

export default function NotificationBell() {
  const navigate = useNavigate();
  const [items, setItems] = useState<NotificationOut[]>([]);
  const [unread, setUnread] = useState(0);
  const [open, setOpen] = useState(false);
  const load = () => runApi.notifications().then((d) => (setItems(d.items.slice(0, 30)), setUnread(d.unread)), () => undefined);
  useEffect(() => {
    load();
    const t = setInterval(load, POLL_MS);
    return () => clearInterval(t);
  }, []);
  const go = async (n: NotificationOut) => {
    setOpen(false);
    if (!n.readAt) {
      setItems((xs) => xs.map((x) => (x.id === n.id ? { ...x, readAt: new Date().toISOString() } : x)));
      setUnread((u) => Math.max(0, u - 1));
      void runApi.readNotification(n.id);
    }
    if (n.link) navigate(n.link);
  };
  const list = (
    <div className="bell-list" role="list" aria-label="站内提醒">
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无提醒" />
      ) : (
        items.map((n) => (
          <div key={n.id} role="listitem" tabIndex={0} className={n.readAt ? 'bell-item' : 'bell-item unread'} onClick={() => go(n)} onKeyDown={(e) => e.key === 'Enter' && go(n)}>
            <div className="bell-title">{n.title}</div>
            <div className="bell-body">{n.body}</div>
            <div className="muted" style={{ fontSize: 12 }}>{dateTime(n.createdAt)}</div>
          </div>
        ))
      )}
    </div>
  );
  return (
    <Popover content={list} title={`站内提醒${unread ? `(${unread} 条未读)` : ''}`} trigger="click" open={open} onOpenChange={(o) => (setOpen(o), o && load())} placement="bottomRight">
      <Badge count={unread} size="small" overflowCount={99}>
        <Button type="text" size="small" className="bell-button" icon={<BellOutlined />} aria-label={`站内提醒,${unread} 条未读`} />
      </Badge>
    </Popover>
  );
}
