// 评估报告: drafts of annual monitoring, mid-term and final evaluation reports; create, edit, export .docx.
import { useState } from 'react';
import { App, Button, InputNumber, Select, Space, Table } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { dateTime } from '../format';
import { useRequest } from '../useRequest';
import { evalApi, evaluationKindLabels, exportUrls, type EvaluationKind, type EvaluationOut } from './evalApi';
import { EvaluationEditor } from './EvaluationEditor';

export function EvaluationsTab({ planId, canEdit }: { planId: number; canEdit: boolean }) {
  const { message } = App.useApp();
  const list = useRequest(['eval', 'evaluations', planId], () => evalApi.evaluations(planId));
  const [kind, setKind] = useState<EvaluationKind>('annual');
  const [year, setYear] = useState<number>(dayjs().year());
  const [busy, setBusy] = useState(false);
  const [openId, setOpenId] = useState<number | null>(null);
  const create = async () => {
    setBusy(true);
    try {
      const e = await evalApi.createEvaluation(planId, { kind, year });
      message.success('已生成评估报告草稿');
      list.reload();
      setOpenId(e.id);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div>
      {canEdit && (
        <Space style={{ marginBottom: 12 }} wrap>
          <Select aria-label="报告类型" value={kind} onChange={setKind} style={{ width: 160 }} options={(Object.keys(evaluationKindLabels) as EvaluationKind[]).map((k) => ({ value: k, label: evaluationKindLabels[k] }))} />
          <InputNumber aria-label="年度" value={year} onChange={(v) => v && setYear(v)} min={2000} max={2100} suffix="年" style={{ width: 110 }} />
          <Button type="primary" onClick={create} loading={busy}>生成草稿</Button>
          <span className="muted">指标、任务统计自动生成;问题与打算取自单位报告,可修改</span>
        </Space>
      )}
      <Table<EvaluationOut>
        rowKey="id"
        size="middle"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: '尚无评估报告草稿' }}
        pagination={false}
        columns={[
          { title: '标题', dataIndex: 'title' },
          { title: '类型', dataIndex: 'kind', width: 130, render: (k: EvaluationKind) => evaluationKindLabels[k] },
          { title: '年度', dataIndex: 'year', width: 80 },
          { title: '最后修改', key: 'u', width: 220, render: (_, e) => `${dateTime(e.updatedAt)}${e.updatedBy ? ` ${e.updatedBy}` : ''}` },
          {
            title: '操作',
            key: 'op',
            width: 200,
            render: (_, e) => (
              <Space>
                <Button size="small" onClick={() => setOpenId(e.id)}>{canEdit ? '编辑' : '查看'}</Button>
                <Button size="small" icon={<DownloadOutlined />} href={exportUrls.evaluation(e.id)}>导出</Button>
              </Space>
            ),
          },
        ]}
      />
      <EvaluationEditor id={openId} canEdit={canEdit} onClose={() => (setOpenId(null), list.reload())} />
    </div>
  );
}
