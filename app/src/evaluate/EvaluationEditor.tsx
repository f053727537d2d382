// One evaluation draft: its generated figures beside the editable narrative; save (conflict-checked) and export .docx.
import { useEffect, useState } from 'react';
import { Alert, App, Button, Descriptions, Drawer, Form, Input, Space, Table } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { ApiError } from '../api';
import { dateTime } from '../format';
import { useRequest } from '../useRequest';
import { evalApi, evaluationKindLabels, exportUrls, type EvaluationDetail } from './evalApi';
import { formToNarrative, narrativeToForm, NarrativeFields, type NarrativeForm } from './NarrativeEditor';

type Row = EvaluationDetail['data']['tasksByChapter'][number];

function Figures({ d }: { d: EvaluationDetail['data'] }) {
  const c = d.indicatorCounts;
  return (
    <div>
      <Descriptions size="small" column={3} bordered title={`自动生成的数据(截至${d.asOf})`}>
        <Descriptions.Item label="指标总数">{c.total}</Descriptions.Item>
        <Descriptions.Item label="提前完成">{c.achieved_early}</Descriptions.Item>
        <Descriptions.Item label="快于预期">{c.ahead}</Descriptions.Item>
        <Descriptions.Item label="符合序时">{c.on_track}</Descriptions.Item>
        <Descriptions.Item label="滞后">{c.behind}</Descriptions.Item>
        <Descriptions.Item label="无数据">{c.none}</Descriptions.Item>
      </Descriptions>
      <Table<Row>
        style={{ marginTop: 12 }}
        size="small"
        rowKey="name"
        pagination={false}
        dataSource={d.tasksByChapter}
        title={() => '分章节任务推进情况'}
        columns={[
          { title: '章节', dataIndex: 'name' },
          { title: '任务', dataIndex: 'total', width: 60, align: 'right' },
          { title: '已完成', dataIndex: 'completed', width: 70, align: 'right' },
          { title: '正常', dataIndex: 'onTrack', width: 60, align: 'right' },
          { title: '滞后', dataIndex: 'behind', width: 60, align: 'right' },
          { title: '未报送', dataIndex: 'notReported', width: 70, align: 'right' },
        ]}
      />
    </div>
  );
}

export function EvaluationEditor({ id, canEdit, onClose }: { id: number | null; canEdit: boolean; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<NarrativeForm & { title?: string; issuingOffice?: string }>();
  const ev = useRequest(['eval', 'evaluation', id], () => (id ? evalApi.evaluation(id) : Promise.resolve(undefined)));
  const [saving, setSaving] = useState(false);
  const [conflict, setConflict] = useState(false);
  const e = ev.data;
  useEffect(() => {
    if (e) form.setFieldsValue({ ...narrativeToForm(e.narrative), title: e.customTitle ?? '', issuingOffice: e.issuingOffice });
    setConflict(false);
  }, [e, form]);
  const save = async () => {
    if (!e) return;
    const v = form.getFieldsValue(true);
    setSaving(true);
    try {
      const out = await evalApi.updateEvaluation(e.id, { title: v.title?.trim() || null, issuingOffice: v.issuingOffice, narrative: formToNarrative(v, e.narrative), expectedUpdatedAt: e.updatedAt });
      ev.setData({ ...e, ...out });
      message.success('评估报告已保存');
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) setConflict(true);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Drawer
      open={!!id}
      onClose={onClose}
      width={980}
      title={e ? e.title : '评估报告'}
      destroyOnHidden
      loading={ev.loading && !e}
      extra={
        e && (
          <Space>
            {canEdit && <Button type="primary" onClick={save} loading={saving}>保存</Button>}
            <Button icon={<DownloadOutlined />} href={exportUrls.evaluation(e.id)}>导出文档</Button>
          </Space>
        )
      }
    >
      {e && (
        <div>
          {conflict && <Alert type="error" showIcon style={{ marginBottom: 12 }} title="他人已修改了这份报告,请重新打开后再编辑(您的修改尚未保存)" action={<Button size="small" onClick={ev.reload}>重新载入</Button>} />}
          <p className="muted">{evaluationKindLabels[e.kind]} · {e.year}年 · 最后修改 {dateTime(e.updatedAt)}{e.updatedBy ? `(${e.updatedBy})` : ''}</p>
          <Figures d={e.data} />
          <Form form={form} layout="vertical" style={{ marginTop: 16 }} disabled={!canEdit}>
            <Space size="large" wrap>
              <Form.Item name="title" label="标题(留空使用默认标题)">
                <Input style={{ width: 520 }} placeholder={e.title} />
              </Form.Item>
              <Form.Item name="issuingOffice" label="发文机关">
                <Input style={{ width: 260 }} />
              </Form.Item>
            </Space>
            <NarrativeFields disabled={!canEdit} />
          </Form>
        </div>
      )}
    </Drawer>
  );
}
