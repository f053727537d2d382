// A report's attachments: download links, and for the editing unit upload (pdf/docx/xlsx/jpg/png ≤10 MB) and removal.
import { useState } from 'react';
import { App, Button, Progress, Upload } from 'antd';
import { DeleteOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import type { AttachmentOut } from './runApi';
import { runApi } from './runApi';

const ACCEPT = '.pdf,.docx,.xlsx,.jpg,.jpeg,.png';
const MAX = 10 * 1024 * 1024;

function size(n: number) {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`;
}

export function AttachmentLinks({ items, onRemove }: { items: AttachmentOut[]; onRemove?: (id: number) => void }) {
  if (!items.length) return <div className="muted">无附件</div>;
  return (
    <ul style={{ margin: 0, paddingLeft: 0, listStyle: 'none' }}>
      {items.map((a) => (
        <li key={a.id}>
          <PaperClipOutlined /> <a href={`/api/attachments/${a.id}`}>{a.filename}</a> <span className="muted">({size(a.size)})</span>
          {onRemove ? <Button type="link" size="small" danger icon={<DeleteOutlined />} aria-label={`删除附件${a.filename}`} onClick={() => onRemove(a.id)} /> : null}
        </li>
      ))}
    </ul>
  );
}

/** Upload needs a saved report: `ensureReport` saves a draft first when there is none yet. */
export function AttachmentEditor({ items, ensureReport, onChange, disabled }: { items: AttachmentOut[]; ensureReport: () => Promise<number | null>; onChange: (items: AttachmentOut[]) => void; disabled?: boolean }) {
  const { message } = App.useApp();
  const [percent, setPercent] = useState<number | null>(null);
  const add = async (file: File) => {
    if (file.size > MAX) return void message.error('附件不能超过 10 MB');
    const id = await ensureReport();
    if (!id) return;
    setPercent(0);
    try {
      const a = await runApi.uploadAttachment(id, file, setPercent);
      onChange([...items, a]);
      message.success(`已上传:${a.filename}`);
    } finally {
      setPercent(null);
    }
  };
  const remove = async (id: number) => {
    await runApi.removeAttachment(id);
    onChange(items.filter((a) => a.id !== id));
  };
  return (
    <div>
      <AttachmentLinks items={items} onRemove={disabled ? undefined : remove} />
      {!disabled && (
        <Upload accept={ACCEPT} showUploadList={false} beforeUpload={(f) => (void add(f), false)}>
          <Button icon={<UploadOutlined />} style={{ marginTop: 6 }}>
            上传附件
          </Button>
        </Upload>
      )}
      {!disabled && <div className="muted" style={{ fontSize: 12 }}>支持文档、电子表格和图片,单个不超过 10 MB</div>}
      {percent !== null && <Progress percent={percent} size="small" />}
    </div>
  );
}
