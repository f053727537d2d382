// Correct the plan's title, type and period before it is created.
import { useEffect } from 'react';
import { Form, Input, InputNumber, Modal, Select, Space } from 'antd';
import type { ParsedPlan } from '../../../shared/parsedPlan';
import type { CorrectionPatch } from '../api';

const TYPES = ['纲要', '专项规划', '行动计划', '实施方案', '决定', '其他'];

export type MetaPatch = CorrectionPatch<'updateMeta'>;

export function MetaEditModal({ meta, open, onCancel, onSubmit }: { meta: ParsedPlan['meta']; open: boolean; onCancel: () => void; onSubmit: (p: MetaPatch) => Promise<void> }) {
  const [form] = Form.useForm();
  useEffect(() => {
    if (open) form.setFieldsValue({ title: meta.title, type: meta.type, periodStart: meta.periodStart, periodEnd: meta.periodEnd });
  }, [open, meta, form]);
  const save = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    await onSubmit({ title: v.title.trim(), type: v.type ?? null, periodStart: v.periodStart ?? null, periodEnd: v.periodEnd ?? null });
  };
  // validation problems show on the form, API errors in a message: the dialog just stays open
  const submit = () => save().catch(() => undefined);
  return (
    <Modal open={open} title="修改基本信息" okText="保存" cancelText="取消" onOk={submit} onCancel={onCancel} destroyOnHidden>
      <Form form={form} layout="vertical">
        <Form.Item name="title" label="规划名称" rules={[{ required: true, min: 2, message: '规划名称至少 2 个字' }]}>
          <Input.TextArea autoSize />
        </Form.Item>
        <Form.Item name="type" label="类型">
          <Select allowClear options={TYPES.map((t) => ({ value: t, label: t }))} placeholder="未识别" />
        </Form.Item>
        <Space>
          <Form.Item name="periodStart" label="起始年份">
            <InputNumber min={2000} max={2100} />
          </Form.Item>
          <Form.Item name="periodEnd" label="截止年份">
            <InputNumber min={2000} max={2100} />
          </Form.Item>
        </Space>
      </Form>
    </Modal>
  );
}
