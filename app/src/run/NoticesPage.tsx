// 督办: the notices I may see (a unit only its own), filtered by plan and state; /notices/:id opens one.
import { Segmented, Select } from 'antd';
import { useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { useMe } from '../auth';
import { api } from '../api';
import { useRequest } from '../useRequest';
import { runApi } from './runApi';
import { NoticeTable } from './NoticeTable';
import { NoticeDrawer } from './NoticeDrawer';
import { noticeStatusLabels } from './runLabels';
import { useState } from 'react';
import { canManageNotices } from './runPermissions';
import { BatchRecheckBar } from '../bulk/BatchRecheckBar';
import './run.css';

export default function NoticesPage() {
  const me = useMe();
  const navigate = useNavigate();
  const { id } = useParams();
  const [search, setSearch] = useSearchParams();
  const planId = Number(search.get('plan')) || undefined;
  const status = search.get('status') ?? undefined;
  const open = search.get('open') !== '0';
  const plans = useRequest(['plans', 'all'], () => api.plans({ pageSize: 100 }));
  const list = useRequest(['notices', 'list', planId, status, open], () => runApi.notices({ planId, status, open: open && !status ? '1' : undefined }));
  const set = (k: string, v: string | undefined) => setSearch((p) => (v === undefined ? p.delete(k) : p.set(k, v), p));
  const qs = search.toString() ? `?${search}` : '';
  const [picked, setPicked] = useState<number[]>([]);
  const manage = canManageNotices(me);
  const counts = { red: 0, yellow: 0, blue: 0 } as Record<string, number>;
  for (const n of list.data?.items ?? []) counts[n.level] = (counts[n.level] ?? 0) + 1;

  return (
    <section>
      <div className="page-head">
        <h2>督办{me.unitName ? ` · ${me.unitName}` : ''}</h2>
        <div className="toolbar">
          <Select aria-label="选择规划" allowClear placeholder="全部规划" style={{ width: 300 }} value={planId} onChange={(v) => set('plan', v ? String(v) : undefined)} options={(plans.data?.items ?? []).map((p) => ({ value: p.id, label: p.title }))} />
          <Segmented value={open ? 'open' : 'all'} onChange={(v) => set('open', v === 'open' ? undefined : '0')} options={[{ value: 'open', label: '未办结' }, { value: 'all', label: '全部' }]} />
          <Select aria-label="按状态筛选" allowClear placeholder="全部状态" style={{ width: 160 }} value={status} onChange={(v) => set('status', v)} options={Object.entries(noticeStatusLabels).map(([value, label]) => ({ value, label }))} />
        </div>
      </div>
      <p className="muted" style={{ marginTop: 0 }}>
        <span className="notice-level red" />红色 {counts.red} 件 <span className="notice-level yellow" style={{ marginLeft: 12 }} />黄色 {counts.yellow} 件 <span className="notice-level blue" style={{ marginLeft: 12 }} />蓝色 {counts.blue} 件 · 逾期未反馈的督办件自动由蓝升黄、由黄升红
      </p>
      <div className="run-section">
        {manage && (
          <BatchRecheckBar
            selected={picked}
            planOf={(id) => list.data?.items.find((n) => n.id === id)?.planId}
            nameOf={(id) => `「${list.data?.items.find((n) => n.id === id)?.title ?? id}」`}
            onClear={() => setPicked([])}
            onDone={() => {
              setPicked([]);
              list.reload();
            }}
          />
        )}
        <NoticeTable items={list.data?.items ?? []} loading={list.loading} onOpen={(n) => navigate(`/notices/${n.id}${qs}`)} showPlan={!planId} selection={manage ? { keys: picked, onChange: setPicked } : undefined} />
      </div>
      <NoticeDrawer id={Number(id) || null} onClose={() => navigate(`/notices${qs}`)} onChange={() => list.reload()} />
    </section>
  );
}
