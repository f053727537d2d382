// Publishing with care (issue #11): the office sees exactly what the public page will show — the same words and
// colours (shared/statusWords.ts), accepted figures only — and confirms that preview; publishing refuses a preview
// the data has moved past (PUBLISH_PREVIEW_STALE), so what goes out is what was looked at.
import { useEffect, useState } from 'react';
import { Alert, App, Button, Modal, Popconfirm, Space, Table, Tag } from 'antd';
import type { z } from 'zod';
import type { publicPreviewSchema } from '../../../shared/evaluation';
import { colorPhrase, STATUS_COLORS } from '../../../shared/statusWords';
import type { PlanDetail } from '../../../shared/api';
import { request } from '../api';
import { StatusLight } from '../run/StatusLight';

type Preview = z.infer<typeof publicPreviewSchema>;

export function PublishControl({ planId, published, onChanged }: { planId: number; published: boolean; onChanged: (p: PlanDetail) => void }) {
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (!open) return;
    setPreview(null);
    request<Preview>(`/api/plans/${planId}/public-preview`).then(setPreview, () => setOpen(false));
  }, [open, planId]);
  const publish = async (body: { publish: true; fingerprint: string } | { publish: false }) => {
    setBusy(true);
    try {
      onChanged(await request<PlanDetail>(`/api/plans/${planId}/publish`, { method: 'POST', body }));
      message.success(body.publish ? '已公开' : '已撤回公开');
      setOpen(false);
    } finally {
      setBusy(false);
    }
  };
  if (published)
    return (
      <Space size={4}>
        <Tag color="green">已公开</Tag>
        <Popconfirm title="撤回后公众将无法查看该规划的实施进展,确定撤回?" okText="撤回公开" cancelText="取消" onConfirm={() => publish({ publish: false })}>
          <Button size="small">撤回公开</Button>
        </Popconfirm>
      </Space>
    );
  const p = preview?.page;
  return (
    <>
      <Button size="small" onClick={() => setOpen(true)}>预览并公开…</Button>
      <Modal
        open={open}
        title="公开预览:公众将看到的内容"
        width="min(960px, 100vw)"
        onCancel={() => setOpen(false)}
        okText="确认公开"
        cancelText="取消"
        okButtonProps={{ disabled: !preview, loading: busy }}
        onOk={() => preview && publish({ publish: true, fingerprint: preview.fingerprint })}
        className="publish-preview"
      >
        {!p ? (
          <span className="muted">正在生成预览…</span>
        ) : (
          <>
            <Alert type="info" showIcon title="公开页面只显示已审核通过的进度;待审核的报送显示为“已报送待审核”,不显示其数字。确认后立即公开。" />
            <p style={{ marginTop: 12 }}>
              <b>{p.title}</b>
              <br />
              总体进度:{p.progress === null ? '暂无已审核进度' : `${p.progress.toFixed(1)}%`} · 共 {p.taskCount} 项任务 · 数据更新至{p.dataUpdatedAt ?? '(暂无审核通过的报送)'}
            </p>
            <Space wrap size={4}>
              {STATUS_COLORS.map((c) => (
                <StatusLight key={c} status={{ color: c, label: `${colorPhrase(c)} ${p.counts[c]} 项` }} compact />
              ))}
            </Space>
            <Table
              style={{ marginTop: 12 }}
              size="small"
              rowKey={(t, i) => `${t.title}-${i}`}
              dataSource={p.tasks}
              pagination={{ pageSize: 8, size: 'small' }}
              scroll={{ x: 'max-content' }}
              columns={[
                { title: '任务', dataIndex: 'title', render: (t: string) => <div className="clamp-2" style={{ minWidth: 200 }}>{t}</div> },
                { title: '进度', dataIndex: 'progress', width: 80, render: (v: number | null) => (v === null ? '—' : `${v}%`) },
                { title: '状态', key: 's', width: 260, render: (_, t) => <StatusLight status={{ color: t.color, label: t.label, reason: t.explanation }} /> },
              ]}
            />
          </>
        )}
      </Modal>
    </>
  );
}
