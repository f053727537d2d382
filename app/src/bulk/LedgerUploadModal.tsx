// 上传台账: the unit's ledger Excel is read and checked row by row; every error is shown before anything is saved,
// then the rows without errors are saved as drafts or submitted through the batch save.
import { useState } from 'react';
import { Alert, App, Button, Modal, Space, Table, Tag, Upload } from 'antd';
import { InboxOutlined } from '@ant-design/icons';
import { ApiError } from '../api';
import { bulkApi, type LedgerPreview } from './bulkApi';

type Row = LedgerPreview['rows'][number];

const asWritten = (text: string) => (text ? text : <span className="muted">未填</span>);

export function LedgerUploadModal({ open, onClose, onSaved }: { open: boolean; onClose: () => void; onSaved: () => void }) {
  const { message } = App.useApp();
  const [preview, setPreview] = useState<LedgerPreview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<Record<number, string>>({});
  const close = () => {
    setPreview(null);
    setError(null);
    setResult({});
    onClose();
  };
  const read = async (file: File) => {
    setError(null);
    setPreview(null);
    setResult({});
    setProgress(0);
    try {
      setPreview(await bulkApi.uploadLedger(file, setProgress));
    } catch (e) {
      setError(e instanceof ApiError ? e.message : '台账读取失败');
    } finally {
      setProgress(null);
    }
    return false;
  };
  const ready = preview?.rows.filter((r) => r.report && !r.errors.length) ?? [];
  const bad = preview?.rows.filter((r) => r.errors.length) ?? [];
  const save = async (submit: boolean) => {
    setBusy(true);
    try {
      const res = await bulkApi.saveReports(ready.map((r) => ({ taskId: r.taskId!, ...r.report! })), submit);
      setResult(Object.fromEntries(res.items.map((i) => [i.id, i.ok ? (submit ? '已报送' : '已保存') : (i.error?.message ?? '失败')])));
      const failed = res.items.filter((i) => !i.ok).length;
      if (failed) message.warning(`${res.done} 项已${submit ? '报送' : '保存'},${failed} 项未成功,原因见表中`);
      else message.success(`${res.done} 项已${submit ? '报送' : '保存'}`);
      onSaved();
    } finally {
      setBusy(false);
    }
  };
  const saved = Object.keys(result).length > 0;
  return (
    <Modal open={open} onCancel={close} title="上传工作进展台账" width={980} footer={null} destroyOnHidden className="ledger-modal">
      <Upload.Dragger accept=".xlsx" showUploadList={false} beforeUpload={read} disabled={busy}>
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p>点击或拖入台账电子表格(≤5 MB)</p>
        <p className="muted">可直接使用“下载台账”得到的文件;本单位自己的台账只要有任务、推进状态、进度、完成情况等列也能读取。上传后先逐行核对,确认后才保存。</p>
      </Upload.Dragger>
      {progress !== null && <p className="muted">正在读取… {progress}%</p>}
      {error && <Alert type="error" showIcon title={error} style={{ marginTop: 12 }} />}
      {preview && (
        <>
          <Alert
            style={{ margin: '12px 0' }}
            type={bad.length ? 'warning' : 'success'}
            showIcon
            title={`工作表「${preview.sheetName}」第 ${preview.headerRow} 行为表头:${ready.length} 行可保存${bad.length ? `,${bad.length} 行有问题(不保存)` : ''}`}
            description={
              <>
                <div>读取的列:{preview.columns.filter((c) => c.field !== 'other').map((c) => c.header).join('、')}</div>
                {preview.missing.length > 0 && <div>台账中没有的本期任务 {preview.missing.length} 项:{preview.missing.map((m) => m.taskTitle).join('、')}</div>}
              </>
            }
          />
          <Table<Row>
            size="small"
            rowKey="rowNumber"
            pagination={false}
            scroll={{ y: 360, x: 760 }}
            dataSource={preview.rows}
            rowClassName={(r) => (r.errors.length ? 'ledger-row-error' : '')}
            columns={[
              { title: '行', dataIndex: 'rowNumber', width: 48 },
              { title: '任务', dataIndex: 'taskTitle', width: 240, render: (t: string, r) => <div><div>{t}</div>{r.planTitle && <div className="muted">{r.planTitle}</div>}</div> },
              // a row with errors shows what its cells say (the wrong value among them), not a dash
              { title: '状态', width: 80, render: (_: unknown, r) => (r.report ? r.report.reportedStatus : asWritten(r.cells.reportedStatus)) },
              { title: '进度', width: 64, render: (_: unknown, r) => (r.report ? (r.report.progress === null ? '未填' : `${r.report.progress}%`) : asWritten(r.cells.progress)) },
              { title: '完成情况', render: (_: unknown, r) => <span className="clamp-2">{r.report ? r.report.progressText || '未填' : asWritten(r.cells.progressText)}</span> },
              {
                title: '核对结果', width: 220,
                render: (_: unknown, r) =>
                  r.taskId && result[r.taskId] ? (
                    <Tag color={result[r.taskId].startsWith('已') ? 'success' : 'error'}>{result[r.taskId]}</Tag>
                  ) : r.errors.length ? (
                    <span className="ledger-errors">{r.errors.join(';')}</span>
                  ) : (
                    <Tag color={r.unchanged ? 'default' : 'processing'}>{r.unchanged ? '与已存草稿相同' : '可保存'}</Tag>
                  ),
              },
            ]}
          />
          <Space style={{ marginTop: 12 }} wrap>
            <Button onClick={() => save(false)} disabled={!ready.length || busy || saved} loading={busy}>
              保存为草稿({ready.length})
            </Button>
            <Button type="primary" onClick={() => save(true)} disabled={!ready.length || busy || saved} loading={busy}>
              报送({ready.length})
            </Button>
            <Button onClick={close}>{saved ? '完成' : '取消'}</Button>
          </Space>
        </>
      )}
    </Modal>
  );
}
