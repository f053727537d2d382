// 导入规划: drag a file in, watch the upload, land on the review; below, earlier imports.
import { useState } from 'react';
import { Alert, App, Progress, Select, Table, Tag, Upload } from 'antd';
import { InboxOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import type { ImportJob } from '../../../shared/api';
import { api, ApiError } from '../api';
import { regionOptions } from '../regionOptions';
import { useMe } from '../auth';
import { dateTime } from '../format';
import { importStatusColors, importStatusLabels, label } from '../labels';
import { useRequest } from '../useRequest';

const ACCEPT = '.txt,.docx,.pdf,.html,.htm,.xlsx';

export default function ImportPage() {
  const me = useMe();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [regionId, setRegionId] = useState<number | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [phase, setPhase] = useState<'idle' | 'uploading' | 'parsing'>('idle');
  const [failure, setFailure] = useState<string | null>(null);
  const regions = useRequest(['regions'], () => api.regions());
  const history = useRequest(['imports'], () => api.imports());
  const myRegions = (regions.data?.items ?? []).filter((r) => me.roles.includes('admin') || me.regionIds.includes(r.id));

  const start = async (file: File) => {
    setFailure(null);
    setPhase('uploading');
    setProgress(0);
    try {
      const job = await api.uploadImport(file, regionId, (p) => {
        setProgress(p);
        if (p >= 100) setPhase('parsing');
      });
      setPhase('idle');
      setProgress(null);
      if (job.status === 'failed') {
        setFailure(job.error?.message ?? '解析失败');
        history.reload();
        return;
      }
      if (job.status === 'confirmed' && job.planId) {
        message.info('该文件已经导入过,正在打开对应的规划');
        navigate(`/plans/${job.planId}`);
        return;
      }
      if (job.duplicateOf) message.info('该文件此前已上传过,已打开原有的导入记录');
      navigate(`/imports/${job.id}`);
    } catch (e) {
      setPhase('idle');
      setProgress(null);
      setFailure(e instanceof ApiError ? e.message : '上传失败');
      history.reload();
    }
  };

  return (
    <section>
      <div className="page-head">
        <h2>导入规划</h2>
        <div className="toolbar">
          <span className="muted">所属区划</span>
          <Select
            aria-label="所属区划"
            style={{ width: 200 }}
            allowClear
            placeholder="按文件内容自动识别"
            value={regionId ?? undefined}
            onChange={(v) => setRegionId(v ?? null)}
            showSearch
            optionFilterProp="label"
            options={regionOptions(myRegions)}
          />
        </div>
      </div>
      <Upload.Dragger
        accept={ACCEPT}
        multiple={false}
        showUploadList={false}
        disabled={phase !== 'idle'}
        beforeUpload={(file) => {
          void start(file as unknown as File);
          return false;
        }}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">点击或将规划文件拖到此处上传</p>
        <p className="ant-upload-hint">支持 txt、docx、pdf、html、xlsx 文件,单个文件不超过 20 MB。上传后系统自动识别章节、任务、责任单位、指标和项目,供您逐项核对。</p>
      </Upload.Dragger>
      {phase !== 'idle' && (
        <div style={{ marginTop: 16 }} role="status" aria-live="polite">
          <Progress percent={progress ?? 0} status="active" format={(p) => (phase === 'parsing' ? '解析中' : `${p}%`)} />
          <div className="muted">{phase === 'uploading' ? '正在上传文件…' : '上传完成,正在解析文档结构,请稍候…'}</div>
        </div>
      )}
      {failure && <Alert style={{ marginTop: 16 }} type="error" showIcon title="导入失败" description={failure} closable={{ onClose: () => setFailure(null) }} />}

      <h3 style={{ margin: '24px 0 8px', fontSize: 16 }}>导入记录</h3>
      <Table<ImportJob>
        rowKey="id"
        size="small"
        loading={history.loading}
        dataSource={history.data?.items ?? []}
        pagination={{ pageSize: 10, showTotal: (t) => `共 ${t} 条` }}
        locale={{ emptyText: '暂无导入记录' }}
        columns={[
          { title: '文件名', dataIndex: 'filename', ellipsis: true },
          { title: '上传时间', dataIndex: 'createdAt', width: 190, render: (v: string) => dateTime(v) },
          {
            title: '状态',
            dataIndex: 'status',
            width: 100,
            render: (v: string, r) => (
              <Tag color={importStatusColors[v]} title={r.error?.message}>
                {label(importStatusLabels, v)}
              </Tag>
            ),
          },
          {
            title: '操作',
            key: 'op',
            width: 120,
            render: (_, r) =>
              r.status === 'review' ? (
                <Link to={`/imports/${r.id}`}>继续审核</Link>
              ) : r.planId ? (
                <Link to={`/plans/${r.planId}`}>查看规划</Link>
              ) : r.status === 'failed' ? (
                <span className="muted">{r.error?.message ?? '—'}</span>
              ) : (
                '—'
              ),
          },
        ]}
      />
    </section>
  );
}

