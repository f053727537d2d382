// 修改记录 of a plan (status, publication, title…), for whoever may read the audit trail.
import { useEffect, useState } from 'react';
import { Button, Drawer, Skeleton } from 'antd';
import { HistoryOutlined } from '@ant-design/icons';
import { api, type AuditEvent } from '../api';
import { HistoryTimeline } from '../task/HistoryTimeline';

export function PlanHistoryButton({ planId, version }: { planId: number; version: string }) {
  const [open, setOpen] = useState(false);
  const [events, setEvents] = useState<AuditEvent[] | null>(null);
  useEffect(() => {
    if (!open) return;
    setEvents(null);
    api.audit('plan', planId).then((r) => setEvents(r.items), () => setEvents([]));
  }, [open, planId, version]);
  return (
    <>
      <Button size="small" icon={<HistoryOutlined />} onClick={() => setOpen(true)}>
        修改记录
      </Button>
      <Drawer open={open} onClose={() => setOpen(false)} title="规划修改记录" size={520}>
        {events ? <HistoryTimeline events={events} unitNames={new Map()} /> : <Skeleton active />}
      </Drawer>
    </>
  );
}
